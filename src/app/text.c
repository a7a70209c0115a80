/* text: wrapping, fitting and caching of texts (see text.h). Rasterising happens only on a cache
 * miss; a hit costs a hash of the string and a table scan, and when the text is not in a page
 * now, unpacking it into the scratch buffer and one texture upload: no allocation.
 * Depends on SDL2_ttf and gfx. */
#include "text.h"

#include <lz4.h>

#include "maths.h"

#include "assets.h"
#include "log.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BORDER TEXT_BORDER

typedef struct line_t {
    int start, len, width;
} line_t;

typedef struct wrapped_t {
    line_t lines[TEXT_MAX_LINES];
    int count;
    int width;  /* widest line */
    int height; /* count * line skip */
    bool too_wide;
} wrapped_t;

static uint64_t hash_style(const char *s, text_style_t st, float box_w, float box_h) {
    uint64_t h = maths_hash(MATHS_HASH_START, s, strlen(s));
    int k[6] = {(int)st.face,  (int)lroundf(st.size * 8), (int)lroundf(st.min_size * 8),
                (int)st.align, (int)lroundf(box_w),       (int)lroundf(box_h)};
    return maths_hash(h, k, sizeof k);
}

bool text_init(text_t *t, const char *regular_path, const char *bold_path) {
    memset(t, 0, sizeof *t);
    t->allow_new = -1;
    if (!TTF_WasInit() && TTF_Init() != 0) {
        log_error("cannot start the font engine: %s", TTF_GetError());
        return false;
    }
    const char *paths[TEXT_FACE_NUM] = {regular_path, bold_path};
    for (int i = 0; i < TEXT_FACE_NUM; i++) {
        /* only a regular file, opened without waiting: a font swapped for a FIFO would hang */
        char err[1300];
        SDL_RWops *rw = assets_open(paths[i], ASSETS_MAX_FONT, err, sizeof err);
        t->fonts[i] = rw ? TTF_OpenFontRW(rw, 1, 32) : NULL;
        if (!t->fonts[i]) {
            /* the path is the content's: the log escapes it */
            log_error("cannot open font %s: %s", paths[i], rw ? TTF_GetError() : err);
            text_shutdown(t);
            return false;
        }
        TTF_SetFontHinting(t->fonts[i], TTF_HINTING_LIGHT);
    }
    return true;
}

void text_pages_empty(text_t *t) {
    for (int i = 0; i < t->page_count; i++) {
        text_page_t *pg = &t->pages[i];
        pg->shelves = pg->top = 0;
        pg->round++;
    }
}

void text_clear(text_t *t) {
    for (int i = 0; i < t->entry_count; i++) {
        SDL_free(t->entries[i].packed);
        gfx_texture_free(&t->entries[i].own);
        t->entries[i] = (text_entry_t){.page = -1};
    }
    t->entry_count = 0;
    text_pages_empty(t);
    memset(t->memo, 0, sizeof t->memo);
    t->memo_next = 0;
}

void text_resize(text_t *t, int w, int h) {
    int pw = w + 2 * BORDER, ph = h + 2 * BORDER; /* the biggest text a box can hold */
    if (t->page_w && (t->page_w != pw || t->page_h != ph)) {
        text_clear(t);
        for (int i = 0; i < t->page_count; i++) gfx_texture_free(&t->pages[i].texture);
        t->page_count = 0;
    }
    t->page_w = pw, t->page_h = ph;
}

void text_shutdown(text_t *t) {
    text_clear(t);
    for (int i = 0; i < t->page_count; i++) gfx_texture_free(&t->pages[i].texture);
    t->page_count = 0;
    SDL_free(t->scratch);
    t->scratch = NULL;
    t->scratch_size = 0;
    for (int i = 0; i < TEXT_FACE_NUM; i++) {
        if (t->fonts[i]) TTF_CloseFont(t->fonts[i]);
        t->fonts[i] = NULL;
    }
}

void text_frame(text_t *t) { t->frame++; }

