/* textcheck: whether every text of a content file can be shown as written — each character in
 * the theme's fonts, each text in its place on the smallest supported screens, each review
 * readable in the time its card is shown. Problems are said as "FILE:LINE:COL: message", at
 * the character or text concerned. --check-content and the USB import refuse content with any
 * (a start shows it anyway: a missing glyph is no reason to blank a TV).
 * Depends on SDL_ttf, text, render (its audit walk) and core; no GL, no window. */
#ifndef SK_TEXTCHECK_H
#define SK_TEXTCHECK_H

#include <stddef.h>

#include "content.h"
#include "content_files.h"

/* The smallest screens the show supports, landscape and portrait (layout_compute's floor for
 * legible text): every text must fit its place on both. */
#define TEXTCHECK_SMALL_W 640
#define TEXTCHECK_SMALL_H 360

/* Checks content `c` parsed from the texts of `files` (their paths named in messages), with
 * fonts from assets_dir. Logs each problem and copies the first one's message
 * into first (when given and still empty). Returns the number of problems (0: all can be
 * shown); a font that does not open counts as one. */
int textcheck_content(const content_t *c, const content_files_t *files, const char *assets_dir,
                      char *first, size_t first_size);

#endif
