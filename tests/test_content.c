/* test_content: the content parser against the real en.yaml, the clinic's page and broken fixtures.
 * Depends on content.c, skeleton.c (joint names), libyaml and cmocka only; reads files under
 * SK_SOURCE_DIR. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "skeleton.h"

#ifndef SK_SOURCE_DIR
#error "SK_SOURCE_DIR must name the source tree"
#endif

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define EPSILON 1e-5f

/* ---- Helpers ----------------------------------------------------------------------- */

static char *read_file(const char *relative, size_t *len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SK_SOURCE_DIR, relative);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fail_msg("cannot open %s", path);
    }
    char *buf = NULL;
    size_t size = 0;
    size_t used = 0;
    for (;;) {
        if (used == size) {
            size = size ? size * 2 : 4096;
            buf = realloc(buf, size + 1);
            assert_non_null(buf);
        }
        size_t n = fread(buf + used, 1, size - used, f);
        used += n;
        if (n == 0) {
            break;
        }
    }
    fclose(f);
    buf[used] = '\0';
    *len = used;
    return buf;
}

static content_t *content_new(void) {
    content_t *c = calloc(1, sizeof *c); /* ~600 KB: never on the stack */
    assert_non_null(c);
    return c;
}

static bool parse_file(const char *relative, content_t *c, content_errors_t *errors) {
    size_t len = 0;
    char *text = read_file(relative, &len);
    bool ok = content_parse(c, text, len, errors);
    free(text);
    return ok;
}

static void print_errors(const content_errors_t *errors, const char *name) {
    for (int i = 0; i < errors->count; i++) {
        char line[512];
        content_error_format(&errors->items[i], name, line, sizeof line);
        print_message("  %s\n", line);
    }
}

/* Fails unless errors holds one at (line, column) whose message contains `part`. */
static void assert_has_error(const content_errors_t *errors, const char *name, int line, int column,
                             const char *part) {
    for (int i = 0; i < errors->count; i++) {
        const content_error_t *e = &errors->items[i];
        if (e->line == line && e->column == column && strstr(e->message, part)) {
            return;
        }
    }
    print_errors(errors, name);
    fail_msg("%s: no error at %d:%d containing \"%s\"", name, line, column, part);
}

static void assert_in_file_order(const content_errors_t *errors) {
    for (int i = 1; i < errors->count; i++) {
        const content_error_t *a = &errors->items[i - 1];
        const content_error_t *b = &errors->items[i];
        assert_true(a->line < b->line || (a->line == b->line && a->column <= b->column));
    }
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s);
    size_t m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Product requirement: the figure shows every step on the page. Each exercise has a pose
 * and a phase, and every step is illustrated by at least one phase. */
static void assert_every_step_illustrated(const content_t *c, const char *name) {
    assert_true(c->exercise_count > 0);
    for (int i = 0; i < c->exercise_count; i++) {
        const content_exercise_t *ex = &c->exercises[i];
        if (ex->pose_count < 1 || ex->phase_count < 1) {
            fail_msg("%s: exercise '%s' has %d poses and %d phases", name, ex->id, ex->pose_count,
                     ex->phase_count);
        }
        bool shown[CONTENT_MAX_STEPS] = {false};
        for (int k = 0; k < ex->phase_count; k++) {
            const content_phase_t *phase = &ex->phases[k];
            assert_in_range(phase->step, 0, ex->step_count - 1);
            assert_in_range(phase->pose, 0, ex->pose_count - 1);
            shown[phase->step] = true;
        }
        for (int k = 0; k < ex->step_count; k++) {
            if (!shown[k]) {
                fail_msg("%s: step %d of '%s' (\"%s\") is illustrated by no phase", name, k + 1,
                         ex->id, ex->steps[k]);
            }
        }
    }
}

/* ---- The real content file --------------------------------------------------------- */

static void test_real_file_parses(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    bool ok = parse_file("tests/data/whole-en.yaml", c, &errors);
    if (!ok) {
        print_errors(&errors, "en.yaml");
    }
    assert_true(ok);
    assert_int_equal(errors.total, 0);
    assert_int_equal(errors.count, 0);
    assert_int_equal(c->version, 1);
    assert_string_equal(c->language, "en");

    static const struct {
        const char *id;
        int steps;
    } exercises[] = {
        {"spinal-twists", 5},
        {"childs-pose", 4},
        {"knees-to-chest", 5},
        {"press-up-back-extensions", 5},
    };
    assert_int_equal(c->exercise_count, COUNT_OF(exercises));
    for (int i = 0; i < COUNT_OF(exercises); i++) {
        assert_string_equal(c->exercises[i].id, exercises[i].id);
        assert_int_equal(c->exercises[i].step_count, exercises[i].steps);
    }
    assert_string_equal(c->exercises[1].title, "Child\xE2\x80\x99s Pose"); /* curly apostrophe */

    static const char *const names[] = {"Rebecca B.", "Juan C.", "Sushila S."};
    assert_int_equal(c->reviews.count, COUNT_OF(names));
    for (int i = 0; i < COUNT_OF(names); i++) {
        assert_string_equal(c->reviews.items[i].name, names[i]);
        assert_true(c->reviews.items[i].word_count > 20);
    }
    assert_int_equal(c->reviews.items[2].word_count, 40);

    static const char *const playlist[] = {
        "intro",   "spinal-twists", "childs-pose", "knees-to-chest", "press-up-back-extensions",
        "reviews", "contact"};
    assert_int_equal(c->playlist_count, COUNT_OF(playlist));
    for (int i = 0; i < COUNT_OF(playlist); i++) {
        assert_string_equal(content_scene_id(c, c->playlist[i]), playlist[i]);
    }
    assert_int_equal(c->playlist[0].kind, SCENE_INTRO);
    assert_int_equal(c->playlist[0].exercise, -1);
    assert_int_equal(c->playlist[3].kind, SCENE_EXERCISE);
    assert_int_equal(c->playlist[3].exercise, 2);
    assert_int_equal(c->playlist[6].kind, SCENE_CONTACT);

    assert_non_null(strstr(c->contact.severe, "(209) 208-4182"));
    assert_non_null(strstr(c->contact.severe, "Birch Pain & Spine Group"));
    assert_null(strchr(c->contact.severe, '{'));
    assert_true(ends_with(c->contact.call, "(209) 830-1799"));
    assert_string_equal(c->labels.footer,
                        "Birch Pain & Spine Group  \xC2\xB7  Call Us Today: (209) 830-1799");
    assert_string_equal(c->clinic.qr_text, "tel:+12098301799");
    assert_string_equal(c->labels.review_name_prefix, "\xE2\x80\x94 ");
    assert_int_equal(c->labels.help_count, 12);
    assert_string_equal(c->labels.help[8].keys, "L"); /* the languages, named in their own words */
    assert_string_equal(c->labels.help[11].action, "Quit");
    assert_string_equal(c->theme.font_bold, "fonts/Inter-SemiBold.otf");

    assert_float_equal(c->theme.accent.r, 0xF4 / 255.0f, EPSILON);
    assert_float_equal(c->theme.accent.g, 0xB8 / 255.0f, EPSILON);
    assert_float_equal(c->theme.accent.b, 0x60 / 255.0f, EPSILON);
    assert_float_equal(c->theme.figure.r, 1.0f, EPSILON);
    assert_float_equal(c->timing.transition_seconds, 0.6f, EPSILON);
    assert_float_equal(c->timing.idle_seconds, 45.0f, EPSILON);
    assert_float_equal(c->timing.reading_words_per_minute, 150.0f, EPSILON);
    assert_float_equal(c->timing.demo_hold_seconds, 6.0f, EPSILON);
    assert_int_equal(c->timing.demo_breaths, 2);
    assert_float_equal(c->timing.resume_seconds, 3.0f, EPSILON);
}

/* The choreography's cues, templates kept as written for content_format. */
static void test_real_file_labels(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    assert_true(parse_file("tests/data/whole-en.yaml", c, &errors));
    const struct {
        const char *text;
        const char *expected;
    } labels[] = {
        {c->labels.get_ready, "Get ready"},
        {c->labels.switch_sides, "Switch sides"},
        {c->labels.breathe_in, "Breathe in"},
        {c->labels.breathe_out, "Breathe out"},
        {c->labels.right, "Right"},
        {c->labels.left, "Left"},
        {c->labels.side, "{side} side"},
        {c->labels.hold_breaths, "Hold for {target} deep breaths"},
        {c->labels.hold_seconds, "Hold for {target} seconds"},
        {c->labels.hold_range, "Hold for {min} to {target} seconds"},
        {c->labels.hold_comfortable, "Hold for as long as you can"},
        {c->labels.breaths_left, "breaths left"},
        {c->labels.seconds_left, "seconds left"},
        {c->labels.seconds_held, "seconds held"},
        {c->labels.breath_left, "breath left"},
        {c->labels.second_left, "second left"},
        {c->labels.second_held, "second held"},
        {c->labels.repetition_word, "repetition"},
        {c->labels.repetition, "Repetition {n} of {target}"},
        {c->labels.resuming, "Resuming in {n}"},
    };
    for (int i = 0; i < COUNT_OF(labels); i++) {
        assert_non_null(labels[i].text);
        assert_string_equal(labels[i].text, labels[i].expected);
    }

    char out[64];
    content_format_args_t args = {.side = c->labels.left};
    content_format(out, sizeof out, c->labels.side, &args);
    assert_string_equal(out, "Left side");
    args = (content_format_args_t){.n = "3", .target = "15"};
    content_format(out, sizeof out, c->labels.repetition, &args);
    assert_string_equal(out, "Repetition 3 of 15");
    args = (content_format_args_t){.min = "20", .target = "30"};
    content_format(out, sizeof out, c->labels.hold_range, &args);
    assert_string_equal(out, "Hold for 20 to 30 seconds");
    /* one help entry stands for the number keys, listed with their exercises */
    int numbers = 0;
    for (int i = 0; i < c->labels.help_count; i++) numbers += c->labels.help[i].exercises;
    assert_int_equal(numbers, 1);

    /* the singulars, the ring's repetition word and the number keys' flag may be left out */
    assert_true(parse_file("tests/data/minimal.yaml", c, &errors));
    assert_null(c->labels.breath_left);
    assert_null(c->labels.second_left);
    assert_null(c->labels.second_held);
    assert_null(c->labels.repetition_word);
    for (int i = 0; i < c->labels.help_count; i++) assert_false(c->labels.help[i].exercises);
}

/* What the page asks for: "10-15 repetitions", "Do this 4-5 times"; the others do not say. */
static void test_real_file_repetitions(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    assert_true(parse_file("tests/data/whole-en.yaml", c, &errors));
    static const struct {
        const char *id;
        int min, max;
    } cases[] = {
        {"spinal-twists", 0, 0},
        {"childs-pose", 0, 0},
        {"knees-to-chest", 10, 15},
        {"press-up-back-extensions", 4, 5},
    };
    assert_int_equal(c->exercise_count, COUNT_OF(cases));
    for (int i = 0; i < COUNT_OF(cases); i++) {
        const content_exercise_t *ex = &c->exercises[i];
        assert_string_equal(ex->id, cases[i].id);
        assert_int_equal(ex->repetitions_min, cases[i].min);
        assert_int_equal(ex->repetitions_max, cases[i].max);
        if (cases[i].min == 0) {
            continue;
        }
        /* the figures are the page's own, as its last step writes them */
        char range[16];
        snprintf(range, sizeof range, "%d-%d", cases[i].min, cases[i].max);
        if (!strstr(ex->steps[ex->step_count - 1], range)) {
            fail_msg("'%s': repetitions %s not in its last step \"%s\"", ex->id, range,
                     ex->steps[ex->step_count - 1]);
        }
    }
}

/* The real file: always open, quit with Ctrl+Alt+Q. Then, with the hours its comment gives as
 * an example (Mon-Sat 07:30-18:30), the opening hours to the minute. */
static void test_real_file_kiosk(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    assert_true(parse_file("tests/data/whole-en.yaml", c, &errors));
    assert_true(c->kiosk.present);
    assert_true(c->kiosk.always_open);
    assert_true(content_kiosk_open(c, 0, 3 * 60));
    size_t len = 0;
    char *text = read_file("tests/data/whole-en.yaml", &len);
    assert_non_null(text);
    const char *always = "  opening_hours: always\n";
    char *at = strstr(text, always);
    assert_non_null(at);
    const char *hours =
        "  opening_hours: \"07:30-18:30\"\n  open_days: [mon, tue, wed, thu, fri, sat]\n";
    char *edited = malloc(len + strlen(hours) + 1);
    assert_non_null(edited);
    size_t head = (size_t)(at - text);
    memcpy(edited, text, head);
    strcpy(edited + head, hours);
    strcat(edited, at + strlen(always));
    bool ok = content_parse(c, edited, strlen(edited), &errors);
    free(edited);
    free(text);
    assert_true(ok);
    assert_int_equal(c->kiosk.quit_mods, CONTENT_MOD_CTRL | CONTENT_MOD_ALT);
    assert_int_equal(c->kiosk.quit_key, 'q');
    assert_int_equal(c->kiosk.quit_fkey, 0);
    assert_string_equal(c->kiosk.quit_keys, "Ctrl+Alt+Q");
    assert_string_equal(c->kiosk.hint, "\xE2\x86\x92 Follow along   \xC2\xB7   Space pause   "
                                       "\xC2\xB7   H help");
    assert_false(c->kiosk.always_open);
    assert_int_equal(c->kiosk.open_minute, 7 * 60 + 30);
    assert_int_equal(c->kiosk.close_minute, 18 * 60 + 30);
    assert_int_equal(c->kiosk.open_days, 0x7E); /* Monday (bit 1) .. Saturday (bit 6) */
    assert_float_equal(c->kiosk.drift_pixels, 3.0f, EPSILON);
    assert_float_equal(c->kiosk.reload_seconds, 2.0f, EPSILON);

    enum { SUN, MON, TUE, WED, THU, FRI, SAT };
    static const struct {
        int weekday, hour, minute;
        bool open;
    } cases[] = {
        {MON, 7, 29, false},  {MON, 7, 30, true},   {MON, 18, 29, true}, {MON, 18, 30, false},
        {MON, 0, 0, false},   {MON, 23, 59, false}, {MON, 12, 0, true},  {SAT, 7, 30, true},
        {SAT, 18, 29, true},  {FRI, 18, 30, false}, {SUN, 7, 30, false}, {SUN, 12, 0, false},
        {SUN, 18, 29, false}, {WED, 24, 0, false}, /* minute 1440: past the day */
        {7, 12, 0, false},    {-1, 12, 0, false},   {MON, 0, -1, false}, /* out of range */
    };
    for (int i = 0; i < COUNT_OF(cases); i++) {
        int minute = cases[i].hour * 60 + cases[i].minute;
        if (content_kiosk_open(c, cases[i].weekday, minute) != cases[i].open) {
            fail_msg("day %d %02d:%02d: expected %s", cases[i].weekday, cases[i].hour,
                     cases[i].minute, cases[i].open ? "open" : "closed");
        }
    }
    assert_true(content_kiosk_open(NULL, SUN, 0));
}

/* Its poses are the choreographer's to tune; only what the product promises is checked. */
static void test_every_step_illustrated(void **state) {
    static const char *const files[] = {
        "tests/data/whole-en.yaml",
        "tests/data/minimal.yaml",
        "tests/data/choreography.yaml",
    };
    content_t *c = *state;
    for (int i = 0; i < COUNT_OF(files); i++) {
        content_errors_t errors;
        if (!parse_file(files[i], c, &errors)) {
            print_errors(&errors, files[i]);
            fail_msg("%s does not parse", files[i]);
        }
        assert_every_step_illustrated(c, files[i]);
    }
}

