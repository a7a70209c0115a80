/* test_kiosk: what running unattended asks of the app's small parts, no window needed —
 * files read only when regular and not too big (a folder, FIFO or /dev/zero as the content
 * file), asset paths kept inside the assets folder, an edit noticed even when copied in with its
 * old time, and a journal that keeps the first error of every refused edit and shows no
 * control or bidirectional characters from content. */
#define _DEFAULT_SOURCE /* mkdtemp, symlink */
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
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "kiosk.h"
#include "app.h"
#include "log.h"
#include "support.h"

static char dir[256];

static void path_in(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", dir, name); }

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "%s/sk-test-kiosk-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    alarm(30);    /* a read that blocks (a FIFO) or never ends (/dev/zero) fails here, not hangs */
    log_limit(1); /* the show's limits, as app_run_show sets them */
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void only_regular_files_are_read(void **state) {
    (void)state;
    char path[400], err[1300], *data = NULL;
    size_t len = 0;
    path_in(path, sizeof path, "good.yaml");
    write_file(path, "title: x\n");
    assert_true(assets_read(path, &data, &len, err, sizeof err));
    assert_int_equal(len, 9);
    assert_string_equal(data, "title: x\n");
    SDL_free(data);

    /* a folder: SDL_LoadFile wrote through NULL */
    path_in(path, sizeof path, "folder.yaml");
    assert_int_equal(mkdir(path, 0700), 0);
    assert_false(assets_read(path, &data, &len, err, sizeof err));
    assert_null(data);
    assert_non_null(strstr(err, "folder"));
    assert_null(assets_open(path, ASSETS_MAX_IMAGE, err, sizeof err)); /* a mark as a folder */
    assert_non_null(strstr(err, "folder"));

    /* a FIFO with no writer: the open waited forever */
    path_in(path, sizeof path, "fifo.yaml");
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_false(assets_read(path, &data, &len, err, sizeof err));
    assert_non_null(strstr(err, "not a regular file"));
    assert_null(assets_open(path, ASSETS_MAX_FONT, err, sizeof err));

    /* a device that never ends: memory grew until the watchdog */
    assert_false(assets_read("/dev/zero", &data, &len, err, sizeof err));
    assert_non_null(strstr(err, "/dev/zero"));

    /* a regular file over the limit */
    path_in(path, sizeof path, "big.yaml");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fseek(f, (long)ASSETS_MAX_CONTENT, SEEK_SET), 0);
    fputc('x', f);
    fclose(f);
    assert_false(assets_read(path, &data, &len, err, sizeof err));
    assert_non_null(strstr(err, "too large"));
    assert_true(assets_read_max(path, ASSETS_MAX_CONTENT + 1, &data, &len, err, sizeof err));
    assert_int_equal(len, ASSETS_MAX_CONTENT + 1);
    SDL_free(data);
}

static void asset_paths_stay_inside(void **state) {
    (void)state;
    char assets[300], path[400], out[4200], err[1300];
    path_in(assets, sizeof assets, "assets");
    mkdir(assets, 0700);
    snprintf(path, sizeof path, "%s/images", assets);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/images/mark.png", assets);
    write_file(path, "png");
    assert_true(assets_path(assets, "images/mark.png", out, sizeof out, err, sizeof err));
    assert_non_null(strstr(out, "/assets/images/mark.png"));
    assert_false(assets_path(assets, "../../../../etc/passwd", out, sizeof out, err, sizeof err));
    assert_string_equal(out, "");
    assert_non_null(strstr(err, "../../../../etc/passwd: must stay inside the assets folder"));
    assert_false(assets_path(assets, "images/../../x", out, sizeof out, err, sizeof err));
    assert_false(assets_path(assets, "/etc/passwd", out, sizeof out, err, sizeof err));
    assert_non_null(strstr(err, "absolute"));
    assert_false(assets_path(assets, "images/none.png", out, sizeof out, err, sizeof err));
    snprintf(path, sizeof path, "%s/images/out.png", assets);
    assert_int_equal(symlink("/etc/passwd", path), 0); /* a link that leads out */
    assert_false(assets_path(assets, "images/out.png", out, sizeof out, err, sizeof err));
    assert_non_null(strstr(err, "leads outside"));
    assert_null(strchr(err, '\n'));
}

