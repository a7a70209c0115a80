/* gfx: the small GL layer — shader programs built from the embedded shaders/ sources, and
 * drawing of screen-space rectangles (rounded, textured, gradient). Knows nothing of scenes.
 * Depends on GL (through libepoxy) only; no SDL. */
#ifndef SK_GFX_H
#define SK_GFX_H

#include <epoxy/gl.h>
#include <stdbool.h>

#include "layout.h"

typedef struct gfx_color_t {
    float r, g, b, a; /* straight alpha, 0..1 */
} gfx_color_t;

/* The uniforms, by meaning; each stage's program has its own locations for them. */
typedef enum gfx_uniform_t {
    GFX_U_MODE,
    GFX_U_SCREEN,
    GFX_U_SHIFT,
    GFX_U_RECT,
    GFX_U_CORNERS,
    GFX_U_ENDS,
    GFX_U_RADIUS,
    GFX_U_COLOR,
    GFX_U_BORDER_COLOR,
    GFX_U_BORDER,
    GFX_U_PROGRESS,
    GFX_U_ORIGIN,
    GFX_U_PANEL,       /* gradient.frag: a panel's flat inside, window pixels (GL's origin) */
    GFX_U_PANEL_COLOR, /* and its colour, straight alpha (alpha 0: none) */
    GFX_U_UV, /* texture.frag: sharp texels: the quad's corner one, how many across (0: smooth) */
    GFX_U_LIMB_ENDS, /* quad.vert, passed flat to the capsule: its ends, colour, radius */
    GFX_U_LIMB_COLOR,
    GFX_U_LIMB_RADIUS,
    GFX_U_NUM
} gfx_uniform_t;

typedef struct gfx_program_t {
    GLuint id;               /* a pipeline of separate stages, or one linked program */
    GLuint stage[2];         /* the programs holding the vertex and the fragment uniforms */
    GLint loc[2][GFX_U_NUM]; /* -1: that stage does not use it */
} gfx_program_t;

/* Five programs: the untextured shapes, one each (shape.frag built for one kind: the software
 * rasteriser runs every branch of a shader for every pixel; the capsule's draws the flat
 * colours too), what samples a texture, the background. */
typedef enum gfx_program_kind_t {
    GFX_PROGRAM_RECT = 0,
    GFX_PROGRAM_CAPSULE,
    GFX_PROGRAM_RING,
    GFX_PROGRAM_TEXTURE,
    GFX_PROGRAM_GRADIENT,
    GFX_PROGRAM_NUM
} gfx_program_kind_t;

/* What a program draws (its u_mode; the shaders name the same numbers). */
typedef enum gfx_mode_t {
    GFX_MODE_RECT = 0,     /* shape */
    GFX_MODE_COVERAGE = 1, /* texture */
    GFX_MODE_GRADIENT = 2, /* the background's own program */
    GFX_MODE_CAPSULE = 3,  /* shape */
    GFX_MODE_POLY = 4,     /* shape: the capsule's, one flat colour (its corners place it) */
    GFX_MODE_RING = 5,     /* shape */
    GFX_MODE_IMAGE = 6,    /* texture */
} gfx_mode_t;

/* A texture made by gfx_texture_r8/_rgba: w x h texels of picture, in a texture of
 * side_w x side_h (see gfx_texture_side: the rest is blank). Or a picture within a page shared
 * with others (gfx_texture_page, text.c): from texel (x, y), with two blank texels all round it
 * (gfx_coverage draws the first too, each pixel from the one texel under it). */
typedef struct gfx_texture_t {
    GLuint id;
    int w, h;
    int side_w, side_h;
    int x, y; /* where the picture starts: 0, 0 but in a page */
} gfx_texture_t;

/* A picture kept from one frame to the next ones (see gfx_layer_want), cut at one of two depths
 * of the figure's drawing. Under its body, through one move with the camera still: what the
 * background, the scene's still parts, the mat, the ghosts and the arrow leave on the screen
 * there, so a frame within the move puts it back in one copy and draws only the body over it,
 * instead of shading the gradient and two ghost figures again under every redrawn pixel. Under
 * the whole figure, while the camera eases between two shots (the mat, ghosts and arrow move
 * with it): the background and the stage's panel, so such a frame shades no background there. */
typedef enum gfx_layer_depth_t {
    GFX_LAYER_UNDER_FIGURE, /* kept just before the figure's mat */
    GFX_LAYER_UNDER_BODY,   /* kept just before its body */
    GFX_LAYER_DEPTHS
} gfx_layer_depth_t;

