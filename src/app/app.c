/* app: what every mode shares — content loaded and checked as a start checks it (and the
 * kiosk's fallback to the last good set), the show started and closed with its window and
 * renderer, frames drawn offscreen, the sound. The modes themselves are main.c (dispatch),
 * loop.c (the show), tools.c (screenshot, dump-pose, check-content, the state dump), bench.c
 * and import.c. Startup failures unwind through one path.
 * Depends on SDL, SDL_ttf, SDL_image, GL and core; not on the loop, the tools or the bench. */
#define _GNU_SOURCE
#include "app.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <math.h>
#include <sys/stat.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "kiosk.h"
#include "lastgood.h"
#include "log.h"
#include "textcheck.h"

/* Keeps the first problem found (for a short on-screen or import message). */
static void note_first(char *first, size_t size, const char *msg) {
    if (first && size && !first[0]) snprintf(first, size, "%s", msg);
}

/* Reads and parses a content's files; with `kept`, the texts read are handed back (kept->text,
 * heap) when they parse. */
static content_t *load_files(const content_files_t *paths, char *first, size_t first_size,
                             content_files_t *kept) {
    char err[1200];
    content_files_t f = *paths;
    f.text[0] = f.text[1] = NULL;
    if (!content_files_read(&f, err, sizeof err)) {
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
        content_files_free(&f);
        return NULL;
    }
    bool ok = content_files_parse(&f, c, errors);
    /* a language's file is named for its language: es.yaml copied to fr.yaml and not yet
     * translated would otherwise stand in for es.yaml's words, and be kept as them */
    const char *words = f.path[CONTENT_FILE_WORDS], *base = strrchr(words, '/');
    base = base ? base + 1 : words;
    size_t code_len = ok && c->language ? strlen(c->language) : 0;
    if (ok && content_files_split(&f) && c->language &&
        (strncmp(base, c->language, code_len) != 0 || strcmp(base + code_len, ".yaml") != 0)) {
        snprintf(err, sizeof err,
                 "%s: this file says language: %s; a language's file is named for its language "
                 "(%s.yaml), and the show finds it by that name",
                 words, c->language, c->language);
        log_must(LOG_ERROR, "%s", err);
        note_first(first, first_size, err);
        SDL_free(c);
        SDL_free(errors);
        content_files_free(&f);
        return NULL;
    }
    if (!ok) {
        for (int i = 0; i < errors->count; i++) {
            content_error_format(&errors->items[i], content_files_name(&f, errors->items[i].file),
                                 err, sizeof err);
            if (i == 0) log_must(LOG_ERROR, "%s", err); /* the first always reaches the journal */
            else log_error("%s", err);
            note_first(first, first_size, err);
        }
        if (errors->total > errors->count) {
            log_error("%s: %d more errors not shown", f.path[CONTENT_FILE_SHOW],
                      errors->total - errors->count);
        }
        SDL_free(c);
        c = NULL;
    }
    if (c && kept) *kept = f;
    else content_files_free(&f);
    SDL_free(errors);
    return c;
}

/* The files of the content named by `path` in `lang` (NULL: its own or first), said when
 * they cannot be found. */
static bool find_files(content_files_t *f, const char *path, const char *lang, char *first,
                       size_t first_size) {
    char err[1200];
    if (content_files_find(f, path, lang, err, sizeof err)) return true;
    log_error("%s", err);
    note_first(first, first_size, err);
    return false;
}

content_t *app_load_content(const char *path, const char *lang) {
    return app_read_content(path, lang, NULL, 0);
}

content_t *app_read_content(const char *path, const char *lang, char *first, size_t first_size) {
    content_files_t f;
    if (first && first_size) first[0] = '\0';
    return find_files(&f, path, lang, first, first_size) ? load_files(&f, first, first_size, NULL)
                                                         : NULL;
}

content_t *app_parse_files(const content_files_t *paths, content_files_t *kept) {
    return load_files(paths, NULL, 0, kept);
}

/* Loaded and checked as a start checks it, its fonts and mark from `assets` (NULL: the
 * installed assets folder, assets_locate); with `keep`, a good one becomes the last good set
 * on disk (the bytes that were checked, not the files read again, and its fonts and mark);
 * with `texts`, every text must also be showable as written (textcheck: glyphs, fit, reading
 * time). */
static content_t *load_checked(const content_files_t *paths, const char *assets, bool keep,
                               bool texts, char *first, size_t first_size) {
    if (first && first_size) first[0] = '\0';
    char installed[APP_PATH_MAX], err[1300];
    content_files_t f = {0};
    content_t *c = load_files(paths, first, first_size, &f);
    const char *path = paths->path[CONTENT_FILE_SHOW];
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
    if (c && texts && textcheck_content(c, &f, assets, first, first_size) > 0) {
        SDL_free(c);
        c = NULL;
    }
    if (c && keep && !lastgood_save_set(&f, c, assets, err, sizeof err)) {
        log_error("%s", err);
    }
    content_files_free(&f); /* (the texts read, whether or not the checks took them) */
    return c;
}

