/* test_choreo: the four stretches as a physiotherapist would check them. Every exercise of the
 * real content is sampled at 60 Hz over its whole routine (and across its loop) and must keep
 * bones at their length, stay above the floor, keep every joint in a human range, never jump,
 * keep planted hands, feet, knees and hips still, and show at its hold what the clinic's page
 * describes. No window, no GL. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "choreo.h"
#include "content.h"
#include "show.h"
#include "support.h"

#define DT (1.0 / 60.0)
#define FLOOR_EPS 0.001f  /* m: nothing below the floor by more than 1 mm */
#define PLANT_EPS 0.01f   /* m: a planted contact drifts less than 1 cm */
#define JUMP_MAX 0.03f    /* m: most a joint may move in one 60 Hz frame */
#define DEG (3.14159265f / 180.0f)

static content_t *g_content;
static choreo_t *g_choreo; /* one per exercise */

static int setup(void **state) {
    (void)state;
    g_content = support_load_content(SK_SOURCE_DIR "/assets/content/en.yaml");
    if (!g_content) return -1;
    g_choreo = support_build_choreos(g_content, CHOREO_PACING_FOLLOW);
    return g_choreo ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(g_choreo);
    free(g_content);
    return 0;
}

static int exercise_index(const char *id) {
    int e = support_exercise_index(g_content, id);
    if (e < 0) fail_msg("no exercise %s", id);
    return e;
}

static float dist(const float *a, const float *b) {
    float dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
    return sqrtf(dx * dx + dy * dy + dz * dz);
}

/* Angle at joint b between the bones to a and to c, degrees. */
static float angle_at(const float *a, const float *b, const float *c) {
    vec3 u, v;
    glm_vec3_sub((float *)a, (float *)b, u);
    glm_vec3_sub((float *)c, (float *)b, v);
    float d = glm_vec3_dot(u, v) / (glm_vec3_norm(u) * glm_vec3_norm(v));
    return acosf(glm_clamp(d, -1.0f, 1.0f)) / DEG;
}

/* Rotation angle of a quaternion, degrees. */
static float quat_degrees(const float *q) {
    float w = fabsf(q[3]);
    return 2.0f * acosf(glm_clamp(w, 0.0f, 1.0f)) / DEG;
}

/* A direction in the frame of quaternion q (world -> local). */
static void to_local(const float *q, const float *v, vec3 out) {
    versor inv;
    glm_quat_inv((float *)q, inv);
    glm_quat_rotatev(inv, (float *)v, out);
}

/* ---- Per-sample checks ---------------------------------------------------------------- */

typedef struct sample_check_t {
    const char *exercise;
    double t;
} sample_check_t;

#define CHECK(cond, ...)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            char what_[256];                                                               \
            snprintf(what_, sizeof what_, __VA_ARGS__);                                    \
            fail_msg("%s at t=%.3f (%s, step %d): %s", ex->id, st->t, st->phase_name,      \
                     st->step + 1, what_);                                                 \
        }                                                                                  \
    } while (0)

