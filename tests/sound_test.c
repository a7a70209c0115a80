/* sound_test: the real program's sound cues, heard through SDL's disk audio driver
 * (SDL_AUDIODRIVER=disk writes the mixed samples to a file: 32-bit float, mono, 48 kHz, as
 * sound.c opens the device). The show runs windowed, offscreen, with --sound on, for about
 * half a minute of spinal twists in demo pacing (breaths, a hold done, switch sides), and is
 * stopped with SIGTERM (exit 0). In the samples, each tone is found where it starts and
 * recognised sample for sample (tone.c's own, at the content's volume), then taken away; what
 * is left must be silence. The cues found must be the ones the core gives for the same
 * content, in order, at the times it gives: fitted with an offset (start-up) and a scale near
 * 1 (the disk driver paces itself with SDL_Delay and drifts a little from the clock), every
 * cue within 120 ms. Then without a device (no such driver; ALSA with no sound card), the show
 * runs silent with exactly one log line; SDL's dummy driver runs with none; --sound off and
 * a kiosk (silent by the content) never open a device. In an X server (the test runs under
 * tests/xvfb.sh), S pressed with xdotool turns the cues on, then off.
 * Usage: sound_test BINARY SOURCE_DIR OUT_DIR. Links core only. */
#define _GNU_SOURCE /* environ */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "choreo.h"
#include "content.h"
#include "cues.h"
#include "show.h"
#include "support.h"
#include "tone.h"

extern char **environ;

#define RATE 48000 /* as sound.c opens the device */
#define DT (1.0 / 60.0)
#define RUN_SECONDS 39.0 /* the show's run: two breaths, a hold done, switch sides */
#define SCENE "spinal-twists"
#define MAX_CUES 64
#define RESIDUAL_MAX 1e-5f     /* what is left once the tones are taken away: silence */
#define MATCH_MAX 1e-5f        /* a tone found sample for sample */
#define FIT_RESIDUAL_MAX 0.120 /* s */
#define SCALE_MIN 0.95
#define SCALE_MAX 1.05

static const char *g_bin, *g_src, *g_out;

/* ---- Running the program --------------------------------------------------------------- */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A moment of a run: after `at` seconds, this shell command (with $WID the window's id). */
typedef struct run_step_t {
    double at;
    const char *command;
} run_step_t;

/* Runs the binary with `args` and the environment plus `env` (NAME=VALUE, NULL-ended) for
 * `seconds`, doing `steps` on the way, then SIGTERM; stderr goes to `err_path`. Returns the
 * exit status (-1: killed, or it ended before it was stopped). */
static int run_steps(const char *const *args, const char *const *env, double seconds,
                     const char *err_path, const run_step_t *steps, int step_count) {
    char *argv[24];
    int n = 0;
    argv[n++] = (char *)g_bin;
    for (int i = 0; args[i]; i++) argv[n++] = (char *)args[i];
    argv[n] = NULL;
    static char *envp[512];
    int m = 0;
    for (int i = 0; env[i]; i++) envp[m++] = (char *)env[i];
    for (char **e = environ; *e && m < 510; e++) {
        bool overridden = false;
        for (int i = 0; env[i]; i++) {
            size_t k = strcspn(env[i], "=");
            overridden = overridden || (strncmp(*e, env[i], k) == 0 && (*e)[k] == '=');
        }
        if (!overridden) envp[m++] = *e;
    }
    envp[m] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = posix_spawn(&pid, g_bin, &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) fail_msg("cannot start %s: %s", g_bin, strerror(rc));
    double start = now();
    int status = 0, next = 0;
    while (now() - start < seconds) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            print_message("the program ended by itself after %.1f s\n", now() - start);
            return -1;
        }
        if (next < step_count && now() - start >= steps[next].at) {
            char command[512];
            snprintf(command, sizeof command,
                     "WID=$(xdotool search --name 'Stretches to Relieve Back Pain' | head -1); %s",
                     steps[next].command);
            if (system(command) != 0) print_message("'%s' failed\n", steps[next].command);
            next++;
        }
        usleep(20000);
    }
    kill(pid, SIGTERM);
    bool ended = false;
    for (int i = 0; i < 500 && !ended; i++) { /* within 5 s */
        ended = waitpid(pid, &status, WNOHANG) == pid;
        if (!ended) usleep(10000);
    }
    if (!ended) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int run(const char *const *args, const char *const *env, double seconds,
               const char *err_path) {
    return run_steps(args, env, seconds, err_path, NULL, 0);
}

