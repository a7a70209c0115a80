/* choreo: routine layout and pose sampling (see choreo.h). Pure: cglm and libc only. */
#include "choreo.h"
#include "maths.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static float ease(content_ease_t e, float u) {
    u = glm_clamp(u, 0.0f, 1.0f);
    switch (e) {
    case CONTENT_EASE_LINEAR: return u;
    case CONTENT_EASE_IN: return u * u * u;
    case CONTENT_EASE_OUT: {
        float v = 1 - u;
        return 1 - v * v * v;
    }
    default: /* in-out: smootherstep, zero speed and acceleration at both ends */
        return u * u * u * (u * (u * 6 - 15) + 10);
    }
}

static float hold_seconds(const choreo_t *c, const content_hold_t *h) {
    const content_t *ct = c->content;
    bool demo = c->pacing == CHOREO_PACING_DEMO;
    switch (h->kind) {
    case CONTENT_HOLD_SECONDS:
    case CONTENT_HOLD_COMFORTABLE:
        return demo ? fminf(h->count, ct->timing.demo_hold_seconds) : h->count;
    case CONTENT_HOLD_BREATHS: {
        float breaths = demo ? fminf(h->count, (float)ct->timing.demo_breaths) : h->count;
        return breaths * (c->breath_in + c->breath_out);
    }
    default: return 0.0f;
    }
}

static const content_exercise_t *exercise(const choreo_t *c) {
    return &c->content->exercises[c->exercise];
}

/* The pose a phase moves to, mirrored for the left side; root at the content's place. */
static void key_pose(const choreo_t *c, int phase, content_side_t side, skel_pose_t *out) {
    const content_pose_t *cp = &exercise(c)->poses[exercise(c)->phases[phase].pose];
    skel_pose_rest(out);
    glm_vec3_copy((float *)cp->root_at, out->root_pos);
    skel_euler_deg(cp->root_rot, out->root_rot);
    for (int i = 0; i < cp->rotated_count; i++) {
        skel_euler_deg(cp->rotation[i], out->rot[cp->rotated_joint[i]]);
    }
    if (side == CONTENT_SIDE_LEFT) skel_pose_mirror(out, out);
}

static void instance_pose(const choreo_t *c, int k, skel_pose_t *out) {
    const choreo_instance_t *in = &c->inst[k];
    key_pose(c, in->phase, in->side, out);
    glm_vec3_copy((float *)in->root_pos, out->root_pos);
}

/* The reach target of `joint` in an instance's pose, resolved against current positions, or
 * false when that pose does not place this joint. Mirrored for the left side. */
static bool reach_target(const choreo_t *c, int k, int joint, const skel_positions_t *pos, vec3 out,
                         vec3 bend, bool *has_bend) {
    const choreo_instance_t *in = &c->inst[k];
    const content_pose_t *cp = &exercise(c)->poses[exercise(c)->phases[in->phase].pose];
    bool left = in->side == CONTENT_SIDE_LEFT;
    int want = left ? skel_mirror(joint) : joint; /* the joint as written in content */
    for (int i = 0; i < cp->reach_count; i++) {
        const content_reach_t *r = &cp->reach[i];
        if (r->joint != want) continue;
        vec3 p = {r->point[0], r->point[1], left ? -r->point[2] : r->point[2]};
        if (r->at_joint >= 0) {
            int at = left ? skel_mirror(r->at_joint) : r->at_joint;
            glm_vec3_add(p, (float *)pos->p[at], p);
        }
        glm_vec3_copy(p, out);
        if (r->has_bend && bend) {
            glm_vec3_copy((vec3){r->bend[0], r->bend[1], left ? -r->bend[2] : r->bend[2]}, bend);
            *has_bend = true;
        }
        return true;
    }
    return false;
}

static const int REACH_ORDER[] = {SKEL_ANKLE_L, SKEL_ANKLE_R, SKEL_HAND_L, SKEL_HAND_R};

/* Where a limb's reach target is a fraction u through a move from a to b: a hand or foot that
 * changes place is lifted and set down on an arc (up first, across, down last), one that
 * stays is not moved at all. */
