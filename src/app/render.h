/* render: draws the show — every scene from content, laid out by layout, text through the text
 * cache — redrawing only what changed. Reads `const show_t *` and never changes it. Its files:
 * render.c (the frame's order, start-up and content changes), scenes.c (how each scene is
 * drawn), damage.c (what a frame redraws: the partial-redraw design), warm.c (walks that draw
 * nothing: texts ahead of need, the fit check), pictures.c (QR code, mark). Depends on gfx,
 * text, figure, core; no windowing. */
#ifndef SK_RENDER_H
#define SK_RENDER_H

#include "figure_paint.h"
#include "gfx.h"
#include "show.h"
#include "text.h"

#define RENDER_RECORD_MAX 256
#define RENDER_RECORD_TEXT 512

/* A text that does not fit its place even at its smallest size (render_audit). */
typedef struct render_misfit_t {
    const char *text;   /* as drawn: one of the content's strings, or a copy made for the
                          * call (a formatted label, a review's name with its prefix) */
    text_style_t style; /* as set */
    layout_box_t box;   /* the place it was given */
    const content_exercise_t *steps; /* the exercise whose steps do not fit their panel
                                      * together (text is then its first step), else NULL */
    float gap_lines;                 /* steps: the gap between them, in lines */
} render_misfit_t;

typedef void (*render_misfit_fn)(void *user, const render_misfit_t *misfit);

/* What the last frame drew, for tests: every text's rectangle and how many overflowed. */
typedef struct render_record_t {
    int count;
    layout_box_t text_boxes[RENDER_RECORD_MAX];
    layout_box_t text_targets[RENDER_RECORD_MAX]; /* the layout box each text was fitted to */
    const char *texts[RENDER_RECORD_MAX]; /* as drawn; formatted ones live only in the frame */
    char copies[RENDER_RECORD_MAX][RENDER_RECORD_TEXT]; /* the texts, kept (cut if long) */
    int overflow;
} render_record_t;

typedef struct render_t {
    gfx_t gfx;
    text_t text;
    layout_t layout;
    const content_t *content;
    gfx_texture_t qr_texture;         /* QR code of clinic.qr_text with its quiet zone, one texel a
                               * module (w: the side in modules, quiet zone included) */
    gfx_texture_t handout_qr_texture; /* likewise of clinic.handout_url; none (id 0) when the
                                       * content has no handout link */
    render_record_t record;
    figure_fit_t fits[CONTENT_MAX_EXERCISES];       /* per exercise, for the current layout ... */
    unsigned fit_generation[CONTENT_MAX_EXERCISES]; /* ... when it equals `generation` */
    layout_box_t figure_drawn; /* bounds of the last figure drawn, pixels (for tests) */
    layout_box_t redrawn[8];   /* the boxes the last frame redrew (damage.c), for tests */
    int redrawn_count;
    layout_box_t figure_moving; /* of it, what changes from move to move: ghosts, arrow, body */
    /* Where each step of the exercise on screen was drawn (its highlight's box), so a new
     * highlighted step redraws two rows, not the panel. */
    layout_box_t step_rows[CONTENT_MAX_STEPS];
    int step_rows_of;             /* exercise index + 1 the rows are of; 0 none */
    int shown_item;               /* the step or card on screen */
    show_notice_t shown_notice;   /* the notice on screen */
    unsigned shown_notice_serial; /* its show_t.notice_serial (a staff notice's new words) */
    char assets_dir[1024];
    gfx_texture_t mark_texture;  /* the clinic's mark, rasterised at its box's size */
    int mark_px;                 /* the size it was rasterised at; 0 = not yet */
    bool mark_failed;            /* could not be loaded: said once, then drawn without */
    unsigned char *mark_pending; /* its pixels (mark_px square) before its texture is made */
    unsigned char *mark_data;    /* its file, read when the content was adopted */
    size_t mark_len;
    bool preparing;    /* a walk on a thread without GL (render_init): texts and the
                                  mark are rasterised into memory, made textures later */
    int warm_task;     /* next thing to walk for the text cache (render_frame) */
    int pages_scene;   /* the scene the text pages were emptied for (text_pages_empty) ... */
    double pages_time; /* ... and its time at the last frame: earlier now, it started again */
    long frames_drawn; /* render_frame calls since render_init */
    /* Partial redraw: what the last drawn frame showed, as hashes of the quantised state of
     * the whole screen and of the two parts that move on their own (figure, counter). */
    uint64_t key_full, key_panel, key_stage, key_counter;
    uint64_t key_counter_words;     /* key_counter but the ring's arc and pacer */
    long ring_q[2], last_ring_q[2]; /* the ring's arc and pacer, quantised (now, last frame) */
    /* the live figure's capsules, now and last frame (none: not drawn): within a move, only
     * those that moved are redrawn */
    figure_capsule_t figure_caps[FIGURE_CAPSULES_MAX], last_figure_caps[FIGURE_CAPSULES_MAX];
    int figure_cap_count, last_figure_cap_count;
    figure_drawing_t figure_drawing; /* the figure's drawing this frame (state's: damage.c) */
    figure_drawing_t figure_other;   /* scratch: another view's (a wipe's outgoing scene, a warm
                                      * walk) */
    int figure_instance, last_figure_instance;
    bool figure_holding, last_figure_holding;
    bool figure_cues, last_figure_cues;     /* in a move: its ghosts and arrow are shown */
    uint64_t figure_lens, last_figure_lens; /* the camera (it eases between shots in a move) */
    unsigned generation; /* bumped by render_set_content: new content, all redrawn */
    /* A scene change wipes: the incoming scene, live, is revealed from the left edge over the
     * outgoing one, which the screen holds. Each frame draws the strip newly revealed and what
     * moved in the part already revealed: no second picture is kept. */
    int wipe_pair[2]; /* the change being wiped: from, to (playlist indices) */
    float wipe_edge;  /* pixels from the left the incoming scene is drawn to; 0 none */
    int drawn_scene;  /* playlist index the target holds whole, or -1 */
    bool drawn_hint;  /* ... with the kiosk's calm hint in its footer */
    int trimmed_scene, trimmed_instance; /* the heap trimmed last at this drawn_scene and
                                          * figure_instance (render_frame) */
    bool state_valid;                    /* `state` is state_view's figure, for this frame */
    const void *state_view;
    choreo_state_t state;
    render_misfit_fn misfit; /* render_audit's: told each text that does not fit */
    void *misfit_user;
    bool steps_scaled; /* the steps on screen are scaled down together (said once) */
} render_t;

