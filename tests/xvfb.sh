#!/usr/bin/env bash
# xvfb.sh "SERVER ARGS" COMMAND [ARGS...]: runs COMMAND on an X server of its own (Xvfb), with
# DISPLAY set (and SK_XVFB_PID, the server's process, for a test that stops it), and stops the
# server after it; exits with COMMAND's status.
#
# Why not `xvfb-run -a`: it picks the display number by looking for free lock files, then starts
# the server, so two tests started together (ctest -j) can pick the same number; the loser's
# retry and the shared number have left a test's first client unable to open its display (CI,
# kiosk_wm_program under ASan). Here the server picks its own free number (-displayfd) and
# writes it back once it accepts connections: nothing to race for. The server listens only on
# its local socket (-nolisten tcp), where the X server lets the local user in without a cookie.
#
# -noreset: by default an X server resets itself whenever its last client leaves, and drops
# whoever is connecting at that moment. A test's first checks (xprop polling for openbox) come
# and go while the window manager is still starting, so openbox now and then found its display
# closed ("Failed to open the display from the DISPLAY environment variable": CI, stop 30,
# kiosk_wm_program under ASan). Polled that way without a pause, 5 starts in 100 failed without
# -noreset and none in 250 with it (2026-12-03).
set -u
server_args=$1
shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/sk-xvfb.XXXXXX")
xpid=
finish() {
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null && wait "$xpid" 2>/dev/null
  rm -rf "$dir"
}
trap finish EXIT
trap 'exit 143' TERM INT

# shellcheck disable=SC2086 # the server's arguments are words
Xvfb -displayfd 3 -nolisten tcp -noreset $server_args 3>"$dir/display" 2>"$dir/server.log" &
xpid=$!
num=
for _ in $(seq 1 300); do # up to 30 s: a loaded machine
  [ "$(wc -l <"$dir/display")" -ge 1 ] && num=$(tr -dc 0-9 <"$dir/display") && break
  kill -0 "$xpid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$num" ]; then
  echo "xvfb.sh: the X server did not start: $(tail -3 "$dir/server.log" | tr '\n' ' ')" >&2
  exit 1
fi
DISPLAY=:$num SK_XVFB_PID=$xpid "$@"
rc=$?
exit "$rc"
