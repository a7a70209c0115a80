/* app: the program's modes (see app.h): the interactive show with its fixed-step loop, the
 * headless screenshot, and content checking. Startup failures unwind through one path.
 * Depends on SDL, SDL_image, GL and core. */
#define _GNU_SOURCE /* clock_gettime with CLOCK_BOOTTIME, sysconf, getrusage */
#include "app.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "countdown.h"
#include "kiosk.h"
#include "lastgood.h"
#include "log.h"
#include "import.h"
#include "memcount.h"
#include "textcheck.h"

#ifndef SK_VERSION
#define SK_VERSION "0.0.0"
#endif

static choreo_pacing_t pacing_of(const cli_options_t *o) {
    return o->demo_pacing ? CHOREO_PACING_DEMO : CHOREO_PACING_FOLLOW;
}

/* Keeps the first problem found (for a short on-screen or import message). */
static void note_first(char *first, size_t size, const char *msg) {
    if (first && size && !first[0]) snprintf(first, size, "%s", msg);
}

/* Reads and parses a content file; with `keep`, its text is handed back (*kept, heap) when it
 * parses. */
static content_t *load_content(const char *path, char *first, size_t first_size, char **kept,
                               size_t *kept_len) {
    char err[1200];
    char *text = NULL;
    size_t len = 0;
    if (!assets_read(path, &text, &len, err, sizeof err)) {
        log_error("%s", err);
        note_first(first, first_size, err);
        return NULL;
    }
    content_t *c = SDL_malloc(sizeof *c);
    content_errors_t *errors = SDL_malloc(sizeof *errors);
    if (!c || !errors) {
        log_error("out of memory loading content");
        SDL_free(c);
        SDL_free(errors);
        SDL_free(text);
        return NULL;
    }
    bool ok = content_parse(c, text, len, errors);
    if (ok && kept) {
        *kept = text;
        *kept_len = len;
    } else {
        SDL_free(text);
    }
    if (!ok) {
        for (int i = 0; i < errors->count; i++) {
            content_error_format(&errors->items[i], path, err, sizeof err);
            if (i == 0) log_must(LOG_ERROR, "%s", err); /* the first always reaches the journal */
            else log_error("%s", err);
            note_first(first, first_size, err);
        }
        if (errors->total > errors->count) {
            log_error("%s: %d more errors not shown", path, errors->total - errors->count);
        }
        SDL_free(c);
        c = NULL;
    }
    SDL_free(errors);
    return c;
}

content_t *app_load_content(const char *path) { return load_content(path, NULL, 0, NULL, NULL); }

content_t *app_parse_file(const char *path, char **text, size_t *len) {
    return load_content(path, NULL, 0, text, len);
}

/* Loaded and checked as a start checks it, its fonts and mark from `assets` (NULL: the
 * installed assets folder, assets_locate); with `keep`, a good one becomes the last good set
 * on disk (the bytes that were checked, not the file read again, and its fonts and mark); with
 * `texts`, every text must also be showable as written (textcheck: glyphs, fit, reading time). */
static content_t *load_checked(const char *path, const char *assets, bool keep, bool texts,
                               char *first, size_t first_size) {
    if (first && first_size) first[0] = '\0';
    char *text = NULL, installed[APP_PATH_MAX], err[1300];
    size_t len = 0;
    content_t *c = load_content(path, first, first_size, &text, &len);
    if (c && !assets) { /* found after the parse: a file's own slips are said first */
        assets = installed;
        if (!assets_locate(installed, sizeof installed, err, sizeof err)) {
            log_error("%s", err);
            note_first(first, first_size, err);
            SDL_free(c);
            c = NULL;
        }
    }
    if (c && !app_content_usable(c, path, assets)) {
        note_first(first, first_size, "the content cannot be shown (see the log)");
        SDL_free(c);
        c = NULL;
    }
    if (c && texts && textcheck_content(c, path, text, len, assets, first, first_size) > 0) {
        SDL_free(c);
        c = NULL;
    }
    if (c && keep && !lastgood_save_set(text, len, c, assets, err, sizeof err)) {
        log_error("%s", err);
    }
    SDL_free(text);
    return c;
}

