"""Tagging speed and peak memory of analysis + NER tagger on real ANT articles.

Usage (one core):
    taskset -c 0 .venv/bin/python benchmarks/ner_speed.py [--articles N] [--model FOLDER]

The Analyzer starts with an empty cache, so morphology of every new word is included.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from kg.camel_db import load_analyzer
from kg.kb import KnowledgeBase
from kg.lexicon import Lexicon
from kg.nlp import Analyzer
from kg.read import Problem, read_inputs
from kg.tagger import MODEL_DIR, Tagger, spans_of_labels

ANT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="model folder (default: the shipped one)")
    args = parser.parse_args()
    lexicon = Lexicon.load()
    analyzer = Analyzer(load_analyzer(), {lemma for lemma, _ in lexicon.triggers})
    kb = KnowledgeBase.load()
    started = time.perf_counter()
    tagger = Tagger.load(analyzer, kb, args.model)
    load_seconds = time.perf_counter() - started
    docs = [d for d in read_inputs([str(ANT / "internationalNews"), str(ANT / "politic")]) if not isinstance(d, Problem)]
    docs = docs[: args.articles]
    tokens = mentions = 0
    tagging = 0.0
    started = time.perf_counter()
    for doc in docs:
        sentences = analyzer(doc)
        tokens += sum(len(s.tokens) for s in sentences)
        tagging -= time.perf_counter()
        mentions += sum(len(spans_of_labels(labels)) for labels in tagger.label_sentences([s.tokens for s in sentences]))
        tagging += time.perf_counter()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(p.stat().st_size for p in args.model.iterdir()) / 1e6
    print(f"{len(docs)} articles, {tokens} tokens, {mentions} mentions in {seconds:.1f} s: "
          f"{tokens / seconds:,.0f} tokens/s (analysis + tagger, cold cache), tagger alone {tokens / tagging:,.0f} tokens/s; "
          f"tagger load {load_seconds:.2f} s; model folder {size:.1f} MB; peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
