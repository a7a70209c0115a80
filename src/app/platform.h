/* platform: the window and its GL context (GL 3.3 core, else GLES 3.0), fullscreen, the
 * pointer, signals, and handing a drawn rectangle to the window system. Depends on SDL; no
 * drawing. */
#ifndef SK_PLATFORM_H
#define SK_PLATFORM_H

#include <SDL.h>
#include <stdbool.h>

#include "layout.h"

typedef struct platform_t {
    SDL_Window *window;
    SDL_GLContext gl;
    bool fullscreen;
    int window_w, window_h; /* the size it takes when not fullscreen */
    bool pointer_shown;
    bool vsync;           /* swaps wait for the display */
    bool copy_sub_buffer; /* X11 with GLX_MESA_copy_sub_buffer: present a rectangle at a time */
    bool linked_programs; /* STRETCH_KIOSK_GL asked for linked programs (tests; see gfx_init) */
} platform_t;

typedef struct platform_desc_t {
    const char *title;
    bool offscreen; /* a hidden window for rendering into framebuffers (screenshots, tests) */
    bool windowed;  /* else fullscreen at the desktop's native size */
    int width, height;
} platform_desc_t;

/* Creates window and context. On failure prints one clear line and returns false. */
bool platform_init(platform_t *p, const platform_desc_t *desc);
void platform_shutdown(platform_t *p);
/* Fullscreen on the window's display, or back to a bordered, resizable window of
 * window_w x window_h (so F always shows a change, also after a fullscreen start). */
void platform_toggle_fullscreen(platform_t *p);
void platform_show_pointer(platform_t *p, bool shown);
void platform_drawable_size(const platform_t *p, int *w, int *h);

/* SIGTERM / SIGINT set a flag the loop polls, so they stop the show cleanly; SIGUSR1 asks
 * for a dump of what is on screen. */
void platform_install_signal_handlers(void);
bool platform_signal_received(void);
bool platform_dump_requested(void); /* true once per SIGUSR1 */

/* Hands the window system the rectangle `box` (pixels, top-left origin, clipped to width x
 * height) of the back buffer, which keeps everything drawn into it (we never swap on this
 * path). */
void platform_present_rect(const platform_t *p, layout_box_t box, int width, int height);

/* True once after the window system refused a presented image (X11: an image of a size the
 * window no longer has, after a resize raced the driver): the frame must be given again,
 * whole, after a swap. Without this trap Xlib's default handler would end the program. */
bool platform_present_lost(void);

/* Kiosk: brings the window back — restored, fullscreen, raised, focused. */
void platform_reclaim(platform_t *p);

#endif
