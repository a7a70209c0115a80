/* bench: --bench, the show's own measurement — a whole playlist drawn offscreen at 60 Hz
 * steps, with each frame's wall time (median, p95, p99), the CPU of every thread per frame,
 * the pixels redrawn, the time to the first frame from the process's start (Mesa's shader
 * cache cold unless chosen), peak memory (PSS from /proc) and the heap allocations of
 * steady-state frames; it exits 1 when a budget is missed. Linux only (/proc, CLOCK_BOOTTIME).
 * Depends on app, render, memcount and SDL; not on the loop. */
#define _GNU_SOURCE /* clock_gettime with CLOCK_BOOTTIME, sysconf, getrusage */
#include "bench.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "memcount.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Milliseconds since this process started (its start time from /proc, in clock ticks). */
static double ms_since_process_start(void) {
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f) return -1;
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    if (!p) return -1;
    unsigned long long start = 0;
    /* after ") ": state is field 3; starttime is field 22 */
    if (sscanf(p + 2,
               "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d "
               "%*d %llu",
               &start) != 1) {
        return -1;
    }
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    double ticks = (double)sysconf(_SC_CLK_TCK);
    return (ts.tv_sec + ts.tv_nsec / 1e9 - (double)start / ticks) * 1e3;
}

static double cpu_ms(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* Proportional set size from /proc/self/smaps_rollup, KiB (0 if unknown). */
static long pss_kib(void) {
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f) return 0;
    char line[256];
    long kib = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "Pss: %ld kB", &kib) == 1) break;
    }
    fclose(f);
    return kib;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double percentile(const double *sorted, long n, double p) {
    long i = (long)ceil(p * (double)n) - 1;
    if (i < 0) i = 0;
    if (i >= n) i = n - 1;
    return sorted[i];
}

/* Plays the kiosk loop offscreen on a simulated 60 Hz clock, the way the TV shows it (only
 * what changed redrawn, the canvas presented when something did), and reports what it cost
 * against the budgets of the waiting-room box. */
