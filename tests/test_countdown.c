/* test_countdown: following along as a patient would. Each exercise of the real content is
 * walked through its whole follow-along routine at 60 Hz and every count is checked against the
 * clinic's page (10 breaths a side, a 20-30 s hold, 10-15 alternating repetitions, 4-5
 * press-ups), with a get-ready count before each hold; then demo pacing, pause and resume, and
 * step jumps. No window, no GL. */
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
#include "show.h"
#include "support.h"

#define DT (1.0 / 60.0)

static content_t *g_content;
static choreo_t *g_follow, *g_demo; /* one per exercise, each pacing */
static choreo_state_t g_state;
static countdown_t cd_scratch;

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

static int exercise_index(const char *id) {
    int e = support_exercise_index(g_content, id);
    if (e < 0) fail_msg("no exercise %s", id);
    return e;
}

/* What a patient sees of one hold, from its get-ready to its end. */
typedef struct hold_seen_t {
    countdown_kind_t kind;
    content_side_t side;
    int numbers[128]; /* the big numeral in order, each change once */
    int count;
    int ready[8]; /* get-ready numerals in order */
    int ready_count;
    int target, target_min;
    int repetition, repetitions;
    int breaths_in; /* "Breathe in" shown this many times */
    float min_mark;
} hold_seen_t;

/* Walks a routine at 60 Hz and records every hold as a patient sees it. */
static int walk(const choreo_t *c, hold_seen_t *holds, int max) {
    int n = -1;
    countdown_t cd, prev = {0};
    bool in_hold = false, was_inhaling = false;
    long frames = (long)(c->duration / DT);
    for (long i = 0; i < frames; i++) {
        choreo_sample(c, i * DT, &g_state);
        countdown_compute(c, &g_state, &cd);
        bool holdish = cd.stage == COUNTDOWN_GET_READY || cd.stage == COUNTDOWN_HOLDING;
        if (holdish &&
            (!in_hold || (prev.stage == COUNTDOWN_HOLDING && cd.stage == COUNTDOWN_GET_READY))) {
            n++;
            assert_true(n < max);
            memset(&holds[n], 0, sizeof holds[n]);
            holds[n].side = cd.side;
            was_inhaling = false;
        }
        in_hold = holdish;
        if (holdish) {
            hold_seen_t *h = &holds[n];
            if (cd.stage == COUNTDOWN_GET_READY) {
                if (h->ready_count == 0 || h->ready[h->ready_count - 1] != cd.ready_left) {
                    assert_true(h->ready_count < 8);
                    h->ready[h->ready_count++] = cd.ready_left;
                }
            } else {
                int shown = cd.kind == COUNTDOWN_STOPWATCH ? cd.count : cd.remaining;
                if (h->count == 0 || h->numbers[h->count - 1] != shown) {
                    assert_true(h->count < 128);
                    h->numbers[h->count++] = shown;
                }
                h->kind = cd.kind;
                h->target = cd.target;
                h->target_min = cd.target_min;
                h->min_mark = cd.min_mark;
                if (cd.inhaling && !was_inhaling) h->breaths_in++;
                was_inhaling = cd.inhaling;
            }
            h->repetition = cd.repetition;
            h->repetitions = cd.repetitions;
        }
        prev = cd;
    }
    return n + 1;
}

static void assert_counts_down(const hold_seen_t *h, int from) {
    assert_int_equal(h->count, from);
    for (int i = 0; i < from; i++) assert_int_equal(h->numbers[i], from - i);
}

static void assert_get_ready(const hold_seen_t *h) {
    int from = (int)ceilf(g_content->timing.get_ready_seconds);
    assert_int_equal(h->ready_count, from);
    for (int i = 0; i < from; i++) assert_int_equal(h->ready[i], from - i);
}

/* Spinal twists: get ready, then 10 deep breaths counted 10 -> 1 on the right, then on the
 * left, each breath paced in and out. */
