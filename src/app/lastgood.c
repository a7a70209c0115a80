/* lastgood: the last good content on disk (see lastgood.h). */
#include "lastgood.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "assets.h"
#include "files.h"

bool lastgood_path(char *path, size_t size, char *err, size_t err_size) {
    char dir[1024];
    if (!files_state_dir(dir, sizeof dir, err, err_size)) return false;
    int n = snprintf(path, size, "%s/%s", dir, LASTGOOD_FILE);
    if (n < 0 || (size_t)n >= size) {
        snprintf(err, err_size, "the state folder's path is too long");
        return false;
    }
    return true;
}

bool lastgood_save(const char *text, size_t len, char *err, size_t err_size) {
    char path[1200], ignored[64];
    if (!lastgood_path(path, sizeof path, err, err_size)) return false;
    char *kept = NULL;
    size_t kept_len = 0;
    bool same = assets_read(path, &kept, &kept_len, ignored, sizeof ignored) &&
                kept_len == len && memcmp(kept, text, len) == 0;
    SDL_free(kept);
    if (same) return true; /* kept already: no write */
    return files_write_atomic(path, text, len, err, err_size);
}
