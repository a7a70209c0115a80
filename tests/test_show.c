/* test_show: the show's state machine driven like the app drives it — commands and 1/60 s
 * updates — over the real assets/content/en.yaml; Down/Up over its routines, read back as the
 * screen shows them. Depends on show.c, choreo.c, countdown.c, content.c and cmocka. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "choreo.h"
#include "content.h"
#include "countdown.h"
#include "show.h"
#include "support.h"

#ifndef SK_SOURCE_DIR
#error "SK_SOURCE_DIR must name the source tree"
#endif

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define DT (1.0 / 60.0) /* the app's fixed step, seconds */
#define TIME_EPS 1e-6   /* seconds */

/* Scene length with no choreography: exercise steps share timing.exercise_seconds evenly. */
static double scene_seconds(const content_t *c, content_scene_ref_t scene) {
    show_t plain;
    show_init(&plain, c, NULL, 0);
    return show_scene_seconds(&plain, scene);
}

/* The content every test reads: parsed once by the group setup, never changed. */
static content_t *g_content;

/* ---- Helpers ----------------------------------------------------------------------- */

static char *read_text(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t size = 0, used = 0;
    for (;;) {
        if (used == size) {
            size = size ? size * 2 : 16384;
            char *grown = realloc(buf, size + 1);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        size_t n = fread(buf + used, 1, size - used, f);
        used += n;
        if (n == 0) break;
    }
    fclose(f);
    buf[used] = '\0';
    *len = used;
    return buf;
}

static int content_group_setup(void **state) {
    (void)state;
    const char *path = SK_SOURCE_DIR "/tests/data/whole-en.yaml";
    size_t len = 0;
    char *text = read_text(path, &len);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    g_content = calloc(1, sizeof *g_content); /* ~260 KB: never on the stack */
    content_errors_t errors;
    bool ok = g_content && content_parse(g_content, text, len, &errors);
    free(text);
    if (!ok) {
        for (int i = 0; g_content && i < errors.count; i++) {
            char line[512];
            content_error_format(&errors.items[i], path, line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        free(g_content);
        g_content = NULL;
        return -1;
    }
    return 0;
}

static int content_group_teardown(void **state) {
    (void)state;
    free(g_content);
    g_content = NULL;
    return 0;
}

static bool same_scene(content_scene_ref_t a, content_scene_ref_t b) {
    return a.kind == b.kind && (a.kind != SCENE_EXERCISE || a.exercise == b.exercise);
}

static int playlist_of_kind(scene_kind_t kind) {
    const content_t *c = g_content;
    for (int i = 0; i < c->playlist_count; i++) {
        if (c->playlist[i].kind == kind) return i;
    }
    fail_msg("the playlist has no scene of kind %d", (int)kind);
    return -1;
}

/* Updates by DT until the scene changes or `max_seconds` pass; returns the updates made. */
static int run_until_scene_change(show_t *s, double max_seconds) {
    int start = s->view.playlist_index;
    int frames = 0;
    int limit = (int)ceil(max_seconds / DT);
    while (s->view.playlist_index == start && frames < limit) {
        show_update(s, DT);
        frames++;
    }
    return frames;
}

/* Asserts two shows are the same, byte for byte: nothing moved. */
static void assert_same_show(const show_t *a, const show_t *b) {
    assert_memory_equal(a, b, sizeof *a);
}

/* ---- Start and scene navigation ---------------------------------------------------- */

static void test_init_each_index(void **state) {
    (void)state;
    const content_t *c = g_content;
    assert_true(c->playlist_count >= 2);
    for (int i = 0; i < c->playlist_count; i++) {
        show_t s;
        show_init(&s, c, NULL, i);
        assert_ptr_equal(s.content, c);
        assert_int_equal(s.view.playlist_index, i);
        assert_true(same_scene(s.view.scene, c->playlist[i]));
        assert_true(s.view.time == 0.0);
        assert_int_equal(s.view.item, 0);
        assert_true(s.view.item_time == 0.0);
        assert_false(s.transitioning);
        assert_false(s.paused);
        assert_false(s.help);
        assert_float_equal(show_transition_mix(&s), 1.0f, 1e-6f);
    }
    /* Out of range is clamped to the playlist. */
    static const struct {
        int asked, expect_from_end; /* expected index = asked clamped; from_end: n - 1 */
    } clamp[] = {{-1, 0}, {-1000, 0}, {1000, 1}, {CONTENT_MAX_PLAYLIST, 1}};
    for (int i = 0; i < COUNT_OF(clamp); i++) {
        show_t s;
        show_init(&s, c, NULL, clamp[i].asked);
        int want = clamp[i].expect_from_end ? c->playlist_count - 1 : 0;
        assert_int_equal(s.view.playlist_index, want);
        assert_true(same_scene(s.view.scene, c->playlist[want]));
    }
}

static void test_next_prev_wrap(void **state) {
    (void)state;
    const content_t *c = g_content;
    int n = c->playlist_count;
    for (int i = 0; i < n; i++) {
        show_t s;
        show_init(&s, c, NULL, i);
        assert_true(show_command(&s, SHOW_CMD_NEXT_SCENE, 0));
        assert_int_equal(s.view.playlist_index, (i + 1) % n);
        assert_true(same_scene(s.view.scene, c->playlist[(i + 1) % n]));
        assert_true(s.transitioning);
        assert_int_equal(s.from.playlist_index, i);
        assert_true(show_transition_mix(&s) < 0.01f);

        show_init(&s, c, NULL, i);
        assert_true(show_command(&s, SHOW_CMD_PREV_SCENE, 0));
        assert_int_equal(s.view.playlist_index, (i + n - 1) % n);
        assert_true(same_scene(s.view.scene, c->playlist[(i + n - 1) % n]));
        assert_int_equal(s.from.playlist_index, i);
    }
    /* A full lap either way comes back to the start, through every entry. */
    show_t s;
    show_init(&s, c, NULL, 0);
    for (int k = 1; k <= n; k++) {
        show_command(&s, SHOW_CMD_NEXT_SCENE, 0);
        assert_int_equal(s.view.playlist_index, k % n);
    }
    for (int k = 1; k <= n; k++) {
        show_command(&s, SHOW_CMD_PREV_SCENE, 0);
        assert_int_equal(s.view.playlist_index, (n - k % n) % n);
    }
    assert_int_equal(s.view.playlist_index, 0);
}

static void test_goto_exercise(void **state) {
    (void)state;
    const content_t *c = g_content;
    assert_true(c->exercise_count >= 1);
    for (int start = 0; start < c->playlist_count; start++) {
        for (int n = 0; n < c->exercise_count; n++) { /* number key n + 1 */
            int e = show_numbered_exercise(c, n);
            assert_true(e >= 0);
            show_t s;
            show_init(&s, c, NULL, start);
            assert_true(show_command(&s, SHOW_CMD_GOTO_EXERCISE, n));
            assert_int_equal(s.view.scene.kind, SCENE_EXERCISE);
            assert_int_equal(s.view.scene.exercise, e);
            const content_scene_ref_t *entry = &c->playlist[s.view.playlist_index];
            assert_int_equal(entry->kind, SCENE_EXERCISE);
            assert_int_equal(entry->exercise, e);
            assert_true(s.view.time == 0.0);
            assert_int_equal(s.view.item, 0);
        }
    }
    /* Keys 1..9 on a show with fewer exercises: nothing happens. */
    const int bad[] = {-1, -100, c->exercise_count, c->exercise_count + 1, 9, 1000};
    for (int i = 0; i < COUNT_OF(bad); i++) {
        show_t s, before;
        show_init(&s, c, NULL, 0);
        show_update(&s, 1.5);
        before = s;
        assert_false(show_command(&s, SHOW_CMD_GOTO_EXERCISE, bad[i]));
        assert_memory_equal(&s, &before, sizeof s);
    }
}

static void test_goto_named(void **state) {
    (void)state;
    const content_t *c = g_content;
    static const struct {
        show_cmd_t cmd;
        scene_kind_t kind;
    } cases[] = {
        {SHOW_CMD_GOTO_INTRO, SCENE_INTRO},
        {SHOW_CMD_GOTO_CONTACT, SCENE_CONTACT},
        {SHOW_CMD_GOTO_REVIEWS, SCENE_REVIEWS},
    };
    for (int k = 0; k < COUNT_OF(cases); k++) {
        int want = playlist_of_kind(cases[k].kind);
        for (int start = 0; start < c->playlist_count; start++) {
            show_t s;
            show_init(&s, c, NULL, start);
            show_update(&s, 2.0);
            assert_true(show_command(&s, cases[k].cmd, 0));
            assert_int_equal(s.view.scene.kind, cases[k].kind);
            assert_int_equal(s.view.playlist_index, want);
            assert_true(s.view.time == 0.0);
            assert_int_equal(s.view.item, 0);
        }
        assert_int_equal(show_find_in_playlist(c, (content_scene_ref_t){cases[k].kind, -1}), want);
    }
    for (int e = 0; e < c->exercise_count; e++) {
        int i = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e});
        assert_true(i >= 0);
        assert_int_equal(c->playlist[i].exercise, e);
    }
    assert_int_equal(
        show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, c->exercise_count}), -1);
}

