/* layout: boxes for every scene element from the screen size (see layout.h).
 * Landscape puts the figure beside the steps; portrait stacks them. Pure: no SDL, no GL. */
#include "layout.h"

#include <math.h>
#include <string.h>

static layout_box_t box(float x, float y, float w, float h) { return (layout_box_t){x, y, w, h}; }

/* Shrinks a box by `pad` on every side. */
static layout_box_t inset(layout_box_t b, float pad) {
    return box(b.x + pad, b.y + pad, fmaxf(b.w - 2 * pad, 1), fmaxf(b.h - 2 * pad, 1));
}

/* A box of at most max_w, centred horizontally in b. */
static layout_box_t narrow(layout_box_t b, float max_w) {
    if (b.w <= max_w) return b;
    return box(b.x + (b.w - max_w) * 0.5f, b.y, max_w, b.h);
}

/* Splits `area` top to bottom into n boxes of relative heights `weights`, `gap` apart. */
static void stack(layout_box_t area, const float *weights, int n, float gap, layout_box_t **out) {
    float sum = 0;
    for (int i = 0; i < n; i++) sum += weights[i];
    float free_h = area.h - gap * (n - 1);
    float y = area.y;
    for (int i = 0; i < n; i++) {
        float h = free_h * weights[i] / sum;
        *out[i] = box(area.x, y, area.w, h);
        y += h + gap;
    }
}

/* A square of side at most `side`, centred in b. */
static layout_box_t square_in(layout_box_t b, float side) {
    side = fminf(side, fminf(b.w, b.h));
    return box(b.x + (b.w - side) * 0.5f, b.y + (b.h - side) * 0.5f, side, side);
}

/* Two QR codes with their captions in `area`: one above the other, or side by side, whichever
 * gives the larger squares (each at most `max_side`); `cap_h` is a caption's height, one line.
 * Side by side a caption has half the width, so it may take two lines (a translation's). */
static void two_codes(layout_box_t area, float cap_h, float gap, float max_side, layout_box_t *a,
                      layout_box_t *a_cap, layout_box_t *b, layout_box_t *b_cap) {
    float stacked = fminf(area.w, (area.h - gap) * 0.5f - cap_h - gap * 0.5f);
    float beside = fminf((area.w - gap) * 0.5f, area.h - 2.0f * cap_h - gap * 0.5f);
    bool side_by_side = beside > stacked;
    if (side_by_side) cap_h *= 2.0f;
    layout_box_t cell[2];
    if (!side_by_side) {
        float h = (area.h - gap) * 0.5f;
        cell[0] = box(area.x, area.y, area.w, h);
        cell[1] = box(area.x, area.y + h + gap, area.w, h);
    } else {
        float w = (area.w - gap) * 0.5f;
        cell[0] = box(area.x, area.y, w, area.h);
        cell[1] = box(area.x + w + gap, area.y, w, area.h);
    }
    layout_box_t *codes[2] = {a, b}, *caps[2] = {a_cap, b_cap};
    for (int i = 0; i < 2; i++) {
        layout_box_t c = cell[i];
        /* the code centred above its caption, the two together in the middle of the cell */
        float side = fminf(max_side, fminf(c.w, c.h - cap_h - gap * 0.5f));
        float top = c.y + (c.h - side - gap * 0.5f - cap_h) * 0.5f;
        *codes[i] = box(c.x + (c.w - side) * 0.5f, top, side, side);
        *caps[i] = box(c.x, top + side + gap * 0.5f, c.w, cap_h);
    }
}

/* Landscape exercise screens: the share of the content's height for title and purpose (one line
 * of title, two of purpose; one at 21:9), and of its width for the figure's panel beside the
 * steps (the steps keep their text size at every screen: see test_render). */
#define HEAD_SHARE 0.215f
#define HEAD_SHARE_WIDE 0.17f
#define FIGURE_SHARE 0.46f