/* A place for a w x h picture in a shelf of page `pg` that has room and is not much taller. */
static bool shelf_place(text_page_t *pg, int w, int h, int *x, int *y) {
    for (int s = 0; s < pg->shelves; s++) {
        if (pg->shelf_h[s] >= h && pg->shelf_h[s] <= h + h / 4 + 4 &&
            pg->shelf_x[s] + w <= pg->texture.side_w) {
            *x = pg->shelf_x[s], *y = pg->shelf_y[s];
            pg->shelf_x[s] += w;
            return true;
        }
    }
    if (pg->shelves >= TEXT_SHELVES_MAX || pg->top + h > pg->texture.side_h ||
        w > pg->texture.side_w) {
        return false;
    }
    int s = pg->shelves++;
    pg->shelf_y[s] = pg->top, pg->shelf_h[s] = h, pg->shelf_x[s] = w;
    pg->top += h;
    if (pg->top > pg->used) pg->used = pg->top;
    *x = 0, *y = pg->shelf_y[s];
    return true;
}

/* A page with room for a w x h picture, and where in it: a shelf with room, else the page drawn
 * from longest ago (not in this frame, if any) emptied, else a new one. -1: none can be made. */
static int page_place(text_t *t, int w, int h, int *x, int *y) {
    for (int i = 0; i < t->page_count; i++) {
        if (shelf_place(&t->pages[i], w, h, x, y)) return i;
    }
    int oldest = -1; /* of those big enough: this frame's only when no page can be added */
    for (int i = 0; i < t->page_count; i++) {
        const text_page_t *pg = &t->pages[i];
        if (pg->texture.side_w < w || pg->texture.side_h < h) continue;
        if (oldest < 0 || pg->last_used < t->pages[oldest].last_used) oldest = i;
    }
    bool busy = oldest >= 0 && t->pages[oldest].last_used == t->frame;
    if (oldest < 0 || (busy && t->page_count < TEXT_PAGES_MAX)) {
        if (t->page_count >= TEXT_PAGES_MAX) { /* none big enough: the oldest made anew */
            oldest = 0;
            for (int i = 1; i < t->page_count; i++) {
                if (t->pages[i].last_used < t->pages[oldest].last_used) oldest = i;
            }
            gfx_texture_free(&t->pages[oldest].texture);
        } else {
            oldest = t->page_count++;
        }
        text_page_t *pg = &t->pages[oldest];
        uint32_t round = pg->round;
        *pg = (text_page_t){.round = round + 1};
        pg->texture =
            gfx_texture_page(w > t->page_w ? w : t->page_w, h > t->page_h ? h : t->page_h);
        t->pages_made++;
        if (!pg->texture.id) return -1;
    } else {
        text_page_t *pg = &t->pages[oldest];
        pg->shelves = pg->top = 0;
        pg->round++;
    }
    return shelf_place(&t->pages[oldest], w, h, x, y) ? oldest : -1;
}

/* A text's packed coverage is a run of bands of BAND rows (the last fewer), each an LZ4 block
 * after its size (4 bytes): unpacked and put into a page a band at a time, through a scratch
 * buffer of one band, not of the whole text (2.3 MiB for the longest review at 4K). */
#define BAND 32

/* Unpacks e's band at byte `at` (`rows` rows of `stride` bytes) into out and moves `at` past
 * it; false if it is not whole. */
static bool band_unpack(const text_entry_t *e, int *at, int rows, int stride, unsigned char *out) {
    uint32_t size;
    if (*at + (int)sizeof size > e->packed_size) return false;
    memcpy(&size, e->packed + *at, sizeof size);
    *at += (int)sizeof size;
    int n = rows * stride;
    if (size > (uint32_t)(e->packed_size - *at) ||
        LZ4_decompress_safe((const char *)e->packed + *at, (char *)out, (int)size, n) != n) {
        return false;
    }
    *at += (int)size;
    return true;
}

/* e's coverage with its border, (w + 2 border) x (h + 2 border) bytes, into out (of `size`). */
static bool text_unpack(const text_entry_t *e, unsigned char *out, size_t size) {
    int stride = e->block.w + 2 * BORDER, h = e->block.h + 2 * BORDER, at = 0;
    if (!e->packed || (size_t)stride * (size_t)h > size) return false;
    for (int y = 0; y < h; y += BAND) {
        int rows = h - y < BAND ? h - y : BAND;
        if (!band_unpack(e, &at, rows, stride, out + (size_t)y * (size_t)stride)) return false;
    }
    return true;
}

