/* content: parses and validates the show's YAML content file into a caller-owned content_t.
 * Pure core: libyaml and libc only; no SDL, no GL, no files, no printing, no global state. */

/* How it works. libyaml loads the whole buffer into a node tree (yaml_document_t), which
 * gives every node a start mark. The walker then reads each mapping against a table of
 * field_t: one table per kind of mapping (the file, clinic, theme, timing, labels, a help
 * entry, intro, an exercise, reviews, a review, contact). A table row names a key, what it
 * holds (text, number in a range, colour, or a node the caller reads), and where it goes.
 * Adding a key is one row. Lists are read through list_spec_t, which checks the type, the
 * emptiness and the capacity.
 *
 * Errors are collected, not fatal: each one gets the 1-based line and column of the node at
 * fault and is inserted in file order, so the first CONTENT_MAX_ERRORS are kept whatever
 * order the walker found them in. Only a YAML syntax error stops the walk.
 *
 * Order of reading: the clinic section first (the {clinic.*} placeholders of every other
 * text expand from it, wherever it is in the file), then the other sections, then the
 * playlist last (it names exercises that may come after it in the file). */

#include "content.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#if defined(__GNUC__) || defined(__clang__)
#define CONTENT_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CONTENT_PRINTF(fmt, args)
#endif

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define MAX_FIELDS 16          /* most keys one mapping table may have */
#define MAX_SECONDS 3600.0     /* upper bound of every timing value (s); keeps ms in 32 bits */
#define QUOTE_MAX 40           /* bytes of a value quoted in a message, before "…" */
#define NUMBER_MAX_LENGTH 32   /* longest number text accepted (bytes) */
#define ELLIPSIS "\xE2\x80\xA6" /* U+2026 */

/* ---- Tables ------------------------------------------------------------------------ */

typedef enum field_kind_t {
    FIELD_NODE = 0, /* any node: the caller reads it from found[] */
    FIELD_TEXT,     /* text, {clinic.*} placeholders expanded */
    FIELD_TEXT_RAW, /* text taken as written (the clinic section, ids) */
    FIELD_NUMBER,   /* finite number in [min, max] (or (min, max] when min_exclusive) */
    FIELD_COLOR,    /* "#RRGGBB" */
} field_kind_t;

typedef struct field_t {
    const char *name;
    field_kind_t kind;
    size_t offset;      /* where the value is stored, from the base given to read_fields */
    bool optional;      /* may be left out; required when false */
    bool may_be_empty;  /* FIELD_TEXT*: "" is allowed */
    double min, max;    /* FIELD_NUMBER: allowed range */
    bool min_exclusive; /* FIELD_NUMBER: min itself is not allowed */
} field_t;

typedef struct mapping_spec_t {
    const char *what;  /* named in messages: "unknown key 'x' in <what>", "<what> is missing" */
    const char *label; /* subject of a type error: "<label> must be a mapping, not a list" */
    const field_t *fields;
    int field_count;
} mapping_spec_t;

typedef struct list_spec_t {
    const char *label;    /* "'steps'": subject of type and emptiness errors */
    const char *expected; /* "a list of texts" */
    const char *items;    /* "steps": "too many steps (at most 12)" */
    int max;
    bool may_be_empty;
} list_spec_t;

#define TEXT(key, type, member) \
    { .name = key, .kind = FIELD_TEXT, .offset = offsetof(type, member) }
#define RAW(key, type, member) \
    { .name = key, .kind = FIELD_TEXT_RAW, .offset = offsetof(type, member) }
#define COLOR(key, member) \
    { .name = key, .kind = FIELD_COLOR, .offset = offsetof(content_t, theme.member) }
#define NUMBER(key, member, lo, lo_exclusive, hi)                                         \
    {                                                                                     \
        .name = key, .kind = FIELD_NUMBER, .offset = offsetof(content_t, timing.member),  \
        .min = lo, .min_exclusive = lo_exclusive, .max = hi                               \
    }
#define SECONDS(key, member) NUMBER(key, member, 0.0, true, MAX_SECONDS)
#define NODE(key) { .name = key, .kind = FIELD_NODE }

enum {
    TOP_VERSION,
    TOP_LANGUAGE,
    TOP_CLINIC,
    TOP_THEME,
    TOP_TIMING,
    TOP_PLAYLIST,
    TOP_LABELS,
    TOP_INTRO,
    TOP_EXERCISES,
    TOP_REVIEWS,
    TOP_CONTACT,
};
static const field_t TOP_FIELDS[] = {
    [TOP_VERSION] = NODE("version"),
    [TOP_LANGUAGE] = TEXT("language", content_t, language),
    [TOP_CLINIC] = NODE("clinic"),
    [TOP_THEME] = NODE("theme"),
    [TOP_TIMING] = NODE("timing"),
    [TOP_PLAYLIST] = NODE("playlist"),
    [TOP_LABELS] = NODE("labels"),
    [TOP_INTRO] = NODE("intro"),
    [TOP_EXERCISES] = NODE("exercises"),
    [TOP_REVIEWS] = NODE("reviews"),
    [TOP_CONTACT] = NODE("contact"),
};

