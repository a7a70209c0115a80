#!/usr/bin/env bash
# x11_test: the real interactive program in a real X server (Xvfb, no window manager):
# fullscreen fills the display at its native size, keys reach it, help and Esc behave, Q quits,
# SIGTERM stops it cleanly within a second, a windowed start has the asked size, a display that
# answers late is waited for, no display is one clear line, and a system
# without OpenGL gets one clear line. Usage: x11_test.sh BINARY OUT_DIR
set -u
bin=$1 out=$2
if [ -z "${SK_IN_XVFB:-}" ]; then
  export SK_IN_XVFB=1
  exec "$(dirname "$0")/xvfb.sh" "-screen 0 1920x1080x24" bash "$0" "$@"
fi
rm -rf "$out" && mkdir -p "$out"
export DBUS_SESSION_BUS_ADDRESS=disabled:
unset SDL_VIDEODRIVER   # the real X11 driver
failures=0 passed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

start() { "$bin" "$@" >"$out/out.log" 2>"$out/err.log" & pid=$!; }
window() { # waits for the show's window, prints its id
  for _ in $(seq 1 100); do
    wid=$(xdotool search --name "Stretches to Relieve Back Pain" 2>/dev/null | head -1)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# waits up to $1 tenths of a second for $pid to end; sets rc
wait_exit() {
  for _ in $(seq 1 "$1"); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid"; rc=$?; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=killed; return 1
}

# 1. fullscreen at the display's size; keys; Esc closes help first, then quits with 0
rasterisers() { cat /proc/"$pid"/task/*/comm 2>/dev/null | grep -c '^llvmpipe-'; }
llvmpipe() { grep -q 'swrast_dri\|libgallium' /proc/"$pid"/maps 2>/dev/null; } # Mesa's software GL
start
if wid=$(window); then
  sleep 0.5
  geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}')
  [ "$geo" = "1920x1080" ] && ok || bad "fullscreen window is $geo, expected 1920x1080"
  for k in Right Right Down Up h; do xdotool key --window "$wid" "$k"; sleep 0.1; done
  threads_1080=$(rasterisers) # (a second into the show: its GL long made)
  xdotool key --window "$wid" Escape   # closes the help overlay
  sleep 0.4
  kill -0 "$pid" 2>/dev/null && ok || bad "Esc with help open quit the show"
  xdotool key --window "$wid" Escape
  wait_exit 30 && [ "$rc" = 0 ] && ok || bad "Esc: exit $rc ($(cat "$out/err.log"))"
else
  bad "no fullscreen window appeared ($(cat "$out/err.log"))"; kill "$pid" 2>/dev/null
fi

# 2. SIGTERM stops it cleanly within a second (and the rasteriser's threads the environment
#    asks for are what it gets)
LP_NUM_THREADS=2 start
if window >/dev/null; then
  sleep 0.5
  threads_asked=$(rasterisers)
  for _ in $(seq 1 30); do [ "$threads_asked" -gt 0 ] && break; sleep 0.1; threads_asked=$(rasterisers); done
  llvmpipe && software=1 || software=0
  kill -TERM "$pid"
  wait_exit 10 && [ "$rc" = 0 ] && ok || bad "SIGTERM: exit $rc within 1 s ($(cat "$out/err.log"))"
else
  bad "no window for the SIGTERM test"; kill "$pid" 2>/dev/null
fi

# at 1080p the software rasteriser draws in the show's own thread: its threads cost more CPU
# than they save on a frame that redraws a few per cent of the screen (platform.c); where the
# driver is not llvmpipe (a GPU) it has no such threads either way
if [ "${software:-0}" = 1 ]; then
  [ "${threads_asked:-0}" = 2 ] && ok ||
    bad "LP_NUM_THREADS=2 from the environment gave ${threads_asked:-?} llvmpipe threads"
  [ "${threads_1080:-x}" = 0 ] && ok ||
    bad "at 1920x1080 the show ran ${threads_1080:-?} llvmpipe threads, expected none"
else
  echo "note: not Mesa's software rasteriser (a GPU's driver): its threads not checked"
fi

# 3. windowed at the asked size; Q quits
start --windowed=800x600 --scene contact
if wid=$(window); then
  sleep 0.5
  geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}')
  [ "$geo" = "800x600" ] && ok || bad "windowed geometry $geo, expected 800x600"
  xdotool key --window "$wid" q
  wait_exit 30 && [ "$rc" = 0 ] && ok || bad "Q: exit $rc"
else
  bad "no window for --windowed ($(cat "$out/err.log"))"; kill "$pid" 2>/dev/null
fi

# 4. no OpenGL at all: one clear line, exit 1
SDL_VIDEODRIVER=dummy "$bin" --windowed >"$out/out.log" 2>"$out/err.log"
rc=$?
[ "$rc" = 1 ] && ok || bad "without GL: exit $rc, expected 1"
[ "$(wc -l <"$out/err.log")" = 1 ] && grep -q "OpenGL" "$out/err.log" && ok ||
  bad "without GL: expected one line naming OpenGL: $(cat "$out/err.log")"

# 5. a display that answers late (an X server still starting at boot): the show waits for it
#    and opens its window there, rather than running where nobody sees it
late=50
while [ -e "/tmp/.X11-unix/X$late" ] || [ -e "/tmp/.X$late-lock" ]; do late=$((late + 1)); done
DISPLAY=:$late "$bin" >"$out/out.log" 2>"$out/err.log" & pid=$!
sleep 1.5
xpid=
trap 'kill $xpid 2>/dev/null' EXIT   # this server is ours to stop, however the test ends
Xvfb ":$late" -screen 0 1280x720x24 -nolisten tcp 2>/dev/null & xpid=$!
found=
for _ in $(seq 1 100); do
  DISPLAY=:$late xdotool search --name "Stretches to Relieve Back Pain" >/dev/null 2>&1 && { found=1; break; }
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$found" ] && ok || bad "no window on a display that came up late ($(cat "$out/err.log"))"
grep -q "does not answer yet" "$out/err.log" && ok || bad "the wait for the display was not said"
kill -TERM "$pid" 2>/dev/null
wait_exit 30 && [ "$rc" = 0 ] && ok || bad "late display: exit $rc"
kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null

# 6. no display named at all: one clear line at once, exit 1 (no show run unseen)
timeout 20 env -u DISPLAY -u WAYLAND_DISPLAY "$bin" >"$out/out.log" 2>"$out/err.log"
rc=$?
[ "$rc" = 1 ] && ok || bad "without a display: exit $rc, expected 1"
[ "$(wc -l <"$out/err.log")" = 1 ] && grep -q "cannot open the display (DISPLAY=unset" "$out/err.log" &&
  ok || bad "without a display, expected one line: $(cat "$out/err.log")"

# 7. stopped while it waits for its display: exit 0 at once (systemd stopping the service)
DISPLAY=:$late "$bin" >"$out/out.log" 2>"$out/err.log" & pid=$!
sleep 1
kill -TERM "$pid"
wait_exit 10 && [ "$rc" = 0 ] && ok || bad "SIGTERM while waiting for the display: exit $rc"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
