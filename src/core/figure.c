/* figure: projection, framing and drawing of the stick figure (see figure.h), as data: a
 * drawing is a list of round-capped capsules and one quad (the mat) that the screen (figure_paint
 * in the app, through gfx) and the printed handout (handout_pdf, through cairo) both draw, so the
 * figure is worked out in one place. Pure: allocates nothing; no SDL, GL, files or clocks. */
#include "figure.h"
#include "maths.h"

#include <math.h>
#include <string.h>

/* Sizes in metres of a 1.70 m figure. A limb is drawn about 7 cm wide, much bolder than a
 * real arm: a stick figure read from across a waiting room needs the weight. */
#define LIMB_RADIUS 0.034f
#define TORSO_RADIUS 0.054f     /* the spine at the pelvis, and the hips */
#define SPINE_TOP_RADIUS 0.044f /* ... tapering to this at the neck */
#define NECK_RADIUS 0.036f
#define PALM_RADIUS 0.043f /* a hand is a blob a little wider than the forearm */
#define PALM_LENGTH 0.055f /* ... reaching this far past the wrist */
#define FOOT_RADIUS 0.031f /* the instep, ankle to toe */
#define SOLE_RADIUS 0.027f /* the sole, heel to toe */
#define NOSE_RADIUS 0.030f
#define EYE_RADIUS 0.024f
#define SPINE_SEGMENTS 6     /* capsules along the curved spine */
#define FRAME_MARGIN 0.012f  /* m around each key pose */
#define SHOT_SHARED 0.8f     /* poses share a shot that draws them at least this large */
#define MAT_HALF_WIDTH 0.45f /* m: an exercise mat is about 0.9 m wide */
#define FLOOR_SHOWN 0.25f    /* m of mat framed either side of the body's line */
#define MAT_OVERHANG 0.15f   /* m the mat reaches past head and feet */

/* In the ankle's frame (toe at 0.15, -0.05): the heel, under and a little behind the ankle. */
static const vec3 HEEL = {-0.045f, -0.045f, 0};
/* In the head's frame (nose joint at 0.10, -0.01, on the face): the nose from inside the head
 * to its tip, out past the face, and an eye above it (z toward the viewer's side). */
static const vec3 NOSE_BASE = {0.05f, -0.01f, 0};
static const vec3 NOSE_TIP = {0.135f, -0.03f, 0};
static const vec3 EYE = {0.06f, 0.035f, 0.04f};

typedef struct bone_t {
    int a, b;
    float radius;
    int side; /* -1 left arm, -2 left leg, 0 middle, 1 right arm, 2 right leg */
} bone_t;

/* The limbs (the spine is a curve of its own, the hands and feet shapes of their own). */
static const bone_t BONES[] = {
    {SKEL_NECK, SKEL_HEAD, NECK_RADIUS, 0},
    {SKEL_CHEST, SKEL_SHOULDER_L, LIMB_RADIUS, -1},
    {SKEL_SHOULDER_L, SKEL_ELBOW_L, LIMB_RADIUS, -1},
    {SKEL_ELBOW_L, SKEL_HAND_L, LIMB_RADIUS, -1},
    {SKEL_CHEST, SKEL_SHOULDER_R, LIMB_RADIUS, 1},
    {SKEL_SHOULDER_R, SKEL_ELBOW_R, LIMB_RADIUS, 1},
    {SKEL_ELBOW_R, SKEL_HAND_R, LIMB_RADIUS, 1},
    {SKEL_PELVIS, SKEL_HIP_L, TORSO_RADIUS, -2},
    {SKEL_HIP_L, SKEL_KNEE_L, LIMB_RADIUS, -2},
    {SKEL_KNEE_L, SKEL_ANKLE_L, LIMB_RADIUS, -2},
    {SKEL_ANKLE_L, SKEL_TOE_L, FOOT_RADIUS, -2},
    {SKEL_PELVIS, SKEL_HIP_R, TORSO_RADIUS, 2},
    {SKEL_HIP_R, SKEL_KNEE_R, LIMB_RADIUS, 2},
    {SKEL_KNEE_R, SKEL_ANKLE_R, LIMB_RADIUS, 2},
    {SKEL_ANKLE_R, SKEL_TOE_R, FOOT_RADIUS, 2},
};
#define BONE_COUNT ((int)(sizeof BONES / sizeof BONES[0]))

/* Everything the figure draws goes through these, which keep the bounds of what was drawn and
 * add it to the drawing (when there is one). */
typedef struct drawing_t {
    figure_drawing_t *out;
    float x0, y0, x1, y1;
} drawing_t;

static void grow(drawing_t *d, float x, float y, float r) {
    d->x0 = fminf(d->x0, x - r);
    d->y0 = fminf(d->y0, y - r);
    d->x1 = fmaxf(d->x1, x + r);
    d->y1 = fmaxf(d->y1, y + r);
}

static void cap(drawing_t *d, float ax, float ay, float bx, float by, float r, figure_tone_t tone) {
    grow(d, ax, ay, r);
    grow(d, bx, by, r);
    figure_drawing_t *o = d->out;
    if (o && o->count < FIGURE_MARKS_MAX) {
        o->marks[o->count++] = (figure_capsule_t){ax, ay, bx, by, r, tone};
    }
}

/* World to screen; `grid` rounds to quarter pixels (see figure_project). */
static void place(const figure_lens_t *f, const vec3 p, bool grid, float *x, float *y,
                  float *depth) {
    *x = f->ox + glm_vec3_dot((float *)p, (float *)f->right) * f->scale;
    *y = f->oy - glm_vec3_dot((float *)p, (float *)f->up) * f->scale;
    if (grid) {
        *x = roundf(*x * 4.0f) / 4.0f;
        *y = roundf(*y * 4.0f) / 4.0f;
    }
    if (depth) *depth = glm_vec3_dot((float *)p, (float *)f->toward);
}

