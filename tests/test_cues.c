/* test_cues: the sound cues as a patient with their head turned away hears them. Each exercise
 * of the real content is played through the show at 60 Hz, in both pacings, and every cue is
 * checked against the routine: breathe in exactly when a breath of a breathing hold begins and
 * the counter says "Breathe in", out when it turns, ticks at 3, 2 and 1 s left of each timed
 * hold, a hold done at each hold's end, switch sides at each side change, the next exercise at
 * each change of scene to an exercise; none twice, none while paused or counting back in, none
 * for a step jumped over or jumped back to, none for the outgoing scene. Then the tones: soft,
 * silent at both ends, and breathing in rises where breathing out falls. The per-tick path
 * allocates nothing (malloc is wrapped at link time and counted). No window, no GL. */
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
#include "countdown.h"
#include "cues.h"
#include "show.h"
#include "support.h"
#include "tone.h"

#define DT (1.0 / 60.0)
#define EPS 1e-3 /* s: float time of the routine against the show's double time */
#define MAX_EVENTS 4096
#define RATE 48000

/* ---- malloc counted (the link wraps it: -Wl,--wrap=malloc,...) ------------------------- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
static long g_allocations;
void *__wrap_malloc(size_t n) {
    g_allocations++;
    return __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t size) {
    g_allocations++;
    return __real_calloc(n, size);
}
void *__wrap_realloc(void *p, size_t n) {
    g_allocations++;
    return __real_realloc(p, n);
}

/* ---- Fixtures ------------------------------------------------------------------------- */

static content_t *g_content;
static choreo_t *g_follow, *g_demo;
static show_t g_show;

static int setup(void **state) {
    (void)state;
    g_content = support_load_content(SK_SOURCE_DIR "/assets/content/en.yaml");
    if (!g_content) return -1;
    g_follow = support_build_choreos(g_content, CHOREO_PACING_FOLLOW);
    g_demo = support_build_choreos(g_content, CHOREO_PACING_DEMO);
    return g_follow && g_demo ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(g_follow);
    free(g_demo);
    free(g_content);
    return 0;
}

typedef struct event_t {
    double t; /* s, the scene's time (the tick's, for cues heard) */
    cue_kind_t kind;
} event_t;

typedef struct events_t {
    event_t e[MAX_EVENTS];
    int count;
} events_t;

static void add(events_t *ev, double t, cue_kind_t kind) {
    assert_true(ev->count < MAX_EVENTS);
    ev->e[ev->count++] = (event_t){t, kind};
}

/* What the routine says should be heard in (from, to] of its time, worked out from its
 * instances alone (not from the counter the cues are made from). */
static void expected(const choreo_t *ch, double from, double to, events_t *ev) {
    float cycle = ch->breath_in + ch->breath_out;
#define AT(t, kind)                                                  \
    do {                                                             \
        double at_ = (t);                                            \
        if (at_ > from + EPS && at_ <= to + EPS) add(ev, at_, kind); \
    } while (0)
    for (int k = 0; k < ch->count; k++) {
        const choreo_instance_t *in = &ch->inst[k];
        const content_hold_t *h = &ch->content->exercises[ch->exercise].phases[in->phase].hold;
        if (in->side_change && in->move > 0) AT(in->start, CUE_SWITCH_SIDES);
        if (in->hold <= 0) continue;
        double start = (double)in->start + in->move + in->ready, end = start + in->hold;
        if (h->kind == CONTENT_HOLD_BREATHS) {
            for (int b = 0; b * cycle < in->hold - EPS; b++) {
                AT(start + b * cycle, CUE_BREATHE_IN);
                AT(start + b * cycle + ch->breath_in, CUE_BREATHE_OUT);
            }
        } else if (h->kind == CONTENT_HOLD_SECONDS) {
            for (int n = 3; n >= 1; n--) {
                cue_kind_t tick = n == 3 ? CUE_COUNT_3 : n == 2 ? CUE_COUNT_2 : CUE_COUNT_1;
                if (in->hold > n + EPS) AT(end - n, tick);
            }
        }
        /* (at a scene's end, the next scene's start is heard instead) */
        if (end < ch->duration - EPS) AT(end, CUE_HOLD_DONE);
    }
#undef AT
}

