/* test_words: a show written once and each language's words in a file of their own (words.c,
 * content_parse_set). What staff and patients would notice: the shipped show with its English
 * words is the same show, text for text and move for move, as the one-file content it was split
 * from (tests/data/whole-en.yaml, the format still read); the Spanish words fit the show and
 * keep every placeholder of the English; and a slip in either file is named at its file, line
 * and column — a word left in the show, a setting in a language's file, an exercise or help
 * row one has and the other not, a text missing or unused, a placeholder dropped or added. */
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

#define SHOW SK_SOURCE_DIR "/assets/content/show.yaml"
#define EN SK_SOURCE_DIR "/assets/content/en.yaml"
#define ES SK_SOURCE_DIR "/assets/content/es.yaml"
#define WHOLE SK_SOURCE_DIR "/tests/data/whole-en.yaml"

static char *g_show, *g_en, *g_es, *g_whole;
static size_t g_show_len, g_en_len, g_es_len, g_whole_len;
static content_t *g_a, *g_b;
static content_errors_t g_errors;

static int setup(void **state) {
    (void)state;
    g_show = support_read_file(SHOW, &g_show_len);
    g_en = support_read_file(EN, &g_en_len);
    g_es = support_read_file(ES, &g_es_len);
    g_whole = support_read_file(WHOLE, &g_whole_len);
    g_a = malloc(sizeof *g_a);
    g_b = malloc(sizeof *g_b);
    return g_show && g_en && g_es && g_whole && g_a && g_b ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(g_show);
    free(g_en);
    free(g_es);
    free(g_whole);
    free(g_a);
    free(g_b);
    return 0;
}

static void print_errors(const char *what, const content_errors_t *e) {
    for (int i = 0; i < e->count; i++) {
        fprintf(stderr, "  %s [file %d] %d:%d: %s\n", what, e->items[i].file, e->items[i].line,
                e->items[i].column, e->items[i].message);
    }
}

