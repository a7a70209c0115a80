/* tools: the program's one-shot commands and reports — the headless screenshot (an opaque
 * PNG of any scene at any time and size, or of the figure's box alone), --dump-pose (the
 * figure's joints and counts as JSON, no window or GL), --check-content, and the running
 * show's state dump (SIGUSR1: one line of JSON on stdout), and --handout (handout_pdf.c
 * draws it). Their words go to stdout; problems
 * to the log. Depends on app, render, core and SDL_image (the PNG); not on the loop. */
#include "tools.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>

#include <string.h>

#include "assets.h"
#include "countdown.h"
#include "handout_pdf.h"
#include "log.h"

/* The pacing --pacing chose (follow-along unless demo). */
static choreo_pacing_t pacing_of(const cli_options_t *o) {
    return o->demo_pacing ? CHOREO_PACING_DEMO : CHOREO_PACING_FOLLOW;
}

/* Writes the part x0,y0 cw x ch of a w-wide RGBA image as an opaque PNG. */
static int save_png(const char *path, int w, int x0, int y0, int cw, int ch,
                    const unsigned char *rgba) {
    int h = ch;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, cw, ch, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) {
        log_error("cannot make the image: %s", SDL_GetError());
        return APP_EXIT_RUNTIME;
    }
    for (int y = 0; y < h; y++) { /* drop alpha: the PNG is opaque */
        unsigned char *row = (unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch;
        const unsigned char *src = rgba + ((size_t)(y + y0) * (size_t)w + (size_t)x0) * 4;
        for (int x = 0; x < cw; x++) {
            row[x * 3 + 0] = src[x * 4 + 0];
            row[x * 3 + 1] = src[x * 4 + 1];
            row[x * 3 + 2] = src[x * 4 + 2];
        }
    }
    int rc = APP_EXIT_OK;
    if (IMG_SavePNG(s, path) != 0) {
        log_error("cannot write %s: %s", path, IMG_GetError());
        rc = APP_EXIT_RUNTIME;
    }
    SDL_FreeSurface(s);
    return rc;
}

int tools_screenshot(const cli_options_t *o) {
    app_t *app = SDL_calloc(1, sizeof *app);
    if (!app) return APP_EXIT_RUNTIME;
    int rc = app_open_offscreen(app, o->content_path, o->lang, o->scene, pacing_of(o));
    if (rc != APP_EXIT_OK) {
        SDL_free(app);
        return rc;
    }
    app_advance(app, o->at);
    unsigned char *rgba = SDL_malloc((size_t)o->width * (size_t)o->height * 4);
    if (!rgba) {
        log_error("out of memory for the screenshot");
        rc = APP_EXIT_RUNTIME;
    } else if (!app_render_offscreen(app, o->width, o->height, rgba)) {
        rc = APP_EXIT_RUNTIME;
    } else if (o->region_figure) {
        if (app->show.view.scene.kind != SCENE_EXERCISE) {
            log_error("--region figure needs an exercise scene (--scene ID)");
            rc = APP_EXIT_USAGE;
        } else {
            layout_box_t b = app->render.layout.exercise.figure;
            rc = save_png(o->screenshot_path, o->width, (int)b.x, (int)b.y, (int)b.w, (int)b.h,
                          rgba);
        }
    } else {
        rc = save_png(o->screenshot_path, o->width, 0, 0, o->width, o->height, rgba);
    }
    SDL_free(rgba);
    app_close(app);
    SDL_free(app);
    return rc;
}

static const char *side_name(content_side_t side) {
    return side == CONTENT_SIDE_LEFT ? "left" : side == CONTENT_SIDE_RIGHT ? "right" : "none";
}

static void dump_state(const choreo_t *ch, const char *scene, const choreo_state_t *st) {
    countdown_t cd;
    countdown_compute(ch, st, &cd);
    static const char *const stages[COUNTDOWN_STAGE_NUM] = {"moving", "get-ready", "holding"};
    printf("{\"scene\": \"%s\", \"t\": %.4f, \"step\": %d, \"side\": \"%s\", "
           "\"phase\": \"%s\", \"repetition\": %d, \"repetitions\": %d, "
           "\"hold\": {\"kind\": \"%s\", \"stage\": \"%s\", \"count\": %d, "
           "\"target\": %d, \"remaining\": %d}, \"joints\": {",
           scene, st->t, st->step + 1, side_name(st->side), st->phase_name, cd.repetition,
           cd.repetitions, countdown_kind_name(cd.kind), stages[cd.stage],
           cd.stage == COUNTDOWN_GET_READY ? cd.ready_left : cd.count, cd.target, cd.remaining);
    for (int j = 0; j < SKEL_JOINT_NUM; j++) {
        printf("%s\"%s\": [%.4f, %.4f, %.4f]", j ? ", " : "", skel_joint_name(j), st->pos.p[j][0],
               st->pos.p[j][1], st->pos.p[j][2]);
    }
    printf("}}\n");
}

/* --dump-pose: the figure's state as JSON, no window or GL. --at is the time into the
 * exercise's routine (from the scene's start). */
