#!/usr/bin/env python3
"""handout_stills: the handout's drawings (--handout FILE.json) against the choreography
(--dump-pose at each still's time). Each hold still is in the hold of its side, each start
pose is still; and the still's body is the dumped pose: every limb's joint, projected through
the still's camera, is the end of one of the body's capsules (within a quarter unit, the
drawing's grid). Usage: handout_stills.py BINARY STILLS.json"""
import json
import subprocess
import sys

binary, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    handout = json.load(f)
JOINTS = ["shoulder_l", "elbow_l", "hand_l", "shoulder_r", "elbow_r", "hand_r",
          "hip_l", "knee_l", "ankle_l", "toe_l", "hip_r", "knee_r", "ankle_r", "toe_r",
          "neck", "head"]
TOLERANCE = 0.2  # units: the quarter-unit grid (and the dump's four decimals, by the scale)
failures = 0
stills = 0
for ex in handout["exercises"]:
    kinds = [s["kind"] for s in ex["stills"]]
    if kinds[0] != "start" or "hold" not in kinds:
        print(f"FAIL {ex['id']}: stills {kinds}, expected a start then holds")
        failures += 1
    for s in ex["stills"]:
        stills += 1
        dump = json.loads(subprocess.run(
            [binary, "--dump-pose", "--scene", ex["id"], "--at", f"{s['t']:.4f}"],
            check=True, capture_output=True, text=True).stdout)
        what = f"{ex['id']} {s['kind']} {s['side']} at {s['t']} s"
        stage = dump["hold"]["stage"]
        if s["kind"] == "hold" and (stage != "holding" or dump["side"] != s["side"]):
            print(f"FAIL {what}: --dump-pose says {stage} on side {dump['side']}")
            failures += 1
        lens = s["lens"]
        body = [m for m in s["marks"][s["under"]:] if m[5] in ("near", "far")]
        ends = [(m[0], m[1]) for m in body] + [(m[2], m[3]) for m in body]
        for j in JOINTS:
            p = dump["joints"][j]
            x = lens["ox"] + sum(a * b for a, b in zip(p, lens["right"])) * lens["scale"]
            y = lens["oy"] - sum(a * b for a, b in zip(p, lens["up"])) * lens["scale"]
            d = min(((x - ex_) ** 2 + (y - ey) ** 2) ** 0.5 for ex_, ey in ends)
            if d > TOLERANCE + 0.0001 * lens["scale"]:
                print(f"FAIL {what}: {j} is drawn {d:.2f} units from where the pose has it")
                failures += 1
        # the start pose shown faint in a hold: ghost marks under the body
        if s["kind"] == "hold" and s["from"] >= 0:
            if not any(m[5] == "ghost" for m in s["marks"][:s["under"]]):
                print(f"FAIL {what}: no faint start pose")
                failures += 1
print(f"handout_stills: {stills} stills checked, {failures} problems")
sys.exit(1 if failures else 0)
