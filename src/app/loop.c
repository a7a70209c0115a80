/* loop: the show on a screen (app_run_show). Each frame is input (input.c: events to
 * commands), tick (the show's time in fixed 60 Hz steps, then kiosk.c's tick: reloads, opening
 * hours, drift, focus, watchdog), draw and present (present.c), then a wait for the next.
 * Depends on SDL and core through app, input, present, kiosk; no GL. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "countdown.h"
#include "kiosk.h"
#include "log.h"
#include "tools.h"

typedef struct loop_t {
    app_t *app;
    bool running;
    kiosk_t by_itself;        /* what runs unattended: reloads, hours, drift, focus, watchdog */
    Uint64 last;              /* performance counter at the last tick */
    double accumulator;       /* s not yet ticked */
    double clock;             /* s since the loop started, for the drift */
    bool told_no_sound;       /* the screen said there is no sound device */
    bool click_paused;        /* the show's pause before the last single click, ... */
    double click_resume_left; /* ... and its re-count: a double click puts them back */
} loop_t;

/* Where the pointer's clicks land: the figure's stage, in the pointer's coordinates (window
 * points, which differ from drawable pixels on a high-density display). */
static input_context_t input_context(const loop_t *l) {
    const app_t *app = l->app;
    input_context_t ctx = {
        .content = app->content, .kiosk = l->by_itself.on, .help = app->show.help};
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(app->platform.window, &ww, &wh);
    platform_drawable_size(&app->platform, &dw, &dh);
    ctx.width = (float)ww;
    ctx.height = (float)wh;
    if (app->show.view.scene.kind == SCENE_EXERCISE && dw > 0 && dh > 0) {
        float sx = (float)ww / (float)dw, sy = (float)wh / (float)dh;
        layout_box_t f = app->render.layout.exercise.figure;
        ctx.figure = (layout_box_t){f.x * sx, f.y * sy, f.w * sx, f.h * sy};
    }
    return ctx;
}

/* The staff's chord, checked once a frame against the keys held now: a second held whole
 * quits; let go before, its notice goes with it. */
static void quit_hold(loop_t *l) {
    app_t *app = l->app;
    kiosk_hold_t h =
        kiosk_quit_hold_check(&l->by_itself.quit, app->content, SDL_GetKeyboardState(NULL),
                              (Uint16)SDL_GetModState(), SDL_GetTicks64());
    if (h == KIOSK_HOLD_QUIT) l->running = false;
    const char *words = app->content->labels.quit_hold;
    if (h == KIOSK_HOLD_LET_GO && words && app->show.notice == SHOW_NOTICE_STAFF &&
        strcmp(app->show.notice_text, words) == 0) {
        show_notice(&app->show, SHOW_NOTICE_NONE);
    }
}

static void input(loop_t *l) {
    app_t *app = l->app;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        input_context_t ctx = input_context(l);
        if (e.type == SDL_MOUSEBUTTONDOWN && e.button.clicks % 2 == 1) { /* for a double click */
            l->click_paused = app->show.paused;
            l->click_resume_left = app->show.resume_left;
        }
        input_result_t r = input_event(&app->input, &e, &ctx, SDL_GetTicks64());
        if (r.undo_click) show_restore_pause(&app->show, l->click_paused, l->click_resume_left);
        switch (r.action) {
        case INPUT_SHOW: show_command(&app->show, r.cmd, r.arg); break;
        case INPUT_FULLSCREEN: platform_toggle_fullscreen(&app->platform); break;
        case INPUT_SOUND: /* S: the cues on or off, and the screen says which */
            app->sound_chosen = true;
            sound_set_on(&app->sound, !app->sound.on);
            show_notice(&app->show, !app->sound.on              ? SHOW_NOTICE_SOUND_OFF
                                    : sound_failed(&app->sound) ? SHOW_NOTICE_SOUND_NONE
                                                                : SHOW_NOTICE_SOUND_ON);
            l->told_no_sound = sound_failed(&app->sound);
            break;
        case INPUT_LANGUAGE: /* L: the next language; in a kiosk, a visitor taking over too */
            if (app->show.kiosk) show_command(&app->show, SHOW_CMD_NONE, 0);
            kiosk_next_language(&l->by_itself, app);
            break;
        case INPUT_QUIT: l->running = false; break;
        case INPUT_QUIT_HOLD: /* the staff's chord went down: held a second, it quits */
            kiosk_quit_hold_start(&l->by_itself.quit, (SDL_Scancode)r.arg, SDL_GetTicks64());
            if (app->content->labels.quit_hold) {
                show_notice_text(&app->show, app->content->labels.quit_hold);
            }
            break;
        case INPUT_REDRAW: present_invalidate(&app->present); break;
        case INPUT_RECLAIM: l->by_itself.reclaim = true; break;
        default: break;
        }
    }
    if (l->by_itself.on) quit_hold(l);
    platform_show_pointer(&app->platform,
                          input_pointer_wanted(&app->input, SDL_GetTicks64(), l->by_itself.on));
    if (platform_signal_received()) l->running = false;
}