static void reach_path(const vec3 a, const vec3 b, float u, vec3 out) {
    float d = glm_vec3_distance((float *)a, (float *)b);
    /* a hand or foot that leaves the floor or is set down on it is lifted off first or set
     * down last; one that moves in the air goes straight */
    if (d < CHOREO_LIFT_MIN || (a[1] > CHOREO_LIFT_MAX && b[1] > CHOREO_LIFT_MAX)) {
        glm_vec3_lerp((float *)a, (float *)b, u, out);
        return;
    }
    float across = ease(CONTENT_EASE_IN_OUT, (u - 0.2f) / 0.6f); /* no kick as it starts */
    glm_vec3_lerp((float *)a, (float *)b, across, out);
    /* up, and out to its own side: a hand carried past its shoulder swings wide of it */
    float arc = sinf(GLM_PIf * u);
    float lift = glm_clamp(0.35f * d, CHOREO_LIFT_MIN, CHOREO_LIFT_MAX) * arc;
    float side = (a[2] + b[2]) * 0.5f;
    out[1] += lift;
    /* (only while high: it is set down where it was aimed) */
    if (fabsf(side) > 0.05f) out[2] += copysignf(1.2f * lift * arc, side);
}

/* The way a limb's middle joint (elbow or knee) points off the line from its upper joint to
 * its end, in these positions: the bend that reproduces them; its own natural way when the
 * limb is straight. */
static void limb_bend(const skel_positions_t *pos, int end, vec3 out) {
    int mid = skel_parent(end), up = skel_parent(mid);
    vec3 line, off;
    glm_vec3_sub((float *)pos->p[end], (float *)pos->p[up], line);
    glm_vec3_sub((float *)pos->p[mid], (float *)pos->p[up], off);
    float len2 = glm_vec3_dot(line, line);
    if (len2 > 1e-8f) glm_vec3_muladds(line, -glm_vec3_dot(off, line) / len2, off);
    if (glm_vec3_norm(off) < 0.01f) {
        skel_natural_bend(pos, end, out);
        return;
    }
    glm_vec3_normalize_to(off, out);
}

static float *own_place(const skel_positions_t *key, skel_positions_t *now, int j) {
    return key->p[j][1] <= CHOREO_LIFT_MAX ? (float *)key->p[j] : now->p[j];
}

/* Places hands and feet: each target moves from where the `from` instance put it (or where
 * the joint is, if it placed nothing) to where the `to` instance puts it, at its own part's
 * pace (e[part]). Feet first, so a hand can follow a knee. ends[] are the two poses' own
 * positions (before reaching), for the limbs' own bend. */
static void solve_reach(const choreo_t *c, int from, int to, const float *e,
                        const skel_positions_t *ends[2], skel_pose_t *pose, skel_positions_t *pos) {
    for (int i = 0; i < 4; i++) {
        int j = REACH_ORDER[i];
        float u = e[skel_part_of(j)];
        vec3 a = {0}, b = {0}, bend_a = {0}, bend_b = {0}; /* (GCC -O3 cannot see they are set) */
        bool bent_a = false, bent_b = false;
        bool has_a = from >= 0 && reach_target(c, from, j, pos, a, bend_a, &bent_a);
        bool has_b = reach_target(c, to, j, pos, b, bend_b, &bent_b);
        if (!has_a && !has_b) continue;
        /* a pose that places nothing leaves the limb where its own angles put it: on the
         * floor, at that pose's place (so it is lifted from there or set down there); in the
         * air, where the angles put it now (a path the limb can reach, unlike the straight
         * line between the two poses' places) */
        if (!has_a) glm_vec3_copy(own_place(ends[0], pos, j), a);
        if (!has_b) glm_vec3_copy(own_place(ends[1], pos, j), b);
        vec3 target;
        reach_path(a, b, u, target);
        /* ease the bend direction from one pose's to the other's; a pose that gives none
         * gives its limb's own way in that pose (not the live one, which turns with the limb
         * as it swings and would swing the elbow or knee with it) */
        vec3 pole;
        if (!bent_a) limb_bend(ends[0], j, bend_a);
        if (!bent_b) limb_bend(ends[1], j, bend_b);
        glm_vec3_lerp(bend_a, bend_b, u, pole);
        skel_ik_two_bone(pose, pos, j, target, pole);
    }
}

