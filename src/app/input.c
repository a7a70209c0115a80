/* input: events to actions (see input.h). Every rule that makes a kiosk a kiosk is here:
 * close requests refused, modifier chords dropped, only the staff's chord held quits, F does
 * nothing, a click or tap takes over like a key, the pointer never shows. */
#include "input.h"

#include <math.h>

#include "kiosk.h"
#include "log.h"

static input_result_t act(input_action_t a) { return (input_result_t){a, SHOW_CMD_NONE, 0, false}; }

static input_result_t show(show_cmd_t cmd, int arg) {
    return (input_result_t){INPUT_SHOW, cmd, arg, false};
}

static bool inside(layout_box_t b, float x, float y) {
    return b.w > 0 && x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;
}

input_result_t input_point(const input_context_t *ctx, float x, float y) {
    if (ctx->help) return show(SHOW_CMD_TOGGLE_HELP, 0); /* a click closes the help first */
    if (inside(ctx->figure, x, y)) return show(SHOW_CMD_TOGGLE_PAUSE, 0);
    return show(x < ctx->width * 0.5f ? SHOW_CMD_PREV_SCENE : SHOW_CMD_NEXT_SCENE, 0);
}

static input_result_t key(const SDL_KeyboardEvent *k, const input_context_t *ctx) {
    SDL_Keycode sym = k->keysym.sym;
    Uint16 mod = k->keysym.mod;
    if (k->repeat) return act(INPUT_NONE); /* a held key acts once: no fullscreen flicker */
    if (ctx->kiosk && kiosk_is_quit_chord(ctx->content, sym, mod, SDL_GetKeyboardState(NULL))) {
        /* only the start of a hold: a tap, or a storm of them, never quits */
        return (input_result_t){INPUT_QUIT_HOLD, SHOW_CMD_NONE, (int)k->keysym.scancode, false};
    }
    if (ctx->kiosk && (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) return act(INPUT_NONE);
    switch (sym) {
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN:
    case SDLK_n: return show(SHOW_CMD_NEXT_SCENE, 0);
    case SDLK_LEFT:
    case SDLK_PAGEUP:
    case SDLK_p: return show(SHOW_CMD_PREV_SCENE, 0);
    case SDLK_DOWN: return show(SHOW_CMD_NEXT_ITEM, 0);
    case SDLK_UP: return show(SHOW_CMD_PREV_ITEM, 0);
    case SDLK_HOME: return show(SHOW_CMD_GOTO_INTRO, 0);
    case SDLK_END: return show(SHOW_CMD_GOTO_CONTACT, 0);
    case SDLK_r: return show(SHOW_CMD_GOTO_REVIEWS, 0);
    case SDLK_SPACE: return show(SHOW_CMD_TOGGLE_PAUSE, 0);
    case SDLK_h:
    case SDLK_F1:
    case SDLK_QUESTION: return show(SHOW_CMD_TOGGLE_HELP, 0);
    case SDLK_SLASH: /* '?' on layouts where it is Shift+/ */
        return mod & KMOD_SHIFT ? show(SHOW_CMD_TOGGLE_HELP, 0) : act(INPUT_NONE);
    case SDLK_f:
    case SDLK_F11: return act(ctx->kiosk ? INPUT_NONE : INPUT_FULLSCREEN);
    case SDLK_s: return ctx->kiosk ? show(SHOW_CMD_NONE, 0) : act(INPUT_SOUND);
    case SDLK_l: return act(INPUT_LANGUAGE);
    case SDLK_ESCAPE:
    case SDLK_q: /* closes the help; else quits, but never a kiosk */
        if (ctx->help) return show(SHOW_CMD_TOGGLE_HELP, 0);
        return act(ctx->kiosk ? INPUT_NONE : INPUT_QUIT);
    default: break;
    }
    /* 1-9: the playlist's exercises in order, however many the content has */
    if (sym >= SDLK_1 && sym <= SDLK_9) return show(SHOW_CMD_GOTO_EXERCISE, (int)(sym - SDLK_1));
    if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9) {
        return show(SHOW_CMD_GOTO_EXERCISE, (int)(sym - SDLK_KP_1));
    }
    return act(INPUT_NONE);
}

static input_result_t window(const SDL_WindowEvent *w, const input_context_t *ctx) {
    switch (w->event) {
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_SIZE_CHANGED:
    case SDL_WINDOWEVENT_RESIZED:
    case SDL_WINDOWEVENT_MAXIMIZED:
    case SDL_WINDOWEVENT_DISPLAY_CHANGED:
        return act(INPUT_REDRAW); /* the window system lost our pixels, or the size changed */
    case SDL_WINDOWEVENT_FOCUS_LOST:
    case SDL_WINDOWEVENT_MINIMIZED:
    case SDL_WINDOWEVENT_HIDDEN:
        return act(ctx->kiosk ? INPUT_RECLAIM : INPUT_NONE); /* nothing may cover the show */
    default: return act(INPUT_NONE);
    }
}

