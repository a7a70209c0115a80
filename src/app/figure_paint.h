/* figure_paint: the figure's drawing (core figure.h) on the screen, through gfx. */
#ifndef SK_FIGURE_PAINT_H
#define SK_FIGURE_PAINT_H

#include "figure.h"
#include "gfx.h"

/* The screen's colour of each figure_tone_t. */
typedef struct figure_colors_t {
    gfx_color_t tone[FIGURE_TONE_COUNT];
} figure_colors_t;

/* Draws a drawing: gfx_layer_mark (what lies under the figure ends there), the mat's quad,
 * the marks under the body, gfx_layer_mark again (what lies under the body ends there), the
 * body. */
void figure_paint(gfx_t *gfx, const figure_drawing_t *drawing, const figure_colors_t *colors);

#endif
