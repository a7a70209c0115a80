/* support: file reading, content loading and stderr capture for the tests (see support.h). */
#define _POSIX_C_SOURCE 200809L /* dup, dup2, open */
#include "support.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

char *support_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    *len = buf ? (size_t)n : 0;
    return buf;
}

/* A language's words (en.yaml) are read with the show beside them (show.yaml), as the
 * program reads them; a whole file alone. */
content_t *support_load_content(const char *path) {
    size_t len = 0, show_len = 0;
    char *text = support_read_file(path, &len), *show = NULL, show_path[1024] = "";
    if (!text) return NULL;
    if (content_kind(text, len) == CONTENT_KIND_WORDS) {
        const char *slash = strrchr(path, '/');
        snprintf(show_path, sizeof show_path, "%.*sshow.yaml", slash ? (int)(slash - path) + 1 : 0,
                 path);
        show = support_read_file(show_path, &show_len);
        if (!show) {
            fprintf(stderr, "%s: no show.yaml beside it\n", path);
            free(text);
            return NULL;
        }
    }
    content_t *c = malloc(sizeof *c);
    content_errors_t *errors = malloc(sizeof *errors);
    bool ok = c && errors &&
              (show ? content_parse_set(c, show, show_len, text, len, errors)
                    : content_parse(c, text, len, errors));
    if (!ok && errors) {
        for (int i = 0; i < errors->count; i++) {
            fprintf(stderr, "%s:%d:%d: %s\n",
                    errors->items[i].file == CONTENT_FILE_WORDS || !show ? path : show_path,
                    errors->items[i].line, errors->items[i].column, errors->items[i].message);
        }
    }
    free(errors);
    free(text);
    free(show);
    if (!ok) {
        free(c);
        return NULL;
    }
    return c;
}

choreo_t *support_build_choreos(const content_t *c, choreo_pacing_t pacing) {
    choreo_t *ch = calloc((size_t)c->exercise_count, sizeof *ch);
    for (int e = 0; ch && e < c->exercise_count; e++) {
        if (!choreo_build(&ch[e], c, e, pacing)) {
            free(ch);
            return NULL;
        }
    }
    return ch;
}

bool support_load_clinic(content_t **content, choreo_t **choreos) {
    *choreos = NULL;
    *content = support_load_content(SK_SOURCE_DIR "/assets/content/en.yaml");
    if (*content) *choreos = support_build_choreos(*content, CHOREO_PACING_FOLLOW);
    if (!*choreos) {
        free(*content);
        *content = NULL;
    }
    return *choreos != NULL;
}

int support_exercise_index(const content_t *c, const char *id) {
    for (int e = 0; e < c->exercise_count; e++) {
        if (!strcmp(c->exercises[e].id, id)) return e;
    }
    return -1;
}

bool support_capture_stderr(const char *path, void (*fn)(void *), void *arg, char *out,
                            size_t out_size) {
    fflush(stderr);
    int saved = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (saved < 0 || fd < 0) {
        if (saved >= 0) close(saved);
        if (fd >= 0) close(fd);
        return false;
    }
    dup2(fd, 2);
    close(fd);
    fn(arg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    size_t n = fread(out, 1, out_size - 1, f);
    out[n] = '\0';
    fclose(f);
    return true;
}
