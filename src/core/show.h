/* show: the show's state machine — which scene of the playlist is on screen, its time, the
 * highlighted step or review, pause, help and scene transitions (DESIGN §2, §3, §7).
 * Pure: no SDL, no GL, no clock. Time and commands come in as data; the renderer only reads. */
#ifndef SK_SHOW_H
#define SK_SHOW_H

#include <stdbool.h>

#include "choreo.h"
#include "content.h"

/* What the user (or the kiosk loop) asks for; the app maps keys to these. */
typedef enum show_cmd_t {
    SHOW_CMD_NONE = 0,
    SHOW_CMD_NEXT_SCENE,
    SHOW_CMD_PREV_SCENE,
    SHOW_CMD_NEXT_ITEM, /* next step of an exercise (one stop along its routine: on the
                             * side and repetition being done first), next review card */
    SHOW_CMD_PREV_ITEM,
    SHOW_CMD_GOTO_EXERCISE, /* arg: 0-based number key (0 = key 1): show_numbered_exercise */
    SHOW_CMD_GOTO_INTRO,
    SHOW_CMD_GOTO_CONTACT,
    SHOW_CMD_GOTO_REVIEWS,
    SHOW_CMD_TOGGLE_PAUSE,
    SHOW_CMD_TOGGLE_HELP,
    SHOW_CMD_NUM
} show_cmd_t;

/* One scene as it looks at an instant: what the renderer draws. */
typedef struct show_view_t {
    int playlist_index;        /* index into content->playlist */
    content_scene_ref_t scene; /* content->playlist[playlist_index] */
    double time;               /* seconds since the scene started, paused time excluded */
    int item;                  /* exercise: highlighted step; reviews: card shown (0-based) */
    double item_time;          /* seconds since this step or card became current */
    double jump_from;          /* scene time the figure glides from after a step jump */
    float jump;                /* 0..1 through that glide; 1 = none */
    int item_prev;             /* reviews: the card sliding out */
    float item_mix;            /* 0..1 through the slide to the current card; 1 = done */
    double browse_idle;        /* s the carousel waits after Down/Up before moving on again */
    const choreo_t *choreos;   /* the routines (in their pacing) this view is played with */
} show_view_t;

#define SHOW_JUMP_SECONDS 0.8 /* how long the figure takes to glide to a jumped-to step */

/* A short word on screen after a key that changes something unseen (S: sound on or off).
 * The renderer shows the content's label for it; 0 is none. */
typedef enum show_notice_t {
    SHOW_NOTICE_NONE = 0,
    SHOW_NOTICE_SOUND_ON,   /* labels.sound_on */
    SHOW_NOTICE_SOUND_OFF,  /* labels.sound_off */
    SHOW_NOTICE_SOUND_NONE, /* labels.sound_none: on, but this computer has no sound device */
    SHOW_NOTICE_STAFF,      /* a line for the staff (a USB update's outcome): show_t.notice_text */
    SHOW_NOTICE_LANGUAGE,   /* after L: the new language's own name (content_t.language_name) */
    SHOW_NOTICE_NUM
} show_notice_t;

#define SHOW_NOTICE_SECONDS 1.5        /* how long a notice stays */
#define SHOW_STAFF_NOTICE_SECONDS 10.0 /* a staff notice: long enough to walk up and read */
#define SHOW_NOTICE_TEXT_MAX 240       /* bytes of a staff notice's text, NUL included */

typedef struct show_t {
    const content_t *content;
    const choreo_t *choreos; /* one per exercise (content order), or NULL: steps share time */
    /* Kiosk mode: the loop plays the demo routines; any key hands control to the visitor
     * (follow-along routines) until timing.idle_seconds pass without one. */
    bool kiosk;
    bool takeover; /* a visitor has control */
    double idle;   /* s since the last key, during a takeover */
    const choreo_t *choreos_demo, *choreos_follow;
    show_view_t view;   /* the scene on screen (the incoming one during a transition) */
    show_view_t from;   /* the outgoing scene, frozen, while a transition runs */
    double transition;  /* seconds since the last scene change */
    bool transitioning; /* from is still partly visible */
    bool paused;
    double resume_left; /* s of the re-count after a pause; time stands still until 0 */
    bool help;
    int next_review;       /* the card the next "review" stop of the playlist shows */
    unsigned scene_serial; /* scenes entered since show_init (the same one again counts) */
    show_notice_t notice;  /* shown for notice_left more seconds (pauses too) */
    double notice_left;
    char notice_text[SHOW_NOTICE_TEXT_MAX]; /* SHOW_NOTICE_STAFF's words (a copy, cut if long) */
    unsigned notice_serial; /* notices shown since show_init: a new one is redrawn */
} show_t;

/* Starts the show at playlist entry `playlist_index` (clamped to the playlist). `choreos`
 * (one per exercise, or NULL) sets each exercise's length and which step is shown when. */
/* A playlist entry as it looks when the show gets to it: time 0, its first step, the next
 * review card in turn for a single-card stop (the show unchanged: the renderer's walks). */
show_view_t show_view_at_start(const show_t *show, int playlist_index);

void show_init(show_t *show, const content_t *content, const choreo_t *choreos, int playlist_index);

/* Kiosk mode: loops `demo` routines; a key switches to `follow` ones (see show_t). */
void show_init_kiosk(show_t *show, const content_t *content, const choreo_t *demo,
                     const choreo_t *follow, int playlist_index);

/* After a content reload: the same scene goes on if it is still in the playlist (from the
 * start of its step if its routine changed), else the show starts over. Nothing from the old
 * content is used afterwards. */
void show_rebind(show_t *show, const content_t *content, const choreo_t *demo,
                 const choreo_t *follow);

/* Applies one command. Returns true if it changed anything visible. In kiosk mode any command
 * is a visitor taking over. */
bool show_command(show_t *show, show_cmd_t cmd, int arg);

/* Advances time by dt seconds (the app calls this at a fixed step). */
void show_update(show_t *show, double dt);

/* Shows a notice for SHOW_NOTICE_SECONDS, in place of any notice shown. */
void show_notice(show_t *show, show_notice_t notice);

/* Shows a staff notice (SHOW_NOTICE_STAFF) with its own words for SHOW_STAFF_NOTICE_SECONDS,
 * in place of any notice shown. The words are copied (cut at a character if too long). */
void show_notice_text(show_t *show, const char *text);

/* Puts pause and the re-count back as they were (a double click's first click undone). */
void show_restore_pause(show_t *show, bool paused, double resume_left);

/* True while the show's time stands still: paused, or counting back in after a pause. */
bool show_frozen(const show_t *show);

/* 0..1 progress of the current transition (1 when none runs), eased. */
float show_transition_mix(const show_t *show);

/* How long a scene stays before the show moves on, in seconds. */
double show_scene_seconds(const show_t *show, content_scene_ref_t scene);

/* How long one review card stays: its reading time within the content's bounds. */
double show_review_seconds(const content_t *content, int review);

#define SHOW_NUMBERED_MAX 9 /* number keys 1-9 */

/* The exercise (content index) that number key n + 1 goes to: the playlist's exercises in
 * the order they are first played, numbered from 0, up to SHOW_NUMBERED_MAX; -1 for none.
 * The help lists the same numbers. */
int show_numbered_exercise(const content_t *content, int n);

/* Playlist index of the first entry showing `scene`, or -1. */
int show_find_in_playlist(const content_t *content, content_scene_ref_t scene);

/* Number of items (steps or review cards) a scene steps through with Down/Up; 0 if none. */
int show_item_count(const content_t *content, content_scene_ref_t scene);

#endif