void figure_project(const figure_lens_t *f, const vec3 p, float *x, float *y, float *depth) {
    /* on a quarter-pixel grid: a figure that has not moved by a visible amount is drawn
     * exactly as before, so a partial redraw can leave it be */
    place(f, p, true, x, y, depth);
}

/* A point given in a joint's frame, in the world. */
static void at_joint(const skel_positions_t *pos, int joint, const vec3 offset, vec3 out) {
    vec3 d;
    glm_quat_rotatev((float *)pos->frame[joint], (float *)offset, d);
    glm_vec3_add((float *)pos->p[joint], d, out);
}

/* One capsule of the body before it is put in drawing order. */
typedef struct piece_t {
    float ax, ay, bx, by, radius, depth;
    int side;
} piece_t;

#define PIECES_MAX 40

static void piece(piece_t *pc, int *n, const figure_lens_t *f, bool grid, const vec3 a,
                  const vec3 b, float radius, int side) {
    if (*n >= PIECES_MAX) return;
    piece_t *p = &pc[(*n)++];
    float da, db;
    place(f, a, grid, &p->ax, &p->ay, &da);
    place(f, b, grid, &p->bx, &p->by, &db);
    p->depth = (da + db) * 0.5f;
    p->radius = radius * f->scale;
    p->side = side;
}

/* Which side's arms and which side's legs are away from the camera (-1 left, 1 right): they
 * get the lighter tone and are drawn behind. Arms and legs are weighed apart, each over the
 * whole limb: seen from above, the leg lying under the other is the far one while the arms lie
 * flat, and a twist that rolls the legs over does not swap the arms' tones. Limbs level with
 * each other (within 2 cm a joint) go by the side the camera looks from. */
typedef struct backs_t {
    int arm, leg;
} backs_t;

static int far_of(const figure_lens_t *f, const skel_positions_t *pos, const int joints[3]) {
    float d = 0;
    for (int i = 0; i < 3; i++) {
        d += glm_vec3_dot((float *)pos->p[joints[i]], (float *)f->toward) -
             glm_vec3_dot((float *)pos->p[skel_mirror(joints[i])], (float *)f->toward);
    }
    if (fabsf(d) < 0.06f) return f->toward[2] < 0 ? 1 : -1;
    return d < 0 ? -1 : 1; /* d: how much nearer the left is */
}

static backs_t far_side(const figure_lens_t *f, const skel_positions_t *pos) {
    static const int ARM[3] = {SKEL_SHOULDER_L, SKEL_ELBOW_L, SKEL_HAND_L};
    static const int LEG[3] = {SKEL_HIP_L, SKEL_KNEE_L, SKEL_ANKLE_L};
    return (backs_t){far_of(f, pos, ARM), far_of(f, pos, LEG)};
}

/* Whether a piece of `side` (see bone_t) is drawn behind, in the far tone. */
static bool behind(int side, backs_t back) {
    if (side == 1 || side == -1) return side == back.arm;
    if (side == 2 || side == -2) return side / 2 == back.leg;
    return false;
}

/* The spine as a quadratic curve through pelvis, chest and neck (the chest at its share of the
 * length), in short capsules tapering to the neck: an arched or rounded back reads as one. */
static void spine(piece_t *pc, int *n, const figure_lens_t *f, bool grid,
                  const skel_positions_t *pos, int segments) {
    float x[3], y[3], d[3];
    static const int J[3] = {SKEL_PELVIS, SKEL_CHEST, SKEL_NECK};
    for (int i = 0; i < 3; i++) place(f, pos->p[J[i]], grid, &x[i], &y[i], &d[i]);
    float l0 = glm_vec3_distance((float *)pos->p[SKEL_PELVIS], (float *)pos->p[SKEL_CHEST]);
    float l1 = glm_vec3_distance((float *)pos->p[SKEL_CHEST], (float *)pos->p[SKEL_NECK]);
    float tc = l0 + l1 > 1e-4f ? glm_clamp(l0 / (l0 + l1), 0.2f, 0.8f) : 0.5f;
    float k = 2 * tc * (1 - tc), w0 = (1 - tc) * (1 - tc), w2 = tc * tc;
    float cx = (x[1] - w0 * x[0] - w2 * x[2]) / k, cy = (y[1] - w0 * y[0] - w2 * y[2]) / k;
    float px = x[0], py = y[0];
    for (int i = 1; i <= segments && *n < PIECES_MAX; i++) {
        float t = (float)i / segments, m = (i - 0.5f) / segments;
        float qx = (1 - t) * (1 - t) * x[0] + 2 * t * (1 - t) * cx + t * t * x[2];
        float qy = (1 - t) * (1 - t) * y[0] + 2 * t * (1 - t) * cy + t * t * y[2];
        piece_t *p = &pc[(*n)++];
        *p = (piece_t){px,
                       py,
                       qx,
                       qy,
                       (TORSO_RADIUS + (SPINE_TOP_RADIUS - TORSO_RADIUS) * m) * f->scale,
                       m < tc ? d[0] + (d[1] - d[0]) * m / tc
                              : d[1] + (d[2] - d[1]) * (m - tc) / (1 - tc),
                       0};
        px = qx, py = qy;
    }
}

/* The body in drawing order: the arm and the leg drawn behind (`back`, see backs_t) first, then
 * the rest from far to near, the head (with its nose, and with `face` its eye) where its depth
 * puts it. `grid` as for place(). */
