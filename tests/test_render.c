/* test_render: the real renderer, headless (SDL offscreen driver, Mesa llvmpipe), pixels read
 * back. Checks what a viewer would notice: every scene draws, text sits inside its layout box
 * and on screen, nothing overflows at supported sizes, frames are reproducible, text is
 * rasterised once, transitions mix two scenes. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"
#include "maths.h"

typedef struct size2_t {
    int w, h;
} size2_t;

static app_t *app;
static unsigned char *pixels; /* large enough for the biggest frame */
static const size_t PIXELS_MAX = (size_t)3840 * 2160 * 4;

static int setup(void **state) {
    (void)state;
    app = calloc(1, sizeof *app);
    pixels = malloc(PIXELS_MAX);
    if (!app || !pixels) return -1;
    return app_open_offscreen(app, SK_SOURCE_DIR "/assets/content/en.yaml", "en", NULL,
                              CHOREO_PACING_FOLLOW) == 0
               ? 0
               : -1;
}

static int teardown(void **state) {
    (void)state;
    app_close(app);
    free(app);
    free(pixels);
    return 0;
}

/* The GLES runs (STRETCH_KIOSK_GL=es, es-linked) really render through OpenGL ES; the programs
 * share one vertex program (llvmpipe offers separate shader objects, which saves a compile
 * before the first frame) unless the run asks for linked programs ("linked" in the name). */
static void test_api_is_the_one_asked_for(void **state) {
    (void)state;
    const char *api = getenv("STRETCH_KIOSK_GL");
    bool want_es = api && !strncmp(api, "es", 2);
    bool want_linked = api && strstr(api, "linked");
    assert_int_equal(app->render.gfx.gles, want_es);
    assert_int_equal(app->platform.linked_programs, want_linked);
    assert_int_equal(app->render.gfx.separate, !want_linked);
}

static void goto_scene(int playlist_index) {
    show_init(&app->show, app->content, app->choreos, playlist_index);
}

/* The English content as opened, while another language's is laid in (its own, freed when
 * English is back: after each language's run, and by a failed test's teardown). */
static content_t *g_english, *g_other;
static choreo_t *g_english_choreos, *g_other_choreos;

static int back_to_english(void **state) {
    (void)state;
    if (!g_english) return 0;
    if (!render_set_content(&app->render, g_english, app->content_assets)) return -1;
    app->content = g_english;
    app->choreos = g_english_choreos;
    show_init(&app->show, g_english, g_english_choreos, 0);
    app->force_full = true;
    SDL_free(g_other_choreos);
    SDL_free(g_other);
    g_english = g_other = NULL;
    g_english_choreos = g_other_choreos = NULL;
    return 0;
}

/* Runs `body` in each of the show's languages: English as opened (its pixels as they always
 * were), then every other language of the shipped show.yaml, each loaded as --lang loads it,
 * laid in and started over; English is back as it was after. */
static void in_each_language(void (*body)(const char *lang)) {
    body(app->content->language);
    const content_t *en = app->content;
    assert_true(en->language_count >= 2); /* Spanish is listed */
    for (int l = 0; l < en->language_count; l++) {
        const char *lang = en->languages[l];
        if (!strcmp(lang, en->language)) continue;
        content_t *c = app_load_content(SK_SOURCE_DIR "/assets/content/show.yaml", lang);
        assert_non_null(c);
        assert_string_equal(c->language, lang);
        choreo_t *ch = app_build_choreos(c, CHOREO_PACING_FOLLOW);
        assert_non_null(ch);
        assert_true(render_set_content(&app->render, c, app->content_assets));
        g_english = app->content, g_english_choreos = app->choreos;
        g_other = c, g_other_choreos = ch;
        app->content = c;
        app->choreos = ch;
        show_init(&app->show, c, ch, 0);
        app->force_full = true;
        body(lang);
        assert_int_equal(back_to_english(NULL), 0);
    }
}

static const unsigned char *px(int w, int x, int y) { return pixels + ((size_t)y * w + x) * 4; }

static int luma(const unsigned char *p) { return (p[0] * 54 + p[1] * 183 + p[2] * 19) >> 8; }

/* Luminance range inside a box: text on a calm background shows a wide range. */
static int contrast_in(int w, int h, layout_box_t b) {
    int x0 = (int)b.x, y0 = (int)b.y, x1 = (int)(b.x + b.w), y1 = (int)(b.y + b.h);
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > w) x1 = w;
    if (y1 > h) y1 = h;
    int lo = 255, hi = 0;
    for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
            int l = luma(px(w, x, y));
            if (l < lo) lo = l;
            if (l > hi) hi = l;
        }
    }
    return hi - lo;
}

static void render(int w, int h) { assert_true(app_render_offscreen(app, w, h, pixels)); }

/* Where a scene (its id) stands in the playlist shown. */
static int playlist_index(const char *id) {
    content_scene_ref_t ref;
    assert_true(content_find_scene(app->content, id, &ref));
    int i = show_find_in_playlist(app->content, ref);
    assert_true(i >= 0);
    return i;
}

/* Where the driver has no separate shader objects each program is linked whole: every scene
 * draws the same pixels that way. */
static void test_linked_programs_draw_the_same(void **state) {
    (void)state;
    const int w = 800, h = 450;
    size_t n = (size_t)w * h * 4;
    unsigned char *separate = malloc(n);
    assert_non_null(separate);
    for (int i = 0; i < app->content->playlist_count; i++) {
        goto_scene(i);
        app_advance(app, 6.5);
        for (int linked = 0; linked <= 1; linked++) {
            gfx_shutdown(&app->render.gfx);
            assert_true(gfx_init(&app->render.gfx, linked));
            assert_int_equal(app->render.gfx.separate, !linked);
            app->force_full = true;
            render(w, h);
            if (!linked) memcpy(separate, pixels, n);
        }
        if (memcmp(separate, pixels, n) != 0) {
            size_t differ = 0;
            for (size_t k = 0; k < n; k++) differ += separate[k] != pixels[k];
            fail_msg("scene %d: %zu bytes differ between separate and linked programs", i, differ);
        }
    }
    gfx_shutdown(&app->render.gfx); /* as the run asked, for the tests after this one */
    assert_true(gfx_init(&app->render.gfx, app->platform.linked_programs));
    free(separate);
}

/* Whatever scene the show starts on, kiosk or not, the renderer sets its first frame's texts
 * while it starts (on a second thread, beside the shader compiles): the first frame
 * rasterises none. */
