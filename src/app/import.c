/* import: a content update from a USB stick (see import.h).
 *
 * The staff put `stretch-kiosk/show.yaml` and/or a language's words (`en.yaml`, `es.yaml`),
 * and any new image they name, on a stick and plug it in; udev starts
 * deploy/stretch-kiosk-usb@.service, which mounts the stick read-only and runs
 * `stretch-kiosk --import MOUNTPOINT --content /etc/stretch-kiosk/show.yaml`. A show's files
 * are staged together in a folder beside the installed ones (.usb-new/, with the installed
 * files the stick does not hold), checked as one set — the show with each of its languages —
 * and, when good, each file taken is kept as <name>.bak and renamed into place, the words
 * before the show that names them (import_set). A one-file content of before languages goes
 * the same way alone:
 *
 *   1. the stick's file is read (a regular file, at most IMPORT_MAX_BYTES, never a FIFO or a
 *      link) and written beside the installed one as a staging file, fsynced;
 *   2. the images and fonts it names, where the stick holds them, must lie inside the stick's
 *      folder (no "..", no absolute path, no link out of it); a new one is copied into the
 *      assets folder, one already there must have the same bytes (so a refused update never
 *      changes what the show draws now);
 *   3. the staging file is checked with app_check_content, as --check-content checks it;
 *   4. good: the installed file is copied to <name>.bak (temporary, fsync, rename), then the
 *      staging file renamed over it and the folder fsynced, so a power cut leaves the old file
 *      or the new one. Bad: the staging file and any image copied are removed; the installed
 *      file is untouched, byte for byte;
 *   5. the outcome, one calm line ("Content updated from USB", "USB content not used: en.yaml
 *      line 12: …"), is logged and left in the state folder's `notice` file (atomically), which
 *      the running kiosk looks at every 2 s and shows for 10 s. The kiosk reloads the new
 *      content by itself (kiosk_watch).
 *
 * `--from LABEL` puts another source in those words ("Content updated from git"): the same
 * import installs what deploy/stretch-kiosk-sync fetched from a git repository or a URL.
 */
#define _DEFAULT_SOURCE /* realpath, lstat, O_NOFOLLOW, O_CLOEXEC, st_mtim */
#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "assets.h"
#include "content.h"
#include "files.h"
#include "log.h"

/* A path that cannot be made (too long) is treated as missing. */
static bool join(char *out, size_t size, const char *a, const char *b) {
    int n = snprintf(out, size, "%s/%s", a, b);
    return n >= 0 && (size_t)n < size;
}

static const char *base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void folder_of(const char *path, char *out, size_t size) {
    const char *s = strrchr(path, '/');
    if (!s) snprintf(out, size, ".");
    else if (s == path) snprintf(out, size, "/");
    else snprintf(out, size, "%.*s", (int)(s - path), path);
}

/* Reads a regular file of at most IMPORT_MAX_BYTES; never blocks on a FIFO or follows a link
 * at the last step. NULL with a reason in err. The caller frees. */
static char *read_file(const char *path, size_t *len, char *err, size_t err_size) {
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, err_size, "%s", errno == ENOENT ? "not found" : strerror(errno));
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, err_size, "not a plain file");
    } else if (st.st_size > IMPORT_MAX_BYTES) {
        snprintf(err, err_size, "too large (%lld bytes; at most %ld)", (long long)st.st_size,
                 IMPORT_MAX_BYTES);
    } else if (!(buf = malloc((size_t)st.st_size + 1))) {
        snprintf(err, err_size, "out of memory");
    } else {
        size_t got = 0;
        while (got < (size_t)st.st_size) {
            ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += (size_t)n;
        }
        if (got != (size_t)st.st_size) {
            snprintf(err, err_size, "cannot be read in full");
            free(buf);
            buf = NULL;
        } else {
            buf[got] = '\0';
            *len = got;
        }
    }
    close(fd);
    return buf;
}

/* A name from the content that must stay inside its folder: relative, no "." or ".."
 * component, no backslash. */
static bool confined_name(const char *rel) {
    if (!rel || !*rel || rel[0] == '/' || strchr(rel, '\\')) return false;
    const char *p = rel;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.')) {
            return false;
        }
        p += n + (e ? 1 : 0);
    }
    return true;
}

