/* test_input: what a key, click, wheel, tap or swipe does, fed to input.c as the SDL events a
 * person's hands make (no window needed), and what the kiosk refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <stdlib.h>

#include "input.h"
#include "kiosk.h"
#include "show.h"
#include "support.h"

static content_t *content;
static choreo_t *demo, *follow;

static int setup(void **state) {
    (void)state;
    content = support_load_content(SK_SOURCE_DIR "/assets/content/en.yaml");
    if (!content) return -1;
    demo = support_build_choreos(content, CHOREO_PACING_DEMO);
    follow = support_build_choreos(content, CHOREO_PACING_FOLLOW);
    return demo && follow ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(demo);
    free(follow);
    free(content);
    return 0;
}

/* A 1600x900 window showing an exercise: the figure's stage on the left, like the layout. */
static input_context_t screen(bool kiosk) {
    return (input_context_t){.content = content,
                             .kiosk = kiosk,
                             .width = 1600,
                             .height = 900,
                             .figure = {50, 250, 680, 520}};
}

static SDL_Event key_event(SDL_Keycode sym, Uint16 mod) {
    SDL_Event e = {.type = SDL_KEYDOWN};
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    return e;
}

static SDL_Event click(int x, int y, Uint8 button, Uint8 clicks) {
    SDL_Event e = {.type = SDL_MOUSEBUTTONDOWN};
    e.button.x = x;
    e.button.y = y;
    e.button.button = button;
    e.button.clicks = clicks;
    e.button.which = 0;
    return e;
}

static SDL_Event wheel(float y) {
    SDL_Event e = {.type = SDL_MOUSEWHEEL};
    e.wheel.preciseY = y;
    e.wheel.y = (Sint32)y;
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    return e;
}

static SDL_Event finger(Uint32 type, float x, float y, Uint32 ms, SDL_FingerID id) {
    SDL_Event e = {.type = type};
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.timestamp = ms;
    e.tfinger.fingerId = id;
    return e;
}

static input_result_t feed(input_t *in, SDL_Event e, input_context_t ctx) {
    return input_event(in, &e, &ctx, 1000);
}

static void expect(input_result_t r, input_action_t action, show_cmd_t cmd, int arg) {
    assert_int_equal(r.action, action);
    assert_int_equal(r.cmd, cmd);
    assert_int_equal(r.arg, arg);
}

