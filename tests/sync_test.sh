#!/usr/bin/env bash
# sync_test: many screens, one content source (deploy/stretch-kiosk-sync) — against a local git
# repository (file://) and a loopback HTTP server (python3 -m http.server on 127.0.0.1, a free
# port): no source set does nothing; a good update is installed with the previous kept as
# en.yaml.bak and the TV told "Content updated from LABEL"; an unchanged source is not
# installed again and leaves no new notice; a broken update is not installed (the previous
# content stays byte for byte, exit status 2, said once); a .tar.gz with a new picture, a single
# .yaml, a missing file, one too large and a link out of the archive. Everything lives in OUT_DIR
# (STATE_DIRECTORY, CACHE_DIRECTORY, the content file): /etc is never touched. The units are
# checked with systemd-analyze where it is at hand.
# Usage: sync_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$(readlink -f "$1") src=$(readlink -f "$2") out=$3
rm -rf "$out" && mkdir -p "$out" && out=$(readlink -f "$out")
failures=0 passed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

sync="$src/deploy/stretch-kiosk-sync"
shipped="$src/tests/data/whole-en.yaml"
export STATE_DIRECTORY="$out/state" CACHE_DIRECTORY="$out/cache" STRETCH_KIOSK_ASSETS="$out/assets"
export SK_SYNC_BIN="$bin" SK_SYNC_CONF="$out/sync.conf" HOME="$out/home"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
notice="$STATE_DIRECTORY/notice" inst="$out/etc/en.yaml"
mkdir -p "$out/etc" "$HOME"
cp -r "$src/assets" "$out/assets"
cp "$shipped" "$inst"

conf() { # KEY=VALUE lines: the sync.conf
  printf '%s\n' "# test" "SYNC_CONTENT=$inst" "$@" >"$SK_SYNC_CONF"
}
run() { # CODE WHAT: one sync
  local code=$1 what=$2
  timeout 60 bash "$sync" >"$out/last.out" 2>&1
  local rc=$?
  if [ "$rc" -ne "$code" ]; then bad "$what: exit $rc, expected $code ($(tail -c 600 "$out/last.out"))"; return 1; fi
  ok
}
notice_is() { # WHAT TEXT
  local got; got=$(cat "$notice" 2>/dev/null)
  [ "$got" = "$2" ] && ok || bad "$1: notice '$got', expected '$2'"
}
notice_starts() { # WHAT PREFIX
  local got; got=$(cat "$notice" 2>/dev/null)
  case "$got" in "$2"*) ok ;; *) bad "$1: notice '$got' does not start '$2'" ;; esac
}
stamp() { stat -c '%i %s %Y.%y' "$@" 2>/dev/null; }
# same_as WHAT FILE: the installed content is FILE byte for byte
same_as() { cmp -s "$inst" "$2" && ok || bad "$1: the installed content is not the expected one"; }
# installed WHAT FILE NOTICE [PICTURE]: FILE installed, the content before it kept as .bak
# (copied to before.yaml ahead of the sync), the notice saying so, the picture copied
installed() {
  same_as "$1" "$2"
  cmp -s "$inst.bak" "$out/before.yaml" && ok || bad "$1: the previous not kept as en.yaml.bak"
  [ -z "${4:-}" ] || { cmp -s "$out/assets/images/$4" "$src/assets/images/lotus.svg" && ok || bad "$1: picture not copied"; }
  notice_is "$1" "$3"
}
untouched() { # WHAT: no install, no new notice since `keep`
  same_as "$1" "$out/keep.yaml"
  [ "$(stamp "$notice")" = "$(cat "$out/keep.notice")" ] && ok || bad "$1: a new notice: $(cat "$notice")"
  [ "$(stamp "$inst.bak")" = "$(cat "$out/keep.bak")" ] && ok || bad "$1: en.yaml.bak changed"
}
keep() { cp "$inst" "$out/keep.yaml"; stamp "$notice" >"$out/keep.notice"; stamp "$inst.bak" >"$out/keep.bak"; }
left_over() { # WHAT: nothing but en.yaml and en.yaml.bak in the content's folder
  local extra; extra=$(ls -A "$out/etc" | grep -v '^en.yaml\(.bak\)\?$')
  [ -z "$extra" ] && ok || bad "$1: left in the content's folder: $extra"
}

# 0. no source set: nothing fetched, nothing changed, exit 0; no config at all: the same
conf "SYNC_SOURCE="
keep
run 0 "no source" && grep -q "nothing to fetch" "$out/last.out" && ok || bad "no source: $(cat "$out/last.out")"
untouched "no source"
rm -f "$SK_SYNC_CONF"
run 0 "no sync.conf"
untouched "no sync.conf"
conf "SYNC_SOURCE=file://$out/origin" "BOGUS=1"
run 1 "an unknown setting"

