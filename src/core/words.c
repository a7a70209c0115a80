/* words: a language's file laid over the show, and a translation checked against the
 * reference language (see words.h). Pure core: libyaml and libc. */

/* How it works. Both files are libyaml node trees (yaml_document_t) loaded by content.c.
 *
 * words_overlay edits the show's tree so that it reads as one whole content file: the words
 * file's sections are copied in as new nodes (yaml_document_add_*), their marks kept and
 * tagged with WORDS_MARK; where a section has both (an exercise: its id and choreography in
 * the show, its title, steps and dose in the words; a help row: its id and flags in the show, its
 * keys and action in the words; the reviews; the kiosk), the words' pairs are appended to
 * the show's mapping. The show's top-level `help:` list, whose rows are matched by id, is
 * moved under the new `labels`. Nothing of the words file is trusted beyond its shape here:
 * every text is then read, and its placeholders checked, by content.c's walker as in a whole
 * file.
 *
 * words_compare walks the reference tree and the translation side by side: mappings by key,
 * lists by position, texts by their placeholders. It knows nothing of what the keys mean, so
 * a key added to the content needs nothing here. */

#include "words.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define WORDS_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define WORDS_PRINTF(fmt, args)
#endif

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MESSAGE_MAX 256
#define QUOTE_MAX 40        /* bytes of a text quoted in a message */
#define PLACEHOLDERS_MAX 16 /* in one text: more are compared as the first 16 */
#define PLACEHOLDER_MAX 32  /* bytes of one, braces included */

/* What a language's file may hold at its top, and which of those it must. */
static const struct {
    const char *key;
    bool required;
} WORDS_TOP[] = {
    {"language", true},  {"name", false},   {"labels", true},  {"intro", true},
    {"exercises", true}, {"reviews", true}, {"contact", true}, {"kiosk", false},
};

/* The words of an exercise, and those of a help row: the first *_REQUIRED of each must be
 * given, the rest may be (an exercise's dose, the handout's line, came later). */
static const char *const EXERCISE_WORDS[] = {"title", "purpose", "how_to", "steps", "dose"};
static const char *const HELP_WORDS[] = {"keys", "action"};
enum { EXERCISE_REQUIRED = 4, HELP_REQUIRED = 2 };

/* Sections of the show's file that are words in a whole file. */
static const char *const SHOW_NO_WORDS[] = {"labels", "intro", "contact", "language",
                                            "language_name"};

typedef struct overlay_t {
    yaml_document_t *show;
    const yaml_document_t *words;
    words_report_t report;
    bool failed;
    /* each words node's copy in the show (0: not copied yet), so that a node the words file
     * names twice (a YAML alias, *name) is copied once and shared, as libyaml shares it:
     * without it an alias of an alias of ... is copied again at every reference */
    int *copies;
    int copies_count;
} overlay_t;

/* ---- Small helpers ---------------------------------------------------------------- */

static yaml_node_t *get(const yaml_document_t *d, int index) {
    return yaml_document_get_node((yaml_document_t *)d, index);
}

static yaml_mark_t tagged(yaml_mark_t mark) {
    mark.index |= WORDS_MARK;
    return mark;
}