/* ---- Items: steps and review cards ------------------------------------------------- */

static void test_item_counts(void **state) {
    (void)state;
    const content_t *c = g_content;
    for (int e = 0; e < c->exercise_count; e++) {
        assert_int_equal(show_item_count(c, (content_scene_ref_t){SCENE_EXERCISE, e}),
                         c->exercises[e].step_count);
        assert_true(c->exercises[e].step_count >= 2);
    }
    assert_int_equal(show_item_count(c, (content_scene_ref_t){SCENE_REVIEWS, -1}),
                     c->reviews.count);
    assert_true(c->reviews.count >= 2);
    assert_int_equal(show_item_count(c, (content_scene_ref_t){SCENE_INTRO, -1}), 0);
    assert_int_equal(show_item_count(c, (content_scene_ref_t){SCENE_CONTACT, -1}), 0);
}

static void test_exercise_items_clamp(void **state) {
    (void)state;
    const content_t *c = g_content;
    for (int e = 0; e < c->exercise_count; e++) {
        int n = c->exercises[e].step_count;
        double step_seconds = scene_seconds(c, (content_scene_ref_t){SCENE_EXERCISE, e}) / n;
        show_t s;
        show_init(&s, c, NULL, show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e}));
        int scene = s.view.playlist_index;
        for (int k = 1; k < n; k++) {
            assert_true(show_command(&s, SHOW_CMD_NEXT_ITEM, 0));
            assert_int_equal(s.view.item, k);
            assert_true(s.view.item_time == 0.0);
            /* The chosen step stays highlighted: time does not snap it back. */
            show_update(&s, DT);
            assert_int_equal(s.view.item, k);
            assert_int_equal(s.view.playlist_index, scene);
        }
        show_t before = s;
        assert_false(show_command(&s, SHOW_CMD_NEXT_ITEM, 0)); /* clamps at the last step */
        assert_memory_equal(&s, &before, sizeof s);
        for (int k = n - 2; k >= 0; k--) {
            assert_true(show_command(&s, SHOW_CMD_PREV_ITEM, 0));
            assert_int_equal(s.view.item, k);
        }
        before = s;
        assert_false(show_command(&s, SHOW_CMD_PREV_ITEM, 0)); /* clamps at the first */
        assert_memory_equal(&s, &before, sizeof s);
        assert_int_equal(s.view.playlist_index, scene);

        /* A step picked by hand still gets its full share of time before the next one. */
        show_command(&s, SHOW_CMD_NEXT_ITEM, 0);
        int frames = 0;
        while (s.view.item == 1 && frames < 100000) {
            show_update(&s, DT);
            frames++;
        }
        assert_int_equal(s.view.item, 2);
        assert_true(fabs(frames * DT - step_seconds) <= DT + TIME_EPS);
    }
}

static void test_review_items_loop(void **state) {
    (void)state;
    const content_t *c = g_content;
    int n = c->reviews.count;
    show_t s;
    show_init(&s, c, NULL, playlist_of_kind(SCENE_REVIEWS));
    for (int k = 1; k <= 2 * n; k++) {
        assert_true(show_command(&s, SHOW_CMD_NEXT_ITEM, 0));
        assert_int_equal(s.view.item, k % n);
    }
    for (int k = 1; k <= 2 * n; k++) {
        assert_true(show_command(&s, SHOW_CMD_PREV_ITEM, 0));
        assert_int_equal(s.view.item, ((-k % n) + n) % n);
    }
    assert_int_equal(s.view.item, 0);
    assert_true(show_command(&s, SHOW_CMD_PREV_ITEM, 0)); /* first card: back to the last */
    assert_int_equal(s.view.item, n - 1);
    assert_int_equal(s.view.scene.kind, SCENE_REVIEWS);
}

