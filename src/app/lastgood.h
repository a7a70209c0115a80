/* lastgood: the last content that loaded, kept on disk, so that a kiosk started after a
 * broken edit (a reboot, a power cut, a watchdog restart) shows it rather than a black screen.
 * Kept in $STATE_DIRECTORY (systemd's StateDirectory=), else $XDG_STATE_HOME/stretch-kiosk,
 * else ~/.local/state/stretch-kiosk, written atomically (a temporary file, fsync, rename).
 * The fonts and picture it names are kept beside it (lastgood_save_set).
 * Depends on files, assets and core (content). */
#ifndef SK_LASTGOOD_H
#define SK_LASTGOOD_H

#include <stdbool.h>
#include <stddef.h>

#define LASTGOOD_FILE "last-good.yaml"
#define LASTGOOD_ASSETS "last-good" /* the fonts and picture it names, as an assets folder */

#include "content_files.h"

/* The copy's path in the state folder (files_state_dir, made if missing), whether or not the
 * copy exists yet. False (with a reason in err) when there is no place for it. */
bool lastgood_path(char *path, size_t size, char *err, size_t err_size);

/* The last good set: the content's text kept as the last good copy (a show's with its
 * language's words beside it, as <language>.yaml), each written only when it differs from the
 * copy, and atomically, so a power cut leaves the old copy or the new one, never half of one;
 * after copies of the fonts and the mark its content `c` names (read from assets_dir) in the
 * state folder's LASTGOOD_ASSETS at the same relative paths, each written the same way. So a
 * kiosk whose installed fonts or picture go missing or bad still has a set that showed. */
bool lastgood_save_set(const content_files_t *f, const struct content_t *c, const char *assets_dir,
                       char *err, size_t err_size);

/* The folder of the last good set's fonts and mark (whether or not it exists yet). */
bool lastgood_assets(char *dir, size_t size, char *err, size_t err_size);

#endif