static int build(const figure_lens_t *f, const skel_positions_t *pos, backs_t back, bool face,
                 bool grid, figure_capsule_t *out) {
    piece_t pc[PIECES_MAX];
    int n = 0;
    /* a ghost (no face) is faint and drawn behind: a coarser spine and no palms or soles,
     * half the capsules for the rasteriser to fill in every frame of a move */
    spine(pc, &n, f, grid, pos, face ? SPINE_SEGMENTS : 2);
    for (int i = 0; i < BONE_COUNT; i++) {
        piece(pc, &n, f, grid, pos->p[BONES[i].a], pos->p[BONES[i].b], BONES[i].radius,
              BONES[i].side);
    }
    if (face) { /* the palms and the soles */
        static const int HANDS[2][3] = {{SKEL_ELBOW_L, SKEL_HAND_L, -1},
                                        {SKEL_ELBOW_R, SKEL_HAND_R, 1}};
        for (int i = 0; i < 2; i++) { /* the palm: on along the forearm, past the wrist */
            vec3 dir, tip;
            glm_vec3_sub((float *)pos->p[HANDS[i][1]], (float *)pos->p[HANDS[i][0]], dir);
            glm_vec3_normalize(dir);
            glm_vec3_scale(dir, PALM_LENGTH, dir);
            glm_vec3_add((float *)pos->p[HANDS[i][1]], dir, tip);
            piece(pc, &n, f, grid, pos->p[HANDS[i][1]], tip, PALM_RADIUS, HANDS[i][2]);
        }
        static const int FEET[2][3] = {{SKEL_ANKLE_L, SKEL_TOE_L, -2},
                                       {SKEL_ANKLE_R, SKEL_TOE_R, 2}};
        for (int i = 0; i < 2; i++) { /* the sole: heel to toe, under the instep */
            vec3 heel;
            at_joint(pos, FEET[i][0], HEEL, heel);
            piece(pc, &n, f, grid, heel, pos->p[FEET[i][1]], SOLE_RADIUS, FEET[i][2]);
        }
    }
    /* the side drawn behind first, then far to near (insertion sort: about 30 pieces) */
    for (int i = 1; i < n; i++) {
        piece_t b = pc[i];
        int j = i - 1;
        while (j >= 0) {
            bool b_back = behind(b.side, back), j_back = behind(pc[j].side, back);
            bool before = (b_back && !j_back) || (b_back == j_back && b.depth < pc[j].depth);
            if (!before) break;
            pc[j + 1] = pc[j];
            j--;
        }
        pc[j + 1] = b;
    }
    /* the head: a disc, the nose standing out of it toward where the face points (behind the
     * disc when the face is turned away), and an eye on the side toward the viewer */
    float hx, hy, hd, nbx, nby, ntx, nty, nd;
    vec3 nose_base, nose_tip;
    at_joint(pos, SKEL_HEAD, NOSE_BASE, nose_base);
    at_joint(pos, SKEL_HEAD, NOSE_TIP, nose_tip);
    if (nose_tip[1] < NOSE_RADIUS && nose_base[1] > nose_tip[1]) {
        /* a face turned to the floor (the forehead on it): the nose stops at the floor */
        float t = glm_clamp((nose_base[1] - NOSE_RADIUS) / (nose_base[1] - nose_tip[1]), 0, 1);
        glm_vec3_lerp(nose_base, nose_tip, t, nose_tip);
    }
    place(f, pos->p[SKEL_HEAD], grid, &hx, &hy, &hd);
    place(f, nose_base, grid, &nbx, &nby, NULL);
    place(f, nose_tip, grid, &ntx, &nty, &nd);
    bool nose_behind = nd < hd - 0.02f;
    int m = 0;
    bool head_done = false;
    for (int i = 0; i <= n; i++) {
        if (!head_done && (i == n || (!behind(pc[i].side, back) && pc[i].depth > hd))) {
            float hr = SKEL_HEAD_RADIUS * f->scale, nr = NOSE_RADIUS * f->scale;
            if (nose_behind)
                out[m++] = (figure_capsule_t){nbx, nby, ntx, nty, nr, FIGURE_TONE_NEAR};
            out[m++] = (figure_capsule_t){hx, hy, hx, hy, hr, FIGURE_TONE_NEAR};
            if (!nose_behind)
                out[m++] = (figure_capsule_t){nbx, nby, ntx, nty, nr, FIGURE_TONE_NEAR};
            if (face && !nose_behind) {
                vec3 side = {0, 0, 1}, eye = {EYE[0], EYE[1], EYE[2]};
                glm_quat_rotatev((float *)pos->frame[SKEL_HEAD], side, side);
                /* toward the viewer's side of the face, sliding across as the head turns
                 * (not jumping from one cheek to the other) */
                eye[2] *= glm_clamp(glm_vec3_dot(side, (float *)f->toward) * 3.0f, -1.0f, 1.0f);
                at_joint(pos, SKEL_HEAD, eye, eye);
                float ex, ey;
                place(f, eye, grid, &ex, &ey, NULL);
                out[m++] =
                    (figure_capsule_t){ex, ey, ex, ey, EYE_RADIUS * f->scale, FIGURE_TONE_FACE};
            }
            head_done = true;
        }
        if (i == n) break;
        const piece_t *p = &pc[i];
        out[m++] = (figure_capsule_t){
            p->ax, p->ay,     p->bx,
            p->by, p->radius, behind(p->side, back) ? FIGURE_TONE_FAR : FIGURE_TONE_NEAR};
    }
    return m;
}

/* The sides a state draws behind: the resting side of a phase worked on one side (with
 * cues.working_side), otherwise those away from the camera. */
static backs_t back_side(const figure_lens_t *f, const choreo_t *c, const choreo_state_t *st) {
    const content_exercise_t *ex = &c->content->exercises[c->exercise];
    if (ex->working_side && c->count > 0) {
        content_side_t s = c->inst[st->instance].side;
        if (s == CONTENT_SIDE_RIGHT) return (backs_t){-1, -1};
        if (s == CONTENT_SIDE_LEFT) return (backs_t){1, 1};
    }
    return far_side(f, &st->pos);
}

