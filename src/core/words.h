/* words: a language's file (issue 17). A show written once (show.yaml: clinic, theme, timing,
 * playlist, kiosk, sound, the exercises' choreography, the help rows, the reviews) and, per
 * language, a file of words only (en.yaml, es.yaml: labels, intro, contact, the exercises'
 * titles and steps, the help rows' keys and actions, the reviews' heading, the kiosk's hint).
 *
 * words_overlay lays one language's words over the show's YAML document, so that content.c
 * reads the two as one file with the walker it has; words_compare checks a translation
 * against the reference language (English), text by text.
 *
 * The words file's nodes are copied into the show's document with WORDS_MARK set in their
 * marks' index, so every message about them, from here or from content.c's walker, names the
 * words file and its own line and column.
 *
 * Pure core: libyaml and libc only; no SDL, no GL, no files, no printing. */
#ifndef SK_WORDS_H
#define SK_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

/* Set in yaml_mark_t.index of a node that came from the words file. */
#define WORDS_MARK ((size_t)1 << 60)

/* Where messages go: `mark` is the node at fault (WORDS_MARK set when it is the words
 * file's), `message` one sentence. */
typedef struct words_report_t {
    void (*error)(void *ctx, yaml_mark_t mark, const char *message);
    void *ctx;
} words_report_t;

/* Lays `words` (a language's file, its root a mapping) over `show` (the show's document,
 * changed in place): its labels, intro and contact as sections of their own; its exercises'
 * words into the show's exercise of the same id; its help rows' keys and actions into the
 * show's help rows (`help:`, moved under labels); the reviews' title and the kiosk's hint
 * into theirs; `language` and `name` (as `language_name`) at the top. Reports words in the
 * show's file, anything but words in the words file, an exercise or help row that one has and
 * the other not. Returns false when it reported anything; `show` is then still a document
 * (freed by the caller) but not one to read. */
bool words_overlay(yaml_document_t *show, const yaml_document_t *words, words_report_t report);

/* Checks `translation` against `reference` (both a language's file): every text of the
 * reference is there (a missing one named, with the reference's words), none more (a text the
 * show does not use), lists of the same length, and each text with the same placeholders
 * ({clinic.phone}, {n}, …) as the reference's, none dropped or added. `language` and `name`
 * are the translation's own. Marks are the translation's (WORDS_MARK set). Returns false
 * when it reported anything. */
bool words_compare(const yaml_document_t *reference, const yaml_document_t *translation,
                   words_report_t report);

#endif