void layout_compute(layout_t *L, int width, int height) {
    memset(L, 0, sizeof *L);
    float W = (float)(width > 1 ? width : 1), H = (float)(height > 1 ? height : 1);
    L->width = (int)W;
    L->height = (int)H;
    L->portrait = H > W;
    float u = L->portrait ? fminf(W / 1080.0f, H / 1920.0f) : fminf(W / 1920.0f, H / 1080.0f);
    L->unit = u;
    float m = 64.0f * u;
    L->margin = m;
    L->radius = 22.0f * u;
    float min_px = fmaxf(11.0f, 18.0f * u);
    L->font = (layout_fonts_t){.title = fmaxf(72.0f * u, min_px),
                               .heading = fmaxf(44.0f * u, min_px),
                               .body = fmaxf(36.0f * u, min_px),
                               .small = fmaxf(26.0f * u, min_px),
                               .big = fmaxf(104.0f * u, min_px),
                               .min = min_px};
    float gap = 24.0f * u;

    /* Footer row: clinic and phone on the left, the help hint on the right. Where the floor
     * of legible text holds the letters larger than the screen's scale (small windows), the
     * hint gets a larger share of the row: at the designed sizes it would not fit. */
    float fh = fmaxf(44.0f * u, 1.4f * min_px); /* one line of the smallest text */
    layout_box_t row;
    if (L->portrait) { /* narrow: the clinic's line across, the hint under it */
        row = box(m, H - m * 0.5f - 2 * fh, W - 2 * m, 2 * fh);
        L->footer = box(row.x, row.y, row.w, fh);
        L->help_hint = box(row.x, row.y + fh, row.w, fh); /* right-aligned, as wide as need be */
    } else {
        float hint_share = 18.0f * u < 11.0f ? 0.44f : 0.28f;
        row = box(m, H - m * 0.5f - fh, W - 2 * m, fh);
        L->footer = box(row.x, row.y, row.w * (0.96f - hint_share), fh);
        L->help_hint = box(row.x + row.w * (1.0f - hint_share), row.y, row.w * hint_share, fh);
    }
    layout_box_t ca = box(m, m, W - 2 * m, row.y - gap - m); /* content area */
    float read_w = 1560.0f * u; /* longest comfortable line for paragraphs */
    L->screen = box(0, 0, W, H);
    {
        float bw = fminf(W * 0.8f, 900.0f * u);
        L->banner = box((W - bw) * 0.5f, m * 0.25f, bw, L->font.body * 2.0f);
    }

    /* Intro */
    {
        layout_box_t *o[] = {&L->intro.mark, &L->intro.title, &L->intro.body,
                             &L->intro.call, &L->intro.phone, &L->intro.address};
        const float land[] = {0.22f, 0.15f, 0.25f, 0.08f, 0.14f, 0.07f};
        const float port[] = {0.20f, 0.15f, 0.28f, 0.07f, 0.10f, 0.07f};
        stack(narrow(ca, read_w), L->portrait ? port : land, 6, gap, o);
        L->intro.mark = square_in(L->intro.mark, L->intro.mark.h);
    }

    /* Exercise */
    if (!L->portrait) {
        /* title and purpose, then the figure's panel (with the playlist's progress under it)
         * and the steps' side by side, as tall as the screen allows */
        /* (21:9 sets the purpose on one line: its height goes to the figure) */
        float head_share = W > 2.2f * H ? HEAD_SHARE_WIDE : HEAD_SHARE;
        layout_box_t head = box(ca.x, ca.y, ca.w, ca.h * head_share);
        layout_box_t *o[] = {&L->exercise.title, &L->exercise.purpose};
        const float w[] = {0.48f, 0.52f}, wide[] = {0.6f, 0.4f}; /* a line of title, two of
                                                                      * purpose (one at 21:9) */
        stack(head, head_share == HEAD_SHARE ? w : wide, 2, gap * 0.25f, o);
        float top = head.y + head.h + gap;
        layout_box_t body = box(ca.x, top, ca.w, ca.y + ca.h - top);
        float fig_w = body.w * FIGURE_SHARE;
        float prog_h = 40.0f * u;
        L->exercise.figure = box(body.x, body.y, fig_w, body.h - prog_h - gap * 0.5f);
        L->exercise.progress = box(body.x, body.y + body.h - prog_h, fig_w, prog_h);
        if (head_share != HEAD_SHARE) { /* 21:9: beside the title, the figure has the height */
            layout_box_t *t = &L->exercise.title;
            float prog_w = ca.w * 0.36f;
            t->w -= prog_w + gap;
            L->exercise.progress =
                box(ca.x + ca.w - prog_w, t->y + t->h - prog_h * 1.5f, prog_w, prog_h);
            L->exercise.figure.h = body.h;
        }
        L->exercise.panel = box(body.x + fig_w + gap * 2, body.y, body.w - fig_w - gap * 2, body.h);
    } else {
        layout_box_t *o[] = {&L->exercise.title, &L->exercise.purpose, &L->exercise.figure,
                             &L->exercise.progress, &L->exercise.panel};
        const float w[] = {0.07f, 0.09f, 0.34f, 0.025f, 0.475f};
        stack(ca, w, 5, gap, o);
    }
    {
        /* the figure panel: the figure has all of it, the counter and its lines sit in its top
         * corners, and the figure is framed clear of them (figure_fit: it stands at the
         * bottom, and gives up height only when it would reach them) */
        layout_box_t f = inset(L->exercise.figure, 20.0f * u);
        /* landscape: a smaller ring, and two lines beside it each tall enough for heading-size
         * text (status_rows and status_size below); portrait's low, wide panel keeps the
         * larger ring with lines sized to it */
        float side =
            L->portrait ? fminf(f.h * 0.40f, f.w * 0.36f) : fminf(f.h * 0.34f, f.w * 0.30f);
        L->exercise.counter = box(f.x + f.w - side, f.y, side, side);
        float lines = L->portrait ? side * 0.62f : fminf(2.0f * L->font.heading / 0.62f, side);
        L->exercise.status = box(f.x, f.y, f.w - side - gap, lines);
        float column = fmaxf(side, 600.0f * u); /* lines under the ring: the status's width */
        if (f.w > 2.2f * f.h && f.h > 2 * side + gap) {
            /* a wide panel (21:9): ring and lines in a column on the right, leaving the
             * figure the panel's whole height beside them */
            L->exercise.status = box(f.x + f.w - column, f.y + side + gap, column, lines);
        }
        L->exercise.stage = f;
    }
    {
        layout_box_t in = inset(L->exercise.panel, 28.0f * u);
        float how_h = fminf(in.h * 0.16f, 1.6f * L->font.heading);
        L->exercise.how_to = box(in.x, in.y, in.w, how_h);
        L->exercise.steps = box(in.x, in.y + how_h + gap * 0.5f, in.w, in.h - how_h - gap * 0.5f);
    }

    /* Reviews */
    {
        layout_box_t *o[] = {&L->reviews.title, &L->reviews.card, &L->reviews.dots};
        const float w[] = {0.15f, 0.75f, 0.05f};
        stack(ca, w, 3, gap, o);
        L->reviews.card = narrow(L->reviews.card, 1640.0f * u);
        L->reviews.dots = narrow(L->reviews.dots, 400.0f * u);
        L->reviews.slide = 36.0f * u;
        layout_box_t in = inset(L->reviews.card, 48.0f * u);
        layout_box_t *c[] = {&L->reviews.text, &L->reviews.name};
        const float cw[] = {0.82f, 0.12f};
        stack(in, cw, 2, gap, c);
    }

    /* Contact */
    if (!L->portrait) {
        float col_w = ca.w * 0.64f;
        layout_box_t left = box(ca.x, ca.y, col_w, ca.h);
        layout_box_t *o[] = {&L->contact.title, &L->contact.body, &L->contact.severe,
                             &L->contact.call, &L->contact.address};
        const float w[] = {0.19f, 0.24f, 0.26f, 0.15f, 0.08f};
        stack(left, w, 5, gap, o);
        layout_box_t right = box(ca.x + col_w + gap * 2, ca.y, ca.w - col_w - gap * 2, ca.h);
        float cap_h = fmaxf(56.0f * u, 1.4f * min_px);
        layout_box_t qr_area = box(right.x, right.y, right.w, right.h - cap_h - gap);
        L->contact.qr = square_in(qr_area, 520.0f * u);
        L->contact.qr_caption =
            box(right.x, L->contact.qr.y + L->contact.qr.h + gap * 0.5f, right.w, cap_h);
        two_codes(right, cap_h, gap, 520.0f * u, &L->contact.paired_qr,
                  &L->contact.paired_qr_caption, &L->contact.handout_qr,
                  &L->contact.handout_caption);
    } else {
        layout_box_t *o[] = {&L->contact.title,     &L->contact.body,    &L->contact.severe,
                             &L->contact.call,      &L->contact.address, &L->contact.qr,
                             &L->contact.qr_caption};
        const float w[] = {0.11f, 0.16f, 0.19f, 0.07f, 0.05f, 0.26f, 0.03f};
        stack(ca, w, 7, gap, o);
        /* two codes: the rows of the one code and its caption, shared */
        layout_box_t rows = layout_box_union(L->contact.qr, L->contact.qr_caption);
        two_codes(rows, L->contact.qr_caption.h, gap, rows.h, &L->contact.paired_qr,
                  &L->contact.paired_qr_caption, &L->contact.handout_qr,
                  &L->contact.handout_caption);
        L->contact.qr = square_in(L->contact.qr, L->contact.qr.h);
    }

    /* The counter's parts and the two status lines beside it */
    {
        layout_box_t cb = L->exercise.counter;
        layout_ring_t *g = &L->exercise.ring;
        float thick = fmaxf(3.0f, cb.w * 0.07f);
        g->thickness = thick;
        g->cx = cb.x + cb.w * 0.5f;
        g->cy = cb.y + cb.h * 0.5f;
        g->pacer_max = cb.w * 0.5f - thick * 1.7f;
        g->tick_from = cb.w * 0.5f - thick - 3;
        g->tick_to = cb.w * 0.5f + 2;
        g->tick_radius = fmaxf(1.5f, thick * 0.22f);
        /* (the numeral and its words as large as they were in the larger ring of before) */
        float inner = cb.w - 2 * thick * 2.2f;
        g->numeral = box(cb.x + (cb.w - inner) * 0.5f, cb.y + cb.h * 0.16f, inner, cb.h * 0.48f);
        g->numeral_alone = g->numeral;
        g->numeral_alone.y += cb.h * 0.08f;
        g->words = box(g->numeral.x, g->numeral.y + g->numeral.h, g->numeral.w, cb.h * 0.16f);
        /* two lines of words: the numeral a little higher and smaller, the words' box as
         * wide, tall enough for two lines at their size, and still inside the ring's hole */
        g->numeral_two = box(g->numeral.x, cb.y + cb.h * 0.14f, inner, cb.h * 0.38f);
        g->words_two = box(g->numeral.x, g->numeral_two.y + g->numeral_two.h, inner, cb.h * 0.28f);
        g->numeral_size = cb.h * 0.46f;
        g->words_size = cb.h * 0.10f;
        layout_box_t st = L->exercise.status;
        float row_h = st.h / 2.0f;
        L->exercise.status_size = fminf(L->font.heading, row_h * 0.62f);
        for (int i = 0; i < 2; i++) {
            L->exercise.status_rows[i] = box(st.x, st.y + (float)i * row_h, st.w, row_h);
        }
    }

    /* Help overlay */
    {
        float pw = L->portrait ? W * 0.88f : W * 0.62f;
        float ph = L->portrait ? H * 0.62f : H * 0.80f;
        L->help.panel = box((W - pw) * 0.5f, (H - ph) * 0.5f, pw, ph);
        layout_box_t in = inset(L->help.panel, 40.0f * u);
        layout_box_t *o[] = {&L->help.title, &L->help.list, &L->help.hint};
        const float w[] = {0.12f, 0.80f, 0.06f};
        stack(in, w, 3, gap * 0.5f, o);
    }
}

