/* test_cli: the command line as users type it (DESIGN §6) — what each valid line means,
 * and which message each invalid one gets. Depends on cli.c and cmocka only. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAX_ARGS 16

/* Splits a NULL-terminated list into a writable argv with "stretch-kiosk" as argv[0]. */
typedef struct argv_t {
    int argc;
    char *argv[MAX_ARGS + 2];
    char storage[MAX_ARGS + 1][128];
} argv_t;

static void argv_make(argv_t *a, const char *const *args) {
    memset(a, 0, sizeof *a);
    snprintf(a->storage[0], sizeof a->storage[0], "stretch-kiosk");
    a->argv[0] = a->storage[0];
    a->argc = 1;
    for (int i = 0; args[i]; i++) {
        assert_true(a->argc <= MAX_ARGS);
        snprintf(a->storage[a->argc], sizeof a->storage[a->argc], "%s", args[i]);
        a->argv[a->argc] = a->storage[a->argc];
        a->argc++;
    }
    a->argv[a->argc] = NULL;
}

static void line_text(const char *const *args, char *buf, size_t n) {
    buf[0] = '\0';
    for (int i = 0; args[i]; i++) {
        strncat(buf, i ? " " : "", n - strlen(buf) - 1);
        strncat(buf, args[i], n - strlen(buf) - 1);
    }
}

static void assert_str_or_null(const char *line, const char *field, const char *got,
                               const char *want) {
    if (want == NULL && got == NULL) return;
    if (want == NULL || got == NULL || strcmp(want, got) != 0) {
        fail_msg("'%s': %s is '%s', want '%s'", line, field, got ? got : "(null)",
                 want ? want : "(null)");
    }
}

/* ---- Valid lines --------------------------------------------------------------------- */

