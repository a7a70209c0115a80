/* test_layout: every scene's boxes on screens from 320x240 to 8K, landscape and portrait —
 * on screen, non-empty, not overlapping, nested ones inside their parent; fonts that scale.
 * Depends on layout.c and cmocka only. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define EPSILON 1e-4f

static const struct {
    int w, h;
    bool portrait;
    float unit; /* 1 on 1920x1080 and 1080x1920 */
} k_sizes[] = {
    {320, 240, false, 1.0f / 6.0f}, {640, 360, false, 1.0f / 3.0f}, {1280, 720, false, 2.0f / 3.0f},
    {1920, 1080, false, 1.0f},      {2560, 1080, false, 1.0f}, /* 21:9 */
    {1440, 1080, false, 0.75f},                                /* 4:3 */
    {3840, 2160, false, 2.0f},      {7680, 4320, false, 4.0f},      {1080, 1920, true, 1.0f},
    {720, 1280, true, 2.0f / 3.0f}, {2160, 3840, true, 2.0f},
};

static const scene_kind_t k_kinds[] = {SCENE_INTRO, SCENE_EXERCISE, SCENE_REVIEWS, SCENE_CONTACT};

/* Boxes listed only with nested=true, and the box each lies in. */
static const struct {
    scene_kind_t kind;
    const char *child, *parent;
} k_nested[] = {
    {SCENE_EXERCISE, "exercise.how_to", "exercise.panel"},
    {SCENE_EXERCISE, "exercise.steps", "exercise.panel"},
    {SCENE_EXERCISE, "exercise.stage", "exercise.figure"},
    /* the figure has its whole panel: counter and lines sit in the stage's corners, and the
     * figure is framed clear of them (test_figure) */
    {SCENE_EXERCISE, "exercise.counter", "exercise.stage"},
    {SCENE_EXERCISE, "exercise.status", "exercise.stage"},
    {SCENE_REVIEWS, "reviews.text", "reviews.card"},
    {SCENE_REVIEWS, "reviews.name", "reviews.card"},
};

static const char *kind_name(scene_kind_t kind) {
    switch (kind) {
    case SCENE_INTRO: return "intro";
    case SCENE_EXERCISE: return "exercise";
    case SCENE_REVIEWS: return "reviews";
    case SCENE_CONTACT: return "contact";
    default: return "?";
    }
}

static layout_box_t screen_of(const layout_t *L) {
    return (layout_box_t){0.0f, 0.0f, (float)L->width, (float)L->height};
}

static bool box_finite(layout_box_t b) {
    return isfinite(b.x) && isfinite(b.y) && isfinite(b.w) && isfinite(b.h);
}

static int find_named(const layout_named_box_t *boxes, int n, const char *name) {
    for (int i = 0; i < n; i++) {
        if (strcmp(boxes[i].name, name) == 0) return i;
    }
    return -1;
}

/* Whether `child` is listed as nested in `parent` (directly). */
static bool nested_in(scene_kind_t kind, const char *child, const char *parent) {
    for (int i = 0; i < COUNT_OF(k_nested); i++) {
        if (k_nested[i].kind == kind && !strcmp(k_nested[i].child, child) &&
            !strcmp(k_nested[i].parent, parent)) {
            return true;
        }
    }
    return false;
}

static bool is_nested_name(scene_kind_t kind, const char *name) {
    for (int i = 0; i < COUNT_OF(k_nested); i++) {
        if (k_nested[i].kind == kind && strcmp(k_nested[i].child, name) == 0) return true;
    }
    return false;
}

static void fail_box(const char *what, int w, int h, scene_kind_t kind, layout_named_box_t a) {
    fail_msg("%dx%d %s: %s %s (%.2f, %.2f, %.2f x %.2f)", w, h, kind_name(kind), a.name, what,
             (double)a.box.x, (double)a.box.y, (double)a.box.w, (double)a.box.h);
}

/* ---- Boxes ------------------------------------------------------------------------- */