/* Every text the show takes from the clinic's page must be on that page word for word. */
static void test_real_file_word_for_word(void **state) {
    size_t len = 0;
    char *page = read_file("tests/data/clinic-stretches-page.txt", &len);
    content_t *c = *state;
    content_errors_t errors;
    assert_true(parse_file("tests/data/whole-en.yaml", c, &errors));

    const char *texts[128];
    int n = 0;
    for (int i = 0; i < c->exercise_count; i++) {
        const content_exercise_t *ex = &c->exercises[i];
        texts[n++] = ex->title;
        texts[n++] = ex->purpose;
        texts[n++] = ex->how_to;
        for (int k = 0; k < ex->step_count; k++) {
            texts[n++] = ex->steps[k];
        }
    }
    texts[n++] = c->intro.title;
    texts[n++] = c->intro.body;
    texts[n++] = c->intro.call;
    texts[n++] = c->contact.title;
    texts[n++] = c->contact.body;
    texts[n++] = c->contact.severe;
    texts[n++] = c->contact.call;
    texts[n++] = c->reviews.title;
    for (int i = 0; i < c->reviews.count; i++) {
        texts[n++] = c->reviews.items[i].text;
        texts[n++] = c->reviews.items[i].name;
    }
    texts[n++] = c->clinic.address;
    texts[n++] = c->clinic.phone;
    texts[n++] = c->clinic.care_phone;
    assert_true(n <= COUNT_OF(texts));
    assert_int_equal(n, 4 * 3 + 19 + 3 + 4 + 1 + 3 * 2 + 3);

    for (int i = 0; i < n; i++) {
        assert_non_null(texts[i]);
        if (!strstr(page, texts[i])) {
            fail_msg("not on the clinic's page word for word: \"%s\"", texts[i]);
        }
    }
    assert_non_null(strstr(page, "Knees to Chest Stretches"));
    free(page);
}

/* ---- The minimal fixture: section order must not matter --------------------------- */

static void test_minimal_parses(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    bool ok = parse_file("tests/data/minimal.yaml", c, &errors);
    if (!ok) {
        print_errors(&errors, "minimal.yaml");
    }
    assert_true(ok);
    /* clinic comes last in the file, yet the texts above it are expanded */
    assert_string_equal(c->labels.footer, "Test Clinic \xC2\xB7 555-0100");
    assert_string_equal(c->contact.severe, "Call Test Clinic at 555-0199.");
    assert_string_equal(c->contact.call, "Call: 555-0100");
    /* the playlist comes before the exercise it names */
    assert_int_equal(c->playlist_count, 4);
    assert_int_equal(c->playlist[1].kind, SCENE_EXERCISE);
    assert_int_equal(c->playlist[1].exercise, 0);
    assert_string_equal(c->labels.review_name_prefix, "");
    assert_int_equal(c->reviews.items[0].word_count, 3); /* "  Great   care,\tthanks. " */
    assert_float_equal(c->timing.transition_seconds, 0.0f, EPSILON);
    assert_float_equal(c->theme.text_dim.r, 0xCC / 255.0f, EPSILON); /* lower-case hex */
    assert_int_equal(c->labels.help_count, 1);
    assert_float_equal(c->timing.demo_hold_seconds, 6.0f, EPSILON);
    assert_int_equal(c->timing.demo_breaths, 2);
    assert_float_equal(c->timing.resume_seconds, 3.0f, EPSILON);
    assert_string_equal(c->labels.hold_breaths, "Hold for {target} deep breaths"); /* kept */
    assert_string_equal(c->labels.get_ready, "Get ready");

    /* the choreography keys left out take their defaults */
    const content_exercise_t *ex = &c->exercises[0];
    assert_int_equal(ex->repetitions_min, 0);
    assert_int_equal(ex->repetitions_max, 0);
    assert_float_equal(ex->camera.yaw, 0.0f, EPSILON);
    assert_float_equal(ex->camera.pitch, 0.0f, EPSILON);
    assert_true(ex->ghosts);
    assert_true(ex->arrow);
    assert_int_equal(ex->pose_count, 2);
    assert_string_equal(ex->poses[0].name, "standing");
    assert_string_equal(ex->poses[1].name, "arm-up");
    assert_float_equal(ex->poses[0].root_at[1], 0.95f, EPSILON);
    for (int k = 0; k < 3; k++) {
        assert_float_equal(ex->poses[0].root_rot[k], 0.0f, EPSILON);
    }
    assert_int_equal(ex->poses[0].rotated_count, 0);
    assert_int_equal(ex->poses[0].reach_count, 0);
    assert_int_equal(ex->poses[1].rotated_count, 1);
    assert_int_equal(ex->poses[1].rotated_joint[0], SKEL_SHOULDER_R);
    assert_int_equal(ex->phase_count, 2);
    for (int k = 0; k < ex->phase_count; k++) {
        const content_phase_t *phase = &ex->phases[k];
        assert_int_equal(phase->step, k);
        assert_int_equal(phase->pose, k);
        assert_int_equal(phase->ease, CONTENT_EASE_IN_OUT);
        assert_int_equal(phase->hold.kind, CONTENT_HOLD_NONE);
        assert_float_equal(phase->hold.count, 0.0f, EPSILON);
        assert_float_equal(phase->hold.count_min, 0.0f, EPSILON);
        assert_int_equal(phase->side, CONTENT_SIDE_NONE);
        assert_int_equal(phase->anchor, -1);
        assert_int_equal(phase->repeat_from, -1);
        assert_int_equal(phase->repeat_times, 1);
    }
    assert_string_equal(ex->phases[1].name, "raise");
    assert_float_equal(ex->phases[0].seconds, 0.0f, EPSILON);
    assert_float_equal(ex->phases[1].seconds, 2.0f, EPSILON);
}

static void assert_vec3(const float v[3], float x, float y, float z) {
    assert_float_equal(v[0], x, EPSILON);
    assert_float_equal(v[1], y, EPSILON);
    assert_float_equal(v[2], z, EPSILON);
}

/* Every choreography key, with values at the edges of their ranges. */
static void test_choreography_values(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    bool ok = parse_file("tests/data/choreography.yaml", c, &errors);
    if (!ok) {
        print_errors(&errors, "choreography.yaml");
    }
    assert_true(ok);
    assert_int_equal(c->exercise_count, 2);
    const content_exercise_t *ex = &c->exercises[0];
    assert_float_equal(ex->camera.yaw, -35.5f, EPSILON);
    assert_float_equal(ex->camera.pitch, 89.0f, EPSILON);
    assert_false(ex->ghosts);
    assert_true(ex->arrow);                    /* left out: default */
    assert_int_equal(ex->repetitions_min, 12); /* one number: from and to */
    assert_int_equal(ex->repetitions_max, 12);

    assert_int_equal(ex->pose_count, 2);
    const content_pose_t *lying = &ex->poses[0];
    assert_string_equal(lying->name, "lying");
    assert_vec3(lying->root_at, 0.0f, 0.10f, -3.0f);
    assert_vec3(lying->root_rot, 0.0f, -360.0f, 90.0f);
    assert_int_equal(lying->rotated_count, 2); /* file order, not skeleton order */
    assert_int_equal(lying->rotated_joint[0], SKEL_KNEE_R);
    assert_vec3(lying->rotation[0], 0.0f, 0.0f, -120.0f);
    assert_int_equal(lying->rotated_joint[1], SKEL_HIP_R);
    assert_vec3(lying->rotation[1], 1.5f, 0.0f, 60.0f);
    assert_int_equal(lying->reach_count, 3);
    assert_int_equal(lying->reach[0].joint, SKEL_ANKLE_R);
    assert_int_equal(lying->reach[0].at_joint, -1); /* a world point */
    assert_vec3(lying->reach[0].point, 0.35f, 0.07f, 0.11f);
    assert_int_equal(lying->reach[1].joint, SKEL_HAND_R);
    assert_int_equal(lying->reach[1].at_joint, SKEL_KNEE_R);
    assert_vec3(lying->reach[1].point, 0.05f, 0.0f, -1.0f); /* the offset */
    assert_int_equal(lying->reach[2].joint, SKEL_HAND_L);
    assert_int_equal(lying->reach[2].at_joint, SKEL_KNEE_L);
    assert_vec3(lying->reach[2].point, 0.0f, 0.0f, 0.0f); /* offset left out */
    assert_string_equal(ex->poses[1].name, "knee-up");
    assert_vec3(ex->poses[1].root_at, 3.0f, 2.0f, 0.0f);

    static const struct {
        const char *name;
        int step, pose;
        float seconds;
        content_ease_t ease;
        content_hold_t hold;
        content_side_t side;
        int anchor, repeat_from, repeat_times;
    } phases[] = {
        {"lie",
         0,
         0,
         0.0f,
         CONTENT_EASE_IN_OUT,
         {CONTENT_HOLD_NONE, 0.0f, 0.0f},
         CONTENT_SIDE_NONE,
         -1,
         -1,
         1},
        {"knee-up",
         1,
         1,
         2.5f,
         CONTENT_EASE_LINEAR,
         {CONTENT_HOLD_SECONDS, 30.0f, 20.0f},
         CONTENT_SIDE_RIGHT,
         SKEL_KNEE_R,
         -1,
         1},
        {"breathe",
         2,
         1,
         1.0f,
         CONTENT_EASE_OUT,
         {CONTENT_HOLD_BREATHS, 10.0f, 10.0f},
         CONTENT_SIDE_NONE,
         -1,
         1,
         10},
        {"as-long",
         2,
         0,
         600.0f,
         CONTENT_EASE_IN,
         {CONTENT_HOLD_COMFORTABLE, 8.0f, 8.0f},
         CONTENT_SIDE_LEFT,
         -1,
         3,
         1},
        {"five",
         2,
         0,
         1.0f,
         CONTENT_EASE_IN_OUT,
         {CONTENT_HOLD_SECONDS, 5.0f, 5.0f},
         CONTENT_SIDE_NONE,
         -1,
         -1,
         1},
    };
    assert_int_equal(ex->phase_count, COUNT_OF(phases));
    for (int i = 0; i < COUNT_OF(phases); i++) {
        const content_phase_t *phase = &ex->phases[i];
        assert_string_equal(phase->name, phases[i].name);
        assert_int_equal(phase->step, phases[i].step);
        assert_int_equal(phase->pose, phases[i].pose);
        assert_float_equal(phase->seconds, phases[i].seconds, EPSILON);
        assert_int_equal(phase->ease, phases[i].ease);
        assert_int_equal(phase->hold.kind, phases[i].hold.kind);
        assert_float_equal(phase->hold.count, phases[i].hold.count, EPSILON);
        assert_float_equal(phase->hold.count_min, phases[i].hold.count_min, EPSILON);
        assert_int_equal(phase->side, phases[i].side);
        assert_int_equal(phase->anchor, phases[i].anchor);
        assert_int_equal(phase->repeat_from, phases[i].repeat_from);
        assert_int_equal(phase->repeat_times, phases[i].repeat_times);
    }

    const content_exercise_t *b = &c->exercises[1];
    assert_float_equal(b->camera.yaw, 0.0f, EPSILON);
    assert_float_equal(b->camera.pitch, -10.0f, EPSILON);
    assert_true(b->ghosts);
    assert_false(b->arrow);
    assert_int_equal(b->repetitions_min, 0); /* left out */
    assert_int_equal(b->repetitions_max, 0);
    assert_int_equal(b->pose_count, 1);
    assert_vec3(b->poses[0].root_at, 0.0f, 0.0f, 0.0f);
    assert_int_equal(b->phase_count, 1);
    assert_int_equal(b->phases[0].hold.kind, CONTENT_HOLD_SECONDS);
    assert_float_equal(b->phases[0].hold.count, 600.0f, EPSILON);
}

/* ---- Broken fixtures: exact position and message ----------------------------------- */

typedef struct bad_case_t {
    const char *file; /* under tests/data */
    int line, column; /* 1-based */
    const char *part; /* part of the message */
    int total;        /* errors expected in all */
} bad_case_t;

static const bad_case_t BAD_CASES[] = {
    /* YAML slips, in plain words at the slip (libyaml's own mark is given in brackets) */
    {"bad-syntax.yaml", 62, 13,
     "a colon followed by a space inside a text without quotes; put the whole text in quotes "
     "(\"...\")",
     1},
    {"bad-tab.yaml", 62, 1, "a tab is used for indenting here; use spaces", 1},
    /* opened at 67:14; libyaml: "did not find expected key" at 68:14 */
    {"bad-unclosed-quote.yaml", 67, 14,
     "the quote (\") opened here is not closed; end the text with \" on the same line", 1},
    /* libyaml: "invalid trailing UTF-8 octet" at 1:1 */
    {"bad-not-utf8.yaml", 67, 17,
     "the file is not saved as UTF-8: the byte 0xE9 here ('\xC3\xA9' in Latin-1) is not UTF-8 "
     "text; save the file as UTF-8",
     1},
    /* opened at 32:11; libyaml: "did not find expected ',' or ']'" at 33:7 */
    {"bad-unclosed-bracket.yaml", 32, 11,
     "the '[' opened here is not closed; end the list with ']'", 1},
    /* the typo also leaves 'title' missing, reported at the mapping's start */
    {"bad-unknown-key.yaml", 66, 5,
     "unknown key 'titel' in exercise; expected one of: id, title, purpose, how_to, steps, "
     "dose, repetitions, camera, cues, poses, phases",
     2},
    {"bad-unknown-key.yaml", 65, 5, "exercise is missing 'title'", 2},
    {"bad-wrong-type.yaml", 18, 18, "'intro_seconds' must be a number, not 'abc'", 1},
    {"bad-steps-type.yaml", 70, 9, "'steps' must be a list of texts, not a mapping", 1},
    {"bad-empty-title.yaml", 66, 12, "'title' must not be empty", 1},
    {"bad-duplicate-id.yaml", 88, 9, "duplicate exercise id 'stretch-a' (first at line 65)", 1},
    {"bad-reserved-id.yaml", 65, 9, "exercise id 'reviews' is the name of a built-in scene", 1},
    {"bad-id-chars.yaml", 65, 9, "may only use lowercase letters a-z, digits and '-'", 1},
    {"bad-playlist-scene.yaml", 35, 5,
     "unknown scene 'stretch-b' in playlist; known scenes: intro, reviews, review, contact, "
     "stretch-a",
     1},
    {"bad-empty-playlist.yaml", 32, 11, "'playlist' must not be empty", 1},
    {"bad-negative-seconds.yaml", 19, 21,
     "'exercise_seconds' must be greater than 0 and at most 3600, not '-5'", 1},
    {"bad-min-max.yaml", 21, 23,
     "'review_min_seconds' (40) must not be more than 'review_max_seconds' (30)", 1},
    {"bad-words-per-minute.yaml", 23, 29,
     "'reading_words_per_minute' must be between 30 and 1000, not '5'", 1},
    {"bad-version.yaml", 4, 10, "'version' must be 1", 1},
    {"bad-colour.yaml", 12, 11, "'accent' must be a colour written \"#RRGGBB\"", 1},
    {"bad-placeholder.yaml", 96, 11, "unknown placeholder '{clinic.fax}'", 1},
    {"bad-missing-key.yaml", 65, 5, "exercise is missing 'title'", 1},
    {"bad-duplicate-key.yaml", 64, 3, "duplicate key 'title' in intro (first at line 61)", 1},
    {"bad-too-many-steps.yaml", 82, 9, "too many steps (at most 12)", 1},
    {"bad-top-level.yaml", 2, 1, "the top level must be a mapping, not a list", 1},
    /* choreography */
    {"bad-joint-unknown.yaml", 78, 11,
     "unknown joint 'kne_r'; joints: pelvis, chest, neck, head, shoulder_l, elbow_l, "
     "shoulder_r, elbow_r, hip_l, knee_l, ankle_l, hip_r, knee_r, ankle_r",
     1},
    {"bad-joint-not-rotating.yaml", 78, 11,
     "'toe_r' does not rotate (nothing hangs from it); joints that rotate: pelvis, chest", 1},
    {"bad-reach-joint.yaml", 80, 11,
     "'knee_r' cannot be reached: only the ends of arms and legs can; reach targets: hand_l, "
     "hand_r, ankle_l, ankle_r",
     1},
    {"bad-vector-length.yaml", 74, 13,
     "'at' must be a list of 3 numbers [x, y, z], not a list of 2", 1},
    {"bad-angle-range.yaml", 78, 30,
     "the z of 'shoulder_r' must be between -360 and 360, not '400'", 1},
    {"bad-unknown-pose.yaml", 86, 15, "unknown pose 'arm-upp'; poses: standing, arm-up", 1},
    {"bad-step-zero.yaml", 81, 15,
     "'step' must be between 1 and 2 (the steps of this exercise), not '0'", 1},
    {"bad-step-too-big.yaml", 85, 15, "'step' must be between 1 and 2", 1},
    {"bad-step-fraction.yaml", 81, 15, "'step' must be a whole number, not '1.5'", 1},
    {"bad-duplicate-phase.yaml", 84, 15, "duplicate phase 'stand' (first at line 80)", 1},
    {"bad-duplicate-pose.yaml", 75, 7, "duplicate pose 'standing' in 'poses' (first at line 73)",
     1},
    {"bad-ease.yaml", 88, 15, "'ease' must be linear, in, out or in-out, not 'fast'", 1},
    {"bad-hold-two-kinds.yaml", 88, 28,
     "'hold' takes one of breaths, seconds or comfortable, not both 'breaths' and 'seconds'", 1},
    {"bad-hold-range.yaml", 88, 26,
     "the first of 'seconds' (30) must not be more than the second (20)", 1},
    {"bad-repeat-later.yaml", 84, 24,
     "'from' must name this phase or an earlier one; 'raise' comes later (line 85)", 1},
    {"bad-repeat-overlap.yaml", 89, 24, "repeat span overlaps the one of phase 'stand' (line 84)",
     1},
    {"bad-missing-poses.yaml", 65, 5, "exercise is missing 'poses'", 1},
    {"bad-side.yaml", 88, 15, "'side' must be right, left or none, not 'both'", 1},
    {"bad-cues.yaml", 72, 20, "'ghosts' must be true or false, not 'yes'", 1},
    /* timing, label templates, repetitions */
    {"bad-demo-breaths.yaml", 30, 17, "'demo_breaths' must be a whole number, not '2.5'", 1},
    {"bad-resume-missing.yaml", 18, 3, "timing is missing 'resume_seconds'", 1},
    {"bad-template-placeholder.yaml", 47, 9, "'{n}' is not known in 'side'; it may use {side}", 1},
    {"bad-template-missing.yaml", 55, 15, "'repetition' must contain {target}", 1},
    {"bad-repetitions-range.yaml", 72, 19,
     "the first of 'repetitions' (15) must not be more than the second (10)", 1},
    {"bad-repetitions-zero.yaml", 72, 18, "'repetitions' must be between 1 and 100, not '0'", 1},
    /* kiosk (lines 33-39, after the playlist) */
    {"bad-kiosk-one-modifier.yaml", 34, 14,
     "quit_keys needs at least two of Ctrl, Alt, Shift, e.g. Ctrl+Alt+Q", 1},
    {"bad-kiosk-unknown-key.yaml", 34, 14,
     "unknown key 'Win' in quit_keys; use Ctrl, Alt, Shift and a letter, digit or F1-F12", 1},
    {"bad-kiosk-hours-format.yaml", 36, 18,
     "'opening_hours' must be always, or the opening and closing times \"HH:MM-HH:MM\" (24 h, "
     "e.g. \"07:30-18:30\"), not '7.30-18.30'",
     1},
    {"bad-kiosk-hours-order.yaml", 36, 18,
     "the opening time of 'opening_hours' (18:30) must be before the closing time (07:30); "
     "hours past midnight are not supported",
     1},
    {"bad-kiosk-unknown-day.yaml", 37, 20,
     "unknown day 'tues' in 'open_days'; days: mon, tue, wed, thu, fri, sat, sun", 1},
    {"bad-kiosk-duplicate-day.yaml", 37, 25,
     "duplicate day 'Mon' in 'open_days' (first at line 37)", 1},
    {"bad-kiosk-drift.yaml", 38, 17, "'drift_pixels' must be between 0 and 20, not '25'", 1},
    {"bad-kiosk-reload.yaml", 39, 19, "'reload_seconds' must be between 0.5 and 60, not '0.1'", 1},
    {"bad-kiosk-empty-hint.yaml", 35, 9, "'hint' must not be empty", 1},
};

