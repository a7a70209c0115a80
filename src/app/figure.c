/* figure: projection, fitting and drawing of the stick figure (see figure.h).
 * Draws with gfx capsules only; allocates nothing. Depends on gfx and core. */
#include "figure.h"

#include <math.h>
#include <string.h>

#define LIMB_RADIUS 0.032f  /* m */
#define TORSO_RADIUS 0.05f  /* m */
#define FACE_RADIUS 0.028f  /* m */
#define FIGURE_MAT_HALF_WIDTH 0.45f /* m: an exercise mat is about 0.9 m wide here */

typedef struct bone_t {
    int a, b;
    float radius;
    int side; /* -1 left, 0 middle, 1 right */
} bone_t;

static const bone_t BONES[] = {
    {SKEL_PELVIS, SKEL_CHEST, TORSO_RADIUS, 0},     {SKEL_CHEST, SKEL_NECK, LIMB_RADIUS, 0},
    {SKEL_NECK, SKEL_HEAD, LIMB_RADIUS, 0},         {SKEL_CHEST, SKEL_SHOULDER_L, LIMB_RADIUS, -1},
    {SKEL_SHOULDER_L, SKEL_ELBOW_L, LIMB_RADIUS, -1}, {SKEL_ELBOW_L, SKEL_HAND_L, LIMB_RADIUS, -1},
    {SKEL_CHEST, SKEL_SHOULDER_R, LIMB_RADIUS, 1},  {SKEL_SHOULDER_R, SKEL_ELBOW_R, LIMB_RADIUS, 1},
    {SKEL_ELBOW_R, SKEL_HAND_R, LIMB_RADIUS, 1},    {SKEL_PELVIS, SKEL_HIP_L, TORSO_RADIUS, -1},
    {SKEL_HIP_L, SKEL_KNEE_L, LIMB_RADIUS, -1},     {SKEL_KNEE_L, SKEL_ANKLE_L, LIMB_RADIUS, -1},
    {SKEL_ANKLE_L, SKEL_TOE_L, LIMB_RADIUS * 0.8f, -1}, {SKEL_PELVIS, SKEL_HIP_R, TORSO_RADIUS, 1},
    {SKEL_HIP_R, SKEL_KNEE_R, LIMB_RADIUS, 1},      {SKEL_KNEE_R, SKEL_ANKLE_R, LIMB_RADIUS, 1},
    {SKEL_ANKLE_R, SKEL_TOE_R, LIMB_RADIUS * 0.8f, 1},
};
#define BONE_COUNT ((int)(sizeof BONES / sizeof BONES[0]))

/* Everything the figure draws goes through these, which keep the bounds of what was drawn. */
typedef struct drawing_t {
    gfx_t *gfx;
    float x0, y0, x1, y1;
} drawing_t;

static void grow(drawing_t *d, float x, float y, float r) {
    d->x0 = fminf(d->x0, x - r);
    d->y0 = fminf(d->y0, y - r);
    d->x1 = fmaxf(d->x1, x + r);
    d->y1 = fmaxf(d->y1, y + r);
}

static void cap(drawing_t *d, float ax, float ay, float bx, float by, float r, gfx_color_t c) {
    grow(d, ax, ay, r);
    grow(d, bx, by, r);
    gfx_capsule(d->gfx, ax, ay, bx, by, r, c);
}

void figure_project(const figure_fit_t *f, const vec3 p, float *x, float *y, float *depth) {
    /* on a quarter-pixel grid: a figure that has not moved by a visible amount is drawn
     * exactly as before, so a partial redraw can leave it be */
    *x = roundf((f->ox + glm_vec3_dot((float *)p, (float *)f->right) * f->scale) * 4.0f) / 4.0f;
    *y = roundf((f->oy - glm_vec3_dot((float *)p, (float *)f->up) * f->scale) * 4.0f) / 4.0f;
    if (depth) *depth = glm_vec3_dot((float *)p, (float *)(float *)f->toward);
}

