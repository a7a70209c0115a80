/* show: the scene state machine (see show.h). Time only moves through show_update, so the
 * same commands and time steps always give the same state: screenshots are reproducible.
 * Pure: no SDL, no GL, no clock, no allocation. */
#include "show.h"
#include "maths.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double show_review_seconds(const content_t *c, int review) {
    const content_review_t *r = &c->reviews.items[review];
    double s = (double)r->word_count / (double)c->timing.reading_words_per_minute * 60.0;
    if (s < c->timing.review_min_seconds) s = c->timing.review_min_seconds;
    if (s > c->timing.review_max_seconds) s = c->timing.review_max_seconds;
    return s;
}

double show_scene_seconds(const show_t *s, content_scene_ref_t scene) {
    const content_t *c = s->content;
    switch (scene.kind) {
    case SCENE_INTRO: return c->timing.intro_seconds;
    case SCENE_EXERCISE:
        return s->choreos ? s->choreos[scene.exercise].duration : c->timing.exercise_seconds;
    case SCENE_CONTACT: return c->timing.contact_seconds;
    case SCENE_REVIEW:
        return show_review_seconds(c, s->view.scene.kind == SCENE_REVIEW ? s->view.item : 0);
    case SCENE_REVIEWS: {
        double total = 0.0;
        for (int i = 0; i < c->reviews.count; i++) total += show_review_seconds(c, i);
        return total;
    }
    default: return 0.0;
    }
}

int show_item_count(const content_t *c, content_scene_ref_t scene) {
    if (scene.kind == SCENE_EXERCISE) return c->exercises[scene.exercise].step_count;
    if (scene.kind == SCENE_REVIEWS) return c->reviews.count;
    return 0;
}

int show_numbered_exercise(const content_t *c, int n) {
    if (n < 0 || n >= SHOW_NUMBERED_MAX) return -1;
    int seen = 0;
    for (int i = 0; i < c->playlist_count; i++) {
        const content_scene_ref_t *p = &c->playlist[i];
        if (p->kind != SCENE_EXERCISE || show_find_in_playlist(c, *p) != i) continue;
        if (seen++ == n) return p->exercise; /* (an exercise played twice keeps its first number) */
    }
    return -1;
}

int show_find_in_playlist(const content_t *c, content_scene_ref_t scene) {
    for (int i = 0; i < c->playlist_count; i++) {
        const content_scene_ref_t *p = &c->playlist[i];
        if (p->kind == scene.kind && (p->kind != SCENE_EXERCISE || p->exercise == scene.exercise)) {
            return i;
        }
    }
    return -1;
}

/* Seconds into the scene at which item `item` starts, where items follow each other once: an
 * exercise without a routine shares its time evenly between its steps; review cards each
 * last their reading time. (An exercise with a routine is a row of places: see place_in.) */
static double item_start(const show_t *s, content_scene_ref_t scene, int item) {
    const content_t *c = s->content;
    if (scene.kind == SCENE_EXERCISE) {
        return c->timing.exercise_seconds * item / c->exercises[scene.exercise].step_count;
    }
    if (scene.kind == SCENE_REVIEWS) {
        double t = 0.0;
        for (int i = 0; i < item; i++) t += show_review_seconds(c, i);
        return t;
    }
    return 0.0;
}

/* The item current at scene time t. */
static int item_at(const show_t *s, content_scene_ref_t scene, double t) {
    const content_t *c = s->content;
    if (scene.kind == SCENE_EXERCISE && s->choreos) {
        return choreo_step_at(&s->choreos[scene.exercise], t);
    }
    int n = show_item_count(c, scene);
    int item = 0;
    while (item + 1 < n && t >= item_start(s, scene, item + 1)) item++;
    return item;
}

show_view_t show_view_at_start(const show_t *s, int playlist_index) {
    const content_t *c = s->content;
    show_view_t v;
    memset(&v, 0, sizeof v);
    v.playlist_index = playlist_index;
    v.scene = c->playlist[playlist_index];
    v.jump = 1.0f;
    v.item_mix = 1.0f;
    v.choreos = s->choreos;
    if (v.scene.kind == SCENE_REVIEW && c->reviews.count > 0) { /* one card, the next in turn */
        v.item = s->next_review % c->reviews.count;
    }
    return v;
}

