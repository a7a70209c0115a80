/* fuzz_content: feeds arbitrary bytes to content_parse and checks what a good load promises;
 * given a show and its English words (--show FILE --words FILE, or FUZZ_SHOW / FUZZ_WORDS
 * under libFuzzer), each input is also read as that show's words, as a show under those
 * words (content_parse_set, words.c's overlay of one YAML tree on the other) and as a
 * translation of those words (content_compare_words), with the same promises.
 * Depends on content.c, words.c, skeleton.c and libyaml only. Two ways to run it:
 *
 * - CI (CMake target fuzz_content, ctest fuzz_content, both builds of scripts/test, so under
 *   ASan + UBSan in the second): built with FUZZ_STANDALONE, main() below mutates the seed
 *   files given (the real en.yaml and the fixtures) for a few seconds: byte flips, YAML's
 *   own characters and slips (tabs, quotes, brackets, colons, Latin-1 bytes) put in, lines
 *   cut, repeated and swapped, seeds spliced. Each input is made from the seed and its
 *   number alone, so `fuzz_content --seed S --repro N --out FILE seeds...` writes input N
 *   again for a failure found at that number.
 * - libFuzzer, where clang has it (scripts/test runs it for 20 s when it is there):
 *     clang -g -fsanitize=fuzzer,address,undefined -Isrc/core src/core/content.c \
 *       src/core/words.c src/core/skeleton.c tests/fuzz_content.c \
 *       $(pkg-config --cflags --libs yaml-0.1 cglm) -lm -o fuzz_content
 *     ./fuzz_content -max_total_time=20 CORPUS_DIR */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "skeleton.h"

static bool valid_joint(int joint) { return joint >= 0 && joint < SKEL_JOINT_NUM; }

/* What a good load promises the choreography player: every index in range, every repeat
 * going back, spans apart. */
static bool choreography_valid(const content_exercise_t *ex) {
    if (ex->pose_count < 1 || ex->pose_count > CONTENT_MAX_POSES || ex->phase_count < 1 ||
        ex->phase_count > CONTENT_MAX_PHASES) {
        return false;
    }
    for (int i = 0; i < ex->pose_count; i++) {
        const content_pose_t *pose = &ex->poses[i];
        if (!pose->name || pose->rotated_count < 0 || pose->rotated_count > CONTENT_MAX_ROTATED ||
            pose->reach_count < 0 || pose->reach_count > CONTENT_MAX_REACH) {
            return false;
        }
        for (int k = 0; k < pose->rotated_count; k++) {
            if (!skel_joint_rotates(pose->rotated_joint[k])) {
                return false;
            }
        }
        for (int k = 0; k < pose->reach_count; k++) {
            const content_reach_t *r = &pose->reach[k];
            if (!valid_joint(r->joint) || (r->at_joint != -1 && !valid_joint(r->at_joint))) {
                return false;
            }
        }
    }
    int span_end = -1; /* last phase of the latest repeat span */
    for (int i = 0; i < ex->phase_count; i++) {
        const content_phase_t *ph = &ex->phases[i];
        if (!ph->name || ph->step < 0 || ph->step >= ex->step_count || ph->pose < 0 ||
            ph->pose >= ex->pose_count || ph->seconds < 0.0f ||
            (ph->anchor != -1 && !valid_joint(ph->anchor)) || ph->repeat_times < 1 ||
            ph->repeat_from < -1 || ph->repeat_from > i || ph->hold.count_min > ph->hold.count) {
            return false;
        }
        if (ph->repeat_from >= 0) {
            if (ph->repeat_from <= span_end) {
                return false;
            }
            span_end = i;
        }
    }
    return true;
}

/* A good load's label templates hold the placeholders their keys need, so filling them in
 * leaves no brace of those; content_format keeps to its buffer whatever the text. */