static bool is_scalar(const yaml_node_t *n, const char *s) {
    return n && n->type == YAML_SCALAR_NODE && n->data.scalar.length == strlen(s) &&
           memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

/* Two scalars with the same text. */
static bool same_scalar(const yaml_node_t *a, const yaml_node_t *b) {
    return a && b && a->type == YAML_SCALAR_NODE && b->type == YAML_SCALAR_NODE &&
           a->data.scalar.length == b->data.scalar.length &&
           memcmp(a->data.scalar.value, b->data.scalar.value, a->data.scalar.length) == 0;
}

static bool in_list(const yaml_node_t *key, const char *const *names, int count) {
    for (int i = 0; i < count; i++) {
        if (is_scalar(key, names[i])) return true;
    }
    return false;
}

/* The scalar's text for a message, cut, as 'text'. */
static const char *quoted(const yaml_node_t *n, char *buf, size_t size) {
    if (!n || n->type != YAML_SCALAR_NODE) {
        snprintf(buf, size, "%s", n && n->type == YAML_MAPPING_NODE ? "a mapping" : "a list");
        return buf;
    }
    size_t len = n->data.scalar.length;
    size_t cut = len > QUOTE_MAX ? QUOTE_MAX : len;
    while (cut > 0 && cut < len && (n->data.scalar.value[cut] & 0xC0) == 0x80) cut--;
    snprintf(buf, size, "'%.*s%s'", (int)cut, (const char *)n->data.scalar.value,
             cut < len ? "\xE2\x80\xA6" : "");
    return buf;
}

WORDS_PRINTF(3, 4)
static void report_at(const words_report_t *r, yaml_mark_t mark, const char *fmt, ...) {
    char message[MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    r->error(r->ctx, mark, message);
}

/* The value node index of `key` in mapping `map`, or 0; *key_index gets the key's. */
static int map_find(const yaml_document_t *d, int map, const char *key, int *key_index) {
    const yaml_node_t *m = get(d, map);
    if (!m || m->type != YAML_MAPPING_NODE) return 0;
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
         p++) {
        if (is_scalar(get(d, p->key), key)) {
            if (key_index) *key_index = p->key;
            return p->value;
        }
    }
    return 0;
}

/* Copies node `index` of the words file, and all under it, into the show's document.
 * Returns the copy's index, or 0 (out of memory). */
static int copy_node(overlay_t *o, int index) {
    const yaml_node_t *n = get(o->words, index);
    if (!n) return 0;
    if (o->copies && index >= 1 && index <= o->copies_count && o->copies[index - 1]) {
        return o->copies[index - 1];
    }
    int out = 0;
    switch (n->type) {
    case YAML_SCALAR_NODE:
        out = yaml_document_add_scalar(o->show, n->tag, n->data.scalar.value,
                                       (int)n->data.scalar.length, n->data.scalar.style);
        break;
    case YAML_SEQUENCE_NODE:
        out = yaml_document_add_sequence(o->show, n->tag, n->data.sequence.style);
        for (const yaml_node_item_t *i = n->data.sequence.items.start;
             out && i < n->data.sequence.items.top; i++) {
            int item = copy_node(o, *i);
            if (!item || !yaml_document_append_sequence_item(o->show, out, item)) out = 0;
        }
        break;
    case YAML_MAPPING_NODE:
        out = yaml_document_add_mapping(o->show, n->tag, n->data.mapping.style);
        for (const yaml_node_pair_t *p = n->data.mapping.pairs.start;
             out && p < n->data.mapping.pairs.top; p++) {
            int key = copy_node(o, p->key), value = key ? copy_node(o, p->value) : 0;
            if (!value || !yaml_document_append_mapping_pair(o->show, out, key, value)) out = 0;
        }
        break;
    default: break;
    }
    if (out) {
        yaml_node_t *copy = get(o->show, out);
        copy->start_mark = tagged(n->start_mark);
        copy->end_mark = tagged(n->end_mark);
        if (o->copies && index >= 1 && index <= o->copies_count) o->copies[index - 1] = out;
    } else if (!o->failed) {
        report_at(&o->report, tagged(n->start_mark), "out of memory while reading the words");
        o->failed = true;
    }
    return out;
}

/* Appends `key: <copy of the words' value>` to the show's mapping `map`, the key's copy
 * named `name` (the words key's own spelling when NULL). */
static void append_copy(overlay_t *o, int map, int words_key, int words_value, const char *name) {
    int key = 0;
    if (name) {
        const yaml_node_t *k = get(o->words, words_key);
        key = yaml_document_add_scalar(o->show, NULL, (const yaml_char_t *)name, -1,
                                       YAML_PLAIN_SCALAR_STYLE);
        if (key) {
            get(o->show, key)->start_mark = tagged(k->start_mark);
            get(o->show, key)->end_mark = tagged(k->end_mark);
        }
    } else {
        key = copy_node(o, words_key);
    }
    int value = key ? copy_node(o, words_value) : 0;
    if (!value || !yaml_document_append_mapping_pair(o->show, map, key, value)) {
        if (!o->failed) {
            report_at(&o->report, tagged(get(o->words, words_key)->start_mark),
                      "out of memory while reading the words");
        }
        o->failed = true;
    }
}

/* ---- The show holds no words ------------------------------------------------------- */

static void no_words_in(overlay_t *o, int map, const char *const *names, int count,
                        const char *where) {
    const yaml_node_t *m = get(o->show, map);
    if (!m || m->type != YAML_MAPPING_NODE) return;
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *key = get(o->show, p->key);
        if (in_list(key, names, count)) {
            report_at(&o->report, key->start_mark,
                      "'%s' %s is words: with languages, it belongs in each language's file "
                      "(en.yaml, es.yaml, ...), not in the show's",
                      (const char *)key->data.scalar.value, where);
            o->failed = true;
        }
    }
}

