#!/usr/bin/env python3
"""Rank the words that stand between two named parties in sentences where kg finds no event.

    PYTHONPATH=. python scripts/mine_unframed.py ../shared/corpus/ant/politic [-o build/unframed.tsv]

Runs the whole pipeline over every article, in one process. A sentence counts when it names
two or more entities (named mentions of different entities) and kg gives no event in it; each
verb and noun lemma between its first and last named mention (outside the mentions), and
each light verb with the noun right after it (أعرب+قلق), is counted once per sentence. Beside
each: the frames the lexicon already has for it and the CAMEO codes UniversalPetrarch's Arabic
dictionary gives it (candidates, not truth), with two example sentences for deciding by reading.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tqdm import tqdm

from kg.files import write_atomically
from kg.pipeline import Pipeline
from kg.read import Problem, read_inputs
from scripts.trigger_candidates import cameo_predicates, predicate_of, up_codes

_POS = ("verb", "noun")
_EXAMPLES = 2


def unframed_words(pipeline: Pipeline, docs) -> tuple[Counter, dict]:
    """Count (lemma, pos) and (verb+noun, pair) between named parties in sentences without an event."""
    counts: Counter = Counter()
    examples: dict = defaultdict(list)
    for doc in tqdm(docs, desc="mining", unit="article", file=sys.stderr):
        extraction = pipeline(doc)
        with_event = {r.sentence for r in extraction.relations if r.trigger is not None}
        named = defaultdict(list)
        for entity in extraction.entities:
            for mention in entity.mentions:
                named[mention.sentence].append((mention, entity.id))
        for sentence in extraction.sentences:
            parties = named.get(sentence.index, [])
            if sentence.index in with_event or len({eid for _, eid in parties}) < 2:
                continue
            inside, first, last = set(), None, None
            for mention, _ in parties:
                toks = [i for i, t in enumerate(sentence.tokens) if mention.start <= t.start and t.end <= mention.end]
                if not toks:
                    continue
                inside.update(toks)
                first = min(toks) if first is None else min(first, min(toks))
                last = max(toks) if last is None else max(last, max(toks))
            if first is None:
                continue
            keys = set()
            between = [i for i in range(first, last + 1) if i not in inside]
            for i in between:
                token = sentence.tokens[i]
                if token.pos not in _POS or not token.analysed:
                    continue
                keys.add((token.lemma, token.pos))
                if token.pos == "verb" and i + 1 in between and sentence.tokens[i + 1].pos == "noun":
                    keys.add((f"{token.lemma}+{sentence.tokens[i + 1].lemma}", "pair"))
            text = " ".join(doc.body[sentence.start : sentence.end].split())[:200]
            for key in keys:
                counts[key] += 1
                if len(examples[key]) < _EXAMPLES:
                    examples[key].append(text)
    return counts, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("-o", "--output", default="build/unframed.tsv")
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args(argv)

    pipeline = Pipeline.load()
    docs = [d for d in read_inputs(args.inputs) if not isinstance(d, Problem)]
    counts, examples = unframed_words(pipeline, docs)
    codes, up = cameo_predicates(), up_codes()
    triggers = pipeline.extract_relations.lexicon.triggers
    rows = ["rank\tlemma\tpos\tsentences\tlexicon\tup\texamples"]
    ranked = [key for key in sorted(counts, key=lambda k: (-counts[k], k)) if counts[key] >= args.min_count]
    for rank, (lemma, pos) in enumerate(ranked, 1):
        frames = triggers.get((lemma.split("+")[0], "verb" if pos == "pair" else pos), ())
        current = ",".join(f"{t.predicate}/{t.object_prep or '-'}" for t in frames) or "-"
        up_hits = sorted({f"{code}:{predicate_of(code, codes)}" for key, found in up.items()
                          if key.split("+")[0] == lemma.split("+")[0] for code in found})
        rows.append("\t".join([str(rank), lemma, pos, str(counts[(lemma, pos)]), current, " ".join(up_hits) or "-",
                               " || ".join(examples[(lemma, pos)])]))
    write_atomically(Path(args.output), "\n".join([f"# {len(docs)} articles: {' '.join(args.inputs)}", *rows]) + "\n")
    print(f"{len(rows) - 1} words from {len(docs)} articles -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