int tools_dump_pose(const cli_options_t *o) {
    app_t *app = SDL_calloc(1, sizeof *app); /* (large: the renderer's framings) */
    if (!app) {
        log_error("out of memory");
        return APP_EXIT_RUNTIME;
    }
    int rc = app_locate_content(app, o->content_path, o->lang);
    content_t *c = rc || app->files_missing ? NULL : app_load_content(app->content_path, o->lang);
    SDL_free(app);
    if (rc) return rc;
    if (!c) return APP_EXIT_USAGE;
    content_scene_ref_t ref = {SCENE_NONE, -1};
    if (o->scene) {
        if (!content_find_scene(c, o->scene, &ref) || ref.kind != SCENE_EXERCISE) {
            log_error("--dump-pose: '%s' is not an exercise", o->scene);
            SDL_free(c);
            return APP_EXIT_USAGE;
        }
    } else {
        ref = (content_scene_ref_t){SCENE_EXERCISE, 0};
    }
    choreo_t *ch = SDL_malloc(sizeof *ch);
    choreo_state_t *st = SDL_malloc(sizeof *st);
    if (!ch || !st) {
        log_error("out of memory");
        rc = APP_EXIT_RUNTIME;
    } else {
        choreo_build(ch, c, ref.exercise, pacing_of(o));
        const char *id = c->exercises[ref.exercise].id;
        if (o->at_step > 0) {
            long n = lround(floor((o->at_end - o->at) / o->at_step + 1e-9)) + 1;
            for (long i = 0; i < n; i++) {
                double t = o->at + (double)i * o->at_step;
                choreo_sample(ch, t, st);
                st->t = t;
                dump_state(ch, id, st);
            }
        } else {
            choreo_sample(ch, o->at, st);
            st->t = o->at;
            dump_state(ch, id, st);
        }
    }
    SDL_free(st);
    SDL_free(ch);
    SDL_free(c);
    return rc;
}

/* --handout FILE: the printed handout of the content (handout_pdf.c), no display. */
int tools_handout(const cli_options_t *o) {
    app_t *app = SDL_calloc(1, sizeof *app);
    if (!app) {
        log_error("out of memory");
        return APP_EXIT_RUNTIME;
    }
    int rc = app_locate_content(app, o->content_path, o->lang);
    content_t *c = rc || app->files_missing ? NULL : app_load_content(app->content_path, o->lang);
    if (!rc && c) {
        rc = handout_write(c, app->assets_dir, o->paper_a4 ? HANDOUT_A4 : HANDOUT_LETTER,
                           o->handout_path);
    } else if (!rc) {
        rc = APP_EXIT_USAGE;
    }
    SDL_free(c);
    SDL_free(app);
    return rc;
}

/* A translation's words against the reference language's, text by text (words.c): each
 * problem said as FILE:LINE:COL. Returns how many. */
static int compare_words(const char *path, const char *reference) {
    char *ref = NULL, *tr = NULL, err[1200];
    size_t ref_len = 0, tr_len = 0;
    if (!assets_read(reference, &ref, &ref_len, err, sizeof err) ||
        !assets_read(path, &tr, &tr_len, err, sizeof err)) {
        log_error("%s", err);
        SDL_free(ref);
        SDL_free(tr);
        return 1;
    }
    content_errors_t *errors = SDL_malloc(sizeof *errors);
    int problems = 1;
    if (errors && !content_compare_words(ref, ref_len, tr, tr_len, errors)) {
        for (int i = 0; i < errors->count; i++) {
            content_error_format(&errors->items[i], path, err, sizeof err);
            log_error("%s", err);
        }
        if (errors->total > errors->count) {
            log_error("%s: %d more differences from %s not shown", path,
                      errors->total - errors->count, reference);
        }
        problems = errors->total;
    } else if (errors) {
        problems = 0;
    }
    SDL_free(errors);
    SDL_free(ref);
    SDL_free(tr);
    return problems;
}

/* The language of a set whose files read and parse (nothing said: its check says why not),
 * into code ("" for a whole file; untouched when they do not). False when they do not. */
static bool parsed_language(const content_files_t *paths, char *code, size_t size) {
    content_files_t f = *paths;
    f.text[0] = f.text[1] = NULL;
    char err[1200];
    content_t *c = SDL_malloc(sizeof *c);
    content_errors_t *errors = SDL_malloc(sizeof *errors);
    bool ok = c && errors && content_files_read(&f, err, sizeof err) &&
              content_files_parse(&f, c, errors);
    if (ok) snprintf(code, size, "%s", c->language ? c->language : "");
    content_files_free(&f);
    SDL_free(errors);
    SDL_free(c);
    return ok;
}

/* One language of a show (or a whole file): every check of a start and of its texts, and a
 * translation's words against the reference's, also when a font, the fit or the reading time
 * failed (a text too long and a placeholder dropped said together, not the second after the
 * first is fixed); a file that does not parse has its own messages (one slip, one message).
 * True when all is well. */