static void test_valid_lines(void **state) {
    (void)state;
    static const struct {
        const char *args[MAX_ARGS];
        cli_mode_t mode;
        bool windowed;
        int width, height;
        const char *content, *lang, *scene, *shot, *check;
        double at;
    } cases[] = {
        {{NULL}, CLI_MODE_RUN, false, 0, 0, NULL, NULL, NULL, NULL, NULL, 0.0},
        {{"--windowed", NULL}, CLI_MODE_RUN, true, 1280, 720, NULL, NULL, NULL, NULL, NULL, 0.0},
        {{"--windowed=800x600", NULL},
         CLI_MODE_RUN,
         true,
         800,
         600,
         NULL,
         NULL,
         NULL,
         NULL,
         NULL,
         0.0},
        {{"--windowed=800X600", NULL},
         CLI_MODE_RUN,
         true,
         800,
         600,
         NULL,
         NULL,
         NULL,
         NULL,
         NULL,
         0.0},
        {{"--screenshot", "a.png", "--scene", "intro", "--at", "2.5", "--size", "640x360", NULL},
         CLI_MODE_SCREENSHOT,
         false,
         640,
         360,
         NULL,
         NULL,
         "intro",
         "a.png",
         NULL,
         2.5},
        {{"--screenshot=a.png", NULL},
         CLI_MODE_SCREENSHOT,
         false,
         1920,
         1080,
         NULL,
         NULL,
         NULL,
         "a.png",
         NULL,
         0.0},
        {{"--size=3840x2160", "--at=0", "--screenshot", "out/b.png", NULL},
         CLI_MODE_SCREENSHOT,
         false,
         3840,
         2160,
         NULL,
         NULL,
         NULL,
         "out/b.png",
         NULL,
         0.0},
        {{"--screenshot", "a.png", "--size", "64x16384", NULL},
         CLI_MODE_SCREENSHOT,
         false,
         64,
         16384,
         NULL,
         NULL,
         NULL,
         "a.png",
         NULL,
         0.0},
        {{"--check-content", "f.yaml", NULL},
         CLI_MODE_CHECK_CONTENT,
         false,
         0,
         0,
         NULL,
         NULL,
         NULL,
         NULL,
         "f.yaml",
         0.0},
        {{"--check-content=dir/f.yaml", NULL},
         CLI_MODE_CHECK_CONTENT,
         false,
         0,
         0,
         NULL,
         NULL,
         NULL,
         NULL,
         "dir/f.yaml",
         0.0},
        {{"--help", NULL}, CLI_MODE_HELP, false, 0, 0, NULL, NULL, NULL, NULL, NULL, 0.0},
        {{"--version", NULL}, CLI_MODE_VERSION, false, 0, 0, NULL, NULL, NULL, NULL, NULL, 0.0},
        {{"--content", "x.yaml", "--lang", "en", "--scene", "childs-pose", NULL},
         CLI_MODE_RUN,
         false,
         0,
         0,
         "x.yaml",
         "en",
         "childs-pose",
         NULL,
         NULL,
         0.0},
        {{"--lang=es", "--scene=press-up-back-extensions", "--windowed", NULL},
         CLI_MODE_RUN,
         true,
         1280,
         720,
         NULL,
         "es",
         "press-up-back-extensions",
         NULL,
         NULL,
         0.0},
    };
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char line[512];
        line_text(cases[i].args, line, sizeof line);
        argv_t a;
        argv_make(&a, cases[i].args);
        cli_options_t o;
        char err[256] = "";
        if (!cli_parse(a.argc, a.argv, &o, err, sizeof err)) {
            fail_msg("'%s' was refused: %s", line, err);
        }
        if (o.mode != cases[i].mode)
            fail_msg("'%s': mode %d, want %d", line, o.mode, cases[i].mode);
        if (o.windowed != cases[i].windowed) fail_msg("'%s': windowed %d", line, o.windowed);
        if (o.width != cases[i].width || o.height != cases[i].height) {
            fail_msg("'%s': size %dx%d, want %dx%d", line, o.width, o.height, cases[i].width,
                     cases[i].height);
        }
        assert_str_or_null(line, "content_path", o.content_path, cases[i].content);
        assert_str_or_null(line, "lang", o.lang, cases[i].lang);
        assert_str_or_null(line, "scene", o.scene, cases[i].scene);
        assert_str_or_null(line, "screenshot_path", o.screenshot_path, cases[i].shot);
        assert_str_or_null(line, "check_path", o.check_path, cases[i].check);
        if (fabs(o.at - cases[i].at) > 1e-9)
            fail_msg("'%s': at %g, want %g", line, o.at, cases[i].at);
    }
}

/* Strings point into argv, not into copies: the caller's argv outlives the options. */
static void test_strings_point_into_argv(void **state) {
    (void)state;
    const char *args[] = {"--screenshot", "a.png", "--scene", "intro", NULL};
    argv_t a;
    argv_make(&a, args);
    cli_options_t o;
    char err[256];
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_ptr_equal(o.screenshot_path, a.argv[2]);
    assert_ptr_equal(o.scene, a.argv[4]);
}

/* A second parse does not keep anything from the first. */
static void test_parse_resets(void **state) {
    (void)state;
    const char *first[] = {"--windowed=800x600", "--scene", "intro", "--lang", "fr", NULL};
    const char *second[] = {NULL};
    argv_t a, b;
    argv_make(&a, first);
    argv_make(&b, second);
    cli_options_t o;
    char err[256];
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_true(cli_parse(b.argc, b.argv, &o, err, sizeof err));
    assert_int_equal(o.mode, CLI_MODE_RUN);
    assert_false(o.windowed);
    assert_int_equal(o.width, 0);
    assert_null(o.scene);
    assert_null(o.lang);
}

/* ---- Invalid lines --------------------------------------------------------------------- */

