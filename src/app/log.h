/* log: short lines on stderr for a process that runs for weeks — a repeating fault is said
 * once and then counted, and a burst is capped, so a log can never fill a disk.
 * Depends on SDL (the clock) only. */
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

/* Writes "stretch-kiosk: <message>" (or the message as is when it starts with a path, as
 * content errors do), subject to the limits above. */
void log_line(const char *fmt, ...) LOG_PRINTF(1, 2);

/* A line that must reach the journal however many came before — the first error of each
 * refused content edit, the refusal itself, the kiosk falling back to the last good content:
 * a budget of its own (twenty at once, then one a second), never merged as a repeat. Text
 * from content is escaped (log_escape) in both, so it cannot hide or reorder a journal line. */
void log_important(const char *fmt, ...) LOG_PRINTF(1, 2);

/* Copies `in` to `out` (at most out_size bytes, NUL included) with control characters (C0, DEL,
 * C1) and bidirectional overrides/isolates escaped as \xNN or \uNNNN. */
void log_escape(const char *in, char *out, size_t out_size);

/* Lines dropped by the limits so far (for tests). */
long log_dropped(void);

#endif
