/* gfx: shader programs and screen-space quads (see gfx.h). One VAO, no vertex buffers: the
 * vertex shader makes the quad from gl_VertexID. Depends on GL via libepoxy, and on SDL only
 * for its allocator (so allocations are counted). */
#include "gfx.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_stdinc.h>

#include "log.h"

typedef struct sk_embedded_shader_t {
    const char *name;
    const char *source;
} sk_embedded_shader_t;
extern const sk_embedded_shader_t sk_embedded_shaders[]; /* shaders_embedded.c (generated) */

static const char *shader_source(const char *name) {
    for (const sk_embedded_shader_t *s = sk_embedded_shaders; s->name; s++) {
        if (!strcmp(s->name, name)) return s->source;
    }
    return NULL;
}

/* One source for both APIs and both ways of building: only the header differs. Separate
 * stages place their varyings by location (LOC(n) in the sources). */
static const char *shader_header(const gfx_t *g) {
    if (g->gles) {
        return g->separate ? "#version 310 es\nprecision highp float;\nprecision highp int;\n"
                             "#define LOC(n) layout(location = n)\n"
                           : "#version 300 es\nprecision highp float;\nprecision highp int;\n"
                             "#define LOC(n)\n";
    }
    return g->separate ? "#version 330 core\n#extension GL_ARB_separate_shader_objects : require\n"
                         "#define LOC(n) layout(location = n)\n"
                       : "#version 330 core\n#define LOC(n)\n";
}

/* `defines`: lines after the header ("" none), e.g. which kind of shape shape.frag is for. */
static GLuint compile(const gfx_t *g, GLenum type, const char *name, const char *defines) {
    const char *src = shader_source(name);
    if (!src) {
        log_error("shader %s is missing from the build", name);
        return 0;
    }
    const char *parts[3] = {shader_header(g), defines, src};
    GLuint sh = glCreateShader(type);
    glShaderSource(sh, 3, parts, NULL);
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[4096];
        glGetShaderInfoLog(sh, sizeof log, NULL, log);
        log_error("shader %s does not compile: %s", name, log);
        glDeleteShader(sh);
        return 0;
    }
    return sh;
}

static const char *const uniform_names[GFX_U_NUM] = {
    [GFX_U_MODE] = "u_mode",
    [GFX_U_SCREEN] = "u_screen",
    [GFX_U_SHIFT] = "u_shift",
    [GFX_U_RECT] = "u_rect",
    [GFX_U_CORNERS] = "u_corners",
    [GFX_U_ENDS] = "u_ends",
    [GFX_U_RADIUS] = "u_radius",
    [GFX_U_COLOR] = "u_color",
    [GFX_U_BORDER_COLOR] = "u_border_color",
    [GFX_U_BORDER] = "u_border",
    [GFX_U_PROGRESS] = "u_progress",
    [GFX_U_ORIGIN] = "u_origin",
    [GFX_U_PANEL] = "u_panel",
    [GFX_U_PANEL_COLOR] = "u_panel_color",
    [GFX_U_UV] = "u_uv",
    [GFX_U_LIMB_ENDS] = "u_limb_ends",
    [GFX_U_LIMB_COLOR] = "u_limb_color",
    [GFX_U_LIMB_RADIUS] = "u_limb_radius",
};

/* Links the shaders (one or two) into a program; 0 and the log in full when they do not. */
static GLuint link(const gfx_t *g, GLuint vs, GLuint fs, const char *what) {
    GLuint id = glCreateProgram();
    if (g->separate) glProgramParameteri(id, GL_PROGRAM_SEPARABLE, GL_TRUE);
    if (vs) glAttachShader(id, vs);
    if (fs) glAttachShader(id, fs);
    glLinkProgram(id);
    GLint ok = 0;
    glGetProgramiv(id, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[4096];
        glGetProgramInfoLog(id, sizeof log, NULL, log);
        log_error("shaders %s do not link: %s", what, log);
        glDeleteProgram(id);
        return 0;
    }
    return id;
}

static void locate(gfx_program_t *p, int stage, GLuint id) {
    p->stage[stage] = id;
    for (int u = 0; u < GFX_U_NUM; u++)
        p->loc[stage][u] = glGetUniformLocation(id, uniform_names[u]);
}

/* The vertex stage is the same for every program. Built separately, it is one program the
 * driver compiles once (the software rasteriser spends about 10 ms on each vertex program at
 * its first draw); linked with each fragment shader, it is compiled once per program. */
static bool program_build(gfx_t *g, gfx_program_t *p, GLuint vs, const char *fs_name,
                          const char *defines) {
    memset(p->loc, -1, sizeof p->loc);
    GLuint fs = compile(g, GL_FRAGMENT_SHADER, fs_name, defines);
    if (!fs) return false;
    char what[160];
    snprintf(what, sizeof what, "quad.vert + %s %s", fs_name, defines);
    if (g->separate) {
        GLuint id = link(g, 0, fs, what);
        glDeleteShader(fs);
        if (!id) return false;
        locate(p, 0, g->vertex);
        locate(p, 1, id);
        glGenProgramPipelines(1, &p->id);
        glUseProgramStages(p->id, GL_VERTEX_SHADER_BIT, g->vertex);
        glUseProgramStages(p->id, GL_FRAGMENT_SHADER_BIT, id);
        return true;
    }
    p->id = link(g, vs, fs, what);
    glDeleteShader(fs);
    if (!p->id) return false;
    locate(p, 0, p->id);
    return true;
}

