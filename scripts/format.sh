#!/usr/bin/env bash
# The code's one style: clang-format with the repository's .clang-format over every C file.
#   scripts/format.sh           formats them in place
#   scripts/format.sh --check   changes nothing; lists each file that differs and fails
# Also in --check: nothing but the logger (src/app/log.c) writes to stderr — every message has
# a level (log.h); stdout carries only the reports a user asked for.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 2>/dev/null ||
        find src tests -name '*.[ch]')
if [ "${1:-}" != "--check" ]; then
  # shellcheck disable=SC2086
  clang-format -i $files
  exit 0
fi
bad=0
for f in $files; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (scripts/format.sh formats it)"
    bad=1
  fi
done
# stderr is the logger's: fprintf(stderr / fputs(.., stderr) / perror anywhere else in src/
if grep -nE 'fprintf\(stderr|fputs\([^;]*stderr|perror\(' $(echo "$files" | grep '^src/' | grep -v '^src/app/log.c$'); then
  echo "the lines above write to stderr outside the logger: use log_error/log_warning/log_notice"
  bad=1
fi
exit "$bad"
