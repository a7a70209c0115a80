/* tools: screenshot, dump-pose, check-content and the state dump (see tools.c). */
#ifndef SK_TOOLS_H
#define SK_TOOLS_H

#include <stdbool.h>

#include "app.h"

/* --screenshot: the scene at --at seconds, as an opaque PNG. Returns an exit code. */
int tools_screenshot(const cli_options_t *o);

/* --dump-pose: the figure's state as JSON lines on stdout. Returns an exit code. */
int tools_dump_pose(const cli_options_t *o);

/* --handout FILE: writes the take-home handout (handout_pdf.c); returns the exit status. */
int tools_handout(const cli_options_t *o);

/* --check-content: every check of a start and of the texts (app_check_content); "FILE: ok"
 * on stdout when it passes. Returns an exit code. */
int tools_check_content(const cli_options_t *o);

/* SIGUSR1 in the show: one line of JSON on stdout saying what is on screen — the scene, where
 * in it (step, side, repetition), the size drawn and every text (none while `open` is false:
 * the screen is black outside opening hours). */
void tools_dump_screen(const app_t *app, bool open);

#endif