/* The show's time, in fixed ticks; then what runs by itself on the wall clock (kiosk.c). */
static void tick(loop_t *l) {
    app_t *app = l->app;
    bool open = l->by_itself.open;
    const double step = 1.0 / APP_TICK_HZ;
    Uint64 now = SDL_GetPerformanceCounter();
    double dt = (double)(now - l->last) / (double)SDL_GetPerformanceFrequency();
    l->last = now;
    if (dt > 0.25) dt = 0.25; /* after a stall, catch up calmly instead of racing */
    l->accumulator += dt;
    while (l->accumulator >= step) {
        if (open) show_update(&app->show, step);
        if (open) sound_tick(&app->sound, &app->show);
        l->clock += step;
        l->accumulator -= step;
    }
    /* S turned sound on and the device, opened on its thread, turned out missing: the
     * patient is told, rather than left waiting for tones that never come */
    if (app->sound_chosen && app->sound.on && !l->told_no_sound && sound_failed(&app->sound)) {
        show_notice(&app->show, SHOW_NOTICE_SOUND_NONE);
        l->told_no_sound = true;
    }
    kiosk_tick(&l->by_itself, app, SDL_GetTicks64(), l->clock);
}

static bool draw(loop_t *l) {
    app_t *app = l->app;
    return present_frame(&app->present, &app->platform, &app->render, &app->show,
                         l->by_itself.open);
}

/* Waits out the rest of the frame: never spins a core, and sleeps in short slices so a
 * signal is answered at once. Closed, two frames a second are plenty. */
static void wait_frame(const loop_t *l, Uint64 frame_start, bool swapped) {
    double spent =
        (double)(SDL_GetPerformanceCounter() - frame_start) / (double)SDL_GetPerformanceFrequency();
    double budget = l->by_itself.open ? 1.0 / APP_TICK_HZ : 0.5;
    if (l->app->platform.vsync && swapped) return; /* the swap waited for the display */
    Uint32 left = spent < budget ? (Uint32)((budget - spent) * 1000.0) : 0;
    while (left > 0 && !platform_signal_received()) {
        Uint32 slice = left < 20 ? left : 20;
        SDL_Delay(slice);
        left -= slice;
    }
}

static void frame(loop_t *l) {
    Uint64 frame_start = SDL_GetPerformanceCounter();
    input(l);
    tick(l);
    bool swapped = draw(l);
    if (platform_dump_requested()) tools_dump_screen(l->app, l->by_itself.open);
    wait_frame(l, frame_start, swapped);
}

int app_run_show(const cli_options_t *o) {
    app_t *app = SDL_calloc(1, sizeof *app);
    if (!app) return APP_EXIT_RUNTIME;
    log_limit(1); /* a show runs for weeks: a repeating fault is said once, then counted */
    platform_install_signal_handlers();
    bool kiosk = o->kiosk;
    app->pacing =
        kiosk ? CHOREO_PACING_DEMO : (o->demo_pacing ? CHOREO_PACING_DEMO : CHOREO_PACING_FOLLOW);
    platform_desc_t desc = {.title = "Stretches to Relieve Back Pain",
                            .windowed = o->windowed && !kiosk,
                            .width = o->width > 0 ? o->width : CLI_DEFAULT_WINDOW_W,
                            .height = o->height > 0 ? o->height : CLI_DEFAULT_WINDOW_H};
    int rc = app_start(app, o->content_path, o->lang, o->scene, app->pacing, &desc, kiosk);
    if (rc != APP_EXIT_OK) {
        SDL_free(app);
        return platform_signal_received() ? APP_EXIT_OK : rc; /* stopped while starting */
    }
    loop_t l = {.app = app, .running = true};
    kiosk_start(&l.by_itself, app, kiosk);
    app_sound_start(app, o->sound, kiosk);
    l.last = SDL_GetPerformanceCounter();
    while (l.running) frame(&l);
    kiosk_stop(&l.by_itself, app);
    app_close(app);
    SDL_free(app);
    return APP_EXIT_OK;
}
