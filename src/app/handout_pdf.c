/* handout_pdf: the printed take-home handout (--handout FILE), drawn with cairo — a PDF to
 * print (US Letter or A4), PNG pages, or the stills' drawings as JSON (for checking them).
 *
 * What is on it: the title and the clinic; for each exercise its title, its counts (the words
 * file's `dose`), its stills (handout.c: the start pose and each hold, both sides where the
 * sides differ, with the start faint and the movement's arrow: the figure's own drawing,
 * figure.c's draw list, the same list the screen paints) and its steps word for word,
 * numbered; then the disclaimer, the clinic's name, both phone numbers, the address and a QR
 * code to call (qr.c, the screen's code). In black and greys with one dark colour, so it
 * reads printed in black and white. The same fonts as the screen, through FreeType.
 *
 * How it is laid out: the exercises flow down the pages in blocks that are not split; the
 * type and the stills are made smaller, step by step, until everything fits on two pages.
 * Depends on cairo (PDF, PNG, FreeType fonts), FreeType, qr, assets, log and the core; no SDL
 * video or GL: it runs without a display. */
#include "handout_pdf.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "assets.h"
#include "figure.h"
#include "handout.h"
#include "log.h"
#include "qr.h"

#define MARGIN 40.0 /* pt around the page */
#define PAGES_MAX 2 /* the handout is at most two pages */
#define FIGURE_UNITS \
    10.0                  /* the figure is worked out in tenths of a point: its quarter-unit
                            * grid (figure_project) is then finer than print can show */
#define STILL_GAP 10.0    /* pt between stills */
#define QR_SIDE 84.0      /* pt: about 3 cm, what a phone reads at arm's length */
#define WRAP_MAX 1024     /* bytes of one wrapped line */
#define PRINT_WEIGHT 0.72 /* a limb's printed width, of the screen's */

typedef struct rgb_t {
    double r, g, b;
} rgb_t;

/* Print colours: near-black text and body, greys for what is behind or faint, and one dark
 * teal (the screen's background colour) for headings and the arrow: each stays distinct
 * printed in black and white. */
static const rgb_t INK = {0.08, 0.08, 0.08};
static const rgb_t INK_DIM = {0.30, 0.30, 0.30};
static const rgb_t RULE = {0.78, 0.78, 0.78};
static const rgb_t TONES[FIGURE_TONE_COUNT] = {
    [FIGURE_TONE_FAR] = {0.56, 0.56, 0.56}, [FIGURE_TONE_NEAR] = {0.08, 0.08, 0.08},
    [FIGURE_TONE_FACE] = {1.0, 1.0, 1.0},   [FIGURE_TONE_GHOST] = {0.80, 0.80, 0.80},
    [FIGURE_TONE_MAT] = {0.93, 0.93, 0.93}, [FIGURE_TONE_ARROW] = {0.06, 0.30, 0.38},
};

/* The sizes one try of the layout uses (all shrink together when two pages do not hold it). */
typedef struct sizes_t {
    double title, heading, dose, body, label, line; /* pt; line: of body text, a factor */
    double still_h;                                 /* pt: a still's height */
} sizes_t;

typedef struct pen_t {
    cairo_t *cr;
    cairo_font_face_t *regular, *bold;
    sizes_t z;
    double page_w, page_h;
    bool draw; /* false: measure only */
} pen_t;