static void test_spinal_twists_ten_breaths_each_side(void **state) {
    (void)state;
    hold_seen_t holds[8];
    int n = walk(&g_follow[exercise_index("spinal-twists")], holds, 8);
    assert_int_equal(n, 2);
    const content_side_t sides[2] = {CONTENT_SIDE_RIGHT, CONTENT_SIDE_LEFT};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(holds[i].kind, COUNTDOWN_BREATHS);
        assert_int_equal(holds[i].side, sides[i]);
        assert_int_equal(holds[i].target, 10);
        assert_counts_down(&holds[i], 10);
        assert_int_equal(holds[i].breaths_in, 10);
        assert_get_ready(&holds[i]);
    }
    /* about six breaths a minute */
    float per_minute =
        60.0f / (g_content->timing.breath_in_seconds + g_content->timing.breath_out_seconds);
    assert_true(per_minute >= 5.0f && per_minute <= 7.0f);
}

/* The chest fills while the pacer says "Breathe in" and empties on "Breathe out". */
static void test_breath_pacer_in_step_with_chest(void **state) {
    (void)state;
    const choreo_t *c = &g_follow[exercise_index("spinal-twists")];
    countdown_t cd;
    float prev_y = -1, prev_breath = -1;
    int agree = 0, total = 0;
    for (double t = 0; t < c->duration; t += DT) {
        choreo_sample(c, t, &g_state);
        countdown_compute(c, &g_state, &cd);
        float y = g_state.pos.p[SKEL_NECK][1]; /* the chest rises: the upper back bends back */
        if (cd.stage == COUNTDOWN_HOLDING && prev_y >= 0 && fabsf(y - prev_y) > 1e-6f) {
            total++;
            bool rising = y > prev_y, growing = cd.breath > prev_breath;
            agree += rising == cd.inhaling && growing == cd.inhaling;
        }
        prev_y = cd.stage == COUNTDOWN_HOLDING ? y : -1;
        prev_breath = cd.breath;
    }
    assert_true(total > 1000);
    assert_true(agree >= total - 20); /* all but the turning frames */
}

/* "Breathe in" and "Breathe out" alternate once per breath: in each breath hold, in both
 * pacings, sampled at every 1/60 s and at the hold's last instant, the words change exactly
 * twice per breath played, and the hold ends breathing out (rounding once made its very last
 * tick the start of a breath in: a one-frame "Breathe in" flash). */
static void test_breath_words_alternate(void **state) {
    (void)state;
    const choreo_t *sets[] = {g_follow, g_demo};
    for (int k = 0; k < 2; k++) {
        const choreo_t *c = &sets[k][exercise_index("spinal-twists")];
        for (int i = 0; i < c->count; i++) {
            const choreo_instance_t *in = &c->inst[i];
            if (in->hold <= 0) continue;
            double from = in->start + in->move + in->ready, to = from + in->hold;
            int flips = 0;
            bool last = true, seen = false;
            for (double t = from + 1e-4; t <= to;
                 t = fmin(t + DT, t < to - 1e-9 ? to - 1e-9 : to + 1)) {
                choreo_sample(c, t, &g_state);
                countdown_compute(c, &g_state, &cd_scratch);
                if (cd_scratch.stage != COUNTDOWN_HOLDING) continue;
                if (seen && cd_scratch.inhaling != last) flips++;
                last = cd_scratch.inhaling;
                seen = true;
            }
            float cycle = c->breath_in + c->breath_out;
            int breaths = (int)lroundf(in->hold / cycle);
            assert_true(seen);
            assert_false(last); /* ends breathing out */
            assert_int_equal(flips, 2 * breaths - 1);
        }
    }
}

