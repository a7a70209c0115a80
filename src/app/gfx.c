/* gfx: shader programs and screen-space quads (see gfx.h). One VAO, no vertex buffers: the
 * vertex shader makes the quad from gl_VertexID. Depends on GL via libepoxy, and on SDL only
 * for its allocator (so allocations are counted). */
#include "gfx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_stdinc.h>

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

static GLuint compile(bool gles, GLenum type, const char *name) {
    const char *src = shader_source(name);
    if (!src) {
        fprintf(stderr, "stretch-kiosk: shader %s is missing from the build\n", name);
        return 0;
    }
    /* One source for both APIs: only the #version line (and ES precision) differs. */
    const char *header = gles ? "#version 300 es\nprecision highp float;\nprecision highp int;\n"
                              : "#version 330 core\n";
    const char *parts[2] = {header, src};
    GLuint sh = glCreateShader(type);
    glShaderSource(sh, 2, parts, NULL);
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[4096];
        glGetShaderInfoLog(sh, sizeof log, NULL, log);
        fprintf(stderr, "stretch-kiosk: shader %s does not compile:\n%s\n", name, log);
        glDeleteShader(sh);
        return 0;
    }
    return sh;
}

static bool program_build(gfx_program_t *p, bool gles, const char *vs_name, const char *fs_name) {
    GLuint vs = compile(gles, GL_VERTEX_SHADER, vs_name);
    GLuint fs = compile(gles, GL_FRAGMENT_SHADER, fs_name);
    if (!vs || !fs) {
        if (vs) glDeleteShader(vs);
        if (fs) glDeleteShader(fs);
        return false;
    }
    p->id = glCreateProgram();
    glAttachShader(p->id, vs);
    glAttachShader(p->id, fs);
    glLinkProgram(p->id);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p->id, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[4096];
        glGetProgramInfoLog(p->id, sizeof log, NULL, log);
        fprintf(stderr, "stretch-kiosk: shaders %s + %s do not link:\n%s\n", vs_name, fs_name, log);
        glDeleteProgram(p->id);
        p->id = 0;
        return false;
    }
    p->u_mode = glGetUniformLocation(p->id, "u_mode");
    p->u_screen = glGetUniformLocation(p->id, "u_screen");
    p->u_rect = glGetUniformLocation(p->id, "u_rect");
    p->u_color = glGetUniformLocation(p->id, "u_color");
    p->u_border_color = glGetUniformLocation(p->id, "u_border_color");
    p->u_radius = glGetUniformLocation(p->id, "u_radius");
    p->u_border = glGetUniformLocation(p->id, "u_border");
    p->u_tex = glGetUniformLocation(p->id, "u_tex");
    p->u_ends = glGetUniformLocation(p->id, "u_ends");
    p->u_corners = glGetUniformLocation(p->id, "u_corners");
    p->u_progress = glGetUniformLocation(p->id, "u_progress");
    p->u_shift = glGetUniformLocation(p->id, "u_shift");
    return true;
}

bool gfx_init(gfx_t *g) {
    memset(g, 0, sizeof *g);
    g->gles = !epoxy_is_desktop_gl();
    g->current = -1;
    g->opacity = 1.0f;
    static const char *const shaders[GFX_PROGRAM_NUM][2] = {{"quad.vert", "shape.frag"},
                                                            {"quad.vert", "texture.frag"},
                                                            {"quad.vert", "gradient.frag"}};
    for (int i = 0; i < GFX_PROGRAM_NUM; i++) {
        if (!program_build(&g->programs[i], g->gles, shaders[i][0], shaders[i][1])) {
            gfx_shutdown(g);
            return false;
        }
    }
    /* Linked: the GLSL compiler's built-in functions (megabytes) are not needed again */
    glReleaseShaderCompiler();
    glGenVertexArrays(1, &g->vao);
    g->blank = gfx_texture_r8(1, 1, (const unsigned char[1]){0});
    return true;
}

void gfx_warm(gfx_t *g, int width, int height) {
    /* The software rasteriser compiles a program's code at its first draw, again for each
     * texture format bound: draw each once now, into one clipped pixel, so no frame of the
     * show pays for it later. */
    gfx_begin(g, width, height);
    layout_box_t px = {0, 0, 1, 1}, box = {0, 0, 8, 8};
    gfx_clip(g, &px);
    gfx_color_t c = {0, 0, 0, 0};
    gfx_gradient(g, c, c);
    gfx_rect(g, box, c, 2);
    gfx_coverage(g, &g->blank, box, false, c);
    gfx_texture_t t = gfx_texture_rgba(1, 1, (const unsigned char[4]){0});
    gfx_image(g, &t, box, 0.0f);
    gfx_texture_free(&t);
    gfx_clip(g, NULL);
}