/* The clinic's own texts are what placeholders expand to, so they are taken as written. */
static const field_t CLINIC_FIELDS[] = {
    RAW("name", content_t, clinic.name),
    RAW("phone", content_t, clinic.phone),
    RAW("care_phone", content_t, clinic.care_phone),
    RAW("address", content_t, clinic.address),
    RAW("qr_text", content_t, clinic.qr_text),
};

static const field_t THEME_FIELDS[] = {
    COLOR("background_top", background_top),
    COLOR("background_bottom", background_bottom),
    COLOR("panel", panel),
    COLOR("text", text),
    COLOR("text_dim", text_dim),
    COLOR("accent", accent),
    COLOR("accent_text", accent_text),
    COLOR("figure", figure),
    TEXT("font_regular", content_t, theme.font_regular),
    TEXT("font_bold", content_t, theme.font_bold),
};

enum { TIMING_REVIEW_MIN = 3, TIMING_REVIEW_MAX = 4 };
static const field_t TIMING_FIELDS[] = {
    SECONDS("intro_seconds", intro_seconds),
    SECONDS("exercise_seconds", exercise_seconds),
    SECONDS("contact_seconds", contact_seconds),
    [TIMING_REVIEW_MIN] = SECONDS("review_min_seconds", review_min_seconds),
    [TIMING_REVIEW_MAX] = SECONDS("review_max_seconds", review_max_seconds),
    NUMBER("reading_words_per_minute", reading_words_per_minute, 30.0, false, 1000.0),
    NUMBER("transition_seconds", transition_seconds, 0.0, false, 5.0),
    SECONDS("breath_in_seconds", breath_in_seconds),
    SECONDS("breath_out_seconds", breath_out_seconds),
    SECONDS("get_ready_seconds", get_ready_seconds),
    NUMBER("idle_seconds", idle_seconds, 1.0, false, MAX_SECONDS),
};

enum { LABELS_HELP = 7 };
static const field_t LABELS_FIELDS[] = {
    TEXT("step", content_t, labels.step),
    TEXT("paused", content_t, labels.paused),
    TEXT("next", content_t, labels.next),
    {.name = "review_name_prefix",
     .kind = FIELD_TEXT,
     .offset = offsetof(content_t, labels.review_name_prefix),
     .may_be_empty = true},
    TEXT("footer", content_t, labels.footer),
    TEXT("help_title", content_t, labels.help_title),
    TEXT("help_hint", content_t, labels.help_hint),
    [LABELS_HELP] = NODE("help"),
};

static const field_t HELP_FIELDS[] = {
    TEXT("keys", content_help_t, keys),
    TEXT("action", content_help_t, action),
};

static const field_t INTRO_FIELDS[] = {
    TEXT("title", content_t, intro.title),
    TEXT("body", content_t, intro.body),
    TEXT("call", content_t, intro.call),
};

enum { EXERCISE_ID, EXERCISE_TITLE, EXERCISE_PURPOSE, EXERCISE_HOW_TO, EXERCISE_STEPS };
static const field_t EXERCISE_FIELDS[] = {
    [EXERCISE_ID] = NODE("id"),
    [EXERCISE_TITLE] = TEXT("title", content_exercise_t, title),
    [EXERCISE_PURPOSE] = TEXT("purpose", content_exercise_t, purpose),
    [EXERCISE_HOW_TO] = TEXT("how_to", content_exercise_t, how_to),
    [EXERCISE_STEPS] = NODE("steps"),
};

enum { REVIEWS_TITLE, REVIEWS_ITEMS };
static const field_t REVIEWS_FIELDS[] = {
    [REVIEWS_TITLE] = TEXT("title", content_t, reviews.title),
    [REVIEWS_ITEMS] = NODE("items"),
};

static const field_t REVIEW_FIELDS[] = {
    TEXT("text", content_review_t, text),
    TEXT("name", content_review_t, name),
};

static const field_t CONTACT_FIELDS[] = {
    TEXT("title", content_t, contact.title),
    TEXT("body", content_t, contact.body),
    TEXT("severe", content_t, contact.severe),
    TEXT("call", content_t, contact.call),
    TEXT("qr_caption", content_t, contact.qr_caption),
};

#define SPEC(what, label, fields) { what, label, fields, COUNT_OF(fields) }
static const mapping_spec_t TOP_SPEC = SPEC("the file", "the top level", TOP_FIELDS);
static const mapping_spec_t CLINIC_SPEC = SPEC("clinic", "'clinic'", CLINIC_FIELDS);
static const mapping_spec_t THEME_SPEC = SPEC("theme", "'theme'", THEME_FIELDS);
static const mapping_spec_t TIMING_SPEC = SPEC("timing", "'timing'", TIMING_FIELDS);
static const mapping_spec_t LABELS_SPEC = SPEC("labels", "'labels'", LABELS_FIELDS);
static const mapping_spec_t HELP_SPEC = SPEC("help entry", "each help entry", HELP_FIELDS);
static const mapping_spec_t INTRO_SPEC = SPEC("intro", "'intro'", INTRO_FIELDS);
static const mapping_spec_t EXERCISE_SPEC = SPEC("exercise", "each exercise", EXERCISE_FIELDS);
static const mapping_spec_t REVIEWS_SPEC = SPEC("reviews", "'reviews'", REVIEWS_FIELDS);
static const mapping_spec_t REVIEW_SPEC = SPEC("review", "each review", REVIEW_FIELDS);
static const mapping_spec_t CONTACT_SPEC = SPEC("contact", "'contact'", CONTACT_FIELDS);

