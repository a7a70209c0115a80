/* files: writing a file so that a power cut leaves the old one or the new one, never half of
 * one, and the folder a service keeps its state in. Depends on libc (POSIX files) only. */
#ifndef SK_FILES_H
#define SK_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* The state folder, made if missing: $STATE_DIRECTORY (systemd's StateDirectory=; the first
 * of several), else $XDG_STATE_HOME/stretch-kiosk, else ~/.local/state/stretch-kiosk. */
bool files_state_dir(char *dir, size_t size, char *err, size_t err_size);

/* mkdir -p. */
bool files_make_dirs(const char *dir);

/* Writes data to path in full and fsyncs it (0644, never through a link at the last step);
 * a file left half written is removed. */
bool files_write_synced(const char *path, const void *data, size_t len, char *err, size_t err_size);

/* A temporary file beside path, fsynced, renamed over it, and the folder fsynced. */
bool files_write_atomic(const char *path, const void *data, size_t len, char *err, size_t err_size);

/* fsyncs the folder holding `file` (a rename in it then survives a power cut). */
bool files_sync_folder(const char *file);

#endif