content_t *app_check_file(const char *path, char *first, size_t first_size) {
    return load_checked(path, NULL, false, false, first, first_size);
}

content_t *app_check_content(const char *path, char *first, size_t first_size) {
    return load_checked(path, NULL, false, true, first, first_size);
}

choreo_t *app_build_choreos(const content_t *c, choreo_pacing_t pacing) {
    choreo_t *ch = SDL_calloc((size_t)(c->exercise_count > 0 ? c->exercise_count : 1), sizeof *ch);
    if (!ch) {
        log_error("out of memory laying out the routines");
        return NULL;
    }
    for (int e = 0; e < c->exercise_count; e++) {
        if (!choreo_build(&ch[e], c, e, pacing)) {
            log_warning("%s: the routine repeats more than %d moves; cut short", c->exercises[e].id,
                        CHOREO_MAX_INSTANCES);
        }
    }
    return ch;
}

/* Resolves --scene to a playlist index; prints the known scenes when it is not there. */
static int scene_index(const content_t *c, const char *scene) {
    if (!scene) return 0;
    content_scene_ref_t ref;
    int i = content_find_scene(c, scene, &ref) ? show_find_in_playlist(c, ref) : -1;
    if (i >= 0) return i;
    char known[1024] = "";
    for (int k = 0; k < c->playlist_count; k++) {
        size_t used = strlen(known);
        snprintf(known + used, sizeof known - used, "%s%s", k ? ", " : "",
                 content_scene_id(c, c->playlist[k]));
    }
    log_error("--scene: no scene '%s' in the playlist (scenes: %s)", scene, known);
    return -1;
}

/* Assets folder and content file, from the command line or the defaults. */
static int locate_content(app_t *app, const char *content_path, const char *lang) {
    char err[1200];
    if (!assets_locate(app->assets_dir, sizeof app->assets_dir, err, sizeof err)) {
        log_error("%s", err);
        return APP_EXIT_RUNTIME;
    }
    int n = content_path ? snprintf(app->content_path, sizeof app->content_path, "%s", content_path)
                         : snprintf(app->content_path, sizeof app->content_path,
                                    "%s/content/%s.yaml", app->assets_dir, lang ? lang : "en");
    if (n < 0 || (size_t)n >= sizeof app->content_path) {
        log_error("the content file's path is too long");
        return APP_EXIT_USAGE;
    }
    return APP_EXIT_OK;
}

/* What the parser cannot know: the QR code can be made, every routine fits. */
/* A font or image the theme names: there, a regular file (a folder or a FIFO would crash or
 * hang the loader), inside the assets folder, and one that loads, opened the way the show
 * opens it (assets_path, assets_open). */
static bool asset_usable(const char *assets, const char *rel, const char *key, const char *path,
                         bool font) {
    char joined[2200], real[PATH_MAX], err[1200];
    struct stat st;
    snprintf(joined, sizeof joined, "%s/%s", assets, rel);
    const char *why = NULL;
    SDL_RWops *rw = NULL;
    if (stat(joined, &st) != 0) why = "is not there";
    else if (!S_ISREG(st.st_mode)) why = "is not a file";
    else if (!assets_path(assets, rel, real, sizeof real, err, sizeof err)) {
        why = "must be a file inside the assets folder";
    } else if (!(rw = assets_open(real, font ? ASSETS_MAX_FONT : ASSETS_MAX_IMAGE, err,
                                  sizeof err))) {
        why = "cannot be read (too large?)";
    } else if (font) {
        TTF_Font *f = TTF_OpenFontRW(rw, 1, 16);
        if (!f) why = "is not a font that can be read";
        else TTF_CloseFont(f);
    } else {
        /* an SVG is read and drawn small: drawn at its own size it costs a frame or two */
        size_t n = strlen(rel);
        bool svg = n > 4 && !strcmp(rel + n - 4, ".svg");
        SDL_Surface *img = svg ? IMG_LoadSizedSVG_RW(rw, 16, 16) : IMG_Load_RW(rw, 0);
        SDL_RWclose(rw);
        if (!img) why = "is not an image that can be read (PNG, JPEG or SVG)";
        else SDL_FreeSurface(img);
    }
    if (why) log_error("%s: theme.%s: %s %s (in %s)", path, key, rel, why, assets);
    return !why;
}

