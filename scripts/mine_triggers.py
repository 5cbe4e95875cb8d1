#!/usr/bin/env python3
"""Rank the verb and verbal-noun lemmas of a corpus that occur in sentences naming two or more entities.

    python scripts/mine_triggers.py ../shared/corpus/ant/ [-o build/mined_triggers.tsv] [--limit N]

Runs kg's own `nlp` and `ner` stages (the CRF tagger) over every article, in one process.
A lemma is counted once per sentence that has at least two named mentions outside it;
`before`/`after` count the sentences where a mention ends right before the word or starts
right after it. A noun is kept as a candidate verbal noun when its root is the root of a
verb lemma counted too (إدانة beside أدان), so nouns such as رئيس still come in and are
decided by reading. Each row keeps three example sentences for deciding it by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tqdm import tqdm

from kg.camel_db import load_camel_analyzer
from kg.files import write_atomically
from kg.pipeline import Pipeline
from kg.read import Problem, read_inputs

_POS = ("verb", "noun")
_EXAMPLES = 3
_CHECKPOINT = 1000  # articles between two writes of the ranking so far


def mine(inputs: list[str], limit: int | None, seed: int, checkpoint) -> tuple[Counter, dict, dict, dict, int]:
    """Count (lemma, pos) per sentence with ≥ 2 named mentions; keep examples by reservoir sampling.

    Articles go in a shuffled order (fixed seed), so the ranking written at each checkpoint
    is already one of the whole corpus, on fewer articles.
    """
    pipeline = Pipeline.load(ner="crf")
    counts: Counter = Counter()
    adjacent: dict = defaultdict(lambda: [0, 0])
    examples: dict = defaultdict(list)
    articles: dict = defaultdict(set)
    rng = random.Random(seed)
    docs = [d for d in read_inputs(inputs) if not isinstance(d, Problem)]
    rng.shuffle(docs)
    if limit:
        docs = docs[:limit]
    for done, doc in enumerate(tqdm(docs, desc="mining", unit="article", file=sys.stderr), 1):
        if done % _CHECKPOINT == 0:
            checkpoint(counts, adjacent, examples, articles, done)
        sentences = pipeline.analyze(doc)
        mentions = pipeline.recognize(doc, sentences)
        by_sentence = defaultdict(list)
        for mention in mentions:
            if mention.named:
                by_sentence[mention.sentence].append(mention)
        for sentence in sentences:
            named = by_sentence.get(sentence.index, [])
            if len(named) < 2:
                continue
            inside = {k for m in named for k in range(m.tok_start, m.tok_end)}
            ends = {m.tok_end for m in named}
            starts = {m.tok_start for m in named}
            seen = set()
            for i, token in enumerate(sentence.tokens):
                if token.pos not in _POS or i in inside or not token.analysed:
                    continue
                key = (token.lemma, token.pos)
                if key in seen:
                    continue
                seen.add(key)
                counts[key] += 1
                articles[key].add(doc.id)
                adjacent[key][0] += i in ends
                adjacent[key][1] += i + 1 in starts
                text = " ".join(doc.body[sentence.start : sentence.end].split())
                if len(examples[key]) < _EXAMPLES:
                    examples[key].append(text)
                elif rng.random() < _EXAMPLES / counts[key]:
                    examples[key][rng.randrange(_EXAMPLES)] = text
    return counts, adjacent, examples, articles, len(docs)


def roots(lemmas, analyze) -> dict[tuple[str, str], str]:
    """The root of each (lemma, pos), from the database's analyses of the lemma's letters."""
    from kg.nlp import normalize

    found = {}
    for lemma, pos in lemmas:
        for analysis in analyze(lemma):
            if analysis.get("pos") == pos and normalize(analysis.get("lex", "")) == lemma:
                found[(lemma, pos)] = analysis.get("root", "")
                break
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("-o", "--output", default="build/mined_triggers.tsv")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick look)")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)

    analyze = load_camel_analyzer().analyze

    def write(counts, adjacent, examples, articles, n_docs):
        kept = [key for key, n in counts.items() if n >= args.min_count]
        root_of = roots(kept, analyze)
        verb_roots = {root_of[key] for key in kept if key[1] == "verb" and root_of.get(key)}
        rows = []
        for key in sorted(kept, key=lambda k: (-counts[k], k)):
            lemma, pos = key
            root = root_of.get(key, "")
            if pos == "noun" and root not in verb_roots:
                continue  # a noun with no verb of its root here is not a verbal noun
            before, after = adjacent[key]
            rows.append("\t".join([lemma, pos, str(counts[key]), str(len(articles[key])), str(before), str(after), root, " || ".join(examples[key])]))
        header = "lemma\tpos\tsentences\tarticles\tname_before\tname_after\troot\texamples"
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        write_atomically(Path(args.output), "\n".join([f"# {n_docs} articles: {' '.join(args.inputs)}", header, *rows]) + "\n")
        return len(rows)

    counts, adjacent, examples, articles, n_docs = mine(args.inputs, args.limit, args.seed, write)
    n_rows = write(counts, adjacent, examples, articles, n_docs)
    print(f"{n_rows} lemmas from {n_docs} articles -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
