/* test_theme: every text the show draws is readable from across the room — at least 4.5:1
 * contrast (WCAG 2) against whatever it is drawn on, computed from the content's own theme
 * colours and the way the renderer layers its panels, in English and in Spanish. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content.h"
#include "support.h"

/* the show in each of its languages: English, Spanish (the colours are the show's) */
static content_t *g_content, *g_spanish;

static int setup(void **state) {
    (void)state;
    g_content = support_load_content(SK_SOURCE_DIR "/assets/content/en.yaml");
    g_spanish = support_load_content(SK_SOURCE_DIR "/assets/content/es.yaml");
    return g_content && g_spanish ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(g_content);
    free(g_spanish);
    return 0;
}

static double linear(double c) { return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4); }

static double luminance(content_color_t c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

static double contrast(content_color_t a, content_color_t b) {
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* `top` drawn with `alpha` over `under`, as the renderer blends it. */
static content_color_t over(content_color_t top, float alpha, content_color_t under) {
    return (content_color_t){under.r + (top.r - under.r) * alpha,
                             under.g + (top.g - under.g) * alpha,
                             under.b + (top.b - under.b) * alpha};
}

static void test_known_ratios(void **state) {
    (void)state;
    content_color_t white = {1, 1, 1}, black = {0, 0, 0}, grey = {0.4627f, 0.4627f, 0.4627f};
    assert_true(fabs(contrast(white, black) - 21.0) < 1e-6);
    assert_true(fabs(contrast(white, white) - 1.0) < 1e-6);
    assert_true(fabs(contrast(white, grey) - 4.54) < 0.02); /* #767676 on white: 4.54 */
}

static void reads_at_4_5_to_1(const content_t *c) {
    const struct {
        const char *name;
        content_color_t color;
    } grounds[] = {
        {"background_top", c->theme.background_top},
        {"background_bottom", c->theme.background_bottom},
        /* the gradient's faint glow lightens the top by up to 0.035 */
        {"background glow", over((content_color_t){1, 1, 1}, 0.035f, c->theme.background_top)},
        {"panel", c->theme.panel},
        {"figure panel (top)", over(c->theme.panel, 0.55f, c->theme.background_top)},
        {"figure panel (bottom)", over(c->theme.panel, 0.55f, c->theme.background_bottom)},
        {"highlighted step", over(c->theme.accent, 0.16f, c->theme.panel)},
    };
    const struct {
        const char *name;
        content_color_t color;
    } inks[] = {
        {"text", c->theme.text}, {"text_dim", c->theme.text_dim}, {"accent", c->theme.accent}};
    for (size_t g = 0; g < sizeof grounds / sizeof grounds[0]; g++) {
        for (size_t i = 0; i < sizeof inks / sizeof inks[0]; i++) {
            double r = contrast(inks[i].color, grounds[g].color);
            if (r < 4.5)
                fail_msg("%s on %s: %.2f:1, under 4.5:1", inks[i].name, grounds[g].name, r);
        }
    }
    /* pills, the current step's number and the paused label: accent_text on accent */
    double r = contrast(c->theme.accent_text, c->theme.accent);
    if (r < 4.5) fail_msg("accent_text on accent: %.2f:1, under 4.5:1", r);
}

static void test_every_text_reads_at_4_5_to_1(void **state) {
    (void)state;
    assert_string_equal(g_content->language, "en");
    assert_string_equal(g_spanish->language, "es");
    reads_at_4_5_to_1(g_content);
    reads_at_4_5_to_1(g_spanish);
}

/* The contact scene's QR code calls the clinic's number shown beside it. */
static void test_qr_calls_the_clinic_phone(void **state) {
    (void)state;
    char phone[32] = "", qr[64] = "";
    size_t n = 0;
    for (const char *p = g_content->clinic.phone; *p && n + 1 < sizeof phone; p++) {
        if (*p >= '0' && *p <= '9') phone[n++] = *p;
    }
    const char *q = g_content->clinic.qr_text;
    assert_true(strncmp(q, "tel:", 4) == 0);
    n = 0;
    for (const char *p = q + 4; *p && n + 1 < sizeof qr; p++) {
        if (*p >= '0' && *p <= '9') qr[n++] = *p;
    }
    assert_true(strlen(phone) == 10);
    assert_true(strlen(qr) >= strlen(phone));
    assert_string_equal(qr + strlen(qr) - strlen(phone), phone);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_ratios),
        cmocka_unit_test(test_every_text_reads_at_4_5_to_1),
        cmocka_unit_test(test_qr_calls_the_clinic_phone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