/* Makes e's texture ready to draw: in its page still, else unpacked and put into one. */
static void page_in(text_t *t, text_entry_t *e) {
    if (t->no_gl || t->no_pages || t->measure_only) return;
    if (e->page >= 0 && e->page < t->page_count && t->pages[e->page].round == e->page_round) {
        t->pages[e->page].last_used = t->frame;
        return;
    }
    e->block.texture = (gfx_texture_t){0};
    e->page = -1;
    int w = e->block.w + 2 * BORDER, h = e->block.h + 2 * BORDER, x, y, at = 0;
    if (!e->packed || (size_t)w * BAND > t->scratch_size) return;
    int p = page_place(t, w, h, &x, &y);
    if (p < 0) return;
    text_page_t *pg = &t->pages[p];
    for (int band = 0; band < h; band += BAND) {
        int rows = h - band < BAND ? h - band : BAND;
        if (!band_unpack(e, &at, rows, w, t->scratch)) return; /* (not marked in the page) */
        gfx_texture_put(&pg->texture, x, y + band, w, rows, t->scratch);
    }
    pg->last_used = t->frame;
    e->page = p, e->page_round = pg->round;
    e->block.texture = pg->texture;
    e->block.texture.w = e->block.w, e->block.texture.h = e->block.h;
    e->block.texture.x = x + BORDER, e->block.texture.y = y + BORDER;
    t->puts++;
}

static TTF_Font *font_at(text_t *t, text_face_t face, int size) {
    TTF_Font *f = t->fonts[face];
    TTF_SetFontSize(f, size);
    return f;
}

int text_line_height(text_t *t, text_face_t face, int size) {
    return TTF_FontLineSkip(font_at(t, face, size));
}

static int measure(TTF_Font *f, const char *s, int start, int len) {
    char buf[2048];
    if (len >= (int)sizeof buf) len = (int)sizeof buf - 1;
    memcpy(buf, s + start, (size_t)len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(f, buf, &w, &h) != 0) return 0;
    return w;
}

/* Greedy word wrap at max_w pixels; '\n' forces a break. A word wider than the box gets a
 * line of its own and marks the result too wide. */
static void wrap(TTF_Font *f, const char *s, int max_w, wrapped_t *out) {
    memset(out, 0, sizeof *out);
    int n = (int)strlen(s);
    int line_start = 0, line_end = 0; /* current line [start, end) */
    int i = 0;
    while (i <= n && out->count < TEXT_MAX_LINES) {
        int word_end = i;
        while (word_end < n && s[word_end] != ' ' && s[word_end] != '\n') word_end++;
        int w = measure(f, s, line_start, word_end - line_start);
        if (w > max_w && line_end > line_start) {
            /* the word does not fit: close the line before it */
            line_t *l = &out->lines[out->count++];
            *l = (line_t){line_start, line_end - line_start,
                          measure(f, s, line_start, line_end - line_start)};
            line_start = line_end = i;
            continue; /* measure the word again on a fresh line */
        }
        line_end = word_end;
        bool hard = word_end < n && s[word_end] == '\n';
        if (word_end >= n || hard) {
            line_t *l = &out->lines[out->count++];
            *l = (line_t){line_start, line_end - line_start, w};
            if (w > max_w) out->too_wide = true;
            if (word_end >= n) break;
            line_start = line_end = i = word_end + 1;
            continue;
        }
        if (w > max_w) out->too_wide = true;
        i = word_end + 1;
    }
    for (int k = 0; k < out->count; k++) {
        if (out->lines[k].width > out->width) out->width = out->lines[k].width;
    }
    out->height = out->count * TTF_FontLineSkip(f);
}

/* The largest size in [min, max] at which s wraps into box_w x box_h (min if none). */
static int fit_size(text_t *t, const char *s, text_style_t st, float box_w, float box_h,
                    wrapped_t *w) {
    int max = (int)lroundf(st.size);
    int min = st.min_size > 0 ? (int)lroundf(st.min_size) : max;
    if (min > max) min = max;
    int size = max;
    for (;;) {
        wrap(font_at(t, st.face, size), s, (int)box_w, w);
        if ((!w->too_wide && w->height <= box_h) || size <= min) return size;
        int step = size / 16 > 1 ? size / 16 : 1;
        size = size - step < min ? min : size - step;
    }
}

