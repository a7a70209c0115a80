/* warm: the renderer's walks that draw nothing (see warm.c). For render.c only. */
#ifndef SK_WARM_H
#define SK_WARM_H

#include "render.h"

/* The first frame's texts, set on a thread of their own beside the one compiling the shaders:
 * fonts from these paths; `ok` says whether they opened. */
typedef struct warm_first_t {
    render_t *r;
    const show_t *show;
    char regular[1024], bold[1024];
    bool ok;
} warm_first_t;
int warm_first(void *job); /* an SDL_ThreadFunction */

/* Walks scene `task` of the playlist (every review card; every move and hold of an exercise),
 * or with task == playlist_count the overlays and countdown numerals, drawing nothing. */
void warm_walk(render_t *r, const show_t *show, int task);

/* A few texts a frame, ahead of need (render_frame calls it first). */
void warm_frame(render_t *r, const show_t *show);

#endif
