#!/usr/bin/env bash
# cli_test: the program as a user runs it — flags, exit codes, one-line errors, content
# checking with FILE:LINE:COL, headless screenshots (size, opacity, reproducibility), and
# missing assets. Usage: cli_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
failures=0 passed=0
ok()   { passed=$((passed + 1)); }
bad()  { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect CODE DESCRIPTION -- ARGS...: runs the binary, keeps stdout/stderr in $out/last.*
expect() {
  local code=$1 what=$2; shift 3
  "$bin" "$@" >"$out/last.out" 2>"$out/last.err"
  local rc=$?
  if [ "$rc" -ne "$code" ]; then bad "$what: exit $rc, expected $code ($(head -c 300 "$out/last.err"))"; return 1; fi
  ok
}
stderr_is_one_line() {
  local n; n=$(wc -l <"$out/last.err")
  if [ "$n" -ne 1 ]; then bad "$1: stderr has $n lines, expected 1: $(cat "$out/last.err")"; else ok; fi
}
stderr_has() {
  if grep -qF -- "$2" "$out/last.err"; then ok; else bad "$1: stderr lacks '$2': $(cat "$out/last.err")"; fi
}
png_info() { # prints "W H COLOURTYPE" of a PNG
  local b; b=$(od -An -tu1 -j16 -N10 "$1" | tr -s ' ')
  set -- $b
  echo "$(( ($1 << 24) | ($2 << 16) | ($3 << 8) | $4 )) $(( ($5 << 24) | ($6 << 16) | ($7 << 8) | $8 )) ${10}"
}

# --help / --version
expect 0 "--help" -- --help && grep -q "Usage:" "$out/last.out" && ok || bad "--help prints usage"
expect 0 "--version" -- --version && grep -qE "^stretch-kiosk [0-9]+\.[0-9]+\.[0-9]+$" "$out/last.out" && ok || bad "--version format"

# usage errors: exit 2 with one clear line
for args in "--bogus" "--size 10x10 --screenshot x.png" "--screenshot" "--at 3" "--windowed=axb" \
            "--scene Not_An_Id" "--at -2 --screenshot x.png" "extra" "--check-content a --scene intro" \
            "--sound loud" "--sound" "--screenshot x.png --sound on"; do
  # shellcheck disable=SC2086
  expect 2 "usage error '$args'" -- $args && stderr_is_one_line "usage error '$args'"
done
expect 2 "unknown flag named" -- --fullscreenn && stderr_has "unknown flag named" "'--fullscreenn'"

# --check-content: the real file passes; each broken fixture fails with FILE:LINE:COL lines
expect 0 "check real content" -- --check-content "$src/assets/content/show.yaml" && grep -q "ok" "$out/last.out" && ok || bad "check prints ok"
for f in "$src"/tests/data/bad-*.yaml; do
  name=$(basename "$f")
  expect 2 "check $name" -- --check-content "$f" || continue
  if grep -qvE "^$(printf '%s' "$f" | sed 's/[.[\*^$/]/\\&/g'):[0-9]+:[0-9]+: .+" "$out/last.err"; then
    bad "check $name: a line is not FILE:LINE:COL: message: $(cat "$out/last.err")"
  else ok; fi
done
expect 2 "unknown key reported at its line" -- --check-content "$src/tests/data/bad-unknown-key.yaml" &&
  stderr_has "unknown key line" "$(sed -n 's/^.*{"bad-unknown-key.yaml", *\([0-9]*\), *\([0-9]*\).*$/bad-unknown-key.yaml:\1:\2:/p' "$src/tests/test_content.c" | head -1)"
expect 2 "missing content file" -- --check-content "$out/nope.yaml" && stderr_has "missing file" "cannot read"
# what only the program can tell: a QR text too long to encode, a routine repeated past its room
long=$(head -c 3000 /dev/zero | tr '\0' 'x')
sed "s|^  phone: .*|&\n  qr_text: \"tel:$long\"|" "$src/tests/data/whole-en.yaml" > "$out/long-qr.yaml"
expect 2 "QR text too long" -- --check-content "$out/long-qr.yaml" && stderr_has "QR too long" "too long for a QR code"
sed "s|repeat: {from: again-right-up, times: 9}|repeat: {from: again-right-up, times: 70}|" "$src/tests/data/whole-en.yaml" > "$out/long-routine.yaml"
expect 2 "routine too long" -- --check-content "$out/long-routine.yaml" && stderr_has "routine too long" "repeat less"

# texts that cannot be shown as written: each at its FILE:LINE:COL, in words a clinic's staff use
# - an emoji pasted from a web review (Inter has none): named as U+1F600 at its own column
sed 's|^      text: "I am a regular patient|      text: "Great 😀 care. I am a regular patient|' \
  "$src/tests/data/whole-en.yaml" > "$out/emoji.yaml"
line=$(grep -n "Great 😀" "$out/emoji.yaml" | cut -d: -f1)
expect 2 "emoji in a review" -- --check-content "$out/emoji.yaml" &&
  stderr_has "emoji at its column" "$out/emoji.yaml:$line:20: the character U+1F600" &&
  stderr_has "emoji: the font named" "is not in the font fonts/Inter-Regular.otf"
# - a 300-word review: too long for a card at the smallest screen, and to read in its time
words=$(seq 1 300 | sed 's/^/word/' | tr '\n' ' ' | sed 's/ $//')
sed "s|^      text: \"I am a regular patient.*|      text: \"$words\"|" \
  "$src/tests/data/whole-en.yaml" > "$out/long-review.yaml"
line=$(grep -n "word1 word2" "$out/long-review.yaml" | cut -d: -f1)
expect 2 "300-word review" -- --check-content "$out/long-review.yaml" &&
  stderr_has "long review: card" "$out/long-review.yaml:$line:13: this review ('word1 word2" &&
  stderr_has "long review: words that fit" "has 300 words; at most " &&
  stderr_has "long review: on a card" "fit on a card on the smallest screen" &&
  stderr_has "long review: reading time" "it takes 120 s to read, but a card is shown at most 40 s"
# - a kiosk hint too long for the footer (only a kiosk shows it)
sed 's|^  hint: .*|  hint: "Press the right arrow key to follow along with the exercises, or the space bar to pause them, or H to see every key"|' \
  "$src/tests/data/whole-en.yaml" > "$out/long-hint.yaml"
line=$(grep -n "^  hint:" "$out/long-hint.yaml" | cut -d: -f1)
expect 2 "long kiosk hint" -- --check-content "$out/long-hint.yaml" &&
  stderr_has "long hint named" "$out/long-hint.yaml:$line:9: 'hint' in kiosk"
# - a demo's "shown here" line too long: named as the label it was filled in from, not as the
#   review name's "— " prefix it contains
sed 's|^  hold_range_shown: .*|  hold_range_shown: "{min} to {target} seconds, but only a few of them are shown here on this screen today — shown here: {n}"|' \
  "$src/tests/data/whole-en.yaml" > "$out/long-shown.yaml"
line=$(grep -n "^  hold_range_shown:" "$out/long-shown.yaml" | cut -d: -f1)
expect 2 "long shown-here line" -- --check-content "$out/long-shown.yaml" &&
  stderr_has "shown-here line named" "$out/long-shown.yaml:$line:21: 'hold_range_shown' in labels ('20 to 30 seconds, but"
# - the steps of an exercise too long, together, for their panel
sed 's|^      - Lie on your back with your knees bent and your feet flat on the floor.$|      - "'"$words"'"|' \
  "$src/tests/data/whole-en.yaml" > "$out/long-steps.yaml"
expect 2 "steps too long" -- --check-content "$out/long-steps.yaml" &&
  stderr_has "steps named" "the steps of 'Spinal Twists' have "

# every message has its level: where stderr is systemd's journal (JOURNAL_STREAM), each line
# starts with its priority (<3> an error), so `journalctl -p err` finds them; elsewhere none
JOURNAL_STREAM=8:1234 "$bin" --check-content "$src/tests/data/bad-two-errors.yaml" >/dev/null 2>"$out/last.err"
[ "$(grep -c . "$out/last.err")" -ge 2 ] && ok || bad "journal: expected two errors: $(cat "$out/last.err")"
if grep -qvE '^<3>.*bad-two-errors.yaml:[0-9]+:[0-9]+: ' "$out/last.err"; then
  bad "journal: a content error without <3>: $(cat "$out/last.err")"
else ok; fi
JOURNAL_STREAM=8:1234 "$bin" --bogus >/dev/null 2>"$out/last.err"
grep -qE '^<3>stretch-kiosk: .*--bogus' "$out/last.err" && ok || bad "journal: usage error: $(cat "$out/last.err")"
"$bin" --bogus >/dev/null 2>"$out/last.err"
grep -qE '^stretch-kiosk: ' "$out/last.err" && ok || bad "no journal: a priority written: $(cat "$out/last.err")"

# a broken --content never starts the show: exit 2 before any window
expect 2 "broken --content" -- --screenshot "$out/x.png" --content "$src/tests/data/bad-syntax.yaml"
[ -e "$out/x.png" ] && bad "broken content still wrote a screenshot" || ok

# --screenshot: size, opaque RGB, reproducible, every scene id
expect 0 "screenshot" -- --screenshot "$out/a.png" --scene childs-pose --at 3 --size 800x450
read -r w h ct < <(png_info "$out/a.png")
[ "$w" = 800 ] && [ "$h" = 450 ] && ok || bad "screenshot size ${w}x${h}"
[ "$ct" = 2 ] && ok || bad "screenshot colour type $ct, expected 2 (opaque RGB)"
expect 0 "screenshot again" -- --screenshot "$out/b.png" --scene childs-pose --at 3 --size 800x450
cmp -s "$out/a.png" "$out/b.png" && ok || bad "same scene and time gave different images"
expect 0 "screenshot later" -- --screenshot "$out/c.png" --scene reviews --at 0 --size 800x450
cmp -s "$out/a.png" "$out/c.png" && bad "different scenes gave the same image" || ok
expect 0 "portrait screenshot" -- --screenshot "$out/p.png" --scene contact --size 540x960
read -r w h ct < <(png_info "$out/p.png")
[ "$w" = 540 ] && [ "$h" = 960 ] && ok || bad "portrait size ${w}x${h}"
expect 2 "screenshot unknown scene" -- --screenshot "$out/d.png" --scene nowhere && stderr_has "unknown scene" "intro"

# the contact scene's QR code scans (zbarimg) to a tel: link with the clinic's number
for size in 1920x1080 1080x1920 1280x720; do
  expect 0 "contact screenshot $size" -- --screenshot "$out/qr-$size.png" --scene contact --size "$size"
  code=$(zbarimg -q --raw "$out/qr-$size.png" 2>/dev/null)
  [ "$code" = "tel:+12098301799" ] && ok || bad "QR at $size reads '$code', not tel:+12098301799"
done
# ... and follows the clinic's phone: a new number in a copy, by default and through a
# placeholder in qr_text (filled in, never encoded with its braces)
sed "s|^  phone: .*|  phone: (415) 555-0123|" "$src/tests/data/whole-en.yaml" > "$out/new-phone.yaml"
sed "s|^  phone: .*|&\n  qr_text: \"tel:{clinic.phone}\"|" "$out/new-phone.yaml" > "$out/new-phone-qr.yaml"
sed "s|^  phone: .*|&\n  qr_text: \"Call {clinic.name}: {clinic.phone}\"|" "$out/new-phone.yaml" > "$out/new-phone-text.yaml"
for f in new-phone:tel:+14155550123 new-phone-qr:tel:+14155550123 \
         "new-phone-text:Call Birch Pain & Spine Group: (415) 555-0123"; do
  name=${f%%:*} want=${f#*:}
  expect 0 "contact screenshot $name" -- --screenshot "$out/$name.png" --scene contact --size 1280x720 --content "$out/$name.yaml" || continue
  code=$(zbarimg -q --raw "$out/$name.png" 2>/dev/null)
  [ "$code" = "$want" ] && ok || bad "QR of $name.yaml reads '$code', not '$want'"
done

# --dump-pose: one JSON object with every joint; a range prints one per line
expect 0 "dump-pose" -- --dump-pose --scene knees-to-chest --at 9
for key in '"scene": "knees-to-chest"' '"t": 9.0000' '"step": 2' '"side": "right"' '"phase": "right-knee-in"'; do
  grep -qF -- "$key" "$out/last.out" && ok || bad "dump-pose lacks $key: $(head -c 300 "$out/last.out")"
done
for j in pelvis chest neck head nose shoulder_l elbow_l hand_l shoulder_r elbow_r hand_r \
         hip_l knee_l ankle_l toe_l hip_r knee_r ankle_r toe_r; do
  grep -qE "\"$j\": \[-?[0-9.]+, -?[0-9.]+, -?[0-9.]+\]" "$out/last.out" && ok || bad "dump-pose lacks joint $j"
done
[ "$(wc -l <"$out/last.out")" = 1 ] && ok || bad "dump-pose printed more than one line"
expect 0 "dump-pose range" -- --dump-pose --scene spinal-twists --at 0:2:0.5
[ "$(wc -l <"$out/last.out")" = 5 ] && ok || bad "dump-pose 0:2:0.5 printed $(wc -l <"$out/last.out") lines, not 5"
expect 2 "dump-pose of a non-exercise" -- --dump-pose --scene reviews && stderr_is_one_line "dump-pose reviews"
expect 2 "dump-pose bad range" -- --dump-pose --at 3:1:1 && stderr_is_one_line "dump-pose bad range"

# a font the content names that is not there: said as the content's problem (the content is
# checked as a start checks it: theme.font_regular names it), exit 2; no assets at all: exit 1
mkdir -p "$out/assets-nofont" && cp -r "$src/assets/content" "$out/assets-nofont/"
STRETCH_KIOSK_ASSETS="$out/assets-nofont" expect 2 "missing font" -- --screenshot "$out/e.png" --scene intro
stderr_has "missing font" "theme.font_regular: fonts/Inter-Regular.otf is not there"
STRETCH_KIOSK_ASSETS="$out/no-such-dir" expect 1 "missing assets" -- --screenshot "$out/f.png"
stderr_has "missing assets" "no content/ folder"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
