/* memcount: SDL_SetMemoryFunctions wrappers that count allocations (see memcount.h). */
#include "memcount.h"

#include <SDL.h>

static SDL_malloc_func g_malloc;
static SDL_calloc_func g_calloc;
static SDL_realloc_func g_realloc;
static SDL_free_func g_free;
static SDL_atomic_t g_count;

static void *count_malloc(size_t n) {
    SDL_AtomicIncRef(&g_count);
    return g_malloc(n);
}

static void *count_calloc(size_t n, size_t size) {
    SDL_AtomicIncRef(&g_count);
    return g_calloc(n, size);
}

static void *count_realloc(void *p, size_t n) {
    SDL_AtomicIncRef(&g_count);
    return g_realloc(p, n);
}

static void count_free(void *p) { g_free(p); }

void memcount_install(void) {
    if (g_malloc) return;
    SDL_GetOriginalMemoryFunctions(&g_malloc, &g_calloc, &g_realloc, &g_free);
    SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, count_free);
}

long memcount_allocations(void) { return SDL_AtomicGet(&g_count); }
