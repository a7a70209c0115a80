/* content: parses and validates the show's YAML content file into a caller-owned content_t.
 * Pure core: libyaml, libc and skeleton's joint names; no SDL, no GL, no files, no printing,
 * no global state. */

/* How it works. Before libyaml builds anything, the text is bounded: at most
 * CONTENT_MAX_BYTES, UTF-8 (the first bad byte named, line and column), and no list or
 * mapping nested deeper than CONTENT_MAX_DEPTH, found by reading libyaml's events once and
 * stopping at the first too deep (libyaml's time grows with the square of the depth). A
 * syntax error is then named as a hand edit's slip, at the slip (see "YAML slips" below).
 *
 * libyaml loads the whole buffer into a node tree (yaml_document_t), which
 * gives every node a start mark. The walker then reads each mapping against a table of
 * field_t: one table per kind of mapping (the file, clinic, theme, timing, labels, a help
 * entry, intro, an exercise and its camera, cues, poses and phases, reviews, a review,
 * contact, kiosk, sound). A table row names a key, what it holds (text, number or whole
 * number in a range, colour, true/false, one of a few names, a 3-vector, or a node the caller
 * reads), and where it goes. Adding a key is one row. Lists are read through list_spec_t,
 * which checks the type, the emptiness and the capacity; mappings whose keys are names chosen
 * by the author (poses, joints, reach) through map_spec_t, which also rejects a name given
 * twice.
 *
 * An exercise's choreography is read after its steps (a phase names a step by number) and
 * its poses (a phase names a pose); repeats are resolved once all its phases are read, since
 * `from` may only name this phase or an earlier one and the message for a later one says so.
 * Where a section is broken already (no steps, no readable poses), the references to it are
 * not checked, so one mistake gives one error.
 *
 * Errors are collected, not fatal: each one gets the 1-based line and column of the node at
 * fault and is inserted in file order, so the first CONTENT_MAX_ERRORS are kept whatever
 * order the walker found them in. Only a YAML syntax error stops the walk.
 *
 * Label templates. Some labels are filled at run time ("Repetition {n} of {target}"): their
 * table row names the run-time placeholders (slots) the text must use, and those it may use
 * besides (an exercise's dose: "{target} deep breaths each side" or "Hold for as long as you
 * can"). text_copy keeps those as written, expands {clinic.*} as in every text, and reports
 * any other placeholder and any slot the text must use and leaves out, so content_format,
 * which fills them, cannot meet a surprise.
 *
 * Order of reading: the clinic section first (the {clinic.*} placeholders of every other
 * text expand from it, wherever it is in the file), then the other sections, then the
 * playlist last (it names exercises that may come after it in the file).
 *
 * The kiosk and sound sections are optional, and each of their keys is optional: their
 * defaults are set before the walk, so a file without them, or with some of their keys, still
 * gives a full content_t.kiosk and content_t.sound. The kiosk's quit chord, opening hours and
 * days are small languages of their own ("Ctrl+Alt+Q", "07:30-18:30", [mon, tue]) read by
 * hand after the table. */

#include "content.h"
#include "skeleton.h"
#include "words.h"

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

#define MAX_FIELDS 40           /* most keys one mapping table may have */
#define MAX_SECONDS 3600.0      /* upper bound of every timing value (s); keeps ms in 32 bits */
#define QUOTE_MAX 40            /* bytes of a value quoted in a message, before "…" */
#define NUMBER_MAX_LENGTH 32    /* longest number text accepted (bytes) */
#define ELLIPSIS "\xE2\x80\xA6" /* U+2026 */
#define MAX_MOVE_SECONDS 600.0  /* longest move or hold of one phase (s) */
#define MAX_COUNT 100           /* most breaths of a hold, plays of a repeat, repetitions */
#define MAX_RESUME_SECONDS 30.0 /* longest re-count after a pause (s) */
#define MAX_ANGLE 360.0         /* degrees, either way, of a joint or the whole body */
#define MAX_WORLD 3.0           /* m from the origin, sideways and forward, of a point */
#define MAX_HEIGHT 2.0          /* m above the floor of the pelvis */
#define MAX_OFFSET 1.0          /* m from a followed joint */
#define MAX_DRIFT_PIXELS 20.0   /* kiosk burn-in drift, px at 1080p */
#define MIN_RELOAD_SECONDS 0.5  /* kiosk content-file checks: not busier than this (s) ... */
#define MAX_RELOAD_SECONDS 60.0 /* ... and not slower (s) */
#define MINUTES_PER_DAY (24 * 60)
#define DAYS_PER_WEEK 7
#define MAX_FKEY 12         /* F1..F12 */
#define DEFAULT_VOLUME 0.5f /* sound cues: of the tones as made */
#define DEFAULT_QUIT_KEYS "Ctrl+Alt+Q"
#define HANDOUT_URL_MAX 200 /* bytes of clinic.handout_url: its QR code stays coarse enough */

/* ---- Tables ------------------------------------------------------------------------ */

typedef enum field_kind_t {
    FIELD_NODE = 0, /* any node: the caller reads it from found[] */
    FIELD_TEXT,     /* text, {clinic.*} placeholders expanded, slots kept (a template) */
    FIELD_TEXT_RAW, /* text taken as written (the clinic section, ids) */
    FIELD_NUMBER,   /* finite number in [min, max] (or (min, max] when min_exclusive) */
    FIELD_COLOR,    /* "#RRGGBB" */
    FIELD_INT,      /* whole number in [min, max], stored as int */
    FIELD_BOOL,     /* true or false */
    FIELD_ENUM,     /* one of names[], stored as the int value of the enum */
    FIELD_VEC3,     /* [x, y, z], each in its range, stored as float[3] */
} field_kind_t;

typedef struct enum_name_t {
    const char *name;
    int value;
} enum_name_t;

/* Run-time placeholders of a label template, as bits of field_t.slots. */
typedef enum slot_t {
    SLOT_SIDE = 1u << 0,
    SLOT_N = 1u << 1,
    SLOT_MIN = 1u << 2,
    SLOT_TARGET = 1u << 3,
} slot_t;

/* In the order messages list them ("{min} and {target}"), with the argument that fills each. */
static const struct {
    const char *name; /* as written between the braces */
    unsigned slot;
    size_t arg; /* of the const char * in content_format_args_t */
} SLOTS[] = {
    {"side", SLOT_SIDE, offsetof(content_format_args_t, side)},
    {"n", SLOT_N, offsetof(content_format_args_t, n)},
    {"min", SLOT_MIN, offsetof(content_format_args_t, min)},
    {"target", SLOT_TARGET, offsetof(content_format_args_t, target)},
};

typedef struct range3_t {
    double min[3], max[3]; /* per axis x, y, z; inclusive */
} range3_t;