/* The fonts and the mark the theme names (a start would fail, or show without them). */
static bool assets_usable(const content_t *c, const char *path, const char *assets) {
    if (!TTF_WasInit() && TTF_Init() != 0) {
        log_error("cannot start the font engine: %s", TTF_GetError());
        return false;
    }
    bool ok = asset_usable(assets, c->theme.font_regular, "font_regular", path, true);
    ok = asset_usable(assets, c->theme.font_bold, "font_bold", path, true) && ok;
    if (c->theme.mark) ok = asset_usable(assets, c->theme.mark, "mark", path, false) && ok;
    return ok;
}

bool app_content_usable(const content_t *c, const char *path, const char *assets_dir) {
    bool ok = assets_usable(c, path, assets_dir);
    if (!render_qr_possible(c)) {
        log_error("%s: clinic.qr_text is too long for a QR code", path);
        ok = false;
    }
    choreo_t *ch = SDL_malloc(sizeof *ch);
    for (int e = 0; ch && e < c->exercise_count; e++) {
        if (!choreo_build(ch, c, e, CHOREO_PACING_FOLLOW)) {
            log_error("%s: %s: the routine repeats to more than %d moves; repeat less", path,
                      c->exercises[e].id, CHOREO_MAX_INSTANCES);
            ok = false;
        }
    }
    SDL_free(ch);
    return ok;
}

/* A kiosk whose content file, or the fonts or picture it names, cannot be shown does not blank
 * the TV: it shows the last good copy with the fonts and picture kept beside it (the last good
 * set), else that copy with the installed ones, else the shipped content with the installed
 * ones, else the shipped content with the kept ones; and it goes on watching the file for a
 * fix (the file's path stays app->content_path). Sets app->content_assets. */
static content_t *kiosk_fallback(app_t *app, const char *lang) {
    char kept[1200], kept_assets[1200], shipped[1200], err[1300];
    struct stat st;
    bool have_kept = lastgood_path(kept, sizeof kept, err, sizeof err) &&
                     lastgood_assets(kept_assets, sizeof kept_assets, err, sizeof err);
    if (!have_kept) log_warning("%s", err);
    have_kept = have_kept && stat(kept, &st) == 0;
    snprintf(shipped, sizeof shipped, "%s/content/%s.yaml", app->assets_dir, lang ? lang : "en");
    bool shipped_tried = strcmp(shipped, app->content_path) == 0; /* tried with these assets */
    const struct {
        const char *content, *assets;
        bool skip;
    } tries[] = {
        {kept, kept_assets, !have_kept || stat(kept_assets, &st) != 0},
        {kept, app->assets_dir, !have_kept},
        {shipped, app->assets_dir, shipped_tried},
        {shipped, kept_assets, !have_kept || stat(kept_assets, &st) != 0},
    };
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        if (tries[i].skip) continue;
        content_t *c = load_checked(tries[i].content, tries[i].assets, false, false, NULL, 0);
        if (!c) continue;
        snprintf(app->content_assets, sizeof app->content_assets, "%s", tries[i].assets);
        log_must(LOG_WARNING, "%s: not usable: the kiosk shows %s%s%s until the file is fixed",
                 app->content_path, tries[i].content,
                 tries[i].assets == kept_assets ? " with the fonts and picture kept in " : "",
                 tries[i].assets == kept_assets ? kept_assets : "");
        return c;
    }
    return NULL;
}

/* Content, routines, the show (a kiosk's when `kiosk`), the window and the renderer: the show
 * is set before the renderer, which prepares its first frame. Returns an exit code. */