/* "section|field|text" of every displayed text, sorted: a content's words as a set. */
static int source_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* (the language's own name, which a whole file need not give, left out) */
static char **words_of(const content_t *c, int *count) {
    char **out = calloc((size_t)c->source_count + 1, sizeof *out);
    *count = 0;
    for (int i = 0; i < c->source_count; i++) {
        const content_source_t *s = &c->sources[i];
        if (strcmp(s->field, "language_name") == 0) continue;
        size_t n = strlen(s->section) + strlen(s->field) + strlen(s->text) + 3;
        out[*count] = malloc(n);
        snprintf(out[(*count)++], n, "%s|%s|%s", s->section, s->field, s->text);
    }
    qsort(out, (size_t)*count, sizeof *out, source_cmp);
    return out;
}

static void free_words(char **w, int n) {
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
}

static void test_kinds(void **state) {
    (void)state;
    assert_int_equal(content_kind(g_show, g_show_len), CONTENT_KIND_SHOW);
    assert_int_equal(content_kind(g_en, g_en_len), CONTENT_KIND_WORDS);
    assert_int_equal(content_kind(g_es, g_es_len), CONTENT_KIND_WORDS);
    assert_int_equal(content_kind(g_whole, g_whole_len), CONTENT_KIND_WHOLE);
    assert_int_equal(content_kind("not: [yaml", 11), CONTENT_KIND_WHOLE); /* its parse says */
    char codes[CONTENT_MAX_LANGUAGES][CONTENT_LANGUAGE_MAX];
    int n = content_show_languages(g_show, g_show_len, codes, CONTENT_MAX_LANGUAGES);
    assert_true(n >= 1);
    assert_string_equal(codes[0], "en");
}

/* The split changed nothing: the show with its English words is the one-file content. */
static void test_english_set_is_the_whole_file(void **state) {
    (void)state;
    bool ok = content_parse_set(g_a, g_show, g_show_len, g_en, g_en_len, &g_errors);
    print_errors("show+en", &g_errors);
    assert_true(ok);
    ok = content_parse(g_b, g_whole, g_whole_len, &g_errors);
    print_errors("whole", &g_errors);
    assert_true(ok);
    assert_string_equal(g_a->language, "en");
    assert_string_equal(g_a->language_name, "English");
    /* every text, the same */
    int na = 0, nb = 0;
    char **wa = words_of(g_a, &na), **wb = words_of(g_b, &nb);
    assert_int_equal(na, nb);
    assert_true(na > 100);
    for (int i = 0; i < na; i++) assert_string_equal(wa[i], wb[i]);
    free_words(wa, na);
    free_words(wb, nb);
    /* every number, colour, scene and move, the same */
    assert_memory_equal(&g_a->timing, &g_b->timing, sizeof g_a->timing);
    assert_memory_equal(&g_a->theme.background_top, &g_b->theme.background_top,
                        offsetof(content_t, theme.font_regular) -
                            offsetof(content_t, theme.background_top));
    assert_int_equal(g_a->playlist_count, g_b->playlist_count);
    assert_memory_equal(g_a->playlist, g_b->playlist, sizeof g_a->playlist);
    assert_memory_equal(&g_a->sound, &g_b->sound, sizeof g_a->sound);
    assert_int_equal(g_a->kiosk.open_days, g_b->kiosk.open_days);
    assert_int_equal(g_a->kiosk.quit_key, g_b->kiosk.quit_key);
    assert_true(g_a->kiosk.drift_pixels == g_b->kiosk.drift_pixels);
    assert_string_equal(g_a->labels.handout_title, g_b->labels.handout_title);
    assert_string_equal(g_a->labels.handout_start, g_b->labels.handout_start);
    assert_string_equal(g_a->labels.handout_hold, g_b->labels.handout_hold);
    assert_string_equal(g_a->labels.handout_caption, g_b->labels.handout_caption);
    assert_true(g_a->clinic.handout_url == NULL && g_b->clinic.handout_url == NULL);
    assert_int_equal(g_a->labels.help_count, g_b->labels.help_count);
    for (int i = 0; i < g_a->labels.help_count; i++) {
        assert_string_equal(g_a->labels.help[i].keys, g_b->labels.help[i].keys);
        assert_string_equal(g_a->labels.help[i].action, g_b->labels.help[i].action);
        assert_int_equal(g_a->labels.help[i].in_kiosk, g_b->labels.help[i].in_kiosk);
        assert_int_equal(g_a->labels.help[i].exercises, g_b->labels.help[i].exercises);
    }
    assert_int_equal(g_a->exercise_count, g_b->exercise_count);
    for (int e = 0; e < g_a->exercise_count; e++) {
        const content_exercise_t *x = &g_a->exercises[e], *y = &g_b->exercises[e];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->title, y->title);
        assert_non_null(x->dose);
        assert_non_null(y->dose);
        assert_string_equal(x->dose, y->dose);
        assert_int_equal(x->step_count, y->step_count);
        for (int s = 0; s < x->step_count; s++) assert_string_equal(x->steps[s], y->steps[s]);
        assert_memory_equal(&x->camera, &y->camera, sizeof x->camera);
        assert_int_equal(x->repetitions_min, y->repetitions_min);
        assert_int_equal(x->repetitions_max, y->repetitions_max);
        assert_int_equal(x->pose_count, y->pose_count);
        assert_int_equal(x->phase_count, y->phase_count);
        for (int p = 0; p < x->pose_count; p++) { /* all but the name's pointer */
            content_pose_t a = x->poses[p], b = y->poses[p];
            assert_string_equal(a.name, b.name);
            a.name = b.name = NULL;
            assert_memory_equal(&a, &b, sizeof a);
        }
        for (int p = 0; p < x->phase_count; p++) {
            content_phase_t a = x->phases[p], b = y->phases[p];
            assert_string_equal(a.name, b.name);
            a.name = b.name = NULL;
            assert_memory_equal(&a, &b, sizeof a);
        }
    }
}

/* Text with `from` replaced by `to` (the first place; it must be there): heap. */
static char *edited(const char *text, const char *from, const char *to, size_t *len) {
    const char *at = strstr(text, from);
    assert_non_null(at);
    size_t n = strlen(text) - strlen(from) + strlen(to);
    char *out = malloc(n + 1);
    size_t head = (size_t)(at - text);
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    *len = n;
    return out;
}

/* The Spanish words: laid over the same show, every text there and in Spanish, the same
 * placeholders as the English, the patients' reviews in their own words. */