typedef struct field_t {
    const char *name;
    field_kind_t kind;
    size_t offset;            /* where the value is stored, from the base given to read_fields */
    bool optional;            /* may be left out; required when false */
    bool may_be_empty;        /* FIELD_TEXT*: "" is allowed */
    unsigned slots;           /* FIELD_TEXT: slot_t bits the template must use, and may */
    unsigned may_slots;       /* FIELD_TEXT: slot_t bits it may use besides, or leave out */
    double min, max;          /* FIELD_NUMBER, FIELD_INT: allowed range */
    bool min_exclusive;       /* FIELD_NUMBER: min itself is not allowed */
    const enum_name_t *names; /* FIELD_ENUM: the names, in the order messages list them */
    int name_count;
    const range3_t *range; /* FIELD_VEC3 */
    bool hidden;           /* FIELD_TEXT*: never displayed (a file name, a language code) */
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

/* A mapping whose keys are names the author chooses (poses) or picks from a set (joints). */
typedef struct map_spec_t {
    const char *label;    /* "'poses'": subject of type and emptiness errors */
    const char *expected; /* "a mapping of pose names to poses" */
    const char *item;     /* "pose": "duplicate pose 'x' in 'poses'" */
    const char *items;    /* "poses": "too many poses (at most 16)" */
    int max;
    bool may_be_empty;
} map_spec_t;

#define TEXT(key, type, member) \
    { .name = key, .kind = FIELD_TEXT, .offset = offsetof(type, member) }
#define TEMPLATE(key, member, slot_bits)                                               \
    {                                                                                  \
        .name = key, .kind = FIELD_TEXT, .offset = offsetof(content_t, labels.member), \
        .slots = slot_bits                                                             \
    }
#define LABEL(key, member) TEMPLATE(key, member, 0u)
#define OPT_LABEL(key, member)                                                         \
    {                                                                                  \
        .name = key, .kind = FIELD_TEXT, .offset = offsetof(content_t, labels.member), \
        .optional = true                                                               \
    }
#define RAW(key, type, member) \
    { .name = key, .kind = FIELD_TEXT_RAW, .offset = offsetof(type, member) }
#define COLOR(key, member) \
    { .name = key, .kind = FIELD_COLOR, .offset = offsetof(content_t, theme.member) }
#define NUM(key, type, member, lo, lo_exclusive, hi, opt)                               \
    {                                                                                   \
        .name = key, .kind = FIELD_NUMBER, .offset = offsetof(type, member), .min = lo, \
        .min_exclusive = lo_exclusive, .max = hi, .optional = opt                       \
    }
#define NUMBER(key, member, lo, lo_exclusive, hi) \
    NUM(key, content_t, timing.member, lo, lo_exclusive, hi, false)
#define SECONDS(key, member) NUMBER(key, member, 0.0, true, MAX_SECONDS)
#define INT(key, type, member, lo, hi, opt)                                                     \
    {                                                                                           \
        .name = key, .kind = FIELD_INT, .offset = offsetof(type, member), .min = lo, .max = hi, \
        .optional = opt                                                                         \
    }
#define FLAG(key, type, member) \
    { .name = key, .kind = FIELD_BOOL, .offset = offsetof(type, member), .optional = true }
#define ENUM(key, type, member, table)                                                     \
    {                                                                                      \
        .name = key, .kind = FIELD_ENUM, .offset = offsetof(type, member), .names = table, \
        .name_count = COUNT_OF(table), .optional = true                                    \
    }
#define VEC3(key, type, member, range3, opt)                                                \
    {                                                                                       \
        .name = key, .kind = FIELD_VEC3, .offset = offsetof(type, member), .range = range3, \
        .optional = opt                                                                     \
    }
#define NODE(key) \
    { .name = key, .kind = FIELD_NODE }
#define OPT_NODE(key) \
    { .name = key, .kind = FIELD_NODE, .optional = true }

enum {
    TOP_VERSION,
    TOP_LANGUAGE,
    TOP_CLINIC,
    TOP_THEME,
    TOP_TIMING,
    TOP_PLAYLIST,
    TOP_KIOSK,
    TOP_LABELS,
    TOP_INTRO,
    TOP_EXERCISES,
    TOP_REVIEWS,
    TOP_CONTACT,
    TOP_SOUND,
    TOP_LANGUAGES,
    TOP_LANGUAGE_NAME,
};
static const field_t TOP_FIELDS[] = {
    [TOP_VERSION] = NODE("version"),
    [TOP_LANGUAGE] = {.name = "language",
                      .kind = FIELD_TEXT,
                      .hidden = true,
                      .offset = offsetof(content_t, language)},
    [TOP_CLINIC] = NODE("clinic"),
    [TOP_THEME] = NODE("theme"),
    [TOP_TIMING] = NODE("timing"),
    [TOP_PLAYLIST] = NODE("playlist"),
    [TOP_KIOSK] = OPT_NODE("kiosk"), /* optional, as is sound */
    [TOP_LABELS] = NODE("labels"),
    [TOP_INTRO] = NODE("intro"),
    [TOP_EXERCISES] = NODE("exercises"),
    [TOP_REVIEWS] = NODE("reviews"),
    [TOP_CONTACT] = NODE("contact"),
    [TOP_SOUND] = OPT_NODE("sound"),
    [TOP_LANGUAGES] = OPT_NODE("languages"),        /* a show's: the files of its words */
    [TOP_LANGUAGE_NAME] = {.name = "language_name", /* a words file's `name`, laid over */
                           .kind = FIELD_TEXT,
                           .optional = true,
                           .offset = offsetof(content_t, language_name)},
};

/* The clinic's own texts are what placeholders expand to, so they are taken as written;
 * qr_text, read after them by read_clinic, is filled in like every other text. */
enum {
    CLINIC_NAME,
    CLINIC_PHONE,
    CLINIC_CARE_PHONE,
    CLINIC_ADDRESS,
    CLINIC_QR_TEXT,
    CLINIC_HANDOUT_URL
};
static const field_t CLINIC_FIELDS[] = {
    [CLINIC_NAME] = RAW("name", content_t, clinic.name),
    [CLINIC_PHONE] = RAW("phone", content_t, clinic.phone),
    [CLINIC_CARE_PHONE] = RAW("care_phone", content_t, clinic.care_phone),
    [CLINIC_ADDRESS] = RAW("address", content_t, clinic.address),
    [CLINIC_QR_TEXT] = OPT_NODE("qr_text"), /* default: a tel: link to the phone */
    /* the take-home handout's address, the second QR code's: read_clinic checks it */
    [CLINIC_HANDOUT_URL] = {.name = "handout_url",
                            .kind = FIELD_TEXT_RAW,
                            .offset = offsetof(content_t, clinic.handout_url),
                            .optional = true,
                            .hidden = true},
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
    {.name = "font_regular",
     .kind = FIELD_TEXT,
     .hidden = true,
     .offset = offsetof(content_t, theme.font_regular)},
    {.name = "font_bold",
     .kind = FIELD_TEXT,
     .hidden = true,
     .offset = offsetof(content_t, theme.font_bold)},
    {.name = "mark",
     .kind = FIELD_TEXT_RAW,
     .offset = offsetof(content_t, theme.mark),
     .optional = true,
     .hidden = true},
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
    NUMBER("demo_hold_seconds", demo_hold_seconds, 0.0, true, MAX_MOVE_SECONDS),
    INT("demo_breaths", content_t, timing.demo_breaths, 1, MAX_COUNT, false),
    NUMBER("resume_seconds", resume_seconds, 0.0, true, MAX_RESUME_SECONDS),
};

enum { LABELS_HELP = 38 };
static const field_t LABELS_FIELDS[] = {
    LABEL("step", step),
    LABEL("paused", paused),
    LABEL("next", next),
    {.name = "review_name_prefix",
     .kind = FIELD_TEXT,
     .offset = offsetof(content_t, labels.review_name_prefix),
     .may_be_empty = true},
    LABEL("footer", footer),
    LABEL("help_title", help_title),
    LABEL("help_hint", help_hint),
    LABEL("get_ready", get_ready),
    LABEL("switch_sides", switch_sides),
    LABEL("breathe_in", breathe_in),
    LABEL("breathe_out", breathe_out),
    LABEL("right", right),
    LABEL("left", left),
    TEMPLATE("side", side, SLOT_SIDE),
    TEMPLATE("hold_breaths", hold_breaths, SLOT_TARGET),
    TEMPLATE("hold_seconds", hold_seconds, SLOT_TARGET),
    TEMPLATE("hold_range", hold_range, SLOT_MIN | SLOT_TARGET),
    LABEL("hold_comfortable", hold_comfortable),
    LABEL("breaths_left", breaths_left),
    LABEL("seconds_left", seconds_left),
    LABEL("seconds_held", seconds_held),
    OPT_LABEL("breath_left", breath_left),
    OPT_LABEL("second_left", second_left),
    OPT_LABEL("second_held", second_held),
    OPT_LABEL("repetition_word", repetition_word),
    TEMPLATE("repetition", repetition, SLOT_N | SLOT_TARGET),
    TEMPLATE("resuming", resuming, SLOT_N),
    {.name = "sound_on",
     .kind = FIELD_TEXT,
     .offset = offsetof(content_t, labels.sound_on),
     .optional = true},
    {.name = "sound_off",
     .kind = FIELD_TEXT,
     .offset = offsetof(content_t, labels.sound_off),
     .optional = true},
    {.name = "sound_none",
     .kind = FIELD_TEXT,
     .offset = offsetof(content_t, labels.sound_none),
     .optional = true},
    {.name = "quit_hold",
     .kind = FIELD_TEXT,
     .offset = offsetof(content_t, labels.quit_hold),
     .optional = true},
    {.name = "hold_breaths_shown",
     .kind = FIELD_TEXT,
     .optional = true,
     .offset = offsetof(content_t, labels.hold_breaths_shown),
     .slots = SLOT_N | SLOT_TARGET},
    {.name = "hold_seconds_shown",
     .kind = FIELD_TEXT,
     .optional = true,
     .offset = offsetof(content_t, labels.hold_seconds_shown),
     .slots = SLOT_N | SLOT_TARGET},
    {.name = "hold_range_shown",
     .kind = FIELD_TEXT,
     .optional = true,
     .offset = offsetof(content_t, labels.hold_range_shown),
     .slots = SLOT_N | SLOT_MIN | SLOT_TARGET},
    OPT_LABEL("handout_title", handout_title), /* the take-home handout's (--handout) */
    OPT_LABEL("handout_start", handout_start),
    OPT_LABEL("handout_hold", handout_hold),
    OPT_LABEL("handout_caption", handout_caption), /* under the contact scene's second QR */
    [LABELS_HELP] = NODE("help"),
};
_Static_assert(COUNT_OF(LABELS_FIELDS) == LABELS_HELP + 1, "'help' is the last label");

static const field_t HELP_FIELDS[] = {
    TEXT("keys", content_help_t, keys),
    TEXT("action", content_help_t, action),
    FLAG("in_kiosk", content_help_t, in_kiosk),
    FLAG("exercises", content_help_t, exercises),
    OPT_NODE("id"), /* a show's: its words are the language file's labels.help.ID */
};

static const field_t INTRO_FIELDS[] = {
    TEXT("title", content_t, intro.title),
    TEXT("body", content_t, intro.body),
    TEXT("call", content_t, intro.call),
};

enum {
    EXERCISE_ID,
    EXERCISE_TITLE,
    EXERCISE_PURPOSE,
    EXERCISE_HOW_TO,
    EXERCISE_STEPS,
    EXERCISE_DOSE,
    EXERCISE_REPETITIONS,
    EXERCISE_CAMERA,
    EXERCISE_CUES,
    EXERCISE_POSES,
    EXERCISE_PHASES,
};
static const field_t EXERCISE_FIELDS[] = {
    [EXERCISE_ID] = NODE("id"),
    [EXERCISE_TITLE] = TEXT("title", content_exercise_t, title),
    [EXERCISE_PURPOSE] = TEXT("purpose", content_exercise_t, purpose),
    [EXERCISE_HOW_TO] = TEXT("how_to", content_exercise_t, how_to),
    [EXERCISE_STEPS] = NODE("steps"),
    /* the handout's line: {min} and {target} are the exercise's count (read_exercise checks
     * it has one when they are used) */
    [EXERCISE_DOSE] = {.name = "dose",
                       .kind = FIELD_TEXT,
                       .offset = offsetof(content_exercise_t, dose),
                       .optional = true,
                       .may_slots = SLOT_MIN | SLOT_TARGET},
    [EXERCISE_REPETITIONS] = OPT_NODE("repetitions"), /* a whole number or [from, to] */
    [EXERCISE_CAMERA] = OPT_NODE("camera"),
    [EXERCISE_CUES] = OPT_NODE("cues"),
    [EXERCISE_POSES] = NODE("poses"),
    [EXERCISE_PHASES] = NODE("phases"),
};

static const field_t CAMERA_FIELDS[] = {
    NUM("yaw", content_camera_t, yaw, -180.0, false, 180.0, true),
    NUM("pitch", content_camera_t, pitch, -10.0, false, 89.0, true),
};

/* Both default to true: read_exercise sets them before reading. */
static const field_t CUES_FIELDS[] = {
    FLAG("ghosts", content_exercise_t, ghosts),
    FLAG("arrow", content_exercise_t, arrow),
    FLAG("working_side", content_exercise_t, working_side),
};

static const range3_t AT_RANGE = {{-MAX_WORLD, 0.0, -MAX_WORLD},
                                  {MAX_WORLD, MAX_HEIGHT, MAX_WORLD}};
static const range3_t ANGLE_RANGE = {{-MAX_ANGLE, -MAX_ANGLE, -MAX_ANGLE},
                                     {MAX_ANGLE, MAX_ANGLE, MAX_ANGLE}};
static const range3_t POINT_RANGE = {{-MAX_WORLD, -MAX_WORLD, -MAX_WORLD},
                                     {MAX_WORLD, MAX_WORLD, MAX_WORLD}};
static const range3_t OFFSET_RANGE = {{-MAX_OFFSET, -MAX_OFFSET, -MAX_OFFSET},
                                      {MAX_OFFSET, MAX_OFFSET, MAX_OFFSET}};

enum { POSE_AT, POSE_TURN, POSE_JOINTS, POSE_REACH };
static const field_t POSE_FIELDS[] = {
    [POSE_AT] = VEC3("at", content_pose_t, root_at, &AT_RANGE, false),
    [POSE_TURN] = VEC3("turn", content_pose_t, root_rot, &ANGLE_RANGE, true),
    [POSE_JOINTS] = OPT_NODE("joints"),
    [POSE_REACH] = OPT_NODE("reach"),
};

/* The mapping form of a reach target: follow a joint. */
enum { FOLLOW_JOINT, FOLLOW_OFFSET, FOLLOW_AT, FOLLOW_BEND };
static const field_t FOLLOW_FIELDS[] = {
    [FOLLOW_JOINT] = OPT_NODE("joint"),
    [FOLLOW_OFFSET] = VEC3("offset", content_reach_t, point, &OFFSET_RANGE, true),
    [FOLLOW_AT] = VEC3("at", content_reach_t, point, &POINT_RANGE, true), /* a point on the mat */
    [FOLLOW_BEND] = VEC3("bend", content_reach_t, bend, &OFFSET_RANGE, true),
};

static const enum_name_t EASE_NAMES[] = {
    {"linear", CONTENT_EASE_LINEAR},
    {"in", CONTENT_EASE_IN},
    {"out", CONTENT_EASE_OUT},
    {"in-out", CONTENT_EASE_IN_OUT},
};
static const enum_name_t SIDE_NAMES[] = {
    {"right", CONTENT_SIDE_RIGHT},
    {"left", CONTENT_SIDE_LEFT},
    {"none", CONTENT_SIDE_NONE},
};
_Static_assert(sizeof(content_ease_t) == sizeof(int), "FIELD_ENUM stores an int");
_Static_assert(sizeof(content_side_t) == sizeof(int), "FIELD_ENUM stores an int");

enum {
    PHASE_NAME,
    PHASE_STEP,
    PHASE_POSE,
    PHASE_SECONDS,
    PHASE_EASE,
    PHASE_HOLD,
    PHASE_SIDE,
    PHASE_ANCHOR,
    PHASE_ARROW,
    PHASE_TIMING,
    PHASE_REPEAT,
};
static const field_t PHASE_FIELDS[] = {
    [PHASE_NAME] = NODE("name"),
    [PHASE_STEP] = NODE("step"), /* its range depends on the exercise: read_phase checks it */
    [PHASE_POSE] = NODE("pose"),
    [PHASE_SECONDS] = NUM("seconds", content_phase_t, seconds, 0.0, false, MAX_MOVE_SECONDS, false),
    [PHASE_EASE] = ENUM("ease", content_phase_t, ease, EASE_NAMES),
    [PHASE_HOLD] = OPT_NODE("hold"),
    [PHASE_SIDE] = ENUM("side", content_phase_t, side, SIDE_NAMES),
    [PHASE_ANCHOR] = OPT_NODE("anchor"),
    [PHASE_ARROW] = OPT_NODE("arrow"),
    [PHASE_TIMING] = OPT_NODE("timing"),
    [PHASE_REPEAT] = OPT_NODE("repeat"),
};

/* A phase's timing: each part of the body [from, to] within the move (skel_part_t order). */
static const field_t TIMING_PARTS_FIELDS[] = {
    OPT_NODE("hips"),  OPT_NODE("spine"), OPT_NODE("head"),  OPT_NODE("arm_l"),
    OPT_NODE("arm_r"), OPT_NODE("leg_l"), OPT_NODE("leg_r"),
};
_Static_assert(COUNT_OF(TIMING_PARTS_FIELDS) == SKEL_PART_NUM, "one field per part");
_Static_assert(sizeof(((content_phase_t *)0)->part_from) == SKEL_PART_NUM * sizeof(float),
               "content_phase_t.part_from has one entry per part");

/* A hold has exactly one of these keys; read_hold checks that and fills content_hold_t. */
typedef struct hold_read_t {
    int breaths;
    float comfortable; /* s */
} hold_read_t;
enum { HOLD_BREATHS, HOLD_SECONDS, HOLD_COMFORTABLE };
static const field_t HOLD_FIELDS[] = {
    [HOLD_BREATHS] = INT("breaths", hold_read_t, breaths, 1, MAX_COUNT, true),
    [HOLD_SECONDS] = OPT_NODE("seconds"), /* a number or a range [from, to] */
    [HOLD_COMFORTABLE] =
        NUM("comfortable", hold_read_t, comfortable, 0.0, true, MAX_MOVE_SECONDS, true),
};

enum { REPEAT_FROM, REPEAT_TIMES };
static const field_t REPEAT_FIELDS[] = {
    [REPEAT_FROM] = NODE("from"), /* resolved once all phases are read */
    [REPEAT_TIMES] = INT("times", content_phase_t, repeat_times, 1, MAX_COUNT, false),
};

/* Limbs whose end a pose may place (two-bone IK), with the middle joint the solve moves. */
static const struct {
    int end, middle;
} REACH_LIMBS[] = {
    {SKEL_HAND_L, SKEL_ELBOW_L},
    {SKEL_HAND_R, SKEL_ELBOW_R},
    {SKEL_ANKLE_L, SKEL_KNEE_L},
    {SKEL_ANKLE_R, SKEL_KNEE_R},
};
_Static_assert(COUNT_OF(REACH_LIMBS) == CONTENT_MAX_REACH, "one reach per limb");

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
    TEXT("title", content_t, contact.title),           TEXT("body", content_t, contact.body),
    TEXT("severe", content_t, contact.severe),         TEXT("call", content_t, contact.call),
    TEXT("qr_caption", content_t, contact.qr_caption),
};

/* Every key may be left out: content_parse sets the defaults before the walk. */
enum {
    KIOSK_QUIT_KEYS,
    KIOSK_HINT,
    KIOSK_OPENING_HOURS,
    KIOSK_OPEN_DAYS,
    KIOSK_DRIFT_PIXELS,
    KIOSK_RELOAD_SECONDS,
    KIOSK_CEC,
    KIOSK_LANGUAGES,
};
static const field_t KIOSK_FIELDS[] = {
    [KIOSK_QUIT_KEYS] = OPT_NODE("quit_keys"), /* "Ctrl+Alt+Q" */
    [KIOSK_HINT] = {.name = "hint",
                    .kind = FIELD_TEXT,
                    .offset = offsetof(content_t, kiosk.hint),
                    .optional = true},
    [KIOSK_OPENING_HOURS] = OPT_NODE("opening_hours"), /* "always" or "HH:MM-HH:MM" */
    [KIOSK_OPEN_DAYS] = OPT_NODE("open_days"),         /* [mon, tue, ...] */
    [KIOSK_DRIFT_PIXELS] =
        NUM("drift_pixels", content_t, kiosk.drift_pixels, 0.0, false, MAX_DRIFT_PIXELS, true),
    [KIOSK_RELOAD_SECONDS] = NUM("reload_seconds", content_t, kiosk.reload_seconds,
                                 MIN_RELOAD_SECONDS, false, MAX_RELOAD_SECONDS, true),
    [KIOSK_CEC] = FLAG("cec", content_t, kiosk.cec), /* TV standby over HDMI-CEC when closed */
    [KIOSK_LANGUAGES] = OPT_NODE("languages"),       /* [en, es]: a loop each, in turn */
};

/* Every key may be left out: content_parse sets the defaults (silent) before the walk. */
enum { SOUND_INTERACTIVE, SOUND_KIOSK };
static const field_t SOUND_FIELDS[] = {
    [SOUND_INTERACTIVE] = OPT_NODE("interactive"), /* the show on a patient's own computer */
    [SOUND_KIOSK] = OPT_NODE("kiosk"),             /* --kiosk */
};

static const field_t SOUND_MODE_FIELDS[] = {
    FLAG("on", content_sound_t, on),
    NUM("volume", content_sound_t, volume, 0.0, false, 1.0, true),
};

#define SPEC(what, label, fields) \
    { what, label, fields, COUNT_OF(fields) }
static const mapping_spec_t TOP_SPEC = SPEC("the file", "the top level", TOP_FIELDS);
static const mapping_spec_t CLINIC_SPEC = SPEC("clinic", "'clinic'", CLINIC_FIELDS);
static const mapping_spec_t THEME_SPEC = SPEC("theme", "'theme'", THEME_FIELDS);
static const mapping_spec_t TIMING_SPEC = SPEC("timing", "'timing'", TIMING_FIELDS);
static const mapping_spec_t LABELS_SPEC = SPEC("labels", "'labels'", LABELS_FIELDS);
static const mapping_spec_t HELP_SPEC = SPEC("help entry", "each help entry", HELP_FIELDS);
static const mapping_spec_t INTRO_SPEC = SPEC("intro", "'intro'", INTRO_FIELDS);
static const mapping_spec_t EXERCISE_SPEC = SPEC("exercise", "each exercise", EXERCISE_FIELDS);
static const mapping_spec_t CAMERA_SPEC = SPEC("camera", "'camera'", CAMERA_FIELDS);
static const mapping_spec_t CUES_SPEC = SPEC("cues", "'cues'", CUES_FIELDS);
static const mapping_spec_t POSE_SPEC = SPEC("pose", "each pose", POSE_FIELDS);
static const mapping_spec_t FOLLOW_SPEC = SPEC("reach target", "a reach target", FOLLOW_FIELDS);
static const mapping_spec_t PHASE_SPEC = SPEC("phase", "each phase", PHASE_FIELDS);
static const mapping_spec_t HOLD_SPEC = SPEC("hold", "'hold'", HOLD_FIELDS);
static const mapping_spec_t REPEAT_SPEC = SPEC("repeat", "'repeat'", REPEAT_FIELDS);
static const mapping_spec_t TIMING_PARTS_SPEC = SPEC("timing", "'timing'", TIMING_PARTS_FIELDS);
static const mapping_spec_t REVIEWS_SPEC = SPEC("reviews", "'reviews'", REVIEWS_FIELDS);
static const mapping_spec_t REVIEW_SPEC = SPEC("review", "each review", REVIEW_FIELDS);
static const mapping_spec_t CONTACT_SPEC = SPEC("contact", "'contact'", CONTACT_FIELDS);
static const mapping_spec_t KIOSK_SPEC = SPEC("kiosk", "'kiosk'", KIOSK_FIELDS);
static const mapping_spec_t SOUND_SPEC = SPEC("sound", "'sound'", SOUND_FIELDS);
static const mapping_spec_t SOUND_INTERACTIVE_SPEC =
    SPEC("sound's interactive", "'interactive'", SOUND_MODE_FIELDS);
static const mapping_spec_t SOUND_KIOSK_SPEC = SPEC("sound's kiosk", "'kiosk'", SOUND_MODE_FIELDS);

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
static const list_spec_t LANGUAGES_LIST = {"'languages'", "a list of language codes ([en, es])",
                                           "languages", CONTENT_MAX_LANGUAGES, false};
