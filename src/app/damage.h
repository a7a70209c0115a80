/* damage: the rectangles a frame must redraw, and why (the partial-redraw design is told at the
 * top of damage.c). Depends on render's state and core; no GL. */
#ifndef SK_DAMAGE_H
#define SK_DAMAGE_H

#include "render.h"

/* Where a frame redraws: a few rectangles, so two small changes far apart (the highlighted
 * step, the figure's new move) do not redraw everything between them. */
#define DAMAGE_MAX 4
typedef struct damage_t {
    layout_box_t box[DAMAGE_MAX];
    int count;
    uint64_t layer; /* the picture under the figure kept, to put back this frame (0: none) */
} damage_t;

#define DAMAGE_WIPE_LINE 3.0f /* pixels: a scene change's wipe, its leading edge */
/* the largest screen (pixels) on which the stage under the figure is kept while the camera
 * eases between shots (damage_t.layer) */
#define DAMAGE_STAGE_KEPT_MAX_PX (1920L * 1200L)

/* A scene change this frame: the incoming scene revealed from the left up to `edge`. */
typedef struct damage_wipe_t {
    bool on;
    float edge;            /* pixels */
    layout_box_t revealed; /* 0..edge, the screen's height */
} damage_wipe_t;

/* Adds a rectangle, merged with any it overlaps (at most DAMAGE_MAX: the last two merge). */
void damage_add(damage_t *d, layout_box_t b);

/* This frame's damage (`full`: all of it), and the state it leaves for the next frame to
 * compare with; also samples the figure's state for the frame (render_t.state). Returns the
 * union of the boxes (w == 0: nothing changed). */
layout_box_t damage_frame(render_t *r, const show_t *show, bool full, const damage_wipe_t *wipe,
                          damage_t *damage);

#endif
