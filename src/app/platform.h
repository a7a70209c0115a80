/* platform: the window and its GL context (GL 3.3 core, else GLES 3.0), fullscreen, signals,
 * and keys mapped to show commands (DESIGN §7). Depends on SDL; no drawing. */
#ifndef SK_PLATFORM_H
#define SK_PLATFORM_H

#include <SDL.h>
#include <stdbool.h>

#include "layout.h"
#include "show.h"

typedef struct platform_t {
    SDL_Window *window;
    SDL_GLContext gl;
    bool fullscreen;
    bool vsync; /* swaps wait for the display */
    bool copy_sub_buffer; /* X11 with GLX_MESA_copy_sub_buffer: present a rectangle at a time */
    bool linked_programs; /* STRETCH_KIOSK_GL asked for linked programs (tests; see gfx_init) */
} platform_t;

typedef struct platform_desc_t {
    const char *title;
    bool offscreen;  /* a hidden window for rendering into framebuffers (screenshots, tests) */
    bool windowed;   /* else fullscreen at the desktop's native size */
    int width, height;
} platform_desc_t;

/* Creates window and context. On failure prints one clear line and returns false. */
bool platform_init(platform_t *p, const platform_desc_t *desc);
void platform_shutdown(platform_t *p);
void platform_toggle_fullscreen(platform_t *p);
void platform_drawable_size(const platform_t *p, int *w, int *h);

/* SIGTERM / SIGINT set a flag the loop polls, so they stop the show cleanly; SIGUSR1 asks
 * for a dump of what is on screen. */
void platform_install_signal_handlers(void);
bool platform_signal_received(void);
bool platform_dump_requested(void); /* true once per SIGUSR1 */

/* Hands the window system the rectangle `box` (pixels, top-left origin) of the back buffer,
 * which keeps everything drawn into it (we never swap on this path). */
void platform_present_rect(const platform_t *p, layout_box_t box, int height);

/* Kiosk: brings the window back — restored, fullscreen, raised, focused. */
void platform_reclaim(platform_t *p);

typedef enum platform_action_t {
    PLATFORM_ACTION_NONE = 0,
    PLATFORM_ACTION_SHOW,       /* pass cmd/arg to the show */
    PLATFORM_ACTION_FULLSCREEN,
    PLATFORM_ACTION_QUIT,
    PLATFORM_ACTION_NUM
} platform_action_t;

typedef struct platform_key_result_t {
    platform_action_t action;
    show_cmd_t cmd;
    int arg;
} platform_key_result_t;

platform_key_result_t platform_map_key(SDL_Keycode key, Uint16 mod);

#endif