static void test_first_frame_texts_are_prepared(void **state) {
    (void)state;
    const int w = 960, h = 540;
    for (int kiosk = 0; kiosk <= 1; kiosk++) {
        for (int i = 0; i < app->content->playlist_count; i++) {
            show_t show;
            if (kiosk) show_init_kiosk(&show, app->content, app->choreos, app->choreos, i);
            else show_init(&show, app->content, app->choreos, i);
            render_t *r = calloc(1, sizeof *r);
            assert_non_null(r);
            assert_true(render_init(r, app->content, app->assets_dir, app->platform.linked_programs,
                                    &show, w, h));
            int prepared = r->text.rasterised;
            assert_true(gfx_target_bind(&app->offscreen, w, h) >= 0);
            render_frame(r, &show, w, h, true);
            if (prepared < 2 || r->text.rasterised != prepared) {
                fail_msg("%s scene %d: %d texts prepared, %d more in the first frame",
                         kiosk ? "kiosk" : "show", i, prepared, r->text.rasterised - prepared);
            }
            render_shutdown(r);
            free(r);
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    app->force_full = true; /* the app's own frame is for it to draw again */
}

/* The first frame waits only for the shaders it draws with: what it did not draw with (the
 * figure's capsules and the ring, on the intro) is compiled in the frames right after it, one
 * a frame, by draws that change no pixel; then none is left for a later frame to wait on. */
static void test_shaders_not_shown_compile_after_the_first_frame(void **state) {
    (void)state;
    const int w = 640, h = 360;
    show_t show;
    show_init(&show, app->content, app->choreos, 0);
    assert_int_equal(show.view.scene.kind, SCENE_INTRO);
    render_t *r = calloc(1, sizeof *r);
    unsigned char *first = malloc((size_t)w * h * 4), *after = malloc((size_t)w * h * 4);
    assert_true(r && first && after);
    assert_true(
        render_init(r, app->content, app->assets_dir, app->platform.linked_programs, &show, w, h));
    assert_true(gfx_target_bind(&app->offscreen, w, h) >= 0);
    render_frame(r, &show, w, h, true);
    gfx_read_rgba(w, h, first);
    int frames = 0;
    while (frames < 10) { /* the show stands still: nothing of it is redrawn */
        unsigned warmed = r->gfx.warmed;
        render_frame(r, &show, w, h, false);
        frames++;
        if (r->gfx.warmed == warmed) break; /* nothing left to compile */
    }
    assert_in_range(frames, 2, 7); /* at least one kind was left for after the first frame */
    assert_false(gfx_warm_next(&r->gfx, w, h));
    gfx_read_rgba(w, h, after);
    assert_memory_equal(first, after, (size_t)w * h * 4);
    render_shutdown(r);
    free(r);
    free(first);
    free(after);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    app->force_full = true;
}

/* Every scene at every common size: opaque, not blank, texts on screen, inside their boxes,
 * visibly drawn, and none overflowing. */
static void every_scene_every_size_in(const char *lang) {
    const size2_t sizes[] = {{1280, 720},  {1920, 1080}, {3840, 2160}, {1080, 1920},
                             {1440, 1080}, {2560, 1080}, {640, 360},   {360, 640}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int w = sizes[s].w, h = sizes[s].h;
        for (int i = 0; i < app->content->playlist_count; i++) {
            goto_scene(i);
            app_advance(app, 0.5);
            render(w, h);
            const render_record_t *rec = &app->render.record;
            const char *id = content_scene_id(app->content, app->content->playlist[i]);
            /* opaque and not blank */
            int lo = 255, hi = 0;
            for (int y = 0; y < h; y += 7) {
                for (int x = 0; x < w; x += 7) {
                    const unsigned char *p = px(w, x, y);
                    assert_int_equal(p[3], 255);
                    int l = luma(p);
                    lo = l < lo ? l : lo;
                    hi = l > hi ? l : hi;
                }
            }
            if (hi - lo < 100)
                fail_msg("[%s] %s at %dx%d looks blank (luma %d..%d)", lang, id, w, h, lo, hi);
            if (rec->count < 4)
                fail_msg("[%s] %s at %dx%d drew only %d texts", lang, id, w, h, rec->count);
            if (rec->overflow)
                fail_msg("[%s] %s at %dx%d: %d texts did not fit", lang, id, w, h, rec->overflow);
            layout_box_t screen = {0, 0, (float)w, (float)h};
            for (int t = 0; t < rec->count; t++) {
                for (int u = t + 1; u < rec->count; u++) { /* no two texts on each other */
                    layout_box_t a = rec->text_boxes[t], b = rec->text_boxes[u];
                    a.x += 1, a.y += 1, a.w -= 2, a.h -= 2; /* glyph edges may touch */
                    if (layout_box_overlap(a, b)) {
                        fail_msg("[%s] %s at %dx%d: '%.30s' overlaps '%.30s'", lang, id, w, h,
                                 rec->texts[t], rec->texts[u]);
                    }
                }
            }
            for (int t = 0; t < rec->count; t++) {
                layout_box_t b = rec->text_boxes[t];
                if (!layout_box_inside(b, screen)) {
                    fail_msg("[%s] %s at %dx%d: '%.30s' drawn off screen", lang, id, w, h,
                             rec->texts[t]);
                }
                if (!layout_box_inside(b, rec->text_targets[t])) {
                    fail_msg("[%s] %s at %dx%d: '%.30s' outside its layout box", lang, id, w, h,
                             rec->texts[t]);
                }
                /* text is visible where it was placed (skip tiny ones like step numbers) */
                if (b.w * b.h > 400 && contrast_in(w, h, b) < 60) {
                    fail_msg("[%s] %s at %dx%d: '%.30s' not visible in its box", lang, id, w, h,
                             rec->texts[t]);
                }
            }
        }
    }
}

static void test_every_scene_every_size(void **state) {
    (void)state;
    in_each_language(every_scene_every_size_in);
}

/* 8K: every scene lays out with every text on screen, in its box, none overflowing (boxes
 * only: an 8K read-back would cost 130 MB). */
static void eight_k_in(const char *lang) {
    (void)lang;
    for (int i = 0; i < app->content->playlist_count; i++) {
        goto_scene(i);
        app_advance(app, 0.5);
        assert_true(app_render_offscreen(app, 7680, 4320, NULL));
        const render_record_t *rec = &app->render.record;
        layout_box_t screen = {0, 0, 7680, 4320};
        assert_true(rec->count >= 4);
        assert_int_equal(rec->overflow, 0);
        for (int t = 0; t < rec->count; t++) {
            assert_true(layout_box_inside(rec->text_boxes[t], screen));
            assert_true(layout_box_inside(rec->text_boxes[t], rec->text_targets[t]));
        }
    }
}

static void test_8k(void **state) {
    (void)state;
    in_each_language(eight_k_in);
}

/* Resizing re-lays out at once and keeps no stale textures: after many size changes the text
 * cache holds no more than one size's worth. */
static void test_resize_relayouts_without_leaks(void **state) {
    (void)state;
    goto_scene(1);
    const size2_t sizes[] = {{1280, 720}, {720, 1280}, {1024, 768}, {2560, 1080}};
    int entries[4] = {0};
    for (int round = 0; round < 3; round++) {
        for (int k = 0; k < 4; k++) {
            assert_true(app_render_offscreen(app, sizes[k].w, sizes[k].h, NULL));
            assert_int_equal(app->render.layout.width, sizes[k].w);
            assert_int_equal(app->render.layout.height, sizes[k].h);
            if (round == 0) entries[k] = app->render.text.entry_count;
            else assert_int_equal(app->render.text.entry_count, entries[k]);
        }
    }
}

/* A text drawn from its page is the text drawn from a texture of its own, as every text was
 * before pages: the same pixels, for every text of the intro and of an exercise, over the
 * background it is drawn on. */
static void test_text_from_its_page_as_from_its_own_texture(void **state) {
    (void)state;
    const int w = 1920, h = 1080;
    const size_t size = (size_t)w * h * 4;
    text_t *t = &app->render.text;
    gfx_t *g = &app->render.gfx;
    unsigned char *own_px = malloc(size);
    assert_non_null(own_px);
    int compared = 0;
    for (int k = 0; k < 2; k++) {
        goto_scene(k);
        app->force_full = true;
        assert_true(app_render_offscreen(app, w, h, NULL)); /* its texts put into pages */
        for (int i = 0; i < t->entry_count; i++) {
            const text_entry_t *e = &t->entries[i];
            const text_block_t *b = &e->block;
            if (e->page < 0 || t->pages[e->page].round != e->page_round) continue;
            if (b->w + 8 > w || b->h + 8 > h) continue;
            /* the texture of its own the text is drawn scaled from, from the same coverage */
            const gfx_texture_t *own = text_texture(t, b, true);
            assert_non_null(own);
            layout_box_t at = {4, 4, (float)b->w, (float)b->h};
            gfx_color_t ink = {0.95f, 0.9f, 0.8f, 1.0f};
            const gfx_texture_t *textures[2] = {own, &b->texture};
            for (int p = 0; p < 2; p++) {
                assert_true(gfx_target_bind(&app->offscreen, w, h) >= 0);
                gfx_begin(g, w, h);
                gfx_rect(g, (layout_box_t){0, 0, (float)w, (float)h},
                         (gfx_color_t){0.1f, 0.2f, 0.3f, 1.0f}, 0.0f);
                gfx_coverage(g, textures[p], at, false, ink);
                gfx_read_rgba(w, h, p == 0 ? own_px : pixels);
            }
            if (memcmp(own_px, pixels, size) != 0) {
                fail_msg("text %d (%dx%d) from its page differs from its own texture", i, b->w,
                         b->h);
            }
            compared++;
        }
    }
    gfx_bind_window();
    print_message("%d texts compared\n", compared);
    assert_true(compared >= 8);
    free(own_px);
}

/* A text of several lines, set and packed a line at a time in bands, is drawn from its page
 * exactly as SDL_ttf draws its lines (each line's alpha at its row, the lines' maximum where
 * they overlap): nothing lost or moved where a band or a line's window ends. Its lines have
 * accents above the capitals and descenders below, in both faces, at two sizes. */
static void test_text_lines_drawn_as_sdl_ttf_draws_them(void **state) {
    (void)state;
    const int w = 1280, h = 720;
    static const char *const words[] = {
        /* "Ñandú ¿Qué tal?" and on: accented capitals, descenders */
        "\xc3\x91"
        "and\xc3\xba \xc2\xbfQu\xc3\xa9 tal?\n\xc3\x81gil, y fuerte\n\xc3\x89xito "
        "gradual\nRespire hondo\njqpgy \xc3\x9a"
        "ltimo\nFin",
        "Knees to Chest\nHold 20-30 seconds\nQuality, not quantity"};
    text_t *t = &app->render.text;
    gfx_t *g = &app->render.gfx;
    int checked = 0;
    for (int face = 0; face < TEXT_FACE_NUM; face++) {
        for (int k = 0; k < 2; k++) {
            const char *s = words[(face + k) % 2];
            text_style_t st = {(text_face_t)face, k ? 23.0f : 41.0f, 0.0f, TEXT_LEFT};
            const text_block_t *b = text_get(t, s, st, (float)w - 8, (float)h - 8);
            assert_non_null(b);
            const gfx_texture_t *tex = text_texture(t, b, false);
            assert_non_null(tex);
            assert_true(gfx_target_bind(&app->offscreen, w, h) >= 0);
            gfx_begin(g, w, h);
            gfx_rect(g, (layout_box_t){0, 0, (float)w, (float)h}, (gfx_color_t){0, 0, 0, 1}, 0);
            gfx_coverage(g, tex, (layout_box_t){4, 4, (float)b->w, (float)b->h}, false,
                         (gfx_color_t){1, 1, 1, 1});
            gfx_read_rgba(w, h, pixels);
            /* what SDL_ttf draws: each line (split at its breaks) at its row, left aligned */
            unsigned char *want = calloc((size_t)b->w * (size_t)b->h, 1);
            assert_non_null(want);
            TTF_Font *f = t->fonts[face];
            TTF_SetFontSize(f, b->size);
            int skip = TTF_FontLineSkip(f), lines = 0;
            for (const char *at = s; *at; lines++) {
                size_t len = strcspn(at, "\n");
                char line[256];
                assert_true(len < sizeof line);
                memcpy(line, at, len);
                line[len] = '\0';
                SDL_Surface *surf =
                    TTF_RenderUTF8_Blended(f, line, (SDL_Color){255, 255, 255, 255});
                assert_non_null(surf);
                assert_int_equal(surf->format->format, SDL_PIXELFORMAT_ARGB8888);
                for (int y = 0; y < surf->h && lines * skip + y < b->h; y++) {
                    const Uint32 *row =
                        (const Uint32 *)((const Uint8 *)surf->pixels + y * surf->pitch);
                    for (int x = 0; x < surf->w && x < b->w; x++) {
                        unsigned char a = (unsigned char)(row[x] >> 24);
                        unsigned char *d =
                            &want[(size_t)(lines * skip + y) * (size_t)b->w + (size_t)x];
                        if (a > *d) *d = a;
                    }
                }
                SDL_FreeSurface(surf);
                at += len + (at[len] == '\n');
            }
            assert_int_equal(b->lines, lines);
            int differ = 0, inked = 0;
            for (int y = 0; y < b->h; y++) {
                for (int x = 0; x < b->w; x++) {
                    unsigned char got = pixels[((size_t)(4 + y) * (size_t)w + (size_t)(4 + x)) * 4];
                    unsigned char expect = want[(size_t)y * (size_t)b->w + (size_t)x];
                    differ += got != expect;
                    inked += expect > 0;
                }
            }
            free(want);
            if (differ)
                fail_msg("face %d size %d: %d of %d pixels differ", face, b->size, differ,
                         b->w * b->h);
            assert_true(inked > b->w); /* (it drew something) */
            checked++;
        }
    }
    gfx_bind_window();
    assert_int_equal(checked, 4);
}

/* Texts are drawn from a few pages, emptied and filled again as scenes come and go: each scene
 * drawn again after all the others (its texts put back where another scene's had been) shows
 * the same pixels as the first time, and the pages stay fewer than they may be. */
static void test_text_pages_refilled_draw_the_same(void **state) {
    (void)state;
    const int w = 1280, h = 720;
    const size_t size = (size_t)w * h * 4;
    int n = app->content->playlist_count;
    unsigned char *first = malloc(size * (size_t)n);
    assert_non_null(first);
    for (int k = 0; k < n; k++) {
        goto_scene(k);
        assert_true(app_render_offscreen(app, w, h, first + size * (size_t)k));
    }
    const text_t *t = &app->render.text;
    int puts = t->puts;
    for (int k = 0; k < n; k++) {
        goto_scene(k);
        assert_true(app_render_offscreen(app, w, h, pixels));
        if (memcmp(pixels, first + size * (size_t)k, size) != 0) {
            fail_msg("scene %d drawn again is not the same picture", k);
        }
    }
    assert_true(t->page_count < TEXT_PAGES_MAX);
    /* (the second time round its texts were put into pages again: they had been emptied) */
    if (t->puts <= puts) fail_msg("no text put into a page again (%d puts)", t->puts - puts);
    free(first);
}

/* A tiny window loses nothing: everything still lands inside the screen and its box. */
static void tiny_window_keeps_everything_inside_in(const char *lang) {
    const int w = 320, h = 240;
    for (int i = 0; i < app->content->playlist_count; i++) {
        goto_scene(i);
        render(w, h);
        const render_record_t *rec = &app->render.record;
        layout_box_t screen = {0, 0, (float)w, (float)h};
        for (int t = 0; t < rec->count; t++) {
            assert_true(layout_box_inside(rec->text_boxes[t], screen));
            layout_box_t b = rec->text_boxes[t], o = rec->text_targets[t];
            if (!layout_box_inside(b, o)) {
                fail_msg("[%s] '%.30s' at %.2f,%.2f %.2fx%.2f outside %.2f,%.2f %.2fx%.2f", lang,
                         rec->texts[t], b.x, b.y, b.w, b.h, o.x, o.y, o.w, o.h);
            }
        }
    }
}

static void test_tiny_window_keeps_everything_inside(void **state) {
    (void)state;
    in_each_language(tiny_window_keeps_everything_inside_in);
}

/* The exact words of the content are what gets drawn: every step of every exercise. */
static void exercise_draws_every_step_in(const char *lang) {
    const content_t *c = app->content;
    for (int e = 0; e < c->exercise_count; e++) {
        int i = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e});
        assert_true(i >= 0);
        goto_scene(i);
        render(1920, 1080);
        const render_record_t *rec = &app->render.record;
        for (int s = 0; s < c->exercises[e].step_count; s++) {
            bool found = false;
            for (int t = 0; t < rec->count; t++)
                found = found || rec->texts[t] == c->exercises[e].steps[s];
            if (!found) fail_msg("[%s] %s: step %d not drawn", lang, c->exercises[e].id, s + 1);
        }
    }
}