static void test_items_ignored_without_items(void **state) {
    (void)state;
    const content_t *c = g_content;
    const scene_kind_t kinds[] = {SCENE_INTRO, SCENE_CONTACT};
    const show_cmd_t cmds[] = {SHOW_CMD_NEXT_ITEM, SHOW_CMD_PREV_ITEM};
    for (int k = 0; k < COUNT_OF(kinds); k++) {
        for (int m = 0; m < COUNT_OF(cmds); m++) {
            show_t s, before;
            show_init(&s, c, NULL, playlist_of_kind(kinds[k]));
            show_update(&s, 3.0);
            before = s;
            assert_false(show_command(&s, cmds[m], 0));
            assert_memory_equal(&s, &before, sizeof s);
        }
    }
}

/* ---- Time ---------------------------------------------------------------------------- */

static void test_auto_advance_and_transition(void **state) {
    (void)state;
    const content_t *c = g_content;
    int n = c->playlist_count;
    double tr = c->timing.transition_seconds;
    assert_true(tr > 0.0);
    for (int i = 0; i < n; i++) {
        show_t s;
        show_init(&s, c, NULL, i);
        double secs = scene_seconds(c, c->playlist[i]);
        assert_true(secs > 1.0);
        int frames = run_until_scene_change(&s, secs + 1.0);
        assert_int_equal(s.view.playlist_index, (i + 1) % n);
        assert_true(fabs(frames * DT - secs) <= DT + TIME_EPS);
        assert_true(s.transitioning);
        assert_int_equal(s.from.playlist_index, i);
        assert_true(s.view.time == 0.0);
        assert_int_equal(s.view.item, 0);

        /* The transition: 0 -> 1 without going back, done after transition_seconds. */
        float prev = show_transition_mix(&s);
        assert_true(prev >= 0.0f && prev < 0.01f);
        bool seen_middle = false;
        int steps = 0;
        while (s.transitioning && steps < 10000) {
            show_update(&s, DT);
            steps++;
            float mix = show_transition_mix(&s);
            assert_true(mix >= prev);
            assert_true(mix <= 1.0f);
            if (mix > 0.3f && mix < 0.7f) seen_middle = true;
            prev = mix;
        }
        assert_false(s.transitioning);
        assert_true(seen_middle);
        assert_float_equal(show_transition_mix(&s), 1.0f, 1e-6f);
        assert_true(fabs(steps * DT - tr) <= DT + TIME_EPS);
        assert_int_equal(s.view.playlist_index, (i + 1) % n); /* no extra scene change */
    }
}

static void test_exercise_steps_in_order(void **state) {
    (void)state;
    const content_t *c = g_content;
    for (int e = 0; e < c->exercise_count; e++) {
        content_scene_ref_t ref = {SCENE_EXERCISE, e};
        int n = c->exercises[e].step_count;
        double secs = scene_seconds(c, ref);
        show_t s;
        show_init(&s, c, NULL, show_find_in_playlist(c, ref));
        int scene = s.view.playlist_index;
        bool seen[CONTENT_MAX_STEPS] = {false};
        double started[CONTENT_MAX_STEPS] = {0};
        int last = 0;
        seen[0] = true;
        int frames = 0;
        while (s.view.playlist_index == scene && frames < 1000000) {
            show_update(&s, DT);
            frames++;
            if (s.view.playlist_index != scene) break;
            int item = s.view.item;
            assert_true(item == last || item == last + 1); /* in order, none skipped */
            if (item != last) {
                assert_false(seen[item]);
                seen[item] = true;
                started[item] = s.view.time;
                assert_true(s.view.item_time == 0.0);
                last = item;
            }
        }
        for (int k = 0; k < n; k++) {
            assert_true(seen[k]);
            /* Steps share the scene evenly; each starts within a frame of its share. */
            assert_true(fabs(started[k] - secs * k / n) <= DT + TIME_EPS);
        }
        assert_int_equal(last, n - 1);
    }
}

static void test_review_cards_timing(void **state) {
    (void)state;
    const content_t *c = g_content;
    int n = c->reviews.count;
    double lo = c->timing.review_min_seconds, hi = c->timing.review_max_seconds;
    assert_true(lo > 0.0 && hi >= lo);
    double total = 0.0;
    int longest = 0;
    for (int r = 0; r < n; r++) {
        double t = show_review_seconds(c, r);
        assert_true(t >= lo - TIME_EPS && t <= hi + TIME_EPS);
        total += t;
        if (c->reviews.items[r].word_count > c->reviews.items[longest].word_count) longest = r;
    }
    /* The longest review can be read to its end while its card shows (--check-content
     * refuses a file where it cannot) ... */
    double reading =
        c->reviews.items[longest].word_count * 60.0 / c->timing.reading_words_per_minute;
    assert_true(reading > lo && reading <= hi);
    assert_true(fabs(show_review_seconds(c, longest) - reading) < TIME_EPS);
    /* ... and where a card may stay less than that, it is capped. */
    content_t *capped = malloc(sizeof *capped);
    assert_non_null(capped);
    memcpy(capped, c, sizeof *capped);
    capped->timing.review_max_seconds = (float)(reading * 0.5);
    assert_true(capped->timing.review_max_seconds > lo);
    assert_true(fabs(show_review_seconds(capped, longest) - reading * 0.5) < 1e-3);
    free(capped);
    /* A longer review never gets less time than a shorter one. */
    for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
            if (c->reviews.items[a].word_count > c->reviews.items[b].word_count) {
                assert_true(show_review_seconds(c, a) >= show_review_seconds(c, b));
            }
        }
    }
    content_scene_ref_t ref = {SCENE_REVIEWS, -1};
    assert_true(fabs(scene_seconds(c, ref) - total) < TIME_EPS);

    /* Played through: every card in order, each for its own reading time. */
    show_t s;
    show_init(&s, c, NULL, playlist_of_kind(SCENE_REVIEWS));
    int scene = s.view.playlist_index;
    double card_start = 0.0, expected_start = 0.0;
    int last = 0;
    int frames = 0;
    while (frames < 1000000) {
        show_update(&s, DT);
        frames++;
        double now = frames * DT;
        bool left = s.view.playlist_index != scene;
        if (left || s.view.item != last) {
            double shown = now - card_start;
            assert_true(fabs(shown - show_review_seconds(c, last)) <= DT + TIME_EPS);
            expected_start += show_review_seconds(c, last);
            if (left) break;
            assert_int_equal(s.view.item, last + 1);
            assert_true(fabs(now - expected_start) <= DT + TIME_EPS);
            last = s.view.item;
            card_start = now;
        }
    }
    assert_int_equal(last, n - 1);
    assert_int_equal(s.view.playlist_index, (scene + 1) % c->playlist_count);
}

