/* text: UTF-8 text set with SDL2_ttf (HarfBuzz shaping), word-wrapped and fitted into layout
 * boxes, rasterised once into GL textures and cached. Drawing a cached text allocates nothing.
 * Depends on SDL2_ttf and gfx; knows nothing of scenes. */
#ifndef SK_TEXT_H
#define SK_TEXT_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>

#include "gfx.h"

#define TEXT_CACHE_MAX 384
#define TEXT_FIT_MEMO_MAX 64
#define TEXT_MAX_LINES 64
#define TEXT_PAGES_MAX 16 /* pages of texts drawn (text_page_t): a screen uses a few */
#define TEXT_SHELVES_MAX 48
/* The blank texels kept round each text, packed and in a page: the quad drawn covers one of them
 * (as far as a pixel the text's edge reaches), and a pixel on the quad's very edge may round
 * into the next, so a neighbour, or what the page held before, never shows (gfx_coverage). */
#define TEXT_BORDER 2

typedef enum text_face_t { TEXT_REGULAR = 0, TEXT_BOLD, TEXT_FACE_NUM } text_face_t;
typedef enum text_align_t { TEXT_LEFT = 0, TEXT_CENTER, TEXT_RIGHT } text_align_t;

/* How to set one text: the largest size, the smallest it may shrink to, where lines align. */
typedef struct text_style_t {
    text_face_t face;
    float size;     /* pixels */
    float min_size; /* pixels; 0 = no shrinking */
    text_align_t align;
} text_style_t;

/* A rasterised text: a texture of exactly w x h pixels. */
typedef struct text_block_t {
    gfx_texture_t texture;
    int w, h;
    int size; /* pixel size it was set at */
    int lines;
    bool overflow; /* did not fit the box even at min_size */
} text_block_t;

/* A text set once: its coverage, with a blank border, kept LZ4-packed (a seventh to a tenth of
 * its size), and put into a page only while it is drawn. */
typedef struct text_entry_t {
    uint64_t key;
    uint32_t last_used;
    text_block_t block;    /* its texture: where it is in its page (while page_round holds) */
    unsigned char *packed; /* NULL: not rasterised (measure_only, or out of memory) */
    int packed_size;
    gfx_texture_t own;   /* a texture of its own, made when it is first drawn scaled */
    int page;            /* the page it was put in, -1 none ... */
    uint32_t page_round; /* ... and that page's round then: it is there while they match */
} text_entry_t;

/* A page of texts: one single-channel texture the size of TEXT_PAGE_* of the screen, filled
 * shelf by shelf (rows of texts alike in height); when none has room, the one drawn from
 * longest ago is emptied (its round moves on) and filled again. A page costs its whole size (the
 * driver clears it when it is made), about what a screen shows at once, not every text of the
 * show (as one texture each they took 5.5 MiB at 1080p and 21.7 at 4K). */
typedef struct text_page_t {
    gfx_texture_t texture;
    int shelf_y[TEXT_SHELVES_MAX], shelf_h[TEXT_SHELVES_MAX], shelf_x[TEXT_SHELVES_MAX];
    int shelves;
    int top;  /* the rows below the last shelf are free */
    int used; /* the most rows ever filled (the bench reports how full it gets) */
    uint32_t last_used, round;
} text_page_t;

typedef struct text_fit_memo_t {
    uint64_t key;
    int size;
} text_fit_memo_t;

typedef struct text_t {
    TTF_Font *fonts[TEXT_FACE_NUM];
    text_entry_t entries[TEXT_CACHE_MAX];
    int entry_count;
    text_page_t pages[TEXT_PAGES_MAX];
    int page_count;
    int page_w, page_h;     /* a page's size for this screen (text_resize) */
    unsigned char *scratch; /* a band of a text's coverage unpacked to be put in a page */
    size_t scratch_size;    /* grown only when a new text is set, never when one is drawn */
    int pages_made;         /* pages made since init, for the bench (none in steady state) */
    int puts;               /* texts put into pages since init, for tests */
    text_fit_memo_t memo[TEXT_FIT_MEMO_MAX];
    int memo_next;
    uint32_t frame;
    int rasterised;    /* texts rasterised since init (cache misses), for tests and benchmarks */
    int allow_new;     /* how many more misses may be rasterised now; < 0 = no limit */
    int skipped;       /* misses left for later because allow_new ran out */
    bool no_gl;        /* no GL call: texts are set and packed, no texture made (another thread) */
    bool no_pages;     /* none put in a page (a walk that draws nothing) */
    bool measure_only; /* misses are wrapped and fitted, not rasterised (render_audit) */
} text_t;

/* Opens both faces. On failure logs which font file and why, and returns false. */
bool text_init(text_t *text, const char *regular_path, const char *bold_path);
void text_shutdown(text_t *text);
void text_clear(text_t *text); /* drops every text set (another language) */
/* Drops every text and page: the screen is now w x h (texts and pages follow its size). */
void text_resize(text_t *text, int w, int h);
void text_frame(text_t *text); /* marks a new frame for least-recently-used eviction */

/* The text set to fit a box of box_w x box_h (wrapping at box_w, shrinking toward
 * style.min_size if it is too tall). Cached: only the first call rasterises. */
const text_block_t *text_get(text_t *text, const char *s, text_style_t style, float box_w,
                             float box_h);

/* The texture to draw a text from (text_get's block): put into a page if it is not in one,
 * ready until the next call; NULL when it cannot be. Only for a text about to be drawn: the
 * pages hold what is drawn. A page is drawn from texel for pixel; a text drawn `scaled` (it
 * does not fit its box, in a tiny window) is filtered, from a texture of its own, kept. */
const gfx_texture_t *text_texture(text_t *text, const text_block_t *block, bool scaled);

/* Puts every text set so far into the pages, before a frame draws with them (an upload into a
 * page that draws already queued sample makes the driver finish those draws first). */
void text_pages_fill(text_t *text);

/* Empties every page (the texts stay packed): a new scene fills them from the start, so each
 * time round the show its texts go where they went before and no page is made again. */
void text_pages_empty(text_t *text);

/* One size that fits all `n` texts stacked in a box of box_w x box_h, each wrapped at
 * box_w - indent, with `gap_lines` of a line's height between them. Memoised. */
int text_fit_group(text_t *text, const char *const *s, int n, text_style_t style, float box_w,
                   float box_h, float gap_lines);

/* Whether s wraps into box_w x box_h at the style's smallest size (measured, not cached). */
bool text_fits(text_t *text, const char *s, text_style_t style, float box_w, float box_h);

/* Whether the `n` texts fit stacked as text_fit_group stacks them, at the smallest size. */
bool text_fits_group(text_t *text, const char *const *s, int n, text_style_t style, float box_w,
                     float box_h, float gap_lines);

/* Line height in pixels of a face at a size. */
int text_line_height(text_t *text, text_face_t face, int size);

#endif