/* Numbers each side's holds (repetition n of total) and marks where the side changes. An
 * instance without a hold belongs to the next hold of its side (the move into it), else to
 * the last one (the move out of it). */
static void count_holds(choreo_t *c) {
    int totals[CONTENT_SIDE_NUM] = {0};
    for (int k = 0; k < c->count; k++) totals[c->inst[k].side] += c->inst[k].hold > 0;
    content_side_t last_side = CONTENT_SIDE_NONE;
    for (int k = 0; k < c->count; k++) {
        choreo_instance_t *in = &c->inst[k];
        int owner = -1;
        for (int m = k; m < c->count && c->inst[m].side == in->side && owner < 0; m++) {
            if (c->inst[m].hold > 0) owner = m;
        }
        for (int m = k; m >= 0 && owner < 0; m--) {
            if (c->inst[m].side == in->side && c->inst[m].hold > 0) owner = m;
        }
        int n = 0;
        for (int m = 0; m <= owner; m++) n += c->inst[m].side == in->side && c->inst[m].hold > 0;
        in->hold_number = n;
        in->hold_total = totals[in->side];
        in->side_change = in->side != CONTENT_SIDE_NONE && last_side != CONTENT_SIDE_NONE &&
                          in->side != last_side;
        if (in->side != CONTENT_SIDE_NONE) last_side = in->side;
    }
}

bool choreo_build(choreo_t *c, const content_t *content, int exercise_index,
                  choreo_pacing_t pacing) {
    memset(c, 0, sizeof *c);
    c->content = content;
    c->exercise = exercise_index;
    c->pacing = pacing;
    c->breath_in = content->timing.breath_in_seconds;
    c->breath_out = content->timing.breath_out_seconds;
    const content_exercise_t *ex = exercise(c);
    int plays[CONTENT_MAX_PHASES] = {0};
    int span_end[CONTENT_MAX_PHASES];
    for (int p = 0; p < ex->phase_count; p++) span_end[p] = -1;
    for (int e = 0; e < ex->phase_count; e++) {
        for (int p = ex->phases[e].repeat_from; p >= 0 && p <= e; p++) span_end[p] = e;
    }
    float t = 0;
    int i = 0;
    while (i < ex->phase_count) {
        if (c->count == CHOREO_MAX_INSTANCES) { /* cut short, but whole up to there */
            c->duration = t;
            count_holds(c);
            return false;
        }
        const content_phase_t *ph = &ex->phases[i];
        choreo_instance_t *in = &c->inst[c->count];
        in->phase = i;
        in->repetition = span_end[i] >= 0 ? plays[span_end[i]] + 1 : 1;
        in->side = ph->side;
        in->start = t;
        in->move = ph->seconds;
        in->hold = hold_seconds(c, &ph->hold);
        float count = in->hold > 0 ? content->timing.get_ready_seconds : 0.0f;
        in->ready_from = fmaxf(0.0f, in->move - count);
        in->ready = fmaxf(0.0f, count - in->move);
        choreo_instance_t *before = c->count > 0 ? &c->inst[c->count - 1] : NULL;
        if (in->move <= 0 && in->hold > 0 && before && before->hold <= 0 && before->move > 0) {
            /* a hold that does not move counts in over the move before it */
            before->ready_for_next = true;
            before->ready_from = fmaxf(0.0f, before->move - count);
            in->ready = fmaxf(0.0f, count - before->move);
        }
        skel_pose_t key;
        key_pose(c, i, ph->side, &key);
        glm_vec3_copy(key.root_pos, in->root_pos);
        const choreo_instance_t *last = c->count > 0 ? &c->inst[c->count - 1] : NULL;
        if (ph->anchor < 0 && last && ex->phases[last->phase].pose == ph->pose &&
            last->side == ph->side) {
            /* the same pose again (a hold after a move): the body stays where it is */
            glm_vec3_copy((float *)last->root_pos, in->root_pos);
        } else if (ph->anchor >= 0 && last) {
            /* keep the anchor joint where the previous pose had it */
            skel_pose_t prev;
            skel_positions_t a, b;
            instance_pose(c, c->count - 1, &prev);
            skel_fk(&prev, &a);
            glm_vec3_zero(key.root_pos);
            skel_fk(&key, &b);
            glm_vec3_sub(a.p[ph->anchor], b.p[ph->anchor], in->root_pos);
        }
        c->count++;
        t += in->move + in->ready + in->hold;
        int times = pacing == CHOREO_PACING_DEMO ? 1 : ph->repeat_times;
        if (ph->repeat_from >= 0 && ++plays[i] < times) {
            i = ph->repeat_from;
        } else {
            plays[i] = 0;
            i++;
        }
    }
    c->duration = t;
    count_holds(c);
    int anchor = ex->phases[c->inst[0].phase].anchor;
    if (anchor >= 0 && c->count > 1) {
        skel_pose_t first, last;
        skel_positions_t a, b;
        instance_pose(c, 0, &first);
        instance_pose(c, c->count - 1, &last);
        skel_fk(&first, &a);
        skel_fk(&last, &b);
        c->anchor_first = glm_vec3_distance(a.p[anchor], b.p[anchor]) < 0.01f;
    }
    return true;
}

