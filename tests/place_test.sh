#!/usr/bin/env bash
# place_test: Up/Down keep the patient's place, through the real program in a real X server
# (Xvfb): knees to chest driven by keys to the right leg's 4th repetition, then Down then Up,
# Up then Down, and Up alone, each read back from what is on screen (SIGUSR1 prints the step,
# side and repetition and every text drawn as one line of JSON; the ring's numeral comes with
# its word); then the spinal twist's left side, where Down stays on the left.
# Usage: place_test.sh BINARY OUT_DIR
set -u
bin=$1 out=$2
if [ -z "${SK_IN_XVFB:-}" ]; then
  export SK_IN_XVFB=1
  exec "$(dirname "$0")/xvfb.sh" "-screen 0 1920x1080x24" bash "$0" "$@"
fi
rm -rf "$out" && mkdir -p "$out"
export DBUS_SESSION_BUS_ADDRESS=disabled:
unset SDL_VIDEODRIVER   # the real X11 driver
log=$out/out.log err=$out/err.log
failures=0 passed=0 pid=''
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
T()   { timeout 5 "$@"; }   # every X tool call is bounded
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null' EXIT

window() { # waits up to 10 s for the show's window, prints its id
  for _ in $(seq 1 100); do
    wid=$(T xdotool search --name "Stretches to Relieve Back Pain" 2>/dev/null | head -1)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
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
field() { printf '%s' "$js" | jq -r ".$1"; }
# keys KEY...: each to the window, a frame or more apart
keys() { for k in "$@"; do T xdotool key --window "$wid" "$k"; sleep 0.15; done; sleep 0.2; }
# expect WHAT STEP SIDE REPETITION [TEXT...]: the screen shows this step (1-based), side and
# repetition, and each TEXT is in a text drawn ("Right side" is in "Switch sides → Right side")
expect() {
  local what=$1 step=$2 side=$3 rep=$4; shift 4
  if ! dump; then
    bad "$what: SIGUSR1 printed no JSON within 2 s ($(tail -2 "$err"))"
    return 1
  fi
  local got
  got="$(field step) $(field side) $(field repetition)"
  [ "$got" = "$step $side $rep" ] && ok ||
    bad "$what: step, side, repetition are '$got', expected '$step $side $rep' (at $(field time) s)"
  for text in "$@"; do
    printf '%s' "$js" | jq -e --arg t "$text" 'any(.texts[]; contains($t))' >/dev/null && ok ||
      bad "$what: '$text' is not on screen: $(field texts)"
  done
}

# ---- knees to chest: Down/Up about the right leg's 4th repetition
"$bin" --windowed=960x540 --scene knees-to-chest >"$log" 2>"$err" & pid=$!
if wid=$(window); then
  sleep 1
  expect "start" 1 none 0
  # one stop per Down: right knee (step 2), lowering it (3), the left leg (4), then the
  # repetitions: right 2, left 2, right 3, left 3, right 4
  keys Down Down Down Down Down Down Down Down
  expect "8 x Down" 5 right 4 "Right side" "Repetition 4 of 10–15"
  start4=$(field time)
  # the ring's numeral says what it counts, as the leg moves
  printf '%s' "$js" | jq -e '(.texts | index("4")) and (.texts | index("repetition"))' >/dev/null &&
    ok || bad "right 4 as the leg moves: the ring's \"4\" without \"repetition\": $(field texts)"
  keys Down
  expect "Down from right 4" 5 left 4 "Left side" "Repetition 4 of 10–15"
  keys Up
  expect "Down then Up" 5 right 4 "Right side" "Repetition 4 of 10–15"
  # back at the start of the stop: as far into it as when it was first reached (both dumps
  # come a moment after the keys)
  awk -v a="$start4" -v b="$(field time)" 'BEGIN { d = b - a; exit !(d > -1 && d < 1) }' && ok ||
    bad "Down then Up came back to $(field time) s, not to right 4's start (reached at $start4 s)"
  keys Up
  expect "Up from right 4" 5 left 3 "Left side" "Repetition 3 of 10–15"
  keys Down
  expect "Up then Down" 5 right 4 "Right side" "Repetition 4 of 10–15"
  keys Up Up Up Up
  expect "4 x Up" 5 right 2 "Right side" "Repetition 2 of 10–15"
  keys Down Up
  expect "Down then Up at right 2" 5 right 2 "Right side" "Repetition 2 of 10–15"
  kill -0 "$pid" 2>/dev/null && ok || bad "the show ended ($(cat "$err"))"

  # ---- spinal twists (number key 1: the playlist's first exercise): on the left side,
  # Down goes on to the left side's next step, never back to the right
  keys 1
  sleep 0.8   # (the scene's wipe)
  expect "key 1" 1 none 0 "Spinal Twists"
  keys Down Down Down Down Down
  expect "5 x Down in the twist" 2 left 1 "Left side"
  keys Down
  expect "Down on the left side" 3 left 1 "Left side"
  keys Down
  expect "Down again on the left side" 4 left 1 "Left side"
  keys Up Up Down
  expect "Up Up Down on the left side" 3 left 1 "Left side"

  T xdotool key --window "$wid" q
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    bad "Q did not quit within 3 s"
  else
    wait "$pid"; rc=$?
    [ "$rc" = 0 ] && ok || bad "exit $rc after Q ($(cat "$err"))"
  fi
  pid=''
else
  bad "no window appeared ($(cat "$err"))"
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
