/* content_files: the files a content is read from, on disk (issue 17). A content is one whole
 * file (the show and one language's words, as before languages), or a show's file (show.yaml)
 * whose `languages: [en, es]` name files of words beside it (en.yaml, es.yaml). Any of them
 * may be named (--content): a show starts in its first language, or --lang; a language's file
 * starts in that language, with the show's file beside it, show.yaml. The same show in
 * another language is the same show's file with another file of words.
 * Reads files (bounded regular files, assets_read); depends on core (content) and assets; not
 * on SDL's video, GL, the show or the renderer. */
#ifndef SK_CONTENT_FILES_H
#define SK_CONTENT_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"

#define CONTENT_FILES_PATH_MAX 1024
#define CONTENT_FILES_SHOW "show.yaml" /* the show's file, beside its languages' */

typedef struct content_files_t {
    /* [CONTENT_FILE_SHOW]: the show's file, or the whole file; [CONTENT_FILE_WORDS]: the
     * language's words ("" with a whole file) */
    char path[2][CONTENT_FILES_PATH_MAX];
    char *text[2]; /* heap (SDL_malloc): the bytes read, NUL-terminated; NULL until read */
    size_t len[2];
} content_files_t;

/* Which files, from the path named and --lang (NULL: the show's first language, or the words
 * file's own). Reads the path named (to know what it is). False, with why in err, when it
 * cannot be read or --lang is not one of the show's languages. */
bool content_files_find(content_files_t *f, const char *path, const char *lang, char *err,
                        size_t err_size);

/* The same show with language `code`'s words (the file `code`.yaml beside the show's). False
 * for a whole file, which has one language. Frees what was read. */
bool content_files_language(content_files_t *f, const char *code);

/* Reads the files (again, when read before). False, with why in err. */
bool content_files_read(content_files_t *f, char *err, size_t err_size);

/* Parses what was read into `out` (the words laid over the show, or the whole file). */
bool content_files_parse(const content_files_t *f, content_t *out, content_errors_t *errors);

/* The file an error or a text's source is about (content_error_t.file, content_source_t.file). */
const char *content_files_name(const content_files_t *f, int file);

/* Whether it is a show with languages (not one whole file). */
bool content_files_split(const content_files_t *f);

/* Frees the texts read (the paths stay). */
void content_files_free(content_files_t *f);

#endif
