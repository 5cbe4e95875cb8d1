#!/usr/bin/env python3
"""Score kg's entity linking against the hand-made gold set of tests/data/linking/.

    python scripts/score_linking.py GOLD.jsonl PRED.jsonl
    python scripts/score_linking.py --articles GOLD.jsonl        # the article files to extract
    python scripts/score_linking.py GOLD.jsonl PRED.jsonl --split dev   # only the gold's dev articles
    python scripts/score_linking.py --variants tests/data/linking/name_variants.tsv

PRED.jsonl is `kg extract` output over the gold articles, e.g.

    .venv/bin/kg extract $(python scripts/score_linking.py --articles tests/data/linking/mentions_gold.jsonl) -o /tmp/pred.jsonl

Matching, per article (gold "doc" == predicted doc.id): a gold mention is matched by the
predicted mentions whose span overlaps its span. If one of them belongs to an entity whose
wikidata is the gold QID, that one is taken; otherwise the one with the largest overlap.
- precision: among matched gold mentions whose predicted entity has a wikidata, the fraction
  whose QID equals the gold QID (a gold null counts as wrong when kg gives a QID);
- recall: among gold mentions with a QID, the fraction kg linked to that QID.

The gold and prediction modes read only JSON Lines files; --variants imports kg.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def article_file(path: str) -> Path:
    """Return a gold record's article file: repo-relative (the web gold) or relative to ../shared (ANT)."""
    return REPO / path if (REPO / path).exists() else SHARED / path


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def predicted_mentions(pred: Iterable[dict]) -> dict[str, list[dict]]:
    """Return each article's predicted mentions, each with its entity's wikidata, label_en and type."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for record in pred:
        doc_id = record["doc"]["id"]
        for entity in record.get("entities", []):
            for mention in entity["mentions"]:
                by_doc[doc_id].append({
                    "text": mention["text"], "start": mention["start"], "end": mention["end"],
                    "wikidata": entity.get("wikidata"), "label_en": entity.get("label_en"),
                    "type": entity.get("type"), "entity": entity.get("id")})
    return by_doc


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def match(gold_mention: dict, candidates: list[dict]) -> dict | None:
    """Return the predicted mention that stands for a gold mention, or None."""
    overlapping = [p for p in candidates if _overlap(gold_mention, p) > 0]
    if not overlapping:
        return None
    for p in overlapping:
        if gold_mention["qid"] and p["wikidata"] == gold_mention["qid"]:
            return p
    return max(overlapping, key=lambda p: (_overlap(gold_mention, p), -p["start"]))


def score(gold: list[dict], pred: list[dict]) -> dict:
    """Return linking precision, recall, their counts and the errors.

    Errors: "wrong" (kg gave a QID that is not the gold one, or any QID for a gold null),
    "missed" (a gold QID kg did not give: unmatched, unlinked or wrongly linked).
    """
    by_doc = predicted_mentions(pred)
    predicted_docs = {record["doc"]["id"] for record in pred}
    linked = correct = gold_linked = found = matched = 0
    wrong: list[dict] = []
    missed: list[dict] = []
    for g in gold:
        p = match(g, by_doc.get(g["doc"], []))
        matched += p is not None
        kg_qid = p["wikidata"] if p else None
        row = {"doc": g["doc"], "text": g["text"], "start": g["start"], "gold": g["qid"], "gold_en": g.get("en"),
               "kg": kg_qid, "kg_en": p["label_en"] if p else None, "kg_text": p["text"] if p else None,
               "article_extracted": g["doc"] in predicted_docs}
        if kg_qid is not None:
            linked += 1
            if kg_qid == g["qid"]:
                correct += 1
            else:
                wrong.append(row)
        if g["qid"] is not None:
            gold_linked += 1
            if kg_qid == g["qid"]:
                found += 1
            else:
                missed.append(row)
    return {
        "precision": correct / linked if linked else 1.0,
        "recall": found / gold_linked if gold_linked else 1.0,
        "gold_mentions": len(gold), "matched": matched, "linked": linked, "correct": correct,
        "gold_with_qid": gold_linked, "found": found, "wrong": wrong, "missed": missed,
        "articles_missing": sorted({g["doc"] for g in gold} - predicted_docs),
    }


def _describe(row: dict) -> str:
    kg = f"{row['kg']} {row['kg_en'] or ''}".strip() if row["kg"] else "no QID"
    where = f"(kg span {row['kg_text']!r})" if row["kg_text"] and row["kg_text"] != row["text"] else ""
    if row["kg_text"] is None:
        where = "(no predicted mention overlaps)"
    gold = f"{row['gold']} {row['gold_en'] or ''}".strip() if row["gold"] else f"null {row['gold_en'] or ''}".strip()
    return f"  {row['doc']} @{row['start']} {row['text']!r}: gold {gold}; kg {kg} {where}".rstrip()


def print_report(result: dict) -> None:
    print(f"linking precision {result['precision']:.3f} ({result['correct']}/{result['linked']} kg QIDs on gold mentions correct)")
    print(f"linking recall    {result['recall']:.3f} ({result['found']}/{result['gold_with_qid']} gold QIDs found)")
    print(f"gold mentions {result['gold_mentions']}, matched by a predicted mention {result['matched']}")
    if result["articles_missing"]:
        print(f"articles not in the prediction file: {', '.join(result['articles_missing'])}")
    if result["wrong"]:
        print(f"\nwrong links ({len(result['wrong'])}):")
        for row in result["wrong"]:
            print(_describe(row))
    if result["missed"]:
        print(f"\nmissed gold QIDs ({len(result['missed'])}):")
        for row in result["missed"]:
            print(_describe(row))


# --- name variants ---------------------------------------------------------------------------

Resolver = Callable[[str, str], tuple[str | None, str | None]]


def read_variants(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def kg_resolver() -> Resolver:
    """Return a function resolving a name string of a type to (qid, label_en) with kg's KB and Linker."""
    sys.path.insert(0, str(REPO))
    from kg.kb import KnowledgeBase
    from kg.lexicon import Lexicon
    from kg.link import Linker
    from kg.types import Mention

    grammar = Lexicon.load().grammar
    linker = Linker(KnowledgeBase.load(), name_links=grammar["name_link"], kinship_links=grammar["kinship_link"])

    def resolve(text: str, etype: str) -> tuple[str | None, str | None]:
        mention = Mention(text=text, start=0, end=len(text), sentence=0, type=etype,
                          tok_start=0, tok_end=len(text.split()))
        entry = linker.link(mention)
        return (entry.wikidata, entry.label_en) if entry else (None, None)

    return resolve