static void view_enter(show_t *s, int playlist_index) {
    s->view = show_view_at_start(s, playlist_index);
    const content_t *c = s->content;
    if (s->view.scene.kind == SCENE_REVIEW && c->reviews.count > 0) {
        s->next_review = (s->view.item + 1) % c->reviews.count;
    }
}

static void change_scene(show_t *s, int playlist_index) {
    const content_t *c = s->content;
    int n = c->playlist_count;
    playlist_index = ((playlist_index % n) + n) % n;
    s->from = s->view;
    s->transitioning = c->timing.transition_seconds > 0.0f;
    s->transition = 0.0;
    s->scene_serial++;
    view_enter(s, playlist_index);
}

/* A new review card slides in over the old one. */
static void card_change(show_t *s, int old_item) {
    show_view_t *v = &s->view;
    if (v->scene.kind != SCENE_REVIEWS || old_item == v->item) return;
    v->item_prev = old_item;
    v->item_mix = s->content->timing.transition_seconds > 0 ? 0.0f : 1.0f;
}

/* Down/Up: the scene goes on from `time`, with `item` highlighted. */
static void jump_to(show_t *s, int item, double time) {
    show_view_t *v = &s->view;
    int old_item = v->item;
    if (v->scene.kind == SCENE_EXERCISE) { /* the figure glides to the step, no jump */
        v->jump_from = v->jump < 1.0f ? v->jump_from : v->time;
        v->jump = 0.0f;
    }
    v->item = item;
    v->item_time = 0.0;
    v->time = time;
    card_change(s, old_item);
}

static void set_item(show_t *s, int item) { jump_to(s, item, item_start(s, s->view.scene, item)); }

/* Down/Up in an exercise played with a routine: one stop along it (choreo.c, "Places and
 * stops"): the next or previous step of the side and repetition being done, and past either
 * end of those, the routine's next or previous stop. Down then Up comes back to the start of
 * the step, side and repetition the patient was on. False at either end of the routine. */
static bool step_jump(show_t *s, int delta) {
    const choreo_t *ch = &s->choreos[s->view.scene.exercise];
    double t = choreo_stop_start(ch, s->view.time, delta);
    if (t < 0) return false;
    jump_to(s, choreo_step_at(ch, t), t);
    return true;
}

/* Where the patient is in the exercise on screen: the step, side and repetition of its
 * routine (only the step without one). */
static choreo_place_t place_now(const show_t *s) {
    const show_view_t *v = &s->view;
    if (v->scene.kind == SCENE_EXERCISE && s->choreos) {
        return choreo_place_at(&s->choreos[v->scene.exercise], v->time);
    }
    return (choreo_place_t){v->item, CONTENT_SIDE_NONE, 0};
}

/* The exercise on screen goes on in routine `to` from the start of `place` there: the same
 * step, side and repetition where `to` has them (see choreo_place_start). */
static void place_in(show_t *s, const choreo_t *to, choreo_place_t place) {
    show_view_t *v = &s->view;
    double t = choreo_place_start(to, place);
    v->time = t < 0 ? 0 : t;
    v->item = choreo_step_at(to, v->time);
    v->item_time = 0.0;
}

void show_init(show_t *s, const content_t *c, const choreo_t *choreos, int playlist_index) {
    memset(s, 0, sizeof *s);
    s->content = c;
    s->choreos = choreos;
    if (playlist_index < 0) playlist_index = 0;
    if (playlist_index >= c->playlist_count) playlist_index = c->playlist_count - 1;
    view_enter(s, playlist_index);
    s->from = s->view;
}

static bool goto_scene(show_t *s, content_scene_ref_t scene) {
    int i = show_find_in_playlist(s->content, scene);
    if (i < 0) return false;
    change_scene(s, i);
    return true;
}

void show_init_kiosk(show_t *s, const content_t *c, const choreo_t *demo, const choreo_t *follow,
                     int playlist_index) {
    show_init(s, c, demo, playlist_index);
    s->kiosk = true;
    s->choreos_demo = demo;
    s->choreos_follow = follow;
}

/* Plays the current scene with other routines; an exercise restarts the step it is on, on
 * the same side and in the same repetition (the demo's repetition 2 is the visitor's too). */
static void switch_routines(show_t *s, const choreo_t *to) {
    show_view_t *v = &s->view;
    choreo_place_t place = place_now(s);
    s->choreos = to;
    v->choreos = to;
    if (v->scene.kind == SCENE_EXERCISE && to) place_in(s, &to[v->scene.exercise], place);
}

