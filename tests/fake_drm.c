/* fake_drm: a stand-in for the few libdrm calls drm_power.c makes, so test_drm_power can check
 * it without a DRM device (these machines have no /dev/dri). A card is a table of connectors,
 * each connected or not, driven (with an encoder) or not, with or without a "DPMS" property;
 * setting the property records its value, or fails with the errno the test asks for (EACCES:
 * not the DRM master). Every object handed out is malloc'ed and must be given back through
 * the matching drmModeFree* call: the test counts them. */
#include "fake_drm.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xf86drmMode.h>

fake_drm_t fake_drm;

#define PROP_DPMS 100u
#define PROP_EDID 101u
#define CONNECTOR_BASE 30u

static void *handed(size_t size) {
    fake_drm.live++;
    return calloc(1, size);
}

static void given_back(void *p) {
    if (!p) return;
    fake_drm.live--;
    free(p);
}

static fake_connector_t *connector(uint32_t id) {
    uint32_t i = id - CONNECTOR_BASE;
    return id >= CONNECTOR_BASE && i < (uint32_t)fake_drm.count ? &fake_drm.connectors[i] : NULL;
}

drmModeResPtr drmModeGetResources(int fd) {
    if (fd != FAKE_DRM_FD || !fake_drm.kms) {
        errno = fd != FAKE_DRM_FD ? EBADF : EOPNOTSUPP;
        return NULL;
    }
    drmModeResPtr r = handed(sizeof *r);
    r->count_connectors = fake_drm.count;
    r->connectors = calloc((size_t)fake_drm.count + 1, sizeof(uint32_t));
    for (int i = 0; i < fake_drm.count; i++) r->connectors[i] = CONNECTOR_BASE + (uint32_t)i;
    return r;
}

void drmModeFreeResources(drmModeResPtr ptr) {
    if (ptr) free(ptr->connectors);
    given_back(ptr);
}

drmModeConnectorPtr drmModeGetConnector(int fd, uint32_t connector_id) {
    fake_connector_t *f = connector(connector_id);
    if (fd != FAKE_DRM_FD || !f) {
        errno = ENOENT;
        return NULL;
    }
    drmModeConnectorPtr c = handed(sizeof *c);
    c->connector_id = connector_id;
    c->connector_type = f->type;
    c->connector_type_id = f->type_id;
    c->connection = f->connected ? DRM_MODE_CONNECTED : DRM_MODE_DISCONNECTED;
    c->encoder_id = f->driven ? 40u + connector_id : 0u;
    return c;
}

void drmModeFreeConnector(drmModeConnectorPtr ptr) { given_back(ptr); }

drmModeObjectPropertiesPtr drmModeObjectGetProperties(int fd, uint32_t object_id,
                                                      uint32_t object_type) {
    fake_connector_t *f = connector(object_id);
    if (fd != FAKE_DRM_FD || !f || object_type != DRM_MODE_OBJECT_CONNECTOR) {
        errno = ENOENT;
        return NULL;
    }
    drmModeObjectPropertiesPtr p = handed(sizeof *p);
    p->props = calloc(2, sizeof(uint32_t));
    p->prop_values = calloc(2, sizeof(uint64_t));
    p->props[p->count_props++] = PROP_EDID; /* another property first: the name is looked at */
    if (f->has_dpms) {
        p->prop_values[p->count_props] = (uint64_t)f->dpms;
        p->props[p->count_props++] = PROP_DPMS;
    }
    return p;
}

void drmModeFreeObjectProperties(drmModeObjectPropertiesPtr ptr) {
    if (ptr) {
        free(ptr->props);
        free(ptr->prop_values);
    }
    given_back(ptr);
}

drmModePropertyPtr drmModeGetProperty(int fd, uint32_t property_id) {
    if (fd != FAKE_DRM_FD || (property_id != PROP_DPMS && property_id != PROP_EDID)) {
        errno = ENOENT;
        return NULL;
    }
    drmModePropertyPtr p = handed(sizeof *p);
    p->prop_id = property_id;
    strcpy(p->name, property_id == PROP_DPMS ? "DPMS" : "EDID");
    return p;
}

void drmModeFreeProperty(drmModePropertyPtr ptr) { given_back(ptr); }

int drmModeConnectorSetProperty(int fd, uint32_t connector_id, uint32_t property_id,
                                uint64_t value) {
    fake_connector_t *f = connector(connector_id);
    fake_drm.sets++;
    if (fd != FAKE_DRM_FD || !f || property_id != PROP_DPMS || !f->has_dpms) {
        errno = EINVAL;
        return -1;
    }
    if (fake_drm.refuse) {
        errno = fake_drm.refuse;
        return -1;
    }
    f->dpms = (int)value;
    return 0;
}

const char *drmModeGetConnectorTypeName(uint32_t connector_type) {
    switch (connector_type) {
    case DRM_MODE_CONNECTOR_HDMIA: return "HDMI-A";
    case DRM_MODE_CONNECTOR_DisplayPort: return "DP";
    case DRM_MODE_CONNECTOR_eDP: return "eDP";
    default: return NULL;
    }
}