static const list_spec_t PHASES_LIST = {"'phases'", "a list of phases", "phases",
                                        CONTENT_MAX_PHASES, false};

static const map_spec_t POSES_MAP = {
    "'poses'", "a mapping of pose names to poses", "pose", "poses", CONTENT_MAX_POSES, false};
static const map_spec_t JOINTS_MAP = {"'joints'",
                                      "a mapping of joint names to angles [x, y, z]",
                                      "joint",
                                      "joints",
                                      CONTENT_MAX_ROTATED,
                                      true};
static const map_spec_t REACH_MAP = {"'reach'",         "a mapping of hands and ankles to targets",
                                     "reach target",    "reach targets",
                                     CONTENT_MAX_REACH, true};

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
_Static_assert(COUNT_OF(EXERCISE_FIELDS) <= MAX_FIELDS, "raise MAX_FIELDS");
_Static_assert(COUNT_OF(PHASE_FIELDS) <= MAX_FIELDS, "raise MAX_FIELDS");

static const char *const BUILTIN_SCENES[] = {"intro", "reviews", "review", "contact"};
static const scene_kind_t BUILTIN_KINDS[] = {SCENE_INTRO, SCENE_REVIEWS, SCENE_REVIEW,
                                             SCENE_CONTACT};

/* ---- Parse state ------------------------------------------------------------------- */

typedef struct parse_t {
    content_t *out;
    content_errors_t *errors;
    yaml_document_t *doc;
    size_t mark_tag; /* WORDS_MARK while the words file's text is checked, before its tree */
    bool arena_full; /* reported once */
    int exercise_id_line[CONTENT_MAX_EXERCISES]; /* 1-based, for duplicate messages */
} parse_t;

/* ---- Errors ------------------------------------------------------------------------ */