/* Child's pose: a 30 s hold counted down to 1, the ring marking the 20 s minimum. */
static void test_childs_pose_twenty_to_thirty_seconds(void **state) {
    (void)state;
    hold_seen_t holds[4];
    int n = walk(&g_follow[exercise_index("childs-pose")], holds, 4);
    assert_int_equal(n, 1);
    assert_int_equal(holds[0].kind, COUNTDOWN_SECONDS);
    assert_int_equal(holds[0].target, 30);
    assert_int_equal(holds[0].target_min, 20);
    assert_counts_down(&holds[0], 30);
    assert_true(fabsf(holds[0].min_mark - 20.0f / 30.0f) < 1e-4f);
    assert_get_ready(&holds[0]);
}

/* Knees to chest: alternating legs, right first, each knee held a few seconds (counted), 10
 * repetitions of each leg numbered 1..10, the page's 10-15 in the label. */
static void test_knees_to_chest_alternating_repetitions(void **state) {
    (void)state;
    hold_seen_t holds[32];
    int n = walk(&g_follow[exercise_index("knees-to-chest")], holds, 32);
    assert_int_equal(n, 20);
    for (int i = 0; i < n; i++) {
        assert_int_equal(holds[i].side, i % 2 == 0 ? CONTENT_SIDE_RIGHT : CONTENT_SIDE_LEFT);
        assert_int_equal(holds[i].kind, COUNTDOWN_SECONDS);
        assert_true(holds[i].target >= 3 && holds[i].target <= 10); /* "a few seconds" */
        assert_counts_down(&holds[i], holds[i].target);
        assert_int_equal(holds[i].repetition, i / 2 + 1);
        assert_int_equal(holds[i].repetitions, 10);
        assert_get_ready(&holds[i]);
    }
    const content_exercise_t *ex = &g_content->exercises[exercise_index("knees-to-chest")];
    assert_int_equal(ex->repetitions_min, 10);
    assert_int_equal(ex->repetitions_max, 15);
}

/* Press-up back extensions: 4-5 presses, each held as long as comfortable with a timer
 * counting up from 0, numbered 1..n. */
static void test_press_ups_counted_up(void **state) {
    (void)state;
    hold_seen_t holds[8];
    int n = walk(&g_follow[exercise_index("press-up-back-extensions")], holds, 8);
    assert_true(n >= 4 && n <= 5);
    for (int i = 0; i < n; i++) {
        assert_int_equal(holds[i].kind, COUNTDOWN_STOPWATCH);
        assert_true(holds[i].count >= 3);
        for (int k = 0; k < holds[i].count; k++) assert_int_equal(holds[i].numbers[k], k);
        assert_int_equal(holds[i].repetition, i + 1);
        assert_int_equal(holds[i].repetitions, n);
        assert_get_ready(&holds[i]);
    }
}

/* The switch-sides cue comes when the working side changes, and names the new side. */
static void test_switch_sides_cue(void **state) {
    (void)state;
    const choreo_t *c = &g_follow[exercise_index("spinal-twists")];
    countdown_t cd;
    content_side_t last = CONTENT_SIDE_NONE;
    int cues = 0;
    bool cue_now = false;
    for (double t = 0; t < c->duration; t += DT) {
        choreo_sample(c, t, &g_state);
        countdown_compute(c, &g_state, &cd);
        if (cd.switch_sides && !cue_now) {
            cues++;
            assert_int_equal(last, CONTENT_SIDE_RIGHT);
            assert_int_equal(cd.side, CONTENT_SIDE_LEFT);
        }
        cue_now = cd.switch_sides;
        if (cd.side != CONTENT_SIDE_NONE) last = cd.side;
    }
    assert_int_equal(cues, 1);
}

/* Demo pacing: every movement on both sides, holds at real speed but cut short, the page's
 * real target still known (the hold line names it) and the ring counting what is shown. */
