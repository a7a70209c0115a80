/* damage: what a frame must redraw — the partial-redraw design.
 *
 * The window keeps the last frame (a persistent canvas: X11's back buffer presented a rectangle
 * at a time with glXCopySubBufferMESA, or an offscreen target), so a frame draws only where the
 * picture changes. On a waiting-room TV most of the screen is still for seconds at a time while
 * the figure moves and the counter ticks; on a 2-core box without a GPU, drawing only those
 * rectangles is what keeps a frame to a few ms.
 *
 * How a frame knows what changed: the screen is reduced to numbers that change exactly when its
 * pixels would (frame_keys), each state quantised to what can be seen — the whole screen's key
 * (size, content generation, scene, overlays, hint, the drift in 1/8 px), the panel's (the
 * highlighted step, the review card's slide), the figure's (its capsules on the quarter-pixel
 * grid, its move, its camera) and the counter's (its words apart from its ring's arc and pacer,
 * which move a quantum about a pixel long). A changed key damages only its part:
 *   - the whole screen (a new scene, an overlay, a resize, a reload, a drift step): all of it;
 *   - a scene change wipes: the strip newly revealed each frame, the rest held on screen;
 *   - the step highlighted: the old and the new step's rows;
 *   - the figure within a move: the boxes around the capsules that moved, where they were and
 *     are (gathered into at most three boxes: a knee and the hand reaching it redraw a leg and
 *     an arm, not the figure); at a move's start or end, all it covered and will cover;
 *   - the counter: its ring alone when only the arc or pacer moved, else with its lines;
 *   - a notice shown, changed or gone: its box.
 * Damage boxes are padded by the drift and merged where they overlap (at most DAMAGE_MAX); each
 * is redrawn from the background up, clipped to it, so a redraw is the same pixels as a whole
 * frame drawn from scratch (test_render checks it, pixel for pixel, through whole routines).
 *
 * Depends on figure, countdown, scenes (the figure's framing and state) and core; no GL. */
#include "damage.h"

#include <math.h>
#include <string.h>

#include "countdown.h"
#include "maths.h"
#include "scenes.h"

#define DAMAGE_PAD 4.0f /* around each changed part's box */

/* What the screen shows, reduced to numbers that change exactly when pixels would: the whole
 * screen's, and the figure's and the counter's, which move on their own. */
static void frame_keys(render_t *r, const show_t *show, uint64_t *full, uint64_t *panel,
                       uint64_t *stage, uint64_t *counter, uint64_t *counter_words) {
    const show_view_t *v = &show->view;
    uint64_t h = MATHS_HASH_START;
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
    *full = maths_hash(h, f, sizeof f);
    /* the highlighted step, the review card: their own panel only */
    long p[] = {v->item, cards ? maths_quanta(v->item_mix, 512) : 0};
    *panel = exercise || cards ? maths_hash(h, p, sizeof p) : 0;
    *stage = *counter = *counter_words = 0;
    r->state_valid = false;
    if (v->scene.kind != SCENE_EXERCISE || !v->choreos) return;
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    scenes_figure_state(v, &r->state);
    r->state_valid = true;
    r->state_view = v;
    const figure_fit_t *fit = scenes_fit(r, ch);
    /* the figure's drawing, made once a frame: the frame draws it (scenes.c) and measures
     * what it covers from it (next_drawn); its body's capsules (on the quarter-pixel grid, so
     * they change when pixels would) and whether the move's cues are shown key it */
    const figure_drawing_t *d = &r->figure_drawing;
    figure_drawing(fit, ch, &r->state, &r->figure_drawing);
    figure_capsule_t *caps = r->figure_caps;
    int n = d->under >= 0 ? d->count - d->under : 0;
    n = n < FIGURE_CAPSULES_MAX ? n : FIGURE_CAPSULES_MAX;
    memcpy(caps, d->marks + (d->under >= 0 ? d->under : 0), (size_t)n * sizeof caps[0]);
    r->figure_cap_count = n;
    long sk[] = {r->state.instance, r->state.holding, r->state.moving, n};
    uint64_t s = maths_hash(h, sk, sizeof sk);
    *stage = maths_hash(s, caps, (size_t)n * sizeof caps[0]);
    /* the camera: while it eases between two shots, the mat, ghosts and arrow move too */
    figure_lens_t lens;
    figure_lens(fit, ch, &r->state, &lens);
    r->figure_lens = maths_hash(h, &lens, sizeof lens);
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
    *counter_words = maths_hash(h, k, sizeof k);
    long ring[] = {maths_quanta(cd.progress, SCENES_ARC_STEPS(L)),
                   maths_quanta(cd.breath, SCENES_BREATH_STEPS(L))};
    memcpy(r->ring_q, ring, sizeof ring);
    *counter = maths_hash(*counter_words, ring, sizeof ring);
}