int bench_run(const cli_options_t *o) {
    double started = ms_since_process_start() - now_ms(); /* start, on our clock */
    app_t *app = SDL_calloc(1, sizeof *app);
    if (!app) return APP_EXIT_RUNTIME;
    choreo_pacing_t pacing =
        !o->pacing_set || o->demo_pacing ? CHOREO_PACING_DEMO : CHOREO_PACING_FOLLOW;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    /* a cold start, as after a reboot: Mesa's shader cache off, unless the caller chose */
    bool cache_chosen = getenv("MESA_SHADER_CACHE_DISABLE") || getenv("MESA_SHADER_CACHE_DIR");
    if (!cache_chosen) setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
    int w = o->width, h = o->height;
    platform_desc_t desc = {
        .title = "stretch-kiosk bench", .offscreen = true, .width = w, .height = h};
    int rc = app_start(app, o->content_path, o->lang, NULL, pacing, &desc, false);
    if (rc) {
        SDL_free(app);
        return rc;
    }
    show_init(&app->show, app->content, app->choreos, 0);
    /* --sound on: the cues heard while the frames are timed (through SDL_AUDIODRIVER's) */
    sound_init(&app->sound, o->sound == CLI_SOUND_ON, app->content->sound.kiosk.volume);
    double loop = 0;
    for (int i = 0; i < app->content->playlist_count; i++) {
        show_t probe = app->show;
        probe.view.scene = app->content->playlist[i];
        loop += show_scene_seconds(&probe, app->content->playlist[i]);
    }
    long per_loop = lround(loop * APP_TICK_HZ);
    long frames = o->frames > 0 ? o->frames : 2 * per_loop;
    double *times = SDL_malloc((size_t)frames * sizeof *times);
    if (!times) {
        app_close(app);
        SDL_free(app);
        return APP_EXIT_RUNTIME;
    }
    /* steady state: after the text cache is warm, and after one whole loop when two are played */
    long steady_from = -1, steady_allocs = 0, presented = 0, redrawn_pixels = 0;
    long allocs_at_steady = 0, pss_peak = 0, pss_peak_frame = 0;
    double first_frame = -1, cpu_start = cpu_ms(), wall_start = now_ms();
    int texts_before = app->render.text.rasterised, texts_in_first = 0; /* set at start-up */
    for (long i = 0; i < frames; i++) {
        double t0 = now_ms();
        if (i > 0) show_update(&app->show, 1.0 / APP_TICK_HZ);
        if (i > 0) sound_tick(&app->sound, &app->show);
        /* as on the TV: drawn where it is shown, only what changed (the pbuffer keeps the rest,
         * like the X11 back buffer presented a rectangle at a time) */
        gfx_bind_window();
        app->damage = render_frame(&app->render, &app->show, w, h, i == 0);
        if (app->damage.w > 0) {
            presented++;
            redrawn_pixels += (long)(app->damage.w * app->damage.h);
        }
        gfx_finish(); /* the software rasteriser's work belongs to this frame */
        times[i] = now_ms() - t0;
        if (getenv("SK_BENCH_VERBOSE") && times[i] > 12.0) {
            printf("bench: frame %ld: %.1f ms, scene %s%s, damage %.0fx%.0f\n", i, times[i],
                   content_scene_id(app->content, app->show.view.scene),
                   app->show.transitioning ? " (transition)" : "", app->damage.w, app->damage.h);
        }
        if (i == 0) {
            first_frame = now_ms() + started;
            texts_in_first = app->render.text.rasterised - texts_before;
        }
        if (i % APP_TICK_HZ == 0 || i == frames - 1) { /* the peak, sampled once a second */
            long pss_now = pss_kib();
            if (pss_now > pss_peak) pss_peak = pss_now, pss_peak_frame = i;
        }
        bool warm = app->render.warm_task > app->content->playlist_count;
        if (steady_from < 0 && warm && (frames < 2 * per_loop ? i >= 60 : i >= per_loop)) {
            steady_from = i + 1;
            allocs_at_steady = memcount_allocations();
        }
    }
    double wall = now_ms() - wall_start, cpu = cpu_ms() - cpu_start;
    if (steady_from >= 0) steady_allocs = memcount_allocations() - allocs_at_steady;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long pss = pss_kib();
    double *sorted = SDL_malloc((size_t)frames * sizeof *sorted);
    memcpy(sorted, times + 1, (size_t)(frames - 1) * sizeof *sorted); /* frame 0: first frame */
    long n = frames > 1 ? frames - 1 : 1;
    if (frames == 1) sorted[0] = times[0];
    qsort(sorted, (size_t)n, sizeof *sorted, compare_double);
    double med = percentile(sorted, n, 0.5), p95 = percentile(sorted, n, 0.95);
    double p99 = percentile(sorted, n, 0.99), max = sorted[n - 1];
    double cpu_per = cpu / (double)frames;
    printf("bench: %dx%d, %s pacing, %ld frames at 60 Hz (the playlist loops every %.1f s = %ld "
           "frames), %.1f s wall\n",
           w, h, pacing == CHOREO_PACING_DEMO ? "demo" : "follow", frames, loop, per_loop,
           wall / 1e3);
    printf("frame wall ms: median %.2f  p95 %.2f  p99 %.2f  max %.2f\n", med, p95, p99, max);
    printf("frame cpu ms: %.2f per frame (user+system of all threads over %ld frames)\n", cpu_per,
           frames);
    printf("frames presented: %ld of %ld; redrawn: %.1f%% of the pixels of all frames\n", presented,
           frames, 100.0 * (double)redrawn_pixels / ((double)w * h * (double)frames));
    printf("first frame: %.0f ms after process start (Mesa's shader cache %s); texts set for "
           "it at start-up: %d, in it: %d\n",
           first_frame, cache_chosen ? "as the environment sets it" : "off: a cold start",
           texts_before, texts_in_first);
    long text_bytes = 0;
    for (int i = 0; i < app->render.text.entry_count; i++) {
        text_bytes +=
            (long)app->render.text.entries[i].block.w * app->render.text.entries[i].block.h;
    }
    printf("memory: peak PSS %.1f MiB (frame %ld), PSS at the end %.1f MiB, peak RSS %.1f MiB "
           "(text cache: %d textures, %.1f MiB)\n",
           pss_peak / 1024.0, pss_peak_frame, pss / 1024.0, ru.ru_maxrss / 1024.0,
           app->render.text.entry_count, text_bytes / 1048576.0);
    if (steady_from >= 0) {
        printf("heap allocations in steady-state frames: %ld (frames %ld to %ld)\n", steady_allocs,
               steady_from, frames - 1);
    } else {
        printf("heap allocations in steady-state frames: unknown (no steady state reached)\n");
    }
    if (app->sound.on) { /* (the audio thread's allocations are counted above too) */
        int state = atomic_load(&app->sound.state);
        printf("sound: on, %ld cues heard (%s %s)\n", (long)atomic_load(&app->sound.heard),
               state == SOUND_READY ? "SDL audio driver" : "no audio device:",
               state == SOUND_READY    ? SDL_GetCurrentAudioDriver()
               : state == SOUND_FAILED ? app->sound.error /* written before FAILED */
                                       : "still opening");
    }
    /* the waiting-room box's budgets: 2 cores, no GPU */
    bool big = (long)w * h > 1920L * 1080L;
    char over[512] = "";
    size_t used = 0;
#define OVER(...) \
    used += (size_t)snprintf(over + used, used < sizeof over ? sizeof over - used : 0, __VA_ARGS__)
    if (!big && (p99 > 16.7 || max > 16.7)) OVER(" p99 %.1f / max %.1f ms > 16.7;", p99, max);
    if (big && p99 >= 33.0) OVER(" p99 %.1f ms >= 33;", p99);
    if (cpu_per > (big ? 12.0 : 4.0)) OVER(" cpu %.2f ms/frame > %.0f;", cpu_per, big ? 12.0 : 4.0);
    if (!big && first_frame > 150.0) OVER(" first frame %.0f ms > 150;", first_frame);
    if (!big && pss_peak > 100 * 1024) OVER(" peak PSS %.1f MiB > 100;", pss_peak / 1024.0);
    if (steady_from < 0 || steady_allocs > 0)
        OVER(" %ld heap allocations in steady state;", steady_allocs);
#undef OVER
    if (over[0]) printf("bench: over budget:%s\n", over);
    else printf("bench: ok\n");
    SDL_free(sorted);
    SDL_free(times);
    app_close(app);
    SDL_free(app);
    return over[0] ? APP_EXIT_RUNTIME : APP_EXIT_OK;
}