static void test_demo_pacing(void **state) {
    (void)state;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *f = &g_follow[e], *d = &g_demo[e];
        assert_true(d->duration <= f->duration);
        bool phase_seen[CONTENT_MAX_PHASES][CONTENT_SIDE_NUM] = {{false}};
        for (int k = 0; k < d->count; k++) phase_seen[d->inst[k].phase][d->inst[k].side] = true;
        for (int k = 0; k < f->count; k++) {
            assert_true(phase_seen[f->inst[k].phase][f->inst[k].side]); /* every movement */
        }
        for (int k = 0; k < d->count; k++) {
            const content_hold_t *h = &g_content->exercises[e].phases[d->inst[k].phase].hold;
            if (h->kind == CONTENT_HOLD_BREATHS) {
                float cycle = d->breath_in + d->breath_out;
                assert_true(fabsf(d->inst[k].hold - g_content->timing.demo_breaths * cycle) <
                            1e-3f);
            } else if (h->kind != CONTENT_HOLD_NONE) {
                assert_true(d->inst[k].hold <= g_content->timing.demo_hold_seconds + 1e-3f);
            }
        }
    }
    hold_seen_t holds[8];
    int n = walk(&g_demo[exercise_index("spinal-twists")], holds, 8);
    assert_int_equal(n, 2);
    assert_int_equal(holds[0].target, 10);    /* the page's target, still known */
    assert_int_equal(holds[0].numbers[0], 2); /* the ring counts the breaths shown: 2, 1 */
    assert_true(holds[0].count < 10);
}

/* Demo pacing is honest: in every hold of every exercise, the ring counts down to 1 exactly
 * the breaths or seconds the figure holds (never from the page's 10 to 9 and then away), a
 * cut-short hold says so, and its line names the page's target and what is shown
 * ("10 deep breaths — shown here: 2"); in follow pacing nothing is cut short. */
static void test_demo_pacing_is_honest(void **state) {
    (void)state;
    const content_t *c = g_content;
    assert_non_null(c->labels.hold_breaths_shown);
    assert_non_null(c->labels.hold_seconds_shown);
    int cut_breaths = 0, cut_seconds = 0;
    for (int p = 0; p < 2; p++) {
        const choreo_t *set = p ? g_demo : g_follow;
        for (int e = 0; e < c->exercise_count; e++) {
            const choreo_t *ch = &set[e];
            float cycle = ch->breath_in + ch->breath_out;
            for (int k = 0; k < ch->count; k++) {
                const choreo_instance_t *in = &ch->inst[k];
                const content_hold_t *h = &c->exercises[e].phases[in->phase].hold;
                if (in->hold <= 0 ||
                    (h->kind != CONTENT_HOLD_BREATHS && h->kind != CONTENT_HOLD_SECONDS))
                    continue;
                int shown = h->kind == CONTENT_HOLD_BREATHS ? (int)lroundf(in->hold / cycle)
                                                            : (int)ceilf(in->hold - 1e-3f);
                double from = in->start + in->move + in->ready;
                int first = -1, last = -1, prev = 1 << 30;
                for (double t = from + 0.01; t < from + in->hold - 0.01; t += 0.05) {
                    choreo_state_t st;
                    choreo_sample(ch, t, &st);
                    countdown_t cd;
                    countdown_compute(ch, &st, &cd);
                    if (cd.stage != COUNTDOWN_HOLDING) continue;
                    if (first < 0) first = cd.remaining;
                    last = cd.remaining;
                    assert_true(cd.remaining <= prev); /* counting down, never back up */
                    prev = cd.remaining;
                    assert_int_equal(cd.shown, shown);
                    assert_int_equal(cd.target, (int)lroundf(h->count)); /* the page's */
                    assert_int_equal(cd.shortened, shown < (int)lroundf(h->count));
                    if (p == 0) assert_false(cd.shortened);
                    if (h->kind == CONTENT_HOLD_SECONDS && cd.shortened)
                        assert_true(cd.min_mark < 0);
                }
                if (first != shown || last != 1) {
                    fail_msg("%s pacing, %s hold %d: the ring counts %d..%d, %d shown",
                             p ? "demo" : "follow", c->exercises[e].id, k, first, last, shown);
                }
                if (p == 1 && shown < (int)lroundf(h->count)) {
                    if (h->kind == CONTENT_HOLD_BREATHS) cut_breaths++;
                    else cut_seconds++;
                }
            }
        }
    }
    assert_true(cut_breaths > 0); /* the shipped content's demo cuts both kinds */
    assert_true(cut_seconds > 0);
    /* the line a cut-short hold shows, filled as the renderer fills it */
    char out[160];
    content_format(out, sizeof out, c->labels.hold_breaths_shown,
                   &(content_format_args_t){.target = "10", .n = "2"});
    assert_string_equal(out, "10 deep breaths \u2014 shown here: 2");
}