static void no_words_in_items(overlay_t *o, int list, const char *const *names, int count,
                              const char *where) {
    const yaml_node_t *l = get(o->show, list);
    if (!l || l->type != YAML_SEQUENCE_NODE) return;
    for (const yaml_node_item_t *i = l->data.sequence.items.start; i < l->data.sequence.items.top;
         i++) {
        no_words_in(o, *i, names, count, where);
    }
}

static void show_has_no_words(overlay_t *o) {
    static const char *const TITLE[] = {"title"}, *const HINT[] = {"hint"};
    no_words_in(o, 1, SHOW_NO_WORDS, COUNT_OF(SHOW_NO_WORDS), "");
    no_words_in_items(o, map_find(o->show, 1, "exercises", NULL), EXERCISE_WORDS,
                      COUNT_OF(EXERCISE_WORDS), "of an exercise");
    no_words_in_items(o, map_find(o->show, 1, "help", NULL), HELP_WORDS, COUNT_OF(HELP_WORDS),
                      "of a help row");
    no_words_in(o, map_find(o->show, 1, "reviews", NULL), TITLE, 1, "of the reviews");
    no_words_in(o, map_find(o->show, 1, "kiosk", NULL), HINT, 1, "of the kiosk");
}

/* ---- Matching by id --------------------------------------------------------------- */

/* The show's list item (a mapping) whose `id` is the words key `key`, or 0. */
static int show_item(overlay_t *o, int list, const yaml_node_t *key) {
    const yaml_node_t *l = get(o->show, list);
    if (!l || l->type != YAML_SEQUENCE_NODE || key->type != YAML_SCALAR_NODE) return 0;
    for (const yaml_node_item_t *i = l->data.sequence.items.start; i < l->data.sequence.items.top;
         i++) {
        if (same_scalar(get(o->show, map_find(o->show, *i, "id", NULL)), key)) return *i;
    }
    return 0;
}

/* Whether the words mapping `map` has a key equal to the scalar `id`. */
static bool words_has(const overlay_t *o, int map, const yaml_node_t *id) {
    const yaml_node_t *m = get(o->words, map);
    if (!m || m->type != YAML_MAPPING_NODE) return false;
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
         p++) {
        if (same_scalar(get(o->words, p->key), id)) return true;
    }
    return false;
}

/* The words of each item of the show's list `list` (exercises, help rows), from the words
 * mapping `map` keyed by the items' ids: appended to the item. `what` names an item in
 * messages, `section` the words file's key, `names` the words an item has (the first
 * `required` of them required). */
