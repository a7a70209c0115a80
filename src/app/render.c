/* render: the frame's order (see render.h). A frame is: warm a few texts ahead of need
 * (warm.c), work out the damage (damage.c: what changed since the last frame, and the wipe of
 * a scene change), then for each damaged box, clipped to it, the background, the scene
 * (scenes.c), the outgoing scene beyond a wipe's edge and the overlays. Also the renderer's
 * start (shaders compiled while the first texts are set on a second thread) and content
 * changes (fonts, QR code and mark swapped only when all of them are good).
 * Steady state allocates nothing: texts come from the cache, pictures are made per content.
 * Depends on gfx, text, the renderer's files and core; no file I/O while drawing. */
#include "render.h"

#include <malloc.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "assets.h"
#include "damage.h"
#include "log.h"
#include "pictures.h"
#include "scenes.h"
#include "warm.h"

/* What follows from new content, but for its QR code and the text cache. */
static void content_adopt(render_t *r, const content_t *content) {
    r->content = content;
    /* the fits are of the last content: none holds now (its pages are not touched here, see
     * render_init) */
    memset(r->fit_generation, 0, sizeof r->fit_generation);
    r->mark_px = 0; /* rasterised at its size with the next frame */
    r->generation++;
    r->wipe_pair[0] = r->wipe_pair[1] = r->drawn_scene = -1;
    r->wipe_edge = 0.0f;
    r->step_rows_of = 0;
    r->mark_failed = false;
    r->warm_task = 0;
}

/* The theme's two fonts' paths, inside assets_dir (assets.h); false, said in the log, when
 * either is not (both left empty: text_init then says no too). */
static bool font_paths(const char *assets_dir, const content_t *content, char regular[1024],
                       char bold[1024]) {
    char err[1300];
    if (assets_path(assets_dir, content->theme.font_regular, regular, 1024, err, sizeof err) &&
        assets_path(assets_dir, content->theme.font_bold, bold, 1024, err, sizeof err)) {
        return true;
    }
    log_error("theme font: %s", err);
    regular[0] = bold[0] = '\0';
    return false;
}

/* The theme's two fonts from assets_dir into a text cache of their own. */
static bool fonts_open(text_t *t, const content_t *content, const char *assets_dir) {
    char regular[1024], bold[1024];
    return font_paths(assets_dir, content, regular, bold) && text_init(t, regular, bold);
}

/* The content's QR codes as textures: the phone's, and the handout's when it has a link (else
 * none). False, with neither made, when one cannot be encoded. */
static bool codes_make(const content_t *content, gfx_texture_t *qr, gfx_texture_t *handout) {
    *qr = pictures_qr(content->clinic.qr_text);
    *handout = (gfx_texture_t){0};
    if (qr->id && content->clinic.handout_url) {
        *handout = pictures_qr(content->clinic.handout_url);
        if (!handout->id) gfx_texture_free(qr);
    }
    return qr->id != 0;
}

bool render_set_content(render_t *r, const content_t *content, const char *assets_dir) {
    /* everything that can fail first: a refused content leaves the renderer as it was */
    bool same_fonts = !strcmp(assets_dir, r->assets_dir) &&
                      !strcmp(content->theme.font_regular, r->content->theme.font_regular) &&
                      !strcmp(content->theme.font_bold, r->content->theme.font_bold);
    text_t *fresh = same_fonts ? NULL : SDL_malloc(sizeof *fresh);
    if (!same_fonts && (!fresh || !fonts_open(fresh, content, assets_dir))) {
        SDL_free(fresh);
        return false;
    }
    gfx_texture_t qr, handout;
    if (!codes_make(content, &qr, &handout)) {
        if (fresh) text_shutdown(fresh);
        SDL_free(fresh);
        return false;
    }
    gfx_texture_free(&r->qr_texture);
    gfx_texture_free(&r->handout_qr_texture);
    r->qr_texture = qr;
    r->handout_qr_texture = handout;
    if (fresh) { /* the new theme's fonts (or the same ones from another folder) */
        text_shutdown(&r->text);
        r->text = *fresh;
        SDL_free(fresh);
        text_resize(&r->text, r->layout.width, r->layout.height);
    } else if (strcmp(content->language ? content->language : "",
                      r->content->language ? r->content->language : "") != 0) {
        /* another language: the last one's texts dropped, rather than both kept (twice the
         * cache's memory while one is shown); they are set again, ahead of need, when the
         * loop comes back to it */
        text_clear(&r->text);
    } /* else the cache stays: it is keyed by the words and their style, not by the content,
       * so after an edit only the texts that changed are set again (no frame redoes all) */
    snprintf(r->assets_dir, sizeof r->assets_dir, "%s", assets_dir);
    content_adopt(r, content);
    pictures_mark_read(r);
    return true;
}

void render_set_drift(render_t *r, float dx, float dy) {
    r->gfx.shift_x = dx;
    r->gfx.shift_y = dy;
}

