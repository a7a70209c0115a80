/* render: every scene of the show, drawn from content into layout boxes (see render.h).
 * Steady state allocates nothing: texts come from the cache, the QR code is a texture made
 * once per content. Depends on gfx, text, libqrencode and core. */
#include "render.h"

#include "assets.h"

#include "countdown.h"
#include "log.h"
#include "maths.h"

#include <malloc.h>
#include <math.h>
#include <SDL_image.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum valign_t { VALIGN_TOP = 0, VALIGN_CENTER, VALIGN_BOTTOM } valign_t;
/* (both alignments are layout_place's: start, centre, end) */
_Static_assert(VALIGN_CENTER == (int)LAYOUT_CENTER && VALIGN_BOTTOM == (int)LAYOUT_END, "valign");
_Static_assert(TEXT_CENTER == (int)LAYOUT_CENTER && TEXT_RIGHT == (int)LAYOUT_END, "align");

#define QR_QUIET_MODULES 4

/* The QR code of `text` as a texture (one texel a module, quiet zone included), or 0 when the
 * text cannot be encoded. Touches nothing else. */
static gfx_texture_t qr_make(const char *text) {
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) {
        log_error("cannot make a QR code of '%.40s…' (too long?)", text);
        return (gfx_texture_t){0};
    }
    int n = q->width + 2 * QR_QUIET_MODULES;
    unsigned char *cov = SDL_calloc((size_t)n * (size_t)n, 1);
    if (!cov) {
        QRcode_free(q);
        return (gfx_texture_t){0};
    }
    for (int y = 0; y < q->width; y++) {
        for (int x = 0; x < q->width; x++) {
            if (q->data[y * q->width + x] & 1) {
                cov[(size_t)(y + QR_QUIET_MODULES) * (size_t)n + (size_t)(x + QR_QUIET_MODULES)] =
                    255;
            }
        }
    }
    gfx_texture_t t = gfx_texture_r8(n, n, cov); /* n is odd: no blank margin */
    SDL_free(cov);
    QRcode_free(q);
    return t;
}