static void test_exercise_draws_every_step(void **state) {
    (void)state;
    in_each_language(exercise_draws_every_step_in);
}

/* The same state renders the same pixels. Once the first frames have warmed the text cache,
 * no scene, card, count or overlay rasterises anything: no change ever waits on text. */
static void test_reproducible_and_cached(void **state) {
    (void)state;
    const int w = 1280, h = 720;
    size_t n = (size_t)w * h * 4;
    unsigned char *first = malloc(n);
    assert_non_null(first);
    goto_scene(1);
    app_advance(app, 2.0);
    render(w, h);
    memcpy(first, pixels, n);
    render(w, h);
    assert_memory_equal(first, pixels, n);
    free(first);

    int frames = 0;
    while (app->render.warm_task <= app->content->playlist_count && frames < 2000) {
        assert_true(app_render_offscreen(app, 640, 360, NULL));
        frames++;
    }
    assert_true(frames < 2000);
    int rasterised = app->render.text.rasterised;
    for (int i = 0; i < app->content->playlist_count; i++) {
        goto_scene(i);
        for (int f = 0; f < 60 * 40; f += 13) { /* 40 s of each scene */
            app_advance(app, 13.0 / 60.0);
            assert_true(app_render_offscreen(app, 640, 360, NULL));
        }
        show_command(&app->show, SHOW_CMD_TOGGLE_HELP, 0);
        assert_true(app_render_offscreen(app, 640, 360, NULL));
        show_command(&app->show, SHOW_CMD_TOGGLE_HELP, 0);
        show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0);
        assert_true(app_render_offscreen(app, 640, 360, NULL));
        show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0);
        for (int f = 0; f < 60 * 4; f += 13) {
            app_advance(app, 13.0 / 60.0);
            assert_true(app_render_offscreen(app, 640, 360, NULL));
        }
    }
    if (app->render.text.rasterised != rasterised) {
        fail_msg("%d texts were rasterised after warming",
                 app->render.text.rasterised - rasterised);
    }
}

/* A scene change wipes: half-way through, the incoming scene fills the left half of the screen
 * and the outgoing one the right half, each whole (never a blank or a mixed-up frame). */
static void test_transition_wipes_scenes(void **state) {
    (void)state;
    const int w = 960, h = 540;
    size_t n = (size_t)w * h * 4;
    unsigned char *from = malloc(n), *to = malloc(n);
    assert_non_null(from);
    assert_non_null(to);
    goto_scene(0);
    render(w, h);
    memcpy(from, pixels, n);
    goto_scene(1);
    /* the incoming scene as it is half-way through the wipe: its figure moves from its first
     * moment (no scene opens on stillness), and its clock runs through the wipe */
    for (int i = 0; i < 3; i++) app_advance(app, app->content->timing.transition_seconds / 6.0);
    render(w, h);
    memcpy(to, pixels, n);

    goto_scene(0);
    render(w, h);
    show_command(&app->show, SHOW_CMD_NEXT_SCENE, 0);
    for (int i = 0; i < 3; i++) { /* drawn frame by frame, as on screen */
        app_advance(app, app->content->timing.transition_seconds / 6.0);
        render(w, h);
    }
    assert_true(app->show.transitioning);
    assert_float_equal(show_transition_mix(&app->show), 0.5f, 0.01f);
    long changed[2] = {0, 0}, as_to[2] = {0, 0}, as_from[2] = {0, 0};
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            if (x > w * 45 / 100 && x < w * 55 / 100) continue; /* near the edge */
            size_t i = ((size_t)y * w + (size_t)x) * 4;
            int a = luma(from + i), b = luma(to + i), m = luma(pixels + i);
            if (abs(a - b) <= 40) continue;
            int side = x >= w / 2;
            changed[side]++;
            if (abs(m - b) <= 8) as_to[side]++;
            if (abs(m - a) <= 8) as_from[side]++;
        }
    }
    assert_true(changed[0] > 1000 && changed[1] > 1000);
    assert_true(as_to[0] * 10 > changed[0] * 9);   /* left: the incoming scene */
    assert_true(as_from[1] * 10 > changed[1] * 9); /* right: the outgoing one */
    free(from);
    free(to);
}