static void extend(figure_fit_t *f, const skel_positions_t *pos, float *lo_x, float *hi_x,
                   float *lo_y, float *hi_y) {
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        f->x_min = fminf(f->x_min, pos->p[j][0]);
        f->x_max = fmaxf(f->x_max, pos->p[j][0]);
        float x = glm_vec3_dot((float *)pos->p[j], (float *)f->right);
        float y = glm_vec3_dot((float *)pos->p[j], (float *)f->up);
        float r = j == SKEL_HEAD ? SKEL_HEAD_RADIUS : LIMB_RADIUS;
        *lo_x = fminf(*lo_x, x - r);
        *hi_x = fmaxf(*hi_x, x + r);
        *lo_y = fminf(*lo_y, y - r);
        *hi_y = fmaxf(*hi_y, y + r);
    }
}

void figure_fit(figure_fit_t *f, const choreo_t *c, layout_box_t box) {
    const content_camera_t *cam = &c->content->exercises[c->exercise].camera;
    float yaw = glm_rad(cam->yaw), pitch = glm_rad(cam->pitch);
    memset(f, 0, sizeof *f);
    f->exercise = c->exercise;
    f->box = box;
    glm_vec3_copy((vec3){cosf(yaw), 0, -sinf(yaw)}, f->right);
    glm_vec3_copy((vec3){-sinf(yaw) * sinf(pitch), cosf(pitch), -cosf(yaw) * sinf(pitch)}, f->up);
    glm_vec3_copy((vec3){sinf(yaw) * cosf(pitch), sinf(pitch), cosf(yaw) * cosf(pitch)}, (float *)f->toward);
    /* the extent of the whole routine: every key pose and the middle of every move */
    float lo_x = 1e9f, hi_x = -1e9f, lo_y = 1e9f, hi_y = -1e9f;
    f->x_min = 1e9f;
    f->x_max = -1e9f;
    for (int k = 0; k < c->count; k++) {
        skel_positions_t pos;
        choreo_key_positions(c, k, &pos);
        extend(f, &pos, &lo_x, &hi_x, &lo_y, &hi_y);
        choreo_state_t st;
        choreo_sample(c, c->inst[k].start + c->inst[k].move * 0.5, &st);
        extend(f, &st.pos, &lo_x, &hi_x, &lo_y, &hi_y);
    }
    if (c->count == 0) lo_x = lo_y = f->x_min = -1, hi_x = hi_y = f->x_max = 1;
    f->x_min -= 0.2f; /* the mat reaches a little past head and feet */
    f->x_max += 0.2f;
    for (int i = 0; i < 4; i++) { /* and the mat must fit too */
        vec3 m = {i < 2 ? f->x_min : f->x_max, 0, i % 2 ? FIGURE_MAT_HALF_WIDTH : -FIGURE_MAT_HALF_WIDTH};
        float x = glm_vec3_dot(m, f->right), y = glm_vec3_dot(m, f->up);
        lo_x = fminf(lo_x, x), hi_x = fmaxf(hi_x, x), lo_y = fminf(lo_y, y), hi_y = fmaxf(hi_y, y);
    }
    lo_x -= 0.05f;
    hi_x += 0.05f;
    hi_y += 0.10f;
    float w = hi_x - lo_x, h = hi_y - lo_y;
    f->scale = fminf(box.w * 0.92f / w, box.h * 0.86f / h);
    f->ox = box.x + box.w * 0.5f - (lo_x + hi_x) * 0.5f * f->scale;
    /* the figure stands on the lower part of the box */
    float bottom = box.y + box.h * 0.5f + h * f->scale * 0.5f;
    f->oy = bottom + lo_y * f->scale;
}

typedef struct drawn_bone_t {
    float ax, ay, bx, by, depth, radius;
    int side;
} drawn_bone_t;

/* Which side is away from the camera: its limbs get the lighter tone. */
static int far_side(const figure_fit_t *f, const skel_positions_t *pos) {
    float l = glm_vec3_dot((float *)pos->p[SKEL_HIP_L], (float *)f->toward) +
              glm_vec3_dot((float *)pos->p[SKEL_SHOULDER_L], (float *)f->toward);
    float r = glm_vec3_dot((float *)pos->p[SKEL_HIP_R], (float *)f->toward) +
              glm_vec3_dot((float *)pos->p[SKEL_SHOULDER_R], (float *)f->toward);
    return l < r ? -1 : 1;
}