/* Each expected event heard once, on the first tick at or after its time; nothing else. */
static void assert_heard(const events_t *want, const events_t *got, const char *what) {
    bool used[MAX_EVENTS] = {false};
    for (int i = 0; i < want->count; i++) {
        int found = -1;
        for (int j = 0; j < got->count && found < 0; j++) {
            double late = got->e[j].t - want->e[i].t;
            bool on_time = late > -EPS && late < DT + EPS;
            if (!used[j] && got->e[j].kind == want->e[i].kind && on_time) found = j;
        }
        if (found < 0) {
            fail_msg("%s: no %s at %.3f s (%d heard, %d expected)", what,
                     cue_kind_name(want->e[i].kind), want->e[i].t, got->count, want->count);
        }
        used[found] = true;
    }
    for (int j = 0; j < got->count; j++) {
        if (!used[j]) {
            fail_msg("%s: %s at %.3f s not expected", what, cue_kind_name(got->e[j].kind),
                     got->e[j].t);
        }
    }
}

/* One tick of the show and of the cues, as the app runs them. Returns the cues heard. */
static int tick(show_t *s, cues_t *cues, cue_kind_t *out) {
    show_update(s, DT);
    return cues_update(cues, s, out, CUES_MAX);
}

static int playlist_index_of(int exercise) {
    int i = show_find_in_playlist(g_content, (content_scene_ref_t){SCENE_EXERCISE, exercise});
    assert_true(i >= 0);
    return i;
}

/* Plays one exercise's scene from its start to its end, recording every cue heard. Until the
 * scene changes, the counter is also read at every tick: each cue agrees with it. */
static void play_scene(const choreo_t *choreos, int exercise, events_t *got) {
    show_init(&g_show, g_content, choreos, playlist_index_of(exercise));
    cues_t cues;
    cues_init(&cues);
    cue_kind_t out[CUES_MAX];
    assert_int_equal(cues_update(&cues, &g_show, out, CUES_MAX), 0); /* the first look: none */
    const choreo_t *ch = &choreos[exercise];
    choreo_state_t st;
    countdown_t cd, before;
    choreo_sample(ch, 0.0, &st);
    countdown_compute(ch, &st, &before);
    unsigned serial = g_show.scene_serial;
    while (g_show.scene_serial == serial) {
        int n = tick(&g_show, &cues, out);
        if (g_show.scene_serial != serial) {
            for (int i = 0; i < n; i++) assert_int_equal(out[i], CUE_NEXT_EXERCISE);
            break;
        }
        double t = g_show.view.time;
        choreo_sample(ch, t, &st);
        countdown_compute(ch, &st, &cd);
        for (int i = 0; i < n; i++) {
            add(got, t, out[i]);
            switch (out[i]) { /* what the counter shows on this tick, and did not on the last */
            case CUE_BREATHE_IN:
                assert_true(cd.stage == COUNTDOWN_HOLDING && cd.kind == COUNTDOWN_BREATHS);
                assert_true(cd.inhaling);
                assert_false(before.stage == COUNTDOWN_HOLDING && before.inhaling &&
                             before.count == cd.count);
                break;
            case CUE_BREATHE_OUT:
                assert_true(cd.stage == COUNTDOWN_HOLDING && !cd.inhaling && before.inhaling);
                break;
            case CUE_COUNT_3:
            case CUE_COUNT_2:
            case CUE_COUNT_1: {
                int left = out[i] == CUE_COUNT_3 ? 3 : out[i] == CUE_COUNT_2 ? 2 : 1;
                assert_int_equal(cd.kind, COUNTDOWN_SECONDS);
                if (ch->pacing == CHOREO_PACING_FOLLOW) { /* the very numeral on screen */
                    assert_int_equal(cd.remaining, left);
                    assert_int_equal(before.remaining, left + 1);
                }
                break;
            }
            case CUE_HOLD_DONE: assert_int_equal(before.stage, COUNTDOWN_HOLDING); break;
            case CUE_SWITCH_SIDES: assert_true(cd.switch_sides && !before.switch_sides); break;
            default: fail_msg("%s in the middle of a scene", cue_kind_name(out[i]));
            }
        }
        before = cd;
    }
}

