/* support: what several core tests share — reading a file, loading content from it, building
 * its routines.
 * Tests only; plain libc. */
#ifndef SK_TEST_SUPPORT_H
#define SK_TEST_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "choreo.h"
#include "content.h"

/* The whole file, NUL-terminated (free it), or NULL. */
char *support_read_file(const char *path, size_t *len);

/* A content file parsed (free it), or NULL after printing its errors as FILE:LINE:COL. */
content_t *support_load_content(const char *path);

/* The shipped English content and its routines in follow pacing (free both), as most core
 * tests use them; false (both NULL) when either cannot be made. */
bool support_load_clinic(content_t **content, choreo_t **choreos);

/* Every exercise's routine at this pacing (free it), or NULL. */
choreo_t *support_build_choreos(const content_t *content, choreo_pacing_t pacing);

/* Runs fn(arg) with stderr going to the file at `path`, then reads what was written into out
 * (NUL-terminated, cut at out_size - 1). False when stderr could not be redirected or read. */
bool support_capture_stderr(const char *path, void (*fn)(void *), void *arg, char *out,
                            size_t out_size);

/* The index of the exercise with this id, or -1. */
int support_exercise_index(const content_t *content, const char *id);

#endif
