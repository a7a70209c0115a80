/* import: staff update the content from a USB stick without a terminal (stretch-kiosk --import
 * DIR): DIR/stretch-kiosk/<name>.yaml (a show's: show.yaml and each language's words its
 * files hold, en.yaml, es.yaml) and the images and fonts it names are checked as a start
 * checks them and, when good, installed atomically (each previous file kept as <name>.bak);
 * either way a one-line notice is left for the running kiosk to show. Depends on libc (POSIX
 * files), SDL's types and app (the content check); not on the window or GL. */
#ifndef SK_IMPORT_H
#define SK_IMPORT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#define IMPORT_FOLDER "stretch-kiosk" /* the folder on the stick */
#define IMPORT_NOTICE_FILE "notice"   /* in the state folder: the outcome, one line */
#define IMPORT_MAX_BYTES (4L << 20)   /* largest file taken from a stick */
#define IMPORT_NOTICE_CHECK_MS 2000   /* how often the kiosk looks for a new notice */

typedef enum import_result_t {
    IMPORT_UPDATED = 0, /* checked and installed */
    IMPORT_REFUSED,     /* not installed: missing, broken or unsafe; nothing changed */
    IMPORT_FAILED,      /* good, but it could not be written (disk full, permissions) */
    IMPORT_RESULT_NUM
} import_result_t;

/* Imports `stick`/stretch-kiosk/<basename of content_path> over content_path (a show's: every
 * file of its set the stick holds, checked with the installed rest as one set); images and
 * fonts it names that the stick holds go into `assets_dir` (new names only: one already there
 * with other bytes is refused). Writes the one-line outcome into `notice` (also logged, and
 * left in the state folder for the kiosk). `from` names the source in those words ("Content
 * updated from USB", "USB content not used: ..."); NULL is "USB". */
import_result_t import_run(const char *stick, const char *content_path, const char *assets_dir,
                           const char *from, char *notice, size_t notice_size);

/* `stretch-kiosk --import DIR --content FILE [--from LABEL]`: import_run with the assets
 * folder found as a start finds it; prints the notice. Exit 0 installed, 2 refused, 1 not
 * written. */
int import_main(const char *stick, const char *content_path, const char *from);

/* The notice is left in the state folder (files_state_dir).
 * For the running kiosk, every IMPORT_NOTICE_CHECK_MS: true, with its words in `text`, when
 * the notice file is new or changed since the last look (the first look only notes it). */
bool import_notice_poll(Uint64 now_ms, char *text, size_t text_size);

#endif
