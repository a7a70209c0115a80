/* bare_gl: the baselines the benchmark's memory is compared with — a process that only opens an
 * offscreen GL context of a size, clears it a few times and prints its proportional set size;
 * with --shader, it also compiles the smallest shader program (one flat colour) and draws one
 * full-screen triangle with it: the floor of any program that draws with a shader on this
 * driver (llvmpipe compiles it into machine code with LLVM at that draw).
 * Usage: bare_gl WxH [--shader] */
#include <SDL.h>
#include <epoxy/gl.h>
#include <stdio.h>
#include <string.h>

static GLuint shader(GLenum type, const char *src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    return ok ? s : 0;
}

/* One flat triangle over the whole target, through a program of its own. */
static int draw_with_a_shader(void) {
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
    if (!vs || !fs) return 1;
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) return 1;
    GLuint vao;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glUseProgram(p);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glFinish();
    return 0;
}

int main(int argc, char **argv) {
    int w = 1920, h = 1080;
    if (argc > 1 && sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
    bool with_shader = argc > 2 && !strcmp(argv[2], "--shader");
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
    if (with_shader && draw_with_a_shader() != 0) return 1;
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    char line[256];
    long pss = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (sscanf(line, "Pss: %ld kB", &pss) == 1) break;
    }
    if (f) fclose(f);
    printf("bare GL context %dx%d%s: PSS %.1f MiB\n", w, h,
           with_shader ? ", one flat shader drawn" : "", pss / 1024.0);
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}
