/* countdown: what the follow-along counter shows at a moment of a routine — breaths left with
 * the breath pacer, seconds left of a timed hold (with the page's minimum marked), seconds held
 * of an as-long-as-you-can hold, a get-ready count before each hold, the repetition and side.
 * A pure function of the choreography's state. Pure: no SDL, no GL, no clock. */
#ifndef SK_COUNTDOWN_H
#define SK_COUNTDOWN_H

#include "choreo.h"

typedef enum countdown_kind_t {
    COUNTDOWN_NONE = 0,
    COUNTDOWN_BREATHS,   /* deep breaths left */
    COUNTDOWN_SECONDS,   /* seconds left of a timed hold */
    COUNTDOWN_STOPWATCH, /* seconds held, counting up */
    COUNTDOWN_REPS,      /* repetition n of the target (between holds) */
    COUNTDOWN_KIND_NUM
} countdown_kind_t;

typedef enum countdown_stage_t {
    COUNTDOWN_MOVING = 0, /* moving into or out of a pose */
    COUNTDOWN_GET_READY,  /* the short count before a hold */
    COUNTDOWN_HOLDING,
    COUNTDOWN_STAGE_NUM
} countdown_stage_t;

typedef struct countdown_t {
    countdown_kind_t kind;
    countdown_stage_t stage;
    content_hold_kind_t hold_kind; /* the hold this moment belongs to (labels its target) */
    int count;      /* breaths: the breath now (1-based); seconds/stopwatch: whole seconds
                        held; reps: the repetition */
    int target;     /* the page's target: 10 breaths, 30 s, 10 repetitions; 0 = open */
    int target_min; /* the page's lower figure: 20 of "20 to 30 s"; = target otherwise */
    int remaining;  /* breaths or seconds or repetitions left, counting down to 1; 0 = none */
    int shown;      /* breaths or whole seconds this hold lasts as shown: the target, or
                        fewer where demo pacing cuts it short (what `remaining` counts) */
    bool shortened; /* demo pacing cut this hold short of the page's target */
    int ready_left; /* get-ready numeral, 3..1 */
    float progress; /* 0..1 of the ring filled */
    float min_mark; /* 0..1 where the ring marks the lower figure; < 0 none */
    float breath;   /* 0..1 lungs filled (the pacer's size) */
    bool inhaling;
    int repetition;  /* 1-based hold number on this side */
    int repetitions; /* holds on this side in the routine */
    content_side_t side;
    bool switch_sides; /* moving to the other side after working one */
} countdown_t;

void countdown_compute(const choreo_t *choreo, const choreo_state_t *state, countdown_t *out);

/* What the ring shows at this moment, in the content's words: writes its numeral into num
 * ("" when it shows none) and returns the words under it — "Get ready", breaths or seconds
 * left, seconds held, the repetition — never NULL with a numeral: a numeral always says what
 * it counts. The singular is used for 1 where the content gives one (breath_left, …); the
 * repetition's word, where the content gives none, is its repetition label's words before
 * {n} ("Repetition"), written into words. */
const char *countdown_ring_text(const content_t *content, const countdown_t *cd, char *num,
                                size_t num_size, char *words, size_t words_size);

/* "breaths", "seconds", "stopwatch", "reps" or "none" (for --dump-pose). */
const char *countdown_kind_name(countdown_kind_t kind);

#endif