static void test_bad_fixtures(void **state) {
    content_t *c = *state;
    for (int i = 0; i < COUNT_OF(BAD_CASES); i++) {
        const bad_case_t *t = &BAD_CASES[i];
        char path[256];
        snprintf(path, sizeof path, "tests/data/%s", t->file);
        content_errors_t errors;
        if (parse_file(path, c, &errors)) {
            fail_msg("%s parsed without error", t->file);
        }
        assert_has_error(&errors, t->file, t->line, t->column, t->part);
        if (errors.total != t->total) {
            print_errors(&errors, t->file);
            fail_msg("%s: %d errors, expected %d", t->file, errors.total, t->total);
        }
        assert_int_equal(errors.count, errors.total);
        assert_in_file_order(&errors);
    }
}

/* The walker finds the exercise's error before it resolves the playlist; the report is
 * still in file order. */
static void test_two_errors_in_file_order(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    assert_false(parse_file("tests/data/bad-two-errors.yaml", c, &errors));
    assert_int_equal(errors.total, 2);
    assert_int_equal(errors.count, 2);
    assert_int_equal(errors.items[0].line, 32);
    assert_int_equal(errors.items[0].column, 19);
    assert_non_null(strstr(errors.items[0].message, "unknown scene 'stretch-b' in playlist"));
    assert_int_equal(errors.items[1].line, 66);
    assert_int_equal(errors.items[1].column, 12);
    assert_non_null(strstr(errors.items[1].message, "'title' must not be empty"));
}

/* ---- Edits of minimal.yaml: each changes lines first..first+count-1 to one error ------- */

typedef struct edit_case_t {
    int first, count;        /* lines of minimal.yaml replaced (1-based) */
    const char *replacement; /* without the final newline */
    int line, column;        /* expected error; line 0: the edit is valid */
    const char *part;
    int total; /* errors expected in all */
} edit_case_t;