int app_start(app_t *app, const char *content_path, const char *lang, const char *scene,
              choreo_pacing_t pacing, const platform_desc_t *desc, bool kiosk) {
    int rc = locate_content(app, content_path, lang);
    if (rc) return rc;
    bool show = !desc->offscreen; /* a show someone watches keeps its content on disk */
    snprintf(app->content_assets, sizeof app->content_assets, "%s", app->assets_dir);
    app->content = load_checked(app->content_path, app->assets_dir, show, false, NULL, 0);
    if (!app->content && kiosk) app->content = kiosk_fallback(app, lang);
    if (!app->content) return APP_EXIT_USAGE;
    int index = scene_index(app->content, scene);
    if (index < 0) rc = APP_EXIT_USAGE;
    if (!rc) app->choreos = app_build_choreos(app->content, pacing);
    if (!rc && !app->choreos) rc = APP_EXIT_RUNTIME;
    if (!rc && kiosk) { /* a visitor's keys switch the kiosk to follow-along pacing */
        app->choreos_follow = app_build_choreos(app->content, CHOREO_PACING_FOLLOW);
        if (!app->choreos_follow) rc = APP_EXIT_RUNTIME;
        else show_init_kiosk(&app->show, app->content, app->choreos, app->choreos_follow, index);
    } else if (!rc) {
        show_init(&app->show, app->content, app->choreos, index);
    }
    if (!rc && !platform_init(&app->platform, desc)) rc = APP_EXIT_RUNTIME;
    int w = 0, h = 0;
    if (!rc) platform_drawable_size(&app->platform, &w, &h);
    if (!rc && !render_init(&app->render, app->content, app->content_assets,
                            app->platform.linked_programs, &app->show, w, h)) {
        platform_shutdown(&app->platform);
        rc = APP_EXIT_RUNTIME;
    }
    if (rc) {
        SDL_free(app->choreos);
        SDL_free(app->choreos_follow);
        SDL_free(app->content);
        app->choreos = app->choreos_follow = NULL;
        app->content = NULL;
    }
    return rc;
}

/* The content's sound for the mode. */
static const content_sound_t *sound_of(const app_t *app, bool kiosk) {
    return kiosk ? &app->content->sound.kiosk : &app->content->sound.interactive;
}

void app_sound_start(app_t *app, cli_sound_t choice, bool kiosk) {
    const content_sound_t *cs = sound_of(app, kiosk);
    app->sound_chosen = choice != CLI_SOUND_CONTENT;
    sound_init(&app->sound, app->sound_chosen ? choice == CLI_SOUND_ON : cs->on, cs->volume);
}

void app_sound_content(app_t *app, bool kiosk) {
    const content_sound_t *cs = sound_of(app, kiosk);
    sound_set_volume(&app->sound, cs->volume);
    if (!app->sound_chosen && cs->on != app->sound.on) sound_set_on(&app->sound, cs->on);
}

void app_close(app_t *app) {
    sound_close(&app->sound);
    present_free(&app->present);
    gfx_target_free(&app->offscreen);
    if (app->platform.gl) {
        render_shutdown(&app->render);
        platform_shutdown(&app->platform);
    }
    SDL_free(app->choreos);
    SDL_free(app->choreos_follow);
    SDL_free(app->content);
    app->choreos = app->choreos_follow = NULL;
    app->content = NULL;
}

int app_open_offscreen(app_t *app, const char *content_path, const char *lang, const char *scene,
                       choreo_pacing_t pacing) {
    memset(app, 0, sizeof *app);
    /* Headless by construction: the offscreen driver renders through EGL with no display. */
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    platform_desc_t desc = {.title = "stretch-kiosk", .offscreen = true, .width = 64, .height = 64};
    return app_start(app, content_path, lang, scene, pacing, &desc, false);
}

void app_advance(app_t *app, double seconds) {
    long ticks = lround(seconds * APP_TICK_HZ);
    for (long i = 0; i < ticks; i++) show_update(&app->show, 1.0 / APP_TICK_HZ);
}

