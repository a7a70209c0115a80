/* fuzz_content: libFuzzer target feeding arbitrary bytes to content_parse.
 * Depends on content.c and libyaml only; not part of the build. Build by hand, e.g.
 *   clang -g -fsanitize=fuzzer,address,undefined -Isrc/core src/core/content.c \
 *     tests/fuzz_content.c $(pkg-config --cflags --libs yaml-0.1) -o fuzz_content
 *   ./fuzz_content -dict=... tests/data assets/content */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "content.h"

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