/* Every program, separate or linked as g->separate says; on failure nothing is left. */
static bool programs_build(gfx_t *g) {
    static const struct {
        const char *name, *defines;
    } fragment[GFX_PROGRAM_NUM] = {
        [GFX_PROGRAM_RECT] = {"shape.frag", "#define SHAPE_RECT\n"},
        [GFX_PROGRAM_CAPSULE] = {"shape.frag", "#define SHAPE_CAPSULE\n"},
        [GFX_PROGRAM_RING] = {"shape.frag", "#define SHAPE_RING\n"},
        [GFX_PROGRAM_TEXTURE] = {"texture.frag", ""},
        [GFX_PROGRAM_GRADIENT] = {"gradient.frag", ""},
    };
    GLuint vs = compile(g, GL_VERTEX_SHADER, "quad.vert", "");
    if (!vs) return false;
    if (g->separate) {
        g->vertex = link(g, vs, 0, "quad.vert");
        if (!g->vertex) {
            glDeleteShader(vs);
            return false;
        }
    }
    for (int i = 0; i < GFX_PROGRAM_NUM; i++) {
        if (!program_build(g, &g->programs[i], vs, fragment[i].name, fragment[i].defines)) {
            glDeleteShader(vs);
            gfx_shutdown(g);
            return false;
        }
    }
    glDeleteShader(vs);
    return true;
}

bool gfx_init(gfx_t *g, bool linked) {
    memset(g, 0, sizeof *g);
    g->gles = !epoxy_is_desktop_gl();
    int version = epoxy_gl_version();
    g->separate =
        !linked &&
        (g->gles ? version >= 31
                 : version >= 41 || epoxy_has_gl_extension("GL_ARB_separate_shader_objects"));
    g->current = -1;
    g->opacity = 1.0f;
    if (!programs_build(g)) {
        if (!g->separate) return false;
        log_warning("separate shader programs failed; linking each whole");
        g->separate = false;
        if (!programs_build(g)) return false;
    }
    /* Linked: the GLSL compiler's built-in functions (megabytes) are not needed again */
    glReleaseShaderCompiler();
    glGenVertexArrays(1, &g->vao);
    g->blank = gfx_texture_r8(1, 1, (const unsigned char[1]){0});
    return true;
}

/* The kinds of draw with code of their own are the modes (a program, and the texture program
 * once for each texture format: coverage samples one channel, image four); gfx_t.warmed has
 * the bit 1 << mode of each drawn with once (use). The ones gfx_warm_next compiles: */
static const gfx_mode_t warm_later[] = {GFX_MODE_RECT, GFX_MODE_CAPSULE,  GFX_MODE_RING,
                                        GFX_MODE_POLY, GFX_MODE_COVERAGE, GFX_MODE_IMAGE};

static void warm_once(gfx_t *g, int width, int height, gfx_mode_t kind) {
    float sx = g->shift_x, sy = g->shift_y;
    g->shift_x = g->shift_y = 0.0f; /* the quads on the one pixel, wherever the drift is */
    gfx_begin(g, width, height);
    layout_box_t px = {0, 0, 1, 1}, box = {0, 0, 8, 8};
    gfx_clip(g, &px);
    gfx_color_t c = {0, 0, 0, 0}; /* blended: the pixel stays as it was */
    gfx_texture_t t = {0};
    switch (kind) {
    case GFX_MODE_GRADIENT: gfx_gradient(g, c, c); break; /* opaque: before the first frame */
    case GFX_MODE_RECT: gfx_rect(g, box, c, 2); break;
    case GFX_MODE_CAPSULE: gfx_capsule(g, 2, 2, 6, 6, 2, c); break;
    case GFX_MODE_RING: gfx_ring(g, box, 2, 0.5f, c, c); break;
    case GFX_MODE_POLY: /* opaque, unblended (the capsule's code, blended, is warmed above) */
        gfx_quad(g, (const float[8]){0}, (gfx_color_t){0, 0, 0, 1}); /* (on no pixel at all) */
        break;
    case GFX_MODE_COVERAGE: gfx_coverage(g, &g->blank, box, false, c); break;
    case GFX_MODE_IMAGE:
        t = gfx_texture_rgba(1, 1, (const unsigned char[4]){0});
        gfx_image(g, &t, box, 0.0f);
        gfx_texture_free(&t);
        break;
    default: break;
    }
    g->warmed |= 1u << kind; /* (even when it could not draw: tried once) */
    gfx_clip(g, NULL);
    g->shift_x = sx, g->shift_y = sy;
}

void gfx_warm(gfx_t *g, int width, int height) {
    if (!g->dry) warm_once(g, width, height, GFX_MODE_GRADIENT);
}

bool gfx_warm_next(gfx_t *g, int width, int height) {
    for (size_t i = 0; i < sizeof warm_later / sizeof warm_later[0] && !g->dry; i++) {
        if (g->warmed & (1u << warm_later[i])) continue;
        warm_once(g, width, height, warm_later[i]);
        return true;
    }
    return false;
}

