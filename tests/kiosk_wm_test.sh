#!/usr/bin/env bash
# kiosk_wm_test: what an unattended kiosk meets besides visitors' keys, in a real X server (Xvfb)
# under openbox with its default key bindings: the window manager's own keys (Ctrl+Alt+Right
# switches desktop, Super+D shows the desktop, Super+F2 goes to desktop 2) must neither hide the
# show nor stall its loop (the watchdog would end it with 3); a storm of keys ending in Q is not
# the staff's chord unless Ctrl+Alt are really held; SIGHUP and SIGPIPE do not end it.
# Usage: kiosk_wm_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$1 src=$2 out=$3
if [ -z "${SK_IN_XVFB:-}" ]; then
  export SK_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"
fi
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
  "$src/assets/content/en.yaml" >"$cfile"

# A real window manager, so Alt+F4, the close request and a minimise go through it.
if command -v openbox >/dev/null; then
  XDG_CONFIG_HOME=$out/xdg-config XDG_CACHE_HOME=$out/xdg-cache openbox >"$out/openbox.log" 2>&1 &
  wm=$!
  for _ in $(seq 1 50); do
    T xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && break
    sleep 0.1
  done
  T xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && ok ||
    bad "openbox did not come up within 5 s ($(cat "$out/openbox.log"))"
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

# alive_shown SECONDS: the show stays alive and on screen for that long (checked every 0.5 s)
alive_shown() {
  local end=$((SECONDS + $1))
  while [ "$SECONDS" -lt "$end" ]; do
    shown || return 1
    sleep 0.5
  done
  shown
}

start --content "$cfile"
if wid=$(window); then
  sleep 1
  shown && ok || bad "kiosk window at start: $why"

  # signals a tty hangup or a closed pipe sends
  for s in HUP PIPE; do
    kill -"$s" "$pid" 2>/dev/null
    sleep 0.5
    kill -0 "$pid" 2>/dev/null && ok || { wait "$pid"; bad "SIG$s ended the kiosk (status $?)"; start --content "$cfile"; wid=$(window); sleep 1; }
  done

  # the window manager's keys, each then 12 s (past the watchdog's 10 s): still on screen
  for k in ctrl+alt+Right super+d super+F2 ctrl+alt+Left; do
    if ! shown; then bad "before '$k': $why"; break; fi
    focus || note "the kiosk did not have the keyboard focus before '$k'"
    T xdotool key "$k"
    sleep 1
    if alive_shown 11; then ok; else
      kill -0 "$pid" 2>/dev/null || { wait "$pid"; why="$why (status $?)"; pid=; }
      bad "after the window manager's '$k': $why ($(tail -2 "$err" | tr '\n' ' '))"
      [ -n "$pid" ] || { start --content "$cfile"; wid=$(window); sleep 1; }
    fi
    d=$(T xdotool get_desktop 2>/dev/null)
    wd=$(T xdotool get_desktop_for_window "$wid" 2>/dev/null)
    case $wd in "$d" | -1 | 4294967295) ;; *) note "after '$k' the current desktop is $d, the kiosk's $wd" ;; esac
  done

  # a storm of keys: Q after Ctrl+Alt+F1 were let go is not the chord (4 times)
  if shown; then
    focus || note "the kiosk did not have the keyboard focus before the storm"
    T xdotool key --delay 0 ctrl+alt+F1 q ctrl+alt+F1 q ctrl+alt+F1 q ctrl+alt+F1 q
    sleep 1
    if shown; then ok; else
      kill -0 "$pid" 2>/dev/null || { wait "$pid"; why="$why (status $?)"; pid=; }
      bad "a key storm ending in Q quit the kiosk: $why"
      [ -n "$pid" ] || { start --content "$cfile"; wid=$(window); sleep 1; }
    fi
  fi

  # the staff's chord, keys really held together, still quits with 0
  if shown; then
    focus || note "the kiosk did not have the keyboard focus before the staff chord"
    T xdotool keydown ctrl alt; sleep 0.2; T xdotool key q; sleep 0.2; T xdotool keyup alt ctrl
    wait_exit 30
    [ "$rc" = 0 ] && ok || bad "the staff chord held: status $rc, expected 0"
  else
    bad "the kiosk is not on screen for the staff chord: $why"
  fi
else
  bad "no kiosk window appeared ($(cat "$err"))"
fi

if [ "$failures" -gt 0 ]; then
  echo "--- kiosk stderr ($out/err$run.log):"
  tail -20 "$err"
fi
echo "kiosk_wm_test: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
