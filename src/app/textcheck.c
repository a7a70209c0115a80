/* textcheck: every text shown as written (see textcheck.h). Three checks, each said at its
 * place in the file:
 *   - glyphs: each character of each displayed text (content_t.sources) must be in both theme
 *     fonts (SDL_ttf has no fallback font: a missing one is an empty box on the TV);
 *   - fit: the renderer's own walk of every scene, card, count and overlay (render_audit),
 *     measured at the smallest screens in both modes, names each text that does not fit its
 *     place even at the smallest text size, and how many of its words would;
 *   - reading time: a review longer than its card is shown (timing.review_max_seconds) at the
 *     reading pace (timing.reading_words_per_minute) cannot be read to its end.
 * Depends on SDL_ttf, text, render, assets, log and core. */
#include "textcheck.h"

#include "maths.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "assets.h"
#include "choreo.h"
#include "log.h"
#include "render.h"
#include "show.h"
#include "text.h"

#define CHECK_MAX_SAID 40  /* problems logged in full; the rest are counted */
#define CHECK_MAX_SEEN 256 /* texts already said not to fit (each once) */
#define QUOTE_CHARS 40     /* characters of a text quoted in a message */

typedef struct check_t {
    const content_t *c;
    const content_files_t *files; /* the paths and texts the content was parsed from */
    char *first;
    size_t first_size;
    int problems;
    text_t text; /* the theme's fonts, for glyphs and measuring */
    const char *font_names[TEXT_FACE_NUM];
    int screen_w, screen_h; /* the screen being walked */
    uint64_t seen[CHECK_MAX_SEEN];
    int seen_count;
} check_t;

/* A problem in `file` (CONTENT_FILE_SHOW or _WORDS) at line and column (0: the file's). */
static void say(check_t *k, int file, int line, int column, const char *message) {
    char full[2400];
    const char *path = content_files_name(k->files, file);
    if (line > 0) snprintf(full, sizeof full, "%s:%d:%d: %s", path, line, column, message);
    else snprintf(full, sizeof full, "%s: %s", path, message);
    if (k->problems < CHECK_MAX_SAID) log_error("%s", full);
    if (k->first && k->first_size && !k->first[0]) snprintf(k->first, k->first_size, "%s", full);
    k->problems++;
}

/* The first QUOTE_CHARS characters of s, quoted, "…" when cut; line breaks as spaces. */
static const char *quoted(const char *s, char *buf, size_t size) {
    size_t o = 0;
    int chars = 0;
    buf[o++] = '\'';
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 8 < size; p++) {
        if ((*p & 0xC0) != 0x80 && ++chars > QUOTE_CHARS) {
            memcpy(buf + o, "\xE2\x80\xA6", 3); /* … */
            o += 3;
            break;
        }
        buf[o++] = *p == '\n' ? ' ' : (char)*p;
    }
    buf[o++] = '\'';
    buf[o] = '\0';
    return buf;
}