/* ---- Every exercise, both pacings ----------------------------------------------------- */

static void check_pacing(const choreo_t *choreos, const char *pacing) {
    static events_t got, want;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *ch = &choreos[e];
        got.count = want.count = 0;
        play_scene(choreos, e, &got);
        expected(ch, 0.0, ch->duration, &want);
        char what[160];
        snprintf(what, sizeof what, "%s, %s pacing", g_content->exercises[e].id, pacing);
        assert_heard(&want, &got, what);
        /* the page's counts, heard: every exercise holds, and says when a hold is done */
        int kinds[CUE_KIND_NUM] = {0};
        for (int i = 0; i < got.count; i++) kinds[got.e[i].kind]++;
        assert_true(kinds[CUE_HOLD_DONE] > 0);
        print_message("  %-26s %-6s in %3d out %3d ticks %3d/%3d/%3d done %3d switch %3d\n",
                      g_content->exercises[e].id, pacing, kinds[CUE_BREATHE_IN],
                      kinds[CUE_BREATHE_OUT], kinds[CUE_COUNT_3], kinds[CUE_COUNT_2],
                      kinds[CUE_COUNT_1], kinds[CUE_HOLD_DONE], kinds[CUE_SWITCH_SIDES]);
    }
}

static void test_follow(void **state) {
    (void)state;
    check_pacing(g_follow, "follow");
    /* the page, heard: 10 breaths a side of the twist, the seconds of child's pose */
    static events_t got;
    got.count = 0;
    int twist = support_exercise_index(g_content, "spinal-twists");
    play_scene(g_follow, twist, &got);
    int in = 0, out = 0, sides = 0;
    for (int i = 0; i < got.count; i++) {
        in += got.e[i].kind == CUE_BREATHE_IN;
        out += got.e[i].kind == CUE_BREATHE_OUT;
        sides += got.e[i].kind == CUE_SWITCH_SIDES;
    }
    assert_int_equal(in, 20);
    assert_int_equal(out, 20);
    assert_int_equal(sides, 1);
    got.count = 0;
    play_scene(g_follow, support_exercise_index(g_content, "childs-pose"), &got);
    int ticks = 0;
    for (int i = 0; i < got.count; i++) {
        ticks += got.e[i].kind >= CUE_COUNT_3 && got.e[i].kind <= CUE_COUNT_1;
    }
    assert_int_equal(ticks, 3);
}

static void test_demo(void **state) {
    (void)state;
    check_pacing(g_demo, "demo");
}

/* The whole playlist, scene after scene: each scene's cues, and the next exercise exactly on
 * the tick an exercise's scene begins; nothing for the scene going out during the wipe. */
static void test_playlist(void **state) {
    (void)state;
    show_init(&g_show, g_content, g_demo, 0); /* (the demo's: the loop in 5 minutes) */
    cues_t cues;
    cues_init(&cues);
    cue_kind_t out[CUES_MAX];
    static events_t got, want;
    got.count = want.count = 0;
    cues_update(&cues, &g_show, out, CUES_MAX);
    int scenes = 0, exercises = 0, nexts = 0;
    unsigned serial = g_show.scene_serial;
    while (scenes < g_content->playlist_count) {
        int n = tick(&g_show, &cues, out);
        if (g_show.scene_serial != serial) { /* the scene that ends: its cues all heard */
            const show_view_t *was = &g_show.from;
            if (was->scene.kind == SCENE_EXERCISE) {
                const choreo_t *ch = &g_demo[was->scene.exercise];
                expected(ch, 0.0, ch->duration, &want);
                assert_heard(&want, &got, g_content->exercises[was->scene.exercise].id);
                exercises++;
            } else {
                assert_int_equal(got.count, 0);
            }
            got.count = want.count = 0;
            serial = g_show.scene_serial;
            scenes++;
            bool exercise = g_show.view.scene.kind == SCENE_EXERCISE;
            assert_int_equal(n, exercise ? 1 : 0);
            if (exercise) assert_int_equal(out[0], CUE_NEXT_EXERCISE);
            nexts += n;
            continue;
        }
        for (int i = 0; i < n; i++) add(&got, g_show.view.time, out[i]);
    }
    assert_int_equal(exercises, g_content->exercise_count);
    assert_int_equal(nexts, g_content->exercise_count); /* each exercise's start, once */
}

