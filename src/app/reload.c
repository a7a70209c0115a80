/* reload: content reloads on a worker thread (see reload.h). The loop owns every field but the
 * job's results; the worker reads the job and writes its results only between the thread's
 * start and its join, so the join is what hands them over (the done flag only says a join
 * will not wait). */
#include "reload.h"

#include "lastgood.h"
#include "log.h"

/* Whether every routine fits in follow pacing, as app_content_usable asks, but silently: a
 * routine too long is said (and refused) by that check on the loop, and laying it out here
 * would add a "cut short" line that a reload never said. */
static bool routines_fit(const content_t *c) {
    choreo_t *ch = SDL_malloc(sizeof *ch);
    bool fit = ch != NULL;
    for (int e = 0; fit && e < c->exercise_count; e++) {
        fit = choreo_build(ch, c, e, CHOREO_PACING_FOLLOW);
    }
    SDL_free(ch);
    return fit;
}

/* The file read and parsed (its errors logged as a load logs them) and its routines laid out:
 * everything of a reload that neither opens a font nor touches what is on screen. */
static void load(reload_t *r) {
    /* which files, found again from the file named: an edit may have made a broken show good
     * again, or a one-file content a show with languages; in the language asked for, else the
     * show's first (the one shown may be gone from it) */
    char err[1200];
    content_files_t found;
    if (content_files_find(&found, r->named, r->want[0] ? r->want : NULL, err, sizeof err) ||
        (r->want[0] && content_files_find(&found, r->named, NULL, err, sizeof err))) {
        r->files = found;
    }
    r->content = app_parse_files(&r->files, &r->files);
    if (!r->content || !routines_fit(r->content)) return;
    r->choreos = app_build_choreos(r->content, r->pacing);
    if (r->kiosk) r->choreos_follow = app_build_choreos(r->content, CHOREO_PACING_FOLLOW);
}

/* The swapped-in text kept as the last good copy with the fonts and picture it names (the
 * last good set): written atomically, fsync included. */
static void save(reload_t *r) {
    char err[1300];
    if (!lastgood_save_set(&r->files, r->saved, r->assets, err, sizeof err)) {
        log_error("%s", err);
    }
}

static int work(void *data) {
    reload_t *r = data;
    if (r->hold) SDL_SemWait(r->hold);
    if (r->job == RELOAD_LOAD) load(r);
    else save(r);
    SDL_AtomicSet(&r->done, 1);
    return 0;
}

/* Frees what a job left behind (a refused load, a finished save, the end of the show). */
static void drop_results(reload_t *r) {
    SDL_free(r->choreos);
    SDL_free(r->choreos_follow);
    SDL_free(r->content);
    content_files_free(&r->files);
    r->content = NULL;
    r->choreos = r->choreos_follow = NULL;
    r->saved = NULL;
}

static void start(reload_t *r, reload_job_t job) {
    r->job = job;
    SDL_AtomicSet(&r->done, 0);
    r->thread = SDL_CreateThread(work, "sk-reload", r);
    if (!r->thread) { /* a stall this once rather than an edit lost or a copy not kept */
        log_warning("cannot start the reload worker (%s): the reload runs on the loop",
                    SDL_GetError());
        work(r);
    }
}

/* A finished load, on the loop thread, as a start checks it: fonts and images opened (never
 * beside the text drawing), the QR code made, then the renderer and the show given the new
 * content. A broken edit is reported and the last good content stays on screen. */
