"""How many named person mentions of the linking sample the shared sources could give a QID at all.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/person_ceiling.py [--sample benchmarks/linking_sample.txt] [--list]
The only person QIDs in ../shared/data/kb are everypolitician's office holders; Phoenix adds English
aliases to them (joined on the label) and UniversalPetrarch adds Arabic names without QIDs. A mention is
*within reach* when its entity is linked, or one of its Arabic names (two words or more) has the consonant
classes of an office holder's English name or alias, or the English label kg gives it has those of one.
*Loose* adds mentions whose surname alone has the consonants of some office holder's surname (an upper
bound: most of these are other people; --list prints them to read).
"""

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from kg.lexicon import Lexicon
from kg.link import consonants
from kg.pipeline import Pipeline
from kg.read import read_inputs
from scripts import build_kb

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ANT = REPO.parent / "shared" / "corpus" / "ant"
SHARED_KB = REPO.parent / "shared" / "data" / "kb"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=HERE / "linking_sample.txt")
    parser.add_argument("--list", action="store_true", help="print the unlinked names within reach and the loose ones")
    args = parser.parse_args()
    classes = Lexicon.load().letter_classes
    holders = build_kb.build_people(SHARED_KB)
    build_kb.add_phoenix_aliases(SHARED_KB, holders, classes)

    def key(name: str, script: str) -> str:
        return "".join(consonants(w, classes[script]) for w in name.replace("-", " ").split())

    full, last = defaultdict(set), defaultdict(set)
    for draft in holders.values():
        for name in {draft.label_en, *draft.names_en} - {""}:
            if len(name.replace("-", " ").split()) >= 2:
                full[key(name, "lat")].add(draft.id)
            if len(surname := key(name.replace("-", " ").split()[-1], "lat")) >= 3:
                last[surname].add(draft.id)

    pipeline = Pipeline.load()
    counts, reach, loose = Counter(), Counter(), Counter()
    files = [str(ANT / line) for line in args.sample.read_text(encoding="utf-8").split()]
    for doc in read_inputs(files):
        if not hasattr(doc, "body"):
            continue
        for entity in pipeline(doc).entities:
            named = sum(m.named for m in entity.mentions)
            if entity.type != "PER" or not named:
                continue
            counts["named"] += named
            if entity.wikidata:
                counts["linked"] += named
                continue
            # an entry without a QID gives the entity an IRI of its kg: id
            counts["known"] += named * ("/entity/kg-" in entity.id)
            names = {m.name for m in entity.mentions if m.named}
            found = set().union(*(full.get(key(n, "ar"), set()) for n in names if len(n.split()) >= 2))
            if entity.label_en:
                found |= full.get(key(entity.label_en, "lat"), set())
            if found:
                counts["join"] += named
                reach[(entity.label_ar, tuple(sorted(holders[q].label_en + " " + q for q in found)))] += named
                continue
            near = set().union(*(last.get(key(n.split()[-1], "ar"), set()) for n in names))
            if near:
                counts["loose"] += named
                loose[(entity.label_ar, tuple(sorted(holders[q].label_en + " " + q for q in near))[:3])] += named
    total = counts["named"]
    print(f"named PER mentions: {total}; office holders with a QID: {len(holders)}, "
          f"{sum(bool(d.names_en) for d in holders.values())} with Phoenix aliases")
    print(f"linked now: {counts['linked']} = {counts['linked'] / total:.3f}")
    print(f"unlinked, known to the KB without a QID (curated, UniversalPetrarch): {counts['known']}")
    print(f"within reach of a join: {counts['linked'] + counts['join']} = {(counts['linked'] + counts['join']) / total:.3f}"
          f" (+{counts['join']})")
    print(f"loose upper bound: {counts['linked'] + counts['join'] + counts['loose']} = "
          f"{(counts['linked'] + counts['join'] + counts['loose']) / total:.3f} (+{counts['loose']})")
    if args.list:
        for title, table in (("within reach", reach), ("loose", loose)):
            print(f"-- {title}:")
            for (label, candidates), n in table.most_common():
                print(f"{n}\t{label}\t{'; '.join(candidates)}")


if __name__ == "__main__":
    main()