/* What the figure's next drawing will cover (all of it with `mat`, else but the mat: ghosts,
 * arrow, body): the frame's drawing, made by frame_keys. */
static layout_box_t next_drawn(render_t *r, const show_t *show, bool mat) {
    const show_view_t *v = &show->view;
    if (!r->state_valid || !v->choreos) return r->layout.exercise.stage;
    return mat ? r->figure_drawing.all : r->figure_drawing.moving;
}

void damage_add(damage_t *d, layout_box_t b) {
    if (b.w <= 0 || b.h <= 0) return;
    for (int i = 0; i < d->count; i++) {
        if (layout_box_overlap(d->box[i], b)) { /* one rectangle where they overlap */
            b = layout_box_union(d->box[i], b);
            d->box[i] = d->box[--d->count];
            damage_add(d, b);
            return;
        }
    }
    if (d->count == DAMAGE_MAX) b = layout_box_union(b, d->box[--d->count]);
    d->box[d->count++] = b;
}

/* Within a move (ghosts, arrow, mat and camera unchanged): where the capsules that moved were
 * and are, gathered into a few boxes (a knee drawn up and a hand reaching for it redraw the
 * leg and the arm, not the whole figure; a breath, the chest and head). Capsules are in the
 * same order frame to frame unless the depth order changed, which then counts as moved. */
#define MOVED_BOXES 3
#define CAPSULE_PAD 2.0f /* a capsule's anti-aliased rim, and a pixel more */
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
            layout_box_t cb = layout_box_grow(figure_capsules_bounds(c, 1), CAPSULE_PAD + pad);
            int best = -1;
            float best_cost = 1e30f;
            for (int m = 0; m < count; m++) { /* join the box it grows least */
                layout_box_t u = layout_box_union(box[m], cb);
                float cost = u.w * u.h - box[m].w * box[m].h;
                if (cost < best_cost) best_cost = cost, best = m;
            }
            if (best >= 0 && (count == MOVED_BOXES || best_cost < cb.w * cb.h)) {
                box[best] = layout_box_union(box[best], cb);
            } else {
                box[count++] = cb;
            }
        }
    }
    for (int m = 0; m < count; m++) damage_add(damage, box[m]);
}

/* The part of the counter's ring that an arc or pacer step changes (its words the same): the
 * band between the arc's old and new ends (and the soft pixel across each end's line), the
 * pacer's disc at the larger of its two sizes. A few hundred pixels a frame where the whole
 * ring is tens of thousands: the ring moves every frame of a hold and its count-in. */
static void ring_damage(render_t *r, damage_t *damage, float pad) {
    const layout_t *L = &r->layout;
    const layout_box_t *box = &L->exercise.counter;
    float cx = box->x + box->w * 0.5f, cy = box->y + box->h * 0.5f;
    float steps = SCENES_ARC_STEPS(L);
    if (r->ring_q[0] != r->last_ring_q[0]) {
        float p0 = (float)r->ring_q[0] / steps, p1 = (float)r->last_ring_q[0] / steps;
        if (p0 > p1) {
            float t = p0;
            p0 = p1, p1 = t;
        }
        if (p0 <= 0.0f || p1 >= 1.0f) { /* a whole ring, one colour, at either end */
            damage_add(damage, layout_box_grow(*box, pad));
        } else { /* (as shape.frag's ring: r_out, r_in; angles clockwise from 12 o'clock) */
            float r_out = fminf(box->w, box->h) * 0.5f; /* and its soft pixel */
            float r_in = fmaxf(r_out - 2.0f - L->exercise.ring.thickness, 0.0f); /* ditto */
            float a0 = p0 * 6.2831853f, a1 = p1 * 6.2831853f;
            float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
            float at[8] = {a0, a1};
            int n = 2;
            for (int q = 1; q < 4; q++) { /* the quarter turns the arc passes, where it bulges */
                float a = q * 1.5707963f;
                if (a > a0 && a < a1) at[n++] = a;
            }
            /* the arc's end is a line through the centre (shape.frag): where its far side
             * crosses the ring at 12 or 6 o'clock, on the first half turn's edge, it shades
             * those pixels too (a soft pixel either side) */
            for (int i = 0; i < 2; i++) {
                float far = (i ? a1 : a0) + 3.1415927f;
                if (fabsf(sinf(far)) * r_out < 2.0f) at[n++] = far;
            }
            for (int i = 0; i < n; i++) {
                float dx = sinf(at[i]), dy = -cosf(at[i]);
                for (int k = 0; k < 2; k++) {
                    float rad = k ? r_out : r_in;
                    x0 = fminf(x0, cx + dx * rad), x1 = fmaxf(x1, cx + dx * rad);
                    y0 = fminf(y0, cy + dy * rad), y1 = fmaxf(y1, cy + dy * rad);
                }
            }
            damage_add(damage, layout_box_grow((layout_box_t){x0, y0, x1 - x0, y1 - y0}, pad));
        }
    }
    if (r->ring_q[1] != r->last_ring_q[1]) {
        float b = fmaxf((float)r->ring_q[1], (float)r->last_ring_q[1]) / SCENES_BREATH_STEPS(L);
        float rad = L->exercise.ring.pacer_max * (0.5f + 0.5f * fminf(b, 1.0f)) + 1.0f;
        damage_add(damage,
                   layout_box_grow((layout_box_t){cx - rad, cy - rad, 2 * rad, 2 * rad}, pad));
    }
}