static bool labels_valid(const content_t *c) {
    static const content_format_args_t ARGS = {.side = "S", .n = "N", .target = "T", .min = "M"};
    const char *const templates[] = {c->labels.side,         c->labels.hold_breaths,
                                     c->labels.hold_seconds, c->labels.hold_range,
                                     c->labels.repetition,   c->labels.resuming};
    const char *const needs[] = {"{side}", "{target}", "{target}", "{min}", "{n}", "{n}"};
    for (size_t i = 0; i < sizeof templates / sizeof templates[0]; i++) {
        if (!templates[i] || !strstr(templates[i], needs[i])) {
            return false;
        }
        char out[24];
        for (size_t size = 1; size <= sizeof out; size += 7) {
            size_t n = content_format(out, size, templates[i], &ARGS);
            if (n >= size || out[n] != '\0' || strlen(out) != n) {
                return false;
            }
        }
    }
    const char *const texts[] = {
        c->labels.get_ready,        c->labels.switch_sides, c->labels.breathe_in,
        c->labels.breathe_out,      c->labels.right,        c->labels.left,
        c->labels.hold_comfortable, c->labels.breaths_left, c->labels.seconds_left,
        c->labels.seconds_held,
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (!texts[i] || !*texts[i]) {
            return false;
        }
    }
    return c->timing.demo_hold_seconds > 0.0f && c->timing.demo_breaths >= 1 &&
           c->timing.demo_breaths <= 100 && c->timing.resume_seconds > 0.0f &&
           c->timing.resume_seconds <= 30.0f;
}

/* What a good load promises the kiosk loop, section present or not: a quit chord of two
 * modifiers or more and one key, hours that open before they close, at least one day, and
 * content_kiosk_open agreeing with them. */
static bool kiosk_valid(const content_t *c) {
    const int mods = c->kiosk.quit_mods;
    const char key = c->kiosk.quit_key;
    const int fkey = c->kiosk.quit_fkey;
    int mod_count = ((mods & CONTENT_MOD_CTRL) != 0) + ((mods & CONTENT_MOD_ALT) != 0) +
                    ((mods & CONTENT_MOD_SHIFT) != 0);
    bool key_ok = (key == 0) != (fkey == 0) &&
                  (key == 0 || (key >= 'a' && key <= 'z') || (key >= '0' && key <= '9')) &&
                  fkey >= 0 && fkey <= 12;
    if (mod_count < 2 || (mods & ~7) != 0 || !key_ok || !c->kiosk.quit_keys ||
        !*c->kiosk.quit_keys || (c->kiosk.hint && !*c->kiosk.hint)) {
        return false;
    }
    int open = c->kiosk.open_minute;
    int close = c->kiosk.close_minute;
    unsigned days = c->kiosk.open_days;
    if (open < 0 || open >= close || close > 24 * 60 || days == 0 || days > 0x7F ||
        !(c->kiosk.drift_pixels >= 0.0f && c->kiosk.drift_pixels <= 20.0f) ||
        !(c->kiosk.reload_seconds >= 0.5f && c->kiosk.reload_seconds <= 60.0f)) {
        return false;
    }
    for (int day = 0; day < 7; day++) {
        bool open_day = c->kiosk.always_open || (days & (1u << day)) != 0;
        if (content_kiosk_open(c, day, open) != open_day ||
            content_kiosk_open(c, day, close - 1) != open_day ||
            (!c->kiosk.always_open && content_kiosk_open(c, day, close))) {
            return false;
        }
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A show and its words, when given: each input is read against them too. */
static char *g_show, *g_words;
static size_t g_show_len, g_words_len;

static char *slurp(const char *path, size_t *len) {
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) return NULL;
    char *buf = malloc(CONTENT_MAX_BYTES + 1);
    *len = buf ? fread(buf, 1, CONTENT_MAX_BYTES, f) : 0;
    fclose(f);
    if (buf) buf[*len] = '\0';
    return buf;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    if (!g_show) g_show = slurp(getenv("FUZZ_SHOW"), &g_show_len);
    if (!g_words) g_words = slurp(getenv("FUZZ_WORDS"), &g_words_len);
    return 0;
}

/* The promises of one load, whatever its input: parsed or refused, never more. */
static void check_load(const content_t *c, const content_errors_t *e, bool ok);

/* Reads the input as a whole file, as the show's words, as a show under its words, and as a
 * translation of those words. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static content_t content; /* ~260 KB: static, reused; content_parse resets it */
    static content_errors_t errors;
    const char *text = (const char *)data;
    check_load(&content, &errors, content_parse(&content, text, size, &errors));
    if (g_show) {
        check_load(&content, &errors,
                   content_parse_set(&content, g_show, g_show_len, text, size, &errors));
    }
    if (g_words) {
        check_load(&content, &errors,
                   content_parse_set(&content, text, size, g_words, g_words_len, &errors));
        bool same = content_compare_words(g_words, g_words_len, text, size, &errors);
        if (errors.count > CONTENT_MAX_ERRORS || same != (errors.total == 0)) __builtin_trap();
        for (int i = 0; i < errors.count; i++) {
            if (errors.items[i].file != CONTENT_FILE_WORDS || errors.items[i].line < 1) {
                __builtin_trap();
            }
        }
    }
    (void)content_kind(text, size);
    return 0;
}