# ---- git: a repository with the USB stick's layout, fetched shallow over file://
origin="$out/origin"
mkdir -p "$origin/stretch-kiosk"
git -C "$origin" init -q -b main
sed 's/^  address: .*/  address: 1 Git Street, Tracy, CA 95376/' "$shipped" >"$origin/stretch-kiosk/en.yaml"
echo "not content" >"$origin/README"
git -C "$origin" add -A && git -C "$origin" commit -q -m one
conf "SYNC_SOURCE=file://$origin"

# 1. a good update: installed, the previous kept as en.yaml.bak, the TV told where it came from
if run 0 "git: good update"; then
  same_as "git: good update" "$origin/stretch-kiosk/en.yaml"
  cmp -s "$inst.bak" "$shipped" && ok || bad "git: good update: the previous not kept as en.yaml.bak"
  notice_is "git: good update" "Content updated from git"
  grep -q "Content updated from git" "$out/last.out" && ok || bad "git: good update: not logged"
fi
left_over "git: good update"
[ -f "$CACHE_DIRECTORY/git/.git/shallow" ] && ok || bad "git: the fetch was not shallow"

# 2. unchanged (a commit that does not touch stretch-kiosk/): no import, no notice, exit 0
keep
echo "more" >>"$origin/README" && git -C "$origin" commit -q -am readme
run 0 "git: unchanged" && grep -q "unchanged" "$out/last.out" && ok || bad "git: unchanged: $(cat "$out/last.out")"
untouched "git: unchanged"

# 3. a broken update: refused (exit 2), the previous content stays byte for byte, said once
line=$(grep -n '^  intro_seconds:' "$shipped" | head -1 | cut -d: -f1)
sed -i "${line}s/^  intro_seconds: [0-9]*/  intro_seconds: abc/" "$origin/stretch-kiosk/en.yaml"
git -C "$origin" commit -q -am broken
keep
run 2 "git: broken update"
same_as "git: broken update" "$out/keep.yaml"
notice_starts "git: broken update" "git content not used: en.yaml line $line: 'intro_seconds' must be a number"
cmp -s "$inst.bak" "$shipped" && ok || bad "git: broken update: en.yaml.bak changed"
left_over "git: broken update"
keep
run 2 "git: broken again" && untouched "git: the same broken update, not said again"

# 4. fixed, with a new picture: installed, the picture along, the broken one never the .bak
mkdir -p "$origin/stretch-kiosk/images"
cp "$src/assets/images/lotus.svg" "$origin/stretch-kiosk/images/sync-mark.svg"
sed -e 's/^  address: .*/  address: 2 Git Street, Tracy, CA 95376/' \
    -e 's#^  mark: .*#  mark: images/sync-mark.svg#' "$shipped" >"$origin/stretch-kiosk/en.yaml"
git -C "$origin" add -A && git -C "$origin" commit -q -m fixed
cp "$inst" "$out/before.yaml"
run 0 "git: fixed" &&
  installed "git: fixed" "$origin/stretch-kiosk/en.yaml" "Content updated from git" sync-mark.svg
[ ! -e "$out/assets/README" ] && [ ! -e "$out/etc/README" ] && ok || bad "git: a file outside stretch-kiosk/ was taken"

# 5. a branch that is not there (exit 1, nothing changed)
conf "SYNC_SOURCE=file://$origin" "SYNC_BRANCH=nope"
keep
run 1 "git: no such branch" && untouched "git: no such branch"

# ---- HTTP: python3 -m http.server on 127.0.0.1, a free port
www="$out/www"
mkdir -p "$www"
for try in 1 2 3 4 5; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd "$www" && exec python3 -m http.server --bind 127.0.0.1 "$port") >"$out/http.log" 2>&1 &
  hpid=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
  done
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  kill "$hpid" 2>/dev/null; wait "$hpid" 2>/dev/null; hpid=
done
trap '[ -n "${hpid:-}" ] && kill "$hpid" 2>/dev/null' EXIT
url="http://127.0.0.1:$port"
[ -n "${hpid:-}" ] && ok || bad "http: the loopback server did not start"

# 6. a .tar.gz of the stick's folder: installed, "Content updated from 127.0.0.1"
pack() { # DIR: www/content.tar.gz of DIR/stretch-kiosk
  tar -czf "$www/content.tar.gz" -C "$1" stretch-kiosk
}
mkdir -p "$out/tar1/stretch-kiosk/images"
cp "$src/assets/images/lotus.svg" "$out/tar1/stretch-kiosk/images/http-mark.svg"
sed -e 's/^  address: .*/  address: 3 Web Street, Tracy, CA 95376/' \
    -e 's#^  mark: .*#  mark: images/http-mark.svg#' "$shipped" >"$out/tar1/stretch-kiosk/en.yaml"