static const edit_case_t EDIT_CASES[] = {
    {4, 1, "version: 0x1", 4, 10, "'version' must be a number, not '0x1'", 1},
    {4, 1, "version: [1]", 4, 10, "'version' must be a number, not a list", 1},
    {4, 1, "version: 1.0", 0, 0, NULL, 0},
    {5, 1, "language: \"a\\0b\"", 5, 11, "'language' must not contain a NUL character", 1},
    {9, 1, "  panel: \"#12345G\"", 9, 10, "'panel' must be a colour written \"#RRGGBB\"", 1},
    {9, 1, "  panel: \"#123\"", 9, 10, "not '#123'", 1},
    {9, 1, "  panel: [1, 2, 3]", 9, 10,
     "'panel' must be a colour written \"#RRGGBB\" (hex), not a list", 1},
    {12, 1, "  accent: \"#FF8800\"\n  accent: \"#000000\"", 13, 3,
     "duplicate key 'accent' in theme (first at line 12)", 1},
    {18, 1, "  intro_seconds: 3601", 18, 18, "must be greater than 0 and at most 3600", 1},
    {23, 1, "  reading_words_per_minute: 1001", 23, 29, "must be between 30 and 1000", 1},
    {24, 1, "  transition_seconds: 6", 24, 23,
     "'transition_seconds' must be between 0 and 5, not '6'", 1},
    {24, 1, "  transition_seconds: -0.1", 24, 23, "must be between 0 and 5, not '-0.1'", 1},
    {24, 1, "  transition_seconds: 5", 0, 0, NULL, 0},
    {25, 1, "  breath_in_seconds: nan", 25, 22, "'breath_in_seconds' must be a number, not 'nan'",
     1},
    {25, 1, "  breath_in_seconds: .inf", 25, 22, "must be a number, not '.inf'", 1},
    {25, 1, "  breath_in_seconds: 1e999", 25, 22, "must be a number, not '1e999'", 1},
    {25, 1, "  breath_in_seconds: 4.5e0", 0, 0, NULL, 0},
    {27, 1, "  get_ready_seconds: 3s", 27, 22, "must be a number, not '3s'", 1},
    {27, 1, "  get_ready_seconds: 0", 27, 22, "must be greater than 0", 1},
    {27, 1, "  get_ready_seconds: \"\"", 27, 22, "must be a number, not empty", 1},
    {28, 1, "  idle_seconds: 0.5", 28, 17, "'idle_seconds' must be between 1 and 3600, not '0.5'",
     1},
    {28, 1, "  idle_seconds: 1", 0, 0, NULL, 0},
    {29, 1, "  demo_hold_seconds: 0", 29, 22,
     "'demo_hold_seconds' must be greater than 0 and at most 600, not '0'", 1},
    {29, 1, "  demo_hold_seconds: 601", 29, 22, "at most 600, not '601'", 1},
    {29, 1, "  demo_hold_seconds: 600", 0, 0, NULL, 0},
    {29, 1, "  demo_hold_seconds: 0.5", 0, 0, NULL, 0},
    {30, 1, "  demo_breaths: 0", 30, 17, "'demo_breaths' must be between 1 and 100, not '0'", 1},
    {30, 1, "  demo_breaths: 101", 30, 17, "must be between 1 and 100, not '101'", 1},
    {30, 1, "  demo_breaths: two", 30, 17, "'demo_breaths' must be a number, not 'two'", 1},
    {30, 1, "  demo_breaths: 100", 0, 0, NULL, 0},
    {30, 1, "  demo_breaths: 2.0", 0, 0, NULL, 0},
    {31, 1, "  resume_seconds: 31", 31, 19,
     "'resume_seconds' must be greater than 0 and at most 30, not '31'", 1},
    {31, 1, "  resume_seconds: 0", 31, 19, "greater than 0 and at most 30, not '0'", 1},
    {31, 1, "  resume_seconds: 30", 0, 0, NULL, 0},
    {29, 1, "  demo_hold_seconds: 6\n  demo_hold_seconds: 7", 30, 3,
     "duplicate key 'demo_hold_seconds' in timing (first at line 29)", 1},
    {32, 1, "playlist: intro", 32, 11, "'playlist' must be a list of scene ids, not 'intro'", 1},
    {32, 1, "playlist: [intro, {a: b}]", 32, 19,
     "each playlist entry must be a scene id, not a mapping", 1},
    {32, 1, "playlist: [contact, intro, contact]", 0, 0, NULL, 0},
    {34, 1, "  step: \"\"", 34, 9, "'step' must not be empty", 1},
    {37, 1, "  review_name_prefix:", 0, 0, NULL, 0}, /* the one text that may be empty */
    {38, 1, "  footer: \"{clinic.name\"", 38, 11, "'{' without a closing '}'", 1},
    {38, 1, "  footer: \"{Clinic.Name}\"", 38, 11, "unknown placeholder '{Clinic.Name}'", 1},
    {38, 1, "  footer: \"{}\"", 38, 11, "unknown placeholder '{}'", 1},
    {38, 1, "  footer: \"{clinic.address}\"", 0, 0, NULL, 0},

    /* ---- label templates (lines 41-56) */
    {41, 1, "  get_ready: \"\"", 41, 14, "'get_ready' must not be empty", 1},
    {41, 1, "  get_ready: \"Get ready {n}\"", 41, 14, "unknown placeholder '{n}'", 1},
    {41, 1, "  get_ready: \"{clinic.name}: get ready\"", 0, 0, NULL, 0},
    {45, 1, "  right: [Right]", 45, 10, "'right' must be a text, not a list", 1},
    {47, 1, "  side: \"{side} {Side}\"", 47, 9,
     "'{Side}' is not known in 'side'; it may use {side}, or {clinic.name}", 1},
    {47, 1, "  side: Side", 47, 9, "'side' must contain {side}", 1},
    {47, 1, "  side: \"{side\"", 47, 9, "'{' without a closing '}'", 1},
    {47, 1, "  side: \"{side}\"", 0, 0, NULL, 0},
    {48, 1, "  hold_breaths: Hold", 48, 17, "'hold_breaths' must contain {target}", 1},
    {48, 1, "  hold_breaths: \"Hold for {n} breaths\"", 48, 17,
     "'{n}' is not known in 'hold_breaths'; it may use {target},", 1},
    {49, 1, "  hold_seconds: \"{target} s {clinic.phone}\"", 0, 0, NULL, 0},
    {49, 1, "  hold_seconds: \"Hold for {min} seconds\"", 49, 17,
     "'{min}' is not known in 'hold_seconds'; it may use {target},", 1},
    {50, 1, "  hold_range: \"Hold for {target} seconds\"", 50, 15,
     "'hold_range' must contain {min}", 1},
    {50, 1, "  hold_range: Hold", 50, 15, "'hold_range' must contain {min} and {target}", 1},
    {50, 1, "  hold_range: \"{min} {target} {side}\"", 50, 15,
     "'{side}' is not known in 'hold_range'; it may use {min} and {target},", 1},
    {50, 1, "  hold_range: \"{target} from {min}\"", 0, 0, NULL, 0}, /* any order */
    {55, 1, "  repetition: Repetition", 55, 15, "'repetition' must contain {n} and {target}", 1},
    {55, 1, "  repetition: \"{target}\"", 55, 15, "'repetition' must contain {n}", 1},
    {55, 1, "  repetition: \"{n}/{target} ({n})\"", 0, 0, NULL, 0}, /* twice is fine */
    {55, 1, "  repetition: \"Repetition {n} of {target\"", 55, 15, "without a closing '}'", 1},
    {56, 1, "  resuming: Resuming", 56, 13, "'resuming' must contain {n}", 1},
    {56, 1, "  resuming: \"Resuming in {side}\"", 56, 13,
     "'{side}' is not known in 'resuming'; it may use {n},", 1},
    {56, 1, "  resuming: \"Resuming in {}\"", 56, 13, "'{}' is not known in 'resuming'", 1},
    {56, 1, "  resuming: \"Resuming in {clinic.fax}\"", 56, 13,
     "'{clinic.fax}' is not known in 'resuming'", 1},
    {56, 1, "  resuming: \"{n}\"", 0, 0, NULL, 0},
    {56, 1, "  resume: \"Resuming in {n}\"", 56, 3,
     "unknown key 'resume' in labels; expected one of: step, paused, next", 2},
    {56, 1, "  resume: \"Resuming in {n}\"", 34, 3, "labels is missing 'resuming'", 2},
    {57, 3, "  help: []", 0, 0, NULL, 0},
    {58, 1, "    - keys: Space\n      extra: 1", 59, 7,
     "unknown key 'extra' in help entry; expected one of: keys, action", 1},
    {61, 1, "  title: [a]", 61, 10, "'title' must be a text, not a list", 1},
    {61, 1, "  title:", 61, 9, "'title' must not be empty", 1},
    {65, 1, "  - id: \"\"", 65, 9, "'id' must not be empty", 2},
    {65, 1, "  - id: intro", 65, 9, "exercise id 'intro' is the name of a built-in scene", 2},
    {65, 1, "  - id: stretch_a", 65, 9, "exercise id 'stretch_a' may only use", 2},
    {69, 3, "    steps: []", 69, 12, "'steps' must not be empty", 1},
    {70, 1, "      - [a]", 70, 9, "a step must be a text, not a list", 1},
    {70, 1, "      - \"\"", 70, 9, "a step must not be empty", 1},
    {90, 3, "  items: oops", 90, 10, "'items' must be a list of reviews (text, name), not 'oops'",
     1},
    {91, 1, "    - text: \"\"", 91, 13, "'text' must not be empty", 1},
    {92, 1, "      name: [x]", 92, 13, "'name' must be a text, not a list", 1},
    {92, 1, "      nam: x", 91, 7, "review is missing 'name'", 2},
    {100, 1, "  name: \"{clinic.phone}\"", 0, 0, NULL, 0}, /* clinic texts are not expanded */
    {104, 1, "  qr_text: \"\"", 104, 12, "'qr_text' must not be empty", 1},

/* ---- choreography: camera and cues (inserted after the steps, line 71) */
#define AFTER_STEPS(text) 71, 1, "      - Second step.\n" text
    {AFTER_STEPS("    camera: {yaw: 181}"), 72, 19, "'yaw' must be between -180 and 180, not '181'",
     1},
    {AFTER_STEPS("    camera: {pitch: 90}"), 72, 21, "'pitch' must be between -10 and 89", 1},
    {AFTER_STEPS("    camera: {roll: 1}"), 72, 14,
     "unknown key 'roll' in camera; expected one of: yaw, pitch", 1},
    {AFTER_STEPS("    camera: [35, 25]"), 72, 13, "'camera' must be a mapping, not a list", 1},
    {AFTER_STEPS("    camera: {yaw: -180, pitch: -10}"), 0, 0, NULL, 0},
    {AFTER_STEPS("    cues: {arrow: True}"), 72, 19, "'arrow' must be true or false, not 'True'",
     1},
    {AFTER_STEPS("    cues: {arrow: 1}"), 72, 19, "'arrow' must be true or false, not '1'", 1},
    {AFTER_STEPS("    cues: {arrow: false, ghosts: false}"), 0, 0, NULL, 0},
    {AFTER_STEPS("    cues: {}"), 0, 0, NULL, 0},
    /* repetitions */
    {AFTER_STEPS("    repetitions: 12"), 0, 0, NULL, 0},
    {AFTER_STEPS("    repetitions: [1, 100]"), 0, 0, NULL, 0},
    {AFTER_STEPS("    repetitions: [7, 7]"), 0, 0, NULL, 0},
    {AFTER_STEPS("    repetitions: 101"), 72, 18,
     "'repetitions' must be between 1 and 100, not '101'", 1},
    {AFTER_STEPS("    repetitions: 2.5"), 72, 18, "'repetitions' must be a whole number, not '2.5'",
     1},
    {AFTER_STEPS("    repetitions: ten"), 72, 18, "'repetitions' must be a number, not 'ten'", 1},
    {AFTER_STEPS("    repetitions: [10]"), 72, 18,
     "'repetitions' must be a whole number or a range of two whole numbers [from, to], not a "
     "list of 1",
     1},
    {AFTER_STEPS("    repetitions: [1, 2, 3]"), 72, 18, "not a list of 3", 1},
    {AFTER_STEPS("    repetitions: {from: 1}"), 72, 18,
     "'repetitions' must be a whole number or a range of two whole numbers [from, to], not a "
     "mapping",
     1},
    {AFTER_STEPS("    repetitions: [0, 5]"), 72, 19,
     "the first of 'repetitions' must be between 1 and 100, not '0'", 1},
    {AFTER_STEPS("    repetitions: [4, 5.5]"), 72, 22,
     "the second of 'repetitions' must be a whole number, not '5.5'", 1},
    {AFTER_STEPS("    repetitions: [0, 101]"), 72, 19, "the first of 'repetitions'", 2},
    {AFTER_STEPS("    repetitions: [0, 101]"), 72, 22, "the second of 'repetitions'", 2},
    {AFTER_STEPS("    repetitions: 4\n    repetitions: 5"), 73, 5,
     "duplicate key 'repetitions' in exercise (first at line 72)", 1},
#undef AFTER_STEPS

    /* ---- poses (lines 72-78) */
    {72, 7, "    poses: {}", 72, 12, "'poses' must not be empty", 1}, /* phases not checked */
    {72, 7, "    poses: [standing]", 72, 12,
     "'poses' must be a mapping of pose names to poses, not a list", 1},
    {73, 1, "      Standing:", 73, 7,
     "pose name 'Standing' may only use lowercase letters a-z, digits and '-'", 2},
    {73, 1, "      ? [a]\n      :", 73, 9, "keys in 'poses' must be names, not a list", 2},
    {73, 2, "      standing: {}", 73, 17, "pose is missing 'at'", 1},
    {73, 2, "      standing: [0, 0.95, 0]", 73, 17, "each pose must be a mapping, not a list", 1},
    {74, 1, "        at: 0.95", 74, 13, "'at' must be a list of 3 numbers [x, y, z], not '0.95'",
     1},
    {74, 1, "        at: [0, 0.95, 0, 1]", 74, 13, "not a list of 4", 1},
    {74, 1, "        at: [0, x, 0]", 74, 17, "the y of 'at' must be a number, not 'x'", 1},
    {74, 1, "        at: [0, 2.5, 0]", 74, 17, "the y of 'at' must be between 0 and 2, not '2.5'",
     1},
    {74, 1, "        at: [0, -0.1, 0]", 74, 17, "the y of 'at' must be between 0 and 2", 1},
    {74, 1, "        at: [-3.5, 0.95, 0]", 74, 14, "the x of 'at' must be between -3 and 3", 1},
    {74, 1, "        at: [0, 0.95, [0]]", 74, 23, "the z of 'at' must be a number, not a list", 1},
    {74, 1, "        at: [0, 0.95, 0]\n        turn: [0, 0, 361]", 75, 22,
     "the z of 'turn' must be between -360 and 360, not '361'", 1},
    {74, 1, "        at: [0, 0.95, 0]\n        pose: x", 75, 9,
     "unknown key 'pose' in pose; expected one of: at, turn, joints, reach", 1},
    {77, 2, "        joints: [shoulder_r]", 77, 17,
     "'joints' must be a mapping of joint names to angles [x, y, z], not a list", 1},
    {77, 2, "        joints: {}", 0, 0, NULL, 0},
    {78, 1, "          shoulder_r: [0, 0, 170]\n          shoulder_r: [0, 0, 10]", 79, 11,
     "duplicate joint 'shoulder_r' in 'joints' (first at line 78)", 1},
    {78, 1, "          hand_l: [0, 0, 10]", 78, 11, "'hand_l' does not rotate", 1},
    {78, 1, "          nose: [0, 0, 10]", 78, 11, "'nose' does not rotate", 1},
    {78, 1, "          shoulder_r: {x: 1}", 78, 23,
     "'shoulder_r' must be a list of 3 numbers [x, y, z], not a mapping", 1},
    {78, 1, "          pelvis: [0, 0, 10]\n          head: [0, 0, -360]", 0, 0, NULL, 0},

/* ---- reach (inserted after line 78) */
#define REACH(text) 78, 1, "          shoulder_r: [0, 0, 170]\n        reach:\n" text
    {REACH("          hand_r: [0.3, 3.5, 0]"), 80, 25,
     "the y of 'hand_r' must be between -3 and 3, not '3.5'", 1},
    {REACH("          hand_r: {joint: elbow_r}"), 80, 27,
     "'hand_r' cannot follow 'elbow_r': reaching moves it", 1},
    {REACH("          ankle_l: {joint: ankle_l}"), 80, 28, "'ankle_l' cannot follow 'ankle_l'", 1},
    {REACH("          hand_r: {joint: knee_r, offset: [0, 0, 1.5]}"), 80, 50,
     "the z of 'offset' must be between -1 and 1, not '1.5'", 1},
    {REACH("          hand_r: {joint: knees}"), 80, 27,
     "unknown joint 'knees'; joints: pelvis, chest, neck, head, nose, shoulder_l", 1},
    {REACH("          hand_r: {bend: [0, 1, 0]}"), 80, 19,
     "'hand_r' takes either 'joint' (with an 'offset' from it) or 'at' (a point on the mat)", 1},
    {REACH("          hand_r: {joint: knee_r, at: [0, 0, 0]}"), 80, 19,
     "'hand_r' takes either 'joint' (with an 'offset' from it) or 'at'", 1},
    {REACH("          hand_r: {at: [0.3, 0.04, 0.2], offset: [0, 0, 0]}"), 80, 19,
     "'hand_r' takes either 'joint' (with an 'offset' from it) or 'at'", 1},
    {REACH("          hand_r: {at: [1.2, 0.04, 0.2], bend: [0, 1, 0]}"), 0, 0, NULL, 0},
    {REACH("          hand_r: {at: [3.5, 0.04, 0.2]}"), 80, 25,
     "the x of 'at' must be between -3 and 3, not '3.5'", 1},
    {REACH("          hand_r: here"), 80, 19,
     "'hand_r' must be a point [x, y, z] or a joint to follow {joint: name", 1},
    {REACH("          hnd_r: [0, 0, 0]"), 80, 11,
     "unknown joint 'hnd_r'; reach targets: hand_l, hand_r, ankle_l, ankle_r", 1},
    {REACH("          hand_r: [0, 1, 0]\n          hand_r: [0, 1, 1]"), 81, 11,
     "duplicate reach target 'hand_r' in 'reach' (first at line 80)", 1},
    {REACH("          hand_r: [0, 1, 0]\n          ankle_l: {joint: hand_r}\n"
           "          hand_l: {joint: shoulder_l, offset: [1, -1, 0]}"),
     0, 0, NULL, 0},
#undef REACH

    /* ---- phases (lines 79-87) */
    {79, 9, "    phases: []", 79, 13, "'phases' must not be empty", 1},
    {79, 9, "    phases: {stand: 1}", 79, 13, "'phases' must be a list of phases, not a mapping",
     1},
    {80, 1, "      - name: Stand", 80, 15, "phase name 'Stand' may only use", 1},
    {80, 1, "      - nam: stand", 80, 9,
     "unknown key 'nam' in phase; expected one of: name, step, pose, seconds, ease, hold, "
     "side, anchor, arrow, timing, repeat",
     2},
    {80, 1, "      - nam: stand", 80, 9, "phase is missing 'name'", 2},
    {81, 1, "        step: two", 81, 15, "'step' must be a number, not 'two'", 1},
    {81, 1, "        step: 1e0", 0, 0, NULL, 0},
    {82, 1, "        pose: [standing]", 82, 15,
     "'pose' must be a pose name, not a list; poses: standing, arm-up", 1},
    {83, 1, "        seconds: 601", 83, 18, "'seconds' must be between 0 and 600, not '601'", 1},
    {83, 1, "        seconds: -1", 83, 18, "'seconds' must be between 0 and 600, not '-1'", 1},
    {83, 1, "        seconds: 600", 0, 0, NULL, 0},
    {87, 1, "        seconds: 2\n        ease: In", 88, 15,
     "'ease' must be linear, in, out or in-out, not 'In'", 1},
    {87, 1, "        seconds: 2\n        anchor: kneee_r", 88, 17,
     "unknown joint 'kneee_r'; joints: pelvis, chest, neck, head, nose, shoulder_l", 1},
    {87, 1, "        seconds: 2\n        anchor: toe_r", 0, 0, NULL, 0},
    {87, 1, "        seconds: 2\n        arrow: hips", 88, 16,
     "unknown joint 'hips'; joints: pelvis, chest", 1},
    {87, 1, "        seconds: 2\n        arrow: pelvis", 0, 0, NULL, 0},
    {87, 1, "        seconds: 2\n        timing: {trunk: [0, 1]}", 88, 18,
     "unknown key 'trunk' in timing; expected one of: hips, spine, head, arm_l, arm_r, leg_l, "
     "leg_r",
     1},
    {87, 1, "        seconds: 2\n        timing: {arm_r: [0.5, 0.52]}", 88, 25,
     "'arm_r' must give the part at least 0.05 of the move, not [0.5, 0.52]", 1},
    {87, 1, "        seconds: 2\n        timing: {arm_r: [0.6, 0.2]}", 88, 26,
     "the first of 'arm_r' (0.6) must not be more than the second (0.2)", 1},
    {87, 1, "        seconds: 2\n        timing: {arm_r: [0, 1.5]}", 88, 29,
     "the second of 'arm_r' must be between 0 and 1, not '1.5'", 1},
    {87, 1, "        seconds: 2\n        timing: {hips: [0, 0.8], arm_r: [0.2, 1]}", 0, 0, NULL, 0},

/* ---- hold (inserted after line 87) */
#define HOLD(text) 87, 1, "        seconds: 2\n        hold: " text
    {HOLD("{breaths: 2.5}"), 88, 25, "'breaths' must be a whole number, not '2.5'", 1},
    {HOLD("{breaths: 0}"), 88, 25, "'breaths' must be between 1 and 100, not '0'", 1},
    {HOLD("{breaths: 101}"), 88, 25, "'breaths' must be between 1 and 100, not '101'", 1},
    {HOLD("{}"), 88, 15, "'hold' must have one of: breaths, seconds", 1},
    {HOLD("5"), 88, 15, "'hold' must be a mapping, not '5'", 1},
    {HOLD("{breath: 3}"), 88, 16,
     "unknown key 'breath' in hold; expected one of: breaths, seconds, comfortable", 1},
    {HOLD("{seconds: 0}"), 88, 25, "'seconds' must be greater than 0 and at most 600, not '0'", 1},
    {HOLD("{seconds: [10]}"), 88, 25,
     "'seconds' must be a number or a range of two numbers [from, to], not a list of 1", 1},
    {HOLD("{seconds: {from: 1}}"), 88, 25,
     "'seconds' must be a number or a range of two numbers [from, to], not a mapping", 1},
    {HOLD("{seconds: [0, 10]}"), 88, 26,
     "the first of 'seconds' must be greater than 0 and at most 600, not '0'", 1},
    {HOLD("{seconds: [10, 601]}"), 88, 30, "the second of 'seconds' must be greater than 0", 1},
    {HOLD("{seconds: [10, 10]}"), 0, 0, NULL, 0},
    {HOLD("{comfortable: 0}"), 88, 29,
     "'comfortable' must be greater than 0 and at most 600, not '0'", 1},
    {HOLD("{comfortable: 5, breaths: 2, seconds: 1}"), 88, 32,
     "not both 'comfortable' and 'breaths'", 1},
    {HOLD("{breaths: 2, breaths: 3}"), 88, 28, "duplicate key 'breaths' in hold", 1},
#undef HOLD

/* ---- repeat (inserted after line 87: phase 'raise', the second of two) */
#define REPEAT(text) 87, 1, "        seconds: 2\n        repeat: " text
    {REPEAT("{from: raise, times: 2.5}"), 88, 38, "'times' must be a whole number, not '2.5'", 1},
    {REPEAT("{from: raise, times: 0}"), 88, 38, "'times' must be between 1 and 100, not '0'", 1},
    {REPEAT("{from: raise}"), 88, 17, "repeat is missing 'times'", 1},
    {REPEAT("{from: rase, times: 2}"), 88, 24,
     "unknown phase 'rase'; 'from' names this phase or an earlier one: stand, raise", 1},
    {REPEAT("{from: [stand], times: 2}"), 88, 24, "'from' must be a phase name, not a list", 1},
    {REPEAT("{from: stand, times: 100}"), 0, 0, NULL, 0},
    /* a partial overlap: [stand..raise] and [raise..lower] share 'raise' */
    {REPEAT("{from: stand, times: 2}\n      - name: lower\n        step: 2\n"
            "        pose: standing\n        seconds: 2\n        repeat: {from: raise, times: 2}"),
     93, 24, "repeat span overlaps the one of phase 'raise' (line 88)", 1},
    /* spans side by side are fine */
    {REPEAT("{from: stand, times: 2}\n      - name: lower\n        step: 2\n"
            "        pose: standing\n        seconds: 2\n        repeat: {from: lower, times: 2}"),
     0, 0, NULL, 0},
#undef REPEAT

/* ---- kiosk (inserted after the playlist, line 32: "kiosk:" is line 33) */
#define PLAYLIST "playlist: [intro, stretch-a, reviews, contact]\n"
#define KIOSK(text) 32, 1, PLAYLIST "kiosk:\n" text
#define HOURS "  opening_hours: \"07:30-18:30\"\n"
    {32, 1, PLAYLIST "kiosk: [quit_keys]", 33, 8, "'kiosk' must be a mapping, not a list", 1},
    {32, 1, PLAYLIST "kiosk:", 33, 7, "'kiosk' must be a mapping, not empty", 1},
    {32, 1, PLAYLIST "kiosk: {}", 0, 0, NULL, 0},
    {KIOSK("  quit: Ctrl+Alt+Q"), 34, 3,
     "unknown key 'quit' in kiosk; expected one of: quit_keys, hint, opening_hours, open_days, "
     "drift_pixels, reload_seconds, cec",
     1},
    {KIOSK("  drift_pixels: 1\n  drift_pixels: 2"), 35, 3,
     "duplicate key 'drift_pixels' in kiosk (first at line 34)", 1},
    /* quit_keys */
    {KIOSK("  quit_keys: Q"), 34, 14, "quit_keys needs at least two of Ctrl, Alt, Shift", 1},
    {KIOSK("  quit_keys: Ctrl+Q"), 34, 14, "quit_keys needs at least two of Ctrl, Alt, Shift", 1},
    {KIOSK("  quit_keys: Shift+F12"), 34, 14, "quit_keys needs at least two of Ctrl, Alt", 1},
    {KIOSK("  quit_keys: Ctrl+Alt"), 34, 14,
     "quit_keys needs a letter, digit or F1-F12 after the modifiers, e.g. Ctrl+Alt+Q", 1},
    {KIOSK("  quit_keys: Ctrl+Ctrl+Q"), 34, 14,
     "duplicate modifier 'Ctrl' in quit_keys: Ctrl is already given", 1},
    {KIOSK("  quit_keys: Ctrl+control+Q"), 34, 14,
     "duplicate modifier 'control' in quit_keys: Ctrl is already given", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+Esc"), 34, 14,
     "unknown key 'Esc' in quit_keys; use Ctrl, Alt, Shift and a letter, digit or F1-F12", 1},
    {KIOSK("  quit_keys: Super+Alt+Q"), 34, 14, "unknown key 'Super' in quit_keys", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+F13"), 34, 14, "unknown key 'F13' in quit_keys", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+F0"), 34, 14, "unknown key 'F0' in quit_keys", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+F01"), 34, 14, "unknown key 'F01' in quit_keys", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+QQ"), 34, 14, "unknown key 'QQ' in quit_keys", 1},
    {KIOSK("  quit_keys: Ctrl-Alt-Q"), 34, 14, "unknown key 'Ctrl-Alt-Q' in quit_keys", 1},
    {KIOSK("  quit_keys: \"Ctrl+Alt+\\u00E9\""), 34, 14, "unknown key '\xC3\xA9' in quit_keys", 1},
    {KIOSK("  quit_keys: Ctrl++Alt+Q"), 34, 14,
     "quit_keys 'Ctrl++Alt+Q' has an empty part; join the keys with one '+', e.g. Ctrl+Alt+Q", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+"), 34, 14, "has an empty part", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+Q+W"), 34, 14,
     "quit_keys names two keys, 'Q' and 'W'; give one letter, digit or F1-F12 after the "
     "modifiers",
     1},
    {KIOSK("  quit_keys: Q+Ctrl+Alt"), 34, 14,
     "in quit_keys the key 'Q' must come after the modifiers, e.g. Ctrl+Alt+Q", 1},
    {KIOSK("  quit_keys: \"\""), 34, 14, "'quit_keys' must not be empty", 1},
    {KIOSK("  quit_keys: [Ctrl, Alt, Q]"), 34, 14, "'quit_keys' must be a text, not a list", 1},
    {KIOSK("  quit_keys: Ctrl+Alt+Shift+F12"), 0, 0, NULL, 0},
    /* hint */
    {KIOSK("  hint: \"{clinic.name}: press H\""), 0, 0, NULL, 0},
    {KIOSK("  hint: \"Press H {clinic.fax}\""), 34, 9, "unknown placeholder '{clinic.fax}'", 1},
    {KIOSK("  hint: \"Repetition {n}\""), 34, 9, "unknown placeholder '{n}'", 1},
    {KIOSK("  hint: [a]"), 34, 9, "'hint' must be a text, not a list", 1},
    {KIOSK("  hint:"), 34, 8, "'hint' must not be empty", 1},
    /* opening_hours */
    {KIOSK("  opening_hours: Always"), 0, 0, NULL, 0},
    {KIOSK("  opening_hours: \"00:00-24:00\""), 0, 0, NULL, 0},
    {KIOSK("  opening_hours: \"07:30\""), 34, 18,
     "'opening_hours' must be always, or the opening and closing times \"HH:MM-HH:MM\"", 1},
    {KIOSK("  opening_hours: \"0730-1830\""), 34, 18, "not '0730-1830'", 1},
    {KIOSK("  opening_hours: \"07:3-18:30\""), 34, 18, "not '07:3-18:30'", 1},
    {KIOSK("  opening_hours: \"007:30-18:30\""), 34, 18, "not '007:30-18:30'", 1},
    {KIOSK("  opening_hours: \"07:30-18:30-19:00\""), 34, 18, "not '07:30-18:30-19:00'", 1},
    {KIOSK("  opening_hours: \"07:30-18:30pm\""), 34, 18, "not '07:30-18:30pm'", 1},
    {KIOSK("  opening_hours: never"), 34, 18, "not 'never'", 1},
    {KIOSK("  opening_hours: \"\""), 34, 18, "not empty", 1},
    {KIOSK("  opening_hours: [\"07:30\", \"18:30\"]"), 34, 18,
     "\"HH:MM-HH:MM\" (24 h, e.g. \"07:30-18:30\"), not a list", 1},
    {KIOSK("  opening_hours: \"25:00-26:00\""), 34, 18,
     "the opening time of 'opening_hours' must be between 00:00 and 24:00, not '25:00'", 1},
    {KIOSK("  opening_hours: \"07:60-18:00\""), 34, 18,
     "the opening time of 'opening_hours' must be between 00:00 and 24:00, not '07:60'", 1},
    {KIOSK("  opening_hours: \"07:30-24:01\""), 34, 18,
     "the closing time of 'opening_hours' must be between 00:00 and 24:00, not '24:01'", 1},
    {KIOSK("  opening_hours: \"12:00-12:00\""), 34, 18,
     "the opening time of 'opening_hours' (12:00) must be before the closing time (12:00)", 1},
    {KIOSK("  opening_hours: \"22:00-06:00\""), 34, 18, "hours past midnight are not supported", 1},
    {KIOSK("  opening_hours: \"24:00-24:00\""), 34, 18, "must be before the closing time", 1},
    /* open_days */
    {KIOSK(HOURS "  open_days: [MON, Sun]"), 0, 0, NULL, 0},
    {KIOSK(HOURS "  open_days: [sun, mon, tue, wed, thu, fri, sat]"), 0, 0, NULL, 0},
    {KIOSK(HOURS "  open_days: []"), 35, 14,
     "'open_days' must not be empty; leave it out to open every day", 1},
    {KIOSK(HOURS "  open_days: mon"), 35, 14,
     "'open_days' must be a list of days (mon, tue, wed, thu, fri, sat, sun), not 'mon'", 1},
    {KIOSK(HOURS "  open_days: [mon, [tue]]"), 35, 20,
     "each day in 'open_days' must be a day name (mon, tue, wed, thu, fri, sat, sun), not a "
     "list",
     1},
    {KIOSK(HOURS "  open_days: [Monday]"), 35, 15, "unknown day 'Monday' in 'open_days'", 1},
    {KIOSK(HOURS "  open_days: [mon, \"\"]"), 35, 20, "unknown day empty in 'open_days'", 1},
    {KIOSK(HOURS "  open_days:\n    - sat\n    - sun\n    - sat"), 38, 7,
     "duplicate day 'sat' in 'open_days' (first at line 36)", 1},
    {KIOSK(HOURS "  open_days: [mon, mon, mon]"), 35, 20, "duplicate day 'mon'", 2},
    /* days without times would be ignored: said, not silently dropped */
    {KIOSK("  open_days: [mon]"), 34, 14,
     "'open_days' needs opening times, e.g. opening_hours: \"07:30-18:30\"; with no "
     "opening_hours the kiosk is open every day",
     1},
    {KIOSK("  opening_hours: always\n  open_days: [mon]"), 35, 14,
     "with opening_hours: always the kiosk is open every day", 1},
    {KIOSK("  opening_hours: \"9-5\"\n  open_days: [mon]"), 34, 18, "not '9-5'", 1},
    /* drift_pixels, reload_seconds */
    {KIOSK("  drift_pixels: 0"), 0, 0, NULL, 0},
    {KIOSK("  drift_pixels: 20"), 0, 0, NULL, 0},
    {KIOSK("  drift_pixels: -1"), 34, 17, "'drift_pixels' must be between 0 and 20, not '-1'", 1},
    {KIOSK("  drift_pixels: 3px"), 34, 17, "'drift_pixels' must be a number, not '3px'", 1},
    {KIOSK("  reload_seconds: 0.5"), 0, 0, NULL, 0},
    {KIOSK("  reload_seconds: 60"), 0, 0, NULL, 0},
    {KIOSK("  reload_seconds: 61"), 34, 19, "'reload_seconds' must be between 0.5 and 60, not '61'",
     1},
    {KIOSK("  reload_seconds: 0"), 34, 19, "'reload_seconds' must be between 0.5 and 60", 1},
    /* cec: true or false */
    {KIOSK("  cec: true"), 0, 0, NULL, 0},
    {KIOSK("  cec: false"), 0, 0, NULL, 0},
    {KIOSK("  cec: sometimes"), 34, 8, "'cec' must be true or false, not 'sometimes'", 1},
    {KIOSK("  cec: [true]"), 34, 8, "'cec' must be", 1},
    /* one error per key, in file order */
    {KIOSK("  quit_keys: Alt+Q\n  drift_pixels: 21"), 34, 14, "at least two of", 2},
    {KIOSK("  quit_keys: Alt+Q\n  drift_pixels: 21"), 35, 17, "'drift_pixels'", 2},

