/* files: durable writes and the state folder (see files.h). */
#define _DEFAULT_SOURCE /* O_NOFOLLOW, O_CLOEXEC */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool files_make_dirs(const char *dir) {
    char path[PATH_MAX];
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

bool files_state_dir(char *dir, size_t size, char *err, size_t err_size) {
    const char *state = getenv("STATE_DIRECTORY"), *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (state && *state) {
        n = snprintf(dir, size, "%.*s", (int)strcspn(state, ":"), state);
    } else if (xdg && *xdg == '/') {
        n = snprintf(dir, size, "%s/stretch-kiosk", xdg);
    } else if (home && *home) {
        n = snprintf(dir, size, "%s/.local/state/stretch-kiosk", home);
    } else {
        snprintf(err, err_size, "no state folder (set STATE_DIRECTORY or XDG_STATE_HOME)");
        return false;
    }
    if (n < 0 || (size_t)n >= size) {
        snprintf(err, err_size, "the state folder's path is too long");
        return false;
    }
    if (!files_make_dirs(dir)) {
        snprintf(err, err_size, "cannot make %s: %s", dir, strerror(errno));
        return false;
    }
    return true;
}

bool files_sync_folder(const char *file) {
    char dir[PATH_MAX];
    const char *s = strrchr(file, '/');
    if (!s) snprintf(dir, sizeof dir, ".");
    else if (s == file) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(s - file), file);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

bool files_write_synced(const char *path, const void *data, size_t len, char *err,
                        size_t err_size) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        return false;
    }
    const char *p = data;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, p + done, len - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += (size_t)n;
    }
    bool ok = done == len && fsync(fd) == 0;
    if (!ok) snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
    if (close(fd) != 0) ok = false;
    if (!ok) unlink(path);
    return ok;
}

bool files_write_atomic(const char *path, const void *data, size_t len, char *err,
                        size_t err_size) {
    char tmp[PATH_MAX];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp) {
        snprintf(err, err_size, "the path %s is too long", path);
        return false;
    }
    if (!files_write_synced(tmp, data, len, err, err_size)) return false;
    if (rename(tmp, path) != 0) {
        snprintf(err, err_size, "cannot replace %s: %s", path, strerror(errno));
        unlink(tmp);
        return false;
    }
    files_sync_folder(path);
    return true;
}