bool render_init(render_t *r, const content_t *content, const char *assets_dir, bool linked,
                 const show_t *show, int width, int height) {
    /* all but the fits, one for each exercise the content may hold (1.3 MiB): the memory is
     * zero from the caller's calloc, and only the shown exercises' are ever written, so the
     * rest costs no page (render_t.fit_generation says which hold) */
    size_t fits_at = offsetof(render_t, fits), fits_end = fits_at + sizeof r->fits;
    memset(r, 0, fits_at);
    memset((char *)r + fits_end, 0, sizeof *r - fits_end);
    snprintf(r->assets_dir, sizeof r->assets_dir, "%s", assets_dir);
    content_adopt(r, content);
    pictures_mark_read(r);
    layout_compute(&r->layout, width, height);
    /* Two things before the first frame, on both cores: the first scene's texts set on a
     * second thread, while this one builds the shaders and draws with the background's once
     * (llvmpipe compiles its code then: about 70 ms with a cold cache). The first frame
     * compiles only what it draws with; the other kinds follow, one a frame, after it
     * (gfx_warm_next), so no later frame waits for a compile. The helper has r but for
     * r->gfx; this thread has only `gl` until the join. */
    warm_first_t job = {.r = r, .show = show};
    font_paths(assets_dir, content, job.regular,
               job.bold); /* (else the helper's text_init fails) */
    SDL_Thread *helper = SDL_CreateThread(warm_first, "sk-texts", &job);
    if (!helper) warm_first(&job);
    gfx_t gl;
    bool gl_ok = gfx_init(&gl, linked);
    if (gl_ok) gfx_warm(&gl, width, height); /* the background's: the rest as they are drawn */
    if (helper) SDL_WaitThread(helper, NULL);
    gfx_texture_t qr = {0}, handout = {0};
    bool codes = gl_ok && job.ok && codes_make(content, &qr, &handout);
    r->gfx = gl;
    if (!codes) {
        SDL_free(r->mark_pending);
        r->mark_pending = NULL;
        pictures_mark_forget(r);
        if (job.ok) text_shutdown(&r->text);
        if (gl_ok) gfx_shutdown(&r->gfx);
        return false;
    }
    r->qr_texture = qr;
    r->handout_qr_texture = handout;
    text_resize(&r->text, width, height); /* (the pages' size: the texts are kept) */
    text_pages_fill(&r->text);            /* the first frame's, before it draws */
    if (r->mark_pending) {
        r->mark_texture = gfx_texture_rgba(r->mark_px, r->mark_px, r->mark_pending);
        SDL_free(r->mark_pending);
        r->mark_pending = NULL;
    }
    r->warm_task = -1; /* the first frame sets no text ahead of need */
    malloc_trim(0);    /* what compiling took and gave back goes back to the system */
    return true;
}

bool render_audit(const content_t *content, const char *assets_dir, const show_t *show, int width,
                  int height, render_misfit_fn fn, void *user) {
    render_t *r = SDL_calloc(1, sizeof *r);
    if (!r) return false;
    snprintf(r->assets_dir, sizeof r->assets_dir, "%s", assets_dir);
    content_adopt(r, content);
    layout_compute(&r->layout, width, height);
    char regular[1024], bold[1024];
    bool ok = font_paths(assets_dir, content, regular, bold) && text_init(&r->text, regular, bold);
    if (ok) {
        r->gfx.dry = r->text.measure_only = r->mark_failed = true; /* no GL, no pictures */
        r->misfit = fn;
        r->misfit_user = user;
        for (int task = 0; task <= content->playlist_count; task++) warm_walk(r, show, task);
        scenes_footer(r, show); /* on every scene: not in the warm walk, the first frame sets it */
        text_shutdown(&r->text);
    }
    SDL_free(r);
    return ok;
}

void render_shutdown(render_t *r) {
    pictures_mark_forget(r);
    gfx_texture_free(&r->mark_texture);
    gfx_texture_free(&r->qr_texture);
    gfx_texture_free(&r->handout_qr_texture);
    text_shutdown(&r->text);
    gfx_shutdown(&r->gfx);
}

/* Draws `v` (with background and footer) where it meets both the damage and `part`. */
static void draw_part(render_t *r, const show_t *show, const show_view_t *v, layout_box_t damage,
                      layout_box_t part, uint64_t layer) {
    layout_box_t box = layout_box_clip(damage, part);
    if (box.w <= 0) return;
    gfx_clip(&r->gfx, &box);
    gfx_layer_restore(&r->gfx, layer); /* the picture under the figure's body, when kept */
    scenes_whole(r, show, v);
}

static layout_box_t frame(render_t *r, const show_t *show, int width, int height, bool full);

#define HEAP_FREE_KEPT (1024 * 1024) /* free heap kept without a trim (render_frame) */