int figure_body(const figure_fit_t *f, const choreo_t *c, const choreo_state_t *st,
                figure_capsule_t out[FIGURE_CAPSULES_MAX]) {
    figure_lens_t lens;
    figure_lens(f, c, st, &lens);
    return build(&lens, &st->pos, back_side(&lens, c, st), true, true, out);
}

layout_box_t figure_capsules_bounds(const figure_capsule_t *caps, int count) {
    drawing_t d = {NULL, 1e9f, 1e9f, -1e9f, -1e9f};
    for (int i = 0; i < count; i++) {
        grow(&d, caps[i].ax, caps[i].ay, caps[i].radius);
        grow(&d, caps[i].bx, caps[i].by, caps[i].radius);
    }
    if (count == 0) return (layout_box_t){0, 0, 0, 0};
    return (layout_box_t){d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0};
}

float figure_limb_width(const figure_lens_t *lens) { return 2.0f * LIMB_RADIUS * lens->scale; }

/* A key pose as drawn, on the camera's plane (metres, y down): x from, to, y from, to. */
static void measure(const figure_lens_t *unit, const skel_positions_t *pos, float e[4]) {
    figure_capsule_t caps[FIGURE_CAPSULES_MAX];
    layout_box_t b =
        figure_capsules_bounds(caps, build(unit, pos, (backs_t){1, 1}, true, false, caps));
    float m[4] = {b.x, b.x + b.w, b.y, b.y + b.h};
    /* and the strip of floor it lies on (FLOOR_SHOWN either side of its middle line along the
     * mat): a figure framed without the floor under it seems to float */
    float x0 = 1e9f, x1 = -1e9f;
    for (int j = 0; j < SKEL_JOINT_NUM; j++)
        x0 = fminf(x0, pos->p[j][0]), x1 = fmaxf(x1, pos->p[j][0]);
    for (int i = 0; i < 4; i++) {
        vec3 w = {i < 2 ? x0 : x1, 0, i % 2 ? FLOOR_SHOWN : -FLOOR_SHOWN};
        float x, y;
        place(unit, w, false, &x, &y, NULL);
        m[3] = fmaxf(m[3], y);
    }
    for (int i = 0; i < 4; i += 2) e[i] = fminf(e[i], m[i]), e[i + 1] = fmaxf(e[i + 1], m[i + 1]);
}

/* A key pose's skyline: the top of its drawing in each column (see figure_fit_t.sky). Each
 * capsule is walked in short steps, a disc at each, so a slanting limb marks only the columns
 * it crosses at the height it crosses them. */
static void skyline(const figure_fit_t *f, const figure_lens_t *unit, const skel_positions_t *pos,
                    float sky[FIGURE_SKY_COLUMNS]) {
    figure_capsule_t caps[FIGURE_CAPSULES_MAX];
    int n = build(unit, pos, (backs_t){1, 1}, true, false, caps);
    float w = (f->sky_x1 - f->sky_x0) / FIGURE_SKY_COLUMNS;
    for (int i = 0; i < n; i++) {
        const figure_capsule_t *c = &caps[i];
        for (int k = 0; k <= 8; k++) {
            float x = c->ax + (c->bx - c->ax) * k / 8.0f, y = c->ay + (c->by - c->ay) * k / 8.0f;
            int c0 = (int)floorf((x - c->radius - f->sky_x0) / w);
            int c1 = (int)floorf((x + c->radius - f->sky_x0) / w);
            for (int col = c0 < 0 ? 0 : c0; col <= c1 && col < FIGURE_SKY_COLUMNS; col++) {
                sky[col] = fminf(sky[col], y - c->radius);
            }
        }
    }
}

/* Whether a shot of an extent (its box placed at r, `scale` pixels a metre, the box's top
 * left at camera-plane lo_x, lo_y) meets none of the fit's avoid boxes. With a skyline, only
 * where the drawing reaches up counts; without, the extent's whole box. */
static bool clear_of(const figure_fit_t *f, layout_box_t r, float scale, float lo_x, float lo_y,
                     const float *sky) {
    float w = (f->sky_x1 - f->sky_x0) / FIGURE_SKY_COLUMNS;
    for (int i = 0; i < f->avoid_count; i++) {
        const layout_box_t *a = &f->avoid[i];
        if (!layout_box_overlap(r, *a)) continue;
        if (!sky) return false;
        for (int col = 0; col < FIGURE_SKY_COLUMNS; col++) {
            if (sky[col] > 1e8f) continue;
            float x0 = r.x + (f->sky_x0 + col * w - lo_x - FRAME_MARGIN) * scale;
            float top = r.y + (sky[col] - lo_y - FRAME_MARGIN) * scale;
            layout_box_t column = {x0, top, (w + 2 * FRAME_MARGIN) * scale, r.y + r.h - top};
            if (layout_box_overlap(column, *a)) return false;
        }
    }
    return true;
}

/* The shot of an extent: as large as the stage allows, standing on its floor (bottom-aligned),
 * centred if it can be, else against a side, wherever it stays clear of the counter and its
 * lines. The extent's box only grows with the scale, so the largest clear scale is found by
 * halving. */