static void color(cairo_t *cr, rgb_t c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

static void font(pen_t *p, bool bold, double size) {
    cairo_set_font_face(p->cr, bold ? p->bold : p->regular);
    cairo_set_font_size(p->cr, size);
}

static double advance(pen_t *p, const char *s) {
    cairo_text_extents_t e;
    cairo_text_extents(p->cr, s, &e);
    return e.x_advance;
}

/* Writes `text` wrapped to `width` from (x, y) (y: the top of the first line) in the current
 * font; returns the height used. Lines break at spaces; a word wider than the line stands
 * alone on its own. */
static double wrap(pen_t *p, const char *text, double x, double y, double width, double size,
                   rgb_t c) {
    double lh = size * p->z.line;
    char line[WRAP_MAX], trial[WRAP_MAX];
    line[0] = '\0';
    int lines = 0;
    const char *s = text;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *e = s;
        while (*e && *e != ' ') e++;
        size_t wl = (size_t)(e - s);
        size_t ll = strlen(line);
        if (ll + 1 + wl >= sizeof trial) wl = sizeof trial - ll - 2; /* (a line that long: cut) */
        memcpy(trial, line, ll);
        size_t tl = ll;
        if (ll) trial[tl++] = ' ';
        memcpy(trial + tl, s, wl);
        trial[tl + wl] = '\0';
        if (ll && advance(p, trial) > width) { /* the word goes on the next line */
            if (p->draw) {
                color(p->cr, c);
                cairo_move_to(p->cr, x, y + lines * lh + size);
                cairo_show_text(p->cr, line);
            }
            lines++;
            memcpy(line, s, wl);
            line[wl] = '\0';
        } else {
            memcpy(line, trial, strlen(trial) + 1);
        }
        s = e;
    }
    if (line[0]) {
        if (p->draw) {
            color(p->cr, c);
            cairo_move_to(p->cr, x, y + lines * lh + size);
            cairo_show_text(p->cr, line);
        }
        lines++;
    }
    return lines * lh;
}

/* ---- The figure ---------------------------------------------------------------------- */

static void figure(pen_t *p, const figure_drawing_t *d, double x, double y) {
    cairo_t *cr = p->cr;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, 1.0 / FIGURE_UNITS, 1.0 / FIGURE_UNITS);
    if (d->has_mat) {
        static const int ORDER[4] = {0, 1, 3, 2};
        for (int i = 0; i < 4; i++) {
            const float *c = &d->mat[ORDER[i] * 2];
            (i ? cairo_line_to : cairo_move_to)(cr, c[0], c[1]);
        }
        cairo_close_path(cr);
        color(cr, TONES[FIGURE_TONE_MAT]);
        cairo_fill(cr);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (int i = 0; i < d->count; i++) {
        const figure_capsule_t *m = &d->marks[i];
        if (m->tone == FIGURE_TONE_MAT) continue; /* the screen's anti-aliased edge */
        color(cr, TONES[m->tone]);
        if (m->ax == m->bx && m->ay == m->by) {
            cairo_arc(cr, m->ax, m->ay, m->radius, 0, 2 * 3.14159265358979323846);
            cairo_fill(cr);
        } else {
            /* the limbs a little finer than the screen's, drawn for a TV across a room: a line
             * drawing on paper read at arm's length */
            double w = m->tone == FIGURE_TONE_ARROW ? 2.0 : 2.0 * PRINT_WEIGHT;
            cairo_set_line_width(cr, w * m->radius);
            cairo_move_to(cr, m->ax, m->ay);
            cairo_line_to(cr, m->bx, m->by);
            cairo_stroke(cr);
        }
    }
    cairo_restore(cr);
}

/* ---- One exercise -------------------------------------------------------------------- */

typedef struct exercise_t {
    const content_t *content;
    const choreo_t *choreo;
    handout_still_t stills[HANDOUT_STILLS_MAX];
    int still_count;
} exercise_t;

/* The still's caption: "Start", "Hold", or the side it holds ("Right side"). */
static void still_caption(const content_t *c, const handout_still_t *s, char *out, size_t n) {
    if (s->start) {
        snprintf(out, n, "%s", c->labels.handout_start ? c->labels.handout_start : "Start");
    } else if (s->side != CONTENT_SIDE_NONE) {
        content_format_args_t a = {.side = s->side == CONTENT_SIDE_RIGHT ? c->labels.right
                                                                         : c->labels.left};
        content_format(out, n, c->labels.side, &a);
    } else {
        snprintf(out, n, "%s", c->labels.handout_hold ? c->labels.handout_hold : "Hold");
    }
}

/* The stills' box: `count` stills side by side across `width`, each still_h high. */
static double still_width(double width, int count) {
    return (width - STILL_GAP * (count - 1)) / (count > 0 ? count : 1);
}

/* Lays out (and with p->draw draws) one exercise's block from y; returns its height. `fit` is
 * scratch for the framing. */
