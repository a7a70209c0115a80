/* qr: a text as a QR code's modules, through libqrencode — one code for the screen (pictures.c
 * makes a texture of it) and the printed handout (handout_pdf.c draws its squares). */
#ifndef SK_QR_H
#define SK_QR_H

#define QR_QUIET_MODULES 4 /* the light margin a reader needs, in modules, each side */

/* The QR code of `text` (error correction M, 8-bit): side x side bytes, row by row, 1 for a
 * dark module, quiet zone included, in a buffer the caller frees with free(); NULL when the
 * text cannot be encoded (too long) or memory runs out. */
unsigned char *qr_modules(const char *text, int *side);

#endif