static void check_load(const content_t *c, const content_errors_t *e, bool ok) {
    /* Invariants that hold whatever the input. */
    if (c->arena_used > CONTENT_ARENA_BYTES || e->count > CONTENT_MAX_ERRORS ||
        e->count > e->total || ok != (e->total == 0)) {
        __builtin_trap();
    }
    for (int i = 0; i < e->count; i++) {
        if (e->items[i].line < 1 || e->items[i].column < 1 ||
            memchr(e->items[i].message, '\0', CONTENT_ERROR_MESSAGE_MAX) == NULL) {
            __builtin_trap();
        }
    }
    if (ok) {
        if (!labels_valid(c) || !kiosk_valid(c)) {
            __builtin_trap();
        }
        for (int i = 0; i < c->exercise_count; i++) {
            const content_exercise_t *ex = &c->exercises[i];
            int lo = ex->repetitions_min;
            int hi = ex->repetitions_max;
            bool reps_ok = (lo == 0 && hi == 0) || (lo >= 1 && lo <= hi && hi <= 100);
            if (!choreography_valid(ex) || !reps_ok) {
                __builtin_trap();
            }
        }
        for (int i = 0; i < c->playlist_count; i++) {
            content_scene_ref_t ref;
            if (!content_find_scene(c, content_scene_id(c, c->playlist[i]), &ref)) {
                __builtin_trap();
            }
        }
    }
}

#ifdef FUZZ_STANDALONE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define FUZZ_MAX_SEEDS 128
#define FUZZ_MAX_INPUT (CONTENT_MAX_BYTES + 4096) /* a little past the size bound */

typedef struct seed_t {
    unsigned char *data;
    size_t len;
} seed_t;