static void test_top_level_boxes(void **state) {
    (void)state;
    for (int s = 0; s < COUNT_OF(k_sizes); s++) {
        layout_t L;
        layout_compute(&L, k_sizes[s].w, k_sizes[s].h);
        layout_box_t screen = screen_of(&L);
        for (int k = 0; k < COUNT_OF(k_kinds); k++) {
            layout_named_box_t b[LAYOUT_MAX_NAMED];
            int n = layout_scene_boxes(&L, k_kinds[k], false, b);
            assert_true(n >= 4 && n <= LAYOUT_MAX_NAMED); /* footer, hint and the scene's own */
            assert_true(find_named(b, n, "footer") >= 0);
            assert_true(find_named(b, n, "help_hint") >= 0);
            for (int i = 0; i < n; i++) {
                assert_non_null(b[i].name);
                if (is_nested_name(k_kinds[k], b[i].name)) {
                    fail_box("is nested but listed without nested", L.width, L.height, k_kinds[k],
                             b[i]);
                }
                if (!box_finite(b[i].box))
                    fail_box("is not finite", L.width, L.height, k_kinds[k], b[i]);
                if (!(b[i].box.w > 0.0f && b[i].box.h > 0.0f)) {
                    fail_box("is empty", L.width, L.height, k_kinds[k], b[i]);
                }
                if (!layout_box_inside(b[i].box, screen)) {
                    fail_box("is off screen", L.width, L.height, k_kinds[k], b[i]);
                }
                for (int j = i + 1; j < n; j++) {
                    if (layout_box_overlap(b[i].box, b[j].box)) {
                        fail_msg("%dx%d %s: %s overlaps %s", L.width, L.height,
                                 kind_name(k_kinds[k]), b[i].name, b[j].name);
                    }
                }
            }
        }
        /* A QR code only scans when drawn square. */
        assert_float_equal(L.contact.qr.w, L.contact.qr.h, 0.01f);
    }
}

static void test_nested_boxes(void **state) {
    (void)state;
    for (int s = 0; s < COUNT_OF(k_sizes); s++) {
        layout_t L;
        layout_compute(&L, k_sizes[s].w, k_sizes[s].h);
        layout_box_t screen = screen_of(&L);
        for (int k = 0; k < COUNT_OF(k_kinds); k++) {
            scene_kind_t kind = k_kinds[k];
            layout_named_box_t flat[LAYOUT_MAX_NAMED], all[LAYOUT_MAX_NAMED];
            int nf = layout_scene_boxes(&L, kind, false, flat);
            int na = layout_scene_boxes(&L, kind, true, all);
            int expected_nested = 0;
            for (int i = 0; i < COUNT_OF(k_nested); i++)
                expected_nested += k_nested[i].kind == kind;
            assert_int_equal(na, nf + expected_nested);
            /* nested=true lists the same top-level boxes, plus the nested ones. */
            for (int i = 0; i < nf; i++) {
                int j = find_named(all, na, flat[i].name);
                assert_true(j >= 0);
                assert_memory_equal(&all[j].box, &flat[i].box, sizeof flat[i].box);
            }
            for (int i = 0; i < COUNT_OF(k_nested); i++) {
                if (k_nested[i].kind != kind) continue;
                int c = find_named(all, na, k_nested[i].child);
                int p = find_named(all, na, k_nested[i].parent);
                assert_true(c >= 0 && p >= 0);
                if (!(all[c].box.w > 0.0f && all[c].box.h > 0.0f)) {
                    fail_box("is empty", L.width, L.height, kind, all[c]);
                }
                if (!layout_box_inside(all[c].box, all[p].box)) {
                    fail_box("is outside its parent", L.width, L.height, kind, all[c]);
                }
                assert_true(layout_box_inside(all[c].box, screen));
                /* Not over any other top-level box, nor over its sibling (but for what is
                 * nested in it). */
                for (int j = 0; j < na; j++) {
                    if (j == c || j == p) continue;
                    if (nested_in(kind, all[j].name, all[c].name)) continue;
                    if (nested_in(kind, all[c].name, all[j].name)) continue;
                    if (nested_in(kind, all[p].name, all[j].name)) continue; /* grandparent */
                    if (layout_box_overlap(all[c].box, all[j].box)) {
                        fail_msg("%dx%d %s: %s overlaps %s", L.width, L.height, kind_name(kind),
                                 all[c].name, all[j].name);
                    }
                }
            }
        }
    }
}