static figure_shot_t shoot(const figure_fit_t *f, const float e[4], const float *sky) {
    float lo_x = e[0] - FRAME_MARGIN, hi_x = e[1] + FRAME_MARGIN;
    float lo_y = e[2] - FRAME_MARGIN, hi_y = e[3] + FRAME_MARGIN;
    float fw = fmaxf(hi_x - lo_x, 0.1f), fh = fmaxf(hi_y - lo_y, 0.1f);
    const layout_box_t *box = &f->box;
    float most = fminf(box->w / fw, box->h / fh);
    static const float ALIGN[3] = {0.5f, 0.0f, 1.0f}; /* centre first: it wins a tie */
    float best = 0.0f, best_align = 0.5f;
    for (int a = 0; a < 3; a++) {
        float lo = 0.0f, hi = most;
        for (int i = 0; i < 30 && hi - lo > 1e-3f * most; i++) {
            float s = i == 0 ? most : (lo + hi) * 0.5f;
            layout_box_t r = {box->x + (box->w - fw * s) * ALIGN[a], box->y + box->h - fh * s,
                              fw * s, fh * s};
            if (clear_of(f, r, s, lo_x, lo_y, sky)) lo = s;
            else hi = s;
            if (lo == most) break;
        }
        if (lo > best * 1.001f) best = lo, best_align = ALIGN[a];
    }
    if (best < most * 0.2f) best = most * 0.2f, best_align = 0.5f; /* nowhere clear: small */
    float x = box->x + (box->w - fw * best) * best_align, y = box->y + box->h - fh * best;
    return (figure_shot_t){best, x - lo_x * best, y - lo_y * best};
}

void figure_fit(figure_fit_t *f, const choreo_t *c, layout_box_t box, const layout_box_t *avoid,
                int avoid_count) {
    const content_camera_t *cam = &c->content->exercises[c->exercise].camera;
    float yaw = glm_rad(cam->yaw), pitch = glm_rad(cam->pitch);
    memset(f, 0, sizeof *f);
    f->exercise = c->exercise;
    f->choreo = c;
    f->mid_of = f->arrow_of = -1;
    f->box = box;
    f->avoid_count = avoid_count < FIGURE_AVOID_MAX ? avoid_count : FIGURE_AVOID_MAX;
    for (int i = 0; i < f->avoid_count; i++) f->avoid[i] = avoid[i];
    figure_lens_t *l = &f->lens;
    glm_vec3_copy((vec3){cosf(yaw), 0, -sinf(yaw)}, l->right);
    glm_vec3_copy((vec3){-sinf(yaw) * sinf(pitch), cosf(pitch), -cosf(yaw) * sinf(pitch)}, l->up);
    glm_vec3_copy((vec3){sinf(yaw) * cosf(pitch), sinf(pitch), cosf(yaw) * cosf(pitch)}, l->toward);
    /* each key pose as drawn (at the top of a breath, for a breathing hold), measured at a
     * metre a unit; not the mat and not the arrows: those give way */
    l->scale = 1.0f;
    float all[4] = {1e9f, -1e9f, 1e9f, -1e9f}, wx0 = 1e9f, wx1 = -1e9f;
    f->count = c->count < CHOREO_MAX_INSTANCES ? c->count : CHOREO_MAX_INSTANCES;
    for (int k = 0; k < f->count; k++) {
        const choreo_instance_t *in = &c->inst[k];
        float *e = f->extent[k];
        e[0] = e[2] = 1e9f, e[1] = e[3] = -1e9f;
        skel_positions_t pos;
        choreo_key_positions(c, k, &pos);
        measure(l, &pos, e);
        if (in->hold > c->breath_in) {
            choreo_state_t st;
            choreo_sample(c, in->start + in->move + in->ready + c->breath_in, &st);
            measure(l, &st.pos, e);
        }
        for (int j = 0; j < SKEL_JOINT_NUM; j++) {
            wx0 = fminf(wx0, pos.p[j][0]);
            wx1 = fmaxf(wx1, pos.p[j][0]);
        }
        measure(l, &pos, all);
    }
    if (f->count == 0) {
        skel_pose_t rest;
        skel_positions_t pos;
        skel_pose_rest(&rest);
        skel_fk(&rest, &pos);
        measure(l, &pos, all);
        wx0 = -0.3f, wx1 = 0.3f;
    }
    /* each key pose's skyline, on columns across the whole routine's width */
    f->sky_x0 = all[0] - FRAME_MARGIN;
    f->sky_x1 = fmaxf(all[1] + FRAME_MARGIN, f->sky_x0 + 0.1f);
    float whole_sky[FIGURE_SKY_COLUMNS];
    for (int col = 0; col < FIGURE_SKY_COLUMNS; col++) whole_sky[col] = 1e9f;
    for (int k = 0; k < f->count; k++) {
        const choreo_instance_t *in = &c->inst[k];
        for (int col = 0; col < FIGURE_SKY_COLUMNS; col++) f->sky[k][col] = 1e9f;
        skel_positions_t pos;
        choreo_key_positions(c, k, &pos);
        skyline(f, l, &pos, f->sky[k]);
        if (in->hold > c->breath_in) {
            choreo_state_t st;
            choreo_sample(c, in->start + in->move + in->ready + c->breath_in, &st);
            skyline(f, l, &st.pos, f->sky[k]);
        }
        for (int col = 0; col < FIGURE_SKY_COLUMNS; col++) {
            whole_sky[col] = fminf(whole_sky[col], f->sky[k][col]);
        }
    }
    /* Poses in a row that one shot holds nearly as large as their own share it (and the
     * camera stands still through their moves: a moving camera redraws the whole stage) */
    for (int k0 = 0; k0 < f->count;) {
        float run[4], run_sky[FIGURE_SKY_COLUMNS];
        memcpy(run, f->extent[k0], sizeof run);
        memcpy(run_sky, f->sky[k0], sizeof run_sky);
        float largest = shoot(f, run, run_sky).scale; /* the largest any alone would have */
        int k1 = k0 + 1;
        for (; k1 < f->count; k1++) {
            const float *e = f->extent[k1];
            float more[4] = {fminf(run[0], e[0]), fmaxf(run[1], e[1]), fminf(run[2], e[2]),
                             fmaxf(run[3], e[3])};
            float more_sky[FIGURE_SKY_COLUMNS];
            for (int col = 0; col < FIGURE_SKY_COLUMNS; col++) {
                more_sky[col] = fminf(run_sky[col], f->sky[k1][col]);
            }
            float own = fmaxf(largest, shoot(f, e, f->sky[k1]).scale);
            if (shoot(f, more, more_sky).scale < own * SHOT_SHARED) break;
            memcpy(run, more, sizeof run);
            memcpy(run_sky, more_sky, sizeof run_sky);
            largest = own;
        }
        figure_shot_t shared = shoot(f, run, run_sky);
        for (int k = k0; k < k1; k++) {
            f->shot[k] = shared;
            memcpy(f->extent[k], run, sizeof run);
            memcpy(f->sky[k], run_sky, sizeof run_sky);
        }
        k0 = k1;
    }
    figure_shot_t whole = shoot(f, all, f->count > 0 ? whole_sky : NULL);
    l->scale = whole.scale, l->ox = whole.ox, l->oy = whole.oy;
    f->mat_x0 = wx0 - MAT_OVERHANG;
    f->mat_x1 = wx1 + MAT_OVERHANG;
}

