/* bench: --bench, the show's own measurement against the floor of this machine, measured in
 * the same run. `stretch-kiosk --bench` runs its own binary twice, one child after the other,
 * each alone and each with Mesa's shader cache off unless the caller chose:
 *  - the floor (floor.c): the smallest GL program that draws with one shader, at the same size;
 *    its whole run (process start to exit) and its peak PSS (floor.h: as if alone, too);
 *  - the show: a whole playlist drawn offscreen at 60 Hz steps, with each frame's wall time
 *    (median, p95, p99), the CPU of every thread per frame, the pixels redrawn, the time to the
 *    first frame from the process's start, peak memory (PSS from /proc) and the heap
 *    allocations of steady-state frames; it prints the report and judges the budgets.
 * Both times are read the same way: the process's start from /proc/PID/stat (in clock ticks)
 * against CLOCK_BOOTTIME; the CPU each took is reported beside them. The parent only starts
 * the two and hands the floor's figures to the show; it exits with the show's verdict (0 when
 * every budget is met, else 1). The children are told their part by environment variables of
 * the bench's own (internal, not an interface): SK_BENCH_ROLE=floor|show, and for the show
 * SK_BENCH_FLOOR, the floor's figures ("<whole run ms> <PSS KiB> <shared files KiB> <CPU ms>").
 * Linux only (/proc, CLOCK_BOOTTIME, posix_spawn).
 * Depends on app, render, memcount, floor and SDL; not on the loop. */
#define _GNU_SOURCE /* clock_gettime with CLOCK_BOOTTIME, sysconf, getrusage, pipe2, waitid */
#include "bench.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "floor.h"
#include "log.h"
#include "memcount.h"

extern char **environ;

#define ROLE_ENV "SK_BENCH_ROLE"   /* "floor" or "show": a child of the bench */
#define FLOOR_ENV "SK_BENCH_FLOOR" /* the floor's figures, for the show */

/* The budgets of the waiting-room box (2 cores, no GPU), against its floor (issue 15). */
#define FIRST_FRAME_FLOOR_TIMES 1.5 /* first frame, at most this times the floor's whole run */
#define PSS_ABOVE_FLOOR_MIB 12.0    /* peak PSS, at most this above the floor's */
#define P99_MS_1080P 16.7           /* p99 frame up to 1920x1080 ... */
#define P99_MS_4K 33.0              /* ... and above it (4K) */

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double boottime_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* When a process started, in ms on CLOCK_BOOTTIME, from its /proc/PID/stat (in clock ticks:
 * up to a tick early, so a time measured from it is up to a tick long); -1 if unknown. */
static double process_start_ms(const char *stat_path) {
    FILE *f = fopen(stat_path, "r");
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
    return (double)start * 1e3 / (double)sysconf(_SC_CLK_TCK);
}