/* ---- Pause, jumps, takeover -------------------------------------------------------------- */

/* Paused in the middle of breathing, then resumed: nothing while paused or counting back in,
 * then the breaths go on where they were, none heard twice. */
static void test_pause(void **state) {
    (void)state;
    int twist = support_exercise_index(g_content, "spinal-twists");
    const choreo_t *ch = &g_follow[twist];
    show_init(&g_show, g_content, g_follow, playlist_index_of(twist));
    cues_t cues;
    cues_init(&cues);
    cue_kind_t out[CUES_MAX];
    cues_update(&cues, &g_show, out, CUES_MAX);
    static events_t got, want;
    got.count = want.count = 0;
    double pause_at[] = {20.0, 33.3, 47.0}; /* scene times: within breaths, in and out */
    int p = 0;
    while (g_show.view.time < 80.0) {
        if (p < 3 && g_show.view.time >= pause_at[p]) {
            double t0 = g_show.view.time;
            show_command(&g_show, SHOW_CMD_TOGGLE_PAUSE, 0);
            for (int i = 0; i < 9 * 60; i++) { /* 9 s */
                assert_int_equal(tick(&g_show, &cues, out), 0);
            }
            show_command(&g_show, SHOW_CMD_TOGGLE_PAUSE, 0);
            while (show_frozen(&g_show)) assert_int_equal(tick(&g_show, &cues, out), 0);
            assert_true(fabs(g_show.view.time - t0) < 1e-9); /* time stood still */
            p++;
            continue;
        }
        int n = tick(&g_show, &cues, out);
        for (int i = 0; i < n; i++) add(&got, g_show.view.time, out[i]);
    }
    want.count = 0;
    expected(ch, 0.0, g_show.view.time, &want);
    assert_heard(&want, &got, "paused three times");
}

/* Up and Down at many moments of every exercise: the tick of a jump gives nothing (a jump back
 * would replay, a jump on would skip ahead), and from there the cues go on as the routine
 * says from the place jumped to. One pass through each routine each way, jumping every
 * sixth of it (and at least 8 s of play between jumps). */
static void test_jumps(void **state) {
    (void)state;
    static events_t got, want;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *ch = &g_follow[e];
        double every = fmax(8.0, ch->duration / 6.0);
        for (int dir = 0; dir < 2; dir++) {
            show_init(&g_show, g_content, g_follow, playlist_index_of(e));
            unsigned serial = g_show.scene_serial;
            cues_t cues;
            cues_init(&cues);
            cue_kind_t out[CUES_MAX];
            cues_update(&cues, &g_show, out, CUES_MAX);
            got.count = want.count = 0;
            double from = 0.0, next = 3.0; /* cues expected after `from` */
            int jumps = 0;
            char what[160] = "";
            while (g_show.view.time < ch->duration - 1.0 && jumps < 8) {
                if (g_show.view.time < next) {
                    int n = tick(&g_show, &cues, out);
                    assert_int_equal(g_show.scene_serial, serial);
                    for (int i = 0; i < n; i++) add(&got, g_show.view.time, out[i]);
                    continue;
                }
                double before = g_show.view.time;
                expected(ch, from, before, &want);
                show_cmd_t cmd = dir ? SHOW_CMD_NEXT_ITEM : SHOW_CMD_PREV_ITEM;
                bool moved = show_command(&g_show, cmd, 0);
                int n = tick(&g_show, &cues, out);
                double landed = g_show.view.time;
                if (moved && fabs(landed - before - DT) > 1e-9) { /* a jump */
                    if (n != 0) {
                        fail_msg("%s: %s at %.2f s to %.2f s gave %s", g_content->exercises[e].id,
                                 dir ? "Down" : "Up", before, landed, cue_kind_name(out[0]));
                    }
                    from = landed;
                    jumps++;
                    snprintf(what, sizeof what, "%s, %s at %.1f s (to %.1f s)",
                             g_content->exercises[e].id, dir ? "Down" : "Up", before, landed);
                } else { /* nowhere to go: time went on */
                    for (int i = 0; i < n; i++) add(&got, landed, out[i]);
                    from = before;
                }
                next = landed + every;
            }
            expected(ch, from, g_show.view.time, &want);
            assert_true(jumps >= 2);
            assert_heard(&want, &got, what);
        }
    }
}