static void test_invalid_lines(void **state) {
    (void)state;
    static const struct {
        const char *args[MAX_ARGS];
        const char *message_part;
    } cases[] = {
        {{"--bogus", NULL}, "--bogus"},
        {{"--windowed", "--frobnicate=3", NULL}, "--frobnicate"},
        {{"--verylongoptionnamethatgoesonandonandon", NULL},
         "--verylongoptionnamethatgoesonandonandon"},
        {{"--screenshot", "a.png", "--size", "10x10", NULL}, "--size"},
        {{"--screenshot", "a.png", "--size", "abc", NULL}, "--size"},
        {{"--screenshot", "a.png", "--size", "640x", NULL}, "--size"},
        {{"--screenshot", "a.png", "--size", "640x360x2", NULL}, "--size"},
        {{"--screenshot", "a.png", "--size", "99999x360", NULL}, "--size"},
        {{"--screenshot", "a.png", "--size", NULL}, "--size"},
        {{"--screenshot", "a.png", "--at", "-1", NULL}, "--at"},
        {{"--screenshot", "a.png", "--at", NULL}, "--at"},
        {{"--screenshot", "a.png", "--at", "nan", NULL}, "--at"},
        {{"--screenshot", "a.png", "--at", "inf", NULL}, "--at"},
        {{"--screenshot", "a.png", "--at", "2s", NULL}, "--at"},
        {{"--screenshot", "a.png", "--at=", NULL}, "--at"},
        {{"--windowed=0x0", NULL}, "--windowed"},
        {{"--windowed=", NULL}, "--windowed"},
        {{"--windowed=big", NULL}, "--windowed"},
        {{"--scene", "BAD_ID", NULL}, "--scene"},
        {{"--scene", NULL}, "--scene"},
        {{"--scene=", NULL}, "--scene"},
        {{"--lang", "EN US", NULL}, "--lang"},
        {{"--content", NULL}, "--content"},
        {{"--screenshot", NULL}, "--screenshot"},
        {{"--check-content", NULL}, "--check-content"},
        {{"--size", "640x360", NULL}, "--size"},
        {{"--at", "3", NULL}, "--at"},
        {{"--check-content", "f.yaml", "--scene", "intro", NULL}, "--check-content"},
        {{"--check-content", "f.yaml", "--content", "g.yaml", NULL}, "--check-content"},
        {{"--check-content", "f.yaml", "--screenshot", "a.png", NULL}, "--screenshot"},
        {{"--screenshot", "a.png", "--check-content", "f.yaml", NULL}, "--check-content"},
        {{"--screenshot", "a.png", "--windowed", NULL}, "--windowed"},
        {{"stray", NULL}, "stray"},
        {{"--windowed", "extra.yaml", NULL}, "extra.yaml"},
        {{"-h", NULL}, "-h"},
        {{"--help=3", NULL}, "--help"},
        {{"--version=2", NULL}, "--version"},
        {{"--sound", NULL}, "--sound takes 'on' or 'off'"},
        {{"--sound", "loud", NULL}, "--sound takes 'on' or 'off'"},
        {{"--sound=", NULL}, "--sound takes 'on' or 'off'"},
        {{"--sound", "ON", NULL}, "--sound takes 'on' or 'off'"},
        {{"--screenshot", "a.png", "--sound", "on", NULL}, "--sound only applies to the show"},
        {{"--dump-pose", "--sound=off", NULL}, "--sound only applies to the show"},
        {{"--check-content", "f.yaml", "--sound", "on", NULL}, "--sound only applies"},
        {{"--import", NULL}, "--import needs the USB stick's folder"},
        {{"--import=", "--content", "f.yaml", NULL}, "--import needs"},
        {{"--import", "/media/usb", NULL}, "--import DIR takes --content FILE"},
        {{"--import", "/m", "--content", "f.yaml", "--scene", "intro", NULL}, "--import DIR"},
        {{"--import", "/m", "--content", "f.yaml", "--kiosk", NULL}, "--kiosk"},
        {{"--import", "/m", "--content", "f.yaml", "--sound", "on", NULL}, "--sound only"},
        {{"--import", "/m", "--check-content", "f.yaml", NULL}, "--check-content"},
        {{"--from", "git", NULL}, "--from only applies to --import"},
        {{"--kiosk", "--from=git", NULL}, "--from only applies to --import"},
        {{"--import", "/m", "--content", "f.yaml", "--from", NULL}, "--from needs a short label"},
        {{"--import", "/m", "--content", "f.yaml", "--from=", NULL}, "--from needs"},
        {{"--import", "/m", "--content", "f.yaml", "--from", "a\nb", NULL}, "--from needs"},
        {{"--import", "/m", "--content", "f.yaml", "--from", "\"x\"", NULL}, "--from needs"},
        {{"--import", "/m", "--content", "f.yaml", "--from",
          "a label far too long to be shown in the notice", NULL},
         "--from needs"},
    };
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char line[512];
        line_text(cases[i].args, line, sizeof line);
        argv_t a;
        argv_make(&a, cases[i].args);
        cli_options_t o;
        char err[256];
        memset(err, 0, sizeof err);
        if (cli_parse(a.argc, a.argv, &o, err, sizeof err)) {
            fail_msg("'%s' was accepted (mode %d)", line, o.mode);
        }
        if (!strstr(err, cases[i].message_part)) {
            fail_msg("'%s': message \"%s\" does not mention \"%s\"", line, err,
                     cases[i].message_part);
        }
        /* One line each (DESIGN §6). */
        if (strchr(err, '\n')) fail_msg("'%s': message has a newline: \"%s\"", line, err);
    }
}

