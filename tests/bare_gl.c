/* bare_gl: the floor the benchmark is judged against, as a program of its own — src/app/floor.c
 * (the same code `stretch-kiosk --bench` runs in a child of itself) linked with SDL and epoxy
 * only, none of the kiosk's other libraries: an offscreen GL context of a size, cleared; with
 * --shader, one flat-colour shader program compiled and one full-screen triangle drawn. Prints
 * its proportional set size after the drawing.
 * Usage: bare_gl WxH [--shader] */
#include <stdio.h>
#include <string.h>

#include "floor.h"

int main(int argc, char **argv) {
    int w = 1920, h = 1080;
    if (argc > 1 && sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
    bool with_shader = argc > 2 && !strcmp(argv[2], "--shader");
    floor_memory_t m;
    if (!floor_run(w, h, with_shader, &m)) return 1;
    printf("bare GL context %dx%d%s: PSS %.1f MiB (%.1f MiB as if alone: its files' pages counted "
           "whole)\n",
           w, h, with_shader ? ", one flat shader drawn" : "", m.pss / 1024.0,
           (m.pss + m.shared_files) / 1024.0);
    return 0;
}