bool render_qr_possible(const content_t *content) {
    QRcode *q = QRcode_encodeString(content->clinic.qr_text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (q) QRcode_free(q);
    return q != NULL;
}

/* What follows from new content, but for its QR code and the text cache. */
static void content_adopt(render_t *r, const content_t *content) {
    r->content = content;
    memset(r->fits, 0, sizeof r->fits);
    for (int e = 0; e < CONTENT_MAX_EXERCISES; e++) r->fits[e].exercise = -1;
    r->mark_px = 0; /* reloaded at its size with the next frame */
    r->generation++;
    r->wipe_pair[0] = r->wipe_pair[1] = r->drawn_scene = -1;
    r->wipe_edge = 0.0f;
    r->step_rows_of = 0;
    r->mark_failed = false;
    r->warm_task = 0;
}

/* The theme's two fonts from assets_dir into a text cache of their own. */
static bool fonts_open(text_t *t, const content_t *content, const char *assets_dir) {
    char regular[1024], bold[1024], err[1300];
    if (!assets_path(assets_dir, content->theme.font_regular, regular, sizeof regular, err,
                     sizeof err) ||
        !assets_path(assets_dir, content->theme.font_bold, bold, sizeof bold, err, sizeof err)) {
        log_error("theme font: %s", err);
        return false;
    }
    return text_init(t, regular, bold);
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
    gfx_texture_t qr = qr_make(content->clinic.qr_text);
    if (!qr.id) {
        if (fresh) text_shutdown(fresh);
        SDL_free(fresh);
        return false;
    }
    gfx_texture_free(&r->qr_texture);
    r->qr_texture = qr;
    if (fresh) { /* the new theme's fonts (or the same ones from another folder) */
        text_shutdown(&r->text);
        r->text = *fresh;
        SDL_free(fresh);
    } /* else the cache stays: it is keyed by the words and their style, not by the content,
       * so after an edit only the texts that changed are set again (no frame redoes all) */
    snprintf(r->assets_dir, sizeof r->assets_dir, "%s", assets_dir);
    content_adopt(r, content);
    return true;
}

static void draw_whole(render_t *r, const show_t *show, const show_view_t *v);
static void warm_task(render_t *r, const show_t *show, int task);
static void draw_footer(render_t *r, const show_t *show);

typedef struct prepare_t {
    render_t *r;
    const show_t *show;
    char regular[1024], bold[1024];
    bool ok;
} prepare_t;

/* The fonts opened and the texts of the first frame set and rasterised, kept in memory: this
 * runs beside the thread that owns the GL context. */
void render_set_drift(render_t *r, float dx, float dy) {
    r->gfx.shift_x = dx;
    r->gfx.shift_y = dy;
}

static int prepare_texts(void *data) {
    prepare_t *p = data;
    render_t *r = p->r;
    p->ok = text_init(&r->text, p->regular, p->bold);
    if (!p->ok) return 0;
    r->preparing = r->text.defer_uploads = r->gfx.dry = true;
    draw_whole(r, p->show, &p->show->view);
    r->preparing = r->text.defer_uploads = r->gfx.dry = false;
    return 0;
}

/* The clinic's mark at `px` pixels square: SVG is rasterised at that size, so it is crisp. */
static void mark_load(render_t *r, int px) {
    if (!r->preparing) gfx_texture_free(&r->mark_texture);
    r->mark_px = px;
    const char *rel = r->content->theme.mark;
    if (!rel || r->mark_failed || px < 1) return;
    /* inside the assets folder, a regular file, opened without waiting (assets.h) */
    char path[4200], err[1300] = "";
    SDL_RWops *rw = assets_path(r->assets_dir, rel, path, sizeof path, err, sizeof err)
                        ? assets_open(path, ASSETS_MAX_IMAGE, err, sizeof err)
                        : NULL;
    size_t n = strlen(path);
    bool svg = n > 4 && !strcmp(path + n - 4, ".svg");
    SDL_Surface *img = NULL;
    if (rw && svg) {
        img = IMG_LoadSizedSVG_RW(rw, px, px);
        SDL_RWclose(rw);
    } else if (rw) {
        img = IMG_Load_RW(rw, 1);
    }
    SDL_Surface *rgba = img ? SDL_ConvertSurfaceFormat(img, SDL_PIXELFORMAT_RGBA32, 0) : NULL;
    if (!rgba) {
        /* the path is the content's: the log escapes it */
        log_warning("cannot load the clinic's mark %s: %s (shown without it)", rel,
                    rw ? IMG_GetError() : err);
        r->mark_failed = true;
    } else {
        unsigned char *packed = SDL_malloc((size_t)rgba->w * (size_t)rgba->h * 4);
        if (packed) {
            for (int y = 0; y < rgba->h; y++) {
                memcpy(packed + (size_t)y * (size_t)rgba->w * 4,
                       (const unsigned char *)rgba->pixels + (size_t)y * (size_t)rgba->pitch,
                       (size_t)rgba->w * 4);
            }
            if (r->preparing && rgba->w == px && rgba->h == px) {
                r->mark_pending = packed; /* no GL here: made a texture after the walk */
            } else if (r->preparing) {    /* not px square (a picture): the first frame loads it */
                SDL_free(packed);
                r->mark_px = 0;
            } else {
                r->mark_texture = gfx_texture_rgba(rgba->w, rgba->h, packed);
                SDL_free(packed);
            }
        }
    }
    SDL_FreeSurface(rgba);
    SDL_FreeSurface(img);
}

bool render_init(render_t *r, const content_t *content, const char *assets_dir, bool linked,
                 const show_t *show, int width, int height) {
    memset(r, 0, sizeof *r);
    snprintf(r->assets_dir, sizeof r->assets_dir, "%s", assets_dir);
    content_adopt(r, content);
    layout_compute(&r->layout, width, height);
    /* Two things before the first frame, on both cores: the first scene's texts set on a
     * second thread, while this one compiles the shaders (llvmpipe: about 80 ms with a cold
     * cache) and draws with each once, so no frame of the show waits for a compile. The
     * helper has r but for r->gfx; this thread has only `gl` until the join. */
    prepare_t job = {.r = r, .show = show};
    char err[1300]; /* fonts only inside the assets folder (assets.h); text_init says why not */
    if (!assets_path(assets_dir, content->theme.font_regular, job.regular, sizeof job.regular, err,
                     sizeof err) ||
        !assets_path(assets_dir, content->theme.font_bold, job.bold, sizeof job.bold, err,
                     sizeof err)) {
        log_error("theme font: %s", err);
    }
    SDL_Thread *helper = SDL_CreateThread(prepare_texts, "sk-texts", &job);
    if (!helper) prepare_texts(&job);
    gfx_t gl;
    bool gl_ok = gfx_init(&gl, linked);
    if (gl_ok) gfx_warm(&gl, width, height);
    if (helper) SDL_WaitThread(helper, NULL);
    gfx_texture_t qr = gl_ok && job.ok ? qr_make(content->clinic.qr_text) : (gfx_texture_t){0};
    r->gfx = gl;
    if (!gl_ok || !job.ok || !qr.id) {
        SDL_free(r->mark_pending);
        r->mark_pending = NULL;
        if (job.ok) text_shutdown(&r->text);
        if (gl_ok) gfx_shutdown(&r->gfx);
        return false;
    }
    r->qr_texture = qr;
    text_upload_pending(&r->text);
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
    char regular[1024], bold[1024], err[1300];
    bool ok = assets_path(assets_dir, content->theme.font_regular, regular, sizeof regular, err,
                          sizeof err) &&
              assets_path(assets_dir, content->theme.font_bold, bold, sizeof bold, err, sizeof err);
    if (!ok) log_error("theme font: %s", err);
    ok = ok && text_init(&r->text, regular, bold);
    if (ok) {
        r->gfx.dry = r->text.measure_only = r->mark_failed = true; /* no GL, no pictures */
        r->misfit = fn;
        r->misfit_user = user;
        for (int task = 0; task <= content->playlist_count; task++) warm_task(r, show, task);
        draw_footer(r, show); /* on every scene: not in the warm walk, the first frame sets it */
        text_shutdown(&r->text);
    }
    SDL_free(r);
    return ok;
}

void render_shutdown(render_t *r) {
    gfx_texture_free(&r->mark_texture);
    gfx_texture_free(&r->qr_texture);
    text_shutdown(&r->text);
    gfx_shutdown(&r->gfx);
}

/* ---- drawing helpers ---------------------------------------------------------------------- */

static gfx_color_t col(const render_t *r, content_color_t c) {
    (void)r;
    return gfx_rgb(c, 1.0f);
}

static void record(render_t *r, layout_box_t drawn, layout_box_t target, const char *s,
                   bool overflow) {
    if (r->gfx.dry) return; /* a warm-up walk draws nothing and shows nothing */
    render_record_t *rec = &r->record;
    if (overflow) rec->overflow++;
    if (rec->count >= RENDER_RECORD_MAX) return;
    rec->text_boxes[rec->count] = drawn;
    rec->text_targets[rec->count] = target;
    rec->texts[rec->count] = s;
    content_format(rec->copies[rec->count], sizeof rec->copies[rec->count], s, NULL);
    rec->count++;
}

/* Sets s in box (wrapped, shrunk to fit if needed) and draws it; returns the drawn rectangle. */
static layout_box_t draw_text(render_t *r, const char *s, text_style_t st, layout_box_t box,
                              valign_t va, gfx_color_t color) {
    if (box.w < 1.0f || box.h < 1.0f) return (layout_box_t){box.x, box.y, 0, 0};
    const text_block_t *b = text_get(&r->text, s, st, box.w, box.h);
    if (!b) return (layout_box_t){box.x, box.y, 0, 0};
    /* Text that does not fit even at its smallest size (tiny windows) is scaled down into
     * its box rather than cut off or spilled over its neighbours. */
    float scale = 1.0f;
    layout_box_t at = layout_place(box, (float)b->w, (float)b->h, (layout_align_t)st.align,
                                   (layout_align_t)va, &scale);
    gfx_coverage(&r->gfx, &b->texture, at, false, color);
    record(r, at, box, s, b->overflow || scale < 1.0f);
    if (r->misfit && (b->overflow || scale < 1.0f) && !r->steps_scaled) {
        r->misfit(r->misfit_user, &(render_misfit_t){.text = s, .style = st, .box = box});
    }
    return at;
}

static text_style_t style(text_face_t face, float size, float min_size, text_align_t align) {
    return (text_style_t){face, size, min_size, align};
}

/* ---- scenes ------------------------------------------------------------------------------- */

static void draw_intro(render_t *r) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    int px = (int)L->intro.mark.w;
    if (px != r->mark_px && (!r->gfx.dry || r->preparing)) mark_load(r, px);
    gfx_image(&r->gfx, &r->mark_texture, L->intro.mark, 1.0f);
    draw_text(r, c->intro.title, style(TEXT_BOLD, L->font.title * 1.1f, L->font.min, TEXT_CENTER),
              L->intro.title, VALIGN_BOTTOM, col(r, c->theme.text));
    draw_text(r, c->intro.body, style(TEXT_REGULAR, L->font.heading, L->font.min, TEXT_CENTER),
              L->intro.body, VALIGN_CENTER, col(r, c->theme.text_dim));
    draw_text(r, c->intro.call, style(TEXT_BOLD, L->font.heading * 1.2f, L->font.min, TEXT_CENTER),
              L->intro.call, VALIGN_BOTTOM, col(r, c->theme.accent));
    draw_text(r, c->clinic.phone, style(TEXT_BOLD, L->font.big * 1.2f, L->font.min, TEXT_CENTER),
              L->intro.phone, VALIGN_CENTER, col(r, c->theme.text));
    draw_text(r, c->clinic.address, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_CENTER),
              L->intro.address, VALIGN_TOP, col(r, c->theme.text_dim));
}

/* Where this scene stands in the playlist, and what comes next. */
static void draw_progress(render_t *r, const show_view_t *v) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    int n = c->playlist_count;
    for (int i = 0; i < n; i++) {
        layout_box_t dot = layout_progress_dot(L, n, i, i == v->playlist_index);
        if (i == v->playlist_index) {
            gfx_rect(&r->gfx, dot, col(r, c->theme.accent), dot.h * 0.5f);
        } else {
            float a = i < v->playlist_index ? 0.85f : 0.35f;
            gfx_rect(&r->gfx, dot, gfx_rgb(c->theme.text_dim, a), dot.h * 0.5f);
        }
    }
    int next = (v->playlist_index + 1) % n;
    const char *next_id = content_scene_id(c, c->playlist[next]);
    const char *next_title = next_id;
    content_scene_ref_t ns = c->playlist[next];
    if (ns.kind == SCENE_EXERCISE) next_title = c->exercises[ns.exercise].title;
    if (ns.kind == SCENE_REVIEWS || ns.kind == SCENE_REVIEW) next_title = c->reviews.title;
    if (ns.kind == SCENE_CONTACT) next_title = c->contact.title;
    if (ns.kind == SCENE_INTRO) next_title = c->intro.title;
    layout_box_t label = layout_progress_label(L, n);
    layout_box_t lb =
        draw_text(r, c->labels.next, style(TEXT_BOLD, L->font.small, L->font.min * 0.8f, TEXT_LEFT),
                  label, VALIGN_CENTER, col(r, c->theme.text_dim));
    layout_box_t title = layout_progress_title(L, label, lb);
    draw_text(r, next_title, style(TEXT_REGULAR, L->font.small, L->font.min * 0.8f, TEXT_LEFT),
              title, VALIGN_CENTER, col(r, c->theme.text_dim));
}

