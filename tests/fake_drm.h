/* fake_drm: the card test_drm_power sets up for drm_power.c (see fake_drm.c). */
#ifndef SK_FAKE_DRM_H
#define SK_FAKE_DRM_H

#include <stdbool.h>
#include <stdint.h>

#define FAKE_DRM_FD 7 /* the one descriptor the fake card answers on */
#define FAKE_DRM_MAX 4

typedef struct {
    uint32_t type, type_id; /* DRM_MODE_CONNECTOR_HDMIA, 1: "HDMI-A-1" */
    bool connected, driven; /* a monitor on it; an encoder (a CRTC) showing a picture */
    bool has_dpms;
    int dpms; /* the property's value: DRM_MODE_DPMS_ON (0) or _OFF (3) */
} fake_connector_t;

typedef struct {
    bool kms; /* false: drmModeGetResources fails (a render-only node) */
    int count;
    fake_connector_t connectors[FAKE_DRM_MAX];
    int refuse; /* an errno for every set (EACCES: not the master), or 0 */
    int sets;   /* set calls made */
    int live;   /* objects handed out and not yet freed */
} fake_drm_t;

extern fake_drm_t fake_drm;

#endif
