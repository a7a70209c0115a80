/* fake_dpms: libXext's DPMS calls stood in for (LD_PRELOAD), for display_power_test.sh where
 * the X server has no DPMS extension (Debian 12's Xvfb): each call is appended, one line, to
 * $SK_FAKE_DPMS_LOG ("enable", "disable", "force off", "force on"), and the state it sets is
 * what DPMSInfo reports back (DPMS disabled at first, as `xset -dpms` leaves a server). Nothing
 * reaches the X server. */
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <stdio.h>
#include <stdlib.h>

static BOOL g_enabled = False;
static CARD16 g_level = DPMSModeOn;

static void note(const char *what) {
    const char *path = getenv("SK_FAKE_DPMS_LOG");
    FILE *f = path ? fopen(path, "a") : NULL;
    if (!f) return;
    fprintf(f, "%s\n", what);
    fclose(f);
}

Bool DPMSQueryExtension(Display *d, int *event_base, int *error_base) {
    (void)d;
    *event_base = 0;
    *error_base = 0;
    return True;
}

Bool DPMSCapable(Display *d) {
    (void)d;
    return True;
}

Status DPMSInfo(Display *d, CARD16 *level, BOOL *enabled) {
    (void)d;
    *level = g_level;
    *enabled = g_enabled;
    return 1;
}

Status DPMSEnable(Display *d) {
    (void)d;
    g_enabled = True;
    note("enable");
    return 1;
}

Status DPMSDisable(Display *d) {
    (void)d;
    g_enabled = False;
    note("disable");
    return 1;
}

Status DPMSForceLevel(Display *d, CARD16 level) {
    (void)d;
    g_level = level;
    note(level == DPMSModeOff ? "force off" : level == DPMSModeOn ? "force on" : "force other");
    return 1;
}