static void draw_steps(render_t *r, const content_exercise_t *ex, int current) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    layout_box_t words = layout_steps_words(L);
    text_style_t st = style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT);
    int size = text_fit_group(&r->text, ex->steps, ex->step_count, st, words.w, words.h,
                              LAYOUT_STEP_GAP_LINES);
    st.size = st.min_size = (float)size;
    float line = (float)text_line_height(&r->text, TEXT_REGULAR, size);
    /* heights at the fitted size (layout_steps scales the list down together if need be) */
    float heights[CONTENT_MAX_STEPS];
    for (int i = 0; i < ex->step_count; i++) {
        const text_block_t *blk = text_get(&r->text, ex->steps[i], st, words.w, 1e6f);
        heights[i] = blk ? (float)blk->h : line;
    }
    layout_step_t at[CONTENT_MAX_STEPS];
    float k = layout_steps(L, heights, ex->step_count, line, at);
    if (r->misfit && k < 1.0f) {
        r->misfit(r->misfit_user, &(render_misfit_t){.text = ex->steps[0],
                                                     .style = st,
                                                     .box = words,
                                                     .steps = ex,
                                                     .gap_lines = LAYOUT_STEP_GAP_LINES});
    }
    r->steps_scaled = k < 1.0f; /* each step's own shrink is the list's, said above */
    for (int i = 0; i < ex->step_count; i++) {
        bool on = i == current;
        layout_box_t bb = at[i].bubble;
        if (on)
            gfx_rect(&r->gfx, at[i].highlight, gfx_rgb(c->theme.accent, 0.16f), L->radius * 0.6f);
        if (!r->gfx.dry) r->step_rows[i] = at[i].highlight;
        if (on) {
            gfx_rect(&r->gfx, bb, col(r, c->theme.accent), bb.w * 0.5f);
        } else {
            gfx_rect_outline(&r->gfx, bb, gfx_rgb(c->theme.panel, 0.0f),
                             gfx_rgb(c->theme.text_dim, 0.8f), bb.w * 0.5f,
                             fmaxf(1.0f, bb.w * 0.07f));
        }
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        draw_text(r, num, style(TEXT_BOLD, bb.w * 0.62f, 0, TEXT_CENTER), bb, VALIGN_CENTER,
                  on ? col(r, c->theme.accent_text) : col(r, c->theme.text_dim));
        draw_text(r, ex->steps[i], st, at[i].words, VALIGN_TOP,
                  on ? col(r, c->theme.text) : col(r, c->theme.text_dim));
    }
    r->steps_scaled = false;
    if (!r->gfx.dry) r->step_rows_of = (int)(ex - c->exercises) + 1;
}

static gfx_color_t mix(content_color_t a, content_color_t b, float t) {
    return (gfx_color_t){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}

/* The exercise's figure framed in its stage, clear of the counter and its lines. */
static const figure_fit_t *fit_for(render_t *r, const choreo_t *c) {
    const layout_t *L = &r->layout;
    figure_fit_t *f = &r->fits[c->exercise];
    layout_box_t avoid[FIGURE_AVOID_MAX];
    int n = figure_avoid(L, avoid);
    /* (the demo and follow routines of one exercise are framed apart: their poses differ) */
    if (f->exercise != c->exercise || f->choreo != c || f->count != c->count ||
        memcmp(&f->box, &L->exercise.stage, sizeof f->box) != 0 || f->avoid_count != n ||
        memcmp(f->avoid, avoid, (size_t)n * sizeof avoid[0]) != 0 || f->lens.scale <= 0) {
        figure_fit(f, c, L->exercise.stage, avoid, n);
    }
    return f;
}

/* One line of text fitted to a box, drawn in a pill (for cues that must not be missed). */
static void draw_pill(render_t *r, const char *s, layout_box_t box, float size, gfx_color_t bg,
                      gfx_color_t fg) {
    text_style_t st = style(TEXT_BOLD, size, r->layout.font.min, TEXT_LEFT);
    layout_box_t in = layout_pill_room(box, size);
    const text_block_t *b = text_get(&r->text, s, st, in.w, in.h);
    if (!b) return;
    layout_box_t text;
    layout_box_t pill = layout_pill(box, size, (float)b->w, (float)b->h, &text);
    gfx_rect(&r->gfx, pill, bg, pill.h * 0.5f);
    draw_text(r, s, st, text, VALIGN_CENTER, fg);
}

/* "10", "10–15": the page's repetition target, or the routine's count. */
static void repetition_target(const content_exercise_t *ex, const countdown_t *cd, char *buf,
                              size_t n) {
    if (ex->repetitions_max > 0 && ex->repetitions_min < ex->repetitions_max) {
        snprintf(buf, n, "%d\u2013%d", ex->repetitions_min, ex->repetitions_max);
    } else if (ex->repetitions_max > 0) {
        snprintf(buf, n, "%d", ex->repetitions_max);
    } else {
        snprintf(buf, n, "%d", cd->repetitions);
    }
}

/* The label of a hold with its real target: "Hold for 10 deep breaths"; cut short by demo
 * pacing, with what is shown where the content says it: "… — shown here: 2". */
static const char *hold_label(const content_t *c, const content_hold_t *h, const countdown_t *cd,
                              char *buf, size_t n) {
    char target[16], min[16], shown[16];
    snprintf(target, sizeof target, "%d", (int)lroundf(h->count));
    snprintf(min, sizeof min, "%d", (int)lroundf(h->count_min));
    snprintf(shown, sizeof shown, "%d", cd->shown);
    content_format_args_t args = {.target = target, .min = min, .n = shown};
    const char *tmpl = NULL;
    bool cut = cd->shortened;
    switch (h->kind) {
    case CONTENT_HOLD_BREATHS:
        tmpl = cut && c->labels.hold_breaths_shown ? c->labels.hold_breaths_shown
                                                   : c->labels.hold_breaths;
        break;
    case CONTENT_HOLD_SECONDS:
        if (h->count_min < h->count) {
            tmpl = cut && c->labels.hold_range_shown ? c->labels.hold_range_shown
                                                     : c->labels.hold_range;
        } else {
            tmpl = cut && c->labels.hold_seconds_shown ? c->labels.hold_seconds_shown
                                                       : c->labels.hold_seconds;
        }
        break;
    case CONTENT_HOLD_COMFORTABLE: tmpl = c->labels.hold_comfortable; break;
    default: return NULL;
    }
    content_format(buf, n, tmpl, &args);
    return buf;
}

/* The big numeral inside the countdown ring, and the words under it (sub may be NULL). */
static void draw_numeral(render_t *r, const char *num, const char *sub) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    const layout_ring_t *g = &L->exercise.ring;
    if (num[0]) {
        draw_text(r, num, style(TEXT_BOLD, g->numeral_size, L->font.min, TEXT_CENTER),
                  sub ? g->numeral : g->numeral_alone, VALIGN_CENTER, col(r, c->theme.text));
    }
    if (sub) {
        draw_text(r, sub, style(TEXT_REGULAR, g->words_size, L->font.min * 0.8f, TEXT_CENTER),
                  g->words, VALIGN_TOP, col(r, c->theme.text_dim));
    }
}

/* The ring's arc and the pacer move in steps of about a pixel: between steps the counter is
 * drawn exactly the same, so a partial redraw can leave it be (see frame_keys). */
#define COUNTER_ARC_STEPS(L) ((L)->exercise.counter.w * 3.2f)
#define COUNTER_BREATH_STEPS(L) ((L)->exercise.counter.w * 0.5f)

static void counter_quantise(countdown_t *cd, const layout_t *L) {
    cd->progress = maths_quantise(cd->progress, COUNTER_ARC_STEPS(L));
    cd->breath = maths_quantise(cd->breath, COUNTER_BREATH_STEPS(L));
}