/* A visitor taking over a kiosk mid-hold: the routines change (demo to follow) and the step
 * starts again: nothing heard for the change itself. Then a content reload: nothing either. */
static void test_takeover_and_reload(void **state) {
    (void)state;
    int twist = support_exercise_index(g_content, "spinal-twists");
    show_init_kiosk(&g_show, g_content, g_demo, g_follow, playlist_index_of(twist));
    cues_t cues;
    cues_init(&cues);
    cue_kind_t out[CUES_MAX];
    cues_update(&cues, &g_show, out, CUES_MAX);
    while (g_show.view.time < 15.0) tick(&g_show, &cues, out);
    show_command(&g_show, SHOW_CMD_NONE, 0); /* any key */
    assert_true(g_show.takeover);
    assert_int_equal(tick(&g_show, &cues, out), 0);
    content_t *again = support_load_content(SK_SOURCE_DIR "/assets/content/en.yaml");
    assert_non_null(again);
    choreo_t *follow = support_build_choreos(again, CHOREO_PACING_FOLLOW);
    choreo_t *demo = support_build_choreos(again, CHOREO_PACING_DEMO);
    show_rebind(&g_show, again, demo, follow);
    assert_int_equal(tick(&g_show, &cues, out), 0);
    /* and then it goes on hearing the routine */
    int heard = 0;
    for (int i = 0; i < 30 * 60; i++) heard += tick(&g_show, &cues, out);
    assert_true(heard > 0);
    free(follow);
    free(demo);
    free(again);
}

/* The per-tick path allocates nothing: minutes of the kiosk loop, ticks, cues and jumps. */
static void test_no_allocation(void **state) {
    (void)state;
    show_init_kiosk(&g_show, g_content, g_demo, g_follow, 0);
    cues_t cues;
    cues_init(&cues);
    cue_kind_t out[CUES_MAX];
    long before = g_allocations, heard = 0;
    for (long i = 0; i < 4L * 60 * 60; i++) { /* 4 minutes at 60 Hz */
        show_update(&g_show, DT);
        heard += cues_update(&cues, &g_show, out, CUES_MAX);
        if (i % 7919 == 0) show_command(&g_show, SHOW_CMD_NEXT_ITEM, 0);
    }
    assert_true(heard > 10);
    assert_int_equal(g_allocations - before, 0);
    /* (and the counting works: one allocation is seen) */
    void *volatile p = malloc(16);
    assert_int_equal(g_allocations - before, 1);
    free(p);
}

/* ---- Tones ------------------------------------------------------------------------------ */

/* Dominant pitch of a stretch of samples, from its rising zero crossings (the harmonics are
 * too small to add crossings). */
static double pitch(const float *x, int from, int to) {
    int first = -1, last = -1, crossings = 0;
    for (int i = from + 1; i < to; i++) {
        if (x[i - 1] < 0.0f && x[i] >= 0.0f) {
            if (first < 0) first = i;
            last = i;
            crossings++;
        }
    }
    return crossings > 1 ? (double)(crossings - 1) * RATE / (double)(last - first) : 0.0;
}

