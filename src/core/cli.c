/* cli: parses the command line (DESIGN §6) into cli_options_t.
 * Pure: no SDL, no GL, no I/O; errors are returned as one line of text. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool fail(char *err, size_t err_size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_size, fmt, ap);
    va_end(ap);
    return false;
}

static bool parse_size(const char *s, int *w, int *h) {
    char *end = NULL;
    errno = 0;
    long a = strtol(s, &end, 10);
    if (errno || end == s || (*end != 'x' && *end != 'X')) return false;
    const char *second = end + 1;
    long b = strtol(second, &end, 10);
    if (errno || end == second || *end != '\0') return false;
    if (a < CLI_MIN_SIZE || b < CLI_MIN_SIZE || a > CLI_MAX_SIZE || b > CLI_MAX_SIZE) return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

static bool parse_seconds(const char *s, double *out) {
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end != '\0' || !isfinite(v) || v < 0.0 || v > 1e6) return false;
    *out = v;
    return true;
}

/* START:END:STEP with 0 <= START <= END and STEP > 0, at most CLI_MAX_SAMPLES samples. */
static bool parse_range(const char *s, double *start, double *end, double *step) {
    char buf[96];
    size_t n = strlen(s);
    if (n >= sizeof buf) return false;
    memcpy(buf, s, n + 1);
    char *a = buf, *b = strchr(a, ':');
    if (!b) return false;
    *b++ = '\0';
    char *c = strchr(b, ':');
    if (!c) return false;
    *c++ = '\0';
    if (!parse_seconds(a, start) || !parse_seconds(b, end) || !parse_seconds(c, step)) return false;
    return *step > 0 && *end >= *start && (*end - *start) / *step < CLI_MAX_SAMPLES;
}

static bool valid_id(const char *s) {
    if (!*s) return false;
    for (const char *p = s; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) return false;
    }
    return true;
}

/* --from's label, shown on the TV: short printable ASCII, no control or quoting characters. */
static bool valid_label(const char *s) {
    if (!s || !*s || strlen(s) > CLI_MAX_LABEL) return false;
    for (const char *p = s; *p; p++) {
        char ch = *p;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              strchr(" .-_:/", ch))) {
            return false;
        }
    }
    return true;
}

/* Options that take a value accept "--opt VALUE" and "--opt=VALUE". */
static const char *take_value(int argc, char **argv, int *i, const char *name, const char *eq) {
    (void)name;
    if (eq) return eq + 1;
    /* "--scene --windowed" is a missing value, not a scene called "--windowed" */
    if (*i + 1 < argc && strncmp(argv[*i + 1], "--", 2) != 0) return argv[++*i];
    return NULL;
}

static bool set_mode(cli_options_t *o, cli_mode_t m, const char *flag, char *err, size_t n) {
    if (o->mode != CLI_MODE_RUN && o->mode != m) {
        return fail(err, n, "%s cannot be combined with another mode (see --help)", flag);
    }
    o->mode = m;
    return true;
}