/* Space pauses figure, countdown and auto-advance; resuming counts back in first. */
static void test_pause_and_resume_recount(void **state) {
    (void)state;
    int e = exercise_index("childs-pose");
    content_scene_ref_t ref = {SCENE_EXERCISE, e};
    show_t s;
    show_init(&s, g_content, g_follow, show_find_in_playlist(g_content, ref));
    double hold_mid =
        g_follow[e].inst[3].start + g_follow[e].inst[3].move + g_follow[e].inst[3].ready + 5;
    while (s.view.time < hold_mid) show_update(&s, DT);
    double t0 = s.view.time;
    assert_true(show_command(&s, SHOW_CMD_TOGGLE_PAUSE, 0));
    assert_true(show_frozen(&s));
    for (int i = 0; i < 60 * 120; i++) show_update(&s, DT); /* two minutes: no auto-advance */
    assert_true(s.view.time == t0);
    assert_int_equal(s.view.playlist_index, show_find_in_playlist(g_content, ref));
    assert_true(show_command(&s, SHOW_CMD_TOGGLE_PAUSE, 0));
    int frames = 0;
    while (show_frozen(&s)) {
        assert_true(s.view.time == t0); /* the re-count: nothing moves yet */
        show_update(&s, DT);
        frames++;
    }
    assert_true(abs(frames - (int)lround(g_content->timing.resume_seconds / DT)) <= 1);
    show_update(&s, DT);
    assert_true(s.view.time > t0);
}

/* Down jumps to the next step; the figure glides there, never jumping. */
static void test_step_jump_glides(void **state) {
    (void)state;
    for (int e = 0; e < g_content->exercise_count; e++) {
        const choreo_t *c = &g_follow[e];
        content_scene_ref_t ref = {SCENE_EXERCISE, e};
        show_t s;
        show_init(&s, g_content, g_follow, show_find_in_playlist(g_content, ref));
        for (int i = 0; i < 30; i++) show_update(&s, DT);
        for (int step = 1; step < g_content->exercises[e].step_count; step++) {
            assert_true(show_command(&s, SHOW_CMD_NEXT_ITEM, 0));
            skel_positions_t prev;
            bool have_prev = false;
            while (s.view.jump < 1.0f) {
                choreo_state_t from, to;
                choreo_sample(c, s.view.jump_from, &from);
                choreo_sample(c, s.view.time, &to);
                float w = s.view.jump * s.view.jump * (3 - 2 * s.view.jump);
                choreo_blend(&from, &to, w, &g_state);
                if (have_prev) {
                    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
                        float d = glm_vec3_distance(g_state.pos.p[j], prev.p[j]);
                        if (d > 0.05f) {
                            fail_msg("%s: step %d jump moves %s %.1f cm in a frame",
                                     g_content->exercises[e].id, step + 1, skel_joint_name(j),
                                     d * 100);
                        }
                    }
                }
                prev = g_state.pos;
                have_prev = true;
                show_update(&s, DT);
            }
            assert_int_equal(s.view.item, step);
            /* leaving and coming back starts fresh */
        }
        show_command(&s, SHOW_CMD_NEXT_SCENE, 0);
        show_command(&s, SHOW_CMD_PREV_SCENE, 0);
        assert_true(s.view.time == 0.0 && s.view.item == 0 && s.view.jump >= 1.0f);
    }
}