static char *slurp(const char *path, size_t *len) {
    char *text = support_read_file(path, len);
    if (!text) fail_msg("cannot read %s", path);
    return text;
}

static int count_lines(const char *text) {
    int n = 0;
    for (const char *p = text; *p; p++) n += *p == '\n';
    return n;
}

static void out_path(char *buf, size_t n, const char *name) {
    snprintf(buf, n, "%s/%s", g_out, name);
}

/* ---- What the core says the show sounds -------------------------------------------------- */

typedef struct cue_at_t {
    double t; /* s: the show's clock (expected), or the file's (found) */
    cue_kind_t kind;
} cue_at_t;

static int expected_cues(const content_t *c, cue_at_t *out, int max, double seconds) {
    choreo_t *demo = support_build_choreos(c, CHOREO_PACING_DEMO);
    assert_non_null(demo);
    content_scene_ref_t ref;
    assert_true(content_find_scene(c, SCENE, &ref));
    static show_t show;
    show_init(&show, c, demo, show_find_in_playlist(c, ref));
    cues_t cues;
    cues_init(&cues);
    cue_kind_t k[CUES_MAX];
    cues_update(&cues, &show, k, CUES_MAX);
    int n = 0;
    for (long i = 1; i * DT <= seconds; i++) {
        show_update(&show, DT);
        int got = cues_update(&cues, &show, k, CUES_MAX);
        for (int j = 0; j < got && n < max; j++) out[n++] = (cue_at_t){(double)i * DT, k[j]};
    }
    free(demo);
    return n;
}

/* ---- Tones in the samples ------------------------------------------------------------- */

static float *g_tone[CUE_KIND_NUM];
static int g_tone_len[CUE_KIND_NUM], g_tone_first[CUE_KIND_NUM]; /* first sample heard */

static void make_tones(float volume) {
    for (int k = CUE_NONE + 1; k < CUE_KIND_NUM; k++) {
        int n = tone_length(k, RATE);
        g_tone[k] = malloc((size_t)n * sizeof(float));
        assert_non_null(g_tone[k]);
        tone_render(k, RATE, g_tone[k], n);
        for (int i = 0; i < n; i++) g_tone[k][i] *= volume; /* as the mixer scales it */
        g_tone_len[k] = n;
        int f = 0;
        while (f < n && fabsf(g_tone[k][f]) <= RESIDUAL_MAX) f++;
        g_tone_first[k] = f;
    }
}

/* The 3 and 2 ticks sound alike, by design. */
static bool same_sound(cue_kind_t a, cue_kind_t b) {
    bool tick_a = a == CUE_COUNT_3 || a == CUE_COUNT_2;
    bool tick_b = b == CUE_COUNT_3 || b == CUE_COUNT_2;
    return a == b || (tick_a && tick_b);
}

#define MATCH_SAMPLES (RATE / 25) /* a tone is told by its first 40 ms (another may follow) */

