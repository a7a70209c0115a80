/* test_choreo: the four stretches as a physiotherapist would check them. Every exercise of the
 * real content is sampled at 60 Hz over its whole routine (and across its loop), in both
 * pacings, and must keep bones at their length, stay above the floor and out of the body, keep
 * every joint in a human range, never jump or pop, keep a hand or foot that rests on the floor
 * where it was put down, lift and place one that moves, breathe in every hold, never stand
 * still without a count, and show at every frame of every hold, on both sides, the shape the
 * clinic's page describes. No window, no GL. */
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
#define FLOOR_EPS 0.001f /* m: nothing below the floor by more than 1 mm */
#define JUMP_MAX 0.03f   /* m: most a joint may move in one 60 Hz frame */
#define POP_MAX \
    0.004f /* m: most a joint's move may change from one 60 Hz frame to the next
                           * (4 mm, about 1.5 g: a hand set down briskly): a limb that flips or
                           * snaps straight changes by centimetres */
#define BODY_CLEAR \
    0.10f /* m: elbows, hands, knees and feet stay this far from the line of the
                           * spine (half a trunk's thickness): nothing passes through the body */
#define REST_EPS \
    0.03f /* m: a hand or foot on the floor stays within 3 cm of where it was set
                           * down until it is lifted */
#define DEG (3.14159265f / 180.0f)

static content_t *g_content;
static choreo_t *g_choreo; /* one per exercise */
static choreo_t *g_demo;   /* the same in the kiosk's demo pacing */

static int setup(void **state) {
    (void)state;
    g_content = support_load_content(SK_SOURCE_DIR "/assets/content/en.yaml");
    if (!g_content) return -1;
    g_choreo = support_build_choreos(g_content, CHOREO_PACING_FOLLOW);
    g_demo = support_build_choreos(g_content, CHOREO_PACING_DEMO);
    return g_choreo && g_demo ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(g_choreo);
    free(g_demo);
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

/* Distance from point p to the segment a-b, metres. */
static float segment_distance(const float *p, const float *a, const float *b) {
    vec3 ab, ap, q;
    glm_vec3_sub((float *)b, (float *)a, ab);
    glm_vec3_sub((float *)p, (float *)a, ap);
    float len2 = glm_vec3_dot(ab, ab);
    float u = len2 > 0 ? glm_clamp(glm_vec3_dot(ap, ab) / len2, 0.0f, 1.0f) : 0.0f;
    glm_vec3_scale(ab, u, q);
    glm_vec3_add((float *)a, q, q);
    return glm_vec3_distance(q, (float *)p);
}

/* Angle between the directions a->b and c->d, degrees. */
static float angle_between(const float *a, const float *b, const float *c, const float *d) {
    vec3 u, v;
    glm_vec3_sub((float *)b, (float *)a, u);
    glm_vec3_sub((float *)d, (float *)c, v);
    float k = glm_vec3_dot(u, v) / (glm_vec3_norm(u) * glm_vec3_norm(v));
    return acosf(glm_clamp(k, -1.0f, 1.0f)) / DEG;
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

#define CHECK(cond, ...)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            char what_[256];                                                          \
            snprintf(what_, sizeof what_, __VA_ARGS__);                               \
            fail_msg("%s at t=%.3f (%s, step %d): %s", ex->id, st->t, st->phase_name, \
                     st->step + 1, what_);                                            \
        }                                                                             \
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
        CHECK(flex <= 140.0f && flex >= -30.0f, "%s flexed %.0f degrees", skel_joint_name(hip),
              flex);
        CHECK(fabsf(abd) <= 45.0f, "%s out to the side %.0f degrees", skel_joint_name(hip), abd);
    }
    /* the spine, neck, head and ankles turn within what a body allows */
    static const struct {
        int joint;
        float max_degrees;
    } limits[] = {{SKEL_PELVIS, 55}, {SKEL_CHEST, 40},   {SKEL_NECK, 45},
                  {SKEL_HEAD, 60},   {SKEL_ANKLE_L, 80}, {SKEL_ANKLE_R, 80}};
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        float a = quat_degrees(st->pose.rot[limits[i].joint]);
        CHECK(a <= limits[i].max_degrees, "%s turned %.0f degrees (most %.0f)",
              skel_joint_name(limits[i].joint), a, limits[i].max_degrees);
    }
    /* nothing passes through the trunk: the limbs' joints keep off the spine's line */
    static const int limb_joints[] = {SKEL_ELBOW_L, SKEL_HAND_L,  SKEL_ELBOW_R, SKEL_HAND_R,
                                      SKEL_KNEE_L,  SKEL_ANKLE_L, SKEL_TOE_L,   SKEL_KNEE_R,
                                      SKEL_ANKLE_R, SKEL_TOE_R};
    for (size_t i = 0; i < sizeof limb_joints / sizeof limb_joints[0]; i++) {
        int j = limb_joints[i];
        float d = fminf(segment_distance(p->p[j], p->p[SKEL_PELVIS], p->p[SKEL_CHEST]),
                        segment_distance(p->p[j], p->p[SKEL_CHEST], p->p[SKEL_NECK]));
        CHECK(d >= BODY_CLEAR, "%s is %.0f cm from the spine: inside the body", skel_joint_name(j),
              d * 100);
    }
}

