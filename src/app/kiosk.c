/* kiosk: what runs by itself beside a show — reloads, opening hours, drift, focus, watchdog —
 * and the quit chord and its hold (see kiosk.h). Depends on SDL, core, app and reload. */
#define _POSIX_C_SOURCE 200809L /* localtime_r, struct stat's st_mtim */
#include "kiosk.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <time.h>
#include <unistd.h>

#include "display_power.h"
#include "import.h"
#include "log.h"

/* What says a file changed: modification time and size, and also the inode (a file renamed
 * into place) and the change time, which no one can set back — `cp -p` or `touch -d` restore
 * an old mtime, but every write and every utime moves the ctime forward. */
static bool file_state(const char *path, kiosk_file_state_t *f) {
    struct stat st;
    if (stat(path, &st) != 0) return false;
    f->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    f->ctime_ns = (long long)st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec;
    f->size = (long long)st.st_size;
    f->inode = (unsigned long long)st.st_ino;
    f->device = (unsigned long long)st.st_dev;
    return true;
}

void kiosk_watch_init(kiosk_watch_t *w, const char *path) {
    memset(w, 0, sizeof *w);
    snprintf(w->path, sizeof w->path, "%s", path);
    file_state(w->path, &w->seen);
}

/* (the kernel stamps files from a coarse clock, a tick or so behind: a change this close
 * before the read is taken as after it, at the cost of one needless reload) */
#define KIOSK_STAMP_SLACK_NS 50000000LL

void kiosk_watch_init_since(kiosk_watch_t *w, const char *path, long long read_ns) {
    kiosk_watch_init(w, path);
    if (read_ns > 0 && w->seen.ctime_ns >= read_ns - KIOSK_STAMP_SLACK_NS) {
        memset(&w->seen, 0, sizeof w->seen);
    }
}

bool kiosk_watch_changed(kiosk_watch_t *w, Uint64 now, float every) {
    if (now < w->next_check) return false;
    w->next_check = now + (Uint64)(every * 1000.0f);
    kiosk_file_state_t f;
    if (!file_state(w->path, &f)) return false; /* gone for a moment (an editor saving) */
    if (!memcmp(&f, &w->seen, sizeof f)) return false;
    w->seen = f;
    return true;
}

/* Exactly the chord's modifiers, both in `mods` (SDL_Keymod) and in the keys held (`held`,
 * indexed by scancode). */
static bool chord_modifiers(const content_t *c, Uint16 mods, const Uint8 *held) {
    int want = c->kiosk.quit_mods;
    bool ctrl = held[SDL_SCANCODE_LCTRL] || held[SDL_SCANCODE_RCTRL];
    bool alt = held[SDL_SCANCODE_LALT] || held[SDL_SCANCODE_RALT];
    bool shift = held[SDL_SCANCODE_LSHIFT] || held[SDL_SCANCODE_RSHIFT];
    bool m_ctrl = mods & KMOD_CTRL, m_alt = mods & KMOD_ALT, m_shift = mods & KMOD_SHIFT;
    bool w_ctrl = want & CONTENT_MOD_CTRL, w_alt = want & CONTENT_MOD_ALT,
         w_shift = want & CONTENT_MOD_SHIFT;
    return ctrl == w_ctrl && alt == w_alt && shift == w_shift && m_ctrl == w_ctrl &&
           m_alt == w_alt && m_shift == w_shift;
}

bool kiosk_is_quit_chord(const content_t *c, SDL_Keycode key, Uint16 stamped, const Uint8 *held) {
    /* the modifiers both as the event recorded them and as held now. Either alone starts a
     * hold by mistake in a fast storm of keys: a Q can arrive stamped with a Ctrl+Alt the
     * window manager's grab kept it from seeing let go (SDL settles the keys on a late
     * focus-in), and the keys held now may already be the next Ctrl+Alt, pumped in after the
     * Q. Both together still can (the race the hold is for), but then the Q comes up again
     * within the second. */
    if (!held || !chord_modifiers(c, stamped, held)) return false;
    if (c->kiosk.quit_fkey > 0) return key == SDLK_F1 + (c->kiosk.quit_fkey - 1);
    return key == (SDL_Keycode)c->kiosk.quit_key;
}

void kiosk_quit_hold_start(kiosk_quit_hold_t *h, SDL_Scancode key, Uint64 now_ms) {
    *h = (kiosk_quit_hold_t){.holding = true, .key = key, .since_ms = now_ms};
}

void kiosk_quit_hold_end(kiosk_quit_hold_t *h) { h->holding = false; }

