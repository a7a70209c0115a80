/* bench: --bench (see bench.c). */
#ifndef SK_BENCH_H
#define SK_BENCH_H

#include "app.h"

/* Runs the benchmark: the floor (floor.c) and then the show, each in a child process of this
 * binary, and prints the report; 0 when every budget is met, else 1. In those children (told
 * by the internal SK_BENCH_ROLE variable) it runs the floor or the measured show instead. */
int bench_run(const cli_options_t *o);

#endif