int layout_scene_boxes(const layout_t *L, scene_kind_t kind, bool nested,
                       layout_named_box_t out[LAYOUT_MAX_NAMED]) {
    int n = 0;
#define ADD(field) out[n++] = (layout_named_box_t){#field, L->field}
    ADD(footer);
    ADD(help_hint);
    switch (kind) {
    case SCENE_INTRO:
        ADD(intro.mark);
        ADD(intro.title);
        ADD(intro.body);
        ADD(intro.call);
        ADD(intro.phone);
        ADD(intro.address);
        break;
    case SCENE_EXERCISE:
        ADD(exercise.title);
        ADD(exercise.purpose);
        ADD(exercise.figure);
        ADD(exercise.progress);
        ADD(exercise.panel);
        if (nested) {
            ADD(exercise.how_to);
            ADD(exercise.steps);
            ADD(exercise.stage);
            ADD(exercise.counter);
            ADD(exercise.status);
        }
        break;
    case SCENE_REVIEWS:
    case SCENE_REVIEW:
        ADD(reviews.title);
        ADD(reviews.card);
        ADD(reviews.dots);
        if (nested) {
            ADD(reviews.text);
            ADD(reviews.name);
        }
        break;
    case SCENE_CONTACT:
        ADD(contact.title);
        ADD(contact.body);
        ADD(contact.severe);
        ADD(contact.call);
        ADD(contact.address);
        ADD(contact.qr);
        ADD(contact.qr_caption);
        break;
    default: break;
    }
#undef ADD
    return n;
}