static void check_body(const content_exercise_t *ex, const choreo_state_t *st) {
    const skel_positions_t *p = &st->pos;
    /* bones never change length */
    for (int j = 1; j < SKEL_JOINT_NUM; j++) {
        float len = dist(p->p[j], p->p[skel_parent(j)]);
        CHECK(fabsf(len - skel_bone_length(j)) < 1e-4f, "bone to %s is %.4f m, not %.4f",
              skel_joint_name(j), len, skel_bone_length(j));
    }
    /* nothing below the floor; the head (a sphere) rests on it at most */
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        float bottom = p->p[j][1] - (j == SKEL_HEAD ? SKEL_HEAD_RADIUS : 0.0f);
        CHECK(bottom >= -FLOOR_EPS, "%s is %.1f mm below the floor", skel_joint_name(j),
              -bottom * 1000);
    }
    /* knees and elbows: bend between straight and 160 degrees, and the right way */
    static const int limbs[][3] = {{SKEL_HIP_L, SKEL_KNEE_L, SKEL_ANKLE_L},
                                   {SKEL_HIP_R, SKEL_KNEE_R, SKEL_ANKLE_R},
                                   {SKEL_SHOULDER_L, SKEL_ELBOW_L, SKEL_HAND_L},
                                   {SKEL_SHOULDER_R, SKEL_ELBOW_R, SKEL_HAND_R}};
    for (int i = 0; i < 4; i++) {
        const int *l = limbs[i];
        float flex = 180.0f - angle_at(p->p[l[0]], p->p[l[1]], p->p[l[2]]);
        CHECK(flex <= 160.0f, "%s bent %.0f degrees (most 160)", skel_joint_name(l[1]), flex);
        /* the lower bone swings toward the back of the thigh / the front of the upper arm */
        vec3 lower, local;
        glm_vec3_sub((float *)p->p[l[2]], (float *)p->p[l[1]], lower);
        to_local(p->frame[l[0]], lower, local);
        bool knee = i < 2;
        float wrong_way = knee ? local[0] : -local[0];
        CHECK(wrong_way < 0.03f || flex < 5.0f, "%s bends the wrong way (%.3f m)",
              skel_joint_name(l[1]), wrong_way);
    }
    /* hips: flexion up to 140, extension up to 30, out to the side up to 45 */
    for (int side = 0; side < 2; side++) {
        int hip = side ? SKEL_HIP_R : SKEL_HIP_L, knee = side ? SKEL_KNEE_R : SKEL_KNEE_L;
        vec3 thigh, local;
        glm_vec3_sub((float *)p->p[knee], (float *)p->p[hip], thigh);
        to_local(st->pose.root_rot, thigh, local);
        float flex = atan2f(local[0], -local[1]) / DEG;
        float abd = asinf(glm_clamp(local[2] / glm_vec3_norm(local), -1, 1)) / DEG;
        CHECK(flex <= 140.0f && flex >= -30.0f, "%s flexed %.0f degrees", skel_joint_name(hip), flex);
        CHECK(fabsf(abd) <= 45.0f, "%s out to the side %.0f degrees", skel_joint_name(hip), abd);
    }
    /* the spine, neck, head and ankles turn within what a body allows */
    static const struct {
        int joint;
        float max_degrees;
    } limits[] = {{SKEL_PELVIS, 55}, {SKEL_CHEST, 40}, {SKEL_NECK, 45},
                  {SKEL_HEAD, 60},   {SKEL_ANKLE_L, 80}, {SKEL_ANKLE_R, 80}};
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        float a = quat_degrees(st->pose.rot[limits[i].joint]);
        CHECK(a <= limits[i].max_degrees, "%s turned %.0f degrees (most %.0f)",
              skel_joint_name(limits[i].joint), a, limits[i].max_degrees);
    }
}

/* Every exercise, every 1/60 s of its routine and across its loop. */
static void test_every_frame_is_a_possible_body(void **state) {
    (void)state;
    choreo_state_t *st = malloc(sizeof *st), *prev = malloc(sizeof *prev);
    assert_non_null(st);
    assert_non_null(prev);
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *c = &g_choreo[e];
        const content_exercise_t *ex = &g_content->exercises[e];
        assert_true(c->duration > 1.0f);
        long n = (long)ceil(c->duration / DT) + 2; /* runs past the end: the loop is checked */
        for (long i = 0; i <= n; i++) {
            choreo_sample(c, i * DT, st);
            check_body(ex, st);
            if (i > 0) {
                for (int j = 0; j < SKEL_JOINT_NUM; j++) {
                    float d = dist(st->pos.p[j], prev->pos.p[j]);
                    CHECK(d <= JUMP_MAX, "%s jumps %.1f cm in one frame", skel_joint_name(j),
                          d * 100);
                }
            }
            memcpy(prev, st, sizeof *st);
        }
    }
    free(st);
    free(prev);
}

/* A contact on the floor at the start and at the end of a move, at the same spot, is planted:
 * it stays within 1 cm of that spot for the whole move and hold. */