static const list_spec_t PLAYLIST_LIST = {"'playlist'", "a list of scene ids",
                                          "scenes in the playlist", CONTENT_MAX_PLAYLIST, false};
static const list_spec_t HELP_LIST = {"'help'", "a list of help entries (keys, action)",
                                      "help entries", CONTENT_MAX_HELP, true};
static const list_spec_t EXERCISES_LIST = {"'exercises'", "a list of exercises", "exercises",
                                           CONTENT_MAX_EXERCISES, false};
static const list_spec_t STEPS_LIST = {"'steps'", "a list of texts", "steps", CONTENT_MAX_STEPS,
                                       false};
static const list_spec_t REVIEWS_LIST = {"'items'", "a list of reviews (text, name)", "reviews",
                                         CONTENT_MAX_REVIEWS, false};

/* Placeholders and the clinic text each one stands for. */
static const struct {
    const char *name; /* as written between the braces */
    size_t offset;    /* of the const char * in content_t */
} PLACEHOLDERS[] = {
    {"clinic.name", offsetof(content_t, clinic.name)},
    {"clinic.phone", offsetof(content_t, clinic.phone)},
    {"clinic.care_phone", offsetof(content_t, clinic.care_phone)},
    {"clinic.address", offsetof(content_t, clinic.address)},
};

_Static_assert(COUNT_OF(TOP_FIELDS) <= MAX_FIELDS, "raise MAX_FIELDS");
_Static_assert(COUNT_OF(THEME_FIELDS) <= MAX_FIELDS, "raise MAX_FIELDS");
_Static_assert(COUNT_OF(TIMING_FIELDS) <= MAX_FIELDS, "raise MAX_FIELDS");
_Static_assert(COUNT_OF(LABELS_FIELDS) <= MAX_FIELDS, "raise MAX_FIELDS");

static const char *const BUILTIN_SCENES[] = {"intro", "reviews", "contact"};
static const scene_kind_t BUILTIN_KINDS[] = {SCENE_INTRO, SCENE_REVIEWS, SCENE_CONTACT};

/* ---- Parse state ------------------------------------------------------------------- */

typedef struct parse_t {
    content_t *out;
    content_errors_t *errors;
    yaml_document_t *doc;
    bool arena_full;                             /* reported once */
    int exercise_id_line[CONTENT_MAX_EXERCISES]; /* 1-based, for duplicate messages */
} parse_t;

/* ---- Errors ------------------------------------------------------------------------ */

/* Inserts in file order (stable for equal positions); keeps the first CONTENT_MAX_ERRORS. */
static void errors_add(content_errors_t *errors, int line, int column, const char *message)
{
    errors->total++;
    int pos = errors->count;
    while (pos > 0) {
        const content_error_t *before = &errors->items[pos - 1];
        if (before->line < line || (before->line == line && before->column <= column)) {
            break;
        }
        pos--;
    }
    if (pos >= CONTENT_MAX_ERRORS) {
        return;
    }
    int last = errors->count < CONTENT_MAX_ERRORS ? errors->count : CONTENT_MAX_ERRORS - 1;
    memmove(&errors->items[pos + 1], &errors->items[pos],
            (size_t)(last - pos) * sizeof(errors->items[0]));
    content_error_t *e = &errors->items[pos];
    e->line = line;
    e->column = column;
    snprintf(e->message, sizeof e->message, "%s", message);
    if (errors->count < CONTENT_MAX_ERRORS) {
        errors->count++;
    }
}

CONTENT_PRINTF(3, 4)
static void error_at(parse_t *p, yaml_mark_t mark, const char *fmt, ...)
{
    char message[CONTENT_ERROR_MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    errors_add(p->errors, (int)mark.line + 1, (int)mark.column + 1, message);
}

/* Writes 'value' into buf, cut at a UTF-8 boundary with "…", control characters as spaces. */
static const char *quote(const char *value, size_t len, char *buf, size_t size)
{
    size_t cut = len;
    if (cut > QUOTE_MAX) {
        cut = QUOTE_MAX;
        while (cut > 0 && ((unsigned char)value[cut] & 0xC0) == 0x80) {
            cut--;
        }
    }
    size_t n = 0;
    buf[n++] = '\'';
    for (size_t i = 0; i < cut && n + 1 < size; i++) {
        unsigned char c = (unsigned char)value[i];
        buf[n++] = (c < 0x20 || c == 0x7F) ? ' ' : (char)c;
    }
    buf[n] = '\0';
    snprintf(buf + n, size - n, "%s'", cut < len ? ELLIPSIS : "");
    return buf;
}

/* "a mapping", "a list", "empty" or the quoted value, for "must be X, not <this>". */
static const char *node_describe(const yaml_node_t *node, char *buf, size_t size)
{
    switch (node->type) {
    case YAML_MAPPING_NODE:
        return "a mapping";
    case YAML_SEQUENCE_NODE:
        return "a list";
    case YAML_SCALAR_NODE:
        if (node->data.scalar.length == 0) {
            return "empty";
        }
        return quote((const char *)node->data.scalar.value, node->data.scalar.length, buf, size);
    default:
        return "nothing";
    }
}

/* Appends names to a message as "a, b, c", ending in "…" when the message is full. */
typedef struct list_builder_t {
    char *buf;
    size_t size;
    int items;
    bool full;
} list_builder_t;

static void list_builder_add(list_builder_t *b, const char *item)
{
    if (b->full) {
        return;
    }
    size_t len = strlen(b->buf);
    const char *sep = b->items > 0 ? ", " : "";
    size_t room_for_ellipsis = sizeof(", " ELLIPSIS);
    if (len + strlen(sep) + strlen(item) + room_for_ellipsis > b->size) {
        if (len + room_for_ellipsis <= b->size) {
            strcat(b->buf, ", " ELLIPSIS);
        }
        b->full = true;
        return;
    }
    strcat(b->buf, sep);
    strcat(b->buf, item);
    b->items++;
}

/* Line and column of a byte offset, for libyaml's reader errors, which give no mark. */
static yaml_mark_t mark_from_offset(const char *text, size_t len, size_t offset)
{
    yaml_mark_t mark = {0, 0, 0};
    if (offset > len) {
        offset = len;
    }
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            mark.line++;
            mark.column = 0;
        } else if ((c & 0xC0) != 0x80) {
            mark.column++; /* count characters, as libyaml does, not bytes */
        }
    }
    mark.index = offset;
    return mark;
}