/* A text's coverage being packed: its rows from `base` on are in a window of `cap` rows; rows
 * above the next line's top are final, and packed (and the window moved on) a band at a time,
 * so a text never holds its whole coverage (2.3 MiB for the longest review at 4K) at once. */
typedef struct packer_t {
    int stride, rows, base, cap;
    unsigned char *win;                /* cap x stride: rows [base, base + cap) */
    unsigned char *out;                /* the bands packed so far */
    int out_size, out_cap, band_bound; /* (band_bound: LZ4's bound for one band) */
    bool failed;
} packer_t;

/* Makes room in the window for rows up to `end`. */
static void packer_reach(packer_t *p, int end) {
    if (p->failed || end - p->base <= p->cap) return;
    int cap = end - p->base + BAND;
    unsigned char *grown = SDL_realloc(p->win, (size_t)cap * (size_t)p->stride);
    if (!grown) {
        p->failed = true;
        return;
    }
    memset(grown + (size_t)p->cap * (size_t)p->stride, 0,
           (size_t)(cap - p->cap) * (size_t)p->stride);
    p->win = grown, p->cap = cap;
}

/* Packs the window's bands that end at or above row `until` (all that are left: p->rows), and
 * moves the window on past them. */
static void packer_flush(packer_t *p, int until) {
    packer_reach(p, until < p->rows ? until : p->rows); /* (rows no line reached: blank) */
    int k = 0;                                          /* bands packed */
    for (; !p->failed && p->base + k * BAND < p->rows; k++) {
        int top = p->base + k * BAND;
        if (top + BAND > until && until < p->rows) break;
        int n_rows = p->rows - top < BAND ? p->rows - top : BAND;
        if (p->out_size + (int)sizeof(uint32_t) + p->band_bound > p->out_cap) {
            long cap = 2L * p->out_cap + (long)sizeof(uint32_t) + p->band_bound;
            unsigned char *grown = cap <= INT32_MAX ? SDL_realloc(p->out, (size_t)cap) : NULL;
            if (!grown) {
                p->failed = true;
                return;
            }
            p->out = grown, p->out_cap = (int)cap;
        }
        int made = LZ4_compress_default((const char *)p->win + (size_t)k * BAND * p->stride,
                                        (char *)p->out + p->out_size + sizeof(uint32_t),
                                        n_rows * p->stride, p->band_bound);
        if (made <= 0) {
            p->failed = true;
            return;
        }
        uint32_t made32 = (uint32_t)made;
        memcpy(p->out + p->out_size, &made32, sizeof made32);
        p->out_size += (int)sizeof made32 + made;
    }
    int moved = k * BAND < p->cap ? k * BAND : p->cap; /* rows */
    if (moved <= 0) return;
    size_t gone = (size_t)moved * (size_t)p->stride, all = (size_t)p->cap * (size_t)p->stride;
    memmove(p->win, p->win + gone, all - gone);
    memset(p->win + all - gone, 0, gone);
    p->base += k * BAND;
}

/* Sets s as wrapped in w at `size` into e: its block, and its coverage with its blank border,
 * packed in bands (rasterised a line at a time, packed as the lines pass). */
