/* kiosk: what running unattended for weeks needs besides the show — noticing edits of the
 * content file, the staff's quit chord, opening hours, the burn-in drift and a watchdog that
 * ends a stuck process so the service manager restarts it. Depends on SDL and core. */
#ifndef SK_KIOSK_H
#define SK_KIOSK_H

#include <SDL.h>
#include <stdbool.h>
#include <sys/types.h>

#include "content.h"

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
/* True when, at a check due every `every` seconds, the file differs from when last seen. */
bool kiosk_watch_changed(kiosk_watch_t *w, Uint64 now_ms, float every);

/* The staff's quit chord from content (Ctrl+Alt+Q by default): exactly its modifiers held at
 * this moment, per `held` (SDL_GetKeyboardState: indexed by scancode), not per an event's
 * recorded modifiers. */
bool kiosk_is_quit_chord(const content_t *c, SDL_Keycode key, const Uint8 *held);

/* Whether the kiosk shows the loop now (local time), per the content's opening hours. */
bool kiosk_open_now(const content_t *c);

/* Burn-in guard: a slow drift of the whole picture, at most drift_pixels * unit, pixels. */
void kiosk_drift(const content_t *c, double seconds, float unit, float *dx, float *dy);

/* The watchdog: a thread that exits the process (status 3) when kiosk_watchdog_feed has not
 * been called for KIOSK_WATCHDOG_SECONDS. */
bool kiosk_watchdog_start(void);
void kiosk_watchdog_feed(void);
void kiosk_watchdog_stop(void);

#endif
