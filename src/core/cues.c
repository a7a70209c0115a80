/* cues: sound cues from the show's ticks (see cues.h). Each tick the moment on screen is
 * reduced to a few numbers (the counter's own, from countdown_compute, so a cue and the
 * counter change on the same tick) and compared with the last tick's: a cue is an edge
 * between the two, so it is given once, and only when time went on by one small step.
 * Pure: no SDL, no GL, no clock, no allocation. */
#include "cues.h"

#include <math.h>
#include <string.h>

#include "countdown.h"

const char *cue_kind_name(cue_kind_t kind) {
    static const char *const names[CUE_KIND_NUM] = {"none",      "breathe-in",   "breathe-out",
                                                    "count-3",   "count-2",      "count-1",
                                                    "hold-done", "switch-sides", "next-exercise"};
    return kind >= 0 && kind < CUE_KIND_NUM ? names[kind] : "none";
}

void cues_init(cues_t *cues) { memset(cues, 0, sizeof *cues); }

/* The moment on screen: the scene, and within an exercise its counter's state. */
static void moment(const show_t *s, cues_t *m) {
    const show_view_t *v = &s->view;
    memset(m, 0, sizeof *m);
    m->valid = true;
    m->content = s->content;
    m->scene_serial = s->scene_serial;
    m->time = v->time;
    if (v->scene.kind != SCENE_EXERCISE || !v->choreos) return;
    const choreo_t *ch = &v->choreos[v->scene.exercise];
    m->choreo = ch;
    choreo_state_t st;
    countdown_t cd;
    choreo_sample(ch, v->time, &st);
    countdown_compute(ch, &st, &cd);
    m->instance = st.instance;
    m->holding = st.holding;
    /* (the very end of a hold reads as the next breath's start: not a breath) */
    m->inhaling = st.holding && cd.kind == COUNTDOWN_BREATHS && cd.inhaling &&
                  st.hold_elapsed < st.hold_length - 1e-3f;
    if (st.holding && cd.kind == COUNTDOWN_SECONDS) { /* the counter's remaining, of the hold
                                                       * as played */
        m->hold_left = (int)ceilf(st.hold_length - st.hold_elapsed - 1e-4f);
        if (m->hold_left < 1) m->hold_left = 1;
    }
    m->switch_sides = cd.switch_sides;
}

int cues_update(cues_t *cues, const show_t *show, cue_kind_t *out, int max) {
    cues_t was = *cues;
    cues_t *now = cues;
    moment(show, now);
    int n = 0;
#define CUE(kind)                     \
    do {                              \
        if (n < max) out[n++] = kind; \
    } while (0)
    if (!was.valid || was.content != now->content || show_frozen(show)) return 0;
    if (now->scene_serial != was.scene_serial) { /* a new scene: only its own start */
        if (now->choreo) CUE(CUE_NEXT_EXERCISE);
        return n;
    }
    double step = now->time - was.time;
    if (!now->choreo || now->choreo != was.choreo || step <= 0.0 || step > CUES_MAX_STEP) {
        return 0; /* not an exercise, other routines, or a jump: go on from here */
    }
    bool same = now->instance == was.instance;
    bool held = was.holding && same && now->holding; /* the same hold goes on */
    if (was.holding && !held) CUE(CUE_HOLD_DONE);
    if (now->inhaling && !(held && was.inhaling)) CUE(CUE_BREATHE_IN);
    if (held && was.inhaling && !now->inhaling) CUE(CUE_BREATHE_OUT);
    if (held && now->hold_left < was.hold_left && now->hold_left >= 1 && now->hold_left <= 3) {
        CUE(now->hold_left == 3 ? CUE_COUNT_3 : now->hold_left == 2 ? CUE_COUNT_2 : CUE_COUNT_1);
    }
    if (now->switch_sides && !(was.switch_sides && same)) CUE(CUE_SWITCH_SIDES);
#undef CUE
    return n;
}
