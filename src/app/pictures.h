/* pictures: the content's QR code and the clinic's mark as textures (see pictures.c). For the
 * renderer's files only. */
#ifndef SK_PICTURES_H
#define SK_PICTURES_H

#include "render.h"

/* The QR code of `text` as a texture (one texel a module, quiet zone included), or 0 when the
 * text cannot be encoded. Touches nothing else. */
gfx_texture_t pictures_qr(const char *text);

/* Reads the content's mark from the assets folder into memory (when the content is adopted:
 * no frame reads a file); a mark that cannot be read is said once and left out. */
void pictures_mark_read(render_t *r);
void pictures_mark_forget(render_t *r);
/* The mark at `px` pixels square, rasterised from memory into r->mark_texture (or, while
 * preparing on a thread without GL, into r->mark_pending). */
void pictures_mark_load(render_t *r, int px);

#endif
