/* cues: the moments a patient whose eyes are elsewhere is told of by a sound — breathe in,
 * breathe out, the last three seconds of a timed hold, a hold done, switch sides, the next
 * exercise — found by comparing the show after each fixed tick with the show the tick before.
 * Pure: no SDL, no GL, no clock, no allocation. */
#ifndef SK_CUES_H
#define SK_CUES_H

#include <stdbool.h>

#include "show.h"

typedef enum cue_kind_t {
    CUE_NONE = 0,
    CUE_BREATHE_IN,  /* a breath of a breathing hold begins (the hold's first included) */
    CUE_BREATHE_OUT, /* ... its breathing out */
    CUE_COUNT_3,     /* 3, 2 and 1 whole seconds are left of a timed hold */
    CUE_COUNT_2,
    CUE_COUNT_1,
    CUE_HOLD_DONE,     /* a hold (breaths, seconds, as long as you can) ends */
    CUE_SWITCH_SIDES,  /* the move to the other side begins */
    CUE_NEXT_EXERCISE, /* the show moves on to an exercise */
    CUE_KIND_NUM
} cue_kind_t;

#define CUES_MAX 4         /* most cues one tick gives */
#define CUES_MAX_STEP 0.25 /* s: the scene's time moving further in one tick is a jump */

/* The show as the last tick left it, reduced to what cues are made of. Zero it (cues_init)
 * before the first tick; it belongs to one show. */
typedef struct cues_t {
    bool valid;               /* a tick has been seen */
    const content_t *content; /* a reload starts afresh */
    const choreo_t *choreo;   /* the routine played; NULL outside an exercise */
    unsigned scene_serial;    /* show_t.scene_serial: a new scene, even the same one again */
    double time;              /* s, the scene's time */
    int instance;             /* the routine's move or hold */
    bool holding;
    bool inhaling;     /* in a breathing hold, breathing in */
    int hold_left;     /* in a timed hold, whole seconds left (rounded up); else 0 */
    bool switch_sides; /* the counter says "Switch sides" */
} cues_t;

void cues_init(cues_t *cues);

/* Call after every show_update (and only then): writes the cues crossed since the last call
 * into out (at most max; a hold's end before the next hold's first breath) and returns how
 * many. None while the show is
 * paused or counting back in, none for a scene's time that jumps (Up/Down, a visitor taking
 * over a kiosk, a content reload: the show goes on from there), and none for the outgoing
 * scene of a transition. A timed hold ticks when 3, 2 and 1 s are left of the hold as played
 * (in follow pacing the counter's own seconds; in demo pacing the end of the shortened hold). */
int cues_update(cues_t *cues, const show_t *show, cue_kind_t *out, int max);

/* "breathe-in", "count-3", … (tests and logs). */
const char *cue_kind_name(cue_kind_t kind);

#endif