/* Decodes one UTF-8 character at s (content is checked UTF-8); returns its length. */
static int utf8_next(const unsigned char *s, Uint32 *cp) {
    if (s[0] < 0x80) return *cp = s[0], 1;
    if ((s[0] & 0xE0) == 0xC0 && s[1]) return *cp = ((Uint32)(s[0] & 0x1F) << 6) | (s[1] & 0x3F), 2;
    if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
        *cp = ((Uint32)(s[0] & 0x0F) << 12) | ((Uint32)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if ((s[0] & 0xF8) == 0xF0 && s[1] && s[2] && s[3]) {
        *cp = ((Uint32)(s[0] & 0x07) << 18) | ((Uint32)(s[1] & 0x3F) << 12) |
              ((Uint32)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return *cp = 0xFFFD, 1;
}

/* Characters a shaper draws as nothing (no box even when the font lacks them): controls,
 * zero-width spaces and joiners, direction marks, variation selectors, the BOM. */
static bool invisible(Uint32 cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

/* "this review", "this step", "'footer' in labels": what a text is, for messages. */
static const char *describe(const content_source_t *src, char *buf, size_t size) {
    if (!src) return "this text";
    if (!strcmp(src->section, "review") && !strcmp(src->field, "text")) return "this review";
    if (!strcmp(src->section, "review") && !strcmp(src->field, "name")) return "this review's name";
    if (!strcmp(src->section, "exercise") && !strcmp(src->field, "step")) return "this step";
    snprintf(buf, size, "'%s' in %s", src->field, src->section);
    return buf;
}

static void check_glyphs(check_t *k) {
    const content_t *c = k->c;
    for (int i = 0; i < c->source_count; i++) {
        const content_source_t *src = &c->sources[i];
        int said = 0;
        const unsigned char *p = (const unsigned char *)src->text;
        while (*p && said < 3) { /* a text's first three missing characters */
            Uint32 cp;
            int n = utf8_next(p, &cp);
            int face = -1;
            for (int f = 0; f < TEXT_FACE_NUM && !invisible(cp) && face < 0; f++) {
                if (!TTF_GlyphIsProvided32(k->text.fonts[f], cp)) face = f;
            }
            /* said once per text for each character */
            bool again = false;
            for (const unsigned char *q = (const unsigned char *)src->text; face >= 0 && q < p;) {
                Uint32 before;
                q += utf8_next(q, &before);
                again = again || before == cp;
            }
            if (face >= 0 && !again) {
                int line, column;
                content_source_locate(src, k->files->text[src->file], k->files->len[src->file],
                                      (const char *)p, (size_t)n, &line, &column);
                char ch[8] = "", q[200], what[120], message[800];
                if (cp >= 0x20) memcpy(ch, p, (size_t)n), ch[n] = '\0';
                snprintf(message, sizeof message,
                         "the character U+%04X%s%s%s in %s (%s) is not in the font %s, so the "
                         "TV would show an empty box: leave it out or write it in plain letters",
                         (unsigned)cp, ch[0] ? " (" : "", ch, ch[0] ? ")" : "",
                         describe(src, what, sizeof what), quoted(src->text, q, sizeof q),
                         k->font_names[face]);
                say(k, src->file, line, column, message);
                said++;
            }
            p += n;
        }
    }
}

/* The first `words` words of s (as content_word_count counts them) copied into out. */
static void first_words(const char *s, int words, char *out) {
    const char *end = s;
    for (int n = 0; *end && n < words; n++) {
        end += strspn(end, " \t\n\r\f\v");
        end += strcspn(end, " \t\n\r\f\v");
    }
    memcpy(out, s, (size_t)(end - s));
    out[end - s] = '\0';
}

/* Whether `drawn` is the template `t` filled in: each placeholder ({target}, {n}…) stands
 * for one or more characters, everything else is as written. */
static bool fills(const char *t, const char *drawn) {
    while (*t && *t != '{') {
        if (*t++ != *drawn++) return false;
    }
    if (!*t) return !*drawn;
    const char *close = strchr(t, '}');
    if (!close) return !strcmp(t, drawn);
    for (const char *d = drawn + 1; d[-1]; d++) { /* what the placeholder took: drawn..d */
        if (fills(close + 1, d)) return true;
    }
    return false;
}

/* How many characters of a template are its own words (not its placeholders). */
static size_t literal_chars(const char *t) {
    size_t n = 0;
    for (; *t; t++) {
        const char *close = *t == '{' ? strchr(t, '}') : NULL;
        if (close) t = close;
        else n++;
    }
    return n;
}

/* The source of a drawn text: itself, or the label template it was filled in from (the one
 * with the most words of its own: "{target} deep breaths — shown here: {n}", not the "— "
 * of a review's name it contains), or the content text it holds (a review's name after its
 * prefix), or the template it starts like (the words before its first '{'). */
static const content_source_t *source_of(const content_t *c, const char *drawn) {
    const content_source_t *src = content_source_of(c, drawn);
    const content_source_t *filled = NULL, *held = NULL;
    size_t best = 0;
    for (int i = 0; !src && i < c->source_count; i++) {
        const content_source_t *s = &c->sources[i];
        size_t n = strchr(s->text, '{') ? literal_chars(s->text) : 0;
        if (n > 2 && n > best && fills(s->text, drawn)) best = n, filled = s;
    }
    if (!src) src = filled;
    best = 0;
    for (int i = 0; !src && i < c->source_count; i++) {
        const content_source_t *s = &c->sources[i];
        size_t n = strlen(s->text);
        if (n > best && strstr(drawn, s->text)) best = n, held = s;
    }
    if (!src) src = held;
    for (int i = 0; !src && i < c->source_count; i++) {
        const char *brace = strchr(c->sources[i].text, '{');
        size_t n = brace ? (size_t)(brace - c->sources[i].text) : 0;
        if (n > 2 && !strncmp(drawn, c->sources[i].text, n)) src = &c->sources[i];
    }
    return src;
}

static bool seen_before(check_t *k, const char *s) {
    uint64_t h = maths_hash(MATHS_HASH_START, s, strlen(s));
    for (int i = 0; i < k->seen_count; i++) {
        if (k->seen[i] == h) return true;
    }
    if (k->seen_count < CHECK_MAX_SEEN) k->seen[k->seen_count++] = h;
    return false;
}

/* The most words of the steps (in order, the later ones cut) that fit their panel. */
static int steps_fitting(check_t *k, const render_misfit_t *m, char *buf, int total) {
    const content_exercise_t *ex = m->steps;
    int lo = 0, hi = total;
    while (lo < hi) { /* the largest count that fits */
        int mid = (lo + hi + 1) / 2, left = mid;
        const char *cut[CONTENT_MAX_STEPS];
        char *o = buf;
        int n = 0;
        for (int i = 0; i < ex->step_count && left > 0; i++) {
            int w = content_word_count(ex->steps[i]);
            first_words(ex->steps[i], w < left ? w : left, o);
            cut[n++] = o;
            o += strlen(o) + 1;
            left -= w;
        }
        if (text_fits_group(&k->text, cut, n, m->style, m->box.w, m->box.h, m->gap_lines)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

static void on_misfit(void *user, const render_misfit_t *m) {
    check_t *k = user;
    const content_t *c = k->c;
    if (seen_before(k, m->text)) return;
    const content_source_t *src = source_of(c, m->text);
    char q[200], what[120], message[900];
    char screen[40];
    snprintf(screen, sizeof screen, "%dx%d", k->screen_w, k->screen_h);
    size_t len = strlen(m->text);
    for (int i = 0; m->steps && i < m->steps->step_count; i++)
        len += strlen(m->steps->steps[i]) + 1;
    char *buf = SDL_malloc(len + 1);
    if (!buf) return;
    if (m->steps) {
        int total = 0;
        for (int i = 0; i < m->steps->step_count; i++)
            total += content_word_count(m->steps->steps[i]);
        int fit = steps_fitting(k, m, buf, total);
        snprintf(message, sizeof message,
                 "the steps of '%s' have %d words in all; on the smallest screen (%s) at most %d "
                 "fit beside the figure: shorten them",
                 m->steps->title, total, screen, fit);
    } else {
        int total = content_word_count(m->text), lo = 0, hi = total;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            first_words(m->text, mid, buf);
            if (text_fits(&k->text, buf, m->style, m->box.w, m->box.h)) lo = mid;
            else hi = mid - 1;
        }
        bool card = src && !strcmp(src->section, "review") && !strcmp(src->field, "text");
        if (lo == 0 || total <= 1) {
            snprintf(message, sizeof message,
                     "%s (%s) is too long for its place on the smallest screen (%s), even in the "
                     "smallest letters: shorten it",
                     describe(src, what, sizeof what), quoted(m->text, q, sizeof q), screen);
        } else {
            snprintf(message, sizeof message,
                     "%s (%s) has %d words; at most %d fit %s on the smallest screen (%s): "
                     "shorten it",
                     describe(src, what, sizeof what), quoted(m->text, q, sizeof q), total, lo,
                     card ? "on a card" : "in its place", screen);
        }
    }
    SDL_free(buf);
    say(k, src ? src->file : 0, src ? src->line : 0, src ? src->column : 0, message);
}

/* Each review can be read to its end while its card is shown (show_review_seconds). */
static void check_reading(check_t *k) {
    const content_t *c = k->c;
    double wpm = c->timing.reading_words_per_minute, most = c->timing.review_max_seconds;
    for (int i = 0; i < c->reviews.count; i++) {
        const content_review_t *rv = &c->reviews.items[i];
        double needs = (double)rv->word_count / wpm * 60.0;
        if (needs <= most + 0.5) continue;
        const content_source_t *src = content_source_of(c, rv->text);
        char q[200], message[800];
        snprintf(message, sizeof message,
                 "this review (%s) has %d words: at %g words a minute "
                 "(timing.reading_words_per_minute) it takes %.0f s to read, but a card is shown "
                 "at most %g s (timing.review_max_seconds); at most %d words can be read: shorten "
                 "it",
                 quoted(rv->text, q, sizeof q), rv->word_count, wpm, needs, most,
                 (int)(most * wpm / 60.0));
        say(k, src ? src->file : 0, src ? src->line : 0, src ? src->column : 0, message);
    }
}

/* Walks the show at each smallest screen, as a patient's computer (every move at the
 * patient's pace, the help's keys) and as a kiosk (the demo pacing, its help rows). */
static void check_fit(check_t *k, const char *assets_dir) {
    const content_t *c = k->c;
    size_t n = (size_t)(c->exercise_count > 0 ? c->exercise_count : 1);
    choreo_t *follow = SDL_calloc(n, sizeof *follow), *demo = SDL_calloc(n, sizeof *demo);
    show_t *show = SDL_malloc(sizeof *show);
    if (!follow || !demo || !show) {
        say(k, 0, 0, 0, "out of memory checking that the texts fit");
    } else {
        for (int e = 0; e < c->exercise_count; e++) {
            choreo_build(&follow[e], c, e, CHOREO_PACING_FOLLOW);
            choreo_build(&demo[e], c, e, CHOREO_PACING_DEMO);
        }
        const int sizes[2][2] = {{TEXTCHECK_SMALL_W, TEXTCHECK_SMALL_H},
                                 {TEXTCHECK_SMALL_H, TEXTCHECK_SMALL_W}};
        for (int s = 0; s < 2; s++) {
            k->screen_w = sizes[s][0], k->screen_h = sizes[s][1];
            for (int kiosk = 0; kiosk < 2; kiosk++) {
                if (kiosk) show_init_kiosk(show, c, demo, follow, 0);
                else show_init(show, c, follow, 0);
                render_audit(c, assets_dir, show, k->screen_w, k->screen_h, on_misfit, k);
            }
        }
    }
    SDL_free(show);
    SDL_free(demo);
    SDL_free(follow);
}

int textcheck_content(const content_t *c, const content_files_t *files, const char *assets_dir,
                      char *first, size_t first_size) {
    check_t *k = SDL_calloc(1, sizeof *k);
    if (!k) return 1;
    *k = (check_t){.c = c, .files = files, .first = first, .first_size = first_size};
    char regular[1024], bold[1024], err[1300];
    if (!assets_path(assets_dir, c->theme.font_regular, regular, sizeof regular, err, sizeof err) ||
        !assets_path(assets_dir, c->theme.font_bold, bold, sizeof bold, err, sizeof err) ||
        !text_init(&k->text, regular, bold)) {
        say(k, 0, 0, 0, "the theme's fonts do not open, so its texts cannot be checked");
        int problems = k->problems;
        SDL_free(k);
        return problems;
    }
    k->font_names[TEXT_REGULAR] = c->theme.font_regular;
    k->font_names[TEXT_BOLD] = c->theme.font_bold;
    check_glyphs(k);
    check_fit(k, assets_dir);
    check_reading(k);
    text_shutdown(&k->text);
    if (k->problems > CHECK_MAX_SAID) {
        log_error("%s: %d more problems not shown", files->path[CONTENT_FILE_SHOW],
                  k->problems - CHECK_MAX_SAID);
    }
    int problems = k->problems;
    SDL_free(k);
    return problems;
}
