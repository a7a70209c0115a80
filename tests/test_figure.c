/* test_figure: the stick figure as a patient across the room sees it, measured from the
 * capsules figure.c draws (no window, no GL: figure_fit and figure_body are pure geometry).
 * At every hold of every exercise of the clinic's content, on every supported screen: the
 * figure is large, inside its panel and clear of the counter and its lines, its limbs bold;
 * the figure changes visibly, and about as much, on each side; the working side is in front;
 * the move's cues show only while it moves. Depends on figure.c, core and cmocka. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "layout.h"
#include "support.h"

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The supported screens: 16:9, 21:9 and 4:3 from 640x360 to 8K, and portrait 9:16. */
static const struct {
    int w, h;
} k_sizes[] = {
    {640, 360},   {1280, 720},  {1920, 1080}, {2560, 1080}, {1440, 1080}, {3840, 2160},
    {7680, 4320}, {1080, 1920}, {720, 1280},  {2160, 3840}, {360, 640},
};

/* The figure is the hero of the exercise screen: at every hold its drawing spans at least
 * this share of the screen's width or of its height (landscape; portrait). */
#define HERO_SPAN_LANDSCAPE 0.35f
#define HERO_SPAN_PORTRAIT 0.50f
/* Limbs read from across a waiting room: at least this wide on a 1920x1080 screen, pixels. */
#define LIMB_MIN_PX_1080 18.0f
/* Per side, the figure's drawing changes from the start pose to the hold by at least this
 * share of the start pose's drawn area (pixels whose tone changes: figure to floor, floor to
 * figure, near to far), so each side's hold is visibly a different picture... */
#define SIDE_CHANGE_MIN 0.15f
/* ... and the two sides change about as much: their ratio lies within these bounds. */
#define SIDE_RATIO_MIN 0.6f
#define SIDE_RATIO_MAX 1.67f
/* Moments sampled in each hold (share of its length): its start, the breaths, its end. */
static const float k_hold_samples[] = {0.0f, 0.2f, 0.45f, 0.7f, 0.999f};

static content_t *content;
static choreo_t *choreos;

static int setup(void **state) {
    (void)state;
    return support_load_clinic(&content, &choreos) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(choreos);
    free(content);
    return 0;
}

static layout_box_t body_box(const figure_fit_t *fit, const choreo_t *ch,
                             const choreo_state_t *st) {
    figure_capsule_t caps[FIGURE_CAPSULES_MAX];
    int n = figure_body(fit, ch, st, caps);
    assert_true(n > 20 && n <= FIGURE_CAPSULES_MAX);
    return figure_capsules_bounds(caps, n);
}

static void fit_exercise(figure_fit_t *fit, const layout_t *L, int e) {
    layout_box_t avoid[FIGURE_AVOID_MAX];
    int n = figure_avoid(L, avoid);
    figure_fit(fit, &choreos[e], L->exercise.stage, avoid, n);
}

/* Whether the live figure's drawing (its capsules, not their bounding box: the figure may
 * reach up beside the counter) meets a box. Each capsule is walked in steps of a fifth of
 * its radius. */
static bool drawing_meets(const figure_fit_t *fit, const choreo_t *ch, const choreo_state_t *st,
                          layout_box_t box) {
    figure_capsule_t caps[FIGURE_CAPSULES_MAX];
    int n = figure_body(fit, ch, st, caps);
    for (int i = 0; i < n; i++) {
        const figure_capsule_t *c = &caps[i];
        float len = hypotf(c->bx - c->ax, c->by - c->ay);
        int steps = 1 + (int)(len / fmaxf(c->radius * 0.2f, 0.5f));
        for (int k = 0; k <= steps; k++) {
            float x = c->ax + (c->bx - c->ax) * k / steps, y = c->ay + (c->by - c->ay) * k / steps;
            float dx = fmaxf(fmaxf(box.x - x, 0.0f), x - (box.x + box.w));
            float dy = fmaxf(fmaxf(box.y - y, 0.0f), y - (box.y + box.h));
            if (dx * dx + dy * dy < c->radius * c->radius) return true;
        }
    }
    return false;
}