bool app_render_offscreen(app_t *app, int w, int h, unsigned char *rgba) {
    if (gfx_target_bind(&app->offscreen, w, h) < 0) {
        log_error("cannot make a %dx%d offscreen framebuffer", w, h);
        return false;
    }
    app->damage = render_frame(&app->render, &app->show, w, h, app->force_full);
    app->force_full = false;
    if (rgba) gfx_read_rgba(w, h, rgba);
    else glFinish(); /* no swap or read-back here: without it the driver queues forever */
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return true;
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

static int run_screenshot(const cli_options_t *o) {
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
static int run_dump_pose(const cli_options_t *o) {
    app_t *app = SDL_calloc(1, sizeof *app); /* (large: the renderer's framings) */
    if (!app) {
        log_error("out of memory");
        return APP_EXIT_RUNTIME;
    }
    int rc = locate_content(app, o->content_path, o->lang);
    content_t *c = rc ? NULL : app_load_content(app->content_path);
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

/* ---- --bench ---------------------------------------------------------------------------- */

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Milliseconds since this process started (its start time from /proc, in clock ticks). */
static double ms_since_process_start(void) {
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f) return -1;
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    if (!p) return -1;
    unsigned long long start = 0;
    /* after ") ": state is field 3; starttime is field 22 */
    if (sscanf(p + 2,
               "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d "
               "%*d %llu",
               &start) != 1) {
        return -1;
    }
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    double ticks = (double)sysconf(_SC_CLK_TCK);
    return (ts.tv_sec + ts.tv_nsec / 1e9 - (double)start / ticks) * 1e3;
}

static double cpu_ms(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* Proportional set size from /proc/self/smaps_rollup, KiB (0 if unknown). */
static long pss_kib(void) {
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f) return 0;
    char line[256];
    long kib = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "Pss: %ld kB", &kib) == 1) break;
    }
    fclose(f);
    return kib;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double percentile(const double *sorted, long n, double p) {
    long i = (long)ceil(p * (double)n) - 1;
    if (i < 0) i = 0;
    if (i >= n) i = n - 1;
    return sorted[i];
}

/* Plays the kiosk loop offscreen on a simulated 60 Hz clock, the way the TV shows it (only
 * what changed redrawn, the canvas presented when something did), and reports what it cost
 * against the budgets of the waiting-room box. */
