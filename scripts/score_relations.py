#!/usr/bin/env python3
"""Score `kg extract` relations against a hand-made gold set (tests/data/relations_gold/).

    python scripts/score_relations.py GOLD.jsonl PRED.jsonl [--min-confidence X] [--frames]

Scoring is independent of the kg package: it reads only the JSON Lines files. `--frames` adds
each event frame's firings and precision on the gold articles (frame = trigger lemma +
predicate; the trigger's surface is mapped to its lemma with kg's own analyzer, so that option
needs kg and its morphology database).

Matching, per article (gold "doc" == predicted doc.id), one-to-one:
  * predicate equal;
  * subject and object each match: the predicted entity's label_en equals the gold English name
    (case-insensitive), or its wikidata equals the gold QID, or its label_ar or one of its mention texts equals
    one of the gold Arabic surface strings after normalisation (diacritics and tatweel removed,
    alef forms -> ا, ى -> ي, ة -> ه, leading و/ف, ب/ل and ال clitics stripped from each word);
  * sentence level: the predicted evidence contains the gold sentence or the gold sentence
    contains the evidence (whitespace collapsed, end punctuation ignored); a gold relation
    marked "in_title" is matched only by a prediction from the title (sentence -1);
  * negated equal.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_LETTER = re.compile(r"[^\w\s]|[\d_]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_END_PUNCT = " \t\n.!?؟\"'«»“”"
# Titles and places: the relations that are not events (EVENTS sums the other predicates).
STRUCTURAL = frozenset({"leader_of", "member_of", "located_in", "part_of"})


def _strip_clitics(word: str) -> str:
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if len(word) > 3 and word.startswith("لل"):
        word = "ا" + word[1:]  # لل = ل + ال
    elif len(word) > 3 and word[0] in "بل":
        word = word[1:]
    if len(word) > 3 and word.startswith("ال"):
        word = word[2:]
    return word


def normalise(text: str) -> str:
    """Normalised Arabic surface: dediacritised, letters unified, clitics stripped per word."""
    text = _DIACRITICS.sub("", text or "").translate(_ALEF)
    text = _NON_LETTER.sub(" ", text)
    return " ".join(_strip_clitics(w) for w in text.split())


def _sentence_key(text: str) -> str:
    return " ".join((text or "").split()).strip(_END_PUNCT)


def sentence_match(evidence: str, gold_sentence: str) -> bool:
    e, g = _sentence_key(evidence), _sentence_key(gold_sentence)
    return bool(e) and bool(g) and (g in e or e in g)


def argument_match(entity: dict | None, gold_arg: dict) -> bool:
    if not entity:
        return False
    en, qid = gold_arg.get("en"), gold_arg.get("qid")
    label = entity.get("label_en")
    if en and label and label.strip().casefold() == en.strip().casefold():
        return True
    if qid and entity.get("wikidata") and entity["wikidata"] == qid:
        return True
    gold_forms = {normalise(s) for s in gold_arg.get("ar") or []} - {""}
    names = {normalise(m.get("text", "")) for m in entity.get("mentions") or []} | {normalise(entity.get("label_ar") or "")}
    return bool(gold_forms & names)


def relation_match(pred: dict, entities: dict, gold: dict) -> bool:
    return (
        pred.get("predicate") == gold["predicate"]
        and bool(pred.get("negated", False)) == bool(gold.get("negated", False))
        and sentence_match(pred.get("evidence", ""), gold["sentence"])
        and (not gold.get("in_title") or pred.get("sentence") == -1)
        and argument_match(entities.get(pred.get("subject")), gold["subject"])
        and argument_match(entities.get(pred.get("object")), gold["object"])
    )


def _pred_doc_id(record: dict) -> str:
    doc = record.get("doc")
    return doc.get("id") if isinstance(doc, dict) else doc


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f}


def score(gold_records: list[dict], pred_records: list[dict], min_confidence: float = 0.0) -> dict:
    """P/R/F1 per predicate and overall (micro) over the gold articles.

    Predictions for articles not in the gold set are ignored; predictions below
    `min_confidence` are dropped. Returns {"overall", "events", "per_predicate",
    "high_confidence", "matches", "triggers"}; "events" is micro P/R/F1 over the predicates that are not
    STRUCTURAL; "high_confidence" is precision over predictions with confidence >= 0.8;
    "triggers" maps (trigger surface, predicate) of each event prediction to [firings, true positives].
    """
    preds_by_doc = {}
    for rec in pred_records:
        preds_by_doc[_pred_doc_id(rec)] = rec
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    hi_tp = hi_pred = 0
    matches = []
    triggers: dict[tuple[str, str], list[int]] = {}
    for g in gold_records:
        golds = g["relations"]
        for rel in golds:
            n_gold[rel["predicate"]] += 1
        rec = preds_by_doc.get(g["doc"]) or {}
        entities = {e["id"]: e for e in rec.get("entities") or []}
        preds = [p for p in rec.get("relations") or [] if float(p.get("confidence", 1.0)) >= min_confidence]
        used = set()
        for p in preds:
            n_pred[p.get("predicate")] += 1
            hit = None
            for i, rel in enumerate(golds):
                if i not in used and relation_match(p, entities, rel):
                    hit = i
                    break
            high = float(p.get("confidence", 0.0)) >= 0.8
            hi_pred += high
            if hit is not None:
                used.add(hit)
                tp[p.get("predicate")] += 1
                hi_tp += high
                matches.append((g["doc"], hit))
            if p.get("predicate") not in STRUCTURAL:
                fired = triggers.setdefault((p.get("trigger") or "-", p.get("predicate")), [0, 0])
                fired[0] += 1
                fired[1] += hit is not None
    predicates = sorted(set(n_gold) | set(n_pred), key=str)
    per = {k: _prf(tp[k], n_pred[k], n_gold[k]) for k in predicates}
    overall = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    events = _prf(*(sum(c[k] for k in predicates if k not in STRUCTURAL) for c in (tp, n_pred, n_gold)))
    high = {"tp": hi_tp, "pred": hi_pred, "precision": hi_tp / hi_pred if hi_pred else 0.0}
    return {"overall": overall, "events": events, "per_predicate": per, "high_confidence": high, "matches": matches,
            "triggers": triggers}


def frame_rows(triggers: dict[tuple[str, str], list[int]], lemma_of) -> list[tuple[str, str, int, int]]:
    """(lemma, predicate, firings, true positives) per frame, most firings first; `lemma_of` maps a trigger's surface."""
    frames: dict[tuple[str, str], list[int]] = {}
    for (surface, predicate), (fired, hit) in triggers.items():
        counts = frames.setdefault((lemma_of(surface), predicate), [0, 0])
        counts[0] += fired
        counts[1] += hit
    return sorted(((lemma, predicate, n, tp) for (lemma, predicate), (n, tp) in frames.items()), key=lambda r: (-r[2], -r[3], r[0], r[1]))