static double exercise_block(pen_t *p, const exercise_t *e, int number, double x, double y,
                             double width, figure_fit_t *fit, figure_drawing_t *drawing) {
    const content_t *c = e->content;
    const content_exercise_t *ex = &c->exercises[e->choreo->exercise];
    double y0 = y;
    char buf[WRAP_MAX];
    /* the title, and the counts under it */
    font(p, true, p->z.heading);
    snprintf(buf, sizeof buf, "%d.  %s", number, ex->title);
    y += wrap(p, buf, x, y, width, p->z.heading, TONES[FIGURE_TONE_ARROW]);
    content_exercise_dose(ex, buf, sizeof buf);
    if (buf[0]) {
        font(p, true, p->z.dose);
        y += 2 + wrap(p, buf, x, y + 2, width, p->z.dose, INK);
    }
    y += 6;
    /* the stills, each framed alike (the whole routine's framing), captioned under */
    if (e->still_count > 0) {
        double sw = still_width(width, e->still_count), sh = p->z.still_h;
        if (p->draw) {
            layout_box_t box = {0, 0, (float)(sw * FIGURE_UNITS), (float)(sh * FIGURE_UNITS)};
            figure_fit(fit, e->choreo, box, NULL, 0);
        }
        double cap_y = y + sh + 3;
        for (int i = 0; i < e->still_count; i++) {
            double sx = x + i * (sw + STILL_GAP);
            if (p->draw) {
                cairo_set_line_width(p->cr, 0.6);
                color(p->cr, RULE);
                cairo_rectangle(p->cr, sx, y, sw, sh);
                cairo_stroke(p->cr);
                figure_drawing_still(fit, e->choreo, e->stills[i].t, e->stills[i].from, drawing);
                figure(p, drawing, sx, y);
            }
            still_caption(c, &e->stills[i], buf, sizeof buf);
            font(p, true, p->z.label);
            double w = advance(p, buf);
            if (p->draw) {
                color(p->cr, INK_DIM);
                cairo_move_to(p->cr, sx + (sw - w) / 2, cap_y + p->z.label);
                cairo_show_text(p->cr, buf);
            }
        }
        y = cap_y + p->z.label * p->z.line + 4;
    }
    /* the steps, numbered, word for word */
    double num_w;
    font(p, true, p->z.body);
    num_w = advance(p, "10.") + 5;
    for (int i = 0; i < ex->step_count; i++) {
        snprintf(buf, sizeof buf, "%d.", i + 1);
        font(p, true, p->z.body);
        if (p->draw) {
            color(p->cr, TONES[FIGURE_TONE_ARROW]);
            cairo_move_to(p->cr, x, y + p->z.body);
            cairo_show_text(p->cr, buf);
        }
        font(p, false, p->z.body);
        y += wrap(p, ex->steps[i], x + num_w, y, width - num_w, p->z.body, INK) + 2;
    }
    return y - y0;
}

/* ---- The page's head and foot -------------------------------------------------------- */

static double head_block(pen_t *p, const content_t *c, double x, double y, double width) {
    double y0 = y;
    font(p, true, p->z.title);
    y += wrap(p, c->intro.title, x, y, width, p->z.title, INK);
    if (c->labels.handout_title) {
        font(p, false, p->z.dose);
        y += 2 + wrap(p, c->labels.handout_title, x, y + 2, width, p->z.dose, INK_DIM);
    }
    return y - y0 + 4;
}