/* Inserts in file order (stable for equal positions); keeps the first CONTENT_MAX_ERRORS. */
static void errors_add(content_errors_t *errors, int file, int line, int column,
                       const char *message) {
    errors->total++;
    int pos = errors->count;
    while (pos > 0) {
        const content_error_t *before = &errors->items[pos - 1];
        if (before->file < file ||
            (before->file == file &&
             (before->line < line || (before->line == line && before->column <= column)))) {
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
    e->file = file;
    e->line = line;
    e->column = column;
    snprintf(e->message, sizeof e->message, "%s", message);
    if (errors->count < CONTENT_MAX_ERRORS) {
        errors->count++;
    }
}

CONTENT_PRINTF(3, 4)
static void error_at(parse_t *p, yaml_mark_t mark, const char *fmt, ...) {
    char message[CONTENT_ERROR_MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    int file = ((mark.index | p->mark_tag) & WORDS_MARK) ? CONTENT_FILE_WORDS : CONTENT_FILE_SHOW;
    errors_add(p->errors, file, (int)mark.line + 1, (int)mark.column + 1, message);
}

/* Writes 'value' into buf, cut at a UTF-8 boundary with "…", control characters as spaces. */
static const char *quote(const char *value, size_t len, char *buf, size_t size) {
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
static const char *node_describe(const yaml_node_t *node, char *buf, size_t size) {
    switch (node->type) {
    case YAML_MAPPING_NODE: return "a mapping";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_SCALAR_NODE:
        if (node->data.scalar.length == 0) {
            return "empty";
        }
        return quote((const char *)node->data.scalar.value, node->data.scalar.length, buf, size);
    default: return "nothing";
    }
}

/* Appends names to a message as "a, b, c", ending in "…" when the message is full. */
typedef struct list_builder_t {
    char *buf;
    size_t size;
    int items;
    bool full;
} list_builder_t;

static void list_builder_add(list_builder_t *b, const char *item) {
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
static yaml_mark_t mark_from_offset(const char *text, size_t len, size_t offset) {
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

/* ---- YAML slips in plain words -----------------------------------------------------
 *
 * libyaml's messages are written for YAML's authors ("did not find expected key", "mapping
 * values are not allowed in this context") and its mark is often where it gave up, lines
 * below the slip. report_yaml_error names the usual slips of a hand edit instead, at the
 * place of the slip, looking at the text where libyaml's mark misleads: a tab in the
 * indentation, a quote opened and not closed (the line where it opens), ": " inside a text
 * without quotes, a '[' or '{' not closed (where it opens). Anything else keeps libyaml's
 * words. A file that is not UTF-8 is found before libyaml reads it (check_utf8). */

/* The offset of line `line` (0-based) in text, or len. */
static size_t line_start(const char *text, size_t len, size_t line) {
    size_t i = 0;
    for (size_t n = 0; n < line && i < len; i++) {
        if (text[i] == '\n') {
            n++;
        }
    }
    return i;
}

/* The byte offset of a libyaml mark, from its line and column (characters): libyaml's own
 * index counts characters in some versions and bytes in others. */
static size_t mark_offset(const char *text, size_t len, yaml_mark_t mark) {
    size_t i = line_start(text, len, mark.line);
    for (size_t column = 0; column < mark.column && i < len && text[i] != '\n'; column++) {
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80) {
            i++;
        }
    }
    return i;
}

static size_t line_end(const char *text, size_t len, size_t start) {
    const char *nl = memchr(text + start, '\n', len - start);
    return nl ? (size_t)(nl - text) : len;
}

/* The first tab among the spaces that indent the line at `start`, or (size_t)-1. */
static size_t indent_tab(const char *text, size_t len, size_t start) {
    for (size_t i = start; i < len && (text[i] == ' ' || text[i] == '\t'); i++) {
        if (text[i] == '\t') {
            return i;
        }
    }
    return (size_t)-1;
}

/* The offset of a quote that opens a text on the line [start, end) and is not closed on it,
 * or (size_t)-1. A quote opens a text where a value starts: after the indentation, "- ",
 * ": ", "? ", '[', '{' or ','; an apostrophe inside plain words ("don't") does not. */
static size_t unclosed_quote(const char *text, size_t start, size_t end) {
    bool value_start = true;
    size_t i = start;
    while (i < end) {
        char c = text[i];
        bool blank_after =
            i + 1 >= end || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\r';
        if (c == ' ' || c == '\t') {
            i++;
        } else if (c == '#' && (i == start || text[i - 1] == ' ' || text[i - 1] == '\t')) {
            return (size_t)-1; /* a comment to the end of the line */
        } else if ((c == '"' || c == '\'') && value_start) {
            size_t j = i + 1;
            bool closed = false;
            while (j < end && !closed) {
                if (c == '"' && text[j] == '\\') {
                    j += 2; /* an escape: \" does not close */
                } else if (text[j] == c && c == '\'' && j + 1 < end && text[j + 1] == '\'') {
                    j += 2; /* '' is an apostrophe inside '...' */
                } else {
                    closed = text[j] == c;
                    j++;
                }
            }
            if (!closed) {
                return i;
            }
            i = j;
            value_start = false;
        } else if (c == '[' || c == '{' || c == ',' ||
                   ((c == '-' || c == ':' || c == '?') && blank_after)) {
            value_start = true;
            i++;
        } else {
            value_start = false;
            i++;
        }
    }
    return (size_t)-1;
}

/* The last quote opened and not closed on its line, from the first line to `last_line`
 * (0-based) inclusive, or (size_t)-1. */
static size_t find_unclosed_quote(const char *text, size_t len, size_t last_line) {
    size_t found = (size_t)-1;
    size_t start = 0;
    for (size_t line = 0; line <= last_line && start < len; line++) {
        size_t end = line_end(text, len, start);
        size_t q = unclosed_quote(text, start, end);
        if (q != (size_t)-1) {
            found = q;
        }
        start = end + 1;
    }
    return found;
}

/* Whether ": " comes before `offset` on its line, after a key: then a colon at offset is
 * inside that key's text. */
static bool colon_before(const char *text, size_t start, size_t offset) {
    for (size_t i = start; i + 1 < offset; i++) {
        if (text[i] == '#' && (i == start || text[i - 1] == ' ')) {
            return false;
        }
        if ((text[i] == ':' || text[i] == '-') && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
            return true;
        }
    }
    return false;
}

static void report_quote(parse_t *p, const char *text, size_t len, size_t offset) {
    char quote_char = offset < len ? text[offset] : '"';
    error_at(p, mark_from_offset(text, len, offset),
             "the quote %s opened here is not closed; end the text with %s on the same line",
             quote_char == '"' ? "(\")" : "(')", quote_char == '"' ? "\"" : "'");
}

static void report_yaml_error(parse_t *p, const yaml_parser_t *parser, const char *text,
                              size_t len) {
    const char *problem = parser->problem ? parser->problem : "unknown problem";
    const char *context = parser->context ? parser->context : "";
    yaml_mark_t mark = parser->problem_mark;
    size_t start = line_start(text, len, mark.line);
    size_t end = line_end(text, len, start);
    size_t tab = indent_tab(text, len, start);
    size_t quote_at = (size_t)-1;
    if (parser->error == YAML_MEMORY_ERROR) {
        error_at(p, (yaml_mark_t){0, 0, 0}, "out of memory while reading the YAML");
    } else if (parser->error == YAML_READER_ERROR) {
        /* UTF-8 is checked before; what is left is a control character or the like */
        yaml_mark_t at = mark_from_offset(text, len, parser->problem_offset);
        if (strcmp(problem, "control characters are not allowed") == 0) {
            error_at(p, at, "a control character (U+%04X) is in the file here; delete it",
                     (unsigned)parser->problem_value);
        } else {
            error_at(p, at, "YAML error: %s", problem);
        }
    } else if (strcmp(context, "while scanning a quoted scalar") == 0) {
        report_quote(p, text, len, mark_offset(text, len, parser->context_mark));
    } else if (tab != (size_t)-1 && tab < end) {
        error_at(p, mark_from_offset(text, len, tab),
                 "a tab is used for indenting here; use spaces");
    } else if ((quote_at = find_unclosed_quote(text, len, mark.line)) != (size_t)-1) {
        report_quote(p, text, len, quote_at);
    } else if (strcmp(problem, "mapping values are not allowed in this context") == 0) {
        if (colon_before(text, start, mark_offset(text, len, mark))) {
            error_at(p, mark,
                     "a colon followed by a space inside a text without quotes; put the "
                     "whole text in quotes (\"...\")");
        } else {
            error_at(p, mark,
                     "this line is indented more than the line above allows; line keys up "
                     "under the keys of their section, or put a text that goes on from "
                     "the line above in quotes");
        }
    } else if (strcmp(context, "while parsing a flow sequence") == 0 ||
               strcmp(context, "while parsing a flow mapping") == 0) {
        bool list = strstr(context, "sequence") != NULL;
        if (parser->context_mark.line == mark.line) {
            error_at(p, mark,
                     "a comma or %s is missing here, in the %s that starts at "
                     "column %d",
                     list ? "']'" : "'}'", list ? "list" : "mapping",
                     (int)parser->context_mark.column + 1);
        } else {
            error_at(p, parser->context_mark,
                     "the %s opened here is not closed; end the %s with %s", list ? "'['" : "'{'",
                     list ? "list" : "mapping", list ? "']'" : "'}'");
        }
    } else if (parser->context) {
        error_at(p, mark, "YAML syntax error: %s (%s at line %d, column %d)", problem,
                 parser->context, (int)parser->context_mark.line + 1,
                 (int)parser->context_mark.column + 1);
    } else {
        error_at(p, mark, "YAML syntax error: %s", problem);
    }
}

/* ---- Before libyaml: size, encoding, depth ----------------------------------------- */

/* The length of the UTF-8 character at s (1..4), or 0 when it is not UTF-8 (overlong,
 * surrogate, beyond U+10FFFF, cut short). */
static size_t utf8_length(const unsigned char *s, size_t left) {
    unsigned c = s[0];
    size_t n = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
    if (n == 0 || n > left) {
        return 0;
    }
    unsigned long cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[k] & 0x3Fu);
    }
    static const unsigned long MIN[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < MIN[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

/* The text must be UTF-8 (libyaml's own message is "invalid leading UTF-8 octet" at the
 * start of the file). A UTF-16 file, with its byte order mark, is left to libyaml. */
static bool check_utf8(parse_t *p, const char *text, size_t len) {
    const unsigned char *s = (const unsigned char *)text;
    if (len >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) || (s[0] == 0xFF && s[1] == 0xFE))) {
        return true;
    }
    for (size_t i = 0; i < len;) {
        size_t n = utf8_length(s + i, len - i);
        if (n > 0) {
            i += n;
            continue;
        }
        char latin1[40] = "";
        if (s[i] >= 0xA0) { /* what the byte is in Latin-1 (Windows' usual), as UTF-8 */
            snprintf(latin1, sizeof latin1, " ('%c%c' in Latin-1)", (char)(0xC0 | (s[i] >> 6)),
                     (char)(0x80 | (s[i] & 0x3F)));
        }
        error_at(p, mark_from_offset(text, len, i),
                 "the file is not saved as UTF-8: the byte 0x%02X here%s is not UTF-8 text; "
                 "save the file as UTF-8",
                 s[i], latin1);
        return false;
    }
    return true;
}

/* Reads the text's events once, before the tree is built, counting how deep lists and
 * mappings go: the first one deeper than CONTENT_MAX_DEPTH stops the read at once, before
 * libyaml's time grows with the square of the depth. A syntax error is reported here. */
static bool check_depth(parse_t *p, const char *text, size_t len) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        error_at(p, (yaml_mark_t){0, 0, 0}, "out of memory while starting the YAML parser");
        return false;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int depth = 0;
    bool ok = true;
    for (bool done = false; !done;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            report_yaml_error(p, &parser, text, len);
            ok = false;
            break;
        }
        switch (event.type) {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (++depth > CONTENT_MAX_DEPTH) {
                bool flow = event.type == YAML_SEQUENCE_START_EVENT
                                ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
                error_at(p, event.start_mark,
                         "lists and mappings are nested more than %d levels deep here; the "
                         "content file needs about 8%s",
                         CONTENT_MAX_DEPTH, flow ? " (is a ']' or '}' missing?)" : "");
                ok = false;
                done = true;
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: depth--; break;
        case YAML_STREAM_END_EVENT: done = true; break;
        default: break;
        }
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return ok;
}

/* ---- Arena and texts --------------------------------------------------------------- */

static bool arena_put(content_t *c, const char *s, size_t n) {
    if (n > CONTENT_ARENA_BYTES - c->arena_used) {
        return false;
    }
    memcpy(c->arena + c->arena_used, s, n);
    c->arena_used += n;
    return true;
}

static const char *placeholder_value(const content_t *c, const char *name, size_t len,
                                     bool *known) {
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

/* The slot_t bit of a name written between braces, or 0. */
static unsigned slot_find(const char *name, size_t len) {
    for (int i = 0; i < COUNT_OF(SLOTS); i++) {
        if (strlen(SLOTS[i].name) == len && memcmp(SLOTS[i].name, name, len) == 0) {
            return SLOTS[i].slot;
        }
    }
    return 0;
}

/* "{side}", "{min} and {target}", "{a}, {b} and {c}": the slots of `bits`, in SLOTS order. */
static const char *slot_list(unsigned bits, char *buf, size_t size) {
    int total = 0;
    for (int i = 0; i < COUNT_OF(SLOTS); i++) {
        total += (bits & SLOTS[i].slot) != 0;
    }
    buf[0] = '\0';
    int written = 0;
    for (int i = 0; i < COUNT_OF(SLOTS); i++) {
        if (bits & SLOTS[i].slot) {
            const char *sep = written == 0 ? "" : written == total - 1 ? " and " : ", ";
            size_t used = strlen(buf);
            snprintf(buf + used, size - used, "%s{%s}", sep, SLOTS[i].name);
            written++;
        }
    }
    return buf;
}

/* Copies a scalar into the arena, expanding {clinic.*} when `expand` and keeping the
 * run-time placeholders of `slots` and `may_slots` as written; each of `slots` must be there.
 * `label` names the text in messages. Never returns NULL: on an error it reports and returns
 * "" (the parse fails anyway). */
static const char *text_copy(parse_t *p, const yaml_node_t *node, bool expand, const char *label,
                             unsigned slots, unsigned may_slots) {
    content_t *c = p->out;
    unsigned allowed = slots | may_slots;
    const char *s = (const char *)node->data.scalar.value;
    size_t len = node->data.scalar.length;
    size_t start = c->arena_used;
    unsigned used_slots = 0;
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
            char like[64] = "{clinic.phone}";
            error_at(
                p, node->start_mark, "%s has '{' without a closing '}'; placeholders look like %s",
                quote(s, len, q, sizeof q), allowed ? slot_list(allowed, like, sizeof like) : like);
            c->arena_used = start;
            return "";
        }
        size_t name_len = (size_t)(close - brace - 1);
        unsigned slot = slot_find(brace + 1, name_len) & allowed;
        bool known = slot != 0;
        const char *value = known ? NULL : placeholder_value(c, brace + 1, name_len, &known);
        if (!known) {
            char q[QUOTE_MAX + 8];
            char may[64];
            quote(brace, name_len + 2, q, sizeof q);
            if (allowed) {
                error_at(p, node->start_mark,
                         "%s is not known in %s; it may use %s, or {clinic.name}, "
                         "{clinic.phone}, {clinic.care_phone}, {clinic.address}",
                         q, label, slot_list(allowed, may, sizeof may));
            } else {
                error_at(p, node->start_mark,
                         "unknown placeholder %s; known: {clinic.name}, {clinic.phone}, "
                         "{clinic.care_phone}, {clinic.address}",
                         q);
            }
            c->arena_used = start;
            return "";
        }
        if (slot) { /* filled at run time: kept as written */
            used_slots |= slot;
            fits = arena_put(c, brace, name_len + 2);
        } else {
            fits = arena_put(c, value, strlen(value));
        }
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
    if ((used_slots & slots) != slots) {
        char missing[64];
        error_at(p, node->start_mark, "%s must contain %s", label,
                 slot_list(slots & ~used_slots, missing, sizeof missing));
        c->arena_used = start;
        return "";
    }
    return c->arena + start;
}

/* Keeps where a displayed text was written (content_t.sources). */
static void source_add(parse_t *p, const yaml_node_t *node, const char *section, const char *field,
                       const char *text) {
    content_t *c = p->out;
    if (c->source_count >= CONTENT_MAX_SOURCES || !text[0]) {
        return;
    }
    c->sources[c->source_count++] = (content_source_t){
        .text = text,
        .section = section,
        .field = field,
        .line = (int)node->start_mark.line + 1,
        .column = (int)node->start_mark.column + 1,
        .start = node->start_mark.index & ~WORDS_MARK,
        .end = node->end_mark.index & ~WORDS_MARK,
        .file = (node->start_mark.index & WORDS_MARK) ? CONTENT_FILE_WORDS : CONTENT_FILE_SHOW,
    };
}

/* ---- Typed getters: each reports its own error and returns false ------------------- */

/* A text that may use the run-time placeholders `slots` (a label template) and must use
 * them all, and may use those of `may_slots` too; `label` names the value in messages:
 * "'title'" or "a step". */
static bool get_template(parse_t *p, const yaml_node_t *node, const char *label, bool raw,
                         bool may_be_empty, unsigned slots, unsigned may_slots, const char **out) {
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
    const char *text = text_copy(p, node, !raw, label, slots, may_slots);
    if ((size_t)p->errors->total != errors_before) {
        return false;
    }
    *out = text;
    return true;
}

static bool get_text(parse_t *p, const yaml_node_t *node, const char *label, bool raw,
                     bool may_be_empty, const char **out) {
    return get_template(p, node, label, raw, may_be_empty, 0u, 0u, out);
}

/* A decimal number written in full: digits, sign, point, exponent; no hex, inf or nan.
 * strtod reads '.' as the decimal point because the app never calls setlocale(LC_NUMERIC). */
static bool number_parse(const char *s, size_t len, double *out) {
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

static bool get_number(parse_t *p, const yaml_node_t *node, const char *label, double *out) {
    char d[QUOTE_MAX + 8];
    if (node->type != YAML_SCALAR_NODE ||
        !number_parse((const char *)node->data.scalar.value, node->data.scalar.length, out)) {
        error_at(p, node->start_mark, "%s must be a number, not %s", label,
                 node_describe(node, d, sizeof d));
        return false;
    }
    return true;
}

static int hex_digit(char c) {
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
                      content_color_t *out) {
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

static bool in_range(parse_t *p, const yaml_node_t *node, const char *label, double v, double min,
                     bool min_exclusive, double max) {
    bool low_ok = min_exclusive ? v > min : v >= min;
    if (low_ok && v <= max) {
        return true;
    }
    char d[QUOTE_MAX + 8];
    if (min_exclusive) {
        error_at(p, node->start_mark, "%s must be greater than %g and at most %g, not %s", label,
                 min, max, node_describe(node, d, sizeof d));
    } else {
        error_at(p, node->start_mark, "%s must be between %g and %g, not %s", label, min, max,
                 node_describe(node, d, sizeof d));
    }
    return false;
}

static bool check_range(parse_t *p, const yaml_node_t *node, const field_t *f, double v) {
    char label[64];
    snprintf(label, sizeof label, "'%s'", f->name);
    return in_range(p, node, label, v, f->min, f->min_exclusive, f->max);
}

/* A number without a fraction ("2", "2.0", "2e0"); its range is the caller's (check it
 * before converting to int). */
static bool get_whole(parse_t *p, const yaml_node_t *node, const char *label, double *out) {
    double v = 0.0;
    if (!get_number(p, node, label, &v)) {
        return false;
    }
    if (v != floor(v)) {
        char d[QUOTE_MAX + 8];
        error_at(p, node->start_mark, "%s must be a whole number, not %s", label,
                 node_describe(node, d, sizeof d));
        return false;
    }
    *out = (int)v;
    return true;
}

static bool get_int(parse_t *p, const yaml_node_t *node, const char *label, int min, int max,
                    int *out) {
    double v = 0.0;
    if (!get_whole(p, node, label, &v) || !in_range(p, node, label, v, min, false, max)) {
        return false;
    }
    *out = (int)v;
    return true;
}

/* YAML's plain true and false only: "yes", "on" and "True" mean different things to
 * different YAML readers, so they are refused. */
static bool get_bool(parse_t *p, const yaml_node_t *node, const char *label, bool *out) {
    if (node->type == YAML_SCALAR_NODE) {
        const char *s = (const char *)node->data.scalar.value;
        size_t len = node->data.scalar.length;
        if (len == 4 && memcmp(s, "true", 4) == 0) {
            *out = true;
            return true;
        }
        if (len == 5 && memcmp(s, "false", 5) == 0) {
            *out = false;
            return true;
        }
    }
    char d[QUOTE_MAX + 8];
    error_at(p, node->start_mark, "%s must be true or false, not %s", label,
             node_describe(node, d, sizeof d));
    return false;
}

/* One of names[]: "'ease' must be linear, in, out or in-out, not 'fast'". */
static bool get_enum(parse_t *p, const yaml_node_t *node, const char *label,
                     const enum_name_t *names, int count, int *out) {
    if (node->type == YAML_SCALAR_NODE) {
        for (int i = 0; i < count; i++) {
            if (strlen(names[i].name) == node->data.scalar.length &&
                memcmp(names[i].name, node->data.scalar.value, node->data.scalar.length) == 0) {
                *out = names[i].value;
                return true;
            }
        }
    }
    char choices[CONTENT_ERROR_MESSAGE_MAX] = "";
    for (int i = 0; i < count; i++) {
        const char *sep = i == 0 ? "" : i == count - 1 ? " or " : ", ";
        size_t used = strlen(choices);
        snprintf(choices + used, sizeof choices - used, "%s%s", sep, names[i].name);
    }
    char d[QUOTE_MAX + 8];
    error_at(p, node->start_mark, "%s must be %s, not %s", label, choices,
             node_describe(node, d, sizeof d));
    return false;
}

/* [x, y, z]: exactly three numbers, each in its axis's range. */
static bool get_vec3(parse_t *p, const yaml_node_t *node, const char *label, const range3_t *range,
                     float out[3]) {
    static const char *const AXES[3] = {"x", "y", "z"};
    char d[QUOTE_MAX + 8];
    if (node->type != YAML_SEQUENCE_NODE) {
        error_at(p, node->start_mark, "%s must be a list of 3 numbers [x, y, z], not %s", label,
                 node_describe(node, d, sizeof d));
        return false;
    }
    long n = (long)(node->data.sequence.items.top - node->data.sequence.items.start);
    if (n != 3) {
        error_at(p, node->start_mark, "%s must be a list of 3 numbers [x, y, z], not a list of %ld",
                 label, n);
        return false;
    }
    bool ok = true;
    for (int k = 0; k < 3; k++) {
        yaml_node_t *item = yaml_document_get_node(p->doc, node->data.sequence.items.start[k]);
        char what[64];
        snprintf(what, sizeof what, "the %s of %s", AXES[k], label);
        double v = 0.0;
        if (!item || !get_number(p, item, what, &v) ||
            !in_range(p, item, what, v, range->min[k], false, range->max[k])) {
            ok = false;
            continue;
        }
        out[k] = (float)v;
    }
    return ok;
}

/* ---- Mappings and lists ------------------------------------------------------------ */

static yaml_node_t *node_at(parse_t *p, int index) { return yaml_document_get_node(p->doc, index); }

static int field_find(const mapping_spec_t *spec, const char *key, size_t len) {
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
                       yaml_node_t *found[MAX_FIELDS]) {
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
            snprintf(message, sizeof message,
                     "unknown key %s in %s; expected one of: ", quote(name, len, q, sizeof q),
                     spec->what);
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
                        void *base) {
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
            ok = get_template(p, node, label, f->kind == FIELD_TEXT_RAW, f->may_be_empty, f->slots,
                              f->may_slots, &text);
            if (ok) {
                memcpy(dest, &text, sizeof text);
                if (!f->hidden) {
                    source_add(p, node, spec->what, f->name, text);
                }
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
        case FIELD_INT: {
            int value = 0;
            ok = get_int(p, node, label, (int)f->min, (int)f->max, &value);
            if (ok) {
                memcpy(dest, &value, sizeof value);
            }
            break;
        }
        case FIELD_BOOL: {
            bool value = false;
            ok = get_bool(p, node, label, &value);
            if (ok) {
                memcpy(dest, &value, sizeof value);
            }
            break;
        }
        case FIELD_ENUM: {
            int value = 0;
            ok = get_enum(p, node, label, f->names, f->name_count, &value);
            if (ok) {
                memcpy(dest, &value, sizeof value);
            }
            break;
        }
        case FIELD_VEC3: {
            float value[3] = {0.0f, 0.0f, 0.0f};
            ok = get_vec3(p, node, label, f->range, value);
            if (ok) {
                memcpy(dest, value, sizeof value);
            }
            break;
        }
        case FIELD_NODE: break;
        }
        if (!ok) {
            found[i] = NULL;
        }
    }
}

static bool read_mapping(parse_t *p, const yaml_node_t *node, const mapping_spec_t *spec,
                         void *base, yaml_node_t *found[MAX_FIELDS]) {
    if (!check_keys(p, node, spec, found)) {
        return false;
    }
    read_fields(p, spec, found, base);
    return true;
}

/* Checks `node` is a list per spec; fills items[] with the first spec->max item nodes and
 * returns how many, reporting the first that does not fit. */
static int read_list(parse_t *p, const yaml_node_t *node, const list_spec_t *spec,
                     yaml_node_t **items) {
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

/* Checks `node` is a mapping per spec whose keys are names, none twice; fills keys[] and
 * values[] with the first spec->max pairs and returns how many, or -1 when `node` is not a
 * mapping at all (so callers can tell "no names" from "names unreadable"). */
static int read_named(parse_t *p, const yaml_node_t *node, const map_spec_t *spec,
                      yaml_node_t **keys, yaml_node_t **values) {
    char q[QUOTE_MAX + 8];
    if (node->type != YAML_MAPPING_NODE) {
        error_at(p, node->start_mark, "%s must be %s, not %s", spec->label, spec->expected,
                 node_describe(node, q, sizeof q));
        return -1;
    }
    if (node->data.mapping.pairs.start == node->data.mapping.pairs.top && !spec->may_be_empty) {
        error_at(p, node->start_mark, "%s must not be empty", spec->label);
        return 0;
    }
    int count = 0;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = node_at(p, pair->key);
        yaml_node_t *value = node_at(p, pair->value);
        if (!key || !value) {
            continue;
        }
        if (key->type != YAML_SCALAR_NODE) {
            error_at(p, key->start_mark, "keys in %s must be names, not %s", spec->label,
                     node_describe(key, q, sizeof q));
            continue;
        }
        const char *name = (const char *)key->data.scalar.value;
        size_t len = key->data.scalar.length;
        bool duplicate = false;
        for (int k = 0; k < count && !duplicate; k++) {
            if (keys[k]->data.scalar.length == len &&
                memcmp(keys[k]->data.scalar.value, name, len) == 0) {
                error_at(p, key->start_mark, "duplicate %s %s in %s (first at line %d)", spec->item,
                         quote(name, len, q, sizeof q), spec->label,
                         (int)keys[k]->start_mark.line + 1);
                duplicate = true;
            }
        }
        if (duplicate) {
            continue;
        }
        if (count == spec->max) {
            error_at(p, key->start_mark, "too many %s (at most %d)", spec->items, spec->max);
            break;
        }
        keys[count] = key;
        values[count] = value;
        count++;
    }
    return count;
}

/* ---- Joints ------------------------------------------------------------------------ */

typedef enum joint_set_t {
    JOINTS_ALL,      /* anchor, a followed joint */
    JOINTS_ROTATING, /* keys of a pose's 'joints' */
    JOINTS_REACH,    /* keys of a pose's 'reach' */
} joint_set_t;

static bool joint_in_set(int joint, joint_set_t set) {
    switch (set) {
    case JOINTS_ROTATING: return skel_joint_rotates(joint);
    case JOINTS_REACH:
        for (int i = 0; i < COUNT_OF(REACH_LIMBS); i++) {
            if (REACH_LIMBS[i].end == joint) {
                return true;
            }
        }
        return false;
    case JOINTS_ALL: break;
    }
    return true;
}

/* Appends the joints of `set` to a message, in skeleton order. */
static void joint_list(list_builder_t *b, joint_set_t set) {
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        if (joint_in_set(j, set)) {
            list_builder_add(b, skel_joint_name(j));
        }
    }
}

/* A joint named by a scalar node, which must be in `set`. */
static bool get_joint(parse_t *p, const yaml_node_t *node, const char *label, joint_set_t set,
                      int *out) {
    char q[QUOTE_MAX + 8];
    if (node->type != YAML_SCALAR_NODE) {
        error_at(p, node->start_mark, "%s must be a joint name, not %s", label,
                 node_describe(node, q, sizeof q));
        return false;
    }
    const char *name = (const char *)node->data.scalar.value;
    size_t len = node->data.scalar.length;
    int joint = skel_joint_find(name, len);
    static const char *const LIST_NAMES[] = {
        [JOINTS_ALL] = "joints", [JOINTS_ROTATING] = "joints", [JOINTS_REACH] = "reach targets"};
    char message[CONTENT_ERROR_MESSAGE_MAX];
    if (joint < 0) {
        snprintf(message, sizeof message, "unknown joint %s; %s: ", quote(name, len, q, sizeof q),
                 LIST_NAMES[set]);
    } else if (!joint_in_set(joint, set) && set == JOINTS_ROTATING) {
        snprintf(message, sizeof message,
                 "'%s' does not rotate (nothing hangs from it); joints that rotate: ",
                 skel_joint_name(joint));
    } else if (!joint_in_set(joint, set)) {
        snprintf(message, sizeof message,
                 "'%s' cannot be reached: only the ends of arms and legs can; reach targets: ",
                 skel_joint_name(joint));
    } else {
        *out = joint;
        return true;
    }
    list_builder_t b = {message, sizeof message, 0, false};
    joint_list(&b, set);
    error_at(p, node->start_mark, "%s", message);
    return false;
}

/* ---- Sections ---------------------------------------------------------------------- */

static void read_section(parse_t *p, const yaml_node_t *node, const mapping_spec_t *spec) {
    yaml_node_t *found[MAX_FIELDS];
    read_mapping(p, node, spec, p->out, found);
}

/* The number of a "tel:" link: a leading '+' and the digits of `phone`, its spaces, brackets,
 * dashes, dots and slashes left out. A number written without its country code is taken as
 * North American, as the clinic's are: ten digits get "+1", eleven starting with 1 get "+";
 * other numbers are kept as written (dialled within their own country). Returns false when
 * the phone has no digit or holds anything else (a letter, "ext."), which a link cannot dial;
 * *bad is then that character (or 0 for no digits). */
static bool tel_number(const char *phone, char *out, size_t size, char *bad) {
    char digits[64];
    size_t n = 0;
    bool plus = false;
    *bad = 0;
    for (const char *s = phone; *s; s++) {
        char ch = *s;
        if (ch >= '0' && ch <= '9') {
            if (n + 1 >= sizeof digits) {
                *bad = '#'; /* too long for a phone number */
                return false;
            }
            digits[n++] = ch;
        } else if (ch == '+' && n == 0 && !plus) {
            plus = true;
        } else if (!strchr(" ()-./", ch)) {
            *bad = ch;
            return false;
        }
    }
    digits[n] = '\0';
    if (n == 0) {
        return false;
    }
    const char *prefix = plus ? "+" : n == 10 ? "+1" : (n == 11 && digits[0] == '1') ? "+" : "";
    snprintf(out, size, "%s%s", prefix, digits);
    return true;
}

/* The handout's address: "http://" or "https://", a host, and then only what a link holds
 * unescaped (printable ASCII, no spaces), short enough for a QR code a phone reads from across
 * a room. Reports its own error. */
static void check_handout_url(parse_t *p, const yaml_node_t *node, const char *url) {
    char q[QUOTE_MAX + 8];
    size_t len = strlen(url);
    size_t scheme = strncmp(url, "https://", 8) == 0 ? 8 : strncmp(url, "http://", 7) == 0 ? 7 : 0;
    if (scheme == 0 || len == scheme || strchr("/?#:", url[scheme])) {
        error_at(p, node->start_mark,
                 "'handout_url' must be a web address starting http:// or https:// and a "
                 "host (https://example.org/stretches.pdf), not %s",
                 quote(url, len, q, sizeof q));
        return;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)url[i];
        if (ch <= ' ' || ch >= 0x7F) {
            error_at(p, node->start_mark,
                     "'handout_url' must not contain %s (column %zu of the address): write a "
                     "space as %%20 and other characters percent-encoded",
                     ch == ' '  ? "a space"
                     : ch < ' ' ? "a control character"
                                : "a character outside ASCII",
                     i + 1);
            return;
        }
    }
    if (len > HANDOUT_URL_MAX) {
        error_at(p, node->start_mark,
                 "'handout_url' is %zu characters long, more than %d: its QR code would be too "
                 "fine to scan from the screen; use a shorter address",
                 len, HANDOUT_URL_MAX);
    }
}

/* The clinic's texts as written, then its QR text: "tel:" and the phone by default (an
 * error when the phone cannot be dialled), else qr_text with its placeholders filled and a
 * "tel:" link's number made dialable the same way when it is a phone number. The handout's
 * address, when given, is checked as a link. */
static void read_clinic(parse_t *p, const yaml_node_t *node) {
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &CLINIC_SPEC, p->out, found)) {
        return;
    }
    content_t *c = p->out;
    if (found[CLINIC_HANDOUT_URL] && c->clinic.handout_url) {
        check_handout_url(p, found[CLINIC_HANDOUT_URL], c->clinic.handout_url);
    }
    const yaml_node_t *qr = found[CLINIC_QR_TEXT];
    const char *text = NULL;
    if (qr) {
        if (!get_text(p, qr, "'qr_text'", false, false, &text)) {
            return;
        }
        c->clinic.qr_text = text;
        if (strncmp(text, "tel:", 4) != 0) {
            return;
        }
        text += 4; /* a tel: link: made dialable below */
    } else if (found[CLINIC_PHONE] && c->clinic.phone) {
        qr = found[CLINIC_PHONE];
        text = c->clinic.phone;
    } else {
        return; /* the phone is missing or broken: reported already */
    }
    char number[80];
    char bad = 0;
    bool dialable = tel_number(text, number, sizeof number, &bad);
    if (!dialable && found[CLINIC_QR_TEXT]) {
        return; /* a tel: link of the author's own making: kept as written */
    }
    if (!dialable) {
        char q[QUOTE_MAX + 8];
        char what[40] = "no digits";
        if (bad == '#') {
            snprintf(what, sizeof what, "more digits than a phone number");
        } else if (bad) {
            snprintf(what, sizeof what, "'%c', which a phone cannot dial", bad);
        }
        error_at(p, qr->start_mark,
                 "the QR code's phone link cannot be made from %s: it has %s; write the number "
                 "in digits, or give the QR code its own 'qr_text'",
                 quote(text, strlen(text), q, sizeof q), what);
        return;
    }
    char link[96];
    snprintf(link, sizeof link, "tel:%s", number);
    size_t start = c->arena_used;
    if (!arena_put(c, link, strlen(link) + 1)) {
        if (!p->arena_full) {
            p->arena_full = true;
            error_at(p, qr->start_mark,
                     "the content is too large: its texts need more than %d bytes",
                     CONTENT_ARENA_BYTES);
        }
        return;
    }
    c->clinic.qr_text = c->arena + start;
}

static void read_version(parse_t *p, const yaml_node_t *node) {
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

static void read_timing(parse_t *p, const yaml_node_t *node) {
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

static void read_labels(parse_t *p, const yaml_node_t *node) {
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &LABELS_SPEC, p->out, found) || !found[LABELS_HELP]) {
        return;
    }
    yaml_node_t *items[CONTENT_MAX_HELP];
    int n = read_list(p, found[LABELS_HELP], &HELP_LIST, items);
    for (int i = 0; i < n; i++) {
        yaml_node_t *entry_found[MAX_FIELDS];
        p->out->labels.help[i].in_kiosk = true; /* unless the entry says otherwise */
        read_mapping(p, items[i], &HELP_SPEC, &p->out->labels.help[i], entry_found);
    }
    p->out->labels.help_count = n;
}

static bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* Names the author chooses (exercise ids, pose and phase names): [a-z0-9-]+. */
static bool check_id_chars(parse_t *p, const yaml_node_t *node, const char *what, const char *id) {
    char q[QUOTE_MAX + 8];
    for (const char *s = id; *s; s++) {
        if (!is_id_char(*s)) {
            error_at(p, node->start_mark,
                     "%s %s may only use lowercase letters a-z, digits and '-'", what,
                     quote(id, strlen(id), q, sizeof q));
            return false;
        }
    }
    return true;
}

static void read_exercise_id(parse_t *p, const yaml_node_t *node, int index) {
    content_t *c = p->out;
    const char *id = NULL;
    if (!get_text(p, node, "'id'", true, false, &id)) {
        return;
    }
    c->exercises[index].id = id;
    p->exercise_id_line[index] = (int)node->start_mark.line + 1;
    char q[QUOTE_MAX + 8];
    if (!check_id_chars(p, node, "exercise id", id)) {
        return;
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

/* ---- Choreography ------------------------------------------------------------------ */

/* Each joint of `joints` once, each one that rotates, each angle in range; file order. */
static void read_pose_joints(parse_t *p, const yaml_node_t *node, content_pose_t *pose) {
    yaml_node_t *keys[CONTENT_MAX_ROTATED];
    yaml_node_t *values[CONTENT_MAX_ROTATED];
    int n = read_named(p, node, &JOINTS_MAP, keys, values);
    for (int i = 0; i < n; i++) {
        int joint = -1;
        if (!get_joint(p, keys[i], "a joint", JOINTS_ROTATING, &joint)) {
            continue;
        }
        char label[48];
        snprintf(label, sizeof label, "'%s'", skel_joint_name(joint));
        int k = pose->rotated_count;
        if (get_vec3(p, values[i], label, &ANGLE_RANGE, pose->rotation[k])) {
            pose->rotated_joint[k] = joint;
            pose->rotated_count++;
        }
    }
}

/* A joint whose place the reach of `end` changes: following it would chase itself. */
static bool reach_moves(int end, int joint) {
    for (int i = 0; i < COUNT_OF(REACH_LIMBS); i++) {
        if (REACH_LIMBS[i].end == end) {
            return joint == end || joint == REACH_LIMBS[i].middle;
        }
    }
    return false;
}

/* Whether a mapping node has `key`, whatever its value. */
static bool mapping_has(parse_t *p, const yaml_node_t *node, const char *key) {
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        const yaml_node_t *k = node_at(p, pair->key);
        if (k && k->type == YAML_SCALAR_NODE && k->data.scalar.length == strlen(key) &&
            memcmp(k->data.scalar.value, key, strlen(key)) == 0) {
            return true;
        }
    }
    return false;
}

/* `hand_r: [x, y, z]` (a world point) or `hand_r: {joint: knee_r, offset: [x, y, z]}`. */
static void read_pose_reach(parse_t *p, const yaml_node_t *node, content_pose_t *pose) {
    yaml_node_t *keys[CONTENT_MAX_REACH];
    yaml_node_t *values[CONTENT_MAX_REACH];
    int n = read_named(p, node, &REACH_MAP, keys, values);
    for (int i = 0; i < n; i++) {
        content_reach_t reach = {.joint = -1, .at_joint = -1};
        if (!get_joint(p, keys[i], "a reach target", JOINTS_REACH, &reach.joint)) {
            continue;
        }
        const char *name = skel_joint_name(reach.joint);
        char label[48];
        snprintf(label, sizeof label, "'%s'", name);
        const yaml_node_t *value = values[i];
        bool ok = false;
        if (value->type == YAML_SEQUENCE_NODE) {
            ok = get_vec3(p, value, label, &POINT_RANGE, reach.point);
        } else if (value->type == YAML_MAPPING_NODE) {
            yaml_node_t *found[MAX_FIELDS];
            /* which keys are written, before their values are read (a value out of range
             * is its own error, not a missing key) */
            bool has_joint = mapping_has(p, value, "joint"), has_at = mapping_has(p, value, "at");
            bool has_offset = mapping_has(p, value, "offset");
            ok = read_mapping(p, value, &FOLLOW_SPEC, &reach, found);
            reach.has_bend = found[FOLLOW_BEND] != NULL;
            const yaml_node_t *at = found[FOLLOW_JOINT];
            if (has_joint == has_at || (has_at && has_offset)) {
                error_at(p, value->start_mark,
                         "%s takes either 'joint' (with an 'offset' from it) or 'at' (a point "
                         "on the mat)",
                         label);
                ok = false;
            }
            ok = ok && (!at || get_joint(p, at, "'joint'", JOINTS_ALL, &reach.at_joint));
            if (ok && reach_moves(reach.joint, reach.at_joint)) {
                error_at(p, at->start_mark,
                         "'%s' cannot follow '%s': reaching moves it; follow a joint of the "
                         "body or another limb",
                         name, skel_joint_name(reach.at_joint));
                ok = false;
            }
        } else {
            char d[QUOTE_MAX + 8];
            error_at(p, value->start_mark,
                     "%s must be a point [x, y, z] or a joint to follow {joint: name, offset: "
                     "[x, y, z]}, not %s",
                     label, node_describe(value, d, sizeof d));
        }
        if (ok) {
            pose->reach[pose->reach_count++] = reach;
        }
    }
}

static void read_pose(parse_t *p, const yaml_node_t *node, content_pose_t *pose) {
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &POSE_SPEC, pose, found)) {
        return;
    }
    if (found[POSE_JOINTS]) {
        read_pose_joints(p, found[POSE_JOINTS], pose);
    }
    if (found[POSE_REACH]) {
        read_pose_reach(p, found[POSE_REACH], pose);
    }
}

