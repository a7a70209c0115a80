#!/usr/bin/env bash
# import_test: a content update from a USB stick, with a folder standing for the stick —
# good content installed (the old file kept as .bak, the notice says so), broken content not
# installed (the installed file byte for byte the same, the notice names the file and line),
# no folder on the stick, an image the content names copied along, names leading out of the
# stick's folder refused, and the notice left for the kiosk. Usage: import_test.sh BINARY
# SOURCE_DIR OUT_DIR
set -u
bin=$(readlink -f "$1") src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
failures=0 passed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

shipped="${IMPORT_TEST_CONTENT:-$src/tests/data/whole-en.yaml}"
export STATE_DIRECTORY="$out/state" STRETCH_KIOSK_ASSETS="$out/assets"
notice="$STATE_DIRECTORY/notice"
inst="$out/etc/en.yaml" stick="$out/stick"

# fresh: the installed content (the shipped one), an assets folder of our own, an empty stick
fresh() {
  rm -rf "$out/etc" "$out/assets" "$stick" "$STATE_DIRECTORY"
  mkdir -p "$out/etc" "$stick/stretch-kiosk"
  cp -r "$src/assets" "$out/assets"
  cp "$shipped" "$inst"
}
# run CODE WHAT: imports the stick over $inst
run() {
  local code=$1 what=$2
  timeout 20 "$bin" --import "$stick" --content "$inst" >"$out/last.out" 2>"$out/last.err"
  local rc=$?
  if [ "$rc" -ne "$code" ]; then bad "$what: exit $rc, expected $code ($(head -c 400 "$out/last.err"))"; return 1; fi
  ok
}
notice_is() { # WHAT TEXT: the notice file is that one line
  local got; got=$(cat "$notice" 2>/dev/null)
  if [ "$got" = "$2" ]; then ok; else bad "$1: notice '$got', expected '$2'"; fi
}
notice_starts() { # WHAT PREFIX
  local got; got=$(cat "$notice" 2>/dev/null)
  case "$got" in "$2"*) ok ;; *) bad "$1: notice '$got' does not start '$2'" ;; esac
  if [ "$(wc -l <"$notice" 2>/dev/null)" = 1 ]; then ok; else bad "$1: the notice is not one line"; fi
}
unchanged() { # WHAT: the installed file is the shipped one, no backup, no staging file left
  if cmp -s "$inst" "$shipped"; then ok; else bad "$1: the installed file changed"; fi
  if [ ! -e "$inst.bak" ]; then ok; else bad "$1: a backup was made though nothing was installed"; fi
  if [ -z "$(ls "$out/etc" | grep -v '^en.yaml$')" ]; then ok; else bad "$1: left in etc: $(ls "$out/etc")"; fi
}

# 1. good content: installed, the previous file kept as en.yaml.bak, the notice says updated
fresh
sed 's/^  address: .*/  address: 1 New Street, Tracy, CA 95376/' "$shipped" >"$stick/stretch-kiosk/en.yaml"
if run 0 "good content"; then
  cmp -s "$inst" "$stick/stretch-kiosk/en.yaml" && ok || bad "good content: not installed"
  cmp -s "$inst.bak" "$shipped" && ok || bad "good content: the previous file not kept as en.yaml.bak"
  notice_is "good content" "Content updated from USB"
  [ -z "$(ls "$out/etc" | grep -v '^en.yaml\(.bak\)\?$')" ] && ok || bad "good content: left in etc: $(ls "$out/etc")"
fi

# 2. a slip at a known line: not installed, byte for byte; the notice names file and line
fresh
line=$(grep -n '^  intro_seconds:' "$shipped" | head -1 | cut -d: -f1)
sed "${line}s/^  intro_seconds: [0-9]*/  intro_seconds: abc/" "$shipped" >"$stick/stretch-kiosk/en.yaml"
run 2 "a slip" && notice_starts "a slip" "USB content not used: en.yaml line $line: 'intro_seconds' must be a number"
unchanged "a slip"