layout_box_t layout_box_grow(layout_box_t b, float d) {
    return box(b.x - d, b.y - d, b.w + 2 * d, b.h + 2 * d);
}

layout_box_t layout_box_union(layout_box_t a, layout_box_t b) {
    if (a.w <= 0 || a.h <= 0) return b;
    if (b.w <= 0 || b.h <= 0) return a;
    float x0 = fminf(a.x, b.x), y0 = fminf(a.y, b.y);
    float x1 = fmaxf(a.x + a.w, b.x + b.w), y1 = fmaxf(a.y + a.h, b.y + b.h);
    return box(x0, y0, x1 - x0, y1 - y0);
}

layout_box_t layout_box_clip(layout_box_t b, layout_box_t to) {
    float x0 = fmaxf(b.x, to.x), y0 = fmaxf(b.y, to.y);
    float x1 = fminf(b.x + b.w, to.x + to.w), y1 = fminf(b.y + b.h, to.y + to.h);
    return x1 > x0 && y1 > y0 ? box(x0, y0, x1 - x0, y1 - y0) : box(0, 0, 0, 0);
}

bool layout_box_inside(layout_box_t in, layout_box_t out) {
    const float e = 0.01f;
    return in.x >= out.x - e && in.y >= out.y - e && in.x + in.w <= out.x + out.w + e &&
           in.y + in.h <= out.y + out.h + e;
}

