#!/usr/bin/env bash
# window_test: the interactive program's window as a patient at home uses it, in a real X server
# (Xvfb), with no window manager, under openbox ("wm") or on an X server without shared memory
# ("noshm": as over ssh -X or in a container; part-frames are not used there): resized to
# several sizes in a row (wide, 640x480, portrait, 320x240...), a storm of sizes, made
# fullscreen and back with F (also after a fullscreen start), maximised and restored: alive
# after each, and the window shows the whole show laid out for its new size — the window's
# pixels match the program's own screenshot at that size (no stale strip, nothing cut off).
# Then the mouse: clicks on the right and left halves go on and back, a click on the figure
# pauses and resumes, the wheel steps, the pointer shows when it moves and hides after 3 s; in
# a kiosk a click takes over and the pointer never shows. S on a computer with no sound device
# says so on screen. Usage: window_test.sh BINARY SOURCE_DIR OUT_DIR [wm|noshm]
set -u
bin=$1 src=$2 out=$3 wm=${4:-}
if [ -z "${SK_IN_XVFB:-}" ]; then
  export SK_IN_XVFB=1
  server="-screen 0 1920x1080x24"
  [ "${4:-}" = noshm ] && server="$server -extension MIT-SHM"
  exec "$(dirname "$0")/xvfb.sh" "$server" bash "$0" "$@"
fi
rm -rf "$out" && mkdir -p "$out"
export DBUS_SESSION_BUS_ADDRESS=disabled:
unset SDL_VIDEODRIVER   # the real X11 driver
failures=0 passed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL${wm:+ ($wm)}: $*"; failures=$((failures + 1)); }
title="Stretches to Relieve Back Pain"

# The contact scene holds still, so the window can be compared with a screenshot; here it stays
# long enough for the whole test.
content=$out/content.yaml
sed -e 's/^  contact_seconds: .*/  contact_seconds: 3000/' "$src/tests/data/whole-en.yaml" >"$content"
grep -q "contact_seconds: 3000" "$content" || bad "could not lengthen the contact scene"
export STRETCH_KIOSK_ASSETS=$src/assets

if [ "$wm" = wm ]; then
  XDG_CONFIG_HOME=$out/xdg-config XDG_CACHE_HOME=$out/xdg-cache openbox >"$out/openbox.log" 2>&1 &
  for _ in $(seq 1 200); do # (a loaded box: openbox has taken 5 s and more to start)
    xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && break
    sleep 0.1
  done
  xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" ||
    bad "openbox did not come up within 20 s"
fi

