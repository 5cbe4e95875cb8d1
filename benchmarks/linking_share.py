"""Share of named mentions linked to a Wikidata QID, per type, on a fixed sample of ANT news.

Usage: .venv/bin/python benchmarks/linking_share.py [--sample benchmarks/linking_sample.txt] [--write-sample]
       [--top N] [--unlinked N]
The sample is 300 articles drawn with seed 16 from ANT politic + internationalNews; --write-sample draws it
again into the list file. --top N prints the N most frequent unlinked names of each type on one line.
--unlinked N lists the N most frequent unlinked PER, ORG and LOC names, one a line, each with what the
knowledge base holds under that name: "kb, no QID" (an entry without a QID), "kb QID" (an entry with
one the linker did not take), "state body" (a body's head with no nisba: الحكومة، وزارة الداخلية) or
"not in kb"; whether a name is a tagger span error or no body at all is for the reader to judge.
"""

import argparse
import random
from collections import Counter
from pathlib import Path

from kg.kb import DATA
from kg.nlp import normalize
from kg.pipeline import Pipeline
from kg.read import read_inputs

HERE = Path(__file__).resolve().parent
ANT = HERE.parents[1] / "shared" / "corpus" / "ant"
FOLDERS = ("politic", "internationalNews")
SEED, SIZE = 16, 300
STATE_BODIES = DATA / "kb_state_bodies.tsv"


def kb_status(name: str, kind: str, kb, state_heads: set[str]) -> str:
    """What the knowledge base holds under a name the linker left unlinked."""
    found = [entry for entry in kb.lookup(name) if not entry.is_generated]
    if any(entry.wikidata for entry in found):
        return "kb QID" + ("" if any(e.type == kind for e in found) else f" ({found[0].type})")
    if found:
        return "kb, no QID"
    if kind == "ORG" and " ".join(normalize(name).split()) in state_heads:
        return "state body"
    return "not in kb"


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--sample", type=Path, default=HERE / "linking_sample.txt")
parser.add_argument("--write-sample", action="store_true")
parser.add_argument("--top", type=int, default=0)
parser.add_argument("--unlinked", type=int, default=0, metavar="N")
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
if args.unlinked:
    kb = pipeline.link.kb
    # the definite heads of the generated state bodies, normalised (الحكومه، وزاره الداخليه)
    rows = [line.split("\t") for line in STATE_BODIES.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    state_heads = {" ".join(normalize(row[rows[0].index("definite")]).split()) for row in rows[1:]}
    for kind in ("PER", "ORG", "LOC"):
        print(f"\n{kind} unlinked, {sum(unlinked[kind].values())} mentions of {len(unlinked[kind])} names:")
        statuses = Counter()
        for name, n in unlinked[kind].most_common():
            statuses[kb_status(name, kind, kb, state_heads)] += n
        print("  by kind:", ", ".join(f"{status} {n}" for status, n in statuses.most_common()))
        for name, n in unlinked[kind].most_common(args.unlinked):
            print(f"  {n:4d}  {name}\t{kb_status(name, kind, kb, state_heads)}")
