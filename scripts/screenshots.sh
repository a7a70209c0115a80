#!/usr/bin/env bash
# Makes the README's screenshots with the program's own headless --screenshot mode.
# Usage: scripts/screenshots.sh [BINARY]   (default build/stretch-kiosk)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/stretch-kiosk}
out=docs/screenshots
mkdir -p "$out"
shot() { "$bin" --screenshot "$out/$1.png" --scene "$2" --at "$3" --size "$4"; echo "$out/$1.png"; }
shot intro intro 1 1280x720
shot spinal-twists spinal-twists 14 1280x720
shot childs-pose childs-pose 1 1280x720
shot knees-to-chest knees-to-chest 26 1280x720
shot press-up-back-extensions press-up-back-extensions 40 1280x720
shot reviews reviews 1 1280x720
shot contact contact 1 1280x720
shot portrait-childs-pose childs-pose 32 720x1280