/* Returns false when no pose could be read (not a mapping, empty), so phases are not checked
 * against them. A pose whose name or body is wrong is still counted: phases naming it get no
 * second error. */
static bool read_poses(parse_t *p, const yaml_node_t *node, content_exercise_t *ex) {
    yaml_node_t *keys[CONTENT_MAX_POSES];
    yaml_node_t *values[CONTENT_MAX_POSES];
    int n = read_named(p, node, &POSES_MAP, keys, values);
    for (int i = 0; i < n; i++) {
        content_pose_t *pose = &ex->poses[i];
        pose->name = "";
        if (get_text(p, keys[i], "a pose name", true, false, &pose->name)) {
            check_id_chars(p, keys[i], "pose name", pose->name);
        }
        read_pose(p, values[i], pose);
    }
    ex->pose_count = n > 0 ? n : 0;
    return n > 0;
}

static bool scalar_is(const yaml_node_t *node, const char *s) {
    return node->type == YAML_SCALAR_NODE && s && strlen(s) == node->data.scalar.length &&
           memcmp(s, node->data.scalar.value, node->data.scalar.length) == 0;
}

/* "unknown <what> 'x'; <list_label>: a, b, c"; `label` is the key, for a value that is no
 * name at all. Empty names (already reported) are left out. */
static void unknown_name(parse_t *p, const yaml_node_t *node, const char *label, const char *what,
                         const char *list_label, const char *const *names, int count) {
    char q[QUOTE_MAX + 8];
    char message[CONTENT_ERROR_MESSAGE_MAX];
    if (node->type != YAML_SCALAR_NODE || node->data.scalar.length == 0) {
        snprintf(message, sizeof message, "%s must be a %s name, not %s; %s: ", label, what,
                 node_describe(node, q, sizeof q), list_label);
    } else {
        snprintf(message, sizeof message, "unknown %s %s; %s: ", what,
                 node_describe(node, q, sizeof q), list_label);
    }
    list_builder_t b = {message, sizeof message, 0, false};
    for (int i = 0; i < count; i++) {
        if (names[i] && *names[i]) {
            list_builder_add(&b, names[i]);
        }
    }
    error_at(p, node->start_mark, "%s", message);
}

/* A number or a range [from, to] with from <= to, each whole when `whole`, each in
 * (min, max] when min_exclusive, else [min, max]. `name` is the key: "'seconds'". A single
 * number gives out[0] = out[1]. */
static bool get_range(parse_t *p, const yaml_node_t *node, const char *name, bool whole, double min,
                      bool min_exclusive, double max, double out[2]) {
    double v[2] = {0.0, 0.0};
    if (node->type == YAML_SCALAR_NODE) {
        bool ok = whole ? get_whole(p, node, name, &v[0]) : get_number(p, node, name, &v[0]);
        if (!ok || !in_range(p, node, name, v[0], min, min_exclusive, max)) {
            return false;
        }
        out[0] = out[1] = v[0];
        return true;
    }
    const char *number = whole ? "whole number" : "number";
    long n = node->type == YAML_SEQUENCE_NODE
                 ? (long)(node->data.sequence.items.top - node->data.sequence.items.start)
                 : -1;
    if (n != 2) {
        char d[QUOTE_MAX + 8];
        if (n >= 0) {
            snprintf(d, sizeof d, "a list of %ld", n);
        }
        error_at(p, node->start_mark, "%s must be a %s or a range of two %ss [from, to], not %s",
                 name, number, number, n < 0 ? node_describe(node, d, sizeof d) : d);
        return false;
    }
    const yaml_node_t *items[2];
    bool ok = true;
    for (int k = 0; k < 2; k++) {
        char label[64];
        snprintf(label, sizeof label, "the %s of %s", k == 0 ? "first" : "second", name);
        items[k] = node_at(p, node->data.sequence.items.start[k]);
        bool got = items[k] && (whole ? get_whole(p, items[k], label, &v[k])
                                      : get_number(p, items[k], label, &v[k]));
        ok = got && in_range(p, items[k], label, v[k], min, min_exclusive, max) && ok;
    }
    if (!ok) {
        return false;
    }
    if (v[0] > v[1]) {
        error_at(p, items[0]->start_mark,
                 "the first of %s (%g) must not be more than the second (%g)", name, v[0], v[1]);
        return false;
    }
    out[0] = v[0];
    out[1] = v[1];
    return true;
}