/* Makes the folders `path` is to be written in. */
static bool make_parents(const char *path) {
    char dir[PATH_MAX];
    folder_of(path, dir, sizeof dir);
    return files_make_dirs(dir);
}

#define IMPORT_MAX_ASSETS 3 /* font_regular, font_bold, mark */

typedef struct import_t {
    char folder[PATH_MAX]; /* the stick's stretch-kiosk folder, resolved */
    const char *assets;
    char added[IMPORT_MAX_ASSETS][PATH_MAX]; /* assets copied in (removed on a refusal) */
    int added_count;
    char why[512]; /* the reason a refusal gives */
} import_t;

/* One font or image the content names: copied in from the stick when new there, the same as
 * the one installed, or (not on the stick) left to the check to find installed. */
static bool take_asset(import_t *im, const char *key, const char *rel, const char *name) {
    if (!rel) return true;
    if (!confined_name(rel)) {
        snprintf(im->why, sizeof im->why, "%s: theme.%s '%s' is outside the %s folder", name, key,
                 rel, IMPORT_FOLDER);
        return false;
    }
    char src[PATH_MAX], real[PATH_MAX], dst[PATH_MAX];
    if (!join(src, sizeof src, im->folder, rel) || !join(dst, sizeof dst, im->assets, rel)) {
        snprintf(im->why, sizeof im->why, "%s: theme.%s '%s' is too long a name", name, key, rel);
        return false;
    }
    struct stat st;
    if (lstat(src, &st) != 0) return true; /* not on the stick: the check looks for it installed */
    size_t flen = strlen(im->folder);
    if (!realpath(src, real) || strncmp(real, im->folder, flen) != 0 || real[flen] != '/') {
        snprintf(im->why, sizeof im->why, "%s: theme.%s '%s' leads outside the %s folder", name,
                 key, rel, IMPORT_FOLDER);
        return false;
    }
    char err[256];
    size_t len = 0, have_len = 0;
    char *data = read_file(real, &len, err, sizeof err);
    if (!data) {
        snprintf(im->why, sizeof im->why, "%s/%s: %s", IMPORT_FOLDER, rel, err);
        return false;
    }
    char *have = read_file(dst, &have_len, err, sizeof err);
    bool ok = true;
    if (have) {
        if (have_len != len || memcmp(have, data, len) != 0) {
            snprintf(im->why, sizeof im->why,
                     "%s/%s differs from the one installed; give the new file another name",
                     IMPORT_FOLDER, rel);
            ok = false;
        }
    } else if (!make_parents(dst) || !files_write_atomic(dst, data, len, err, sizeof err)) {
        log_error("import: %s", err);
        snprintf(im->why, sizeof im->why, "%s/%s could not be copied", IMPORT_FOLDER, rel);
        ok = false;
    } else if (im->added_count < IMPORT_MAX_ASSETS) {
        snprintf(im->added[im->added_count++], PATH_MAX, "%s", dst);
    }
    free(have);
    free(data);
    return ok;
}

/* "STAGING:12:5: message" from the check as "en.yaml line 12: message". */
static void plain_reason(const char *first, const char *staging, const char *name, char *out,
                         size_t size) {
    size_t n = strlen(staging);
    if (strncmp(first, staging, n) == 0 && first[n] == ':') {
        const char *p = first + n + 1;
        char *end = NULL;
        long line = strtol(p, &end, 10);
        if (end != p && line > 0) {
            p = end;
            if (*p == ':') { /* a column: not for the staff */
                strtol(p + 1, &end, 10);
                if (end != p + 1) p = end;
            }
            if (*p == ':') p++;
            while (*p == ' ') p++;
            snprintf(out, size, "%s line %ld: %s", name, line, p);
            return;
        }
        p = first + n + 1;
        while (*p == ' ') p++;
        snprintf(out, size, "%s: %s", name, p);
        return;
    }
    snprintf(out, size, "%s: %s", name, first[0] ? first : "it cannot be shown");
}