static void test_pause_freezes(void **state) {
    (void)state;
    const content_t *c = g_content;
    const scene_kind_t kinds[] = {SCENE_INTRO, SCENE_EXERCISE, SCENE_REVIEWS, SCENE_CONTACT};
    for (int k = 0; k < COUNT_OF(kinds); k++) {
        int index = playlist_of_kind(kinds[k]);
        content_scene_ref_t ref = c->playlist[index];
        double secs = scene_seconds(c, ref);
        show_t s;
        show_init(&s, c, NULL, index);
        double before_pause = secs * 0.55; /* past the first item where there are items */
        for (int f = 0; f < (int)(before_pause / DT); f++) show_update(&s, DT);
        int item = s.view.item;
        if (show_item_count(c, ref) > 0) assert_true(item > 0);

        assert_true(show_command(&s, SHOW_CMD_TOGGLE_PAUSE, 0));
        assert_true(s.paused);
        show_t frozen = s;
        int pause_frames = (int)(2.0 * secs / DT); /* long enough to have ended the scene */
        for (int f = 0; f < pause_frames; f++) show_update(&s, DT);
        assert_same_show(&s, &frozen);

        assert_true(show_command(&s, SHOW_CMD_TOGGLE_PAUSE, 0));
        assert_false(s.paused);
        double t = s.view.time;
        /* resuming counts back in (timing.resume_seconds) before time moves on */
        int recount = 0;
        while (show_frozen(&s)) {
            assert_true(s.view.time == t);
            show_update(&s, DT);
            recount++;
        }
        assert_true(abs(recount - (int)lround(c->timing.resume_seconds / DT)) <= 1);
        show_update(&s, DT);
        assert_true(fabs(s.view.time - (t + DT)) < TIME_EPS);
        assert_int_equal(s.view.playlist_index, index);
        /* The rest of the scene plays out as if the pause had not been. */
        int frames = run_until_scene_change(&s, secs);
        assert_int_equal(s.view.playlist_index, (index + 1) % c->playlist_count);
        assert_true(fabs((frames + 1) * DT - (secs - t)) <= 2 * DT + TIME_EPS);
    }
}

static void test_reenter_starts_fresh(void **state) {
    (void)state;
    const content_t *c = g_content;
    const scene_kind_t kinds[] = {SCENE_INTRO, SCENE_EXERCISE, SCENE_REVIEWS, SCENE_CONTACT};
    for (int k = 0; k < COUNT_OF(kinds); k++) {
        int index = playlist_of_kind(kinds[k]);
        double secs = scene_seconds(c, c->playlist[index]);
        show_t s;
        show_init(&s, c, NULL, index);
        for (int f = 0; f < (int)(secs * 0.8 / DT); f++) show_update(&s, DT);
        assert_true(s.view.time > 1.0);
        /* Leave and come back, by scene keys ... */
        show_command(&s, SHOW_CMD_NEXT_SCENE, 0);
        show_update(&s, 1.0);
        show_command(&s, SHOW_CMD_PREV_SCENE, 0);
        assert_int_equal(s.view.playlist_index, index);
        assert_true(s.view.time == 0.0);
        assert_int_equal(s.view.item, 0);
        assert_true(s.view.item_time == 0.0);
        /* ... and by jumping to it while on it. */
        for (int f = 0; f < (int)(secs * 0.8 / DT); f++) show_update(&s, DT);
        assert_int_equal(s.view.playlist_index, index);
        if (kinds[k] == SCENE_EXERCISE) {
            int n = 0;
            while (show_numbered_exercise(c, n) != c->playlist[index].exercise) n++;
            show_command(&s, SHOW_CMD_GOTO_EXERCISE, n);
        } else {
            show_cmd_t cmd = kinds[k] == SCENE_INTRO     ? SHOW_CMD_GOTO_INTRO
                             : kinds[k] == SCENE_REVIEWS ? SHOW_CMD_GOTO_REVIEWS
                                                         : SHOW_CMD_GOTO_CONTACT;
            show_command(&s, cmd, 0);
        }
        assert_int_equal(s.view.playlist_index, index);
        assert_true(s.view.time == 0.0);
        assert_int_equal(s.view.item, 0);
    }
}

static void test_help_toggles(void **state) {
    (void)state;
    const content_t *c = g_content;
    show_t s;
    show_init(&s, c, NULL, 0);
    show_update(&s, 1.0);
    show_view_t view = s.view;
    assert_true(show_command(&s, SHOW_CMD_TOGGLE_HELP, 0));
    assert_true(s.help);
    assert_memory_equal(&s.view, &view, sizeof view);
    assert_true(show_command(&s, SHOW_CMD_TOGGLE_HELP, 0));
    assert_false(s.help);
    /* Help stays up across a scene change. */
    show_command(&s, SHOW_CMD_TOGGLE_HELP, 0);
    show_command(&s, SHOW_CMD_NEXT_SCENE, 0);
    assert_true(s.help);
    assert_false(show_command(&s, SHOW_CMD_NONE, 0));
    assert_false(show_command(&s, SHOW_CMD_NUM, 0));
}

/* A notice (S: "Sound on") stays SHOW_NOTICE_SECONDS on the show's own clock, paused or not,
 * changes nothing else, and a new one takes its place with its full time. */
