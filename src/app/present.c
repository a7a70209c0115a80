/* present: frames to the window (see present.h). */
#include "present.h"

#include "log.h"

#define PRESENT_LOST_MAX 30 /* frames refused in a row at one size: not a resize race */

/* The window's size changed: the GL driver learns a window's size when it is given a swap
 * (Mesa's software path reads it again only then), so one swap goes first. Drawing before
 * that would draw at the old size, and copying a rectangle of the new size out of the old
 * buffer is refused by the X server (BadValue on X_ShmPutImage, which ended the program).
 * The window system can still be a resize ahead of what SDL has told us: then the X server
 * refuses the image (platform.c traps that) and the frame is given again, whole. */
static bool follow_size(present_t *p, platform_t *pl, int w, int h) {
    bool lost = platform_present_lost();
    bool same = w == p->w && h == p->h;
    p->lost_streak = lost && same ? p->lost_streak + 1 : 0;
    if (p->lost_streak >= PRESENT_LOST_MAX && pl->copy_sub_buffer) {
        /* refused again and again at a steady size: a fault, not a race; whole swaps from
         * now on (Mesa fits those to its own buffer) rather than a screen never updated */
        log_warning("the window system refuses part-frames: giving whole frames from now on");
        pl->copy_sub_buffer = false;
    }
    if (same && !lost) return false;
    if (p->w > 0) SDL_GL_SwapWindow(pl->window);
    if (p->w > 0 && (w != p->w || h != p->h)) p->resizes++;
    p->w = w;
    p->h = h;
    p->whole = true;
    return true;
}

static bool present_closed(present_t *p, platform_t *pl, int w, int h) {
    bool give = !p->closed || p->whole;
    p->closed = true;
    p->whole = false;
    if (!give) return false; /* black already: no work while closed */
    gfx_clear_window(w, h);
    if (pl->copy_sub_buffer) {
        platform_present_rect(pl, (layout_box_t){0, 0, (float)w, (float)h}, w, h);
        return false;
    }
    SDL_GL_SwapWindow(pl->window);
    return true;
}

bool present_frame(present_t *p, platform_t *pl, render_t *r, const show_t *show, bool open) {
    int w = 0, h = 0;
    platform_drawable_size(pl, &w, &h);
    if (w <= 0 || h <= 0 ||
        (SDL_GetWindowFlags(pl->window) & (SDL_WINDOW_MINIMIZED | SDL_WINDOW_HIDDEN))) {
        p->whole = true; /* nobody sees it: no work; whole again when it is back */
        return false;
    }
    follow_size(p, pl, w, h);
    if (!open) return present_closed(p, pl, w, h);
    bool whole = p->whole || p->closed;
    p->whole = p->closed = false;
    if (pl->copy_sub_buffer) {
        gfx_bind_window();
        layout_box_t damage = render_frame(r, show, w, h, whole);
        if (whole) damage = (layout_box_t){0, 0, (float)w, (float)h};
        if (damage.w > 0) platform_present_rect(pl, damage, w, h);
        return false;
    }
    {
        int made = -1;
        if (w != p->canvas_failed_w || h != p->canvas_failed_h) {
            made = gfx_target_bind(&p->canvas, w, h);
            if (made < 0) {
                log_warning("cannot make a %dx%d canvas: drawing every frame whole", w, h);
                p->canvas_failed_w = w;
                p->canvas_failed_h = h;
            }
        }
        if (made < 0) { /* no canvas at this size: the window is drawn whole each frame */
            gfx_bind_window();
            render_frame(r, show, w, h, true);
            SDL_GL_SwapWindow(pl->window);
            return true;
        }
        layout_box_t damage = render_frame(r, show, w, h, whole || made != 0);
        bool swap = damage.w > 0 || whole;
        if (swap) {
            gfx_target_blit_to_window(&p->canvas, w, h);
            SDL_GL_SwapWindow(pl->window);
        }
        gfx_bind_window();
        return swap;
    }
}

void present_invalidate(present_t *p) { p->whole = true; }

void present_free(present_t *p) { gfx_target_free(&p->canvas); }
