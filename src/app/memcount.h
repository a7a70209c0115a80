/* memcount: counts heap allocations made through SDL's allocator (SDL, SDL_ttf, SDL_image and
 * this project's own code, which allocates with SDL_malloc) — for the benchmark's "no heap
 * allocation in the steady-state frame". Depends on SDL only. */
#ifndef SK_MEMCOUNT_H
#define SK_MEMCOUNT_H

/* Installs the counting allocator; call before anything allocates through SDL. */
void memcount_install(void);

/* Allocations (malloc, calloc, realloc) counted so far. */
long memcount_allocations(void);

#endif