static void test_notice(void **state) {
    (void)state;
    const content_t *c = g_content;
    show_t s;
    show_init(&s, c, NULL, 0);
    assert_int_equal(s.notice, SHOW_NOTICE_NONE);
    show_update(&s, 1.0);
    show_view_t view = s.view;
    show_notice(&s, SHOW_NOTICE_SOUND_ON);
    assert_int_equal(s.notice, SHOW_NOTICE_SOUND_ON);
    assert_memory_equal(&s.view, &view, sizeof view);
    show_command(&s, SHOW_CMD_TOGGLE_PAUSE, 0);
    for (int i = 0; i < 80; i++) show_update(&s, DT); /* 1.33 s */
    assert_int_equal(s.notice, SHOW_NOTICE_SOUND_ON);
    show_notice(&s, SHOW_NOTICE_SOUND_OFF); /* pressed again: the new word, its full time */
    for (int i = 0; i < 80; i++) show_update(&s, DT);
    assert_int_equal(s.notice, SHOW_NOTICE_SOUND_OFF);
    for (int i = 0; i < 11; i++) show_update(&s, DT); /* 1.52 s: gone */
    assert_int_equal(s.notice, SHOW_NOTICE_NONE);
    assert_true(s.notice_left == 0.0);
    show_notice(&s, SHOW_NOTICE_NUM); /* not a notice: none */
    assert_int_equal(s.notice, SHOW_NOTICE_NONE);
}

/* Every scene entered counts, the same one again too (what tells sound cues a new scene from
 * a step jump); a step jump does not. */
static void test_scene_serial(void **state) {
    (void)state;
    const content_t *c = g_content;
    show_t s;
    show_init(&s, c, NULL, 1);
    assert_int_equal(s.scene_serial, 0);
    show_command(&s, SHOW_CMD_NEXT_ITEM, 0);
    assert_int_equal(s.scene_serial, 0);
    show_command(&s, SHOW_CMD_NEXT_SCENE, 0);
    assert_int_equal(s.scene_serial, 1);
    show_command(&s, SHOW_CMD_GOTO_EXERCISE, 0);
    show_command(&s, SHOW_CMD_GOTO_EXERCISE, 0); /* the same scene again */
    assert_int_equal(s.scene_serial, 3);
    double left = show_scene_seconds(&s, s.view.scene);
    for (double t = 0; t < left + 0.5; t += DT) show_update(&s, DT); /* it moves on by itself */
    assert_int_equal(s.scene_serial, 4);
}

/* A fixed pseudo-random script of commands and time steps. */
static void play_script(show_t *s, uint32_t seed, int length, int perturb_at) {
    uint32_t x = seed;
    for (int i = 0; i < length; i++) {
        x = x * 1664525u + 1013904223u;
        uint32_t r = x >> 8;
        if (r % 7 == 0) {
            show_cmd_t cmd = (show_cmd_t)(1 + (r / 7) % (SHOW_CMD_NUM - 1));
            if (cmd == SHOW_CMD_TOGGLE_PAUSE && (r / 64) % 2) cmd = SHOW_CMD_NEXT_ITEM;
            int arg = (int)((r / 1024) % 6) - 1;
            show_command(s, cmd, arg);
        }
        if (i == perturb_at) show_command(s, SHOW_CMD_NEXT_SCENE, 0);
        show_update(s, (r % 5 == 0) ? 0.25 : DT);
    }
}

static void test_determinism(void **state) {
    (void)state;
    const content_t *c = g_content;
    static const uint32_t seeds[] = {1u, 42u, 2024u, 0xdeadbeefu};
    for (int k = 0; k < COUNT_OF(seeds); k++) {
        show_t *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b), *d = calloc(1, sizeof *d);
        assert_non_null(a);
        assert_non_null(b);
        assert_non_null(d);
        show_init(a, c, NULL, k % c->playlist_count);
        show_init(b, c, NULL, k % c->playlist_count);
        play_script(a, seeds[k], 20000, -1);
        play_script(b, seeds[k], 20000, -1);
        assert_memory_equal(a, b, sizeof *a);
        /* The comparison can tell shows apart: one changed command makes a difference. */
        show_init(d, c, NULL, k % c->playlist_count);
        play_script(d, seeds[k], 20000, 19999);
        assert_true(memcmp(a, d, sizeof *a) != 0);
        free(a);
        free(b);
        free(d);
    }
}

/* Down/Up on the carousel hold it for timing.idle_seconds: the card stays put while someone
 * reads, then the carousel moves on, giving the card its full time again. */
static void test_browsing_waits_idle_time(void **state) {
    (void)state;
    const content_t *c = g_content;
    show_t s;
    show_init(&s, c, NULL, playlist_of_kind(SCENE_REVIEWS));
    assert_true(show_command(&s, SHOW_CMD_NEXT_ITEM, 0));
    assert_int_equal(s.view.item, 1);
    int frames = (int)(c->timing.idle_seconds / DT) - 2;
    for (int f = 0; f < frames; f++) show_update(&s, DT);
    assert_int_equal(s.view.item, 1); /* far longer than a card's time, still the same */
    assert_int_equal(s.view.scene.kind, SCENE_REVIEWS);
    for (int f = 0; f < 4; f++) show_update(&s, DT);
    double card = show_review_seconds(c, 1);
    for (int f = 0; f < (int)(card / DT) - 3; f++) show_update(&s, DT);
    assert_int_equal(s.view.item, 1); /* then its full reading time */
    for (int f = 0; f < 6; f++) show_update(&s, DT);
    assert_int_equal(s.view.item, 2);
    assert_true(s.view.item_mix < 1.0f); /* sliding in */
}

/* Reviews interleaved between exercises: each "review" stop of the playlist shows one card,
 * the next in turn, for its reading time. */
static void test_review_stops_take_turns(void **state) {
    (void)state;
    size_t len = 0;
    char *text = read_text(SK_SOURCE_DIR "/tests/data/whole-en.yaml", &len);
    assert_non_null(text);
    const char *old = "  - reviews\n";
    char *at = strstr(text, old);
    assert_non_null(at);
    /* the carousel becomes single cards after each exercise */
    size_t cap = len + 256;
    char *edited = malloc(cap);
    assert_non_null(edited);
    size_t head = (size_t)(at - text);
    memcpy(edited, text, head);
    edited[head] = '\0';
    strcat(edited, "  - review\n");
    strcat(edited, at + strlen(old));
    char *p = strstr(edited, "  - childs-pose\n");
    assert_non_null(p);
    memmove(p + 11, p, strlen(p) + 1);
    memcpy(p, "  - review\n", 11);
    content_t *c = malloc(sizeof *c);
    content_errors_t *errors = malloc(sizeof *errors);
    assert_non_null(c);
    assert_non_null(errors);
    assert_true(content_parse(c, edited, strlen(edited), errors));
    show_t s;
    show_init(&s, c, NULL, 0);
    int seen[8], n = 0;
    for (long f = 0; f < (long)(2000 / DT) && n < 6; f++) {
        int before = s.view.playlist_index;
        show_update(&s, DT);
        if (s.view.playlist_index != before && s.view.scene.kind == SCENE_REVIEW) {
            seen[n++] = s.view.item;
            assert_true(fabs(show_scene_seconds(&s, s.view.scene) -
                             show_review_seconds(c, s.view.item)) < 1e-9);
        }
    }
    assert_int_equal(n, 6);
    for (int i = 0; i < n; i++) assert_int_equal(seen[i], i % c->reviews.count);
    free(errors);
    free(c);
    free(edited);
    free(text);
}

