/* layout: where every element of every scene goes, computed from the screen size alone, for
 * landscape and portrait, from tiny windows to 8K. Text sizes follow the screen, not pixels.
 * Pure: no SDL, no GL; the text module fits text into these boxes. */
#ifndef SK_LAYOUT_H
#define SK_LAYOUT_H

#include <stdbool.h>

#include "content.h"

typedef struct layout_box_t {
    float x, y, w, h; /* pixels, origin top-left, y down */
} layout_box_t;

typedef struct layout_fonts_t { /* largest text sizes, pixels; text may be fitted smaller */
    float title, heading, body, small, big, min;
} layout_fonts_t;

typedef struct layout_t {
    int width, height;
    bool portrait;
    float unit;   /* 1.0 on a 1920x1080 landscape or 1080x1920 portrait screen */
    float margin; /* pixels */
    float radius; /* corner radius of panels, pixels */
    layout_fonts_t font;
    layout_box_t footer;
    struct {
        layout_box_t mark, title, body, call, phone, address;
    } intro;
    struct {
        layout_box_t title, purpose, figure, panel, how_to, steps, progress;
        layout_box_t stage;   /* inside figure: where the figure itself goes (all of it) */
        layout_box_t counter; /* inside stage, top right: the countdown ring (square) */
        layout_box_t status;  /* inside stage, top left: side, hold and repetition lines */
    } exercise;
    struct {
        layout_box_t title, card, text, name, dots;
    } reviews;
    struct {
        layout_box_t title, body, severe, call, address, qr, qr_caption;
    } contact;
    struct {
        layout_box_t panel, title, list, hint;
    } help;
    layout_box_t help_hint; /* small "Press H for help" corner */
} layout_t;

void layout_compute(layout_t *out, int width, int height);

#define LAYOUT_MAX_NAMED 16

typedef struct layout_named_box_t {
    const char *name;
    layout_box_t box;
} layout_named_box_t;

/* The boxes a scene draws into, named, for drawing loops and tests; returns the count.
 * Boxes nested in another (text inside its card) are listed only when `nested` is true. */
int layout_scene_boxes(const layout_t *layout, scene_kind_t kind, bool nested,
                       layout_named_box_t out[LAYOUT_MAX_NAMED]);

bool layout_box_inside(layout_box_t inner, layout_box_t outer);
bool layout_box_overlap(layout_box_t a, layout_box_t b);

#endif