# 3. a quote opened and not closed: not installed, the notice names the line where it opens
#    (not the "missing" keys of the mapping above it that the open quote swallowed)
fresh
line=$(grep -n '^  panel: "' "$shipped" | head -1 | cut -d: -f1)
sed "${line}s/^\(  panel: \"#[0-9A-Fa-f]*\)\"/\1/" "$shipped" >"$stick/stretch-kiosk/en.yaml"
cmp -s "$shipped" "$stick/stretch-kiosk/en.yaml" && bad "missing quote: the fixture did not change"
run 2 "missing quote" && notice_starts "missing quote" "USB content not used: en.yaml line $line: "
unchanged "missing quote"

# 4. no stretch-kiosk folder on the stick: nothing changes, a clear message
fresh
rm -rf "$stick/stretch-kiosk"
run 2 "no folder" && notice_is "no folder" "USB content not used: no folder 'stretch-kiosk' on the stick"
unchanged "no folder"
grep -qF "no folder 'stretch-kiosk'" "$out/last.err" && ok || bad "no folder: not logged"

# 5. the folder without en.yaml; en.yaml a FIFO (never waited on)
fresh
run 2 "no en.yaml" && notice_starts "no en.yaml" "USB content not used: stretch-kiosk/en.yaml: not found"
unchanged "no en.yaml"
mkfifo "$stick/stretch-kiosk/en.yaml"
run 2 "FIFO" && notice_starts "FIFO" "USB content not used: stretch-kiosk/en.yaml: not a plain file"
unchanged "FIFO"

# 6. an image the content names, on the stick: copied along into the assets folder
fresh
mkdir -p "$stick/stretch-kiosk/images"
cp "$src/assets/images/lotus.svg" "$stick/stretch-kiosk/images/clinic-new.svg"
sed 's#^  mark: .*#  mark: images/clinic-new.svg#' "$shipped" >"$stick/stretch-kiosk/en.yaml"
if run 0 "new image"; then
  cmp -s "$out/assets/images/clinic-new.svg" "$src/assets/images/lotus.svg" && ok || bad "new image: not copied"
  grep -q 'mark: images/clinic-new.svg' "$inst" && ok || bad "new image: content not installed"
  notice_is "new image" "Content updated from USB"
fi

# 7. the same new image with a broken file: nothing installed, the copied image taken back
fresh
mkdir -p "$stick/stretch-kiosk/images"
cp "$src/assets/images/lotus.svg" "$stick/stretch-kiosk/images/clinic-new.svg"
sed -e 's#^  mark: .*#  mark: images/clinic-new.svg#' -e 's/^  intro_seconds: [0-9]*/  intro_seconds: abc/' "$shipped" >"$stick/stretch-kiosk/en.yaml"
run 2 "new image, broken file" && notice_starts "new image, broken file" "USB content not used: en.yaml line "
unchanged "new image, broken file"
[ ! -e "$out/assets/images/clinic-new.svg" ] && ok || bad "new image, broken file: the image stayed"

# 8. an image already installed under that name with other bytes: refused (a refused update
#    must never change what the show draws now)
fresh
mkdir -p "$stick/stretch-kiosk/images"
echo '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>' >"$stick/stretch-kiosk/images/lotus.svg"
cp "$shipped" "$stick/stretch-kiosk/en.yaml"
run 2 "image differs" && notice_starts "image differs" "USB content not used: stretch-kiosk/images/lotus.svg differs"
unchanged "image differs"
cmp -s "$out/assets/images/lotus.svg" "$src/assets/images/lotus.svg" && ok || bad "image differs: the installed image changed"

# 9. names leading out of the stick's folder: "..", an absolute path, a link out
for mark in "../../../../etc/passwd" "/etc/passwd" "images/../../x.svg"; do
  fresh
  sed "s#^  mark: .*#  mark: \"$mark\"#" "$shipped" >"$stick/stretch-kiosk/en.yaml"
  run 2 "mark $mark" && notice_starts "mark $mark" "USB content not used: en.yaml: theme.mark '$mark' is outside"
  unchanged "mark $mark"