/* The disclaimer, the clinic's name, its phones and address, and the QR code to call. */
static double foot_block(pen_t *p, const content_t *c, const unsigned char *qr, int qr_n, double x,
                         double y, double width) {
    double y0 = y;
    double text_w = width - QR_SIDE - 14;
    if (p->draw) {
        cairo_set_line_width(p->cr, 0.8);
        color(p->cr, RULE);
        cairo_move_to(p->cr, x, y);
        cairo_line_to(p->cr, x + width, y);
        cairo_stroke(p->cr);
    }
    y += 8;
    double ty = y;
    font(p, false, p->z.body);
    ty += wrap(p, c->contact.body, x, ty, text_w, p->z.body, INK) + 3;
    ty += wrap(p, c->contact.severe, x, ty, text_w, p->z.body, INK) + 5;
    font(p, true, p->z.heading);
    ty += wrap(p, c->clinic.name, x, ty, text_w, p->z.heading, TONES[FIGURE_TONE_ARROW]);
    font(p, true, p->z.dose);
    ty += wrap(p, c->contact.call, x, ty, text_w, p->z.dose, INK);
    font(p, false, p->z.body);
    ty += wrap(p, c->clinic.address, x, ty, text_w, p->z.body, INK);
    /* the QR code at the right, its caption under it */
    double qy = y, qx = x + width - QR_SIDE;
    if (qr && p->draw) {
        double m = QR_SIDE / qr_n;
        color(p->cr, INK);
        for (int r = 0; r < qr_n; r++) {
            for (int col = 0; col < qr_n; col++) {
                if (qr[r * qr_n + col]) cairo_rectangle(p->cr, qx + col * m, qy + r * m, m, m);
            }
        }
        cairo_fill(p->cr);
    }
    double qh = 0;
    if (qr) {
        font(p, true, p->z.label);
        double w = advance(p, c->contact.qr_caption);
        if (p->draw) {
            color(p->cr, INK_DIM);
            cairo_move_to(p->cr, qx + (QR_SIDE - w) / 2, qy + QR_SIDE + p->z.label);
            cairo_show_text(p->cr, c->contact.qr_caption);
        }
        qh = QR_SIDE + p->z.label * p->z.line;
    }
    return fmax(ty - y0, qh + 8);
}

/* ---- The pages ----------------------------------------------------------------------- */

typedef struct plan_t {
    int page[CONTENT_MAX_EXERCISES + 1]; /* the page of each block (the foot last) */
    double y[CONTENT_MAX_EXERCISES + 1];
    int pages;
} plan_t;

/* Places the blocks down the pages, measuring them: a block that does not fit the rest of a
 * page starts the next. Returns the pages used (more than PAGES_MAX when a block is taller
 * than a page). */
static int plan_pages(pen_t *p, const content_t *c, const exercise_t *ex, int n,
                      const unsigned char *qr, int qr_n, plan_t *plan) {
    double x = MARGIN, width = p->page_w - 2 * MARGIN, bottom = p->page_h - MARGIN;
    double gap = p->z.body * 1.6;
    p->draw = false;
    int page = 0;
    double y = MARGIN + head_block(p, c, x, MARGIN, width) + gap * 0.5;
    for (int i = 0; i <= n; i++) {
        double h = i < n ? exercise_block(p, &ex[i], i + 1, x, y, width, NULL, NULL)
                         : foot_block(p, c, qr, qr_n, x, y, width);
        if (y + h > bottom && y > MARGIN + 1) {
            page++;
            y = MARGIN;
        }
        if (y + h > bottom) return PAGES_MAX + 1;
        plan->page[i] = page;
        plan->y[i] = y;
        y += h + gap;
    }
    plan->pages = page + 1;
    return plan->pages;
}

/* Draws the planned blocks: those of page `only` (or of every page, with a page break
 * between, when `only` < 0). */
static void draw_pages(pen_t *p, const content_t *c, const exercise_t *ex, int n,
                       const unsigned char *qr, int qr_n, const plan_t *plan, int only,
                       figure_fit_t *fit, figure_drawing_t *drawing) {
    double x = MARGIN, width = p->page_w - 2 * MARGIN;
    p->draw = true;
    if (only <= 0) head_block(p, c, x, MARGIN, width);
    int page = 0;
    for (int i = 0; i <= n; i++) {
        if (only >= 0 && plan->page[i] != only) continue;
        if (only < 0 && plan->page[i] != page) {
            cairo_show_page(p->cr);
            page = plan->page[i];
        }
        if (i < n) exercise_block(p, &ex[i], i + 1, x, plan->y[i], width, fit, drawing);
        else foot_block(p, c, qr, qr_n, x, plan->y[i], width);
    }
}

/* The sizes of try `k` (0: the largest). */
static sizes_t sizes_of(int k) {
    double f = pow(0.94, k);
    return (sizes_t){.title = 20 * f,
                     .heading = 13.5 * f,
                     .dose = 11 * f,
                     .body = 10 * f,
                     .label = 8.5 * f,
                     .line = 1.28,
                     .still_h = 128 * f};
}

/* ---- Fonts and output ---------------------------------------------------------------- */