/* What moved on its own since the last frame (the panel's step or card, the figure, the
 * counter), where the drift puts it: the partial redraw of an unchanged scene. */
static void moved_damage(render_t *r, const show_t *show, uint64_t kp, uint64_t ks, uint64_t kc,
                         uint64_t kw, damage_t *on_screen) {
    const layout_t *L = &r->layout;
    float pad = DAMAGE_PAD;
    damage_t laid = {.count = 0}, *damage = &laid; /* (the layout's places; drifted below) */
    const show_view_t *v = &show->view;
    if (kp != r->key_panel && v->scene.kind == SCENE_EXERCISE) {
        int n = r->content->exercises[v->scene.exercise].step_count;
        if (r->step_rows_of == v->scene.exercise + 1 && r->shown_item >= 0 && r->shown_item < n &&
            v->item >= 0 && v->item < n) { /* the step highlighted before, and the one now */
            damage_add(damage, layout_box_grow(r->step_rows[r->shown_item], pad));
            damage_add(damage, layout_box_grow(r->step_rows[v->item], pad));
        } else {
            damage_add(damage, layout_box_grow(L->exercise.panel, pad));
        }
    } else if (kp != r->key_panel) {
        damage_add(damage,
                   layout_box_grow(layout_box_union(L->reviews.card, L->reviews.dots), pad));
    }
    if (ks != r->key_stage) {
        /* the same move: only where the figure was and is now (ghosts, arrow and mat are the
         * same); a new move, the end of a move (its ghosts and arrow go) or a hold: what the
         * figure covered and will cover, cues included */
        bool same_camera = r->figure_lens == r->last_figure_lens && r->last_figure_cap_count > 0;
        bool same_move = r->figure_instance == r->last_figure_instance &&
                         r->figure_holding == r->last_figure_holding &&
                         r->figure_cues == r->last_figure_cues && same_camera;
        damage_t fig = {.count = 0}; /* (the figure is drawn within its stage: scenes.c) */
        if (same_move) {
            moved_capsules(r, &fig, pad);
        } else {
            layout_box_t moved =
                same_camera ? layout_box_union(r->figure_moving, next_drawn(r, show, false))
                            : layout_box_union(r->figure_drawn, next_drawn(r, show, true));
            damage_add(&fig, layout_box_grow(moved, pad));
        }
        for (int i = 0; i < fig.count; i++)
            damage_add(damage, layout_box_clip(fig.box[i], L->exercise.figure));
    }
    if (kc != r->key_counter && kw == r->key_counter_words) {
        ring_damage(r, damage, pad); /* the same words: only the arc or the pacer moved */
    } else if (kc != r->key_counter) {
        damage_add(damage,
                   layout_box_grow(layout_box_union(L->exercise.counter, L->exercise.status), pad));
    }
    for (int i = 0; i < laid.count; i++) { /* all of it drawn moved by the drift alike */
        layout_box_t b = laid.box[i];
        b.x += r->gfx.shift_x, b.y += r->gfx.shift_y;
        damage_add(on_screen, b);
    }
}