/* The help's number keys, each beside its exercise's title (in the same row): the exercises
 * of the playlist in order, keys 1 to 9. Returns how many. */
static int help_number_keys(const content_t *c) {
    const render_record_t *rec = &app->render.record;
    int n = 0;
    for (int e; (e = show_numbered_exercise(c, n)) >= 0; n++) {
        char key[16];
        snprintf(key, sizeof key, "%d", n + 1);
        int title = -1, digit = -1;
        for (int t = 0; t < rec->count; t++) {
            if (rec->texts[t] == c->exercises[e].title) title = t;
        }
        if (title < 0) fail_msg("help: no row for key %s, %s", key, c->exercises[e].title);
        layout_box_t tb = rec->text_boxes[title];
        for (int t = 0; t < rec->count; t++) {
            layout_box_t kb = rec->text_boxes[t];
            bool same_row = kb.y < tb.y + tb.h && tb.y < kb.y + kb.h;
            if (!strcmp(rec->copies[t], key) && same_row && kb.x < tb.x) digit = t;
        }
        if (digit < 0) fail_msg("help: %s has no key %s before it", c->exercises[e].title, key);
    }
    return n;
}

/* Help shows the key list over a dimmed scene; paused shows the paused label. */
static void test_help_and_paused_overlays(void **state) {
    (void)state;
    const content_t *c = app->content;
    goto_scene(0);
    show_command(&app->show, SHOW_CMD_TOGGLE_HELP, 0);
    render(1280, 720);
    int help_rows = 0, entries = 0;
    for (int t = 0; t < app->render.record.count; t++) {
        for (int k = 0; k < c->labels.help_count; k++) {
            help_rows += app->render.record.texts[t] == c->labels.help[k].action;
        }
    }
    for (int k = 0; k < c->labels.help_count; k++) entries += !c->labels.help[k].exercises;
    assert_int_equal(help_rows, entries); /* the number keys' entry: a row a key instead */
    assert_true(entries < c->labels.help_count);
    assert_int_equal(help_number_keys(c), c->exercise_count);
    /* in a kiosk, the keys it ignores (quit, fullscreen) are not offered */
    app->show.kiosk = true;
    render(1280, 720);
    int kiosk_rows = 0, expected = 0;
    for (int k = 0; k < c->labels.help_count; k++) {
        expected += c->labels.help[k].in_kiosk && !c->labels.help[k].exercises;
    }
    for (int t = 0; t < app->render.record.count; t++) {
        for (int k = 0; k < c->labels.help_count; k++) {
            kiosk_rows += app->render.record.texts[t] == c->labels.help[k].action;
        }
    }
    assert_true(expected < entries);
    assert_int_equal(kiosk_rows, expected);
    assert_int_equal(help_number_keys(c), c->exercise_count);
    app->show.kiosk = false;
    show_command(&app->show, SHOW_CMD_TOGGLE_HELP, 0);
    show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0);
    render(1280, 720);
    bool paused_label = false;
    for (int t = 0; t < app->render.record.count; t++) {
        paused_label = paused_label || app->render.record.texts[t] == c->labels.paused;
    }
    assert_true(paused_label);
}

/* The ring always says what it counts: at every 0.25 s of every exercise's routine, whenever
 * the counter ring shows a numeral, words are drawn with it, under it, inside the ring ("2"
 * over "repetition", "1" over "second left"), and they are the content's words for that count:
 * the singular for 1. */
static bool has_letter(const char *s) {
    for (; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) return true;
    }
    return false;
}

static bool all_digits(const char *s) {
    if (!*s) return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return false;
    }
    return true;
}

static void ring_says_what_it_counts_in(const char *lang) {
    const content_t *c = app->content;
    const int w = 640, h = 360;
    const char *plural[] = {c->labels.breaths_left, c->labels.seconds_left, c->labels.seconds_held};
    int numerals = 0, singulars = 0, repetitions = 0;
    for (int e = 0; e < c->exercise_count; e++) {
        const choreo_t *ch = &app->choreos[e];
        goto_scene(show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e}));
        for (double t = 0; t < ch->duration - 0.3; t += 0.25) {
            if (t > 0) app_advance(app, 0.25);
            app->force_full = true;
            assert_true(app_render_offscreen(app, w, h, NULL));
            const render_record_t *rec = &app->render.record;
            layout_box_t ring = app->render.layout.exercise.counter;
            int num = -1, words = -1;
            for (int k = 0; k < rec->count; k++) {
                if (!layout_box_inside(rec->text_boxes[k], ring)) continue;
                if (all_digits(rec->copies[k])) num = k;
                else if (has_letter(rec->copies[k])) words = k;
            }
            if (num < 0) continue;
            numerals++;
            if (words < 0) {
                fail_msg("[%s] %s at %.2f s: the ring shows \"%s\" with no words", lang,
                         c->exercises[e].id, app->show.view.time, rec->copies[num]);
            }
            if (rec->text_boxes[words].y < rec->text_boxes[num].y + rec->text_boxes[num].h * 0.5f) {
                fail_msg("[%s] %s at %.2f s: \"%s\" is not under \"%s\"", lang, c->exercises[e].id,
                         app->show.view.time, rec->copies[words], rec->copies[num]);
            }
            for (int p = 0; p < 3; p++) {
                if (!strcmp(rec->copies[num], "1") && !strcmp(rec->copies[words], plural[p])) {
                    fail_msg("[%s] %s at %.2f s: \"1 %s\"", lang, c->exercises[e].id,
                             app->show.view.time, rec->copies[words]);
                }
            }
            singulars +=
                !strcmp(rec->copies[num], "1") && strcmp(rec->copies[words], c->labels.get_ready);
            repetitions += !strcmp(rec->copies[words], c->labels.repetition_word);
        }
    }
    /* what was asked of the content and seen: counts, some of 1, the repetitions' word */
    assert_non_null(c->labels.repetition_word);
    assert_non_null(c->labels.breath_left);
    assert_non_null(c->labels.second_left);
    assert_non_null(c->labels.second_held);
    assert_true(numerals > 200);
    assert_true(singulars > 5);
    assert_true(repetitions > 20);
}

static void test_ring_says_what_it_counts(void **state) {
    (void)state;
    in_each_language(ring_says_what_it_counts_in);
}

/* The help fits: at the smallest landscape screen, in portrait, and large, with the shipped
 * content's four exercises and a content of five, every row is drawn whole, inside the panel,
 * none on another, each number key beside its exercise. */
static void help_fits_in(const char *lang) {
    const size2_t sizes[] = {{640, 360}, {360, 640}, {1080, 1920}, {1920, 1080}, {1280, 720}};
    content_t *five = app_load_content(SK_SOURCE_DIR "/tests/data/five-exercises.yaml", NULL);
    assert_non_null(five);
    const content_t *contents[] = {app->content, five};
    for (int k = 0; k < 2; k++) {
        const content_t *c = contents[k];
        assert_true(render_set_content(&app->render, c, app->content_assets));
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            int w = sizes[s].w, h = sizes[s].h;
            show_init(&app->show, c, NULL, 0);
            show_command(&app->show, SHOW_CMD_TOGGLE_HELP, 0);
            app->force_full = true;
            assert_true(app_render_offscreen(app, w, h, NULL));
            const render_record_t *rec = &app->render.record;
            layout_box_t panel = app->render.layout.help.panel;
            if (rec->overflow)
                fail_msg("[%s] help at %dx%d: %d texts did not fit", lang, w, h, rec->overflow);
            int first = 0; /* the help's texts: its title and what follows (over the scene) */
            while (first < rec->count && rec->texts[first] != c->labels.help_title) first++;
            assert_true(first < rec->count);
            int in_panel = 0;
            for (int t = first; t < rec->count; t++) {
                if (!layout_box_inside(rec->text_boxes[t], panel)) {
                    fail_msg("[%s] help at %dx%d: '%.30s' outside the panel", lang, w, h,
                             rec->copies[t]);
                }
                in_panel++;
                assert_true(layout_box_inside(rec->text_boxes[t], rec->text_targets[t]));
                for (int u = t + 1; u < rec->count; u++) {
                    layout_box_t a = rec->text_boxes[t], b = rec->text_boxes[u];
                    a.x += 1, a.y += 1, a.w -= 2, a.h -= 2; /* glyph edges may touch */
                    if (layout_box_overlap(a, b)) {
                        fail_msg("[%s] help at %dx%d: '%.30s' overlaps '%.30s'", lang, w, h,
                                 rec->copies[t], rec->copies[u]);
                    }
                }
            }
            assert_true(in_panel >= 1 + 2 * (c->labels.help_count - 1) + 2 * c->exercise_count);
            assert_int_equal(help_number_keys(c), c->exercise_count);
        }
    }
    assert_true(render_set_content(&app->render, app->content, app->content_assets));
    show_init(&app->show, app->content, app->choreos, 0);
    app->force_full = true;
    SDL_free(five);
}