static void report_yaml_error(parse_t *p, const yaml_parser_t *parser, const char *text,
                              size_t len)
{
    const char *problem = parser->problem ? parser->problem : "unknown problem";
    switch (parser->error) {
    case YAML_MEMORY_ERROR:
        error_at(p, (yaml_mark_t){0, 0, 0}, "out of memory while reading the YAML");
        break;
    case YAML_READER_ERROR:
        error_at(p, mark_from_offset(text, len, parser->problem_offset), "YAML error: %s", problem);
        break;
    default:
        if (parser->context) {
            error_at(p, parser->problem_mark, "YAML syntax error: %s (%s at line %d, column %d)",
                     problem, parser->context, (int)parser->context_mark.line + 1,
                     (int)parser->context_mark.column + 1);
        } else {
            error_at(p, parser->problem_mark, "YAML syntax error: %s", problem);
        }
        break;
    }
}

/* ---- Arena and texts --------------------------------------------------------------- */

static bool arena_put(content_t *c, const char *s, size_t n)
{
    if (n > CONTENT_ARENA_BYTES - c->arena_used) {
        return false;
    }
    memcpy(c->arena + c->arena_used, s, n);
    c->arena_used += n;
    return true;
}

static const char *placeholder_value(const content_t *c, const char *name, size_t len, bool *known)
{
    for (int i = 0; i < COUNT_OF(PLACEHOLDERS); i++) {
        if (strlen(PLACEHOLDERS[i].name) == len && memcmp(PLACEHOLDERS[i].name, name, len) == 0) {
            *known = true;
            const char *value;
            memcpy(&value, (const char *)c + PLACEHOLDERS[i].offset, sizeof value);
            return value ? value : ""; /* clinic broken: already an error, expand to nothing */
        }
    }
    *known = false;
    return "";
}

/* Copies a scalar into the arena, expanding {clinic.*} when `expand`. Never returns NULL:
 * on an error it reports and returns "" (the parse fails anyway). */
static const char *text_copy(parse_t *p, const yaml_node_t *node, bool expand)
{
    content_t *c = p->out;
    const char *s = (const char *)node->data.scalar.value;
    size_t len = node->data.scalar.length;
    size_t start = c->arena_used;
    bool fits = true;
    size_t i = 0;
    while (i < len && fits) {
        const char *brace = expand ? memchr(s + i, '{', len - i) : NULL;
        size_t run = brace ? (size_t)(brace - (s + i)) : len - i;
        fits = arena_put(c, s + i, run);
        i += run;
        if (!brace || !fits) {
            continue;
        }
        const char *close = memchr(brace, '}', len - i);
        if (!close) {
            char q[QUOTE_MAX + 8];
            error_at(p, node->start_mark,
                     "%s has '{' without a closing '}'; placeholders look like {clinic.phone}",
                     quote(s, len, q, sizeof q));
            c->arena_used = start;
            return "";
        }
        bool known;
        const char *value = placeholder_value(c, brace + 1, (size_t)(close - brace - 1), &known);
        if (!known) {
            char q[QUOTE_MAX + 8];
            error_at(p, node->start_mark,
                     "unknown placeholder %s; known: {clinic.name}, {clinic.phone}, "
                     "{clinic.care_phone}, {clinic.address}",
                     quote(brace, (size_t)(close - brace + 1), q, sizeof q));
            c->arena_used = start;
            return "";
        }
        fits = arena_put(c, value, strlen(value));
        i = (size_t)(close - s) + 1;
    }
    if (fits) {
        fits = arena_put(c, "", 1);
    }
    if (!fits) {
        c->arena_used = start;
        if (!p->arena_full) {
            p->arena_full = true;
            error_at(p, node->start_mark,
                     "the content is too large: its texts need more than %d bytes",
                     CONTENT_ARENA_BYTES);
        }
        return "";
    }
    return c->arena + start;
}

/* ---- Typed getters: each reports its own error and returns false ------------------- */