/* When an instance's hold starts, seconds into the routine. */
static double hold_start(const choreo_instance_t *in) { return in->start + in->move + in->ready; }

/* (a) At every hold, on every screen: the live figure spans HERO_SPAN of the screen, lies
 * inside its panel and meets neither the counter nor the status lines; its limbs are bold. */
static void test_figure_is_the_hero(void **state) {
    (void)state;
    int failures = 0;
    for (int s = 0; s < COUNT_OF(k_sizes); s++) {
        layout_t L;
        layout_compute(&L, k_sizes[s].w, k_sizes[s].h);
        float need = L.portrait ? HERO_SPAN_PORTRAIT : HERO_SPAN_LANDSCAPE;
        for (int e = 0; e < content->exercise_count; e++) {
            const choreo_t *ch = &choreos[e];
            const char *id = content->exercises[e].id;
            static figure_fit_t fit;
            fit_exercise(&fit, &L, e);
            float least = 1e9f, limb = 1e9f;
            int holds = 0;
            for (int k = 0; k < ch->count; k++) {
                const choreo_instance_t *in = &ch->inst[k];
                if (in->hold <= 0) continue;
                holds++;
                for (int q = 0; q < COUNT_OF(k_hold_samples); q++) {
                    choreo_state_t st;
                    double t = hold_start(in) + in->hold * k_hold_samples[q];
                    choreo_sample(ch, t, &st);
                    assert_int_equal(st.instance, k);
                    layout_box_t b = body_box(&fit, ch, &st);
                    figure_lens_t lens;
                    figure_lens(&fit, ch, &st, &lens);
                    limb = fminf(limb, figure_limb_width(&lens));
                    float span = fmaxf(b.w / (float)L.width, b.h / (float)L.height);
                    least = fminf(least, span);
                    /* every failure is told (a few of each kind), then the test fails */
                    if (!layout_box_inside(b, L.exercise.figure) && failures++ < 40) {
                        printf("FAIL %s at %dx%d, t %.1f: figure %.0f,%.0f %.0fx%.0f leaves its "
                               "panel %.0f,%.0f %.0fx%.0f\n",
                               id, L.width, L.height, t, (double)b.x, (double)b.y, (double)b.w,
                               (double)b.h, (double)L.exercise.figure.x,
                               (double)L.exercise.figure.y, (double)L.exercise.figure.w,
                               (double)L.exercise.figure.h);
                    }
                    if ((drawing_meets(&fit, ch, &st, L.exercise.counter) ||
                         drawing_meets(&fit, ch, &st, L.exercise.status)) &&
                        failures++ < 40) {
                        printf("FAIL %s at %dx%d, t %.1f: the figure meets the counter or its "
                               "lines\n",
                               id, L.width, L.height, t);
                    }
                }
            }
            assert_true(holds > 0);
            bool small = least < need;
            bool thin = L.width == 1920 && L.height == 1080 && limb < LIMB_MIN_PX_1080;
            failures += small + thin;
            printf("%s%-26s %5dx%-5d spans at least %4.1f%% of the screen (needs %2.0f%%), limbs "
                   "%5.1f px\n",
                   small || thin ? "FAIL " : "", id, L.width, L.height, (double)(least * 100),
                   (double)(need * 100), (double)limb);
        }
    }
    if (failures) fail_msg("%d failures", failures);
}

/* The figure's capsules rasterised into a label image of the stage (0 floor, 1 + tone). */
static void rasterise(const figure_capsule_t *caps, int n, layout_box_t stage, unsigned char *img,
                      int w, int h) {
    memset(img, 0, (size_t)w * (size_t)h);
    for (int i = 0; i < n; i++) {
        const figure_capsule_t *c = &caps[i];
        float ax = c->ax - stage.x, ay = c->ay - stage.y, bx = c->bx - stage.x,
              by = c->by - stage.y;
        int x0 = (int)floorf(fminf(ax, bx) - c->radius), x1 = (int)ceilf(fmaxf(ax, bx) + c->radius);
        int y0 = (int)floorf(fminf(ay, by) - c->radius), y1 = (int)ceilf(fmaxf(ay, by) + c->radius);
        float dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        for (int y = y0 < 0 ? 0 : y0; y <= y1 && y < h; y++) {
            for (int x = x0 < 0 ? 0 : x0; x <= x1 && x < w; x++) {
                float px = (float)x + 0.5f - ax, py = (float)y + 0.5f - ay;
                float t = len2 > 0 ? fminf(1.0f, fmaxf(0.0f, (px * dx + py * dy) / len2)) : 0.0f;
                float ex = px - t * dx, ey = py - t * dy;
                if (ex * ex + ey * ey <= c->radius * c->radius) {
                    img[(size_t)y * (size_t)w + (size_t)x] = (unsigned char)(1 + c->tone);
                }
            }
        }
    }
}