/* Leaves the notice for the kiosk: the state folder made if missing, the file replaced. */
static void leave_notice(const char *text) {
    char dir[PATH_MAX], path[PATH_MAX], err[PATH_MAX + 64], line[SHOW_NOTICE_TEXT_MAX + 1];
    size_t n = strcspn(text, "\r\n"); /* one line, cut at a character */
    if (n > sizeof line - 2) n = sizeof line - 2;
    while (n > 0 && text[n] && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
    memcpy(line, text, n);
    line[n] = '\n';
    line[n + 1] = '\0';
    if (!files_state_dir(dir, sizeof dir, err, sizeof err) ||
        !join(path, sizeof path, dir, IMPORT_NOTICE_FILE)) {
        log_error("import: no state folder for the TV's notice: %s", err);
        return;
    }
    if (!files_write_atomic(path, line, strlen(line), err, sizeof err))
        log_error("import: %s", err);
}

static import_result_t finish(import_result_t result, const char *text, char *notice,
                              size_t notice_size) {
    snprintf(notice, notice_size, "%s", text);
    log_notice("import: %s", text);
    leave_notice(text);
    return result;
}

#define IMPORT_STAGE ".usb-new"  /* the staging folder beside a set's files */
#define SET_PATH (PATH_MAX + 64) /* a folder's path and a name in it */

/* The staging folder and the plain files in it, gone (it holds nothing else). */
static void stage_clear(const char *stage) {
    DIR *d = opendir(stage);
    if (!d) return;
    struct dirent *e;
    char path[SET_PATH + 256];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.' && join(path, sizeof path, stage, e->d_name)) unlink(path);
    }
    closedir(d);
    rmdir(stage);
}

/* A content of several files (a show and its languages' words, content_files.h): every file of
 * the set the stick holds is taken, and the set they make with the installed ones is checked
 * whole (the show with each of its languages) in a staging folder beside the installed files
 * before any of them is replaced. Each replaced file is kept as <name>.bak. */
