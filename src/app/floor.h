/* floor: the smallest program that draws with a shader on this driver, measured by the bench
 * against the show (see floor.c). Depends on nothing of the project's. */
#ifndef SK_FLOOR_H
#define SK_FLOOR_H

#include <stdbool.h>

/* A process's memory, KiB (0 if unknown), from /proc/self/smaps: its proportional set size,
 * and how much of it the pages of its files (the libraries: Mesa's and LLVM's code above all)
 * are short of their whole because other processes map them too — an X server on llvmpipe,
 * another GL program, a kiosk running beside its bench. pss + shared_files is the PSS the
 * process would have if nothing else mapped its files: the figure the bench compares, so that
 * another program starting or ending on the box between the floor and the show moves neither. */
typedef struct floor_memory_t {
    long pss;
    long shared_files;
} floor_memory_t;

/* This process's memory now. */
floor_memory_t floor_memory(void);

/* Opens an offscreen GL context of w x h (SDL's offscreen video driver, the context the show
 * asks for), clears it ten times, and, with_shader, compiles the smallest shader program there
 * is (one flat colour) and draws one full-screen triangle with it; then closes everything.
 * Sets *memory to this process's memory after the drawing (its peak: the context and the
 * compiled shader still held). False when it could not draw. Writes nothing. */
bool floor_run(int w, int h, bool with_shader, floor_memory_t *memory);

#endif