static void test_help_overlay(void **state) {
    (void)state;
    for (int s = 0; s < COUNT_OF(k_sizes); s++) {
        layout_t L;
        layout_compute(&L, k_sizes[s].w, k_sizes[s].h);
        layout_box_t screen = screen_of(&L);
        assert_true(L.help.panel.w > 0.0f && L.help.panel.h > 0.0f);
        assert_true(layout_box_inside(L.help.panel, screen));
        /* The overlay is a centred panel that leaves part of the scene visible. */
        assert_true(L.help.panel.w < screen.w && L.help.panel.h < screen.h);
        assert_float_equal(L.help.panel.x * 2 + L.help.panel.w, screen.w, 0.01f);
        assert_float_equal(L.help.panel.y * 2 + L.help.panel.h, screen.h, 0.01f);
        const layout_box_t parts[] = {L.help.title, L.help.list, L.help.hint};
        for (int i = 0; i < COUNT_OF(parts); i++) {
            assert_true(parts[i].w > 0.0f && parts[i].h > 0.0f);
            assert_true(layout_box_inside(parts[i], L.help.panel));
            for (int j = i + 1; j < COUNT_OF(parts); j++) {
                assert_false(layout_box_overlap(parts[i], parts[j]));
            }
        }
        /* The list of keys gets most of the panel. */
        assert_true(L.help.list.h > L.help.title.h && L.help.list.h > L.help.hint.h);
    }
}

/* One-line text boxes must hold one line of the smallest text the layout allows. */
/* With a handout link the contact scene shows two QR codes (clinic.handout_url): at every
 * supported size, landscape and portrait, each square and on screen, each caption under its
 * code, and none of the four over another or over the scene's texts, footer or hint; each
 * code still coarse enough to scan (an address of up to 62 bytes is 41 modules with its quiet
 * zone: at least 2 px a module). */
static void test_two_qr_codes(void **state) {
    (void)state;
    static const int sizes[][2] = {{640, 360},   {960, 540},   {1280, 720},  {1440, 1080},
                                   {1920, 1080}, {2560, 1080}, {2560, 1440}, {3840, 2160},
                                   {5120, 2880}, {7680, 4320}};
    for (int s = 0; s < COUNT_OF(sizes); s++) {
        for (int turn = 0; turn < 2; turn++) {
            int w = sizes[s][turn], h = sizes[s][1 - turn]; /* landscape, then portrait */
            layout_t L;
            layout_compute(&L, w, h);
            const layout_named_box_t codes[] = {
                {"contact.paired_qr", L.contact.paired_qr},
                {"contact.paired_qr_caption", L.contact.paired_qr_caption},
                {"contact.handout_qr", L.contact.handout_qr},
                {"contact.handout_caption", L.contact.handout_caption},
            };
            const layout_named_box_t others[] = {
                {"footer", L.footer},
                {"help_hint", L.help_hint},
                {"contact.title", L.contact.title},
                {"contact.body", L.contact.body},
                {"contact.severe", L.contact.severe},
                {"contact.call", L.contact.call},
                {"contact.address", L.contact.address},
            };
            for (int i = 0; i < COUNT_OF(codes); i++) {
                layout_named_box_t a = codes[i];
                if (!box_finite(a.box) || !(a.box.w > 0.0f && a.box.h > 0.0f)) {
                    fail_box("is empty", w, h, SCENE_CONTACT, a);
                }
                if (!layout_box_inside(a.box, screen_of(&L))) {
                    fail_box("is off screen", w, h, SCENE_CONTACT, a);
                }
                for (int j = i + 1; j < COUNT_OF(codes); j++) {
                    if (layout_box_overlap(a.box, codes[j].box)) {
                        fail_msg("%dx%d: %s overlaps %s", w, h, a.name, codes[j].name);
                    }
                }
                for (int j = 0; j < COUNT_OF(others); j++) {
                    if (layout_box_overlap(a.box, others[j].box)) {
                        fail_msg("%dx%d: %s overlaps %s", w, h, a.name, others[j].name);
                    }
                }
            }
            for (int i = 0; i < COUNT_OF(codes); i += 2) {
                layout_box_t q = codes[i].box, cap = codes[i + 1].box;
                assert_float_equal(q.w, q.h, 0.01f);
                assert_true(cap.y >= q.y + q.h); /* the caption under its code, */
                assert_true(cap.x <= q.x + EPSILON && cap.x + cap.w + EPSILON >= q.x + q.w);
                float module = 0;
                layout_box_t at = layout_qr_code_in(q, 41, &module);
                if (module < 2.0f) {
                    fail_msg("%dx%d: %s has %.0f px a module", w, h, codes[i].name, (double)module);
                }
                assert_true(layout_box_inside(at, q));
            }
        }
    }
}

