/* main: the stretch-kiosk program — the command line parsed (cli.c) and the mode it names
 * run: the show (loop.c), a screenshot, --dump-pose or --check-content (tools.c), --bench
 * (bench.c) or a USB import (import.c). Depends on app and the modes only. */
#include <stdio.h>

#include "app.h"
#include "bench.h"
#include "import.h"
#include "log.h"
#include "memcount.h"
#include "tools.h"

#ifndef SK_VERSION
#define SK_VERSION "0.0.0"
#endif

int main(int argc, char **argv) {
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
    case CLI_MODE_BENCH: return bench_run(&o);
    case CLI_MODE_IMPORT: return import_main(o.import_path, o.content_path, o.import_from);
    case CLI_MODE_SCREENSHOT: return tools_screenshot(&o);
    default: return app_run_show(&o);
    }
}
