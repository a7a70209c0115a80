/* skeleton: rest pose, forward kinematics and two-bone IK of the stick figure (skeleton.h).
 * Pure: cglm and libc only. */
#include "skeleton.h"

#include <math.h>
#include <string.h>

typedef struct joint_def_t {
    const char *name;
    int parent;
    float offset[3]; /* from the parent, rest pose, metres: x forward, y up, z right */
    int mirror;
} joint_def_t;

/* A 1.70 m adult: ankle 0.07 + shin 0.41 + thigh 0.43 + hip drop 0.06 + spine 0.33 + neck
 * 0.17 + head 0.13 + head radius 0.10 = 1.70 m. */
static const joint_def_t JOINTS[SKEL_JOINT_NUM] = {
    [SKEL_PELVIS] = {"pelvis", -1, {0, 0, 0}, SKEL_PELVIS},
    [SKEL_CHEST] = {"chest", SKEL_PELVIS, {0, 0.33f, 0}, SKEL_CHEST},
    [SKEL_NECK] = {"neck", SKEL_CHEST, {0, 0.17f, 0}, SKEL_NECK},
    [SKEL_HEAD] = {"head", SKEL_NECK, {0, 0.13f, 0}, SKEL_HEAD},
    [SKEL_NOSE] = {"nose", SKEL_HEAD, {0.10f, -0.01f, 0}, SKEL_NOSE},
    [SKEL_SHOULDER_L] = {"shoulder_l", SKEL_CHEST, {0, 0.11f, -0.19f}, SKEL_SHOULDER_R},
    [SKEL_ELBOW_L] = {"elbow_l", SKEL_SHOULDER_L, {0, -0.29f, 0}, SKEL_ELBOW_R},
    [SKEL_HAND_L] = {"hand_l", SKEL_ELBOW_L, {0, -0.30f, 0}, SKEL_HAND_R},
    [SKEL_SHOULDER_R] = {"shoulder_r", SKEL_CHEST, {0, 0.11f, 0.19f}, SKEL_SHOULDER_L},
    [SKEL_ELBOW_R] = {"elbow_r", SKEL_SHOULDER_R, {0, -0.29f, 0}, SKEL_ELBOW_L},
    [SKEL_HAND_R] = {"hand_r", SKEL_ELBOW_R, {0, -0.30f, 0}, SKEL_HAND_L},
    [SKEL_HIP_L] = {"hip_l", SKEL_PELVIS, {0, -0.06f, -0.09f}, SKEL_HIP_R},
    [SKEL_KNEE_L] = {"knee_l", SKEL_HIP_L, {0, -0.43f, 0}, SKEL_KNEE_R},
    [SKEL_ANKLE_L] = {"ankle_l", SKEL_KNEE_L, {0, -0.41f, 0}, SKEL_ANKLE_R},
    [SKEL_TOE_L] = {"toe_l", SKEL_ANKLE_L, {0.15f, -0.05f, 0}, SKEL_TOE_R},
    [SKEL_HIP_R] = {"hip_r", SKEL_PELVIS, {0, -0.06f, 0.09f}, SKEL_HIP_L},
    [SKEL_KNEE_R] = {"knee_r", SKEL_HIP_R, {0, -0.43f, 0}, SKEL_KNEE_L},
    [SKEL_ANKLE_R] = {"ankle_r", SKEL_KNEE_R, {0, -0.41f, 0}, SKEL_ANKLE_L},
    [SKEL_TOE_R] = {"toe_r", SKEL_ANKLE_R, {0.15f, -0.05f, 0}, SKEL_TOE_L},
};

/* Standing: pelvis height so the toes touch the floor. */
#define REST_PELVIS_Y 0.97f

#define SKEL_IK_SOFT 0.03f /* share of a limb's length over which it eases straight */

const char *skel_joint_name(int j) { return j >= 0 && j < SKEL_JOINT_NUM ? JOINTS[j].name : ""; }

int skel_joint_find(const char *name, size_t len) {
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        if (strlen(JOINTS[j].name) == len && !memcmp(JOINTS[j].name, name, len)) return j;
    }
    return -1;
}