void show_rebind(show_t *s, const content_t *c, const choreo_t *demo, const choreo_t *follow) {
    show_view_t old = s->view;
    choreo_place_t place = place_now(s); /* (read while the old routines still stand) */
    char id[128];
    snprintf(id, sizeof id, "%s", content_scene_id(s->content, old.scene));
    double old_length = show_scene_seconds(s, old.scene);
    s->content = c;
    s->choreos_demo = demo;
    s->choreos_follow = follow;
    s->choreos = s->kiosk && !s->takeover ? demo : follow;
    content_scene_ref_t ref;
    int index = content_find_scene(c, id, &ref) ? show_find_in_playlist(c, ref) : -1;
    s->transitioning = false;
    s->next_review = c->reviews.count > 0 ? s->next_review % c->reviews.count : 0;
    if (index < 0) { /* the scene is gone: start over */
        view_enter(s, 0);
    } else {
        int next_review = s->next_review;
        view_enter(s, index);
        show_view_t *v = &s->view;
        if (v->scene.kind == SCENE_REVIEW || v->scene.kind == SCENE_REVIEWS) {
            v->item = old.item < c->reviews.count ? old.item : 0; /* the same card goes on */
            s->next_review = next_review;
        }
        bool same = fabs(show_scene_seconds(s, v->scene) - old_length) < 1e-6;
        if (same) { /* the same scene, only its words changed: it simply goes on */
            v->time = old.time;
            v->item = v->scene.kind == SCENE_REVIEW ? v->item : item_at(s, v->scene, v->time);
            v->item_time = old.item_time;
        } else if (v->scene.kind == SCENE_EXERCISE) { /* a new routine: the same place in it */
            if (place.step >= c->exercises[v->scene.exercise].step_count) {
                place = (choreo_place_t){0, CONTENT_SIDE_NONE, 0};
            }
            v->item = place.step;
            if (s->choreos) place_in(s, &s->choreos[v->scene.exercise], place);
        }
    }
    s->from = s->view;
}

bool show_command(show_t *s, show_cmd_t cmd, int arg) {
    const content_t *c = s->content;
    if (s->kiosk) { /* a visitor takes over: follow-along, as at home */
        s->idle = 0.0;
        if (!s->takeover) {
            s->takeover = true;
            switch_routines(s, s->choreos_follow);
        }
    }
    show_view_t *v = &s->view;
    int items = show_item_count(c, v->scene);
    switch (cmd) {
    case SHOW_CMD_NEXT_SCENE: change_scene(s, v->playlist_index + 1); return true;
    case SHOW_CMD_PREV_SCENE: change_scene(s, v->playlist_index - 1); return true;
    case SHOW_CMD_NEXT_ITEM:
        if (items == 0) return false;
        if (v->scene.kind == SCENE_EXERCISE && s->choreos) return step_jump(s, +1);
        if (v->scene.kind == SCENE_REVIEWS) {
            set_item(s, (v->item + 1) % items);      /* the carousel loops */
            v->browse_idle = c->timing.idle_seconds; /* and waits while someone browses */
        } else if (v->item + 1 < items) {
            set_item(s, v->item + 1);
        } else {
            return false;
        }
        return true;
    case SHOW_CMD_PREV_ITEM:
        if (items == 0) return false;
        if (v->scene.kind == SCENE_EXERCISE && s->choreos) return step_jump(s, -1);
        if (v->scene.kind == SCENE_REVIEWS) {
            set_item(s, (v->item + items - 1) % items);
            v->browse_idle = c->timing.idle_seconds;
        } else if (v->item > 0) {
            set_item(s, v->item - 1);
        } else {
            return false;
        }
        return true;
    case SHOW_CMD_GOTO_EXERCISE: {
        int e = show_numbered_exercise(c, arg);
        return e >= 0 && goto_scene(s, (content_scene_ref_t){SCENE_EXERCISE, e});
    }
    case SHOW_CMD_GOTO_INTRO: return goto_scene(s, (content_scene_ref_t){SCENE_INTRO, -1});
    case SHOW_CMD_GOTO_CONTACT: return goto_scene(s, (content_scene_ref_t){SCENE_CONTACT, -1});
    case SHOW_CMD_GOTO_REVIEWS:
        return goto_scene(s, (content_scene_ref_t){SCENE_REVIEWS, -1}) ||
               goto_scene(s, (content_scene_ref_t){SCENE_REVIEW, -1});
    case SHOW_CMD_TOGGLE_PAUSE:
        s->paused = !s->paused;
        /* resuming counts back in rather than jumping straight on */
        s->resume_left = s->paused ? 0.0 : c->timing.resume_seconds;
        return true;
    case SHOW_CMD_TOGGLE_HELP: s->help = !s->help; return true;
    default: return false;
    }
}

