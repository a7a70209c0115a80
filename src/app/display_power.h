/* display_power: the screen asleep while the clinic is closed (issue 16). Once the picture has
 * gone black at closing time (kiosk_tick asks a check later, so that no frame is ever flipped
 * to a sleeping screen) the display is powered down where the platform allows, and woken at
 * opening, before the first frame:
 *   - X11: DPMS through libXext (DPMSEnable, DPMSForceLevel Off / On) on the show's own
 *     display connection; the server's DPMS setting is given back at opening. Asleep, SDL's
 *     hold on the screen saver is let go (its periodic reset would wake the monitor).
 *   - HDMI-CEC, when the content asks (kiosk.cec) and `cec-ctl` is on PATH: `cec-ctl --to 0
 *     --standby` when closing, `cec-ctl --to 0 --image-view-on` when opening, run in the
 *     background (never waited on by the frame loop; reaped later).
 *   - KMS/DRM: the "DPMS" property of each connector in use, set through the DRM master
 *     descriptor SDL's KMSDRM driver already holds (drm_power.c); set on again at opening.
 * Where nothing works the black screen stays, and one line says so.
 * Depends on SDL (the window's X11 display or DRM descriptor), Xlib/Xext, drm_power and POSIX
 * process calls; not on GL, the renderer, the show or the content (the caller passes the cec
 * choice). */
#ifndef SK_DISPLAY_POWER_H
#define SK_DISPLAY_POWER_H

#include <SDL.h>
#include <stdbool.h>

/* Powers the display of `window` down (on = false) or wakes it (on = true); with `cec`, also
 * the TV over HDMI-CEC. Call on the edges only: asleep twice or awake twice does nothing. */
void display_power_set(SDL_Window *window, bool on, bool cec);

#endif