static void draw_skeleton(drawing_t *g, const figure_fit_t *f, const skel_positions_t *pos,
                          gfx_color_t near, gfx_color_t far, const figure_colors_t *colors,
                          bool face) {
    drawn_bone_t bones[BONE_COUNT];
    for (int i = 0; i < BONE_COUNT; i++) {
        drawn_bone_t *d = &bones[i];
        float da, db;
        figure_project(f, pos->p[BONES[i].a], &d->ax, &d->ay, &da);
        figure_project(f, pos->p[BONES[i].b], &d->bx, &d->by, &db);
        d->depth = (da + db) * 0.5f;
        d->radius = BONES[i].radius * f->scale;
        d->side = BONES[i].side;
    }
    int fs = far_side(f, pos);
    /* far-side limbs first, then the rest from back to front (insertion sort: 17 bones) */
    for (int i = 1; i < BONE_COUNT; i++) {
        drawn_bone_t b = bones[i];
        int j = i - 1;
        while (j >= 0) {
            bool b_far = b.side == fs, j_far = bones[j].side == fs;
            bool before = (b_far && !j_far) || (b_far == j_far && b.depth < bones[j].depth);
            if (!before) break;
            bones[j + 1] = bones[j];
            j--;
        }
        bones[j + 1] = b;
    }
    float hx, hy, hd;
    figure_project(f, pos->p[SKEL_HEAD], &hx, &hy, &hd);
    bool head_drawn = false;
    for (int i = 0; i < BONE_COUNT; i++) {
        const drawn_bone_t *d = &bones[i];
        if (!head_drawn && d->side != fs && d->depth > hd) {
            cap(g, hx, hy, hx, hy, SKEL_HEAD_RADIUS * f->scale, near);
            head_drawn = true;
        }
        cap(g, d->ax, d->ay, d->bx, d->by, d->radius, d->side == fs ? far : near);
    }
    if (!head_drawn) cap(g, hx, hy, hx, hy, SKEL_HEAD_RADIUS * f->scale, near);
    if (face) {
        /* the face mark sits on the head where the nose points, so a turn is visible */
        float nx, ny;
        figure_project(f, pos->p[SKEL_NOSE], &nx, &ny, NULL);
        float dx = nx - hx, dy = ny - hy;
        float len = sqrtf(dx * dx + dy * dy);
        float rim = (SKEL_HEAD_RADIUS - FACE_RADIUS * 1.2f) * f->scale;
        if (len > rim) {
            nx = hx + dx / len * rim;
            ny = hy + dy / len * rim;
        }
        cap(g, nx, ny, nx, ny, FACE_RADIUS * f->scale, colors->face);
    }
}

/* The path of the joint that moves most in this move, offset away from the body, with a head. */
static void draw_arrow(drawing_t *g, const figure_fit_t *f, const choreo_t *c, int k,
                       const skel_positions_t *from, const skel_positions_t *to,
                       gfx_color_t color) {
    static const int CANDIDATES[] = {SKEL_KNEE_L, SKEL_KNEE_R, SKEL_HAND_L, SKEL_HAND_R,
                                     SKEL_HEAD, SKEL_CHEST, SKEL_PELVIS, SKEL_ANKLE_L,
                                     SKEL_ANKLE_R};
    int best = -1;
    float best_d = 0.08f; /* under 8 cm there is nothing worth an arrow */
    for (size_t i = 0; i < sizeof CANDIDATES / sizeof CANDIDATES[0]; i++) {
        int j = CANDIDATES[i];
        float d = glm_vec3_distance((float *)from->p[j], (float *)to->p[j]);
        if (d > best_d) best_d = d, best = j;
    }
    if (best < 0) return;
    enum { N = 9 };
    float px[N], py[N];
    const choreo_instance_t *in = &c->inst[k];
    float cx, cy;
    figure_project(f, to->p[SKEL_PELVIS], &cx, &cy, NULL);
    for (int i = 0; i < N; i++) {
        choreo_state_t st;
        double t = in->start + in->move * (0.12 + 0.76 * i / (double)(N - 1));
        choreo_sample(c, t, &st);
        figure_project(f, st.pos.p[best], &px[i], &py[i], NULL);
    }
    /* push the path off the limb, away from the body's middle */
    float mx = (px[0] + px[N - 1]) * 0.5f - cx, my = (py[0] + py[N - 1]) * 0.5f - cy;
    float ml = sqrtf(mx * mx + my * my);
    float off = 0.09f * f->scale;
    float ux = ml > 1e-3f ? mx / ml : 0, uy = ml > 1e-3f ? my / ml : -1;
    float r = 0.012f * f->scale;
    for (int i = 0; i < N; i++) px[i] += ux * off, py[i] += uy * off;
    for (int i = 0; i + 1 < N; i++) cap(g, px[i], py[i], px[i + 1], py[i + 1], r, color);
    float dx = px[N - 1] - px[N - 2], dy = py[N - 1] - py[N - 2];
    float dl = sqrtf(dx * dx + dy * dy);
    if (dl < 1e-3f) return;
    dx /= dl, dy /= dl;
    float head = 0.06f * f->scale;
    for (int s = -1; s <= 1; s += 2) {
        float hx = px[N - 1] - head * (dx * 0.8f - s * dy * 0.6f);
        float hy = py[N - 1] - head * (dy * 0.8f + s * dx * 0.6f);
        cap(g, px[N - 1], py[N - 1], hx, hy, r, color);
    }
}

