/* test_handout: what the printed handout shows of each exercise (handout.c) and how its stills
 * are drawn (figure_drawing_still), from the clinic's content: a start pose, then each hold the
 * page describes on each side it works (Spinal Twists and Knees to Chest right and left; Child's
 * Pose and Press-ups one); every hold drawn while the choreography holds it, its start not; a
 * hold's still shows its start faint and an arrow along the part that moves, from where that
 * part starts to where it is held; every still of an exercise drawn at one size. Pure: no
 * window, GL or cairo. Depends on handout.c, figure.c, core and cmocka. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "handout.h"
#include "support.h"

/* An arrow's tip ends within this share of the still's box (its diagonal) of where the part it
 * follows is held (it stands off the limb by 10 cm, and stops short of the end of the way). */
#define ARROW_REACH 0.25f

static content_t *content;
static choreo_t *choreos;

static int setup(void **state) {
    (void)state;
    return support_load_clinic(&content, &choreos) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    free(choreos);
    free(content);
    return 0;
}

/* The stills of the clinic's four stretches: which, on which side. */
static void test_stills_are_the_pages_holds(void **state) {
    (void)state;
    static const struct {
        const char *id;
        int count;
        content_side_t sides[HANDOUT_STILLS_MAX];
    } want[] = {
        {"spinal-twists", 3, {CONTENT_SIDE_NONE, CONTENT_SIDE_RIGHT, CONTENT_SIDE_LEFT}},
        {"childs-pose", 2, {CONTENT_SIDE_NONE, CONTENT_SIDE_NONE}},
        {"knees-to-chest", 3, {CONTENT_SIDE_NONE, CONTENT_SIDE_RIGHT, CONTENT_SIDE_LEFT}},
        {"press-up-back-extensions", 2, {CONTENT_SIDE_NONE, CONTENT_SIDE_NONE}},
    };
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        int e = support_exercise_index(content, want[w].id);
        assert_true(e >= 0);
        const choreo_t *ch = &choreos[e];
        handout_still_t s[HANDOUT_STILLS_MAX];
        int n = handout_stills(ch, s);
        assert_int_equal(n, want[w].count);
        assert_true(s[0].start);
        for (int i = 0; i < n; i++) {
            assert_int_equal(s[i].side, want[w].sides[i]);
            choreo_state_t st;
            choreo_sample(ch, s[i].t, &st);
            if (i == 0) { /* the start: a pose reached, not a hold */
                assert_false(st.holding);
                assert_int_equal(s[i].from, -1);
                continue;
            }
            assert_false(s[i].start);
            if (!st.holding || st.side != s[i].side) {
                fail_msg("%s still %d at %.2f s: not holding on its side", want[w].id, i, s[i].t);
            }
            /* its start pose comes before it, and on a sided hold is on no side or the other */
            assert_true(s[i].from >= 0 && s[i].from < s[i].instance);
            if (s[i].side != CONTENT_SIDE_NONE) {
                assert_true(ch->inst[s[i].from].side != s[i].side);
            }
        }
    }
}

/* A hold's still: the start pose faint under the body, and the arrow's head near where the part
 * it follows is held; the start still has neither. All stills of an exercise at one scale. */
static void test_hold_stills_show_the_way(void **state) {
    (void)state;
    static figure_fit_t fit;
    static figure_drawing_t d;
    layout_box_t box = {0, 0, 2600, 1280};
    float diag = sqrtf(box.w * box.w + box.h * box.h);
    for (int e = 0; e < content->exercise_count; e++) {
        const choreo_t *ch = &choreos[e];
        handout_still_t s[HANDOUT_STILLS_MAX];
        int n = handout_stills(ch, s);
        figure_fit(&fit, ch, box, NULL, 0);
        for (int i = 0; i < n; i++) {
            figure_drawing_still(&fit, ch, s[i].t, s[i].from, &d);
            assert_true(d.under >= 0 && d.under < d.count);
            int ghosts = 0, arrows = 0;
            float head_x = 0, head_y = 0;
            for (int m = 0; m < d.under; m++) {
                ghosts += d.marks[m].tone == FIGURE_TONE_GHOST;
                if (d.marks[m].tone == FIGURE_TONE_ARROW) {
                    if (arrows == FIGURE_ARROW_POINTS - 2) { /* the last of the shaft */
                        head_x = d.marks[m].bx, head_y = d.marks[m].by;
                    }
                    arrows++;
                }
            }
            for (int m = d.under; m < d.count; m++) {
                assert_true(d.marks[m].tone <= FIGURE_TONE_FACE); /* the body alone on top */
            }
            if (s[i].start) {
                assert_int_equal(ghosts + arrows, 0);
                continue;
            }
            if (ghosts == 0 || arrows == 0) {
                fail_msg("%s hold %d: %d ghost and %d arrow marks", content->exercises[e].id, i,
                         ghosts, arrows);
            }
            /* the arrow points at the hold: its tip nearer where the part the page names is
             * held than where it starts */
            int joint = -1;
            for (int k = s[i].from + 1; k <= s[i].instance && joint < 0; k++) {
                joint = choreo_arrow_joint(ch, k);
            }
            assert_true(joint >= 0);
            skel_positions_t start;
            choreo_state_t held;
            choreo_key_positions(ch, s[i].from, &start);
            choreo_sample(ch, s[i].t, &held);
            float sx, sy, hx, hy;
            figure_project(&fit.lens, start.p[joint], &sx, &sy, NULL);
            figure_project(&fit.lens, held.pos.p[joint], &hx, &hy, NULL);
            float to_held = hypotf(head_x - hx, head_y - hy);
            float to_start = hypotf(head_x - sx, head_y - sy);
            if (!(to_held < to_start) || to_held > ARROW_REACH * diag) {
                fail_msg("%s hold %d: the arrow's tip is %.0f units from where %s is held, %.0f "
                         "from where it starts",
                         content->exercises[e].id, i, (double)to_held, skel_joint_name(joint),
                         (double)to_start);
            }
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stills_are_the_pages_holds),
        cmocka_unit_test(test_hold_stills_show_the_way),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