static void test_tones(void **state) {
    (void)state;
    static float buf[3 * RATE]; /* TONE_MAX_SECONDS and more */
    for (int k = CUE_NONE + 1; k < CUE_KIND_NUM; k++) {
        int n = tone_length(k, RATE);
        assert_true(n > RATE / 50); /* at least 20 ms */
        assert_true(n <= TONE_MAX_SECONDS * RATE + 1);
        assert_int_equal(tone_render(k, RATE, buf, (int)(sizeof buf / sizeof buf[0])), n);
        float peak = 0.0f;
        for (int i = 0; i < n; i++) peak = fmaxf(peak, fabsf(buf[i]));
        const char *name = cue_kind_name(k);
        if (!(peak > 0.05f && peak <= TONE_PEAK && peak < 0.5f)) {
            fail_msg("%s: peak %.3f", name, peak);
        }
        assert_true(buf[0] == 0.0f && buf[n - 1] == 0.0f); /* silence at both ends */
        /* no click: the first and last half millisecond stay near silence, no sample jumps */
        for (int i = 0; i < RATE / 2000; i++) {
            if (fabsf(buf[i]) > 0.05f * peak || fabsf(buf[n - 1 - i]) > 0.05f * peak) {
                fail_msg("%s: %.4f at sample %d from an end", name,
                         fmaxf(fabsf(buf[i]), fabsf(buf[n - 1 - i])), i);
            }
        }
        for (int i = 1; i < n; i++) {
            if (fabsf(buf[i] - buf[i - 1]) > 0.08f) {
                fail_msg("%s: a step of %.3f at %d", name, buf[i] - buf[i - 1], i);
            }
        }
        /* other rates, and a short buffer, cut where asked */
        assert_true(abs(tone_length(k, 44100) - (int)((double)n * 44100 / RATE)) <= 2);
        assert_int_equal(tone_render(k, RATE, buf, 100), 100);
        print_message("  %-14s %5.0f ms, peak %.3f\n", name, 1000.0 * n / RATE, peak);
    }
    assert_int_equal(tone_length(CUE_NONE, RATE), 0);
    assert_int_equal(tone_length(CUE_BREATHE_IN, 100), 0);
    /* breathing in rises, breathing out falls: early against late pitch */
    static float in[RATE], out[RATE];
    int n_in = tone_render(CUE_BREATHE_IN, RATE, in, RATE);
    int n_out = tone_render(CUE_BREATHE_OUT, RATE, out, RATE);
    int a0 = RATE * 2 / 100, a1 = RATE * 25 / 100, b0 = RATE * 50 / 100; /* only one note each */
    double in_early = pitch(in, a0, a1), in_late = pitch(in, b0, n_in - RATE / 10);
    double out_early = pitch(out, a0, a1), out_late = pitch(out, b0, n_out - RATE / 10);
    print_message("  breathe in %.0f -> %.0f Hz, out %.0f -> %.0f Hz\n", in_early, in_late,
                  out_early, out_late);
    assert_true(in_late > in_early * 1.2);
    assert_true(out_late < out_early / 1.2);
    /* each cue sounds different from every other (but the 3 and 2 ticks, alike by design) */
    static float a[RATE * 2], b[RATE * 2];
    for (int x = CUE_NONE + 1; x < CUE_KIND_NUM; x++) {
        for (int y = x + 1; y < CUE_KIND_NUM; y++) {
            if (x == CUE_COUNT_3 && y == CUE_COUNT_2) continue;
            int na = tone_render(x, RATE, a, RATE * 2), nb = tone_render(y, RATE, b, RATE * 2);
            double diff = 0, energy = 0;
            for (int i = 0; i < (na > nb ? na : nb); i++) {
                float u = i < na ? a[i] : 0.0f, v = i < nb ? b[i] : 0.0f;
                diff += (double)(u - v) * (u - v);
                energy += (double)u * u + (double)v * v;
            }
            if (diff < 0.5 * energy) {
                fail_msg("%s and %s sound alike", cue_kind_name(x), cue_kind_name(y));
            }
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_follow),        cmocka_unit_test(test_demo),
        cmocka_unit_test(test_playlist),      cmocka_unit_test(test_pause),
        cmocka_unit_test(test_jumps),         cmocka_unit_test(test_takeover_and_reload),
        cmocka_unit_test(test_no_allocation), cmocka_unit_test(test_tones),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
