/* input: what a person does — keys, mouse, wheel, touch, and what the window system does to
 * the window — turned into one action for the loop, with every kiosk rule in one place (no way
 * out but the staff's chord held for a second, no modifier chords, Esc closes help first, the pointer never
 * shown). Depends on SDL and core; keeps no window and draws nothing, so tests feed it SDL
 * events directly. */
#ifndef SK_INPUT_H
#define SK_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "layout.h"
#include "show.h"

typedef enum input_action_t {
    INPUT_NONE = 0,
    INPUT_SHOW,       /* cmd/arg to the show */
    INPUT_FULLSCREEN, /* F, F11, a double click on the figure (not in a kiosk) */
    INPUT_SOUND,      /* S: sound on or off (not in a kiosk: there it only takes over) */
    INPUT_LANGUAGE,   /* L: the show's next language (a kiosk's visitor too) */
    INPUT_QUIT,       /* the show ends: Esc/Q/close (interactive) */
    INPUT_QUIT_HOLD,  /* kiosk: the staff's chord went down (arg: its key's SDL_Scancode);
                         held a second, it quits (kiosk_quit_hold_start, ..._check) */
    INPUT_REDRAW,     /* the window lost its pixels or changed size: draw and give it whole */
    INPUT_RECLAIM,    /* kiosk: the window was covered, hidden or lost focus */
    INPUT_ACTION_NUM
} input_action_t;

typedef struct input_result_t {
    input_action_t action;
    show_cmd_t cmd; /* for the show */
    int arg;
    bool undo_click; /* a double click: what its first click did to the show is undone */
} input_result_t;

/* What the rules depend on at the moment of the event. */
typedef struct input_context_t {
    const content_t *content; /* the staff's quit chord */
    bool kiosk;
    bool help;           /* the help overlay is open */
    float width, height; /* the window, in the pointer's coordinates */
    layout_box_t figure; /* the figure's stage, pointer coordinates; w == 0: none */
} input_context_t;

#define INPUT_POINTER_IDLE_MS 3000 /* a still pointer hides after this long */
#define INPUT_SWIPE_MIN 0.12f      /* of the screen's width, sideways, for a swipe */
#define INPUT_TAP_MAX 0.03f        /* of the screen: a touch that moved less is a tap */
#define INPUT_TOUCH_MS 800         /* a swipe or tap is quicker than this */
#define INPUT_WHEEL_MS 300         /* wheel travel older than this is forgotten */

typedef struct input_t {
    Uint64 pointer_moved_ms; /* when the mouse last moved or clicked; 0 never */
    bool pointer_shown;      /* as last set */
    bool finger_down;
    SDL_TouchID touch;        /* the device and ... */
    SDL_FingerID finger;      /* ... finger being followed (one at a time) */
    float finger_x, finger_y; /* where it went down, 0..1 */
    Uint32 finger_ms;
    float wheel;     /* wheel travel not yet turned into steps */
    Uint32 wheel_ms; /* when the wheel last turned */
} input_t;

/* One event in, one action out. `now_ms` is the event clock (SDL_GetTicks64). */
input_result_t input_event(input_t *in, const SDL_Event *e, const input_context_t *ctx,
                           Uint64 now_ms);

/* Whether the pointer should show now: after it moved, for a few seconds, never in a kiosk. */
bool input_pointer_wanted(const input_t *in, Uint64 now_ms, bool kiosk);

/* What a click or tap at x, y does: on the figure's stage it pauses or resumes; elsewhere the
 * left half goes back a scene and the right half on. */
input_result_t input_point(const input_context_t *ctx, float x, float y);

#endif