def kg_lemma_of():
    """The lemma kg's analyzer gives a trigger's surface, with the relation lexicon breaking ties as in `kg extract`."""
    from kg.camel_db import load_analyzer
    from kg.lexicon import Lexicon
    from kg.nlp import Analyzer

    lexicon = Lexicon.load()
    analyzer = Analyzer(load_analyzer(), {lemma for lemma, _ in lexicon.triggers})
    return lambda surface: analyzer.token(surface, 0, len(surface)).lemma if surface != "-" else "-"


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--frames", action="store_true", help="also each event frame's firings and precision (needs kg)")
    args = ap.parse_args(argv)
    gold, pred = load_jsonl(args.gold), load_jsonl(args.pred)
    missing = {g["doc"] for g in gold} - {_pred_doc_id(r) for r in pred}
    if missing:
        print(f"warning: {len(missing)} gold article(s) not in predictions: {', '.join(sorted(missing))}", file=sys.stderr)
    res = score(gold, pred, args.min_confidence)
    print(f"{'predicate':<12} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}")
    rows = list(res["per_predicate"].items()) + [("EVENTS", res["events"]), ("OVERALL", res["overall"])]
    for name, m in rows:
        print(f"{name:<12} {m['gold']:>5} {m['pred']:>5} {m['tp']:>4} "
              f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}")
    allp = res["overall"]
    hi = res["high_confidence"]
    print()
    print(f"{'subset':<16} {'pred':>5} {'tp':>4} {'P':>6}")
    print(f"{'confidence>=0.8':<16} {hi['pred']:>5} {hi['tp']:>4} {hi['precision']:>6.3f}")
    print(f"{'all':<16} {allp['pred']:>5} {allp['tp']:>4} {allp['precision']:>6.3f}")
    if args.frames:
        print()
        print(f"{'frame (lemma)':<16} {'predicate':<12} {'fired':>5} {'tp':>4} {'P':>6}")
        for lemma, predicate, fired, hit in frame_rows(res["triggers"], kg_lemma_of()):
            print(f"{lemma:<16} {predicate:<12} {fired:>5} {hit:>4} {hit / fired:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