/* ---- Places: Down/Up keep the patient's side and repetition ---------------------------- */

/* What the screen says at time t of a routine, read as the renderer reads it: the step
 * highlighted, and the side and repetition the counter gives. */
static choreo_place_t seen_at(const choreo_t *ch, double t) {
    static choreo_state_t st; /* (large: not on the stack) */
    countdown_t cd;
    choreo_sample(ch, t, &st);
    countdown_compute(ch, &st, &cd);
    return (choreo_place_t){st.step, cd.side, cd.repetition};
}

static bool same_place(choreo_place_t a, choreo_place_t b) {
    return a.step == b.step && a.side == b.side && a.repetition == b.repetition;
}

static const char *side_name(content_side_t side) {
    return side == CONTENT_SIDE_RIGHT ? "right" : side == CONTENT_SIDE_LEFT ? "left" : "none";
}

/* A routine as a patient sees it go by: the times at which what the screen says (step, side,
 * repetition) changes, found by looking at the screen at every instance's start. */
typedef struct stops_seen_t {
    double at[CHOREO_MAX_INSTANCES];
    choreo_place_t place[CHOREO_MAX_INSTANCES];
    int count;
} stops_seen_t;

static void stops_seen(const choreo_t *ch, stops_seen_t *out) {
    out->count = 0;
    for (int k = 0; k < ch->count; k++) {
        double t = ch->inst[k].start;
        if (t >= ch->duration) continue;
        choreo_place_t p = seen_at(ch, t);
        if (out->count > 0 && same_place(p, out->place[out->count - 1])) continue;
        if (out->count > 0 && t <= out->at[out->count - 1]) { /* an instance of no length */
            out->place[out->count - 1] = p;
            continue;
        }
        out->at[out->count] = t;
        out->place[out->count] = p;
        out->count++;
    }
}

static int stop_index(const stops_seen_t *stops, double t) {
    int i = 0;
    while (i + 1 < stops->count && stops->at[i + 1] <= t + TIME_EPS) i++;
    return i;
}

/* The show landed on stop i: its start, its step highlighted, its place on screen. */
static void assert_on_stop(const show_t *s, const choreo_t *ch, const stops_seen_t *stops, int i,
                           const char *what, double from) {
    choreo_place_t p = seen_at(ch, s->view.time);
    if (fabs(s->view.time - stops->at[i]) > TIME_EPS || !same_place(p, stops->place[i]) ||
        s->view.item != p.step) {
        fail_msg("%s from %.2f s: at %.2f s step %d %s repetition %d (highlighted %d); expected "
                 "%.2f s step %d %s repetition %d",
                 what, from, s->view.time, p.step + 1, side_name(p.side), p.repetition,
                 s->view.item + 1, stops->at[i], stops->place[i].step + 1,
                 side_name(stops->place[i].side), stops->place[i].repetition);
    }
}

/* Down then Up, and Up then Down, come back to the step, side and repetition the patient was
 * on, from every moment of every routine in both pacings (every 0.25 s, every instance's start
 * and just after it). Down goes to the next change of what the screen says: the next step of
 * this side and repetition, and only past its last the next side or repetition; Up to the
 * start of the one before. */
static void test_up_down_keep_the_place(void **state) {
    (void)state;
    const content_t *c = g_content;
    stops_seen_t *stops = malloc(sizeof *stops);
    assert_non_null(stops);
    for (int pacing = 0; pacing < CHOREO_PACING_NUM; pacing++) {
        choreo_t *chs = support_build_choreos(c, (choreo_pacing_t)pacing);
        assert_non_null(chs);
        for (int e = 0; e < c->exercise_count; e++) {
            const choreo_t *ch = &chs[e];
            int index = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e});
            assert_true(index >= 0);
            stops_seen(ch, stops);
            assert_true(stops->count >= c->exercises[e].step_count);
            int n_times = (int)ceil(ch->duration / 0.25);
            for (int m = 0; m < n_times + 2 * ch->count; m++) {
                double t = m < n_times
                               ? m * 0.25
                               : ch->inst[(m - n_times) / 2].start + 0.01 * ((m - n_times) % 2);
                if (t >= ch->duration - 0.05) continue;
                show_t s;
                show_init(&s, c, chs, index);
                if (t > 0) show_update(&s, t);
                assert_int_equal(s.view.playlist_index, index);
                assert_true(fabs(s.view.time - t) < TIME_EPS);
                int i = stop_index(stops, t);
                assert_true(same_place(seen_at(ch, t), stops->place[i]));

                show_t down = s; /* Down, then Up */
                if (i + 1 < stops->count) {
                    assert_true(show_command(&down, SHOW_CMD_NEXT_ITEM, 0));
                    assert_on_stop(&down, ch, stops, i + 1, "Down", t);
                    assert_true(show_command(&down, SHOW_CMD_PREV_ITEM, 0));
                    assert_on_stop(&down, ch, stops, i, "Down then Up", t);
                } else { /* the routine's last stop: nothing further */
                    assert_false(show_command(&down, SHOW_CMD_NEXT_ITEM, 0));
                    assert_memory_equal(&down, &s, sizeof s);
                }
                show_t up = s; /* Up, then Down */
                if (i > 0) {
                    assert_true(show_command(&up, SHOW_CMD_PREV_ITEM, 0));
                    assert_on_stop(&up, ch, stops, i - 1, "Up", t);
                    assert_true(show_command(&up, SHOW_CMD_NEXT_ITEM, 0));
                    assert_on_stop(&up, ch, stops, i, "Up then Down", t);
                } else {
                    assert_false(show_command(&up, SHOW_CMD_PREV_ITEM, 0));
                    assert_memory_equal(&up, &s, sizeof s);
                }
            }
        }
        free(chs);
    }
    free(stops);
}