/* Finds every tone in x (taking each away as it is found), in order of its start. */
static int find_tones(float *x, long n, cue_at_t *out, int max) {
    int found = 0;
    long i = 0;
    while (found < max) {
        while (i < n && fabsf(x[i]) <= RESIDUAL_MAX) i++;
        if (i >= n) break;
        int best = CUE_NONE;
        long best_at = 0;
        float best_err = INFINITY;
        for (int k = CUE_NONE + 1; k < CUE_KIND_NUM; k++) {
            for (long at = i - g_tone_first[k] - 2; at <= i - g_tone_first[k] + 2; at++) {
                if (at < 0) continue; /* (a tone over another may cross a sample later) */
                long len = g_tone_len[k] < n - at ? g_tone_len[k] : n - at;
                if (len < RATE / 50 && len < g_tone_len[k]) continue; /* cut off by the end */
                if (len > MATCH_SAMPLES) len = MATCH_SAMPLES;
                float err = 0.0f;
                for (long j = 0; j < len && err <= best_err; j++) {
                    err = fmaxf(err, fabsf(x[at + j] - g_tone[k][j]));
                }
                if (err < best_err) best_err = err, best = k, best_at = at;
            }
        }
        /* a tone may sound over the start of another: what matches is taken away */
        if (best == CUE_NONE || best_err > MATCH_MAX + RESIDUAL_MAX * 2) {
            fail_msg("a sound at %.3f s (sample %ld, %.5f) is no cue's tone (nearest: %s, "
                     "off by %.5f)",
                     (double)i / RATE, i, x[i], cue_kind_name(best), best_err);
        }
        long at = best_at;
        long len = g_tone_len[best] < n - at ? g_tone_len[best] : n - at;
        for (long j = 0; j < len; j++) x[at + j] -= g_tone[best][j];
        out[found++] = (cue_at_t){(double)at / RATE, best};
    }
    return found;
}

/* ---- The disk driver's file against the core ------------------------------------------- */

static void test_cues_heard(void **state) {
    (void)state;
    char path[1024], err[1024], raw[1024], env_file[1100];
    snprintf(path, sizeof path, "%s/assets/content/en.yaml", g_src);
    content_t *c = support_load_content(path);
    assert_non_null(c);
    assert_true(c->sound.interactive.volume > 0.0f);
    make_tones(c->sound.interactive.volume);
    out_path(raw, sizeof raw, "cues.raw");
    out_path(err, sizeof err, "cues.err");
    unlink(raw);
    snprintf(env_file, sizeof env_file, "SDL_DISKAUDIOFILE=%s", raw);
    const char *args[] = {
        "--windowed=640x360", "--scene", SCENE, "--pacing", "demo", "--sound", "on", NULL};
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", "SDL_AUDIODRIVER=disk", env_file, NULL};
    int rc = run(args, env, RUN_SECONDS, err);
    size_t len = 0;
    char *errors = slurp(err, &len);
    if (rc != 0) fail_msg("exit %d after SIGTERM, expected 0: %s", rc, errors);
    if (strstr(errors, "no audio device")) fail_msg("the disk driver gave no device: %s", errors);
    free(errors);
    char *bytes = slurp(raw, &len);
    long n = (long)(len / sizeof(float));
    float *x = (float *)(void *)bytes;
    double seconds = (double)n / RATE;
    print_message("%s: %.1f s of samples (%zu bytes)\n", raw, seconds, len);
    assert_true(seconds > RUN_SECONDS * 0.8);
    float peak = 0.0f;
    for (long i = 0; i < n; i++) {
        if (!isfinite(x[i])) fail_msg("sample %ld is not a number", i);
        peak = fmaxf(peak, fabsf(x[i]));
    }
    assert_true(peak < 0.5f); /* soft */

    static cue_at_t found[MAX_CUES], want[MAX_CUES];
    int heard = find_tones(x, n, found, MAX_CUES);
    float left = 0.0f;
    for (long i = 0; i < n; i++) left = fmaxf(left, fabsf(x[i]));
    if (left > RESIDUAL_MAX) fail_msg("not silent between the cues: %.6f left", left);
    int wanted = expected_cues(c, want, MAX_CUES, RUN_SECONDS + 5.0);
    for (int i = 0; i < heard || i < wanted; i++) {
        print_message("  %-14s %8.3f s   heard: %-14s %8.3f s\n",
                      i < wanted ? cue_kind_name(want[i].kind) : "", i < wanted ? want[i].t : 0.0,
                      i < heard ? cue_kind_name(found[i].kind) : "", i < heard ? found[i].t : 0.0);
    }
    assert_true(heard >= 5);
    /* the same cues, in order; the last expected may have come after the file's end */
    for (int i = 0; i < heard; i++) {
        if (i >= wanted || !same_sound(found[i].kind, want[i].kind)) {
            fail_msg("cue %d heard is %s, expected %s", i, cue_kind_name(found[i].kind),
                     i < wanted ? cue_kind_name(want[i].kind) : "nothing");
        }
    }
    /* when: file time = a + b * show time, by least squares */
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < heard; i++) {
        sx += want[i].t, sy += found[i].t;
        sxx += want[i].t * want[i].t, sxy += want[i].t * found[i].t;
    }
    double b = (heard * sxy - sx * sy) / (heard * sxx - sx * sx), a = (sy - b * sx) / heard;
    double worst = 0.0;
    for (int i = 0; i < heard; i++) worst = fmax(worst, fabs(a + b * want[i].t - found[i].t));
    print_message("fit: file = %.3f s + %.4f x show; worst residual %.0f ms\n", a, b, worst * 1e3);
    assert_true(b >= SCALE_MIN && b <= SCALE_MAX);
    assert_true(a > -0.5 && a < 2.0);
    if (worst > FIT_RESIDUAL_MAX) fail_msg("a cue %.0f ms from its time", worst * 1e3);
    /* every cue the show gave before the file's end was heard */
    for (int i = heard; i < wanted; i++) {
        double at = a + b * want[i].t;
        if (at + g_tone_len[want[i].kind] / (double)RATE < seconds - 0.2) {
            fail_msg("%s at %.3f s (file %.3f s) not heard", cue_kind_name(want[i].kind), want[i].t,
                     at);
        }
    }
    /* the kinds a patient needs, all there */
    bool kinds[CUE_KIND_NUM] = {false};
    for (int i = 0; i < heard; i++) kinds[found[i].kind] = true;
    assert_true(kinds[CUE_BREATHE_IN] && kinds[CUE_BREATHE_OUT] && kinds[CUE_HOLD_DONE] &&
                kinds[CUE_SWITCH_SIDES]);
    free(bytes);
    for (int k = CUE_NONE + 1; k < CUE_KIND_NUM; k++) free(g_tone[k]);
    free(c);
    unlink(raw);
}