static void test_one_line_boxes_hold_min_font(void **state) {
    (void)state;
    for (int s = 0; s < COUNT_OF(k_sizes); s++) {
        layout_t L;
        layout_compute(&L, k_sizes[s].w, k_sizes[s].h);
        const struct {
            const char *name;
            layout_box_t box;
        } lines[] = {
            {"footer", L.footer},
            {"help_hint", L.help_hint},
            {"contact.qr_caption", L.contact.qr_caption},
            {"contact.paired_qr_caption", L.contact.paired_qr_caption},
            {"contact.handout_caption", L.contact.handout_caption},
        };
        for (int i = 0; i < COUNT_OF(lines); i++) {
            if (lines[i].box.h + EPSILON < L.font.min) {
                fail_msg("%dx%d: %s is %.2f px tall, under the minimum font of %.2f px", L.width,
                         L.height, lines[i].name, (double)lines[i].box.h, (double)L.font.min);
            }
        }
    }
}

/* ---- Scale --------------------------------------------------------------------------- */

static void test_unit_and_orientation(void **state) {
    (void)state;
    for (int s = 0; s < COUNT_OF(k_sizes); s++) {
        layout_t L;
        layout_compute(&L, k_sizes[s].w, k_sizes[s].h);
        assert_int_equal(L.width, k_sizes[s].w);
        assert_int_equal(L.height, k_sizes[s].h);
        if (L.portrait != k_sizes[s].portrait) {
            fail_msg("%dx%d: portrait is %d", L.width, L.height, (int)L.portrait);
        }
        assert_float_equal(L.unit, k_sizes[s].unit, EPSILON);
        assert_true(L.margin > 0.0f && L.radius > 0.0f);
    }
    /* A square screen is landscape; a 1-pixel-taller one is portrait. */
    layout_t L;
    layout_compute(&L, 1000, 1000);
    assert_false(L.portrait);
    layout_compute(&L, 1000, 1001);
    assert_true(L.portrait);
}

static void assert_fonts_scaled(const layout_fonts_t *a, const layout_fonts_t *b, float k) {
    assert_float_equal(b->title, a->title * k, EPSILON * b->title);
    assert_float_equal(b->heading, a->heading * k, EPSILON * b->heading);
    assert_float_equal(b->body, a->body * k, EPSILON * b->body);
    assert_float_equal(b->small, a->small * k, EPSILON * b->small);
    assert_float_equal(b->big, a->big * k, EPSILON * b->big);
}