static figure_shot_t mix_shots(figure_shot_t a, figure_shot_t b, float w) {
    return (figure_shot_t){a.scale + (b.scale - a.scale) * w, a.ox + (b.ox - a.ox) * w,
                           a.oy + (b.oy - a.oy) * w};
}

void figure_lens(const figure_fit_t *f, const choreo_t *c, const choreo_state_t *st,
                 figure_lens_t *out) {
    *out = f->lens;
    if (f->count == 0 || f->count != c->count) return;
    int k = st->instance < f->count ? st->instance : f->count - 1;
    figure_shot_t s = f->shot[k];
    if (st->moving && c->inst[k].move > 0) {
        /* out to a shot holding both poses by the middle of the move, in to the new one by its
         * end (nothing moves when the two shots are one) */
        int p = (k + f->count - 1) % f->count;
        const float *a = f->extent[p], *b = f->extent[k];
        float both[4] = {fminf(a[0], b[0]), fmaxf(a[1], b[1]), fminf(a[2], b[2]),
                         fmaxf(a[3], b[3])};
        figure_shot_t from = f->shot[p], to = f->shot[k];
        bool same = memcmp(&from, &to, sizeof from) == 0 && memcmp(a, b, 4 * sizeof *a) == 0;
        if (!same) {
            figure_fit_t *memo = (figure_fit_t *)f; /* see figure_fit_t.mid_of */
            if (memo->mid_of != k) {
                float sky[FIGURE_SKY_COLUMNS];
                for (int col = 0; col < FIGURE_SKY_COLUMNS; col++) {
                    sky[col] = fminf(f->sky[p][col], f->sky[k][col]);
                }
                memo->mid_shot = shoot(f, both, sky);
                memo->mid_of = k;
            }
            figure_shot_t mid = f->mid_shot;
            float u = st->move_t;
            s = u < 0.5f ? mix_shots(from, mid, maths_smoothstep(u * 2))
                         : mix_shots(mid, to, maths_smoothstep(u * 2 - 1));
        }
    }
    out->scale = s.scale, out->ox = s.ox, out->oy = s.oy;
}

int figure_avoid(const layout_t *L, layout_box_t out[FIGURE_AVOID_MAX]) {
    float gap = 12.0f * L->unit;
    const layout_box_t *b[2] = {&L->exercise.counter, &L->exercise.status};
    for (int i = 0; i < 2; i++) {
        out[i] = (layout_box_t){b[i]->x - gap, b[i]->y - gap, b[i]->w + 2 * gap, b[i]->h + 2 * gap};
    }
    return 2;
}

/* Whether an arrow's point (with its reach) stays on the stage and off the counter. */
static bool arrow_fits(const figure_fit_t *f, float x, float y, float reach) {
    const layout_box_t *b = &f->box;
    if (x - reach < b->x || y - reach < b->y || x + reach > b->x + b->w ||
        y + reach > b->y + b->h) {
        return false;
    }
    return clear_of(f, (layout_box_t){x - reach, y - reach, 2 * reach, 2 * reach}, 1, 0, 0, NULL);
}

/* The joint an arrow follows from one key pose to the next: the part the page names (`named`,
 * or -1), unless it hardly moves (the arrow would be a dot), else the joint that moves most;
 * -1 for no arrow. */
static int arrow_joint(int named, const skel_positions_t *from, const skel_positions_t *to) {
    if (named >= 0) {
        return glm_vec3_distance((float *)from->p[named], (float *)to->p[named]) < 0.03f ? -1
                                                                                         : named;
    }
    static const int CANDIDATES[] = {SKEL_KNEE_L, SKEL_KNEE_R, SKEL_HAND_L,  SKEL_HAND_R, SKEL_HEAD,
                                     SKEL_CHEST,  SKEL_PELVIS, SKEL_ANKLE_L, SKEL_ANKLE_R};
    float best_d = 0.08f; /* under 8 cm there is nothing worth an arrow */
    int joint = -1;
    for (size_t i = 0; i < sizeof CANDIDATES / sizeof CANDIDATES[0]; i++) {
        int j = CANDIDATES[i];
        float d = glm_vec3_distance((float *)from->p[j], (float *)to->p[j]);
        if (d > best_d) best_d = d, joint = j;
    }
    return joint;
}

/* The world path of a joint through `span` seconds of the routine from `t0`: from 12% to 88%
 * of the way, so the arrow stands clear of both poses. */