static import_result_t import_set(import_t *im, const content_files_t *installed, const char *from,
                                  char *notice, size_t notice_size) {
    char text[PATH_MAX + 1600], err[PATH_MAX + 128], dir[PATH_MAX], stage[PATH_MAX + 16];
    folder_of(installed->path[CONTENT_FILE_SHOW], dir, sizeof dir);
    if (!join(stage, sizeof stage, dir, IMPORT_STAGE)) {
        snprintf(text, sizeof text, "%s content not used: it could not be written here", from);
        return finish(IMPORT_FAILED, text, notice, notice_size);
    }
    /* the files of the set: the show's and every language's the installed show or the stick's
     * names */
    char names[1 + 2 * CONTENT_MAX_LANGUAGES][CONTENT_LANGUAGE_MAX + 8];
    _Static_assert(sizeof CONTENT_FILES_SHOW <= CONTENT_LANGUAGE_MAX + 8, "a name fits");
    int count = 0;
    snprintf(names[count++], sizeof names[0], "%s", CONTENT_FILES_SHOW);
    for (int side = 0; side < 2; side++) {
        char path[SET_PATH], *show = NULL;
        size_t len = 0;
        if (side == 0) snprintf(path, sizeof path, "%s", installed->path[CONTENT_FILE_SHOW]);
        else if (!join(path, sizeof path, im->folder, CONTENT_FILES_SHOW)) continue;
        if (!(show = read_file(path, &len, err, sizeof err))) continue;
        char codes[CONTENT_MAX_LANGUAGES][CONTENT_LANGUAGE_MAX];
        int n = content_show_languages(show, len, codes, CONTENT_MAX_LANGUAGES);
        free(show);
        for (int i = 0; i < n; i++) {
            char name[CONTENT_LANGUAGE_MAX + 8];
            snprintf(name, sizeof name, "%.*s.yaml", CONTENT_LANGUAGE_MAX - 1, codes[i]);
            bool known = strchr(codes[i], '/') != NULL;
            for (int k = 0; k < count; k++) known = known || strcmp(names[k], name) == 0;
            if (!known) memcpy(names[count++], name, sizeof name);
        }
    }
    /* staged: the stick's files, and the installed ones the stick does not hold */
    stage_clear(stage);
    if (!files_make_dirs(stage)) {
        snprintf(text, sizeof text, "%s content not used: it could not be written here", from);
        return finish(IMPORT_FAILED, text, notice, notice_size);
    }
    bool taken[1 + 2 * CONTENT_MAX_LANGUAGES] = {false};
    int taken_count = 0;
    char list[512] = "";
    for (int i = 0; i < count; i++) {
        char src[SET_PATH], dst[SET_PATH], here[SET_PATH];
        size_t len = 0;
        char *data = NULL;
        bool ok = join(src, sizeof src, im->folder, names[i]) &&
                  join(dst, sizeof dst, stage, names[i]) && join(here, sizeof here, dir, names[i]);
        if (ok) data = read_file(src, &len, err, sizeof err);
        if (ok && !data && strcmp(err, "not found") != 0) { /* a FIFO, a link, too large */
            stage_clear(stage);
            snprintf(text, sizeof text, "%s content not used: %s/%s: %s", from, IMPORT_FOLDER,
                     names[i], err);
            return finish(IMPORT_REFUSED, text, notice, notice_size);
        }
        taken[i] = data != NULL;
        if (data) {
            taken_count++;
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", names[i]);
        } else if (ok) {
            data = read_file(here, &len, err, sizeof err); /* installed (may not be there) */
        }
        if (data && !files_write_synced(dst, data, len, err, sizeof err)) {
            free(data);
            stage_clear(stage);
            log_error("import: %s", err);
            snprintf(text, sizeof text, "%s content not used: it could not be written here", from);
            return finish(IMPORT_FAILED, text, notice, notice_size);
        }
        free(data);
    }
    if (taken_count == 0) { /* say what was looked for: the show's file and its languages' */
        char wanted[512] = "";
        for (int i = 0; i < count; i++) {
            size_t used = strlen(wanted);
            snprintf(wanted + used, sizeof wanted - used, "%s%s", i ? ", " : "", names[i]);
        }
        stage_clear(stage);
        snprintf(text, sizeof text, "%s content not used: %s/: none of %s found", from,
                 IMPORT_FOLDER, wanted);
        return finish(IMPORT_REFUSED, text, notice, notice_size);
    }
    /* the fonts and images the staged show names, then every language of the staged set,
     * checked as --check-content checks it */
    char staged_show[SET_PATH], first[1024] = "", reason[1200] = "";
    bool ok = join(staged_show, sizeof staged_show, stage, CONTENT_FILES_SHOW);
    content_t *names_of = ok ? app_read_content(staged_show, NULL, first, sizeof first) : NULL;
    if (names_of) {
        ok = take_asset(im, "font_regular", names_of->theme.font_regular, CONTENT_FILES_SHOW) &&
             take_asset(im, "font_bold", names_of->theme.font_bold, CONTENT_FILES_SHOW) &&
             take_asset(im, "mark", names_of->theme.mark, CONTENT_FILES_SHOW);
        if (!ok) snprintf(reason, sizeof reason, "%s", im->why);
        for (int l = 0; ok && l < names_of->language_count; l++) {
            content_t *c =
                app_check_content(staged_show, names_of->languages[l], first, sizeof first);
            ok = c != NULL;
            SDL_free(c);
        }
    } else {
        ok = false;
    }
    SDL_free(names_of);
    if (!ok) {
        if (!reason[0]) { /* the check's first problem, in the file it is in */
            char staged[SET_PATH];
            for (int i = 0; i < count && !reason[0]; i++) {
                if (join(staged, sizeof staged, stage, names[i]) &&
                    strncmp(first, staged, strlen(staged)) == 0) {
                    plain_reason(first, staged, names[i], reason, sizeof reason);
                }
            }
            if (!reason[0]) plain_reason(first, stage, CONTENT_FILES_SHOW, reason, sizeof reason);
        }
        stage_clear(stage);
        for (int i = 0; i < im->added_count; i++) unlink(im->added[i]);
        snprintf(text, sizeof text, "%s content not used: %s", from, reason);
        return finish(IMPORT_REFUSED, text, notice, notice_size);
    }
    /* good: each file taken replaces the installed one, which is kept as <name>.bak; the
     * words first, the show that names them last */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = count - 1; i >= 0; i--) {
            bool show = strcmp(names[i], CONTENT_FILES_SHOW) == 0;
            if (!taken[i] || show != (pass == 1)) continue;
            char staged[SET_PATH], here[SET_PATH], backup[SET_PATH + 8];
            size_t old_len = 0;
            join(staged, sizeof staged, stage, names[i]);
            join(here, sizeof here, dir, names[i]);
            int n = snprintf(backup, sizeof backup, "%s.bak", here);
            char *old = read_file(here, &old_len, err, sizeof err);
            bool kept = n > 0 && (size_t)n < sizeof backup &&
                        (!old || files_write_atomic(backup, old, old_len, err, sizeof err));
            free(old);
            if (!kept || rename(staged, here) != 0) {
                if (kept) snprintf(err, sizeof err, "cannot replace %s: %s", here, strerror(errno));
                log_error("import: %s", err);
                stage_clear(stage);
                snprintf(text, sizeof text, "%s content not used: it could not be written here",
                         from);
                return finish(IMPORT_FAILED, text, notice, notice_size);
            }
        }
    }
    stage_clear(stage);
    files_sync_folder(installed->path[CONTENT_FILE_SHOW]);
    snprintf(text, sizeof text, "Content updated from %s (%s)", from, list);
    return finish(IMPORT_UPDATED, text, notice, notice_size);
}

