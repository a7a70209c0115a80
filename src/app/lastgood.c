/* lastgood: the last good content on disk (see lastgood.h). */
#define _POSIX_C_SOURCE 200809L
#include "lastgood.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p: each missing folder on the way, made in turn. */
static bool make_dir(const char *dir) {
    char path[1024];
    int n = snprintf(path, sizeof path, "%s", dir);
    if (n < 0 || (size_t)n >= sizeof path) return false;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) return false;
        *p = '/';
    }
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

bool lastgood_dir(char *dir, size_t size, char *err, size_t err_size) {
    const char *state = getenv("STATE_DIRECTORY"); /* systemd: one or more, ':'-separated */
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int n;
    if (state && *state) {
        size_t len = strcspn(state, ":");
        n = snprintf(dir, size, "%.*s", (int)len, state);
    } else if (xdg && *xdg == '/') {
        n = snprintf(dir, size, "%s/stretch-kiosk", xdg);
    } else if (home && *home) {
        n = snprintf(dir, size, "%s/.local/state/stretch-kiosk", home);
    } else {
        snprintf(err, err_size, "no place to keep the last good content (set STATE_DIRECTORY "
                                "or XDG_STATE_HOME)");
        return false;
    }
    if (n < 0 || (size_t)n >= size) {
        snprintf(err, err_size, "the state folder's path is too long");
        return false;
    }
    if (!make_dir(dir)) {
        snprintf(err, err_size, "cannot make %s: %s", dir, strerror(errno));
        return false;
    }
    return true;
}

bool lastgood_path(char *path, size_t size, char *err, size_t err_size) {
    char dir[1024];
    if (!lastgood_dir(dir, sizeof dir, err, err_size)) return false;
    int n = snprintf(path, size, "%s/%s", dir, LASTGOOD_FILE);
    if (n < 0 || (size_t)n >= size) {
        snprintf(err, err_size, "the state folder's path is too long");
        return false;
    }
    return true;
}

/* Whether the file at path holds exactly text (a regular file, read without blocking). */
static bool same_as(const char *path, const char *text, size_t len) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
    char buf[4096];
    size_t at = 0;
    while (same && at < len) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got <= 0 || at + (size_t)got > len || memcmp(buf, text + at, (size_t)got) != 0) {
            same = false;
            break;
        }
        at += (size_t)got;
    }
    close(fd);
    return same && at == len;
}

static bool write_all(int fd, const char *p, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

bool lastgood_save(const char *text, size_t len, char *err, size_t err_size) {
    char dir[1024], path[1200], tmp[1200];
    if (!lastgood_dir(dir, sizeof dir, err, err_size)) return false;
    snprintf(path, sizeof path, "%s/%s", dir, LASTGOOD_FILE);
    if (same_as(path, text, len)) return true; /* kept already: no write */
    snprintf(tmp, sizeof tmp, "%s/.%s.%ld", dir, LASTGOOD_FILE, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, err_size, "cannot write %s: %s", tmp, strerror(errno));
        return false;
    }
    bool ok = write_all(fd, text, len) && fsync(fd) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        unlink(tmp);
        snprintf(err, err_size, "cannot keep the last good content in %s: %s", path,
                 strerror(saved));
        return false;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC); /* the rename itself, durable */
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return true;
}
