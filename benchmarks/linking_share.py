"""Share of named mentions linked to a Wikidata QID, per type, on a fixed sample of ANT news.

Usage: .venv/bin/python benchmarks/linking_share.py [--sample benchmarks/linking_sample.txt] [--write-sample] [--top N]
The sample is 300 articles drawn with seed 16 from ANT politic + internationalNews; --write-sample draws it
again into the list file. --top N prints the N most frequent unlinked names of each type.
"""

import argparse
import random
from collections import Counter
from pathlib import Path

from kg.pipeline import Pipeline
from kg.read import read_inputs

HERE = Path(__file__).resolve().parent
ANT = HERE.parents[1] / "shared" / "corpus" / "ant"
FOLDERS = ("politic", "internationalNews")
SEED, SIZE = 16, 300

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--sample", type=Path, default=HERE / "linking_sample.txt")
parser.add_argument("--write-sample", action="store_true")
parser.add_argument("--top", type=int, default=0)
args = parser.parse_args()
if args.write_sample:
    pool = sorted(f"{folder}/{p.name}" for folder in FOLDERS for p in (ANT / folder).glob("*.txt"))
    args.sample.write_text("\n".join(sorted(random.Random(SEED).sample(pool, SIZE))) + "\n", encoding="utf-8")
files = [str(ANT / line) for line in args.sample.read_text(encoding="utf-8").split()]
pipeline = Pipeline.load()
named, linked, unlinked = Counter(), Counter(), {t: Counter() for t in ("PER", "ORG", "LOC", "MISC")}
for doc in read_inputs(files):
    if not hasattr(doc, "body"):
        continue
    for entity in pipeline(doc).entities:
        for mention in entity.mentions:
            if mention.named:
                named[entity.type] += 1
                linked[entity.type] += entity.wikidata is not None
                if entity.wikidata is None:
                    unlinked[entity.type][entity.label_ar] += 1
for kind in sorted(named):
    print(f"{kind}: {linked[kind]}/{named[kind]} = {linked[kind] / named[kind]:.3f}")
total = sum(named.values())
print(f"all: {sum(linked.values())}/{total} = {sum(linked.values()) / total:.3f}")
for kind, counts in unlinked.items():
    if args.top and counts:
        print(kind, "unlinked:", " | ".join(f"{name} {n}" for name, n in counts.most_common(args.top)))