import_result_t import_run(const char *stick, const char *content_path, const char *assets_dir,
                           const char *from, char *notice, size_t notice_size) {
    if (!from || !*from) from = "USB"; /* the stick's words, exactly */
    static import_t im; /* paths: too large for the stack of a small thread; one run a process */
    memset(&im, 0, sizeof im);
    im.assets = assets_dir;
    char text[PATH_MAX + 1600], folder[PATH_MAX], src[PATH_MAX];
    const char *name = base_name(content_path);
    struct stat st;
    if (!join(folder, sizeof folder, stick, IMPORT_FOLDER) || stat(folder, &st) != 0 ||
        !S_ISDIR(st.st_mode) || !realpath(folder, im.folder)) {
        snprintf(text, sizeof text, "%s content not used: no folder '%s' on the %s", from,
                 IMPORT_FOLDER, strcmp(from, "USB") ? "source" : "stick");
        return finish(IMPORT_REFUSED, text, notice, notice_size);
    }
    char err[PATH_MAX + 128];
    content_files_t set;
    if (content_files_find(&set, content_path, NULL, err, sizeof err) &&
        content_files_split(&set)) {
        return import_set(&im, &set, from, notice, notice_size);
    }
    size_t len = 0;
    char *data =
        join(src, sizeof src, im.folder, name) ? read_file(src, &len, err, sizeof err) : NULL;
    if (!data) {
        snprintf(text, sizeof text, "%s content not used: %s/%s: %s", from, IMPORT_FOLDER, name,
                 err);
        return finish(IMPORT_REFUSED, text, notice, notice_size);
    }
    char staging[PATH_MAX], backup[PATH_MAX];
    int n1 = snprintf(staging, sizeof staging, "%s.usb-new", content_path);
    int n2 = snprintf(backup, sizeof backup, "%s.bak", content_path);
    if (n1 < 0 || (size_t)n1 >= sizeof staging || n2 < 0 || (size_t)n2 >= sizeof backup ||
        !files_write_synced(staging, data, len, err, sizeof err)) {
        free(data);
        log_error("import: %s", err);
        snprintf(text, sizeof text, "%s content not used: it could not be written here", from);
        return finish(IMPORT_FAILED, text, notice, notice_size);
    }

    /* the fonts and images it names (the parse here only finds their names; the check
     * below reports any mistake in the file) */
    bool ok = true;
    char slip[600] = ""; /* the parser's word for the staff, when the file does not parse */
    content_t *names = malloc(sizeof *names);
    content_errors_t *errors = malloc(sizeof *errors);
    if (names && errors && content_parse(names, data, len, errors)) {
        ok = take_asset(&im, "font_regular", names->theme.font_regular, name) &&
             take_asset(&im, "font_bold", names->theme.font_bold, name) &&
             take_asset(&im, "mark", names->theme.mark, name);
    } else if (names && errors && errors->count > 0) {
        /* the slip itself rather than what it swallowed: a key "missing" from a mapping is
         * reported at the mapping's first line, above the broken quote that ate it */
        const content_error_t *e = &errors->items[0];
        for (int i = errors->count - 1; i >= 0; i--) {
            if (!strstr(errors->items[i].message, " is missing '")) e = &errors->items[i];
        }
        snprintf(slip, sizeof slip, "%s line %d: %s", name, e->line, e->message);
    }
    free(names);
    free(errors);
    free(data);

    char first[1024] = "";
    content_t *c = ok ? app_check_content(staging, NULL, first, sizeof first) : NULL;
    if (!c) {
        unlink(staging);
        for (int i = 0; i < im.added_count; i++) unlink(im.added[i]);
        char reason[1200];
        if (!ok) snprintf(reason, sizeof reason, "%s", im.why);
        else if (slip[0]) snprintf(reason, sizeof reason, "%s", slip);
        else plain_reason(first, staging, name, reason, sizeof reason);
        snprintf(text, sizeof text, "%s content not used: %s", from, reason);
        return finish(IMPORT_REFUSED, text, notice, notice_size);
    }
    SDL_free(c);

    size_t old_len = 0;
    char *old = read_file(content_path, &old_len, err, sizeof err);
    bool kept = !old || files_write_atomic(backup, old, old_len, err, sizeof err);
    free(old);
    if (!kept || rename(staging, content_path) != 0) {
        if (kept) snprintf(err, sizeof err, "cannot replace %s: %s", content_path, strerror(errno));
        log_error("import: %s", err);
        unlink(staging);
        snprintf(text, sizeof text, "%s content not used: it could not be written here", from);
        return finish(IMPORT_FAILED, text, notice, notice_size);
    }
    files_sync_folder(content_path);
    snprintf(text, sizeof text, "Content updated from %s", from);
    return finish(IMPORT_UPDATED, text, notice, notice_size);
}