/* The countdown ring with its numeral, the breath pacer, and the lines beside it. */
static void draw_counter(render_t *r, const choreo_t *ch, const choreo_state_t *st) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    const content_exercise_t *ex = &c->exercises[ch->exercise];
    countdown_t cd;
    countdown_compute(ch, st, &cd);
    counter_quantise(&cd, L);
    const layout_ring_t *g = &L->exercise.ring;
    gfx_color_t track = mix(c->theme.panel, c->theme.text_dim, 0.22f);
    if (cd.kind == COUNTDOWN_BREATHS && cd.stage == COUNTDOWN_HOLDING) {
        /* the pacer: grows breathing in, shrinks breathing out */
        float rad = g->pacer_max * (0.5f + 0.5f * cd.breath);
        gfx_capsule(&r->gfx, g->cx, g->cy, g->cx, g->cy, rad,
                    mix(c->theme.panel, c->theme.accent, 0.28f));
    }
    gfx_ring(&r->gfx, L->exercise.counter, g->thickness, cd.progress, gfx_rgb(c->theme.accent, 1),
             track);
    if (cd.min_mark >= 0 && cd.stage == COUNTDOWN_HOLDING) { /* the least the page asks for */
        float a = cd.min_mark * 6.2831853f;
        gfx_capsule(&r->gfx, g->cx + sinf(a) * g->tick_from, g->cy - cosf(a) * g->tick_from,
                    g->cx + sinf(a) * g->tick_to, g->cy - cosf(a) * g->tick_to, g->tick_radius,
                    col(r, c->theme.text));
    }
    char num[16], words[64]; /* (a numeral always comes with the words saying what it counts) */
    draw_numeral(r, num, countdown_ring_text(c, &cd, num, sizeof num, words, sizeof words));

    /* the lines beside the ring, two of: the side (or the switch cue), the breath to take,
     * the hold asked for, the repetition. Two lines, not three, so the figure can reach up
     * beside them; the hold asked for gives way when there are three (the highlighted step
     * says it in the page's words) */
    float size = L->exercise.status_size;
    char side_buf[96], hold_buf[160], rep_buf[96], pill_buf[160];
    typedef struct line_t {
        const char *text;
        text_face_t font;
        float size;
        content_color_t color;
        bool pill;
    } line_t;
    line_t lines[4];
    int n = 0;
    const char *side_word = cd.side == CONTENT_SIDE_RIGHT  ? c->labels.right
                            : cd.side == CONTENT_SIDE_LEFT ? c->labels.left
                                                           : NULL;
    if (side_word) {
        content_format(side_buf, sizeof side_buf, c->labels.side,
                       &(content_format_args_t){.side = side_word});
    }
    if (cd.switch_sides) {
        snprintf(pill_buf, sizeof pill_buf, "%s \u2192 %s", c->labels.switch_sides, side_buf);
        lines[n++] = (line_t){pill_buf, TEXT_BOLD, size, c->theme.accent, true};
    } else if (side_word) {
        lines[n++] = (line_t){side_buf, TEXT_BOLD, size, c->theme.accent, false};
    }
    if (cd.kind == COUNTDOWN_BREATHS && cd.stage == COUNTDOWN_HOLDING) {
        lines[n++] = (line_t){cd.inhaling ? c->labels.breathe_in : c->labels.breathe_out, TEXT_BOLD,
                              size * 1.15f, c->theme.text, false};
    }
    /* the hold the count is for (the next instance's, while counting in over a move) */
    const content_hold_t *h = &ex->phases[ch->inst[st->hold_instance].phase].hold;
    const char *hl = cd.hold_kind != CONTENT_HOLD_NONE && (cd.stage != COUNTDOWN_MOVING)
                         ? hold_label(c, h, &cd, hold_buf, sizeof hold_buf)
                         : NULL;
    bool reps = cd.repetitions > 1;
    /* a hold cut short (demo pacing) says so while it is held, in place of the side: the
     * ring counts only the breaths or seconds shown, and a patient must not take them for
     * the page's count (the side was named as it got ready, and the figure shows it) */
    if (hl && cd.shortened && cd.stage == COUNTDOWN_HOLDING && side_word && !cd.switch_sides) {
        lines[0] = (line_t){hl, TEXT_REGULAR, size * 0.9f, c->theme.text, false};
        hl = NULL;
    }
    /* the hold asked for gives way when it would be a third line */
    if (hl && n + reps < 2) {
        lines[n++] = (line_t){hl, TEXT_REGULAR, size * 0.9f, c->theme.text, false};
    }
    if (reps) {
        char nth[16], target[32];
        snprintf(nth, sizeof nth, "%d", cd.repetition);
        repetition_target(ex, &cd, target, sizeof target);
        content_format(rep_buf, sizeof rep_buf, c->labels.repetition,
                       &(content_format_args_t){.n = nth, .target = target});
        lines[n++] = (line_t){rep_buf, TEXT_REGULAR, size * 0.9f, c->theme.text_dim, false};
    }
    for (int i = 0; i < n && i < 2; i++) {
        layout_box_t box = L->exercise.status_rows[i];
        if (lines[i].pill) {
            draw_pill(r, lines[i].text, box, lines[i].size, col(r, lines[i].color),
                      col(r, c->theme.accent_text));
        } else {
            draw_text(r, lines[i].text, style(lines[i].font, lines[i].size, L->font.min, TEXT_LEFT),
                      box, VALIGN_CENTER, col(r, lines[i].color));
        }
    }
}

/* The figure's state in a view: its routine at the view's time, or gliding after a jump. */
static void view_state(const show_view_t *v, choreo_state_t *st) {
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    choreo_sample(ch, v->time, st);
    if (v->jump < 1.0f) { /* gliding to a step picked with Down/Up */
        choreo_state_t from;
        choreo_sample(ch, v->jump_from, &from);
        float w = maths_smoothstep(v->jump);
        choreo_blend(&from, st, w, st);
    }
}

static figure_colors_t figure_colors(const content_t *c) {
    content_color_t bg = c->theme.background_bottom;
    return (figure_colors_t){
        .near = gfx_rgb(c->theme.figure, 1),
        .far = mix(c->theme.figure, bg, 0.42f),
        .ghost = mix(bg, c->theme.figure, 0.30f),
        .mat = mix(bg, c->theme.accent, 0.22f),
        .face = gfx_rgb(c->theme.accent, 1),
        .arrow = gfx_rgb(c->theme.accent, 1),
    };
}

/* The stage's panel, translucent over the background (draw_whole mixes its inside there). */
static gfx_color_t stage_panel(const render_t *r) {
    return gfx_rgb(r->content->theme.panel, 0.55f);
}

static void draw_figure(render_t *r, const show_view_t *v) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    layout_box_t box = L->exercise.figure;
    gfx_rect(&r->gfx, box, stage_panel(r), L->radius);
    if (!v->choreos) return;
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    const figure_fit_t *fit = fit_for(r, ch);
    choreo_state_t local, *st = &local;
    bool shown = r->state_valid && v == r->state_view; /* the view on screen, not a warm-up's */
    if (shown) st = &r->state;                         /* computed for the damage check */
    else view_state(v, st);
    figure_colors_t colors = figure_colors(c);
    layout_box_t moving;
    layout_box_t drawn = figure_draw(&r->gfx, fit, ch, st, &colors, &moving);
    if (shown && !r->gfx.dry) {
        r->figure_drawn = drawn;
        r->figure_moving = moving;
    }
    draw_counter(r, ch, st);
}