static void rasterise(text_t *t, const char *s, text_style_t st, int size, const wrapped_t *w,
                      float box_w, float box_h, text_entry_t *e) {
    text_block_t b = {0};
    b.size = size;
    b.lines = w->count;
    b.overflow = w->too_wide || w->height > box_h || w->count >= TEXT_MAX_LINES;
    (void)box_w;
    TTF_Font *f = font_at(t, st.face, size);
    int skip = TTF_FontLineSkip(f);
    b.w = w->width > 0 ? w->width : 1;
    b.h = w->height > 0 ? w->height : 1;
    e->block = b;
    if (t->measure_only) return;
    int stride = b.w + 2 * BORDER, rows = b.h + 2 * BORDER;
    size_t band_n = (size_t)stride * BAND;
    if (band_n > (size_t)LZ4_MAX_INPUT_SIZE) return;
    if (band_n > t->scratch_size) { /* (the one buffer a page is filled from: grown here only) */
        unsigned char *grown = SDL_realloc(t->scratch, band_n);
        if (!grown) return;
        t->scratch = grown, t->scratch_size = band_n;
    }
    packer_t p = {.stride = stride, .rows = rows, .band_bound = LZ4_compressBound((int)band_n)};
    char buf[2048];
    for (int i = 0; i < w->count && !p.failed; i++) {
        const line_t *l = &w->lines[i];
        int y0 = i * skip;
        packer_flush(&p, y0 + BORDER); /* the rows above this line are final */
        if (l->len <= 0) continue;
        int len = l->len < (int)sizeof buf - 1 ? l->len : (int)sizeof buf - 1;
        memcpy(buf, s + l->start, (size_t)len);
        buf[len] = '\0';
        SDL_Surface *surf = TTF_RenderUTF8_Blended(f, buf, (SDL_Color){255, 255, 255, 255});
        if (!surf) {
            log_warning("cannot render text: %s", TTF_GetError());
            continue;
        }
        SDL_Surface *argb = surf; /* (SDL_ttf makes ARGB8888: converted only if not) */
        if (surf->format->format != SDL_PIXELFORMAT_ARGB8888) {
            argb = SDL_ConvertSurfaceFormat(surf, SDL_PIXELFORMAT_ARGB8888, 0);
            SDL_FreeSurface(surf);
            if (!argb) continue;
        }
        int x0 = st.align == TEXT_CENTER  ? (b.w - l->width) / 2
                 : st.align == TEXT_RIGHT ? b.w - l->width
                                          : 0;
        int h = argb->h < b.h - y0 ? argb->h : b.h - y0;
        packer_reach(&p, y0 + BORDER + h);
        SDL_LockSurface(argb);
        for (int y = 0; y < h && !p.failed; y++) {
            const Uint32 *row = (const Uint32 *)((const Uint8 *)argb->pixels + y * argb->pitch);
            unsigned char *d = p.win + (size_t)(y0 + y + BORDER - p.base) * (size_t)stride + BORDER;
            for (int x = 0; x < argb->w && x0 + x < b.w; x++) {
                if (x0 + x < 0) continue;
                unsigned a = row[x] >> 24;
                if (a > d[x0 + x]) d[x0 + x] = (unsigned char)a;
            }
        }
        SDL_UnlockSurface(argb);
        SDL_FreeSurface(argb);
    }
    packer_flush(&p, rows);
    SDL_free(p.win);
    if (p.failed) {
        SDL_free(p.out);
        return;
    }
    e->packed = SDL_realloc(p.out, (size_t)p.out_size); /* smaller: kept as it is if that fails */
    if (!e->packed) e->packed = p.out;
    e->packed_size = p.out_size;
    t->rasterised++;
}

/* A texture of e's own (its picture without the border), for drawing it scaled. */
static void own_make(text_t *t, text_entry_t *e) {
    if (t->no_gl || t->measure_only || !e->packed) return;
    int w = e->block.w, stride = w + 2 * BORDER, h = e->block.h + 2 * BORDER;
    size_t n = (size_t)stride * (size_t)h;
    unsigned char *cov = SDL_malloc(n); /* (once a text, in a window too small for it) */
    if (cov && text_unpack(e, cov, n)) {
        for (int y = 0; y < e->block.h; y++) { /* row y is behind row y + BORDER: in place */
            memmove(cov + (size_t)y * (size_t)w,
                    cov + (size_t)(y + BORDER) * (size_t)stride + BORDER, (size_t)w);
        }
        e->own = gfx_texture_r8(w, e->block.h, cov);
    }
    SDL_free(cov);
}

void text_pages_fill(text_t *t) {
    for (int i = 0; i < t->entry_count; i++) page_in(t, &t->entries[i]);
}

const gfx_texture_t *text_texture(text_t *t, const text_block_t *b, bool scaled) {
    text_entry_t *e = (text_entry_t *)((char *)b - offsetof(text_entry_t, block));
    if (scaled) {
        if (!e->own.id) own_make(t, e);
        return e->own.id ? &e->own : NULL;
    }
    page_in(t, e);
    return e->block.texture.id ? &e->block.texture : NULL;
}

