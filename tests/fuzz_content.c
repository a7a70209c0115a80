/* fuzz_content: libFuzzer target feeding arbitrary bytes to content_parse.
 * Depends on content.c, skeleton.c and libyaml only; not part of the build. Build by hand, e.g.
 *   clang -g -fsanitize=fuzzer,address,undefined -Isrc/core src/core/content.c \
 *     src/core/skeleton.c tests/fuzz_content.c \
 *     $(pkg-config --cflags --libs yaml-0.1 cglm) -lm -o fuzz_content
 *   ./fuzz_content -dict=... tests/data assets/content */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "content.h"
#include "skeleton.h"

static bool valid_joint(int joint)
{
    return joint >= 0 && joint < SKEL_JOINT_NUM;
}

/* What a good load promises the choreography player: every index in range, every repeat
 * going back, spans apart. */
static bool choreography_valid(const content_exercise_t *ex)
{
    if (ex->pose_count < 1 || ex->pose_count > CONTENT_MAX_POSES || ex->phase_count < 1 ||
        ex->phase_count > CONTENT_MAX_PHASES) {
        return false;
    }
    for (int i = 0; i < ex->pose_count; i++) {
        const content_pose_t *pose = &ex->poses[i];
        if (!pose->name || pose->rotated_count < 0 || pose->rotated_count > CONTENT_MAX_ROTATED ||
            pose->reach_count < 0 || pose->reach_count > CONTENT_MAX_REACH) {
            return false;
        }
        for (int k = 0; k < pose->rotated_count; k++) {
            if (!skel_joint_rotates(pose->rotated_joint[k])) {
                return false;
            }
        }
        for (int k = 0; k < pose->reach_count; k++) {
            const content_reach_t *r = &pose->reach[k];
            if (!valid_joint(r->joint) || (r->at_joint != -1 && !valid_joint(r->at_joint))) {
                return false;
            }
        }
    }
    int span_end = -1; /* last phase of the latest repeat span */
    for (int i = 0; i < ex->phase_count; i++) {
        const content_phase_t *ph = &ex->phases[i];
        if (!ph->name || ph->step < 0 || ph->step >= ex->step_count || ph->pose < 0 ||
            ph->pose >= ex->pose_count || ph->seconds < 0.0f ||
            (ph->anchor != -1 && !valid_joint(ph->anchor)) || ph->repeat_times < 1 ||
            ph->repeat_from < -1 || ph->repeat_from > i || ph->hold.count_min > ph->hold.count) {
            return false;
        }
        if (ph->repeat_from >= 0) {
            if (ph->repeat_from <= span_end) {
                return false;
            }
            span_end = i;
        }
    }
    return true;
}

/* A good load's label templates hold the placeholders their keys need, so filling them in
 * leaves no brace of those; content_format keeps to its buffer whatever the text. */
static bool labels_valid(const content_t *c)
{
    static const content_format_args_t ARGS = {.side = "S", .n = "N", .target = "T", .min = "M"};
    const char *const templates[] = {c->labels.side,       c->labels.hold_breaths,
                                     c->labels.hold_seconds, c->labels.hold_range,
                                     c->labels.repetition, c->labels.resuming};
    const char *const needs[] = {"{side}", "{target}", "{target}", "{min}", "{n}", "{n}"};
    for (size_t i = 0; i < sizeof templates / sizeof templates[0]; i++) {
        if (!templates[i] || !strstr(templates[i], needs[i])) {
            return false;
        }
        char out[24];
        for (size_t size = 1; size <= sizeof out; size += 7) {
            size_t n = content_format(out, size, templates[i], &ARGS);
            if (n >= size || out[n] != '\0' || strlen(out) != n) {
                return false;
            }
        }
    }
    const char *const texts[] = {
        c->labels.get_ready,    c->labels.switch_sides, c->labels.breathe_in,
        c->labels.breathe_out,  c->labels.right,        c->labels.left,
        c->labels.hold_comfortable, c->labels.breaths_left, c->labels.seconds_left,
        c->labels.seconds_held,
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (!texts[i] || !*texts[i]) {
            return false;
        }
    }
    return c->timing.demo_hold_seconds > 0.0f && c->timing.demo_breaths >= 1 &&
           c->timing.demo_breaths <= 100 && c->timing.resume_seconds > 0.0f &&
           c->timing.resume_seconds <= 30.0f;
}

