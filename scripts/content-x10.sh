#!/usr/bin/env bash
# Writes a content file with ten times the exercises (40): each of the four repeated with a new
# id, all in the playlist — to measure how the cost grows with the size of the content.
# Usage: scripts/content-x10.sh [IN.yaml] > OUT.yaml
set -euo pipefail
in=${1:-$(dirname "$0")/../assets/content/en.yaml}
awk '
  /^exercises:/ { inex = 1; print; next }
  /^reviews:/   { inex = 0
                  for (n = 2; n <= 10; n++) { s = block; gsub(/\n  - id: [a-z-]+/, "&-" n, s)
                                              gsub(/[&*][a-z-]+/, "&-" n, s); printf "%s", s }
                  print; next }
  inex          { block = block "\n" $0; print; next }
  /^playlist:/  { inpl = 1; print; next }
  inpl && /^  - / { id = $2; ids[++nid] = id; print; next }
  inpl && !/^  - / { inpl = 0
                  for (n = 2; n <= 10; n++) for (i = 1; i <= nid; i++)
                      if (ids[i] !~ /^(intro|reviews|review|contact)$/) print "  - " ids[i] "-" n
                  print; next }
  { print }
' "$in" | sed '/^$/N;/^\n$/D'