/* `label` names the value in messages: "'title'" or "a step". */
static bool get_text(parse_t *p, const yaml_node_t *node, const char *label, bool raw,
                     bool may_be_empty, const char **out)
{
    char d[QUOTE_MAX + 8];
    if (node->type != YAML_SCALAR_NODE) {
        error_at(p, node->start_mark, "%s must be a text, not %s", label,
                 node_describe(node, d, sizeof d));
        return false;
    }
    size_t len = node->data.scalar.length;
    if (len == 0 && !may_be_empty) {
        error_at(p, node->start_mark, "%s must not be empty", label);
        return false;
    }
    if (memchr(node->data.scalar.value, '\0', len)) {
        error_at(p, node->start_mark, "%s must not contain a NUL character", label);
        return false;
    }
    size_t errors_before = (size_t)p->errors->total;
    const char *text = text_copy(p, node, !raw);
    if ((size_t)p->errors->total != errors_before) {
        return false;
    }
    *out = text;
    return true;
}

/* A decimal number written in full: digits, sign, point, exponent; no hex, inf or nan.
 * strtod reads '.' as the decimal point because the app never calls setlocale(LC_NUMERIC). */
static bool number_parse(const char *s, size_t len, double *out)
{
    if (len == 0 || len > NUMBER_MAX_LENGTH) {
        return false;
    }
    bool digit = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            digit = true;
        } else if (!strchr("+-.eE", s[i]) || s[i] == '\0') {
            return false;
        }
    }
    if (!digit) {
        return false;
    }
    char buf[NUMBER_MAX_LENGTH + 1];
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end = NULL;
    double v = strtod(buf, &end);
    if (end != buf + len || !isfinite(v)) {
        return false;
    }
    *out = v;
    return true;
}

static bool get_number(parse_t *p, const yaml_node_t *node, const char *label, double *out)
{
    char d[QUOTE_MAX + 8];
    if (node->type != YAML_SCALAR_NODE ||
        !number_parse((const char *)node->data.scalar.value, node->data.scalar.length, out)) {
        error_at(p, node->start_mark, "%s must be a number, not %s", label,
                 node_describe(node, d, sizeof d));
        return false;
    }
    return true;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static bool get_color(parse_t *p, const yaml_node_t *node, const char *label,
                      content_color_t *out)
{
    int v[6] = {-1, -1, -1, -1, -1, -1};
    bool ok = node->type == YAML_SCALAR_NODE && node->data.scalar.length == 7 &&
              node->data.scalar.value[0] == '#';
    for (int i = 0; ok && i < 6; i++) {
        v[i] = hex_digit((char)node->data.scalar.value[i + 1]);
        ok = v[i] >= 0;
    }
    if (!ok) {
        char d[QUOTE_MAX + 8];
        error_at(p, node->start_mark, "%s must be a colour written \"#RRGGBB\" (hex), not %s",
                 label, node_describe(node, d, sizeof d));
        return false;
    }
    out->r = (float)(v[0] * 16 + v[1]) / 255.0f;
    out->g = (float)(v[2] * 16 + v[3]) / 255.0f;
    out->b = (float)(v[4] * 16 + v[5]) / 255.0f;
    return true;
}

static bool check_range(parse_t *p, const yaml_node_t *node, const field_t *f, double v)
{
    bool low_ok = f->min_exclusive ? v > f->min : v >= f->min;
    if (low_ok && v <= f->max) {
        return true;
    }
    char d[QUOTE_MAX + 8];
    if (f->min_exclusive) {
        error_at(p, node->start_mark, "'%s' must be greater than %g and at most %g, not %s",
                 f->name, f->min, f->max, node_describe(node, d, sizeof d));
    } else {
        error_at(p, node->start_mark, "'%s' must be between %g and %g, not %s", f->name, f->min,
                 f->max, node_describe(node, d, sizeof d));
    }
    return false;
}

/* ---- Mappings and lists ------------------------------------------------------------ */

static yaml_node_t *node_at(parse_t *p, int index)
{
    return yaml_document_get_node(p->doc, index);
}

static int field_find(const mapping_spec_t *spec, const char *key, size_t len)
{
    for (int i = 0; i < spec->field_count; i++) {
        if (strlen(spec->fields[i].name) == len && memcmp(spec->fields[i].name, key, len) == 0) {
            return i;
        }
    }
    return -1;
}

/* Checks `node` is a mapping whose keys are all in spec, none twice, none required missing.
 * found[i] gets the value node of spec->fields[i] (NULL when absent). */
static bool check_keys(parse_t *p, const yaml_node_t *node, const mapping_spec_t *spec,
                       yaml_node_t *found[MAX_FIELDS])
{
    for (int i = 0; i < MAX_FIELDS; i++) {
        found[i] = NULL;
    }
    if (node->type != YAML_MAPPING_NODE) {
        char d[QUOTE_MAX + 8];
        error_at(p, node->start_mark, "%s must be a mapping, not %s", spec->label,
                 node_describe(node, d, sizeof d));
        return false;
    }
    const yaml_node_t *found_key[MAX_FIELDS] = {0};
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = node_at(p, pair->key);
        yaml_node_t *value = node_at(p, pair->value);
        if (!key || !value) {
            continue;
        }
        char q[QUOTE_MAX + 8];
        if (key->type != YAML_SCALAR_NODE) {
            error_at(p, key->start_mark, "keys in %s must be names, not %s", spec->what,
                     node_describe(key, q, sizeof q));
            continue;
        }
        const char *name = (const char *)key->data.scalar.value;
        size_t len = key->data.scalar.length;
        int i = field_find(spec, name, len);
        if (i < 0) {
            char message[CONTENT_ERROR_MESSAGE_MAX];
            snprintf(message, sizeof message, "unknown key %s in %s; expected one of: ",
                     quote(name, len, q, sizeof q), spec->what);
            list_builder_t b = {message, sizeof message, 0, false};
            for (int k = 0; k < spec->field_count; k++) {
                list_builder_add(&b, spec->fields[k].name);
            }
            error_at(p, key->start_mark, "%s", message);
        } else if (found_key[i]) {
            error_at(p, key->start_mark, "duplicate key '%s' in %s (first at line %d)",
                     spec->fields[i].name, spec->what, (int)found_key[i]->start_mark.line + 1);
        } else {
            found_key[i] = key;
            found[i] = value;
        }
    }
    for (int i = 0; i < spec->field_count; i++) {
        if (!found[i] && !spec->fields[i].optional) {
            error_at(p, node->start_mark, "%s is missing '%s'", spec->what, spec->fields[i].name);
        }
    }
    return true;
}