static void test_fonts_scale(void **state) {
    (void)state;
    layout_t hd, uhd, k8, portrait_hd, portrait_uhd;
    layout_compute(&hd, 1920, 1080);
    layout_compute(&uhd, 3840, 2160);
    layout_compute(&k8, 7680, 4320);
    layout_compute(&portrait_hd, 1080, 1920);
    layout_compute(&portrait_uhd, 2160, 3840);
    assert_fonts_scaled(&hd.font, &uhd.font, 2.0f);
    assert_fonts_scaled(&hd.font, &k8.font, 4.0f);
    assert_fonts_scaled(&portrait_hd.font, &portrait_uhd.font, 2.0f);
    assert_float_equal(portrait_hd.unit, hd.unit, EPSILON);
    assert_fonts_scaled(&hd.font, &portrait_hd.font, 1.0f);
    /* A title on a full-HD screen is large enough to read across a waiting room. */
    assert_true(hd.font.title >= 48.0f);
    assert_true(hd.font.body >= 24.0f);

    for (int s = 0; s < COUNT_OF(k_sizes); s++) {
        layout_t L;
        layout_compute(&L, k_sizes[s].w, k_sizes[s].h);
        const layout_fonts_t *f = &L.font;
        assert_true(f->min > 0.0f);
        const float sizes[] = {f->title, f->heading, f->body, f->small, f->big};
        for (int i = 0; i < COUNT_OF(sizes); i++) {
            if (!(sizes[i] >= f->min)) {
                fail_msg("%dx%d: font %d is %.2f, under min %.2f", L.width, L.height, i,
                         (double)sizes[i], (double)f->min);
            }
        }
        /* The hierarchy never inverts. */
        assert_true(f->big >= f->title && f->title >= f->heading && f->heading >= f->body &&
                    f->body >= f->small);
    }
    /* A bigger screen of the same orientation never gets smaller text. */
    for (int a = 0; a < COUNT_OF(k_sizes); a++) {
        for (int b = 0; b < COUNT_OF(k_sizes); b++) {
            if (k_sizes[a].unit >= k_sizes[b].unit) continue;
            layout_t la, lb;
            layout_compute(&la, k_sizes[a].w, k_sizes[a].h);
            layout_compute(&lb, k_sizes[b].w, k_sizes[b].h);
            assert_true(lb.font.title >= la.font.title && lb.font.body >= la.font.body &&
                        lb.font.small >= la.font.small && lb.font.min >= la.font.min);
        }
    }
}

static void test_degenerate_sizes(void **state) {
    (void)state;
    /* A minimised or not-yet-sized window must not give NaNs or negative sizes. */
    static const int sizes[][2] = {{0, 0}, {1, 1}, {-5, 100}, {64, 64}, {100, 2000}, {5000, 64}};
    for (int s = 0; s < COUNT_OF(sizes); s++) {
        layout_t L;
        layout_compute(&L, sizes[s][0], sizes[s][1]);
        assert_true(L.width >= 1 && L.height >= 1);
        assert_true(isfinite(L.unit) && L.unit > 0.0f);
        const float fonts[] = {L.font.title, L.font.heading, L.font.body, L.font.small, L.font.big};
        for (int i = 0; i < COUNT_OF(fonts); i++) assert_true(fonts[i] >= L.font.min);
        for (int k = 0; k < COUNT_OF(k_kinds); k++) {
            layout_named_box_t b[LAYOUT_MAX_NAMED];
            int n = layout_scene_boxes(&L, k_kinds[k], true, b);
            for (int i = 0; i < n; i++) {
                if (!box_finite(b[i].box))
                    fail_box("is not finite", L.width, L.height, k_kinds[k], b[i]);
            }
        }
    }
}

/* ---- Box predicates -------------------------------------------------------------------- */

