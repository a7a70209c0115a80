/* skeleton: the stick figure's body — 19 joints of a 1.70 m adult (y up, metres, floor at
 * y = 0, facing +x in the rest pose, the figure's right side toward +z), forward kinematics
 * with cglm quaternions over that rest pose, and two-bone IK for arms and legs.
 * Pure: cglm and libc only; no SDL, no GL. */
#ifndef SK_SKELETON_H
#define SK_SKELETON_H

#include <cglm/cglm.h>
#include <stdbool.h>

typedef enum skel_joint_t {
    SKEL_PELVIS = 0,
    SKEL_CHEST,
    SKEL_NECK,
    SKEL_HEAD,
    SKEL_NOSE,
    SKEL_SHOULDER_L,
    SKEL_ELBOW_L,
    SKEL_HAND_L,
    SKEL_SHOULDER_R,
    SKEL_ELBOW_R,
    SKEL_HAND_R,
    SKEL_HIP_L,
    SKEL_KNEE_L,
    SKEL_ANKLE_L,
    SKEL_TOE_L,
    SKEL_HIP_R,
    SKEL_KNEE_R,
    SKEL_ANKLE_R,
    SKEL_TOE_R,
    SKEL_JOINT_NUM
} skel_joint_t;

#define SKEL_HEIGHT 1.70f      /* m, floor to the top of the head in the rest pose */
#define SKEL_HEAD_RADIUS 0.10f /* m */

/* Parts of the body that a move may time on their own (a phase's `timing`): the hips (where
 * the pelvis is and how it is turned: the whole body's place), the spine (the bend of the
 * lower and upper back), the head (neck, head) and each arm and leg with its hand or foot. */
typedef enum skel_part_t {
    SKEL_PART_HIPS = 0,
    SKEL_PART_SPINE,
    SKEL_PART_HEAD,
    SKEL_PART_ARM_L,
    SKEL_PART_ARM_R,
    SKEL_PART_LEG_L,
    SKEL_PART_LEG_R,
    SKEL_PART_NUM
} skel_part_t;

/* The part a joint's rotation belongs to (the pelvis's own rotation bends the lower back:
 * the spine). */
int skel_part_of(int joint);
/* The same part on the other side (arm_l <-> arm_r); itself for the midline parts. */
int skel_part_mirror(int part);
/* Names as used in content ("hips", "spine", "arm_r", ...). */
const char *skel_part_name(int part);

/* Names as used in content and --dump-pose ("pelvis", "knee_r", ...). */
const char *skel_joint_name(int joint);
/* Joint index of a name, or -1. */
int skel_joint_find(const char *name, size_t len);
/* Parent joint (-1 for the pelvis, the root). */
int skel_parent(int joint);
/* Length of the bone from the parent to this joint, metres (0 for the root). */
float skel_bone_length(int joint);
/* The same joint on the other side (knee_l <-> knee_r); itself for the midline. */
int skel_mirror(int joint);
/* True for joints whose rotation moves something (not hands, toes or the nose). */
bool skel_joint_rotates(int joint);

/* A pose: where the pelvis is and how it is turned, and each joint's rotation relative to its
 * parent's frame. A joint's rotation turns everything distal to it (knee_r bends the shin;
 * pelvis bends the lower back, carrying chest, arms and head but not the hips; head turns the
 * face). Identity rotations give the rest pose: standing, arms by the sides. */
typedef struct skel_pose_t {
    vec3 root_pos;              /* pelvis, world metres */
    versor root_rot;            /* whole-body orientation */
    versor rot[SKEL_JOINT_NUM]; /* local rotation at each joint */
} skel_pose_t;

typedef struct skel_positions_t {
    vec3 p[SKEL_JOINT_NUM];       /* world metres */
    versor frame[SKEL_JOINT_NUM]; /* world orientation of each joint's frame */
} skel_positions_t;

void skel_pose_rest(skel_pose_t *pose);
void skel_fk(const skel_pose_t *pose, skel_positions_t *out);

/* Rotation from Euler angles in degrees, applied X (forward axis) then Y (up) then Z (right),
 * in the parent's frame. */
void skel_euler_deg(const float deg[3], versor dest);

/* Mirrors a pose across the body's midplane (right <-> left). */
void skel_pose_mirror(const skel_pose_t *in, skel_pose_t *out);

/* The direction the middle joint of the limb ending at `end_joint` naturally bends toward
 * (knees forward of the thigh, elbows behind the upper arm), in world space. */
void skel_natural_bend(const skel_positions_t *pos, int end_joint, vec3 out);

/* Two-bone IK: changes the rotations of the limb ending at `end_joint` (hand or ankle) — at
 * its upper joint (shoulder or hip) and middle joint (elbow or knee) — so the end reaches
 * `target` (world), the middle joint bending toward `pole` (a world direction) when given, else
 * the way it bends now. The last 3 % of the limb's reach is eased (soft IK): a target there is
 * fallen short of by up to 3 % of the limb's length (1.8 cm for an arm), and a limb never locks
 * straight with a snap; farther targets are approached with the limb nearly straight. The hand
 * or foot keeps its world orientation, so a planted foot stays flat. Updates pose and
 * positions (FK is redone). */
void skel_ik_two_bone(skel_pose_t *pose, skel_positions_t *pos, int end_joint,
                      const float target[3], const float *pole);

#endif