/* A finger lifted: a quick sideways stroke is a swipe (left: on, right: back), a short touch
 * that stayed put is a tap where it went down. */
static input_result_t finger_up(input_t *in, const SDL_TouchFingerEvent *f,
                                const input_context_t *ctx) {
    in->finger_down = false;
    float dx = f->x - in->finger_x, dy = f->y - in->finger_y;
    Uint32 took = f->timestamp - in->finger_ms;
    if (took > INPUT_TOUCH_MS) return act(INPUT_NONE); /* a rest or a drag, not a gesture */
    if (fabsf(dx) >= INPUT_SWIPE_MIN && fabsf(dx) > 1.5f * fabsf(dy)) {
        return show(dx < 0 ? SHOW_CMD_NEXT_SCENE : SHOW_CMD_PREV_SCENE, 0);
    }
    if (fabsf(dx) < INPUT_TAP_MAX && fabsf(dy) < INPUT_TAP_MAX) {
        return input_point(ctx, in->finger_x * ctx->width, in->finger_y * ctx->height);
    }
    return act(INPUT_NONE);
}

input_result_t input_event(input_t *in, const SDL_Event *e, const input_context_t *ctx,
                           Uint64 now_ms) {
    switch (e->type) {
    case SDL_QUIT: /* the window's close button, Alt+F4, the window manager */
        if (!ctx->kiosk) return act(INPUT_QUIT);
        log_notice("kiosk: ignoring a request to close the show");
        return act(INPUT_NONE);
    case SDL_WINDOWEVENT: return window(&e->window, ctx);
    case SDL_KEYDOWN: return key(&e->key, ctx);
    case SDL_MOUSEMOTION:
        /* (X11 sends a motion of nothing when the pointer enters the window: not a move) */
        if (e->motion.which != SDL_TOUCH_MOUSEID && (e->motion.xrel || e->motion.yrel)) {
            in->pointer_moved_ms = now_ms ? now_ms : 1;
        }
        return act(INPUT_NONE);
    case SDL_MOUSEBUTTONDOWN: {
        const SDL_MouseButtonEvent *b = &e->button;
        if (b->which == SDL_TOUCH_MOUSEID) return act(INPUT_NONE); /* the finger events say it */
        in->pointer_moved_ms = now_ms ? now_ms : 1;
        if (b->button != SDL_BUTTON_LEFT) return act(INPUT_NONE);
        input_result_t r = input_point(ctx, (float)b->x, (float)b->y);
        /* a player's double click on the figure: fullscreen, and the pause its first click
         * made is undone (a third click pauses again, a fourth is fullscreen again) */
        if (b->clicks >= 2 && b->clicks % 2 == 0 && !ctx->kiosk && r.cmd == SHOW_CMD_TOGGLE_PAUSE) {
            return (input_result_t){INPUT_FULLSCREEN, SHOW_CMD_NONE, 0, true};
        }
        return r;
    }
    case SDL_MOUSEWHEEL: {
        if (e->wheel.which == SDL_TOUCH_MOUSEID) return act(INPUT_NONE);
        float y = e->wheel.preciseY;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) y = -y;
        /* a touchpad sends many small steps: one step of the show per notch's worth, from
         * travel in one direction that is still going on */
        if ((y > 0) != (in->wheel > 0) || e->wheel.timestamp - in->wheel_ms > INPUT_WHEEL_MS) {
            in->wheel = 0;
        }
        in->wheel_ms = e->wheel.timestamp;
        in->wheel += y;
        if (fabsf(in->wheel) < 1.0f) return act(INPUT_NONE);
        show_cmd_t cmd = in->wheel > 0 ? SHOW_CMD_PREV_ITEM : SHOW_CMD_NEXT_ITEM; /* up: back */
        in->wheel = 0;
        return show(cmd, 0);
    }
    case SDL_FINGERDOWN:
        /* a second finger is ignored; but a touch that never lifted (a cancelled one sends
         * no FINGERUP) does not block the next */
        if (in->finger_down && e->tfinger.timestamp - in->finger_ms <= INPUT_TOUCH_MS) {
            return act(INPUT_NONE);
        }
        in->finger_down = true;
        in->touch = e->tfinger.touchId;
        in->finger = e->tfinger.fingerId;
        in->finger_x = e->tfinger.x;
        in->finger_y = e->tfinger.y;
        in->finger_ms = e->tfinger.timestamp;
        return act(INPUT_NONE);
    case SDL_FINGERUP:
        if (!in->finger_down || e->tfinger.fingerId != in->finger ||
            e->tfinger.touchId != in->touch) {
            return act(INPUT_NONE);
        }
        return finger_up(in, &e->tfinger, ctx);
    default: return act(INPUT_NONE);
    }
}

bool input_pointer_wanted(const input_t *in, Uint64 now_ms, bool kiosk) {
    if (kiosk || in->pointer_moved_ms == 0) return false;
    return now_ms - in->pointer_moved_ms < INPUT_POINTER_IDLE_MS;
}
