/* scenes: how each scene of the show is drawn — intro, exercise (title, steps, the figure in
 * its stage, the counter and its lines, the playlist's progress), reviews, contact — and the
 * footer and the overlays (help, paused banner, notices). Every element goes in a box from
 * layout.c; this file chooses words, colours and styles, and draws. It keeps no state of its
 * own but what the figure's framing caches. Depends on gfx, text, figure, pictures and core;
 * no file I/O (the mark is read when content is adopted), no windowing. */
#include "scenes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "countdown.h"
#include "maths.h"
#include "pictures.h"

typedef enum valign_t { VALIGN_TOP = 0, VALIGN_CENTER, VALIGN_BOTTOM } valign_t;
/* (both alignments are layout_place's: start, centre, end) */
_Static_assert(VALIGN_CENTER == (int)LAYOUT_CENTER && VALIGN_BOTTOM == (int)LAYOUT_END, "valign");
_Static_assert(TEXT_CENTER == (int)LAYOUT_CENTER && TEXT_RIGHT == (int)LAYOUT_END, "align");

/* ---- drawing helpers ---------------------------------------------------------------------- */

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
    /* a text is put into a page only when it is drawn; one drawn scaled has a texture of its
     * own, made ahead of need by the warm-up's walks (not by a frame) */
    bool drawn = gfx_draws(&r->gfx, at), ahead = r->gfx.dry && scale < 1.0f;
    if (drawn || ahead) {
        const gfx_texture_t *texture = text_texture(&r->text, b, scale < 1.0f);
        if (drawn) gfx_coverage(&r->gfx, texture, at, false, color);
    }
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
    if (px != r->mark_px && (!r->gfx.dry || r->preparing)) pictures_mark_load(r, px);
    gfx_image(&r->gfx, &r->mark_texture, L->intro.mark, 1.0f);
    draw_text(r, c->intro.title, style(TEXT_BOLD, L->font.title * 1.1f, L->font.min, TEXT_CENTER),
              L->intro.title, VALIGN_BOTTOM, gfx_rgb(c->theme.text, 1.0f));
    draw_text(r, c->intro.body, style(TEXT_REGULAR, L->font.heading, L->font.min, TEXT_CENTER),
              L->intro.body, VALIGN_CENTER, gfx_rgb(c->theme.text_dim, 1.0f));
    draw_text(r, c->intro.call, style(TEXT_BOLD, L->font.heading * 1.2f, L->font.min, TEXT_CENTER),
              L->intro.call, VALIGN_BOTTOM, gfx_rgb(c->theme.accent, 1.0f));
    draw_text(r, c->clinic.phone, style(TEXT_BOLD, L->font.big * 1.2f, L->font.min, TEXT_CENTER),
              L->intro.phone, VALIGN_CENTER, gfx_rgb(c->theme.text, 1.0f));
    draw_text(r, c->clinic.address, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_CENTER),
              L->intro.address, VALIGN_TOP, gfx_rgb(c->theme.text_dim, 1.0f));
}

/* Where this scene stands in the playlist, and what comes next. */
static void draw_progress(render_t *r, const show_view_t *v) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    int n = c->playlist_count;
    for (int i = 0; i < n; i++) {
        layout_box_t dot = layout_progress_dot(L, n, i, i == v->playlist_index);
        if (i == v->playlist_index) {
            gfx_rect(&r->gfx, dot, gfx_rgb(c->theme.accent, 1.0f), dot.h * 0.5f);
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
                  label, VALIGN_CENTER, gfx_rgb(c->theme.text_dim, 1.0f));
    layout_box_t title = layout_progress_title(L, label, lb);
    draw_text(r, next_title, style(TEXT_REGULAR, L->font.small, L->font.min * 0.8f, TEXT_LEFT),
              title, VALIGN_CENTER, gfx_rgb(c->theme.text_dim, 1.0f));
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
            gfx_rect(&r->gfx, bb, gfx_rgb(c->theme.accent, 1.0f), bb.w * 0.5f);
        } else {
            gfx_rect_outline(&r->gfx, bb, gfx_rgb(c->theme.panel, 0.0f),
                             gfx_rgb(c->theme.text_dim, 0.8f), bb.w * 0.5f,
                             fmaxf(1.0f, bb.w * 0.07f));
        }
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        draw_text(r, num, style(TEXT_BOLD, bb.w * 0.62f, 0, TEXT_CENTER), bb, VALIGN_CENTER,
                  on ? gfx_rgb(c->theme.accent_text, 1.0f) : gfx_rgb(c->theme.text_dim, 1.0f));
        draw_text(r, ex->steps[i], st, at[i].words, VALIGN_TOP,
                  on ? gfx_rgb(c->theme.text, 1.0f) : gfx_rgb(c->theme.text_dim, 1.0f));
    }
    r->steps_scaled = false;
    if (!r->gfx.dry) r->step_rows_of = (int)(ex - c->exercises) + 1;
}