static double cpu_ms(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
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

/* A cold start, as after a reboot: Mesa's shader cache off, unless the caller chose (then as
 * the environment sets it, for the floor and the show alike). True when the caller chose. */
static bool shader_cache_chosen(void) {
    bool chosen = getenv("MESA_SHADER_CACHE_DISABLE") || getenv("MESA_SHADER_CACHE_DIR");
    if (!chosen) setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
    return chosen;
}

/* ---- the parent: the floor, then the show, each a child of this binary ---- */

/* Starts this binary again with this process's own command line and ROLE_ENV=role; its stdout
 * to out_fd, or this one's when out_fd < 0. Returns its pid, or -1. */
static pid_t spawn_self(const char *role, int out_fd) {
    static char cmdline[8192];
    FILE *f = fopen("/proc/self/cmdline", "r");
    size_t len = f ? fread(cmdline, 1, sizeof cmdline - 1, f) : 0;
    if (f) fclose(f);
    if (len == 0 || len == sizeof cmdline - 1) {
        log_error("bench: cannot read this process's command line (/proc/self/cmdline)");
        return -1;
    }
    cmdline[len] = '\0';
    char *argv[256];
    int argc = 0;
    for (size_t i = 0; i < len && argc < 255; i += strlen(cmdline + i) + 1) {
        argv[argc++] = cmdline + i;
    }
    argv[argc] = NULL;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (out_fd >= 0) posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    fflush(stdout);
    setenv(ROLE_ENV, role, 1); /* (one thread here: nothing else reads the environment) */
    pid_t pid = -1;
    int err = posix_spawn(&pid, "/proc/self/exe", &actions, NULL, argv, environ);
    unsetenv(ROLE_ENV);
    posix_spawn_file_actions_destroy(&actions);
    if (err) {
        log_error("bench: cannot start this program again (/proc/self/exe): %s", strerror(err));
        return -1;
    }
    return pid;
}

/* Runs the floor in a child and reads its whole run (start to exit, as the show's first frame
 * is timed) and its memory at its peak. False (said) when it failed. */
static bool measure_floor(double *run_ms, double *cpu_ms, floor_memory_t *m) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        log_error("bench: cannot make a pipe for the floor: %s", strerror(errno));
        return false;
    }
    pid_t pid = spawn_self("floor", fds[1]);
    close(fds[1]);
    char out[64] = "";
    size_t got = 0;
    while (pid > 0 && got < sizeof out - 1) {
        ssize_t n = read(fds[0], out + got, sizeof out - 1 - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fds[0]);
    out[got] = '\0';
    if (pid <= 0) return false;
    /* its end, while it can still be read (not reaped): then its start */
    siginfo_t info;
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {}
    double end = boottime_ms();
    char stat_path[64];
    snprintf(stat_path, sizeof stat_path, "/proc/%ld/stat", (long)pid);
    double start = process_start_ms(stat_path);
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {}
    *run_ms = end - start;
    *cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
              (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || start < 0 ||
        sscanf(out, "%ld %ld", &m->pss, &m->shared_files) != 2 || m->pss <= 0) {
        log_error("bench: the floor (this program drawing one shader alone) failed");
        return false;
    }
    return true;
}