static void test_help_fits(void **state) {
    (void)state;
    in_each_language(help_fits_in);
}

/* The intro's body as drawn at 1280x720: a hash of its pixels, or 0 when it is not drawn. */
static uint64_t intro_body_pixels(void) {
    goto_scene(0);
    app->force_full = true;
    render(1280, 720);
    const render_record_t *rec = &app->render.record;
    for (int t = 0; t < rec->count; t++) {
        if (rec->texts[t] != app->render.content->intro.body) continue;
        layout_box_t b = rec->text_boxes[t];
        uint64_t h = MATHS_HASH_START;
        for (int y = (int)b.y; y < (int)(b.y + b.h); y++) {
            for (int x = (int)b.x; x < (int)(b.x + b.w); x++)
                h = maths_hash(h, &px(1280, x, y)[1], 1);
        }
        return h;
    }
    return 0;
}

/* A reload whose theme names other fonts draws with them (SemiBold for the regular face: the
 * intro's words drawn otherwise); one naming a font that is not there is refused and the show draws on as
 * it was. */
static void test_reload_changes_fonts(void **state) {
    (void)state;
    assert_int_equal(app->content->playlist[0].kind, SCENE_INTRO);
    uint64_t before = intro_body_pixels();
    assert_true(before != 0);
    FILE *f = fopen(SK_SOURCE_DIR "/tests/data/whole-en.yaml", "rb");
    assert_non_null(f);
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    char *at = strstr(text, "font_regular: fonts/Inter-Regular.otf");
    assert_non_null(at);
    const char *was = "font_regular: fonts/Inter-Regular.otf";
    const char *cases[] = {"font_regular: fonts/Inter-SemiBold.otf",
                           "font_regular: fonts/Inter-Missing.otf"};
    content_t *loaded[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        char path[] = "/tmp/sk-fonts-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        FILE *out = fdopen(fd, "wb");
        assert_non_null(out);
        fwrite(text, 1, (size_t)(at - text), out);
        fputs(cases[i], out);
        fputs(at + strlen(was), out);
        fclose(out);
        loaded[i] = app_load_content(path, NULL);
        remove(path);
        assert_non_null(loaded[i]);
    }
    assert_true(render_set_content(&app->render, loaded[0], app->content_assets));
    uint64_t bold = intro_body_pixels();
    assert_true(bold != 0 && bold != before); /* other letters */
    assert_false(render_set_content(&app->render, loaded[1], app->content_assets));
    assert_ptr_equal(app->render.content, loaded[0]); /* refused: as it was */
    assert_true(intro_body_pixels() == bold);
    assert_true(render_set_content(&app->render, app->content, app->content_assets));
    assert_true(intro_body_pixels() == before);
    SDL_free(loaded[0]);
    SDL_free(loaded[1]);
}

/* 4K: text is set at 4K sizes (crisp), not a scaled 1080p frame. */
static void test_4k_text_is_native(void **state) {
    (void)state;
    goto_scene(0);
    render(1920, 1080);
    float title_1080 = app->render.record.text_boxes[0].h;
    render(3840, 2160);
    float title_4k = app->render.record.text_boxes[0].h;
    assert_true(title_4k > title_1080 * 1.8f && title_4k < title_1080 * 2.2f);
    assert_int_equal(app->render.record.overflow, 0);
}

/* The figure of every exercise is drawn inside its box at every screen shape, and it moves:
 * frames half a second apart during a move differ inside the box. */
static void test_figure_inside_its_box_and_moving(void **state) {
    (void)state;
    const size2_t sizes[] = {{1280, 720}, {1080, 1920}, {2560, 1080}, {640, 360}};
    const content_t *c = app->content;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int w = sizes[s].w, h = sizes[s].h;
        for (int e = 0; e < c->exercise_count; e++) {
            int i = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e});
            const choreo_t *ch = &app->choreos[e];
            /* the middle of the second move: the figure is on its way */
            double t = ch->inst[1].start + ch->inst[1].move * 0.5;
            goto_scene(i);
            app_advance(app, t);
            render(w, h);
            layout_box_t drawn = app->render.figure_drawn;
            layout_box_t box = app->render.layout.exercise.figure;
            if (!layout_box_inside(drawn, box)) {
                fail_msg(
                    "%s at %dx%d: figure %.0f,%.0f %.0fx%.0f outside its box %.0f,%.0f %.0fx%.0f",
                    c->exercises[e].id, w, h, drawn.x, drawn.y, drawn.w, drawn.h, box.x, box.y,
                    box.w, box.h);
            }
            /* it fills much of its stage even in a move (the stage holds the counter too, and
             * the camera is between two shots): at least half its width or height */
            layout_box_t stage = app->render.layout.exercise.stage;
            if (!(drawn.w > stage.w * 0.5f || drawn.h > stage.h * 0.5f)) {
                fail_msg("%s at %dx%d: figure %.0fx%.0f is small in its %.0fx%.0f stage",
                         c->exercises[e].id, w, h, drawn.w, drawn.h, stage.w, stage.h);
            }
            size_t n = (size_t)w * h * 4;
            unsigned char *before = malloc(n);
            assert_non_null(before);
            memcpy(before, pixels, n);
            app_advance(app, 0.5);
            render(w, h);
            long changed = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    size_t k = ((size_t)y * w + x) * 4;
                    if (abs(before[k] - pixels[k]) + abs(before[k + 1] - pixels[k + 1]) < 24)
                        continue;
                    changed += x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
                }
            }
            if (changed < 200)
                fail_msg("%s at %dx%d: the figure did not move", c->exercises[e].id, w, h);
            free(before);
        }
    }
}

static long differing(const unsigned char *a, const unsigned char *b, int w, layout_box_t box);

/* Nothing of the figure, ghosts included, is drawn past its stage: through the first 30 s of
 * every exercise (every half second; child's pose's first move shows the kneeling pose framed
 * for the folded one's closer shot, whose ghost's head reached over the stage's edge) the strip
 * between the stage and the steps' panel, beside it or below it, stays as it was. */
static void test_figure_never_leaves_its_stage(void **state) {
    (void)state;
    const size2_t sizes[] = {{1280, 720}, {1080, 1920}};
    const content_t *c = app->content;
    size_t most = 0;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = (size_t)sizes[s].w * (size_t)sizes[s].h * 4;
        most = n > most ? n : most;
    }
    unsigned char *first = malloc(most);
    assert_non_null(first);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int w = sizes[s].w, h = sizes[s].h;
        for (int e = 0; e < c->exercise_count; e++) {
            goto_scene(show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e}));
            app_advance(app, 0.1);
            app->force_full = true;
            render(w, h);
            const layout_t *L = &app->render.layout;
            layout_box_t st = L->exercise.figure, panel = L->exercise.panel, gap;
            if (panel.x >= st.x + st.w) /* beside it */
                gap = (layout_box_t){st.x + st.w + 1, st.y, panel.x - (st.x + st.w) - 2, st.h};
            else /* below it */
                gap = (layout_box_t){st.x, st.y + st.h + 1, st.w, panel.y - (st.y + st.h) - 2};
            assert_true(gap.w >= 4 && gap.h >= 4);
            memcpy(first, pixels, (size_t)w * h * 4);
            for (int k = 1; k <= 60; k++) {
                app_advance(app, 0.5);
                app->force_full = true; /* (drawn whole: what the frame draws, not what it keeps) */
                render(w, h);
                long differ = differing(first, pixels, w, gap);
                if (differ)
                    fail_msg("%s at %dx%d, %.1f s: %ld pixels past its stage changed",
                             c->exercises[e].id, w, h, app->show.view.time, differ);
            }
        }
    }
    free(first);
}

static long differing(const unsigned char *a, const unsigned char *b, int w, layout_box_t box) {
    long n = 0;
    for (int y = (int)box.y; y < (int)(box.y + box.h); y++) {
        for (int x = (int)box.x; x < (int)(box.x + box.w); x++) {
            size_t k = ((size_t)y * w + x) * 4;
            n += abs(a[k] - b[k]) + abs(a[k + 1] - b[k + 1]) + abs(a[k + 2] - b[k + 2]) > 12;
        }
    }
    return n;
}

/* The highlighted row is the step the show says, for every step of every exercise: its row
 * carries the highlight colour, the other rows the panel's. */