/* The ring's numeral always comes with its words: at every frame of every routine in both
 * pacings, the content's words for that count — the singular for 1 — and a repetition's word
 * from the repetition label when the content gives none. */
static void test_ring_words(void **state) {
    (void)state;
    content_t *c = g_content;
    const choreo_t *routines[] = {g_follow, g_demo};
    int counts[COUNTDOWN_KIND_NUM] = {0}, ones = 0;
    for (int p = 0; p < 2; p++) {
        for (int e = 0; e < c->exercise_count; e++) {
            const choreo_t *ch = &routines[p][e];
            for (double t = 0; t < ch->duration; t += DT) {
                countdown_t cd;
                char num[16], words[64];
                choreo_sample(ch, t, &g_state);
                countdown_compute(ch, &g_state, &cd);
                const char *w = countdown_ring_text(c, &cd, num, sizeof num, words, sizeof words);
                if (!num[0]) {
                    assert_null(w);
                    assert_true(cd.stage == COUNTDOWN_MOVING && cd.kind != COUNTDOWN_REPS);
                    continue;
                }
                if (!w || !w[0]) fail_msg("%s at %.2f s: \"%s\" alone", c->exercises[e].id, t, num);
                counts[cd.kind]++;
                bool one = !strcmp(num, "1");
                ones += one;
                const char *want = cd.stage == COUNTDOWN_GET_READY ? c->labels.get_ready
                                   : cd.kind == COUNTDOWN_BREATHS
                                       ? (one ? c->labels.breath_left : c->labels.breaths_left)
                                   : cd.kind == COUNTDOWN_SECONDS
                                       ? (one ? c->labels.second_left : c->labels.seconds_left)
                                   : cd.kind == COUNTDOWN_STOPWATCH
                                       ? (one ? c->labels.second_held : c->labels.seconds_held)
                                       : c->labels.repetition_word;
                assert_string_equal(w, want);
            }
        }
    }
    for (int k = COUNTDOWN_BREATHS; k < COUNTDOWN_KIND_NUM; k++) assert_true(counts[k] > 60);
    assert_true(ones > 60);
    /* a content without the singulars or the repetition's word */
    countdown_t reps = {.kind = COUNTDOWN_REPS, .stage = COUNTDOWN_MOVING, .count = 1};
    countdown_t held = {.kind = COUNTDOWN_STOPWATCH, .stage = COUNTDOWN_HOLDING, .count = 1};
    content_t *bare = malloc(sizeof *bare);
    assert_non_null(bare);
    *bare = *c;
    bare->labels.repetition_word = bare->labels.second_held = NULL;
    bare->labels.repetition = "Repetition {n} of {target}";
    char num[16], words[64];
    assert_string_equal(countdown_ring_text(bare, &reps, num, sizeof num, words, sizeof words),
                        "Repetition");
    assert_string_equal(num, "1");
    bare->labels.repetition = "{n}. Wiederholung";
    assert_string_equal(countdown_ring_text(bare, &reps, num, sizeof num, words, sizeof words),
                        bare->labels.step);
    assert_string_equal(countdown_ring_text(bare, &held, num, sizeof num, words, sizeof words),
                        c->labels.seconds_held);
    free(bare);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spinal_twists_ten_breaths_each_side),
        cmocka_unit_test(test_breath_pacer_in_step_with_chest),
        cmocka_unit_test(test_breath_words_alternate),
        cmocka_unit_test(test_childs_pose_twenty_to_thirty_seconds),
        cmocka_unit_test(test_knees_to_chest_alternating_repetitions),
        cmocka_unit_test(test_press_ups_counted_up),
        cmocka_unit_test(test_switch_sides_cue),
        cmocka_unit_test(test_demo_pacing),
        cmocka_unit_test(test_demo_pacing_is_honest),
        cmocka_unit_test(test_pause_and_resume_recount),
        cmocka_unit_test(test_step_jump_glides),
        cmocka_unit_test(test_ring_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
