#!/usr/bin/env bash
# The kiosk against a browser showing the same kind of screen, side by side in one run: each
# round runs the kiosk on a scene under Xvfb (scripts/kiosk-cpu.sh) and then Debian's Chromium
# in kiosk mode on the web baseline's page (an animated SVG figure, ring, steps; measure.py from
# the shared web-baseline folder), both at the same size with no GPU, and prints each one's CPU
# as a share of one core and the kiosk's share of the browser's. The machine's speed moves
# from run to run; a ratio measured round by round does not.
# Usage: scripts/browser-baseline.sh BASELINE_DIR [BINARY] [ROUNDS] [KIOSK ARGS...]
#   e.g. scripts/browser-baseline.sh ../shared/web-baseline build/stretch-kiosk 3 --scene knees-to-chest
# Needs: chromium, xvfb, xauth, python3 (apt-get install -y chromium xvfb xauth).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?the web baseline folder (with measure.py)} bin=${2:-build/stretch-kiosk} rounds=${3:-3}
shift $(($# < 3 ? $# : 3))
command -v chromium >/dev/null || { echo "browser-baseline: chromium is not installed" >&2; exit 2; }
for r in $(seq "$rounds"); do
  k=$(scripts/kiosk-cpu.sh "$bin" 1920x1080 4 15 "$@")
  kpct=$(sed -n 's/.*(\([0-9.]*\)% of one core).*/\1/p' <<<"$k")
  b=$(xvfb-run -a -s '-screen 0 1920x1080x24' python3 "$base/measure.py" --mode xvfb --warmup 3 --window 15)
  bpct=$(python3 -c 'import json,sys; print("%.1f" % json.loads(sys.stdin.read().strip().splitlines()[-1])["cpu_pct_of_one_core"])' <<<"$b")
  awk -v r="$r" -v k="$kpct" -v b="$bpct" 'BEGIN {
    printf "round %d: kiosk %.1f%% of one core (%.2f ms per 60 Hz frame), browser %.1f%%: kiosk/browser %.3f\n",
           r, k, k * 10 / 60, b, (b > 0 ? k / b : 0) }'
done