bool layout_box_overlap(layout_box_t a, layout_box_t b) {
    const float e = 0.01f;
    return a.x + e < b.x + b.w && b.x + e < a.x + a.w && a.y + e < b.y + b.h && b.y + e < a.y + a.h;
}

/* ---- Boxes that depend on what is drawn in them ------------------------------------------- */

/* Rounds a position to a whole pixel when the rounded span still lies inside [lo, lo+len]. */
static float snap(float pos, float lo, float len, float span) {
    float r = floorf(pos + 0.5f);
    float min = ceilf(lo), max = floorf(lo + len - span);
    if (min > max) return pos;
    return r < min ? min : r > max ? max : r;
}

layout_box_t layout_place(layout_box_t b, float w, float h, layout_align_t xa, layout_align_t ya,
                          float *scale_out) {
    float scale = fminf(1.0f, fminf(b.w / w, b.h / h));
    if (scale < 1.0f) {
        w *= scale;
        h *= scale;
    }
    float x = b.x;
    if (xa == LAYOUT_CENTER) x = b.x + (b.w - w) * 0.5f;
    if (xa == LAYOUT_END) x = b.x + b.w - w;
    float y = b.y;
    if (ya == LAYOUT_CENTER) y = b.y + (b.h - h) * 0.5f;
    if (ya == LAYOUT_END) y = b.y + b.h - h;
    if (scale_out) *scale_out = scale;
    /* whole pixels keep glyphs sharp, but never at the cost of leaving the box */
    return box(snap(x, b.x, b.w, w), snap(y, b.y, b.h, h), w, h);
}

