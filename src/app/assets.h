/* assets: finding the assets folder (build tree, install tree or $STRETCH_KIOSK_ASSETS) and
 * reading whole files. Depends on SDL (base path, file reading) only. */
#ifndef SK_ASSETS_H
#define SK_ASSETS_H

#include <stdbool.h>
#include <stddef.h>

/* Finds the folder holding content/ and fonts/. Returns false with a message in err. */
bool assets_locate(char *dir, size_t dir_size, char *err, size_t err_size);
/* An installed binary's default content (assets_locate found the install tree, not the build
 * tree or $STRETCH_KIOSK_ASSETS): SK_SYSCONFDIR/stretch-kiosk/<lang>.yaml, the package's
 * conffile, into out when it is a file there. False: use the shipped content. */
bool assets_config_content(const char *lang, char *out, size_t out_size);

/* Size limits: a content file is a few tens of KB; fonts and images are bigger. */
#define ASSETS_MAX_CONTENT ((size_t)1 << 20) /* bytes */
#define ASSETS_MAX_FONT ((size_t)32 << 20)   /* bytes */
#define ASSETS_MAX_IMAGE ((size_t)16 << 20)  /* bytes */

/* Every reader here opens a file only when it is a regular one (a folder, FIFO, device or
 * socket is refused at once, never waited on) and no larger than its limit. */

/* Reads a whole content file (NUL-terminated, at most ASSETS_MAX_CONTENT bytes). The caller
 * frees *data with SDL_free. */
bool assets_read(const char *path, char **data, size_t *len, char *err, size_t err_size);
/* The same with another limit. */
bool assets_read_max(const char *path, size_t max, char **data, size_t *len, char *err,
                     size_t err_size);
/* A regular file of at most `max` bytes as an SDL stream (for SDL_ttf and SDL_image: close it
 * with SDL_RWclose, or let the loader do it). NULL with a message in err. */
struct SDL_RWops *assets_open(const char *path, size_t max, char *err, size_t err_size);
/* The real path of `rel` (as the content names a font or image), which must lie inside
 * assets_dir: an absolute path, a ".." part or a link leading out is refused with a one-line
 * message in err. */
bool assets_path(const char *assets_dir, const char *rel, char *out, size_t out_size, char *err,
                 size_t err_size);

#endif
