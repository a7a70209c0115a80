# kiosk_lib: what the kiosk's X tests share (sourced by kiosk_test.sh and kiosk_wm_test.sh,
# inside Xvfb, with bin, src and out set): a fresh out folder, counters, bounded X tools, the
# content copy (open at all hours), openbox, the kiosk started and found, its exit awaited, its
# window checked on screen and focused, and SIGUSR1's JSON dump read back.
rm -rf "$out" && mkdir -p "$out" && out=$(cd "$out" && pwd)
export DBUS_SESSION_BUS_ADDRESS=disabled:
unset SDL_VIDEODRIVER   # the real X11 driver
title="Stretches to Relieve Back Pain"
failures=0 passed=0 run=0 pid='' wm='' popup=''
ok()   { passed=$((passed + 1)); }
bad()  { echo "FAIL: $*"; failures=$((failures + 1)); }
note() { echo "NOTE: $*"; }
T()    { timeout 5 "$@"; }   # every X tool call is bounded
cleanup() {
  for p in $pid $popup $wm; do kill "$p" 2>/dev/null; done
}
trap cleanup EXIT

# The content the kiosk runs: a copy (edits never touch the source tree), open at all hours so
# the show is on screen whenever the test runs.
cfile=$out/content.yaml
sed -E -e 's/^(  opening_hours:).*/\1 always/' -e '/^  open_days:/d' \
  "$src/tests/data/whole-en.yaml" >"$cfile"

# A real window manager, so Alt+F4, the close request and a minimise go through it.
if command -v openbox >/dev/null; then
  XDG_CONFIG_HOME=$out/xdg-config XDG_CACHE_HOME=$out/xdg-cache openbox >"$out/openbox.log" 2>&1 &
  wm=$!
  for _ in $(seq 1 200); do # (a loaded box: openbox has taken 5 s and more to start)
    T xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && break
    sleep 0.1
  done
  T xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && ok ||
    bad "openbox did not come up within 20 s ($(cat "$out/openbox.log"))"
else
  bad "openbox is not installed: the window-manager checks run without a WM"
fi

# start ARGS...: the kiosk in the background, with SIGINT at its default (a script's background
# jobs otherwise inherit it ignored); its stdout/stderr in $log/$err
start() {
  run=$((run + 1)) log=$out/out$run.log err=$out/err$run.log
  env --default-signal=INT,QUIT "$bin" --kiosk "$@" >"$log" 2>"$err" & pid=$!
}
find_wid() { T xdotool search --name "$title" 2>/dev/null | head -1; }
window() { # waits up to 10 s for the show's window, prints its id
  local w
  for _ in $(seq 1 100); do
    w=$(find_wid)
    [ -n "$w" ] && { echo "$w"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# wait_exit TENTHS: waits that long for $pid to end; sets rc (the exit status, or "killed")
wait_exit() {
  for _ in $(seq 1 "$1"); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid"; rc=$?; pid=; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=killed; pid=; return 1
}
# shown: the show is alive, its window exists, is mapped, not hidden, 1920x1080 at 0,0.
# Sets wid to the window found now and why to what is wrong.
shown() {
  why=
  kill -0 "$pid" 2>/dev/null || { why="the process ended"; return 1; }
  wid=$(find_wid)
  [ -n "$wid" ] || { why="its window is gone"; return 1; }
  local info st geo
  info=$(T xwininfo -id "$wid" 2>&1)
  geo=$(printf '%s\n' "$info" | awk '/Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF}
        /^ *Width:/ {w=$2} /^ *Height:/ {h=$2} END {print w "x" h "+" x "+" y}')
  st=$(T xprop -id "$wid" _NET_WM_STATE 2>&1)
  printf '%s\n' "$info" | grep -q "Map State: IsViewable" ||
    why="window not viewable ($(printf '%s\n' "$info" | grep 'Map State'))"
  [ "$geo" = "1920x1080+0+0" ] || why="$why${why:+; }window is $geo, expected 1920x1080+0+0"
  case $st in *_NET_WM_STATE_HIDDEN*) why="$why${why:+; }window is hidden: $st" ;; esac
  [ -z "$why" ]
}
# focus: makes sure the show's window has the keyboard focus (keys sent through the X server go
# to the focused window, as a real keyboard's do)
focus() {
  [ "$(T xdotool getwindowfocus 2>/dev/null)" = "$wid" ] && return 0
  T xdotool windowactivate --sync "$wid" >/dev/null 2>&1
  T xdotool windowfocus --sync "$wid" >/dev/null 2>&1
  [ "$(T xdotool getwindowfocus 2>/dev/null)" = "$wid" ]
}

# dump: SIGUSR1, then waits up to 2 s for a new JSON line on stdout; it goes to $js
dump() {
  local n; n=$(grep -c '^{' "$log")
  js=
  kill -USR1 "$pid" 2>/dev/null || return 1
  for _ in $(seq 1 20); do
    sleep 0.1
    if [ "$(grep -c '^{' "$log")" -gt "$n" ]; then js=$(grep '^{' "$log" | tail -1); return 0; fi
  done
  return 1
}
jstr() { printf '%s' "$js" | grep -oE "\"$1\" *: *\"[^\"]*\"" | head -1 | sed -E 's/^[^:]*: *"//; s/"$//'; }
jnum() { printf '%s' "$js" | grep -oE "\"$1\" *: *[0-9]+" | head -1 | grep -oE '[0-9]+$'; }
jtexts() { printf '%s' "$js" | grep -oE '"texts" *: *\[.*\]'; }
# dump_until SECONDS TEST...: dumps every ~0.4 s until TEST (a command on $js) holds
dump_until() {
  local end=$((SECONDS + $1)); shift
  while [ "$SECONDS" -lt "$end" ]; do
    dump && "$@" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.3
  done
  return 1
}