const text_block_t *text_get(text_t *t, const char *s, text_style_t st, float box_w, float box_h) {
    if (!s || !*s) return NULL;
    uint64_t key = hash_style(s, st, box_w, box_h);
    for (int i = 0; i < t->entry_count; i++) {
        if (t->entries[i].key == key) {
            t->entries[i].last_used = t->frame;
            return &t->entries[i].block;
        }
    }
    if (t->allow_new == 0) { /* warming up within a frame's budget: later */
        t->skipped++;
        return NULL;
    }
    if (t->allow_new > 0) t->allow_new--;
    wrapped_t *w = SDL_malloc(sizeof *w); /* miss path only */
    if (!w) return NULL;
    text_entry_t *e;
    if (t->entry_count < TEXT_CACHE_MAX) {
        e = &t->entries[t->entry_count++];
    } else { /* evict the least recently used */
        e = &t->entries[0];
        for (int i = 1; i < t->entry_count; i++) {
            if (t->entries[i].last_used < e->last_used) e = &t->entries[i];
        }
        SDL_free(e->packed);
        gfx_texture_free(&e->own);
    }
    *e = (text_entry_t){.page = -1};
    int size = fit_size(t, s, st, box_w, box_h, w);
    e->key = key;
    e->last_used = t->frame;
    rasterise(t, s, st, size, w, box_w, box_h, e);
    SDL_free(w);
    return &e->block;
}

/* The height of n texts stacked at `size` with gap_lines between them; *wide when a word is
 * wider than the box. */
static float group_height(text_t *t, const char *const *s, int n, text_face_t face, int size,
                          float box_w, float gap_lines, wrapped_t *w, bool *wide) {
    TTF_Font *f = font_at(t, face, size);
    float total = 0;
    *wide = false;
    for (int i = 0; i < n; i++) {
        wrap(f, s[i], (int)box_w, w);
        total += (float)w->height;
        *wide = *wide || w->too_wide || w->count >= TEXT_MAX_LINES;
    }
    return total + gap_lines * (float)TTF_FontLineSkip(f) * (float)(n > 0 ? n - 1 : 0);
}

static int smallest(text_style_t st) {
    int max = (int)lroundf(st.size);
    int min = st.min_size > 0 ? (int)lroundf(st.min_size) : max;
    return min < max ? min : max;
}

int text_fit_group(text_t *t, const char *const *s, int n, text_style_t st, float box_w,
                   float box_h, float gap_lines) {
    uint64_t key = 7;
    for (int i = 0; i < n; i++) key = hash_style(s[i], st, box_w, box_h) ^ (key * 31);
    key = maths_hash(key, &gap_lines, sizeof gap_lines);
    for (int i = 0; i < TEXT_FIT_MEMO_MAX; i++) {
        if (t->memo[i].key == key) return t->memo[i].size;
    }
    wrapped_t *w = SDL_malloc(sizeof *w);
    if (!w) return (int)st.size;
    int min = smallest(st);
    int size = (int)lroundf(st.size);
    for (;;) {
        bool wide;
        float total = group_height(t, s, n, st.face, size, box_w, gap_lines, w, &wide);
        if ((total <= box_h && !wide) || size <= min) break;
        int step = size / 16 > 1 ? size / 16 : 1;
        size = size - step < min ? min : size - step;
    }
    SDL_free(w);
    t->memo[t->memo_next] = (text_fit_memo_t){key, size};
    t->memo_next = (t->memo_next + 1) % TEXT_FIT_MEMO_MAX;
    return size;
}

bool text_fits_group(text_t *t, const char *const *s, int n, text_style_t st, float box_w,
                     float box_h, float gap_lines) {
    wrapped_t *w = SDL_malloc(sizeof *w);
    if (!w) return false;
    bool wide;
    float total = group_height(t, s, n, st.face, smallest(st), box_w, gap_lines, w, &wide);
    SDL_free(w);
    return !wide && total <= box_h;
}

bool text_fits(text_t *t, const char *s, text_style_t st, float box_w, float box_h) {
    return text_fits_group(t, &s, 1, st, box_w, box_h, 0.0f);
}
