/* content: the show's content file (YAML) parsed and validated into plain structs.
 * Pure core: libyaml and libc only; no SDL, no GL, no files (the caller reads the file). */
#ifndef SK_CONTENT_H
#define SK_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#define CONTENT_MAX_EXERCISES 40
#define CONTENT_MAX_STEPS 12
#define CONTENT_MAX_REVIEWS 32
#define CONTENT_MAX_PLAYLIST 64
#define CONTENT_MAX_HELP 16
#define CONTENT_MAX_ERRORS 16
#define CONTENT_ARENA_BYTES (256 * 1024)
#define CONTENT_ERROR_MESSAGE_MAX 240

/* What a scene of the playlist shows. 0 is "none" so a zeroed struct is empty. */
typedef enum scene_kind_t {
    SCENE_NONE = 0,
    SCENE_INTRO,
    SCENE_EXERCISE,
    SCENE_REVIEWS,
    SCENE_CONTACT,
    SCENE_KIND_NUM
} scene_kind_t;

typedef struct content_color_t {
    float r, g, b; /* 0..1, sRGB */
} content_color_t;

typedef struct content_scene_ref_t {
    scene_kind_t kind;
    int exercise; /* index into content_t.exercises when kind == SCENE_EXERCISE, else -1 */
} content_scene_ref_t;

typedef struct content_exercise_t {
    const char *id; /* lowercase letters, digits and '-' */
    const char *title;
    const char *purpose;
    const char *how_to; /* "Here’s how to perform …:" */
    const char *steps[CONTENT_MAX_STEPS];
    int step_count;
} content_exercise_t;

typedef struct content_review_t {
    const char *text;
    const char *name;
    int word_count; /* words in text, for reading time */
} content_review_t;

typedef struct content_help_t {
    const char *keys;
    const char *action;
} content_help_t;

/* Every string points into `arena`, so a content_t is one block that is freed at once.
 * All strings are UTF-8, non-empty unless noted, with {clinic.*} placeholders expanded. */
typedef struct content_t {
    int version;
    const char *language;

    struct {
        const char *name;
        const char *phone;
        const char *care_phone;
        const char *address;
        const char *qr_text;
    } clinic;

    struct {
        content_color_t background_top, background_bottom, panel, text, text_dim, accent,
            accent_text, figure;
        const char *font_regular; /* path relative to the assets folder */
        const char *font_bold;
    } theme;

    struct {
        float intro_seconds;
        float exercise_seconds;
        float contact_seconds;
        float review_min_seconds;
        float review_max_seconds;
        float reading_words_per_minute;
        float transition_seconds;
        float breath_in_seconds;
        float breath_out_seconds;
        float get_ready_seconds;
        float idle_seconds;
    } timing;

    content_scene_ref_t playlist[CONTENT_MAX_PLAYLIST];
    int playlist_count;

    struct {
        const char *step;
        const char *paused;
        const char *next;
        const char *review_name_prefix; /* may be empty */
        const char *footer;
        const char *help_title;
        const char *help_hint;
        content_help_t help[CONTENT_MAX_HELP];
        int help_count;
    } labels;

    struct {
        const char *title;
        const char *body;
        const char *call;
    } intro;

    content_exercise_t exercises[CONTENT_MAX_EXERCISES];
    int exercise_count;

    struct {
        const char *title;
        content_review_t items[CONTENT_MAX_REVIEWS];
        int count;
    } reviews;

    struct {
        const char *title;
        const char *body;
        const char *severe;
        const char *call;
        const char *qr_caption;
    } contact;

    size_t arena_used;
    char arena[CONTENT_ARENA_BYTES];
} content_t;

/* One problem in the file; line and column are 1-based and point at the offending node. */
typedef struct content_error_t {
    int line;
    int column;
    char message[CONTENT_ERROR_MESSAGE_MAX];
} content_error_t;

typedef struct content_errors_t {
    content_error_t items[CONTENT_MAX_ERRORS]; /* the first CONTENT_MAX_ERRORS, in file order */
    int count;                                 /* entries filled in items */
    int total;                                 /* all errors found, may exceed count */
} content_errors_t;

/* Parses and validates `len` bytes of YAML. On success fills *out and returns true.
 * On failure returns false, fills *errors, and *out is unspecified (parse into a scratch
 * content_t to keep the last good one). Never reads files, never prints. */
bool content_parse(content_t *out, const char *text, size_t len, content_errors_t *errors);

/* Writes "FILE:LINE:COL: message" into buf (always NUL-terminated). */
void content_error_format(const content_error_t *error, const char *filename, char *buf,
                          size_t buf_size);

/* Scene lookup: "intro", "reviews", "contact" or an exercise id. Returns false if unknown. */
bool content_find_scene(const content_t *content, const char *id, content_scene_ref_t *out);

/* The id of a scene as written in the playlist ("intro", an exercise id, ...). */
const char *content_scene_id(const content_t *content, content_scene_ref_t scene);

#endif