static void draw_exercise(render_t *r, const show_view_t *v) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    const content_exercise_t *ex = &c->exercises[v->scene.exercise];
    draw_text(r, ex->title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_LEFT),
              L->exercise.title, VALIGN_BOTTOM, col(r, c->theme.text));
    draw_text(r, ex->purpose, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->exercise.purpose, VALIGN_TOP, col(r, c->theme.text_dim));
    draw_figure(r, v);
    draw_progress(r, v);
    gfx_rect(&r->gfx, L->exercise.panel, col(r, c->theme.panel), L->radius);
    draw_text(r, ex->how_to, style(TEXT_BOLD, L->font.heading, L->font.min, TEXT_LEFT),
              L->exercise.how_to, VALIGN_CENTER, col(r, c->theme.accent));
    draw_steps(r, ex, v->item);
}

static void draw_dots(render_t *r, int n, int current) {
    const content_t *c = r->content;
    for (int i = 0; i < n; i++) {
        layout_box_t dot = layout_review_dot(&r->layout, n, i);
        gfx_rect(&r->gfx, dot,
                 i == current ? col(r, c->theme.accent) : gfx_rgb(c->theme.text_dim, 0.35f),
                 dot.h * 0.5f);
    }
}

/* One review's words and name, slid sideways by dx pixels and faded to alpha. */
static void draw_review_card(render_t *r, int item, float dx, float alpha) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    const content_review_t *rv = &c->reviews.items[item];
    float base = r->gfx.opacity;
    r->gfx.opacity = base * alpha;
    layout_box_t tb = L->reviews.text, nb = L->reviews.name;
    tb.x += dx;
    nb.x += dx;
    draw_text(r, rv->text, style(TEXT_REGULAR, L->font.heading, L->font.min, TEXT_CENTER), tb,
              VALIGN_CENTER, col(r, c->theme.text));
    char name[256];
    snprintf(name, sizeof name, "%s%s", c->labels.review_name_prefix, rv->name);
    draw_text(r, name, style(TEXT_BOLD, L->font.heading, L->font.min, TEXT_CENTER), nb,
              VALIGN_CENTER, col(r, c->theme.accent));
    r->gfx.opacity = base;
}

static void draw_reviews(render_t *r, const show_view_t *v) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    draw_text(r, c->reviews.title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_CENTER),
              L->reviews.title, VALIGN_CENTER, col(r, c->theme.text));
    gfx_rect(&r->gfx, L->reviews.card, col(r, c->theme.panel), L->radius);
    /* the next card slides in from the right as the last one slides out to the left; the
     * slide stays within the card's padding */
    float m = maths_smoothstep(v->item_mix);
    float slide = L->reviews.slide;
    /* the old words leave in the first half, the new arrive in the second: never on top of
     * each other, and the card, title and dots stay throughout */
    float out = fminf(1.0f, 2.0f * m), in = fmaxf(0.0f, 2.0f * m - 1.0f);
    if (m < 0.5f) draw_review_card(r, v->item_prev, -slide * out, 1.0f - out);
    else draw_review_card(r, v->item, slide * (1.0f - in), in);
    draw_dots(r, c->reviews.count, v->item);
}

static void draw_qr(render_t *r) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    int modules = r->qr_texture.w;
    bool code = r->qr_texture.id && modules > 0;
    if (!code && !r->preparing) return; /* (preparing: the code is made after the walk) */
    if (code) {
        float module = 1.0f;
        layout_box_t at = layout_qr_code(L, modules, &module);
        gfx_rect(&r->gfx, at, (gfx_color_t){1, 1, 1, 1}, module * 1.5f);
        gfx_coverage(&r->gfx, &r->qr_texture, at, true, (gfx_color_t){0.02f, 0.05f, 0.08f, 1});
    }
    draw_text(r, c->contact.qr_caption, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_CENTER),
              L->contact.qr_caption, VALIGN_TOP, col(r, c->theme.text_dim));
}

static void draw_contact(render_t *r) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    draw_text(r, c->contact.title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_LEFT),
              L->contact.title, VALIGN_BOTTOM, col(r, c->theme.accent));
    draw_text(r, c->contact.body, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->contact.body, VALIGN_CENTER, col(r, c->theme.text));
    draw_text(r, c->contact.severe, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->contact.severe, VALIGN_CENTER, col(r, c->theme.text_dim));
    draw_text(r, c->contact.call, style(TEXT_BOLD, L->font.big * 0.8f, L->font.min, TEXT_LEFT),
              L->contact.call, VALIGN_CENTER, col(r, c->theme.text));
    draw_text(r, c->clinic.address, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->contact.address, VALIGN_TOP, col(r, c->theme.text_dim));
    draw_qr(r);
}

static void draw_scene(render_t *r, const show_view_t *v) {
    switch (v->scene.kind) {
    case SCENE_INTRO: draw_intro(r); break;
    case SCENE_EXERCISE: draw_exercise(r, v); break;
    case SCENE_REVIEWS:
    case SCENE_REVIEW: draw_reviews(r, v); break;
    case SCENE_CONTACT: draw_contact(r); break;
    default: break;
    }
}

static void draw_footer(render_t *r, const show_t *show) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    /* the kiosk's loop shows its own calm hint about the keys */
    const char *hint =
        show->kiosk && !show->takeover && c->kiosk.hint ? c->kiosk.hint : c->labels.help_hint;
    draw_text(r, c->labels.footer,
              style(TEXT_REGULAR, L->font.small, L->font.min * 0.8f, TEXT_LEFT), L->footer,
              VALIGN_CENTER, col(r, c->theme.text_dim));
    draw_text(r, hint, style(TEXT_REGULAR, L->font.small, L->font.min * 0.8f, TEXT_RIGHT),
              L->help_hint, VALIGN_CENTER, col(r, c->theme.text_dim));
}

static void draw_help(render_t *r, bool kiosk) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    gfx_rect(&r->gfx, L->screen, (gfx_color_t){0, 0, 0, 0.6f}, 0);
    gfx_rect_outline(&r->gfx, L->help.panel, col(r, c->theme.panel), gfx_rgb(c->theme.accent, 0.6f),
                     L->radius, fmaxf(1.0f, 2.0f * L->unit));
    draw_text(r, c->labels.help_title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_LEFT),
              L->help.title, VALIGN_CENTER, col(r, c->theme.accent));
    /* the content's rows; its number keys' entry as each number key with its exercise's
     * title (show_numbered_exercise): a row each, or two to a row (the second in the
     * actions' column) where a row each would make the text much smaller */
    static const char *const DIGITS[SHOW_NUMBERED_MAX] = {"1", "2", "3", "4", "5",
                                                          "6", "7", "8", "9"};
    typedef struct help_row_t {
        const char *keys[2], *action[2]; /* two number keys' cells, or one row's columns */
        bool numbers;                    /* cells */
    } help_row_t;
    help_row_t rows[CONTENT_MAX_HELP + SHOW_NUMBERED_MAX];
    int max = (int)(sizeof rows / sizeof rows[0]), n = 0;
    for (int per_row = 1; per_row <= 2; per_row++) {
        n = 0;
        for (int i = 0; i < c->labels.help_count && n < max; i++) {
            const content_help_t *h = &c->labels.help[i];
            if (kiosk && !h->in_kiosk) continue; /* a kiosk leaves out keys it ignores */
            if (!h->exercises) {
                rows[n++] = (help_row_t){{h->keys, NULL}, {h->action, NULL}, false};
                continue;
            }
            for (int k = 0, e; (e = show_numbered_exercise(c, k)) >= 0; k++) {
                if (k % per_row == 0 && n == max) break;
                if (k % per_row == 0)
                    rows[n++] = (help_row_t){{NULL, NULL}, {NULL, NULL}, per_row > 1};
                rows[n - 1].keys[k % per_row] = DIGITS[k];
                rows[n - 1].action[k % per_row] = c->exercises[e].title;
            }
        }
        if (layout_help_roomy(L, n)) break;
    }
    if (n == 0) return;
    float size = layout_help_text_size(L, n);
    text_style_t key_style = style(TEXT_BOLD, size, L->font.min * 0.8f, TEXT_LEFT);
    text_style_t action_style = style(TEXT_REGULAR, size, L->font.min * 0.8f, TEXT_LEFT);
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < 2 && rows[i].keys[k]; k++) {
            layout_box_t kb, ab;
            layout_help_row(L, n, i, k, rows[i].numbers, &kb, &ab);
            draw_text(r, rows[i].keys[k], key_style, kb, VALIGN_CENTER, col(r, c->theme.text));
            draw_text(r, rows[i].action[k], action_style, ab, VALIGN_CENTER,
                      col(r, c->theme.text_dim));
        }
    }
}