static void test_spanish_set(void **state) {
    (void)state;
    /* the shipped show lists it, in the kiosk's loop too */
    assert_non_null(strstr(g_show, "\nlanguages: [en, es]\n"));
    assert_non_null(strstr(g_show, "\n  languages: [en, es]\n"));
    bool ok = content_parse_set(g_a, g_show, g_show_len, g_es, g_es_len, &g_errors);
    print_errors("show+es", &g_errors);
    assert_true(ok);
    assert_string_equal(g_a->language, "es");
    assert_string_equal(g_a->language_name, "Español");
    assert_true(content_compare_words(g_en, g_en_len, g_es, g_es_len, &g_errors));
    print_errors("es against en", &g_errors);
    assert_true(content_parse_set(g_b, g_show, g_show_len, g_en, g_en_len, &g_errors));
    assert_int_equal(g_a->exercise_count, g_b->exercise_count);
    for (int e = 0; e < g_a->exercise_count; e++) {
        const content_exercise_t *x = &g_a->exercises[e], *y = &g_b->exercises[e];
        assert_int_equal(x->step_count, y->step_count);
        assert_string_not_equal(x->title, y->title);
        for (int s = 0; s < x->step_count; s++) assert_string_not_equal(x->steps[s], y->steps[s]);
    }
    assert_string_not_equal(g_a->intro.title, g_b->intro.title);
    assert_string_not_equal(g_a->contact.severe, g_b->contact.severe);
    assert_string_not_equal(g_a->reviews.title, g_b->reviews.title);
    assert_int_equal(g_a->reviews.count, g_b->reviews.count);
    for (int r = 0; r < g_a->reviews.count; r++) {
        assert_string_equal(g_a->reviews.items[r].text, g_b->reviews.items[r].text);
    }
    /* the clinic's numbers, filled into the Spanish texts too */
    assert_non_null(strstr(g_a->contact.severe, "(209) 208-4182"));
    assert_non_null(strstr(g_a->contact.call, "(209) 830-1799"));
    /* Spanish typography: the reviews' heading is a question, opened and closed */
    assert_true(strncmp(g_a->reviews.title, "\xC2\xBF", 2) == 0); /* ¿ */
    assert_non_null(strchr(g_a->reviews.title, '?'));
}

/* The line (1-based) of the first place `what` is in `text`. */
static int line_of(const char *text, const char *what) {
    const char *at = strstr(text, what);
    assert_non_null(at);
    int line = 1;
    for (const char *p = text; p < at; p++) line += *p == '\n';
    return line;
}

/* Expects an error in `file` at `line` whose message holds `words`. */
static void expect_error(const content_errors_t *e, int file, int line, const char *words) {
    for (int i = 0; i < e->count; i++) {
        if (e->items[i].file == file && e->items[i].line == line &&
            strstr(e->items[i].message, words)) {
            return;
        }
    }
    fprintf(stderr, "no error in file %d at line %d with \"%s\"; got:\n", file, line, words);
    print_errors("", e);
    fail();
}