/* The first moment of a routine where the screen says this side and repetition. */
static double find_place(const choreo_t *ch, content_side_t side, int repetition) {
    for (double t = 0; t < ch->duration; t += 0.05) {
        choreo_place_t p = seen_at(ch, t);
        if (p.side == side && p.repetition == repetition) return t;
    }
    fail_msg("no %s side, repetition %d", side_name(side), repetition);
    return -1;
}

/* The cases in issue 13, as a patient met them. */
static void test_up_down_cases_seen(void **state) {
    (void)state;
    const content_t *c = g_content;
    choreo_t *chs = support_build_choreos(c, CHOREO_PACING_FOLLOW);
    assert_non_null(chs);
    int knees = support_exercise_index(c, "knees-to-chest");
    int twists = support_exercise_index(c, "spinal-twists");
    assert_true(knees >= 0 && twists >= 0);
    const choreo_t *ch = &chs[knees];
    int index = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, knees});
    show_t s, at4;
    /* Right side, repetition 4: Up goes back to what came just before (the left leg's 3rd),
     * not to the left leg's first; Down then Up comes back to right 4. */
    show_init(&at4, c, chs, index);
    show_update(&at4, find_place(ch, CONTENT_SIDE_RIGHT, 4) + 1.0);
    s = at4;
    assert_true(show_command(&s, SHOW_CMD_PREV_ITEM, 0));
    choreo_place_t p = seen_at(ch, s.view.time);
    assert_int_equal(p.side, CONTENT_SIDE_LEFT);
    assert_int_equal(p.repetition, 3);
    s = at4;
    assert_true(show_command(&s, SHOW_CMD_NEXT_ITEM, 0));
    assert_true(show_command(&s, SHOW_CMD_PREV_ITEM, 0));
    p = seen_at(ch, s.view.time);
    assert_int_equal(p.side, CONTENT_SIDE_RIGHT);
    assert_int_equal(p.repetition, 4);
    /* Right side, repetition 2: Down then Up, still right 2. */
    show_init(&s, c, chs, index);
    show_update(&s, find_place(ch, CONTENT_SIDE_RIGHT, 2) + 1.0);
    assert_true(show_command(&s, SHOW_CMD_NEXT_ITEM, 0));
    assert_true(show_command(&s, SHOW_CMD_PREV_ITEM, 0));
    p = seen_at(ch, s.view.time);
    assert_int_equal(p.side, CONTENT_SIDE_RIGHT);
    assert_int_equal(p.repetition, 2);
    /* Spinal twists, on the left side: Down stays on the left (step 2 -> step 3). */
    ch = &chs[twists];
    show_init(&s, c, chs, show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, twists}));
    show_update(&s, find_place(ch, CONTENT_SIDE_LEFT, 1) + 1.0);
    assert_int_equal(s.view.item, 1);
    for (int step = 2; step <= 3; step++) {
        assert_true(show_command(&s, SHOW_CMD_NEXT_ITEM, 0));
        p = seen_at(ch, s.view.time);
        assert_int_equal(p.side, CONTENT_SIDE_LEFT);
        assert_int_equal(p.step, step);
        assert_int_equal(s.view.item, step);
    }
    free(chs);
}

/* In kiosk mode, a visitor taking over goes on from the start of the step, side and
 * repetition the demo was showing, in the follow-along routine (where that routine has it:
 * else the same step and side at the nearest repetition). */
static void test_takeover_keeps_the_place(void **state) {
    (void)state;
    const content_t *c = g_content;
    choreo_t *demo = support_build_choreos(c, CHOREO_PACING_DEMO);
    choreo_t *follow = support_build_choreos(c, CHOREO_PACING_FOLLOW);
    stops_seen_t *stops = malloc(sizeof *stops);
    assert_non_null(demo);
    assert_non_null(follow);
    assert_non_null(stops);
    for (int e = 0; e < c->exercise_count; e++) {
        int index = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e});
        stops_seen(&follow[e], stops);
        for (double t = 0; t < demo[e].duration - 0.05; t += 0.25) {
            show_t s;
            show_init_kiosk(&s, c, demo, follow, index);
            if (t > 0) show_update(&s, t);
            choreo_place_t was = seen_at(&demo[e], t);
            show_command(&s, SHOW_CMD_TOGGLE_HELP, 0);
            assert_true(s.takeover);
            assert_ptr_equal(s.view.choreos, follow);
            choreo_place_t now = seen_at(&follow[e], s.view.time);
            int best = -1; /* where the follow routine has this place, or its nearest */
            for (int i = 0; i < stops->count; i++) {
                choreo_place_t p = stops->place[i];
                if (p.step != was.step || p.side != was.side) continue;
                if (best < 0 || abs(p.repetition - was.repetition) <
                                    abs(stops->place[best].repetition - was.repetition)) {
                    best = i;
                }
            }
            assert_true(best >= 0);
            if (!same_place(now, stops->place[best]) ||
                fabs(s.view.time - stops->at[best]) > TIME_EPS || s.view.item != now.step) {
                fail_msg("%s: takeover at %.2f s (step %d %s %d) went to %.2f s (step %d %s %d)",
                         c->exercises[e].id, t, was.step + 1, side_name(was.side), was.repetition,
                         s.view.time, now.step + 1, side_name(now.side), now.repetition);
            }
        }
    }
    free(stops);
    free(follow);
    free(demo);
}

/* A content edit that changes a routine's length (a longer get-ready count) keeps the
 * patient's step, side and repetition, from its start. */