static int run_bench(const cli_options_t *o) {
    double started = ms_since_process_start() - now_ms(); /* start, on our clock */
    app_t *app = SDL_calloc(1, sizeof *app);
    if (!app) return APP_EXIT_RUNTIME;
    choreo_pacing_t pacing =
        !o->pacing_set || o->demo_pacing ? CHOREO_PACING_DEMO : CHOREO_PACING_FOLLOW;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    /* a cold start, as after a reboot: Mesa's shader cache off, unless the caller chose */
    bool cache_chosen = getenv("MESA_SHADER_CACHE_DISABLE") || getenv("MESA_SHADER_CACHE_DIR");
    if (!cache_chosen) setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
    int w = o->width, h = o->height;
    platform_desc_t desc = {
        .title = "stretch-kiosk bench", .offscreen = true, .width = w, .height = h};
    int rc = app_start(app, o->content_path, o->lang, NULL, pacing, &desc, false);
    if (rc) {
        SDL_free(app);
        return rc;
    }
    show_init(&app->show, app->content, app->choreos, 0);
    /* --sound on: the cues heard while the frames are timed (through SDL_AUDIODRIVER's) */
    sound_init(&app->sound, o->sound == CLI_SOUND_ON, app->content->sound.kiosk.volume);
    double loop = 0;
    for (int i = 0; i < app->content->playlist_count; i++) {
        show_t probe = app->show;
        probe.view.scene = app->content->playlist[i];
        loop += show_scene_seconds(&probe, app->content->playlist[i]);
    }
    long per_loop = lround(loop * APP_TICK_HZ);
    long frames = o->frames > 0 ? o->frames : 2 * per_loop;
    double *times = SDL_malloc((size_t)frames * sizeof *times);
    if (!times) {
        app_close(app);
        SDL_free(app);
        return APP_EXIT_RUNTIME;
    }
    /* steady state: after the text cache is warm, and after one whole loop when two are played */
    long steady_from = -1, steady_allocs = 0, presented = 0, redrawn_pixels = 0;
    long allocs_at_steady = 0, pss_peak = 0, pss_peak_frame = 0;
    double first_frame = -1, cpu_start = cpu_ms(), wall_start = now_ms();
    int texts_before = app->render.text.rasterised, texts_in_first = 0; /* set at start-up */
    for (long i = 0; i < frames; i++) {
        double t0 = now_ms();
        if (i > 0) show_update(&app->show, 1.0 / APP_TICK_HZ);
        if (i > 0) sound_tick(&app->sound, &app->show);
        /* as on the TV: drawn where it is shown, only what changed (the pbuffer keeps the rest,
         * like the X11 back buffer presented a rectangle at a time) */
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        app->damage = render_frame(&app->render, &app->show, w, h, i == 0);
        if (app->damage.w > 0) {
            presented++;
            redrawn_pixels += (long)(app->damage.w * app->damage.h);
        }
        glFinish(); /* the software rasteriser's work belongs to this frame */
        times[i] = now_ms() - t0;
        if (getenv("SK_BENCH_VERBOSE") && times[i] > 12.0) {
            printf("bench: frame %ld: %.1f ms, scene %s%s, damage %.0fx%.0f\n", i, times[i],
                   content_scene_id(app->content, app->show.view.scene),
                   app->show.transitioning ? " (transition)" : "", app->damage.w, app->damage.h);
        }
        if (i == 0) {
            first_frame = now_ms() + started;
            texts_in_first = app->render.text.rasterised - texts_before;
        }
        if (i % APP_TICK_HZ == 0 || i == frames - 1) { /* the peak, sampled once a second */
            long pss_now = pss_kib();
            if (pss_now > pss_peak) pss_peak = pss_now, pss_peak_frame = i;
        }
        bool warm = app->render.warm_task > app->content->playlist_count;
        if (steady_from < 0 && warm && (frames < 2 * per_loop ? i >= 60 : i >= per_loop)) {
            steady_from = i + 1;
            allocs_at_steady = memcount_allocations();
        }
    }
    double wall = now_ms() - wall_start, cpu = cpu_ms() - cpu_start;
    if (steady_from >= 0) steady_allocs = memcount_allocations() - allocs_at_steady;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long pss = pss_kib();
    double *sorted = SDL_malloc((size_t)frames * sizeof *sorted);
    memcpy(sorted, times + 1, (size_t)(frames - 1) * sizeof *sorted); /* frame 0: first frame */
    long n = frames > 1 ? frames - 1 : 1;
    if (frames == 1) sorted[0] = times[0];
    qsort(sorted, (size_t)n, sizeof *sorted, compare_double);
    double med = percentile(sorted, n, 0.5), p95 = percentile(sorted, n, 0.95);
    double p99 = percentile(sorted, n, 0.99), max = sorted[n - 1];
    double cpu_per = cpu / (double)frames;
    printf("bench: %dx%d, %s pacing, %ld frames at 60 Hz (the playlist loops every %.1f s = %ld "
           "frames), %.1f s wall\n",
           w, h, pacing == CHOREO_PACING_DEMO ? "demo" : "follow", frames, loop, per_loop,
           wall / 1e3);
    printf("frame wall ms: median %.2f  p95 %.2f  p99 %.2f  max %.2f\n", med, p95, p99, max);
    printf("frame cpu ms: %.2f per frame (user+system of all threads over %ld frames)\n", cpu_per,
           frames);
    printf("frames presented: %ld of %ld; redrawn: %.1f%% of the pixels of all frames\n", presented,
           frames, 100.0 * (double)redrawn_pixels / ((double)w * h * (double)frames));
    printf("first frame: %.0f ms after process start (Mesa's shader cache %s); texts set for "
           "it at start-up: %d, in it: %d\n",
           first_frame, cache_chosen ? "as the environment sets it" : "off: a cold start",
           texts_before, texts_in_first);
    long text_bytes = 0;
    for (int i = 0; i < app->render.text.entry_count; i++) {
        text_bytes +=
            (long)app->render.text.entries[i].block.w * app->render.text.entries[i].block.h;
    }
    printf("memory: peak PSS %.1f MiB (frame %ld), PSS at the end %.1f MiB, peak RSS %.1f MiB "
           "(text cache: %d textures, %.1f MiB)\n",
           pss_peak / 1024.0, pss_peak_frame, pss / 1024.0, ru.ru_maxrss / 1024.0,
           app->render.text.entry_count, text_bytes / 1048576.0);
    if (steady_from >= 0) {
        printf("heap allocations in steady-state frames: %ld (frames %ld to %ld)\n", steady_allocs,
               steady_from, frames - 1);
    } else {
        printf("heap allocations in steady-state frames: unknown (no steady state reached)\n");
    }
    if (app->sound.on) { /* (the audio thread's allocations are counted above too) */
        int state = atomic_load(&app->sound.state);
        printf("sound: on, %ld cues heard (%s %s)\n", (long)atomic_load(&app->sound.heard),
               state == SOUND_READY ? "SDL audio driver" : "no audio device:",
               state == SOUND_READY    ? SDL_GetCurrentAudioDriver()
               : state == SOUND_FAILED ? app->sound.error /* written before FAILED */
                                       : "still opening");
    }
    /* the waiting-room box's budgets: 2 cores, no GPU */
    bool big = (long)w * h > 1920L * 1080L;
    char over[512] = "";
    size_t used = 0;
#define OVER(...) \
    used += (size_t)snprintf(over + used, used < sizeof over ? sizeof over - used : 0, __VA_ARGS__)
    if (!big && (p99 > 16.7 || max > 16.7)) OVER(" p99 %.1f / max %.1f ms > 16.7;", p99, max);
    if (big && p99 >= 33.0) OVER(" p99 %.1f ms >= 33;", p99);
    if (cpu_per > (big ? 12.0 : 4.0)) OVER(" cpu %.2f ms/frame > %.0f;", cpu_per, big ? 12.0 : 4.0);
    if (!big && first_frame > 150.0) OVER(" first frame %.0f ms > 150;", first_frame);
    if (!big && pss_peak > 100 * 1024) OVER(" peak PSS %.1f MiB > 100;", pss_peak / 1024.0);
    if (steady_from < 0 || steady_allocs > 0)
        OVER(" %ld heap allocations in steady state;", steady_allocs);
#undef OVER
    if (over[0]) printf("bench: over budget:%s\n", over);
    else printf("bench: ok\n");
    SDL_free(sorted);
    SDL_free(times);
    app_close(app);
    SDL_free(app);
    return over[0] ? APP_EXIT_RUNTIME : APP_EXIT_OK;
}

