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
#define CONTENT_MAX_POSES 16   /* named poses per exercise */
#define CONTENT_MAX_PHASES 32  /* phases per exercise */
#define CONTENT_MAX_REACH 4    /* IK targets per pose (two hands, two feet) */
#define CONTENT_MAX_ROTATED 19 /* joints a pose may rotate */
#define CONTENT_ARENA_BYTES (256 * 1024)
#define CONTENT_ERROR_MESSAGE_MAX 240
#define CONTENT_MAX_SOURCES \
    1024                                /* shown texts whose place in the file is kept (~120 in the
                                  * real file; 40 exercises of 12 steps and all else fit) */
#define CONTENT_MAX_BYTES (1024 * 1024) /* largest content file parsed (the real one is ~20 KB) */
#define CONTENT_MAX_LANGUAGES 8         /* languages of one show */
#define CONTENT_LANGUAGE_MAX 12         /* bytes of a language code with its NUL ("es", "pt-br") */
#define CONTENT_MAX_DEPTH \
    64 /* lists and mappings inside each other (the real file needs ~8);
                              * libyaml's time grows with the square of the depth */

/* Modifier bits of the kiosk's quit chord (content_t.kiosk.quit_mods). */
#define CONTENT_MOD_CTRL 1
#define CONTENT_MOD_ALT 2
#define CONTENT_MOD_SHIFT 4