/* Every exercise, every 1/60 s of its routine and across its loop, in both pacings: a possible
 * body, no jump, no pop. */
static void test_every_frame_is_a_possible_body(void **state) {
    (void)state;
    choreo_state_t *ring = malloc(3 * sizeof *ring);
    assert_non_null(ring);
    for (int pacing = 0; pacing < 2; pacing++) {
        for (int e = 0; e < g_content->exercise_count; e++) {
            const choreo_t *c = pacing ? &g_demo[e] : &g_choreo[e];
            const content_exercise_t *ex = &g_content->exercises[e];
            assert_true(c->duration > 1.0f);
            long n = (long)ceil(c->duration / DT) + 3; /* runs past the end: the loop too */
            for (long i = 0; i <= n; i++) {
                choreo_state_t *st = &ring[i % 3]; /* CHECK names the state st */
                const choreo_state_t *before = &ring[(i + 2) % 3];
                const choreo_state_t *two_before = &ring[(i + 1) % 3];
                choreo_sample(c, i * DT, st);
                check_body(ex, st);
                for (int j = 0; i > 0 && j < SKEL_JOINT_NUM; j++) {
                    float d = dist(st->pos.p[j], before->pos.p[j]);
                    CHECK(d <= JUMP_MAX, "%s jumps %.1f cm in one frame", skel_joint_name(j),
                          d * 100);
                }
                for (int j = 0; i > 1 && j < SKEL_JOINT_NUM; j++) {
                    float pop = 0;
                    for (int a = 0; a < 3; a++) {
                        float dd =
                            st->pos.p[j][a] - 2 * before->pos.p[j][a] + two_before->pos.p[j][a];
                        pop += dd * dd;
                    }
                    pop = sqrtf(pop);
                    CHECK(pop <= POP_MAX, "%s pops: its move changes by %.1f mm in a frame",
                          skel_joint_name(j), pop * 1000);
                }
            }
        }
    }
    free(ring);
}

/* Hands and feet on the floor, over every exercise's whole loop in both pacings: one that rests
 * on the floor stays within REST_EPS of where it was set down until it is lifted off (the next
 * test checks that one moved along the floor is lifted). */
static void test_contacts_stay_put_until_lifted(void **state) {
    (void)state;
    static const struct {
        int joint;
        float floor_height; /* m: the joint centre's height when it rests on the floor */
    } contacts[] = {{SKEL_HAND_L, 0.06f}, {SKEL_HAND_R, 0.06f},  {SKEL_TOE_L, 0.045f},
                    {SKEL_TOE_R, 0.045f}, {SKEL_ANKLE_L, 0.09f}, {SKEL_ANKLE_R, 0.09f},
                    {SKEL_KNEE_L, 0.08f}, {SKEL_KNEE_R, 0.08f}};
    enum { N = sizeof contacts / sizeof contacts[0] };
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    int rests = 0;
    for (int pacing = 0; pacing < 2; pacing++) {
        for (int e = 0; e < g_content->exercise_count; e++) {
            const choreo_t *c = pacing ? &g_demo[e] : &g_choreo[e];
            const content_exercise_t *ex = &g_content->exercises[e];
            bool down[N] = {false};
            float set_at[N][3];
            long n = (long)ceil(c->duration / DT) * 2; /* twice round: the loop's seam too */
            for (long i = 0; i <= n; i++) {
                choreo_sample(c, i * DT, st);
                for (int k = 0; k < N; k++) {
                    const float *p = st->pos.p[contacts[k].joint];
                    bool on = p[1] < contacts[k].floor_height;
                    if (on && !down[k]) {
                        memcpy(set_at[k], p, sizeof set_at[k]);
                        rests += i > n / 2;
                    } else if (on) {
                        float dx = p[0] - set_at[k][0], dz = p[2] - set_at[k][2];
                        float slide = sqrtf(dx * dx + dz * dz);
                        CHECK(slide < REST_EPS,
                              "%s slides %.1f cm along the floor (set down at "
                              "%.2f, %.2f)",
                              skel_joint_name(contacts[k].joint), slide * 100, set_at[k][0],
                              set_at[k][2]);
                    }
                    down[k] = on;
                }
            }
        }
    }
    assert_true(rests > 40); /* the checks really ran on many contacts */
    free(st);
}

/* A hand or foot that rests on the floor before a move and after it, 10 cm or more away, is
 * lifted on the way (its highest point 3 cm or more above where it rests) and set down: it
 * never slides there. */
