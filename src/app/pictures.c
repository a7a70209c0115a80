/* pictures: the two pictures a content brings — the QR code that dials the clinic (made with
 * qr.c, one texel a module) and the clinic's mark (read from the assets folder when the
 * content is adopted, rasterised from memory at the size its box needs: an SVG stays crisp at
 * any size, and no frame waits on the disk). Depends on gfx, SDL_image, qr, assets and
 * core; not on the scenes. */
#include "pictures.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "log.h"
#include "qr.h"

gfx_texture_t pictures_qr(const char *text) {
    int n = 0;
    unsigned char *cov = qr_modules(text, &n);
    if (!cov) {
        log_error("cannot make a QR code of '%.40s…' (too long?)", text);
        return (gfx_texture_t){0};
    }
    for (size_t i = 0; i < (size_t)n * (size_t)n; i++) cov[i] = cov[i] ? 255 : 0;
    gfx_texture_t t = gfx_texture_r8(n, n, cov); /* n is odd: no blank margin */
    free(cov);
    return t;
}

/* Whether `text` can be encoded (no texture made). */
static bool qr_possible(const char *text) {
    int n = 0;
    unsigned char *m = qr_modules(text, &n);
    free(m);
    return m != NULL;
}

bool render_qr_possible(const content_t *content) {
    return qr_possible(content->clinic.qr_text) &&
           (!content->clinic.handout_url || qr_possible(content->clinic.handout_url));
}

void pictures_mark_read(render_t *r) {
    pictures_mark_forget(r);
    const char *rel = r->content->theme.mark;
    if (!rel) return;
    /* inside the assets folder, a regular file, opened without waiting (assets.h) */
    char path[4200], err[1300] = "";
    char *data = NULL;
    size_t len = 0;
    if (!assets_path(r->assets_dir, rel, path, sizeof path, err, sizeof err) ||
        !assets_read_max(path, ASSETS_MAX_IMAGE, &data, &len, err, sizeof err)) {
        /* the path is the content's: the log escapes it */
        log_warning("cannot load the clinic's mark %s: %s (shown without it)", rel, err);
        r->mark_failed = true;
        return;
    }
    r->mark_data = (unsigned char *)data;
    r->mark_len = len;
}

void pictures_mark_forget(render_t *r) {
    SDL_free(r->mark_data);
    r->mark_data = NULL;
    r->mark_len = 0;
}

/* The clinic's mark at `px` pixels square: SVG is rasterised at that size, so it is crisp. */
void pictures_mark_load(render_t *r, int px) {
    if (!r->preparing) gfx_texture_free(&r->mark_texture);
    r->mark_px = px;
    const char *rel = r->content->theme.mark;
    if (!rel || r->mark_failed || !r->mark_data || px < 1) return;
    SDL_RWops *rw = SDL_RWFromConstMem(r->mark_data, (int)r->mark_len);
    size_t n = strlen(rel);
    bool svg = n > 4 && !strcmp(rel + n - 4, ".svg");
    SDL_Surface *img = NULL;
    if (rw && svg) {
        img = IMG_LoadSizedSVG_RW(rw, px, px);
        SDL_RWclose(rw);
    } else if (rw) {
        img = IMG_Load_RW(rw, 1);
    }
    SDL_Surface *rgba = img ? SDL_ConvertSurfaceFormat(img, SDL_PIXELFORMAT_RGBA32, 0) : NULL;
    if (!rgba) {
        /* the path is the content's: the log escapes it */
        log_warning("cannot load the clinic's mark %s: %s (shown without it)", rel, IMG_GetError());
        r->mark_failed = true;
    } else {
        unsigned char *packed = SDL_malloc((size_t)rgba->w * (size_t)rgba->h * 4);
        if (packed) {
            for (int y = 0; y < rgba->h; y++) {
                memcpy(packed + (size_t)y * (size_t)rgba->w * 4,
                       (const unsigned char *)rgba->pixels + (size_t)y * (size_t)rgba->pitch,
                       (size_t)rgba->w * 4);
            }
            if (r->preparing && rgba->w == px && rgba->h == px) {
                r->mark_pending = packed; /* no GL here: made a texture after the walk */
            } else if (r->preparing) {    /* not px square (a picture): the first frame loads it */
                SDL_free(packed);
                r->mark_px = 0;
            } else {
                r->mark_texture = gfx_texture_rgba(rgba->w, rgba->h, packed);
                SDL_free(packed);
            }
        }
    }
    SDL_FreeSurface(rgba);
    SDL_FreeSurface(img);
}