static void merge_by_id(overlay_t *o, int list, int map, const char *what, const char *section,
                        const char *const *names, int count, int required) {
    const yaml_node_t *m = get(o->words, map);
    char q[QUOTE_MAX + 8];
    if (!m) return;
    if (m->type != YAML_MAPPING_NODE) {
        report_at(&o->report, tagged(m->start_mark),
                  "'%s' must be a mapping of %s ids to their words", section, what);
        o->failed = true;
        return;
    }
    if (!list) {
        report_at(&o->report, tagged(m->start_mark), "the show has no %s for these words", what);
        o->failed = true;
        return;
    }
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *id = get(o->words, p->key), *value = get(o->words, p->value);
        int item = show_item(o, list, id);
        if (!item) {
            report_at(&o->report, tagged(id->start_mark),
                      "the show has no %s %s: a text the show does not use (is the id spelt as "
                      "in the show's file?)",
                      what, quoted(id, q, sizeof q));
            o->failed = true;
            continue;
        }
        if (value->type != YAML_MAPPING_NODE) {
            report_at(&o->report, tagged(value->start_mark),
                      "the words of the %s %s must be a mapping (%s%s)", what,
                      quoted(id, q, sizeof q), names[0], count > 1 ? ", ..." : "");
            o->failed = true;
            continue;
        }
        for (int n = 0; n < count; n++) {
            int key = 0, v = map_find(o->words, p->value, names[n], &key);
            if (v) {
                append_copy(o, item, key, v, NULL);
            } else if (n < required) {
                report_at(&o->report, tagged(id->start_mark), "the %s %s is missing '%s'", what,
                          quoted(id, q, sizeof q), names[n]);
                o->failed = true;
            }
        }
        bool seen[8] = {false};
        for (const yaml_node_pair_t *w = value->data.mapping.pairs.start;
             w < value->data.mapping.pairs.top; w++) {
            const yaml_node_t *key = get(o->words, w->key);
            for (int n = 0; n < count && n < 8; n++) {
                if (!is_scalar(key, names[n])) continue;
                if (seen[n]) {
                    report_at(&o->report, tagged(key->start_mark),
                              "duplicate key '%s' in the %s %s", names[n], what,
                              (const char *)id->data.scalar.value);
                    o->failed = true;
                }
                seen[n] = true;
            }
            if (!in_list(key, names, count)) {
                char list_names[96] = "";
                for (int n = 0; n < count; n++) {
                    size_t len = strlen(list_names);
                    snprintf(list_names + len, sizeof list_names - len, "%s%s", n ? ", " : "",
                             names[n]);
                }
                report_at(&o->report, tagged(key->start_mark),
                          "%s of the %s %s is not words (a language's file has %s); the rest "
                          "of a %s is in the show's file",
                          quoted(key, q, sizeof q), what, (const char *)id->data.scalar.value,
                          list_names, what);
                o->failed = true;
            }
        }
    }
    const yaml_node_t *l = get(o->show, list);
    if (l->type != YAML_SEQUENCE_NODE) return; /* the walker says so */
    for (const yaml_node_item_t *i = l->data.sequence.items.start; i < l->data.sequence.items.top;
         i++) {
        const yaml_node_t *id = get(o->show, map_find(o->show, *i, "id", NULL));
        if (!id) {
            report_at(&o->report, get(o->show, *i)->start_mark,
                      "each %s needs an 'id' for its words in the language files", what);
            o->failed = true;
        } else if (!words_has(o, map, id)) {
            report_at(&o->report, tagged(m->start_mark), "no words for the %s %s (%s%s)", what,
                      quoted(id, q, sizeof q), names[0], count > 1 ? ", ..." : "");
            o->failed = true;
        }
    }
}

/* ---- Sections --------------------------------------------------------------------- */

/* A words section that only adds to the show's mapping of the same name (reviews: title;
 * kiosk: hint). */
static void merge_into(overlay_t *o, int words_key, int words_value, const char *section,
                       const char *only, bool create) {
    const yaml_node_t *v = get(o->words, words_value);
    char q[QUOTE_MAX + 8];
    if (v->type != YAML_MAPPING_NODE) {
        report_at(&o->report, tagged(v->start_mark), "'%s' must be a mapping (%s)", section, only);
        o->failed = true;
        return;
    }
    int target = map_find(o->show, 1, section, NULL);
    if (!target && create) {
        target = yaml_document_add_mapping(o->show, NULL, YAML_BLOCK_MAPPING_STYLE);
        int key = target ? yaml_document_add_scalar(o->show, NULL, (const yaml_char_t *)section, -1,
                                                    YAML_PLAIN_SCALAR_STYLE)
                         : 0;
        if (!key || !yaml_document_append_mapping_pair(o->show, 1, key, target)) target = 0;
    }
    if (!target || get(o->show, target)->type != YAML_MAPPING_NODE) {
        report_at(&o->report, tagged(get(o->words, words_key)->start_mark),
                  "the show has no '%s' for these words", section);
        o->failed = true;
        return;
    }
    for (const yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *key = get(o->words, p->key);
        if (is_scalar(key, only) && map_find(o->words, words_value, only, NULL) != p->value) {
            report_at(&o->report, tagged(key->start_mark), "duplicate key '%s' in '%s'", only,
                      section);
            o->failed = true;
        } else if (is_scalar(key, only)) {
            append_copy(o, target, p->key, p->value, NULL);
        } else {
            report_at(&o->report, tagged(key->start_mark),
                      "%s in '%s' is not words: it belongs in the show's file (a language's "
                      "file has only '%s' there)",
                      quoted(key, q, sizeof q), section, only);
            o->failed = true;
        }
    }
}

/* labels: a new section of the show, its help rows those of the show's `help:` with their
 * keys and actions from the words. */
