/* log: rate-limited stderr lines (see log.h). Said from the loop and from the content reload
 * worker (reload.c), so the limiter's state and the write are under one lock; the watchdog
 * writes its last line itself. */
#include "log.h"

#include <SDL.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECENT 64 /* distinct lines remembered: more than a broken file's errors (content.h) */
#define PRIORITY_BURST 20 /* priority lines at once at most ... */
#define PRIORITY_REFILL_SECONDS \
    1 /* ... then one a second: two an edit, at most one edit a reload */

typedef struct recent_t {
    unsigned long hash;
    Uint64 at;    /* ms */
    long repeats; /* times suppressed since it was last written */
} recent_t;

/* A spin lock, not a mutex: nothing to create (a line may be said before anything is set up),
 * held only for the limiter's arithmetic and one write, and two threads rarely meet here (a
 * reload's lines); SDL_AtomicLock yields the processor when it has to wait. */
static SDL_SpinLock g_lock;

static struct {
    double tokens, priority_tokens;
    Uint64 last_refill; /* ms */
    bool started;
    recent_t recent[RECENT];
    int next;
    long dropped;
    bool limit;  /* log_limit */
    int journal; /* 0 not known yet, 1 stderr is the journal, -1 not */
} g_log;

void log_limit(int on) {
    SDL_AtomicLock(&g_lock);
    g_log.limit = on != 0;
    SDL_AtomicUnlock(&g_lock);
}

/* systemd sets JOURNAL_STREAM ("device:inode") for a service whose stderr is the journal;
 * a line then starts with its priority in angle brackets (sd-daemon's SD_ERR, ...). */
static bool to_journal(void) {
    if (g_log.journal == 0) g_log.journal = getenv("JOURNAL_STREAM") ? 1 : -1;
    return g_log.journal > 0;
}

static unsigned long hash_text(const char *s) {
    unsigned long h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h;
}

long log_dropped(void) {
    SDL_AtomicLock(&g_lock);
    long dropped = g_log.dropped;
    SDL_AtomicUnlock(&g_lock);
    return dropped;
}

/* Copies `in` to `out` with what must not reach a journal from content escaped: C0 and C1
 * control characters (a C1 as UTF-8 is C2 80..C2 9F), DEL, and the bidirectional overrides
 * and isolates U+202A..U+202E, U+2066..U+2069 (E2 80 AA..AE, E2 81 A6..A9), which can make a
 * line read backwards. Written as \xNN or \uNNNN. */
void log_escape(const char *in, char *out, size_t out_size) {
    size_t o = 0;
    if (!out_size) return;
    for (const unsigned char *p = (const unsigned char *)in; *p;) {
        char esc[12] = "";
        size_t take = 1;
        if (*p < 0x20 || *p == 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02x", *p);
        } else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            snprintf(esc, sizeof esc, "\\u%04x", p[1]);
            take = 2;
        } else if (p[0] == 0xe2 && p[1] && p[2] &&
                   ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) ||
                    (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9))) {
            snprintf(esc, sizeof esc, "\\u%04x",
                     ((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f));
            take = 3;
        }
        size_t n = esc[0] ? strlen(esc) : take;
        if (o + n >= out_size) break;
        memcpy(out + o, esc[0] ? esc : (const char *)p, n);
        o += n;
        p += take;
    }
    out[o] = '\0';
}

/* One line through the limits, under the lock (say() formats it before taking the lock). */
static void say_locked(log_level_t level, bool important, const char *msg, Uint64 now) {
    if (!g_log.started) {
        g_log.started = true;
        g_log.tokens = LOG_BURST;
        g_log.priority_tokens = PRIORITY_BURST;
        g_log.last_refill = now;
    }
    double since = (double)(now - g_log.last_refill);
    g_log.tokens += since / (LOG_REFILL_SECONDS * 1000.0);
    if (g_log.tokens > LOG_BURST) g_log.tokens = LOG_BURST;
    g_log.priority_tokens += since / (PRIORITY_REFILL_SECONDS * 1000.0);
    if (g_log.priority_tokens > PRIORITY_BURST) g_log.priority_tokens = PRIORITY_BURST;
    g_log.last_refill = now;

    bool path_first = strchr(msg, ':') && msg[0] != ' ' && strstr(msg, ": ") &&
                      (strstr(msg, ".yaml:") || strstr(msg, ".yml:"));
    static const char *const PRIORITY[] = {"<3>", "<4>", "<5>"}; /* LOG_ERROR .. LOG_NOTICE */
    char prefix[40];
    snprintf(prefix, sizeof prefix, "%s%s", to_journal() ? PRIORITY[level - LOG_ERROR] : "",
             path_first ? "" : "stretch-kiosk: ");
    if (!g_log.limit) { /* a command that runs once: every line */
        fprintf(stderr, "%s%s\n", prefix, msg);
        fflush(stderr);
        return;
    }
    bool priority = important && g_log.priority_tokens >= 1.0;
    unsigned long h = hash_text(msg);
    long repeats = 0;
    recent_t *seen = NULL;
    for (int i = 0; i < RECENT && !seen; i++) {
        recent_t *r = &g_log.recent[i];
        if (r->hash != h || r->at == 0) continue;
        if (!priority && now - r->at < LOG_REPEAT_SECONDS * 1000u) {
            r->repeats++;
            g_log.dropped++;
            return;
        }
        seen = r;
    }
    if (!priority && g_log.tokens < 1.0) { /* over the limit: dropped, still counted */
        if (seen) seen->repeats++;
        g_log.dropped++;
        return;
    }
    if (seen) {
        repeats = seen->repeats;
        seen->hash = 0;
    }
    if (priority) g_log.priority_tokens -= 1.0;
    else g_log.tokens -= 1.0;
    recent_t *slot = &g_log.recent[g_log.next];
    g_log.next = (g_log.next + 1) % RECENT;
    *slot = (recent_t){h, now ? now : 1, 0};
    if (repeats > 0) {
        fprintf(stderr, "%s%s (and %ld times more)\n", prefix, msg, repeats);
    } else {
        fprintf(stderr, "%s%s\n", prefix, msg);
    }
    fflush(stderr);
}

/* One line, escaped, through the limits; an important one (log_must) through its own budget
 * and never counted as a repeat. Safe from any thread. */
static void say(log_level_t level, bool important, const char *fmt, va_list ap) {
    char raw[1024], msg[2048];
    vsnprintf(raw, sizeof raw, fmt, ap);
    log_escape(raw, msg, sizeof msg);
    SDL_AtomicLock(&g_lock);
    say_locked(level, important, msg, SDL_GetTicks64()); /* the clock inside: never goes back */
    SDL_AtomicUnlock(&g_lock);
}

#define SAY(level, important)           \
    do {                                \
        va_list ap;                     \
        va_start(ap, fmt);              \
        say(level, important, fmt, ap); \
        va_end(ap);                     \
    } while (0)

void log_error(const char *fmt, ...) { SAY(LOG_ERROR, false); }
void log_warning(const char *fmt, ...) { SAY(LOG_WARNING, false); }
void log_notice(const char *fmt, ...) { SAY(LOG_NOTICE, false); }
void log_must(log_level_t level, const char *fmt, ...) {
    if (level < LOG_ERROR || level > LOG_NOTICE) level = LOG_ERROR;
    SAY(level, true);
}