typedef struct gfx_layer_t {
    gfx_texture_t tex;       /* 8 bits a channel; grown to the largest held, never shrunk */
    unsigned fbo;            /* a framebuffer on tex (copied into and out of, not drawn) */
    bool top_down;           /* BGRA, its rows as the window's memory runs (gfx_layer_mark) */
    int px[4];               /* the window pixels it holds: x0, y0, x1, y1 (top-left origin) */
    uint64_t key;            /* what they show (0: nothing) */
    gfx_layer_depth_t depth; /* where in the figure's drawing it was kept */
    uint64_t want;           /* to be kept at the next gfx_layer_mark: this key (0: none) ... */
    int want_px[4];          /* ... of these pixels ... */
    gfx_layer_depth_t want_depth;             /* ... at this depth */
    unsigned long put_back[GFX_LAYER_DEPTHS]; /* how many times it was put back, by depth */
    uint64_t failed; /* the last key it could not keep (not asked for again) */
} gfx_layer_t;

typedef struct gfx_t {
    bool gles;     /* running on OpenGL ES (3.0 or later) rather than desktop GL 3.3 core */
    bool separate; /* programs are pipelines sharing one vertex program (see gfx_init) */
    GLuint vertex; /* that vertex program */
    GLuint vao;
    gfx_program_t programs[GFX_PROGRAM_NUM];
    int current;            /* program in use, -1 none */
    gfx_texture_t blank;    /* for the warm-up: a texture of the text's kind */
    unsigned warmed;        /* the modes drawn with once (their code compiled): 1 << mode */
    int width, height;      /* target size, pixels */
    float opacity;          /* multiplies every colour's alpha */
    bool dry;               /* draw calls do nothing (a scene is walked to warm its text cache) */
    float shift_x, shift_y; /* everything but the background moves by this (burn-in drift) */
    bool clipped;           /* drawing is limited to `clip` (a partial redraw) */
    layout_box_t clip;      /* pixels, top-left origin */
    /* A panel's flat inside already mixed into the background by gfx_gradient_under: the
     * next gfx_rect of that box and colour draws only its rim (pixels x0..x1, y0..y1, top-left
     * origin; the colour with the opacity applied) */
    bool under;
    int under_px[4];
    gfx_color_t under_color;
    gfx_layer_t layer;
    bool skip; /* draws do nothing: the layer was put back, until gfx_layer_mark at ... */
    gfx_layer_depth_t skip_to; /* ... the layer's depth */
} gfx_t;

/* Compiles and links every program; logs compile/link errors in full. Where the driver offers
 * separate shader objects (GL 4.1, GL_ARB_separate_shader_objects, ES 3.1) the programs share
 * one vertex program, unless `linked` asks for one linked program each (as on GL 3.3 or ES 3.0
 * without them, or when the separate ones fail; tests compare the two). Clears the bound
 * framebuffer (to black): call it before anything is drawn that should stay. */
bool gfx_init(gfx_t *gfx, bool linked);
void gfx_shutdown(gfx_t *gfx);

/* The software rasteriser compiles a program's code at its first draw, and again for each
 * texture format it samples (llvmpipe: 20-70 ms each with a cold cache). gfx_warm draws with
 * the background's program into one clipped pixel (before the first frame, which draws every
 * pixel: render_init, beside the first texts); the first frame compiles what it draws with;
 * gfx_warm_next, called once a frame after it, draws with one more kind that no frame has drawn
 * with yet, into one pixel and fully transparent, so it changes no pixel: the first frame
 * waits only for what it shows, and no later frame for a compile. False when none is left. */
void gfx_warm(gfx_t *gfx, int width, int height);
bool gfx_warm_next(gfx_t *gfx, int width, int height);

/* Starts drawing into the bound framebuffer of the given size. */
void gfx_begin(gfx_t *gfx, int width, int height);

/* Limits drawing to `box` (scissor; draws wholly outside it are skipped), or lifts the limit
 * when box is NULL. Call after gfx_begin. */
void gfx_clip(gfx_t *gfx, const layout_box_t *box);
/* Narrows the clip to its part within `box` (pixels on screen), keeping what gfx_layer_restore
 * put back; gfx_clip widens it again. */
void gfx_clip_within(gfx_t *gfx, layout_box_t box);

gfx_color_t gfx_rgb(content_color_t c, float alpha);

void gfx_gradient(gfx_t *gfx, gfx_color_t top, gfx_color_t bottom);
/* The gradient with a translucent panel's flat inside (what gfx_rect(box, fill, radius) would
 * fill) mixed in, shaded once instead of twice; the next gfx_rect of that box and colour then
 * draws only the rim. Pixels as gfx_gradient then gfx_rect, within 1/255. Call gfx_rect next
 * for that box, before anything else is drawn over it. */
void gfx_gradient_under(gfx_t *gfx, gfx_color_t top, gfx_color_t bottom, layout_box_t box,
                        gfx_color_t fill, float radius);