pack "$out/tar1"
conf "SYNC_SOURCE=$url/content.tar.gz"
cp "$inst" "$out/before.yaml"
run 0 "http tar: good update" &&
  installed "http tar: good update" "$out/tar1/stretch-kiosk/en.yaml" "Content updated from 127.0.0.1" http-mark.svg
left_over "http tar: good update"

# 7. the same files packed again (new times in the archive): unchanged, nothing done
sleep 1.1
touch "$out/tar1/stretch-kiosk/en.yaml"
pack "$out/tar1"
keep
run 0 "http tar: unchanged" && untouched "http tar: unchanged"

# 8. a broken .tar.gz update, under the clinic's label: refused, the previous stays
cp -r "$out/tar1" "$out/tar2"
sed -i "${line}s/^  intro_seconds: [0-9]*/  intro_seconds: abc/" "$out/tar2/stretch-kiosk/en.yaml"
pack "$out/tar2"
conf "SYNC_SOURCE=$url/content.tar.gz" "SYNC_LABEL=\"head office (the clinic's main site, where the content is kept)\""
keep
run 2 "http tar: broken update"
same_as "http tar: broken update" "$out/keep.yaml"
notice_starts "http tar: broken update" "head office the clinics main site where content not used: en.yaml line $line:"

# 9. en.yaml in the archive a link out of it: dropped, so refused; nothing read from outside
mkdir -p "$out/tar3/stretch-kiosk"
ln -s "$out/tar1/stretch-kiosk/en.yaml" "$out/tar3/stretch-kiosk/en.yaml"
pack "$out/tar3"
keep
run 2 "http tar: a link" && same_as "http tar: a link" "$out/keep.yaml"
notice_starts "http tar: a link" "head office the clinics main site where content not used: stretch-kiosk/en.yaml: not found"

# 10. a single .yaml: broken refused, good installed
sed -e 's/^  address: .*/  address: 4 Web Street, Tracy, CA 95376/' "$shipped" >"$www/en.yaml"
sed -i "${line}s/^  intro_seconds: [0-9]*/  intro_seconds: abc/" "$www/en.yaml"
conf "SYNC_SOURCE=$url/en.yaml"
keep
run 2 "http yaml: broken update" && same_as "http yaml: broken update" "$out/keep.yaml"
sed -e 's/^  address: .*/  address: 4 Web Street, Tracy, CA 95376/' "$shipped" >"$www/en.yaml"
cp "$inst" "$out/before.yaml"
run 0 "http yaml: good update" &&
  installed "http yaml: good update" "$www/en.yaml" "Content updated from 127.0.0.1"
keep
run 0 "http yaml: unchanged" && untouched "http yaml: unchanged"

# 11. not there (404), too large, not a .tar.gz: exit 1, nothing changed
conf "SYNC_SOURCE=$url/missing.yaml"
run 1 "http: 404" && untouched "http: 404"
conf "SYNC_SOURCE=$url/en.yaml" "SYNC_MAX_BYTES=1000"
run 1 "http: too large" && untouched "http: too large"
grep -q "larger than SYNC_MAX_BYTES" "$out/last.out" && ok || bad "http: too large: $(cat "$out/last.out")"
echo "not gzip" >"$www/bad.tar.gz"
conf "SYNC_SOURCE=$url/bad.tar.gz"
run 1 "http: not a .tar.gz" && untouched "http: not a .tar.gz"
conf "SYNC_SOURCE=ftp://127.0.0.1/en.yaml"
run 1 "an ftp:// source"
# the server saw only what it was asked for: nothing fetched outside it
grep -q '"GET /content.tar.gz HTTP' "$out/http.log" && ok || bad "http: the server log has no fetch"

# 12. the units: valid (the script's path set to this one), hardened, the timer
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$out/units"
  sed -e "s|/usr/local/libexec/stretch-kiosk/stretch-kiosk-sync|$sync|" \
    "$src/deploy/stretch-kiosk-sync.service" >"$out/units/stretch-kiosk-sync.service"
  cp "$src/deploy/stretch-kiosk-sync.timer" "$out/units/"
  chmod +x "$sync" 2>/dev/null
  if (cd "$out/units" && systemd-analyze verify ./stretch-kiosk-sync.service \
        ./stretch-kiosk-sync.timer >"$out/verify.log" 2>&1) && [ ! -s "$out/verify.log" ]; then ok
  else bad "systemd-analyze verify: $(cat "$out/verify.log")"; fi
  if systemd-analyze security --offline=yes --threshold=40 --no-pager \
       "$out/units/stretch-kiosk-sync.service" >"$out/security.log" 2>&1; then ok
  else bad "systemd-analyze security: $(tail -1 "$out/security.log")"; fi
fi
grep -q '^SYNC_SOURCE=$' "$src/deploy/stretch-kiosk-sync.conf" && ok || bad "the example sync.conf is not disabled"

echo "sync_test: $passed checks passed, $failures failed"
[ "$failures" -eq 0 ]
