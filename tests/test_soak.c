/* test_soak: weeks on the waiting-room TV, compressed. The kiosk loop runs for an hour of
 * simulated time (offscreen, on a simulated 60 Hz clock) with random storms of keys — taking
 * over, browsing, pausing, jumping, then leaving it idle so it eases back into the loop — and
 * the heap in use after the hour must equal the heap after the first minutes: nothing
 * accumulates. Run under ASan/UBSan too. */
#include <malloc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SOAK_ASAN 1
#endif
#ifdef SOAK_ASAN
/* from the sanitizer runtime (its header is not always installed) */
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t heap_in_use(void) { return __sanitizer_get_current_allocated_bytes(); }
#else
static size_t heap_in_use(void) {
    struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}
#endif

#define DT (1.0 / 60.0)
#define RENDER_EVERY 20 /* frames: enough to exercise every drawing path */

static unsigned rng = 12345u;
static unsigned next_random(void) {
    rng = rng * 1103515245u + 12345u;
    return (rng >> 8) & 0xFFFFFF;
}

static int g_takeovers, g_loops_back;

static void run_minutes(app_t *app, double minutes, long *frame) {
    static const show_cmd_t storm[] = {
        SHOW_CMD_NEXT_SCENE,    SHOW_CMD_PREV_SCENE, SHOW_CMD_NEXT_ITEM,    SHOW_CMD_PREV_ITEM,
        SHOW_CMD_GOTO_EXERCISE, SHOW_CMD_GOTO_INTRO, SHOW_CMD_GOTO_CONTACT, SHOW_CMD_GOTO_REVIEWS,
        SHOW_CMD_TOGGLE_PAUSE,  SHOW_CMD_TOGGLE_HELP};
    long frames = (long)(minutes * 60.0 / DT);
    for (long i = 0; i < frames; i++, (*frame)++) {
        /* every ~3 minutes a visitor mashes keys for a few seconds, then walks away */
        long in_cycle = *frame % (long)(180.0 / DT);
        if (in_cycle < (long)(4.0 / DT) && next_random() % 6 == 0) {
            show_cmd_t cmd = storm[next_random() % (sizeof storm / sizeof storm[0])];
            bool was = app->show.takeover;
            show_command(&app->show, cmd, (int)(next_random() % 5));
            g_takeovers += !was && app->show.takeover;
        }
        bool was = app->show.takeover;
        show_update(&app->show, DT);
        g_loops_back += was && !app->show.takeover;
        if (*frame % RENDER_EVERY == 0) {
            /* and now and then the screen turns portrait for a while */
            bool portrait = (*frame / (long)(200.0 / DT)) % 4 == 3;
            int w = portrait ? 180 : 320, h = portrait ? 320 : 180;
            assert_true(app_render_offscreen(app, w, h, NULL));
        }
    }
}

static void test_an_hour_of_kiosk_leaks_nothing(void **state) {
    (void)state;
    app_t *app = calloc(1, sizeof *app);
    assert_non_null(app);
    assert_int_equal(app_open_offscreen(app, SK_SOURCE_DIR "/assets/content/en.yaml", "en", NULL,
                                        CHOREO_PACING_DEMO),
                     0);
    app->choreos_follow = app_build_choreos(app->content, CHOREO_PACING_FOLLOW);
    assert_non_null(app->choreos_follow);
    show_init_kiosk(&app->show, app->content, app->choreos, app->choreos_follow, 0);
    long frame = 0;
    /* What is in use swings by several MiB with the moment (a scene change's still, a fresh
     * layout after a resize), so the hour is compared by its floor — what stays in use between
     * those — and its peak: neither may climb from the first half-hour to the last. */
    size_t floor_early = SIZE_MAX, floor_late = SIZE_MAX, peak_early = 0, peak_late = 0;
    for (int m = 0; m < 60; m++) {
        run_minutes(app, 1.0, &frame);
        size_t now = heap_in_use();
        if (getenv("SOAK_VERBOSE")) printf("  minute %2d: %zu\n", m + 1, now);
        if (m >= 2 && m < 30) {
            if (now < floor_early) floor_early = now;
            if (now > peak_early) peak_early = now;
        } else if (m >= 30) {
            if (now < floor_late) floor_late = now;
            if (now > peak_late) peak_late = now;
        }
    }
    printf("heap in use, minutes 3-30: %zu to %zu bytes; minutes 31-60: %zu to %zu\n", floor_early,
           peak_early, floor_late, peak_late);
    assert_true(floor_late <= floor_early + floor_early / 100 + 256 * 1024);
    assert_true(peak_late <= peak_early + peak_early / 20);
    printf("visitors took over %d times; the loop came back %d times\n", g_takeovers, g_loops_back);
    assert_true(g_takeovers >= 10 && g_loops_back >= 10); /* both ways, many times */
    app_close(app);
    free(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_hour_of_kiosk_leaks_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