static int bench_parent(void) {
    double run_ms = 0, cpu = 0;
    floor_memory_t m = {0, 0};
    if (!measure_floor(&run_ms, &cpu, &m)) return APP_EXIT_RUNTIME;
    char figures[96];
    snprintf(figures, sizeof figures, "%.1f %ld %ld %.1f", run_ms, m.pss, m.shared_files, cpu);
    setenv(FLOOR_ENV, figures, 1);
    pid_t pid = spawn_self("show", -1);
    unsetenv(FLOOR_ENV);
    if (pid < 0) return APP_EXIT_RUNTIME;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    log_error("bench: the show's run ended by signal %d",
              WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return APP_EXIT_RUNTIME;
}

/* ---- the floor's child ---- */

static int bench_floor(const cli_options_t *o) {
    shader_cache_chosen();
    floor_memory_t m;
    if (!floor_run(o->width, o->height, true, &m) || m.pss <= 0) {
        log_error("bench: the floor could not draw with a shader at %dx%d", o->width, o->height);
        return APP_EXIT_RUNTIME;
    }
    printf("%ld %ld\n", m.pss, m.shared_files);
    return APP_EXIT_OK;
}

/* ---- the show's child ---- */

/* One budget's line, "budget: NAME: VALUE, limit LIMIT (WHY): met|over"; an over one is added
 * to the verdict. */
typedef struct verdict_t {
    char over[512];
    size_t used;
} verdict_t;

static void budget(verdict_t *v, bool met, const char *name, const char *value, const char *limit,
                   const char *why) {
    printf("budget: %s: %s, limit %s (%s): %s\n", name, value, limit, why, met ? "met" : "over");
    if (!met && v->used < sizeof v->over) {
        v->used += (size_t)snprintf(v->over + v->used, sizeof v->over - v->used, "%s%s %s > %s",
                                    v->used ? "; " : "", name, value, limit);
    }
}

/* Plays the kiosk loop offscreen on a simulated 60 Hz clock, the way the TV shows it (only
 * what changed redrawn, the canvas presented when something did), and reports what it cost
 * against the budgets of the waiting-room box and the floor measured before it. */
static int bench_show(const cli_options_t *o) {
    /* the process's start, on our clock */
    double started = boottime_ms() - process_start_ms("/proc/self/stat") - now_ms();
    double floor_ms = -1, floor_cpu = -1;
    floor_memory_t floor = {-1, 0};
    const char *floor_figures = getenv(FLOOR_ENV);
    if (!floor_figures || sscanf(floor_figures, "%lf %ld %ld %lf", &floor_ms, &floor.pss,
                                 &floor.shared_files, &floor_cpu) != 4) {
        floor_ms = -1, floor.pss = -1;
    }
    bool cache_chosen = shader_cache_chosen();
    app_t *app = SDL_calloc(1, sizeof *app);
    if (!app) return APP_EXIT_RUNTIME;
    choreo_pacing_t pacing =
        !o->pacing_set || o->demo_pacing ? CHOREO_PACING_DEMO : CHOREO_PACING_FOLLOW;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
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
    floor_memory_t alone_peak = {0, 0}; /* the peak as if alone (pss + shared_files) */
    long alone_peak_frame = 0;
    double first_frame = -1, first_cpu = -1, cpu_start = cpu_ms(), wall_start = now_ms();
    int texts_before = app->render.text.rasterised, texts_in_first = 0; /* set at start-up */
    bool verbose = getenv("SK_BENCH_VERBOSE") != NULL; /* read once, not in each frame */
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
        if (verbose && times[i] > 12.0) {
            printf("bench: frame %ld: %.1f ms, scene %s%s, damage %.0fx%.0f\n", i, times[i],
                   content_scene_id(app->content, app->show.view.scene),
                   app->show.transitioning ? " (transition)" : "", app->damage.w, app->damage.h);
        }
        if (i == 0) {
            first_frame = now_ms() + started;
            first_cpu = cpu_ms(); /* since the process started, all its threads */
            texts_in_first = app->render.text.rasterised - texts_before;
        }
        if (i % APP_TICK_HZ == 0 || i == frames - 1) { /* the peak, sampled once a second */
            floor_memory_t now = floor_memory();
            if (now.pss > pss_peak) pss_peak = now.pss, pss_peak_frame = i;
            if (now.pss + now.shared_files > alone_peak.pss + alone_peak.shared_files) {
                alone_peak = now, alone_peak_frame = i;
            }
        }
        bool warm = app->render.warm_task > app->content->playlist_count;
        if (steady_from < 0 && warm && (frames < 2 * per_loop ? i >= 60 : i >= per_loop)) {
            steady_from = i + 1;
            /* (a page of texts made is a texture's memory: the driver's heap, counted too) */
            allocs_at_steady = memcount_allocations() + app->render.text.pages_made;
        }
    }
    double wall = now_ms() - wall_start, cpu = cpu_ms() - cpu_start;
    if (steady_from >= 0) {
        steady_allocs = memcount_allocations() + app->render.text.pages_made - allocs_at_steady;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long pss = floor_memory().pss;
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
    const text_t *tx = &app->render.text;
    long packed = 0;
    for (int i = 0; i < tx->entry_count; i++) packed += tx->entries[i].packed_size;
    int page_rows = 0;
    for (int i = 0; i < tx->page_count; i++) page_rows += tx->pages[i].used;
    printf("memory: peak PSS %.1f MiB (frame %ld), PSS at the end %.1f MiB, peak RSS %.1f MiB "
           "(texts: %d set, packed in %.1f MiB, drawn from %d pages of %dx%d, %d rows filled at "
           "most; the layer kept under the figure: %dx%d)\n",
           pss_peak / 1024.0, pss_peak_frame, pss / 1024.0, ru.ru_maxrss / 1024.0, tx->entry_count,
           packed / 1048576.0, tx->page_count, tx->page_w, tx->page_h, page_rows,
           app->render.gfx.layer.tex.side_w, app->render.gfx.layer.tex.side_h);
    printf("memory as if alone: peak PSS %.1f MiB (frame %ld) with its files' pages counted whole "
           "(%.1f MiB of them shared with other processes then)\n",
           (alone_peak.pss + alone_peak.shared_files) / 1024.0, alone_peak_frame,
           alone_peak.shared_files / 1024.0);
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
    /* the floor, and the budgets against it */
    if (floor_ms > 0) {
        printf("floor: the smallest GL program drawing one shader (this binary, %dx%d, Mesa's "
               "shader cache %s): whole run %.0f ms, peak PSS %.1f MiB (%.1f MiB as if "
               "alone)\n",
               w, h, cache_chosen ? "as the environment sets it" : "off", floor_ms,
               floor.pss / 1024.0, (floor.pss + floor.shared_files) / 1024.0);
    } else {
        printf("floor: unknown (not run by --bench)\n");
    }
    if (floor_ms > 0) { /* less moved by a busy machine than the wall times judged below */
        printf("start-up CPU (user+system, all threads): %.0f ms to the first frame, the floor's "
               "whole run %.0f ms: %.2fx\n",
               first_cpu, floor_cpu, floor_cpu > 0 ? first_cpu / floor_cpu : 0.0);
    }
    verdict_t v = {.used = 0};
    char value[64], limit[64];
    snprintf(value, sizeof value, "%.0f ms", first_frame);
    snprintf(limit, sizeof limit, floor_ms > 0 ? "%.0f ms" : "unknown",
             FIRST_FRAME_FLOOR_TIMES * floor_ms);
    budget(&v, floor_ms > 0 && first_frame <= FIRST_FRAME_FLOOR_TIMES * floor_ms, "first frame",
           value, limit, "1.5x the floor's whole run");
    /* both as if alone (floor.h): another program on the box (an X server, a kiosk, a test)
     * that maps Mesa's and LLVM's files would otherwise lower one and not the other when it
     * starts or ends between them (on this shared machine: 50 to 95 MiB for the same floor) */
    double show_mib = (alone_peak.pss + alone_peak.shared_files) / 1024.0;
    double limit_mib = (floor.pss + floor.shared_files) / 1024.0 + PSS_ABOVE_FLOOR_MIB;
    snprintf(value, sizeof value, "%.1f MiB", show_mib);
    snprintf(limit, sizeof limit, floor.pss > 0 ? "%.1f MiB" : "unknown", limit_mib);
    budget(&v, floor.pss > 0 && show_mib <= limit_mib, "peak PSS", value, limit,
           "the floor's + 12 MiB, both as if alone");
    bool big = (long)w * h > 1920L * 1080L;
    double p99_limit = big ? P99_MS_4K : P99_MS_1080P;
    snprintf(value, sizeof value, "%.2f ms", p99);
    snprintf(limit, sizeof limit, "%.1f ms", p99_limit);
    budget(&v, p99 <= p99_limit, "frame p99", value, limit,
           big ? "above 1920x1080" : "up to 1920x1080");
    snprintf(value, sizeof value, steady_from >= 0 ? "%ld" : "unknown", steady_allocs);
    budget(&v, steady_from >= 0 && steady_allocs == 0, "heap allocations in steady-state frames",
           value, "0", steady_from >= 0 ? "none" : "no steady state reached");
    if (v.over[0]) printf("bench: over budget: %s\n", v.over);
    else printf("bench: ok\n");
    SDL_free(sorted);
    SDL_free(times);
    app_close(app);
    SDL_free(app);
    return v.over[0] ? APP_EXIT_RUNTIME : APP_EXIT_OK;
}

int bench_run(const cli_options_t *o) {
    const char *role = getenv(ROLE_ENV);
    if (role && !strcmp(role, "floor")) return bench_floor(o);
    if (role && !strcmp(role, "show")) return bench_show(o);
    return bench_parent();
}