/* The first hold of a side, sampled a moment into it (after the get-ready count). */
static bool side_hold(const choreo_t *ch, content_side_t side, choreo_state_t *st) {
    for (int k = 0; k < ch->count; k++) {
        const choreo_instance_t *in = &ch->inst[k];
        if (in->side != side || in->hold <= 0) continue;
        choreo_sample(ch, hold_start(in) + fmin(1.0, in->hold * 0.5), st);
        return true;
    }
    return false;
}

/* (b) Each side's hold is a visibly different picture from the start pose, and the two sides
 * differ from it about equally (a side seen edge-on, its move hidden behind the body, fails). */
static void test_each_side_changes_the_picture(void **state) {
    (void)state;
    layout_t L;
    layout_compute(&L, 1920, 1080);
    layout_box_t stage = L.exercise.stage;
    int w = (int)ceilf(stage.w), h = (int)ceilf(stage.h);
    unsigned char *start = malloc((size_t)w * (size_t)h), *held = malloc((size_t)w * (size_t)h);
    assert_non_null(start);
    assert_non_null(held);
    int sided = 0;
    for (int e = 0; e < content->exercise_count; e++) {
        const choreo_t *ch = &choreos[e];
        const char *id = content->exercises[e].id;
        choreo_state_t right, left, first;
        if (!side_hold(ch, CONTENT_SIDE_RIGHT, &right) ||
            !side_hold(ch, CONTENT_SIDE_LEFT, &left)) {
            continue;
        }
        sided++;
        static figure_fit_t fit;
        fit_exercise(&fit, &L, e);
        /* drawn on one frame (the whole routine's): how the figure changes, not how the
         * camera frames each side (test_figure_is_the_hero checks the framing) */
        for (int k = 0; k < fit.count; k++) {
            fit.shot[k] = (figure_shot_t){fit.lens.scale, fit.lens.ox, fit.lens.oy};
        }
        figure_capsule_t caps[FIGURE_CAPSULES_MAX];
        choreo_sample(ch, ch->inst[0].start + ch->inst[0].move, &first); /* the start pose */
        rasterise(caps, figure_body(&fit, ch, &first, caps), stage, start, w, h);
        long area = 0;
        for (size_t i = 0; i < (size_t)w * (size_t)h; i++) area += start[i] != 0;
        assert_true(area > 1000);
        float change[2];
        const choreo_state_t *sides[2] = {&right, &left};
        for (int s = 0; s < 2; s++) {
            rasterise(caps, figure_body(&fit, ch, sides[s], caps), stage, held, w, h);
            long changed = 0;
            for (size_t i = 0; i < (size_t)w * (size_t)h; i++) changed += start[i] != held[i];
            change[s] = (float)changed / (float)area;
        }
        printf("%-26s right hold changes %4.0f%% of the start pose's area, left %4.0f%%\n", id,
               (double)(change[0] * 100), (double)(change[1] * 100));
        for (int s = 0; s < 2; s++) {
            if (change[s] < SIDE_CHANGE_MIN) {
                fail_msg("%s: the %s hold changes %.0f%% of the figure, under %.0f%%", id,
                         s ? "left" : "right", (double)(change[s] * 100),
                         (double)(SIDE_CHANGE_MIN * 100));
            }
        }
        float ratio = change[0] / change[1];
        if (ratio < SIDE_RATIO_MIN || ratio > SIDE_RATIO_MAX) {
            fail_msg("%s: the right side changes %.2f times as much as the left (%.2f..%.2f)", id,
                     (double)ratio, (double)SIDE_RATIO_MIN, (double)SIDE_RATIO_MAX);
        }
    }
    assert_true(sided >= 2); /* spinal twists, knees to chest */
    free(start);
    free(held);
}