layout_box_t layout_pill_room(layout_box_t row, float size) {
    float pad = size * 0.55f;
    return box(row.x + pad, row.y, row.w - 2 * pad, row.h);
}

layout_box_t layout_pill(layout_box_t row, float size, float text_w, float text_h,
                         layout_box_t *text) {
    float pad = size * 0.55f;
    layout_box_t in = layout_pill_room(row, size);
    float w = fminf(text_w, in.w) + 2 * pad, h = fminf(text_h, in.h) * 1.25f;
    *text = box(row.x + pad, row.y, w - 2 * pad, row.h);
    return box(row.x, row.y + (row.h - h) * 0.5f, w, h);
}

/* The progress dots' size and the width of their row. */
static float progress_dot(const layout_t *L) {
    return fminf(L->exercise.progress.h * 0.36f, 14.0f * L->unit + 2.0f);
}

static float progress_dots_w(const layout_t *L, int n, float d) {
    float pitch = d * 2.2f;
    return fminf(pitch * (float)n, L->exercise.progress.w * 0.45f);
}

layout_box_t layout_progress_dot(const layout_t *L, int n, int i, bool current) {
    layout_box_t b = L->exercise.progress;
    float d = progress_dot(L);
    float pitch = progress_dots_w(L, n, d) / (float)n;
    layout_box_t dot =
        box(b.x + pitch * (float)i + (pitch - d) * 0.5f, b.y + (b.h - d) * 0.5f, d, d);
    if (current) {
        dot.x -= d * 0.5f;
        dot.w += d;
    }
    return dot;
}

layout_box_t layout_progress_label(const layout_t *L, int n) {
    layout_box_t b = L->exercise.progress;
    float d = progress_dot(L), dots_w = progress_dots_w(L, n, d);
    return box(b.x + dots_w + d * 2, b.y, b.w - dots_w - d * 2, b.h);
}

layout_box_t layout_progress_title(const layout_t *L, layout_box_t label, layout_box_t word) {
    float gap = L->font.small * 0.35f;
    float x = word.x + word.w + gap;
    return box(x, label.y, label.x + label.w - x, label.h);
}

layout_box_t layout_review_dot(const layout_t *L, int n, int i) {
    layout_box_t b = L->reviews.dots;
    float d = fminf(b.h * 0.5f, 16.0f * L->unit + 2.0f);
    float pitch = d * 2.4f;
    float x0 = b.x + (b.w - pitch * (float)n) * 0.5f;
    return box(x0 + pitch * (float)i + (pitch - d) * 0.5f, b.y + (b.h - d) * 0.5f, d, d);
}

/* The steps' number discs: their largest size and the column they take. */
static float step_bubble(const layout_t *L) { return L->font.body * 1.35f; }
static float step_indent(const layout_t *L) { return step_bubble(L) + L->font.body * 0.6f; }

layout_box_t layout_steps_words(const layout_t *L) {
    layout_box_t b = L->exercise.steps;
    float indent = step_indent(L);
    return box(b.x + indent, b.y, b.w - indent, b.h);
}

