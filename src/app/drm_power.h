/* drm_power: the screen asleep under KMS/DRM (issue 16). Sets the legacy "DPMS" property of
 * every connector that is driving a picture (connected, with an encoder) on a DRM device the
 * caller already holds as master: SDL's KMSDRM driver opens the card, sets the mode and keeps
 * the master, and gives its file descriptor out (SDL_SysWMinfo's kmsdrm.drm_fd), so this
 * needs no second client, which the kernel would refuse. With atomic drivers the kernel turns
 * the property into the CRTC's "ACTIVE" and back; at DPMS on the last committed frame shows
 * until the next page flip.
 * Depends on libdrm only: not on SDL, GL, the show or the content. The test links a stand-in
 * for the few libdrm calls (tests/fake_drm.c). */
#ifndef SK_DRM_POWER_H
#define SK_DRM_POWER_H

#include <stdbool.h>
#include <stddef.h>

/* Sets DPMS off (on = false) or on through `fd`, the DRM master's descriptor. Returns how many
 * connectors took it (0 when none: no KMS resources, no connector in use, no DPMS property,
 * or every set refused — e.g. not the master). `said` gets one line for the journal: the
 * connectors set ("HDMI-A-1") or why nothing was. */
int drm_power_set(int fd, bool on, char *said, size_t said_size);

#endif
