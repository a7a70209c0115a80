#!/usr/bin/env python3
"""handout_words: prints texts of a words file as the show shows them ({clinic.*} filled in from
show.yaml beside it), one a line. Usage: handout_words.py WORDS.yaml steps|titles|SECTION.KEY"""
import os
import re
import sys

import yaml

words_path, what = sys.argv[1], sys.argv[2]
with open(words_path, encoding="utf-8") as f:
    words = yaml.safe_load(f)
with open(os.path.join(os.path.dirname(words_path), "show.yaml"), encoding="utf-8") as f:
    clinic = yaml.safe_load(f)["clinic"]


def filled(text):
    return re.sub(r"\{clinic\.(\w+)\}", lambda m: str(clinic[m.group(1)]), text)


if what == "steps":
    texts = [s for ex in words["exercises"].values() for s in ex["steps"]]
elif what == "titles":
    texts = [ex["title"] for ex in words["exercises"].values()]
else:
    node = words
    for key in what.split("."):
        node = node[key]
    texts = [node]
for t in texts:
    print(" ".join(filled(t).split()))