void gfx_rect(gfx_t *gfx, layout_box_t box, gfx_color_t fill, float radius);
void gfx_rect_outline(gfx_t *gfx, layout_box_t box, gfx_color_t fill, gfx_color_t border,
                      float radius, float border_width);
/* Whether a draw within box would change a pixel now (not dry, not skipped, within the clip). */
bool gfx_draws(const gfx_t *gfx, layout_box_t box);

/* A single-channel coverage texture drawn with its picture filling box, tinted. `cells` draws
 * it as a grid of sharp texels (a QR code); otherwise it is sampled smoothly. */
void gfx_coverage(gfx_t *gfx, const gfx_texture_t *texture, layout_box_t box, bool cells,
                  gfx_color_t color);

/* A round-capped segment from (ax, ay) to (bx, by), pixels; a disc when the ends meet. */
void gfx_capsule(gfx_t *gfx, float ax, float ay, float bx, float by, float radius,
                 gfx_color_t color);

/* A countdown ring filling the square `box`: the track, and the arc up to progress (0..1)
 * clockwise from 12 o'clock, `thickness` pixels wide. */
void gfx_ring(gfx_t *gfx, layout_box_t box, float thickness, float progress, gfx_color_t arc,
              gfx_color_t track);

/* The layer under the figure (gfx_layer_t). `key` (not 0) says what is under it now;
 * gfx_layer_want asks that the pixels `region` (window pixels, top-left origin) be kept at the
 * next gfx_layer_mark at `depth`, if the clip then holds them all (the whole picture under it is
 * drawn there). gfx_layer_restore, when the layer holds `key` and the whole clip: puts it back
 * over the clip and makes every draw do nothing until gfx_layer_mark at the layer's depth
 * (true). The figure calls gfx_layer_mark at each depth, just before its mat and its body. */
bool gfx_layer_holds(const gfx_t *gfx, uint64_t key); /* or could not keep it: ask no more */
void gfx_layer_want(gfx_t *gfx, layout_box_t region, uint64_t key, gfx_layer_depth_t depth);
bool gfx_layer_restore(gfx_t *gfx, uint64_t key);
void gfx_layer_mark(gfx_t *gfx, gfx_layer_depth_t depth);

/* A filled quadrilateral, corners (x, y) in pixels in triangle-strip order. */
void gfx_quad(gfx_t *gfx, const float corners[8], gfx_color_t color);

/* An RGBA texture drawn with its picture filling box, faded by alpha. */
void gfx_image(gfx_t *gfx, const gfx_texture_t *texture, layout_box_t box, float alpha);

/* The software rasteriser compiles the program again for each texture state it samples, and a
 * side of a power of two is a state of its own: textures are made with odd sides (a blank
 * column or row added when needed) and all alike, so one compile serves each format. */
int gfx_texture_side(int n);

/* Creates an RGBA texture from straight-alpha pixels (w*h*4 bytes, rows top first). id is 0
 * when it cannot be made. */
gfx_texture_t gfx_texture_rgba(int w, int h, const unsigned char *pixels);

/* Creates a single-channel (R8) texture from `pixels` (w*h bytes, rows top first). */
gfx_texture_t gfx_texture_r8(int w, int h, const unsigned char *pixels);

/* A blank single-channel page of w x h texels (odd sides) that pictures are put into with
 * gfx_texture_put. Its memory is its whole size from the start: llvmpipe clears every texture
 * it makes (llvmpipe_texture_layout). */
gfx_texture_t gfx_texture_page(int w, int h);

/* Puts w x h texels (rows top first) into a page at (x, y). */
void gfx_texture_put(const gfx_texture_t *page, int x, int y, int w, int h,
                     const unsigned char *pixels);

void gfx_texture_free(gfx_texture_t *texture);

/* A framebuffer of its own, with an RGBA8 renderbuffer: the offscreen target (screenshots,
 * tests, bench) and the window's canvas, which keep the last frame. */
typedef struct gfx_target_t {
    GLuint fbo, color;
    int w, h;
} gfx_target_t;

/* Binds t as the framebuffer, made anew at w x h when it is not that size. Returns 1 when it
 * was made (it holds nothing yet), 0 when it was kept, -1 when the driver cannot make it. */
int gfx_target_bind(gfx_target_t *t, int w, int h);
void gfx_target_free(gfx_target_t *t);

/* The window's own framebuffer: bind it; clear all of it to black; copy t into it. */
/* Waits until every drawing issued so far is done (a software rasteriser's work belongs to the
 * frame that issued it; with no swap or read-back the driver would queue forever). */
void gfx_finish(void);
void gfx_bind_window(void);
void gfx_clear_window(int w, int h);
void gfx_target_blit_to_window(const gfx_target_t *t, int w, int h);

/* Reads the bound framebuffer into rgba (w*h*4 bytes), rows top first. */
void gfx_read_rgba(int w, int h, unsigned char *rgba);

#endif