static void read_hold_seconds(parse_t *p, const yaml_node_t *node, content_hold_t *hold) {
    double v[2];
    if (get_range(p, node, "'seconds'", false, 0.0, true, MAX_MOVE_SECONDS, v)) {
        *hold = (content_hold_t){CONTENT_HOLD_SECONDS, (float)v[1], (float)v[0]};
    }
}

/* What the page asks for: "10-15 repetitions" is [10, 15]. */
static void read_repetitions(parse_t *p, const yaml_node_t *node, content_exercise_t *ex) {
    double v[2];
    if (get_range(p, node, "'repetitions'", true, 1.0, false, MAX_COUNT, v)) {
        ex->repetitions_min = (int)v[0];
        ex->repetitions_max = (int)v[1];
    }
}

/* The key of a hold's second kind in file order, and the first one's name; a kind given
 * twice is check_keys's error, not this one. */
static const yaml_node_t *hold_second_kind(parse_t *p, const yaml_node_t *node,
                                           const char **first) {
    const yaml_node_t *first_key = NULL;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        const yaml_node_t *key = node_at(p, pair->key);
        if (!key || key->type != YAML_SCALAR_NODE) {
            continue;
        }
        int i =
            field_find(&HOLD_SPEC, (const char *)key->data.scalar.value, key->data.scalar.length);
        if (i < 0) {
            continue;
        }
        if (!first_key) {
            first_key = key;
            *first = HOLD_FIELDS[i].name;
        } else if (strcmp(*first, HOLD_FIELDS[i].name) != 0) {
            return key;
        }
    }
    return NULL;
}

/* Exactly one of breaths, seconds, comfortable. */
static void read_hold(parse_t *p, const yaml_node_t *node, content_hold_t *hold) {
    yaml_node_t *found[MAX_FIELDS];
    int errors_before = p->errors->total;
    if (!check_keys(p, node, &HOLD_SPEC, found)) {
        return;
    }
    int kinds = 0;
    for (int i = 0; i < COUNT_OF(HOLD_FIELDS); i++) {
        kinds += found[i] != NULL;
    }
    if (kinds == 0) {
        if (p->errors->total == errors_before) { /* "unknown key 'breath'" says enough */
            error_at(p, node->start_mark,
                     "'hold' must have one of: breaths, seconds (a number or [from, to]), "
                     "comfortable");
        }
        return;
    }
    if (kinds > 1) {
        const char *first = "";
        const yaml_node_t *second = hold_second_kind(p, node, &first);
        if (second) {
            error_at(p, second->start_mark,
                     "'hold' takes one of breaths, seconds or comfortable, not both '%s' and "
                     "'%s'",
                     first, (const char *)second->data.scalar.value);
        }
        return;
    }
    hold_read_t raw = {0, 0.0f};
    read_fields(p, &HOLD_SPEC, found, &raw);
    if (found[HOLD_BREATHS]) {
        *hold = (content_hold_t){CONTENT_HOLD_BREATHS, (float)raw.breaths, (float)raw.breaths};
    } else if (found[HOLD_COMFORTABLE]) {
        *hold = (content_hold_t){CONTENT_HOLD_COMFORTABLE, raw.comfortable, raw.comfortable};
    } else if (found[HOLD_SECONDS]) {
        read_hold_seconds(p, found[HOLD_SECONDS], hold);
    }
}

/* `timing: {arm_r: [0.3, 1], head: [0.2, 1]}`: each part's share of the move, a range
 * within 0..1 that is not empty. */
static void read_phase_timing(parse_t *p, const yaml_node_t *node, content_phase_t *phase) {
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &TIMING_PARTS_SPEC, phase, found)) {
        return;
    }
    for (int k = 0; k < SKEL_PART_NUM; k++) {
        if (!found[k]) {
            continue;
        }
        char label[48];
        snprintf(label, sizeof label, "'%s'", skel_part_name(k));
        double v[2];
        if (!get_range(p, found[k], label, false, 0.0, false, 1.0, v)) {
            continue;
        }
        if (v[1] - v[0] < 0.05 - 1e-9) { /* (0.15 - 0.1 is a hair under 0.05 in binary) */
            error_at(p, found[k]->start_mark,
                     "%s must give the part at least 0.05 of the move, not [%g, %g]", label, v[0],
                     v[1]);
            continue;
        }
        phase->part_from[k] = (float)v[0];
        phase->part_to[k] = (float)v[1];
    }
}

/* What read_phase leaves for read_repeats: where names and repeats were written. */
typedef struct phase_nodes_t {
    const yaml_node_t *name;
    const yaml_node_t *from; /* repeat's 'from', or NULL */
} phase_nodes_t;

static void read_phase(parse_t *p, const yaml_node_t *node, content_exercise_t *ex, int index,
                       bool poses_known, phase_nodes_t *nodes) {
    content_phase_t *phase = &ex->phases[index];
    *phase = (content_phase_t){
        .name = "", .anchor = -1, .arrow = -1, .repeat_from = -1, .repeat_times = 1};
    for (int k = 0; k < SKEL_PART_NUM; k++) {
        phase->part_from[k] = 0.0f;
        phase->part_to[k] = 1.0f;
    }
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &PHASE_SPEC, phase, found)) {
        return;
    }
    const yaml_node_t *name = found[PHASE_NAME];
    if (name && get_text(p, name, "'name'", true, false, &phase->name) &&
        check_id_chars(p, name, "phase name", phase->name)) {
        nodes[index].name = name;
        for (int i = 0; i < index; i++) {
            if (nodes[i].name && strcmp(ex->phases[i].name, phase->name) == 0) {
                char q[QUOTE_MAX + 8];
                error_at(p, name->start_mark, "duplicate phase %s (first at line %d)",
                         quote(phase->name, strlen(phase->name), q, sizeof q),
                         (int)nodes[i].name->start_mark.line + 1);
                break;
            }
        }
    }
    const yaml_node_t *step = found[PHASE_STEP];
    double step_number = 0.0;
    if (step && get_whole(p, step, "'step'", &step_number)) {
        if (ex->step_count == 0) { /* steps broken, already reported: the general limit */
            if (in_range(p, step, "'step'", step_number, 1.0, false, CONTENT_MAX_STEPS)) {
                phase->step = (int)step_number - 1;
            }
        } else if (step_number < 1.0 || step_number > ex->step_count) {
            char d[QUOTE_MAX + 8];
            error_at(p, step->start_mark,
                     "'step' must be between 1 and %d (the steps of this exercise), not %s",
                     ex->step_count, node_describe(step, d, sizeof d));
        } else {
            phase->step = (int)step_number - 1;
        }
    }
    const yaml_node_t *pose = found[PHASE_POSE];
    if (pose && poses_known) {
        int k = 0;
        while (k < ex->pose_count && !scalar_is(pose, ex->poses[k].name)) {
            k++;
        }
        if (k < ex->pose_count) {
            phase->pose = k;
        } else {
            const char *names[CONTENT_MAX_POSES];
            for (int i = 0; i < ex->pose_count; i++) {
                names[i] = ex->poses[i].name;
            }
            unknown_name(p, pose, "'pose'", "pose", "poses", names, ex->pose_count);
        }
    }
    if (found[PHASE_HOLD]) {
        read_hold(p, found[PHASE_HOLD], &phase->hold);
    }
    if (found[PHASE_ANCHOR]) {
        get_joint(p, found[PHASE_ANCHOR], "'anchor'", JOINTS_ALL, &phase->anchor);
    }
    if (found[PHASE_ARROW]) {
        get_joint(p, found[PHASE_ARROW], "'arrow'", JOINTS_ALL, &phase->arrow);
    }
    if (found[PHASE_TIMING]) {
        read_phase_timing(p, found[PHASE_TIMING], phase);
    }
    if (found[PHASE_REPEAT]) {
        yaml_node_t *repeat_found[MAX_FIELDS];
        if (read_mapping(p, found[PHASE_REPEAT], &REPEAT_SPEC, phase, repeat_found)) {
            nodes[index].from = repeat_found[REPEAT_FROM];
        }
    }
}

/* Resolves each repeat's 'from' (this phase or an earlier one) and checks that no two spans
 * from..this share a phase: a span inside another would make "how often" ambiguous. */
static void read_repeats(parse_t *p, content_exercise_t *ex, const phase_nodes_t *nodes) {
    for (int i = 0; i < ex->phase_count; i++) {
        const yaml_node_t *from = nodes[i].from;
        if (!from) {
            continue;
        }
        int k = 0;
        while (k < ex->phase_count && !(nodes[k].name && scalar_is(from, ex->phases[k].name))) {
            k++;
        }
        if (k == ex->phase_count) {
            const char *names[CONTENT_MAX_PHASES];
            for (int a = 0; a <= i; a++) {
                names[a] = nodes[a].name ? ex->phases[a].name : NULL;
            }
            unknown_name(p, from, "'from'", "phase", "'from' names this phase or an earlier one",
                         names, i + 1);
            continue;
        }
        if (k > i) {
            error_at(p, from->start_mark,
                     "'from' must name this phase or an earlier one; '%s' comes later (line %d)",
                     ex->phases[k].name, (int)nodes[k].name->start_mark.line + 1);
            continue;
        }
        ex->phases[i].repeat_from = k;
        /* spans [a0, a] and [k, i] with a < i are apart only when a < k */
        for (int a = k; a < i; a++) {
            if (ex->phases[a].repeat_from >= 0) {
                error_at(p, from->start_mark,
                         "repeat span overlaps the one of phase '%s' (line %d)", ex->phases[a].name,
                         (int)nodes[a].from->start_mark.line + 1);
                ex->phases[i].repeat_from = -1;
                break;
            }
        }
    }
}

static void read_phases(parse_t *p, const yaml_node_t *node, content_exercise_t *ex,
                        bool poses_known) {
    yaml_node_t *items[CONTENT_MAX_PHASES];
    phase_nodes_t nodes[CONTENT_MAX_PHASES];
    memset(nodes, 0, sizeof nodes);
    int n = read_list(p, node, &PHASES_LIST, items);
    for (int i = 0; i < n; i++) {
        read_phase(p, items[i], ex, i, poses_known, nodes);
    }
    ex->phase_count = n;
    read_repeats(p, ex, nodes);
}

bool content_exercise_count(const content_exercise_t *ex, int *min, int *target) {
    *min = *target = 0;
    if (ex->repetitions_max > 0) {
        *min = ex->repetitions_min;
        *target = ex->repetitions_max;
        return true;
    }
    for (int i = 0; i < ex->phase_count; i++) {
        const content_hold_t *h = &ex->phases[i].hold;
        if (h->kind == CONTENT_HOLD_NONE) {
            continue;
        }
        if (h->kind == CONTENT_HOLD_COMFORTABLE) {
            return false; /* "as long as you can": no number to give */
        }
        *min = (int)lroundf(h->count_min);
        *target = (int)lroundf(h->count);
        return true;
    }
    return false;
}

size_t content_exercise_dose(const content_exercise_t *ex, char *out, size_t out_size) {
    int min = 0, target = 0;
    char a[16] = "", b[16] = "";
    if (content_exercise_count(ex, &min, &target)) {
        snprintf(a, sizeof a, "%d", min);
        snprintf(b, sizeof b, "%d", target);
    }
    return content_format(out, out_size, ex->dose ? ex->dose : "",
                          &(content_format_args_t){.min = a, .target = b});
}

/* A dose that says {min} or {target} needs a count to fill them (content_exercise_count). */
static void check_dose(parse_t *p, const yaml_node_t *node, const content_exercise_t *ex) {
    int min = 0, target = 0;
    if (!ex->dose || (!strstr(ex->dose, "{min}") && !strstr(ex->dose, "{target}")) ||
        content_exercise_count(ex, &min, &target)) {
        return;
    }
    error_at(p, node->start_mark,
             "'dose' uses {min} or {target}, but the exercise has no count to fill them in: "
             "give it 'repetitions', or a hold of breaths or seconds, or write the dose "
             "without them");
}

static void read_exercise(parse_t *p, const yaml_node_t *node, int index) {
    content_exercise_t *ex = &p->out->exercises[index];
    ex->ghosts = true;
    ex->arrow = true;
    yaml_node_t *found[MAX_FIELDS];
    int errors_before = p->errors->total;
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
            if (get_text(p, items[i], "a step", false, false, &ex->steps[i])) {
                source_add(p, items[i], "exercise", "step", ex->steps[i]);
            }
        }
        ex->step_count = n;
    }
    if (found[EXERCISE_REPETITIONS]) {
        read_repetitions(p, found[EXERCISE_REPETITIONS], ex);
    }
    if (found[EXERCISE_CAMERA]) {
        yaml_node_t *camera_found[MAX_FIELDS];
        read_mapping(p, found[EXERCISE_CAMERA], &CAMERA_SPEC, &ex->camera, camera_found);
    }
    if (found[EXERCISE_CUES]) {
        yaml_node_t *cues_found[MAX_FIELDS];
        read_mapping(p, found[EXERCISE_CUES], &CUES_SPEC, ex, cues_found);
    }
    bool poses_known = found[EXERCISE_POSES] && read_poses(p, found[EXERCISE_POSES], ex);
    if (found[EXERCISE_PHASES]) {
        read_phases(p, found[EXERCISE_PHASES], ex, poses_known);
    }
    /* (a broken count or hold has its own error: one mistake, one message) */
    if (found[EXERCISE_DOSE] && p->errors->total == errors_before) {
        check_dose(p, found[EXERCISE_DOSE], ex);
    }
}

static void read_exercises(parse_t *p, const yaml_node_t *node) {
    yaml_node_t *items[CONTENT_MAX_EXERCISES];
    int n = read_list(p, node, &EXERCISES_LIST, items);
    for (int i = 0; i < n; i++) {
        read_exercise(p, items[i], i);
    }
    p->out->exercise_count = n;
}

int content_word_count(const char *text) {
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

static void read_reviews(parse_t *p, const yaml_node_t *node) {
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
        review->word_count = review->text ? content_word_count(review->text) : 0;
    }
    p->out->reviews.count = n;
}

/* ---- Kiosk ------------------------------------------------------------------------- */

/* Modifiers of the quit chord, as written (any case). */
static const struct {
    const char *name;  /* lowercase */
    const char *shown; /* in messages */
    int mod;
} MODIFIERS[] = {
    {"ctrl", "Ctrl", CONTENT_MOD_CTRL},
    {"control", "Ctrl", CONTENT_MOD_CTRL},
    {"alt", "Alt", CONTENT_MOD_ALT},
    {"shift", "Shift", CONTENT_MOD_SHIFT},
};

/* Indexed by struct tm tm_wday (0 = Sunday); messages list them from Monday. */
static const char *const DAY_NAMES[DAYS_PER_WEEK] = {"sun", "mon", "tue", "wed",
                                                     "thu", "fri", "sat"};
#define DAY_LIST "mon, tue, wed, thu, fri, sat, sun"

#define QUIT_EXAMPLE "e.g. Ctrl+Alt+Q"