static void test_moving_hands_and_feet_lift_and_place(void **state) {
    (void)state;
    static const struct {
        int joint;
        float floor_height;
    } ends[] = {
        {SKEL_HAND_L, 0.06f}, {SKEL_HAND_R, 0.06f}, {SKEL_ANKLE_L, 0.09f}, {SKEL_ANKLE_R, 0.09f}};
    choreo_state_t *a = malloc(sizeof *a), *b = malloc(sizeof *b), *st = malloc(sizeof *st);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(st);
    int lifted = 0;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *c = &g_choreo[e];
        const content_exercise_t *ex = &g_content->exercises[e];
        for (int k = 0; k < c->count; k++) {
            const choreo_instance_t *in = &c->inst[k];
            if (in->move <= 0) continue;
            choreo_sample(c, in->start, a);
            choreo_sample(c, in->start + in->move, b);
            for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
                int j = ends[i].joint;
                float h = ends[i].floor_height;
                float dx = b->pos.p[j][0] - a->pos.p[j][0], dz = b->pos.p[j][2] - a->pos.p[j][2];
                if (a->pos.p[j][1] >= h || b->pos.p[j][1] >= h ||
                    sqrtf(dx * dx + dz * dz) < 0.10f) {
                    continue;
                }
                float top = 0;
                for (double t = in->start; t <= in->start + in->move; t += DT) {
                    choreo_sample(c, t, st);
                    top = fmaxf(top, st->pos.p[j][1] - fmaxf(a->pos.p[j][1], b->pos.p[j][1]));
                }
                if (top < 0.03f) {
                    fail_msg("%s: '%s' moves %s %.0f cm along the floor, lifting it only %.1f cm",
                             ex->id, ex->phases[in->phase].name, skel_joint_name(j),
                             sqrtf(dx * dx + dz * dz) * 100, top * 100);
                }
                lifted++;
            }
        }
    }
    assert_true(lifted >= 4); /* hands walked forward, placed, feet drawn up: checked */
    free(a);
    free(b);
    free(st);
}

/* Every step on the page is shown by the figure, in the page's order from step 1. (The loop's
 * seam is checked frame by frame in test_every_frame_is_a_possible_body.) */
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
    }
}

/* Calls check(st, side) at every 1/60 s of every hold of the exercise, in both pacings; side is
 * +1 for a right-side hold (right is +z), -1 for a left one, 0 without a side. Returns how
 * many holds of each side were seen (right, left, none). */
typedef void hold_check_fn(const content_exercise_t *ex, const choreo_state_t *st, float side);

static void every_hold(const char *id, hold_check_fn *check, int seen[3]) {
    int e = exercise_index(id);
    const content_exercise_t *ex = &g_content->exercises[e];
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    seen[0] = seen[1] = seen[2] = 0;
    for (int pacing = 0; pacing < 2; pacing++) {
        const choreo_t *c = pacing ? &g_demo[e] : &g_choreo[e];
        for (int k = 0; k < c->count; k++) {
            const choreo_instance_t *in = &c->inst[k];
            if (in->hold <= 0) continue;
            float side = in->side == CONTENT_SIDE_RIGHT  ? 1.0f
                         : in->side == CONTENT_SIDE_LEFT ? -1.0f
                                                         : 0;
            seen[side > 0 ? 0 : side < 0 ? 1 : 2]++;
            double t0 = in->start + in->move + in->ready;
            for (double t = t0; t < t0 + in->hold - 1e-3; t += DT) {
                choreo_sample(c, t, st);
                if (!st->holding) continue;
                check(ex, st, side);
            }
        }
    }
    free(st);
}

/* Flexion of the spine at a joint: the angle between the bone into it and the bone out of it,
 * degrees, positive when the spine bends forward (toward the face). */
static float spine_bend(const skel_positions_t *p, int a, int b, int c, const float *face) {
    vec3 u, v;
    glm_vec3_sub((float *)p->p[b], (float *)p->p[a], u);
    glm_vec3_sub((float *)p->p[c], (float *)p->p[b], v);
    float angle =
        acosf(glm_clamp(glm_vec3_dot(u, v) / (glm_vec3_norm(u) * glm_vec3_norm(v)), -1, 1));
    /* forward when the second bone turns toward the face */
    vec3 turn;
    glm_vec3_normalize_to(u, turn);
    glm_vec3_scale(turn, glm_vec3_dot(v, turn), turn);
    glm_vec3_sub(v, turn, turn); /* the part of v across u */
    float sign = glm_vec3_dot(turn, (float *)face) >= 0 ? 1.0f : -1.0f;
    return sign * angle / DEG;
}

/* The direction the lower back faces (the pelvis joint's forward axis), world: what counts
 * as bending forward. */
static void chest_forward(const choreo_state_t *st, vec3 out) {
    glm_quat_rotatev((float *)st->pos.frame[SKEL_PELVIS], (vec3){1, 0, 0}, out);
}

/* Spinal twists: "Twist your knees to one side, holding them together as if you are trying to
 * push the side of your leg to the floor. Turn your head in the opposite direction of your
 * knees. Hold the position while taking ten deep breaths." */