static gfx_color_t mix(content_color_t a, content_color_t b, float t) {
    return (gfx_color_t){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}

/* The exercise's figure framed in its stage, clear of the counter and its lines. */
const figure_fit_t *scenes_fit(render_t *r, const choreo_t *c) {
    const layout_t *L = &r->layout;
    figure_fit_t *f = &r->fits[c->exercise];
    layout_box_t avoid[FIGURE_AVOID_MAX];
    int n = figure_avoid(L, avoid);
    /* (the demo and follow routines of one exercise are framed apart: their poses differ) */
    if (r->fit_generation[c->exercise] != r->generation || f->exercise != c->exercise ||
        f->choreo != c || f->count != c->count ||
        memcmp(&f->box, &L->exercise.stage, sizeof f->box) != 0 || f->avoid_count != n ||
        memcmp(f->avoid, avoid, (size_t)n * sizeof avoid[0]) != 0 || f->lens.scale <= 0) {
        figure_fit(f, c, L->exercise.stage, avoid, n);
        r->fit_generation[c->exercise] = r->generation;
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
void scenes_numeral(render_t *r, const char *num, const char *sub) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    const layout_ring_t *g = &L->exercise.ring;
    text_style_t ws = style(TEXT_REGULAR, g->words_size, L->font.min * 0.8f, TEXT_CENTER);
    /* words that do not fit one line at their full size (longer in some languages) take two
     * lines under a higher numeral, rather than shrinking out of reach */
    bool two = false;
    if (sub) {
        const text_block_t *one = text_get(&r->text, sub, ws, g->words.w, g->words.h);
        two = one && (one->overflow || one->size < (int)lroundf(ws.size));
    }
    layout_box_t numeral = !sub ? g->numeral_alone : two ? g->numeral_two : g->numeral;
    if (num[0]) {
        draw_text(r, num, style(TEXT_BOLD, g->numeral_size, L->font.min, TEXT_CENTER), numeral,
                  VALIGN_CENTER, gfx_rgb(c->theme.text, 1.0f));
    }
    if (sub) {
        draw_text(r, sub, ws, two ? g->words_two : g->words, VALIGN_TOP,
                  gfx_rgb(c->theme.text_dim, 1.0f));
    }
}

static void counter_quantise(countdown_t *cd, const layout_t *L) {
    cd->progress = maths_quantise(cd->progress, SCENES_ARC_STEPS(L));
    cd->breath = maths_quantise(cd->breath, SCENES_BREATH_STEPS(L));
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
                    gfx_rgb(c->theme.text, 1.0f));
    }
    char num[16], words[64]; /* (a numeral always comes with the words saying what it counts) */
    scenes_numeral(r, num, countdown_ring_text(c, &cd, num, sizeof num, words, sizeof words));

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
            draw_pill(r, lines[i].text, box, lines[i].size, gfx_rgb(lines[i].color, 1.0f),
                      gfx_rgb(c->theme.accent_text, 1.0f));
        } else {
            draw_text(r, lines[i].text, style(lines[i].font, lines[i].size, L->font.min, TEXT_LEFT),
                      box, VALIGN_CENTER, gfx_rgb(lines[i].color, 1.0f));
        }
    }
}

/* The figure's state in a view: its routine at the view's time, or gliding after a jump. */
void scenes_figure_state(const show_view_t *v, choreo_state_t *st) {
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    choreo_sample(ch, v->time, st);
    if (v->jump < 1.0f) { /* gliding to a step picked with Down/Up */
        choreo_state_t from;
        choreo_sample(ch, v->jump_from, &from);
        float w = maths_smoothstep(v->jump);
        choreo_blend(&from, st, w, st);
    }
}

#define SWEEP_SAMPLES 24 /* times through the rest of a move: a few px of motion apart */