static bool check_language(const content_files_t *f, const char *reference) {
    const char *named = content_files_name(f, CONTENT_FILE_WORDS);
    content_t *c = app_check_files(f, NULL, 0);
    char code[CONTENT_LANGUAGE_MAX] = "", ref_path[CONTENT_FILES_PATH_MAX] = "";
    if (c && c->language) snprintf(code, sizeof code, "%s", c->language);
    else if (!c) parsed_language(f, code, sizeof code); /* "" when it does not parse */
    bool translated = code[0] && reference && strcmp(code, reference) != 0;
    content_files_t r = *f;
    if (translated && content_files_language(&r, reference)) {
        snprintf(ref_path, sizeof ref_path, "%s", r.path[CONTENT_FILE_WORDS]);
    }
    bool same = !translated || (ref_path[0] && compare_words(named, ref_path) == 0);
    if (!c || !same) {
        SDL_free(c);
        return false;
    }
    printf("%s: ok (%s%s%d exercises, %d reviews, %d scenes in the playlist%s%s)\n", named,
           c->language_name ? c->language_name : "", c->language_name ? ": " : "",
           c->exercise_count, c->reviews.count, c->playlist_count,
           translated ? "; every text of " : "", translated ? ref_path : "");
    SDL_free(c);
    return true;
}

int tools_check_content(const cli_options_t *o) {
    content_files_t f;
    char err[1200];
    if (!content_files_find(&f, o->check_path, o->lang, err, sizeof err)) {
        log_error("%s", err);
        return APP_EXIT_USAGE;
    }
    if (!content_files_split(&f)) return check_language(&f, NULL) ? 0 : APP_EXIT_USAGE;
    /* a show: each of its languages (or --lang's); a language's file: that one */
    char codes[CONTENT_MAX_LANGUAGES][CONTENT_LANGUAGE_MAX], *show = NULL;
    size_t len = 0;
    if (!assets_read(f.path[CONTENT_FILE_SHOW], &show, &len, err, sizeof err)) {
        log_error("%s", err);
        return APP_EXIT_USAGE;
    }
    int count = content_show_languages(show, len, codes, CONTENT_MAX_LANGUAGES);
    SDL_free(show);
    const char *reference = count > 0 ? codes[0] : NULL; /* English when the show has it */
    for (int i = 0; i < count; i++) {
        if (strcmp(codes[i], "en") == 0) reference = codes[i];
    }
    bool one = o->lang || strcmp(o->check_path, f.path[CONTENT_FILE_SHOW]) != 0;
    bool ok = true;
    for (int i = 0; i < count && !one; i++) {
        content_files_t each = f;
        ok = content_files_language(&each, codes[i]) && check_language(&each, reference) && ok;
    }
    if (one) ok = check_language(&f, reference);
    return ok ? APP_EXIT_OK : APP_EXIT_USAGE;
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void json_string(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

/* SIGUSR1: one line of JSON on stdout saying what is on screen: the scene, where in it (step,
 * side, repetition), the size drawn and every text. */
void tools_dump_screen(const app_t *app, bool open) {
    const show_t *s = &app->show;
    const show_view_t *v = &s->view;
    printf("{\"mode\": \"%s\", \"open\": %s, \"scene\": ",
           s->kiosk && !s->takeover ? "loop" : "takeover", open ? "true" : "false");
    json_string(stdout, content_scene_id(app->content, v->scene));
    printf(", \"pacing\": \"%s\", \"content\": ",
           s->choreos && s->choreos == s->choreos_demo && s->kiosk ? "demo"
           : !s->kiosk && app->pacing == CHOREO_PACING_DEMO        ? "demo"
                                                                   : "follow");
    json_string(stdout, app->content_path);
    printf(", \"time\": %.3f, \"step\": %d", v->time, v->item + 1);
    if (v->scene.kind == SCENE_EXERCISE && s->choreos) {
        const choreo_t *ch = &s->choreos[v->scene.exercise];
        choreo_state_t st;
        countdown_t cd;
        choreo_sample(ch, v->time, &st);
        countdown_compute(ch, &st, &cd);
        printf(", \"side\": \"%s\", \"repetition\": %d, \"repetitions\": %d",
               cd.side == CONTENT_SIDE_LEFT    ? "left"
               : cd.side == CONTENT_SIDE_RIGHT ? "right"
                                               : "none",
               cd.repetition, cd.repetitions);
    }
    printf(", \"size\": [%d, %d], \"resizes\": %d, \"pointer\": %s", app->present.w, app->present.h,
           app->present.resizes, app->platform.pointer_shown ? "true" : "false");
    printf(", \"reloads\": %d, \"paused\": %s, \"help\": %s, \"texts\": [", app->reloads,
           s->paused ? "true" : "false", s->help ? "true" : "false");
    const render_record_t *rec = &app->render.record;
    for (int i = 0; open && i < rec->count; i++) {
        if (i) fputs(", ", stdout);
        json_string(stdout, rec->copies[i]);
    }
    printf("]}\n");
    fflush(stdout);
}