static void merge_labels(overlay_t *o, int words_key, int words_value) {
    const yaml_node_t *v = get(o->words, words_value);
    if (v->type != YAML_MAPPING_NODE) {
        report_at(&o->report, tagged(v->start_mark), "'labels' must be a mapping of texts");
        o->failed = true;
        return;
    }
    int labels = yaml_document_add_mapping(o->show, NULL, YAML_BLOCK_MAPPING_STYLE);
    int key = labels ? copy_node(o, words_key) : 0;
    if (!key || !yaml_document_append_mapping_pair(o->show, 1, key, labels)) {
        o->failed = true;
        return;
    }
    get(o->show, labels)->start_mark = tagged(v->start_mark);
    get(o->show, labels)->end_mark = tagged(v->end_mark);
    int help_words = 0;
    for (const yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
         p++) {
        if (is_scalar(get(o->words, p->key), "help")) {
            help_words = p->value;
        } else {
            append_copy(o, labels, p->key, p->value, NULL);
        }
    }
    /* the show's help rows move under labels, where the walker reads them */
    int show_help_key = 0, show_help = map_find(o->show, 1, "help", &show_help_key);
    if (!help_words && !show_help) return; /* the walker: labels is missing 'help' */
    if (!help_words) {
        report_at(&o->report, tagged(v->start_mark),
                  "'labels' is missing 'help': the keys and action of each help row");
        o->failed = true;
        return;
    }
    merge_by_id(o, show_help, help_words, "help row", "help", HELP_WORDS, COUNT_OF(HELP_WORDS),
                HELP_REQUIRED);
    if (!show_help) return;
    if (!yaml_document_append_mapping_pair(o->show, labels, show_help_key, show_help)) {
        o->failed = true;
        return;
    }
    /* and leave the top: the show's mapping without its `help:` pair */
    yaml_node_t *root = get(o->show, 1);
    yaml_node_pair_t *pairs = root->data.mapping.pairs.start;
    long n = root->data.mapping.pairs.top - pairs;
    for (long i = 0; i < n; i++) {
        if (pairs[i].key == show_help_key) {
            memmove(&pairs[i], &pairs[i + 1], (size_t)(n - i - 1) * sizeof *pairs);
            root->data.mapping.pairs.top--;
            break;
        }
    }
}

static bool overlay(overlay_t *o);

bool words_overlay(yaml_document_t *show, const yaml_document_t *words, words_report_t report) {
    overlay_t o = {.show = show, .words = words, .report = report};
    o.copies_count = (int)(words->nodes.top - words->nodes.start);
    o.copies = o.copies_count > 0 ? calloc((size_t)o.copies_count, sizeof *o.copies) : NULL;
    if (o.copies_count > 0 && !o.copies) {
        report_at(&o.report, tagged((yaml_mark_t){0, 0, 0}),
                  "out of memory while reading the words");
        return false;
    }
    bool ok = overlay(&o);
    free(o.copies);
    return ok;
}