def expected(row: dict, qid: str | None, label_en: str | None) -> bool:
    """Tell whether a resolution is the row's entity: by QID when the row has one, else by English name."""
    if row["qid"]:
        return qid == row["qid"]
    return bool(label_en) and label_en.casefold() == row["canonical_en"].casefold()


def score_variants(rows: list[dict], resolve: Resolver) -> dict:
    results = []
    for row in rows:
        qid, label_en = resolve(row["variant"], row["type"])
        results.append({**row, "kg_qid": qid, "kg_en": label_en, "ok": expected(row, qid, label_en)})
    return {"total": len(results), "resolved": sum(r["ok"] for r in results),
            "failures": [r for r in results if not r["ok"]]}


def print_variants(result: dict) -> None:
    print(f"name variants resolved to the expected entity: {result['resolved']}/{result['total']}")
    for r in result["failures"]:
        got = f"{r['kg_qid'] or '-'} {r['kg_en'] or ''}".strip() if (r["kg_qid"] or r["kg_en"]) else "nothing"
        print(f"  {r['variant']} ({r['type']}, {r['note']}): expected {r['qid'] or '-'} {r['canonical_en']}; kg {got}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="GOLD.jsonl PRED.jsonl")
    parser.add_argument("--variants", type=Path, metavar="TSV", help="score kg's resolution of a name-variant table")
    parser.add_argument("--articles", type=Path, metavar="GOLD", help="print the article files of a gold set")
    parser.add_argument("--split", choices=("dev", "heldout"), help="score only the gold mentions of this split")
    args = parser.parse_args(argv)
    if args.articles:
        paths = dict.fromkeys(g["path"] for g in read_jsonl(args.articles))
        print("\n".join(str(article_file(p)) for p in paths))
        return 0
    if args.variants:
        print_variants(score_variants(read_variants(args.variants), kg_resolver()))
        return 0
    if len(args.files) != 2:
        parser.error("give GOLD.jsonl and PRED.jsonl, or --variants TSV, or --articles GOLD")
    gold = [g for g in read_jsonl(args.files[0]) if args.split is None or g.get("split") == args.split]
    print_report(score(gold, read_jsonl(args.files[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