layout_box_t scenes_move_sweep(render_t *r, const show_view_t *v, layout_box_t now) {
    if (v->scene.kind != SCENE_EXERCISE || !v->choreos || v->jump < 1.0f) return now;
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    choreo_state_t st;
    choreo_sample(ch, v->time, &st);
    if (!st.moving || st.instance < 0 || st.instance >= ch->count) return now;
    const choreo_instance_t *in = &ch->inst[st.instance];
    double end = (double)in->start + (double)in->move - 1e-3; /* (still in the move) */
    const figure_fit_t *fit = scenes_fit(r, ch);
    layout_box_t box = now;
    for (int i = 1; i <= SWEEP_SAMPLES && end > v->time; i++) {
        choreo_sample(ch, v->time + (end - v->time) * i / SWEEP_SAMPLES, &st);
        figure_drawing(fit, ch, &st, &r->figure_other);
        box = layout_box_union(box, r->figure_other.moving);
    }
    return box;
}

figure_colors_t scenes_figure_colors(const content_t *c) {
    content_color_t bg = c->theme.background_bottom;
    return (figure_colors_t){{
        [FIGURE_TONE_NEAR] = gfx_rgb(c->theme.figure, 1),
        [FIGURE_TONE_FAR] = mix(c->theme.figure, bg, 0.42f),
        [FIGURE_TONE_GHOST] = mix(bg, c->theme.figure, 0.30f),
        [FIGURE_TONE_MAT] = mix(bg, c->theme.accent, 0.22f),
        [FIGURE_TONE_FACE] = gfx_rgb(c->theme.accent, 1),
        [FIGURE_TONE_ARROW] = gfx_rgb(c->theme.accent, 1),
    }};
}

/* The stage's panel, translucent over the background (scenes_whole mixes its inside there). */
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
    const figure_fit_t *fit = scenes_fit(r, ch);
    choreo_state_t local, *st = &local;
    bool shown = r->state_valid && v == r->state_view; /* the view on screen, not a warm-up's */
    if (shown) st = &r->state;                         /* computed for the damage check */
    else scenes_figure_state(v, st);
    figure_colors_t colors = scenes_figure_colors(c);
    figure_drawing_t *drawing = &r->figure_drawing; /* the frame's, made for the damage check */
    if (!shown) figure_drawing(fit, ch, st, drawing = &r->figure_other);
    /* the figure stays on its stage: a ghost of a pose framed for the next shot can reach past
     * it (child's pose's first move: the kneeling ghost's head, over the stage's edge) */
    bool clipped = r->gfx.clipped;
    layout_box_t clip = r->gfx.clip;
    gfx_clip_within(&r->gfx, (layout_box_t){box.x + r->gfx.shift_x, box.y + r->gfx.shift_y, box.w,
                                            box.h}); /* (the drift moves it on screen) */
    figure_paint(&r->gfx, drawing, &colors);
    gfx_clip(&r->gfx, clipped ? &clip : NULL);
    if (shown && !r->gfx.dry) {
        r->figure_drawn = drawing->all;
        r->figure_moving = drawing->moving;
    }
    draw_counter(r, ch, st);
}

static void draw_exercise(render_t *r, const show_view_t *v) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    const content_exercise_t *ex = &c->exercises[v->scene.exercise];
    draw_text(r, ex->title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_LEFT),
              L->exercise.title, VALIGN_BOTTOM, gfx_rgb(c->theme.text, 1.0f));
    draw_text(r, ex->purpose, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->exercise.purpose, VALIGN_TOP, gfx_rgb(c->theme.text_dim, 1.0f));
    draw_figure(r, v);
    draw_progress(r, v);
    gfx_rect(&r->gfx, L->exercise.panel, gfx_rgb(c->theme.panel, 1.0f), L->radius);
    draw_text(r, ex->how_to, style(TEXT_BOLD, L->font.heading, L->font.min, TEXT_LEFT),
              L->exercise.how_to, VALIGN_CENTER, gfx_rgb(c->theme.accent, 1.0f));
    draw_steps(r, ex, v->item);
}