static int instance_at(const choreo_t *c, double t) {
    int lo = 0, hi = c->count - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (c->inst[mid].start <= t) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

/* How full the lungs are tb seconds into a breath (0..1): in over breath_in, out after. */
static float breath_shape(const choreo_t *c, float tb) {
    float u = tb < c->breath_in ? tb / c->breath_in : 1 - (tb - c->breath_in) / c->breath_out;
    return maths_smoothstep(u);
}

static void breathing(const choreo_t *c, float elapsed, int count, float *breath, int *index) {
    float cycle = c->breath_in + c->breath_out;
    int n = (int)floorf(elapsed / cycle);
    if (n >= count) n = count - 1;
    *breath = breath_shape(c, elapsed - (float)n * cycle);
    *index = n;
}

/* A calm breath while the figure is still (after its move, through the get-ready count and
 * a hold that is not counted in breaths): the paced breath's shape, faded in and out over
 * CHOREO_IDLE_RAMP at both ends of the stillness so it never starts or stops with a jump. */
static float idle_breath(const choreo_t *c, float still, float length) {
    if (length <= 0) return 0.0f;
    float ramp = fminf(CHOREO_IDLE_RAMP, length * 0.5f);
    float env = maths_smoothstep(fminf(still, length - still) / ramp);
    return breath_shape(c, fmodf(still, c->breath_in + c->breath_out)) * env;
}

/* The chest rises with a breath: the upper back bends a few degrees about the chest's own
 * side-to-side axis (so a twisted spine breathes without tilting the shoulders). */
static void breathe(skel_pose_t *p, float degrees) {
    versor lift, r;
    glm_quatv(lift, glm_rad(-degrees), (vec3){0, 0, 1});
    glm_quat_mul(p->rot[SKEL_CHEST], lift, r);
    glm_quat_copy(r, p->rot[SKEL_CHEST]);
}

void choreo_sample(const choreo_t *c, double t, choreo_state_t *out) {
    memset(out, 0, sizeof *out);
    if (c->count == 0) {
        skel_pose_rest(&out->pose);
        skel_fk(&out->pose, &out->pos);
        return;
    }
    if (c->duration > 0) {
        t = maths_wrap(t, c->duration);
    } else {
        t = 0;
    }
    const content_exercise_t *ex = exercise(c);
    int k = instance_at(c, t);
    int prev = k > 0 ? k - 1 : c->count - 1;
    const choreo_instance_t *in = &c->inst[k];
    const content_phase_t *ph = &ex->phases[in->phase];
    out->t = t;
    out->instance = k;
    out->phase = in->phase;
    out->phase_name = ph->name;
    out->step = ph->step;
    out->side = in->side;
    out->repetition = in->repetition;

    float local = (float)(t - in->start);
    float u = 1.0f; /* raw fraction through the move */
    out->hold_length = in->hold;
    out->move_t = 1.0f;
    if (local < in->move) {
        u = local / in->move;
        out->move_t = ease(ph->ease, u);
        out->moving = true;
    }
    out->hold_instance = k;
    if (in->ready_for_next && local >= in->ready_from) {
        out->ready = true;
        out->hold_instance = (k + 1) % c->count;
        out->ready_left = in->move - local + c->inst[out->hold_instance].ready;
    } else if (in->hold > 0 && local >= in->ready_from && local < in->move + in->ready) {
        out->ready = true;
        out->ready_left = in->move + in->ready - local;
    } else if (local >= in->move + in->ready) {
        out->holding = in->hold > 0;
        out->hold_elapsed = local - in->move - in->ready;
    }
    /* each part of the body at its own pace within the move (left phases swap the sides) */
    float e[SKEL_PART_NUM];
    for (int part = 0; part < SKEL_PART_NUM; part++) {
        int written = in->side == CONTENT_SIDE_LEFT ? skel_part_mirror(part) : part;
        float from = ph->part_from[written], to = ph->part_to[written];
        e[part] = ease(ph->ease, (u - from) / (to - from));
    }

    skel_pose_t a, b;
    instance_pose(c, prev, &a);
    instance_pose(c, k, &b);
    skel_pose_t *p = &out->pose;
    float et = e[SKEL_PART_HIPS];
    glm_quat_slerp(a.root_rot, b.root_rot, et, p->root_rot);
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        glm_quat_slerp(a.rot[j], b.rot[j], e[skel_part_of(j)], p->rot[j]);
    }
    float still = local - in->move, still_length = in->ready + in->hold;
    if (out->holding && ph->hold.kind == CONTENT_HOLD_BREATHS) {
        breathing(c, out->hold_elapsed, (int)ph->hold.count, &out->breath, &out->breath_index);
        breathe(p, CHOREO_BREATH_DEGREES * out->breath);
    } else if (still >= 0) {
        /* before a breathing hold, the calm breath ends where the counted breaths begin */
        if (ph->hold.kind == CONTENT_HOLD_BREATHS) still_length = in->ready;
        if (still < still_length)
            breathe(p, CHOREO_IDLE_DEGREES * idle_breath(c, still, still_length));
    }
    skel_positions_t pa, pb;
    skel_fk(&a, &pa);
    skel_fk(&b, &pb);
    if (ph->anchor >= 0 && (k > 0 || c->anchor_first)) {
        skel_positions_t now;
        glm_vec3_zero(p->root_pos);
        skel_fk(p, &now);
        glm_vec3_sub(pa.p[ph->anchor], now.p[ph->anchor], p->root_pos);
    } else {
        glm_vec3_lerp(a.root_pos, b.root_pos, et, p->root_pos);
    }
    skel_fk(p, &out->pos);
    const skel_positions_t *ends[2] = {&pa, &pb};
    solve_reach(c, prev, k, e, ends, p, &out->pos);
}