bool import_notice_poll(Uint64 now_ms, char *text, size_t text_size) {
    static Uint64 next_check;
    static bool looked;
    static struct stat seen;
    if (looked && now_ms < next_check) return false;
    next_check = now_ms + IMPORT_NOTICE_CHECK_MS;
    char dir[PATH_MAX], path[PATH_MAX];
    struct stat st;
    memset(&st, 0, sizeof st);
    char why[256];
    if (!files_state_dir(dir, sizeof dir, why, sizeof why) ||
        !join(path, sizeof path, dir, IMPORT_NOTICE_FILE) || stat(path, &st) != 0) {
        memset(&st, 0, sizeof st);
    }
    bool first = !looked;
    looked = true;
    bool changed = st.st_ino != seen.st_ino || st.st_size != seen.st_size ||
                   st.st_mtim.tv_sec != seen.st_mtim.tv_sec ||
                   st.st_mtim.tv_nsec != seen.st_mtim.tv_nsec;
    seen = st;
    if (first || !changed || st.st_ino == 0) return false;
    char err[128];
    size_t len = 0;
    char *data = read_file(path, &len, err, sizeof err);
    if (!data) return false;
    size_t n = strcspn(data, "\r\n");
    if (text_size > 0 && n > text_size - 1) n = text_size - 1;
    while (n > 0 && data[n] && ((unsigned char)data[n] & 0xC0) == 0x80) n--; /* a whole character */
    if (text_size > 0) memcpy(text, data, n), text[n] = '\0';
    free(data);
    return text_size > 0 && text[0] != '\0';
}

int import_main(const char *stick, const char *content_path, const char *from) {
    char assets[PATH_MAX], err[PATH_MAX + 128], notice[SHOW_NOTICE_TEXT_MAX];
    if (!assets_locate(assets, sizeof assets, err, sizeof err)) {
        log_error("%s", err);
        return APP_EXIT_RUNTIME;
    }
    import_result_t r = import_run(stick, content_path, assets, from, notice, sizeof notice);
    return r == IMPORT_UPDATED   ? APP_EXIT_OK
           : r == IMPORT_REFUSED ? APP_EXIT_USAGE
                                 : APP_EXIT_RUNTIME;
}
