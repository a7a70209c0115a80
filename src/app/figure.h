/* figure: the stick figure drawn from a choreography state — projected through the exercise's
 * camera, fitted to its layout box, limbs as anti-aliased round-capped capsules (far side in a
 * lighter tone, drawn behind), a round head with a face mark, the mat, and the handout cues
 * (faint start and end poses of the move, an arrow along it). Depends on gfx and core. */
#ifndef SK_FIGURE_H
#define SK_FIGURE_H

#include "choreo.h"
#include "gfx.h"

/* How world metres map to the screen for one exercise in one box (cached: the fit samples the
 * whole routine, so the figure never zooms while it moves). */
typedef struct figure_fit_t {
    int exercise;        /* -1 = not computed */
    layout_box_t box;
    vec3 right, up, toward; /* camera axes in world space */
    float scale;         /* pixels per metre */
    float ox, oy;        /* screen position of the world origin */
    float x_min, x_max;  /* world extent along x (the mat's length), metres */
} figure_fit_t;

typedef struct figure_colors_t {
    gfx_color_t near, far, ghost, mat, face, arrow;
} figure_colors_t;

void figure_fit(figure_fit_t *fit, const choreo_t *choreo, layout_box_t box);

/* Projects a world point to the screen (pixels) and its depth (larger = nearer). */
void figure_project(const figure_fit_t *fit, const vec3 p, float *x, float *y, float *depth);

/* Draws the figure; returns the bounds of everything it drew, pixels, and in *moving (if not
 * NULL) those of what changes from one move to the next (all but the mat). With gfx->dry it
 * draws nothing and only measures. */
layout_box_t figure_draw(gfx_t *gfx, const figure_fit_t *fit, const choreo_t *choreo,
                         const choreo_state_t *state, const figure_colors_t *colors,
                         layout_box_t *moving);

#endif
