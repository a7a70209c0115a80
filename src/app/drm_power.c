/* drm_power: DPMS through the DRM connector (see drm_power.h). The legacy connector property
 * rather than an atomic commit of the CRTC's ACTIVE: SDL 2's KMSDRM driver drives the screen
 * with legacy calls (drmModeSetCrtc, drmModePageFlip) and has not asked for the atomic client
 * cap, so the legacy property is the one this client may set; the kernel's atomic helpers turn
 * it into ACTIVE for atomic drivers. Depends on libdrm only. */
#include "drm_power.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <xf86drmMode.h>

/* The connector's "DPMS" property id, or 0. */
static uint32_t dpms_property(int fd, uint32_t connector_id) {
    drmModeObjectProperties *props =
        drmModeObjectGetProperties(fd, connector_id, DRM_MODE_OBJECT_CONNECTOR);
    if (!props) return 0;
    uint32_t id = 0;
    for (uint32_t i = 0; i < props->count_props && !id; i++) {
        drmModePropertyRes *p = drmModeGetProperty(fd, props->props[i]);
        if (p && strcmp(p->name, "DPMS") == 0) id = p->prop_id;
        drmModeFreeProperty(p);
    }
    drmModeFreeObjectProperties(props);
    return id;
}

/* "HDMI-A-1", as the kernel names the connector. */
static void connector_name(const drmModeConnector *c, char *out, size_t n) {
    const char *type = drmModeGetConnectorTypeName(c->connector_type);
    snprintf(out, n, "%s-%u", type ? type : "connector", c->connector_type_id);
}

/* `what` appended to `said`, comma-separated, cut (never overrun) when long. */
static void say(char *said, size_t n, const char *what) {
    size_t len = strlen(said);
    if (len + 1 >= n) return;
    snprintf(said + len, n - len, "%s%s", len ? ", " : "", what);
}

int drm_power_set(int fd, bool on, char *said, size_t said_size) {
    if (said_size) said[0] = '\0';
    drmModeRes *res = fd >= 0 ? drmModeGetResources(fd) : NULL;
    if (!res) {
        snprintf(said, said_size, "no KMS resources on the DRM device (%s)",
                 fd < 0 ? "no descriptor" : strerror(errno));
        return 0;
    }
    int set = 0, in_use = 0, refused = 0, refused_errno = 0;
    char failed[128] = "";
    for (int i = 0; i < res->count_connectors; i++) {
        drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
        if (!c) continue;
        /* a connector with no encoder shows nothing: left alone */
        if (c->connection == DRM_MODE_CONNECTED && c->encoder_id != 0) {
            in_use++;
            char name[48];
            connector_name(c, name, sizeof name);
            uint32_t prop = dpms_property(fd, c->connector_id);
            if (!prop) {
                say(failed, sizeof failed, name);
            } else if (drmModeConnectorSetProperty(fd, c->connector_id, prop,
                                                   on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) ==
                       0) {
                say(said, said_size, name);
                set++;
            } else {
                refused++;
                refused_errno = errno;
                say(failed, sizeof failed, name);
            }
        }
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    if (set == 0) {
        if (in_use == 0) {
            snprintf(said, said_size, "no connector in use on the DRM device");
        } else if (refused) {
            snprintf(said, said_size, "DPMS refused on %s: %s", failed, strerror(refused_errno));
        } else {
            snprintf(said, said_size, "no DPMS property on %s", failed);
        }
    } else if (failed[0]) {
        size_t len = strlen(said);
        if (len < said_size) snprintf(said + len, said_size - len, " (not %s)", failed);
    }
    return set;
}