void show_update(show_t *s, double dt) {
    const content_t *c = s->content;
    if (dt <= 0.0) return;
    if (s->notice != SHOW_NOTICE_NONE) { /* on its own clock: a notice goes, paused or not */
        s->notice_left -= dt;
        if (s->notice_left <= 0.0) s->notice = SHOW_NOTICE_NONE, s->notice_left = 0.0;
    }
    if (s->transitioning) {
        s->transition += dt;
        if (s->transition >= c->timing.transition_seconds) s->transitioning = false;
    }
    show_view_t *v = &s->view;
    if (v->jump < 1.0f) {
        v->jump += (float)(dt / SHOW_JUMP_SECONDS);
        if (v->jump > 1.0f) v->jump = 1.0f;
    }
    if (v->item_mix < 1.0f) {
        v->item_mix += (float)(dt / c->timing.transition_seconds);
        if (v->item_mix > 1.0f) v->item_mix = 1.0f;
    }
    if (s->kiosk && s->takeover) {
        s->idle += dt;
        if (s->idle >= c->timing.idle_seconds) { /* untouched: ease back into the loop */
            s->takeover = false;
            s->paused = false;
            s->resume_left = 0.0;
            s->help = false;
            s->choreos = s->choreos_demo;
            change_scene(s, v->playlist_index + 1);
            return;
        }
    }
    if (s->paused) return;
    if (s->resume_left > 0.0) {
        s->resume_left -= dt;
        if (s->resume_left < 0.0) s->resume_left = 0.0;
        return;
    }
    if (v->browse_idle > 0.0) { /* someone is reading: the card stays */
        v->browse_idle -= dt;
        if (v->browse_idle > 0.0) return;
        v->browse_idle = 0.0;
        v->time = item_start(s, v->scene, v->item); /* then it gets its full time again */
        v->item_time = 0.0;
    }
    v->time += dt;
    v->item_time += dt;
    if (v->time >= show_scene_seconds(s, v->scene)) {
        change_scene(s, v->playlist_index + 1);
        return;
    }
    int item = v->scene.kind == SCENE_REVIEW ? v->item : item_at(s, v->scene, v->time);
    if (item != v->item) {
        int old_item = v->item;
        v->item = item;
        v->item_time = 0.0;
        card_change(s, old_item);
    }
}

void show_notice(show_t *s, show_notice_t notice) {
    s->notice = notice > SHOW_NOTICE_NONE && notice < SHOW_NOTICE_NUM ? notice : SHOW_NOTICE_NONE;
    s->notice_left = s->notice ? SHOW_NOTICE_SECONDS : 0.0;
    if (s->notice == SHOW_NOTICE_STAFF && !s->notice_text[0]) s->notice = SHOW_NOTICE_NONE;
    s->notice_serial++;
}

void show_notice_text(show_t *s, const char *text) {
    size_t n = 0;
    if (text) { /* one line, cut at a UTF-8 character boundary */
        while (text[n] && text[n] != '\n' && n < sizeof s->notice_text - 1) n++;
        while (n > 0 && text[n] && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
    }
    memcpy(s->notice_text, text ? text : "", n);
    s->notice_text[n] = '\0';
    s->notice = n ? SHOW_NOTICE_STAFF : SHOW_NOTICE_NONE;
    s->notice_left = n ? SHOW_STAFF_NOTICE_SECONDS : 0.0;
    s->notice_serial++;
}

void show_restore_pause(show_t *s, bool paused, double resume_left) {
    s->paused = paused;
    s->resume_left = resume_left;
}

bool show_frozen(const show_t *s) { return s->paused || s->resume_left > 0.0; }

float show_transition_mix(const show_t *s) {
    if (!s->transitioning) return 1.0f;
    /* calm in and out */
    return maths_smoothstep((float)(s->transition / s->content->timing.transition_seconds));
}