/* splitmix64: the whole input of one number from (seed, number) alone */
static uint64_t rng_next(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t rng_below(uint64_t *state, size_t n) { return n ? (size_t)(rng_next(state) % n) : 0; }

/* What a hand edit or a broken copy puts in a YAML file. */
static const char *const TOKENS[] = {
    ":",
    ": ",
    " ",
    "\t",
    "\n",
    "\r\n",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "- ",
    "#",
    ",",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "!!map ",
    "---\n",
    "...\n",
    "|\n",
    ">\n",
    "{clinic.phone}",
    "{clinic.",
    "{n}",
    "{target}",
    "\xE9",
    "\xC3",
    "\xC3\xA9",
    "\xEF\xBB\xBF",
    "\xF0\x9F\x98\x80",
    "\\",
    "\\\"",
    "''",
    "\x01",
    "\x7F",
    "  ",
    "    ",
    "0",
    "-1",
    "1e9",
    "nan",
    ".inf",
    "true",
    "null",
    "~",
    "0x10",
    "99999999999999999999",
    "[[[[[[[[",
    "{a: {b: {c: ",
};

static void put(unsigned char *buf, size_t *len, size_t at, const void *what, size_t n) {
    if (*len + n > FUZZ_MAX_INPUT) {
        return;
    }
    memmove(buf + at + n, buf + at, *len - at);
    memcpy(buf + at, what, n);
    *len += n;
}

/* A line's bounds around `at`: [*start, *end) without its '\n'. */
static void line_around(const unsigned char *buf, size_t len, size_t at, size_t *start,
                        size_t *end) {
    size_t s = at < len ? at : len;
    while (s > 0 && buf[s - 1] != '\n') {
        s--;
    }
    size_t e = s;
    while (e < len && buf[e] != '\n') {
        e++;
    }
    *start = s;
    *end = e;
}

static void mutate_once(uint64_t *rng, unsigned char *buf, size_t *len, const seed_t *seeds,
                        int seed_count) {
    size_t n = *len;
    size_t at = rng_below(rng, n + 1);
    switch (rng_below(rng, 10)) {
    case 0: /* flip a bit */
        if (n) {
            buf[rng_below(rng, n)] ^= (unsigned char)(1u << rng_below(rng, 8));
        }
        break;
    case 1: /* a random byte */
        if (n) {
            buf[rng_below(rng, n)] = (unsigned char)rng_next(rng);
        }
        break;
    case 2:
    case 3: { /* a YAML token or slip */
        const char *t = TOKENS[rng_below(rng, sizeof TOKENS / sizeof TOKENS[0])];
        put(buf, len, at, t, strlen(t));
        break;
    }
    case 4: { /* a span cut out */
        size_t cut = rng_below(rng, n - (at < n ? at : n) + 1);
        cut = cut > 64 ? cut % 64 : cut;
        memmove(buf + at, buf + at + cut, n - at - cut);
        *len = n - cut;
        break;
    }
    case 5: { /* a line repeated, or cut */
        size_t s, e;
        line_around(buf, n, at, &s, &e);
        if (rng_below(rng, 2) && e < n) {
            unsigned char line[512];
            size_t ln = e - s + 1 < sizeof line ? e - s + 1 : sizeof line;
            memcpy(line, buf + s, ln);
            put(buf, len, s, line, ln);
        } else {
            size_t stop = e < n ? e + 1 : e;
            memmove(buf + s, buf + stop, n - stop);
            *len = n - (stop - s);
        }
        break;
    }
    case 6: { /* two lines swapped (by moving one before the other) */
        size_t s, e;
        line_around(buf, n, at, &s, &e);
        if (e < n && e - s < 512) {
            unsigned char line[512];
            size_t ln = e - s + 1;
            memcpy(line, buf + s, ln);
            memmove(buf + s, buf + s + ln, n - s - ln);
            *len = n - ln;
            size_t to = rng_below(rng, *len + 1);
            size_t ts, te;
            line_around(buf, *len, to, &ts, &te);
            put(buf, len, ts, line, ln);
        }
        break;
    }
    case 7: { /* indentation changed: a space or a tab in front of a line, or one taken */
        size_t s, e;
        line_around(buf, n, at, &s, &e);
        if (rng_below(rng, 2)) {
            put(buf, len, s, rng_below(rng, 4) ? " " : "\t", 1);
        } else if (s < n && (buf[s] == ' ' || buf[s] == '\t')) {
            memmove(buf + s, buf + s + 1, n - s - 1);
            *len = n - 1;
        }
        break;
    }
    case 8: { /* a span of another seed spliced in */
        const seed_t *other = &seeds[rng_below(rng, (size_t)seed_count)];
        if (other->len) {
            size_t from = rng_below(rng, other->len);
            size_t span = 1 + rng_below(rng, 256);
            span = span < other->len - from ? span : other->len - from;
            put(buf, len, at, other->data + from, span);
        }
        break;
    }
    default: /* a span repeated many times: depth and size */
        if (n && rng_below(rng, 8) == 0) {
            size_t span = 1 + rng_below(rng, 8);
            span = span < n - (at < n ? at : n - 1) ? span : 1;
            size_t from = at < n ? at : n - 1;
            unsigned char piece[8];
            memcpy(piece, buf + from, span);
            for (size_t k = 0, times = 1 + rng_below(rng, 4096); k < times; k++) {
                put(buf, len, from, piece, span);
            }
        }
        break;
    }
}

/* The number of the input being parsed, told when the program dies on it: by the
 * sanitizers' death callback, or by a signal handler (__builtin_trap without sanitizers). */
static volatile long long current_input = -1;
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static void tell_input(void) {
    fprintf(stderr, "\nfuzz_content: failed at input %lld (write it with --repro %lld)\n",
            current_input, current_input);
}

static void on_signal(int sig) {
    tell_input();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Input number `index`: a seed, mutated 1 to 16 times. */
static size_t make_input(uint64_t seed, uint64_t index, const seed_t *seeds, int seed_count,
                         unsigned char *buf) {
    uint64_t rng = seed ^ (index * 0xD1B54A32D192ED03ull);
    rng_next(&rng);
    const seed_t *base = &seeds[rng_below(&rng, (size_t)seed_count)];
    size_t len = base->len < FUZZ_MAX_INPUT ? base->len : FUZZ_MAX_INPUT;
    memcpy(buf, base->data, len);
    for (size_t k = 0, times = 1 + rng_below(&rng, 16); k < times; k++) {
        mutate_once(&rng, buf, &len, seeds, seed_count);
    }
    return len;
}

static bool read_seed(const char *path, seed_t *out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return false;
    }
    out->data = malloc(FUZZ_MAX_INPUT);
    out->len = out->data ? fread(out->data, 1, FUZZ_MAX_INPUT, f) : 0;
    fclose(f);
    return out->data != NULL;
}

int main(int argc, char **argv) {
    uint64_t seed = 1;
    double seconds = 10.0;
    long long repro = -1, max_runs = -1;
    const char *out_path = "fuzz-input.yaml";
    static seed_t seeds[FUZZ_MAX_SEEDS];
    int seed_count = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = strtod(argv[++i], NULL);
        } else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            max_runs = strtoll(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--repro") == 0 && i + 1 < argc) {
            repro = strtoll(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            out_path = argv[++i];
        } else if (strcmp(argv[i], "--show") == 0 && i + 1 < argc) {
            g_show = slurp(argv[++i], &g_show_len);
            if (!g_show) return 2;
        } else if (strcmp(argv[i], "--words") == 0 && i + 1 < argc) {
            g_words = slurp(argv[++i], &g_words_len);
            if (!g_words) return 2;
        } else if (seed_count < FUZZ_MAX_SEEDS) {
            if (!read_seed(argv[i], &seeds[seed_count])) {
                fprintf(stderr, "fuzz_content: cannot read %s\n", argv[i]);
                return 2;
            }
            seed_count++;
        }
    }
    if (seed_count == 0) {
        fprintf(stderr, "usage: fuzz_content [--seed S] [--seconds T] [--runs N] "
                        "[--repro N --out FILE] SEED_FILE...\n");
        return 2;
    }
    unsigned char *buf = malloc(FUZZ_MAX_INPUT);
    if (!buf) {
        return 2;
    }
    int rc = 0;
    if (repro >= 0) {
        size_t len = make_input(seed, (uint64_t)repro, seeds, seed_count, buf);
        FILE *f = fopen(out_path, "wb");
        bool written = f && fwrite(buf, 1, len, f) == len;
        if (f && fclose(f) != 0) {
            written = false;
        }
        if (written) {
            printf("input %lld of seed %llu (%zu bytes) written to %s\n", repro,
                   (unsigned long long)seed, len, out_path);
        } else {
            fprintf(stderr, "fuzz_content: cannot write %s\n", out_path);
            rc = 2;
        }
        max_runs = 0; /* nothing run */
    }
    /* the seeds themselves first, then mutants until the time or the count is up */
    for (int i = 0; i < seed_count && repro < 0; i++) {
        LLVMFuzzerTestOneInput(seeds[i].data, seeds[i].len);
    }
    if (repro < 0) {
        printf("fuzz_content: seed %llu, %d seed files, %.0f s (a failure at input N: --seed "
               "%llu --repro N --out FILE)\n",
               (unsigned long long)seed, seed_count, seconds, (unsigned long long)seed);
        fflush(stdout);
    }
    if (__sanitizer_set_death_callback) {
        __sanitizer_set_death_callback(tell_input);
    }
    signal(SIGILL, on_signal);
    signal(SIGTRAP, on_signal);
    signal(SIGABRT, on_signal);
    signal(SIGSEGV, on_signal);
    time_t start = time(NULL);
    long long runs = 0;
    for (; max_runs < 0 || runs < max_runs; runs++) {
        if ((runs & 63) == 0 && difftime(time(NULL), start) >= seconds) {
            break;
        }
        current_input = runs;
        size_t len = make_input(seed, (uint64_t)runs, seeds, seed_count, buf);
        LLVMFuzzerTestOneInput(buf, len);
    }
    if (repro < 0) {
        printf("fuzz_content: %lld inputs, no failure\n", runs);
    }
    for (int i = 0; i < seed_count; i++) {
        free(seeds[i].data);
    }
    free(buf);
    return rc;
}
#endif