static void draw_paused(render_t *r, const char *label) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    text_style_t st = style(TEXT_BOLD, L->font.body, L->font.min, TEXT_CENTER);
    const text_block_t *b = text_get(&r->text, label, st, L->banner.w, L->banner.h);
    if (!b) return;
    layout_box_t pill = layout_banner_pill(L, (float)b->w);
    gfx_rect(&r->gfx, pill, col(r, c->theme.accent), pill.h * 0.5f);
    draw_text(r, label, st, L->banner, VALIGN_CENTER, col(r, c->theme.accent_text));
}

static const char *notice_label(const content_t *c, show_notice_t notice, const char *staff) {
    switch (notice) {
    case SHOW_NOTICE_SOUND_ON: return c->labels.sound_on;
    case SHOW_NOTICE_SOUND_OFF: return c->labels.sound_off;
    case SHOW_NOTICE_SOUND_NONE: return c->labels.sound_none;
    case SHOW_NOTICE_STAFF: return staff && staff[0] ? staff : NULL;
    default: return NULL;
    }
}

/* A notice: a calm pill in the panel's colour, ringed with the accent, its words centred. */
static void draw_notice(render_t *r, show_notice_t notice, const char *staff, bool banner) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    const char *label = notice_label(c, notice, staff);
    if (!label) return;                            /* the content gives no word for it */
    bool staff_text = notice == SHOW_NOTICE_STAFF; /* a longer sentence: up to three lines */
    layout_box_t row = layout_notice(L, banner, staff_text);
    layout_box_t room = layout_notice_room(L, row, staff_text);
    text_style_t st = style(TEXT_BOLD, L->font.body, L->font.min, TEXT_CENTER);
    const text_block_t *b = text_get(&r->text, label, st, room.w, room.h);
    if (!b) return;
    layout_box_t text;
    layout_box_t pill = layout_notice_pill(L, row, staff_text, (float)b->w, (float)b->h, &text);
    gfx_rect_outline(&r->gfx, pill, col(r, c->theme.panel), gfx_rgb(c->theme.accent, 0.8f),
                     fminf(pill.h, L->font.body * 2.0f) * 0.5f, fmaxf(1.0f, 2.0f * L->unit));
    draw_text(r, label, st, text, VALIGN_CENTER, col(r, c->theme.text));
}

/* A playlist entry as it looks when the show gets to it: time 0, its first step, the next
 * review card in turn for a single-card stop. */
static show_view_t view_at_start(const show_t *show, int index) {
    const content_t *c = show->content;
    show_view_t v;
    memset(&v, 0, sizeof v);
    v.playlist_index = index;
    v.scene = c->playlist[index];
    v.jump = v.item_mix = 1.0f;
    v.choreos = show->choreos;
    if (v.scene.kind == SCENE_REVIEW && c->reviews.count > 0)
        v.item = show->next_review % c->reviews.count;
    return v;
}

#define WARM_TEXTS_PER_FRAME 3 /* texts rasterised ahead of need per frame: a few ms */

/* Walks scene `task` of the playlist (every review card; every move and hold of an exercise),
 * or with task == playlist_count the overlays and countdown numerals, drawing nothing. */
static void warm_task(render_t *r, const show_t *show, int task) {
    const content_t *c = r->content;
    if (task < c->playlist_count) {
        show_view_t v = view_at_start(show, task);
        if (v.scene.kind == SCENE_REVIEWS || v.scene.kind == SCENE_REVIEW) {
            for (v.item = 0; v.item < c->reviews.count; v.item++) draw_scene(r, &v);
        } else if (v.scene.kind == SCENE_EXERCISE && show->choreos) {
            const choreo_t *ch = &show->choreos[v.scene.exercise];
            for (int k = 0; k < ch->count; k++) {
                const choreo_instance_t *in = &ch->inst[k];
                v.time = in->start + in->move * 0.5;
                v.item = ch->content->exercises[ch->exercise].phases[in->phase].step;
                draw_scene(r, &v);
                double hold = in->start + in->move + in->ready;
                double at[3] = {hold + 0.5, hold + ch->breath_in + 0.5, hold + in->hold * 0.5};
                for (int i = 0; i < 3 && in->hold > 0; i++) { /* breathing in and out, too */
                    v.time = at[i];
                    draw_scene(r, &v);
                }
            }
        } else {
            draw_scene(r, &v);
        }
        return;
    }
    char num[16], text[128];
    for (int n = 0; n <= 60; n++) {
        snprintf(num, sizeof num, "%d", n);
        draw_numeral(r, num, NULL);
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
            if (words) draw_numeral(r, "", words);
        }
    }
    draw_paused(r, c->labels.paused);
    for (int n = 1; n <= (int)ceilf(c->timing.resume_seconds); n++) {
        snprintf(num, sizeof num, "%d", n);
        content_format(text, sizeof text, c->labels.resuming, &(content_format_args_t){.n = num});
        draw_paused(r, text);
    }
    draw_help(r, show->kiosk);
    for (int n = SHOW_NOTICE_NONE + 1; n < SHOW_NOTICE_NUM; n++) draw_notice(r, n, NULL, false);
}

/* Rasterises, a few texts a frame, whatever any scene will need, so no change of scene, card
 * or count waits on text. */
static void warm(render_t *r, const show_t *show) {
    if (r->warm_task < 0) { /* the first frame after render_init: it is soon enough next frame */
        r->warm_task = 0;
        return;
    }
    int tasks = r->content->playlist_count + 1;
    if (r->warm_task >= tasks) return;
    r->gfx.dry = true;
    r->text.allow_new = WARM_TEXTS_PER_FRAME;
    while (r->warm_task < tasks && r->text.allow_new > 0) {
        int skipped = r->text.skipped;
        warm_task(r, show, r->warm_task);
        if (r->text.skipped != skipped) break; /* more of it next frame */
        r->warm_task++;
    }
    r->text.allow_new = -1;
    r->gfx.dry = false;
}

