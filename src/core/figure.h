/* figure: the stick figure's drawing from a choreography state, as data — projected through
 * the exercise's camera, framed on its key poses in its stage (bottom-aligned, clear of the
 * counter and its lines), limbs as round-capped capsules (the far or resting side in a lighter
 * tone, drawn behind), palms and feet with a shape, a curved spine, a head with a nose and an
 * eye, the mat, and during a move the handout cues (faint start and end poses, an arrow along
 * the part the page names). The screen (figure_paint, through gfx) and the printed handout
 * (handout_pdf, through cairo) draw the same list. Pure: depends on the core only. */
#ifndef SK_FIGURE_H
#define SK_FIGURE_H

#include "choreo.h"
#include "layout.h"

#define FIGURE_AVOID_MAX 4
#define FIGURE_SKY_COLUMNS 24
#define FIGURE_ARROW_POINTS 9

/* How world metres map to the screen at one moment: the camera's axes, and where and how
 * large the figure is drawn. */
typedef struct figure_lens_t {
    vec3 right, up, toward; /* camera axes in world space */
    float scale;            /* pixels per metre */
    float ox, oy;           /* screen position of the world origin */
} figure_lens_t;

/* Where the figure stands and how large (a shot), one per key pose. */
typedef struct figure_shot_t {
    float scale, ox, oy;
} figure_shot_t;

/* How one exercise is framed in one stage (cached): each key pose as large as the stage allows,
 * standing on its floor, clear of the counter and its lines. During a move the camera eases
 * from the last pose's shot out to one holding both poses and in to the next one's, so the
 * figure is large at every hold yet whole through a move from lying to kneeling. */
typedef struct figure_fit_t {
    int exercise;                         /* -1 = not computed */
    const choreo_t *choreo;               /* the routine it frames */
    layout_box_t box;                     /* the stage */
    layout_box_t avoid[FIGURE_AVOID_MAX]; /* what the figure keeps clear of (counter, status) */
    int avoid_count;
    figure_lens_t lens;                    /* the camera's axes (and the whole routine's framing) */
    int count;                             /* key poses (the routine's instances) */
    float extent[CHOREO_MAX_INSTANCES][4]; /* each key pose as drawn, on the camera's plane:
                                            * x from, to, y (down) from, to; metres */
    figure_shot_t shot[CHOREO_MAX_INSTANCES];
    /* the top of each key pose's drawing in FIGURE_SKY_COLUMNS columns across the routine's
     * whole width (sky_x0..sky_x1 on the camera's plane, metres; y down, +inf where nothing
     * is drawn): the figure may reach up beside the counter, only not into it */
    float sky_x0, sky_x1;
    float sky[CHOREO_MAX_INSTANCES][FIGURE_SKY_COLUMNS];
    float mat_x0, mat_x1; /* the mat's world x range, metres */
    /* Memos of the move on screen, filled on first use (each is a pure function of the fit,
     * the routine and the instance, so the fit stays the same fit; a frame draws the figure
     * once a damaged rectangle and would work them out each time): the camera half-way
     * between two shots, and the world path of the arrow's joint. */
    int mid_of; /* instance whose mid-move shot is held, or -1 */
    figure_shot_t mid_shot;
    int arrow_of; /* instance whose arrow path is held, or -1 */
    vec3 arrow_path[FIGURE_ARROW_POINTS];
} figure_fit_t;

/* The figure's drawing as capsules, back to front (a disc when the ends meet), pixels; each in
 * one of these tones, which the output turns into its colours. */
typedef enum figure_tone_t {
    FIGURE_TONE_FAR = 0, /* the limbs away from the camera, or resting */
    FIGURE_TONE_NEAR,    /* the body */
    FIGURE_TONE_FACE,    /* the eye */
    FIGURE_TONE_GHOST,   /* the faint start and end poses of a move */
    FIGURE_TONE_MAT,     /* the mat's traced edges */
    FIGURE_TONE_ARROW,   /* the movement's arrow */
    FIGURE_TONE_COUNT
} figure_tone_t;
typedef struct figure_capsule_t {
    float ax, ay, bx, by, radius;
    figure_tone_t tone;
} figure_capsule_t;
#define FIGURE_CAPSULES_MAX 48

/* Frames the exercise's figure in `box`, as large as it goes without its key poses meeting
 * any of the `avoid` boxes (at most FIGURE_AVOID_MAX). */
void figure_fit(figure_fit_t *fit, const choreo_t *choreo, layout_box_t box,
                const layout_box_t *avoid, int avoid_count);

/* What the figure keeps clear of in an exercise's layout: the counter and its status lines,
 * with a gap around them; returns the count (for figure_fit). */
int figure_avoid(const layout_t *layout, layout_box_t out[FIGURE_AVOID_MAX]);

/* The camera of a state: its key pose's shot, or on the way between two during a move. */
void figure_lens(const figure_fit_t *fit, const choreo_t *choreo, const choreo_state_t *state,
                 figure_lens_t *out);

/* Projects a world point to the screen (pixels, on a quarter-pixel grid) and its depth
 * (larger = nearer). */
void figure_project(const figure_lens_t *lens, const vec3 p, float *x, float *y, float *depth);

/* The live figure of a state as drawn (ghosts, arrow and mat aside): its capsules back to
 * front; returns their count. A phase worked on one side (cues.working_side) puts that side in
 * front in the near tone; otherwise the arm and the leg away from the camera (each weighed on
 * its own) are the far ones. */
int figure_body(const figure_fit_t *fit, const choreo_t *choreo, const choreo_state_t *state,
                figure_capsule_t out[FIGURE_CAPSULES_MAX]);

/* The bounds of capsules (their anti-aliased rim not included), pixels. */
layout_box_t figure_capsules_bounds(const figure_capsule_t *caps, int count);

/* The drawn width of the thinnest limb through a lens, pixels. */
float figure_limb_width(const figure_lens_t *lens);

/* A whole drawing of the figure, back to front: the mat's quad (when `has_mat`), then the
 * marks (the mat's edges, the cues, then from `under` on the body). */
#define FIGURE_MARKS_MAX 160
typedef struct figure_drawing_t {
    bool has_mat;
    float mat[8]; /* the mat's corners x, y: near-left, far-left, near-right, far-right */
    figure_capsule_t marks[FIGURE_MARKS_MAX];
    int count;
    int under; /* the body's first mark: what is before it lies under the body (the screen keeps
                * that layer, gfx_layer_mark); -1 when there is no body (no routine) */
    layout_box_t all;    /* the bounds of everything drawn (anti-aliased rims not included) */
    layout_box_t moving; /* ... and of what changes from move to move: all but the mat */
} figure_drawing_t;

/* The figure of a state as the screen shows it: through its camera of the moment
 * (figure_lens), with the handout cues (ghosts, arrow) while it moves into a pose. */
void figure_drawing(const figure_fit_t *fit, const choreo_t *choreo, const choreo_state_t *state,
                    figure_drawing_t *out);

/* A still for the printed handout: the routine at time `t` (a key pose as it is held),
 * through the whole routine's framing (fit->lens: every still of an exercise at one size), and
 * when `from` >= 0 (an instance before t's) the cues of the way there: key pose `from` faint,
 * and the arrow along the part the page names for the first move that names one (else the part
 * that moves most), from pose to pose. */
void figure_drawing_still(const figure_fit_t *fit, const choreo_t *choreo, double t, int from,
                          figure_drawing_t *out);

#endif