done
fresh
mkdir -p "$stick/stretch-kiosk/images"
ln -s /etc/passwd "$stick/stretch-kiosk/images/evil.svg"
sed 's#^  mark: .*#  mark: images/evil.svg#' "$shipped" >"$stick/stretch-kiosk/en.yaml"
run 2 "a link out" && notice_starts "a link out" "USB content not used: en.yaml: theme.mark 'images/evil.svg' leads outside"
unchanged "a link out"
[ ! -e "$out/assets/images/evil.svg" ] && ok || bad "a link out: copied"

# 9b. a text the TV cannot show as written (an emoji pasted from a web review): not installed,
#     the notice names the line and the character, as --check-content does
fresh
sed 's|^      text: "I am a regular patient|      text: "Great 😀 care. I am a regular patient|' \
  "$shipped" >"$stick/stretch-kiosk/en.yaml"
line=$(grep -n "Great 😀" "$stick/stretch-kiosk/en.yaml" | cut -d: -f1)
run 2 "an emoji" && notice_starts "an emoji" "USB content not used: en.yaml line $line: the character U+1F600"
unchanged "an emoji"

# 10. without STATE_DIRECTORY the notice goes to $XDG_STATE_HOME/stretch-kiosk
fresh
rm -rf "$stick/stretch-kiosk" "$out/xdg"
STATE_DIRECTORY= XDG_STATE_HOME="$out/xdg" timeout 20 "$bin" --import "$stick" --content "$inst" \
  >/dev/null 2>&1
[ -s "$out/xdg/stretch-kiosk/notice" ] && ok || bad "XDG_STATE_HOME: no notice in $out/xdg/stretch-kiosk"

# 11. a kiosk running (offscreen) shows the notice an import leaves, and reloads the content
fresh
sed 's/^  address: .*/  address: 9 Other Street, Tracy, CA 95376/' "$shipped" >"$stick/stretch-kiosk/en.yaml"
SDL_VIDEODRIVER=offscreen "$bin" --kiosk --content "$inst" >"$out/kiosk.out" 2>"$out/kiosk.err" &
kpid=$!
sleep 4
run 0 "import under a running kiosk"
shown=no
for _ in 1 2 3 4 5 6 7 8; do
  sleep 1
  kill -USR1 "$kpid" 2>/dev/null
  sleep 0.3
  if grep -q '"Content updated from USB"' "$out/kiosk.out"; then shown=yes; break; fi
done
[ "$shown" = yes ] && ok || bad "the running kiosk did not show the notice: $(tail -c 300 "$out/kiosk.out")"
grep -q "content reloaded from $inst" "$out/kiosk.err" && ok || bad "the running kiosk did not reload: $(tail -3 "$out/kiosk.err")"
kill "$kpid" 2>/dev/null; wait "$kpid" 2>/dev/null

# 13. a show with its languages' words (show.yaml, en.yaml, es.yaml): every file of the set on
# the stick is taken, the set checked whole before any file is replaced, each old one kept
set_dir="$out/set" set_stick="$out/set-stick"
set_fresh() {
  rm -rf "$set_dir" "$set_stick" "$STATE_DIRECTORY" && mkdir -p "$set_dir" "$set_stick/stretch-kiosk"
  cp "$src"/assets/content/{show,en,es}.yaml "$set_dir/"
}
set_run() { # CODE WHAT
  timeout 30 "$bin" --import "$set_stick" --content "$set_dir/show.yaml" >"$out/last.out" 2>"$out/last.err"
  local rc=$?
  if [ "$rc" -ne "$1" ]; then bad "$2: exit $rc, expected $1 ($(head -c 400 "$out/last.err"))"; return 1; fi
  ok
}
set_left() { # WHAT ALLOWED...: nothing but these files in the set's folder (no staging left)
  local what=$1; shift
  local extra; extra=$(ls -A "$set_dir" | grep -vxF -f <(printf '%s\n' "$@"))
  [ -z "$extra" ] && ok || bad "$what: left in the folder: $extra"
}
set_same() { # WHAT FILE: the installed FILE is the shipped one
  cmp -s "$set_dir/$2" "$src/assets/content/$2" && ok || bad "$1: $2 changed"
}
set_fresh
sed 's/^  title: Stretches to Relieve Back Pain at Home$/  title: Stretches for Your Back/' \
  "$src/assets/content/en.yaml" >"$set_stick/stretch-kiosk/en.yaml"
