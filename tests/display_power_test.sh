#!/usr/bin/env bash
# display_power_test: the screen asleep while the clinic is closed (display_power.c), with the
# real kiosk in an X server (tests/xvfb.sh) and a fake `cec-ctl` on PATH that records its
# arguments. The clock is not touched: the content's open_days leave out today (closed), then
# the file is edited to take today in (open; the live reload picks it up), then closed again
# with kiosk.cec off. Checked: cec-ctl asked for standby at the close and image-view-on at the
# opening, each once, and nothing with cec off; X11 DPMS "Monitor is Off" / "On" (`xset q`)
# where the X server has DPMS (Debian 12's Xvfb has not: then the kiosk's one line saying the
# screen stays black is checked instead), and the server's DPMS setting given back at opening.
# Without DPMS in the X server, the kiosk is run again with libXext's DPMS calls stood in for
# (FAKE_DPMS_LIB, LD_PRELOAD), which records them: enable + force off at the close, force on +
# disable (the setting given back) at the opening.
# Usage: display_power_test.sh BINARY SOURCE_DIR OUT_DIR [FAKE_DPMS_LIB]
set -u
bin=$(readlink -f "$1") src=$(readlink -f "$2") out=$3 fake=${4:+$(readlink -f "$4")}
if [ -z "${SK_IN_XVFB:-}" ]; then
  export SK_IN_XVFB=1
  exec "$(dirname "$0")/xvfb.sh" "-screen 0 1280x720x24 +extension DPMS" bash "$0" "$@"
fi
rm -rf "$out" && mkdir -p "$out/bin" "$out/state" "$out/home" && out=$(readlink -f "$out")
export DBUS_SESSION_BUS_ADDRESS=disabled: HOME="$out/home" STATE_DIRECTORY="$out/state"
unset SDL_VIDEODRIVER # the real X11 driver
failures=0 passed=0 pid=
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
note() { echo "NOTE: $*"; }
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null' EXIT

# the fake cec-ctl: one line of arguments a call
cat >"$out/bin/cec-ctl" <<EOF
#!/bin/sh
echo "\$*" >>"$out/cec.log"
EOF
chmod +x "$out/bin/cec-ctl"
export PATH="$out/bin:$PATH"
: >"$out/cec.log"

# content: open all day, on every day but today (closed now), the TV's CEC on; the reload fast
days=(sun mon tue wed thu fri sat)
today=$(date +%w)
others=$(for d in 0 1 2 3 4 5 6; do [ "$d" = "$today" ] || printf '%s, ' "${days[$d]}"; done)
others=${others%, }
cfile="$out/content.yaml"
write_content() { # OPEN_DAYS CEC
  sed -E -e "s/^(  opening_hours:).*/\1 \"0:00-24:00\"\n  open_days: [$1]/" -e '/^  open_days:/d' \
    -e "s/^(  cec:).*/\1 $2/" -e 's/^(  reload_seconds:).*/\1 0.5/' \
    "$src/tests/data/whole-en.yaml" >"$cfile.tmp"
  grep -q "^  cec: $2" "$cfile.tmp" || bad "the shipped content has no kiosk.cec line to set"
  mv "$cfile.tmp" "$cfile"
}
write_content "$others" true

dpms=no
if xset q 2>/dev/null | grep -q "DPMS is"; then dpms=yes; fi
monitor() { xset q 2>/dev/null | sed -n 's/^ *Monitor is \(.*\)$/\1/p'; }
[ "$dpms" = yes ] && xset -dpms # the server's own setting (off), given back at opening
# wait_for WHAT TENTHS COMMAND...: until COMMAND succeeds
wait_for() {
  local what=$1 n=$2
  shift 2
  for _ in $(seq 1 "$n"); do
    "$@" && { ok; return 0; }
    kill -0 "$pid" 2>/dev/null || { bad "$what: the kiosk ended ($(tail -3 "$out/err.log"))"; return 1; }
    sleep 0.1
  done
  bad "$what: not within $((n / 10)) s"
  return 1
}
cec_count() { grep -c -- "$1" "$out/cec.log"; }
cec_is() { [ "$(cec_count "$1")" = "$2" ]; }
monitor_is() { [ "$(monitor)" = "$1" ]; }

env --default-signal=INT,QUIT "$bin" --kiosk --content "$cfile" >"$out/out.log" 2>"$out/err.log" &
pid=$!

