#!/usr/bin/env bash
# lastgood_test: a staff edit can never blank the TV. The real program, offscreen, as the kiosk
# runs after a reboot: every content that loads is kept as the last good copy (atomically, in
# $XDG_STATE_HOME/stretch-kiosk here; $STATE_DIRECTORY under systemd); a kiosk started on a
# broken file logs FILE:LINE:COL and shows the last good copy (or the shipped content when
# there is none) and picks up the fix; a reload naming a font that is not there is refused;
# --check-content says so of fonts and images; an interactive start on a broken file still
# exits 2; the fonts and picture the last good content names are kept beside it, and a kiosk
# whose installed fonts are gone shows that set. Usage: lastgood_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy STRETCH_KIOSK_ASSETS=$src/assets
export XDG_STATE_HOME=$out/state
unset STATE_DIRECTORY
kept=$XDG_STATE_HOME/stretch-kiosk/last-good.yaml
failures=0 passed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

content=$out/en.yaml
cp "$src/tests/data/whole-en.yaml" "$content"
grep -q "^  phone: " "$content" || bad "no '  phone:' line in en.yaml to edit"

run=0
start() { # the kiosk in the background; its output in $log, $err
  run=$((run + 1)) log=$out/out$run.log err=$out/err$run.log
  "$bin" --kiosk --content "$content" "$@" >"$log" 2>"$err" & pid=$!
}
dump() { # what is on screen (SIGUSR1: one JSON line)
  local n; n=$(wc -l <"$log")
  kill -USR1 "$pid" 2>/dev/null
  for _ in $(seq 1 50); do [ "$(wc -l <"$log")" -gt "$n" ] && break; sleep 0.1; done
  tail -1 "$log"
}
stop() { kill -TERM "$pid" 2>/dev/null; wait "$pid"; rc=$?; }
wait_for() { # wait_for SECONDS TEXT: until a screen dump has TEXT
  for _ in $(seq 1 $(($1 * 5))); do dump | grep -qF -- "$2" && return 0; sleep 0.2; done
  return 1
}

# 1. a good start keeps its content on disk, byte for byte, with no temporary file left over
start
sleep 1.5
kill -0 "$pid" 2>/dev/null && ok || bad "the kiosk did not start: $(cat "$err")"
stop
cmp -s "$kept" "$content" && ok || bad "the last good copy is not the content that loaded ($kept)"
[ "$(ls -A "$XDG_STATE_HOME/stretch-kiosk" | tr '\n' ' ')" = "last-good last-good.yaml " ] && ok ||
  bad "the state folder holds more than the copy and its set: $(ls -A "$XDG_STATE_HOME/stretch-kiosk")"
# ... and the fonts and picture it names beside it, byte for byte (the last good set)
set_dir=$XDG_STATE_HOME/stretch-kiosk/last-good
for f in fonts/Inter-Regular.otf fonts/Inter-SemiBold.otf images/lotus.svg; do
  cmp -s "$set_dir/$f" "$src/assets/$f" && ok || bad "the last good set lacks $f"
done
[ "$(find "$set_dir" -type f | wc -l)" = 3 ] && ok || bad "the set holds more: $(find "$set_dir" -type f)"

# 2. a broken edit, then a reboot: the kiosk starts on the last good copy, says why, and picks
#    up the fix
sed -i 's/^  phone: .*/  phone: "(555) 010-2000"/' "$content"   # a good edit first
start
sleep 1.5
stop
grep -q "(555) 010-2000" "$kept" && ok || bad "a good edit did not become the last good copy"
printf '\n  broken: [unclosed\n' >>"$content"
start
sleep 1.5
if kill -0 "$pid" 2>/dev/null; then ok; else bad "a kiosk on a broken file ended: $(cat "$err")"; fi
grep -qE "^$content:[0-9]+:[0-9]+: " "$err" && ok || bad "no FILE:LINE:COL for the broken file: $(cat "$err")"
grep -qF "not usable: the kiosk shows $kept" "$err" && ok || bad "the fallback was not said: $(cat "$err")"
dump | grep -qF "(555) 010-2000" && ok || bad "the screen does not show the last good content"
sed -i '$d' "$content"                                   # the fix
sed -i 's/^  phone: .*/  phone: "(555) 010-3000"/' "$content"
wait_for 8 "(555) 010-3000" && ok || bad "the fixed file was not picked up: $(tail -3 "$err")"
stop
[ "$rc" = 0 ] && ok || bad "kiosk exit $rc"