content_t *app_check_file(const char *path, const char *lang, char *first, size_t first_size) {
    content_files_t f;
    if (!find_files(&f, path, lang, first, first_size)) return NULL;
    return load_checked(&f, NULL, false, false, first, first_size);
}

content_t *app_check_files(const content_files_t *files, char *first, size_t first_size) {
    return load_checked(files, NULL, false, true, first, first_size);
}

content_t *app_check_content(const char *path, const char *lang, char *first, size_t first_size) {
    content_files_t f;
    if (!find_files(&f, path, lang, first, first_size)) return NULL;
    return load_checked(&f, NULL, false, true, first, first_size);
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

/* An installed binary's /etc/stretch-kiosk/en.yaml when it is a whole file, the one-file
 * content of before languages, which the clinic may have edited and an upgrade kept: shown as
 * it is rather than read as the English words of the new show.yaml beside it. */
static bool legacy_config(char *out, size_t size) {
    char *text = NULL, err[64];
    size_t len = 0;
    bool whole = assets_config_content("en", out, size) &&
                 assets_read(out, &text, &len, err, sizeof err) &&
                 content_kind(text, len) == CONTENT_KIND_WHOLE;
    SDL_free(text);
    return whole;
}

/* Assets folder and content, from the command line or the defaults (an installed binary:
 * the clinic's /etc/stretch-kiosk/show.yaml when there, else the shipped one), and the files
 * of the language asked for (app->files). */
int app_locate_content(app_t *app, const char *content_path, const char *lang) {
    char err[1200];
    if (!assets_locate(app->assets_dir, sizeof app->assets_dir, err, sizeof err)) {
        log_error("%s", err);
        return APP_EXIT_RUNTIME;
    }
    char *out = app->content_path;
    int n =
        content_path ? snprintf(out, sizeof app->content_path, "%s", content_path)
        : legacy_config(out, sizeof app->content_path) /* a clinic's one-file content */
            ? (int)strlen(out)
            : assets_config_content("show", out, sizeof app->content_path) /* /etc/stretch-kiosk */
                  ? (int)strlen(out)
                  : snprintf(out, sizeof app->content_path, "%s/content/%s", app->assets_dir,
                             CONTENT_FILES_SHOW);
    if (n < 0 || (size_t)n >= sizeof app->content_path) {
        log_error("the content file's path is too long");
        return APP_EXIT_USAGE;
    }
    /* not found (unreadable, a show naming no language): said, and a kiosk falls back to its
     * last good set, watching the file named for a fix */
    app->files_missing = !find_files(&app->files, app->content_path, lang, NULL, 0);
    if (app->files_missing) {
        memset(&app->files, 0, sizeof app->files);
        snprintf(app->files.path[CONTENT_FILE_SHOW], sizeof app->files.path[0], "%s",
                 app->content_path);
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
        log_error("%s: clinic.qr_text or clinic.handout_url is too long for a QR code", path);
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

/* A kiosk whose content, or the fonts or picture it names, cannot be shown does not blank the
 * TV: it shows the last good copy with the fonts and picture kept beside it (the last good
 * set), else that copy with the installed ones, else the shipped content with the installed
 * ones, else the shipped content with the kept ones (each in the language asked for when it
 * has it, else its own); and it goes on watching the files for a fix (app->files stays what
 * was asked for). Sets app->content_assets. */
static content_t *kiosk_fallback(app_t *app, const char *lang) {
    char kept[1200], kept_assets[1200], shipped[1200], err[1300];
    struct stat st;
    bool have_kept = lastgood_path(kept, sizeof kept, err, sizeof err) &&
                     lastgood_assets(kept_assets, sizeof kept_assets, err, sizeof err);
    if (!have_kept) log_warning("%s", err);
    have_kept = have_kept && stat(kept, &st) == 0;
    snprintf(shipped, sizeof shipped, "%s/content/%s", app->assets_dir, CONTENT_FILES_SHOW);
    bool shipped_tried = strcmp(shipped, app->files.path[CONTENT_FILE_SHOW]) == 0;
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
        content_files_t f;
        if (!content_files_find(&f, tries[i].content, lang, err, sizeof err) &&
            !content_files_find(&f, tries[i].content, NULL, err, sizeof err)) {
            continue;
        }
        content_t *c = load_checked(&f, tries[i].assets, false, false, NULL, 0);
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
    int rc = app_locate_content(app, content_path, lang);
    if (rc) return rc;
    bool show = !desc->offscreen; /* a show someone watches keeps its content on disk */
    snprintf(app->content_assets, sizeof app->content_assets, "%s", app->assets_dir);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    app->read_ns = (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
    app->content = app->files_missing
                       ? NULL
                       : load_checked(&app->files, app->assets_dir, show, false, NULL, 0);
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
    else gfx_finish(); /* no swap or read-back here: without it the driver queues forever */
    gfx_bind_window();
    return true;
}