static void keys_map_to_the_show(void **state) {
    (void)state;
    input_t in = {0};
    input_context_t ctx = screen(false);
    expect(feed(&in, key_event(SDLK_RIGHT, 0), ctx), INPUT_SHOW, SHOW_CMD_NEXT_SCENE, 0);
    expect(feed(&in, key_event(SDLK_LEFT, 0), ctx), INPUT_SHOW, SHOW_CMD_PREV_SCENE, 0);
    expect(feed(&in, key_event(SDLK_DOWN, 0), ctx), INPUT_SHOW, SHOW_CMD_NEXT_ITEM, 0);
    expect(feed(&in, key_event(SDLK_UP, 0), ctx), INPUT_SHOW, SHOW_CMD_PREV_ITEM, 0);
    /* 1-9, on the row and the keypad: the n-th exercise of the playlist, however many */
    for (int n = 0; n < 9; n++) {
        expect(feed(&in, key_event(SDLK_1 + n, 0), ctx), INPUT_SHOW, SHOW_CMD_GOTO_EXERCISE, n);
        expect(feed(&in, key_event(SDLK_KP_1 + n, 0), ctx), INPUT_SHOW, SHOW_CMD_GOTO_EXERCISE, n);
    }
    expect(feed(&in, key_event(SDLK_s, 0), ctx), INPUT_SOUND, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_f, 0), ctx), INPUT_FULLSCREEN, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_F11, 0), ctx), INPUT_FULLSCREEN, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_ESCAPE, 0), ctx), INPUT_QUIT, SHOW_CMD_NONE, 0);
    /* a held key acts once: its repeats do nothing (F held would flicker fullscreen) */
    SDL_Event held = key_event(SDLK_f, 0);
    held.key.repeat = 1;
    expect(feed(&in, held, ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    held = key_event(SDLK_SPACE, 0);
    held.key.repeat = 1;
    expect(feed(&in, held, ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    ctx.help = true; /* Esc and Q close the help first */
    expect(feed(&in, key_event(SDLK_ESCAPE, 0), ctx), INPUT_SHOW, SHOW_CMD_TOGGLE_HELP, 0);
    expect(feed(&in, key_event(SDLK_q, 0), ctx), INPUT_SHOW, SHOW_CMD_TOGGLE_HELP, 0);
    SDL_Event quit = {.type = SDL_QUIT};
    expect(feed(&in, quit, screen(false)), INPUT_QUIT, SHOW_CMD_NONE, 0);
}

static void a_kiosk_has_one_way_out(void **state) {
    (void)state;
    input_t in = {0};
    input_context_t ctx = screen(true);
    SDL_Event quit = {.type = SDL_QUIT};
    expect(feed(&in, quit, ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_ESCAPE, 0), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_q, 0), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_f, 0), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_F4, KMOD_LALT), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, key_event(SDLK_RIGHT, KMOD_LCTRL), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    /* S takes over like any key, but the waiting room's sound is the content's to choose */
    expect(feed(&in, key_event(SDLK_s, 0), ctx), INPUT_SHOW, SHOW_CMD_NONE, 0);
    /* the staff's chord: its modifiers as the event recorded them and as held now (SDL's
     * keyboard state) start a hold (only a second of it quits: the_chord_quits_held_a_second),
     * with the scancode its key came with. In a fast storm, Q arrives stamped Ctrl+Alt after
     * both were let go... */
    expect(feed(&in, key_event(SDLK_q, KMOD_LCTRL | KMOD_LALT), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    Uint8 *held = (Uint8 *)SDL_GetKeyboardState(NULL); /* SDL's own array: held by hand here */
    held[SDL_SCANCODE_LCTRL] = held[SDL_SCANCODE_RALT] = 1;
    SDL_Event q = key_event(SDLK_q, KMOD_LCTRL | KMOD_RALT);
    q.key.keysym.scancode = SDL_SCANCODE_A; /* Q where QWERTY has A (AZERTY) */
    expect(feed(&in, q, ctx), INPUT_QUIT_HOLD, SHOW_CMD_NONE, SDL_SCANCODE_A);
    q.key.repeat = 1; /* a held chord's repeats do not start it again */
    expect(feed(&in, q, ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, q, screen(false)), INPUT_NONE, SHOW_CMD_NONE, 0);
    /* ... or unstamped while the next Ctrl+Alt of the storm is already held: neither starts */
    expect(feed(&in, key_event(SDLK_q, 0), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    held[SDL_SCANCODE_LSHIFT] = 1; /* exactly its modifiers */
    expect(feed(&in, key_event(SDLK_q, KMOD_LCTRL | KMOD_LALT), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    held[SDL_SCANCODE_RALT] = held[SDL_SCANCODE_LSHIFT] = 0; /* Q with only Ctrl */
    expect(feed(&in, key_event(SDLK_q, KMOD_LCTRL), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    held[SDL_SCANCODE_LCTRL] = 0;
    SDL_Event lost = {.type = SDL_WINDOWEVENT};
    lost.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
    expect(feed(&in, lost, ctx), INPUT_RECLAIM, SHOW_CMD_NONE, 0);
    expect(feed(&in, lost, screen(false)), INPUT_NONE, SHOW_CMD_NONE, 0);
}

/* The keys of the chord down in `held` (indexed by scancode) and as SDL's modifier state. */
static Uint16 hold_keys(Uint8 *held, bool ctrl, bool alt, bool q) {
    held[SDL_SCANCODE_LCTRL] = ctrl;
    held[SDL_SCANCODE_LALT] = alt;
    held[SDL_SCANCODE_Q] = q;
    return (Uint16)((ctrl ? KMOD_LCTRL : 0) | (alt ? KMOD_LALT : 0));
}

/* The staff's chord (en.yaml: Ctrl+Alt+Q) quits only when every key of it has been down for a
 * second, as the loop checks once a frame (kiosk_quit_hold_check) against the keys held: a tap,
 * a storm of taps, a key let go or a modifier missing never quits. */
static void the_chord_quits_held_a_second(void **state) {
    (void)state;
    Uint8 held[SDL_NUM_SCANCODES] = {0};
    kiosk_quit_hold_t h = {0};
    Uint16 mods = hold_keys(held, true, true, true);
    /* no hold started (no key-down of the chord seen): keys held are nothing */
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 5000), KIOSK_HOLD_NONE);

    /* held a whole second, checked at 60 frames a second: quits at 1 s, not a frame before */
    kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, 10000);
    for (Uint64 t = 10000; t < 10000 + KIOSK_QUIT_HOLD_MS; t += 16) {
        assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, t), KIOSK_HOLD_HELD);
    }
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 11000), KIOSK_HOLD_QUIT);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 11016), KIOSK_HOLD_NONE);

    /* let go at 0.9 s: the hold is over; the keys pressed again without a new key-down of Q
     * (none seen) are nothing, a second after the start or later */
    kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, 20000);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 20500), KIOSK_HOLD_HELD);
    mods = hold_keys(held, true, true, false);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 20900), KIOSK_HOLD_LET_GO);
    mods = hold_keys(held, true, true, true);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 21000), KIOSK_HOLD_NONE);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 22000), KIOSK_HOLD_NONE);

    /* a storm of taps for 3 s, Ctrl+Alt stuck down (the window manager's grab hid their
     * release): Q down and up again. Seen up at a frame, the hold ends; down at every frame
     * (let go and pressed again between two), each press starts it again. Never quits. */
    mods = hold_keys(held, true, true, false);
    for (Uint64 t = 30000; t < 33000; t += 7) {
        kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, t); /* Q's key-down, stamped and held */
        held[SDL_SCANCODE_Q] = (t / 7) % 3 != 0;      /* up again by the frame, or not yet */
        kiosk_hold_t got = kiosk_quit_hold_check(&h, content, held, mods, t + 5);
        assert_int_not_equal(got, KIOSK_HOLD_QUIT);
        assert_int_equal(got, held[SDL_SCANCODE_Q] ? KIOSK_HOLD_HELD : KIOSK_HOLD_LET_GO);
    }
    held[SDL_SCANCODE_Q] = 0;
    assert_int_not_equal(kiosk_quit_hold_check(&h, content, held, mods, 40000), KIOSK_HOLD_QUIT);

    /* a modifier let go mid-hold: over, in the keys held or in the modifier state alone */
    mods = hold_keys(held, true, true, true);
    kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, 50000);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 50400), KIOSK_HOLD_HELD);
    mods = hold_keys(held, true, false, true);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 50500), KIOSK_HOLD_LET_GO);
    mods = hold_keys(held, true, true, true);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 51100), KIOSK_HOLD_NONE);
    kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, 52000);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, KMOD_LCTRL, 52500),
                     KIOSK_HOLD_LET_GO);
    /* ... or another one added: exactly its modifiers */
    kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, 53000);
    held[SDL_SCANCODE_RSHIFT] = 1;
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods | KMOD_RSHIFT, 53500),
                     KIOSK_HOLD_LET_GO);
    held[SDL_SCANCODE_RSHIFT] = 0;

    /* Q held with only Ctrl: not the chord, held a second or ten */
    mods = hold_keys(held, true, false, true);
    assert_false(kiosk_is_quit_chord(content, SDLK_q, mods, held));
    kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, 60000); /* (were it started anyway) */
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 70000), KIOSK_HOLD_LET_GO);
    /* the whole chord, but the key held is not the one whose key-down started the hold */
    mods = hold_keys(held, true, true, false);
    held[SDL_SCANCODE_W] = 1;
    kiosk_quit_hold_start(&h, SDL_SCANCODE_Q, 80000);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 81000), KIOSK_HOLD_LET_GO);
    /* a start with no scancode known holds nothing */
    kiosk_quit_hold_start(&h, SDL_SCANCODE_UNKNOWN, 90000);
    assert_int_equal(kiosk_quit_hold_check(&h, content, held, mods, 91000), KIOSK_HOLD_LET_GO);
}