/* S, pressed in a real X server (xdotool): sound off at the start, so no device yet; S turns
 * it on (the device opens then), a breath in is heard, S turns it off again, and nothing more
 * is heard. Show time 11 s breathes in, 15 s out, 21 s in again (demo pacing). */
static void test_s_key(void **state) {
    (void)state;
    if (!getenv("DISPLAY") || system("command -v xdotool >/dev/null") != 0) {
        print_message("no X server or no xdotool: S not tried\n");
        return;
    }
    char path[1024], raw[1024], err[1024], env_file[1100];
    snprintf(path, sizeof path, "%s/assets/content/en.yaml", g_src);
    content_t *c = support_load_content(path);
    assert_non_null(c);
    make_tones(c->sound.interactive.volume);
    out_path(raw, sizeof raw, "key.raw");
    out_path(err, sizeof err, "key.err");
    unlink(raw);
    snprintf(env_file, sizeof env_file, "SDL_DISKAUDIOFILE=%s", raw);
    const char *args[] = {
        "--windowed=640x360", "--scene", SCENE, "--pacing", "demo", "--sound", "off", NULL};
    const char *env[] = {"SDL_VIDEODRIVER=x11", "SDL_AUDIODRIVER=disk", env_file,
                         "DBUS_SESSION_BUS_ADDRESS=disabled:", NULL};
    const run_step_t steps[] = {
        {8.0, "xdotool key --window \"$WID\" s"},
        {13.0, "xdotool key --window \"$WID\" s"},
    };
    struct stat st;
    int rc = run_steps(args, env, 19.0, err, steps, 2);
    size_t len = 0;
    char *errors = slurp(err, &len);
    if (rc != 0) fail_msg("exit %d after SIGTERM: %s", rc, errors);
    free(errors);
    if (stat(raw, &st) != 0) fail_msg("S opened no audio device");
    char *bytes = slurp(raw, &len);
    long n = (long)(len / sizeof(float));
    static cue_at_t found[MAX_CUES];
    int heard = find_tones((float *)(void *)bytes, n, found, MAX_CUES);
    for (int i = 0; i < heard; i++) {
        print_message("  heard %s at %.3f s of %.1f s\n", cue_kind_name(found[i].kind), found[i].t,
                      (double)n / RATE);
    }
    assert_int_equal(heard, 1);
    assert_int_equal(found[0].kind, CUE_BREATHE_IN);
    free(bytes);
    for (int k = CUE_NONE + 1; k < CUE_KIND_NUM; k++) free(g_tone[k]);
    free(c);
    unlink(raw);
}