static void test_highlighted_step_is_the_current_one(void **state) {
    (void)state;
    const content_t *c = app->content;
    const int w = 1280, h = 720;
    for (int e = 0; e < c->exercise_count; e++) {
        int i = show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e});
        goto_scene(i);
        const content_exercise_t *ex = &c->exercises[e];
        for (int step = 0; step < ex->step_count; step++) {
            if (step > 0) show_command(&app->show, SHOW_CMD_NEXT_ITEM, 0);
            assert_int_equal(app->show.view.item, step);
            render(w, h);
            const render_record_t *rec = &app->render.record;
            layout_box_t steps = app->render.layout.exercise.steps;
            for (int s = 0; s < ex->step_count; s++) {
                int t = 0;
                while (t < rec->count && rec->texts[t] != ex->steps[s]) t++;
                assert_true(t < rec->count);
                /* just inside the row's right end, where no text reaches */
                int x = (int)(steps.x + steps.w) - 1, y = (int)rec->text_boxes[t].y + 3;
                const unsigned char *p = px(w, x, y);
                content_color_t pc = c->theme.panel, ac = c->theme.accent;
                float hr = pc.r + (ac.r - pc.r) * 0.16f, hg = pc.g + (ac.g - pc.g) * 0.16f;
                float dh = fabsf(p[0] / 255.0f - hr) + fabsf(p[1] / 255.0f - hg);
                float dp = fabsf(p[0] / 255.0f - pc.r) + fabsf(p[1] / 255.0f - pc.g);
                if ((s == step) != (dh < dp)) {
                    fail_msg("%s: step %d highlighted %s while step %d is current", ex->id, s + 1,
                             dh < dp ? "too" : "not", step + 1);
                }
            }
        }
    }
}

/* During a hold the countdown visibly counts; a paused frame does not change at all. */
static void test_countdown_moves_and_pause_freezes(void **state) {
    (void)state;
    const content_t *c = app->content;
    const int w = 1280, h = 720;
    size_t n = (size_t)w * h * 4;
    unsigned char *before = malloc(n);
    assert_non_null(before);
    for (int e = 0; e < c->exercise_count; e++) {
        const choreo_t *ch = &app->choreos[e];
        int k = 0;
        while (k < ch->count && ch->inst[k].hold <= 0) k++;
        assert_true(k < ch->count);
        goto_scene(show_find_in_playlist(c, (content_scene_ref_t){SCENE_EXERCISE, e}));
        app_advance(app, ch->inst[k].start + ch->inst[k].move + ch->inst[k].ready + 0.5);
        render(w, h);
        memcpy(before, pixels, n);
        app_advance(app, 1.0);
        render(w, h);
        layout_box_t counter = app->render.layout.exercise.counter;
        if (differing(before, pixels, w, counter) < 20) {
            fail_msg("%s: the countdown did not change in a second", c->exercises[e].id);
        }
        show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0);
        render(w, h);
        memcpy(before, pixels, n);
        app_advance(app, 2.0);
        render(w, h);
        layout_box_t all = {0, 0, (float)w, (float)h};
        assert_int_equal(differing(before, pixels, w, all), 0);
    }
    free(before);
}

/* Partial redraw changes nothing a viewer can see: after seconds of frames where only the
 * figure and the counter were redrawn, the picture equals the same frame drawn from scratch,
 * pixel for pixel. And partial redraw really happens: most frames redraw little or nothing. */
/* The frame drawn bit by bit equals the frame drawn whole, at this moment. */
static void assert_partial_equals_scratch(const char *what, int w, int h, unsigned char *partial) {
    size_t n = (size_t)w * h * 4;
    render(w, h);
    memcpy(partial, pixels, n);
    app->force_full = true;
    render(w, h);
    long differ = differing(partial, pixels, w, (layout_box_t){0, 0, (float)w, (float)h});
    for (int y = 0; y < h && differ; y++) { /* where, first: a clue for whoever reads the log */
        for (int x = 0; x < w; x++) {
            size_t k = ((size_t)y * w + x) * 4;
            if (abs(partial[k] - pixels[k]) + abs(partial[k + 1] - pixels[k + 1]) +
                    abs(partial[k + 2] - pixels[k + 2]) >
                12) {
                printf("  differs first at %d,%d\n", x, y);
                y = h;
                break;
            }
        }
    }
    if (differ)
        fail_msg("%s: the partially redrawn frame differs from scratch in %ld pixels", what,
                 differ);
}

/* Wipes under the kiosk's burn-in drift, a card stepped during a wipe, and a pause resumed:
 * whatever the partial redraw leaves on screen is what a whole redraw draws. */
static void test_partial_redraw_through_wipes_drift_and_resume(void **state) {
    (void)state;
    const int w = 960, h = 540;
    unsigned char *partial = malloc((size_t)w * h * 4);
    assert_non_null(partial);
    const float shifts[] = {-3.0f, 2.5f, 0.0f};
    for (size_t k = 0; k < sizeof shifts / sizeof shifts[0]; k++) {
        goto_scene(0);
        app->render.gfx.shift_x = shifts[k];
        app->render.gfx.shift_y = -shifts[k] * 0.5f;
        app->force_full = true;
        render(w, h);
        show_command(&app->show, SHOW_CMD_NEXT_SCENE, 0);
        for (int f = 0; f < 50; f++) { /* the whole wipe, frame by frame */
            app_advance(app, 1.0 / 60.0);
            if (f == 4) show_command(&app->show, SHOW_CMD_NEXT_ITEM, 0);
            assert_true(app_render_offscreen(app, w, h, NULL));
            if (f == 10) {
                char what[64];
                snprintf(what, sizeof what, "mid-wipe, drift %.1f", shifts[k]);
                assert_partial_equals_scratch(what, w, h, partial);
            }
        }
        char what[64];
        snprintf(what, sizeof what, "after a wipe, drift %.1f", shifts[k]);
        assert_partial_equals_scratch(what, w, h, partial);
    }
    app->render.gfx.shift_x = app->render.gfx.shift_y = 0.0f;
    goto_scene(1);
    app->force_full = true;
    render(w, h);
    show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0);
    render(w, h);
    show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0); /* resumes through a count */
    for (int f = 0; f < 60 * 4; f++) {
        app_advance(app, 1.0 / 60.0);
        assert_true(app_render_offscreen(app, w, h, NULL));
    }
    assert_partial_equals_scratch("after resuming", w, h, partial);
    free(partial);
}

static bool drawn_text(const char *text) {
    for (int t = 0; t < app->render.record.count; t++) {
        if (app->render.record.texts[t] == text) return true;
    }
    return false;
}

/* S's notice ("Sound on"): drawn in a pill at the top centre for SHOW_NOTICE_SECONDS, by a
 * partial redraw of its own box, then gone; under the paused banner while paused; over a wipe
 * too. Whatever the partial redraw leaves on screen is what a whole redraw draws. */
static void test_sound_notice(void **state) {
    (void)state;
    const content_t *c = app->content;
    const int w = 960, h = 540;
    unsigned char *partial = malloc((size_t)w * h * 4);
    assert_non_null(partial);
    goto_scene(1);
    app->force_full = true;
    render(w, h);
    app_advance(app, 1.0 / 60.0);
    show_notice(&app->show, SHOW_NOTICE_SOUND_ON);
    render(w, h);
    assert_true(drawn_text(c->labels.sound_on));
    assert_true(app->damage.w > 0 && app->damage.w * app->damage.h < w * h * 0.25f); /* its box */
    assert_true(app->damage.y < h * 0.2f);
    assert_partial_equals_scratch("sound on shown", w, h, partial);
    for (int f = 0; f < 100; f++) { /* 1.67 s */
        app_advance(app, 1.0 / 60.0);
        assert_true(app_render_offscreen(app, w, h, NULL));
    }
    render(w, h);
    assert_false(drawn_text(c->labels.sound_on));
    assert_partial_equals_scratch("sound on gone", w, h, partial);
    /* paused: under the banner, both there */
    show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0);
    render(w, h);
    show_notice(&app->show, SHOW_NOTICE_SOUND_OFF);
    render(w, h);
    assert_true(drawn_text(c->labels.sound_off) && drawn_text(c->labels.paused));
    assert_partial_equals_scratch("sound off while paused", w, h, partial);
    show_command(&app->show, SHOW_CMD_TOGGLE_PAUSE, 0);
    /* through a wipe: shown before it starts, gone in the middle of it */
    for (int f = 0; f < 100; f++) app_advance(app, 1.0 / 60.0);
    render(w, h);
    show_notice(&app->show, SHOW_NOTICE_SOUND_ON);
    for (int f = 0; f < 70; f++) {
        app_advance(app, 1.0 / 60.0);
        assert_true(app_render_offscreen(app, w, h, NULL));
    }
    show_command(&app->show, SHOW_CMD_NEXT_SCENE, 0);
    for (int f = 0; f < 50; f++) {
        app_advance(app, 1.0 / 60.0);
        assert_true(app_render_offscreen(app, w, h, NULL));
        if (f == 10 || f == 30) {
            char what[64];
            snprintf(what, sizeof what, "a wipe, frame %d, notice %s", f,
                     app->show.notice ? "on" : "gone");
            assert_partial_equals_scratch(what, w, h, partial);
        }
    }
    assert_partial_equals_scratch("after the wipe", w, h, partial);
    free(partial);
}

