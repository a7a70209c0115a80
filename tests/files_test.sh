#!/usr/bin/env bash
# files_test: content files and theme assets that are not regular files, or too big, or outside
# the assets folder: every one is a one-line refusal within a second — no crash (a folder),
# no hang (a FIFO), no memory growing without end (/dev/zero), /etc/passwd never read as a mark.
# Usage: files_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out" && out=$(cd "$out" && pwd)
failures=0 passed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

# refused NAME FILE: --check-content FILE ends within 5 s with a non-zero status (not a signal,
# not the timeout), and says something naming the file
refused() {
  local rc
  timeout -s KILL 5 "$bin" --check-content "$2" >"$out/$1.out" 2>"$out/$1.err"; rc=$?
  if [ "$rc" -eq 137 ]; then bad "$1: --check-content $2 did not end within 5 s"
  elif [ "$rc" -ge 128 ]; then bad "$1: --check-content $2 ended by signal $((rc - 128))"
  elif [ "$rc" -eq 0 ]; then bad "$1: --check-content $2 accepted it"
  elif ! grep -qF -- "$2" "$out/$1.err"; then bad "$1: no line naming $2: $(cat "$out/$1.err")"
  else ok; fi
}

mkdir "$out/folder.yaml"
refused folder "$out/folder.yaml"
mkfifo "$out/fifo.yaml"
refused fifo "$out/fifo.yaml"
refused zero /dev/zero
head -c 2000000 /dev/zero | tr '\0' '#' >"$out/big.yaml"
refused big "$out/big.yaml"

# theme paths, as a start opens them (--screenshot renders a frame offscreen: fonts and mark
# loaded as the kiosk loads them): the mark as a folder (crashed the warm-up thread), as
# /etc/passwd through "..", a font swapped for a FIFO (hung the start). Each ends within 30 s,
# not by a signal, with a line naming the path.
assets=$out/assets
cp -r "$src/assets" "$assets"
export STRETCH_KIOSK_ASSETS=$assets SDL_VIDEODRIVER=offscreen
base=$src/tests/data/whole-en.yaml
grep -qE '^  mark: ' "$base" || bad "en.yaml has no '  mark:' line to change"
# started NAME CONTENT WORD: a --screenshot start with CONTENT ends in time, not by a signal,
# and its stderr names WORD
started() {
  local rc
  timeout -s KILL 30 "$bin" --screenshot "$out/$1.png" --content "$2" >"$out/$1.out" 2>"$out/$1.err"
  rc=$?
  if [ "$rc" -eq 137 ]; then bad "$1: the start did not end within 30 s"
  elif [ "$rc" -ge 128 ]; then bad "$1: the start ended by signal $((rc - 128)): $(tail -3 "$out/$1.err")"
  elif ! grep -qF -- "$3" "$out/$1.err"; then bad "$1: no line naming $3 (status $rc): $(cat "$out/$1.err")"
  else ok; fi
}
mkdir -p "$assets/images/dir.svg"
sed -E 's|^  mark: .*|  mark: images/dir.svg|' "$base" >"$out/markdir.yaml"
started markdir "$out/markdir.yaml" images/dir.svg
grep -qE "images/dir.svg.*(folder|not a file)" "$out/markdir.err" || bad "markdir: not refused as a folder: $(cat "$out/markdir.err")"
sed -E 's|^  mark: .*|  mark: ../../../../../../../../etc/passwd|' "$base" >"$out/passwd.yaml"
started passwd "$out/passwd.yaml" etc/passwd
grep -q "root:" "$out/passwd.err" && bad "passwd: /etc/passwd's text reached the log"
grep -q "etc/passwd.*inside the assets folder" "$out/passwd.err" ||
  bad "passwd: not refused as outside the assets folder: $(cat "$out/passwd.err")"
font=$(grep -oE '^  font_regular: *[^ ]+' "$base" | awk '{print $2}')
if [ -n "$font" ] && [ -f "$assets/$font" ]; then
  rm "$assets/$font" && mkfifo "$assets/$font"
  started fontfifo "$base" "$font"
else
  bad "no theme.font_regular in en.yaml to replace by a FIFO"
fi

echo "files_test: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