static void test_rebind_keeps_the_place(void **state) {
    (void)state;
    const content_t *c = g_content;
    size_t len = 0;
    char *text = read_text(SK_SOURCE_DIR "/tests/data/whole-en.yaml", &len);
    assert_non_null(text);
    char *at = strstr(text, "get_ready_seconds: 3");
    assert_non_null(at);
    at[strlen("get_ready_seconds: ")] = '4';
    content_t *edited = malloc(sizeof *edited);
    content_errors_t *errors = malloc(sizeof *errors);
    assert_non_null(edited);
    assert_non_null(errors);
    assert_true(content_parse(edited, text, len, errors));
    choreo_t *old = support_build_choreos(c, CHOREO_PACING_FOLLOW);
    choreo_t *new = support_build_choreos(edited, CHOREO_PACING_FOLLOW);
    assert_non_null(old);
    assert_non_null(new);
    int changed = 0;
    for (int e = 0; e < c->exercise_count; e++) {
        int index = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e});
        if (fabs(old[e].duration - new[e].duration) < 1e-6) continue; /* goes on as it was */
        changed++;
        for (int k = 0; k < old[e].count; k++) {
            double t = old[e].inst[k].start + 0.3;
            if (t >= old[e].duration) continue;
            show_t s;
            show_init(&s, c, old, index);
            show_update(&s, t);
            choreo_place_t was = seen_at(&old[e], t);
            show_rebind(&s, edited, new, new);
            choreo_place_t now = seen_at(&new[e], s.view.time);
            assert_true(same_place(was, now));
            assert_int_equal(s.view.item, now.step);
            assert_true(fabs(choreo_stop_start(&new[e], s.view.time, 0) - s.view.time) < TIME_EPS);
        }
    }
    assert_true(changed >= 2);
    free(new);
    free(old);
    free(errors);
    free(edited);
    free(text);
}

/* ---- Number keys ------------------------------------------------------------------------ */

/* Number keys follow the playlist's exercises in the order they are first played, however
 * many there are (up to 9): with a fifth exercise, and the playlist in another order than the
 * exercises are written, key n still reaches the n-th exercise played. */
static void test_number_keys_follow_the_playlist(void **state) {
    (void)state;
    size_t len = 0;
    char *text = read_text(SK_SOURCE_DIR "/tests/data/five-exercises.yaml", &len);
    assert_non_null(text);
    content_t *c = malloc(sizeof *c);
    content_errors_t *errors = malloc(sizeof *errors);
    assert_non_null(c);
    assert_non_null(errors);
    assert_true(content_parse(c, text, len, errors));
    assert_int_equal(c->exercise_count, 5);
    for (int n = 0; n < 5; n++) { /* as written: the playlist's order is the file's */
        int e = show_numbered_exercise(c, n);
        assert_int_equal(
            e, c->playlist[show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e})]
                   .exercise);
        show_t s;
        show_init(&s, c, NULL, 0);
        assert_true(show_command(&s, SHOW_CMD_GOTO_EXERCISE, n));
        assert_int_equal(s.view.scene.kind, SCENE_EXERCISE);
        assert_int_equal(s.view.scene.exercise, e);
    }
    assert_string_equal(c->exercises[show_numbered_exercise(c, 4)].id, "bridge");
    for (int n = 5; n <= SHOW_NUMBERED_MAX; n++) assert_int_equal(show_numbered_exercise(c, n), -1);
    assert_int_equal(show_numbered_exercise(c, -1), -1);

    /* The playlist reordered: bridge first, knees to chest twice; 1 is the bridge, 5 press-ups */
    const char *old = "playlist:\n  - intro\n  - spinal-twists\n  - childs-pose\n"
                      "  - knees-to-chest\n  - press-up-back-extensions\n  - bridge\n";
    const char *new = "playlist:\n  - intro\n  - bridge\n  - knees-to-chest\n  - spinal-twists\n"
                      "  - knees-to-chest\n  - childs-pose\n  - press-up-back-extensions\n";
    char *at = strstr(text, old);
    assert_non_null(at);
    assert_int_equal(strlen(old) + strlen("  - knees-to-chest\n"), strlen(new));
    size_t cap = len + strlen(new) + 1;
    char *edited = malloc(cap);
    assert_non_null(edited);
    snprintf(edited, cap, "%.*s%s%s", (int)(at - text), text, new, at + strlen(old));
    assert_true(content_parse(c, edited, strlen(edited), errors));
    static const char *const order[] = {"bridge", "knees-to-chest", "spinal-twists", "childs-pose",
                                        "press-up-back-extensions"};
    for (int n = 0; n < COUNT_OF(order); n++) {
        int e = show_numbered_exercise(c, n);
        assert_true(e >= 0);
        assert_string_equal(c->exercises[e].id, order[n]);
        show_t s;
        show_init(&s, c, NULL, 0);
        assert_true(show_command(&s, SHOW_CMD_GOTO_EXERCISE, n));
        assert_int_equal(s.view.scene.exercise, e);
        assert_int_equal(s.view.playlist_index,
                         show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e}));
    }
    assert_int_equal(show_numbered_exercise(c, 5), -1);
    show_t s, before;
    show_init(&s, c, NULL, 0);
    before = s;
    assert_false(show_command(&s, SHOW_CMD_GOTO_EXERCISE, 5)); /* key 6: no sixth, nothing */
    assert_memory_equal(&s, &before, sizeof s);
    free(edited);
    free(errors);
    free(c);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_each_index),
        cmocka_unit_test(test_next_prev_wrap),
        cmocka_unit_test(test_goto_exercise),
        cmocka_unit_test(test_goto_named),
        cmocka_unit_test(test_item_counts),
        cmocka_unit_test(test_exercise_items_clamp),
        cmocka_unit_test(test_review_items_loop),
        cmocka_unit_test(test_items_ignored_without_items),
        cmocka_unit_test(test_auto_advance_and_transition),
        cmocka_unit_test(test_exercise_steps_in_order),
        cmocka_unit_test(test_review_cards_timing),
        cmocka_unit_test(test_pause_freezes),
        cmocka_unit_test(test_reenter_starts_fresh),
        cmocka_unit_test(test_help_toggles),
        cmocka_unit_test(test_notice),
        cmocka_unit_test(test_scene_serial),
        cmocka_unit_test(test_determinism),
        cmocka_unit_test(test_browsing_waits_idle_time),
        cmocka_unit_test(test_review_stops_take_turns),
        cmocka_unit_test(test_up_down_keep_the_place),
        cmocka_unit_test(test_up_down_cases_seen),
        cmocka_unit_test(test_takeover_keeps_the_place),
        cmocka_unit_test(test_rebind_keeps_the_place),
        cmocka_unit_test(test_number_keys_follow_the_playlist),
    };
    return cmocka_run_group_tests(tests, content_group_setup, content_group_teardown);
}