static void test_planted_contacts_stay_put(void **state) {
    (void)state;
    static const struct {
        int joint;
        float floor_height; /* m: the joint centre's height when it rests on the floor */
    } contacts[] = {{SKEL_TOE_L, 0.04f},  {SKEL_TOE_R, 0.04f},  {SKEL_ANKLE_L, 0.09f},
                    {SKEL_ANKLE_R, 0.09f}, {SKEL_HAND_L, 0.06f}, {SKEL_HAND_R, 0.06f},
                    {SKEL_KNEE_L, 0.08f},  {SKEL_KNEE_R, 0.08f}, {SKEL_PELVIS, 0.14f}};
    choreo_state_t *a = malloc(sizeof *a), *b = malloc(sizeof *b), *st = malloc(sizeof *st);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(st);
    int planted_checked = 0;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *c = &g_choreo[e];
        const content_exercise_t *ex = &g_content->exercises[e];
        for (int k = 0; k < c->count; k++) {
            const choreo_instance_t *in = &c->inst[k];
            double t0 = in->start, t1 = in->start + in->move + in->ready + in->hold - 1e-4;
            choreo_sample(c, t0, a);
            choreo_sample(c, t1, b);
            for (size_t i = 0; i < sizeof contacts / sizeof contacts[0]; i++) {
                int j = contacts[i].joint;
                float h = contacts[i].floor_height;
                bool planted = a->pos.p[j][1] < h && b->pos.p[j][1] < h &&
                               dist(a->pos.p[j], b->pos.p[j]) < PLANT_EPS;
                if (!planted) continue;
                planted_checked++;
                for (double t = t0; t <= t1; t += DT) {
                    choreo_sample(c, t, st);
                    float d = dist(st->pos.p[j], a->pos.p[j]);
                    CHECK(d < PLANT_EPS, "planted %s slides %.1f cm", skel_joint_name(j), d * 100);
                }
            }
        }
    }
    assert_true(planted_checked > 50); /* the check really ran on many contacts */
    free(a);
    free(b);
    free(st);
}

/* Every step on the page is shown by the figure, in the page's order from step 1. */
static void test_every_step_is_performed(void **state) {
    (void)state;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *c = &g_choreo[e];
        const content_exercise_t *ex = &g_content->exercises[e];
        bool seen[CONTENT_MAX_STEPS] = {false};
        for (int k = 0; k < c->count; k++) seen[ex->phases[c->inst[k].phase].step] = true;
        for (int s = 0; s < ex->step_count; s++) {
            if (!seen[s]) fail_msg("%s: step %d is never shown", ex->id, s + 1);
        }
        assert_int_equal(ex->phases[c->inst[0].phase].step, 0);
        /* the routine ends where it starts, so it loops without a jump */
        skel_positions_t first, last;
        choreo_key_positions(c, 0, &first);
        choreo_key_positions(c, c->count - 1, &last);
        for (int j = 0; j < SKEL_JOINT_NUM; j++) {
            if (dist(first.p[j], last.p[j]) > 0.01f) {
                fail_msg("%s: routine ends with %s %.1f cm from its start", ex->id,
                         skel_joint_name(j), dist(first.p[j], last.p[j]) * 100);
            }
        }
    }
}

/* The state in the middle of the first hold of the named phase. */
static void at_hold(const choreo_t *c, const char *phase, choreo_state_t *st) {
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    for (int k = 0; k < c->count; k++) {
        const choreo_instance_t *in = &c->inst[k];
        if (!strcmp(ex->phases[in->phase].name, phase)) {
            choreo_sample(c, in->start + in->move + in->ready + in->hold * 0.5, st);
            assert_true(st->holding);
            return;
        }
    }
    fail_msg("%s has no phase %s", ex->id, phase);
}

/* Spinal twists: both knees together, dropped to one side; the face turned the other way;
 * the shoulders flat; ten breaths lift the chest ten times. Then the same on the other side. */
