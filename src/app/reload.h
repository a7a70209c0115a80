/* reload: an edited content file swapped in without stalling a frame (issue 14). One worker
 * thread at a time does the slow parts — reading (up to 1 MiB) and parsing the file, laying out
 * the routines, and then keeping the good text on disk as the last good copy (with an fsync,
 * slow on an SD card) — while the loop goes on drawing the old content. The loop polls each
 * frame; when a load is done it runs, on its own thread, what must stay there: the checks that
 * open fonts and images (SDL_ttf / FreeType is not safe beside the thread drawing text), the
 * renderer's new content and the show's rebind.
 * The worker must not depend on the window, GL, SDL_ttf, SDL_image, the renderer, the show or
 * any part of app_t: it gets a path and gives back heap blocks. Depends on SDL (threads,
 * atomics), core (content, choreo), app (the parse, the swap) and lastgood. */
#ifndef SK_RELOAD_H
#define SK_RELOAD_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "app.h"

typedef enum reload_job_t {
    RELOAD_IDLE, /* no thread */
    RELOAD_LOAD, /* read, parse, lay out the routines */
    RELOAD_SAVE  /* the last good copy written */
} reload_job_t;

typedef struct reload_t {
    SDL_Thread *thread; /* the worker, while a job runs or waits to be joined */
    SDL_atomic_t done;  /* set by the worker as its last act: the loop may join it */
    reload_job_t job;   /* the loop's side: changed only while no worker runs */
    bool pending;       /* an edit seen and not loaded yet (seen while busy: not lost) */
    SDL_sem *hold;      /* tests: each job waits on this before it starts (NULL: none) */
    /* a language asked for (L, the kiosk's next loop): the next load reads the show with its
     * words; "" none. With `held`, a finished load waits for reload_release to be swapped in */
    char language[CONTENT_LANGUAGE_MAX];
    bool held;
    bool said;          /* the load was asked for by a person (L): its outcome is shown */
    bool language_load; /* the job running loads another language */
    /* the job, set by the loop before the thread starts; its results, read after the join */
    content_files_t files;    /* the paths read; the texts read, kept as the last good copy */
    char named[APP_PATH_MAX]; /* the content named (--content): its files are */
    char want[CONTENT_LANGUAGE_MAX];    /* found again by each load, in this language */
    bool kiosk;                         /* the follow-along routines are built too */
    choreo_pacing_t pacing;             /* of the routines played */
    content_t *content;                 /* heap: parsed, not yet checked (NULL: it did not parse) */
    choreo_t *choreos, *choreos_follow; /* heap (NULL: not laid out) */
    const content_t *saved;             /* the save job's content (the app's: only read) ... */
    char assets[APP_PATH_MAX]; /* ... and the folder its fonts and picture are copied from */
} reload_t;

void reload_init(reload_t *r);

/* The watched file changed: loaded as soon as the worker is free. */
void reload_request(reload_t *r);

/* Once a frame, on the loop thread: a finished job is joined (a load is checked and, when good,
 * swapped in, and its saving started), and a requested load started when the worker is free.
 * Allocates nothing when there is nothing to do. True when new content was swapped in. */
bool reload_frame(reload_t *r, app_t *app);

/* The same show in language `code` (a code of content_t.languages): loaded as soon as the
 * worker is free, then swapped in like an edit; with `hold`, not before reload_release (the
 * kiosk's next loop is loaded during the last scene and swapped in as the loop starts again);
 * `said`: a person asked (L), so its language's name is shown, or why it cannot be. */
void reload_language(reload_t *r, const char *code, bool hold, bool said);

/* A held language swaps in at the next reload_frame (when loaded). */
void reload_release(reload_t *r);

/* A job runs or waits to be joined. */
bool reload_busy(const reload_t *r);

/* Waits for the worker and frees what it left (at the end of the show). */
void reload_shutdown(reload_t *r);

#endif