/* A short error buffer gets a truncated, terminated message, never an overflow. */
static void test_small_error_buffer(void **state) {
    (void)state;
    const char *args[] = {"--bogus-option-with-a-long-name", NULL};
    argv_t a;
    argv_make(&a, args);
    cli_options_t o;
    char err[12];
    memset(err, 'X', sizeof err);
    assert_false(cli_parse(a.argc, a.argv, &o, err, 8));
    assert_true(strlen(err) < 8);
    assert_int_equal(err[8], 'X');
}

/* --sound on|off overrides the content's choice for the mode, in a window or a kiosk; left
 * out, the content decides. */
static void test_sound(void **state) {
    (void)state;
    static const struct {
        const char *args[MAX_ARGS];
        cli_sound_t sound;
        bool kiosk;
    } cases[] = {
        {{NULL}, CLI_SOUND_CONTENT, false},
        {{"--sound", "on", NULL}, CLI_SOUND_ON, false},
        {{"--sound=off", "--windowed", NULL}, CLI_SOUND_OFF, false},
        {{"--kiosk", "--sound", "on", NULL}, CLI_SOUND_ON, true},
        {{"--sound", "on", "--sound", "off", NULL}, CLI_SOUND_OFF, false}, /* the last one */
        {{"--bench", "--sound", "on", NULL}, CLI_SOUND_ON, false},         /* frames with sound */
    };
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char line[512];
        line_text(cases[i].args, line, sizeof line);
        argv_t a;
        argv_make(&a, cases[i].args);
        cli_options_t o;
        char err[256] = "";
        if (!cli_parse(a.argc, a.argv, &o, err, sizeof err))
            fail_msg("'%s' refused: %s", line, err);
        if (o.sound != cases[i].sound)
            fail_msg("'%s': sound %d, want %d", line, o.sound, cases[i].sound);
        assert_int_equal(o.kiosk, cases[i].kiosk);
    }
}

/* --import DIR --content FILE: the stick's folder and the installed file it replaces. */
static void test_import(void **state) {
    (void)state;
    const char *args[] = {"--import", "/run/usb/sdb1", "--content", "/etc/sk/en.yaml", NULL};
    argv_t a;
    argv_make(&a, args);
    cli_options_t o;
    char err[256] = "";
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_int_equal(o.mode, CLI_MODE_IMPORT);
    assert_string_equal(o.import_path, "/run/usb/sdb1");
    assert_string_equal(o.content_path, "/etc/sk/en.yaml");
    const char *eq[] = {"--content=f.yaml", "--import=/m", NULL};
    argv_make(&a, eq);
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_int_equal(o.mode, CLI_MODE_IMPORT);
    assert_string_equal(o.import_path, "/m");
    assert_string_equal(o.import_from, "USB"); /* the stick's words unless told */
    const char *from[] = {"--import", "/tmp/stage", "--from", "git", "--content", "f.yaml", NULL};
    argv_make(&a, from);
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_string_equal(o.import_from, "git");
    const char *from_eq[] = {"--from=content.example.org", "--import=/s", "--content=f", NULL};
    argv_make(&a, from_eq);
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_string_equal(o.import_from, "content.example.org");
}

