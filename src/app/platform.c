/* platform: window, GL context, fullscreen, signals and the key map (see platform.h).
 * Depends on SDL and GL (through libepoxy); no drawing. */
#define _POSIX_C_SOURCE 200809L /* sigaction */
#include "platform.h"

#include "log.h"

#include <SDL_syswm.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/XShm.h>
#include <dlfcn.h>
#include <epoxy/gl.h>
#include <epoxy/glx.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile sig_atomic_t signal_received, dump_requested;

static void on_signal(int sig) {
    if (sig == SIGUSR1) dump_requested = 1;
    else signal_received = 1;
}

void platform_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);
    /* A hangup of the terminal (tty1 under the service) or a write to a closed pipe (a log
     * reader gone) must not end the show: both are ignored, and a failed write returns EPIPE. */
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGHUP, &ign, NULL);
    sigaction(SIGPIPE, &ign, NULL);
}

bool platform_dump_requested(void) {
    if (!dump_requested) return false;
    dump_requested = 0;
    return true;
}

void platform_present_rect(const platform_t *p, layout_box_t b, int width, int height) {
    (void)p;
    int x0 = (int)floorf(b.x), y0 = (int)floorf(b.y);
    int x1 = (int)ceilf(b.x + b.w), y1 = (int)ceilf(b.y + b.h);
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > width ? width : x1;
    y1 = y1 > height ? height : y1;
    if (x1 <= x0 || y1 <= y0) return;
    glXCopySubBufferMESA(glXGetCurrentDisplay(), glXGetCurrentDrawable(), x0, height - y1, x1 - x0,
                         y1 - y0);
}

/* X11 errors: an image put for a size the window no longer has is refused with BadValue or
 * BadMatch (seen under Xvfb with Mesa's software driver when a resize races a present). That
 * is ours to recover from; anything else goes to the handler before ours (SDL's, then Xlib's,
 * which ends the program). */
static XErrorHandler x_previous;
static int x_shm_major;
static volatile sig_atomic_t x_present_lost;

static int x_error(Display *d, XErrorEvent *e) {
    enum { X_PUT_IMAGE = 72, X_SHM_PUT_IMAGE = 3 };
    bool put = e->request_code == X_PUT_IMAGE ||
               (x_shm_major && e->request_code == x_shm_major && e->minor_code == X_SHM_PUT_IMAGE);
    if (put && (e->error_code == BadValue || e->error_code == BadMatch)) {
        if (!x_present_lost)
            log_warning("the window changed size while a frame was shown: redrawn");
        x_present_lost = 1;
        return 0;
    }
    return x_previous ? x_previous(d, e) : 0;
}

static void trap_present_errors(Display *d) {
    int event, error;
    if (!XQueryExtension(d, "MIT-SHM", &x_shm_major, &event, &error)) x_shm_major = 0;
    XErrorHandler before = XSetErrorHandler(x_error);
    if (before != x_error) x_previous = before;
}

/* Whether this client can share memory with the X server (MIT-SHM attaches: not so over
 * `ssh -X`, in a container without the host's IPC, or on a server without the extension).
 * Without it Mesa's software path copies a part-frame with a plain XPutImage and does not
 * clip it to its own buffer: a rectangle of a size the window no longer has is read from
 * outside that buffer (seen to crash). Whole swaps, which Mesa fits to its buffer, are
 * used then. The same test Mesa makes: attach a small segment and wait for the answer. */
static volatile sig_atomic_t shm_refused;

static int shm_error(Display *d, XErrorEvent *e) {
    (void)d;
    (void)e;
    shm_refused = 1;
    return 0;
}

static bool shm_works(Display *d) {
    if (!XShmQueryExtension(d)) return false;
    XShmSegmentInfo info = {0};
    info.shmid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    if (info.shmid < 0) return false;
    info.shmaddr = shmat(info.shmid, NULL, 0);
    bool ok = false;
    if (info.shmaddr != (char *)-1) {
        info.readOnly = False;
        XSync(d, False);
        shm_refused = 0;
        XErrorHandler before = XSetErrorHandler(shm_error);
        if (XShmAttach(d, &info)) {
            XSync(d, False);
            ok = !shm_refused;
            if (ok) XShmDetach(d, &info);
            XSync(d, False);
        }
        XSetErrorHandler(before);
        shmdt(info.shmaddr);
    }
    shmctl(info.shmid, IPC_RMID, NULL);
    return ok;
}