/* The layer's texture and the framebuffer reading it, gone (its keys stay). */
static void layer_free(gfx_layer_t *l) {
    if (l->fbo) glDeleteFramebuffers(1, &l->fbo);
    l->fbo = 0;
    gfx_texture_free(&l->tex);
}

void gfx_shutdown(gfx_t *g) {
    /* a program stays in use after it is deleted, and a program in use overrides a pipeline */
    glUseProgram(0);
    if (g->separate) glBindProgramPipeline(0);
    for (int i = 0; i < GFX_PROGRAM_NUM; i++) {
        gfx_program_t *p = &g->programs[i];
        if (g->separate) {
            if (p->id) glDeleteProgramPipelines(1, &p->id);
            if (p->stage[1]) glDeleteProgram(p->stage[1]);
        } else if (p->id) {
            glDeleteProgram(p->id);
        }
        *p = (gfx_program_t){0};
    }
    if (g->vertex) glDeleteProgram(g->vertex);
    g->vertex = 0;
    if (g->vao) glDeleteVertexArrays(1, &g->vao);
    g->vao = 0;
    gfx_texture_free(&g->blank);
    layer_free(&g->layer);
    g->layer = (gfx_layer_t){0};
}

void gfx_begin(gfx_t *g, int width, int height) {
    g->width = width;
    g->height = height;
    g->current = -1;
    g->opacity = 1.0f;
    g->clipped = false;
    g->under = false;
    g->skip = false;
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, width, height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    /* Keep destination alpha at 1 so read-back frames are opaque. */
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(g->vao);
}

void gfx_clip(gfx_t *g, const layout_box_t *box) {
    g->clipped = box != NULL;
    g->skip = false;
    if (!box) {
        glDisable(GL_SCISSOR_TEST);
        return;
    }
    g->clip = *box;
    int x0 = (int)floorf(box->x), y0 = (int)floorf(box->y);
    int x1 = (int)ceilf(box->x + box->w), y1 = (int)ceilf(box->y + box->h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, g->height - y1, x1 - x0, y1 - y0); /* GL counts rows from the bottom */
}

void gfx_clip_within(gfx_t *g, layout_box_t box) {
    bool skip = g->skip;
    layout_box_t in = g->clipped ? layout_box_clip(g->clip, box) : box;
    if (in.w <= 0 || in.h <= 0) in = (layout_box_t){box.x, box.y, 0, 0}; /* (nothing) */
    gfx_clip(g, &in);
    g->skip = skip;
}

/* Draws do nothing: a dry walk, or the layer under the body was put back (gfx_layer_t). */
static bool idle(const gfx_t *g) { return g->dry || g->skip; }

/* A draw whose bounds, moved by the drift, miss the clip cannot change a pixel: skip it. */
static bool outside(const gfx_t *g, layout_box_t b) {
    if (!g->clipped) return false;
    float pad = 2.0f;
    b.x += g->shift_x, b.y += g->shift_y;
    const layout_box_t *c = &g->clip;
    return b.x - pad > c->x + c->w || b.x + b.w + pad < c->x || b.y - pad > c->y + c->h ||
           b.y + b.h + pad < c->y;
}

bool gfx_draws(const gfx_t *g, layout_box_t box) { return !idle(g) && !outside(g, box); }

gfx_color_t gfx_rgb(content_color_t c, float alpha) { return (gfx_color_t){c.r, c.g, c.b, alpha}; }

/* Sets uniform u to n floats (1, 2, 3, 4, or 8: the four corners) in each of p's stages that has
 * it. */
static void uniform_fv(const gfx_t *g, const gfx_program_t *p, gfx_uniform_t u, int n,
                       const float *v) {
    assert(n == 1 || n == 2 || n == 3 || n == 4 || n == 8);
    for (int s = 0; s < 2; s++) {
        GLint loc = p->loc[s][u];
        if (loc < 0) continue;
        GLuint id = p->stage[s];
        if (g->separate) {
            if (n == 1) glProgramUniform1fv(id, loc, 1, v);
            else if (n == 3) glProgramUniform3fv(id, loc, 1, v);
            else if (n == 4) glProgramUniform4fv(id, loc, 1, v);
            else glProgramUniform2fv(id, loc, n / 2, v);
        } else {
            if (n == 1) glUniform1fv(loc, 1, v);
            else if (n == 3) glUniform3fv(loc, 1, v);
            else if (n == 4) glUniform4fv(loc, 1, v);
            else glUniform2fv(loc, n / 2, v);
        }
    }
}
#define UNIFORM(g, p, u, ...)                                                  \
    uniform_fv(g, p, u, (int)(sizeof((float[]){__VA_ARGS__}) / sizeof(float)), \
               (float[]){__VA_ARGS__})

/* Binds the program for `mode` and places its quad: on `box`, or on `corners` (four (x, y)
 * in triangle-strip order; v_local is then the pixel itself, not its offset from the box's
 * centre). The vertex stage only reads its corners, so it compiles quickly. */