static void clicks_go_back_on_and_pause(void **state) {
    (void)state;
    input_t in = {0};
    input_context_t ctx = screen(false);
    expect(feed(&in, click(1500, 450, SDL_BUTTON_LEFT, 1), ctx), INPUT_SHOW, SHOW_CMD_NEXT_SCENE,
           0);
    expect(feed(&in, click(1000, 100, SDL_BUTTON_LEFT, 1), ctx), INPUT_SHOW, SHOW_CMD_NEXT_SCENE,
           0);
    expect(feed(&in, click(20, 100, SDL_BUTTON_LEFT, 1), ctx), INPUT_SHOW, SHOW_CMD_PREV_SCENE, 0);
    expect(feed(&in, click(400, 500, SDL_BUTTON_LEFT, 1), ctx), INPUT_SHOW, SHOW_CMD_TOGGLE_PAUSE,
           0);
    /* a double click on the figure: fullscreen, and what the first click did is undone;
     * a triple click pauses again, a fourth click is fullscreen again */
    input_result_t dbl = feed(&in, click(400, 500, SDL_BUTTON_LEFT, 2), ctx);
    expect(dbl, INPUT_FULLSCREEN, SHOW_CMD_NONE, 0);
    assert_true(dbl.undo_click);
    expect(feed(&in, click(400, 500, SDL_BUTTON_LEFT, 3), ctx), INPUT_SHOW, SHOW_CMD_TOGGLE_PAUSE,
           0);
    expect(feed(&in, click(400, 500, SDL_BUTTON_LEFT, 4), ctx), INPUT_FULLSCREEN, SHOW_CMD_NONE, 0);
    /* as the loop applies it: a playing show, double clicked, plays on, with no re-count */
    show_t show;
    show_init(&show, content, follow, 0);
    bool paused = show.paused;
    double resume_left = show.resume_left;
    show_command(&show, feed(&in, click(400, 500, SDL_BUTTON_LEFT, 1), ctx).cmd, 0);
    assert_true(show.paused);
    if (feed(&in, click(400, 500, SDL_BUTTON_LEFT, 2), ctx).undo_click) {
        show_restore_pause(&show, paused, resume_left);
    }
    assert_false(show_frozen(&show));
    expect(feed(&in, click(1500, 450, SDL_BUTTON_RIGHT, 1), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    /* a scene without a figure: halves only */
    ctx.figure = (layout_box_t){0};
    expect(feed(&in, click(400, 500, SDL_BUTTON_LEFT, 1), ctx), INPUT_SHOW, SHOW_CMD_PREV_SCENE, 0);
    ctx.help = true; /* the help open: a click closes it */
    expect(feed(&in, click(1500, 450, SDL_BUTTON_LEFT, 1), ctx), INPUT_SHOW, SHOW_CMD_TOGGLE_HELP,
           0);
    /* a touch's own mouse copy is not a second click */
    SDL_Event copy = click(1500, 450, SDL_BUTTON_LEFT, 1);
    copy.button.which = SDL_TOUCH_MOUSEID;
    expect(feed(&in, copy, screen(false)), INPUT_NONE, SHOW_CMD_NONE, 0);
}

static void the_wheel_steps(void **state) {
    (void)state;
    input_t in = {0};
    input_context_t ctx = screen(false);
    expect(feed(&in, wheel(-1), ctx), INPUT_SHOW, SHOW_CMD_NEXT_ITEM, 0); /* towards you: on */
    expect(feed(&in, wheel(1), ctx), INPUT_SHOW, SHOW_CMD_PREV_ITEM, 0);
    SDL_Event flipped = wheel(1); /* "natural" scrolling reports the other sign */
    flipped.wheel.direction = SDL_MOUSEWHEEL_FLIPPED;
    expect(feed(&in, flipped, ctx), INPUT_SHOW, SHOW_CMD_NEXT_ITEM, 0);
    /* a touchpad's small steps add up to one step of the show per notch */
    for (int i = 0; i < 3; i++) expect(feed(&in, wheel(-0.3f), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, wheel(-0.3f), ctx), INPUT_SHOW, SHOW_CMD_NEXT_ITEM, 0);
    /* travel left over from a while ago is forgotten: a touch of the pad later does not step */
    SDL_Event part = wheel(-0.9f);
    part.wheel.timestamp = 1000;
    expect(feed(&in, part, ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    part = wheel(-0.2f);
    part.wheel.timestamp = 1000 + INPUT_WHEEL_MS + 1;
    expect(feed(&in, part, ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    part.wheel.timestamp += 50;
    expect(feed(&in, part, ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    /* turning back starts afresh */
    expect(feed(&in, wheel(-0.5f), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, wheel(0.5f), ctx), INPUT_NONE, SHOW_CMD_NONE, 0);
    expect(feed(&in, wheel(0.5f), ctx), INPUT_SHOW, SHOW_CMD_PREV_ITEM, 0);
}

static void taps_and_swipes(void **state) {
    (void)state;
    input_t in = {0};
    input_context_t ctx = screen(false);
    /* swipe left: on; swipe right: back */
    feed(&in, finger(SDL_FINGERDOWN, 0.8f, 0.5f, 100, 7), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.5f, 0.52f, 300, 7), ctx), INPUT_SHOW,
           SHOW_CMD_NEXT_SCENE, 0);
    feed(&in, finger(SDL_FINGERDOWN, 0.3f, 0.5f, 1000, 8), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.6f, 0.45f, 1250, 8), ctx), INPUT_SHOW,
           SHOW_CMD_PREV_SCENE, 0);
    /* a tap is a click where it went down: the figure (400, 500 of 1600x900) pauses */
    feed(&in, finger(SDL_FINGERDOWN, 0.25f, 0.55f, 2000, 9), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.255f, 0.552f, 2100, 9), ctx), INPUT_SHOW,
           SHOW_CMD_TOGGLE_PAUSE, 0);
    feed(&in, finger(SDL_FINGERDOWN, 0.9f, 0.2f, 3000, 10), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.9f, 0.2f, 3100, 10), ctx), INPUT_SHOW,
           SHOW_CMD_NEXT_SCENE, 0);
    /* not gestures: a slow drag, an up-and-down stroke, a resting hand */
    feed(&in, finger(SDL_FINGERDOWN, 0.8f, 0.5f, 4000, 11), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.4f, 0.5f, 4000 + INPUT_TOUCH_MS + 200, 11), ctx),
           INPUT_NONE, SHOW_CMD_NONE, 0);
    feed(&in, finger(SDL_FINGERDOWN, 0.5f, 0.2f, 6000, 12), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.55f, 0.8f, 6200, 12), ctx), INPUT_NONE, SHOW_CMD_NONE,
           0);
    /* a second finger while one is down is ignored; the first one's lift counts */
    feed(&in, finger(SDL_FINGERDOWN, 0.8f, 0.5f, 7000, 13), ctx);
    feed(&in, finger(SDL_FINGERDOWN, 0.2f, 0.5f, 7010, 14), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.2f, 0.5f, 7100, 14), ctx), INPUT_NONE, SHOW_CMD_NONE,
           0);
    expect(feed(&in, finger(SDL_FINGERUP, 0.5f, 0.5f, 7200, 13), ctx), INPUT_SHOW,
           SHOW_CMD_NEXT_SCENE, 0);
    /* a touch that never lifted (cancelled) does not block the next one */
    feed(&in, finger(SDL_FINGERDOWN, 0.5f, 0.5f, 8000, 15), ctx);
    feed(&in, finger(SDL_FINGERDOWN, 0.8f, 0.5f, 8000 + INPUT_TOUCH_MS + 100, 16), ctx);
    expect(feed(&in, finger(SDL_FINGERUP, 0.5f, 0.5f, 8000 + INPUT_TOUCH_MS + 300, 16), ctx),
           INPUT_SHOW, SHOW_CMD_NEXT_SCENE, 0);
}