/* Needs a current GL context. Fonts come from assets_dir + the theme's font paths; `linked`
 * as for gfx_init. Compiles every shader, and sets the texts of the show's current scene at
 * width x height (the first frame's size), so the first frame waits for neither. */
bool render_init(render_t *r, const content_t *content, const char *assets_dir, bool linked,
                 const show_t *show, int width, int height);
void render_shutdown(render_t *r);

/* Walks what the show would draw at width x height (every scene of the playlist, every move
 * and hold, every review card, the counts, help, banners and notices) without drawing and
 * without GL: the texts are only measured, with the content's fonts from assets_dir, and `fn`
 * is called for each that does not fit its place. False (said in the log) when the fonts do
 * not open. */
bool render_audit(const content_t *content, const char *assets_dir, const show_t *show, int width,
                  int height, render_misfit_fn fn, void *user);

/* Switches to new content (after a reload), its fonts and mark from assets_dir: rebuilds the
 * QR code, opens the fonts anew when the theme or the folder changed (texts already set in
 * the same fonts are kept). False (the renderer as it was) when the fonts do not open or the
 * QR code cannot be made. */
bool render_set_content(render_t *r, const content_t *content, const char *assets_dir);
/* The burn-in drift: the whole picture shifted by (dx, dy) pixels from the next frame on. */
void render_set_drift(render_t *r, float dx, float dy);

/* Whether the content's QR texts (qr_text, handout_url) can be encoded at all (checked before
 * content is accepted). */
bool render_qr_possible(const content_t *content);

/* Draws one frame of the show into the bound framebuffer, which must still hold the frame
 * drawn before (a persistent canvas): only what changed is redrawn, and the rectangle redrawn
 * is returned (w == 0: nothing changed, nothing drawn). `full` forces a whole redraw. While
 * some scenes' texts are not yet rasterised, each frame also warms a few of them, so no scene
 * change waits on text. */
layout_box_t render_frame(render_t *r, const show_t *show, int width, int height, bool full);

#endif
