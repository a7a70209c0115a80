/* log: rate-limited stderr lines (see log.h). Single-threaded use from the main loop, except
 * the watchdog, which writes its last line itself. */
#include "log.h"

#include <SDL.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define RECENT 8

typedef struct recent_t {
    unsigned long hash;
    Uint64 at;      /* ms */
    long repeats;   /* times suppressed since it was last written */
} recent_t;

static struct {
    double tokens;
    Uint64 last_refill; /* ms */
    bool started;
    recent_t recent[RECENT];
    int next;
    long dropped;
} g_log;

static unsigned long hash_text(const char *s) {
    unsigned long h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h;
}

long log_dropped(void) { return g_log.dropped; }

void log_line(const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    Uint64 now = SDL_GetTicks64();
    if (!g_log.started) {
        g_log.started = true;
        g_log.tokens = LOG_BURST;
        g_log.last_refill = now;
    }
    g_log.tokens += (double)(now - g_log.last_refill) / (LOG_REFILL_SECONDS * 1000.0);
    if (g_log.tokens > LOG_BURST) g_log.tokens = LOG_BURST;
    g_log.last_refill = now;

    unsigned long h = hash_text(msg);
    long repeats = 0;
    recent_t *seen = NULL;
    for (int i = 0; i < RECENT && !seen; i++) {
        recent_t *r = &g_log.recent[i];
        if (r->hash != h || r->at == 0) continue;
        if (now - r->at < LOG_REPEAT_SECONDS * 1000u) {
            r->repeats++;
            g_log.dropped++;
            return;
        }
        seen = r;
    }
    if (g_log.tokens < 1.0) { /* over the limit: dropped, but still counted where it was */
        if (seen) seen->repeats++;
        g_log.dropped++;
        return;
    }
    if (seen) {
        repeats = seen->repeats;
        seen->hash = 0;
    }
    g_log.tokens -= 1.0;
    recent_t *slot = &g_log.recent[g_log.next];
    g_log.next = (g_log.next + 1) % RECENT;
    *slot = (recent_t){h, now ? now : 1, 0};
    bool path_first = strchr(msg, ':') && msg[0] != ' ' && strstr(msg, ": ") &&
                      (strstr(msg, ".yaml:") || strstr(msg, ".yml:"));
    if (repeats > 0) {
        fprintf(stderr, "%s%s (and %ld times more)\n", path_first ? "" : "stretch-kiosk: ", msg,
                repeats);
    } else {
        fprintf(stderr, "%s%s\n", path_first ? "" : "stretch-kiosk: ", msg);
    }
    fflush(stderr);
}
