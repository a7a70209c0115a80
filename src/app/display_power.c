/* display_power: the display powered down while the clinic is closed, woken at opening
 * (see display_power.h). X11's DPMS on the show's display connection; the DRM connector's
 * DPMS on SDL's own DRM descriptor (drm_power.c); HDMI-CEC through `cec-ctl`, started in the
 * background through sh so the frame loop never waits on the TV; anywhere else the black
 * screen stays. Depends on SDL (the window's X11 display or DRM descriptor), Xlib/Xext,
 * drm_power and POSIX; not on GL, the renderer or the show. */
#define _DEFAULT_SOURCE /* environ, waitpid */
#include "display_power.h"

#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <errno.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drm_power.h"
#include "log.h"

extern char **environ;

static bool g_asleep;           /* the last call asked for sleep */
static bool g_dpms_forced;      /* we forced DPMS off: wake forces it on again */
static bool g_dpms_was_enabled; /* DPMS as the server had it, restored at wake */
static bool g_said_no_dpms;     /* "no DPMS here" said once */
static bool g_drm_forced;       /* we set the DRM connectors' DPMS off: wake sets it on */
static bool g_said_no_cec;      /* "no cec-ctl" said once */

/* The window's X11 display, or NULL (KMS/DRM, Wayland, offscreen). */
static Display *x_display(SDL_Window *window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) {
        return NULL;
    }
    return info.info.x11.display;
}

/* The DRM master descriptor SDL's KMSDRM driver drives the window's screen with, or -1. */
static int drm_fd(SDL_Window *window) {
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (window && SDL_GetWindowWMInfo(window, &info) && info.subsystem == SDL_SYSWM_KMSDRM) {
        return info.info.kmsdrm.drm_fd;
    }
#else
    (void)window;
#endif
    return -1;
}

/* KMS/DRM: the connectors' DPMS off or on. False when this is not KMS/DRM or nothing took it
 * (`why` says why, for the one line said when nothing works). */
static bool drm_dpms_set(SDL_Window *window, bool on, char *why, size_t why_size) {
    int fd = drm_fd(window);
    if (fd < 0 || (on && !g_drm_forced)) return false;
    char said[256];
    int n = drm_power_set(fd, on, said, sizeof said);
    if (n > 0) {
        g_drm_forced = !on;
        log_notice("display power: DPMS %s (KMS/DRM: %s)", on ? "on" : "off", said);
        return true;
    }
    if (!on) { /* waking what never slept is not tried; a refused wake is said */
        snprintf(why, why_size, "%s", said);
    } else {
        log_warning("display power: cannot wake the screen through DRM: %s", said);
    }
    return false;
}

/* DPMS off (sleep) or on (wake). False when the display has no DPMS. */
static bool dpms_set(SDL_Window *window, bool on) {
    Display *d = x_display(window);
    int event_base = 0, error_base = 0;
    if (!d || !DPMSQueryExtension(d, &event_base, &error_base) || !DPMSCapable(d)) return false;
    if (!on) {
        CARD16 level = 0;
        BOOL enabled = False;
        DPMSInfo(d, &level, &enabled);
        g_dpms_was_enabled = enabled;
        DPMSEnable(d); /* ForceLevel does nothing while DPMS is disabled */
        DPMSForceLevel(d, DPMSModeOff);
        g_dpms_forced = true;
    } else if (g_dpms_forced) {
        DPMSForceLevel(d, DPMSModeOn);
        /* the server's own timeouts as they were: a kiosk that had DPMS off keeps it off */
        if (!g_dpms_was_enabled) DPMSDisable(d);
        g_dpms_forced = false;
    }
    XFlush(d);
    return true;
}

/* cec-ctl on PATH, as execvp would find it. */
static bool cec_ctl_found(void) {
    const char *path = getenv("PATH");
    if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
    char dir[PATH_MAX];
    while (*path) {
        size_t n = strcspn(path, ":");
        int len = snprintf(dir, sizeof dir, "%.*s/cec-ctl", (int)n, path);
        if (len > 0 && (size_t)len < sizeof dir && access(dir, X_OK) == 0) return true;
        path += n + (path[n] == ':');
    }
    return false;
}

/* `cec-ctl --playback --to 0 MESSAGE` (the adapter set up as a playback device, the message
 * to the TV, logical address 0), in the background: sh starts it and returns at once, so the
 * one wait here is sh's, a few milliseconds; cec-ctl's own errors go to the journal. */
static bool cec_send(const char *message) {
    if (!cec_ctl_found()) {
        if (!g_said_no_cec)
            log_warning("display power: kiosk.cec is on but cec-ctl is not on PATH "
                        "(Debian: apt install v4l-utils); the TV stays on");
        g_said_no_cec = true;
        return false;
    }
    char *argv[] = {"sh",
                    "-c",
                    "cec-ctl --playback --to 0 \"$1\" >/dev/null </dev/null &",
                    "sh",
                    (char *)message,
                    NULL};
    pid_t pid = 0;
    int err = posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ);
    if (err != 0) {
        log_warning("display power: cannot start cec-ctl: %s", strerror(err));
        return false;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    log_notice("display power: cec-ctl --to 0 %s (HDMI-CEC)", message);
    return true;
}

void display_power_set(SDL_Window *window, bool on, bool cec) {
    if (g_asleep == !on) return; /* an edge only */
    g_asleep = !on;
    char why[256] = "";
    bool drm = drm_dpms_set(window, on, why, sizeof why);
    bool dpms = dpms_set(window, on);
    if (dpms) log_notice("display power: DPMS %s (X11)", on ? "on" : "off");
    /* While the screen saver is held off SDL resets X's every 30 s, and a reset wakes a
     * monitor that DPMS put to sleep: asleep by DPMS, it is let be (the picture is black
     * anyway); awake, held off again as kiosk_start held it. Where DPMS did nothing there is
     * nothing to wake, and the hold stays as it was. */
    static bool released;
    if (!on && dpms && !released) {
        SDL_EnableScreenSaver();
        released = true;
    } else if (on && released) {
        SDL_DisableScreenSaver();
        released = false;
    }
    bool sent = cec && cec_send(on ? "--image-view-on" : "--standby");
    if (!on && !dpms && !drm && !g_said_no_dpms) { /* Wayland, no DPMS in the X server or DRM */
        const char *driver = SDL_GetCurrentVideoDriver();
        log_notice("display power: no DPMS on this display (%s%s%s); closed, the screen stays "
                   "black%s",
                   driver ? driver : "no video driver", why[0] ? ": " : "", why,
                   sent ? " (the TV asked to stand by over HDMI-CEC)" : "");
        g_said_no_dpms = true;
    }
}