/* The staff's notice (a USB update's outcome, import.c): its own words, the longest kind a
 * refusal gives, drawn whole inside the screen at the smallest landscape screen and in
 * portrait, for SHOW_STAFF_NOTICE_SECONDS and then gone; new words while one shows are
 * redrawn; a partial redraw leaves what a whole one draws. */
static void test_staff_notice(void **state) {
    (void)state;
    static const char *const texts[] = {
        "Content updated from USB",
        "USB content not used: en.yaml line 420: a quote opened on this line is not closed; "
        "add the closing \" at the end of the text",
    };
    const size2_t sizes[] = {{640, 360}, {360, 640}, {1080, 1920}, {1920, 1080}, {960, 540}};
    unsigned char *partial = malloc((size_t)1920 * 1920 * 4);
    assert_non_null(partial);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int w = sizes[s].w, h = sizes[s].h;
        for (int k = 0; k < 2; k++) {
            goto_scene(1);
            app->force_full = true;
            render(w, h);
            app_advance(app, 1.0 / 60.0);
            show_notice_text(&app->show, texts[k]);
            render(w, h);
            assert_partial_equals_scratch("staff notice shown", w, h, partial);
            const render_record_t *rec = &app->render.record;
            int found = -1;
            for (int t = 0; t < rec->count; t++) {
                if (rec->texts[t] == app->show.notice_text) found = t;
            }
            if (found < 0) fail_msg("staff notice at %dx%d: not drawn", w, h);
            if (rec->overflow)
                fail_msg("staff notice at %dx%d: %d texts did not fit", w, h, rec->overflow);
            layout_box_t b = rec->text_boxes[found], screen = {0, 0, (float)w, (float)h};
            if (!layout_box_inside(b, screen) || !layout_box_inside(b, rec->text_targets[found])) {
                fail_msg("staff notice at %dx%d: '%.30s' outside its box", w, h,
                         rec->copies[found]);
            }
            assert_true(b.y < h * 0.3f);                     /* at the top, over the scene */
            assert_true(b.h >= app->render.layout.font.min); /* readable, not shrunk away */
        }
    }
    /* new words while one shows; gone after SHOW_STAFF_NOTICE_SECONDS */
    const int w = 960, h = 540;
    show_notice_text(&app->show, texts[0]);
    render(w, h);
    show_notice_text(&app->show, texts[1]);
    assert_partial_equals_scratch("staff notice, new words", w, h, partial);
    assert_true(drawn_text(app->show.notice_text));
    for (int f = 0; f < (int)(SHOW_STAFF_NOTICE_SECONDS * 60) - 30; f++)
        app_advance(app, 1.0 / 60.0);
    render(w, h);
    assert_true(drawn_text(app->show.notice_text)); /* still there at 9.5 s */
    for (int f = 0; f < 60; f++) app_advance(app, 1.0 / 60.0);
    assert_int_equal(app->show.notice, SHOW_NOTICE_NONE);
    assert_partial_equals_scratch("staff notice gone", w, h, partial);
    assert_false(drawn_text(app->show.notice_text));
    free(partial);
}

static void test_partial_redraw_equals_scratch(void **state) {
    (void)state;
    const content_t *c = app->content;
    const int w = 1280, h = 720;
    size_t n = (size_t)w * h * 4;
    unsigned char *partial = malloc(n);
    assert_non_null(partial);
    long frames = 0, skipped = 0, partial_frames = 0;
    for (int i = 0; i < c->playlist_count; i++) {
        goto_scene(i);
        app->force_full = true;
        for (int f = 0; f < 60 * 6; f++) {
            app_advance(app, 1.0 / 60.0);
            assert_true(app_render_offscreen(app, w, h, NULL));
            frames++;
            if (app->damage.w <= 0) skipped++;
            else if (app->damage.w * app->damage.h < w * h * 0.5f) partial_frames++;
        }
        assert_partial_equals_scratch(content_scene_id(c, c->playlist[i]), w, h, partial);
    }
    printf("frames: %ld, nothing redrawn: %ld, under half the screen: %ld\n", frames, skipped,
           partial_frames);
    assert_true(skipped + partial_frames > frames * 3 / 4);
    free(partial);
}

/* The countdown ring redraws only where its arc or pacer moved (damage.c's ring_damage), and
 * that is enough: through a breathing hold (the arc and the pacer move) and a timed one (the
 * arc), frame by frame at 60 Hz, every 8th frame the partially redrawn picture equals the one
 * drawn from scratch; in the timed hold most of the ring's moves redraw under a fifth of its box
 * (before: all of it, at every move). */
static void test_ring_redraws_only_where_it_moved(void **state) {
    (void)state;
    const content_t *c = app->content;
    const int w = 1280, h = 720;
    unsigned char *partial = malloc((size_t)w * h * 4);
    assert_non_null(partial);
    static const char *const ids[] = {"spinal-twists", "childs-pose"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        int scene = playlist_index(ids[k]);
        goto_scene(scene);
        const choreo_t *ch = &app->choreos[c->playlist[scene].exercise];
        double hold = -1;
        for (int i = 0; i < ch->count && hold < 0; i++) {
            const choreo_instance_t *in = &ch->inst[i];
            if (in->hold > 4) hold = in->start + in->move + in->ready + 0.5;
        }
        assert_true(hold > 0);
        while (app->show.view.time < hold) app_advance(app, 1.0 / 60.0);
        app->force_full = true;
        render(w, h);
        layout_box_t ring = app->render.layout.exercise.counter;
        int small = 0, frames = 0, touched = 0;
        for (int f = 1; f <= 150; f++) {
            app_advance(app, 1.0 / 60.0);
            if (f % 8 == 0) {
                char what[64];
                snprintf(what, sizeof what, "%s, %d frames into its hold", ids[k], f);
                assert_partial_equals_scratch(what, w, h, partial);
                continue;
            }
            render(w, h);
            frames++;
            float on_ring = 0; /* of the boxes redrawn, what lies on the ring's box */
            for (int b = 0; b < app->render.redrawn_count; b++) {
                layout_box_t x = layout_box_clip(app->render.redrawn[b], ring);
                on_ring += x.w > 0 && x.h > 0 ? x.w * x.h : 0;
            }
            touched += on_ring > 0;
            small += on_ring > 0 && on_ring < ring.w * ring.h * 0.2f;
        }
        /* in the timed hold the ring moves every few frames, and most of its moves redraw a small
         * part of it (in a breathing hold the pacer's steps redraw its disc, most of the ring) */
        if (k == 1 && (touched < frames / 5 || small < touched * 3 / 4)) {
            fail_msg("%s: the ring redrawn in %d of %d frames, %d of them a fifth of its box or "
                     "less",
                     ids[k], touched, frames, small);
        }
    }
    free(partial);
}

/* While the camera eases between child's pose's kneeling and folded shots (the mat, ghosts and
 * arrow move with it), the picture under the whole figure is kept and put back in the redrawn
 * boxes (gfx_layer_t); frame by frame through those moves, every 5th frame, the partially
 * redrawn picture equals the one drawn from scratch (which puts nothing back). */
static void test_camera_ease_puts_back_the_stage(void **state) {
    (void)state;
    const int w = 1280, h = 720;
    unsigned char *partial = malloc((size_t)w * h * 4);
    assert_non_null(partial);
    int scene = playlist_index("childs-pose");
    const gfx_layer_t *l = &app->render.gfx.layer;
    const float drift[] = {0.0f, 2.0f}; /* none, and the kiosk's burn-in drift (whole pixels) */
    for (size_t k = 0; k < sizeof drift / sizeof drift[0]; k++) {
        goto_scene(scene);
        app->render.gfx.shift_x = drift[k];
        app->render.gfx.shift_y = -drift[k] * 0.5f;
        app->force_full = true;
        render(w, h);
        uint64_t lens = app->render.figure_lens;
        int easing = 0, checked = 0, put = 0; /* frames */
        bool was = false;                     /* the camera moved at the last frame */
        for (int f = 1; f <= 60 * 20; f++) {
            app_advance(app, 1.0 / 60.0);
            unsigned long before = l->put_back[GFX_LAYER_UNDER_FIGURE];
            if (was && f % 5 == 0) {
                char what[80];
                snprintf(what, sizeof what,
                         "child's pose, drift %g px, the camera easing, frame %d", drift[k], f);
                assert_partial_equals_scratch(what, w, h, partial);
                checked++;
            } else {
                render(w, h);
            }
            was = app->render.figure_lens != lens;
            easing += was;
            put += was && l->put_back[GFX_LAYER_UNDER_FIGURE] > before;
            lens = app->render.figure_lens;
        }
        printf("drift %g px: the camera moved in %d frames, the stage put back in %d of them; %d "
               "compared\n",
               drift[k], easing, put, checked);
        assert_true(easing >= 30 && checked >= 6);
        if (put * 4 < easing * 3) {
            fail_msg("drift %g px: the stage was put back in %d of %d frames of the camera easing",
                     drift[k], put, easing);
        }
    }
    app->render.gfx.shift_x = app->render.gfx.shift_y = 0.0f;
    free(partial);
}