static void twist_hold(const content_exercise_t *ex, const choreo_state_t *st, float s) {
    const skel_positions_t *p = &st->pos;
    CHECK(s != 0, "a twist's hold has a side");
    /* knees together and stacked: 14 cm apart at most (two knees touching are ~10 cm between
     * centres), the upper one above the lower more than beside it */
    float apart = dist(p->p[SKEL_KNEE_L], p->p[SKEL_KNEE_R]);
    CHECK(apart < 0.14f, "knees %.0f cm apart", apart * 100);
    int lower = s > 0 ? SKEL_KNEE_R : SKEL_KNEE_L, upper = s > 0 ? SKEL_KNEE_L : SKEL_KNEE_R;
    float dy = p->p[upper][1] - p->p[lower][1];
    float dz = fabsf(p->p[upper][2] - p->p[lower][2]);
    CHECK(dy > dz, "knees side by side (%.0f cm up, %.0f cm across), not stacked", dy * 100,
          dz * 100);
    /* lowered close to the floor, out to the side named */
    CHECK(p->p[lower][1] < 0.14f, "lower knee %.0f cm up: not lowered to the floor",
          p->p[lower][1] * 100);
    CHECK(p->p[upper][1] < 0.26f, "upper knee %.0f cm up", p->p[upper][1] * 100);
    float off = (p->p[lower][2] - p->p[SKEL_PELVIS][2]) * s;
    CHECK(off > 0.25f, "knees only %.0f cm to the side", off * 100);
    /* the feet roll with the knees: stacked too, the lower foot on its side */
    int low_ankle = s > 0 ? SKEL_ANKLE_R : SKEL_ANKLE_L,
        up_ankle = s > 0 ? SKEL_ANKLE_L : SKEL_ANKLE_R;
    CHECK(p->p[up_ankle][1] - p->p[low_ankle][1] > 0.05f, "feet not rolled with the knees");
    /* both shoulders and the outstretched arms flat on the floor, on the 0.9 m mat */
    CHECK(p->p[SKEL_SHOULDER_L][1] < 0.16f && p->p[SKEL_SHOULDER_R][1] < 0.16f &&
              fabsf(p->p[SKEL_SHOULDER_L][1] - p->p[SKEL_SHOULDER_R][1]) < 0.04f,
          "shoulders not flat (%.0f, %.0f cm up)", p->p[SKEL_SHOULDER_L][1] * 100,
          p->p[SKEL_SHOULDER_R][1] * 100);
    for (int h = SKEL_HAND_L; h <= SKEL_HAND_R; h += SKEL_HAND_R - SKEL_HAND_L) {
        int elbow = h == SKEL_HAND_L ? SKEL_ELBOW_L : SKEL_ELBOW_R;
        CHECK(p->p[h][1] < 0.06f && p->p[elbow][1] < 0.12f, "%s arm off the floor",
              h == SKEL_HAND_L ? "left" : "right");
        CHECK(fabsf(p->p[h][2]) <= 0.45f, "%s off the mat (%.0f cm out)", skel_joint_name(h),
              fabsf(p->p[h][2]) * 100);
    }
    /* the head turned the other way */
    float face = (p->p[SKEL_NOSE][2] - p->p[SKEL_HEAD][2]) * s;
    CHECK(face < -0.05f, "face not turned away from the knees (%.3f)", face);
    (void)ex;
}

static void test_spinal_twists(void **state) {
    (void)state;
    int seen[3];
    every_hold("spinal-twists", twist_hold, seen);
    assert_true(seen[0] >= 2 && seen[1] >= 2); /* both sides, both pacings */
    /* the chest rises and falls once per breath, ten times */
    const choreo_t *c = &g_choreo[exercise_index("spinal-twists")];
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    int holds = 0;
    for (int k = 0; k < c->count; k++) {
        const choreo_instance_t *in = &c->inst[k];
        if (in->hold <= 0) continue;
        holds++;
        int rises = 0;
        float lo = 1e9f, hi = -1e9f, prev_y = -1;
        bool rising = false;
        double hold_start = in->start + in->move + in->ready;
        for (double t = hold_start; t < hold_start + in->hold; t += DT) {
            choreo_sample(c, t, st);
            float y = st->pos.p[SKEL_NECK][1];
            lo = fminf(lo, y);
            hi = fmaxf(hi, y);
            if (prev_y >= 0 && y > prev_y + 1e-5f && !rising) rises++, rising = true;
            if (prev_y >= 0 && y < prev_y - 1e-5f) rising = false;
            prev_y = y;
        }
        assert_int_equal(rises, 10);
        assert_true(hi - lo > 0.01f);
    }
    assert_int_equal(holds, 2);
    free(st);
}

/* Child's pose: "Slowly sit your hips back toward your heels while dropping your head and chest
 * downward as you extend further and reach as far as you can comfortably." */
