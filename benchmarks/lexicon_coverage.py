#!/usr/bin/env python3
"""Count how often the relation lexicon's lemmas occur in sentences naming two or more entities, and how often they fire.

    python benchmarks/lexicon_coverage.py EXTRACT.jsonl INPUT... [--top 40]
    python benchmarks/lexicon_coverage.py EXTRACT.jsonl INPUT... --misses 60 --seed 15 [--skip GOLD.jsonl ...] [--lemmas L ...]

EXTRACT.jsonl is `kg extract`'s output on the same INPUT. A lemma occurs when a token of a
sentence with at least two named mentions has it (any part of speech); it fires when the
extract has a relation of that sentence whose trigger is that token's text. Prints the totals
and the lemmas that occur most, with their firings and whether the lexicon has a frame for the
token's part of speech: what a missing frame costs, and what the engine leaves unfound.
With --misses N, prints N occurrences that do not fire instead (articles shuffled with --seed,
one occurrence per article, articles of the --skip gold files left out), each with its
sentence and named mentions, to read why.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict

from kg.pipeline import Pipeline
from kg.read import Problem, read_inputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extract")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--skip", nargs="*", default=[])
    parser.add_argument("--lemmas", nargs="*", default=[], help="with --misses: only these lemmas")
    args = parser.parse_args(argv)

    pipeline = Pipeline.load(ner="crf")
    triggers = pipeline.extract_relations.lexicon.triggers
    lemmas = {lemma for lemma, _ in triggers}
    if args.misses and args.lemmas:
        lemmas &= set(args.lemmas)
    fired_at: dict[str, set[tuple[int, str]]] = defaultdict(set)
    with open(args.extract, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            fired_at[record["doc"]["id"]].update((r["sentence"], r["trigger"]) for r in record["relations"] if r["trigger"])
    if args.misses:
        return _print_misses(pipeline, lemmas, fired_at, args)
    occurs, fires = Counter(), Counter()
    for doc in read_inputs(args.inputs):
        if isinstance(doc, Problem):
            continue
        sentences = pipeline.analyze(doc)
        named = Counter(m.sentence for m in pipeline.recognize(doc, sentences) if m.named)
        for sentence in sentences:
            if named[sentence.index] < 2:
                continue
            for token in sentence.tokens:
                if token.lemma in lemmas:
                    key = (token.lemma, token.pos)
                    occurs[key] += 1
                    fires[key] += (sentence.index, token.text) in fired_at[doc.id]
    def framed(lemma: str, pos: str) -> bool:
        # A participle's token is a noun or an adjective (داعيا، منددا).
        return (lemma, pos) in triggers or (lemma, "participle") in triggers

    unframed = sum(n for (lemma, pos), n in occurs.items() if not framed(lemma, pos))
    print(f"{sum(occurs.values())} occurrences of lexicon lemmas in sentences with two or more named entities, "
          f"{sum(fires.values())} fired; {unframed} of them with a part of speech that has no frame")
    print(f"{'lemma':<12} {'pos':<6} {'occurs':>6} {'fired':>5}  frame")
    for (lemma, pos), n in occurs.most_common(args.top):
        print(f"{lemma:<12} {pos:<6} {n:>6} {fires[(lemma, pos)]:>5}  {'yes' if framed(lemma, pos) else 'no'}")
    return 0


def _print_misses(pipeline, lemmas: set[str], fired_at: dict, args: argparse.Namespace) -> int:
    """Print `args.misses` non-firing occurrences, one per article, articles in seeded random order."""
    skip = set()
    for path in args.skip:
        with open(path, encoding="utf-8") as stream:
            skip.update(json.loads(line)["doc"] for line in stream if line.strip())
    docs = [doc for doc in read_inputs(args.inputs) if not isinstance(doc, Problem) and doc.id not in skip]
    random.Random(args.seed).shuffle(docs)
    shown = 0
    for doc in docs:
        sentences = pipeline.analyze(doc)
        mentions = [m for m in pipeline.recognize(doc, sentences) if m.named]
        misses = []
        for sentence in sentences:
            named = [m.text for m in mentions if m.sentence == sentence.index]
            if len(named) < 2:
                continue
            misses += [(sentence, token, named) for token in sentence.tokens
                       if token.lemma in lemmas and (sentence.index, token.text) not in fired_at[doc.id]]
        if not misses:
            continue
        sentence, token, named = random.Random(f"{args.seed}{doc.id}").choice(misses)
        shown += 1
        print(f"{shown}\t{doc.id} s{sentence.index}\t{token.text} ({token.lemma}.{token.pos})\t{' | '.join(named)}")
        print(f"\t{doc.body[sentence.start:sentence.end]}")
        if shown == args.misses:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