static void test_box_predicates(void **state) {
    (void)state;
    static const struct {
        const char *what;
        layout_box_t a, b;
        bool a_inside_b, overlap;
    } cases[] = {
        {"same box", {0, 0, 10, 10}, {0, 0, 10, 10}, true, true},
        {"strictly inside", {2, 2, 5, 5}, {0, 0, 10, 10}, true, true},
        {"inside, touching the left edge", {0, 2, 5, 5}, {0, 0, 10, 10}, true, true},
        {"inside, touching the bottom-right", {5, 5, 5, 5}, {0, 0, 10, 10}, true, true},
        {"outer inside inner", {0, 0, 10, 10}, {2, 2, 5, 5}, false, true},
        {"sticks out right by 1", {6, 0, 5, 5}, {0, 0, 10, 10}, false, true},
        {"sticks out top by 1", {0, -1, 5, 5}, {0, 0, 10, 10}, false, true},
        {"touching side by side", {10, 0, 10, 10}, {0, 0, 10, 10}, false, false},
        {"touching one above the other", {0, 10, 10, 10}, {0, 0, 10, 10}, false, false},
        {"touching at a corner", {10, 10, 5, 5}, {0, 0, 10, 10}, false, false},
        {"touching, fractional", {0.5f, 20.25f, 3, 3}, {0.5f, 10.0f, 3, 10.25f}, false, false},
        {"one pixel of overlap", {9, 0, 10, 10}, {0, 0, 10, 10}, false, true},
        {"a sliver of overlap", {9.9f, 0, 10, 10}, {0, 0, 10, 10}, false, true},
        {"apart", {20, 20, 5, 5}, {0, 0, 10, 10}, false, false},
        {"apart in x only", {20, 0, 5, 5}, {0, 0, 10, 10}, false, false},
        {"apart in y only", {0, 20, 5, 5}, {0, 0, 10, 10}, false, false},
        {"crossing, neither inside", {-5, 4, 20, 2}, {4, -5, 2, 20}, false, true},
    };
    for (int i = 0; i < COUNT_OF(cases); i++) {
        bool inside = layout_box_inside(cases[i].a, cases[i].b);
        bool ab = layout_box_overlap(cases[i].a, cases[i].b);
        bool ba = layout_box_overlap(cases[i].b, cases[i].a);
        if (inside != cases[i].a_inside_b || ab != cases[i].overlap || ba != cases[i].overlap) {
            fail_msg("%s: inside %d (want %d), overlap %d/%d (want %d)", cases[i].what, inside,
                     cases[i].a_inside_b, ab, ba, cases[i].overlap);
        }
    }
}

/* The parts that depend on what is drawn (the counter's, the steps', the dots', the help's
 * rows, the paused banner and notices): on every screen, inside the element they belong to,
 * clear of each other, and where a patient looks for them. */
