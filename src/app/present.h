/* present: gives each drawn frame to the window — on X11 the back buffer is the canvas and only
 * the rectangle that changed is copied to the screen; elsewhere a canvas framebuffer keeps the
 * frame and is blitted and swapped when something changed — and the closed screen (black).
 * Any change of the window's size reaches the GL driver before anything is drawn at the new
 * size; a frame the window system still refuses (a resize racing it) is given again, whole.
 * Depends on platform, render, gfx. */
#ifndef SK_PRESENT_H
#define SK_PRESENT_H

#include <stdbool.h>

#include "platform.h"
#include "render.h"

typedef struct present_t {
    gfx_target_t canvas; /* without copy-sub-buffer: the frame kept between frames */
    int w, h;            /* the size the window's buffer was last drawn at; 0: none yet */
    bool whole;          /* the next frame is drawn and given whole */
    bool closed;         /* the last frame given was the closed screen */
    int resizes;         /* size changes seen (for the screen dump and tests) */
    int lost_streak;     /* frames refused in a row at one size */
    int canvas_failed_w, canvas_failed_h; /* the size a canvas could not be made at */
} present_t;

/* Draws the show (only what changed) and gives it to the window; `open` false gives the
 * closed screen instead. Returns true when it swapped buffers (a swap may wait for the
 * display, so the frame need not wait again). */
bool present_frame(present_t *p, platform_t *platform, render_t *render, const show_t *show,
                   bool open);

/* The window system lost the window's pixels: the next frame is given whole. */
void present_invalidate(present_t *p);

void present_free(present_t *p);

#endif