static void test_spinal_twists(void **state) {
    (void)state;
    const choreo_t *c = &g_choreo[exercise_index("spinal-twists")];
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    const char *holds[2] = {"breathe-right", "breathe-left"};
    for (int side = 0; side < 2; side++) {
        float s = side == 0 ? 1.0f : -1.0f; /* right is +z */
        at_hold(c, holds[side], st);
        const skel_positions_t *p = &st->pos;
        CHECK(st->side == (side == 0 ? CONTENT_SIDE_RIGHT : CONTENT_SIDE_LEFT), "side");
        CHECK(dist(p->p[SKEL_KNEE_L], p->p[SKEL_KNEE_R]) < 0.16f, "knees %.0f cm apart",
              dist(p->p[SKEL_KNEE_L], p->p[SKEL_KNEE_R]) * 100);
        for (int k = SKEL_KNEE_L; k <= SKEL_KNEE_R; k += SKEL_KNEE_R - SKEL_KNEE_L) {
            float off = (p->p[k][2] - p->p[SKEL_PELVIS][2]) * s;
            CHECK(off > 0.15f, "%s only %.0f cm to the side", skel_joint_name(k), off * 100);
            CHECK(p->p[k][1] < 0.30f, "%s %.0f cm up: not lowered toward the floor",
                  skel_joint_name(k), p->p[k][1] * 100);
        }
        float face = (p->p[SKEL_NOSE][2] - p->p[SKEL_HEAD][2]) * s;
        CHECK(face < -0.05f, "face not turned away from the knees (%.3f)", face);
        CHECK(fabsf(p->p[SKEL_SHOULDER_L][1] - p->p[SKEL_SHOULDER_R][1]) < 0.06f,
              "shoulders not flat");
        /* the chest rises and falls once per breath, ten times */
        const choreo_instance_t *in = NULL;
        for (int k = 0; k < c->count; k++) {
            if (!strcmp(ex->phases[c->inst[k].phase].name, holds[side])) in = &c->inst[k];
        }
        assert_non_null(in);
        int rises = 0;
        float lo = 1e9f, hi = -1e9f, prev_y = -1;
        bool rising = false;
        double hold_start = in->start + in->move + in->ready;
        for (double t = hold_start; t < hold_start + in->hold; t += DT) {
            choreo_sample(c, t, st);
            float y = st->pos.p[SKEL_CHEST][1];
            lo = fminf(lo, y);
            hi = fmaxf(hi, y);
            if (prev_y >= 0 && y > prev_y + 1e-5f && !rising) rises++, rising = true;
            if (prev_y >= 0 && y < prev_y - 1e-5f) rising = false;
            prev_y = y;
        }
        assert_int_equal(rises, 10);
        CHECK(hi - lo > 0.01f, "the chest rises only %.1f mm", (hi - lo) * 1000);
    }
    free(st);
}

/* Child's pose: from hands and knees (knees under hips, hands under shoulders) to hips back
 * toward the heels, head and chest low, arms reaching forward with palms on the floor. */
static void test_childs_pose(void **state) {
    (void)state;
    const choreo_t *c = &g_choreo[exercise_index("childs-pose")];
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    choreo_sample(c, c->inst[0].start + c->inst[0].move, st); /* hands and knees */
    const skel_positions_t *p = &st->pos;
    for (int s = 0; s < 2; s++) {
        int hip = s ? SKEL_HIP_R : SKEL_HIP_L, knee = s ? SKEL_KNEE_R : SKEL_KNEE_L;
        int sh = s ? SKEL_SHOULDER_R : SKEL_SHOULDER_L, hand = s ? SKEL_HAND_R : SKEL_HAND_L;
        CHECK(fabsf(p->p[hip][0] - p->p[knee][0]) < 0.06f, "knee not under the hip");
        CHECK(fabsf(p->p[sh][0] - p->p[hand][0]) < 0.06f, "hand not under the shoulder");
        CHECK(p->p[knee][1] < 0.08f && p->p[hand][1] < 0.06f, "knee or hand off the floor");
    }
    float chest_up = p->p[SKEL_CHEST][1], head_up = p->p[SKEL_HEAD][1];
    float heel_x = (p->p[SKEL_ANKLE_L][0] + p->p[SKEL_ANKLE_R][0]) * 0.5f;
    float hip_to_heel_start = fabsf(p->p[SKEL_PELVIS][0] - heel_x);
    at_hold(c, "hold", st);
    CHECK(fabsf(p->p[SKEL_PELVIS][0] - heel_x) < hip_to_heel_start * 0.6f,
          "hips did not sit back toward the heels");
    CHECK(p->p[SKEL_PELVIS][1] < 0.40f, "hips still high");
    CHECK(p->p[SKEL_CHEST][1] < chest_up - 0.15f && p->p[SKEL_HEAD][1] < head_up - 0.2f,
          "head and chest did not drop");
    for (int s = 0; s < 2; s++) {
        int sh = s ? SKEL_SHOULDER_R : SKEL_SHOULDER_L, hand = s ? SKEL_HAND_R : SKEL_HAND_L;
        int elbow = s ? SKEL_ELBOW_R : SKEL_ELBOW_L;
        CHECK(p->p[hand][1] < 0.06f, "palm off the floor");
        CHECK(p->p[hand][0] - p->p[sh][0] > 0.35f, "arm not reaching forward");
        CHECK(180.0f - angle_at(p->p[sh], p->p[elbow], p->p[hand]) < 35.0f, "arm not extended");
    }
    CHECK(st->hold_elapsed >= 0 && c->inst[3].hold >= 20.0f, "hold shorter than 20 s");
    free(st);
}