/* What a good load promises the kiosk loop, section present or not: a quit chord of two
 * modifiers or more and one key, hours that open before they close, at least one day, and
 * content_kiosk_open agreeing with them. */
static bool kiosk_valid(const content_t *c)
{
    const int mods = c->kiosk.quit_mods;
    const char key = c->kiosk.quit_key;
    const int fkey = c->kiosk.quit_fkey;
    int mod_count = ((mods & CONTENT_MOD_CTRL) != 0) + ((mods & CONTENT_MOD_ALT) != 0) +
                    ((mods & CONTENT_MOD_SHIFT) != 0);
    bool key_ok = (key == 0) != (fkey == 0) &&
                  (key == 0 || (key >= 'a' && key <= 'z') || (key >= '0' && key <= '9')) &&
                  fkey >= 0 && fkey <= 12;
    if (mod_count < 2 || (mods & ~7) != 0 || !key_ok || !c->kiosk.quit_keys ||
        !*c->kiosk.quit_keys || (c->kiosk.hint && !*c->kiosk.hint)) {
        return false;
    }
    int open = c->kiosk.open_minute;
    int close = c->kiosk.close_minute;
    unsigned days = c->kiosk.open_days;
    if (open < 0 || open >= close || close > 24 * 60 || days == 0 || days > 0x7F ||
        !(c->kiosk.drift_pixels >= 0.0f && c->kiosk.drift_pixels <= 20.0f) ||
        !(c->kiosk.reload_seconds >= 0.5f && c->kiosk.reload_seconds <= 60.0f)) {
        return false;
    }
    for (int day = 0; day < 7; day++) {
        bool open_day = c->kiosk.always_open || (days & (1u << day)) != 0;
        if (content_kiosk_open(c, day, open) != open_day ||
            content_kiosk_open(c, day, close - 1) != open_day ||
            (!c->kiosk.always_open && content_kiosk_open(c, day, close))) {
            return false;
        }
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static content_t content; /* ~260 KB: static, reused; content_parse resets it */
    content_errors_t errors;
    bool ok = content_parse(&content, (const char *)data, size, &errors);

    /* Invariants that hold whatever the input. */
    if (content.arena_used > CONTENT_ARENA_BYTES || errors.count > CONTENT_MAX_ERRORS ||
        errors.count > errors.total || ok != (errors.total == 0)) {
        __builtin_trap();
    }
    for (int i = 0; i < errors.count; i++) {
        if (errors.items[i].line < 1 || errors.items[i].column < 1 ||
            memchr(errors.items[i].message, '\0', CONTENT_ERROR_MESSAGE_MAX) == NULL) {
            __builtin_trap();
        }
    }
    if (ok) {
        if (!labels_valid(&content) || !kiosk_valid(&content)) {
            __builtin_trap();
        }
        for (int i = 0; i < content.exercise_count; i++) {
            const content_exercise_t *ex = &content.exercises[i];
            int lo = ex->repetitions_min;
            int hi = ex->repetitions_max;
            bool reps_ok = (lo == 0 && hi == 0) || (lo >= 1 && lo <= hi && hi <= 100);
            if (!choreography_valid(ex) || !reps_ok) {
                __builtin_trap();
            }
        }
        for (int i = 0; i < content.playlist_count; i++) {
            content_scene_ref_t ref;
            if (!content_find_scene(&content, content_scene_id(&content, content.playlist[i]),
                                    &ref)) {
                __builtin_trap();
            }
        }
    }
    return 0;
}