/* ---- No device, a dummy one, and sound off ------------------------------------------------ */

static void expect_lines(const char *name, const char *driver, int lines, const char *part) {
    char err[1024], env_driver[128];
    out_path(err, sizeof err, name);
    snprintf(env_driver, sizeof env_driver, "SDL_AUDIODRIVER=%s", driver);
    const char *args[] = {"--windowed=640x360", "--scene", SCENE, "--sound", "on", NULL};
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", env_driver, NULL};
    int rc = run(args, env, 4.0, err);
    size_t len = 0;
    char *text = slurp(err, &len);
    if (rc != 0) fail_msg("%s: exit %d after SIGTERM: %s", driver, rc, text);
    if (count_lines(text) != lines || (part && !strstr(text, part))) {
        fail_msg("%s: expected %d line(s)%s%s, got: %s", driver, lines, part ? " with " : "",
                 part ? part : "", text);
    }
    free(text);
}

static void test_no_device(void **state) {
    (void)state;
    expect_lines("nosuch.err", "nosuch", 1, "no audio device (");
    expect_lines("nosuch.err", "nosuch", 1, "): the show runs silent");
    struct stat st;
    bool no_card = stat("/proc/asound/cards", &st) != 0 || st.st_size == 0;
    FILE *f = no_card ? NULL : fopen("/proc/asound/cards", "r");
    if (f) {
        char line[256];
        no_card = fgets(line, sizeof line, f) && strstr(line, "no soundcards");
        fclose(f);
    }
    if (no_card) { /* ALSA's own messages kept off stderr: still one line */
        expect_lines("alsa.err", "alsa", 1, "no audio device (ALSA");
    } else {
        print_message("this machine has a sound card: ALSA without one not tried\n");
    }
    expect_lines("dummy.err", "dummy", 0, NULL); /* a device that plays nowhere: nothing said */
}

/* Sound off, from the command line or a kiosk's content: no device is ever opened. */
static void test_silent_opens_nothing(void **state) {
    (void)state;
    char raw[1024], err[1024], env_file[1100];
    out_path(raw, sizeof raw, "silent.raw");
    out_path(err, sizeof err, "silent.err");
    snprintf(env_file, sizeof env_file, "SDL_DISKAUDIOFILE=%s", raw);
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", "SDL_AUDIODRIVER=disk", env_file, NULL};
    const char *off[] = {"--windowed=640x360", "--scene", SCENE, "--sound", "off", NULL};
    const char *kiosk[] = {"--kiosk", NULL};
    const char *const *cases[] = {off, kiosk};
    for (int i = 0; i < 2; i++) {
        unlink(raw);
        int rc = run(cases[i], env, 3.0, err);
        assert_int_equal(rc, 0);
        struct stat st;
        if (stat(raw, &st) == 0) fail_msg("%s opened an audio device", cases[i][0]);
    }
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s BINARY SOURCE_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    g_bin = argv[1];
    g_src = argv[2];
    g_out = argv[3];
    mkdir(g_out, 0755);
    setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 1); /* (libdbus leaks a little) */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cues_heard),
        cmocka_unit_test(test_s_key),
        cmocka_unit_test(test_no_device),
        cmocka_unit_test(test_silent_opens_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