layout_box_t damage_frame(render_t *r, const show_t *show, bool full, const damage_wipe_t *wipe,
                          damage_t *damage) {
    uint64_t kf, kp, ks, kc, kw;
    frame_keys(r, show, &kf, &kp, &ks, &kc, &kw);
    const layout_t *L = &r->layout;
    layout_box_t screen = L->screen;
    damage->count = 0;
    bool same_wipe = wipe->on && r->wipe_edge > 0.0f &&
                     r->wipe_pair[0] == show->from.playlist_index &&
                     r->wipe_pair[1] == show->view.playlist_index;
    /* the screen holds the outgoing scene as it would be drawn now: no overlay, the same hint */
    bool held = r->drawn_scene == show->from.playlist_index &&
                r->drawn_hint == (show->kiosk && !show->takeover);
    if (full || (wipe->on && !same_wipe && !held)) {
        damage_add(damage, screen);
    } else if (wipe->on && !same_wipe) {
        damage_add(damage, wipe->revealed); /* the screen holds the outgoing scene */
    } else if (kf != r->key_full) {
        damage_add(damage, wipe->on ? wipe->revealed : screen);
    } else {
        moved_damage(r, show, kp, ks, kc, kw, damage);
        if (r->wipe_edge > 0.0f) { /* the strip newly revealed, and the edge's line drawn there */
            float from = r->wipe_edge - DAMAGE_WIPE_LINE - 1.0f;
            damage_add(damage, (layout_box_t){from, 0, wipe->edge - from, screen.h});
        }
        for (int i = 0; wipe->on && i < damage->count; i++)
            damage->box[i] = layout_box_clip(damage->box[i], wipe->revealed);
        if (show->notice != r->shown_notice || show->notice_serial != r->shown_notice_serial) {
            /* a notice shown, gone or given new words (over either scene) */
            bool banner = show->paused || show->resume_left > 0;
            bool staff = show->notice == SHOW_NOTICE_STAFF || r->shown_notice == SHOW_NOTICE_STAFF;
            damage_add(damage,
                       layout_box_grow(layout_notice(L, banner, staff),
                                       2.0f + fabsf(r->gfx.shift_x) + fabsf(r->gfx.shift_y)));
        }
    }
    /* in a move, what is drawn under the figure's body (background, the scene's still parts,
     * mat, ghosts, arrow) stays the same while the camera holds still, and what is drawn under
     * the whole figure (background, still parts) while it eases between shots: kept once (its
     * pixels redrawn whole this frame), put back in each redrawn box (gfx_layer_t) */
    damage->layer = 0;
    bool still = r->figure_lens == r->last_figure_lens;
    /* (the stage kept costs its pixels' memory: 2 MiB at 1080p, 8 MiB at 4K, where the memory
     * budget is what binds and the CPU has four times the room: there it is not kept) */
    bool stage_kept = (long)L->width * L->height <= DAMAGE_STAGE_KEPT_MAX_PX;
    /* (not in the show's first frame: copying into the layer is the driver's blit, whose code
     * the software rasteriser compiles the first time, about 20 ms at a cold start that the
     * first picture would wait for; the next frame keeps it) */
    if (!wipe->on && ks && r->figure_cues && damage->count > 0 && (still || stage_kept) &&
        r->frames_drawn > 0) {
        gfx_layer_depth_t depth = still ? GFX_LAYER_UNDER_BODY : GFX_LAYER_UNDER_FIGURE;
        damage->layer = maths_hash(kf, &depth, sizeof depth);
        if (still) { /* the move's own ghosts and arrow, through this camera */
            long m[] = {r->figure_instance, r->figure_holding};
            damage->layer = maths_hash(maths_hash(damage->layer, m, sizeof m), &r->figure_lens,
                                       sizeof r->figure_lens);
        }
        layout_box_t region = {0, 0, 0, 0};
        if (!gfx_layer_holds(&r->gfx, damage->layer)) {
            /* all the figure covers, cues too; or all its stage can (the camera moves in it) */
            region = still ? scenes_move_sweep(r, &show->view, next_drawn(r, show, true))
                           : L->exercise.figure;
            /* (as far as a moved capsule's box reaches: moved_capsules, then a pixel's rounding;
             * a box reaching further is drawn whole, the layer not put back there) */
            region = layout_box_grow(region, CAPSULE_PAD + DAMAGE_PAD + 1.0f);
            region = layout_box_clip(region, L->exercise.figure); /* (drawn within it) */
            region.x += r->gfx.shift_x, region.y += r->gfx.shift_y;
            region = layout_box_clip(region, screen);
            damage_add(damage, region);
        }
        gfx_layer_want(&r->gfx, region, damage->layer, depth);
    }
    /* what this frame shows, for the next one to compare with */
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
    memcpy(r->last_ring_q, r->ring_q, sizeof r->ring_q);
    r->shown_item = show->view.item;
    r->shown_notice = show->notice;
    r->shown_notice_serial = show->notice_serial;
    r->wipe_pair[0] = wipe->on ? show->from.playlist_index : -1;
    r->wipe_pair[1] = wipe->on ? show->view.playlist_index : -1;
    r->wipe_edge = wipe->on ? wipe->edge : 0.0f;
    layout_box_t all = {0, 0, 0, 0};
    for (int i = 0; i < damage->count; i++) all = layout_box_union(all, damage->box[i]);
    return all;
}