void gfx_shutdown(gfx_t *g) {
    for (int i = 0; i < GFX_PROGRAM_NUM; i++) {
        if (g->programs[i].id) glDeleteProgram(g->programs[i].id);
        g->programs[i].id = 0;
    }
    if (g->vao) glDeleteVertexArrays(1, &g->vao);
    g->vao = 0;
    gfx_texture_free(&g->blank);
}

void gfx_begin(gfx_t *g, int width, int height) {
    g->width = width;
    g->height = height;
    g->current = -1;
    g->opacity = 1.0f;
    g->clipped = false;
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

/* A draw whose bounds miss the clip (plus the drift) cannot change a pixel: skip it. */
static bool outside(const gfx_t *g, layout_box_t b) {
    if (!g->clipped) return false;
    float pad = 2.0f + fabsf(g->shift_x) + fabsf(g->shift_y);
    const layout_box_t *c = &g->clip;
    return b.x - pad > c->x + c->w || b.x + b.w + pad < c->x || b.y - pad > c->y + c->h ||
           b.y + b.h + pad < c->y;
}

gfx_color_t gfx_rgb(content_color_t c, float alpha) {
    return (gfx_color_t){c.r, c.g, c.b, alpha};
}

static gfx_program_t *use(gfx_t *g, gfx_mode_t mode, layout_box_t box) {
    bool textured = mode == GFX_MODE_COVERAGE || mode == GFX_MODE_IMAGE || mode == GFX_MODE_POLY;
    int kind = mode == GFX_MODE_GRADIENT ? GFX_PROGRAM_GRADIENT
               : textured                ? GFX_PROGRAM_TEXTURE
                                         : GFX_PROGRAM_SHAPE;
    gfx_program_t *p = &g->programs[kind];
    if (g->current != kind) {
        glUseProgram(p->id);
        g->current = kind;
    }
    glUniform1i(p->u_mode, (GLint)mode);
    glUniform2f(p->u_screen, (float)g->width, (float)g->height);
    bool fixed = mode == GFX_MODE_GRADIENT; /* the background fills the screen, always */
    glUniform2f(p->u_shift, fixed ? 0.0f : g->shift_x, fixed ? 0.0f : g->shift_y);
    glUniform4f(p->u_rect, box.x, box.y, box.w, box.h);
    return p;
}

static void set_color(GLint loc, gfx_color_t c, float opacity) {
    glUniform4f(loc, c.r, c.g, c.b, c.a * opacity);
}

void gfx_gradient(gfx_t *g, gfx_color_t top, gfx_color_t bottom) {
    if (g->dry) return;
    layout_box_t all = {0, 0, (float)g->width, (float)g->height};
    gfx_program_t *p = use(g, GFX_MODE_GRADIENT, all);
    glUniform1f(p->u_radius, 0.0f);
    set_color(p->u_color, top, 1.0f);
    set_color(p->u_border_color, bottom, 1.0f);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
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

static void rect_sdf(gfx_t *g, layout_box_t box, gfx_color_t fill, gfx_color_t border,
                     float radius, float border_width) {
    gfx_program_t *p = use(g, GFX_MODE_RECT, box);
    set_color(p->u_color, fill, g->opacity);
    set_color(p->u_border_color, border, g->opacity);
    glUniform1f(p->u_radius, radius);
    glUniform1f(p->u_border, border_width);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_rect_outline(gfx_t *g, layout_box_t box, gfx_color_t fill, gfx_color_t border,
                      float radius, float border_width) {
    if (g->dry || box.w <= 0 || box.h <= 0 || outside(g, box)) return;
    /* A large plain panel: its inside is one flat colour, filled cheaply; only the band along
     * its edge, where the corners round and the edges are smoothed, is drawn with the shape
     * (the scissor keeps that draw to the band). Same pixels, a fraction of the work. */
    int inset = (int)ceilf(radius) + 2;
    layout_box_t on = {box.x + g->shift_x, box.y + g->shift_y, box.w, box.h}; /* on screen */
    int x0 = (int)ceilf(on.x) + inset, y0 = (int)ceilf(on.y) + inset;
    int x1 = (int)floorf(on.x + on.w) - inset, y1 = (int)floorf(on.y + on.h) - inset;
    if (border_width > 0 || x1 - x0 < 128 || y1 - y0 < 128) {
        rect_sdf(g, box, fill, border, radius, border_width);
        return;
    }
    float ix0 = (float)x0 - g->shift_x, iy0 = (float)y0 - g->shift_y; /* the drift adds back */
    float ix1 = (float)x1 - g->shift_x, iy1 = (float)y1 - g->shift_y;
    float inner[8] = {ix0, iy0, ix1, iy0, ix0, iy1, ix1, iy1};
    gfx_quad(g, inner, fill);
    int bx0 = (int)floorf(on.x), by0 = (int)floorf(on.y);
    int bx1 = (int)ceilf(on.x + on.w), by1 = (int)ceilf(on.y + on.h);
    const int band[4][4] = {{bx0, by0, bx1, y0}, {bx0, y1, bx1, by1}, /* top, bottom */
                            {bx0, y0, x0, y1},   {x1, y0, bx1, y1}};  /* left, right */
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
    if (g->dry || !t || !t->id || box.w <= 0 || box.h <= 0 || outside(g, box)) return;
    gfx_program_t *p = use(g, GFX_MODE_COVERAGE, texture_quad(t, box));
    set_color(p->u_color, color, g->opacity);
    glUniform1f(p->u_radius, cells ? (float)t->side_w : 0.0f);
    glBindTexture(GL_TEXTURE_2D, t->id);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_capsule(gfx_t *g, float ax, float ay, float bx, float by, float radius,
                 gfx_color_t color) {
    if (g->dry) return;
    float pad = radius + 1.5f;
    float x0 = (ax < bx ? ax : bx) - pad, y0 = (ay < by ? ay : by) - pad;
    float x1 = (ax > bx ? ax : bx) + pad, y1 = (ay > by ? ay : by) + pad;
    layout_box_t box = {x0, y0, x1 - x0, y1 - y0};
    if (outside(g, box)) return;
    gfx_program_t *p = use(g, GFX_MODE_CAPSULE, box);
    glUniform4f(p->u_ends, ax, ay, bx, by);
    glUniform1f(p->u_radius, radius);
    set_color(p->u_color, color, g->opacity);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_ring(gfx_t *g, layout_box_t box, float thickness, float progress, gfx_color_t arc,
              gfx_color_t track) {
    if (g->dry || outside(g, box)) return;
    gfx_program_t *p = use(g, GFX_MODE_RING, box);
    set_color(p->u_color, arc, g->opacity);
    set_color(p->u_border_color, track, g->opacity);
    glUniform1f(p->u_radius, thickness);
    glUniform1f(p->u_progress, progress);
    float end = 6.28318531f * progress;
    glUniform4f(p->u_ends, cosf(end), sinf(end), 0.0f, 0.0f);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_quad(gfx_t *g, const float corners[8], gfx_color_t color) {
    if (g->dry) return;
    gfx_program_t *p = use(g, GFX_MODE_POLY, (layout_box_t){0, 0, 1, 1});
    glUniform2fv(p->u_corners, 4, corners);
    set_color(p->u_color, color, g->opacity);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void gfx_image(gfx_t *g, const gfx_texture_t *t, layout_box_t box, float alpha) {
    if (g->dry || !t || !t->id || box.w <= 0 || box.h <= 0 || outside(g, box)) return;
    gfx_program_t *p = use(g, GFX_MODE_IMAGE, texture_quad(t, box));
    glUniform4f(p->u_color, 1, 1, 1, alpha * g->opacity);
    glUniform1f(p->u_radius, 0.0f);
    glBindTexture(GL_TEXTURE_2D, t->id);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* Every texture alike but for its format: one level, smooth, clamped (parameters set before
 * the storage, so the driver allocates no mipmap chain). */
static GLuint texture_make(GLint internal, GLenum format, int w, int h, const void *pixels) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, format, GL_UNSIGNED_BYTE, pixels);
    return t;
}

int gfx_texture_side(int n) {
    return n <= 1 ? 3 : n | 1;
}

static gfx_texture_t texture_padded(GLint internal, GLenum format, int bpp, int w, int h,
                                    const unsigned char *pixels) {
    gfx_texture_t t = {0, w, h, gfx_texture_side(w), gfx_texture_side(h)};
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
