/* choreo: an exercise's choreography (content phases) laid out in time, and the figure's pose,
 * step, side and hold at any time t — a pure function of t, so the highlighted step and the
 * figure always agree. Moves ease joint angles between poses; an anchor joint stays put;
 * hands and feet reach their targets through two-bone IK; the chest rises with each breath of
 * a breathing hold. Pure: no SDL, no GL, no clock, no allocation. */
#ifndef SK_CHOREO_H
#define SK_CHOREO_H

#include "content.h"
#include "skeleton.h"

#define CHOREO_MAX_INSTANCES 256

/* How a routine is paced: the page's real counts, or the kiosk's demo (every movement on both
 * sides, holds at real speed but cut short, repeats played once). */
typedef enum choreo_pacing_t {
    CHOREO_PACING_FOLLOW = 0,
    CHOREO_PACING_DEMO,
    CHOREO_PACING_NUM
} choreo_pacing_t;
#define CHOREO_BREATH_DEGREES 4.0f /* upper-back flexion at the top of a breath */
#define CHOREO_IDLE_DEGREES 1.5f   /* ... of a calm breath while the figure is still */
#define CHOREO_IDLE_RAMP 0.8f      /* s: the calm breath fades in and out at a still's ends */
#define CHOREO_LIFT_MIN 0.03f      /* m: a hand or foot that moves this far is lifted */
#define CHOREO_LIFT_MAX 0.12f      /* m: the highest a lifted hand or foot goes */

/* One play of a phase: phases repeat (repeat: {from, times}), so a routine is a list of these. */
typedef struct choreo_instance_t {
    int phase;           /* index into the exercise's phases */
    int repetition;      /* 1-based play of its repeat span (1 outside spans) */
    content_side_t side; /* the phase's side (left mirrors the right-side pose) */
    float start;         /* s from the routine's start */
    float move;          /* s moving into the pose */
    float ready_from;    /* s into the instance where the get-ready count starts: it runs
                          * through the end of the move, so the count and the move overlap */
    float ready;         /* s of that count left after the move, before the hold (0 when the
                          * move is longer than the count, or without a hold) */
    bool ready_for_next; /* the count from ready_from is for the next instance's hold: a hold
                          * phase that does not move counts in over the move before it */
    float hold;          /* s holding it (cut short in demo pacing) */
    int hold_number;     /* 1-based: which hold of its side this is (or the last one before) */
    int hold_total;      /* holds of its side in the whole routine */
    bool side_change;    /* the first move on a side after working the other */
    vec3 root_pos;       /* pelvis at the end of the move (anchors resolved) */
} choreo_instance_t;

typedef struct choreo_t {
    const content_t *content;
    int exercise;
    choreo_pacing_t pacing;
    float breath_in, breath_out; /* s, from content timing */
    choreo_instance_t inst[CHOREO_MAX_INSTANCES];
    int count;
    float duration;    /* s, one whole routine */
    bool anchor_first; /* the first move keeps its anchor where the routine's last pose has it
                        * (only when the routine ends where it began: else its place would
                        * jump between the first move and the second) */
} choreo_t;

typedef struct choreo_state_t {
    double t; /* s into the routine, wrapped */
    int instance;
    int phase;
    const char *phase_name;
    int step; /* 0-based step shown */
    content_side_t side;
    int repetition;
    float move_t;      /* 0..1 through the move (eased) */
    bool moving;       /* in the move into the pose (ghosts and arrow are shown) */
    bool ready;        /* in the get-ready count before a hold (also while moving) */
    float ready_left;  /* s left of the get-ready count */
    int hold_instance; /* the instance whose hold the count is for: this one, or the next
                           * while counting in over the move before it */
    bool holding;
    float hold_elapsed; /* s into the hold */
    float hold_length;  /* s the hold lasts in this pacing */
    float breath;       /* 0..1 lungs filled (breathing holds), else 0 */
    int breath_index;   /* 0-based breath of a breathing hold */
    skel_pose_t pose;
    skel_positions_t pos;
} choreo_state_t;

/* Lays out the routine of content->exercises[exercise] in a pacing. False if it would exceed
 * CHOREO_MAX_INSTANCES (the routine is then cut there). */
bool choreo_build(choreo_t *c, const content_t *content, int exercise, choreo_pacing_t pacing);

/* Blends two states' poses (w = 0 gives a, 1 gives b), bones kept whole; the rest is b's. */
void choreo_blend(const choreo_state_t *a, const choreo_state_t *b, float w, choreo_state_t *out);

/* The state at time t (seconds; wraps around the routine). */
void choreo_sample(const choreo_t *c, double t, choreo_state_t *out);

/* The pose an instance moves to (key = instance) or from (key = instance - 1, wrapping),
 * fully solved (reach targets met), for ghosts and arrows. */
void choreo_key_positions(const choreo_t *c, int instance, skel_positions_t *out);

/* The joint whose path the arrow of an instance's move follows (the phase's `arrow`, mirrored
 * for the left side), or -1 when the phase names none. */
int choreo_arrow_joint(const choreo_t *c, int instance);

/* The 0-based step shown at time t (wrapping); cheap: no pose is computed. */
int choreo_step_at(const choreo_t *c, double t);

/* Where a patient is in a routine: the step shown, the side worked and the repetition the
 * counter gives (the instance's hold_number, "Right side, Repetition 4"). A routine is a row
 * of stops: runs of instances in one place, in time order. Down/Up move one stop. */
typedef struct choreo_place_t {
    int step; /* 0-based */
    content_side_t side;
    int repetition; /* the hold_number (0 where its side has no holds) */
} choreo_place_t;

/* The place shown at time t (wrapping). */
choreo_place_t choreo_place_at(const choreo_t *c, double t);

/* Start time of the stop `delta` stops after (delta < 0: before) the one shown at time t;
 * delta 0 gives that stop's own start. -1 past either end of the routine (no wrapping). */
double choreo_stop_start(const choreo_t *c, double t, int delta);

/* Start time of the stop in `place`; else of the place's step on its side at the nearest
 * repetition (then the nearest in order on that side); else of the step's first stop; -1 if
 * the routine never shows the step. For a routine played in another pacing or rebuilt from
 * edited content: the patient keeps their side and repetition where the routine has them. */
double choreo_place_start(const choreo_t *c, choreo_place_t place);

#endif
