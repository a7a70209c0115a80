/* qr: see qr.h. Depends on libqrencode only. */
#include "qr.h"

#include <qrencode.h>
#include <stdlib.h>

unsigned char *qr_modules(const char *text, int *side) {
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) return NULL;
    int n = q->width + 2 * QR_QUIET_MODULES;
    unsigned char *m = calloc((size_t)n * (size_t)n, 1);
    if (m) {
        for (int y = 0; y < q->width; y++) {
            for (int x = 0; x < q->width; x++) {
                m[(size_t)(y + QR_QUIET_MODULES) * (size_t)n + (size_t)(x + QR_QUIET_MODULES)] =
                    q->data[y * q->width + x] & 1;
            }
        }
        *side = n;
    }
    QRcode_free(q);
    return m;
}