layout_box_t render_frame(render_t *r, const show_t *show, int width, int height, bool full) {
    layout_box_t all = frame(r, show, width, height, full);
    /* after the first frame, one more kind of draw a frame gets its code compiled (gfx.h) */
    if (r->frames_drawn > 0) gfx_warm_next(&r->gfx, width, height);
    r->frames_drawn++;
    bool is_new = r->drawn_scene != r->trimmed_scene || r->figure_instance != r->trimmed_instance;
    if (r->drawn_scene >= 0 && is_new) {
        /* a scene shown whole (its wipe done), or the figure on to its next move or hold: the
         * heap that the frames before needed and gave back goes back to the system, once
         * (main.c keeps it between frames, where a frame's need is steady), when more than a
         * MiB of it is free (the top main.c keeps counted: so nearly every time). Peak PSS at
         * 1080p (--bench): about 1 MiB less than with a trim at each scene alone; CPU a frame
         * the same (0.87-0.92 ms, offscreen). */
        r->trimmed_scene = r->drawn_scene;
        r->trimmed_instance = r->figure_instance;
        if (mallinfo2().fordblks > HEAP_FREE_KEPT) malloc_trim(0);
    }
    return all;
}

static layout_box_t frame(render_t *r, const show_t *show, int width, int height, bool full) {
    if (width != r->layout.width || height != r->layout.height) {
        layout_compute(&r->layout, width, height);
        text_resize(&r->text, width, height); /* sizes follow the screen: every text set again */
        r->warm_task = 0;
        full = true;
    }
    warm_frame(r, show);
    /* each scene fills the text pages from empty, so its texts go where they went last time
     * round the show, and the pages made for it the first time do again */
    if (show->view.playlist_index != r->pages_scene || show->view.time < r->pages_time) {
        text_pages_empty(&r->text);
        r->pages_scene = show->view.playlist_index;
    }
    r->pages_time = show->view.time;
    /* a scene change wipes, unless an overlay covers it: then the new scene is drawn whole */
    damage_wipe_t wipe = {.on = show_transition_mix(show) < 1.0f && !show->help &&
                                !show_frozen(show)};
    wipe.edge = wipe.on ? floorf(show_transition_mix(show) * (float)width) : (float)width;
    wipe.revealed = (layout_box_t){0, 0, wipe.edge, (float)height};
    damage_t damage;
    layout_box_t all = damage_frame(r, show, full, &wipe, &damage);
    _Static_assert(DAMAGE_MAX <= sizeof r->redrawn / sizeof r->redrawn[0], "room for the boxes");
    r->redrawn_count = damage.count;
    memcpy(r->redrawn, damage.box, (size_t)damage.count * sizeof damage.box[0]);
    if (all.w <= 0 || all.h <= 0) {
        r->state_valid = false;
        return (layout_box_t){0, 0, 0, 0}; /* nothing on screen would change */
    }
    r->record.count = r->record.overflow = 0;
    text_frame(&r->text);
    gfx_begin(&r->gfx, width, height);
    bool recorded = false; /* the texts on screen: the incoming scene's, recorded once */
    for (int i = 0; i < damage.count; i++) {
        layout_box_t box = damage.box[i];
        if (box.w <= 0 || box.h <= 0) continue;
        int count = r->record.count, overflow = r->record.overflow;
        draw_part(r, show, &show->view, box, wipe.revealed, damage.layer);
        if (wipe.on) {
            int kept = r->record.count, kept_overflow = r->record.overflow;
            draw_part(r, show, &show->from, box,
                      (layout_box_t){wipe.edge, 0, (float)width - wipe.edge, (float)height}, 0);
            r->record.count = kept, r->record.overflow = kept_overflow;
            /* the leading edge: a thin line in the accent colour, on the incoming side, not
             * moved by the drift (the strip redrawn next frame is counted without it) */
            gfx_clip(&r->gfx, &box);
            float sx = r->gfx.shift_x, sy = r->gfx.shift_y;
            r->gfx.shift_x = r->gfx.shift_y = 0.0f;
            gfx_rect(
                &r->gfx,
                (layout_box_t){wipe.edge - DAMAGE_WIPE_LINE, 0, DAMAGE_WIPE_LINE, (float)height},
                gfx_rgb(r->content->theme.accent, 0.7f), 0.0f);
            r->gfx.shift_x = sx, r->gfx.shift_y = sy;
        }
        gfx_clip(&r->gfx, &box);
        scenes_overlays(r, show);
        if (recorded) r->record.count = count, r->record.overflow = overflow;
        recorded = recorded || box.x < wipe.edge; /* this box drew the incoming scene */
    }
    bool overlaid = show->help || show->paused || show->resume_left > 0 || show->notice;
    r->drawn_scene = wipe.on || overlaid ? -1 : show->view.playlist_index;
    r->drawn_hint = show->kiosk && !show->takeover;
    gfx_clip(&r->gfx, NULL);
    r->state_valid = false;
    return all;
}