/* Before the walk: what a file without the section, or without a key of it, means. */
static void kiosk_defaults(content_t *c) {
    c->kiosk.present = false;
    c->kiosk.quit_mods = CONTENT_MOD_CTRL | CONTENT_MOD_ALT;
    c->kiosk.quit_key = 'q';
    c->kiosk.quit_fkey = 0;
    c->kiosk.quit_keys = DEFAULT_QUIT_KEYS;
    c->kiosk.hint = NULL;
    c->kiosk.always_open = true;
    c->kiosk.open_minute = 0;
    c->kiosk.close_minute = MINUTES_PER_DAY;
    c->kiosk.open_days = (1u << DAYS_PER_WEEK) - 1u;
    c->kiosk.drift_pixels = 3.0f;
    c->kiosk.reload_seconds = 2.0f;
    c->kiosk.cec = false;
}

/* ASCII only: the C library's tolower depends on the locale. */
static char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }

/* s[0..len) equals `lower` (lowercase) in any case. */
static bool equal_fold(const char *s, size_t len, const char *lower) {
    if (strlen(lower) != len) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (ascii_lower(s[i]) != lower[i]) {
            return false;
        }
    }
    return true;
}

/* The MODIFIERS index of a token, or -1. */
static int modifier_find(const char *s, size_t len) {
    for (int i = 0; i < COUNT_OF(MODIFIERS); i++) {
        if (equal_fold(s, len, MODIFIERS[i].name)) {
            return i;
        }
    }
    return -1;
}

/* A letter or digit (*key, lowercased) or F1..F12 (*fkey); "F" alone is the letter f. */
static bool quit_key_parse(const char *s, size_t len, char *key, int *fkey) {
    char c = ascii_lower(s[0]);
    if (len == 1 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        *key = c;
        *fkey = 0;
        return true;
    }
    if (c != 'f' || len < 2 || len > 3 || s[1] < '1' || s[1] > '9') {
        return false; /* no "F0", no "F01" */
    }
    int n = s[1] - '0';
    if (len == 3) {
        if (s[2] < '0' || s[2] > '9') {
            return false;
        }
        n = n * 10 + (s[2] - '0');
    }
    if (n > MAX_FKEY) {
        return false;
    }
    *key = 0;
    *fkey = n;
    return true;
}

/* "Ctrl+Alt+Q": modifiers, each once, at least two of them, then one letter, digit or F-key.
 * Two modifiers at least: a patient leaning on the keyboard must not end the show. Spaces
 * around the parts are allowed ("Ctrl + Alt + Q"). One error per value, the first found. */
static void read_quit_keys(parse_t *p, const yaml_node_t *node) {
    const char *text = NULL;
    if (!get_text(p, node, "'quit_keys'", true, false, &text)) {
        return;
    }
    char q[QUOTE_MAX + 8];
    char q2[QUOTE_MAX + 8];
    int mods = 0;
    char key = 0;
    int fkey = 0;
    const char *key_part = NULL;
    size_t key_len = 0;
    const char *s = text;
    for (;;) {
        const char *plus = strchr(s, '+');
        const char *part = s;
        size_t len = plus ? (size_t)(plus - s) : strlen(s);
        while (len > 0 && (*part == ' ' || *part == '\t')) {
            part++;
            len--;
        }
        while (len > 0 && (part[len - 1] == ' ' || part[len - 1] == '\t')) {
            len--;
        }
        if (len == 0) {
            error_at(p, node->start_mark,
                     "quit_keys %s has an empty part; join the keys with one '+', " QUIT_EXAMPLE,
                     quote(text, strlen(text), q, sizeof q));
            return;
        }
        int m = modifier_find(part, len);
        char part_key = 0;
        int part_fkey = 0;
        if (m < 0 && !quit_key_parse(part, len, &part_key, &part_fkey)) {
            error_at(p, node->start_mark,
                     "unknown key %s in quit_keys; use Ctrl, Alt, Shift and a letter, digit or "
                     "F1-F12",
                     quote(part, len, q, sizeof q));
            return;
        }
        if (key_part && m < 0) {
            error_at(p, node->start_mark,
                     "quit_keys names two keys, %s and %s; give one letter, digit or F1-F12 "
                     "after the modifiers, " QUIT_EXAMPLE,
                     quote(key_part, key_len, q, sizeof q), quote(part, len, q2, sizeof q2));
            return;
        }
        if (key_part) {
            error_at(p, node->start_mark,
                     "in quit_keys the key %s must come after the modifiers, " QUIT_EXAMPLE,
                     quote(key_part, key_len, q, sizeof q));
            return;
        }
        if (m >= 0 && (mods & MODIFIERS[m].mod)) {
            error_at(p, node->start_mark, "duplicate modifier %s in quit_keys: %s is already given",
                     quote(part, len, q, sizeof q), MODIFIERS[m].shown);
            return;
        }
        if (m >= 0) {
            mods |= MODIFIERS[m].mod;
        } else {
            key_part = part;
            key_len = len;
            key = part_key;
            fkey = part_fkey;
        }
        if (!plus) {
            break;
        }
        s = plus + 1;
    }
    if (!key_part) {
        error_at(p, node->start_mark,
                 "quit_keys needs a letter, digit or F1-F12 after the modifiers, " QUIT_EXAMPLE);
        return;
    }
    int mod_count = 0;
    for (int bits = mods; bits; bits &= bits - 1) {
        mod_count++;
    }
    if (mod_count < 2) {
        error_at(p, node->start_mark,
                 "quit_keys needs at least two of Ctrl, Alt, Shift, " QUIT_EXAMPLE
                 " (one modifier is too easy to press by accident)");
        return;
    }
    p->out->kiosk.quit_mods = mods;
    p->out->kiosk.quit_key = key;
    p->out->kiosk.quit_fkey = fkey;
    p->out->kiosk.quit_keys = text;
}

/* "H:MM" or "HH:MM" at *s, advancing it; *minutes gets hours * 60 + minutes unchecked
 * (the caller checks the range, so "25:00" is named as out of range, not as a bad format). */
static bool clock_parse(const char **s, const char *end, int *hours, int *minutes) {
    const char *c = *s;
    int h = 0;
    int digits = 0;
    while (c < end && *c >= '0' && *c <= '9' && digits < 2) {
        h = h * 10 + (*c - '0');
        c++;
        digits++;
    }
    if (digits == 0 || c + 3 > end || c[0] != ':' || c[1] < '0' || c[1] > '9' || c[2] < '0' ||
        c[2] > '9') {
        return false;
    }
    *hours = h;
    *minutes = (c[1] - '0') * 10 + (c[2] - '0');
    *s = c + 3;
    return true;
}

static const char *skip_blanks(const char *s, const char *end) {
    while (s < end && (*s == ' ' || *s == '\t')) {
        s++;
    }
    return s;
}

/* "always" or "HH:MM-HH:MM" (24 h, 00:00..24:00, opening before closing: no overnight
 * hours). Returns false on an error (reported). */
static bool read_opening_hours(parse_t *p, const yaml_node_t *node) {
    char d[QUOTE_MAX + 8];
    bool scalar = node->type == YAML_SCALAR_NODE;
    const char *text = scalar ? (const char *)node->data.scalar.value : "";
    size_t len = scalar ? node->data.scalar.length : 0;
    if (equal_fold(text, len, "always")) {
        p->out->kiosk.always_open = true;
        p->out->kiosk.open_minute = 0;
        p->out->kiosk.close_minute = MINUTES_PER_DAY;
        return true;
    }
    const char *end = text + len;
    const char *at[2] = {NULL, NULL};    /* where each time starts, for messages */
    const char *after[2] = {NULL, NULL}; /* ... and ends */
    int hours[2] = {0, 0};
    int minutes[2] = {0, 0};
    bool ok = scalar;
    const char *s = skip_blanks(text, end);
    for (int k = 0; ok && k < 2; k++) {
        at[k] = s;
        ok = clock_parse(&s, end, &hours[k], &minutes[k]);
        after[k] = s;
        s = skip_blanks(s, end);
        if (ok && k == 0) {
            ok = s < end && *s == '-';
            s = skip_blanks(s + 1, end);
        }
    }
    if (!ok || s != end) {
        error_at(p, node->start_mark,
                 "'opening_hours' must be always, or the opening and closing times "
                 "\"HH:MM-HH:MM\" (24 h, e.g. \"07:30-18:30\"), not %s",
                 node_describe(node, d, sizeof d));
        return false;
    }
    static const char *const WHICH[2] = {"opening", "closing"};
    int minute[2];
    for (int k = 0; k < 2; k++) {
        if (hours[k] > 24 || minutes[k] > 59 || (hours[k] == 24 && minutes[k] > 0)) {
            error_at(p, node->start_mark,
                     "the %s time of 'opening_hours' must be between 00:00 and 24:00, not %s",
                     WHICH[k], quote(at[k], (size_t)(after[k] - at[k]), d, sizeof d));
            return false;
        }
        minute[k] = hours[k] * 60 + minutes[k];
    }
    if (minute[0] >= minute[1]) {
        error_at(p, node->start_mark,
                 "the opening time of 'opening_hours' (%02d:%02d) must be before the closing "
                 "time (%02d:%02d); hours past midnight are not supported",
                 hours[0], minutes[0], hours[1], minutes[1]);
        return false;
    }
    p->out->kiosk.always_open = false;
    p->out->kiosk.open_minute = minute[0];
    p->out->kiosk.close_minute = minute[1];
    return true;
}

/* A non-empty list of day names, any case, each once. */
static void read_open_days(parse_t *p, const yaml_node_t *node) {
    char d[QUOTE_MAX + 8];
    if (node->type != YAML_SEQUENCE_NODE) {
        error_at(p, node->start_mark, "'open_days' must be a list of days (" DAY_LIST "), not %s",
                 node_describe(node, d, sizeof d));
        return;
    }
    const yaml_node_t *first[DAYS_PER_WEEK] = {NULL};
    unsigned days = 0;
    bool ok = true;
    for (yaml_node_item_t *item = node->data.sequence.items.start;
         item < node->data.sequence.items.top; item++) {
        const yaml_node_t *child = node_at(p, *item);
        if (!child) {
            continue;
        }
        if (child->type != YAML_SCALAR_NODE) {
            error_at(p, child->start_mark,
                     "each day in 'open_days' must be a day name (" DAY_LIST "), not %s",
                     node_describe(child, d, sizeof d));
            ok = false;
            continue;
        }
        const char *name = (const char *)child->data.scalar.value;
        size_t len = child->data.scalar.length;
        int day = 0;
        while (day < DAYS_PER_WEEK && !equal_fold(name, len, DAY_NAMES[day])) {
            day++;
        }
        if (day == DAYS_PER_WEEK) {
            error_at(p, child->start_mark, "unknown day %s in 'open_days'; days: " DAY_LIST,
                     node_describe(child, d, sizeof d));
            ok = false;
        } else if (first[day]) {
            error_at(p, child->start_mark, "duplicate day %s in 'open_days' (first at line %d)",
                     quote(name, len, d, sizeof d), (int)first[day]->start_mark.line + 1);
            ok = false;
        } else {
            first[day] = child;
            days |= 1u << day;
        }
    }
    if (node->data.sequence.items.start == node->data.sequence.items.top) {
        error_at(p, node->start_mark,
                 "'open_days' must not be empty; leave it out to open every day");
        return;
    }
    if (ok) {
        p->out->kiosk.open_days = days;
    }
}

/* A language code: a lowercase letter, then letters, digits and '-' ("en", "es", "pt-br"). */
static bool language_code(parse_t *p, const yaml_node_t *node, const char **out) {
    char q[QUOTE_MAX + 8];
    if (!get_text(p, node, "a language", true, false, out)) return false;
    size_t len = strlen(*out);
    bool ok = len >= 2 && len < CONTENT_LANGUAGE_MAX && (*out)[0] >= 'a' && (*out)[0] <= 'z';
    for (size_t i = 0; ok && i < len; i++) ok = is_id_char((*out)[i]);
    if (!ok) {
        error_at(p, node->start_mark,
                 "%s is not a language code: 2 to %d lowercase letters, digits or '-', as the "
                 "name of its file (es for es.yaml)",
                 quote(*out, len, q, sizeof q), CONTENT_LANGUAGE_MAX - 1);
    }
    return ok;
}

/* The show's `languages: [en, es]`: each the name of a file of words beside it. */
static void read_languages(parse_t *p, const yaml_node_t *node) {
    content_t *c = p->out;
    yaml_node_t *items[CONTENT_MAX_LANGUAGES];
    int count = read_list(p, node, &LANGUAGES_LIST, items);
    for (int i = 0; i < count; i++) {
        const char *code = NULL;
        if (!language_code(p, items[i], &code)) continue;
        bool twice = false;
        for (int k = 0; k < c->language_count; k++) twice = twice || !strcmp(c->languages[k], code);
        if (twice) {
            error_at(p, items[i]->start_mark, "'%s' is in 'languages' twice", code);
            continue;
        }
        snprintf(c->languages[c->language_count++], CONTENT_LANGUAGE_MAX, "%s", code);
    }
}

/* The index of `code` in the show's languages, or -1. */
static int language_index(const content_t *c, const char *code) {
    for (int i = 0; i < c->language_count; i++) {
        if (strcmp(c->languages[i], code) == 0) return i;
    }
    return -1;
}

/* The kiosk's `languages: [en, es]`: a loop in each, in turn; of the show's languages. */
static void read_kiosk_languages(parse_t *p, const yaml_node_t *node) {
    content_t *c = p->out;
    yaml_node_t *items[CONTENT_MAX_LANGUAGES];
    int count = read_list(p, node, &LANGUAGES_LIST, items);
    c->kiosk.language_count = 0;
    for (int i = 0; i < count; i++) {
        const char *code = NULL;
        if (!language_code(p, items[i], &code)) continue;
        int index = language_index(c, code);
        if (index < 0) {
            char list[96] = "";
            for (int k = 0; k < c->language_count; k++) {
                size_t used = strlen(list);
                snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "", c->languages[k]);
            }
            error_at(p, items[i]->start_mark,
                     "the kiosk's language '%s' is not one of the show's languages (%s)", code,
                     c->language_count ? list : "a file without 'languages' has only its own");
            continue;
        }
        c->kiosk.languages[c->kiosk.language_count++] = index;
    }
}

static void read_kiosk(parse_t *p, const yaml_node_t *node) {
    p->out->kiosk.present = true;
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &KIOSK_SPEC, p->out, found)) {
        return;
    }
    if (found[KIOSK_QUIT_KEYS]) {
        read_quit_keys(p, found[KIOSK_QUIT_KEYS]);
    }
    if (found[KIOSK_LANGUAGES]) {
        read_kiosk_languages(p, found[KIOSK_LANGUAGES]);
    }
    const yaml_node_t *hours = found[KIOSK_OPENING_HOURS];
    bool hours_ok = hours && read_opening_hours(p, hours);
    const yaml_node_t *days = found[KIOSK_OPEN_DAYS];
    if (days) {
        read_open_days(p, days);
        /* the days only count with times: "always", or no hours, never closes */
        if (!hours || (hours_ok && p->out->kiosk.always_open)) {
            error_at(p, days->start_mark,
                     "'open_days' needs opening times, e.g. opening_hours: \"07:30-18:30\"; "
                     "with %s the kiosk is open every day",
                     hours ? "opening_hours: always" : "no opening_hours");
        }
    }
}

/* Before the walk: a file without the sound section, or without a key of it, is silent. */
static void sound_defaults(content_t *c) {
    c->sound.present = false;
    c->sound.interactive = (content_sound_t){false, DEFAULT_VOLUME};
    c->sound.kiosk = (content_sound_t){false, DEFAULT_VOLUME};
}

