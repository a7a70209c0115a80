/* bare_gl: the baseline the benchmark's memory is compared with — a process that only opens an
 * offscreen GL context of a size, clears it a few times and prints its proportional set size.
 * Usage: bare_gl WxH */
#include <SDL.h>
#include <epoxy/gl.h>
#include <stdio.h>

int main(int argc, char **argv) {
    int w = 1920, h = 1080;
    if (argc > 1 && sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_Window *win = SDL_CreateWindow("bare", 0, 0, w, h, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    SDL_GLContext gl = win ? SDL_GL_CreateContext(win) : NULL;
    if (!gl) return 1;
    for (int i = 0; i < 10; i++) {
        glClearColor(0.1f, 0.2f, 0.3f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glFinish();
    }
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    char line[256];
    long pss = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (sscanf(line, "Pss: %ld kB", &pss) == 1) break;
    }
    if (f) fclose(f);
    printf("bare GL context %dx%d: PSS %.1f MiB\n", w, h, pss / 1024.0);
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}
