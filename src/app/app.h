/* app: the program's modes — the interactive show, the headless screenshot, content checking —
 * wiring core (content, show) to platform, render and assets. Depends on SDL, GL and core. */
#ifndef SK_APP_H
#define SK_APP_H

#include <stdbool.h>

#include "cli.h"
#include "content_files.h"
#include "input.h"
#include "platform.h"
#include "present.h"
#include "render.h"
#include "sound.h"

#define APP_PATH_MAX 1024
#define APP_TICK_HZ 60

typedef struct app_t {
    char assets_dir[APP_PATH_MAX];
    char content_path[APP_PATH_MAX]; /* the content named (--content) or the default */
    content_files_t files;           /* the files shown: the show's and its words' (paths) */
    bool files_missing;              /* the content named could not be found at start */
    long long read_ns;               /* when the start read it (CLOCK_REALTIME, ns): the kiosk's
                                      * watch takes a later change for an edit */
    /* where the shown content's fonts and mark come from: assets_dir, or the last good set's
     * folder (lastgood_assets) when a kiosk fell back to it */
    char content_assets[APP_PATH_MAX];
    content_t *content;       /* heap: one block, owned */
    choreo_t *choreos;        /* heap: one per exercise, owned (the pacing being played) */
    choreo_t *choreos_follow; /* kiosk: the follow-along routines a visitor takes over with */
    choreo_pacing_t pacing;
    int reloads; /* content reloads applied */
    int refused; /* content edits refused (broken) */
    show_t show;
    platform_t platform;
    render_t render;
    gfx_target_t offscreen; /* screenshots, tests, bench */
    present_t present;      /* the window's frames */
    input_t input;          /* pointer and touch state */
    sound_t sound;          /* the cues heard (app_sound_start) */
    bool sound_chosen;      /* --sound or S said on or off: a content reload keeps it */
    bool force_full;        /* next offscreen frame is drawn whole (tests) */
    layout_box_t damage;    /* what the last offscreen frame redrew */
} app_t;

/* Exit codes (DESIGN §6). */
enum { APP_EXIT_OK = 0, APP_EXIT_RUNTIME = 1, APP_EXIT_USAGE = 2 };

/* Finds the assets folder and the content (--content, else the installed or shipped
 * show.yaml) into app->assets_dir and app->content_path, and its files in `lang` (NULL: the
 * show's first language, or the named words file's) into app->files. Returns an exit code. */
int app_locate_content(app_t *app, const char *content_path, const char *lang);

/* Content, routines, the show (a kiosk's when `kiosk`), window and renderer. Returns an exit
 * code; 0 = ready. */
int app_start(app_t *app, const char *content_path, const char *lang, const char *scene,
              choreo_pacing_t pacing, const platform_desc_t *desc, bool kiosk);
/* The interactive show until it is quit (loop.c). Returns the exit code. */
int app_run_show(const cli_options_t *o);
/* Sound as the content says for the mode (kiosk or not), unless --sound says otherwise. */
void app_sound_start(app_t *app, cli_sound_t choice, bool kiosk);
/* After a content reload: its volume, and its on or off unless --sound or S chose. */
void app_sound_content(app_t *app, bool kiosk);

/* Everything a start checks of a content file: parsed, usable (fonts, mark, QR code,
 * routines). Every problem is logged as FILE:LINE:COL: message; the first one is also copied
 * into `first` (may be NULL). Returns the content (heap, the caller frees it) when it is good. */
content_t *app_check_file(const char *path, const char *lang, char *first, size_t first_size);
/* That, and every text showable as written (textcheck.h): what --check-content and the USB
 * import run, so their "ok" means the TV shows the file as written. */
content_t *app_check_content(const char *path, const char *lang, char *first, size_t first_size);
/* The same for the files found already. */
content_t *app_check_files(const content_files_t *files, char *first, size_t first_size);
/* What the parser cannot know about content: its fonts and mark (in assets_dir) load, its QR
 * code can be made, every routine fits. Says why not (FILE: message) when not. */
bool app_content_usable(const content_t *content, const char *path, const char *assets_dir);

/* Loads and validates a content (any file of it, content_files.h) in `lang` (NULL: its own or
 * first); prints FILE:LINE:COL errors. Returns heap content or NULL. */
content_t *app_load_content(const char *path, const char *lang);
/* The same, its first problem also copied into `first` (may be NULL). */
content_t *app_read_content(const char *path, const char *lang, char *first, size_t first_size);
/* The content of the files `paths`, and the texts read handed back (kept->text, heap,
 * content_files_free) when they parse: no font or image opened, nothing written, so it may
 * run off the loop thread (reload.c). */
content_t *app_parse_files(const content_files_t *paths, content_files_t *kept);
/* Lays out every exercise's routine (heap array, one per exercise), or NULL. */
choreo_t *app_build_choreos(const content_t *content, choreo_pacing_t pacing);

/* For headless use (screenshots, render tests): content, hidden window, GL, renderer, and the
 * show started at `scene` (NULL = playlist start). content_path NULL = assets/content/<lang>.yaml. Returns an exit code; 0 = ready. */
int app_open_offscreen(app_t *app, const char *content_path, const char *lang, const char *scene,
                       choreo_pacing_t pacing);
/* Advances the show by `seconds` in fixed ticks (deterministic). */
void app_advance(app_t *app, double seconds);
/* Renders the current state at w x h into the offscreen target; rgba (w*h*4, top row first)
 * receives the pixels if not NULL. */
bool app_render_offscreen(app_t *app, int w, int h, unsigned char *rgba);
void app_close(app_t *app);

#endif
