/* assets: locating the assets folder and reading files (see assets.h).
 * Search order: $STRETCH_KIOSK_ASSETS, <binary dir>/assets (build tree),
 * <binary dir>/../share/stretch-kiosk/assets (install tree). An installed binary's default
 * content is the clinic's own, SK_SYSCONFDIR/stretch-kiosk/<lang>.yaml, when it is there. */
#define _DEFAULT_SOURCE /* realpath, fdopen, O_CLOEXEC */
#include "assets.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SK_INSTALL_DATADIR
#define SK_INSTALL_DATADIR "share/stretch-kiosk"
#endif
#ifndef SK_SYSCONFDIR
#define SK_SYSCONFDIR "/etc"
#endif

static bool g_installed; /* the assets last located are the install tree's */

static bool is_assets_dir(const char *dir) {
    char probe[1200];
    struct stat st;
    snprintf(probe, sizeof probe, "%s/content", dir);
    return stat(probe, &st) == 0 && S_ISDIR(st.st_mode);
}

bool assets_locate(char *dir, size_t n, char *err, size_t err_size) {
    const char *env = SDL_getenv("STRETCH_KIOSK_ASSETS");
    if (env && *env) {
        if (!is_assets_dir(env)) {
            snprintf(err, err_size, "STRETCH_KIOSK_ASSETS=%s has no content/ folder", env);
            return false;
        }
        snprintf(dir, n, "%s", env);
        return true;
    }
    char *base = SDL_GetBasePath(); /* ends with '/' */
    if (!base) {
        snprintf(err, err_size, "cannot find the program's folder: %s", SDL_GetError());
        return false;
    }
    const char *candidates[] = {"%sassets", "%s../" SK_INSTALL_DATADIR "/assets"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        snprintf(dir, n, candidates[i], base);
        if (is_assets_dir(dir)) {
            SDL_free(base);
            g_installed = i == 1;
            return true;
        }
    }
    snprintf(err, err_size,
             "cannot find the assets folder (looked in %sassets and %s../%s/assets; "
             "set STRETCH_KIOSK_ASSETS)",
             base, base, SK_INSTALL_DATADIR);
    SDL_free(base);
    return false;
}

bool assets_config_content(const char *lang, char *out, size_t n) {
    struct stat st;
    int len = snprintf(out, n, "%s/stretch-kiosk/%s.yaml", SK_SYSCONFDIR, lang);
    return g_installed && len > 0 && (size_t)len < n && stat(out, &st) == 0 && S_ISREG(st.st_mode);
}

/* Opens a file only when it is a regular one: a folder, a FIFO, a device (/dev/zero) or a
 * socket is refused at once. O_NONBLOCK keeps the open of a FIFO with no writer from waiting
 * forever; it changes nothing for a regular file. Returns the descriptor, or -1 with err set. */
static int open_regular(const char *path, size_t max, size_t *size, char *err, size_t err_size) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        snprintf(err, err_size, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    const char *why = NULL;
    if (fstat(fd, &st) != 0) why = strerror(errno);
    else if (S_ISDIR(st.st_mode)) why = "is a folder, not a file";
    else if (!S_ISREG(st.st_mode)) why = "is not a regular file (a pipe, device or socket)";
    else if ((unsigned long long)st.st_size > (unsigned long long)max) why = "is too large";
    if (why) {
        if (!strcmp(why, "is too large")) {
            snprintf(err, err_size, "%s: cannot read: is too large (%lld bytes; at most %zu)", path,
                     (long long)st.st_size, max);
        } else {
            snprintf(err, err_size, "%s: cannot read: %s", path, why);
        }
        close(fd);
        return -1;
    }
    *size = (size_t)st.st_size;
    return fd;
}