static gfx_program_t *use(gfx_t *g, gfx_mode_t mode, layout_box_t box, const float *corners) {
    bool textured = mode == GFX_MODE_COVERAGE || mode == GFX_MODE_IMAGE;
    int kind = mode == GFX_MODE_GRADIENT                           ? GFX_PROGRAM_GRADIENT
               : textured                                          ? GFX_PROGRAM_TEXTURE
               : mode == GFX_MODE_CAPSULE || mode == GFX_MODE_POLY ? GFX_PROGRAM_CAPSULE
               : mode == GFX_MODE_RING                             ? GFX_PROGRAM_RING
                                                                   : GFX_PROGRAM_RECT;
    gfx_program_t *p = &g->programs[kind];
    g->warmed |= 1u << mode; /* its code compiled at this draw, if not before (gfx_warm_next) */
    if (g->current != kind) {
        if (g->separate) glBindProgramPipeline(p->id);
        else glUseProgram(p->id);
        g->current = kind;
    }
    for (int s = 0; s < 2; s++) {
        if (p->loc[s][GFX_U_MODE] < 0) continue;
        if (g->separate) glProgramUniform1i(p->stage[s], p->loc[s][GFX_U_MODE], (GLint)mode);
        else glUniform1i(p->loc[s][GFX_U_MODE], (GLint)mode);
    }
    UNIFORM(g, p, GFX_U_SCREEN, (float)g->width, (float)g->height);
    bool fixed = mode == GFX_MODE_GRADIENT; /* the background fills the screen, always */
    UNIFORM(g, p, GFX_U_SHIFT, fixed ? 0.0f : g->shift_x, fixed ? 0.0f : g->shift_y);
    UNIFORM(g, p, GFX_U_RECT, box.x, box.y, box.w, box.h);
    if (corners) {
        UNIFORM(g, p, GFX_U_ORIGIN, 0.0f, 0.0f);
        uniform_fv(g, p, GFX_U_CORNERS, 8, corners);
    } else {
        float x1 = box.x + box.w, y1 = box.y + box.h;
        UNIFORM(g, p, GFX_U_ORIGIN, box.x + box.w * 0.5f, box.y + box.h * 0.5f);
        UNIFORM(g, p, GFX_U_CORNERS, box.x, box.y, x1, box.y, box.x, y1, x1, y1);
    }
    return p;
}

static void set_color(const gfx_t *g, const gfx_program_t *p, gfx_uniform_t u, gfx_color_t c,
                      float opacity) {
    UNIFORM(g, p, u, c.r, c.g, c.b, c.a * opacity);
}

/* The pixels x0..x1, y0..y1 (top-left origin, out[4]) of a plain panel's flat inside, which
 * gfx_rect_outline fills flat and then rims with the shape; false when it draws the shape
 * whole (an outline, or too small to be worth it). */
static bool panel_inside(const gfx_t *g, layout_box_t box, float radius, float border_width,
                         int out[4]) {
    int inset = (int)ceilf(radius) + 2;
    layout_box_t on = {box.x + g->shift_x, box.y + g->shift_y, box.w, box.h}; /* on screen */
    out[0] = (int)ceilf(on.x) + inset, out[1] = (int)ceilf(on.y) + inset;
    out[2] = (int)floorf(on.x + on.w) - inset, out[3] = (int)floorf(on.y + on.h) - inset;
    return border_width <= 0 && out[2] - out[0] >= 128 && out[3] - out[1] >= 128;
}

static void gradient(gfx_t *g, gfx_color_t top, gfx_color_t bottom, const int *inside,
                     gfx_color_t fill) {
    layout_box_t all = {0, 0, (float)g->width, (float)g->height};
    gfx_program_t *p = use(g, GFX_MODE_GRADIENT, all, NULL);
    UNIFORM(g, p, GFX_U_RADIUS, 0.0f);
    set_color(g, p, GFX_U_COLOR, top, 1.0f);
    set_color(g, p, GFX_U_BORDER_COLOR, bottom, 1.0f);
    if (inside) { /* GL's window pixels: rows from the bottom */
        float h = (float)g->height;
        UNIFORM(g, p, GFX_U_PANEL, (float)inside[0], h - (float)inside[3], (float)inside[2],
                h - (float)inside[1]);
        set_color(g, p, GFX_U_PANEL_COLOR, fill, 1.0f);
    } else {
        UNIFORM(g, p, GFX_U_PANEL, 0.0f, 0.0f, 0.0f, 0.0f);
        UNIFORM(g, p, GFX_U_PANEL_COLOR, 0.0f, 0.0f, 0.0f, 0.0f);
    }
    /* opaque (alpha 1): blended, each pixel would be its own colour again, at the cost of
     * reading what is under it */
    glDisable(GL_BLEND);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glEnable(GL_BLEND);
}

void gfx_gradient(gfx_t *g, gfx_color_t top, gfx_color_t bottom) {
    if (idle(g)) return;
    g->under = false;
    gradient(g, top, bottom, NULL, top);
}

void gfx_gradient_under(gfx_t *g, gfx_color_t top, gfx_color_t bottom, layout_box_t box,
                        gfx_color_t fill, float radius) {
    if (idle(g)) return;
    int in[4];
    if (box.w <= 0 || box.h <= 0 || !panel_inside(g, box, radius, 0.0f, in)) {
        gfx_gradient(g, top, bottom);
        return;
    }
    fill.a *= g->opacity;
    g->under = true;
    memcpy(g->under_px, in, sizeof in);
    g->under_color = fill;
    gradient(g, top, bottom, in, fill);
}