bool platform_present_lost(void) {
    if (!x_present_lost) return false;
    x_present_lost = 0;
    return true;
}

/* A client message to the root window, as EWMH asks of a request to the window manager. */
static void x_ask_wm(Display *d, Window w, const char *type, long a0, long a1, long a2) {
    XEvent e;
    memset(&e, 0, sizeof e);
    e.xclient.type = ClientMessage;
    e.xclient.window = w;
    e.xclient.message_type = XInternAtom(d, type, False);
    e.xclient.format = 32;
    e.xclient.data.l[0] = a0;
    e.xclient.data.l[1] = a1;
    e.xclient.data.l[2] = a2;
    XSendEvent(d, DefaultRootWindow(d), False, SubstructureRedirectMask | SubstructureNotifyMask,
               &e);
}

/* Under X11 the window is taken back with requests only: SDL's X11 SDL_ShowWindow and
 * SDL_RaiseWindow wait for the window manager to map the window (up to ~100 ms, or for ever
 * when it never does: on another desktop, or with the desktop shown), and the watchdog ended
 * the show. Instead: on every desktop (a desktop switch cannot leave it behind), the desktop
 * not shown, mapped on top, fullscreen, made the active window; nothing waits for an answer.
 * False when the window is not an X11 one. */
static bool x_reclaim(platform_t *p) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(p->window, &info) || info.subsystem != SDL_SYSWM_X11) return false;
    Display *d = info.info.x11.display;
    Window w = info.info.x11.window;
    const long all_desktops = 0xFFFFFFFFL, source_pager = 2, state_add = 1;
    unsigned long every = 0xFFFFFFFFUL;
    XChangeProperty(d, w, XInternAtom(d, "_NET_WM_DESKTOP", False), XA_CARDINAL, 32,
                    PropModeReplace, (const unsigned char *)&every, 1);
    x_ask_wm(d, w, "_NET_WM_DESKTOP", all_desktops, source_pager, 0);
    x_ask_wm(d, w, "_NET_WM_STATE", state_add, (long)XInternAtom(d, "_NET_WM_STATE_STICKY", False),
             source_pager);
    x_ask_wm(d, DefaultRootWindow(d), "_NET_SHOWING_DESKTOP", 0, 0, 0);
    XMapRaised(d, w);
    if (p->fullscreen) {
        x_ask_wm(d, w, "_NET_WM_STATE", state_add,
                 (long)XInternAtom(d, "_NET_WM_STATE_FULLSCREEN", False), source_pager);
    }
    x_ask_wm(d, w, "_NET_ACTIVE_WINDOW", source_pager, CurrentTime, 0);
    XFlush(d);
    return true;
}

