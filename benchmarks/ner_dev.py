"""Dev-slice experiments for the NER tagger: train on ANERcorp train minus its last 10%, score that 10%.

Never reads a test.txt. Usage:
    .venv/bin/python benchmarks/ner_dev.py [--drop GROUP ...] [--aqmar] [--c1 X] [--c2 X] [--iterations N]
        [--model crf|neural|crf+neural] [--epochs N] [--crf-weights W ...] [--entity-biases B ...]
        [--aqmar-share F] [--self-train N [--self-threshold P] [--labeller FOLDER]] [--keep FOLDER]

Self-training (--self-train N): a CRF of the same settings, trained on the same data (the 90% fit
part, + AQMAR train), tags ANT articles; up to N sentences it is sure of (every token's label at
marginal ≥ P, at least one name) join the training data of the model that is scored. The dev
slice stays out of both models.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from kg.camel_db import load_analyzer
from kg.kb import KnowledgeBase
from kg.lexicon import Lexicon
from kg.nlp import Analyzer
from kg.pipeline import Pipeline, record_spans, to_record
from kg.read import Problem, read_inputs
from kg.ner_train import LabelledSentence, TrainingSettings, dev_split, read_conll, score, subsample, tagger_spans
from kg.tagger import ALL_FEATURES, read_clusters, spans_of_labels
from kg.types import Document
from neural_tagger import MODELS, NeuralSettings, PairTagger, train_pair

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
UNLABELLED = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant",)


def confident_sentences(tagger: PairTagger, analyzer: Analyzer, docs: Iterable[Document], threshold: float,
                        limit: int, max_tokens: int = 60) -> list[LabelledSentence]:
    """Tag unlabelled news with the tagger's CRF and keep the sentences it is sure of, as silver training data.

    A sentence is kept when it holds a name and the marginal probability of the CRF's label is at
    least `threshold` on every token; repeated sentences (bylines, boilerplate) are kept once.
    Args:
        tagger: a tagger with a CRF, trained without the sentences it will be scored on.
        limit: stop after this many sentences.
    Returns:
        the sentences with the CRF's names as their entities.
    """
    crf, kept, seen = tagger.crf, [], set()
    for doc in docs:
        for sentence in analyzer(doc):
            tokens = sentence.tokens
            text = doc.body[sentence.start : sentence.end]
            if not 3 <= len(tokens) <= max_tokens or text in seen:
                continue
            seen.add(text)
            crf.set(tagger.featurizer(tokens))
            labels = crf.tag()
            spans = spans_of_labels(labels)
            if not spans or any(crf.marginal(label, t) < threshold for t, label in enumerate(labels)):
                continue
            entities = tuple((tokens[s.start].start - sentence.start, tokens[s.end - 1].end - sentence.start, s.type)
                             for s in spans)
            kept.append(LabelledSentence(text, entities))
            if len(kept) >= limit:
                return kept
    return kept


def unlabelled_docs(folders: Iterable[Path], seed: int) -> list[Document]:
    """Return the articles of the folders in an order shuffled from the seed, so that a prefix spans every section."""
    docs = [item for item in read_inputs([str(folder) for folder in folders]) if not isinstance(item, Problem)]
    random.Random(seed).shuffle(docs)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drop", nargs="*", default=[], choices=ALL_FEATURES)
    parser.add_argument("--aqmar", action="store_true", help="add AQMAR train.txt to the training data")
    parser.add_argument("--aqmar-share", type=float, default=1.0, help="keep this share of AQMAR train (random from the seed)")
    parser.add_argument("--self-train", type=int, default=0, metavar="N", help="add up to N confident ANT sentences")
    parser.add_argument("--self-threshold", type=float, default=0.9, help="least marginal of every token's label")
    parser.add_argument("--labeller", type=Path, default=None,
                        help="the self-training CRF: a folder kept (--keep) from a run on the same data; default: train one")
    parser.add_argument("--keep", type=Path, default=None, help="write the scored model folder here")
    parser.add_argument("--domain", action="store_true", help="mark AQMAR sentences with a domain feature")
    parser.add_argument("--c1", type=float, default=TrainingSettings.c1)
    parser.add_argument("--c2", type=float, default=TrainingSettings.c2)
    parser.add_argument("--iterations", type=int, default=TrainingSettings.max_iterations)
    parser.add_argument("--clusters", type=Path, default=None, help="word clusters (tsv.gz)")
    parser.add_argument("--model", default="crf", choices=MODELS)
    parser.add_argument("--epochs", type=int, default=NeuralSettings.epochs)
    parser.add_argument("--feature-dropout", type=float, default=NeuralSettings.feature_dropout)
    parser.add_argument("--crf-weights", type=float, nargs="*", default=[NeuralSettings.crf_weight])
    parser.add_argument("--entity-biases", type=float, nargs="*", default=[0.0])
    parser.add_argument("--seed", type=int, default=TrainingSettings.seed)
    parser.add_argument("--whole-path", action="store_true", help="also score the model inside the whole `kg extract` path")
    args = parser.parse_args()
    lexicon = Lexicon.load()
    analyzer = Analyzer(load_analyzer(), {lemma for lemma, _ in lexicon.triggers})
    kb = KnowledgeBase.load()
    fit, dev = dev_split(read_conll(SHARED / "anercorp" / "train.txt"))
    if args.aqmar:
        fit = fit + subsample(read_conll(SHARED / "aqmar" / "train.txt", "wiki" if args.domain else None), args.aqmar_share, args.seed)
    aqmar_dev = read_conll(SHARED / "aqmar" / "dev.txt")
    features = [f for f in ALL_FEATURES if f not in args.drop]
    clusters = read_clusters(args.clusters) if args.clusters else {}
    if not clusters and "clusters" in features:
        features.remove("clusters")
    neural = NeuralSettings(epochs=args.epochs, feature_dropout=args.feature_dropout)
    settings = TrainingSettings(features=features, c1=args.c1, c2=args.c2, max_iterations=args.iterations, seed=args.seed)
    started = time.time()
    with tempfile.TemporaryDirectory() as folder:
        if args.self_train:
            labeller_dir = args.labeller or train_pair(analyzer, kb, fit, Path(folder) / "labeller", "crf", settings,
                                                       neural, clusters)
            labeller = PairTagger.load(analyzer, kb, labeller_dir)
            silver = confident_sentences(labeller, analyzer, unlabelled_docs(UNLABELLED, args.seed),
                                         args.self_threshold, args.self_train)
            names = sum(len(s.entities) for s in silver)
            print(f"self-training: {len(silver)} sentences, {names} names, {time.time() - started:.0f}s", flush=True)
            fit = fit + silver
        folder = args.keep or Path(folder) / "model"
        train_pair(analyzer, kb, fit, Path(folder), args.model, settings, neural, clusters)
        size = sum(p.stat().st_size for p in Path(folder).iterdir() if p.name != "clusters.tsv.gz")
        tagger = PairTagger.load(analyzer, kb, Path(folder))
        trained = time.time() - started
        label = (f"drop={','.join(args.drop) or '-'} aqmar={args.aqmar}x{args.aqmar_share} self={args.self_train}@{args.self_threshold} domain={args.domain} c1={args.c1} c2={args.c2} "
                 f"it={args.iterations} clusters={bool(clusters)} model={args.model} epochs={args.epochs}")
        if tagger.crf is not None and tagger.network is not None:  # the CRF of the pair alone
            network, tagger.network = tagger.network, None
            ner_dev = score(dev, tagger_spans(analyzer, tagger))
            aq_dev = score(aqmar_dev, tagger_spans(analyzer, tagger))
            print(f"{label} CRF alone\tANER-dev F1 {ner_dev.prf()[2]:.4f}\tAQMAR-dev F1 {aq_dev.prf()[2]:.4f}")
            tagger.network = network
        for weight in args.crf_weights:
            for bias in args.entity_biases:
                tagger.crf_weight = weight  # decode-time settings: scored without retraining
                if tagger.network is not None:
                    tagger.network.settings = dataclasses.replace(tagger.network.settings, entity_bias=bias)
                ner_dev = score(dev, tagger_spans(analyzer, tagger))
                aq_dev = score(aqmar_dev, tagger_spans(analyzer, tagger))
                print(f"{label} crf_weight={weight} entity_bias={bias}\tANER-dev F1 {ner_dev.prf()[2]:.4f}"
                      f"\tAQMAR-dev F1 {aq_dev.prf()[2]:.4f}\tmodel {size/1e6:.1f} MB\ttrain {trained:.0f}s")
                print(ner_dev.table())
                print(aq_dev.table())
                sys.stdout.flush()
        if args.whole_path:  # the last decode settings, inside gazetteer, rules and linking, as `kg extract` lists names
            pipeline = Pipeline(analyzer, kb, lexicon, tagger)
            spans_of = lambda doc: record_spans(to_record(pipeline(doc)))
            ner_dev, aq_dev = score(dev, spans_of), score(aqmar_dev, spans_of)
            print(f"{label} whole path\tANER-dev F1 {ner_dev.prf()[2]:.4f}\tAQMAR-dev F1 {aq_dev.prf()[2]:.4f}")
            print(ner_dev.table())
            print(aq_dev.table())


if __name__ == "__main__":
    main()