float layout_steps(const layout_t *L, const float *heights, int n, float line, layout_step_t *out) {
    layout_box_t b = L->exercise.steps;
    float indent = step_indent(L);
    float total = 0;
    for (int i = 0; i < n; i++) total += heights[i] + (i ? LAYOUT_STEP_GAP_LINES * line : 0);
    /* on a screen too small for the smallest size the whole list is scaled down together */
    float k = total > b.h ? b.h / total : 1.0f;
    float bubble = fminf(step_bubble(L), line * 1.25f);
    float y = b.y;
    for (int i = 0; i < n; i++) {
        float h = heights[i] * k;
        float pad = line * 0.3f;
        out[i].words = box(b.x + indent, y, b.w - indent, k < 1.0f ? h : 1e6f);
        out[i].highlight = box(b.x - pad, y - pad, b.w + 2 * pad, h + 2 * pad);
        out[i].bubble = box(b.x, y + (line - bubble) * 0.5f, bubble, bubble);
        y += h + LAYOUT_STEP_GAP_LINES * line;
    }
    return k;
}

layout_box_t layout_qr_code(const layout_t *L, int modules, float *module_out) {
    return layout_qr_code_in(L->contact.qr, modules, module_out);
}

layout_box_t layout_qr_code_in(layout_box_t q, int modules, float *module_out) {
    float module = floorf(q.w / (float)modules);
    if (module < 1.0f) module = 1.0f;
    float side = module * (float)modules;
    *module_out = module;
    return box(floorf(q.x + (q.w - side) * 0.5f), floorf(q.y + (q.h - side) * 0.5f), side, side);
}

bool layout_help_roomy(const layout_t *L, int n) {
    return n > 0 && L->help.list.h / (float)n * 0.62f >= L->font.body * 0.75f;
}

float layout_help_text_size(const layout_t *L, int n) {
    float row_h = L->help.list.h / (float)n;
    return fminf(L->font.body, row_h * 0.62f);
}

void layout_help_row(const layout_t *L, int n, int i, int k, bool cells, layout_box_t *keys,
                     layout_box_t *action) {
    layout_box_t list = L->help.list;
    float row_h = list.h / (float)n;
    float keys_w = list.w * 0.42f;
    float size = layout_help_text_size(L, n);
    float y = list.y + row_h * (float)i;
    /* the keys, then the action: a row's own columns, or a number key's cell */
    float x0 = k ? list.x + keys_w : list.x;
    float x1 = k || !cells ? list.x + list.w : list.x + keys_w - L->font.body;
    float kw = cells ? size * 1.4f : keys_w - L->font.body;
    float ax = cells ? x0 + kw : list.x + keys_w;
    *keys = box(x0, y, kw, row_h);
    *action = box(ax, y, x1 - ax, row_h);
}

layout_box_t layout_banner_pill(const layout_t *L, float text_w) {
    float pad = L->font.body * 0.6f;
    return box(((float)L->width - text_w) * 0.5f - pad, L->banner.y, text_w + 2 * pad, L->banner.h);
}

layout_box_t layout_notice(const layout_t *L, bool under_banner, bool staff) {
    float W = (float)L->width;
    float w = staff ? fminf(W * 0.9f, 1200.0f * L->unit) : fminf(W * 0.6f, 600.0f * L->unit);
    float h = L->font.body * (staff ? 4.8f : 2.0f); /* staff: up to three lines (portrait) */
    float y = L->margin * 0.25f + (under_banner ? L->font.body * 2.5f : 0.0f);
    return box((W - w) * 0.5f, y, w, h);
}

layout_box_t layout_notice_room(const layout_t *L, layout_box_t row, bool staff) {
    float pad = L->font.body * 0.6f;
    return staff ? box(row.x + pad, row.y + pad * 0.5f, row.w - 2 * pad, row.h - pad) : row;
}

layout_box_t layout_notice_pill(const layout_t *L, layout_box_t row, bool staff, float text_w,
                                float text_h, layout_box_t *text) {
    float pad = L->font.body * 0.6f;
    float w = fminf(text_w + 2 * pad, row.w);
    float h = staff ? fminf(fmaxf(text_h + pad, L->font.body * 2.0f), row.h) : row.h;
    layout_box_t room = layout_notice_room(L, row, staff);
    *text = staff ? box(room.x, row.y, room.w, h) : row;
    return box(((float)L->width - w) * 0.5f, row.y, w, h);
}