static bool apply(reload_t *r, app_t *app) {
    content_t *c = r->content;
    choreo_t *main = r->choreos, *follow = r->choreos_follow;
    const char *path = r->files.path[CONTENT_FILE_SHOW];
    bool ok = c && app_content_usable(c, path, app->assets_dir) && main && (!r->kiosk || follow) &&
              render_set_content(&app->render, c, app->assets_dir);
    if (!ok) {
        /* L pressed and the language cannot be shown: the one still shown is named, so the
         * key is seen to have been heard (the reason is for the staff, in the journal) */
        if (r->said) show_notice(&app->show, SHOW_NOTICE_LANGUAGE);
        /* an edit of a show and its words: either file may hold the slip (its FILE:LINE:COL
         * said before), so both are named, not the show alone after an edit of es.yaml */
        bool both = !r->language_load && content_files_split(&r->files);
        log_must(LOG_WARNING, "%s%s%s: keeping the last good content (edit %d refused)",
                 content_files_name(&r->files, r->language_load ? CONTENT_FILE_WORDS : 0),
                 both ? " and " : "", both ? r->files.path[CONTENT_FILE_WORDS] : "",
                 ++app->refused);
        drop_results(r);
        return false;
    }
    bool new_language = strcmp(c->language ? c->language : "",
                               app->content->language ? app->content->language : "") != 0;
    if (r->kiosk) show_rebind(&app->show, c, main, follow);
    else show_rebind(&app->show, c, main, main);
    SDL_free(app->choreos);
    SDL_free(app->choreos_follow);
    SDL_free(app->content);
    app->content = c;
    SDL_memcpy(app->files.path, r->files.path, sizeof app->files.path);
    SDL_strlcpy(app->content_assets, app->assets_dir, sizeof app->content_assets);
    app->choreos = main;
    app->choreos_follow = follow;
    r->saved = c; /* read by the save job: a content is freed only by the next swap, which
                   * waits for the worker */
    SDL_strlcpy(r->assets, app->assets_dir, sizeof r->assets);
    r->content = NULL; /* the app's now; the text stays, to be kept */
    r->choreos = r->choreos_follow = NULL;
    app->reloads++;
    app_sound_content(app, r->kiosk);
    if (new_language) {
        log_notice("language: %s (%s)", c->language, content_files_name(&r->files, 1));
        if (r->said) show_notice(&app->show, SHOW_NOTICE_LANGUAGE);
    } else {
        log_notice("content reloaded from %s (reload %d)", content_files_name(&r->files, 0),
                   app->reloads);
    }
    return true;
}

void reload_init(reload_t *r) { SDL_zerop(r); }

void reload_request(reload_t *r) { r->pending = true; }

bool reload_busy(const reload_t *r) { return r->job != RELOAD_IDLE; }

void reload_language(reload_t *r, const char *code, bool hold, bool said) {
    SDL_strlcpy(r->language, code, sizeof r->language);
    r->held = hold;
    r->said = said;
    r->pending = true;
}

void reload_release(reload_t *r) { r->held = false; }

bool reload_frame(reload_t *r, app_t *app) {
    bool swapped = false;
    if (r->job != RELOAD_IDLE && SDL_AtomicGet(&r->done) && !(r->held && r->language_load)) {
        SDL_WaitThread(r->thread, NULL); /* finished: returns at once */
        r->thread = NULL;
        reload_job_t finished = r->job;
        r->job = RELOAD_IDLE;
        if (finished == RELOAD_LOAD) swapped = apply(r, app);
        r->language_load = r->said = false;
        if (swapped) start(r, RELOAD_SAVE);
        else drop_results(r);
    }
    /* an edit seen while busy waits here for the worker, the newest text read when it starts */
    if (r->job == RELOAD_IDLE && r->pending) {
        r->pending = false;
        r->files = app->files;
        r->files.text[0] = r->files.text[1] = NULL;
        r->language_load = r->language[0] != '\0';
        SDL_strlcpy(r->named, app->content_path, sizeof r->named);
        SDL_strlcpy(r->want,
                    r->language_load                         ? r->language
                    : app->content && app->content->language ? app->content->language
                                                             : "",
                    sizeof r->want);
        r->language[0] = '\0';
        r->kiosk = app->show.kiosk;
        r->pacing = r->kiosk ? CHOREO_PACING_DEMO : app->pacing;
        start(r, RELOAD_LOAD);
    }
    return swapped;
}

void reload_shutdown(reload_t *r) {
    if (r->thread) SDL_WaitThread(r->thread, NULL);
    r->thread = NULL;
    r->job = RELOAD_IDLE;
    r->pending = false;
    drop_results(r);
}