kiosk_hold_t kiosk_quit_hold_check(kiosk_quit_hold_t *h, const content_t *c, const Uint8 *held,
                                   Uint16 mods, Uint64 now_ms) {
    if (!h->holding) return KIOSK_HOLD_NONE;
    bool whole = held && h->key > SDL_SCANCODE_UNKNOWN && h->key < SDL_NUM_SCANCODES &&
                 held[h->key] && chord_modifiers(c, mods, held);
    if (!whole) {
        h->holding = false;
        return KIOSK_HOLD_LET_GO;
    }
    if (now_ms < h->since_ms || now_ms - h->since_ms < KIOSK_QUIT_HOLD_MS) return KIOSK_HOLD_HELD;
    h->holding = false;
    return KIOSK_HOLD_QUIT;
}

bool kiosk_open_now(const content_t *c) {
    if (c->kiosk.always_open) return true;
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm)) return true; /* never go dark on a clock error */
    return content_kiosk_open(c, tm.tm_wday, tm.tm_hour * 60 + tm.tm_min);
}

void kiosk_drift(const content_t *c, double t, float unit, float *dx, float *dy) {
    /* two slow, unrelated periods (about 11 and 7 minutes): no pixel stays put for long. In
     * whole pixels: each step redraws the whole screen (the background stays), so a step a few
     * seconds apart, not one of a fraction of a pixel every second or so */
    float a = c->kiosk.drift_pixels * unit;
    *dx = roundf(a * (float)sin(t * 2.0 * 3.14159265 / 660.0));
    *dy = roundf(a * (float)sin(t * 2.0 * 3.14159265 / 420.0 + 1.3));
}

static SDL_atomic_t g_fed, g_stop, g_journal;
static SDL_Thread *g_thread;

static int watchdog(void *unused) {
    (void)unused;
    int last = SDL_AtomicGet(&g_fed), still = 0;
    while (!SDL_AtomicGet(&g_stop)) {
        SDL_Delay(250);
        int now = SDL_AtomicGet(&g_fed);
        still = now == last ? still + 250 : 0;
        last = now;
        if (still >= KIOSK_WATCHDOG_SECONDS * 1000) {
            static const char msg[] = "<3>stretch-kiosk: frames stopped for 10 s: exiting so "
                                      "the service manager restarts the show\n";
            /* written whole, not through the log (its lock may be held by the stuck thread);
             * "<3>" (an error) only where stderr is the journal */
            int skip = SDL_AtomicGet(&g_journal) ? 0 : 3;
            ssize_t ignored = write(2, msg + skip, sizeof msg - 1 - (size_t)skip);
            (void)ignored;
            _exit(3);
        }
    }
    return 0;
}

bool kiosk_watchdog_start(void) {
    SDL_AtomicSet(&g_stop, 0);
    SDL_AtomicSet(&g_journal, SDL_getenv("JOURNAL_STREAM") != NULL);
    g_thread = SDL_CreateThread(watchdog, "watchdog", NULL);
    return g_thread != NULL;
}

void kiosk_watchdog_feed(void) { SDL_AtomicIncRef(&g_fed); }

void kiosk_watchdog_stop(void) {
    if (!g_thread) return;
    SDL_AtomicSet(&g_stop, 1);
    SDL_WaitThread(g_thread, NULL);
    g_thread = NULL;
}

/* systemd's view of the show (Type=notify, WatchdogSec=): READY=1 once the first frame is on
 * screen (the tick after it was presented), WATCHDOG=1 from the frames every quarter of the
 * unit's WATCHDOG_USEC, STOPPING=1 at the end. Not under systemd (no $NOTIFY_SOCKET, or its
 * watchdog for another process) each is nothing but a getenv. */
static int g_systemd_ticks;
static Uint64 g_pet_every_ms, g_next_pet_ms;

static void systemd_frame(Uint64 now_ms) {
    if (g_systemd_ticks < 2) {
        if (++g_systemd_ticks < 2) return; /* the first tick's frame is not presented yet */
        sd_notify(0, "READY=1");
    }
    if (g_pet_every_ms && now_ms >= g_next_pet_ms) {
        g_next_pet_ms = now_ms + g_pet_every_ms;
        sd_notify(0, "WATCHDOG=1");
    }
}

void kiosk_start(kiosk_t *k, app_t *app, bool on) {
    *k = (kiosk_t){.on = on, .open = true};
    if (on) {
        SDL_DisableScreenSaver();
        if (!kiosk_watchdog_start()) log_warning("cannot start the watchdog: %s", SDL_GetError());
    }
    kiosk_watch_init_since(&k->watch, app->files.path[CONTENT_FILE_SHOW], app->read_ns);
    kiosk_watch_init_since(&k->words, app->files.path[CONTENT_FILE_WORDS], app->read_ns);
    reload_init(&k->reload);
    uint64_t usec = 0;
    g_systemd_ticks = 0;
    g_pet_every_ms = sd_watchdog_enabled(0, &usec) > 0 ? usec / 4000 + (usec < 4000) : 0;
    g_next_pet_ms = 0;
}

/* The language after `code` in `order` (indices into c->languages), or the first. */
static const char *language_after(const content_t *c, const int *order, int count,
                                  const char *code) {
    int at = -1;
    for (int i = 0; i < count; i++) {
        if (code && strcmp(c->languages[order[i]], code) == 0) at = i;
    }
    return c->languages[order[(at + 1) % count]];
}

