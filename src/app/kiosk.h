/* kiosk: all that a show does by itself, unattended for weeks — ticked once a frame by the
 * loop (kiosk_tick): the content file watched and reloaded (in every show: a patient's edits
 * are picked up too), and in kiosk mode the USB import's notices, the opening hours (a black
 * screen when closed; the loop from the top at opening), the burn-in drift, the window's focus
 * taken back, and the watchdog that ends a stuck process so the service manager restarts it.
 * The staff's quit chord is checked here for input.c, and its hold for the loop. (Where else a kiosk acts by itself: the
 * return to the loop after a patient's idle takeover is show state, show_update in
 * src/core/show.c, so it is tested without a window; what keys do is input.c.)
 * Depends on SDL, core, app (the show it ticks) and reload; not on GL. */
#ifndef SK_KIOSK_H
#define SK_KIOSK_H

#include <SDL.h>
#include <stdbool.h>
#include <sys/types.h>

#include "content.h"
#include "reload.h"

#define KIOSK_WATCHDOG_SECONDS 10 /* frames stopped this long: exit so we get restarted */

typedef struct kiosk_file_state_t {
    long long mtime_ns, ctime_ns; /* ns */
    long long size;               /* bytes */
    unsigned long long inode, device;
} kiosk_file_state_t;

typedef struct kiosk_watch_t {
    char path[1024];
    kiosk_file_state_t seen;
    Uint64 next_check; /* ms */
} kiosk_watch_t;

/* Starts watching a file (its state now is "seen"). */
void kiosk_watch_init(kiosk_watch_t *w, const char *path);
/* The same for a file read at `read_ns` (CLOCK_REALTIME): one changed since (an edit saved
 * while the show was starting, after its content was read) is seen as changed at the first
 * check, not taken for what was read. */
void kiosk_watch_init_since(kiosk_watch_t *w, const char *path, long long read_ns);
/* True when, at a check due every `every` seconds, the file differs from when last seen. */
bool kiosk_watch_changed(kiosk_watch_t *w, Uint64 now_ms, float every);

/* The staff's quit chord from content (Ctrl+Alt+Q by default): exactly its modifiers, both as
 * the key's event recorded them (`stamped`, SDL_Keymod) and as held at this moment (`held`,
 * SDL_GetKeyboardState: indexed by scancode). Its key going down so starts a hold
 * (kiosk_quit_hold_start); only the hold quits. */
bool kiosk_is_quit_chord(const content_t *c, SDL_Keycode key, Uint16 stamped, const Uint8 *held);

#define KIOSK_QUIT_HOLD_MS 1000 /* the whole chord held down this long quits */

/* The staff's chord being held: a storm of taps, or a Ctrl+Alt the window manager's grab kept
 * the kiosk from seeing let go, never holds every key of it down for a second. */
typedef struct kiosk_quit_hold_t {
    bool holding;
    SDL_Scancode key; /* the chord's key, as its key-down event came (the keyboard's layout) */
    Uint64 since_ms;  /* when it went down */
} kiosk_quit_hold_t;

typedef enum kiosk_hold_t {
    KIOSK_HOLD_NONE = 0, /* no chord held */
    KIOSK_HOLD_HELD,     /* held, not yet for KIOSK_QUIT_HOLD_MS */
    KIOSK_HOLD_LET_GO,   /* was held until now and a key of it came up (or another modifier
                            went down) before the time: the hold is over */
    KIOSK_HOLD_QUIT      /* held whole for KIOSK_QUIT_HOLD_MS: quit */
} kiosk_hold_t;

/* The chord's key went down as the chord (kiosk_is_quit_chord, not a repeat) at now_ms: the
 * hold starts, or starts again (a second press means a release went unseen). */
void kiosk_quit_hold_start(kiosk_quit_hold_t *h, SDL_Scancode key, Uint64 now_ms);
/* A key of the chord came up (its key or a modifier): the hold is over. */
void kiosk_quit_hold_end(kiosk_quit_hold_t *h);
/* Once a frame, with the keys held now (`held`, SDL_GetKeyboardState) and the modifiers
 * (`mods`, SDL_GetModState): the hold goes on while the chord's key and exactly its modifiers
 * are down in both, and quits once it has lasted KIOSK_QUIT_HOLD_MS. */
kiosk_hold_t kiosk_quit_hold_check(kiosk_quit_hold_t *h, const content_t *c, const Uint8 *held,
                                   Uint16 mods, Uint64 now_ms);

/* Whether the kiosk shows the loop now (local time), per the content's opening hours. */
bool kiosk_open_now(const content_t *c);

/* Burn-in guard: a slow drift of the whole picture, at most drift_pixels * unit, pixels. */
void kiosk_drift(const content_t *c, double seconds, float unit, float *dx, float *dy);

/* The watchdog: a thread that exits the process (status 3) when kiosk_watchdog_feed has not
 * been called for KIOSK_WATCHDOG_SECONDS. */
bool kiosk_watchdog_start(void);
void kiosk_watchdog_feed(void);
void kiosk_watchdog_stop(void);

/* What runs by itself beside one show. */
typedef struct kiosk_t {
    bool on;                 /* kiosk mode (else only the content's reloads) */
    bool open;               /* within opening hours (always, outside kiosk mode) */
    bool reclaim;            /* the window was covered or lost the focus: take it back */
    kiosk_watch_t watch;     /* the content's file (the show's, or the whole file) */
    kiosk_watch_t words;     /* the words of the language shown ("": a whole file) */
    reload_t reload;         /* its reloads, on a worker thread */
    Uint64 next_hours_check; /* ms */
    bool next_language;      /* the kiosk's next loop's language is loading (held) */
    kiosk_quit_hold_t quit;  /* the staff's chord, while it is held */
} kiosk_t;

/* Starts watching the show's content file and its reload worker; in kiosk mode also keeps the
 * screen saver off and starts the watchdog. */
void kiosk_start(kiosk_t *k, app_t *app, bool on);
/* Once a frame, after the show's ticks: a reload finished or started, a USB update's outcome
 * shown, the opening hours, the drift for `seconds` of the loop, the focus, the watchdog. */
void kiosk_tick(kiosk_t *k, app_t *app, Uint64 now_ms, double seconds);
/* Stops the watchdog and the worker (a last good copy being written is finished first); stopped
 * while closed, gives the display back awake (X11 DPMS as it was). */
void kiosk_stop(kiosk_t *k, app_t *app);
/* L: the show's next language, loaded and swapped in (its name shown), or the name of the one
 * there is. */
void kiosk_next_language(kiosk_t *k, app_t *app);

#endif