static bool overlay(overlay_t *op) {
    overlay_t o = *op;
    yaml_document_t *show = o.show;
    const yaml_document_t *words = o.words;
    const yaml_node_t *sroot = get(show, 1), *wroot = get(words, 1);
    if (!wroot || wroot->type != YAML_MAPPING_NODE) {
        report_at(&o.report, tagged(wroot ? wroot->start_mark : (yaml_mark_t){0, 0, 0}),
                  "a language's file must hold a mapping of language, name, labels, intro, "
                  "exercises, reviews and contact");
        return false;
    }
    if (!sroot || sroot->type != YAML_MAPPING_NODE) return false; /* the walker says so */
    show_has_no_words(&o);

    bool seen[COUNT_OF(WORDS_TOP)] = {false};
    char q[QUOTE_MAX + 8];
    /* pairs by index: the show's document grows (and moves) while they are copied */
    long pair_count = wroot->data.mapping.pairs.top - wroot->data.mapping.pairs.start;
    for (long i = 0; i < pair_count; i++) {
        yaml_node_pair_t pair = get(words, 1)->data.mapping.pairs.start[i];
        const yaml_node_t *key = get(words, pair.key);
        int which = -1;
        for (int k = 0; k < COUNT_OF(WORDS_TOP); k++) {
            if (is_scalar(key, WORDS_TOP[k].key)) which = k;
        }
        if (which < 0) {
            report_at(&o.report, tagged(key->start_mark),
                      "%s is not words: a language's file holds language, name, labels, intro, "
                      "exercises, reviews, contact and the kiosk's hint; the rest is in the "
                      "show's file",
                      quoted(key, q, sizeof q));
            o.failed = true;
            continue;
        }
        if (seen[which]) {
            report_at(&o.report, tagged(key->start_mark), "duplicate key '%s'",
                      WORDS_TOP[which].key);
            o.failed = true;
            continue;
        }
        seen[which] = true;
        const char *name = WORDS_TOP[which].key;
        if (strcmp(name, "language") == 0 || strcmp(name, "intro") == 0 ||
            strcmp(name, "contact") == 0) {
            append_copy(&o, 1, pair.key, pair.value, NULL);
        } else if (strcmp(name, "name") == 0) {
            append_copy(&o, 1, pair.key, pair.value, "language_name");
        } else if (strcmp(name, "labels") == 0) {
            merge_labels(&o, pair.key, pair.value);
        } else if (strcmp(name, "exercises") == 0) {
            merge_by_id(&o, map_find(show, 1, "exercises", NULL), pair.value, "exercise",
                        "exercises", EXERCISE_WORDS, COUNT_OF(EXERCISE_WORDS), EXERCISE_REQUIRED);
        } else if (strcmp(name, "reviews") == 0) {
            merge_into(&o, pair.key, pair.value, "reviews", "title", false);
        } else if (strcmp(name, "kiosk") == 0) {
            merge_into(&o, pair.key, pair.value, "kiosk", "hint", true);
        }
    }
    for (int k = 0; k < COUNT_OF(WORDS_TOP); k++) {
        if (WORDS_TOP[k].required && !seen[k]) {
            report_at(&o.report, tagged(get(words, 1)->start_mark),
                      "the language's file is missing '%s'", WORDS_TOP[k].key);
            o.failed = true;
        }
    }
    *op = o;
    return !o.failed;
}

/* ---- A translation against the reference ------------------------------------------ */

typedef struct compare_t {
    const yaml_document_t *ref, *tr;
    words_report_t report;
    bool failed;
} compare_t;

typedef struct placeholders_t {
    char names[PLACEHOLDERS_MAX][PLACEHOLDER_MAX];
    int count;
} placeholders_t;

/* The {…} placeholders of a text, in order ({{ and unclosed braces are not). */
static void placeholders_of(const yaml_node_t *n, placeholders_t *out) {
    out->count = 0;
    const char *s = (const char *)n->data.scalar.value, *end = s + n->data.scalar.length;
    for (const char *b = memchr(s, '{', (size_t)(end - s)); b;
         b = memchr(b + 1, '{', (size_t)(end - b - 1))) {
        const char *close = memchr(b, '}', (size_t)(end - b));
        if (!close) break;
        size_t len = (size_t)(close - b) + 1;
        if (len > 2 && len < PLACEHOLDER_MAX && out->count < PLACEHOLDERS_MAX &&
            !memchr(b + 1, '{', len - 1)) {
            memcpy(out->names[out->count], b, len);
            out->names[out->count++][len] = '\0';
        }
        if (b + 1 >= end) break;
    }
}

/* How often `name` is in the set. */
static int placeholder_count(const placeholders_t *p, const char *name) {
    int n = 0;
    for (int i = 0; i < p->count; i++) n += strcmp(p->names[i], name) == 0;
    return n;
}

static void compare_texts(compare_t *c, const yaml_node_t *ref, const yaml_node_t *tr) {
    placeholders_t a, b;
    placeholders_of(ref, &a);
    placeholders_of(tr, &b);
    for (int pass = 0; pass < 2; pass++) { /* the English's, then the translation's own */
        const placeholders_t *set = pass == 0 ? &a : &b;
        for (int i = 0; i < set->count; i++) {
            const char *name = set->names[i];
            bool first = true;
            for (int k = 0; k < i; k++) first = first && strcmp(set->names[k], name) != 0;
            int want = placeholder_count(&a, name), got = placeholder_count(&b, name);
            if (!first || want == got || (pass == 1 && want > got)) continue;
            if (got == 0) {
                report_at(&c->report, tagged(tr->start_mark),
                          "the placeholder %s is in the English text and not here: put it "
                          "back, as written",
                          name);
            } else if (want == 0) {
                report_at(&c->report, tagged(tr->start_mark),
                          "the placeholder %s is not in the English text: take it out, or "
                          "write the English one",
                          name);
            } else {
                report_at(&c->report, tagged(tr->start_mark),
                          "the placeholder %s is here %d time%s and %d in the English text", name,
                          got, got == 1 ? "" : "s", want);
            }
            c->failed = true;
        }
    }
}