int skel_part_of(int j) {
    switch (j) {
    case SKEL_NECK:
    case SKEL_HEAD:
    case SKEL_NOSE: return SKEL_PART_HEAD;
    case SKEL_SHOULDER_L:
    case SKEL_ELBOW_L:
    case SKEL_HAND_L: return SKEL_PART_ARM_L;
    case SKEL_SHOULDER_R:
    case SKEL_ELBOW_R:
    case SKEL_HAND_R: return SKEL_PART_ARM_R;
    case SKEL_HIP_L:
    case SKEL_KNEE_L:
    case SKEL_ANKLE_L:
    case SKEL_TOE_L: return SKEL_PART_LEG_L;
    case SKEL_HIP_R:
    case SKEL_KNEE_R:
    case SKEL_ANKLE_R:
    case SKEL_TOE_R: return SKEL_PART_LEG_R;
    default: return SKEL_PART_SPINE;
    }
}

int skel_part_mirror(int part) {
    switch (part) {
    case SKEL_PART_ARM_L: return SKEL_PART_ARM_R;
    case SKEL_PART_ARM_R: return SKEL_PART_ARM_L;
    case SKEL_PART_LEG_L: return SKEL_PART_LEG_R;
    case SKEL_PART_LEG_R: return SKEL_PART_LEG_L;
    default: return part;
    }
}

const char *skel_part_name(int part) {
    static const char *const NAMES[SKEL_PART_NUM] = {"hips",  "spine", "head", "arm_l",
                                                     "arm_r", "leg_l", "leg_r"};
    return part >= 0 && part < SKEL_PART_NUM ? NAMES[part] : "";
}

int skel_parent(int j) { return JOINTS[j].parent; }
int skel_mirror(int j) { return JOINTS[j].mirror; }

float skel_bone_length(int j) {
    const float *o = JOINTS[j].offset;
    return sqrtf(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]);
}

bool skel_joint_rotates(int j) {
    return j != SKEL_NOSE && j != SKEL_HAND_L && j != SKEL_HAND_R && j != SKEL_TOE_L &&
           j != SKEL_TOE_R;
}

void skel_pose_rest(skel_pose_t *pose) {
    memset(pose, 0, sizeof *pose);
    pose->root_pos[1] = REST_PELVIS_Y;
    glm_quat_identity(pose->root_rot);
    for (int j = 0; j < SKEL_JOINT_NUM; j++) glm_quat_identity(pose->rot[j]);
}

void skel_euler_deg(const float deg[3], versor dest) {
    versor qx, qy, qz, t;
    glm_quatv(qx, glm_rad(deg[0]), (vec3){1, 0, 0});
    glm_quatv(qy, glm_rad(deg[1]), (vec3){0, 1, 0});
    glm_quatv(qz, glm_rad(deg[2]), (vec3){0, 0, 1});
    glm_quat_mul(qz, qy, t);
    glm_quat_mul(t, qx, dest);
}

/* The frame a joint's offset is expressed in: its parent's, except that the hips hang from
 * the pelvis itself (root orientation), not from the lower back's bend. */
static void parent_frame(const skel_pose_t *pose, const skel_positions_t *out, int j, versor dest) {
    int p = JOINTS[j].parent;
    if (p == SKEL_PELVIS && (j == SKEL_HIP_L || j == SKEL_HIP_R)) {
        glm_quat_copy((float *)pose->root_rot, dest);
    } else {
        glm_quat_copy((float *)out->frame[p], dest);
    }
}

void skel_fk(const skel_pose_t *pose, skel_positions_t *out) {
    glm_vec3_copy((float *)pose->root_pos, out->p[SKEL_PELVIS]);
    glm_quat_mul((float *)pose->root_rot, (float *)pose->rot[SKEL_PELVIS], out->frame[SKEL_PELVIS]);
    /* joints are listed parents first */
    for (int j = 1; j < SKEL_JOINT_NUM; j++) {
        versor pf;
        parent_frame(pose, out, j, pf);
        vec3 off, d;
        glm_vec3_copy((float *)JOINTS[j].offset, off);
        glm_quat_rotatev(pf, off, d);
        glm_vec3_add(out->p[JOINTS[j].parent], d, out->p[j]);
        glm_quat_mul(pf, (float *)pose->rot[j], out->frame[j]);
    }
}

