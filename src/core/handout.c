/* handout: the stills each exercise shows on the take-home handout (see handout.h). */
#include "handout.h"

/* The time a key pose is drawn at: a hold a second into its count (st.holding then, for any
 * hold of a second or more), any other pose when its move is done. */
static double still_time(const choreo_t *c, int k) {
    const choreo_instance_t *in = &c->inst[k];
    double t = (double)in->start + in->move + in->ready;
    return in->hold > 0 ? t + (in->hold < 2.0f ? in->hold * 0.5 : 1.0) : t;
}

/* The first hold at or after instance `after` on `side` (any side: CONTENT_SIDE_NUM), or -1. */
static int first_hold(const choreo_t *c, int after, int side) {
    for (int k = after; k < c->count; k++) {
        if (c->inst[k].hold > 0 && (side == CONTENT_SIDE_NUM || (int)c->inst[k].side == side)) {
            return k;
        }
    }
    return -1;
}

/* The pose the figure leaves for hold h (see handout_stills). */
static int start_of(const choreo_t *c, int h) {
    content_side_t side = c->inst[h].side;
    if (side != CONTENT_SIDE_NONE) {
        int b = h;
        while (b > 0 && c->inst[b - 1].side == side) b--;
        return b > 0 ? b - 1 : -1;
    }
    int a = h;
    for (int k = 1; k <= h; k++) {
        if (choreo_arrow_joint(c, k) >= 0) {
            a = k;
            break;
        }
    }
    return a > 0 ? a - 1 : -1;
}

int handout_stills(const choreo_t *c, handout_still_t out[HANDOUT_STILLS_MAX]) {
    if (c->count == 0) return 0;
    int h = first_hold(c, 0, CONTENT_SIDE_NUM);
    if (h < 0) {
        out[0] = (handout_still_t){true, still_time(c, 0), 0, -1, CONTENT_SIDE_NONE};
        return 1;
    }
    int n = 0;
    int s = start_of(c, h);
    int s0 = s >= 0 ? s : h;
    out[n++] = (handout_still_t){true, still_time(c, s0), s0, -1, CONTENT_SIDE_NONE};
    out[n++] = (handout_still_t){false, still_time(c, h), h, s, c->inst[h].side};
    content_side_t side = c->inst[h].side;
    if (side != CONTENT_SIDE_NONE) {
        content_side_t other = side == CONTENT_SIDE_RIGHT ? CONTENT_SIDE_LEFT : CONTENT_SIDE_RIGHT;
        int h2 = first_hold(c, h + 1, (int)other);
        if (h2 >= 0) {
            out[n++] = (handout_still_t){false, still_time(c, h2), h2, start_of(c, h2), other};
        }
    }
    return n;
}

void handout_paper_size(handout_paper_t paper, double *w, double *h) {
    if (paper == HANDOUT_A4) {
        *w = 595.2756; /* 210 mm */
        *h = 841.8898; /* 297 mm */
    } else {
        *w = 612.0; /* 8.5 in */
        *h = 792.0; /* 11 in */
    }
}
