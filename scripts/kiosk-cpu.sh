#!/usr/bin/env bash
# Runs --kiosk in Xvfb (no GPU: Mesa's llvmpipe, as on the waiting-room box) and prints the CPU
# time the process used per 60 Hz frame over a window of the show, read from /proc/PID/stat
# (user + system, all threads). The X server's own CPU (pushing the pixels to its framebuffer)
# is not counted.
# Usage: scripts/kiosk-cpu.sh [BINARY] [SIZE] [SKIP_SECONDS] [SECONDS] [KIOSK ARGS...]
#   e.g. scripts/kiosk-cpu.sh build/stretch-kiosk 1920x1080 0 30
#        scripts/kiosk-cpu.sh build/stretch-kiosk 1920x1080 0 30 --scene knees-to-chest
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/stretch-kiosk} size=${2:-1920x1080} skip=${3:-0} secs=${4:-30}
shift $(($# < 4 ? $# : 4))
unset SDL_VIDEODRIVER
cdir=$(mktemp -d) dfile=$(mktemp)
pid= xpid=
# our own X server, stopped on every way out (one left running would share Mesa's pages with
# whatever is measured next, and lower its memory figures)
trap 'kill $pid $xpid 2>/dev/null; wait $xpid 2>/dev/null; rm -rf "$cdir" "$dfile"' EXIT
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$dfile" 2>/dev/null & xpid=$!
for _ in $(seq 100); do [ -s "$dfile" ] && break; sleep 0.05; done
[ -s "$dfile" ] || { echo "kiosk-cpu: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -1 "$dfile")"
# the shipped show (its words files beside it), open at all hours
cp assets/content/*.yaml "$cdir/"
sed -E -i -e 's/^(  opening_hours:).*/\1 always/' -e '/^  open_days:/d' "$cdir/show.yaml"
content=$cdir/show.yaml
"$bin" --kiosk --content "$content" "$@" >/dev/null 2>&1 & pid=$!
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
sleep "$skip"
t0=$(ticks)
sleep "$secs"
t1=$(ticks)
kill -TERM $pid; wait $pid || true
awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$secs" 'BEGIN {
  ms = d * 1000 / hz; printf "kiosk: %.0f ms of CPU in %d s = %.2f ms per 60 Hz frame (%.1f%% of one core)\n", ms, s, ms / (s * 60), ms / (s * 10) }'