static void test_slips_are_named_at_their_place(void **state) {
    (void)state;
    size_t len;
    /* a word left in the show's file */
    char *show =
        edited(g_show, "  - id: childs-pose\n", "  - id: childs-pose\n    title: Child\n", &len);
    assert_false(content_parse_set(g_a, show, len, g_en, g_en_len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_SHOW, line_of(show, "    title: Child") + 0,
                 "'title' of an exercise is words");
    free(show);
    /* a setting in a language's file */
    char *words = edited(g_en, "\nintro:", "\ntiming:\n  intro_seconds: 5\n\nintro:", &len);
    assert_false(content_parse_set(g_a, g_show, g_show_len, words, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "timing:"), "is not words");
    free(words);
    /* an exercise the show does not have, and so one of the show's without words */
    words = edited(g_en, "  knees-to-chest:", "  knees-to-chin:", &len);
    assert_false(content_parse_set(g_a, g_show, g_show_len, words, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "knees-to-chin"),
                 "the show has no exercise 'knees-to-chin'");
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "exercises:") + 1,
                 "no words for the exercise 'knees-to-chest'");
    free(words);
    /* a help row's words without the row in the show */
    words = edited(g_en, "    quit:", "    exit:", &len);
    assert_false(content_parse_set(g_a, g_show, g_show_len, words, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "    exit:"),
                 "the show has no help row 'exit'");
    free(words);
    /* a label missing: named in the words' file, where its section is */
    words = edited(g_en, "  get_ready: Get ready\n", "", &len);
    assert_false(content_parse_set(g_a, g_show, g_show_len, words, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "labels:\n") + 1,
                 "missing 'get_ready'");
    free(words);
    /* a run-time placeholder dropped: the walker's own check, at the words' line */
    words = edited(g_en, "Repetition {n} of {target}", "Repetition {n}", &len);
    assert_false(content_parse_set(g_a, g_show, g_show_len, words, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "Repetition {n}"), "{target}");
    free(words);
    /* a word given twice in an exercise: said, not the first silently taken */
    words = edited(g_en, "    title: Spinal Twists\n",
                   "    title: Spinal Twists\n    title: Twists\n", &len);
    assert_false(content_parse_set(g_a, g_show, g_show_len, words, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "    title: Twists"),
                 "duplicate key 'title' in the exercise spinal-twists");
    free(words);
    /* YAML aliases that name each other (two lines standing for a billion nodes; a copy of each reference took minutes):
     * each node is copied once and shared, so the file is refused at once, not after
     * minutes and gigabytes */
    static const char BOMB[] =
        "language: en\n"
        "name: [&a [x, x, x, x, x, x, x, x, x, x], &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a], "
        "&c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b], &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, "
        "*c], &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d], &f [*e, *e, *e, *e, *e, *e, *e, *e, "
        "*e, *e], &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f], &h [*g, *g, *g, *g, *g, *g, "
        "*g, *g, *g, *g], [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]]\n";
    assert_false(content_parse_set(g_a, g_show, g_show_len, BOMB, sizeof BOMB - 1, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, 1, "missing 'labels'");
    /* a language the show does not list */
    words = edited(g_en, "language: en", "language: fr", &len);
    assert_false(content_parse_set(g_a, g_show, g_show_len, words, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(words, "language: fr"),
                 "'fr' is not one of the show's languages");
    free(words);
}

static void test_translation_checked_against_english(void **state) {
    (void)state;
    size_t len;
    /* a clinic placeholder dropped */
    char *es = edited(g_es, "\"Llámenos hoy: {clinic.phone}\"", "\"Llámenos hoy\"", &len);
    assert_false(content_compare_words(g_en, g_en_len, es, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(es, "\"Llámenos hoy\""),
                 "the placeholder {clinic.phone} is in the English text and not here");
    free(es);
    /* one added */
    es = edited(g_es, "qr_caption: Escanee para llamar", "qr_caption: Escanee {clinic.address}",
                &len);
    assert_false(content_compare_words(g_en, g_en_len, es, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(es, "Escanee {clinic.address}"),
                 "{clinic.address} is not in the English text");
    free(es);
    /* a step left out */
    es = edited(g_es, "      - Repita el ejercicio hacia el otro lado.\n", "", &len);
    assert_false(content_compare_words(g_en, g_en_len, es, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(es, "Torsiones de columna") + 4,
                 "'steps' has 4 items here and 5 in the English file");
    free(es);
    /* a label missing, and a misspelt one the show does not use */
    es = edited(g_es, "  get_ready: Prepárese", "  get_redy: Prepárese", &len);
    assert_false(content_compare_words(g_en, g_en_len, es, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(es, "labels:\n") + 1,
                 "'labels' is missing 'get_ready' (English: 'Get ready')");
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(es, "get_redy"),
                 "'get_redy' in 'labels' is not in the English file");
    free(es);
}

/* The handout's dose lines: each exercise's count fills the English and the Spanish alike;
 * a translation keeps their placeholders; words written before there were doses still load;
 * a dose whose count the show takes away is named at its place in the words' file. */
static void test_doses(void **state) {
    (void)state;
    static const struct {
        const char *id, *en, *es;
    } want[] = {
        {"spinal-twists", "10 deep breaths each side", "10 respiraciones profundas de cada lado"},
        {"childs-pose", "Hold for 20 to 30 seconds", "Mantenga la postura de 20 a 30 segundos"},
        {"knees-to-chest", "10–15 repetitions, alternating legs",
         "10–15 repeticiones, alternando las piernas"},
        {"press-up-back-extensions", "Hold for as long as you can, 4–5 times",
         "Mantenga la postura lo más que pueda, 4–5 veces"},
    };
    assert_true(content_parse_set(g_a, g_show, g_show_len, g_en, g_en_len, &g_errors));
    assert_true(content_parse_set(g_b, g_show, g_show_len, g_es, g_es_len, &g_errors));
    int n = (int)(sizeof want / sizeof want[0]);
    assert_int_equal(g_a->exercise_count, n);
    for (int e = 0; e < n; e++) {
        const content_exercise_t *en = &g_a->exercises[e], *es = &g_b->exercises[e];
        assert_string_equal(en->id, want[e].id);
        int min = 0, target = 0;
        assert_true(content_exercise_count(en, &min, &target));
        char out[160];
        content_exercise_dose(en, out, sizeof out);
        assert_string_equal(out, want[e].en);
        content_exercise_dose(es, out, sizeof out);
        assert_string_equal(out, want[e].es);
    }
    assert_string_equal(g_b->labels.handout_caption, "Lleve estos estiramientos a casa");
    size_t len;
    /* a placeholder of the English dose dropped in the Spanish */
    char *es =
        edited(g_es, "{target} respiraciones profundas", "diez respiraciones profundas", &len);
    assert_false(content_compare_words(g_en, g_en_len, es, len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(es, "diez respiraciones profundas de"),
                 "the placeholder {target} is in the English text and not here");
    free(es);
    /* words without doses or the handout's labels: still a show, the doses NULL */
    char *words = edited(g_en, "    dose: \"{target} deep breaths each side\"\n", "", &len);
    char *older = edited(words, "  handout_caption: Take these stretches home\n", "", &len);
    free(words);
    bool ok = content_parse_set(g_a, g_show, g_show_len, older, len, &g_errors);
    print_errors("older words", &g_errors);
    assert_true(ok);
    assert_null(g_a->exercises[0].dose);
    assert_null(g_a->labels.handout_caption);
    assert_non_null(g_a->exercises[1].dose);
    free(older);
    /* the show takes the press-up's repetitions away: its only hold is comfortable, so its
     * dose has no count left, and the dose is named at its place in en.yaml */
    char *show = edited(g_show, "    repetitions: [4, 5]\n", "", &len);
    assert_false(content_parse_set(g_a, show, len, g_en, g_en_len, &g_errors));
    expect_error(&g_errors, CONTENT_FILE_WORDS, line_of(g_en, "Hold for as long as you can, {min}"),
                 "'dose' uses {min} or {target}, but the exercise has no count");
    assert_int_equal(g_errors.total, 1);
    assert_int_equal(g_errors.items[0].column, 11);
    free(show);
}

/* A character the fonts lack is named at its own line and column in a Spanish file too: in
 * a file with accents libyaml's index counts characters, not bytes, so the place is found from
 * the value's line and column. */
static void test_place_in_a_file_with_accents(void **state) {
    (void)state;
    size_t len;
    char *es = edited(g_es, "  qr_caption: Escanee para llamar\n",
                      "  qr_caption: Escanee para llamar \xF0\x9F\x98\x80\n", &len);
    assert_true(content_parse_set(g_a, g_show, g_show_len, es, len, &g_errors));
    const content_source_t *src = content_source_of(g_a, g_a->contact.qr_caption);
    assert_non_null(src);
    assert_int_equal(src->file, CONTENT_FILE_WORDS);
    int line = 0, column = 0;
    content_source_locate(src, es, len, "\xF0\x9F\x98\x80", 4, &line, &column);
    assert_int_equal(line, line_of(es, "Escanee para llamar \xF0"));
    assert_int_equal(column, (int)strlen("  qr_caption: Escanee para llamar ") + 1);
    free(es);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_english_set_is_the_whole_file),
        cmocka_unit_test(test_spanish_set),
        cmocka_unit_test(test_slips_are_named_at_their_place),
        cmocka_unit_test(test_translation_checked_against_english),
        cmocka_unit_test(test_place_in_a_file_with_accents),
        cmocka_unit_test(test_doses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