# 3. a reload naming a font that is not there is refused (the next start would not draw)
start
sleep 1.5
sed -i 's#font_regular: fonts/Inter-Regular.otf#font_regular: fonts/Inter-Regulr.otf#' "$content"
for _ in $(seq 1 40); do grep -q "refused" "$err" && break; sleep 0.2; done
grep -q "theme.font_regular: fonts/Inter-Regulr.otf is not there" "$err" && ok ||
  bad "a missing font was not named: $(cat "$err")"
grep -q "edit 1 refused" "$err" && ok || bad "the edit with a missing font was not refused"
kill -0 "$pid" 2>/dev/null && ok || bad "the kiosk ended on a missing font"
stop

# 4. no last good copy and a broken file: the shipped content
rm -rf "$XDG_STATE_HOME"
start
sleep 1.5
kill -0 "$pid" 2>/dev/null && ok || bad "broken file, no copy: the kiosk ended: $(cat "$err")"
grep -qF "not usable: the kiosk shows $src/assets/content/show.yaml" "$err" && ok ||
  bad "the shipped content was not used: $(cat "$err")"
stop

# 5. --check-content: fonts and images it names must be there and load; interactive: exit 2
"$bin" --check-content "$content" >"$out/check.out" 2>"$out/check.err"
rc=$?
[ "$rc" = 2 ] && grep -q "font_regular" "$out/check.err" && ok ||
  bad "--check-content on a missing font: exit $rc: $(cat "$out/check.err")"
sed -e 's#font_regular: fonts/Inter-Regulr.otf#font_regular: fonts/Inter-Regular.otf#' \
    -e 's#mark: images/lotus.svg#mark: images/lotos.svg#' "$content" >"$out/mark.yaml"
"$bin" --check-content "$out/mark.yaml" >"$out/check.out" 2>"$out/check.err"
rc=$?
[ "$rc" = 2 ] && grep -q "theme.mark: images/lotos.svg is not there" "$out/check.err" && ok ||
  bad "--check-content on a missing mark: exit $rc: $(cat "$out/check.err")"
sed -e "s#mark: images/lotos.svg#mark: fonts#" "$out/mark.yaml" >"$out/dir.yaml"
"$bin" --check-content "$out/dir.yaml" >/dev/null 2>"$out/check.err"
[ $? = 2 ] && grep -q "is not a file" "$out/check.err" && ok || bad "a folder as the mark: $(cat "$out/check.err")"
printf 'version: 1\nclinic: [\n' >"$out/broken.yaml"
"$bin" --content "$out/broken.yaml" --windowed >/dev/null 2>"$out/inter.err"
rc=$?
[ "$rc" = 2 ] && ok || bad "an interactive start on a broken file: exit $rc, expected 2"

# 6. the installed fonts gone (a broken upgrade, a failing disk): a kiosk shows the last good
#    set, its fonts kept beside the copy, rather than ending; an interactive start says why
rm -rf "$XDG_STATE_HOME" "$out/assets"
cp -r "$src/assets" "$out/assets"
cp "$src/tests/data/whole-en.yaml" "$content"
STRETCH_KIOSK_ASSETS=$out/assets start
sleep 1.5
stop
[ -s "$XDG_STATE_HOME/stretch-kiosk/last-good/fonts/Inter-Regular.otf" ] && ok || bad "no fonts kept"
rm -f "$out/assets/fonts/"*.otf
STRETCH_KIOSK_ASSETS=$out/assets start
sleep 2
if kill -0 "$pid" 2>/dev/null; then ok; else bad "a kiosk without its fonts ended: $(cat "$err")"; fi
grep -qF "with the fonts and picture kept in $XDG_STATE_HOME/stretch-kiosk/last-good" "$err" && ok ||
  bad "the kept set was not said: $(cat "$err")"
dump | grep -qF "(209) 830-1799" && ok || bad "the screen does not show the content: $(dump)"
stop
STRETCH_KIOSK_ASSETS=$out/assets "$bin" --content "$content" --windowed >/dev/null 2>"$out/inter.err"
rc=$?
[ "$rc" = 2 ] && grep -q "font_regular" "$out/inter.err" && ok ||
  bad "an interactive start without fonts: exit $rc: $(cat "$out/inter.err")"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