/* The scissor set to the pixels x0..x1, y0..y1 (top-left origin) within the clip; false when
 * nothing is left. */
static bool scissor_px(gfx_t *g, int x0, int y0, int x1, int y1) {
    if (g->clipped) {
        x0 = x0 > (int)floorf(g->clip.x) ? x0 : (int)floorf(g->clip.x);
        y0 = y0 > (int)floorf(g->clip.y) ? y0 : (int)floorf(g->clip.y);
        int cx1 = (int)ceilf(g->clip.x + g->clip.w), cy1 = (int)ceilf(g->clip.y + g->clip.h);
        x1 = x1 < cx1 ? x1 : cx1;
        y1 = y1 < cy1 ? y1 : cy1;
    }
    if (x1 <= x0 || y1 <= y0) return false;
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, g->height - y1, x1 - x0, y1 - y0);
    return true;
}

static void rect_sdf(gfx_t *g, layout_box_t box, gfx_color_t fill, gfx_color_t border, float radius,
                     float border_width) {
    gfx_program_t *p = use(g, GFX_MODE_RECT, box, NULL);
    set_color(g, p, GFX_U_COLOR, fill, g->opacity);
    set_color(g, p, GFX_U_BORDER_COLOR, border, g->opacity);
    UNIFORM(g, p, GFX_U_RADIUS, radius);
    UNIFORM(g, p, GFX_U_BORDER, border_width);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_rect_outline(gfx_t *g, layout_box_t box, gfx_color_t fill, gfx_color_t border,
                      float radius, float border_width) {
    if (idle(g) || box.w <= 0 || box.h <= 0 || outside(g, box)) return;
    /* A large plain panel: its inside is one flat colour, filled cheaply; only the band along
     * its edge, where the corners round and the edges are smoothed, is drawn with the shape
     * (the scissor keeps that draw to the band). Same pixels, a fraction of the work. */
    int in[4];
    if (!panel_inside(g, box, radius, border_width, in)) {
        rect_sdf(g, box, fill, border, radius, border_width);
        return;
    }
    layout_box_t on = {box.x + g->shift_x, box.y + g->shift_y, box.w, box.h}; /* on screen */
    int x0 = in[0], y0 = in[1], x1 = in[2], y1 = in[3];
    bool under = g->under && !memcmp(in, g->under_px, sizeof in) && fill.r == g->under_color.r &&
                 fill.g == g->under_color.g && fill.b == g->under_color.b &&
                 fill.a * g->opacity == g->under_color.a;
    g->under = false;
    if (!under) { /* (else the background has it already: gfx_gradient_under) */
        float ix0 = (float)x0 - g->shift_x, iy0 = (float)y0 - g->shift_y; /* drift adds back */
        float ix1 = (float)x1 - g->shift_x, iy1 = (float)y1 - g->shift_y;
        float inner[8] = {ix0, iy0, ix1, iy0, ix0, iy1, ix1, iy1};
        gfx_quad(g, inner, fill);
    }
    int bx0 = (int)floorf(on.x), by0 = (int)floorf(on.y);
    int bx1 = (int)ceilf(on.x + on.w), by1 = (int)ceilf(on.y + on.h);
    const int band[4][4] = {{bx0, by0, bx1, y0},
                            {bx0, y1, bx1, by1}, /* top, bottom */
                            {bx0, y0, x0, y1},
                            {x1, y0, bx1, y1}}; /* left, right */
    for (int i = 0; i < 4; i++) {
        if (scissor_px(g, band[i][0], band[i][1], band[i][2], band[i][3])) {
            rect_sdf(g, box, fill, border, radius, 0.0f);
        }
    }
    gfx_clip(g, g->clipped ? &g->clip : NULL);
}

void gfx_rect(gfx_t *g, layout_box_t box, gfx_color_t fill, float radius) {
    gfx_rect_outline(g, box, fill, fill, radius, 0.0f);
}

/* The quad that puts a texture's picture (not its blank margin) on box. */
static layout_box_t texture_quad(const gfx_texture_t *t, layout_box_t box) {
    return (layout_box_t){box.x, box.y, box.w * (float)t->side_w / (float)t->w,
                          box.h * (float)t->side_h / (float)t->h};
}

void gfx_coverage(gfx_t *g, const gfx_texture_t *t, layout_box_t box, bool cells,
                  gfx_color_t color) {
    if (idle(g) || !t || !t->id || box.w <= 0 || box.h <= 0 || outside(g, box)) return;
    gfx_program_t *p;
    if (t->x > 0 || t->y > 0) { /* in a page, texel for pixel: the text and a blank texel round */
        p = use(g, GFX_MODE_COVERAGE, layout_box_grow(box, 1.0f), NULL);
        UNIFORM(g, p, GFX_U_UV, (float)(t->x - 1), (float)(t->y - 1), (float)(t->w + 2),
                (float)(t->h + 2));
    } else {
        p = use(g, GFX_MODE_COVERAGE, texture_quad(t, box), NULL);
        UNIFORM(g, p, GFX_U_UV, 0.0f, 0.0f, cells ? (float)t->side_w : 0.0f,
                cells ? (float)t->side_h : 0.0f);
    }
    set_color(g, p, GFX_U_COLOR, color, g->opacity);
    glBindTexture(GL_TEXTURE_2D, t->id);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_capsule(gfx_t *g, float ax, float ay, float bx, float by, float radius,
                 gfx_color_t color) {
    if (idle(g)) return;
    float pad = radius + 1.5f;
    float x0 = (ax < bx ? ax : bx) - pad, y0 = (ay < by ? ay : by) - pad;
    float x1 = (ax > bx ? ax : bx) + pad, y1 = (ay > by ? ay : by) + pad;
    layout_box_t box = {x0, y0, x1 - x0, y1 - y0};
    if (outside(g, box)) return;
    /* a quad hugging the segment, the anti-aliased rim included: a diagonal limb's bounding
     * box would be mostly empty pixels the rasteriser still shades */
    float dx = bx - ax, dy = by - ay, len = sqrtf(dx * dx + dy * dy);
    float ux = len > 1e-4f ? dx / len : 1.0f, uy = len > 1e-4f ? dy / len : 0.0f; /* along */
    float ex = ux * pad, ey = uy * pad, nx = -uy * pad, ny = ux * pad; /* along, across */
    const float corners[8] = {ax - ex - nx, ay - ey - ny, bx + ex - nx, by + ey - ny,
                              ax - ex + nx, ay - ey + ny, bx + ex + nx, by + ey + ny};
    gfx_program_t *p = use(g, GFX_MODE_CAPSULE, box, corners);
    UNIFORM(g, p, GFX_U_LIMB_ENDS, ax, ay, bx, by);
    UNIFORM(g, p, GFX_U_LIMB_RADIUS, radius);
    set_color(g, p, GFX_U_LIMB_COLOR, color, g->opacity);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_ring(gfx_t *g, layout_box_t box, float thickness, float progress, gfx_color_t arc,
              gfx_color_t track) {
    if (idle(g) || outside(g, box)) return;
    gfx_program_t *p = use(g, GFX_MODE_RING, box, NULL);
    set_color(g, p, GFX_U_COLOR, arc, g->opacity);
    set_color(g, p, GFX_U_BORDER_COLOR, track, g->opacity);
    UNIFORM(g, p, GFX_U_RADIUS, thickness);
    UNIFORM(g, p, GFX_U_PROGRESS, progress);
    float end = 6.28318531f * progress;
    UNIFORM(g, p, GFX_U_ENDS, cosf(end), sinf(end), 0.0f, 0.0f);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* One flat colour on four corners: a disc round the first corner so wide that it covers them
 * all, drawn by the capsule's program (a flat program of its own did no better, and cost a
 * compile before the first frame). Opaque, it is written without blending: the same pixels
 * (blended at alpha 1, a pixel is its colour again), without reading what is under each. */
#define FLAT_RADIUS 1e5f /* pixels: past any screen's diagonal */
void gfx_quad(gfx_t *g, const float corners[8], gfx_color_t color) {
    if (idle(g)) return;
    gfx_program_t *p = use(g, GFX_MODE_POLY, (layout_box_t){0, 0, 1, 1}, corners);
    UNIFORM(g, p, GFX_U_LIMB_ENDS, corners[0], corners[1], corners[0], corners[1]);
    UNIFORM(g, p, GFX_U_LIMB_RADIUS, FLAT_RADIUS);
    set_color(g, p, GFX_U_LIMB_COLOR, color, g->opacity);
    bool opaque = color.a * g->opacity >= 1.0f;
    if (opaque) glDisable(GL_BLEND);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    if (opaque) glEnable(GL_BLEND);
}

void gfx_image(gfx_t *g, const gfx_texture_t *t, layout_box_t box, float alpha) {
    if (idle(g) || !t || !t->id || box.w <= 0 || box.h <= 0 || outside(g, box)) return;
    gfx_program_t *p = use(g, GFX_MODE_IMAGE, texture_quad(t, box), NULL);
    UNIFORM(g, p, GFX_U_COLOR, 1, 1, 1, alpha * g->opacity);
    UNIFORM(g, p, GFX_U_UV, 0.0f, 0.0f, 0.0f, 0.0f);
    glBindTexture(GL_TEXTURE_2D, t->id);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* The window pixels a box covers (as the scissor takes it), within the screen: x0 y0 x1 y1. */
static void box_px(const gfx_t *g, layout_box_t b, int out[4]) {
    out[0] = (int)floorf(b.x), out[1] = (int)floorf(b.y);
    out[2] = (int)ceilf(b.x + b.w), out[3] = (int)ceilf(b.y + b.h);
    out[0] = out[0] > 0 ? out[0] : 0, out[1] = out[1] > 0 ? out[1] : 0;
    out[2] = out[2] < g->width ? out[2] : g->width,
    out[3] = out[3] < g->height ? out[3] : g->height;
}

static bool px_within(const int in[4], const int out[4]) {
    return in[0] >= out[0] && in[1] >= out[1] && in[2] <= out[2] && in[3] <= out[3];
}

static void clip_px(const gfx_t *g, int out[4]) {
    layout_box_t all = {0, 0, (float)g->width, (float)g->height};
    box_px(g, g->clipped ? g->clip : all, out);
}

bool gfx_layer_holds(const gfx_t *g, uint64_t key) {
    return !key || key == g->layer.key || key == g->layer.failed;
}

void gfx_layer_want(gfx_t *g, layout_box_t region, uint64_t key, gfx_layer_depth_t depth) {
    g->layer.want = 0;
    if (gfx_layer_holds(g, key)) return;
    g->layer.want_depth = depth;
    box_px(g, region, g->layer.want_px);
    const int *w = g->layer.want_px;
    if (w[2] > w[0] && w[3] > w[1]) g->layer.want = key;
}

bool gfx_layer_restore(gfx_t *g, uint64_t key) {
    gfx_layer_t *l = &g->layer;
    int c[4];
    clip_px(g, c);
    if (g->dry || !key || key != l->key || c[2] <= c[0] || c[3] <= c[1] || !px_within(c, l->px)) {
        return false;
    }
    /* copied, not drawn: the clip's pixels from the layer's framebuffer to the same place, byte
     * for byte; the software rasteriser copies memory where a draw would shade and blend every
     * pixel (a copy needs no flip in memory: see gfx_layer_mark) */
    GLint read = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, l->fbo);
    glDisable(GL_SCISSOR_TEST); /* (the copy is the clip: a scissored one takes the slow way) */
    while (glGetError() != GL_NO_ERROR) {}
    int sx0 = c[0] - l->px[0], w = c[2] - c[0];
    /* the layer's rows: from its top (top_down) or its bottom, as GL counts */
    int sy0 = l->top_down ? c[3] - l->px[1] : l->px[3] - c[3];
    int sy1 = l->top_down ? c[1] - l->px[1] : sy0 + (c[3] - c[1]);
    glBlitFramebuffer(sx0, sy0, sx0 + w, sy1, c[0], g->height - c[3], c[2], g->height - c[1],
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    bool copied = glGetError() == GL_NO_ERROR;
    if (g->clipped) glEnable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, (GLuint)read);
    if (!copied) { /* (a target it cannot copy into: drawn from now on) */
        l->failed = l->key;
        l->key = 0;
        return false;
    }
    g->skip = true;
    g->skip_to = l->depth;
    l->put_back[l->depth]++;
    return true;
}

static GLuint texture_make(GLint internal, GLenum format, int w, int h, const void *pixels);
static GLuint texture_make_typed(GLint internal, GLenum format, GLenum type, int w, int h,
                                 const void *pixels);

/* A framebuffer on the layer's texture (0 if the driver cannot make one): the layer is copied
 * into it and out of it; the bindings stay as they were. */
static GLuint layer_framebuffer(GLuint tex) {
    GLint read = 0;
    GLuint fbo = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    if (glCheckFramebufferStatus(GL_READ_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        glDeleteFramebuffers(1, &fbo);
        fbo = 0;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, (GLuint)read);
    return fbo;
}

void gfx_layer_mark(gfx_t *g, gfx_layer_depth_t depth) {
    if (g->skip && depth != g->skip_to) return; /* the layer put back holds this too */
    g->skip = false;
    gfx_layer_t *l = &g->layer;
    int c[4];
    clip_px(g, c);
    if (g->dry || !l->want || l->want_depth != depth || !px_within(l->want_px, c)) return;
    int w = l->want_px[2] - l->want_px[0], h = l->want_px[3] - l->want_px[1];
    /* Kept and put back by copies that the driver does as memory, not as a textured draw
     * (which the software rasteriser shades pixel by pixel: 0.1-0.15 ms a frame of a moving
     * figure at 1080p), when no row is flipped in memory and the formats agree. A window's
     * memory runs from its top row, a texture's and an offscreen target's from their bottom
     * row; so for the window the layer is kept upside down in GL's terms (top_down: its row 0
     * is the region's top row, the window's own order) and in the window's format (BGRA; for
     * the window's BGRX the copy back is memory, the one copy in per move is drawn), and both
     * copies are a flip in GL's terms and none in memory. Same pixels either way. */
    GLint draw = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw);
    bool top_down = draw == 0 && !g->gles; /* (ES has no BGRA texture in its core) */
    if (l->tex.side_w < w || l->tex.side_h < h || l->top_down != top_down) {
        int sw = gfx_texture_side(w > l->tex.side_w ? w : l->tex.side_w); /* odd sides, as all */
        int sh = gfx_texture_side(h > l->tex.side_h ? h : l->tex.side_h);
        layer_free(l);
        GLuint id = top_down ? texture_make_typed(GL_RGBA, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, sw,
                                                  sh, NULL)
                             : texture_make(GL_RGBA8, GL_RGBA, sw, sh, NULL);
        l->tex = (gfx_texture_t){id, sw, sh, sw, sh, 0, 0};
        l->top_down = top_down;
        if (l->tex.id) l->fbo = layer_framebuffer(l->tex.id);
        /* (a one-channel texture bound again: a flat fill next, the mat, samples what is bound,
         * and the software rasteriser compiles the texture program once for each format) */
        glBindTexture(GL_TEXTURE_2D, g->blank.id);
        if (!l->fbo) {
            layer_free(l);
            l->failed = l->want;
            l->key = l->want = 0;
            return;
        }
    }
    GLint read = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, (GLuint)draw);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, l->fbo);
    bool scissor = glIsEnabled(GL_SCISSOR_TEST);
    glDisable(GL_SCISSOR_TEST);
    while (glGetError() != GL_NO_ERROR) {}
    int x0 = l->want_px[0], gy0 = g->height - l->want_px[3], gy1 = g->height - l->want_px[1];
    glBlitFramebuffer(x0, gy0, x0 + w, gy1, 0, l->top_down ? h : 0, w, l->top_down ? 0 : h,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    if (scissor) glEnable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, (GLuint)draw);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, (GLuint)read);
    memcpy(l->px, l->want_px, sizeof l->px);
    l->depth = depth;
    /* (a copy the driver refuses: nothing is kept, and this key is not asked for again) */
    l->key = glGetError() == GL_NO_ERROR ? l->want : 0;
    if (!l->key) l->failed = l->want;
    l->want = 0;
}