static void read_sound(parse_t *p, const yaml_node_t *node) {
    p->out->sound.present = true;
    yaml_node_t *found[MAX_FIELDS];
    if (!read_mapping(p, node, &SOUND_SPEC, p->out, found)) {
        return;
    }
    yaml_node_t *mode[MAX_FIELDS];
    if (found[SOUND_INTERACTIVE]) {
        read_mapping(p, found[SOUND_INTERACTIVE], &SOUND_INTERACTIVE_SPEC,
                     &p->out->sound.interactive, mode);
    }
    if (found[SOUND_KIOSK]) {
        read_mapping(p, found[SOUND_KIOSK], &SOUND_KIOSK_SPEC, &p->out->sound.kiosk, mode);
    }
}

/* After the exercises: the playlist may name exercises that come later in the file. */
static void read_playlist(parse_t *p, const yaml_node_t *node) {
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

static void read_document(parse_t *p, const yaml_node_t *root) {
    yaml_node_t *found[MAX_FIELDS];
    if (!check_keys(p, root, &TOP_SPEC, found)) {
        return;
    }
    /* clinic first: the other texts expand its placeholders */
    if (found[TOP_CLINIC]) {
        read_clinic(p, found[TOP_CLINIC]);
    }
    read_fields(p, &TOP_SPEC, found, p->out);
    if (found[TOP_LANGUAGES]) {
        read_languages(p, found[TOP_LANGUAGES]); /* before the kiosk's, which name them */
    }
    /* then each section present, in this order: exercises before the playlist that names
     * them; a section is read by its own reader, or by its fields' spec */
    static const struct {
        int key;
        void (*read)(parse_t *p, const yaml_node_t *node);
        const mapping_spec_t *spec;
    } SECTIONS[] = {
        {TOP_VERSION, read_version, NULL},   {TOP_THEME, NULL, &THEME_SPEC},
        {TOP_TIMING, read_timing, NULL},     {TOP_LABELS, read_labels, NULL},
        {TOP_INTRO, NULL, &INTRO_SPEC},      {TOP_EXERCISES, read_exercises, NULL},
        {TOP_REVIEWS, read_reviews, NULL},   {TOP_CONTACT, NULL, &CONTACT_SPEC},
        {TOP_KIOSK, read_kiosk, NULL},       {TOP_SOUND, read_sound, NULL},
        {TOP_PLAYLIST, read_playlist, NULL},
    };
    for (int i = 0; i < COUNT_OF(SECTIONS); i++) {
        const yaml_node_t *node = found[SECTIONS[i].key];
        if (!node) continue;
        if (SECTIONS[i].read) SECTIONS[i].read(p, node);
        else read_section(p, node, SECTIONS[i].spec);
    }
    content_t *c = p->out;
    if (c->kiosk.language_count == 0) { /* default: every language of the show, in turn */
        for (int i = 0; i < c->language_count; i++) c->kiosk.languages[i] = i;
        c->kiosk.language_count = c->language_count;
    }
}

/* ---- Public ------------------------------------------------------------------------ */

/* Checks and loads one file's text into `doc` (the caller deletes it on success); reports,
 * with p->mark_tag on every mark, and returns false when it cannot. */
static bool load_text(parse_t *p, const char *text, size_t len, yaml_document_t *doc) {
    if (len > CONTENT_MAX_BYTES) {
        error_at(p, (yaml_mark_t){0, 0, 0},
                 "the file is %zu KB; a content file may have at most %d KB (is it the right "
                 "file?)",
                 (len + 1023) / 1024, CONTENT_MAX_BYTES / 1024);
        return false;
    }
    if (!check_utf8(p, text, len) || !check_depth(p, text, len)) {
        return false;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        error_at(p, (yaml_mark_t){0, 0, 0}, "out of memory while starting the YAML parser");
        return false;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    /* On failure yaml_parser_load frees the document itself. */
    if (!yaml_parser_load(&parser, doc)) {
        report_yaml_error(p, &parser, text, len);
        yaml_parser_delete(&parser);
        return false;
    }
    /* A second document would be silently ignored: load it to report it (or its syntax). */
    yaml_document_t extra;
    if (!yaml_parser_load(&parser, &extra)) {
        report_yaml_error(p, &parser, text, len);
        yaml_document_delete(doc);
        yaml_parser_delete(&parser);
        return false;
    }
    const yaml_node_t *extra_root = yaml_document_get_root_node(&extra);
    if (extra_root) {
        error_at(p, extra_root->start_mark,
                 "only one YAML document is allowed; remove this one or its '---'");
    }
    yaml_document_delete(&extra);
    yaml_parser_delete(&parser);
    return true;
}

/* A fresh content_t and error list, with the defaults of the optional sections. */
static parse_t parse_start(content_t *out, content_errors_t *errors) {
    memset(out, 0, sizeof *out);
    memset(errors, 0, sizeof *errors);
    kiosk_defaults(out);
    sound_defaults(out);
    return (parse_t){.out = out, .errors = errors};
}

static void read_root(parse_t *p, yaml_document_t *doc) {
    p->doc = doc;
    const yaml_node_t *root = yaml_document_get_root_node(doc);
    if (!root) {
        error_at(p, (yaml_mark_t){0, 0, 0},
                 "the content file is empty; it must hold a mapping with version, clinic, "
                 "theme, timing, playlist, labels, intro, exercises, reviews and contact");
    } else {
        read_document(p, root);
    }
}

bool content_parse(content_t *out, const char *text, size_t len, content_errors_t *errors) {
    parse_t p = parse_start(out, errors);
    yaml_document_t doc;
    if (!load_text(&p, text ? text : "", text ? len : 0, &doc)) return false;
    read_root(&p, &doc);
    yaml_document_delete(&doc);
    return errors->total == 0;
}

/* words.c's messages, as the walker's. */
static void words_error(void *ctx, yaml_mark_t mark, const char *message) {
    error_at((parse_t *)ctx, mark, "%s", message);
}

bool content_parse_set(content_t *out, const char *show, size_t show_len, const char *words,
                       size_t words_len, content_errors_t *errors) {
    parse_t p = parse_start(out, errors);
    yaml_document_t show_doc, words_doc;
    bool show_ok = load_text(&p, show ? show : "", show ? show_len : 0, &show_doc);
    p.mark_tag = WORDS_MARK;
    bool words_ok = load_text(&p, words ? words : "", words ? words_len : 0, &words_doc);
    p.mark_tag = 0;
    if (show_ok && words_ok) {
        const yaml_node_t *root = yaml_document_get_root_node(&show_doc);
        const yaml_node_t *languages = NULL;
        if (root && root->type == YAML_MAPPING_NODE) {
            for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
                 pair < root->data.mapping.pairs.top; pair++) {
                if (scalar_is(yaml_document_get_node(&show_doc, pair->key), "languages")) {
                    languages = yaml_document_get_node(&show_doc, pair->value);
                }
            }
        }
        if (!languages) {
            error_at(&p, root ? root->start_mark : (yaml_mark_t){0, 0, 0},
                     "the show's file needs 'languages': the languages of its words, e.g. "
                     "languages: [en, es] for en.yaml and es.yaml beside it");
        }
        words_report_t report = {words_error, &p};
        /* one mistake, one message: a show and words that do not fit are not read on */
        if (words_overlay(&show_doc, &words_doc, report) && errors->total == 0) {
            read_root(&p, &show_doc);
            const content_t *c = p.out;
            if (errors->total == 0 && c->language && language_index(c, c->language) < 0) {
                const yaml_node_t *wroot = yaml_document_get_root_node(&words_doc);
                yaml_mark_t at = wroot ? wroot->start_mark : (yaml_mark_t){0, 0, 0};
                for (yaml_node_pair_t *pair = wroot ? wroot->data.mapping.pairs.start : NULL;
                     pair && pair < wroot->data.mapping.pairs.top; pair++) {
                    if (scalar_is(yaml_document_get_node(&words_doc, pair->key), "language")) {
                        at = yaml_document_get_node(&words_doc, pair->value)->start_mark;
                    }
                }
                at.index |= WORDS_MARK;
                error_at(&p, at, "the language '%s' is not one of the show's languages",
                         c->language);
            }
        }
    }
    if (show_ok) yaml_document_delete(&show_doc);
    if (words_ok) yaml_document_delete(&words_doc);
    return errors->total == 0;
}

bool content_compare_words(const char *reference, size_t reference_len, const char *translation,
                           size_t translation_len, content_errors_t *errors) {
    memset(errors, 0, sizeof *errors);
    parse_t p = {.errors = errors};
    yaml_document_t ref, tr;
    /* the reference's own mistakes are its check's to report: here it is taken or not */
    content_errors_t ref_errors = {0};
    parse_t rp = {.errors = &ref_errors};
    if (!load_text(&rp, reference ? reference : "", reference ? reference_len : 0, &ref)) {
        return true;
    }
    p.mark_tag = WORDS_MARK;
    if (!load_text(&p, translation ? translation : "", translation ? translation_len : 0, &tr)) {
        yaml_document_delete(&ref);
        return false;
    }
    words_compare(&ref, &tr, (words_report_t){words_error, &p});
    yaml_document_delete(&ref);
    yaml_document_delete(&tr);
    return errors->total == 0;
}

int content_show_languages(const char *text, size_t len, char codes[][CONTENT_LANGUAGE_MAX],
                           int max) {
    content_errors_t errors;
    parse_t p = {.errors = &errors};
    memset(&errors, 0, sizeof errors);
    yaml_document_t doc;
    if (!text || !load_text(&p, text, len, &doc)) return 0;
    const yaml_node_t *root = yaml_document_get_root_node(&doc);
    int count = 0;
    if (root && root->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
             pair < root->data.mapping.pairs.top; pair++) {
            if (!scalar_is(yaml_document_get_node(&doc, pair->key), "languages")) continue;
            const yaml_node_t *list = yaml_document_get_node(&doc, pair->value);
            if (!list || list->type != YAML_SEQUENCE_NODE) break;
            for (yaml_node_item_t *i = list->data.sequence.items.start;
                 i < list->data.sequence.items.top && count < max; i++) {
                const yaml_node_t *code = yaml_document_get_node(&doc, *i);
                if (!code || code->type != YAML_SCALAR_NODE) continue;
                snprintf(codes[count++], CONTENT_LANGUAGE_MAX, "%.*s",
                         (int)code->data.scalar.length, (const char *)code->data.scalar.value);
            }
        }
    }
    yaml_document_delete(&doc);
    return count;
}

content_kind_t content_kind(const char *text, size_t len) {
    content_errors_t errors;
    parse_t p = {.errors = &errors};
    memset(&errors, 0, sizeof errors);
    yaml_document_t doc;
    if (!text || !load_text(&p, text, len, &doc)) return CONTENT_KIND_WHOLE;
    const yaml_node_t *root = yaml_document_get_root_node(&doc);
    bool languages = false, language = false, playlist = false;
    if (root && root->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
             pair < root->data.mapping.pairs.top; pair++) {
            const yaml_node_t *key = yaml_document_get_node(&doc, pair->key);
            languages = languages || scalar_is(key, "languages");
            language = language || scalar_is(key, "language");
            playlist = playlist || scalar_is(key, "playlist");
        }
    }
    yaml_document_delete(&doc);
    /* a show that lost its `languages:` is still a show (its read says what is missing) */
    return languages || (playlist && !language) ? CONTENT_KIND_SHOW
           : language && !playlist              ? CONTENT_KIND_WORDS
                                                : CONTENT_KIND_WHOLE;
}

const content_source_t *content_source_of(const content_t *content, const char *text) {
    for (int i = 0; content && text && i < content->source_count; i++) {
        if (content->sources[i].text == text) {
            return &content->sources[i];
        }
    }
    return NULL;
}

void content_source_locate(const content_source_t *source, const char *file, size_t file_len,
                           const char *what, size_t n, int *line, int *column) {
    *line = source->line;
    *column = source->column;
    if (!file || n == 0 || source->line < 1 || source->column < 1) return;
    /* the value's first byte from its line and column (libyaml's index counts characters in
     * some versions: in a file with accents it is not a byte offset), and as far on as its
     * length could be in bytes (four a character at most) */
    size_t start = mark_offset(
        file, file_len, (yaml_mark_t){0, (size_t)source->line - 1, (size_t)source->column - 1});
    size_t span = source->end > source->start ? source->end - source->start : 0;
    size_t end = span <= (file_len - start) / 4 ? start + span * 4 : file_len;
    if (start >= end) {
        return;
    }
    for (size_t i = start; i + n <= end; i++) {
        if (memcmp(file + i, what, n) == 0) {
            yaml_mark_t mark = mark_from_offset(file, file_len, i);
            *line = (int)mark.line + 1;
            *column = (int)mark.column + 1;
            return;
        }
    }
}

void content_error_format(const content_error_t *error, const char *filename, char *buf,
                          size_t buf_size) {
    if (!buf || buf_size == 0) {
        return;
    }
    snprintf(buf, buf_size, "%s:%d:%d: %s", filename ? filename : "<content>", error->line,
             error->column, error->message);
}

bool content_find_scene(const content_t *content, const char *id, content_scene_ref_t *out) {
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

const char *content_scene_id(const content_t *content, content_scene_ref_t scene) {
    switch (scene.kind) {
    case SCENE_INTRO: return "intro";
    case SCENE_REVIEWS: return "reviews";
    case SCENE_REVIEW: return "review";
    case SCENE_CONTACT: return "contact";
    case SCENE_EXERCISE:
        if (content && scene.exercise >= 0 && scene.exercise < content->exercise_count &&
            content->exercises[scene.exercise].id) {
            return content->exercises[scene.exercise].id;
        }
        return "";
    default: return "";
    }
}

bool content_kiosk_open(const content_t *content, int weekday, int minute_of_day) {
    if (!content || content->kiosk.always_open) {
        return true;
    }
    if (weekday < 0 || weekday >= DAYS_PER_WEEK || !(content->kiosk.open_days & (1u << weekday))) {
        return false;
    }
    return minute_of_day >= content->kiosk.open_minute &&
           minute_of_day < content->kiosk.close_minute;
}

/* The output of content_format: once a piece does not fit, the text is cut and stays cut. */
typedef struct format_out_t {
    char *buf;
    size_t size; /* > 0 */
    size_t len;
    bool cut;
} format_out_t;

/* Appends n bytes of s, or as many as fit up to a UTF-8 character boundary. */
static void format_put(format_out_t *o, const char *s, size_t n) {
    if (o->cut) {
        return;
    }
    size_t room = o->size - 1 - o->len;
    if (n > room) {
        n = room;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
            n--; /* s[n] continues a character: cut before the character starts */
        }
        o->cut = true;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* The argument of the slot written at `brace` ("{n}..."), or NULL: none there, or not given.
 * Compares in place, so a brace without its close costs nothing more. */
static const char *format_arg(const char *brace, const content_format_args_t *args,
                              size_t *written) {
    for (int i = 0; args && i < COUNT_OF(SLOTS); i++) {
        size_t len = strlen(SLOTS[i].name);
        if (strncmp(brace + 1, SLOTS[i].name, len) == 0 && brace[1 + len] == '}') {
            const char *value;
            memcpy(&value, (const char *)args + SLOTS[i].arg, sizeof value);
            *written = len + 2;
            return value;
        }
    }
    return NULL;
}

size_t content_format(char *out, size_t out_size, const char *tmpl,
                      const content_format_args_t *args) {
    if (!out || out_size == 0) {
        return 0;
    }
    format_out_t o = {out, out_size, 0, false};
    out[0] = '\0';
    const char *s = tmpl ? tmpl : "";
    while (*s && !o.cut) {
        const char *brace = strchr(s, '{');
        if (!brace) {
            format_put(&o, s, strlen(s));
            break;
        }
        format_put(&o, s, (size_t)(brace - s));
        size_t placeholder = 0;
        const char *value = format_arg(brace, args, &placeholder);
        if (value) {
            format_put(&o, value, strlen(value));
            s = brace + placeholder;
        } else { /* not a slot, or its argument not given: the brace stays as written */
            format_put(&o, brace, 1);
            s = brace + 1;
        }
    }
    return o.len;
}