static void the_pointer_shows_when_it_moves(void **state) {
    (void)state;
    input_t in = {0};
    SDL_Event move = {.type = SDL_MOUSEMOTION};
    input_context_t ctx = screen(false);
    assert_false(input_pointer_wanted(&in, 500, false)); /* hidden until the mouse moves */
    input_event(&in, &move, &ctx, 10000); /* X11's motion of nothing as the pointer enters */
    assert_false(input_pointer_wanted(&in, 10000, false));
    move.motion.xrel = 3;
    input_event(&in, &move, &ctx, 10000);
    assert_true(input_pointer_wanted(&in, 10000, false));
    assert_true(input_pointer_wanted(&in, 10000 + INPUT_POINTER_IDLE_MS - 1, false));
    assert_false(input_pointer_wanted(&in, 10000 + INPUT_POINTER_IDLE_MS, false));
    assert_false(input_pointer_wanted(&in, 10000, true)); /* never in a kiosk */
}

/* Whatever a pointer does to a kiosk, at any place on the screen, it only ever takes over with
 * a show command or does nothing: it never ends, hides or resizes the show. And a click does
 * take over. */
static void no_pointer_ends_a_kiosk(void **state) {
    (void)state;
    input_t in = {0};
    input_context_t ctx = screen(true);
    Uint32 ms = 100;
    for (int y = 0; y <= 900; y += 75) {
        for (int x = 0; x <= 1600; x += 80) {
            for (Uint8 b = 1; b <= 5; b++) {
                for (Uint8 clicks = 1; clicks <= 3; clicks++) {
                    input_result_t r = feed(&in, click(x, y, b, clicks), ctx);
                    assert_true(r.action == INPUT_SHOW || r.action == INPUT_NONE);
                }
            }
            SDL_Event up = click(x, y, 1, 1);
            up.type = SDL_MOUSEBUTTONUP;
            assert_int_equal(feed(&in, up, ctx).action, INPUT_NONE);
            input_result_t r = feed(&in, wheel((x % 160) ? -1.0f : 1.0f), ctx);
            assert_true(r.action == INPUT_SHOW || r.action == INPUT_NONE);
            feed(&in, finger(SDL_FINGERDOWN, x / 1600.0f, y / 900.0f, ms, 1), ctx);
            r = feed(&in, finger(SDL_FINGERUP, 1.0f - x / 1600.0f, y / 900.0f, ms + 150, 1), ctx);
            assert_true(r.action == INPUT_SHOW || r.action == INPUT_NONE);
            ms += 1000;
        }
    }
    show_t show;
    show_init_kiosk(&show, content, demo, follow, 0);
    input_result_t r = feed(&in, click(1500, 450, SDL_BUTTON_LEFT, 1), ctx);
    assert_int_equal(r.action, INPUT_SHOW);
    show_command(&show, r.cmd, r.arg);
    assert_true(show.takeover); /* the visitor has it, follow-along, as after a key */
    assert_ptr_equal(show.choreos, follow);
}