/* Every texture alike but for its format: one level, smooth, clamped (parameters set before
 * the storage, so the driver allocates no mipmap chain). */
static GLuint texture_make_typed(GLint internal, GLenum format, GLenum type, int w, int h,
                                 const void *pixels) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, format, type, pixels);
    return t;
}

static GLuint texture_make(GLint internal, GLenum format, int w, int h, const void *pixels) {
    return texture_make_typed(internal, format, GL_UNSIGNED_BYTE, w, h, pixels);
}

int gfx_texture_side(int n) { return n <= 1 ? 3 : n | 1; }

static gfx_texture_t texture_padded(GLint internal, GLenum format, int bpp, int w, int h,
                                    const unsigned char *pixels) {
    gfx_texture_t t = {0, w, h, gfx_texture_side(w), gfx_texture_side(h), 0, 0};
    if (t.side_w == w && t.side_h == h) {
        t.id = texture_make(internal, format, w, h, pixels);
        return t;
    }
    unsigned char *padded = SDL_calloc((size_t)t.side_w * (size_t)t.side_h, (size_t)bpp);
    if (!padded) return t;
    for (int y = 0; y < h; y++) {
        memcpy(padded + (size_t)y * (size_t)t.side_w * (size_t)bpp,
               pixels + (size_t)y * (size_t)w * (size_t)bpp, (size_t)w * (size_t)bpp);
    }
    t.id = texture_make(internal, format, t.side_w, t.side_h, padded);
    SDL_free(padded);
    return t;
}