layout_box_t figure_draw(gfx_t *gfx, const figure_fit_t *f, const choreo_t *c,
                         const choreo_state_t *st, const figure_colors_t *colors,
                         layout_box_t *moving) {
    drawing_t drawing = {gfx, 1e9f, 1e9f, -1e9f, -1e9f};
    drawing_t *g = &drawing;
    if (moving) *moving = (layout_box_t){0, 0, 0, 0};
    /* the mat: a strip of floor under the figure, its edges traced for anti-aliasing */
    float corner[8];
    for (int i = 0; i < 4; i++) {
        vec3 w = {i < 2 ? f->x_min : f->x_max, 0,
                  i % 2 ? FIGURE_MAT_HALF_WIDTH : -FIGURE_MAT_HALF_WIDTH};
        figure_project(f, w, &corner[i * 2], &corner[i * 2 + 1], NULL);
    }
    for (int i = 0; i < 4; i++) grow(g, corner[i * 2], corner[i * 2 + 1], 0);
    gfx_quad(g->gfx, corner, colors->mat);
    static const int edge[4][2] = {{0, 1}, {1, 3}, {3, 2}, {2, 0}};
    for (int i = 0; i < 4; i++) {
        const float *a = &corner[edge[i][0] * 2], *b = &corner[edge[i][1] * 2];
        cap(g, a[0], a[1], b[0], b[1], 0.6f, colors->mat);
    }
    layout_box_t all = {g->x0, g->y0, g->x1 - g->x0, g->y1 - g->y0};
    if (c->count == 0) return all;
    drawing_t mat = drawing;
    g->x0 = g->y0 = 1e9f, g->x1 = g->y1 = -1e9f; /* from here: what changes from move to move */

    const content_exercise_t *ex = &c->content->exercises[c->exercise];
    int k = st->instance;
    skel_positions_t from, to;
    choreo_key_positions(c, k - 1, &from);
    choreo_key_positions(c, k, &to);
    bool in_move = st->move_t < 1.0f || !st->holding;
    if (ex->ghosts && c->inst[k].move > 0) {
        draw_skeleton(g, f, &from, colors->ghost, colors->ghost, colors, false);
        draw_skeleton(g, f, &to, colors->ghost, colors->ghost, colors, false);
    }
    if (ex->arrow && in_move && c->inst[k].move > 0) draw_arrow(g, f, c, k, &from, &to, colors->arrow);
    draw_skeleton(g, f, &st->pos, colors->near, colors->far, colors, true);
    if (moving) *moving = (layout_box_t){g->x0, g->y0, g->x1 - g->x0, g->y1 - g->y0};
    grow(g, mat.x0, mat.y0, 0);
    grow(g, mat.x1, mat.y1, 0);
    return (layout_box_t){g->x0, g->y0, g->x1 - g->x0, g->y1 - g->y0};
}
