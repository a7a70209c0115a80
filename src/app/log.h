/* log: the program's one way to say something on stderr. Each line has a level (the journal's
 * priority); in a process that runs for weeks a repeating fault is said once and then
 * counted, and a burst is capped, so a log can never fill a disk. Only stdout's own reports
 * (--check-content's "ok", --bench, --dump-pose, the state dump) and the watchdog's last
 * line (kiosk.c, async-signal-safe) are written elsewhere.
 * Depends on SDL (the clock, a spin lock) only. */
#ifndef SK_LOG_H
#define SK_LOG_H

#include <stddef.h>

#if defined(__GNUC__)
#define LOG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define LOG_PRINTF(a, b)
#endif

#define LOG_BURST 20          /* lines at once at most ... */
#define LOG_REFILL_SECONDS 3  /* ... then one more line every this often */
#define LOG_REPEAT_SECONDS 60 /* the same line again within this is only counted */

/* How much a line matters, as syslog numbers it. Under systemd (stderr is the journal:
 * JOURNAL_STREAM) each line starts "<N>", so `journalctl -p warning -u stretch-kiosk` shows
 * what needs a person and leaves out what does not. */
typedef enum log_level_t {
    LOG_ERROR = 3,   /* something the program cannot do: a start that fails, a file not written */
    LOG_WARNING = 4, /* the show goes on in a lesser way: an edit refused, a fallback taken, a
                      * picture left out, no sound device */
    LOG_NOTICE = 5,  /* normal but worth a line: content reloaded, a USB update installed */
} log_level_t;

/* One line, "stretch-kiosk: <message>" (or the message as is when it starts with a content
 * file's path, as content errors do). In the show (log_limit) subject to the limits above. */
void log_error(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_warning(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_notice(const char *fmt, ...) LOG_PRINTF(1, 2);

/* A line that must reach the journal however many came before — the first error of each
 * refused content edit, the refusal itself, the kiosk falling back to the last good content:
 * a budget of its own (twenty at once, then one a second), never merged as a repeat. Text
 * from content is escaped (log_escape) in every line, so it cannot hide or reorder a journal
 * line. */
void log_must(log_level_t level, const char *fmt, ...) LOG_PRINTF(2, 3);

/* A program that runs for weeks (the show) limits its lines; a command that runs once (a
 * check, a screenshot, an import) says every line. Off until called. */
void log_limit(int on);

/* Copies `in` to `out` (at most out_size bytes, NUL included) with control characters (C0, DEL,
 * C1) and bidirectional overrides/isolates escaped as \xNN or \uNNNN. */
void log_escape(const char *in, char *out, size_t out_size);

/* Lines dropped by the limits so far (for tests). */
long log_dropped(void);

#endif