static void draw_dots(render_t *r, int n, int current) {
    const content_t *c = r->content;
    for (int i = 0; i < n; i++) {
        layout_box_t dot = layout_review_dot(&r->layout, n, i);
        gfx_rect(&r->gfx, dot,
                 i == current ? gfx_rgb(c->theme.accent, 1.0f) : gfx_rgb(c->theme.text_dim, 0.35f),
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
              VALIGN_CENTER, gfx_rgb(c->theme.text, 1.0f));
    char name[256];
    snprintf(name, sizeof name, "%s%s", c->labels.review_name_prefix, rv->name);
    draw_text(r, name, style(TEXT_BOLD, L->font.heading, L->font.min, TEXT_CENTER), nb,
              VALIGN_CENTER, gfx_rgb(c->theme.accent, 1.0f));
    r->gfx.opacity = base;
}

static void draw_reviews(render_t *r, const show_view_t *v) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    draw_text(r, c->reviews.title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_CENTER),
              L->reviews.title, VALIGN_CENTER, gfx_rgb(c->theme.text, 1.0f));
    gfx_rect(&r->gfx, L->reviews.card, gfx_rgb(c->theme.panel, 1.0f), L->radius);
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

/* A QR code in its square (on whole pixels a module, white under it) and its caption. */
static void draw_code(render_t *r, const gfx_texture_t *code, layout_box_t square,
                      const char *caption, layout_box_t caption_box) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    int modules = code->w;
    bool made = code->id && modules > 0;
    /* a dry walk draws the caption without the code: the first frame's (the code is made
     * after it) and the check that every text fits (which makes no pictures) */
    if (!made && !r->gfx.dry) return;
    if (made) {
        float module = 1.0f;
        layout_box_t at = layout_qr_code_in(square, modules, &module);
        gfx_rect(&r->gfx, at, (gfx_color_t){1, 1, 1, 1}, module * 1.5f);
        gfx_coverage(&r->gfx, code, at, true, (gfx_color_t){0.02f, 0.05f, 0.08f, 1});
    }
    if (!caption) return;
    draw_text(r, caption, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_CENTER), caption_box,
              VALIGN_TOP, gfx_rgb(c->theme.text_dim, 1.0f));
}

/* The phone's QR code; with a handout link, the handout's beside it (the two share the
 * room the one has alone). */
static void draw_qr(render_t *r) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    if (!c->clinic.handout_url) {
        draw_code(r, &r->qr_texture, L->contact.qr, c->contact.qr_caption, L->contact.qr_caption);
        return;
    }
    draw_code(r, &r->qr_texture, L->contact.paired_qr, c->contact.qr_caption,
              L->contact.paired_qr_caption);
    draw_code(r, &r->handout_qr_texture, L->contact.handout_qr, c->labels.handout_caption,
              L->contact.handout_caption);
}

static void draw_contact(render_t *r) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    draw_text(r, c->contact.title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_LEFT),
              L->contact.title, VALIGN_BOTTOM, gfx_rgb(c->theme.accent, 1.0f));
    draw_text(r, c->contact.body, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->contact.body, VALIGN_CENTER, gfx_rgb(c->theme.text, 1.0f));
    draw_text(r, c->contact.severe, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->contact.severe, VALIGN_CENTER, gfx_rgb(c->theme.text_dim, 1.0f));
    draw_text(r, c->contact.call, style(TEXT_BOLD, L->font.big * 0.8f, L->font.min, TEXT_LEFT),
              L->contact.call, VALIGN_CENTER, gfx_rgb(c->theme.text, 1.0f));
    draw_text(r, c->clinic.address, style(TEXT_REGULAR, L->font.body, L->font.min, TEXT_LEFT),
              L->contact.address, VALIGN_TOP, gfx_rgb(c->theme.text_dim, 1.0f));
    draw_qr(r);
}

void scenes_scene(render_t *r, const show_view_t *v) {
    switch (v->scene.kind) {
    case SCENE_INTRO: draw_intro(r); break;
    case SCENE_EXERCISE: draw_exercise(r, v); break;
    case SCENE_REVIEWS:
    case SCENE_REVIEW: draw_reviews(r, v); break;
    case SCENE_CONTACT: draw_contact(r); break;
    default: break;
    }
}

void scenes_footer(render_t *r, const show_t *show) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    /* the kiosk's loop shows its own calm hint about the keys */
    const char *hint =
        show->kiosk && !show->takeover && c->kiosk.hint ? c->kiosk.hint : c->labels.help_hint;
    draw_text(r, c->labels.footer,
              style(TEXT_REGULAR, L->font.small, L->font.min * 0.8f, TEXT_LEFT), L->footer,
              VALIGN_CENTER, gfx_rgb(c->theme.text_dim, 1.0f));
    draw_text(r, hint, style(TEXT_REGULAR, L->font.small, L->font.min * 0.8f, TEXT_RIGHT),
              L->help_hint, VALIGN_CENTER, gfx_rgb(c->theme.text_dim, 1.0f));
}

