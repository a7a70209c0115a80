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

/* The countdown ring's parts, inside exercise.counter. */
typedef struct layout_ring_t {
    float cx, cy;         /* its centre */
    float thickness;      /* the ring's stroke */
    float pacer_max;      /* the breath pacer's largest radius (it breathes from half of it) */
    float tick_from;      /* the tick at a hold's minimum: from this radius ... */
    float tick_to;        /* ... to this one ... */
    float tick_radius;    /* ... this thick (half-width) */
    layout_box_t numeral; /* the big number when words go under it, */
    layout_box_t numeral_alone; /* lower when none do, */
    layout_box_t words;         /* and the words; */
    layout_box_t numeral_two;   /* words too long for one line at their size (a translation's) */
    layout_box_t words_two;     /* take two, under the numeral set higher and smaller */
    float numeral_size, words_size;
} layout_ring_t;

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
        layout_box_t stage;          /* inside figure: where the figure itself goes (all of it) */
        layout_box_t counter;        /* inside stage, top right: the countdown ring (square) */
        layout_box_t status;         /* inside stage, top left: side, hold and repetition lines */
        layout_box_t status_rows[2]; /* status's two lines, top to bottom */
        float status_size;           /* their text size */
        layout_ring_t ring;          /* the parts of the counter */
    } exercise;
    struct {
        layout_box_t title, card, text, name, dots;
        float slide; /* how far a card's words slide in and out, pixels */
    } reviews;
    struct {
        layout_box_t title, body, severe, call, address, qr, qr_caption;
        /* With a handout link (clinic.handout_url) two codes share the room of qr and
         * qr_caption: the phone's (paired_qr, paired_qr_caption) and the handout's
         * (handout_qr, handout_caption), one above the other or side by side, whichever
         * gives them the larger squares. Without one they are not drawn, and qr and
         * qr_caption are where they have always been. */
        layout_box_t paired_qr, paired_qr_caption, handout_qr, handout_caption;
    } contact;
    struct {
        layout_box_t panel, title, list, hint;
    } help;
    layout_box_t help_hint; /* small "Press H for help" corner */
    layout_box_t screen;    /* all of it (the help's dimming) */
    layout_box_t banner;    /* top centre: the paused banner's row */
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

/* ---- Boxes that depend on what is drawn in them (measured text, counts) ------------------ */

/* How text of measured size w x h sits in a box (edges or centre on each axis). */
typedef enum layout_align_t { LAYOUT_START = 0, LAYOUT_CENTER, LAYOUT_END } layout_align_t;

/* The rectangle of a w x h block aligned in box, on whole pixels where that keeps it inside
 * the box; a block larger than the box is first scaled down into it (*scale < 1). */
layout_box_t layout_place(layout_box_t box, float w, float h, layout_align_t x_align,
                          layout_align_t y_align, float *scale);

/* A pill behind one line of text of size `size` set in `row` (a status line): the room for
 * the text inside it, and the pill around the text as measured (text_w x text_h in that room),
 * with where the text goes. */
layout_box_t layout_pill_room(layout_box_t row, float size);
layout_box_t layout_pill(layout_box_t row, float size, float text_w, float text_h,
                         layout_box_t *text);

/* The playlist's progress: dot i of n (the current one a longer pill); the room after the
 * dots for "Next:"; and after that word (as drawn), the room for the next scene's title. */
layout_box_t layout_progress_dot(const layout_t *L, int n, int i, bool current);
layout_box_t layout_progress_label(const layout_t *L, int n);
layout_box_t layout_progress_title(const layout_t *L, layout_box_t label, layout_box_t next_word);

/* The reviews' dots: dot i of n, centred under the card. */
layout_box_t layout_review_dot(const layout_t *L, int n, int i);

/* The steps of an exercise, numbered down its panel. */
#define LAYOUT_STEP_GAP_LINES 0.75f /* between steps, in lines */
typedef struct layout_step_t {
    layout_box_t words;     /* where its words are set */
    layout_box_t highlight; /* behind it when it is the current step */
    layout_box_t bubble;    /* its number's disc */
} layout_step_t;
/* Where the steps' words are set: the panel's steps box less the numbers' column. */
layout_box_t layout_steps_words(const layout_t *L);
/* The steps placed from their measured heights (at the fitted size, a line `line` high), top
 * to bottom; returns the scale they were shrunk by together to fit the panel (1: they fit). */
float layout_steps(const layout_t *L, const float *heights, int n, float line, layout_step_t *out);

/* The QR code's square on whole pixels per module (a phone's camera wants them sharp), and that
 * module's size: in contact.qr, or in another box (layout_qr_code_in: contact.paired_qr,
 * contact.handout_qr). */
layout_box_t layout_qr_code(const layout_t *L, int modules, float *module);
layout_box_t layout_qr_code_in(layout_box_t q, int modules, float *module);

/* The help's key list in n rows: whether they leave the text room enough, its size, and the
 * keys' and action's boxes of row i — of its k-th number key's cell (k 0 or 1) when `cells`. */
bool layout_help_roomy(const layout_t *L, int n);
float layout_help_text_size(const layout_t *L, int n);
void layout_help_row(const layout_t *L, int n, int i, int k, bool cells, layout_box_t *keys,
                     layout_box_t *action);

/* The paused banner's pill around its text (text_w wide), in the banner's row. */
layout_box_t layout_banner_pill(const layout_t *L, float text_w);

/* A notice's row at the top (under the paused banner while it shows); a staff notice's is
 * wider and up to three lines tall. */
layout_box_t layout_notice(const layout_t *L, bool under_banner, bool staff);
/* The room for its words; and its pill around the measured text, with where the text goes. */
layout_box_t layout_notice_room(const layout_t *L, layout_box_t row, bool staff);
layout_box_t layout_notice_pill(const layout_t *L, layout_box_t row, bool staff, float text_w,
                                float text_h, layout_box_t *text);

/* Box arithmetic: grown by d on every side; the smallest box holding both (an empty box, of no
 * width or height, adds nothing); the part of b inside `to` (empty: all zero). */
layout_box_t layout_box_grow(layout_box_t b, float d);
layout_box_t layout_box_union(layout_box_t a, layout_box_t b);
layout_box_t layout_box_clip(layout_box_t b, layout_box_t to);

bool layout_box_inside(layout_box_t inner, layout_box_t outer);
bool layout_box_overlap(layout_box_t a, layout_box_t b);

#endif
