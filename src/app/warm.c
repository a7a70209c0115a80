/* warm: the renderer's walks that draw nothing — the first frame's texts set on a thread while
 * the shaders compile (render_init), a few texts a frame ahead of need so no scene change
 * waits on text (render_frame), and every scene, card, count and overlay for the check that
 * every text fits its place (render_audit). Each walks the same scene drawing as the screen
 * (scenes.c) with gfx dry: no second copy of the layout rules. Depends on scenes, text, core;
 * no GL calls, no file I/O. */
#include "warm.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "countdown.h"
#include "scenes.h"

/* The fonts opened and the texts of the first frame set and rasterised, kept packed: this runs
 * beside the thread that owns the GL context (they are put into pages as the frame draws). */
int warm_first(void *data) {
    warm_first_t *p = data;
    render_t *r = p->r;
    p->ok = text_init(&r->text, p->regular, p->bold);
    if (!p->ok) return 0;
    r->preparing = r->text.no_gl = r->gfx.dry = true;
    scenes_whole(r, p->show, &p->show->view);
    r->preparing = r->text.no_gl = r->gfx.dry = false;
    return 0;
}

#define WARM_TEXTS_PER_FRAME 3 /* texts rasterised ahead of need per frame: a few ms */

void warm_walk(render_t *r, const show_t *show, int task) {
    const content_t *c = r->content;
    if (task < c->playlist_count) {
        show_view_t v = show_view_at_start(show, task);
        if (v.scene.kind == SCENE_REVIEWS || v.scene.kind == SCENE_REVIEW) {
            for (v.item = 0; v.item < c->reviews.count; v.item++) scenes_scene(r, &v);
        } else if (v.scene.kind == SCENE_EXERCISE && show->choreos) {
            const choreo_t *ch = &show->choreos[v.scene.exercise];
            for (int k = 0; k < ch->count; k++) {
                const choreo_instance_t *in = &ch->inst[k];
                v.time = in->start + in->move * 0.5;
                v.item = ch->content->exercises[ch->exercise].phases[in->phase].step;
                scenes_scene(r, &v);
                double hold = in->start + in->move + in->ready;
                double at[3] = {hold + 0.5, hold + ch->breath_in + 0.5, hold + in->hold * 0.5};
                for (int i = 0; i < 3 && in->hold > 0; i++) { /* breathing in and out, too */
                    v.time = at[i];
                    scenes_scene(r, &v);
                }
            }
        } else {
            scenes_scene(r, &v);
        }
        return;
    }
    char num[16], text[128];
    for (int n = 0; n <= 60; n++) {
        snprintf(num, sizeof num, "%d", n);
        scenes_numeral(r, num, NULL);
    }
    /* every word the ring may put under its numeral, for 1 and for more */
    static const countdown_t rings[] = {
        {.stage = COUNTDOWN_GET_READY},
        {.stage = COUNTDOWN_HOLDING, .kind = COUNTDOWN_BREATHS},
        {.stage = COUNTDOWN_HOLDING, .kind = COUNTDOWN_SECONDS},
        {.stage = COUNTDOWN_HOLDING, .kind = COUNTDOWN_STOPWATCH},
        {.stage = COUNTDOWN_MOVING, .kind = COUNTDOWN_REPS},
    };
    for (int i = 0; i < (int)(sizeof rings / sizeof rings[0]); i++) {
        for (int n = 1; n <= 2; n++) {
            countdown_t cd = rings[i];
            cd.ready_left = cd.remaining = cd.count = n;
            const char *words = countdown_ring_text(c, &cd, num, sizeof num, text, sizeof text);
            if (words) scenes_numeral(r, "", words);
        }
    }
    scenes_paused(r, c->labels.paused);
    for (int n = 1; n <= (int)ceilf(c->timing.resume_seconds); n++) {
        snprintf(num, sizeof num, "%d", n);
        content_format(text, sizeof text, c->labels.resuming, &(content_format_args_t){.n = num});
        scenes_paused(r, text);
    }
    scenes_help(r, show->kiosk);
    for (int n = SHOW_NOTICE_NONE + 1; n < SHOW_NOTICE_NUM; n++) scenes_notice(r, n, NULL, false);
}

/* Rasterises, a few texts a frame, whatever any scene will need, so no change of scene, card
 * or count waits on text. */
void warm_frame(render_t *r, const show_t *show) {
    if (r->warm_task < 0) { /* the first frame after render_init: it is soon enough next frame */
        r->warm_task = 0;
        return;
    }
    int tasks = r->content->playlist_count + 1;
    if (r->warm_task >= tasks) return;
    r->gfx.dry = r->text.no_pages = true; /* set and packed, put into a page when drawn */
    r->text.allow_new = WARM_TEXTS_PER_FRAME;
    while (r->warm_task < tasks && r->text.allow_new > 0) {
        int skipped = r->text.skipped;
        warm_walk(r, show, r->warm_task);
        if (r->text.skipped != skipped) break; /* more of it next frame */
        r->warm_task++;
    }
    r->text.allow_new = -1;
    r->gfx.dry = r->text.no_pages = false;
}