/* --handout FILE [--paper letter|a4]: its own mode, Letter unless A4 is asked for; --paper
 * and the options of other modes refused with it. */
static void test_handout(void **state) {
    (void)state;
    cli_options_t o;
    char err[256];
    argv_t a;
    const char *plain[] = {"--handout", "h.pdf", "--lang", "es", NULL};
    argv_make(&a, plain);
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_int_equal(o.mode, CLI_MODE_HANDOUT);
    assert_string_equal(o.handout_path, "h.pdf");
    assert_false(o.paper_a4);
    const char *a4[] = {"--handout=h.pdf", "--paper=a4", NULL};
    argv_make(&a, a4);
    assert_true(cli_parse(a.argc, a.argv, &o, err, sizeof err));
    assert_true(o.paper_a4);
    static const char *const refused[][4] = {
        {"--paper", "a4", NULL},                 /* no handout to size */
        {"--handout", "h.pdf", "--paper", NULL}, /* no size */
        {"--handout", "h.pdf", "--paper", "b5"},
        {"--handout", NULL},
        {"--handout", "h.pdf", "--scene", "intro"},
        {"--handout", "h.pdf", "--screenshot", "x.png"},
        {"--handout", "h.pdf", "--kiosk", NULL},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        const char *args[5] = {refused[i][0], refused[i][1], refused[i][2], refused[i][3], NULL};
        argv_make(&a, args);
        if (cli_parse(a.argc, a.argv, &o, err, sizeof err)) {
            fail_msg("accepted: %s %s %s %s", args[0], args[1] ? args[1] : "",
                     args[1] && args[2] ? args[2] : "",
                     args[1] && args[2] && args[3] ? args[3] : "");
        }
        assert_true(err[0] != '\0');
    }
}

/* ---- Usage ------------------------------------------------------------------------------- */

static void test_usage_mentions_every_option(void **state) {
    (void)state;
    const char *usage = cli_usage();
    assert_non_null(usage);
    static const char *const options[] = {
        "--windowed", "--content",       "--lang",      "--scene",   "--screenshot", "--at",
        "--size",     "--check-content", "--dump-pose", "--region",  "--pacing",     "--kiosk",
        "--bench",    "--frames",        "--help",      "--version", "--sound",      "--import",
        "--from",     "--handout",       "--paper",
    };
    for (int i = 0; i < COUNT_OF(options); i++) {
        if (!strstr(usage, options[i])) fail_msg("usage does not mention %s", options[i]);
    }
    /* Every option the usage names is one the parser knows. */
    for (const char *p = strstr(usage, "--"); p; p = strstr(p + 2, "--")) {
        char name[40];
        size_t n = 0;
        while (n + 1 < sizeof name && (p[n] == '-' || (p[n] >= 'a' && p[n] <= 'z'))) {
            name[n] = p[n];
            n++;
        }
        name[n] = '\0';
        bool known = false;
        for (int i = 0; i < COUNT_OF(options); i++) known = known || !strcmp(name, options[i]);
        if (!known) fail_msg("usage names %s, which the parser does not know", name);
    }
    assert_non_null(strstr(usage, "Usage"));
    assert_non_null(strstr(usage, "1280x720")); /* the defaults it documents */
    assert_non_null(strstr(usage, "1920x1080"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_lines),
        cmocka_unit_test(test_strings_point_into_argv),
        cmocka_unit_test(test_parse_resets),
        cmocka_unit_test(test_invalid_lines),
        cmocka_unit_test(test_small_error_buffer),
        cmocka_unit_test(test_sound),
        cmocka_unit_test(test_import),
        cmocka_unit_test(test_handout),
        cmocka_unit_test(test_usage_mentions_every_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