/* Reads the typed fields found by check_keys into `base`. A field whose value is wrong gets
 * found[i] = NULL, so callers can tell "present and valid" for cross-field checks. */
static void read_fields(parse_t *p, const mapping_spec_t *spec, yaml_node_t *found[MAX_FIELDS],
                        void *base)
{
    for (int i = 0; i < spec->field_count; i++) {
        const field_t *f = &spec->fields[i];
        yaml_node_t *node = found[i];
        if (!node || f->kind == FIELD_NODE) {
            continue;
        }
        char label[64];
        snprintf(label, sizeof label, "'%s'", f->name);
        char *dest = (char *)base + f->offset;
        bool ok = false;
        switch (f->kind) {
        case FIELD_TEXT:
        case FIELD_TEXT_RAW: {
            const char *text = NULL;
            ok = get_text(p, node, label, f->kind == FIELD_TEXT_RAW, f->may_be_empty, &text);
            if (ok) {
                memcpy(dest, &text, sizeof text);
            }
            break;
        }
        case FIELD_NUMBER: {
            double v = 0.0;
            ok = get_number(p, node, label, &v) && check_range(p, node, f, v);
            if (ok) {
                float value = (float)v;
                memcpy(dest, &value, sizeof value);
            }
            break;
        }
        case FIELD_COLOR: {
            content_color_t color;
            ok = get_color(p, node, label, &color);
            if (ok) {
                memcpy(dest, &color, sizeof color);
            }
            break;
        }
        case FIELD_NODE:
            break;
        }
        if (!ok) {
            found[i] = NULL;
        }
    }
}

static bool read_mapping(parse_t *p, const yaml_node_t *node, const mapping_spec_t *spec,
                         void *base, yaml_node_t *found[MAX_FIELDS])
{
    if (!check_keys(p, node, spec, found)) {
        return false;
    }
    read_fields(p, spec, found, base);
    return true;
}

/* Checks `node` is a list per spec; fills items[] with the first spec->max item nodes and
 * returns how many, reporting the first that does not fit. */
static int read_list(parse_t *p, const yaml_node_t *node, const list_spec_t *spec,
                     yaml_node_t **items)
{
    if (node->type != YAML_SEQUENCE_NODE) {
        char d[QUOTE_MAX + 8];
        error_at(p, node->start_mark, "%s must be %s, not %s", spec->label, spec->expected,
                 node_describe(node, d, sizeof d));
        return 0;
    }
    int count = 0;
    for (yaml_node_item_t *item = node->data.sequence.items.start;
         item < node->data.sequence.items.top; item++) {
        yaml_node_t *child = node_at(p, *item);
        if (!child) {
            continue;
        }
        if (count == spec->max) {
            error_at(p, child->start_mark, "too many %s (at most %d)", spec->items, spec->max);
            break;
        }
        items[count++] = child;
    }
    if (count == 0 && !spec->may_be_empty) {
        error_at(p, node->start_mark, "%s must not be empty", spec->label);
    }
    return count;
}

/* ---- Sections ---------------------------------------------------------------------- */

static void read_section(parse_t *p, const yaml_node_t *node, const mapping_spec_t *spec)
{
    yaml_node_t *found[MAX_FIELDS];
    read_mapping(p, node, spec, p->out, found);
}

static void read_version(parse_t *p, const yaml_node_t *node)
{
    double v = 0.0;
    if (!get_number(p, node, "'version'", &v)) {
        return;
    }
    if (v != 1.0) {
        char d[QUOTE_MAX + 8];
        error_at(p, node->start_mark,
                 "'version' must be 1 (the only content format this kiosk reads), not %s",
                 node_describe(node, d, sizeof d));
        return;
    }
    p->out->version = 1;
}

static void read_timing(parse_t *p, const yaml_node_t *node)
{
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &TIMING_SPEC, p->out, found)) {
        return;
    }
    const yaml_node_t *min = found[TIMING_REVIEW_MIN];
    if (min && found[TIMING_REVIEW_MAX] &&
        p->out->timing.review_min_seconds > p->out->timing.review_max_seconds) {
        error_at(p, min->start_mark,
                 "'review_min_seconds' (%g) must not be more than 'review_max_seconds' (%g)",
                 (double)p->out->timing.review_min_seconds,
                 (double)p->out->timing.review_max_seconds);
    }
}