bool assets_read_max(const char *path, size_t max, char **data, size_t *len, char *err,
                     size_t err_size) {
    *data = NULL;
    *len = 0;
    size_t size = 0;
    int fd = open_regular(path, max, &size, err, err_size);
    if (fd < 0) return false;
    /* the file may grow while it is read: read at most max + 1 bytes, and refuse more */
    size_t cap = size + 1 < max + 1 ? size + 1 : max + 1;
    char *buf = SDL_malloc(cap + 1);
    size_t got = 0;
    bool ok = buf != NULL;
    if (!ok) snprintf(err, err_size, "%s: cannot read: out of memory", path);
    while (ok) {
        if (got == cap) {
            if (cap > max) {
                snprintf(err, err_size, "%s: cannot read: is too large (at most %zu bytes)", path,
                         max);
                ok = false;
                break;
            }
            size_t more = cap * 2 < max + 1 ? cap * 2 : max + 1;
            char *grown = SDL_realloc(buf, more + 1);
            if (!grown) {
                snprintf(err, err_size, "%s: cannot read: out of memory", path);
                ok = false;
                break;
            }
            buf = grown;
            cap = more;
        }
        ssize_t n = read(fd, buf + got, cap - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            snprintf(err, err_size, "%s: cannot read: %s", path, strerror(errno));
            ok = false;
        } else if (n == 0) {
            break;
        } else {
            got += (size_t)n;
        }
    }
    close(fd);
    if (got > max && ok) {
        snprintf(err, err_size, "%s: cannot read: is too large (at most %zu bytes)", path, max);
        ok = false;
    }
    if (!ok) {
        SDL_free(buf);
        return false;
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return true;
}

bool assets_read(const char *path, char **data, size_t *len, char *err, size_t err_size) {
    return assets_read_max(path, ASSETS_MAX_CONTENT, data, len, err, err_size);
}

SDL_RWops *assets_open(const char *path, size_t max, char *err, size_t err_size) {
    size_t size = 0;
    int fd = open_regular(path, max, &size, err, err_size);
    if (fd < 0) return NULL;
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        snprintf(err, err_size, "%s: cannot read: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    SDL_RWops *rw = SDL_RWFromFP(f, SDL_TRUE);
    if (!rw) {
        snprintf(err, err_size, "%s: cannot read: %s", path, SDL_GetError());
        fclose(f);
    }
    return rw;
}

bool assets_path(const char *assets_dir, const char *rel, char *out, size_t out_size, char *err,
                 size_t err_size) {
    if (out_size) out[0] = '\0';
    if (!rel || !rel[0]) {
        snprintf(err, err_size, "an asset path is empty");
        return false;
    }
    if (rel[0] == '/') {
        snprintf(err, err_size, "%s: must be a path inside the assets folder, not an absolute one",
                 rel);
        return false;
    }
    for (const char *p = rel; *p;) { /* no ".." part anywhere */
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            snprintf(err, err_size, "%s: must stay inside the assets folder (no \"..\")", rel);
            return false;
        }
        p += n;
        while (*p == '/') p++;
    }
    char joined[PATH_MAX + 256], root[PATH_MAX], real[PATH_MAX];
    int n = snprintf(joined, sizeof joined, "%s/%s", assets_dir, rel);
    if (n < 0 || (size_t)n >= sizeof joined) {
        snprintf(err, err_size, "%s: the path is too long", rel);
        return false;
    }
    if (!realpath(assets_dir, root)) {
        snprintf(err, err_size, "%s: cannot find the assets folder: %s", assets_dir,
                 strerror(errno));
        return false;
    }
    if (!realpath(joined, real)) {
        snprintf(err, err_size, "%s: cannot find it in %s: %s", rel, assets_dir, strerror(errno));
        return false;
    }
    size_t rn = strlen(root);
    bool inside = !strncmp(real, root, rn) && (real[rn] == '/' || (rn == 1 && root[0] == '/'));
    if (!inside) { /* a symbolic link that leads out */
        snprintf(err, err_size, "%s: leads outside the assets folder (to %s)", rel, real);
        return false;
    }
    if (strlen(real) >= out_size) {
        snprintf(err, err_size, "%s: the path is too long", rel);
        return false;
    }
    snprintf(out, out_size, "%s", real);
    return true;
}