static void child_hold(const content_exercise_t *ex, const choreo_state_t *st, float s) {
    const skel_positions_t *p = &st->pos;
    (void)s;
    /* hips back on the heels: the hip joints within 12 cm (along the mat) of the ankles and
     * no more than 30 cm up (sitting on the heels puts them about 20 cm up) */
    for (int side = 0; side < 2; side++) {
        int hip = side ? SKEL_HIP_R : SKEL_HIP_L, ankle = side ? SKEL_ANKLE_R : SKEL_ANKLE_L;
        int knee = side ? SKEL_KNEE_R : SKEL_KNEE_L;
        CHECK(fabsf(p->p[hip][0] - p->p[ankle][0]) < 0.12f, "hips %.0f cm from the heels",
              fabsf(p->p[hip][0] - p->p[ankle][0]) * 100);
        CHECK(p->p[hip][1] < 0.30f, "hips %.0f cm up: not sitting back", p->p[hip][1] * 100);
        /* the chest rests on the thighs: the spine's middle within 24 cm of the thigh's line
         * (half a trunk and half a thigh are about 17 cm) */
        float rest = segment_distance(p->p[SKEL_CHEST], p->p[hip], p->p[knee]);
        CHECK(rest < 0.24f, "chest %.0f cm off the thighs", rest * 100);
        CHECK(p->p[knee][1] < 0.08f && p->p[ankle][1] < 0.09f, "shins off the floor");
    }
    /* the back rounded, falling toward the head: bent forward 12 degrees or more at the lower
     * and at the upper back, the neck lower than the chest and the head lower still, the
     * forehead near the floor (the head's bottom within 10 cm of it) */
    vec3 face;
    chest_forward(st, face);
    float lower = spine_bend(p, SKEL_HIP_L, SKEL_PELVIS, SKEL_CHEST, face);
    float upper = spine_bend(p, SKEL_PELVIS, SKEL_CHEST, SKEL_NECK, face);
    CHECK(upper >= 12.0f, "upper back not rounded (%.0f degrees)", upper);
    CHECK(lower >= 12.0f, "lower back not rounded (%.0f degrees)", lower);
    CHECK(p->p[SKEL_NECK][1] < p->p[SKEL_CHEST][1] &&
              p->p[SKEL_HEAD][1] < p->p[SKEL_NECK][1] + 0.02f,
          "back not falling toward the head");
    CHECK(p->p[SKEL_HEAD][1] - SKEL_HEAD_RADIUS < 0.10f, "forehead %.0f cm off the floor",
          (p->p[SKEL_HEAD][1] - SKEL_HEAD_RADIUS) * 100);
    /* arms extended forward, palms flat on the floor */
    for (int side = 0; side < 2; side++) {
        int sh = side ? SKEL_SHOULDER_R : SKEL_SHOULDER_L, hand = side ? SKEL_HAND_R : SKEL_HAND_L;
        int elbow = side ? SKEL_ELBOW_R : SKEL_ELBOW_L;
        CHECK(p->p[hand][1] < 0.06f, "palm off the floor");
        CHECK(p->p[hand][0] - p->p[sh][0] > 0.40f, "arm not reaching forward (%.0f cm)",
              (p->p[hand][0] - p->p[sh][0]) * 100);
        CHECK(180.0f - angle_at(p->p[sh], p->p[elbow], p->p[hand]) < 25.0f, "arm not extended");
    }
    (void)ex;
}

static void test_childs_pose(void **state) {
    (void)state;
    int seen[3];
    every_hold("childs-pose", child_hold, seen);
    assert_true(seen[2] >= 2);
    /* the start: knees under the hips, hands under the shoulders, on the floor */
    const choreo_t *c = &g_choreo[exercise_index("childs-pose")];
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    int k = 0;
    while (k < c->count && ex->phases[c->inst[k].phase].step == 0) k++;
    assert_true(k > 0 && k < c->count);
    choreo_sample(c, c->inst[k].start - 1e-3, st); /* the end of step 1 */
    const skel_positions_t *p = &st->pos;
    for (int side = 0; side < 2; side++) {
        int hip = side ? SKEL_HIP_R : SKEL_HIP_L, knee = side ? SKEL_KNEE_R : SKEL_KNEE_L;
        int sh = side ? SKEL_SHOULDER_R : SKEL_SHOULDER_L, hand = side ? SKEL_HAND_R : SKEL_HAND_L;
        CHECK(fabsf(p->p[hip][0] - p->p[knee][0]) < 0.06f, "knee not under the hip");
        CHECK(fabsf(p->p[sh][0] - p->p[hand][0]) < 0.06f, "hand not under the shoulder");
        CHECK(p->p[knee][1] < 0.08f && p->p[hand][1] < 0.06f, "knee or hand off the floor");
    }
    free(st);
}

/* Knees to chest: "Draw your right knee up to your chest and hold for a few seconds", the
 * hands on the shin or knee drawing it in, head and shoulders resting on the mat, the other
 * foot flat; then the left, mirrored. */