void scenes_help(render_t *r, bool kiosk) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    gfx_rect(&r->gfx, L->screen, (gfx_color_t){0, 0, 0, 0.6f}, 0);
    gfx_rect_outline(&r->gfx, L->help.panel, gfx_rgb(c->theme.panel, 1.0f),
                     gfx_rgb(c->theme.accent, 0.6f), L->radius, fmaxf(1.0f, 2.0f * L->unit));
    draw_text(r, c->labels.help_title, style(TEXT_BOLD, L->font.title, L->font.min, TEXT_LEFT),
              L->help.title, VALIGN_CENTER, gfx_rgb(c->theme.accent, 1.0f));
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
            draw_text(r, rows[i].keys[k], key_style, kb, VALIGN_CENTER,
                      gfx_rgb(c->theme.text, 1.0f));
            draw_text(r, rows[i].action[k], action_style, ab, VALIGN_CENTER,
                      gfx_rgb(c->theme.text_dim, 1.0f));
        }
    }
}

void scenes_paused(render_t *r, const char *label) {
    const content_t *c = r->content;
    const layout_t *L = &r->layout;
    text_style_t st = style(TEXT_BOLD, L->font.body, L->font.min, TEXT_CENTER);
    const text_block_t *b = text_get(&r->text, label, st, L->banner.w, L->banner.h);
    if (!b) return;
    layout_box_t pill = layout_banner_pill(L, (float)b->w);
    gfx_rect(&r->gfx, pill, gfx_rgb(c->theme.accent, 1.0f), pill.h * 0.5f);
    draw_text(r, label, st, L->banner, VALIGN_CENTER, gfx_rgb(c->theme.accent_text, 1.0f));
}

static const char *notice_label(const content_t *c, show_notice_t notice, const char *staff) {
    switch (notice) {
    case SHOW_NOTICE_SOUND_ON: return c->labels.sound_on;
    case SHOW_NOTICE_SOUND_OFF: return c->labels.sound_off;
    case SHOW_NOTICE_SOUND_NONE: return c->labels.sound_none;
    case SHOW_NOTICE_STAFF: return staff && staff[0] ? staff : NULL;
    case SHOW_NOTICE_LANGUAGE: return c->language_name ? c->language_name : c->language;
    default: return NULL;
    }
}

/* A notice: a calm pill in the panel's colour, ringed with the accent, its words centred. */
void scenes_notice(render_t *r, show_notice_t notice, const char *staff, bool banner) {
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
    gfx_rect_outline(&r->gfx, pill, gfx_rgb(c->theme.panel, 1.0f), gfx_rgb(c->theme.accent, 0.8f),
                     fminf(pill.h, L->font.body * 2.0f) * 0.5f, fmaxf(1.0f, 2.0f * L->unit));
    draw_text(r, label, st, text, VALIGN_CENTER, gfx_rgb(c->theme.text, 1.0f));
}

/* Background, one scene and the footer: a whole picture. */
void scenes_whole(render_t *r, const show_t *show, const show_view_t *v) {
    const content_t *c = r->content;
    gfx_color_t top = gfx_rgb(c->theme.background_top, 1.0f);
    gfx_color_t bottom = gfx_rgb(c->theme.background_bottom, 1.0f);
    if (v->scene.kind == SCENE_EXERCISE) { /* the stage's panel (draw_figure) in the background */
        gfx_gradient_under(&r->gfx, top, bottom, r->layout.exercise.figure, stage_panel(r),
                           r->layout.radius);
    } else {
        gfx_gradient(&r->gfx, top, bottom);
    }
    scenes_scene(r, v);
    scenes_footer(r, show);
}

/* Paused, resuming and help: drawn over the scene. */
void scenes_overlays(render_t *r, const show_t *show) {
    const content_t *c = r->content;
    if (show->paused) scenes_paused(r, c->labels.paused);
    if (!show->paused && show->resume_left > 0) {
        char n[16], text[128];
        snprintf(n, sizeof n, "%d", (int)ceil(show->resume_left - 1e-6));
        content_format(text, sizeof text, c->labels.resuming, &(content_format_args_t){.n = n});
        scenes_paused(r, text);
    }
    if (show->help) scenes_help(r, show->kiosk);
    scenes_notice(r, show->notice, show->notice_text, show->paused || show->resume_left > 0);
}
