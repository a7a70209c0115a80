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
        for (int i = 0; i < content.exercise_count; i++) {
            if (!choreography_valid(&content.exercises[i])) {
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