static const char *kind_name(const yaml_node_t *n) {
    switch (n->type) {
    case YAML_SCALAR_NODE: return "a text";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_MAPPING_NODE: return "a mapping";
    default: return "nothing";
    }
}

static void compare_nodes(compare_t *c, int ref_index, int tr_index, const char *where);

static void compare_mappings(compare_t *c, const yaml_node_t *ref, const yaml_node_t *tr,
                             int ref_index, int tr_index, const char *where) {
    char q[QUOTE_MAX + 8], here[64];
    for (const yaml_node_pair_t *p = ref->data.mapping.pairs.start; p < ref->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *key = get(c->ref, p->key);
        if (key->type != YAML_SCALAR_NODE) continue;
        /* the translation's own: its code and name */
        if (ref_index == 1 && (is_scalar(key, "language") || is_scalar(key, "name"))) continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)key->data.scalar.length,
                 (const char *)key->data.scalar.value);
        int found = map_find(c->tr, tr_index, name, NULL);
        if (!found) {
            const yaml_node_t *value = get(c->ref, p->value);
            if (value->type == YAML_SCALAR_NODE) {
                report_at(&c->report, tagged(tr->start_mark), "%s is missing '%s' (English: %s)",
                          where[0] ? where : "the file", name, quoted(value, q, sizeof q));
            } else {
                report_at(&c->report, tagged(tr->start_mark),
                          "%s is missing '%s' (in the English file at line %d)",
                          where[0] ? where : "the file", name, (int)value->start_mark.line + 1);
            }
            c->failed = true;
            continue;
        }
        snprintf(here, sizeof here, "'%.60s'", name);
        compare_nodes(c, p->value, found, here);
    }
    for (const yaml_node_pair_t *p = tr->data.mapping.pairs.start; p < tr->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *key = get(c->tr, p->key);
        if (key->type != YAML_SCALAR_NODE) continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)key->data.scalar.length,
                 (const char *)key->data.scalar.value);
        if (!map_find(c->ref, ref_index, name, NULL)) {
            report_at(&c->report, tagged(key->start_mark),
                      "%s%s%s is not in the English file: a text the show does not use",
                      quoted(key, q, sizeof q), where[0] ? " in " : "", where);
            c->failed = true;
        }
    }
}

static void compare_nodes(compare_t *c, int ref_index, int tr_index, const char *where) {
    const yaml_node_t *ref = get(c->ref, ref_index), *tr = get(c->tr, tr_index);
    if (!ref || !tr) return;
    if (ref->type != tr->type) {
        report_at(&c->report, tagged(tr->start_mark),
                  "%s must be %s, as in the English file, not %s", where, kind_name(ref),
                  kind_name(tr));
        c->failed = true;
        return;
    }
    switch (ref->type) {
    case YAML_SCALAR_NODE: compare_texts(c, ref, tr); break;
    case YAML_MAPPING_NODE: compare_mappings(c, ref, tr, ref_index, tr_index, where); break;
    case YAML_SEQUENCE_NODE: {
        long a = ref->data.sequence.items.top - ref->data.sequence.items.start;
        long b = tr->data.sequence.items.top - tr->data.sequence.items.start;
        if (a != b) {
            report_at(&c->report, tagged(tr->start_mark),
                      "%s has %ld item%s here and %ld in the English file: one text for each",
                      where, b, b == 1 ? "" : "s", a);
            c->failed = true;
        }
        for (long i = 0; i < a && i < b; i++) {
            compare_nodes(c, ref->data.sequence.items.start[i], tr->data.sequence.items.start[i],
                          where);
        }
        break;
    }
    default: break;
    }
}

bool words_compare(const yaml_document_t *reference, const yaml_document_t *translation,
                   words_report_t report) {
    compare_t c = {.ref = reference, .tr = translation, .report = report};
    if (!get(reference, 1) || !get(translation, 1)) return true; /* their own parse says so */
    compare_nodes(&c, 1, 1, "");
    return !c.failed;
}