static void test_drawn_parts(void **state) {
    (void)state;
    for (int i = 0; i < COUNT_OF(k_sizes); i++) {
        layout_t L;
        layout_compute(&L, k_sizes[i].w, k_sizes[i].h);
        const layout_ring_t *g = &L.exercise.ring;
        layout_box_t cb = L.exercise.counter;
        /* the numeral and its words inside the ring's hole, words under the numeral */
        float hole = cb.w * 0.5f - g->thickness;
        assert_true(g->thickness >= 3.0f && hole > 0);
        layout_box_t inner = layout_box_grow(cb, -g->thickness); /* clear of the ring's stroke */
        assert_true(layout_box_inside(g->numeral, inner) && layout_box_inside(g->words, inner));
        assert_true(layout_box_inside(g->numeral_alone, inner));
        assert_false(layout_box_overlap(g->numeral, g->words));
        /* words on two lines (a translation's): under a numeral set higher, both in the hole,
         * room for two lines of the words' size, the numeral still the larger */
        assert_true(layout_box_inside(g->numeral_two, inner));
        assert_true(layout_box_inside(g->words_two, inner));
        assert_false(layout_box_overlap(g->numeral_two, g->words_two));
        assert_true(g->words_two.y >= g->numeral_two.y + g->numeral_two.h - EPSILON);
        assert_true(g->words_two.h >= 2.0f * 1.2f * g->words_size * 1.1f);
        assert_true(g->numeral_two.y < g->numeral.y && g->numeral_two.h > g->words_two.h);
        /* both hug the ring's centre: the words' box reaches no further below it than the
         * one-line words' box does */
        assert_true(g->words_two.y + g->words_two.h <= g->words.y + g->words.h + EPSILON);
        assert_true(g->numeral_alone.y > g->numeral.y); /* alone: lower, centred in the ring */
        assert_true(fabsf(g->cx - (cb.x + cb.w * 0.5f)) < EPSILON);
        assert_true(g->pacer_max > 0 && g->pacer_max < hole); /* the pacer inside the track */
        assert_true(g->tick_from < hole && g->tick_to > cb.w * 0.5f); /* across the track */
        assert_true(g->numeral_size > g->words_size && g->words_size > 0);
        /* the status lines: two, stacked in the status box, text no larger than a heading */
        assert_true(layout_box_inside(L.exercise.status_rows[0], L.exercise.status));
        assert_true(layout_box_inside(L.exercise.status_rows[1], L.exercise.status));
        assert_false(layout_box_overlap(L.exercise.status_rows[0], L.exercise.status_rows[1]));
        assert_true(L.exercise.status_size <= L.font.heading + EPSILON);
        /* the playlist's dots in order inside the progress row, the label after them */
        layout_box_t prev = {0};
        for (int d = 0; d < 7; d++) {
            layout_box_t dot = layout_progress_dot(&L, 7, d, d == 3);
            assert_true(layout_box_inside(dot, L.exercise.progress));
            if (d) assert_false(layout_box_overlap(dot, prev));
            if (d) assert_true(dot.x > prev.x);
            prev = dot;
        }
        layout_box_t label = layout_progress_label(&L, 7);
        assert_true(label.x > prev.x + prev.w && layout_box_inside(label, L.exercise.progress));
        layout_box_t word = {label.x, label.y, label.w * 0.2f, label.h};
        layout_box_t title = layout_progress_title(&L, label, word);
        assert_true(title.x > word.x + word.w && layout_box_inside(title, label));
        /* the reviews' dots centred under the card */
        layout_box_t first = layout_review_dot(&L, 3, 0), last = layout_review_dot(&L, 3, 2);
        float mid = (first.x + last.x + last.w) * 0.5f;
        assert_true(fabsf(mid - (L.reviews.dots.x + L.reviews.dots.w * 0.5f)) < 0.01f);
        assert_true(layout_box_inside(first, L.reviews.dots));
        /* five steps of three lines each: numbered top to bottom, in the panel, scaled
         * together only when they would not fit */
        layout_step_t st[5];
        float line = L.font.body * 1.2f, heights[5];
        for (int k = 0; k < 5; k++) heights[k] = 3 * line;
        float scale = layout_steps(&L, heights, 5, line, st);
        layout_box_t words = layout_steps_words(&L);
        assert_true(layout_box_inside(words, L.exercise.steps));
        assert_true(scale > 0.0f && scale <= 1.0f);
        for (int k = 0; k < 5; k++) {
            assert_true(st[k].bubble.x + st[k].bubble.w <= words.x + EPSILON);
            /* (a list shrunk to fit a tiny screen keeps its numbers' size) */
            if (scale == 1.0f) assert_true(layout_box_inside(st[k].bubble, L.exercise.panel));
            if (k) assert_true(st[k].highlight.y > st[k - 1].highlight.y);
            if (k) assert_true(st[k].words.y >= st[k - 1].words.y + heights[k - 1] * scale);
        }
        float bottom = st[4].words.y + heights[4] * scale;
        if (scale == 1.0f) assert_true(bottom <= L.exercise.steps.y + L.exercise.steps.h + 0.01f);
        /* the QR code on whole pixels per module, inside its box */
        float module = 0;
        layout_box_t qr = layout_qr_code(&L, 29, &module);
        assert_true(module >= 1.0f && module == floorf(module));
        assert_true(qr.x == floorf(qr.x) && qr.w == module * 29);
        if (L.contact.qr.w >= 29) assert_true(layout_box_inside(qr, L.contact.qr));
        /* the help's rows inside the list, key before action, in both layouts */
        for (int n = 6; n <= 14; n += 8) {
            for (int r = 0; r < n; r++) {
                layout_box_t keys, action, cell_k, cell_a;
                layout_help_row(&L, n, r, 0, false, &keys, &action);
                assert_true(layout_box_inside(keys, L.help.list));
                assert_true(layout_box_inside(action, L.help.list));
                assert_false(layout_box_overlap(keys, action));
                /* two number keys to a row: each key beside its title, the cells apart */
                layout_box_t first_k, first_a;
                layout_help_row(&L, n, r, 0, true, &first_k, &first_a);
                layout_help_row(&L, n, r, 1, true, &cell_k, &cell_a);
                assert_true(layout_box_inside(cell_a, L.help.list));
                assert_true(layout_box_inside(first_a, L.help.list));
                assert_false(layout_box_overlap(first_k, first_a));
                assert_false(layout_box_overlap(cell_k, cell_a));
                assert_false(layout_box_overlap(first_a, cell_k));
                assert_true(first_a.x + first_a.w <= cell_k.x + EPSILON);
            }
        }
        assert_true(layout_help_roomy(&L, 6) || L.unit < 0.5f);
        assert_false(layout_help_roomy(&L, 0));
        /* the paused banner at the top centre; notices under it while it shows */
        layout_box_t pill = layout_banner_pill(&L, L.banner.w * 0.5f);
        assert_true(fabsf(pill.x + pill.w * 0.5f - L.width * 0.5f) < 0.01f);
        assert_true(layout_box_inside(L.banner, L.screen));
        for (int staff = 0; staff < 2; staff++) {
            layout_box_t alone = layout_notice(&L, false, staff),
                         under = layout_notice(&L, true, staff);
            assert_true(layout_box_inside(alone, L.screen));
            assert_true(under.y >= L.banner.y + L.banner.h);
            layout_box_t text,
                np = layout_notice_pill(&L, under, staff, under.w * 0.3f, L.font.body, &text);
            assert_true(layout_box_inside(np, under) && layout_box_inside(text, under));
        }
    }
}