void skel_pose_mirror(const skel_pose_t *in, skel_pose_t *out) {
    skel_pose_t m;
    /* reflecting z: a rotation (x, y, z, w) becomes (-x, -y, z, w) */
    glm_vec3_copy((float *)in->root_pos, m.root_pos);
    m.root_pos[2] = -m.root_pos[2];
    glm_quat_copy((float *)in->root_rot, m.root_rot);
    m.root_rot[0] = -m.root_rot[0];
    m.root_rot[1] = -m.root_rot[1];
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        versor q;
        glm_quat_copy((float *)in->rot[j], q);
        q[0] = -q[0];
        q[1] = -q[1];
        glm_quat_copy(q, m.rot[JOINTS[j].mirror]);
    }
    *out = m;
}

/* Turns joint j so that its child bone, now pointing along `from` (world), points along `to`. */
static void aim(skel_pose_t *pose, const skel_positions_t *pos, int j, vec3 from, vec3 to) {
    vec3 a, b;
    glm_vec3_normalize_to(from, a);
    glm_vec3_normalize_to(to, b);
    versor delta, pf, pf_inv, world, local;
    /* the shortest turn from a to b, exact for small angles too (glm_quat_from_vecs snaps
     * angles under about 0.03 degrees to none, which shows as a flicker of the limb) */
    vec3 axis;
    glm_vec3_cross(a, b, axis);
    float s = glm_vec3_norm(axis), c = glm_vec3_dot(a, b);
    if (s < 1e-7f && c > 0) {
        glm_quat_identity(delta);
    } else if (s < 1e-7f) { /* opposite: half a turn about any axis across a */
        glm_vec3_ortho(a, axis);
        glm_vec3_normalize(axis);
        glm_quatv(delta, GLM_PIf, axis);
    } else {
        glm_quatv(delta, atan2f(s, c), axis);
    }
    glm_quat_mul(delta, (float *)pos->frame[j], world); /* new world frame of j */
    parent_frame(pose, pos, j, pf);
    glm_quat_inv(pf, pf_inv);
    glm_quat_mul(pf_inv, world, local);
    glm_quat_normalize(local);
    glm_quat_copy(local, pose->rot[j]);
}

void skel_natural_bend(const skel_positions_t *pos, int end, vec3 out) {
    int mid = JOINTS[end].parent, up = JOINTS[mid].parent;
    vec3 v = {mid == SKEL_KNEE_L || mid == SKEL_KNEE_R ? 1.0f : -1.0f, 0, 0};
    glm_quat_rotatev((float *)pos->frame[up], v, out);
}

/* Turns the upper bone about its own axis so its joint bends in the plane of `bend`: an elbow
 * or knee only hinges one way, so the limb's twist decides where it can go. */
static void twist_to_bend(skel_pose_t *pose, skel_positions_t *pos, int end, vec3 axis, vec3 bend) {
    int mid = JOINTS[end].parent, up = JOINTS[mid].parent;
    vec3 u, natural, want, now_p, want_p, cross;
    glm_vec3_normalize_to(axis, u);
    skel_natural_bend(pos, end, natural);
    glm_vec3_copy(natural, now_p);
    glm_vec3_muladds(u, -glm_vec3_dot(natural, u), now_p);
    glm_vec3_copy(bend, want);
    glm_vec3_muladds(u, -glm_vec3_dot(bend, u), want);
    glm_vec3_copy(want, want_p);
    if (glm_vec3_norm(now_p) < 1e-4f || glm_vec3_norm(want_p) < 1e-4f) return;
    glm_vec3_normalize(now_p);
    glm_vec3_normalize(want_p);
    glm_vec3_cross(now_p, want_p, cross);
    float angle = atan2f(glm_vec3_dot(cross, u), glm_vec3_dot(now_p, want_p));
    versor twist, world, pf, pf_inv, local;
    glm_quatv(twist, angle, u);
    glm_quat_mul(twist, pos->frame[up], world);
    parent_frame(pose, pos, up, pf);
    glm_quat_inv(pf, pf_inv);
    glm_quat_mul(pf_inv, world, local);
    glm_quat_normalize(local);
    glm_quat_copy(local, pose->rot[up]);
    skel_fk(pose, pos);
}