/* ---- sound (inserted after the playlist, line 32: "sound:" is line 33) */
#define SOUND(text) 32, 1, PLAYLIST "sound:\n" text
    {32, 1, PLAYLIST "sound: {}", 0, 0, NULL, 0},
    {32, 1, PLAYLIST "sound: on", 33, 8, "'sound' must be a mapping, not 'on'", 1},
    {SOUND("  interactive: {on: true, volume: 1}\n  kiosk: {on: true, volume: 0}"), 0, 0, NULL, 0},
    {SOUND("  kiosk: {on: false}"), 0, 0, NULL, 0},
    {SOUND("  waiting_room: {on: true}"), 34, 3,
     "unknown key 'waiting_room' in sound; expected one of: interactive, kiosk", 1},
    {SOUND("  interactive: true"), 34, 16, "'interactive' must be a mapping, not 'true'", 1},
    {SOUND("  kiosk: [on]"), 34, 10, "'kiosk' must be a mapping, not a list", 1},
    {SOUND("  interactive: {on: yes}"), 34, 21, "'on' must be true or false, not 'yes'", 1},
    {SOUND("  interactive: {volume: 1.5}"), 34, 25, "'volume' must be between 0 and 1, not '1.5'",
     1},
    {SOUND("  kiosk: {volume: -0.1}"), 34, 19, "'volume' must be between 0 and 1, not '-0.1'", 1},
    {SOUND("  kiosk: {volume: loud}"), 34, 19, "'volume' must be a number, not 'loud'", 1},
    {SOUND("  kiosk: {on: true, level: 3}"), 34, 21,
     "unknown key 'level' in sound's kiosk; expected one of: on, volume", 1},
    {SOUND("  interactive:\n    on: true\n    on: false"), 36, 5,
     "duplicate key 'on' in sound's interactive (first at line 35)", 1},
    /* both modes' mistakes, in file order */
    {SOUND("  interactive: {volume: 2}\n  kiosk: {on: 1}"), 34, 25, "'volume'", 2},
    {SOUND("  interactive: {volume: 2}\n  kiosk: {on: 1}"), 35, 15, "'on' must be true or false",
     2},
#undef SOUND
#undef HOURS
#undef KIOSK
#undef PLAYLIST
};

/* minimal.yaml with lines first..first+count-1 replaced; the caller frees it. */
static char *minimal_edit(const char *base, int first, int count, const char *replacement,
                          size_t *len) {
    const char *from = base;
    for (int line = 1; line < first; line++) {
        from = strchr(from, '\n');
        assert_non_null(from);
        from++;
    }
    const char *to = from;
    for (int k = 0; k < count; k++) {
        to = strchr(to, '\n');
        assert_non_null(to);
        to++;
    }
    size_t head = (size_t)(from - base);
    size_t size = head + strlen(replacement) + 1 + strlen(to) + 1;
    char *text = malloc(size);
    assert_non_null(text);
    snprintf(text, size, "%.*s%s\n%s", (int)head, base, replacement, to);
    *len = strlen(text);
    return text;
}

static void test_edit_cases(void **state) {
    content_t *c = *state;
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    for (int i = 0; i < COUNT_OF(EDIT_CASES); i++) {
        const edit_case_t *t = &EDIT_CASES[i];
        char name[32];
        snprintf(name, sizeof name, "EDIT_CASES[%d]", i);
        size_t len = 0;
        char *text = minimal_edit(base, t->first, t->count, t->replacement, &len);
        content_errors_t errors;
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (t->line == 0) {
            if (!ok) {
                print_errors(&errors, name);
                fail_msg("%s (\"%s\") should be valid", name, t->replacement);
            }
            continue;
        }
        assert_false(ok);
        assert_has_error(&errors, name, t->line, t->column, t->part);
        if (errors.total != t->total) {
            print_errors(&errors, name);
            fail_msg("%s: %d errors, expected %d", name, errors.total, t->total);
        }
        assert_in_file_order(&errors);
    }
    free(base);
}

/* The QR code's text: by default a tel: link made from clinic.phone; qr_text's placeholders
 * filled in as in every other text, never kept with their braces. minimal.yaml's phone (line
 * 101) and qr_text (line 104) replaced; qr NULL leaves qr_text out. */
typedef struct qr_case_t {
    const char *phone;
    const char *qr;   /* the value of qr_text as written, or NULL */
    const char *want; /* content_t.clinic.qr_text, or NULL for an error */
    int line, column;
    const char *part;
} qr_case_t;

static const qr_case_t QR_CASES[] = {
    /* the shipped number: "+1" before ten digits */
    {"(209) 830-1799", NULL, "tel:+12098301799", 0, 0, NULL},
    {"209.830.1799", NULL, "tel:+12098301799", 0, 0, NULL},
    {"1 (209) 830-1799", NULL, "tel:+12098301799", 0, 0, NULL},  /* eleven digits from 1: "+" */
    {"+44 20 7946 0000", NULL, "tel:+442079460000", 0, 0, NULL}, /* a country code as written */
    {"555-0100", NULL, "tel:5550100", 0, 0, NULL}, /* a local number: dialled as written */
    {"(415) 555-0123", "\"tel:{clinic.phone}\"", "tel:+14155550123", 0, 0, NULL},
    {"(415) 555-0123", "tel:{clinic.care_phone}", "tel:5550199", 0, 0, NULL},
    {"(415) 555-0123", "\"Call {clinic.name}: {clinic.phone}\"", "Call Test Clinic: (415) 555-0123",
     0, 0, NULL},
    {"(415) 555-0123", "https://example.org/call", "https://example.org/call", 0, 0, NULL},
    /* a tel: link of the author's own making, not a dialable number: kept as written */
    {"(415) 555-0123", "tel:1-800-FLOWERS", "tel:1-800-FLOWERS", 0, 0, NULL},
    {"1-800-FLOWERS", NULL, NULL, 101, 10,
     "the QR code's phone link cannot be made from '1-800-FLOWERS': it has 'F', which a phone "
     "cannot dial; write the number in digits, or give the QR code its own 'qr_text'"},
    {"(209) 830-1799 ext. 12", NULL, NULL, 101, 10, "it has 'e', which a phone cannot dial"},
    {"\"--\"", NULL, NULL, 101, 10, "it has no digits"},
    {"1-800-FLOWERS", "tel:+18003569377", "tel:+18003569377", 0, 0,
     NULL}, /* its own qr_text: fine */
    {"(415) 555-0123", "\"tel:{clinic.fax}\"", NULL, 104, 12, "unknown placeholder '{clinic.fax}'"},
    {"(415) 555-0123", "\"tel:{clinic.phone\"", NULL, 104, 12, "without a closing '}'"},
    {"(415) 555-0123", "\"\"", NULL, 104, 12, "'qr_text' must not be empty"},
};

