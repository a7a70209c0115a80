/* figure_paint: the figure's drawing (core figure.c works it out) drawn with gfx capsules and
 * one quad. Allocates nothing. Depends on gfx and the core. */
#include "figure_paint.h"

void figure_paint(gfx_t *gfx, const figure_drawing_t *d, const figure_colors_t *colors) {
    gfx_layer_mark(gfx, GFX_LAYER_UNDER_FIGURE);
    if (d->has_mat) gfx_quad(gfx, d->mat, colors->tone[FIGURE_TONE_MAT]);
    for (int i = 0; i < d->count; i++) {
        if (i == d->under) gfx_layer_mark(gfx, GFX_LAYER_UNDER_BODY);
        const figure_capsule_t *m = &d->marks[i];
        gfx_capsule(gfx, m->ax, m->ay, m->bx, m->by, m->radius, colors->tone[m->tone]);
    }
    /* no body drawn (no routine, or no room left for it): what lies under it ends here */
    if (d->under < 0 || d->under >= d->count) gfx_layer_mark(gfx, GFX_LAYER_UNDER_BODY);
}