static void knee_hold(const content_exercise_t *ex, const choreo_state_t *st, float s) {
    const skel_positions_t *p = &st->pos;
    CHECK(s != 0, "a knee's hold has a side");
    int knee = s > 0 ? SKEL_KNEE_R : SKEL_KNEE_L, ankle = s > 0 ? SKEL_ANKLE_R : SKEL_ANKLE_L;
    int other_ankle = s > 0 ? SKEL_ANKLE_L : SKEL_ANKLE_R,
        other_toe = s > 0 ? SKEL_TOE_L : SKEL_TOE_R;
    /* the knee drawn to the chest: the thigh turned up toward the chest, within 55 degrees of
     * the trunk's line (the hip flexed 125 degrees or more), the knee within 36 cm of the
     * chest's centre (the chest's front is about 10 cm above it) */
    int hip = s > 0 ? SKEL_HIP_R : SKEL_HIP_L;
    float to_chest = dist(p->p[knee], p->p[SKEL_CHEST]);
    float fold = angle_between(p->p[SKEL_PELVIS], p->p[SKEL_CHEST], p->p[hip], p->p[knee]);
    CHECK(fold <= 55.0f, "thigh %.0f degrees from the trunk's line: not drawn to the chest", fold);
    CHECK(to_chest < 0.36f, "knee %.0f cm from the chest", to_chest * 100);
    for (int h = SKEL_HAND_L; h <= SKEL_HAND_R; h += SKEL_HAND_R - SKEL_HAND_L) {
        float on_shin = segment_distance(p->p[h], p->p[knee], p->p[ankle]);
        CHECK(on_shin < 0.10f, "%s %.0f cm from the shin: not holding it", skel_joint_name(h),
              on_shin * 100);
    }
    CHECK(p->p[other_ankle][1] < 0.09f && p->p[other_toe][1] < 0.045f, "other foot not flat");
    /* no curl-up: the head and shoulders stay down (a crunch strains the back it should ease) */
    CHECK(p->p[SKEL_HEAD][1] < SKEL_HEAD_RADIUS + 0.03f && p->p[SKEL_SHOULDER_L][1] < 0.14f &&
              p->p[SKEL_SHOULDER_R][1] < 0.14f,
          "head or shoulders lifted off the mat (head %.0f cm up)", p->p[SKEL_HEAD][1] * 100);
    (void)ex;
}

static void test_knees_to_chest(void **state) {
    (void)state;
    int seen[3];
    every_hold("knees-to-chest", knee_hold, seen);
    assert_true(seen[0] >= 2 && seen[1] >= 2);
    const choreo_t *c = &g_choreo[exercise_index("knees-to-chest")];
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    /* the left hold mirrors the right */
    choreo_state_t *st = malloc(sizeof *st), *other = malloc(sizeof *other);
    assert_non_null(st);
    assert_non_null(other);
    int right = -1, left = -1;
    for (int k = 0; k < c->count; k++) {
        if (c->inst[k].hold <= 0) continue;
        if (c->inst[k].side == CONTENT_SIDE_RIGHT && right < 0) right = k;
        if (c->inst[k].side == CONTENT_SIDE_LEFT && left < 0) left = k;
    }
    assert_true(right >= 0 && left >= 0);
    choreo_sample(c, c->inst[right].start + c->inst[right].move + c->inst[right].ready + 1, st);
    choreo_sample(c, c->inst[left].start + c->inst[left].move + c->inst[left].ready + 1, other);
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        const float *a = st->pos.p[j], *b = other->pos.p[skel_mirror(j)];
        float d = fabsf(a[0] - b[0]) + fabsf(a[1] - b[1]) + fabsf(a[2] + b[2]);
        CHECK(d < 0.005f, "left hold does not mirror the right at %s", skel_joint_name(j));
    }
    /* alternating legs, ten times each */
    int r = 0, l = 0;
    for (int k = 0; k < c->count; k++) {
        if (ex->phases[c->inst[k].phase].hold.kind == CONTENT_HOLD_NONE) continue;
        if (c->inst[k].side == CONTENT_SIDE_RIGHT) r++;
        if (c->inst[k].side == CONTENT_SIDE_LEFT) l++;
    }
    assert_int_equal(r, 10);
    assert_int_equal(l, 10);
    free(st);
    free(other);
}

/* Press-up back extensions: "Press up, lifting your upper body without lifting below your
 * hips. Hold the pose for as long as you can." */
