#!/usr/bin/env bash
# kiosk_wm_test: what an unattended kiosk meets besides visitors' keys, in a real X server (Xvfb)
# under openbox with its default key bindings: the window manager's own keys (Ctrl+Alt+Right
# switches desktop, Super+D shows the desktop, Super+F2 goes to desktop 2) must neither hide the
# show nor stall its loop (the watchdog would end it with 3); a storm of keys ending in Q, or the
# staff's chord let go within the second, does not quit it, the chord held a second does; SIGHUP
# and SIGPIPE do not end it.
# Usage: kiosk_wm_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$1 src=$2 out=$3
if [ -z "${SK_IN_XVFB:-}" ]; then
  export SK_IN_XVFB=1
  exec "$(dirname "$0")/xvfb.sh" "-screen 0 1920x1080x24" bash "$0" "$@"
fi
. "$(dirname "$0")/kiosk_lib.sh"

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

  # a storm of keys: Q after Ctrl+Alt+F1 were let go is not the chord (4 times). With the keys
  # sent back to back and the window manager grabbing Ctrl+Alt+F1, the kiosk can see a Q both
  # stamped with and held with a Ctrl+Alt it never saw let go; but no Q of a storm is held down
  # for the second the chord must be
  if shown; then
    focus || note "the kiosk did not have the keyboard focus before the storm"
    T xdotool key --delay 0 ctrl+alt+F1 q ctrl+alt+F1 q ctrl+alt+F1 q ctrl+alt+F1 q
    sleep 1.5
    if shown; then ok; else
      kill -0 "$pid" 2>/dev/null || { wait "$pid"; why="$why (status $?)"; pid=; }
      bad "a key storm ending in Q quit the kiosk: $why"
      [ -n "$pid" ] || { start --content "$cfile"; wid=$(window); sleep 1; }
    fi
  fi

  # the staff's chord let go after half a second: not held the second it must be
  if shown; then
    focus || note "the kiosk did not have the keyboard focus before the chord let go early"
    T xdotool keydown ctrl alt; sleep 0.2; T xdotool keydown q; sleep 0.5; T xdotool keyup q alt ctrl
    sleep 1.5
    if shown; then ok; else
      kill -0 "$pid" 2>/dev/null || { wait "$pid"; why="$why (status $?)"; pid=; }
      bad "Ctrl+Alt+Q let go after 0.5 s quit the kiosk: $why"
      [ -n "$pid" ] || { start --content "$cfile"; wid=$(window); sleep 1; }
    fi
  fi

  # the staff's chord, keys really held together for 1.5 s, quits with 0
  if shown; then
    focus || note "the kiosk did not have the keyboard focus before the staff chord"
    T xdotool keydown ctrl alt; sleep 0.2; T xdotool keydown q; sleep 1.5; T xdotool keyup q alt ctrl
    wait_exit 30
    [ "$rc" = 0 ] && ok || bad "the staff chord held 1.5 s: status $rc, expected 0"
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