void platform_reclaim(platform_t *p) {
    if (x_reclaim(p)) return;
    SDL_RestoreWindow(p->window);
    if (p->fullscreen) SDL_SetWindowFullscreen(p->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_ShowWindow(p->window);
    SDL_RaiseWindow(p->window);
    SDL_SetWindowInputFocus(p->window);
}

bool platform_signal_received(void) { return signal_received != 0; }

/* Context attributes must be set before the window exists: X11 picks its visual from them. */
static void set_context_attributes(bool es) {
    SDL_GL_ResetAttributes();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK,
                        es ? SDL_GL_CONTEXT_PROFILE_ES : SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, es ? 0 : 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
}

#ifdef SK_SANITIZE
/* LeakSanitizer checks after Mesa's drivers are unloaded and then cannot symbolise (or
 * suppress) the few blocks they keep for the process's life. Pinning them loaded makes those
 * reports disappear while leaks of ours are still caught. */
static void keep_gl_drivers_loaded(void) {
    static const char *libs[] = {"libEGL_mesa.so.0",
                                 "libGLX_mesa.so.0",
                                 "libEGL.so.1",
                                 "libGLX.so.0",
                                 "libGL.so.1",
                                 "libGLESv2.so.2",
                                 "libLLVM-15.so.1",
                                 "libX11.so.6",
                                 "libdbus-1.so.3",
                                 "libgbm.so.1",
                                 "libglapi.so.0",
                                 "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so",
                                 "/usr/lib/aarch64-linux-gnu/dri/swrast_dri.so",
                                 "libepoxy.so.0"};
    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        dlopen(libs[i], RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    }
}
#else
static void keep_gl_drivers_loaded(void) {}
#endif

#define DISPLAY_WAIT_MS 10000 /* how long a show waits for its display to answer */

/* Starts SDL's video for a window someone will see. When the display does not answer (an X
 * server still starting at boot, or one busy for a moment: seen under Xvfb), SDL falls back
 * to the next driver, down to its offscreen one, and the show would run where nobody sees
 * it: a black TV for good. So, unless SDL_VIDEODRIVER names a driver, only the display that
 * DISPLAY / WAYLAND_DISPLAY name is tried, again for a while (none named: the console,
 * KMSDRM, once); then one clear line, and the service that started the kiosk starts it
 * again. A signal ends the wait. */
static bool video_start(bool offscreen) {
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");
    const char *x11 = SDL_getenv("DISPLAY"), *wayland = SDL_getenv("WAYLAND_DISPLAY");
    bool ours = !offscreen && !(asked && *asked); /* we name the driver: SDL has no fallback */
    if (ours) {
        const char *only = x11 && wayland ? "x11,wayland"
                           : x11          ? "x11"
                           : wayland      ? "wayland"
                                          : "kmsdrm";
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, only, SDL_HINT_OVERRIDE);
    }
    bool wait = ours && (x11 || wayland);
    for (Uint32 waited = 0;; waited += 100) {
        if (SDL_Init(SDL_INIT_VIDEO) == 0) return true;
        if (platform_signal_received()) return false; /* asked to stop: nothing to say */
        if (!wait || waited >= DISPLAY_WAIT_MS) {
            log_error("cannot open the display (DISPLAY=%s, WAYLAND_DISPLAY=%s): %s",
                      x11 ? x11 : "unset", wayland ? wayland : "unset", SDL_GetError());
            return false;
        }
        if (waited == 0) {
            log_notice("the display does not answer yet (%s): trying for %d s", SDL_GetError(),
                       DISPLAY_WAIT_MS / 1000);
        }
        SDL_Delay(100);
    }
}

bool platform_init(platform_t *p, const platform_desc_t *d) {
    memset(p, 0, sizeof *p);
    /* We handle SIGINT/SIGTERM ourselves: SDL would turn them into a window-close event. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (!video_start(d->offscreen)) return false;
    int w = d->width, h = d->height;
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (d->offscreen) {
        flags |= SDL_WINDOW_HIDDEN;
    } else if (d->windowed) {
        flags |= SDL_WINDOW_RESIZABLE;
    } else {
        /* Create the window at the desktop mode's size, then go fullscreen-desktop: a smaller
         * window made fullscreen may keep rendering into its old area. */
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        p->fullscreen = true;
    }
    /* The software rasteriser (Mesa's llvmpipe, where there is no GPU) splits each frame across
     * threads, one a core, and the thread that draws waits for them at every present. The show
     * redraws a few per cent of the screen a frame (damage.c), and waking and waiting for those
     * threads costs more CPU than they save, at every size: under X11 at 1080p, knees to chest took
     * 1.9-2.0 ms of CPU a frame rasterised in the show's own thread against 3.0-3.3 ms with two
     * threads (scripts/kiosk-cpu.sh, in turn); at 3840x2160, 5.8 ms against 18.5, child's pose
     * 7.0 against 22.3, and the whole playlist offscreen 3.7 ms a frame against 11.2 (--bench).
     * The worst frames stay inside a frame's budget without them: p99 28.8 ms at 4K against the
     * threads' 46.9 (limit 33). Mesa reads LP_NUM_THREADS when the window makes its screen, once
     * for the process. The environment's own choice stands, and a GPU's driver ignores it. */
    setenv("LP_NUM_THREADS", "0", 0); /* (unless set; before any thread reads it) */
    /* A GL 3.3 core context, else OpenGL ES 3.0; the window is made for each attempt since
     * some drivers fix the API with the window's surface. */
    /* tests: "es" skips desktop GL; "linked" (or "es-linked") asks for linked programs */
    const char *api = SDL_getenv("STRETCH_KIOSK_GL");
    p->linked_programs = api && strstr(api, "linked");
    for (int es = api && !strncmp(api, "es", 2) ? 1 : 0; es <= 1 && !p->gl; es++) {
        set_context_attributes(es != 0);
        p->window =
            SDL_CreateWindow(d->title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
        if (!p->window) {
            log_error("cannot open a %dx%d OpenGL window (needs OpenGL 3.3 core or OpenGL ES "
                      "3.0): %s",
                      w, h, SDL_GetError());
            SDL_Quit();
            return false;
        }
        p->gl = SDL_GL_CreateContext(p->window);
        if (!p->gl) {
            SDL_DestroyWindow(p->window);
            p->window = NULL;
        }
    }
    if (!p->gl) {
        log_error("needs OpenGL 3.3 core or OpenGL ES 3.0, and this system offers neither: %s",
                  SDL_GetError());
        SDL_Quit();
        return false;
    }
    SDL_GL_MakeCurrent(p->window, p->gl);
    keep_gl_drivers_loaded();
    p->vsync = !d->offscreen && SDL_GL_SetSwapInterval(1) == 0;
    /* Under X11, Mesa offers to copy part of the back buffer to the screen: then a frame in
     * which only the figure moved costs only the figure's rectangle, not a whole swap. */
    const char *driver = SDL_GetCurrentVideoDriver();
    if (!d->offscreen && driver && !strcmp(driver, "x11") &&
        epoxy_has_glx(glXGetCurrentDisplay())) {
        Display *dpy = glXGetCurrentDisplay();
        p->copy_sub_buffer = dpy && epoxy_has_glx_extension(dpy, 0, "GLX_MESA_copy_sub_buffer") &&
                             !SDL_getenv("STRETCH_KIOSK_FULL_SWAPS") && shm_works(dpy);
        if (dpy) trap_present_errors(dpy);
    }
    p->window_w = d->windowed ? w : d->width;
    p->window_h = d->windowed ? h : d->height;
    /* the pointer shows only when it moves (input.c) */
    if (!d->offscreen) SDL_ShowCursor(SDL_DISABLE);
    return true;
}

