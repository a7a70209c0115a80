#!/usr/bin/env bash
# bench_test: a short --bench at a small size must print a whole report and make no heap
# allocation in its steady-state frames. Timing budgets are the benchmark's own business (it
# judges them on its last line); they are not checked here, where the machine may be busy.
# Usage: bench_test.sh BINARY
set -u
bin=$1
out=$("$bin" --bench --frames 900 --size 480x270 2>&1)
echo "$out"
fail=0
for line in '^bench: 480x270, demo pacing, 900 frames' '^frame wall ms: median [0-9.]+  p95 [0-9.]+  p99 [0-9.]+  max [0-9.]+$' \
            '^frame cpu ms: [0-9.]+ per frame' '^first frame: [0-9]+ ms after process start$' \
            '^memory: peak RSS [0-9.]+ MiB, PSS [0-9.]+ MiB$' '^frames presented: [0-9]+ of 900' \
            '^heap allocations in steady-state frames: 0 \(frames [0-9]+ to 899\)$' '^bench: (ok|over budget: .+)$'; do
  if ! grep -qE "$line" <<<"$out"; then echo "FAIL: report lacks /$line/"; fail=1; fi
done
[ "$(tail -1 <<<"$out" | cut -c1-6)" = "bench:" ] || { echo "FAIL: the last line is not the verdict"; fail=1; }
# a broken command line gets one clear line and exit 2
"$bin" --bench --frames 0 >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: --frames 0 accepted"; fail=1; }
[ $fail -eq 0 ] && echo "8 passed, 0 failed" || echo "some checks failed"
exit $fail
