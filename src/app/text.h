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

typedef struct text_entry_t {
    uint64_t key;
    uint32_t last_used;
    text_block_t block;
    unsigned char *pending; /* coverage not yet made a texture (see defer_uploads) */
} text_entry_t;

typedef struct text_fit_memo_t {
    uint64_t key;
    int size;
} text_fit_memo_t;

typedef struct text_t {
    TTF_Font *fonts[TEXT_FACE_NUM];
    text_entry_t entries[TEXT_CACHE_MAX];
    int entry_count;
    text_fit_memo_t memo[TEXT_FIT_MEMO_MAX];
    int memo_next;
    uint32_t frame;
    int rasterised;     /* texts rasterised since init (cache misses), for tests and benchmarks */
    int allow_new;      /* how many more misses may be rasterised now; < 0 = no limit */
    int skipped;        /* misses left for later because allow_new ran out */
    bool defer_uploads; /* misses keep their coverage in memory, without GL (another thread) */
    bool measure_only;  /* misses are wrapped and fitted, not rasterised (render_audit) */
} text_t;

/* Opens both faces. On failure logs which font file and why, and returns false. */
bool text_init(text_t *text, const char *regular_path, const char *bold_path);
void text_shutdown(text_t *text);
void text_clear(text_t *text); /* drops every cached texture (on resize, content reload) */
void text_frame(text_t *text); /* marks a new frame for least-recently-used eviction */
/* Makes textures of the coverage kept while uploads were deferred (needs the GL context). */
void text_upload_pending(text_t *text);

/* The text set to fit a box of box_w x box_h (wrapping at box_w, shrinking toward
 * style.min_size if it is too tall). Cached: only the first call rasterises. */
const text_block_t *text_get(text_t *text, const char *s, text_style_t style, float box_w,
                             float box_h);

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