static bool same(layout_box_t a, layout_box_t b) {
    return fabsf(a.x - b.x) < EPSILON && fabsf(a.y - b.y) < EPSILON && fabsf(a.w - b.w) < EPSILON &&
           fabsf(a.h - b.h) < EPSILON;
}

/* The arithmetic every redraw rests on (damage boxes grown, merged, clipped) and text placed
 * in its box: whole pixels where that stays inside, shrunk into a box too small. */
static void test_box_arithmetic(void **state) {
    (void)state;
    layout_box_t a = {10, 20, 30, 40}, empty = {0, 0, 0, 0};
    assert_true(same(layout_box_grow(a, 2), (layout_box_t){8, 18, 34, 44}));
    assert_true(
        same(layout_box_union(a, (layout_box_t){50, 0, 10, 10}), (layout_box_t){10, 0, 50, 60}));
    assert_true(same(layout_box_union(empty, a), a)); /* an empty box adds nothing, */
    assert_true(same(layout_box_union(a, empty), a)); /* on either side (not the origin) */
    assert_true(
        same(layout_box_clip(a, (layout_box_t){0, 0, 20, 30}), (layout_box_t){10, 20, 10, 10}));
    assert_true(same(layout_box_clip(a, (layout_box_t){100, 100, 5, 5}), empty));
    float scale = 0;
    layout_box_t box = {10.3f, 5.6f, 100, 50};
    layout_box_t at = layout_place(box, 40, 20, LAYOUT_CENTER, LAYOUT_CENTER, &scale);
    assert_true(scale == 1.0f && at.w == 40 && at.h == 20);
    assert_true(at.x == floorf(at.x) && at.y == floorf(at.y)); /* whole pixels: sharp glyphs */
    assert_true(layout_box_inside(at, box));
    assert_true(fabsf(at.x + at.w * 0.5f - (box.x + box.w * 0.5f)) <= 0.5f);
    at = layout_place(box, 40, 20, LAYOUT_END, LAYOUT_START, &scale);
    assert_true(layout_box_inside(at, box) && at.x + at.w > box.x + box.w - 1.0f);
    at = layout_place(box, 200, 20, LAYOUT_START, LAYOUT_START, &scale); /* too wide: shrunk */
    assert_true(fabsf(scale - 0.5f) < EPSILON && fabsf(at.w - 100) < EPSILON);
    assert_true(layout_box_inside(at, box));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_top_level_boxes), cmocka_unit_test(test_nested_boxes),
        cmocka_unit_test(test_help_overlay),    cmocka_unit_test(test_one_line_boxes_hold_min_font),
        cmocka_unit_test(test_two_qr_codes),    cmocka_unit_test(test_unit_and_orientation),
        cmocka_unit_test(test_fonts_scale),     cmocka_unit_test(test_degenerate_sizes),
        cmocka_unit_test(test_box_predicates),  cmocka_unit_test(test_drawn_parts),
        cmocka_unit_test(test_box_arithmetic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