void platform_shutdown(platform_t *p) {
    if (p->gl) SDL_GL_DeleteContext(p->gl);
    if (p->window) SDL_DestroyWindow(p->window);
    p->gl = NULL;
    p->window = NULL;
    SDL_Quit();
}

void platform_toggle_fullscreen(platform_t *p) {
    bool to = !p->fullscreen;
    int display = SDL_GetWindowDisplayIndex(p->window);
    display = display < 0 ? 0 : display;
    SDL_Rect screen;
    if (to) { /* remember the window's size to come back to */
        SDL_GetWindowSize(p->window, &p->window_w, &p->window_h);
        /* Without a window manager nobody answers the fullscreen request (seen under Xvfb):
         * the window is first made the display's size itself. With one, this is harmless. */
        if (SDL_GetDisplayBounds(display, &screen) == 0) {
            SDL_SetWindowBordered(p->window, SDL_FALSE);
            SDL_SetWindowPosition(p->window, screen.x, screen.y);
            SDL_SetWindowSize(p->window, screen.w, screen.h);
        }
    }
    if (SDL_SetWindowFullscreen(p->window, to ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0) != 0) {
        log_warning("cannot change fullscreen: %s", SDL_GetError());
        return;
    }
    p->fullscreen = to;
    if (to) return;
    /* A show started fullscreen has a borderless window of the screen's size: leaving
     * fullscreen alone would change nothing visible. It gets a frame, a size that fits the
     * display and the middle of it. */
    int w = p->window_w, h = p->window_h;
    if (SDL_GetDisplayBounds(display, &screen) == 0 &&
        (w <= 0 || h <= 0 || w >= screen.w || h >= screen.h)) {
        w = screen.w * 2 / 3;
        h = screen.h * 2 / 3;
    }
    SDL_SetWindowBordered(p->window, SDL_TRUE);
    SDL_SetWindowResizable(p->window, SDL_TRUE);
    SDL_SetWindowSize(p->window, w > 0 ? w : 1280, h > 0 ? h : 720);
    SDL_SetWindowPosition(p->window, SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                          SDL_WINDOWPOS_CENTERED_DISPLAY(display));
}

void platform_show_pointer(platform_t *p, bool shown) {
    if (shown == p->pointer_shown) return;
    p->pointer_shown = shown;
    SDL_ShowCursor(shown ? SDL_ENABLE : SDL_DISABLE);
}

void platform_drawable_size(const platform_t *p, int *w, int *h) {
    SDL_GL_GetDrawableSize(p->window, w, h);
}