static void press_hold(const content_exercise_t *ex, const choreo_state_t *st, float s) {
    const skel_positions_t *p = &st->pos;
    (void)s;
    CHECK(p->p[SKEL_PELVIS][1] < 0.13f && p->p[SKEL_HIP_L][1] < 0.14f &&
              p->p[SKEL_HIP_R][1] < 0.14f,
          "hips lifted off the floor");
    CHECK(p->p[SKEL_CHEST][1] > 0.28f, "upper body only %.0f cm up", p->p[SKEL_CHEST][1] * 100);
    for (int side = 0; side < 2; side++) {
        int hip = side ? SKEL_HIP_R : SKEL_HIP_L, knee = side ? SKEL_KNEE_R : SKEL_KNEE_L;
        int ankle = side ? SKEL_ANKLE_R : SKEL_ANKLE_L;
        int sh = side ? SKEL_SHOULDER_R : SKEL_SHOULDER_L,
            elbow = side ? SKEL_ELBOW_R : SKEL_ELBOW_L;
        int hand = side ? SKEL_HAND_R : SKEL_HAND_L;
        CHECK(180.0f - angle_at(p->p[hip], p->p[knee], p->p[ankle]) < 10.0f, "legs not straight");
        /* arms nearly straight: the elbow opened to 150 degrees or more */
        float elbow_angle = angle_at(p->p[sh], p->p[elbow], p->p[hand]);
        CHECK(elbow_angle >= 150.0f, "elbow bent to %.0f degrees", elbow_angle);
        /* the palm flat on the floor, under or ahead of the shoulder (at most 40 cm ahead:
         * the hands were set under the shoulders lying down, and the shoulders rise back) */
        float ahead = p->p[hand][0] - p->p[sh][0];
        CHECK(p->p[hand][1] < 0.06f, "hand off the floor");
        CHECK(ahead > -0.05f && ahead < 0.40f, "hand %.0f cm ahead of the shoulder", ahead * 100);
        /* the elbow beside the body, not inside it */
        CHECK(fabsf(p->p[elbow][2]) > 0.15f, "elbow inside the trunk");
    }
    /* the arch spread through the lower and the upper back: each bends back 12 degrees or
     * more, and neither takes more than three quarters of the whole */
    vec3 face;
    chest_forward(st, face);
    vec3 hips;
    glm_vec3_lerp((float *)p->p[SKEL_HIP_L], (float *)p->p[SKEL_HIP_R], 0.5f, hips);
    vec3 knees;
    glm_vec3_lerp((float *)p->p[SKEL_KNEE_L], (float *)p->p[SKEL_KNEE_R], 0.5f, knees);
    /* the lower back: the trunk's first bone against the thighs' line */
    vec3 thigh, trunk;
    glm_vec3_sub(hips, knees, thigh);
    glm_vec3_sub((float *)p->p[SKEL_CHEST], (float *)p->p[SKEL_PELVIS], trunk);
    float lower =
        acosf(glm_clamp(glm_vec3_dot(thigh, trunk) / (glm_vec3_norm(thigh) * glm_vec3_norm(trunk)),
                        -1, 1)) /
        DEG;
    float upper = -spine_bend(p, SKEL_PELVIS, SKEL_CHEST, SKEL_NECK, face);
    CHECK(lower >= 12.0f && upper >= 12.0f, "arch not spread: lower back %.0f, upper %.0f degrees",
          lower, upper);
    CHECK(lower <= 3 * upper && upper <= 3 * lower,
          "arch in one place: lower back %.0f, upper "
          "%.0f degrees",
          lower, upper);
    (void)ex;
}

static void test_press_up_back_extensions(void **state) {
    (void)state;
    int seen[3];
    every_hold("press-up-back-extensions", press_hold, seen);
    assert_true(seen[2] >= 5);
    const choreo_t *c = &g_choreo[exercise_index("press-up-back-extensions")];
    const content_exercise_t *ex = &g_content->exercises[c->exercise];
    choreo_state_t *st = malloc(sizeof *st);
    assert_non_null(st);
    int k = 0;
    while (k < c->count && ex->phases[c->inst[k].phase].step == 0) k++;
    choreo_sample(c, c->inst[k].start - 1e-3, st); /* the end of step 1 */
    const skel_positions_t *p = &st->pos;
    CHECK(p->p[SKEL_CHEST][1] < 0.15f && p->p[SKEL_PELVIS][1] < 0.13f, "not lying flat");
    CHECK(p->p[SKEL_NOSE][1] < p->p[SKEL_HEAD][1] + 0.03f, "not face down");
    int presses = 0;
    for (int i = 0; i < c->count; i++) {
        presses += ex->phases[c->inst[i].phase].hold.kind == CONTENT_HOLD_COMFORTABLE;
    }
    assert_true(presses >= 4 && presses <= 5);
    free(st);
}

/* Every hold breathes: the chest rises and falls by 3 mm or more while it is held, and in no
 * 1.5 s of any routine is the figure still while nothing counts (no dead time: a scene never
 * opens on stillness, and the get-ready count runs during the move into a hold or before it). */