# 1. closed at the start: standby over CEC, DPMS off (or the black screen said to stay)
wait_for "closed: cec-ctl --standby" 150 cec_is "--standby" 1
grep -qx -- "--playback --to 0 --standby" "$out/cec.log" && ok ||
  bad "closed: cec-ctl's arguments: $(cat "$out/cec.log")"
if [ "$dpms" = yes ]; then
  wait_for "closed: DPMS off" 50 monitor_is Off
else
  note "this X server has no DPMS extension: the DPMS state is not checked here"
  wait_for "closed: no DPMS said" 50 grep -q "no DPMS on this display (x11); closed, the screen stays black" "$out/err.log"
fi
sleep 3 # still closed: nothing sent again
cec_is "--standby" 1 && ok || bad "closed: standby sent again: $(cat "$out/cec.log")"
[ "$dpms" = no ] || monitor_is Off && ok || bad "closed: the monitor woke: $(monitor)"

# 2. open (today added; the live reload picks it up): image-view-on, DPMS on, setting back
write_content "sun, mon, tue, wed, thu, fri, sat" true
wait_for "open: cec-ctl --image-view-on" 100 cec_is "--image-view-on" 1
grep -qx -- "--playback --to 0 --image-view-on" "$out/cec.log" && ok ||
  bad "open: cec-ctl's arguments: $(cat "$out/cec.log")"
if [ "$dpms" = yes ]; then
  wait_for "open: DPMS on" 50 monitor_is On
  xset q | grep -q "DPMS is Disabled" && ok || bad "open: the server's DPMS setting not given back"
fi
cec_is "--standby" 1 && ok || bad "open: standby sent: $(cat "$out/cec.log")"

# 3. closed again with kiosk.cec off: DPMS off where there is DPMS, nothing over CEC
write_content "$others" false
if [ "$dpms" = yes ]; then
  wait_for "closed, cec off: DPMS off" 100 monitor_is Off
else
  sleep 4
fi
[ "$(wc -l <"$out/cec.log")" = 2 ] && ok || bad "cec off: cec-ctl called: $(cat "$out/cec.log")"
grep -q '"open": *false' <(kill -USR1 "$pid"; sleep 1; cat "$out/out.log") && ok ||
  bad "the dump does not say closed ($(tail -c 200 "$out/out.log"))"

# SIGTERM ends it cleanly
kill -TERM "$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid"
rc=$?
pid=
[ "$rc" = 0 ] && ok || bad "SIGTERM: exit $rc ($(tail -3 "$out/err.log"))"

# 4. no DPMS in this X server: the calls the kiosk makes, with libXext's DPMS stood in for
if [ "$dpms" = no ] && [ -n "$fake" ] && [ -f "$fake" ]; then
  preload=$fake
  asan=$(ldd "$bin" | sed -n 's/^.*libasan[^ ]* => \([^ ]*\) .*$/\1/p' | head -1)
  [ -n "$asan" ] && preload="$asan $fake" # the sanitizer's runtime first, as it must be
  : >"$out/dpms.log"
  write_content "$others" false
  SK_FAKE_DPMS_LOG="$out/dpms.log" LD_PRELOAD="$preload" env --default-signal=INT,QUIT \
    "$bin" --kiosk --content "$cfile" >"$out/out2.log" 2>"$out/err2.log" &
  pid=$!
  dpms_is() { [ "$(paste -sd, "$out/dpms.log")" = "$1" ]; }
  wait_for "fake DPMS: closed" 150 dpms_is "enable,force off"
  grep -q "display power: DPMS off (X11)" "$out/err2.log" && ok || bad "fake DPMS: not logged: $(tail -3 "$out/err2.log")"
  write_content "sun, mon, tue, wed, thu, fri, sat" false
  wait_for "fake DPMS: open" 100 dpms_is "enable,force off,force on,disable"
  [ ! -s "$out/cec.log" ] || [ "$(wc -l <"$out/cec.log")" = 2 ] && ok || bad "fake DPMS: cec-ctl called with cec off"
  # closed again, then stopped while closed: the server's DPMS setting is given back
  write_content "$others" false
  wait_for "fake DPMS: closed again" 150 dpms_is "enable,force off,force on,disable,enable,force off"
  kill -TERM "$pid"; wait "$pid"; rc=$?; pid=
  [ "$rc" = 0 ] && ok || bad "fake DPMS: SIGTERM: exit $rc"
  dpms_is "enable,force off,force on,disable,enable,force off,force on,disable" && ok ||
    bad "fake DPMS: stopped while closed, DPMS not given back: $(paste -sd, "$out/dpms.log")"
fi

echo "display_power_test: $passed checks passed, $failures failed"
[ "$failures" -eq 0 ]
