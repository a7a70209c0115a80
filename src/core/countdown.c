/* countdown: the follow-along counter derived from a choreography state (see countdown.h).
 * Pure: libc only. */
#include "countdown.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *countdown_kind_name(countdown_kind_t kind) {
    static const char *const names[COUNTDOWN_KIND_NUM] = {"none", "breaths", "seconds", "stopwatch",
                                                          "reps"};
    return kind >= 0 && kind < COUNTDOWN_KIND_NUM ? names[kind] : "none";
}

/* The label for a count of n: the singular where n is 1 and the content gives one. */
static const char *counted(int n, const char *plural, const char *singular) {
    return n == 1 && singular ? singular : plural;
}

const char *countdown_ring_text(const content_t *c, const countdown_t *cd, char *num,
                                size_t num_size, char *words, size_t words_size) {
    const char *w = NULL;
    int n = 0;
    if (cd->stage == COUNTDOWN_GET_READY) {
        n = cd->ready_left;
        w = c->labels.get_ready;
    } else if (cd->stage == COUNTDOWN_HOLDING && cd->kind == COUNTDOWN_BREATHS) {
        n = cd->remaining;
        w = counted(n, c->labels.breaths_left, c->labels.breath_left);
    } else if (cd->stage == COUNTDOWN_HOLDING && cd->kind == COUNTDOWN_SECONDS) {
        n = cd->remaining;
        w = counted(n, c->labels.seconds_left, c->labels.second_left);
    } else if (cd->stage == COUNTDOWN_HOLDING && cd->kind == COUNTDOWN_STOPWATCH) {
        n = cd->count;
        w = counted(n, c->labels.seconds_held, c->labels.second_held);
    } else if (cd->kind == COUNTDOWN_REPS) {
        n = cd->count;
        w = c->labels.repetition_word;
        if (!w) { /* "Repetition {n} of {target}": "Repetition" */
            const char *t = c->labels.repetition, *at = strstr(t, "{n}");
            size_t len = at ? (size_t)(at - t) : strlen(t);
            while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == ':')) len--;
            snprintf(words, words_size, "%.*s", (int)len, t);
            w = words[0] ? words : c->labels.step; /* ("{n}. …": the step's word, at least) */
        }
    }
    if (!w) {
        if (num_size > 0) num[0] = '\0';
        return NULL;
    }
    snprintf(num, num_size, "%d", n);
    return w;
}

/* The hold an instance's moment is about: its own, or (moving out of one) nothing. */
static const content_hold_t *hold_of(const choreo_t *c, int instance) {
    const content_exercise_t *ex = &c->content->exercises[c->exercise];
    return &ex->phases[c->inst[instance].phase].hold;
}

void countdown_compute(const choreo_t *c, const choreo_state_t *st, countdown_t *out) {
    memset(out, 0, sizeof *out);
    out->min_mark = -1.0f;
    if (c->count == 0) return;
    const choreo_instance_t *in = &c->inst[st->instance];
    out->side = in->side;
    out->repetition = in->hold_number;
    out->repetitions = in->hold_total;
    /* (the count overlaps the move: the cue shows while moving, counting or not) */
    out->switch_sides = in->side_change && !st->holding && (st->moving || !st->ready);
    /* counting in for the next instance's hold over this move: that hold's count */
    const choreo_instance_t *held = &c->inst[st->hold_instance];
    const content_hold_t *h = hold_of(c, st->hold_instance);
    out->hold_kind = held->hold > 0 ? h->kind : CONTENT_HOLD_NONE;
    /* what is shown of that hold: the ring counts these, never more than the figure holds
     * (demo pacing cuts 10 breaths to 2: the ring says 2, 1, and the hold line says both) */
    float cycle = c->breath_in + c->breath_out;
    if (h->kind == CONTENT_HOLD_BREATHS) {
        out->shown = (int)lroundf(held->hold / cycle);
        out->shortened = out->shown < (int)lroundf(h->count);
    } else if (h->kind == CONTENT_HOLD_SECONDS) {
        out->shown = (int)ceilf(held->hold - 1e-3f);
        out->shortened = held->hold < h->count - 1e-3f;
    }
    if (out->shown < 1) out->shown = 1;

    if (st->holding) {
        out->stage = COUNTDOWN_HOLDING;
        float e = st->hold_elapsed;
        switch (h->kind) {
        case CONTENT_HOLD_BREATHS: {
            out->kind = COUNTDOWN_BREATHS;
            out->target = out->target_min = (int)h->count;
            out->count = st->breath_index + 1;
            out->remaining = out->shown - st->breath_index;
            if (out->remaining < 1) out->remaining = 1;
            out->breath = st->breath;
            /* within this breath; the hold's very last tick is the end of a breath out,
             * never (by rounding) the start of a breath in */
            float into = e - cycle * (float)st->breath_index;
            bool ending = e >= c->inst[st->instance].hold - 1e-3f;
            out->inhaling = into < c->breath_in && !ending;
            out->progress = glm_clamp(e / (cycle * (float)out->shown), 0.0f, 1.0f);
            break;
        }
        case CONTENT_HOLD_SECONDS:
            out->kind = COUNTDOWN_SECONDS;
            out->target = (int)lroundf(h->count);
            out->target_min = (int)lroundf(h->count_min);
            out->count = (int)floorf(e);
            float len = out->shortened ? held->hold : h->count; /* s as shown */
            out->remaining = (int)ceilf(len - e - 1e-4f);
            if (out->remaining < 1) out->remaining = 1;
            out->progress = glm_clamp(e / len, 0.0f, 1.0f);
            /* the page's lower figure is marked only on a ring that reaches it */
            if (h->count_min < h->count && !out->shortened) out->min_mark = h->count_min / h->count;
            break;
        case CONTENT_HOLD_COMFORTABLE:
            out->kind = COUNTDOWN_STOPWATCH;
            out->count = (int)floorf(e);
            out->progress = fmodf(e, 60.0f) / 60.0f; /* one lap a minute */
            break;
        default: break;
        }
        return;
    }
    if (st->ready) {
        out->stage = COUNTDOWN_GET_READY;
        out->ready_left = (int)ceilf(st->ready_left - 1e-4f);
        if (out->ready_left < 1) out->ready_left = 1;
        float ready = c->content->timing.get_ready_seconds;
        out->progress = glm_clamp(1.0f - st->ready_left / ready, 0.0f, 1.0f);
        out->kind = h->kind == CONTENT_HOLD_BREATHS   ? COUNTDOWN_BREATHS
                    : h->kind == CONTENT_HOLD_SECONDS ? COUNTDOWN_SECONDS
                                                      : COUNTDOWN_STOPWATCH;
        out->target = (int)lroundf(h->count);
        out->target_min = (int)lroundf(h->count_min);
        out->remaining = h->kind == CONTENT_HOLD_COMFORTABLE ? 0 : out->shown;
        return;
    }
    out->stage = COUNTDOWN_MOVING;
    if (out->repetitions > 1) {
        out->kind = COUNTDOWN_REPS;
        out->count = out->repetition;
        out->target = out->repetitions;
        out->target_min = out->repetitions;
        out->remaining = out->repetitions - out->repetition + 1;
        out->progress = (float)(out->repetition - 1) / (float)out->repetitions;
    }
}