static void read_labels(parse_t *p, const yaml_node_t *node)
{
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &LABELS_SPEC, p->out, found) || !found[LABELS_HELP]) {
        return;
    }
    yaml_node_t *items[CONTENT_MAX_HELP];
    int n = read_list(p, found[LABELS_HELP], &HELP_LIST, items);
    for (int i = 0; i < n; i++) {
        yaml_node_t *entry_found[MAX_FIELDS];
        read_mapping(p, items[i], &HELP_SPEC, &p->out->labels.help[i], entry_found);
    }
    p->out->labels.help_count = n;
}

static bool is_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static void read_exercise_id(parse_t *p, const yaml_node_t *node, int index)
{
    content_t *c = p->out;
    const char *id = NULL;
    if (!get_text(p, node, "'id'", true, false, &id)) {
        return;
    }
    c->exercises[index].id = id;
    p->exercise_id_line[index] = (int)node->start_mark.line + 1;
    char q[QUOTE_MAX + 8];
    for (const char *s = id; *s; s++) {
        if (!is_id_char(*s)) {
            error_at(p, node->start_mark,
                     "exercise id %s may only use lowercase letters a-z, digits and '-'",
                     quote(id, strlen(id), q, sizeof q));
            return;
        }
    }
    for (int i = 0; i < COUNT_OF(BUILTIN_SCENES); i++) {
        if (strcmp(id, BUILTIN_SCENES[i]) == 0) {
            error_at(p, node->start_mark,
                     "exercise id '%s' is the name of a built-in scene; choose another", id);
            return;
        }
    }
    for (int i = 0; i < index; i++) {
        if (c->exercises[i].id && strcmp(c->exercises[i].id, id) == 0) {
            error_at(p, node->start_mark, "duplicate exercise id %s (first at line %d)",
                     quote(id, strlen(id), q, sizeof q), p->exercise_id_line[i]);
            return;
        }
    }
}

static void read_exercise(parse_t *p, const yaml_node_t *node, int index)
{
    content_exercise_t *ex = &p->out->exercises[index];
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &EXERCISE_SPEC, ex, found)) {
        return;
    }
    if (found[EXERCISE_ID]) {
        read_exercise_id(p, found[EXERCISE_ID], index);
    }
    if (found[EXERCISE_STEPS]) {
        yaml_node_t *items[CONTENT_MAX_STEPS];
        int n = read_list(p, found[EXERCISE_STEPS], &STEPS_LIST, items);
        for (int i = 0; i < n; i++) {
            ex->steps[i] = "";
            get_text(p, items[i], "a step", false, false, &ex->steps[i]);
        }
        ex->step_count = n;
    }
}

static void read_exercises(parse_t *p, const yaml_node_t *node)
{
    yaml_node_t *items[CONTENT_MAX_EXERCISES];
    int n = read_list(p, node, &EXERCISES_LIST, items);
    for (int i = 0; i < n; i++) {
        read_exercise(p, items[i], i);
    }
    p->out->exercise_count = n;
}

static int word_count(const char *text)
{
    int words = 0;
    bool in_word = false;
    for (const char *s = text; *s; s++) {
        bool space = strchr(" \t\n\r\f\v", *s) != NULL;
        if (!space && !in_word) {
            words++;
        }
        in_word = !space;
    }
    return words;
}

static void read_reviews(parse_t *p, const yaml_node_t *node)
{
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &REVIEWS_SPEC, p->out, found) || !found[REVIEWS_ITEMS]) {
        return;
    }
    yaml_node_t *items[CONTENT_MAX_REVIEWS];
    int n = read_list(p, found[REVIEWS_ITEMS], &REVIEWS_LIST, items);
    for (int i = 0; i < n; i++) {
        content_review_t *review = &p->out->reviews.items[i];
        yaml_node_t *review_found[MAX_FIELDS];
        read_mapping(p, items[i], &REVIEW_SPEC, review, review_found);
        review->word_count = review->text ? word_count(review->text) : 0;
    }
    p->out->reviews.count = n;
}

/* After the exercises: the playlist may name exercises that come later in the file. */
static void read_playlist(parse_t *p, const yaml_node_t *node)
{
    content_t *c = p->out;
    yaml_node_t *items[CONTENT_MAX_PLAYLIST];
    int n = read_list(p, node, &PLAYLIST_LIST, items);
    for (int i = 0; i < n; i++) {
        const yaml_node_t *item = items[i];
        char q[QUOTE_MAX + 8];
        c->playlist[i] = (content_scene_ref_t){SCENE_NONE, -1};
        if (item->type != YAML_SCALAR_NODE) {
            error_at(p, item->start_mark, "each playlist entry must be a scene id, not %s",
                     node_describe(item, q, sizeof q));
            continue;
        }
        const char *id = (const char *)item->data.scalar.value;
        if (content_find_scene(c, id, &c->playlist[i])) {
            continue;
        }
        char message[CONTENT_ERROR_MESSAGE_MAX];
        snprintf(message, sizeof message, "unknown scene %s in playlist; known scenes: ",
                 quote(id, item->data.scalar.length, q, sizeof q));
        list_builder_t b = {message, sizeof message, 0, false};
        for (int k = 0; k < COUNT_OF(BUILTIN_SCENES); k++) {
            list_builder_add(&b, BUILTIN_SCENES[k]);
        }
        for (int k = 0; k < c->exercise_count; k++) {
            if (c->exercises[k].id) {
                list_builder_add(&b, c->exercises[k].id);
            }
        }
        error_at(p, item->start_mark, "%s", message);
    }
    c->playlist_count = n;
}