bool cli_parse(int argc, char **argv, cli_options_t *o, char *err, size_t n) {
    memset(o, 0, sizeof *o);
    o->lang = NULL; /* the show's first language, or the words file's own */
    bool size_set = false, at_set = false, scene_set = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strncmp(arg, "--", 2) != 0) {
            return fail(err, n, "unexpected argument '%s' (see --help)", arg);
        }
        const char *eq = strchr(arg, '=');
        size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
        char name[32];
        if (name_len >= sizeof name) return fail(err, n, "unknown option '%s' (see --help)", arg);
        memcpy(name, arg, name_len);
        name[name_len] = '\0';

        if (!strcmp(name, "--help") || !strcmp(name, "--version")) {
            if (eq) return fail(err, n, "%s takes no value", name);
            o->mode = name[2] == 'h' ? CLI_MODE_HELP : CLI_MODE_VERSION;
            return true; /* the rest of the line does not matter */
        } else if (!strcmp(name, "--windowed")) {
            o->windowed = true;
            if (eq && !parse_size(eq + 1, &o->width, &o->height)) {
                return fail(err, n, "--windowed=WxH: '%s' is not a size like 1280x720", eq + 1);
            }
        } else if (!strcmp(name, "--size")) {
            const char *v = take_value(argc, argv, &i, name, eq);
            if (!v || !parse_size(v, &o->width, &o->height)) {
                return fail(err, n, "--size needs a size like 1920x1080 (%d to %d pixels a side)",
                            CLI_MIN_SIZE, CLI_MAX_SIZE);
            }
            size_set = true;
        } else if (!strcmp(name, "--content")) {
            o->content_path = take_value(argc, argv, &i, name, eq);
            if (!o->content_path || !*o->content_path)
                return fail(err, n, "--content needs a FILE");
        } else if (!strcmp(name, "--lang")) {
            o->lang = take_value(argc, argv, &i, name, eq);
            if (!o->lang || !valid_id(o->lang)) {
                return fail(err, n, "--lang needs a language code such as 'en'");
            }
        } else if (!strcmp(name, "--scene")) {
            o->scene = take_value(argc, argv, &i, name, eq);
            if (!o->scene || !valid_id(o->scene)) {
                return fail(err, n, "--scene needs a scene id such as 'intro' or 'childs-pose'");
            }
            scene_set = true;
        } else if (!strcmp(name, "--at")) {
            const char *v = take_value(argc, argv, &i, name, eq);
            if (v && strchr(v, ':')) {
                if (!parse_range(v, &o->at, &o->at_end, &o->at_step)) {
                    return fail(err, n,
                                "--at START:END:STEP needs 0 <= START <= END, STEP > 0, "
                                "such as 0:10:0.5");
                }
            } else if (!v || !parse_seconds(v, &o->at)) {
                return fail(err, n, "--at needs a time in seconds, 0 or more, such as 12.5");
            }
            at_set = true;
        } else if (!strcmp(name, "--screenshot")) {
            o->screenshot_path = take_value(argc, argv, &i, name, eq);
            if (!o->screenshot_path || !*o->screenshot_path) {
                return fail(err, n, "--screenshot needs an output FILE.png");
            }
            if (!set_mode(o, CLI_MODE_SCREENSHOT, name, err, n)) return false;
        } else if (!strcmp(name, "--bench")) {
            if (eq) return fail(err, n, "--bench takes no value; use --frames N and --size WxH");
            if (!set_mode(o, CLI_MODE_BENCH, name, err, n)) return false;
        } else if (!strcmp(name, "--frames")) {
            const char *v = take_value(argc, argv, &i, name, eq);
            char *end = NULL;
            long f = v ? strtol(v, &end, 10) : 0;
            if (!v || end == v || *end || f < 1 || f > 10000000) {
                return fail(err, n, "--frames needs a number of frames, 1 to 10000000");
            }
            o->frames = f;
        } else if (!strcmp(name, "--kiosk")) {
            if (eq) return fail(err, n, "--kiosk takes no value");
            o->kiosk = true;
        } else if (!strcmp(name, "--pacing")) {
            const char *v = take_value(argc, argv, &i, name, eq);
            if (!v || (strcmp(v, "demo") != 0 && strcmp(v, "follow") != 0)) {
                return fail(err, n, "--pacing takes 'follow' (the real counts) or 'demo'");
            }
            o->demo_pacing = !strcmp(v, "demo");
            o->pacing_set = true;
        } else if (!strcmp(name, "--sound")) {
            const char *v = take_value(argc, argv, &i, name, eq);
            if (!v || (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)) {
                return fail(err, n,
                            "--sound takes 'on' or 'off' (sound cues for breaths, holds "
                            "and sides)");
            }
            o->sound = !strcmp(v, "on") ? CLI_SOUND_ON : CLI_SOUND_OFF;
        } else if (!strcmp(name, "--region")) {
            const char *v = take_value(argc, argv, &i, name, eq);
            if (!v || strcmp(v, "figure") != 0) {
                return fail(err, n, "--region takes 'figure' (the exercise's figure panel)");
            }
            o->region_figure = true;
        } else if (!strcmp(name, "--dump-pose")) {
            if (eq) return fail(err, n, "--dump-pose takes no value; use --scene and --at");
            if (!set_mode(o, CLI_MODE_DUMP_POSE, name, err, n)) return false;
        } else if (!strcmp(name, "--check-content")) {
            o->check_path = take_value(argc, argv, &i, name, eq);
            if (!o->check_path || !*o->check_path)
                return fail(err, n, "--check-content needs a FILE");
            if (!set_mode(o, CLI_MODE_CHECK_CONTENT, name, err, n)) return false;
        } else if (!strcmp(name, "--import")) {
            o->import_path = take_value(argc, argv, &i, name, eq);
            if (!o->import_path || !*o->import_path) {
                return fail(err, n, "--import needs the USB stick's folder (its mount point)");
            }
            if (!set_mode(o, CLI_MODE_IMPORT, name, err, n)) return false;
        } else if (!strcmp(name, "--handout")) {
            o->handout_path = take_value(argc, argv, &i, name, eq);
            if (!o->handout_path || !*o->handout_path) {
                return fail(err, n, "--handout needs an output FILE.pdf (or .png, .json)");
            }
            if (!set_mode(o, CLI_MODE_HANDOUT, name, err, n)) return false;
        } else if (!strcmp(name, "--paper")) {
            const char *v = take_value(argc, argv, &i, name, eq);
            if (!v || (strcmp(v, "letter") != 0 && strcmp(v, "a4") != 0)) {
                return fail(err, n, "--paper takes 'letter' (US Letter, the default) or 'a4'");
            }
            o->paper_a4 = !strcmp(v, "a4");
            o->paper_set = true;
        } else if (!strcmp(name, "--from")) {
            o->import_from = take_value(argc, argv, &i, name, eq);
            if (!valid_label(o->import_from)) {
                return fail(err, n,
                            "--from needs a short label for the notice (1-%d letters, digits, "
                            "spaces, . - _ : /), e.g. --from git",
                            CLI_MAX_LABEL);
            }
        } else {
            return fail(err, n, "unknown option '%s' (see --help)", name);
        }
    }
    if (o->mode == CLI_MODE_SCREENSHOT && o->windowed) {
        return fail(err, n, "--windowed does not apply to --screenshot; use --size WxH");
    }
    if (o->mode != CLI_MODE_SCREENSHOT && o->mode != CLI_MODE_BENCH && size_set) {
        return fail(err, n, "--size only applies to --screenshot and --bench");
    }
    if (o->mode != CLI_MODE_BENCH && o->frames) {
        return fail(err, n, "--frames only applies to --bench");
    }
    if (o->mode == CLI_MODE_BENCH && (scene_set || o->windowed || at_set)) {
        return fail(err, n,
                    "--bench plays the whole playlist offscreen; it takes --frames, "
                    "--size, --pacing, --sound and --content");
    }
    if (o->mode != CLI_MODE_SCREENSHOT && o->mode != CLI_MODE_DUMP_POSE && at_set) {
        return fail(err, n, "--at only applies to --screenshot and --dump-pose");
    }
    if (o->kiosk && o->mode != CLI_MODE_RUN) {
        return fail(err, n, "--kiosk runs the show; it does not combine with another mode");
    }
    if (o->kiosk && (o->windowed || o->demo_pacing)) {
        return fail(err, n, "--kiosk is always fullscreen and plays the demo pacing");
    }
    if (o->mode != CLI_MODE_RUN && o->mode != CLI_MODE_BENCH && o->sound != CLI_SOUND_CONTENT) {
        return fail(err, n, "--sound only applies to the show (a window or --kiosk) and --bench");
    }
    if (o->mode != CLI_MODE_SCREENSHOT && o->region_figure) {
        return fail(err, n, "--region only applies to --screenshot");
    }
    if (o->mode == CLI_MODE_SCREENSHOT && o->at_step > 0) {
        return fail(err, n, "--screenshot takes one time: --at SECONDS");
    }
    if (o->mode == CLI_MODE_DUMP_POSE && o->windowed) {
        return fail(err, n, "--windowed does not apply to --dump-pose");
    }
    if (o->mode == CLI_MODE_CHECK_CONTENT && (scene_set || o->content_path || o->windowed)) {
        return fail(err, n, "--check-content takes only the FILE to check");
    }
    if (o->mode == CLI_MODE_IMPORT && (scene_set || o->windowed || !o->content_path)) {
        return fail(err, n,
                    "--import DIR takes --content FILE: the installed content file it "
                    "replaces");
    }
    if (o->paper_set && o->mode != CLI_MODE_HANDOUT) {
        return fail(err, n, "--paper only applies to --handout");
    }
    if (o->mode == CLI_MODE_HANDOUT && (scene_set || o->windowed || o->pacing_set)) {
        return fail(err, n, "--handout takes --paper, --lang and --content");
    }
    if (o->import_from && o->mode != CLI_MODE_IMPORT) {
        return fail(err, n, "--from only applies to --import");
    }
    if (o->mode == CLI_MODE_IMPORT && !o->import_from) o->import_from = "USB";
    if ((o->mode == CLI_MODE_SCREENSHOT || o->mode == CLI_MODE_BENCH) && !size_set) {
        o->width = CLI_DEFAULT_SHOT_W;
        o->height = CLI_DEFAULT_SHOT_H;
    }
    if (o->mode == CLI_MODE_RUN && o->windowed && o->width == 0) {
        o->width = CLI_DEFAULT_WINDOW_W;
        o->height = CLI_DEFAULT_WINDOW_H;
    }
    return true;
}