static void arrow_path(const choreo_t *c, int joint, double t0, double span,
                       vec3 out[FIGURE_ARROW_POINTS]) {
    for (int i = 0; i < FIGURE_ARROW_POINTS; i++) {
        choreo_state_t st;
        choreo_sample(c, t0 + span * (0.12 + 0.76 * i / (double)(FIGURE_ARROW_POINTS - 1)), &st);
        glm_vec3_copy(st.pos.p[joint], out[i]);
    }
}

/* The arrow along a world path, offset from the limb away from the body's middle (`centre`),
 * with a head. */
static void draw_arrow(drawing_t *g, const figure_fit_t *fit, const figure_lens_t *f,
                       const vec3 path[FIGURE_ARROW_POINTS], const vec3 centre) {
    enum { N = FIGURE_ARROW_POINTS };
    float px[N], py[N];
    float cx, cy;
    figure_project(f, centre, &cx, &cy, NULL);
    for (int i = 0; i < N; i++) figure_project(f, path[i], &px[i], &py[i], NULL);
    /* push the path off the limb, away from the body's middle; toward it, or onto the limb,
     * when that would leave the stage or cross the counter */
    float mx = (px[0] + px[N - 1]) * 0.5f - cx, my = (py[0] + py[N - 1]) * 0.5f - cy;
    float ml = sqrtf(mx * mx + my * my);
    float ux = ml > 1e-3f ? mx / ml : 0, uy = ml > 1e-3f ? my / ml : -1;
    float r = 0.016f * f->scale, head = 0.07f * f->scale;
    static const float OFFSETS[3] = {0.10f, -0.10f, 0.0f};
    float off = 0.0f;
    for (int o = 0; o < 3; o++) {
        off = OFFSETS[o] * f->scale;
        bool fits = true;
        for (int i = 0; i < N && fits; i++) {
            fits = arrow_fits(fit, px[i] + ux * off, py[i] + uy * off, i == N - 1 ? head + r : r);
        }
        if (fits) break;
    }
    for (int i = 0; i < N; i++) px[i] += ux * off, py[i] += uy * off;
    for (int i = 0; i + 1 < N; i++)
        cap(g, px[i], py[i], px[i + 1], py[i + 1], r, FIGURE_TONE_ARROW);
    float dx = px[N - 1] - px[N - 2], dy = py[N - 1] - py[N - 2];
    float dl = sqrtf(dx * dx + dy * dy);
    if (dl < 1e-3f) return;
    dx /= dl, dy /= dl;
    for (int s = -1; s <= 1; s += 2) {
        float hx = px[N - 1] - head * (dx * 0.8f - (float)s * dy * 0.6f);
        float hy = py[N - 1] - head * (dy * 0.8f + (float)s * dx * 0.6f);
        cap(g, px[N - 1], py[N - 1], hx, hy, r, FIGURE_TONE_ARROW);
    }
}

/* Capsules into the drawing, each in its own tone or all in `tone` (>= 0). */
static void draw_capsules(drawing_t *g, const figure_capsule_t *caps, int n, int tone) {
    for (int i = 0; i < n; i++) {
        const figure_capsule_t *p = &caps[i];
        cap(g, p->ax, p->ay, p->bx, p->by, p->radius, tone >= 0 ? (figure_tone_t)tone : p->tone);
    }
}

/* Narrows [*x0, *x1] to where lo <= a * x + b <= hi. */
static void keep_within(float a, float b, float lo, float hi, float *x0, float *x1) {
    if (fabsf(a) < 1e-6f) {
        if (b < lo || b > hi) *x1 = *x0 - 1.0f;
        return;
    }
    float u = (lo - b) / a, v = (hi - b) / a;
    *x0 = fmaxf(*x0, fminf(u, v));
    *x1 = fminf(*x1, fmaxf(u, v));
}

/* The mat's corners: under the figure from head to feet and a little past, as wide as a mat,
 * but shorter or narrower where the stage ends (it is floor, not the figure). False when there
 * is no room for it. */
static bool mat_corners(const figure_fit_t *fit, const figure_lens_t *f, float corner[8]) {
    const layout_box_t *b = &fit->box;
    float s = f->scale;
    for (float half = MAT_HALF_WIDTH; half > 0.1f; half *= 0.8f) {
        float x0 = fit->mat_x0, x1 = fit->mat_x1;
        for (int side = -1; side <= 1; side += 2) {
            float z = half * (float)side;
            keep_within(f->right[0] * s, f->ox + z * f->right[2] * s, b->x, b->x + b->w, &x0, &x1);
            keep_within(-f->up[0] * s, f->oy - z * f->up[2] * s, b->y, b->y + b->h, &x0, &x1);
        }
        if (x1 - x0 > 0.5f * (fit->mat_x1 - fit->mat_x0)) {
            for (int i = 0; i < 4; i++) {
                vec3 w = {i < 2 ? x0 : x1, 0, i % 2 ? half : -half};
                figure_project(f, w, &corner[i * 2], &corner[i * 2 + 1], NULL);
            }
            return true;
        }
    }
    return false;
}

/* The cues of a drawing: the start and end poses drawn faint (either may be left out) and the
 * arrow's path (when `arrow`). */
typedef struct cues_t {
    const skel_positions_t *from, *to;
    bool arrow;
    vec3 path[FIGURE_ARROW_POINTS];
    vec3 centre; /* the arrow is pushed away from this */
} cues_t;