static void read_document(parse_t *p, const yaml_node_t *root)
{
    yaml_node_t *found[MAX_FIELDS];
    if (!check_keys(p, root, &TOP_SPEC, found)) {
        return;
    }
    /* clinic first: the other texts expand its placeholders */
    if (found[TOP_CLINIC]) {
        read_section(p, found[TOP_CLINIC], &CLINIC_SPEC);
    }
    read_fields(p, &TOP_SPEC, found, p->out);
    if (found[TOP_VERSION]) {
        read_version(p, found[TOP_VERSION]);
    }
    if (found[TOP_THEME]) {
        read_section(p, found[TOP_THEME], &THEME_SPEC);
    }
    if (found[TOP_TIMING]) {
        read_timing(p, found[TOP_TIMING]);
    }
    if (found[TOP_LABELS]) {
        read_labels(p, found[TOP_LABELS]);
    }
    if (found[TOP_INTRO]) {
        read_section(p, found[TOP_INTRO], &INTRO_SPEC);
    }
    if (found[TOP_EXERCISES]) {
        read_exercises(p, found[TOP_EXERCISES]);
    }
    if (found[TOP_REVIEWS]) {
        read_reviews(p, found[TOP_REVIEWS]);
    }
    if (found[TOP_CONTACT]) {
        read_section(p, found[TOP_CONTACT], &CONTACT_SPEC);
    }
    if (found[TOP_PLAYLIST]) {
        read_playlist(p, found[TOP_PLAYLIST]);
    }
}

/* ---- Public ------------------------------------------------------------------------ */

bool content_parse(content_t *out, const char *text, size_t len, content_errors_t *errors)
{
    memset(out, 0, sizeof *out);
    memset(errors, 0, sizeof *errors);
    if (!text) {
        text = "";
        len = 0;
    }
    parse_t p = {.out = out, .errors = errors};

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        error_at(&p, (yaml_mark_t){0, 0, 0}, "out of memory while starting the YAML parser");
        return false;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);

    /* On failure yaml_parser_load frees the document itself. */
    yaml_document_t doc;
    if (!yaml_parser_load(&parser, &doc)) {
        report_yaml_error(&p, &parser, text, len);
        yaml_parser_delete(&parser);
        return false;
    }
    /* A second document would be silently ignored: load it to report it (or its syntax). */
    yaml_document_t extra;
    if (!yaml_parser_load(&parser, &extra)) {
        report_yaml_error(&p, &parser, text, len);
        yaml_document_delete(&doc);
        yaml_parser_delete(&parser);
        return false;
    }
    const yaml_node_t *extra_root = yaml_document_get_root_node(&extra);
    if (extra_root) {
        error_at(&p, extra_root->start_mark,
                 "only one YAML document is allowed; remove this one or its '---'");
    }
    yaml_document_delete(&extra);

    p.doc = &doc;
    const yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root) {
        error_at(&p, (yaml_mark_t){0, 0, 0},
                 "the content file is empty; it must hold a mapping with version, clinic, "
                 "theme, timing, playlist, labels, intro, exercises, reviews and contact");
    } else {
        read_document(&p, root);
    }

    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return errors->total == 0;
}

void content_error_format(const content_error_t *error, const char *filename, char *buf,
                          size_t buf_size)
{
    if (!buf || buf_size == 0) {
        return;
    }
    snprintf(buf, buf_size, "%s:%d:%d: %s", filename ? filename : "<content>", error->line,
             error->column, error->message);
}

bool content_find_scene(const content_t *content, const char *id, content_scene_ref_t *out)
{
    if (!content || !id) {
        return false;
    }
    content_scene_ref_t ref = {SCENE_NONE, -1};
    for (int i = 0; i < COUNT_OF(BUILTIN_SCENES); i++) {
        if (strcmp(id, BUILTIN_SCENES[i]) == 0) {
            ref.kind = BUILTIN_KINDS[i];
        }
    }
    for (int i = 0; ref.kind == SCENE_NONE && i < content->exercise_count; i++) {
        if (content->exercises[i].id && strcmp(content->exercises[i].id, id) == 0) {
            ref = (content_scene_ref_t){SCENE_EXERCISE, i};
        }
    }
    if (ref.kind == SCENE_NONE) {
        return false;
    }
    if (out) {
        *out = ref;
    }
    return true;
}

const char *content_scene_id(const content_t *content, content_scene_ref_t scene)
{
    switch (scene.kind) {
    case SCENE_INTRO:
        return "intro";
    case SCENE_REVIEWS:
        return "reviews";
    case SCENE_CONTACT:
        return "contact";
    case SCENE_EXERCISE:
        if (content && scene.exercise >= 0 && scene.exercise < content->exercise_count &&
            content->exercises[scene.exercise].id) {
            return content->exercises[scene.exercise].id;
        }
        return "";
    default:
        return "";
    }
}