/* In a window's own framebuffer (whose memory runs from its top row, where an offscreen
 * target's runs from its bottom row) the layer under the figure is kept upside down in GL's
 * terms, so the driver copies it back as memory (gfx_layer_mark): through knees to chest's moves
 * and child's pose's camera eases, drawn in a window of the offscreen driver, it is put back in
 * nine frames of a move in ten or more, and every 10th frame the partially redrawn picture
 * equals the one drawn from scratch; and back in an offscreen target the layer is made again
 * the other way up, and still equal. */
static void window_frame(int w, int h, bool full, unsigned char *out) {
    gfx_bind_window();
    app->damage = render_frame(&app->render, &app->show, w, h, full);
    gfx_read_rgba(w, h, out);
}

static void test_layer_kept_the_window_s_way_up(void **state) {
    (void)state;
    const int w = 960, h = 540;
    size_t n = (size_t)w * h * 4;
    unsigned char *partial = malloc(n);
    assert_non_null(partial);
    SDL_Window *win = SDL_CreateWindow("layer", 0, 0, w, h, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    assert_non_null(win);
    assert_int_equal(SDL_GL_MakeCurrent(win, app->platform.gl), 0);
    const gfx_layer_t *l = &app->render.gfx.layer;
    static const char *const ids[] = {"knees-to-chest", "childs-pose"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        goto_scene(playlist_index(ids[k]));
        app_advance(app, 3.0);
        window_frame(w, h, true, pixels);
        unsigned long before = l->put_back[0] + l->put_back[1];
        int checked = 0, moving = 0, whole = 0; /* frames in a move; of them, none put back */
        for (int f = 1; f <= 60 * 12; f++) {
            app_advance(app, 1.0 / 60.0);
            unsigned long was = l->put_back[0] + l->put_back[1];
            uint64_t key = l->key;
            window_frame(w, h, false, f % 10 ? pixels : partial);
            if (app->render.figure_cues && key == l->key && key) { /* a move's later frame */
                moving++;
                whole += l->put_back[0] + l->put_back[1] == was;
            }
            if (f % 10) continue;
            window_frame(w, h, true, pixels);
            long differ = differing(partial, pixels, w, (layout_box_t){0, 0, (float)w, (float)h});
            if (differ)
                fail_msg("%s in a window, frame %d: %ld pixels differ from scratch", ids[k], f,
                         differ);
            checked++;
        }
        unsigned long put = l->put_back[0] + l->put_back[1] - before;
        printf("%s in a window: the layer put back %lu times; %d frames in a move after its "
               "first, %d of them drawn without it; %d frames compared\n",
               ids[k], put, moving, whole, checked);
        assert_int_equal(l->top_down, !app->render.gfx.gles); /* (ES: no BGRA texture) */
        assert_true(put > 100 && checked == 72);
        /* the layer reaches as far as the body moves in the whole move (was: 115 of 356 frames
         * of knees to chest drawn whole, the arc of a knee past both its ends' poses) */
        if (whole * 10 > moving)
            fail_msg("%s: %d of %d frames of a move drawn without the layer under the body", ids[k],
                     whole, moving);
    }
    assert_int_equal(SDL_GL_MakeCurrent(app->platform.window, app->platform.gl), 0);
    SDL_DestroyWindow(win);
    /* in an offscreen target again: the layer the other way up, the same pixels */
    goto_scene(playlist_index("knees-to-chest"));
    app->force_full = true;
    render(w, h);
    for (int f = 1; f <= 60 * 3; f++) {
        app_advance(app, 1.0 / 60.0);
        assert_true(app_render_offscreen(app, w, h, NULL));
    }
    assert_partial_equals_scratch("knees to chest offscreen after a window", w, h, partial);
    assert_false(l->top_down);
    free(partial);
}

/* The mat and a panel's flat inside are one flat colour, whatever is under them: opaque, every
 * pixel inside is that colour exactly (drawn unblended, as blended at alpha 1 would give), none
 * outside changes; translucent, each pixel is the colour over what was there. A trapezoid, as
 * the mat is seen from the side, over the dithered background. */
static void test_flat_colours_are_exact(void **state) {
    (void)state;
    const int w = 240, h = 140;
    size_t n = (size_t)w * h * 4;
    unsigned char *under = malloc(n), *over = malloc(n);
    assert_true(under && over);
    gfx_t *g = &app->render.gfx;
    const float corners[8] = {60, 40, 180, 40, 30, 100, 210, 100}; /* mat-like: wider below */
    const float alphas[2] = {1.0f, 0.5f};
    for (int k = 0; k < 2; k++) {
        assert_true(gfx_target_bind(&app->offscreen, w, h) >= 0);
        gfx_begin(g, w, h);
        gfx_clip(g, NULL);
        gfx_gradient(g, (gfx_color_t){0.10f, 0.20f, 0.30f, 1},
                     (gfx_color_t){0.05f, 0.10f, 0.15f, 1});
        gfx_read_rgba(w, h, under);
        gfx_color_t c = {0.30f, 0.62f, 0.45f, alphas[k]};
        gfx_quad(g, corners, c);
        gfx_read_rgba(w, h, over);
        int inside = 0, changed_outside = 0, wrong = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                size_t i = ((size_t)y * w + x) * 4;
                /* the trapezoid's edges at this row, a pixel in and a pixel out */
                float t = (y + 0.5f - 40.0f) / 60.0f;
                float x0 = 60.0f - 30.0f * t, x1 = 180.0f + 30.0f * t;
                bool in = t > 1.0f / 60 && t < 59.0f / 60 && x + 0.5f > x0 + 1 && x + 0.5f < x1 - 1;
                bool out =
                    t < -1.0f / 60 || t > 61.0f / 60 || x + 0.5f < x0 - 1 || x + 0.5f > x1 + 1;
                if (out) changed_outside += memcmp(over + i, under + i, 3) != 0;
                if (!in) continue;
                inside++;
                for (int ch = 0; ch < 3; ch++) {
                    float want = (&c.r)[ch] * c.a * 255.0f + under[i + ch] * (1.0f - c.a);
                    wrong += fabsf((float)over[i + ch] - want) > (c.a >= 1.0f ? 0.5f : 1.0f);
                }
            }
        }
        assert_true(inside > 5000);
        assert_int_equal(changed_outside, 0);
        if (wrong)
            fail_msg("alpha %.1f: %d channels of %d pixels not the colour", c.a, wrong, inside);
    }
    free(under);
    free(over);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    app->force_full = true;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_api_is_the_one_asked_for),
        cmocka_unit_test(test_linked_programs_draw_the_same),
        cmocka_unit_test(test_first_frame_texts_are_prepared),
        cmocka_unit_test(test_shaders_not_shown_compile_after_the_first_frame),
        cmocka_unit_test_teardown(test_every_scene_every_size, back_to_english),
        cmocka_unit_test_teardown(test_tiny_window_keeps_everything_inside, back_to_english),
        cmocka_unit_test_teardown(test_8k, back_to_english),
        cmocka_unit_test(test_resize_relayouts_without_leaks),
        cmocka_unit_test(test_text_pages_refilled_draw_the_same),
        cmocka_unit_test(test_text_from_its_page_as_from_its_own_texture),
        cmocka_unit_test(test_text_lines_drawn_as_sdl_ttf_draws_them),
        cmocka_unit_test_teardown(test_exercise_draws_every_step, back_to_english),
        cmocka_unit_test(test_reproducible_and_cached),
        cmocka_unit_test(test_transition_wipes_scenes),
        cmocka_unit_test(test_help_and_paused_overlays),
        cmocka_unit_test_teardown(test_ring_says_what_it_counts, back_to_english),
        cmocka_unit_test_teardown(test_help_fits, back_to_english),
        cmocka_unit_test(test_reload_changes_fonts),
        cmocka_unit_test(test_4k_text_is_native),
        cmocka_unit_test(test_figure_inside_its_box_and_moving),
        cmocka_unit_test(test_figure_never_leaves_its_stage),
        cmocka_unit_test(test_highlighted_step_is_the_current_one),
        cmocka_unit_test(test_countdown_moves_and_pause_freezes),
        cmocka_unit_test(test_partial_redraw_equals_scratch),
        cmocka_unit_test(test_ring_redraws_only_where_it_moved),
        cmocka_unit_test(test_camera_ease_puts_back_the_stage),
        cmocka_unit_test(test_layer_kept_the_window_s_way_up),
        cmocka_unit_test(test_flat_colours_are_exact),
        cmocka_unit_test(test_partial_redraw_through_wipes_drift_and_resume),
        cmocka_unit_test(test_sound_notice),
        cmocka_unit_test(test_staff_notice),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
