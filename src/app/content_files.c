/* content_files: the files a content is read from (see content_files.h). */
#include "content_files.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "assets.h"

/* `dir` of `path` joined with `name`, into out. False when it does not fit. */
static bool beside(const char *path, const char *name, char *out, size_t size) {
    const char *slash = strrchr(path, '/');
    int dir = slash ? (int)(slash - path) + 1 : 0;
    int n = snprintf(out, size, "%.*s%s", dir, path, name);
    return n > 0 && (size_t)n < size;
}

static bool words_beside(const char *show, const char *code, char *out, size_t size) {
    char name[CONTENT_LANGUAGE_MAX + 8];
    snprintf(name, sizeof name, "%s.yaml", code);
    return beside(show, name, out, size);
}

bool content_files_find(content_files_t *f, const char *path, const char *lang, char *err,
                        size_t err_size) {
    memset(f, 0, sizeof *f);
    char *text = NULL;
    size_t len = 0;
    if (!assets_read(path, &text, &len, err, err_size)) return false;
    content_kind_t kind = content_kind(text, len);
    char codes[CONTENT_MAX_LANGUAGES][CONTENT_LANGUAGE_MAX];
    int count = kind == CONTENT_KIND_SHOW
                    ? content_show_languages(text, len, codes, CONTENT_MAX_LANGUAGES)
                    : 0;
    SDL_free(text);
    bool ok = true;
    if (kind == CONTENT_KIND_WHOLE) {
        snprintf(f->path[CONTENT_FILE_SHOW], sizeof f->path[0], "%s", path);
    } else if (kind == CONTENT_KIND_WORDS) {
        ok = beside(path, CONTENT_FILES_SHOW, f->path[CONTENT_FILE_SHOW], sizeof f->path[0]);
        snprintf(f->path[CONTENT_FILE_WORDS], sizeof f->path[0], "%s", path);
        if (ok && lang) ok = content_files_language(f, lang);
    } else {
        snprintf(f->path[CONTENT_FILE_SHOW], sizeof f->path[0], "%s", path);
        const char *code = lang ? lang : count > 0 ? codes[0] : NULL;
        bool listed = !lang;
        for (int i = 0; i < count; i++) listed = listed || strcmp(codes[i], lang) == 0;
        if (!code || !listed) {
            char list[CONTENT_MAX_LANGUAGES * CONTENT_LANGUAGE_MAX + 16] = "";
            for (int i = 0; i < count; i++) {
                size_t used = strlen(list);
                snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", codes[i]);
            }
            if (!code) {
                snprintf(err, err_size,
                         "%s: 'languages' must list the show's languages, like "
                         "languages: [en, es] (a words file of each name beside it)",
                         path);
            } else {
                snprintf(err, err_size, "--lang %s: the show %s has no such language (%s)", lang,
                         path, list);
            }
            return false;
        }
        ok = words_beside(path, code, f->path[CONTENT_FILE_WORDS], sizeof f->path[0]);
    }
    if (!ok) snprintf(err, err_size, "%s: the path is too long", path);
    return ok;
}

bool content_files_split(const content_files_t *f) { return f->path[CONTENT_FILE_WORDS][0]; }

bool content_files_language(content_files_t *f, const char *code) {
    if (!content_files_split(f)) return false;
    char words[CONTENT_FILES_PATH_MAX];
    if (!words_beside(f->path[CONTENT_FILE_SHOW], code, words, sizeof words)) return false;
    content_files_free(f);
    snprintf(f->path[CONTENT_FILE_WORDS], sizeof f->path[0], "%s", words);
    return true;
}

bool content_files_read(content_files_t *f, char *err, size_t err_size) {
    content_files_free(f);
    for (int i = 0; i < 2; i++) {
        if (!f->path[i][0]) continue;
        if (!assets_read(f->path[i], &f->text[i], &f->len[i], err, err_size)) {
            content_files_free(f);
            return false;
        }
    }
    return true;
}

bool content_files_parse(const content_files_t *f, content_t *out, content_errors_t *errors) {
    if (!content_files_split(f)) {
        return content_parse(out, f->text[CONTENT_FILE_SHOW], f->len[CONTENT_FILE_SHOW], errors);
    }
    return content_parse_set(out, f->text[CONTENT_FILE_SHOW], f->len[CONTENT_FILE_SHOW],
                             f->text[CONTENT_FILE_WORDS], f->len[CONTENT_FILE_WORDS], errors);
}

const char *content_files_name(const content_files_t *f, int file) {
    return file == CONTENT_FILE_WORDS && content_files_split(f) ? f->path[CONTENT_FILE_WORDS]
                                                                : f->path[CONTENT_FILE_SHOW];
}

void content_files_free(content_files_t *f) {
    for (int i = 0; i < 2; i++) {
        SDL_free(f->text[i]);
        f->text[i] = NULL;
        f->len[i] = 0;
    }
}