void choreo_key_positions(const choreo_t *c, int instance, skel_positions_t *out) {
    if (c->count == 0) {
        skel_pose_t rest;
        skel_pose_rest(&rest);
        skel_fk(&rest, out);
        return;
    }
    int k = ((instance % c->count) + c->count) % c->count;
    skel_pose_t p;
    instance_pose(c, k, &p);
    skel_fk(&p, out);
    static const float DONE[SKEL_PART_NUM] = {1, 1, 1, 1, 1, 1, 1};
    skel_positions_t own = *out;
    const skel_positions_t *ends[2] = {&own, &own};
    solve_reach(c, -1, k, DONE, ends, &p, out);
}

/* ---- Places and stops ------------------------------------------------------------------
 * Down/Up are a patient's "next" and "back". A step number alone does not say where that is:
 * knees to chest shows step 5 for nine repetitions a side, and the twist shows steps 2-4 on
 * both sides. So the routine is cut into stops, runs of instances in one place (step, side,
 * repetition), and Down/Up move one stop along the routine: the next step of the side and
 * repetition being done, and past its last one, what the routine does next (the other leg, the
 * next repetition, back to the centre). Down then Up, or Up then Down, comes back to the start
 * of the stop the patient was on: the same step, side and repetition. Instances that take no
 * time are never on screen and belong to no stop. */

