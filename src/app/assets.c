/* assets: locating the assets folder and reading files (see assets.h).
 * Search order: $STRETCH_KIOSK_ASSETS, <binary dir>/assets (build tree),
 * <binary dir>/../share/stretch-kiosk/assets (install tree). */
#include "assets.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#ifndef SK_INSTALL_DATADIR
#define SK_INSTALL_DATADIR "share/stretch-kiosk"
#endif

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

bool assets_read(const char *path, char **data, size_t *len, char *err, size_t err_size) {
    errno = 0;
    *data = SDL_LoadFile(path, len);
    if (!*data) {
        snprintf(err, err_size, "%s: cannot read: %s", path,
                 errno ? strerror(errno) : SDL_GetError());
        return false;
    }
    return true;
}
