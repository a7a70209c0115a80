#!/usr/bin/env bash
# bench_test: a short --bench at a small size must print a whole report and make no heap
# allocation in its steady-state frames, with sound off and on; the first frame's texts are set at start-up (while
# the shaders compile), none in the frame. The report has the floor's line (the smallest GL
# program, measured by the bench in a child of itself) and one line per budget, and its verdict
# and exit status agree with them. Timing budgets are the benchmark's own business (it judges
# them against the floor on its last line); they are not checked here, where the machine may be busy.
# Usage: bench_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$1 src=$2 outdir=$3
mkdir -p "$outdir"
# the real content with the slow parts shortened, so a few thousand frames pass through every
# kind of scene, its transitions, moves, holds and counts
sed -e 's/^  intro_seconds: .*/  intro_seconds: 3/' -e 's/^  contact_seconds: .*/  contact_seconds: 3/' \
    -e 's/^  review_min_seconds: .*/  review_min_seconds: 2/' -e 's/^  review_max_seconds: .*/  review_max_seconds: 3/' \
    -e 's/^  demo_breaths: .*/  demo_breaths: 1/' -e 's/^  demo_hold_seconds: .*/  demo_hold_seconds: 2/' \
    "$src/tests/data/whole-en.yaml" > "$outdir/short.yaml"
frames=9000
out=$(env -u MESA_SHADER_CACHE_DISABLE -u MESA_SHADER_CACHE_DIR "$bin" --bench --frames $frames --size 480x270 --content "$outdir/short.yaml" 2>&1)
rc=$?
echo "$out"
fail=0
for line in "^bench: 480x270, demo pacing, $frames frames" '^frame wall ms: median [0-9.]+  p95 [0-9.]+  p99 [0-9.]+  max [0-9.]+$' \
            '^frame cpu ms: [0-9.]+ per frame' "^first frame: [0-9]+ ms after process start \\(Mesa's shader cache off: a cold start\\); texts set for it at start-up: [1-9][0-9]*, in it: 0\$" \
            '^memory: peak PSS [0-9.]+ MiB \(frame [0-9]+\), PSS at the end [0-9.]+ MiB, peak RSS [0-9.]+ MiB \(texts: [1-9][0-9]* set, packed in [0-9.]+ MiB, drawn from [1-9][0-9]* pages of [1-9][0-9]*x[1-9][0-9]*, [1-9][0-9]* rows filled at most; the layer kept under the figure: [0-9]+x[0-9]+\)$' "^frames presented: [0-9]+ of $frames" \
            "^heap allocations in steady-state frames: 0 \\(frames [0-9]+ to $((frames - 1))\\)\$" '^bench: (ok|over budget: .+)$' \
            "^floor: the smallest GL program drawing one shader \\(this binary, 480x270, Mesa's shader cache off\\): whole run [1-9][0-9]* ms, peak PSS [1-9][0-9.]* MiB \\([1-9][0-9.]* MiB as if alone\\)\$" \
            "^memory as if alone: peak PSS [1-9][0-9.]* MiB \\(frame [0-9]+\\) with its files' pages counted whole \\([0-9.]+ MiB of them shared with other processes then\\)\$" \
            '^start-up CPU \(user\+system, all threads\): [0-9]+ ms to the first frame, the floor.s whole run [1-9][0-9]* ms: [0-9.]+x$' \
            "^budget: first frame: [0-9]+ ms, limit [1-9][0-9]* ms \\(1\\.5x the floor's whole run\\): (met|over)\$" \
            "^budget: peak PSS: [0-9.]+ MiB, limit [1-9][0-9.]* MiB \\(the floor's \\+ 12 MiB, both as if alone\\): (met|over)\$" \
            '^budget: frame p99: [0-9.]+ ms, limit 16\.7 ms \(up to 1920x1080\): (met|over)$' \
            '^budget: heap allocations in steady-state frames: 0, limit 0 \(none\): met$'; do
  if ! grep -qE "$line" <<<"$out"; then echo "FAIL: report lacks /$line/"; fail=1; fi
done
[ "$(tail -1 <<<"$out" | cut -c1-6)" = "bench:" ] || { echo "FAIL: the last line is not the verdict"; fail=1; }
# the verdict is the budgets' lines: ok (and exit 0) only when every one is met
if grep -q '^budget: .*: over$' <<<"$out"; then
  [ "$(tail -1 <<<"$out" | cut -c1-19)" = "bench: over budget:" ] && [ $rc -eq 1 ] ||
    { echo "FAIL: a budget is over, yet the verdict is '$(tail -1 <<<"$out")' (exit $rc)"; fail=1; }
else
  [ "$(tail -1 <<<"$out")" = "bench: ok" ] && [ $rc -eq 0 ] ||
    { echo "FAIL: every budget is met, yet the verdict is '$(tail -1 <<<"$out")' (exit $rc)"; fail=1; }
fi
[ "$(grep -c '^budget: ' <<<"$out")" -eq 4 ] || { echo "FAIL: not four budget lines"; fail=1; }
# it went through the show: many frames redrawn, not just a still intro
presented=$(sed -n 's/^frames presented: \([0-9]*\) of.*/\1/p' <<<"$out")
[ "${presented:-0}" -gt 1000 ] || { echo "FAIL: only ${presented:-0} frames presented"; fail=1; }
# with sound on (SDL's disk driver: no sound card needed), the cues are heard while the
# frames are timed, and still no steady-state frame allocates (the audio thread's counted too)
sound=$(SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$outdir/bench.raw" \
        "$bin" --bench --frames 3000 --size 480x270 --content "$outdir/short.yaml" --sound on 2>&1)
echo "$sound" | grep -v "^CRITICAL"
for line in '^heap allocations in steady-state frames: 0 \(frames [0-9]+ to 2999\)$' \
            '^sound: on, [1-9][0-9]* cues heard \(SDL audio driver disk\)$'; do
  if ! grep -qE "$line" <<<"$sound"; then echo "FAIL: with sound, report lacks /$line/"; fail=1; fi
done
[ -s "$outdir/bench.raw" ] || { echo "FAIL: with sound, nothing was played"; fail=1; }
rm -f "$outdir/bench.raw"
# a broken command line gets one clear line and exit 2
"$bin" --bench --frames 0 >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: --frames 0 accepted"; fail=1; }
[ $fail -eq 0 ] && echo "23 passed, 0 failed" || echo "some checks failed"
exit $fail
