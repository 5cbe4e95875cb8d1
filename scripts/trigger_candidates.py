#!/usr/bin/env python3
"""Write the sheet for deciding mined trigger lemmas: counts, the lexicon's frames, UniversalPetrarch's codes, examples.

    python scripts/trigger_candidates.py build/mined_triggers.tsv [--top 500] [-o build/candidates.tsv]

For each of the top lemmas of `mine_triggers.py`'s ranking: the frames `kg/data/relations.tsv`
has for it, and the CAMEO codes UniversalPetrarch's Arabic dictionary
(`../shared/data/events/universalpetrarch-arabic/CAMEO.ar.0.5.txt`) gives the lemma, each
with the predicate of the ontology whose CAMEO code it falls under. The sheet is for reading;
the decisions go to `kg/data/events/decisions.tsv`.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS

from kg.files import write_atomically
from kg.lexicon import Lexicon
from kg.nlp import normalize
from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
UP = ROOT.parent / "shared" / "data" / "events" / "universalpetrarch-arabic" / "CAMEO.ar.0.5.txt"
_CODE = re.compile(r"\[(\d+|---)\]")


def cameo_predicates(ontology: Path = ROOT / "ontology" / "kg.ttl") -> dict[str, set[str]]:
    """CAMEO code → the predicates whose event class carries it (kg:cameoCode; 18 is attacked and killed)."""
    graph = Graph().parse(ontology)
    codes: dict[str, set[str]] = defaultdict(set)
    for event_class, code in graph.subject_objects(KG.cameoCode):
        for prop in graph.objects(event_class, RDFS.seeAlso):
            codes[str(code)].add(str(prop).rsplit("/", 1)[-1])
    return codes


def predicate_of(code: str, codes: dict[str, set[str]]) -> str:
    """The predicates whose CAMEO code is the longest prefix of `code`, joined by |; "-" for none."""
    for size in range(len(code), 1, -1):
        if code[:size] in codes:
            return "|".join(sorted(codes[code[:size]]))
    return "-"


def up_codes(path: Path = UP) -> dict[str, set[str]]:
    """Normalised verb lemma (its preposition kept after +) → the CAMEO codes UniversalPetrarch gives it."""
    found: dict[str, set[str]] = defaultdict(set)
    group_code, in_verbs = None, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if "VERB PATTERNS" in line:
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            match = _CODE.search(line)
            group_code = match.group(1) if match else "---"
        elif line.startswith("-"):
            match = _CODE.search(line)
            if match and match.group(1) != "---" and "#" in line:
                for lemma in line.split("#", 1)[1].split(","):
                    found[normalize(lemma.strip().replace("_", " "))].add(match.group(1))
        else:
            word = line.split("#", 1)[0]
            match = _CODE.search(word)
            code = match.group(1) if match else group_code
            word = _CODE.sub("", word).strip()
            if word and code and code != "---":
                found[normalize(word.replace("_", " "))].add(code)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mined")
    parser.add_argument("--top", type=int, default=500)
    parser.add_argument("-o", "--output", default="build/candidates.tsv")
    args = parser.parse_args(argv)

    codes = cameo_predicates()
    up = up_codes()
    lexicon = Lexicon.load()
    with open(args.mined, encoding="utf-8") as stream:
        rows = list(csv.DictReader((line for line in stream if not line.startswith("#")), delimiter="\t"))
    out = ["rank\tlemma\tpos\tsentences\tname_before\tname_after\tlexicon\tup\texamples"]
    for rank, row in enumerate(rows[: args.top], 1):
        frames = lexicon.triggers.get((row["lemma"], row["pos"]), ())
        current = ",".join(f"{t.predicate}/{t.object_prep or '-'}" for t in frames) or "-"
        up_hits = sorted(
            f"{key}:{code}:{predicate_of(code, codes)}"
            for key, found in up.items()
            if key.split("+")[0] == row["lemma"]
            for code in found
        )
        out.append("\t".join([str(rank), row["lemma"], row["pos"], row["sentences"], row["name_before"], row["name_after"], current, " ".join(up_hits) or "-", row["examples"]]))
    write_atomically(Path(args.output), "\n".join(out) + "\n")
    print(f"{len(out) - 1} candidates -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
