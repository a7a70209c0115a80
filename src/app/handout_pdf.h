/* handout_pdf: the printed take-home handout, drawn with cairo (see handout_pdf.c). */
#ifndef SK_HANDOUT_PDF_H
#define SK_HANDOUT_PDF_H

#include "content.h"
#include "handout.h"

/* Writes the handout of content `c` (its fonts from `assets_dir`) to `path`: a PDF (.pdf), PNG
 * pages (.png: FILE-1.png, FILE-2.png when there are two), or the stills' drawings as JSON
 * (.json). Returns an APP_EXIT_* status, the problem logged. */
int handout_write(const content_t *c, const char *assets_dir, handout_paper_t paper,
                  const char *path);

#endif