run=0
start() {
  run=$((run + 1)) log=$out/out$run.log err=$out/err$run.log
  "$bin" --content "$content" "$@" >"$log" 2>"$err" & pid=$!
}
window() { # waits for the show's window, prints its id
  for _ in $(seq 1 100); do
    wid=$(xdotool search --name "$title" 2>/dev/null | head -1)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
geometry() { xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}'; }
alive() { kill -0 "$pid" 2>/dev/null; }
# dump: what is on screen, as the program says it (SIGUSR1: one JSON line); prints the last
dump() {
  local n; n=$(wc -l <"$log")
  kill -USR1 "$pid" 2>/dev/null
  for _ in $(seq 1 30); do
    [ "$(wc -l <"$log")" -gt "$n" ] && break
    sleep 0.1
  done
  tail -1 "$log"
}
field() { sed -n "s/.*\"$1\": \(\"[^\"]*\"\|[^,}]*\).*/\1/p" | tr -d '"'; }

# looks WHAT: the window shows the contact scene laid out for the size it has now: its pixels
# match the program's own screenshot at that size (under 0.5 % of pixels differ by over 3 %).
looks() {
  local geo shot ref diff total
  geo=$(geometry)
  shot=$out/window-$run-$1.png ref=$out/ref-$run-$1.png
  SDL_VIDEODRIVER=offscreen "$bin" --content "$content" --screenshot "$ref" --scene contact \
    --size "$geo" 2>>"$out/ref.log" || { bad "$1: no reference screenshot at $geo"; return; }
  total=$(( ${geo%x*} * ${geo#*x} ))
  # (a few tries: under a sanitizer on a busy machine a frame can take a while to come)
  for try in 1 2 3 4 5; do
    import -window "$wid" "$shot" 2>/dev/null || { bad "$1: cannot capture the window"; return; }
    diff=$(compare -fuzz 3% -metric AE "$shot" "$ref" null: 2>&1 | cut -d' ' -f1)
    [ -n "$diff" ] && [ "${diff%.*}" -le $((total / 200)) ] 2>/dev/null && break
    sleep 1
  done
  echo "$1: $diff of $total pixels differ (try $try)" >>"$out/looks.log"
  if [ -n "$diff" ] && [ "${diff%.*}" -le $((total / 200)) ] 2>/dev/null; then ok
  else bad "$1: the window ($geo) does not show the show laid out for its size: $diff of $total pixels differ ($shot vs $ref)"
  fi
  local size; size=$(dump | sed -n 's/.*"size": \[\([0-9]*\), \([0-9]*\)\].*/\1x\2/p')
  [ "$size" = "$geo" ] && ok || bad "$1: drawn at $size, the window is $geo"
}

# 1. resized again and again: wide, 640x480, portrait, the smallest, and back
start --windowed=800x600 --scene contact
if wid=$(window); then
  sleep 1
  looks start
  for size in "1600 900" "640 480" "480 800" "320 240" "1080 1000" "1280 720"; do
    xdotool windowmove "$wid" 0 0
    xdotool windowsize "$wid" $size
    sleep 1
    alive || { bad "ended after a resize to ${size/ /x}: $(tail -3 "$err")"; break; }
    ok
    looks "${size/ /x}"
  done
  # 1b. a storm: 60 sizes from 1x1 up, some faster than a frame (a resize then races the
  #     frame being shown; seen to happen about once in 150), then it settles whole
  RANDOM=13
  for _ in $(seq 1 60); do
    xdotool windowsize "$wid" $((RANDOM % 1900 + 1)) $((RANDOM % 1060 + 1))
    sleep 0.0$((RANDOM % 5))
    alive || break
  done
  alive && ok || bad "ended in a storm of resizes: $(tail -3 "$err")"
  xdotool windowsize "$wid" 1024 640; sleep 1
  alive && looks after-storm
  # 2. F and F11: fullscreen fills the screen, and back to the window
  if alive; then
    xdotool key --window "$wid" f; sleep 1
    [ "$(geometry)" = 1920x1080 ] && ok || bad "F: $(geometry), expected 1920x1080"
    looks fullscreen
    xdotool key --window "$wid" F11; sleep 1
    [ "$(geometry)" != 1920x1080 ] && ok || bad "F11 back: still $(geometry)"
    looks windowed-again
  fi
  # 3. maximise and restore (a window manager's buttons)
  if [ "$wm" = wm ] && alive; then
    wmctrl -i -r "$wid" -b add,maximized_vert,maximized_horz; sleep 1
    looks maximised
    wmctrl -i -r "$wid" -b remove,maximized_vert,maximized_horz; sleep 1
    looks restored
  fi
  alive && ok || bad "ended: $(tail -3 "$err")"
  # 4. the mouse: right half on, left half back (no figure on the contact scene)
  xdotool mousemove --window "$wid" 10 10; sleep 0.3
  [ "$(dump | field pointer)" = true ] && ok || bad "the pointer does not show when it moves"
  sleep 3.6
  [ "$(dump | field pointer)" = false ] && ok || bad "the pointer still shows after 3 s still"
  geo=$(geometry) w=${geo%x*} h=${geo#*x}
  xdotool mousemove --window "$wid" $((w * 9 / 10)) $((h / 2)) click 1; sleep 0.5
  scene=$(dump | field scene)
  [ "$scene" != contact ] && ok || bad "a click on the right half did not go on (scene $scene)"
  xdotool mousemove --window "$wid" $((w / 10)) $((h / 10)) click 1; sleep 0.5
  scene=$(dump | field scene)
  [ "$scene" = contact ] && ok || bad "a click on the left half did not go back (scene $scene)"
  # on an exercise: the figure pauses and resumes; the wheel steps
  xdotool key --window "$wid" 3; sleep 1
  line=$(dump)
  fig=$(echo "$line" | field scene)
  step=$(echo "$line" | field step)
  xdotool mousemove --window "$wid" $((w / 4)) $((h * 6 / 10)) click 1; sleep 0.5
  [ "$(dump | field paused)" = true ] && ok || bad "a click on the figure did not pause ($fig)"
  xdotool click 1; sleep 0.5
  [ "$(dump | field paused)" = false ] && ok || bad "a second click on the figure did not resume"
  xdotool click 5; sleep 0.5
  step2=$(dump | field step)
  [ "$step2" = $((step + 1)) ] && ok || bad "the wheel towards you: step $step -> $step2"
  xdotool click 4; sleep 0.5
  [ "$(dump | field step)" = "$step" ] && ok || bad "the wheel away: did not come back to $step"
  xdotool key --window "$wid" q
  for _ in $(seq 1 30); do alive || break; sleep 0.1; done
  alive && { bad "Q did not quit"; kill "$pid"; }
  wait "$pid"; rc=$?
  [ "$rc" = 0 ] && ok || bad "exit $rc: $(tail -3 "$err")"
else
  bad "no window ($(cat "$err"))"; kill "$pid" 2>/dev/null
fi

# 4b. S with no sound device on this computer: the screen says so (not "Sound on")
SDL_AUDIODRIVER=no-such-device start --windowed=960x540 --scene contact --sound off
if wid=$(window); then
  sleep 1
  xdotool key --window "$wid" s
  said=
  for _ in $(seq 1 12); do # (the notice stays 1.5 s; the device fails on its own thread)
    dump | grep -q "No sound on this computer" && { said=1; break; }
    sleep 0.1
  done
  [ -n "$said" ] && ok || bad "S without a sound device: not said on screen"
  kill -TERM "$pid"; wait "$pid"
  [ "$(grep -c "no audio device" "$err")" = 1 ] && ok || bad "no device: expected one log line: $(cat "$err")"
else
  bad "no window for the sound check ($(cat "$err"))"; kill "$pid" 2>/dev/null
fi

# 5. started fullscreen: F gives a framed window, F again fullscreen
start --scene contact
if wid=$(window); then
  sleep 1
  [ "$(geometry)" = 1920x1080 ] && ok || bad "fullscreen start: $(geometry)"
  xdotool key --window "$wid" f; sleep 1
  geo=$(geometry)
  [ "$geo" != 1920x1080 ] && ok || bad "F after a fullscreen start changed nothing ($geo)"
  looks left-fullscreen
  xdotool key --window "$wid" f; sleep 1
  [ "$(geometry)" = 1920x1080 ] && ok || bad "F again: $(geometry), expected 1920x1080"
  looks fullscreen-again
  kill -TERM "$pid"; wait "$pid"; rc=$?
  [ "$rc" = 0 ] && ok || bad "fullscreen start: exit $rc: $(tail -3 "$err")"
else
  bad "no fullscreen window ($(cat "$err"))"; kill "$pid" 2>/dev/null
fi

# 6. a kiosk: a click takes over like a key, the pointer never shows, the show stays whole
start --kiosk
if wid=$(window); then
  sleep 1
  [ "$(dump | field mode)" = loop ] && ok || bad "kiosk did not start in its loop"
  xdotool mousemove --window "$wid" 1700 500; sleep 0.3
  [ "$(dump | field pointer)" = false ] && ok || bad "kiosk: the pointer shows"
  for b in 1 2 3 1 4 5; do xdotool click --repeat 2 "$b"; sleep 0.2; done
  line=$(dump)
  [ "$(echo "$line" | field mode)" = takeover ] && ok || bad "kiosk: a click did not take over"
  [ "$(echo "$line" | field pointer)" = false ] && ok || bad "kiosk: the pointer shows after clicks"
  alive && [ "$(geometry)" = 1920x1080 ] && ok || bad "kiosk: clicks ended or shrank the show"
  kill -TERM "$pid"; wait "$pid"; rc=$?
  [ "$rc" = 0 ] && ok || bad "kiosk: exit $rc"
else
  bad "no kiosk window ($(cat "$err"))"; kill "$pid" 2>/dev/null
fi

echo "$passed passed, $failures failed${wm:+ ($wm)}"
[ "$failures" -eq 0 ]
