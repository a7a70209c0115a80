/* cli: the command line parsed into options (DESIGN §6). Pure: no SDL, no GL, no printing. */
#ifndef SK_CLI_H
#define SK_CLI_H

#include <stdbool.h>
#include <stddef.h>

typedef enum cli_mode_t {
    CLI_MODE_RUN = 0,       /* the show, in a window */
    CLI_MODE_SCREENSHOT,    /* render one frame offscreen to a PNG and exit */
    CLI_MODE_CHECK_CONTENT, /* validate a content file and exit */
    CLI_MODE_DUMP_POSE,     /* print the figure's joints as JSON and exit */
    CLI_MODE_BENCH,         /* play the kiosk loop offscreen, print frame costs, exit */
    CLI_MODE_IMPORT,        /* install content from a USB stick's folder (checked) and exit */
    CLI_MODE_HANDOUT,       /* write the printed take-home handout and exit */
    CLI_MODE_HELP,
    CLI_MODE_VERSION,
    CLI_MODE_NUM
} cli_mode_t;

#define CLI_DEFAULT_WINDOW_W 1280
#define CLI_DEFAULT_WINDOW_H 720
#define CLI_DEFAULT_SHOT_W 1920
#define CLI_DEFAULT_SHOT_H 1080
#define CLI_MIN_SIZE 64
#define CLI_MAX_SIZE 16384

/* --sound: the content's choice for the mode, or the user's. */
typedef enum cli_sound_t {
    CLI_SOUND_CONTENT = 0, /* not given: as the content file says for the mode */
    CLI_SOUND_ON,
    CLI_SOUND_OFF,
    CLI_SOUND_NUM
} cli_sound_t;

typedef struct cli_options_t {
    cli_mode_t mode;
    bool windowed;            /* --windowed: a window instead of fullscreen */
    int width, height;        /* --windowed=WxH or --size WxH; 0 = default for the mode */
    const char *content_path; /* --content FILE; NULL = assets/content/<lang>.yaml */
    const char *lang;         /* --lang CODE; default "en" */
    const char *scene;        /* --scene ID; NULL = first of the playlist */
    const char *screenshot_path;
    double at;                /* --at SECONDS, scene time; default 0 */
    double at_end, at_step;   /* --dump-pose --at START:END:STEP; at_step 0 = one time */
    const char *check_path;   /* --check-content FILE */
    const char *import_path;  /* --import DIR: the stick's mount point */
    const char *import_from;  /* --from LABEL: where --import's content came from ("USB") */
    bool region_figure;       /* --region figure: crop the screenshot to the figure's box */
    bool demo_pacing;         /* --pacing demo (holds cut short) rather than follow */
    bool pacing_set;          /* --pacing was given */
    bool kiosk;               /* --kiosk: the unattended waiting-room loop */
    long frames;              /* --bench --frames N; 0 = two loops of the playlist */
    cli_sound_t sound;        /* --sound on|off: the show's sound cues */
    const char *handout_path; /* --handout FILE.pdf|.png|.json */
    bool paper_a4;            /* --paper a4 (default letter) */
    bool paper_set;
} cli_options_t;

/* Parses argv. Returns false with a one-line message in err on a usage error.
 * Strings in *out point into argv. */
bool cli_parse(int argc, char **argv, cli_options_t *out, char *err, size_t err_size);

#define CLI_MAX_SAMPLES 1000000 /* most lines one --dump-pose range may print */
#define CLI_MAX_LABEL 40        /* longest --from LABEL */

/* The --help text. */
const char *cli_usage(void);

#endif