/* What a scene of the playlist shows. 0 is "none" so a zeroed struct is empty. */
typedef enum scene_kind_t {
    SCENE_NONE = 0,
    SCENE_INTRO,
    SCENE_EXERCISE,
    SCENE_REVIEWS, /* the carousel: every review in turn */
    SCENE_REVIEW,  /* one review card, the next in turn at each stop ("review" in the playlist) */
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

/* Easing of a move between poses. */
typedef enum content_ease_t {
    CONTENT_EASE_IN_OUT = 0, /* default: calm start and end */
    CONTENT_EASE_LINEAR,
    CONTENT_EASE_IN,
    CONTENT_EASE_OUT,
    CONTENT_EASE_NUM
} content_ease_t;

typedef enum content_side_t {
    CONTENT_SIDE_NONE = 0,
    CONTENT_SIDE_RIGHT, /* poses are written for the right side */
    CONTENT_SIDE_LEFT,  /* ... and mirrored for the left */
    CONTENT_SIDE_NUM
} content_side_t;

typedef enum content_hold_kind_t {
    CONTENT_HOLD_NONE = 0,
    CONTENT_HOLD_SECONDS,     /* "seconds: 5" or "seconds: [20, 30]" */
    CONTENT_HOLD_BREATHS,     /* "breaths: 10" deep breaths, paced by timing.breath_* */
    CONTENT_HOLD_COMFORTABLE, /* "comfortable: 8": as long as you can; shown for 8 s */
    CONTENT_HOLD_KIND_NUM
} content_hold_kind_t;

typedef struct content_hold_t {
    content_hold_kind_t kind;
    float count;     /* seconds (the target: 30 of "20 to 30"), breaths, or shown seconds */
    float count_min; /* the lower figure of a range ("20" of 20-30); = count otherwise */
} content_hold_t;

/* Where a pose puts a hand or foot: a world point, or a point relative to another joint
 * (a hand clasping a knee). The limb's two bones are solved to reach it (two-bone IK). */
typedef struct content_reach_t {
    int joint;      /* skel_joint_t: hand_l, hand_r, ankle_l or ankle_r */
    int at_joint;   /* skel_joint_t to follow, or -1 for a world point */
    float point[3]; /* world metres, or the offset from at_joint */
    bool has_bend;
    float bend[3]; /* world direction the elbow or knee points (has_bend), else its own way */
} content_reach_t;

/* A named pose: the pelvis's place and turn, joint rotations and reach targets.
 * Angles in degrees, Euler X (forward axis), Y (up), Z (right) in the parent's frame. */
typedef struct content_pose_t {
    const char *name;
    float root_at[3];  /* pelvis, world metres */
    float root_rot[3]; /* degrees */
    int rotated_count;
    int rotated_joint[CONTENT_MAX_ROTATED]; /* skel_joint_t */
    float rotation[CONTENT_MAX_ROTATED][3]; /* degrees */
    int reach_count;
    content_reach_t reach[CONTENT_MAX_REACH];
} content_pose_t;

/* One move of the choreography: to a pose, then an optional hold. */
typedef struct content_phase_t {
    const char *name;
    int step;      /* 0-based index of the step it illustrates */
    int pose;      /* index into the exercise's poses */
    float seconds; /* length of the move, s (0 = cut) */
    content_ease_t ease;
    content_hold_t hold;
    content_side_t side;
    int anchor; /* skel_joint_t held still in the world during the move, or -1 */
    int arrow;  /* skel_joint_t whose path the move's arrow follows (the part the page
                          * names: the hips of child's pose), or -1: the one that moves most */
    /* When each part of the body moves within the move, as fractions of it (skel_part_t
     * order): the part that leads starts first, the one that follows ends last. [0, 1] by
     * default. Written for the right side: a left phase swaps arm_r/arm_l, leg_r/leg_l. */
    float part_from[7], part_to[7];
    int repeat_from;  /* phase index to go back to after this one, or -1 */
    int repeat_times; /* how often the span repeat_from..this plays in all (>= 1) */
} content_phase_t;

typedef struct content_camera_t {
    float yaw;   /* degrees about the vertical; 0 = side view from the figure's right */
    float pitch; /* degrees above the floor plane; 0 = level */
} content_camera_t;

typedef struct content_exercise_t {
    const char *id; /* lowercase letters, digits and '-' */
    const char *title;
    const char *purpose;
    const char *how_to; /* "Here’s how to perform …:" */
    const char *steps[CONTENT_MAX_STEPS];
    int step_count;
    const char *dose;    /* the handout's dose line, a template that may use {min} and {target}
                       * (content_exercise_count fills them): "{target} deep breaths each
                       * side"; NULL when the words give none */
    int repetitions_min; /* what the page asks for: "10-15 repetitions" is 10, 15; a single */
    int repetitions_max; /* number N is N, N; 0, 0 when the exercise does not say (1..100) */
    content_camera_t camera;
    bool ghosts;       /* faint start and end poses of the current move */
    bool arrow;        /* an arrow showing the move's direction */
    bool working_side; /* a sided phase draws its side's limbs in front in the near tone */
    content_pose_t poses[CONTENT_MAX_POSES];
    int pose_count;
    content_phase_t phases[CONTENT_MAX_PHASES];
    int phase_count;
} content_exercise_t;

typedef struct content_review_t {
    const char *text;
    const char *name;
    int word_count; /* words in text, for reading time */
} content_review_t;

/* The sound cues in one mode (content_t.sound). */
typedef struct content_sound_t {
    bool on;      /* the cues sound from the start (S turns them on and off); default false */
    float volume; /* 0..1 of the tones as made; default 0.5 */
} content_sound_t;

typedef struct content_help_t {
    const char *keys;
    const char *action;
    bool in_kiosk;  /* shown in --kiosk too (default); false for keys a kiosk ignores */
    bool exercises; /* shown as one row per number key instead: the key and the title of its
                     * exercise (show_numbered_exercise); default false */
} content_help_t;

/* Where a text the show displays was written in the file, for messages about it that name
 * FILE:LINE:COL (a character the fonts lack, a text too long for its place). */
typedef struct content_source_t {
    const char *text;    /* the text as parsed (in the arena) */
    const char *section; /* what holds it: "review", "exercise", "labels", "intro", ... */
    const char *field;   /* its key: "text", "title", "step", "footer", ... */
    int line, column;    /* 1-based, of the value */
    size_t start, end;   /* byte offsets of the value in the file: [start, end) */
    int file;            /* CONTENT_FILE_SHOW (or the whole file), CONTENT_FILE_WORDS */
} content_source_t;

/* Which file a message or a text is about, when a show is read with a language's words. */
enum { CONTENT_FILE_SHOW = 0, CONTENT_FILE_WORDS = 1 };

/* What a content file is, by its top-level keys (content_kind). */
typedef enum content_kind_t {
    CONTENT_KIND_WHOLE = 0, /* one file, show and words of one language (or not YAML at all) */
    CONTENT_KIND_SHOW,      /* the show without its words: `languages:` names their files */
    CONTENT_KIND_WORDS,     /* a language's words: `language:` and no playlist */
} content_kind_t;

/* Every string points into `arena`, so a content_t is one block that is freed at once.
 * All strings are UTF-8, non-empty unless noted, with {clinic.*} placeholders expanded. */
typedef struct content_t {
    int version;
    const char *language;      /* the words' language code: "en", "es" */
    const char *language_name; /* its name as its readers write it ("Español"), shown a moment
                                * after L; NULL when the file gives none */
    /* The show's languages (`languages: [en, es]` in a show file, their words in en.yaml,
     * es.yaml beside it); 0 for a whole file, which is its one language. */
    char languages[CONTENT_MAX_LANGUAGES][CONTENT_LANGUAGE_MAX];
    int language_count;

    struct {
        const char *name;
        const char *phone;
        const char *care_phone;
        const char *address;
        const char *qr_text;     /* what the contact scene's QR code holds: qr_text as written,
                              * placeholders filled, a "tel:" number made dialable; by default
                              * "tel:" and the phone's digits ("+1" before ten digits) */
        const char *handout_url; /* the take-home handout's http(s) address, as written: the
                                  * contact scene's second QR code; NULL when not given */
    } clinic;

    struct {
        content_color_t background_top, background_bottom, panel, text, text_dim, accent,
            accent_text, figure;
        const char *font_regular; /* path relative to the assets folder */
        const char *font_bold;
        const char
            *mark; /* the clinic's mark (SVG or PNG) relative to the assets folder; NULL = none */
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
        float demo_hold_seconds; /* demo pacing cuts a timed hold to this, s (>0..600) */
        int demo_breaths;        /* demo pacing shows this many breaths of a breathing hold:
                                  * a whole number 1..100, stored as int */
        float resume_seconds;    /* the re-count after a pause, s (>0..30) */
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
        /* The choreography's cues. Those marked with {…} are templates filled at run time by
         * content_format: the placeholders named are kept as written, each one present. */
        const char *get_ready;
        const char *switch_sides;
        const char *breathe_in;
        const char *breathe_out;
        const char *right; /* the {side} of "side" */
        const char *left;
        const char *side;         /* {side}: "{side} side" */
        const char *hold_breaths; /* {target}: "Hold for {target} deep breaths" */
        const char *hold_seconds; /* {target}: "Hold for {target} seconds" */
        const char *hold_range;   /* {min} {target}: "Hold for {min} to {target} seconds" */
        const char *hold_comfortable;
        /* optional, for a hold demo pacing cuts short, {n} the breaths or seconds shown:
         * "Hold for {target} deep breaths — shown here: {n}" (NULL: the plain label) */
        const char *hold_breaths_shown;
        const char *hold_seconds_shown;
        const char *hold_range_shown; /* {min} {target} {n} */
        const char *breaths_left;
        const char *seconds_left;
        const char *seconds_held;
        /* Each of those three for 1 ("1 breath left"): optional, NULL = the plural is used */
        const char *breath_left;
        const char *second_left;
        const char *second_held;
        /* The words under the ring's numeral while a repetition moves ("repetition");
         * optional, NULL = the repetition label's words before {n} */
        const char *repetition_word;
        const char *repetition; /* {n} {target}: "Repetition {n} of {target}" */
        const char *resuming;   /* {n}: "Resuming in {n}" */
        const char *sound_on;   /* the notice after S turns the sound cues on; NULL = none */
        const char *sound_off;  /* ... off */
        const char *sound_none; /* ... on, but there is no sound device to hear them */
        const char *quit_hold;  /* kiosk: said while the staff hold the quit chord; NULL = none */
        /* The take-home handout's words (--handout) and the contact scene's caption under its
         * QR code (clinic.handout_url); each optional, NULL = none */
        const char *handout_title;   /* "Your stretches to take home" */
        const char *handout_start;   /* "Start": the column of an exercise's first pose */
        const char *handout_hold;    /* "Hold": the column of its held pose */
        const char *handout_caption; /* "Take these stretches home" */
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

    /* Unattended running (--kiosk). The section and each of its keys are optional; what is
     * left out takes the default named here, so the fields are always filled. */
    struct {
        bool present;          /* the section was in the file */
        int quit_mods;         /* CONTENT_MOD_* bits of the quit chord, at least two;
                                * default CTRL | ALT */
        char quit_key;         /* 'a'..'z' or '0'..'9' (lowercased), or 0 when quit_fkey is set;
                                * default 'q' */
        int quit_fkey;         /* 1..12 for F1..F12, else 0 */
        const char *quit_keys; /* as written, for messages ("Ctrl+Alt+Q"); the default is a
                                * static string, not in the arena */
        const char *hint;      /* small on-screen hint while it loops; NULL = none (default) */
        bool always_open;      /* never closes (default; "always"): the times are ignored */
        int open_minute;       /* opens at, minutes after midnight (0..1439); 0 when always */
        int close_minute;      /* closes at, minutes after midnight (1..1440), > open_minute:
                                * no overnight hours; 1440 when always */
        unsigned open_days;    /* bit 0 = Sunday .. bit 6 = Saturday (as struct tm tm_wday);
                                * never 0; default 0x7F, every day */
        float drift_pixels;    /* burn-in guard: how far the layout drifts, px at 1080p, 0..20;
                                * 0 = off; default 3 */
        float reload_seconds;  /* how often the content file is checked for edits, s, 0.5..60;
                                * default 2 */
        bool cec;              /* outside opening hours, also put the TV in standby over
                                * HDMI-CEC (cec-ctl) and wake it at opening; default false */
        /* The languages the kiosk's loop goes through, one whole loop each, in turn: indices
         * into content_t.languages; default every language of the show in its order. */
        int languages[CONTENT_MAX_LANGUAGES];
        int language_count;
    } kiosk;

    /* Sound cues for a patient whose eyes are elsewhere, per mode. The section and each of
     * its keys are optional: what is left out is silent (off, volume 0.5). */
    struct {
        bool present;                /* the section was in the file */
        content_sound_t interactive; /* the show on a patient's own computer */
        content_sound_t kiosk;       /* --kiosk, in a waiting room */
    } sound;

    /* Every displayed text read from the file (not ids, file names, pose or phase names, the
     * QR code's text or the quit keys), in file order; past CONTENT_MAX_SOURCES none more. */
    content_source_t sources[CONTENT_MAX_SOURCES];
    int source_count;

    size_t arena_used;
    char arena[CONTENT_ARENA_BYTES];
} content_t;

/* One problem in the file; line and column are 1-based and point at the offending node. */
typedef struct content_error_t {
    int file; /* CONTENT_FILE_SHOW (or the whole file) or CONTENT_FILE_WORDS */
    int line;
    int column;
    char message[CONTENT_ERROR_MESSAGE_MAX];
} content_error_t;

typedef struct content_errors_t {
    content_error_t items[CONTENT_MAX_ERRORS]; /* the first CONTENT_MAX_ERRORS, in file order
                                                * (the show's file, then the words') */
    int count;                                 /* entries filled in items */
    int total;                                 /* all errors found, may exceed count */
} content_errors_t;

/* Parses and validates `len` bytes of YAML. On success fills *out and returns true.
 * On failure returns false, fills *errors, and *out is unspecified (parse into a scratch
 * content_t to keep the last good one). Never reads files, never prints. A text longer than
 * CONTENT_MAX_BYTES, not UTF-8, or nested deeper than CONTENT_MAX_DEPTH is refused before a
 * tree is built, so no input costs more than a few milliseconds of libyaml. */
bool content_parse(content_t *out, const char *text, size_t len, content_errors_t *errors);

/* A show file (CONTENT_KIND_SHOW) read with one language's words (CONTENT_KIND_WORDS) as one
 * content: the words laid over the show (words.c), then read as a whole file is. Errors name
 * their file (content_error_t.file) and place in it; so do the texts' sources. As
 * content_parse otherwise; the words' `language` must be one of the show's `languages`. */
bool content_parse_set(content_t *out, const char *show, size_t show_len, const char *words,
                       size_t words_len, content_errors_t *errors);

/* A translation (a language's words) checked against the reference language's (English),
 * text by text: a text missing, a text the show does not use, a list of another length, a
 * placeholder dropped or added. Errors are all the translation's (CONTENT_FILE_WORDS);
 * a file that is not YAML is reported as such. True when nothing was found. */
bool content_compare_words(const char *reference, size_t reference_len, const char *translation,
                           size_t translation_len, content_errors_t *errors);

/* What the file is, by its top-level keys: `languages`, or a `playlist` without `language`,
 * makes a show; `language` without a `playlist` a language's words; anything else (a whole
 * file, or not YAML: its parse will say) CONTENT_KIND_WHOLE. */
content_kind_t content_kind(const char *text, size_t len);

/* The codes of a show file's `languages: [en, es]` as written (up to `max`, each cut to
 * CONTENT_LANGUAGE_MAX - 1 bytes), without checking them: which words to read it with. 0 when
 * the file is not YAML or has no such list. */
int content_show_languages(const char *text, size_t len, char codes[][CONTENT_LANGUAGE_MAX],
                           int max);

/* Writes "FILE:LINE:COL: message" into buf (always NUL-terminated). */
void content_error_format(const content_error_t *error, const char *filename, char *buf,
                          size_t buf_size);

/* Scene lookup: "intro", "reviews", "review", "contact" or an exercise id. Returns false if unknown. */
bool content_find_scene(const content_t *content, const char *id, content_scene_ref_t *out);

/* The id of a scene as written in the playlist ("intro", an exercise id, ...). */
const char *content_scene_id(const content_t *content, content_scene_ref_t scene);

/* Whether the kiosk shows the loop at a time (else the screen is black): always when
 * kiosk.always_open, otherwise on an open day from open_minute up to, not including,
 * close_minute. weekday 0 = Sunday .. 6 = Saturday (struct tm tm_wday), minute_of_day
 * 0..1439 (tm_hour * 60 + tm_min); out of range is closed unless always_open. The caller
 * reads the clock. A NULL content is open (the default). */
bool content_kiosk_open(const content_t *content, int weekday, int minute_of_day);

/* The source of a displayed text by its pointer (one of content's own strings), or NULL. */
const content_source_t *content_source_of(const content_t *content, const char *text);

/* Where the first occurrence of the `n` bytes at `what` lies within a text's value in the
 * file (the file's own `file_len` bytes), as 1-based line and column (characters, as libyaml
 * counts); the value's own place when it is not found there (it came from a placeholder or an
 * escape). */
void content_source_locate(const content_source_t *source, const char *file, size_t file_len,
                           const char *what, size_t n, int *line, int *column);

/* Words in a text (runs of characters between spaces, tabs and line breaks), as a review's
 * reading time counts them. */
int content_word_count(const char *text);

/* An exercise's main count, what its dose line's {min} and {target} say: its repetitions
 * when it gives them, else its first hold's (breaths: both the breaths; seconds [a, b]: a and
 * b; seconds N: N and N, rounded to whole seconds). False, with both 0, when it has neither
 * (its first hold is `comfortable`, or it has none). */
bool content_exercise_count(const content_exercise_t *ex, int *min, int *target);

/* An exercise's dose with its count filled in ("10 deep breaths each side"), into out; ""
 * when it has none. Returns the bytes written (content_format's cut and NUL). */
size_t content_exercise_dose(const content_exercise_t *ex, char *out, size_t out_size);

/* The run-time values of a label template's placeholders; NULL = not given. */
typedef struct content_format_args_t {
    const char *side;   /* {side}: labels.right or labels.left */
    const char *n;      /* {n}: "3" of "Repetition 3 of 10", "Resuming in 3" */
    const char *target; /* {target}: the breaths, seconds or repetitions asked for */
    const char *min;    /* {min}: the lower figure of a range */
} content_format_args_t;

/* Fills a label template ("Repetition {n} of {target}") into out. A placeholder whose
 * argument is NULL, and any other text in braces, is copied as written. Always
 * NUL-terminates (when out_size > 0); when out is too small the text is cut at a UTF-8
 * character boundary, and nothing after the cut is written. Returns the bytes written, not
 * counting the NUL. No allocation; tmpl and args may be NULL. */
size_t content_format(char *out, size_t out_size, const char *tmpl,
                      const content_format_args_t *args);

#endif