void kiosk_next_language(kiosk_t *k, app_t *app) {
    const content_t *c = app->content;
    if (c->language_count < 2) { /* one language: its name says so */
        show_notice(&app->show, SHOW_NOTICE_LANGUAGE);
        return;
    }
    int order[CONTENT_MAX_LANGUAGES];
    for (int i = 0; i < c->language_count; i++) order[i] = i;
    reload_language(&k->reload, language_after(c, order, c->language_count, c->language), false,
                    true);
    k->next_language = false;
}

/* Whether `code` is one of the kiosk's languages (kiosk.languages). */
static bool kiosk_speaks(const content_t *c, const char *code) {
    for (int i = 0; code && i < c->kiosk.language_count; i++) {
        if (strcmp(c->languages[c->kiosk.languages[i]], code) == 0) return true;
    }
    return false;
}

/* The kiosk's languages in turn, a whole loop each: the next is loaded while the loop's last
 * scene shows and swapped in as the loop starts again (not while a visitor has the show). A
 * language not the kiosk's (a visitor's L, --lang) gives way the same way to its first. */
static void kiosk_languages(kiosk_t *k, app_t *app) {
    const content_t *c = app->content;
    const show_t *s = &app->show;
    bool own = kiosk_speaks(c, c->language);
    if (c->kiosk.language_count < 1 || (c->kiosk.language_count < 2 && own) || s->takeover) {
        return;
    }
    int index = s->view.playlist_index;
    if (!k->next_language && index == c->playlist_count - 1 && c->playlist_count > 1) {
        reload_language(&k->reload,
                        language_after(c, c->kiosk.languages, c->kiosk.language_count, c->language),
                        true, false);
        k->next_language = true;
    } else if (k->next_language && index == 0) {
        reload_release(&k->reload);
        k->next_language = false;
    }
}

void kiosk_tick(kiosk_t *k, app_t *app, Uint64 now_ms, double seconds) {
    float every = app->content->kiosk.reload_seconds;
    bool show_edited = kiosk_watch_changed(&k->watch, now_ms, every);
    bool words_edited = k->words.path[0] && kiosk_watch_changed(&k->words, now_ms, every);
    if (show_edited || words_edited) {
        reload_request(&k->reload); /* an edit seen while the worker is busy waits its turn */
    }
    /* before the reload's frame: the next language, loaded during the last scene, is swapped
     * in the very frame the loop starts again (the wipe cut short, the intro whole) */
    if (k->on && k->open) kiosk_languages(k, app);
    /* a finished reload swapped in, a requested one started */
    if (reload_frame(&k->reload, app) &&
        strcmp(k->words.path, app->files.path[CONTENT_FILE_WORDS]) != 0) {
        kiosk_watch_init(&k->words, app->files.path[CONTENT_FILE_WORDS]); /* another language */
    }
    if (!k->on) {
        systemd_frame(now_ms);
        return;
    }
    char staff[SHOW_NOTICE_TEXT_MAX]; /* a USB update's outcome (import.c) for the staff */
    if (import_notice_poll(now_ms, staff, sizeof staff)) show_notice_text(&app->show, staff);
    if (now_ms >= k->next_hours_check) {
        k->next_hours_check = now_ms + 1000;
        bool now_open = kiosk_open_now(app->content);
        if (now_open && !k->open) { /* opening time: the loop starts again from the top */
            show_init_kiosk(&app->show, app->content, app->choreos, app->choreos_follow, 0);
        }
        /* Closed: the display asleep too, where it can be, one check (a second) after the
         * edge, once the black frame is on the screen: under KMS/DRM a frame flipped to a
         * sleeping screen is refused. Open: awake before the first frame is drawn. */
        if (now_open || !k->open) {
            display_power_set(app->platform.window, now_open, app->content->kiosk.cec);
        }
        k->open = now_open;
    }
    if (k->open) {
        float dx = 0.0f, dy = 0.0f;
        kiosk_drift(app->content, seconds, app->render.layout.unit, &dx, &dy);
        render_set_drift(&app->render, dx, dy);
    }
    if (k->reclaim) platform_reclaim(&app->platform); /* nothing may cover the show */
    k->reclaim = false;
    kiosk_watchdog_feed();
    systemd_frame(now_ms); /* systemd's watchdog, beside our own */
}

void kiosk_stop(kiosk_t *k, app_t *app) {
    sd_notify(0, "STOPPING=1");
    /* stopped while closed: X's own DPMS setting given back (the monitor wakes; a kiosk
     * started again while closed puts it to sleep within a second), the TV left in standby */
    if (k->on && !k->open) display_power_set(app->platform.window, true, false);
    reload_shutdown(&k->reload); /* a last good copy being written is finished */
    if (k->on) kiosk_watchdog_stop();
}
