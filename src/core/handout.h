/* handout: what the printed take-home handout shows of each exercise (its stills) and where on
 * a page everything goes — pure: the writer (handout_pdf.c) measures its texts with its fonts
 * and draws. No SDL, GL, files or clocks. */
#ifndef SK_HANDOUT_H
#define SK_HANDOUT_H

#include "choreo.h"

#define HANDOUT_STILLS_MAX 3

/* One drawing of an exercise on the handout: where it starts, or a pose it holds (with the
 * start pose faint and the arrow of the way there). */
typedef struct handout_still_t {
    bool start;          /* the start pose (else a hold) */
    double t;            /* s into the routine (follow pacing) the still is drawn at */
    int instance;        /* the key pose drawn */
    int from;            /* the start pose shown faint in a hold, -1 for none */
    content_side_t side; /* the side a hold works (CONTENT_SIDE_NONE when it has none) */
} handout_still_t;

/* An exercise's stills: its start pose, then its first hold, and when that hold works one side
 * its first hold on the other side too (a routine with no hold: its start alone). The start of
 * a hold is the pose the figure leaves for it: the last pose before the run of moves on the
 * hold's side, or, for a hold on no side, the pose before the first move the page names a part
 * for (the arrow's). Returns the count. */
int handout_stills(const choreo_t *choreo, handout_still_t out[HANDOUT_STILLS_MAX]);

/* Paper sizes, in points (1/72 in). */
typedef enum handout_paper_t { HANDOUT_LETTER = 0, HANDOUT_A4 } handout_paper_t;
void handout_paper_size(handout_paper_t paper, double *w, double *h);

#endif