static double wrap_time(const choreo_t *c, double t) { return maths_wrap(t, c->duration); }

static bool inst_shown(const choreo_t *c, int k) {
    const choreo_instance_t *in = &c->inst[k];
    return in->move + in->ready + in->hold > 0.0f;
}

static choreo_place_t inst_place(const choreo_t *c, int k) {
    const choreo_instance_t *in = &c->inst[k];
    return (choreo_place_t){exercise(c)->phases[in->phase].step, in->side, in->hold_number};
}

static bool place_equal(choreo_place_t a, choreo_place_t b) {
    return a.step == b.step && a.side == b.side && a.repetition == b.repetition;
}

/* The first instance of the stop that instance k is in. */
static int stop_first(const choreo_t *c, int k) {
    choreo_place_t p = inst_place(c, k);
    int first = k;
    for (int m = k - 1; m >= 0; m--) {
        if (!inst_shown(c, m)) continue;
        if (!place_equal(inst_place(c, m), p)) break;
        first = m;
    }
    return first;
}

choreo_place_t choreo_place_at(const choreo_t *c, double t) {
    if (c->count == 0) return (choreo_place_t){0, CONTENT_SIDE_NONE, 0};
    return inst_place(c, instance_at(c, wrap_time(c, t)));
}

double choreo_stop_start(const choreo_t *c, double t, int delta) {
    if (c->count == 0) return -1;
    int k = stop_first(c, instance_at(c, wrap_time(c, t)));
    for (; delta > 0; delta--) { /* the first shown instance in another place */
        choreo_place_t p = inst_place(c, k);
        int m = k + 1;
        while (m < c->count && (!inst_shown(c, m) || place_equal(inst_place(c, m), p))) m++;
        if (m >= c->count) return -1;
        k = m;
    }
    for (; delta < 0; delta++) { /* the stop that ends where this one starts */
        int m = k - 1;
        while (m >= 0 && !inst_shown(c, m)) m--;
        if (m < 0) return -1;
        k = stop_first(c, m);
    }
    return c->inst[k].start;
}

double choreo_place_start(const choreo_t *c, choreo_place_t place) {
    long best_score = -1;
    int best = -1;
    for (int k = 0; k < c->count; k++) {
        choreo_place_t p = inst_place(c, k);
        if (!inst_shown(c, k) || p.step != place.step) continue;
        /* the place itself, else its side at the nearest repetition, else the step anywhere */
        long score = place_equal(p, place)  ? 0
                     : p.side == place.side ? 1 + labs((long)p.repetition - place.repetition)
                                            : 1000000L;
        if (best < 0 || score < best_score) {
            best = k;
            best_score = score;
        }
    }
    return best < 0 ? -1 : c->inst[stop_first(c, best)].start;
}

int choreo_step_at(const choreo_t *c, double t) {
    if (c->count == 0) return 0;
    t = maths_wrap(t, c->duration);
    return exercise(c)->phases[c->inst[instance_at(c, t)].phase].step;
}

void choreo_blend(const choreo_state_t *a, const choreo_state_t *b, float w, choreo_state_t *out) {
    choreo_state_t r = *b;
    glm_quat_slerp((float *)a->pose.root_rot, (float *)b->pose.root_rot, w, r.pose.root_rot);
    glm_vec3_lerp((float *)a->pose.root_pos, (float *)b->pose.root_pos, w, r.pose.root_pos);
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        glm_quat_slerp((float *)a->pose.rot[j], (float *)b->pose.rot[j], w, r.pose.rot[j]);
    }
    skel_fk(&r.pose, &r.pos);
    *out = r;
}

int choreo_arrow_joint(const choreo_t *c, int instance) {
    if (c->count == 0) return -1;
    const choreo_instance_t *in = &c->inst[((instance % c->count) + c->count) % c->count];
    int j = exercise(c)->phases[in->phase].arrow;
    return j >= 0 && in->side == CONTENT_SIDE_LEFT ? skel_mirror(j) : j;
}