cmp -s "$src/assets/content/en.yaml" "$set_stick/stretch-kiosk/en.yaml" && bad "set: the fixture did not change"
set_run 0 "set: new words" && notice_is "set: new words" "Content updated from USB (en.yaml)"
cmp -s "$set_dir/en.yaml" "$set_stick/stretch-kiosk/en.yaml" && ok || bad "set: the words not installed"
cmp -s "$set_dir/en.yaml.bak" "$src/assets/content/en.yaml" && ok || bad "set: en.yaml.bak is not the old words"
set_same "set: new words" show.yaml
set_left "set: new words" show.yaml en.yaml es.yaml en.yaml.bak
# the show and the words together
set_fresh
sed 's/^  phone: (209) 830-1799 /  phone: (415) 555-0123 /' "$src/assets/content/show.yaml" >"$set_stick/stretch-kiosk/show.yaml"
grep -q '(415) 555-0123' "$set_stick/stretch-kiosk/show.yaml" || bad "set: the phone line did not change"
cp "$src/assets/content/en.yaml" "$set_stick/stretch-kiosk/en.yaml"
set_run 0 "set: show and words" && notice_is "set: show and words" "Content updated from USB (show.yaml, en.yaml)"
grep -q '(415) 555-0123' "$set_dir/show.yaml" && ok || bad "set: the show not installed"
set_left "set: show and words" show.yaml en.yaml es.yaml show.yaml.bak en.yaml.bak
# set_refused WHAT FILE SED MARK MESSAGE: the stick's FILE is the shipped one edited by SED;
# refused with "USB content not used: FILE line N: MESSAGE" (N the line holding MARK), and
# nothing installed or left behind
set_refused() {
  set_fresh
  sed "$3" "$src/assets/content/$2" >"$set_stick/stretch-kiosk/$2"
  local line; line=$(grep -nF -- "$4" "$set_stick/stretch-kiosk/$2" | head -n 1 | cut -d: -f1)
  [ -n "$line" ] || bad "$1: the edit did not take"
  set_run 2 "$1" && notice_starts "$1" "USB content not used: $2 line $line: $5"
  set_same "$1" "$2"
  set_left "$1" show.yaml en.yaml es.yaml
}
# broken words: refused at their line, nothing replaced
set_refused "set: broken words" en.yaml 's/^  get_ready: Get ready$/  get_ready: "Get {ready}"/' \
  'Get {ready}' "unknown placeholder '{ready}'"
# a show that does not fit the installed words: refused, named in the file at fault
set_refused "set: words in the show" show.yaml 's/^  - id: childs-pose$/  - id: childs-pose\n    title: Child/' \
  '    title: Child' "'title' of an exercise is words"
# a folder with none of the set's files
set_fresh
touch "$set_stick/stretch-kiosk/readme.txt"
set_run 2 "set: nothing to take" &&
  notice_starts "set: nothing to take" "USB content not used: stretch-kiosk/: none of show.yaml, en.yaml"
set_left "set: nothing to take" show.yaml en.yaml es.yaml

# 12. the deploy units (where systemd-analyze is at hand): valid, the binary path set to ours
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$out/units"
  for f in "$src"/deploy/*.service; do
    sed "s|/usr/local/bin/stretch-kiosk|$bin|" "$f" >"$out/units/$(basename "$f")"
  done
  if (cd "$out/units" && systemd-analyze verify ./stretch-kiosk-usb@sdb1.service \
        ./stretch-kiosk.service >"$out/verify.log" 2>&1) && [ ! -s "$out/verify.log" ]; then ok
  else bad "systemd-analyze verify: $(cat "$out/verify.log")"; fi
  grep -q 'ENV{SYSTEMD_WANTS}+="stretch-kiosk-usb@%k.service"' "$src/deploy/90-stretch-kiosk-usb.rules" \
    && ok || bad "the udev rule does not start stretch-kiosk-usb@%k.service"
fi

echo "import_test: $passed checks passed, $failures failed"
[ "$failures" -eq 0 ]