void skel_ik_two_bone(skel_pose_t *pose, skel_positions_t *pos, int end, const float target[3],
                      const float *pole) {
    int mid = JOINTS[end].parent, up = JOINTS[mid].parent;
    float a = skel_bone_length(mid), b = skel_bone_length(end);
    vec3 pu, pm, t;
    glm_vec3_copy(pos->p[up], pu);
    glm_vec3_copy(pos->p[mid], pm);
    glm_vec3_copy((float *)target, t);
    versor end_world; /* hand or foot keeps its world orientation */
    glm_quat_copy(pos->frame[end], end_world);

    vec3 to_t;
    glm_vec3_sub(t, pu, to_t);
    float d = glm_vec3_norm(to_t);
    float dmin = fabsf(a - b) + 1e-4f, dmax = a + b - 1e-4f;
    if (d < 1e-6f) return;
    vec3 dir;
    glm_vec3_scale(to_t, 1.0f / d, dir);
    /* soft reach: the last SKEL_IK_SOFT of the limb's length is approached exponentially, so
     * a limb straightens smoothly instead of snapping straight (an elbow that locks out at
     * once, or unlocks at once as a straight arm's hand lifts, pops) */
    float soft = SKEL_IK_SOFT * (a + b);
    if (d > dmax - soft) d = dmax - soft * expf(-(d - (dmax - soft)) / soft);
    d = glm_clamp(d, dmin, dmax);

    /* bend direction: the way the joint bends — knees forward of the thigh, elbows behind the
     * upper arm, in the limb's current frame — or toward the pole when given; if that is
     * along the limb, where the middle joint is now; else anything */
    vec3 bend;
    skel_natural_bend(pos, end, bend);
    if (pole) {
        vec3 towards;
        glm_vec3_copy((float *)pole, towards);
        glm_vec3_muladds(dir, -glm_vec3_dot(towards, dir), towards);
        if (glm_vec3_norm(towards) > 1e-3f) glm_vec3_copy(towards, bend);
    }
    glm_vec3_muladds(dir, -glm_vec3_dot(bend, dir), bend);
    if (glm_vec3_norm(bend) < 1e-3f) {
        glm_vec3_sub(pm, pu, bend);
        glm_vec3_muladds(dir, -glm_vec3_dot(bend, dir), bend);
    }
    if (glm_vec3_norm(bend) < 1e-6f) {
        vec3 any = {0, 1, 0};
        if (fabsf(dir[1]) > 0.9f) glm_vec3_copy((vec3){1, 0, 0}, any);
        glm_vec3_cross(dir, any, bend);
    }
    glm_vec3_normalize(bend);
    float cos_a = glm_clamp((a * a + d * d - b * b) / (2 * a * d), -1.0f, 1.0f);
    float sin_a = sqrtf(1 - cos_a * cos_a);
    vec3 want_m, want_e;
    glm_vec3_scale(dir, a * cos_a, want_m);
    glm_vec3_muladds(bend, a * sin_a, want_m);
    glm_vec3_add(want_m, pu, want_m);
    glm_vec3_scale(dir, d, want_e);
    glm_vec3_add(want_e, pu, want_e);

    vec3 cur_upper, new_upper;
    glm_vec3_sub(pm, pu, cur_upper);
    glm_vec3_sub(want_m, pu, new_upper);
    aim(pose, pos, up, cur_upper, new_upper);
    skel_fk(pose, pos);
    twist_to_bend(pose, pos, end, new_upper, bend);
    vec3 cur_lower, new_lower;
    glm_vec3_sub(pos->p[end], pos->p[mid], cur_lower);
    glm_vec3_sub(want_e, pos->p[mid], new_lower);
    aim(pose, pos, mid, cur_lower, new_lower);
    skel_fk(pose, pos);
    /* keep the hand or foot as it was in the world */
    versor pf, pf_inv;
    parent_frame(pose, pos, end, pf);
    glm_quat_inv(pf, pf_inv);
    glm_quat_mul(pf_inv, end_world, pose->rot[end]);
    glm_quat_normalize(pose->rot[end]);
    skel_fk(pose, pos);
}