static const cairo_user_data_key_t FACE_KEY;

static void face_done(void *face) { FT_Done_Face((FT_Face)face); }

/* A font file as a cairo font face (the FreeType face is freed with it), or NULL. */
static cairo_font_face_t *font_open(FT_Library ft, const char *path) {
    FT_Face face;
    if (FT_New_Face(ft, path, 0, &face) != 0) return NULL;
    cairo_font_face_t *f = cairo_ft_font_face_create_for_ft_face(face, 0);
    if (cairo_font_face_status(f) != CAIRO_STATUS_SUCCESS ||
        cairo_font_face_set_user_data(f, &FACE_KEY, face, face_done) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(f);
        FT_Done_Face(face);
        return NULL;
    }
    return f;
}

/* A file written whole or not at all: into FILE.part, renamed over FILE once complete (a
 * handout printed before is not lost to a failed write). */
typedef struct output_t {
    FILE *f;
    char path[1200], part[1210];
    bool failed;
} output_t;

static bool output_open(output_t *o, const char *path) {
    snprintf(o->path, sizeof o->path, "%s", path);
    snprintf(o->part, sizeof o->part, "%s.part", path);
    o->failed = false;
    o->f = fopen(o->part, "wb");
    if (!o->f) log_error("cannot write %s: %s", path, strerror(errno));
    return o->f != NULL;
}

