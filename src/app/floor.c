/* floor: the smallest program that draws with a shader on this driver — an offscreen GL context
 * of a size, cleared a few times, and (with a shader) one flat-colour program compiled and one
 * full-screen triangle drawn with it. llvmpipe compiles that shader into machine code with LLVM
 * at the draw, so this is the floor of any program that shows anything here: the time to start
 * and the memory the bench (bench.c) judges the show against, measured in the same run by a
 * child process of the kiosk's own binary (so an installed kiosk can measure it). tests/bare_gl
 * is this same code as a program of its own, linked with SDL and epoxy only.
 * Depends on SDL and epoxy only: not on gfx, platform, app, the logger or anything of the show.
 * Its few raw GL calls are the one place outside gfx that has them, on purpose: it measures
 * what the driver costs, not what our drawing costs. */
#ifdef SK_SANITIZE
#define _GNU_SOURCE /* dl_iterate_phdr, RTLD_NODELETE */
#include <dlfcn.h>
#include <link.h>
#endif
#include "floor.h"

#include <SDL.h>
#include <epoxy/gl.h>
#include <stdio.h>
#include <string.h>

#ifdef SK_SANITIZE
static int pin(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size, (void)data;
    if (info->dlpi_name[0]) dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    return 0;
}

/* LeakSanitizer checks after Mesa's drivers are unloaded, when the blocks they keep for the
 * process's life are no longer reachable from their data: so, as platform.c does for the show,
 * every library loaded once the context is made stays loaded. */
static void keep_libraries_loaded(void) { dl_iterate_phdr(pin, NULL); }
#else
static void keep_libraries_loaded(void) {}
#endif

floor_memory_t floor_memory(void) {
    floor_memory_t m = {0, 0};
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f) return m;
    char line[1024];
    bool file = false;
    long rss = 0, kib = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] >= 'A' && line[0] <= 'Z') { /* a field of the current mapping */
            if (sscanf(line, "Rss: %ld kB", &kib) == 1) rss = kib;
            if (sscanf(line, "Pss: %ld kB", &kib) == 1) {
                m.pss += kib;
                if (file && rss > kib) m.shared_files += rss - kib;
            }
        } else { /* a mapping's first line: "start-end perms offset dev inode [path]" */
            file = strchr(line, '/') != NULL;
        }
    }
    fclose(f);
    return m;
}

static GLuint shader(GLenum type, const char *src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    return ok ? s : 0;
}

/* One flat triangle over the whole target, through a program of its own. */
static bool draw_with_a_shader(void) {
    GLuint vs = shader(
        GL_VERTEX_SHADER,
        "#version 330 core\n"
        "void main() {\n"
        "    vec2 p = vec2(float((gl_VertexID & 1) * 4 - 1), float((gl_VertexID >> 1) * 4 - 1));\n"
        "    gl_Position = vec4(p, 0.0, 1.0);\n"
        "}\n");
    GLuint fs = shader(GL_FRAGMENT_SHADER, "#version 330 core\n"
                                           "out vec4 color;\n"
                                           "void main() { color = vec4(0.1, 0.2, 0.3, 1.0); }\n");
    if (!vs || !fs) return false;
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) return false;
    GLuint vao;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glUseProgram(p);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glFinish();
    return true;
}

bool floor_run(int w, int h, bool with_shader, floor_memory_t *memory) {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return false;
    /* the context the show asks for first (platform.c): GL 3.3 core, double-buffered */
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    SDL_Window *win = SDL_CreateWindow("floor", 0, 0, w, h, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    SDL_GLContext gl = win ? SDL_GL_CreateContext(win) : NULL;
    bool ok = false;
    if (gl) {
        keep_libraries_loaded();
        for (int i = 0; i < 10; i++) {
            glClearColor(0.1f, 0.2f, 0.3f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            glFinish();
        }
        ok = !with_shader || draw_with_a_shader();
        if (ok) *memory = floor_memory();
        SDL_GL_DeleteContext(gl);
    }
    if (win) SDL_DestroyWindow(win);
    SDL_Quit();
    return ok;
}