static void test_no_dead_time(void **state) {
    (void)state;
    choreo_state_t *st = malloc(sizeof *st), *w = malloc(sizeof *w);
    assert_non_null(st);
    assert_non_null(w);
    for (int pacing = 0; pacing < 2; pacing++) {
        for (int e = 0; e < g_content->exercise_count; e++) {
            const choreo_t *c = pacing ? &g_demo[e] : &g_choreo[e];
            const content_exercise_t *ex = &g_content->exercises[e];
            for (int k = 0; k < c->count; k++) {
                const choreo_instance_t *in = &c->inst[k];
                if (in->hold <= 0) continue;
                double t0 = in->start + in->move + in->ready;
                choreo_sample(c, t0, w);
                float breath = 0;
                for (double t = t0; t < t0 + in->hold; t += DT) {
                    choreo_sample(c, t, st);
                    breath = fmaxf(breath, dist(st->pos.p[SKEL_NECK], w->pos.p[SKEL_NECK]));
                }
                CHECK(breath >= 0.003f, "still through a hold (the chest moves %.1f mm)",
                      breath * 1000);
                /* the get-ready count starts while the figure is still moving into the
                 * hold (its own move, or the one before a hold that does not move) */
                choreo_sample(c, t0 - c->content->timing.get_ready_seconds + 0.05, w);
                {
                    const choreo_state_t *count_start = w;
                    CHECK(count_start->ready && count_start->moving,
                          "the get-ready count starts after the figure stopped (%s)",
                          count_start->phase_name);
                }
            }
            for (double t0 = 0; t0 + 1.5 < c->duration; t0 += 0.25) {
                choreo_sample(c, t0, w);
                bool counts = false;
                float moved = 0;
                for (double t = t0; t <= t0 + 1.5; t += DT) {
                    choreo_sample(c, t, st);
                    counts = counts || st->ready || st->holding;
                    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
                        moved = fmaxf(moved, dist(st->pos.p[j], w->pos.p[j]));
                    }
                }
                CHECK(counts || moved > 0.01f, "nothing moves or counts for 1.5 s from %.2f s", t0);
            }
            (void)ex;
        }
    }
    free(st);
    free(w);
}

/* Overlapping action: in the moves of a second or more where several joints travel 8 cm or
 * more, the parts do not all start and stop together (the one that leads starts first, the
 * last one settles later, by a tenth of the move at least). A move where every travelling
 * joint rides on one limb (the hands holding the knee as it comes in) may move as one: at
 * least three quarters of each exercise's moves (counted by phase) must overlap. */
static void test_parts_lead_and_follow(void **state) {
    (void)state;
    choreo_state_t *st = malloc(sizeof *st), *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    assert_non_null(st);
    assert_non_null(a);
    assert_non_null(b);
    int moves = 0;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *c = &g_choreo[e];
        const content_exercise_t *ex = &g_content->exercises[e];
        bool seen[CONTENT_MAX_PHASES] = {false};
        int checked = 0, overlapping = 0;
        for (int k = 0; k < c->count; k++) {
            const choreo_instance_t *in = &c->inst[k];
            if (in->move < 1.0f || seen[in->phase]) continue;
            choreo_sample(c, in->start, a);
            choreo_sample(c, in->start + in->move, b);
            /* when each moving joint has gone 10% and 90% of its way */
            float first_start = 1e9f, last_start = -1, first_end = 1e9f, last_end = -1;
            int moving = 0;
            for (int j = 0; j < SKEL_JOINT_NUM; j++) {
                float total = dist(a->pos.p[j], b->pos.p[j]);
                if (total < 0.08f) continue;
                moving++;
                float t10 = -1, t90 = -1;
                for (double t = in->start; t <= in->start + in->move; t += DT) {
                    choreo_sample(c, t, st);
                    float gone = dist(st->pos.p[j], a->pos.p[j]) / total;
                    if (t10 < 0 && gone >= 0.1f) t10 = (float)(t - in->start);
                    if (t90 < 0 && gone >= 0.9f) t90 = (float)(t - in->start);
                }
                if (t10 < 0 || t90 < 0) continue;
                first_start = fminf(first_start, t10), last_start = fmaxf(last_start, t10);
                first_end = fminf(first_end, t90), last_end = fmaxf(last_end, t90);
            }
            if (moving < 2) continue;
            seen[in->phase] = true;
            checked++;
            float spread = fmaxf(last_start - first_start, last_end - first_end);
            if (spread >= 0.1f * in->move) {
                overlapping++;
            } else {
                printf("  %s: '%s' moves as one (within %.2f s)\n", ex->id,
                       ex->phases[in->phase].name, spread);
            }
        }
        if (checked == 0 || overlapping * 4 < checked * 3) {
            fail_msg("%s: %d of %d moves have every part start and stop together", ex->id,
                     checked - overlapping, checked);
        }
        moves += checked;
    }
    assert_true(moves >= 12);
    free(st);
    free(a);
    free(b);
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
        cmocka_unit_test(test_contacts_stay_put_until_lifted),
        cmocka_unit_test(test_moving_hands_and_feet_lift_and_place),
        cmocka_unit_test(test_every_step_is_performed),
        cmocka_unit_test(test_spinal_twists),
        cmocka_unit_test(test_childs_pose),
        cmocka_unit_test(test_knees_to_chest),
        cmocka_unit_test(test_press_up_back_extensions),
        cmocka_unit_test(test_no_dead_time),
        cmocka_unit_test(test_parts_lead_and_follow),
        cmocka_unit_test(test_fifth_exercise_from_content_alone),
        cmocka_unit_test(test_show_step_follows_the_figure),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