static int run_check(const cli_options_t *o) {
    content_t *c = app_check_content(o->check_path, NULL, 0);
    if (!c) return APP_EXIT_USAGE;
    printf("%s: ok (%d exercises, %d reviews, %d scenes in the playlist)\n", o->check_path,
           c->exercise_count, c->reviews.count, c->playlist_count);
    SDL_free(c);
    return APP_EXIT_OK;
}

int app_main(int argc, char **argv) {
    memcount_install(); /* before anything allocates through SDL */
    cli_options_t o;
    char err[512];
    if (!cli_parse(argc, argv, &o, err, sizeof err)) {
        log_error("%s", err);
        return APP_EXIT_USAGE;
    }
    switch (o.mode) {
    case CLI_MODE_HELP: fputs(cli_usage(), stdout); return APP_EXIT_OK;
    case CLI_MODE_VERSION: printf("stretch-kiosk %s\n", SK_VERSION); return APP_EXIT_OK;
    case CLI_MODE_CHECK_CONTENT: return run_check(&o);
    case CLI_MODE_DUMP_POSE: return run_dump_pose(&o);
    case CLI_MODE_BENCH: return run_bench(&o);
    case CLI_MODE_IMPORT: return import_main(o.import_path, o.content_path);
    case CLI_MODE_SCREENSHOT: return run_screenshot(&o);
    default: return app_run_show(&o);
    }
}