const char *cli_usage(void) {
    return "Usage:\n"
           "  stretch-kiosk [--windowed[=WxH]] [--content FILE] [--lang CODE] [--scene ID]\n"
           "                [--pacing follow|demo] [--sound on|off]\n"
           "  stretch-kiosk --kiosk [--content FILE] [--lang CODE] [--sound on|off]\n"
           "  stretch-kiosk --screenshot FILE.png [--scene ID] [--at SECONDS] [--size WxH]\n"
           "                [--region figure] [--lang CODE]\n"
           "  stretch-kiosk --dump-pose [--scene ID] [--at SECONDS | START:END:STEP]\n"
           "  stretch-kiosk --bench [--frames N] [--size WxH] [--pacing demo|follow]\n"
           "                [--sound on|off]\n"
           "  stretch-kiosk --check-content FILE [--lang CODE]\n"
           "  stretch-kiosk --import DIR --content FILE [--from LABEL]\n"
           "  stretch-kiosk --handout FILE.pdf [--paper letter|a4] [--lang CODE]\n"
           "  stretch-kiosk --help | --version\n"
           "\n"
           "Shows the clinic's back-pain stretches, fullscreen at the display's native size.\n"
           "\n"
           "Options:\n"
           "  --windowed[=WxH]     a resizable window (default 1280x720) instead of fullscreen\n"
           "  --kiosk              the waiting-room loop: demo pacing, keys take over for a "
           "while,\n"
           "                       only the staff's chord (Ctrl+Alt+Q, held a second) quits;\n"
           "                       content reloads\n"
           "  --content FILE       the show's content: its show.yaml, or one language's file\n"
           "                       beside it (default: assets/content/show.yaml)\n"
           "  --lang CODE          the language shown: one of the show's languages (default:\n"
           "                       its first, or the file's own; L changes it while it runs)\n"
           "  --scene ID           start at this scene: intro, reviews, contact or an exercise id\n"
           "  --pacing MODE        follow (default): the page's real counts; demo: every "
           "movement,\n"
           "                       holds cut short but labelled with the real target\n"
           "  --sound on|off       soft tones for breaths, the last seconds of a hold, a hold\n"
           "                       done, switch sides and the next exercise (default: as the\n"
           "                       content file says for the mode; S turns them on and off)\n"
           "  --screenshot FILE    render one frame offscreen, write it as PNG, exit\n"
           "  --at SECONDS         with --screenshot: time since the scene started (default 0)\n"
           "  --size WxH           with --screenshot: image size (default 1920x1080)\n"
           "  --region figure      with --screenshot: keep only the exercise's figure panel\n"
           "  --dump-pose          print the figure's step, side, phase and joints (metres) as\n"
           "                       JSON at --at SECONDS, or one line per time of START:END:STEP\n"
           "  --bench              play the kiosk loop offscreen on a simulated 60 Hz clock and\n"
           "                       print frame times, CPU, memory, first frame and allocations\n"
           "  --frames N           with --bench: frames to play (default: two loops)\n"
           "  --check-content FILE validate a content file; print FILE:LINE:COL errors\n"
           "  --import DIR         install DIR/stretch-kiosk/<name of FILE> (a USB stick) over\n"
           "                       --content FILE if it passes every check (FILE.bak kept);\n"
           "                       leave a notice for the running kiosk to show\n"
           "  --from LABEL         with --import: where it came from, in the notice and the\n"
           "                       log (default: USB)\n"
           "  --handout FILE       write the take-home handout without a display: each exercise's\n"
           "                       start and hold drawn, its steps and counts, the clinic's\n"
           "                       phones and a QR code to call; FILE.pdf (two pages at most),\n"
           "                       FILE.png (a picture of each page) or FILE.json (the drawings)\n"
           "  --paper SIZE         with --handout: letter (default) or a4\n"
           "  --help, --version    this text; the version\n"
           "\n"
           "Keys: Right/Left next/previous scene, Down/Up step or review, 1-9 exercises,\n"
           "Home intro, End contact, R reviews, Space pause, S sound, F fullscreen, H help,\n"
           "Esc/Q quit.\n"
           "\n"
           "Exit status: 0 ok, 1 runtime error, 2 usage or content error.\n";
}