static void an_edit_copied_with_its_old_time_is_noticed(void **state) {
    (void)state;
    char path[400], copy[400];
    path_in(path, sizeof path, "watched.yaml");
    path_in(copy, sizeof copy, "copy.yaml");
    write_file(path, "title: one\n");
    struct stat before;
    assert_int_equal(stat(path, &before), 0);
    kiosk_watch_t w;
    kiosk_watch_init(&w, path);
    Uint64 now = 1000;
    assert_false(kiosk_watch_changed(&w, now, 2.0f));
    SDL_Delay(20); /* past the file system's clock tick */
    /* same size, then its old modification time put back (what `cp -p` does) */
    write_file(path, "title: two\n");
    struct timespec times[2] = {before.st_atim, before.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
    now += 2000;
    assert_true(kiosk_watch_changed(&w, now, 2.0f));
    now += 2000;
    assert_false(kiosk_watch_changed(&w, now, 2.0f));
    /* a new file of the same size and time renamed into place */
    SDL_Delay(20);
    write_file(copy, "title: 333\n");
    assert_int_equal(utimensat(AT_FDCWD, copy, times, 0), 0);
    assert_int_equal(rename(copy, path), 0);
    now += 2000;
    assert_true(kiosk_watch_changed(&w, now, 2.0f));
}

/* Runs fn with stderr going to a file; returns what was written (static buffer). */
static void (*g_captured)(void);
static void call_captured(void *unused) {
    (void)unused;
    g_captured();
}
static const char *captured(void (*fn)(void)) {
    static char out[1 << 16];
    char path[400];
    path_in(path, sizeof path, "stderr.txt");
    g_captured = fn;
    assert_true(support_capture_stderr(path, call_captured, NULL, out, sizeof out));
    return out;
}

/* Ten staff edits in a row, each of a file with a dozen slips (more errors than the limiter's
 * burst), loaded the way a reload loads them, then the refusal line as loop.c says it. */
static char first_errors[11][1200]; /* each edit's first error, as app_check_file gives it */

static void refused_edits(void) {
    for (int edit = 1; edit <= 10; edit++) {
        char path[400], name[64];
        snprintf(name, sizeof name, "edit%d.yaml", edit);
        path_in(path, sizeof path, name);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fprintf(f, "version: 1\n");
        for (int e = 1; e <= 12; e++) fprintf(f, "bogus%d_of_edit%d: 1\n", e, edit);
        fclose(f);
        assert_null(app_check_file(path, NULL, first_errors[edit], sizeof first_errors[edit]));
        log_must(LOG_WARNING, "%s: keeping the last good content (edit %d refused)", path, edit);
    }
}

static void the_first_error_of_every_refused_edit_is_said(void **state) {
    (void)state;
    const char *out = captured(refused_edits);
    for (int edit = 1; edit <= 10; edit++) {
        char want[200];
        snprintf(want, sizeof want, "edit%d.yaml:", edit);
        assert_non_null(strstr(first_errors[edit], want));
        if (!strstr(out, first_errors[edit])) {
            fail_msg("missing '%s' in:\n%s", first_errors[edit], out);
        }
        snprintf(want, sizeof want, "(edit %d refused)\n", edit);
        if (!strstr(out, want)) fail_msg("missing '%s' in:\n%s", want, out);
    }
    /* and the burst is still capped: not all 130 lines */
    int lines = 0;
    for (const char *p = out; *p; p++) lines += *p == '\n';
    assert_true(lines < 70);
    assert_true(log_dropped() > 0);
}

static void content_text_is_escaped(void) {
    /* U+202E (right-to-left override), U+2066 (isolate), U+0085 (C1 next line), ESC, a tab */
    log_warning("exercise title \xe2\x80\xae"
                "evil\xe2\x81\xa6 \xc2\x85"
                "x\x1b[2Jy\tz é ü");
}

static void no_control_or_bidi_characters_reach_the_journal(void **state) {
    (void)state;
    const char *out = captured(content_text_is_escaped);
    assert_non_null(strstr(out, "title \\u202eevil\\u2066 \\u0085x\\x1b[2Jy\\x09z é ü\n"));
    assert_null(strstr(out, "\xe2\x80\xae"));
    assert_null(strstr(out, "\xc2\x85"));
    assert_null(strchr(out, '\x1b'));
    char small[8];
    log_escape("ab\xe2\x80\xae", small, sizeof small); /* never cut inside an escape */
    assert_string_equal(small, "ab");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(only_regular_files_are_read),
        cmocka_unit_test(asset_paths_stay_inside),
        cmocka_unit_test(an_edit_copied_with_its_old_time_is_noticed),
        cmocka_unit_test(no_control_or_bidi_characters_reach_the_journal), /* first: a quiet log */
        cmocka_unit_test(the_first_error_of_every_refused_edit_is_said),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