/* The drawing of a state through a lens, with its cues (or none). */
static void drawing_make(const figure_fit_t *fit, const choreo_t *c, const choreo_state_t *st,
                         const figure_lens_t *f, backs_t back, const cues_t *cues,
                         figure_drawing_t *out) {
    out->count = 0;
    out->under = -1;
    out->has_mat = false;
    drawing_t drawing = {out, 1e9f, 1e9f, -1e9f, -1e9f};
    drawing_t *g = &drawing;
    out->moving = (layout_box_t){0, 0, 0, 0};
    /* the mat: a strip of floor under the figure, its edges traced for anti-aliasing */
    if (mat_corners(fit, f, out->mat)) {
        out->has_mat = true;
        for (int i = 0; i < 4; i++) grow(g, out->mat[i * 2], out->mat[i * 2 + 1], 0);
        static const int edge[4][2] = {{0, 1}, {1, 3}, {3, 2}, {2, 0}};
        for (int i = 0; i < 4; i++) {
            const float *a = &out->mat[edge[i][0] * 2], *b = &out->mat[edge[i][1] * 2];
            cap(g, a[0], a[1], b[0], b[1], 0.6f, FIGURE_TONE_MAT);
        }
    }
    layout_box_t all = {g->x0, g->y0, g->x1 - g->x0, g->y1 - g->y0};
    if (c->count == 0) {
        out->all = g->x1 > g->x0 ? all : (layout_box_t){0, 0, 0, 0};
        return;
    }
    drawing_t mat = drawing;
    g->x0 = g->y0 = 1e9f, g->x1 = g->y1 = -1e9f; /* from here: what changes from move to move */
    figure_capsule_t caps[FIGURE_CAPSULES_MAX];
    if (cues) {
        if (cues->from) {
            draw_capsules(g, caps, build(f, cues->from, (backs_t){1, 1}, false, true, caps),
                          FIGURE_TONE_GHOST);
        }
        if (cues->to) {
            draw_capsules(g, caps, build(f, cues->to, (backs_t){1, 1}, false, true, caps),
                          FIGURE_TONE_GHOST);
        }
        if (cues->arrow) draw_arrow(g, fit, f, cues->path, cues->centre);
    }
    out->under = out->count; /* what is under the body ends here (gfx_layer_t) */
    draw_capsules(g, caps, build(f, &st->pos, back, true, true, caps), -1);
    out->moving = (layout_box_t){g->x0, g->y0, g->x1 - g->x0, g->y1 - g->y0};
    if (mat.x1 > mat.x0) {
        grow(g, mat.x0, mat.y0, 0);
        grow(g, mat.x1, mat.y1, 0);
    }
    out->all = (layout_box_t){g->x0, g->y0, g->x1 - g->x0, g->y1 - g->y0};
}

void figure_drawing(const figure_fit_t *fit, const choreo_t *c, const choreo_state_t *st,
                    figure_drawing_t *out) {
    figure_lens_t lens;
    figure_lens(fit, c, st, &lens);
    const figure_lens_t *f = &lens;
    cues_t cues_at, *cues = NULL;
    skel_positions_t from, to;
    /* the handout's cues only while the figure moves: where it starts and ends, and which way
     * the part the page names goes */
    int k = st->instance;
    const content_exercise_t *ex = c->count > 0 ? &c->content->exercises[c->exercise] : NULL;
    if (ex && st->moving && c->inst[k].move > 0 && (ex->ghosts || ex->arrow)) {
        choreo_key_positions(c, k - 1, &from);
        choreo_key_positions(c, k, &to);
        cues = &cues_at;
        cues->from = ex->ghosts ? &from : NULL;
        cues->to = ex->ghosts ? &to : NULL;
        cues->arrow = false;
        int joint = ex->arrow ? arrow_joint(choreo_arrow_joint(c, k), &from, &to) : -1;
        if (joint >= 0) {
            figure_fit_t *memo = (figure_fit_t *)fit; /* see figure_fit_t.arrow_of */
            if (memo->arrow_of != k) {
                arrow_path(c, joint, c->inst[k].start, c->inst[k].move, memo->arrow_path);
                memo->arrow_of = k;
            }
            memcpy(cues->path, fit->arrow_path, sizeof cues->path);
            glm_vec3_copy(to.p[SKEL_PELVIS], cues->centre);
            cues->arrow = true;
        }
    }
    drawing_make(fit, c, st, f, c->count > 0 ? back_side(f, c, st) : (backs_t){1, 1}, cues, out);
}

/* When instance k's key pose is reached (its move done). */
static double key_time(const choreo_t *c, int k) { return c->inst[k].start + c->inst[k].move; }

void figure_drawing_still(const figure_fit_t *fit, const choreo_t *c, double t, int from,
                          figure_drawing_t *out) {
    choreo_state_t st;
    choreo_sample(c, t, &st);
    if (c->count == 0) {
        figure_drawing(fit, c, &st, out);
        return;
    }
    figure_lens_t lens = fit->lens; /* the whole routine's framing: every still the same size */
    int instance = st.instance;
    cues_t cues_at, *cues = NULL;
    skel_positions_t start;
    const content_exercise_t *ex = &c->content->exercises[c->exercise];
    if (from >= 0 && from < instance) {
        choreo_key_positions(c, from, &start);
        cues = &cues_at;
        cues->from = &start;
        cues->to = NULL; /* it is the figure itself */
        /* the arrow: the part the page names for the first move on the way that names one */
        int named = -1;
        for (int k = from + 1; k <= instance && named < 0; k++) named = choreo_arrow_joint(c, k);
        int joint = ex->arrow ? arrow_joint(named, &start, &st.pos) : -1;
        cues->arrow = joint >= 0;
        if (cues->arrow) {
            arrow_path(c, joint, key_time(c, from), key_time(c, instance) - key_time(c, from),
                       cues->path);
            glm_vec3_copy(st.pos.p[SKEL_PELVIS], cues->centre);
        }
    }
    drawing_make(fit, c, &st, &lens, back_side(&lens, c, &st), cues, out);
}