static void test_qr_text(void **state) {
    content_t *c = *state;
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    for (int i = 0; i < COUNT_OF(QR_CASES); i++) {
        const qr_case_t *t = &QR_CASES[i];
        char name[32], phone[64], qr[96];
        snprintf(name, sizeof name, "QR_CASES[%d]", i);
        snprintf(phone, sizeof phone, "  phone: %s", t->phone);
        if (t->qr) {
            snprintf(qr, sizeof qr, "  qr_text: %s", t->qr);
        } else {
            snprintf(qr, sizeof qr, "  # no qr_text");
        }
        size_t len = 0;
        char *once = minimal_edit(base, 104, 1, qr, &len);
        char *text = minimal_edit(once, 101, 1, phone, &len);
        free(once);
        content_errors_t errors;
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (t->want) {
            if (!ok) {
                print_errors(&errors, name);
                fail_msg("%s should be valid", name);
            }
            if (strcmp(c->clinic.qr_text, t->want) != 0) {
                fail_msg("%s: qr_text \"%s\", expected \"%s\"", name, c->clinic.qr_text, t->want);
            }
            continue;
        }
        assert_false(ok);
        assert_has_error(&errors, name, t->line, t->column, t->part);
        assert_int_equal(errors.total, 1);
    }
    free(base);
}

/* A file without the kiosk section, or with only some of its keys, takes the defaults. */
static void test_kiosk_defaults(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    static const struct {
        const char *text; /* the kiosk section put after the playlist; NULL: none */
        bool present;
    } cases[] = {
        {NULL, false},
        {"kiosk: {}", true},
        {"kiosk:\n  drift_pixels: 3", true},
        {"kiosk: {opening_hours: always}", true},
    };
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char replacement[128];
        snprintf(replacement, sizeof replacement,
                 "playlist: [intro, stretch-a, reviews, contact]%s%s", cases[i].text ? "\n" : "",
                 cases[i].text ? cases[i].text : "");
        size_t len = 0;
        char *text = minimal_edit(base, 32, 1, replacement, &len);
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (!ok) {
            print_errors(&errors, "defaults");
            fail_msg("kiosk defaults case %d does not parse", i);
        }
        assert_int_equal(c->kiosk.present, cases[i].present);
        assert_int_equal(c->kiosk.quit_mods, CONTENT_MOD_CTRL | CONTENT_MOD_ALT);
        assert_int_equal(c->kiosk.quit_key, 'q');
        assert_int_equal(c->kiosk.quit_fkey, 0);
        assert_string_equal(c->kiosk.quit_keys, "Ctrl+Alt+Q");
        assert_null(c->kiosk.hint);
        assert_true(c->kiosk.always_open);
        assert_int_equal(c->kiosk.open_minute, 0);
        assert_int_equal(c->kiosk.close_minute, 24 * 60);
        assert_int_equal(c->kiosk.open_days, 0x7F);
        assert_float_equal(c->kiosk.drift_pixels, 3.0f, EPSILON);
        assert_float_equal(c->kiosk.reload_seconds, 2.0f, EPSILON);
        assert_false(c->kiosk.cec);
        for (int day = 0; day < 7; day++) {
            assert_true(content_kiosk_open(c, day, 0));
            assert_true(content_kiosk_open(c, day, 24 * 60 - 1));
        }
    }
    free(base);

    /* the section's own file, minimal.yaml untouched */
    assert_true(parse_file("tests/data/minimal.yaml", c, &errors));
    assert_false(c->kiosk.present);
    assert_true(c->kiosk.always_open);
}

/* kiosk.cec: the TV put in standby over HDMI-CEC when closed, only when asked. */
static void test_kiosk_cec(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    static const struct {
        const char *text;
        bool cec;
    } cases[] = {
        {"kiosk: {}", false},
        {"kiosk:\n  cec: false", false},
        {"kiosk:\n  cec: true", true},
        {"kiosk:\n  opening_hours: \"07:30-18:30\"\n  cec: true", true},
    };
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char replacement[160];
        snprintf(replacement, sizeof replacement,
                 "playlist: [intro, stretch-a, reviews, contact]\n%s", cases[i].text);
        size_t len = 0;
        char *text = minimal_edit(base, 32, 1, replacement, &len);
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (!ok) {
            print_errors(&errors, "cec");
            fail_msg("kiosk cec case %d does not parse", i);
        }
        assert_int_equal(c->kiosk.cec, cases[i].cec);
    }
    free(base);
}

/* Sound: silent unless the file says so, per mode; a mode's volume without 'on' is still
 * off, and 'on' without a volume takes the default 0.5. */
static void test_sound_values(void **state) {
    static const struct {
        const char *section; /* after the playlist; NULL: none */
        bool present, interactive_on;
        float interactive_volume;
        bool kiosk_on;
        float kiosk_volume;
    } cases[] = {
        {NULL, false, false, 0.5f, false, 0.5f},
        {"sound: {}", true, false, 0.5f, false, 0.5f},
        {"sound: {interactive: {on: true}}", true, true, 0.5f, false, 0.5f},
        {"sound: {kiosk: {volume: 0.2}}", true, false, 0.5f, false, 0.2f},
        {"sound:\n  interactive: {on: false, volume: 0}\n  kiosk: {on: true, volume: 1}", true,
         false, 0.0f, true, 1.0f},
    };
    content_t *c = *state;
    content_errors_t errors;
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char replacement[256];
        snprintf(replacement, sizeof replacement,
                 "playlist: [intro, stretch-a, reviews, contact]%s%s", cases[i].section ? "\n" : "",
                 cases[i].section ? cases[i].section : "");
        size_t len = 0;
        char *text = minimal_edit(base, 32, 1, replacement, &len);
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (!ok) {
            print_errors(&errors, "sound");
            fail_msg("sound case %d does not parse", i);
        }
        assert_int_equal(c->sound.present, cases[i].present);
        assert_int_equal(c->sound.interactive.on, cases[i].interactive_on);
        assert_float_equal(c->sound.interactive.volume, cases[i].interactive_volume, EPSILON);
        assert_int_equal(c->sound.kiosk.on, cases[i].kiosk_on);
        assert_float_equal(c->sound.kiosk.volume, cases[i].kiosk_volume, EPSILON);
        /* minimal.yaml has no notice labels: the notice then says nothing */
        assert_null(c->labels.sound_on);
        assert_null(c->labels.sound_off);
        assert_null(c->labels.sound_none);
        assert_null(c->labels.quit_hold); /* ... nor while the staff hold the quit chord */
    }
    free(base);
    /* the real file: a patient's own computer sounds, the waiting room is silent */
    assert_true(parse_file("tests/data/whole-en.yaml", c, &errors));
    assert_true(c->sound.present);
    assert_true(c->sound.interactive.on);
    assert_float_equal(c->sound.interactive.volume, 0.5f, EPSILON);
    assert_false(c->sound.kiosk.on);
    assert_float_equal(c->sound.kiosk.volume, 0.3f, EPSILON);
    assert_string_equal(c->labels.sound_on, "Sound on");
    assert_string_equal(c->labels.sound_off, "Sound off");
    assert_string_equal(c->labels.sound_none, "No sound on this computer");
    assert_string_equal(c->labels.quit_hold, "Keep holding to quit");
}

/* Kiosk sections written in other ways than en.yaml's, and what they give. */
static void test_kiosk_values(void **state) {
    enum { SUN = 1 << 0, MON = 1 << 1, SAT = 1 << 6, ALL = 0x7F };
    enum { CTRL = CONTENT_MOD_CTRL, ALT = CONTENT_MOD_ALT, SHIFT = CONTENT_MOD_SHIFT };
    static const struct {
        const char *section; /* after "kiosk:\n" */
        int mods;
        char key;
        int fkey;
        bool always;
        int open, close; /* minutes */
        unsigned days;
        float drift, reload;
        const char *hint; /* NULL: none */
    } cases[] = {
        {"  quit_keys: ctrl+shift+f12", CTRL | SHIFT, 0, 12, true, 0, 1440, ALL, 3, 2, NULL},
        {"  quit_keys: Control + Alt + 7", CTRL | ALT, '7', 0, true, 0, 1440, ALL, 3, 2, NULL},
        {"  quit_keys: ALT+SHIFT+F", ALT | SHIFT, 'f', 0, true, 0, 1440, ALL, 3, 2, NULL},
        {"  quit_keys: Shift+Alt+Ctrl+x", CTRL | ALT | SHIFT, 'x', 0, true, 0, 1440, ALL, 3, 2,
         NULL},
        {"  quit_keys: Ctrl+Alt+F1", CTRL | ALT, 0, 1, true, 0, 1440, ALL, 3, 2, NULL},
        {"  opening_hours: always\n  drift_pixels: 0\n  reload_seconds: 60", CTRL | ALT, 'q', 0,
         true, 0, 1440, ALL, 0, 60, NULL},
        {"  opening_hours: \"0:00-24:00\"", CTRL | ALT, 'q', 0, false, 0, 1440, ALL, 3, 2, NULL},
        {"  opening_hours: \" 9:05 - 17:00 \"\n  open_days: [SUN, sat]", CTRL | ALT, 'q', 0, false,
         545, 1020, SUN | SAT, 3, 2, NULL},
        {"  opening_hours: 07:30-18:30\n  open_days: [Mon]", CTRL | ALT, 'q', 0, false, 450, 1110,
         MON, 3, 2, NULL},
        {"  hint: \"Call {clinic.phone}\"\n  reload_seconds: 0.5", CTRL | ALT, 'q', 0, true, 0,
         1440, ALL, 3, 0.5f, "Call 555-0100"},
    };
    content_t *c = *state;
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char replacement[256];
        snprintf(replacement, sizeof replacement,
                 "playlist: [intro, stretch-a, reviews, contact]\nkiosk:\n%s", cases[i].section);
        size_t len = 0;
        char *text = minimal_edit(base, 32, 1, replacement, &len);
        content_errors_t errors;
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (!ok) {
            print_errors(&errors, "kiosk");
            fail_msg("kiosk case %d (\"%s\") does not parse", i, cases[i].section);
        }
        assert_true(c->kiosk.present);
        assert_int_equal(c->kiosk.quit_mods, cases[i].mods);
        assert_int_equal(c->kiosk.quit_key, cases[i].key);
        assert_int_equal(c->kiosk.quit_fkey, cases[i].fkey);
        assert_int_equal(c->kiosk.always_open, cases[i].always);
        assert_int_equal(c->kiosk.open_minute, cases[i].open);
        assert_int_equal(c->kiosk.close_minute, cases[i].close);
        assert_int_equal(c->kiosk.open_days, cases[i].days);
        assert_float_equal(c->kiosk.drift_pixels, cases[i].drift, EPSILON);
        assert_float_equal(c->kiosk.reload_seconds, cases[i].reload, EPSILON);
        if (cases[i].hint) {
            assert_string_equal(c->kiosk.hint, cases[i].hint);
        } else {
            assert_null(c->kiosk.hint);
        }
        /* quit_keys is kept as written, for messages */
        const char *written = strstr(cases[i].section, "quit_keys: ");
        if (written) {
            size_t n = strcspn(written + 11, "\n");
            assert_int_equal(strlen(c->kiosk.quit_keys), n);
            assert_memory_equal(c->kiosk.quit_keys, written + 11, n);
        } else {
            assert_string_equal(c->kiosk.quit_keys, "Ctrl+Alt+Q");
        }
    }
    free(base);
}

/* ---- In-memory documents ----------------------------------------------------------- */

typedef struct text_case_t {
    const char *text;
    int line, column;
    const char *part;
} text_case_t;

/* Short documents that also lack sections, so only the named error is looked for. */
static const text_case_t TEXT_CASES[] = {
    {"version: 1\n\tlanguage: en\n", 2, 1, "a tab is used for indenting here; use spaces"},
    {"a:\n  b: x\n  \tc: 3\n", 3, 3, "a tab is used for indenting here; use spaces"},
    {"a:\n  - x\n\t- y\n", 3, 1, "a tab is used for indenting here; use spaces"},
    {"a:\n  b: \"x\"\n\tc: 3\n", 3, 1, "a tab is used for indenting here; use spaces"},
    {"version: 1\nlanguage: \"\xFF\"\n", 2, 12,
     "the file is not saved as UTF-8: the byte 0xFF here ('\xC3\xBF' in Latin-1) is not UTF-8"},
    {"a: \xC3\xA9\xC3\n", 1, 5, "the byte 0xC3 here"},     /* cut short at the end */
    {"a: \xC0\xAF\n", 1, 4, "the byte 0xC0 here"},         /* overlong "/" */
    {"a: \xED\xA0\x80\n", 1, 4, "the byte 0xED here"},     /* a UTF-16 surrogate */
    {"a: \xF4\x90\x80\x80\n", 1, 4, "the byte 0xF4 here"}, /* beyond U+10FFFF */
    {"version: 1\nlanguage: \x01\n", 2, 11,
     "a control character (U+0001) is in the file here; delete it"},
    {"version: 1\nlanguage: [unclosed\n", 2, 11,
     "the '[' opened here is not closed; end the list with ']'"},
    {"a:\n  b: {x: 1, y: 2\n  c: 3\n", 2, 6,
     "the '{' opened here is not closed; end the mapping with '}'"},
    {"a: [1, \"2\" 3]\n", 1, 12,
     "a comma or ']' is missing here, in the list that starts at "
     "column 4"},
    {"a:\n  b: \"it is\n  c: 3\n", 2, 6, "the quote (\") opened here is not closed"},
    {"a:\n  b: 'it is\n  c: 3\n", 2, 6,
     "the quote (') opened here is not closed; end the text with ' on the same line"},
    {"a:\n  b: \"x \\\" y\n  c: \"z\"\n  d: 1\n", 2, 6, "the quote (\") opened here"},
    {"a:\n  b: 'don''t\n  c: 'z'\n  d: 1\n", 2, 6, "the quote (') opened here"},
    {"a:\n  b: don't \"stop\"\n  c: x: y\n", 3, 7, "a colon followed by a space inside a text"},
    {"a:\n  b: x\n    c: y\n", 3, 6, "this line is indented more than the line above allows"},
    {"version: 1\n---\nfoo: 1\n", 3, 1, "only one YAML document is allowed"},
    {"version: 1\n? [a]\n: b\n", 2, 3, "keys in the file must be names, not a list"},
    {"version: 1\nclinic: [a]\n", 2, 9, "'clinic' must be a mapping, not a list"},
    {"version: 1\ntheme: red\n", 2, 8, "'theme' must be a mapping, not 'red'"},
    {"version: 1\nexercises: []\n", 2, 12, "'exercises' must not be empty"},
    {"version: 1\nexercises: [oops]\n", 2, 13, "each exercise must be a mapping, not 'oops'"},
    {"version: 1\nreviews: {title: R, items: []}\n", 2, 28, "'items' must not be empty"},
    {"version: 1\nversion: 1\n", 2, 1, "duplicate key 'version' in the file (first at line 1)"},
    {"version: 1\ntitel: x\n", 2, 1, "unknown key 'titel' in the file; expected one of: version, "},
    /* an alias is its anchor's node, so the error points at the anchor; no endless loop */
    {"a: &x [*x]\nversion: *x\n", 1, 4, "'version' must be a number, not a list"},
    {"just text\n", 1, 1, "the top level must be a mapping, not 'just text'"},
};

/* The issue's slips made in the real file, each on the first line of its kind from line 400
 * on (the end of the file, where libyaml's own mark was lines off): the message names the
 * line and column of the slip. */
