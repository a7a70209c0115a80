/* assets: finding the assets folder (build tree, install tree or $STRETCH_KIOSK_ASSETS) and
 * reading whole files. Depends on SDL (base path, file reading) only. */
#ifndef SK_ASSETS_H
#define SK_ASSETS_H

#include <stdbool.h>
#include <stddef.h>

/* Finds the folder holding content/ and fonts/. Returns false with a message in err. */
bool assets_locate(char *dir, size_t dir_size, char *err, size_t err_size);

/* Reads a whole file (NUL-terminated). The caller frees *data with SDL_free. */
bool assets_read(const char *path, char **data, size_t *len, char *err, size_t err_size);

#endif
