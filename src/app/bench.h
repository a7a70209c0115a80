/* bench: --bench (see bench.c). */
#ifndef SK_BENCH_H
#define SK_BENCH_H

#include "app.h"

/* Runs the benchmark and prints its report; 0 when every budget is met, else 1. */
int bench_run(const cli_options_t *o);

#endif