static void test_real_file_slips(void **state) {
    content_t *c = *state;
    size_t len = 0;
    char *base = read_file("tests/data/whole-en.yaml", &len);
    enum { QUOTE, TAB, COLON, SLIP_NUM };
    for (int kind = 0; kind < SLIP_NUM; kind++) {
        char *text = malloc(len + 8);
        assert_non_null(text);
        memcpy(text, base, len + 1);
        int line = 1, column = 0;
        char *at = text;
        for (; *at; line++) {
            char *end = strchr(at, '\n');
            assert_non_null(end);
            char *quote = strstr(at, ": \"");
            bool quoted = quote && quote < end && end[-1] == '"' && end - quote > 4;
            bool indented =
                at[0] == ' ' && at[1] == ' ' && at[2] != ' ' && at[2] != '#' && at[2] != '-';
            bool plain = quote == NULL || quote > end;
            char *colon = strstr(at, ": ");
            bool plain_text = plain && colon && colon < end && colon[2] >= 'A' && colon[2] <= 'Z';
            if (line >= 400 && kind == QUOTE && quoted) {
                end[-1] = ' '; /* the closing quote left out */
                column = (int)(quote - at) + 3;
                break;
            }
            if (line >= 400 && kind == TAB && indented) {
                at[0] = '\t'; /* a tab and a space instead of two spaces */
                column = 1;
                break;
            }
            if (line >= 400 && kind == COLON && plain_text) {
                char *space = strchr(colon + 2, ' '); /* "Hold this: " */
                assert_true(space && space < end);
                space[-1] = ':';
                column = (int)(space - at);
                break;
            }
            at = end + 1;
        }
        assert_int_not_equal(column, 0);
        content_errors_t errors;
        assert_false(content_parse(c, text, strlen(text), &errors));
        static const char *const PARTS[SLIP_NUM] = {
            "the quote (\") opened here is not closed", "a tab is used for indenting here",
            "a colon followed by a space inside a text without quotes"};
        assert_has_error(&errors, "en.yaml", line, column, PARTS[kind]);
        assert_int_equal(errors.total, 1);
        free(text);
    }
    free(base);
}

static void test_text_cases(void **state) {
    content_t *c = *state;
    for (int i = 0; i < COUNT_OF(TEXT_CASES); i++) {
        const text_case_t *t = &TEXT_CASES[i];
        content_errors_t errors;
        char name[32];
        snprintf(name, sizeof name, "TEXT_CASES[%d]", i);
        assert_false(content_parse(c, t->text, strlen(t->text), &errors));
        assert_has_error(&errors, name, t->line, t->column, t->part);
        assert_in_file_order(&errors);
    }
}

static void test_empty_input(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    static const char *const texts[] = {"", "# only a comment\n", "\n\n"};
    for (int i = 0; i < COUNT_OF(texts); i++) {
        assert_false(content_parse(c, texts[i], strlen(texts[i]), &errors));
        assert_int_equal(errors.total, 1);
        assert_int_equal(errors.items[0].line, 1);
        assert_int_equal(errors.items[0].column, 1);
        assert_non_null(strstr(errors.items[0].message, "the content file is empty"));
    }
    assert_false(content_parse(c, NULL, 0, &errors));
    assert_int_equal(errors.total, 1);
}

/* More errors than fit: the first CONTENT_MAX_ERRORS in file order are kept, all counted. */
static void test_error_cap(void **state) {
    char text[1024] = "";
    for (int i = 0; i < 20; i++) {
        char line[32];
        snprintf(line, sizeof line, "k%d: 1\n", i);
        strcat(text, line);
    }
    content_t *c = *state;
    content_errors_t errors;
    assert_false(content_parse(c, text, strlen(text), &errors));
    assert_int_equal(errors.total, 20 + 11); /* 20 unknown keys, 11 missing sections */
    assert_int_equal(errors.count, CONTENT_MAX_ERRORS);
    assert_in_file_order(&errors);
    assert_int_equal(errors.items[CONTENT_MAX_ERRORS - 1].line, 5); /* key 'k4' */
    assert_non_null(strstr(errors.items[CONTENT_MAX_ERRORS - 1].message, "unknown key 'k4'"));
}

static void test_arena_overflow(void **state) {
    const char *head = "version: 1\nintro:\n  body: ";
    size_t body = CONTENT_ARENA_BYTES + 10;
    size_t len = strlen(head) + body;
    char *text = malloc(len + 1);
    assert_non_null(text);
    memcpy(text, head, strlen(head));
    memset(text + strlen(head), 'x', body);
    text[len] = '\0';
    content_t *c = *state;
    content_errors_t errors;
    assert_false(content_parse(c, text, len, &errors));
    assert_has_error(&errors, "arena", 3, 9, "the content is too large");
    assert_true(c->arena_used <= CONTENT_ARENA_BYTES);
    free(text);
}

/* ---- Bounds: size and depth (the reliability review) ------------------------------ */

static double seconds_now(void) {
    struct timespec t;
    timespec_get(&t, TIME_UTC); /* C11; a wall clock is fine for a 1 s hang guard */
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Parses `text`, which must fail at (line, column) with `part`, and within 1 s: a guard
 * against a hang only; without the bound libyaml took 30 s on 100k levels. */
static void assert_refused_fast(content_t *c, const char *name, const char *text, size_t len,
                                int line, int column, const char *part) {
    content_errors_t errors;
    double start = seconds_now();
    bool ok = content_parse(c, text, len, &errors);
    double took = seconds_now() - start;
    assert_false(ok);
    assert_has_error(&errors, name, line, column, part);
    assert_int_equal(errors.total, 1);
    if (took > 1.0) {
        fail_msg("%s: refused after %.2f s", name, took);
    }
}

static void test_depth_bound(void **state) {
    content_t *c = *state;
    const size_t levels = 100000;
    char *text = malloc(4 * levels + 64);
    assert_non_null(text);
    static const char DEEP[] =
        "lists and mappings are nested more than 64 levels deep here; the content file needs "
        "about 8";

    /* [[[[... 100k deep, on one line and one to a line: the 65th is refused */
    memset(text, '[', levels);
    assert_refused_fast(c, "[ x 100k", text, levels, 1, CONTENT_MAX_DEPTH + 1, DEEP);
    memset(text, '{', levels);
    assert_refused_fast(c, "{ x 100k", text, levels, 1, CONTENT_MAX_DEPTH + 1, DEEP);
    for (size_t i = 0; i < levels; i++) {
        text[2 * i] = '[';
        text[2 * i + 1] = '\n';
    }
    assert_refused_fast(c, "[ a line x 100k", text, 2 * levels, CONTENT_MAX_DEPTH + 1, 1, DEEP);
    /* block lists "- - - ..." 100k deep: the 65th dash */
    for (size_t i = 0; i < levels; i++) {
        text[2 * i] = '-';
        text[2 * i + 1] = ' ';
    }
    text[2 * levels] = 'x';
    assert_refused_fast(c, "- x 100k", text, 2 * levels + 1, 1, 2 * CONTENT_MAX_DEPTH + 1, DEEP);
    /* block mappings by indentation, one more space each line: the 65th key */
    size_t n = 0;
    for (int depth = 0; depth < 200; depth++) {
        memset(text + n, ' ', (size_t)depth);
        n += (size_t)depth;
        memcpy(text + n, "k:\n", 3);
        n += 3;
    }
    assert_refused_fast(c, "indented x 200", text, n, CONTENT_MAX_DEPTH + 1, CONTENT_MAX_DEPTH + 1,
                        DEEP);
    /* mappings in flow lists, as a real section might be written: "a: [{b: [{..." */
    n = 0;
    for (size_t i = 0; i < levels / 2; i++) {
        memcpy(text + n, "a: [{", 5);
        n += 5;
    }
    assert_refused_fast(c, "a: [{ x 50k", text, n, 1, 1 + 5 * (CONTENT_MAX_DEPTH / 2) - 1, DEEP);

    /* exactly CONTENT_MAX_DEPTH is not refused for its depth (its error is another) */
    memset(text, '[', CONTENT_MAX_DEPTH);
    memset(text + CONTENT_MAX_DEPTH, ']', CONTENT_MAX_DEPTH);
    content_errors_t errors;
    assert_false(content_parse(c, text, 2 * CONTENT_MAX_DEPTH, &errors));
    assert_int_equal(errors.total, 1);
    assert_non_null(strstr(errors.items[0].message, "the top level must be a mapping"));
    free(text);
}

static void test_size_bound(void **state) {
    content_t *c = *state;
    /* the real file with a comment that takes it past 1 MiB */
    size_t len = 0;
    char *base = read_file("tests/data/whole-en.yaml", &len);
    size_t big = CONTENT_MAX_BYTES + 1;
    char *text = malloc(big);
    assert_non_null(text);
    memcpy(text, base, len);
    memset(text + len, '#', big - len);
    text[len] = '\n';
    assert_refused_fast(c, "1 MiB + 1", text, big, 1, 1,
                        "the file is 1025 KB; a content file may have at most 1024 KB (is it "
                        "the right file?)");
    /* up to the bound it parses as before */
    text[CONTENT_MAX_BYTES - 1] = '\n';
    content_errors_t errors;
    if (!content_parse(c, text, CONTENT_MAX_BYTES, &errors)) {
        print_errors(&errors, "1 MiB");
        fail_msg("the real file padded to 1 MiB should parse");
    }
    free(text);
    free(base);
}

/* One pose or phase more than fits: reported at the first that does not fit. */
static void test_choreography_capacity(void **state) {
    content_t *c = *state;
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    static char text[8192];

    /* poses: lines 72-78 replaced by CONTENT_MAX_POSES + 1 one-line poses */
    char poses[4096] = "    poses:";
    for (int i = 0; i <= CONTENT_MAX_POSES; i++) {
        char line[64];
        snprintf(line, sizeof line, "\n      %s: {at: [0, 1, 0]}",
                 i == 0   ? "standing"
                 : i == 1 ? "arm-up"
                          : "p");
        if (i >= 2) {
            snprintf(line, sizeof line, "\n      p%d: {at: [0, 1, 0]}", i);
        }
        strcat(poses, line);
    }
    size_t len = 0;
    char *edited = minimal_edit(base, 72, 7, poses, &len);
    content_errors_t errors;
    assert_false(content_parse(c, edited, len, &errors));
    assert_int_equal(errors.total, 1);
    assert_has_error(&errors, "poses", 73 + CONTENT_MAX_POSES, 7, "too many poses (at most 16)");
    free(edited);

    /* phases: lines 79-87 replaced by CONTENT_MAX_PHASES + 1 one-line phases */
    snprintf(text, sizeof text, "    phases:");
    for (int i = 0; i <= CONTENT_MAX_PHASES; i++) {
        char line[96];
        snprintf(line, sizeof line, "\n      - {name: p%d, step: %d, pose: standing, seconds: 1}",
                 i, i % 2 + 1);
        strcat(text, line);
    }
    edited = minimal_edit(base, 79, 9, text, &len);
    assert_false(content_parse(c, edited, len, &errors));
    assert_int_equal(errors.total, 1);
    assert_has_error(&errors, "phases", 80 + CONTENT_MAX_PHASES, 9, "too many phases (at most 32)");
    free(edited);

    /* every rotating joint once fits */
    char joints[2048] = "        joints:";
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        if (skel_joint_rotates(j)) {
            char line[64];
            snprintf(line, sizeof line, "\n          %s: [1, 2, 3]", skel_joint_name(j));
            strcat(joints, line);
        }
    }
    edited = minimal_edit(base, 77, 2, joints, &len);
    bool ok = content_parse(c, edited, len, &errors);
    if (!ok) {
        print_errors(&errors, "joints");
    }
    assert_true(ok);
    assert_true(c->exercises[0].poses[1].rotated_count <= CONTENT_MAX_ROTATED);
    assert_int_equal(c->exercises[0].poses[1].rotated_count, SKEL_JOINT_NUM - 5);
    free(edited);
    free(base);
}

/* ---- Repeatability ----------------------------------------------------------------- */

static void test_parse_twice_identical(void **state) {
    size_t len = 0;
    char *text = read_file("tests/data/whole-en.yaml", &len);
    content_t *a = *state;
    content_t *snapshot = content_new();
    content_t *b = content_new();
    content_errors_t errors;

    assert_true(content_parse(a, text, len, &errors));
    memcpy(snapshot, a, sizeof *a);
    assert_true(content_parse(a, text, len, &errors));
    assert_memory_equal(a, snapshot, sizeof *a);

    /* b first holds other content and a failed parse: nothing of that may remain */
    assert_true(parse_file("tests/data/minimal.yaml", b, &errors));
    assert_false(parse_file("tests/data/bad-two-errors.yaml", b, &errors));
    assert_true(content_parse(b, text, len, &errors));
    assert_int_equal(errors.total, 0);
    assert_int_equal(b->arena_used, a->arena_used);
    assert_memory_equal(b->arena, a->arena, sizeof a->arena);
    assert_int_equal(b->exercise_count, a->exercise_count);
    assert_int_equal(b->reviews.count, a->reviews.count);
    assert_int_equal(b->playlist_count, a->playlist_count);
    assert_memory_equal(b->playlist, a->playlist, sizeof a->playlist);
    assert_int_equal(b->exercises[3].title - b->arena, a->exercises[3].title - a->arena);
    assert_int_equal(b->contact.call - b->arena, a->contact.call - a->arena);

    free(b);
    free(snapshot);
    free(text);
}

/* ---- Small public functions -------------------------------------------------------- */

static void test_error_format(void **state) {
    (void)state;
    content_error_t e = {.line = 3, .column = 7};
    snprintf(e.message, sizeof e.message, "message");
    char buf[128];
    content_error_format(&e, "x.yaml", buf, sizeof buf);
    assert_string_equal(buf, "x.yaml:3:7: message");

    char tiny[5];
    content_error_format(&e, "x.yaml", tiny, sizeof tiny);
    assert_string_equal(tiny, "x.ya"); /* cut, still terminated */
}

static void test_find_scene(void **state) {
    content_t *c = *state;
    content_errors_t errors;
    assert_true(parse_file("tests/data/whole-en.yaml", c, &errors));

    static const struct {
        const char *id;
        bool found;
        scene_kind_t kind;
        int exercise;
    } cases[] = {
        {"intro", true, SCENE_INTRO, -1},
        {"reviews", true, SCENE_REVIEWS, -1},
        {"contact", true, SCENE_CONTACT, -1},
        {"spinal-twists", true, SCENE_EXERCISE, 0},
        {"press-up-back-extensions", true, SCENE_EXERCISE, 3},
        {"Intro", false, SCENE_NONE, -1},
        {"", false, SCENE_NONE, -1},
        {"knees", false, SCENE_NONE, -1},
    };
    for (int i = 0; i < COUNT_OF(cases); i++) {
        content_scene_ref_t ref = {SCENE_NONE, -1};
        assert_int_equal(content_find_scene(c, cases[i].id, &ref), cases[i].found);
        assert_int_equal(ref.kind, cases[i].kind);
        assert_int_equal(ref.exercise, cases[i].exercise);
        if (cases[i].found) {
            assert_string_equal(content_scene_id(c, ref), cases[i].id);
        }
    }
    assert_false(content_find_scene(c, NULL, NULL));
    assert_string_equal(content_scene_id(c, (content_scene_ref_t){SCENE_NONE, -1}), "");
    assert_string_equal(content_scene_id(c, (content_scene_ref_t){SCENE_EXERCISE, 4}), "");
    assert_string_equal(content_scene_id(c, (content_scene_ref_t){SCENE_EXERCISE, -1}), "");
}

/* ---- content_format: label templates filled at run time --------------------------- */

#define FORMAT_BUFFER 64
#define RE "R\xC3\xA9"           /* "Ré": é is two bytes */
#define ELLIPSIS "\xE2\x80\xA6"  /* "…": three bytes */
#define SMILE "\xF0\x9F\x98\x80" /* U+1F600: four bytes */

typedef struct format_case_t {
    const char *tmpl;
    content_format_args_t args;
    size_t size; /* of the output, at most FORMAT_BUFFER */
    const char *expected;
} format_case_t;

