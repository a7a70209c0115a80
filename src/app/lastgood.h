/* lastgood: the last content file that loaded, kept on disk, so that a kiosk started after a
 * broken edit (a reboot, a power cut, a watchdog restart) shows it rather than a black screen.
 * Kept in $STATE_DIRECTORY (systemd's StateDirectory=), else $XDG_STATE_HOME/stretch-kiosk,
 * else ~/.local/state/stretch-kiosk, written atomically (a temporary file, fsync, rename).
 * Depends on files and assets. */
#ifndef SK_LASTGOOD_H
#define SK_LASTGOOD_H

#include <stdbool.h>
#include <stddef.h>

#define LASTGOOD_FILE "last-good.yaml"

/* The copy's path in the state folder (files_state_dir, made if missing), whether or not the
 * copy exists yet. False (with a reason in err) when there is no place for it. */
bool lastgood_path(char *path, size_t size, char *err, size_t err_size);

/* Keeps `text` as the last good content: written only when it differs from the copy, and
 * atomically, so a power cut leaves the old copy or the new one, never half of one. */
bool lastgood_save(const char *text, size_t len, char *err, size_t err_size);

#endif