/* Knees to chest: the right knee drawn to the chest, held, while the left foot stays flat;
 * then the left, mirrored; alternating. */
static void test_knees_to_chest(void **state) {
    (void)state;
    const choreo_t *c = &g_choreo[exercise_index("knees-to-chest")];
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    choreo_state_t *st = malloc(sizeof *st), *other = malloc(sizeof *other);
    assert_non_null(st);
    assert_non_null(other);
    at_hold(c, "right-knee-up", st);
    at_hold(c, "left-knee-up", other);
    const skel_positions_t *p = &st->pos;
    CHECK(st->side == CONTENT_SIDE_RIGHT, "first knee is not the right");
    CHECK(dist(p->p[SKEL_KNEE_R], p->p[SKEL_CHEST]) < 0.36f, "right knee %.0f cm from the chest",
          dist(p->p[SKEL_KNEE_R], p->p[SKEL_CHEST]) * 100);
    CHECK(p->p[SKEL_ANKLE_L][1] < 0.09f && p->p[SKEL_TOE_L][1] < 0.04f, "left foot not flat");
    CHECK(dist(p->p[SKEL_HAND_R], p->p[SKEL_KNEE_R]) < 0.2f, "hands not holding the knee");
    /* the left side mirrors the right */
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        const float *a = st->pos.p[j], *b = other->pos.p[skel_mirror(j)];
        float d = fabsf(a[0] - b[0]) + fabsf(a[1] - b[1]) + fabsf(a[2] + b[2]);
        CHECK(d < 0.005f, "left hold does not mirror the right at %s", skel_joint_name(j));
    }
    /* alternating legs, ten times each */
    int right = 0, left = 0;
    for (int k = 0; k < c->count; k++) {
        if (ex->phases[c->inst[k].phase].hold.kind == CONTENT_HOLD_NONE) continue;
        if (c->inst[k].side == CONTENT_SIDE_RIGHT) right++;
        if (c->inst[k].side == CONTENT_SIDE_LEFT) left++;
    }
    assert_int_equal(right, 10);
    assert_int_equal(left, 10);
    free(st);
    free(other);
}

/* Press-up back extensions: lying face down, legs straight; the upper body presses up on the
 * hands while the hips stay on the floor; held; down; 4-5 times. */