static const format_case_t FORMAT_CASES[] = {
    /* each placeholder */
    {"{side} side", {.side = "Right"}, FORMAT_BUFFER, "Right side"},
    {"Hold for {target} deep breaths", {.target = "10"}, FORMAT_BUFFER, "Hold for 10 deep breaths"},
    {"Resuming in {n}", {.n = "3"}, FORMAT_BUFFER, "Resuming in 3"},
    {"from {min}", {.min = "20"}, FORMAT_BUFFER, "from 20"},
    /* several in one string, in any order, one twice, side by side */
    {"Hold for {min} to {target} seconds",
     {.min = "20", .target = "30"},
     FORMAT_BUFFER,
     "Hold for 20 to 30 seconds"},
    {"Repetition {n} of {target}", {.n = "3", .target = "15"}, FORMAT_BUFFER, "Repetition 3 of 15"},
    {"{target} ({n}) {n}", {.n = "1", .target = "9"}, FORMAT_BUFFER, "9 (1) 1"},
    {"{min}{target}{side}{n}", {"L", "n", "t", "m"}, FORMAT_BUFFER, "mtLn"},
    {"{side}", {.side = RE}, FORMAT_BUFFER, RE},
    {"{n}", {.n = ""}, FORMAT_BUFFER, ""},
    /* an argument not given: the placeholder stays as written */
    {"Repetition {n} of {target}", {.n = "3"}, FORMAT_BUFFER, "Repetition 3 of {target}"},
    {"Repetition {n} of {target}", {.side = "Left"}, FORMAT_BUFFER, "Repetition {n} of {target}"},
    /* other braces stay as written */
    {"{x} {n}", {.n = "1"}, FORMAT_BUFFER, "{x} 1"},
    {"{N} {clinic.name} {} }{", {.n = "1"}, FORMAT_BUFFER, "{N} {clinic.name} {} }{"},
    {"{{n}}", {.n = "1"}, FORMAT_BUFFER, "{1}"},
    {"{ n} {n } {n", {.n = "1"}, FORMAT_BUFFER, "{ n} {n } {n"},
    {"{target", {.target = "1"}, FORMAT_BUFFER, "{target"},
    {"{", {.n = "1"}, FORMAT_BUFFER, "{"},
    {"", {.n = "1"}, FORMAT_BUFFER, ""},
    /* a value with braces is not filled again */
    {"{n} {target}", {.n = "{target}", .target = "2"}, FORMAT_BUFFER, "{target} 2"},
    /* cut to fit: whole characters only, nothing after the cut */
    {"Resuming in {n}", {.n = "3"}, 14, "Resuming in 3"}, /* exactly fits */
    {"Resuming in {n}", {.n = "3"}, 13, "Resuming in "},
    {RE "p {n}", {.n = "1"}, 4, RE},
    {RE "p {n}", {.n = "1"}, 3, "R"}, /* é would be split: left out */
    {RE "p {n}", {.n = "1"}, 2, "R"},
    {RE "p {n}", {.n = "1"}, 1, ""},
    {"{side} side", {.side = RE}, 3, "R"}, /* cut inside the value; " side" not added */
    {"{side} side", {.side = RE}, 5, RE " "},
    {"a" ELLIPSIS "b", {.n = NULL}, 4, "a"},
    {"a" ELLIPSIS "b", {.n = NULL}, 5, "a" ELLIPSIS},
    {"{n}" SMILE "!", {.n = "1"}, 5, "1"},
    {"{n}" SMILE "!", {.n = "1"}, 6, "1" SMILE},
    {"x{n}y", {.n = SMILE}, 5, "x"},
    {"{n}y", {.n = "12345"}, 4, "123"},
};

static void test_format_cases(void **state) {
    (void)state;
    for (int i = 0; i < COUNT_OF(FORMAT_CASES); i++) {
        const format_case_t *t = &FORMAT_CASES[i];
        assert_true(t->size <= FORMAT_BUFFER);
        char out[FORMAT_BUFFER + 8];
        memset(out, '#', sizeof out);
        size_t n = content_format(out, t->size, t->tmpl, &t->args);
        if (strcmp(out, t->expected) != 0) {
            fail_msg("FORMAT_CASES[%d]: \"%s\" in %zu bytes gave \"%s\", expected \"%s\"", i,
                     t->tmpl, t->size, out, t->expected);
        }
        assert_int_equal(n, strlen(t->expected));
        for (size_t k = t->size; k < sizeof out; k++) {
            assert_int_equal(out[k], '#'); /* nothing written past out_size */
        }
    }
}

static void test_format_edges(void **state) {
    (void)state;
    char out[16];
    memset(out, '#', sizeof out);
    assert_int_equal(content_format(out, 0, "abc", NULL), 0);
    assert_int_equal(out[0], '#'); /* no room even for the NUL: untouched */
    assert_int_equal(content_format(NULL, 8, "abc", NULL), 0);

    /* no arguments at all: every placeholder stays */
    assert_int_equal(content_format(out, sizeof out, "{n} of {target}", NULL), 15);
    assert_string_equal(out, "{n} of {target}");
    assert_int_equal(content_format(out, sizeof out, NULL, NULL), 0);
    assert_string_equal(out, "");

    /* the parser's output fed back: a label as stored */
    content_format_args_t args = {.n = "2"};
    assert_int_equal(content_format(out, sizeof out, "Resuming in {n}", &args), 13);
    assert_string_equal(out, "Resuming in 2");
}

#undef RE
#undef ELLIPSIS
#undef SMILE

/* Every test gets a zeroed content_t in *state: ~600 KB, never on the stack. */
static int content_setup(void **state) {
    *state = calloc(1, sizeof(content_t));
    return *state ? 0 : -1;
}

static int content_teardown(void **state) {
    free(*state);
    return 0;
}

/* An exercise's dose line (the handout's): read as written with its {min} and {target}, which
 * the exercise's count fills (its repetitions, else its first hold's); using them without a
 * count is an error at the dose. The handout's address and labels: optional, NULL when not
 * given, the address checked as a web link. */
static void test_dose_and_handout(void **state) {
    content_t *c = *state;
    size_t base_len = 0;
    char *base = read_file("tests/data/minimal.yaml", &base_len);
    static const struct {
        const char *hold;  /* the second phase's hold (line 87 and after), or NULL */
        const char *steps; /* line 71 and what follows it: the dose, repetitions */
        const char *want;  /* the dose filled by content_format, or NULL: an error */
        int min, target;   /* content_exercise_count's; 0, 0: false */
        int line, column;  /* the error's */
        const char *part;
    } cases[] = {
        {NULL, "      - Second step.", NULL, 0, 0, 0, 0, NULL}, /* no dose: NULL */
        {NULL, "      - Second step.\n    dose: Hold for as long as you can",
         "Hold for as long as you can", 0, 0, 0, 0, NULL},
        {NULL,
         "      - Second step.\n    repetitions: [10, 15]\n    dose: \"{min}–{target} times\"",
         "10–15 times", 10, 15, 0, 0, NULL},
        {NULL, "      - Second step.\n    repetitions: 4\n    dose: \"{target} times\"", "4 times",
         4, 4, 0, 0, NULL},
        {"        seconds: 2\n        hold: {seconds: [20, 30]}",
         "      - Second step.\n    dose: \"Hold for {min} to {target} seconds\"",
         "Hold for 20 to 30 seconds", 20, 30, 0, 0, NULL},
        {"        seconds: 2\n        hold: {breaths: 10}",
         "      - Second step.\n    dose: \"{target} deep breaths, {clinic.name}\"",
         "10 deep breaths, Test Clinic", 10, 10, 0, 0, NULL},
        {"        seconds: 2\n        hold: {seconds: 5}",
         "      - Second step.\n    dose: \"{min}\"", "5", 5, 5, 0, 0, NULL},
        /* repetitions first, whatever the holds */
        {"        seconds: 2\n        hold: {comfortable: 8}",
         "      - Second step.\n    repetitions: [4, 5]\n    dose: \"{min}–{target} times\"",
         "4–5 times", 4, 5, 0, 0, NULL},
        /* no number to give: at the dose's line and column */
        {NULL, "      - Second step.\n    dose: \"{target} times\"", NULL, 0, 0, 72, 11,
         "'dose' uses {min} or {target}, but the exercise has no count"},
        {"        seconds: 2\n        hold: {comfortable: 8}",
         "      - Second step.\n    dose: \"Hold, {min} times\"", NULL, 0, 0, 72, 11,
         "'dose' uses {min} or {target}, but the exercise has no count"},
        {NULL, "      - Second step.\n    repetitions: 3\n    dose: \"{n} of {target}\"", NULL, 0,
         0, 73, 11, "'{n}' is not known in 'dose'; it may use {min} and {target}"},
    };
    for (int i = 0; i < COUNT_OF(cases); i++) {
        char name[32];
        snprintf(name, sizeof name, "dose cases[%d]", i);
        size_t len = 0;
        const char *hold = cases[i].hold ? cases[i].hold : "        seconds: 2"; /* as it was */
        char *once = minimal_edit(base, 87, 1, hold, &len);
        char *text = minimal_edit(once, 71, 1, cases[i].steps, &len);
        free(once);
        content_errors_t errors;
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (!cases[i].part) {
            if (!ok) {
                print_errors(&errors, name);
                fail_msg("%s should be valid", name);
            }
            const content_exercise_t *ex = &c->exercises[0];
            int min = -1, target = -1;
            bool counted = content_exercise_count(ex, &min, &target);
            assert_int_equal(counted, cases[i].target > 0);
            assert_int_equal(min, cases[i].min);
            assert_int_equal(target, cases[i].target);
            if (!cases[i].want) {
                assert_null(ex->dose);
                continue;
            }
            assert_non_null(ex->dose);
            assert_non_null(content_source_of(c, ex->dose));
            char out[96];
            content_exercise_dose(ex, out, sizeof out);
            assert_string_equal(out, cases[i].want);
            continue;
        }
        assert_false(ok);
        assert_has_error(&errors, name, cases[i].line, cases[i].column, cases[i].part);
        assert_int_equal(errors.total, 1);
    }

    /* the handout's address and labels: left out, NULL */
    content_errors_t errors;
    assert_true(content_parse(c, base, base_len, &errors));
    assert_null(c->clinic.handout_url);
    assert_null(c->labels.handout_title);
    assert_null(c->labels.handout_start);
    assert_null(c->labels.handout_hold);
    assert_null(c->labels.handout_caption);
    static const struct {
        const char *url;
        const char *part; /* NULL: valid */
    } urls[] = {
        {"https://example.org/stretches.pdf", NULL},
        {"http://clinic.example/s?lang=es#top", NULL},
        {"ftp://example.org/s.pdf", "must be a web address starting http:// or https://"},
        {"https://", "must be a web address starting http:// or https://"},
        {"example.org/stretches.pdf", "must be a web address starting http:// or https://"},
        {"\"https://example.org/my stretches.pdf\"", "must not contain a space (column 23"},
        {"https://example.org/estiramientos-niño.pdf", "a character outside ASCII"},
        {"\"{clinic.name}\"", "must be a web address"}, /* taken as written, as the clinic's */
    };
    for (int i = 0; i < COUNT_OF(urls); i++) {
        char name[32], line[160];
        snprintf(name, sizeof name, "urls[%d]", i);
        snprintf(line, sizeof line, "  qr_text: \"tel:5550100\"\n  handout_url: %s", urls[i].url);
        size_t len = 0;
        char *text = minimal_edit(base, 104, 1, line, &len);
        bool ok = content_parse(c, text, len, &errors);
        free(text);
        if (!urls[i].part) {
            if (!ok) {
                print_errors(&errors, name);
                fail_msg("%s should be valid", name);
            }
            assert_string_equal(c->clinic.handout_url, urls[i].url);
            assert_null(content_source_of(c, c->clinic.handout_url)); /* not shown as text */
            continue;
        }
        assert_false(ok);
        assert_has_error(&errors, name, 105, 16, urls[i].part);
        assert_int_equal(errors.total, 1);
    }
    char long_url[260] = "https://example.org/";
    memset(long_url + 20, 'a', 200);
    long_url[220] = '\0';
    char line[300];
    snprintf(line, sizeof line, "  qr_text: \"tel:5550100\"\n  handout_url: %s", long_url);
    size_t len = 0;
    char *text = minimal_edit(base, 104, 1, line, &len);
    assert_false(content_parse(c, text, len, &errors));
    free(text);
    assert_has_error(&errors, "long url", 105, 16, "220 characters long, more than 200");

    text = minimal_edit(base, 56, 1,
                        "  resuming: \"Resuming in {n}\"\n  handout_title: Take home\n"
                        "  handout_start: Start\n  handout_hold: Hold\n"
                        "  handout_caption: \"{clinic.name}: take these home\"",
                        &len);
    bool ok = content_parse(c, text, len, &errors);
    free(text);
    if (!ok) print_errors(&errors, "handout labels");
    assert_true(ok);
    assert_string_equal(c->labels.handout_title, "Take home");
    assert_string_equal(c->labels.handout_start, "Start");
    assert_string_equal(c->labels.handout_hold, "Hold");
    assert_string_equal(c->labels.handout_caption, "Test Clinic: take these home");
    free(base);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, content_setup, content_teardown)

/* Every displayed text of the real file knows its place (for glyph and fit messages), file
 * names and ids do not count as displayed, and a character is found at its own column. */
static void test_sources(void **state) {
    (void)state;
    content_t *c = content_new();
    content_errors_t errors;
    size_t len = 0;
    char *text = read_file("tests/data/whole-en.yaml", &len);
    assert_true(content_parse(c, text, len, &errors));
    /* each step, title, review and label is there, at the line its words are on */
    int steps = 0;
    for (int e = 0; e < c->exercise_count; e++) {
        const content_exercise_t *ex = &c->exercises[e];
        const char *texts[] = {ex->title, ex->purpose, ex->how_to};
        for (int i = 0; i < 3; i++) assert_non_null(content_source_of(c, texts[i]));
        for (int i = 0; i < ex->step_count; i++, steps++) {
            const content_source_t *src = content_source_of(c, ex->steps[i]);
            assert_non_null(src);
            assert_string_equal(src->field, "step");
            /* the line holds the step's first words as written */
            const char *line = text;
            for (int l = 1; l < src->line; l++) line = strchr(line, '\n') + 1;
            char first[16];
            snprintf(first, sizeof first, "%.12s", ex->steps[i]);
            const char *eol = strchr(line, '\n');
            char *found = strstr(line, first);
            assert_true(found && found < eol);
        }
    }
    assert_true(steps >= 16);
    for (int r = 0; r < c->reviews.count; r++) {
        const content_source_t *src = content_source_of(c, c->reviews.items[r].text);
        assert_non_null(src);
        assert_string_equal(src->section, "review");
        assert_string_equal(src->field, "text");
    }
    assert_non_null(content_source_of(c, c->labels.footer));
    assert_non_null(content_source_of(c, c->clinic.phone));
    assert_null(content_source_of(c, c->theme.font_regular));
    assert_null(content_source_of(c, c->theme.mark));
    assert_null(content_source_of(c, c->language));
    assert_null(content_source_of(c, c->exercises[0].id));
    assert_null(content_source_of(c, c->clinic.qr_text));

    /* a character's own line and column (characters, not bytes: "é" before it is one) */
    const char *yaml = "version: 1\nintro:\n  title: \"Café ☺ time\"\n";
    content_source_t src = {.line = 3, .column = 10, .start = 27, .end = 42};
    assert_int_equal(yaml[src.start], '"');
    int line = 0, column = 0;
    content_source_locate(&src, yaml, strlen(yaml), "\xE2\x98\xBA", 3, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 16); /* 2 spaces, 'title: ' (7), '"' and 'Café ' (5) before it */
    /* not in the value (it came from a placeholder): the value's own place */
    content_source_locate(&src, yaml, strlen(yaml), "#", 1, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 10);
    free(text);
    free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        TEST(test_real_file_parses),
        TEST(test_real_file_word_for_word),
        TEST(test_real_file_labels),
        TEST(test_real_file_repetitions),
        TEST(test_real_file_kiosk),
        TEST(test_kiosk_defaults),
        TEST(test_kiosk_cec),
        TEST(test_minimal_parses),
        TEST(test_choreography_values),
        TEST(test_every_step_illustrated),
        TEST(test_bad_fixtures),
        TEST(test_two_errors_in_file_order),
        TEST(test_edit_cases),
        TEST(test_qr_text),
        TEST(test_dose_and_handout),
        TEST(test_kiosk_values),
        TEST(test_sound_values),
        TEST(test_text_cases),
        TEST(test_real_file_slips),
        TEST(test_empty_input),
        TEST(test_error_cap),
        TEST(test_arena_overflow),
        TEST(test_depth_bound),
        TEST(test_size_bound),
        TEST(test_choreography_capacity),
        TEST(test_parse_twice_identical),
        TEST(test_error_format),
        TEST(test_find_scene),
        TEST(test_format_cases),
        TEST(test_format_edges),
        TEST(test_sources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