/* The last-drawn capsule starting at a joint (the palm at a wrist): its index, or -1, and its
 * tone in *tone (-1 when there is none). */
static int capsule_at(const figure_fit_t *fit, const figure_capsule_t *caps, int n,
                      const choreo_state_t *st, int joint, int *tone) {
    float x, y;
    figure_lens_t lens;
    figure_lens(fit, &choreos[fit->exercise], st, &lens);
    figure_project(&lens, st->pos.p[joint], &x, &y, NULL);
    int last = -1;
    for (int i = 0; i < n; i++) {
        if (caps[i].ax == x && caps[i].ay == y) last = i;
    }
    *tone = last >= 0 ? (int)caps[last].tone : -1;
    return last;
}

static int tone_at(const figure_fit_t *fit, const figure_capsule_t *caps, int n,
                   const choreo_state_t *st, int joint) {
    int tone;
    capsule_at(fit, caps, n, st, joint, &tone);
    return tone;
}

static int order_at(const figure_fit_t *fit, const figure_capsule_t *caps, int n,
                    const choreo_state_t *st, int joint) {
    int tone;
    return capsule_at(fit, caps, n, st, joint, &tone);
}

/* With cues.working_side, a sided hold draws its side's limbs in the near tone, in front of the
 * other side's, whichever way the camera looks. */
static void test_working_side_in_front(void **state) {
    (void)state;
    layout_t L;
    layout_compute(&L, 1920, 1080);
    int checked = 0;
    for (int e = 0; e < content->exercise_count; e++) {
        const choreo_t *ch = &choreos[e];
        bool was = content->exercises[e].working_side;
        content->exercises[e].working_side = true;
        static figure_fit_t fit;
        fit_exercise(&fit, &L, e);
        static const content_side_t SIDES[2] = {CONTENT_SIDE_RIGHT, CONTENT_SIDE_LEFT};
        for (int s = 0; s < 2; s++) {
            choreo_state_t st;
            if (!side_hold(ch, SIDES[s], &st)) continue;
            figure_capsule_t caps[FIGURE_CAPSULES_MAX];
            int n = figure_body(&fit, ch, &st, caps);
            int work = SIDES[s] == CONTENT_SIDE_RIGHT ? SKEL_HAND_R : SKEL_HAND_L;
            int rest = SIDES[s] == CONTENT_SIDE_RIGHT ? SKEL_HAND_L : SKEL_HAND_R;
            int work_knee = SIDES[s] == CONTENT_SIDE_RIGHT ? SKEL_KNEE_R : SKEL_KNEE_L;
            int rest_knee = SIDES[s] == CONTENT_SIDE_RIGHT ? SKEL_KNEE_L : SKEL_KNEE_R;
            assert_int_equal(tone_at(&fit, caps, n, &st, work), FIGURE_TONE_NEAR);
            assert_int_equal(tone_at(&fit, caps, n, &st, rest), FIGURE_TONE_FAR);
            assert_int_equal(tone_at(&fit, caps, n, &st, work_knee), FIGURE_TONE_NEAR);
            assert_int_equal(tone_at(&fit, caps, n, &st, rest_knee), FIGURE_TONE_FAR);
            assert_true(order_at(&fit, caps, n, &st, work_knee) >
                        order_at(&fit, caps, n, &st, rest_knee));
            checked++;
        }
        content->exercises[e].working_side = was;
    }
    assert_true(checked >= 4);
}

/* The head shows where the face points: a nose stands out of the head's disc toward the
 * nose joint whenever the face is turned sideways to the camera (and not down on the floor). */
