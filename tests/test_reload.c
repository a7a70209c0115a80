/* test_reload: a content edit reloaded the way the loop reloads it (reload.c), offscreen, in a
 * kiosk app: the frame that notices the edit goes on with the old content while the worker
 * reads and parses, later frames get the new one, a broken edit is refused with the lines a
 * reload always said and the last good copy on disk kept, two quick edits end with the second
 * shown, the last good copy becomes the new file only after the worker writes it, a frame
 * with nothing to reload allocates nothing, and an interactive show reloads the same way.
 * No clock is measured: the worker is held on a semaphore (reload_t.hold) while frames are
 * drawn, so a reload that ran inside a frame would hang here (the alarm) instead of passing. */
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "lastgood.h"
#include "memcount.h"
#include "reload.h"
#include "support.h"

#define EN SK_SOURCE_DIR "/tests/data/whole-en.yaml"
#define CLINIC "Birch Pain & Spine Group" /* en.yaml's clinic.name */

typedef struct fixture_t {
    char dir[256], path[400], state[400];
    app_t *app;
    reload_t reload;
    SDL_sem *hold;
    void (*capture)(struct fixture_t *); /* what captured() runs */
} fixture_t;

static void run_capture(void *f) { ((fixture_t *)f)->capture(f); }

/* The whole file (static buffer), or NULL when it cannot be read. */
static const char *slurp(const char *path, char *buf, size_t size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* `text` with its first `from` changed to `to` (heap: free it). */
static char *replaced(const char *text, const char *from, const char *to) {
    const char *at = strstr(text, from);
    assert_non_null(at);
    size_t len = strlen(text) + strlen(to) + 1;
    char *out = malloc(len);
    assert_non_null(out);
    snprintf(out, len, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return out;
}

/* en.yaml with the clinic's name changed: an edit a reload takes (heap: free it). */
static char *edited(const char *clinic) {
    static char en[1 << 20];
    assert_non_null(slurp(EN, en, sizeof en));
    return replaced(en, CLINIC, clinic);
}

static void edit(fixture_t *f, const char *clinic) {
    char *text = edited(clinic);
    write_file(f->path, text);
    free(text);
}

/* The last good copy on disk is en.yaml with this clinic name (NULL: there is none). */
static bool last_good_is(const char *clinic) {
    static char kept[1 << 20];
    char path[1200], err[1300];
    assert_true(lastgood_path(path, sizeof path, err, sizeof err));
    const char *text = slurp(path, kept, sizeof kept);
    if (!clinic) return text == NULL;
    char *want = edited(clinic);
    bool same = text && strcmp(text, want) == 0;
    free(want);
    return same;
}

static const char *clinic_shown(const fixture_t *f) {
    /* the show and the renderer both hold the app's content after a swap */
    assert_ptr_equal(f->app->show.content, f->app->content);
    assert_ptr_equal(f->app->render.content, f->app->content);
    return f->app->content->clinic.name;
}

/* One frame as loop.c runs it: the show ticks, a reload is polled, the frame is drawn.
 * True when new content was swapped in. */
static bool frame(fixture_t *f) {
    app_advance(f->app, 1.0 / APP_TICK_HZ);
    bool swapped = reload_frame(&f->reload, f->app);
    assert_true(app_render_offscreen(f->app, 160, 90, NULL));
    return swapped;
}

/* Lets the held worker through one job and waits (no clock: the test's alarm bounds it) until
 * the job is finished, without a frame joining it. */
static void let_one_job_finish(fixture_t *f) {
    assert_true(reload_busy(&f->reload));
    SDL_SemPost(f->hold);
    while (!SDL_AtomicGet(&f->reload.done)) SDL_Delay(1);
}

/* Frames until the worker is idle with nothing pending; returns how many were swapped in. */
static int frames_until_idle(fixture_t *f) {
    int swapped = 0;
    while (reload_busy(&f->reload) || f->reload.pending) {
        swapped += frame(f);
        SDL_Delay(1);
    }
    return swapped;
}

static int open_app(void **state, bool kiosk) {
    fixture_t *f = calloc(1, sizeof *f);
    if (!f) return -1;
    snprintf(f->dir, sizeof f->dir, "%s/sk-test-reload-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(f->dir)) return -1;
    snprintf(f->path, sizeof f->path, "%s/content.yaml", f->dir);
    snprintf(f->state, sizeof f->state, "%s/state", f->dir);
    setenv("STATE_DIRECTORY", f->state, 1); /* the last good copy goes here */
    if (!getenv("STRETCH_KIOSK_ASSETS")) setenv("STRETCH_KIOSK_ASSETS", SK_SOURCE_DIR "/assets", 1);
    char *text = edited(CLINIC);
    write_file(f->path, text);
    free(text);
    f->app = calloc(1, sizeof *f->app);
    if (!f->app) return -1;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    platform_desc_t desc = {.title = "test_reload", .offscreen = true, .width = 64, .height = 64};
    f->app->pacing = kiosk ? CHOREO_PACING_DEMO : CHOREO_PACING_FOLLOW; /* as app_run_show */
    if (app_start(f->app, f->path, "en", NULL, f->app->pacing, &desc, kiosk) != APP_EXIT_OK) {
        return -1;
    }
    reload_init(&f->reload);
    f->hold = SDL_CreateSemaphore(0);
    if (!f->hold) return -1;
    *state = f;
    return 0;
}

static int setup(void **state) { return open_app(state, true); }

static int setup_interactive(void **state) { return open_app(state, false); }

static int teardown(void **state) {
    fixture_t *f = *state;
    SDL_SemPost(f->hold); /* a worker still held is let go, then joined */
    SDL_SemPost(f->hold);
    reload_shutdown(&f->reload);
    SDL_DestroySemaphore(f->hold);
    app_close(f->app);
    free(f->app);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

/* Runs fn(f) with stderr going to a file; returns what was written (static buffer). */
static const char *captured(fixture_t *f, void (*fn)(fixture_t *)) {
    static char out[1 << 16];
    char path[500];
    snprintf(path, sizeof path, "%s/stderr.txt", f->dir);
    f->capture = fn;
    assert_true(support_capture_stderr(path, run_capture, f, out, sizeof out));
    return out;
}

static void frames_go_on_while_the_worker_loads_and_saves(void **state) {
    fixture_t *f = *state;
    f->reload.hold = f->hold;
    const content_t *old = f->app->content;
    assert_true(last_good_is(NULL)); /* an offscreen start keeps no copy */

    edit(f, "Second Clinic");
    reload_request(&f->reload);
    assert_false(frame(f)); /* the frame that notices the edit: the old content, the worker busy */
    assert_true(reload_busy(&f->reload));
    assert_ptr_equal(f->app->content, old);
    assert_string_equal(clinic_shown(f), CLINIC);
    for (int i = 0; i < 10; i++) { /* the worker held mid-load: frames go on, unchanged */
        assert_false(frame(f));
        assert_true(reload_busy(&f->reload));
        assert_string_equal(clinic_shown(f), CLINIC);
    }
    assert_int_equal(f->app->reloads, 0);

    let_one_job_finish(f); /* read, parsed, laid out; not yet on screen */
    assert_ptr_equal(f->app->content, old);
    assert_true(frame(f)); /* the next frame swaps it in and starts the save */
    assert_string_equal(clinic_shown(f), "Second Clinic");
    assert_int_equal(f->app->reloads, 1);
    assert_int_equal(f->app->refused, 0);
    assert_true(reload_busy(&f->reload)); /* the last good copy is written off the loop */
    for (int i = 0; i < 10; i++) {
        assert_false(frame(f));
        assert_true(last_good_is(NULL));
    }
    let_one_job_finish(f);
    assert_true(last_good_is("Second Clinic")); /* on disk before the join */
    assert_false(frame(f));
    assert_false(reload_busy(&f->reload));
    assert_string_equal(clinic_shown(f), "Second Clinic");
}

static void refused_edits(fixture_t *f) {
    /* one that does not parse: its first error is said by the worker */
    write_file(f->path, "version: 1\nbogus_key_of_a_slip: 1\n");
    reload_request(&f->reload);
    assert_int_equal(frames_until_idle(f), 0);
    /* one that parses but names a font that is not there: refused by the loop's check */
    char *clinic = edited("Third Clinic");
    char *text = replaced(clinic, "fonts/Inter-Regular.otf", "fonts/Nowhere-Regular.otf");
    write_file(f->path, text);
    free(text);
    free(clinic);
    reload_request(&f->reload);
    assert_int_equal(frames_until_idle(f), 0);
}

static void a_broken_edit_is_refused_and_the_last_good_copy_kept(void **state) {
    fixture_t *f = *state;
    edit(f, "Good Clinic");
    reload_request(&f->reload);
    assert_int_equal(frames_until_idle(f), 1);
    assert_true(last_good_is("Good Clinic"));
    const content_t *good = f->app->content;

    const char *out = captured(f, refused_edits);
    if (!strstr(out, "content.yaml:2:1: ") || !strstr(out, "bogus_key_of_a_slip")) {
        fail_msg("the parse error is not said:\n%s", out);
    }
    if (!strstr(out, "content.yaml: keeping the last good content (edit 1 refused)\n") ||
        !strstr(out, "content.yaml: keeping the last good content (edit 2 refused)\n")) {
        fail_msg("a refusal is not said:\n%s", out);
    }
    if (!strstr(out, "theme.font_regular: fonts/Nowhere-Regular.otf is not there")) {
        fail_msg("the missing font is not named:\n%s", out);
    }
    assert_null(strstr(out, "content reloaded"));
    assert_int_equal(f->app->refused, 2);
    assert_int_equal(f->app->reloads, 1);
    assert_ptr_equal(f->app->content, good);
    assert_string_equal(clinic_shown(f), "Good Clinic");
    assert_true(last_good_is("Good Clinic"));
    for (int i = 0; i < 5; i++) assert_false(frame(f)); /* and the show goes on */
}

static void two_quick_edits_end_with_the_second(void **state) {
    fixture_t *f = *state;
    f->reload.hold = f->hold;
    edit(f, "First Edit");
    reload_request(&f->reload);
    assert_false(frame(f));
    let_one_job_finish(f);  /* the first edit read and parsed ... */
    edit(f, "Second Edit"); /* ... when the second is written and seen */
    reload_request(&f->reload);
    assert_true(frame(f)); /* the first swapped in; the second waits for the worker */
    assert_string_equal(clinic_shown(f), "First Edit");
    assert_true(f->reload.pending);
    for (int i = 0; i < 3; i++) SDL_SemPost(f->hold); /* the save, the second load, its save */
    frames_until_idle(f);
    assert_string_equal(clinic_shown(f), "Second Edit");
    assert_int_equal(f->app->reloads, 2);
    assert_true(last_good_is("Second Edit"));
}

static void an_idle_frame_allocates_nothing(void **state) {
    fixture_t *f = *state;
    long before = memcount_allocations();
    for (int i = 0; i < 1000; i++) assert_false(reload_frame(&f->reload, f->app));
    assert_int_equal(memcount_allocations() - before, 0);
    /* (and the count sees a reload's allocations: this is not a check that cannot fail) */
    edit(f, "Counted Clinic");
    reload_request(&f->reload);
    frames_until_idle(f);
    assert_true(memcount_allocations() > before);
    assert_string_equal(clinic_shown(f), "Counted Clinic");
}

static void the_end_of_the_show_waits_for_the_worker(void **state) {
    fixture_t *f = *state;
    f->reload.hold = f->hold;
    edit(f, "Late Clinic");
    reload_request(&f->reload);
    assert_false(frame(f));
    SDL_SemPost(f->hold);
    reload_shutdown(&f->reload); /* joined; what it made freed (ASan's leak check) */
    assert_false(reload_busy(&f->reload));
    assert_null(f->reload.content);
    assert_string_equal(clinic_shown(f), CLINIC);
}

/* A patient's own computer watches its file too: the same worker, one pacing, no follow-along
 * set (the show plays the routines it was started with). */
static void an_interactive_show_reloads_the_same_way(void **state) {
    fixture_t *f = *state;
    f->reload.hold = f->hold;
    edit(f, "Home Clinic");
    reload_request(&f->reload);
    assert_false(frame(f));
    assert_string_equal(clinic_shown(f), CLINIC);
    let_one_job_finish(f);
    assert_true(frame(f));
    assert_string_equal(clinic_shown(f), "Home Clinic");
    assert_null(f->app->choreos_follow);
    assert_ptr_equal(f->app->show.choreos, f->app->choreos);
    assert_false(f->app->show.kiosk);
    SDL_SemPost(f->hold);
    frames_until_idle(f);
    assert_true(last_good_is("Home Clinic"));
}

int main(void) {
    memcount_install(); /* before anything allocates through SDL */
    alarm(100); /* a reload that waits inside a frame hangs: fail here, not at ctest's timeout */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(frames_go_on_while_the_worker_loads_and_saves, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_broken_edit_is_refused_and_the_last_good_copy_kept, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(two_quick_edits_end_with_the_second, setup, teardown),
        cmocka_unit_test_setup_teardown(an_idle_frame_allocates_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(the_end_of_the_show_waits_for_the_worker, setup, teardown),
        cmocka_unit_test_setup_teardown(an_interactive_show_reloads_the_same_way, setup_interactive,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