static cairo_status_t output_write(void *closure, const unsigned char *data, unsigned int n) {
    output_t *o = closure;
    if (fwrite(data, 1, n, o->f) != n) {
        o->failed = true;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* Closes the file: renamed into place when `ok`, else removed. Returns whether it is there. */
static bool output_close(output_t *o, bool ok) {
    if (!o->f) return false;
    int saved = 0;
    if (fclose(o->f) != 0 || o->failed) ok = false, saved = errno;
    o->f = NULL;
    if (ok && rename(o->part, o->path) != 0) ok = false, saved = errno;
    if (!ok) {
        if (saved) log_error("cannot write %s: %s", o->path, strerror(saved));
        remove(o->part);
    }
    return ok;
}

typedef enum kind_t { KIND_PDF, KIND_PNG, KIND_JSON } kind_t;

static bool ends_with(const char *s, const char *tail) {
    size_t a = strlen(s), b = strlen(tail);
    if (a < b) return false;
    for (size_t i = 0; i < b; i++) {
        char ch = s[a - b + i];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
        if (ch != tail[i]) return false;
    }
    return true;
}

/* Page k of a PNG handout: FILE.png for one page, else FILE-1.png, FILE-2.png. */
static void png_name(const char *path, int k, int pages, char *out, size_t n) {
    if (pages <= 1) {
        snprintf(out, n, "%s", path);
        return;
    }
    size_t stem = strlen(path) - 4;
    snprintf(out, n, "%.*s-%d.png", (int)stem, path, k + 1);
}

/* The stills' drawings as JSON: for each exercise its stills, each with its time, its
 * camera (lens: metres to tenths of a point in the still's box) and its marks. */
static int write_json(const char *path, const exercise_t *ex, int n, const sizes_t *z, double width,
                      figure_fit_t *fit, figure_drawing_t *d) {
    output_t out;
    if (!output_open(&out, path)) return APP_EXIT_RUNTIME;
    FILE *f = out.f;
    static const char *const TONE[FIGURE_TONE_COUNT] = {"far",   "near", "face",
                                                        "ghost", "mat",  "arrow"};
    fprintf(f, "{\"units_per_point\": %.1f, \"exercises\": [", FIGURE_UNITS);
    for (int i = 0; i < n; i++) {
        const exercise_t *e = &ex[i];
        const content_exercise_t *ce = &e->content->exercises[e->choreo->exercise];
        double sw = still_width(width, e->still_count);
        layout_box_t box = {0, 0, (float)(sw * FIGURE_UNITS), (float)(z->still_h * FIGURE_UNITS)};
        figure_fit(fit, e->choreo, box, NULL, 0);
        const figure_lens_t *l = &fit->lens;
        fprintf(f, "%s\n {\"id\": \"%s\", \"stills\": [", i ? "," : "", ce->id);
        for (int s = 0; s < e->still_count; s++) {
            const handout_still_t *st = &e->stills[s];
            figure_drawing_still(fit, e->choreo, st->t, st->from, d);
            fprintf(f,
                    "%s\n  {\"kind\": \"%s\", \"side\": \"%s\", \"t\": %.4f, \"from\": %d, "
                    "\"box\": [%.2f, %.2f], \"lens\": {\"right\": [%.6f, %.6f, %.6f], "
                    "\"up\": [%.6f, %.6f, %.6f], \"scale\": %.4f, \"ox\": %.4f, \"oy\": %.4f}, "
                    "\"under\": %d, \"marks\": [",
                    s ? "," : "", st->start ? "start" : "hold",
                    st->side == CONTENT_SIDE_RIGHT  ? "right"
                    : st->side == CONTENT_SIDE_LEFT ? "left"
                                                    : "none",
                    st->t, st->from, box.w, box.h, l->right[0], l->right[1], l->right[2], l->up[0],
                    l->up[1], l->up[2], l->scale, l->ox, l->oy, d->under);
            for (int m = 0; m < d->count; m++) {
                const figure_capsule_t *c = &d->marks[m];
                fprintf(f, "%s[%.3f, %.3f, %.3f, %.3f, %.3f, \"%s\"]", m ? ", " : "", c->ax, c->ay,
                        c->bx, c->by, c->radius, TONE[c->tone]);
            }
            fprintf(f, "]}");
        }
        fprintf(f, "]}");
    }
    fprintf(f, "\n]}\n");
    out.failed = ferror(f) != 0;
    return output_close(&out, true) ? APP_EXIT_OK : APP_EXIT_RUNTIME;
}

int handout_write(const content_t *c, const char *assets_dir, handout_paper_t paper,
                  const char *path) {
    kind_t kind = ends_with(path, ".pdf")    ? KIND_PDF
                  : ends_with(path, ".png")  ? KIND_PNG
                  : ends_with(path, ".json") ? KIND_JSON
                                             : (kind_t)-1;
    if ((int)kind < 0) {
        log_error("--handout %s: the file's name must end in .pdf, .png or .json", path);
        return APP_EXIT_USAGE;
    }
    int rc = APP_EXIT_RUNTIME;
    choreo_t *choreos =
        calloc((size_t)(c->exercise_count > 0 ? c->exercise_count : 1), sizeof *choreos);
    exercise_t *ex = calloc(CONTENT_MAX_EXERCISES, sizeof *ex);
    figure_fit_t *fit = malloc(sizeof *fit);
    figure_drawing_t *drawing = malloc(sizeof *drawing);
    unsigned char *qr = NULL;
    FT_Library ft = NULL;
    cairo_font_face_t *regular = NULL, *bold = NULL;
    cairo_surface_t *surface = NULL;
    cairo_t *cr = NULL;
    output_t out = {0};
    if (!choreos || !ex || !fit || !drawing) {
        log_error("out of memory for the handout");
        goto done;
    }
    /* the exercises in the playlist's order, each once */
    int n = 0;
    for (int i = 0; i < c->playlist_count && n < CONTENT_MAX_EXERCISES; i++) {
        if (c->playlist[i].kind != SCENE_EXERCISE) continue;
        int e = c->playlist[i].exercise;
        bool seen = false;
        for (int k = 0; k < n; k++) seen = seen || ex[k].choreo->exercise == e;
        if (seen) continue;
        choreo_build(&choreos[e], c, e, CHOREO_PACING_FOLLOW);
        ex[n].content = c;
        ex[n].choreo = &choreos[e];
        ex[n].still_count = handout_stills(&choreos[e], ex[n].stills);
        n++;
    }
    double page_w, page_h;
    handout_paper_size(paper, &page_w, &page_h);
    if (kind == KIND_JSON) {
        sizes_t z = sizes_of(0);
        rc = write_json(path, ex, n, &z, page_w - 2 * MARGIN, fit, drawing);
        if (rc == APP_EXIT_OK) printf("%s\n", path);
        goto done;
    }
    /* the fonts: the screen's own, from the assets folder */
    char font_path[2][1100], err[1300] = "";
    const char *rel[2] = {c->theme.font_regular, c->theme.font_bold};
    if (FT_Init_FreeType(&ft) != 0) {
        log_error("cannot start FreeType for the handout's fonts");
        goto done;
    }
    for (int i = 0; i < 2; i++) {
        if (!assets_path(assets_dir, rel[i], font_path[i], sizeof font_path[i], err, sizeof err)) {
            log_error("cannot use the font %s: %s", rel[i], err);
            goto done;
        }
        cairo_font_face_t *f = font_open(ft, font_path[i]);
        if (!f) {
            log_error("cannot read the font %s (%s)", rel[i], font_path[i]);
            goto done;
        }
        *(i ? &bold : &regular) = f;
    }
    int qr_n = 0;
    qr = qr_modules(c->clinic.qr_text, &qr_n);
    if (!qr)
        log_warning("the handout has no QR code: '%.40s' cannot be encoded", c->clinic.qr_text);
    /* the largest sizes that fit on two pages, measured on a surface that keeps nothing */
    cairo_surface_t *measure = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, NULL);
    cairo_t *mcr = cairo_create(measure);
    pen_t pen = {mcr, regular, bold, sizes_of(0), page_w, page_h, false};
    plan_t plan = {.pages = PAGES_MAX + 1};
    int tries = 0;
    while (plan_pages(&pen, c, ex, n, qr, qr_n, &plan) > PAGES_MAX && tries < 12) {
        pen.z = sizes_of(++tries);
    }
    cairo_destroy(mcr);
    cairo_surface_destroy(measure);
    if (plan.pages > PAGES_MAX) {
        log_error("the handout does not fit on %d pages: the content's texts are too long",
                  PAGES_MAX);
        goto done;
    }
    /* drawn: a PDF, or each page as a PNG at 150 dots an inch */
    const double dpi = 150;
    for (int page = 0; page < (kind == KIND_PDF ? 1 : plan.pages); page++) {
        char name[1200];
        if (kind == KIND_PNG) png_name(path, page, plan.pages, name, sizeof name);
        else snprintf(name, sizeof name, "%s", path);
        if (!output_open(&out, name)) goto done;
        if (kind == KIND_PDF) {
            surface = cairo_pdf_surface_create_for_stream(output_write, &out, page_w, page_h);
        } else {
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)lround(page_w * dpi / 72),
                                                 (int)lround(page_h * dpi / 72));
        }
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
            log_error("cannot write %s: %s", path,
                      cairo_status_to_string(cairo_surface_status(surface)));
            goto done;
        }
        if (kind == KIND_PDF) {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, c->intro.title);
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, c->clinic.name);
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "stretch-kiosk");
        }
        cr = cairo_create(surface);
        if (kind == KIND_PNG) cairo_scale(cr, dpi / 72, dpi / 72);
        color(cr, (rgb_t){1, 1, 1});
        cairo_paint(cr);
        pen.cr = cr;
        draw_pages(&pen, c, ex, n, qr, qr_n, &plan, kind == KIND_PDF ? -1 : page, fit, drawing);
        if (kind == KIND_PDF) cairo_show_page(cr);
        cairo_destroy(cr);
        cr = NULL;
        cairo_surface_flush(surface);
        if (kind == KIND_PNG && cairo_surface_write_to_png_stream(surface, output_write, &out) !=
                                    CAIRO_STATUS_SUCCESS) {
            out.failed = true;
        }
        cairo_surface_finish(surface);
        bool good = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS && !out.failed;
        cairo_surface_destroy(surface);
        surface = NULL;
        if (!output_close(&out, good)) {
            if (good) goto done; /* (said by output_close) */
            log_error("cannot write %s", name);
            goto done;
        }
        printf("%s\n", name);
    }
    rc = APP_EXIT_OK;
done:
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
    output_close(&out, false);
    if (regular) cairo_font_face_destroy(regular);
    if (bold) cairo_font_face_destroy(bold);
    /* cairo keeps recently used fonts after their last use, each holding its FreeType face:
     * let them go before the library that owns the faces */
    cairo_debug_reset_static_data();
    if (ft) FT_Done_FreeType(ft);
    free(qr);
    free(drawing);
    free(fit);
    free(ex);
    free(choreos);
    return rc;
}