static void test_nose_shows_the_face(void **state) {
    (void)state;
    layout_t L;
    layout_compute(&L, 1920, 1080);
    for (int e = 0; e < content->exercise_count; e++) {
        const choreo_t *ch = &choreos[e];
        static figure_fit_t fit;
        fit_exercise(&fit, &L, e);
        for (int k = 0; k < ch->count; k++) {
            choreo_state_t st;
            choreo_sample(ch, hold_start(&ch->inst[k]), &st);
            float hx, hy, nx, ny;
            figure_lens_t lens;
            figure_lens(&fit, ch, &st, &lens);
            figure_project(&lens, st.pos.p[SKEL_HEAD], &hx, &hy, NULL);
            figure_project(&lens, st.pos.p[SKEL_NOSE], &nx, &ny, NULL);
            float head_r = SKEL_HEAD_RADIUS * lens.scale;
            float ux = nx - hx, uy = ny - hy, ul = sqrtf(ux * ux + uy * uy);
            if (ul < head_r * 0.7f) continue; /* the face toward or away from the camera */
            /* the face turned to the floor, the forehead on it (child's pose): the nose stops
             * at the floor (figure.c), nothing stands out below the head */
            if (st.pos.p[SKEL_NOSE][1] < st.pos.p[SKEL_HEAD][1] - SKEL_HEAD_RADIUS * 0.5f &&
                st.pos.p[SKEL_HEAD][1] < SKEL_HEAD_RADIUS * 1.5f) {
                continue;
            }
            ux /= ul, uy /= ul;
            figure_capsule_t caps[FIGURE_CAPSULES_MAX];
            int n = figure_body(&fit, ch, &st, caps);
            float reach = 0; /* how far the drawing goes past the head's rim that way */
            for (int i = 0; i < n; i++) {
                const float ends[2][2] = {{caps[i].ax, caps[i].ay}, {caps[i].bx, caps[i].by}};
                for (int j = 0; j < 2; j++) {
                    float dx = ends[j][0] - hx, dy = ends[j][1] - hy;
                    float along = dx * ux + dy * uy, across = fabsf(dx * uy - dy * ux);
                    if (across < head_r * 0.5f) reach = fmaxf(reach, along + caps[i].radius);
                }
            }
            if (reach < head_r * 1.35f) {
                fail_msg("%s, instance %d: nothing stands out of the head toward the face "
                         "(%.0f px past its centre, the rim at %.0f)",
                         content->exercises[e].id, k, (double)reach, (double)head_r);
            }
        }
    }
}

/* Ghosts and the arrow show only while the figure moves: in a hold and its get-ready count
 * the figure's changing drawing is the live body alone; in a move it is more. */
static void test_cues_only_while_moving(void **state) {
    (void)state;
    layout_t L;
    layout_compute(&L, 1280, 720);
    int moves_with_cues = 0;
    for (int e = 0; e < content->exercise_count; e++) {
        const choreo_t *ch = &choreos[e];
        const content_exercise_t *ex = &content->exercises[e];
        static figure_fit_t fit;
        fit_exercise(&fit, &L, e);
        for (int k = 0; k < ch->count; k++) {
            const choreo_instance_t *in = &ch->inst[k];
            double at[2] = {in->start + in->move * 0.5, hold_start(in) + in->hold * 0.5};
            for (int i = 0; i < 2; i++) {
                if ((i == 0 && in->move <= 0) || (i == 1 && in->hold <= 0)) continue;
                choreo_state_t st;
                choreo_sample(ch, at[i], &st);
                assert_int_equal(st.moving, i == 0);
                static figure_drawing_t drawing;
                figure_drawing(&fit, ch, &st, &drawing);
                layout_box_t moving = drawing.moving;
                layout_box_t body = body_box(&fit, ch, &st);
                bool more = moving.w > body.w + 2 || moving.h > body.h + 2;
                if (i == 1 && memcmp(&moving, &body, sizeof body) != 0) {
                    fail_msg("%s, instance %d: cues drawn in a hold", ex->id, k);
                }
                moves_with_cues += i == 0 && more;
            }
        }
    }
    assert_true(moves_with_cues > 0); /* (inside the live figure's box, some do not show) */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_figure_is_the_hero),
        cmocka_unit_test(test_each_side_changes_the_picture),
        cmocka_unit_test(test_working_side_in_front),
        cmocka_unit_test(test_nose_shows_the_face),
        cmocka_unit_test(test_cues_only_while_moving),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
