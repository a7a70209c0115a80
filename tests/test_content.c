/* test_content: the content parser against the real en.yaml, the clinic's page and broken fixtures.
 * Depends on content.c, libyaml and cmocka only; reads files under SK_SOURCE_DIR. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"

#ifndef SK_SOURCE_DIR
#error "SK_SOURCE_DIR must name the source tree"
#endif

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define EPSILON 1e-5f

/* ---- Helpers ----------------------------------------------------------------------- */

static char *read_file(const char *relative, size_t *len)
{
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

static content_t *content_new(void)
{
    content_t *c = calloc(1, sizeof *c); /* ~260 KB: never on the stack */
    assert_non_null(c);
    return c;
}

static bool parse_file(const char *relative, content_t *c, content_errors_t *errors)
{
    size_t len = 0;
    char *text = read_file(relative, &len);
    bool ok = content_parse(c, text, len, errors);
    free(text);
    return ok;
}

static void print_errors(const content_errors_t *errors, const char *name)
{
    for (int i = 0; i < errors->count; i++) {
        char line[512];
        content_error_format(&errors->items[i], name, line, sizeof line);
        print_message("  %s\n", line);
    }
}

/* Fails unless errors holds one at (line, column) whose message contains `part`. */
static void assert_has_error(const content_errors_t *errors, const char *name, int line,
                             int column, const char *part)
{
    for (int i = 0; i < errors->count; i++) {
        const content_error_t *e = &errors->items[i];
        if (e->line == line && e->column == column && strstr(e->message, part)) {
            return;
        }
    }
    print_errors(errors, name);
    fail_msg("%s: no error at %d:%d containing \"%s\"", name, line, column, part);
}

static void assert_in_file_order(const content_errors_t *errors)
{
    for (int i = 1; i < errors->count; i++) {
        const content_error_t *a = &errors->items[i - 1];
        const content_error_t *b = &errors->items[i];
        assert_true(a->line < b->line || (a->line == b->line && a->column <= b->column));
    }
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s);
    size_t m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ---- The real content file --------------------------------------------------------- */

static void test_real_file_parses(void **state)
{
    content_t *c = *state;
    content_errors_t errors;
    bool ok = parse_file("assets/content/en.yaml", c, &errors);
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
    assert_int_equal(c->labels.help_count, 9);
    assert_string_equal(c->labels.help[8].action, "Quit");
    assert_string_equal(c->theme.font_bold, "fonts/Inter-SemiBold.otf");

    assert_float_equal(c->theme.accent.r, 0xF4 / 255.0f, EPSILON);
    assert_float_equal(c->theme.accent.g, 0xB8 / 255.0f, EPSILON);
    assert_float_equal(c->theme.accent.b, 0x60 / 255.0f, EPSILON);
    assert_float_equal(c->theme.figure.r, 1.0f, EPSILON);
    assert_float_equal(c->timing.transition_seconds, 0.6f, EPSILON);
    assert_float_equal(c->timing.idle_seconds, 45.0f, EPSILON);
    assert_float_equal(c->timing.reading_words_per_minute, 150.0f, EPSILON);
}

/* Every text the show takes from the clinic's page must be on that page word for word. */
static void test_real_file_word_for_word(void **state)
{
    size_t len = 0;
    char *page = read_file("tests/data/clinic-stretches-page.txt", &len);
    content_t *c = *state;
    content_errors_t errors;
    assert_true(parse_file("assets/content/en.yaml", c, &errors));

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

static void test_minimal_parses(void **state)
{
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
}

/* ---- Broken fixtures: exact position and message ----------------------------------- */

typedef struct bad_case_t {
    const char *file; /* under tests/data */
    int line, column; /* 1-based */
    const char *part; /* part of the message */
    int total;        /* errors expected in all */
} bad_case_t;

static const bad_case_t BAD_CASES[] = {
    {"bad-syntax.yaml", 43, 13, "YAML syntax error: mapping values are not allowed", 1},
    /* the typo also leaves 'title' missing, reported at the mapping's start */
    {"bad-unknown-key.yaml", 47, 5,
     "unknown key 'titel' in exercise; expected one of: id, title, purpose, how_to, steps", 2},
    {"bad-unknown-key.yaml", 46, 5, "exercise is missing 'title'", 2},
    {"bad-wrong-type.yaml", 18, 18, "'intro_seconds' must be a number, not 'abc'", 1},
    {"bad-steps-type.yaml", 51, 9, "'steps' must be a list of texts, not a mapping", 1},
    {"bad-empty-title.yaml", 47, 12, "'title' must not be empty", 1},
    {"bad-duplicate-id.yaml", 53, 9, "duplicate exercise id 'stretch-a' (first at line 46)", 1},
    {"bad-reserved-id.yaml", 46, 9, "exercise id 'reviews' is the name of a built-in scene", 1},
    {"bad-id-chars.yaml", 46, 9, "may only use lowercase letters a-z, digits and '-'", 1},
    {"bad-playlist-scene.yaml", 32, 5,
     "unknown scene 'stretch-b' in playlist; known scenes: intro, reviews, contact, stretch-a", 1},
    {"bad-empty-playlist.yaml", 29, 11, "'playlist' must not be empty", 1},
    {"bad-negative-seconds.yaml", 19, 21,
     "'exercise_seconds' must be greater than 0 and at most 3600, not '-5'", 1},
    {"bad-min-max.yaml", 21, 23,
     "'review_min_seconds' (40) must not be more than 'review_max_seconds' (30)", 1},
    {"bad-words-per-minute.yaml", 23, 29,
     "'reading_words_per_minute' must be between 30 and 1000, not '5'", 1},
    {"bad-version.yaml", 4, 10, "'version' must be 1", 1},
    {"bad-colour.yaml", 12, 11, "'accent' must be a colour written \"#RRGGBB\"", 1},
    {"bad-placeholder.yaml", 61, 11, "unknown placeholder '{clinic.fax}'", 1},
    {"bad-missing-key.yaml", 46, 5, "exercise is missing 'title'", 1},
    {"bad-duplicate-key.yaml", 45, 3, "duplicate key 'title' in intro (first at line 42)", 1},
    {"bad-too-many-steps.yaml", 63, 9, "too many steps (at most 12)", 1},
    {"bad-top-level.yaml", 2, 1, "the top level must be a mapping, not a list", 1},
};

static void test_bad_fixtures(void **state)
{
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
static void test_two_errors_in_file_order(void **state)
{
    content_t *c = *state;
    content_errors_t errors;
    assert_false(parse_file("tests/data/bad-two-errors.yaml", c, &errors));
    assert_int_equal(errors.total, 2);
    assert_int_equal(errors.count, 2);
    assert_int_equal(errors.items[0].line, 29);
    assert_int_equal(errors.items[0].column, 19);
    assert_non_null(strstr(errors.items[0].message, "unknown scene 'stretch-b' in playlist"));
    assert_int_equal(errors.items[1].line, 47);
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
    {25, 1, "  breath_in_seconds: nan", 25, 22,
     "'breath_in_seconds' must be a number, not 'nan'", 1},
    {25, 1, "  breath_in_seconds: .inf", 25, 22, "must be a number, not '.inf'", 1},
    {25, 1, "  breath_in_seconds: 1e999", 25, 22, "must be a number, not '1e999'", 1},
    {25, 1, "  breath_in_seconds: 4.5e0", 0, 0, NULL, 0},
    {27, 1, "  get_ready_seconds: 3s", 27, 22, "must be a number, not '3s'", 1},
    {27, 1, "  get_ready_seconds: 0", 27, 22, "must be greater than 0", 1},
    {27, 1, "  get_ready_seconds: \"\"", 27, 22, "must be a number, not empty", 1},
    {28, 1, "  idle_seconds: 0.5", 28, 17,
     "'idle_seconds' must be between 1 and 3600, not '0.5'", 1},
    {28, 1, "  idle_seconds: 1", 0, 0, NULL, 0},
    {29, 1, "playlist: intro", 29, 11, "'playlist' must be a list of scene ids, not 'intro'", 1},
    {29, 1, "playlist: [intro, {a: b}]", 29, 19,
     "each playlist entry must be a scene id, not a mapping", 1},
    {29, 1, "playlist: [contact, intro, contact]", 0, 0, NULL, 0},
    {31, 1, "  step: \"\"", 31, 9, "'step' must not be empty", 1},
    {34, 1, "  review_name_prefix:", 0, 0, NULL, 0}, /* the one text that may be empty */
    {35, 1, "  footer: \"{clinic.name\"", 35, 11, "'{' without a closing '}'", 1},
    {35, 1, "  footer: \"{Clinic.Name}\"", 35, 11, "unknown placeholder '{Clinic.Name}'", 1},
    {35, 1, "  footer: \"{}\"", 35, 11, "unknown placeholder '{}'", 1},
    {35, 1, "  footer: \"{clinic.address}\"", 0, 0, NULL, 0},
    {38, 3, "  help: []", 0, 0, NULL, 0},
    {39, 1, "    - keys: Space\n      extra: 1", 40, 7,
     "unknown key 'extra' in help entry; expected one of: keys, action", 1},
    {42, 1, "  title: [a]", 42, 10, "'title' must be a text, not a list", 1},
    {42, 1, "  title:", 42, 9, "'title' must not be empty", 1},
    {46, 1, "  - id: \"\"", 46, 9, "'id' must not be empty", 2},
    {46, 1, "  - id: intro", 46, 9, "exercise id 'intro' is the name of a built-in scene", 2},
    {46, 1, "  - id: stretch_a", 46, 9, "exercise id 'stretch_a' may only use", 2},
    {50, 3, "    steps: []", 50, 12, "'steps' must not be empty", 1},
    {51, 1, "      - [a]", 51, 9, "a step must be a text, not a list", 1},
    {51, 1, "      - \"\"", 51, 9, "a step must not be empty", 1},
    {55, 3, "  items: oops", 55, 10,
     "'items' must be a list of reviews (text, name), not 'oops'", 1},
    {56, 1, "    - text: \"\"", 56, 13, "'text' must not be empty", 1},
    {57, 1, "      name: [x]", 57, 13, "'name' must be a text, not a list", 1},
    {57, 1, "      nam: x", 56, 7, "review is missing 'name'", 2},
    {65, 1, "  name: \"{clinic.phone}\"", 0, 0, NULL, 0}, /* clinic texts are not expanded */
    {69, 1, "  qr_text: \"\"", 69, 12, "'qr_text' must not be empty", 1},
};

/* minimal.yaml with lines first..first+count-1 replaced; the caller frees it. */
static char *minimal_edit(const char *base, int first, int count, const char *replacement,
                          size_t *len)
{
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

static void test_edit_cases(void **state)
{
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

/* ---- In-memory documents ----------------------------------------------------------- */

typedef struct text_case_t {
    const char *text;
    int line, column;
    const char *part;
} text_case_t;

/* Short documents that also lack sections, so only the named error is looked for. */
static const text_case_t TEXT_CASES[] = {
    {"version: 1\n\tlanguage: en\n", 2, 1, "YAML syntax error: found a tab character"},
    {"version: 1\nlanguage: \"\xFF\"\n", 2, 12, "YAML error: invalid leading UTF-8 octet"},
    {"version: 1\nlanguage: \x01\n", 2, 11, "YAML error: control characters are not allowed"},
    {"version: 1\nlanguage: [unclosed\n", 3, 1, "YAML syntax error: "},
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

static void test_text_cases(void **state)
{
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

static void test_empty_input(void **state)
{
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
static void test_error_cap(void **state)
{
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

static void test_arena_overflow(void **state)
{
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

/* ---- Repeatability ----------------------------------------------------------------- */

static void test_parse_twice_identical(void **state)
{
    size_t len = 0;
    char *text = read_file("assets/content/en.yaml", &len);
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

static void test_error_format(void **state)
{
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

static void test_find_scene(void **state)
{
    content_t *c = *state;
    content_errors_t errors;
    assert_true(parse_file("assets/content/en.yaml", c, &errors));

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

/* Every test gets a zeroed content_t in *state: ~260 KB, never on the stack. */
static int content_setup(void **state)
{
    *state = calloc(1, sizeof(content_t));
    return *state ? 0 : -1;
}

static int content_teardown(void **state)
{
    free(*state);
    return 0;
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, content_setup, content_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_real_file_parses),
        TEST(test_real_file_word_for_word),
        TEST(test_minimal_parses),
        TEST(test_bad_fixtures),
        TEST(test_two_errors_in_file_order),
        TEST(test_edit_cases),
        TEST(test_text_cases),
        TEST(test_empty_input),
        TEST(test_error_cap),
        TEST(test_arena_overflow),
        TEST(test_parse_twice_identical),
        TEST(test_error_format),
        TEST(test_find_scene),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
