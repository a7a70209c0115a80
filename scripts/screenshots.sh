#!/usr/bin/env bash
# Makes the README's screenshots with the program's own headless --screenshot mode: each
# screen in English (docs/screenshots/) and in Spanish (docs/screenshots/es/).
# Usage: scripts/screenshots.sh [BINARY]   (default build/stretch-kiosk)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/stretch-kiosk}
mkdir -p docs/screenshots/es docs/figure
for lang in en es; do
  out=docs/screenshots
  [ "$lang" = en ] || out=docs/screenshots/$lang
  shot() {
    "$bin" --screenshot "$out/$1.png" --lang "$lang" --scene "$2" --at "$3" --size "$4"
    echo "$out/$1.png"
  }
  shot intro intro 1 1280x720
  shot spinal-twists spinal-twists 26 1280x720
  shot childs-pose childs-pose 24 1280x720
  shot knees-to-chest knees-to-chest 11 1280x720
  shot press-up-back-extensions press-up-back-extensions 15 1280x720
  shot reviews reviews 1 1280x720
  shot contact contact 1 1280x720
  shot portrait-childs-pose childs-pose 24 720x1280
  shot portrait-intro intro 1 720x1280
  shot portrait-contact contact 1 720x1280
done

# The take-home handout's pages, in each language (the program's own --handout).
mkdir -p docs/handout/es
"$bin" --handout docs/handout/handout.png --lang en
"$bin" --handout docs/handout/es/handout.png --lang es

# Strips of the figure through each routine: EXERCISE then the times of its frames.
strip() {
  local ex=$1 n=1; shift
  for t in "$@"; do
    "$bin" --screenshot "docs/figure/$ex-$n.png" --scene "$ex" --at "$t" --size 1280x720 --region figure
    echo "docs/figure/$ex-$n.png"
    n=$((n + 1))
  done
}
strip spinal-twists 1 5 20 140
strip childs-pose 1.5 4.5 8.5 24
strip knees-to-chest 1.5 4.5 11 25
strip press-up-back-extensions 1 4.5 8 15