gfx_texture_t gfx_texture_rgba(int w, int h, const unsigned char *pixels) {
    return texture_padded(GL_RGBA8, GL_RGBA, 4, w, h, pixels);
}

gfx_texture_t gfx_texture_r8(int w, int h, const unsigned char *pixels) {
    return texture_padded(GL_R8, GL_RED, 1, w, h, pixels);
}

gfx_texture_t gfx_texture_page(int w, int h) {
    gfx_texture_t t = {0, w, h, gfx_texture_side(w), gfx_texture_side(h), 0, 0};
    t.id = texture_make(GL_R8, GL_RED, t.side_w, t.side_h, NULL);
    return t;
}

void gfx_texture_put(const gfx_texture_t *page, int x, int y, int w, int h,
                     const unsigned char *pixels) {
    glBindTexture(GL_TEXTURE_2D, page->id);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RED, GL_UNSIGNED_BYTE, pixels);
}

void gfx_texture_free(gfx_texture_t *t) {
    if (t->id) glDeleteTextures(1, &t->id);
    *t = (gfx_texture_t){0};
}

int gfx_target_bind(gfx_target_t *t, int w, int h) {
    if (t->fbo && t->w == w && t->h == h) {
        glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
        return 0;
    }
    gfx_target_free(t);
    glGenRenderbuffers(1, &t->color);
    glBindRenderbuffer(GL_RENDERBUFFER, t->color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glGenFramebuffers(1, &t->fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t->color);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        gfx_target_free(t);
        return -1;
    }
    t->w = w;
    t->h = h;
    return 1;
}

void gfx_target_free(gfx_target_t *t) {
    if (t->fbo) glDeleteFramebuffers(1, &t->fbo);
    if (t->color) glDeleteRenderbuffers(1, &t->color);
    *t = (gfx_target_t){0};
}

void gfx_bind_window(void) { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void gfx_finish(void) { glFinish(); }

void gfx_clear_window(int w, int h) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, w, h);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
}

void gfx_target_blit_to_window(const gfx_target_t *t, int w, int h) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, t->fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void gfx_read_rgba(int w, int h, unsigned char *rgba) {
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    /* GL rows come bottom-up: flip in place. */
    size_t stride = (size_t)w * 4;
    unsigned char tmp[4096];
    for (int y = 0; y < h / 2; y++) {
        unsigned char *a = rgba + (size_t)y * stride;
        unsigned char *b = rgba + (size_t)(h - 1 - y) * stride;
        for (size_t off = 0; off < stride; off += sizeof tmp) {
            size_t n = stride - off < sizeof tmp ? stride - off : sizeof tmp;
            memcpy(tmp, a + off, n);
            memcpy(a + off, b + off, n);
            memcpy(b + off, tmp, n);
        }
    }
}
