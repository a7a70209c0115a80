/* scenes: draws each scene, the footer and the overlays into the layout's boxes (see scenes.c).
 * For the renderer's files only (render.c, damage.c, warm.c). Depends on render's state. */
#ifndef SK_SCENES_H
#define SK_SCENES_H

#include "render.h"

/* The ring's arc and the pacer move in steps of about a pixel: between steps the counter is
 * drawn exactly the same, so a partial redraw can leave it be (damage.c's keys). */
#define SCENES_ARC_STEPS(L) ((L)->exercise.counter.w * 3.2f)
#define SCENES_BREATH_STEPS(L) ((L)->exercise.counter.w * 0.5f)

/* Background, the scene `v` and the footer: a whole picture (clipped by gfx_clip). */
void scenes_whole(render_t *r, const show_t *show, const show_view_t *v);
/* The scene alone; the footer alone. */
void scenes_scene(render_t *r, const show_view_t *v);
void scenes_footer(render_t *r, const show_t *show);
/* Paused or resuming banner, help and notice, over the scene. */
void scenes_overlays(render_t *r, const show_t *show);
/* Parts of them, for the walks (warm.c): the ring's numeral and its words (sub may be NULL),
 * the banner with a label, the help, a notice. */
void scenes_numeral(render_t *r, const char *num, const char *sub);
void scenes_paused(render_t *r, const char *label);
void scenes_help(render_t *r, bool kiosk);
void scenes_notice(render_t *r, show_notice_t notice, const char *staff, bool banner);

/* The figure's state in a view (its routine at the view's time, or gliding after a jump),
 * its framing in the stage for this layout (cached per exercise) and its colours. */
void scenes_figure_state(const show_view_t *v, choreo_state_t *st);
const figure_fit_t *scenes_fit(render_t *r, const choreo_t *c);
figure_colors_t scenes_figure_colors(const content_t *c);
/* All the figure covers from the view's time to the end of its move, `now` (its drawing now)
 * included: the layer kept under its body is this big (damage.c). Just `now` outside a move
 * or while gliding after a jump. Uses r->figure_other as scratch. */
layout_box_t scenes_move_sweep(render_t *r, const show_view_t *v, layout_box_t now);

#endif
