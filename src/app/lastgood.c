/* lastgood: the last good content on disk (see lastgood.h). */
#include "lastgood.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "assets.h"
#include "content.h"
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

/* Writes `len` bytes to path unless it holds them already. */
static bool write_if_new(const char *path, const char *data, size_t len, size_t max, char *err,
                         size_t err_size) {
    char *kept = NULL, ignored[64];
    size_t kept_len = 0;
    bool same = assets_read_max(path, max, &kept, &kept_len, ignored, sizeof ignored) &&
                kept_len == len && memcmp(kept, data, len) == 0;
    SDL_free(kept);
    return same || files_write_atomic(path, data, len, err, err_size);
}

bool lastgood_assets(char *dir, size_t size, char *err, size_t err_size) {
    char state[1024];
    if (!files_state_dir(state, sizeof state, err, err_size)) return false;
    int n = snprintf(dir, size, "%s/%s", state, LASTGOOD_ASSETS);
    if (n < 0 || (size_t)n >= size) {
        snprintf(err, err_size, "the state folder's path is too long");
        return false;
    }
    return true;
}

/* Copies one font or picture of the set (the content named it; the start opened it). */
static bool keep_asset(const char *assets_dir, const char *kept_dir, const char *rel, char *err,
                       size_t err_size) {
    char from[4200], to[4200];
    if (!assets_path(assets_dir, rel, from, sizeof from, err, err_size)) return false;
    int n = snprintf(to, sizeof to, "%s/%s", kept_dir, rel);
    if (n < 0 || (size_t)n >= sizeof to) {
        snprintf(err, err_size, "the path of the kept %s is too long", rel);
        return false;
    }
    char *data = NULL;
    size_t len = 0;
    if (!assets_read_max(from, ASSETS_MAX_FONT, &data, &len, err, err_size)) return false;
    char *slash = strrchr(to, '/');
    *slash = '\0';
    bool ok = files_make_dirs(to);
    *slash = '/';
    if (!ok) snprintf(err, err_size, "cannot make a folder for %s", to);
    ok = ok && write_if_new(to, data, len, ASSETS_MAX_FONT, err, err_size);
    SDL_free(data);
    return ok;
}

/* The words of the set's language, beside the kept show (the show names them by language:
 * en.yaml, es.yaml), then the show's text (or the whole file's) as the copy. */
static bool save_texts(const content_files_t *f, const content_t *c, char *err, size_t err_size) {
    char path[1200];
    if (!lastgood_path(path, sizeof path, err, err_size)) return false;
    if (content_files_split(f) && c->language) {
        char words[1300];
        char *slash = strrchr(path, '/');
        int n =
            snprintf(words, sizeof words, "%.*s/%s.yaml", (int)(slash - path), path, c->language);
        if (n < 0 || (size_t)n >= sizeof words) {
            snprintf(err, err_size, "the state folder's path is too long");
            return false;
        }
        if (!write_if_new(words, f->text[CONTENT_FILE_WORDS], f->len[CONTENT_FILE_WORDS],
                          ASSETS_MAX_CONTENT, err, err_size)) {
            return false;
        }
    }
    return write_if_new(path, f->text[CONTENT_FILE_SHOW], f->len[CONTENT_FILE_SHOW],
                        ASSETS_MAX_CONTENT, err, err_size);
}

bool lastgood_save_set(const content_files_t *f, const content_t *c, const char *assets_dir,
                       char *err, size_t err_size) {
    char kept_dir[1200];
    if (!lastgood_assets(kept_dir, sizeof kept_dir, err, err_size)) return false;
    const char *rels[] = {c->theme.font_regular, c->theme.font_bold, c->theme.mark};
    /* a set copied from itself (the kiosk shows the last good copy) is kept as it is */
    bool own = strcmp(assets_dir, kept_dir) == 0;
    for (int i = 0; i < 3 && !own; i++) {
        if (rels[i] && !keep_asset(assets_dir, kept_dir, rels[i], err, err_size)) return false;
    }
    return save_texts(f, c, err, err_size); /* last: it never names what is not there */
}