static void test_press_up_back_extensions(void **state) {
    (void)state;
    const choreo_t *c = &g_choreo[exercise_index("press-up-back-extensions")];
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    choreo_sample(c, c->inst[0].start + c->inst[0].move, st);
    const skel_positions_t *p = &st->pos;
    CHECK(p->p[SKEL_CHEST][1] < 0.15f && p->p[SKEL_PELVIS][1] < 0.13f, "not lying flat");
    CHECK(p->p[SKEL_NOSE][1] < p->p[SKEL_HEAD][1], "not face down");
    at_hold(c, "hold", st);
    CHECK(p->p[SKEL_PELVIS][1] < 0.13f && p->p[SKEL_HIP_L][1] < 0.14f && p->p[SKEL_HIP_R][1] < 0.14f,
          "hips lifted off the floor");
    CHECK(p->p[SKEL_CHEST][1] > 0.28f, "upper body only %.0f cm up", p->p[SKEL_CHEST][1] * 100);
    CHECK(p->p[SKEL_HAND_L][1] < 0.06f && p->p[SKEL_HAND_R][1] < 0.06f, "hands off the floor");
    for (int s = 0; s < 2; s++) {
        int hip = s ? SKEL_HIP_R : SKEL_HIP_L, knee = s ? SKEL_KNEE_R : SKEL_KNEE_L;
        int ankle = s ? SKEL_ANKLE_R : SKEL_ANKLE_L;
        CHECK(180.0f - angle_at(p->p[hip], p->p[knee], p->p[ankle]) < 10.0f, "legs not straight");
    }
    int presses = 0;
    for (int k = 0; k < c->count; k++) {
        presses += ex->phases[c->inst[k].phase].hold.kind == CONTENT_HOLD_COMFORTABLE;
    }
    assert_true(presses >= 4 && presses <= 5);
    free(st);
}

/* A fifth stretch needs only content: a file with one more exercise builds and plays. */
static void test_fifth_exercise_from_content_alone(void **state) {
    (void)state;
    content_t *c = support_load_content(SK_SOURCE_DIR "/tests/data/five-exercises.yaml");
    assert_non_null(c);
    assert_int_equal(c->exercise_count, 5);
    choreo_t *ch = calloc(5, sizeof *ch);
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(ch);
    assert_non_null(st);
    for (int e = 0; e < 5; e++) assert_true(choreo_build(&ch[e], c, e, CHOREO_PACING_FOLLOW));
    assert_true(ch[4].duration > 1.0f);
    const content_exercise_t *ex = &c->exercises[4];
    for (double t = 0; t <= ch[4].duration; t += DT) {
        choreo_sample(&ch[4], t, st);
        check_body(ex, st);
    }
    content_scene_ref_t ref = {SCENE_EXERCISE, 4};
    int at = show_find_in_playlist(c, ref);
    assert_true(at >= 0);
    show_t show;
    show_init(&show, c, ch, at);
    assert_true(fabs(show_scene_seconds(&show, ref) - ch[4].duration) < 1e-6);
    free(st);
    free(ch);
    free(c);
}

/* The step the show highlights is the step the figure performs, at every frame. */
static void test_show_step_follows_the_figure(void **state) {
    (void)state;
    show_t show;
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    for (int e = 0; e < g_content->exercise_count; e++) {
        content_scene_ref_t ref = {SCENE_EXERCISE, e};
        show_init(&show, g_content, g_choreo, show_find_in_playlist(g_content, ref));
        assert_true(fabs(show_scene_seconds(&show, ref) - g_choreo[e].duration) < 1e-6);
        long frames = (long)(g_choreo[e].duration / DT) - 2;
        for (long i = 0; i < frames; i++) {
            show_update(&show, DT);
            choreo_sample(&g_choreo[e], show.view.time, st);
            assert_int_equal(show.view.item, st->step);
        }
        /* Down jumps to the next step's first move */
        show_init(&show, g_content, g_choreo, show_find_in_playlist(g_content, ref));
        for (int s = 1; s < g_content->exercises[e].step_count; s++) {
            assert_true(show_command(&show, SHOW_CMD_NEXT_ITEM, 0));
            assert_int_equal(show.view.item, s);
            choreo_sample(&g_choreo[e], show.view.time, st);
            assert_int_equal(st->step, s);
        }
    }
    free(st);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_frame_is_a_possible_body),
        cmocka_unit_test(test_planted_contacts_stay_put),
        cmocka_unit_test(test_every_step_is_performed),
        cmocka_unit_test(test_spinal_twists),
        cmocka_unit_test(test_childs_pose),
        cmocka_unit_test(test_knees_to_chest),
        cmocka_unit_test(test_press_up_back_extensions),
        cmocka_unit_test(test_fifth_exercise_from_content_alone),
        cmocka_unit_test(test_show_step_follows_the_figure),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