static uint64_t hash_in(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* A value rounded to 1/steps: the same pixels when it has not moved by a visible amount. */

static layout_box_t grow_box(layout_box_t b, float d) {
    return (layout_box_t){b.x - d, b.y - d, b.w + 2 * d, b.h + 2 * d};
}

/* What the screen shows, reduced to numbers that change exactly when pixels would: the whole
 * screen's, and the figure's and the counter's, which move on their own. */
static void frame_keys(render_t *r, const show_t *show, uint64_t *full, uint64_t *panel,
                       uint64_t *stage, uint64_t *counter, uint64_t *counter_words) {
    const show_view_t *v = &show->view;
    uint64_t h = 1469598103934665603ull;
    bool exercise = v->scene.kind == SCENE_EXERCISE;
    bool cards = v->scene.kind == SCENE_REVIEWS || v->scene.kind == SCENE_REVIEW;
    long f[] = {r->layout.width,
                r->layout.height,
                (long)r->generation,
                v->playlist_index,
                exercise || cards ? 0 : v->item,
                show->paused,
                show->help,
                show->paused ? 0 : (long)ceil(show->resume_left - 1e-6),
                show->resume_left > 0,
                show->kiosk && !show->takeover,
                maths_quanta(r->gfx.shift_x, 8),
                maths_quanta(r->gfx.shift_y, 8)};
    *full = hash_in(h, f, sizeof f);
    /* the highlighted step, the review card: their own panel only */
    long p[] = {v->item, cards ? maths_quanta(v->item_mix, 512) : 0};
    *panel = exercise || cards ? hash_in(h, p, sizeof p) : 0;
    *stage = *counter = *counter_words = 0;
    r->state_valid = false;
    if (v->scene.kind != SCENE_EXERCISE || !v->choreos) return;
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    view_state(v, &r->state);
    r->state_valid = true;
    r->state_view = v;
    const figure_fit_t *fit = fit_for(r, ch);
    /* the live figure exactly as it will be drawn: its capsules (on the quarter-pixel grid,
     * so they change when pixels would), and whether the move's cues are shown */
    figure_capsule_t *caps = r->figure_caps;
    int n = figure_body(fit, ch, &r->state, caps);
    r->figure_cap_count = n;
    long sk[] = {r->state.instance, r->state.holding, r->state.moving, n};
    uint64_t s = hash_in(h, sk, sizeof sk);
    *stage = hash_in(s, caps, (size_t)n * sizeof caps[0]);
    /* the camera: while it eases between two shots, the mat, ghosts and arrow move too */
    figure_lens_t lens;
    figure_lens(fit, ch, &r->state, &lens);
    r->figure_lens = hash_in(h, &lens, sizeof lens);
    r->figure_instance = r->state.instance;
    r->figure_holding = r->state.holding;
    r->figure_cues = r->state.moving;
    countdown_t cd;
    countdown_compute(ch, &r->state, &cd);
    const layout_t *L = &r->layout;
    long k[] = {cd.kind,       cd.stage,       cd.count,       cd.remaining,
                cd.ready_left, cd.inhaling,    cd.side,        cd.switch_sides,
                cd.repetition, cd.repetitions, r->state.phase, r->state.instance};
    /* the words (the numeral, the lines beside the ring) apart from the ring's arc and the
     * breath pacer, which move alone most frames and redraw only the ring's box */
    *counter_words = hash_in(h, k, sizeof k);
    long ring[] = {maths_quanta(cd.progress, COUNTER_ARC_STEPS(L)),
                   maths_quanta(cd.breath, COUNTER_BREATH_STEPS(L))};
    *counter = hash_in(*counter_words, ring, sizeof ring);
}

static layout_box_t union_box(layout_box_t a, layout_box_t b) {
    if (a.w <= 0) return b;
    float x0 = fminf(a.x, b.x), y0 = fminf(a.y, b.y);
    float x1 = fmaxf(a.x + a.w, b.x + b.w), y1 = fmaxf(a.y + a.h, b.y + b.h);
    return (layout_box_t){x0, y0, x1 - x0, y1 - y0};
}

/* Background, one scene and the footer: a whole picture. */
static void draw_whole(render_t *r, const show_t *show, const show_view_t *v) {
    const content_t *c = r->content;
    gfx_color_t top = col(r, c->theme.background_top);
    gfx_color_t bottom = col(r, c->theme.background_bottom);
    if (v->scene.kind == SCENE_EXERCISE) { /* the stage's panel (draw_figure) in the background */
        gfx_gradient_under(&r->gfx, top, bottom, r->layout.exercise.figure, stage_panel(r),
                           r->layout.radius);
    } else {
        gfx_gradient(&r->gfx, top, bottom);
    }
    draw_scene(r, v);
    draw_footer(r, show);
}

/* What the figure's next drawing will cover (all of it with `mat`, else but the mat: ghosts,
 * arrow, body): measured by drawing it dry. */
static layout_box_t next_drawn(render_t *r, const show_t *show, bool mat) {
    const show_view_t *v = &show->view;
    if (!r->state_valid || !v->choreos) return r->layout.exercise.stage;
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    figure_colors_t colors = figure_colors(r->content);
    layout_box_t moving;
    bool dry = r->gfx.dry;
    r->gfx.dry = true;
    layout_box_t all = figure_draw(&r->gfx, fit_for(r, ch), ch, &r->state, &colors, &moving);
    r->gfx.dry = dry;
    return mat ? all : moving;
}

#define WIPE_LINE 3.0f /* pixels: the wipe's leading edge */

/* Where a frame redraws: a few rectangles, so two small changes far apart (the highlighted
 * step, the figure's new move) do not redraw everything between them. */
#define DAMAGE_MAX 4
typedef struct damage_t {
    layout_box_t box[DAMAGE_MAX];
    int count;
} damage_t;

static void damage_add(damage_t *d, layout_box_t b) {
    if (b.w <= 0 || b.h <= 0) return;
    for (int i = 0; i < d->count; i++) {
        if (layout_box_overlap(d->box[i], b)) { /* one rectangle where they overlap */
            b = union_box(d->box[i], b);
            d->box[i] = d->box[--d->count];
            damage_add(d, b);
            return;
        }
    }
    if (d->count == DAMAGE_MAX) b = union_box(b, d->box[--d->count]);
    d->box[d->count++] = b;
}

/* Within a move (ghosts, arrow, mat and camera unchanged): where the capsules that moved were
 * and are, gathered into a few boxes (a knee drawn up and a hand reaching for it redraw the
 * leg and the arm, not the whole figure; a breath, the chest and head). Capsules are in the
 * same order frame to frame unless the depth order changed, which then counts as moved. */
#define MOVED_BOXES 3
static void moved_capsules(render_t *r, damage_t *damage, float pad) {
    layout_box_t box[MOVED_BOXES];
    int count = 0;
    int n = r->figure_cap_count, last = r->last_figure_cap_count;
    for (int i = 0; i < (n > last ? n : last); i++) {
        const figure_capsule_t *a = i < last ? &r->last_figure_caps[i] : NULL;
        const figure_capsule_t *b = i < n ? &r->figure_caps[i] : NULL;
        if (a && b && memcmp(a, b, sizeof *a) == 0) continue;
        for (int k = 0; k < 2; k++) {
            const figure_capsule_t *c = k ? b : a;
            if (!c) continue;
            layout_box_t cb = grow_box(figure_capsules_bounds(c, 1), 2.0f + pad);
            int best = -1;
            float best_cost = 1e30f;
            for (int m = 0; m < count; m++) { /* join the box it grows least */
                layout_box_t u = union_box(box[m], cb);
                float cost = u.w * u.h - box[m].w * box[m].h;
                if (cost < best_cost) best_cost = cost, best = m;
            }
            if (best >= 0 && (count == MOVED_BOXES || best_cost < cb.w * cb.h)) {
                box[best] = union_box(box[best], cb);
            } else {
                box[count++] = cb;
            }
        }
    }
    for (int m = 0; m < count; m++) damage_add(damage, box[m]);
}

/* What moved on its own since the last frame (the panel's step or card, the figure, the
 * counter), padded by the drift: the partial redraw of an unchanged scene. */
static void moved_damage(render_t *r, const show_t *show, uint64_t kp, uint64_t ks, uint64_t kc,
                         uint64_t kw, damage_t *damage) {
    const layout_t *L = &r->layout;
    float pad = 4.0f + fabsf(r->gfx.shift_x) + fabsf(r->gfx.shift_y);
    const show_view_t *v = &show->view;
    if (kp != r->key_panel && v->scene.kind == SCENE_EXERCISE) {
        int n = r->content->exercises[v->scene.exercise].step_count;
        if (r->step_rows_of == v->scene.exercise + 1 && r->shown_item >= 0 && r->shown_item < n &&
            v->item >= 0 && v->item < n) { /* the step highlighted before, and the one now */
            damage_add(damage, grow_box(r->step_rows[r->shown_item], pad));
            damage_add(damage, grow_box(r->step_rows[v->item], pad));
        } else {
            damage_add(damage, grow_box(L->exercise.panel, pad));
        }
    } else if (kp != r->key_panel) {
        damage_add(damage, grow_box(union_box(L->reviews.card, L->reviews.dots), pad));
    }
    if (ks != r->key_stage) {
        /* the same move: only where the figure was and is now (ghosts, arrow and mat are the
         * same); a new move, the end of a move (its ghosts and arrow go) or a hold: what the
         * figure covered and will cover, cues included */
        bool same_camera = r->figure_lens == r->last_figure_lens && r->last_figure_cap_count > 0;
        bool same_move = r->figure_instance == r->last_figure_instance &&
                         r->figure_holding == r->last_figure_holding &&
                         r->figure_cues == r->last_figure_cues && same_camera;
        if (same_move) {
            moved_capsules(r, damage, pad);
        } else {
            layout_box_t moved = same_camera
                                     ? union_box(r->figure_moving, next_drawn(r, show, false))
                                     : union_box(r->figure_drawn, next_drawn(r, show, true));
            damage_add(damage, grow_box(moved, pad));
        }
    }
    if (kc != r->key_counter) {
        /* the same words: only the arc or the pacer moved, both inside the ring's box */
        layout_box_t band = kw == r->key_counter_words
                                ? L->exercise.counter
                                : union_box(L->exercise.counter, L->exercise.status);
        damage_add(damage, grow_box(band, pad));
    }
}

static layout_box_t clip_box(layout_box_t b, layout_box_t to) {
    float x0 = fmaxf(b.x, to.x), y0 = fmaxf(b.y, to.y);
    float x1 = fminf(b.x + b.w, to.x + to.w), y1 = fminf(b.y + b.h, to.y + to.h);
    return x1 > x0 && y1 > y0 ? (layout_box_t){x0, y0, x1 - x0, y1 - y0}
                              : (layout_box_t){0, 0, 0, 0};
}

/* Paused, resuming and help: drawn over the scene. */
static void draw_overlays(render_t *r, const show_t *show) {
    const content_t *c = r->content;
    if (show->paused) draw_paused(r, c->labels.paused);
    if (!show->paused && show->resume_left > 0) {
        char n[16], text[128];
        snprintf(n, sizeof n, "%d", (int)ceil(show->resume_left - 1e-6));
        content_format(text, sizeof text, c->labels.resuming, &(content_format_args_t){.n = n});
        draw_paused(r, text);
    }
    if (show->help) draw_help(r, show->kiosk);
    draw_notice(r, show->notice, show->notice_text, show->paused || show->resume_left > 0);
}

/* Draws `v` (with background and footer) where it meets both the damage and `part`. */
static void draw_part(render_t *r, const show_t *show, const show_view_t *v, layout_box_t damage,
                      layout_box_t part) {
    layout_box_t box = clip_box(damage, part);
    if (box.w <= 0) return;
    gfx_clip(&r->gfx, &box);
    draw_whole(r, show, v);
}

layout_box_t render_frame(render_t *r, const show_t *show, int width, int height, bool full) {
    if (width != r->layout.width || height != r->layout.height) {
        layout_compute(&r->layout, width, height);
        text_clear(&r->text); /* sizes follow the screen: re-set every text once */
        r->warm_task = 0;
        full = true;
    }
    warm(r, show);
    uint64_t kf, kp, ks, kc, kw;
    frame_keys(r, show, &kf, &kp, &ks, &kc, &kw);
    layout_box_t screen = {0, 0, (float)width, (float)height};
    /* a scene change wipes, unless an overlay covers it: then the new scene is drawn whole */
    bool wipe = show_transition_mix(show) < 1.0f && !show->help && !show_frozen(show);
    float edge = wipe ? floorf(show_transition_mix(show) * (float)width) : (float)width;
    layout_box_t revealed = {0, 0, edge, (float)height};
    bool same_wipe = wipe && r->wipe_edge > 0.0f && r->wipe_pair[0] == show->from.playlist_index &&
                     r->wipe_pair[1] == show->view.playlist_index;
    damage_t damage = {.count = 0};
    /* the screen holds the outgoing scene as it would be drawn now: no overlay, the same hint */
    bool held = r->drawn_scene == show->from.playlist_index &&
                r->drawn_hint == (show->kiosk && !show->takeover);
    if (full || (wipe && !same_wipe && !held)) {
        damage_add(&damage, screen);
    } else if (wipe && !same_wipe) {
        damage_add(&damage, revealed); /* the screen holds the outgoing scene */
    } else if (kf != r->key_full) {
        damage_add(&damage, wipe ? revealed : screen);
    } else {
        moved_damage(r, show, kp, ks, kc, kw, &damage);
        if (r->wipe_edge > 0.0f) { /* the strip newly revealed, and the edge's line drawn there */
            float from = r->wipe_edge - WIPE_LINE - 1.0f;
            damage_add(&damage, (layout_box_t){from, 0, edge - from, (float)height});
        }
        for (int i = 0; wipe && i < damage.count; i++)
            damage.box[i] = clip_box(damage.box[i], revealed);
        if (show->notice != r->shown_notice || show->notice_serial != r->shown_notice_serial) {
            /* a notice shown, gone or given new words (over either scene) */
            bool banner = show->paused || show->resume_left > 0;
            bool staff = show->notice == SHOW_NOTICE_STAFF || r->shown_notice == SHOW_NOTICE_STAFF;
            damage_add(&damage, grow_box(layout_notice(&r->layout, banner, staff),
                                         2.0f + fabsf(r->gfx.shift_x) + fabsf(r->gfx.shift_y)));
        }
    }
    r->last_figure_cap_count = ks ? r->figure_cap_count : 0;
    if (ks) memcpy(r->last_figure_caps, r->figure_caps, sizeof r->figure_caps);
    r->last_figure_instance = r->figure_instance;
    r->last_figure_holding = r->figure_holding;
    r->last_figure_cues = r->figure_cues;
    r->last_figure_lens = r->figure_lens;
    r->key_full = kf;
    r->key_panel = kp;
    r->key_stage = ks;
    r->key_counter = kc;
    r->key_counter_words = kw;
    r->shown_item = show->view.item;
    r->shown_notice = show->notice;
    r->shown_notice_serial = show->notice_serial;
    r->wipe_pair[0] = wipe ? show->from.playlist_index : -1;
    r->wipe_pair[1] = wipe ? show->view.playlist_index : -1;
    r->wipe_edge = wipe ? edge : 0.0f;
    layout_box_t all = {0, 0, 0, 0};
    for (int i = 0; i < damage.count; i++) all = union_box(all, damage.box[i]);
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
        draw_part(r, show, &show->view, box, revealed);
        if (wipe) {
            int kept = r->record.count, kept_overflow = r->record.overflow;
            draw_part(r, show, &show->from, box,
                      (layout_box_t){edge, 0, (float)width - edge, (float)height});
            r->record.count = kept, r->record.overflow = kept_overflow;
            /* the leading edge: a thin line in the accent colour, on the incoming side, not
             * moved by the drift (the strip redrawn next frame is counted without it) */
            gfx_clip(&r->gfx, &box);
            float sx = r->gfx.shift_x, sy = r->gfx.shift_y;
            r->gfx.shift_x = r->gfx.shift_y = 0.0f;
            gfx_rect(&r->gfx, (layout_box_t){edge - WIPE_LINE, 0, WIPE_LINE, (float)height},
                     gfx_rgb(r->content->theme.accent, 0.7f), 0.0f);
            r->gfx.shift_x = sx, r->gfx.shift_y = sy;
        }
        gfx_clip(&r->gfx, &box);
        draw_overlays(r, show);
        if (recorded) r->record.count = count, r->record.overflow = overflow;
        recorded = recorded || box.x < edge; /* this box drew the incoming scene */
    }
    bool overlaid = show->help || show->paused || show->resume_left > 0 || show->notice;
    r->drawn_scene = wipe || overlaid ? -1 : show->view.playlist_index;
    r->drawn_hint = show->kiosk && !show->takeover;
    gfx_clip(&r->gfx, NULL);
    r->state_valid = false;
    return all;
}