static void a_size_change_redraws(void **state) {
    (void)state;
    input_t in = {0};
    Uint8 events[] = {SDL_WINDOWEVENT_SIZE_CHANGED, SDL_WINDOWEVENT_RESIZED,
                      SDL_WINDOWEVENT_MAXIMIZED,    SDL_WINDOWEVENT_RESTORED,
                      SDL_WINDOWEVENT_EXPOSED,      SDL_WINDOWEVENT_DISPLAY_CHANGED};
    for (size_t i = 0; i < sizeof events; i++) {
        SDL_Event e = {.type = SDL_WINDOWEVENT};
        e.window.event = events[i];
        e.window.data1 = 640;
        e.window.data2 = 480;
        assert_int_equal(feed(&in, e, screen(false)).action, INPUT_REDRAW);
        assert_int_equal(feed(&in, e, screen(true)).action, INPUT_REDRAW);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_map_to_the_show),
        cmocka_unit_test(a_kiosk_has_one_way_out),
        cmocka_unit_test(the_chord_quits_held_a_second),
        cmocka_unit_test(clicks_go_back_on_and_pause),
        cmocka_unit_test(the_wheel_steps),
        cmocka_unit_test(taps_and_swipes),
        cmocka_unit_test(the_pointer_shows_when_it_moves),
        cmocka_unit_test(no_pointer_ends_a_kiosk),
        cmocka_unit_test(a_size_change_redraws),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
