/* main: the stretch-kiosk program — the command line parsed (cli.c) and the mode it names
 * run: the show (loop.c), a screenshot, --dump-pose or --check-content (tools.c), --bench
 * (bench.c) or a USB import (import.c). Depends on app and the modes only. */
#include <stdio.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "app.h"
#include "bench.h"
#include "import.h"
#include "log.h"
#include "memcount.h"
#include "tools.h"

#ifndef SK_VERSION
#define SK_VERSION "0.0.0"
#endif

/* The heap kept, not given back to the system after every frame. The software rasteriser
 * (llvmpipe) copies its state for each draw that changes it into 64 KiB blocks it mallocs while
 * the frame is recorded and frees once it is drawn: about 0.5 MiB a frame on knees to chest
 * (1.4 MiB before the capsules' values came flat from the vertex stage, gfx.c). With glibc's
 * default trim threshold (128 KiB, raised only by chance: by freeing a large mmapped block) the
 * top of the heap is handed back with brk at the end of a frame and taken again during the next,
 * each page faulted in afresh: under X11 about 45 page faults and 0.8 ms of the main thread's
 * CPU a frame (docs/perf/x11-main-thread-2026-12-02.md). Keeping up to 4 MiB free at the top
 * costs only the heap a frame uses anyway. (It also fixes the mmap threshold at its default,
 * 128 KiB, instead of glibc's moving one.) */
static void heap_keep(void) {
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
#endif
}

int main(int argc, char **argv) {
    heap_keep();        /* before anything allocates */
    memcount_install(); /* before anything allocates through SDL */
    cli_options_t o;
    char err[512];
    if (!cli_parse(argc, argv, &o, err, sizeof err)) {
        log_error("%s", err);
        return APP_EXIT_USAGE;
    }
    switch (o.mode) {
    case CLI_MODE_HELP: fputs(cli_usage(), stdout); return APP_EXIT_OK;
    case CLI_MODE_VERSION: printf("stretch-kiosk %s\n", SK_VERSION); return APP_EXIT_OK;
    case CLI_MODE_CHECK_CONTENT: return tools_check_content(&o);
    case CLI_MODE_DUMP_POSE: return tools_dump_pose(&o);
    case CLI_MODE_HANDOUT: return tools_handout(&o);
    case CLI_MODE_BENCH: return bench_run(&o);
    case CLI_MODE_IMPORT: return import_main(o.import_path, o.content_path, o.import_from);
    case CLI_MODE_SCREENSHOT: return tools_screenshot(&o);
    default: return app_run_show(&o);
    }
}
