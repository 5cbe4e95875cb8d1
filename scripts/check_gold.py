"""Check the gold files against their schema and the articles they annotate; print each problem as file:line.

Usage (from the repository root):
    .venv/bin/python scripts/check_gold.py [FILE ...]

With no FILE: every relation gold file (`tests/data/relations_gold/*.jsonl` holding relations),
every `tests/data/linking/*mentions_gold.jsonl` and `tests/data/linking/name_variants.tsv`. A file
is read by its name: `…mentions_gold.jsonl` as linking mentions, a `.tsv` as name variants, any other
`.jsonl` as relation gold. An article `path` is relative to the repository (a file of its own, e.g.
`tests/data/relations_gold/web_articles.jsonl`) or else to the sibling folder `../shared`.
Exit code 1 when a problem is found.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RELATIONS_GOLD = REPO / "tests" / "data" / "relations_gold"
LINKING_GOLD = REPO / "tests" / "data" / "linking"
MENTIONS_SUFFIX = "mentions_gold.jsonl"
NAME_VARIANTS = LINKING_GOLD / "name_variants.tsv"
sys.path.insert(0, str(REPO))

from kg.read import Problem, read_inputs  # noqa: E402  (the body as kg reads it)
from kg.vocab import PREDICATES  # noqa: E402

QID = re.compile(r"Q[1-9]\d*")
RELATION_KEYS = {"doc", "path", "relations"}
RELATION_OPTIONAL = {"url"}  # where a web article was found
ARGUMENT_KEYS = {"ar", "en", "qid"}
EVENT_KEYS = {"subject", "predicate", "object", "sentence", "negated"}
EVENT_OPTIONAL = {"in_title", "attributed_to"}  # the sentence is the title; who reports the relation (an argument)
MENTION_KEYS = {"doc", "path", "text", "start", "end", "type", "qid", "en"}
LINKING_TYPES = ("PER", "ORG", "LOC")
VARIANT_COLUMNS = ["variant", "canonical_en", "qid", "type", "source", "count", "note"]


class GoldError(Exception):
    """One problem of a gold record; the caller adds file and line."""


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise GoldError(problem)


@cache
def articles(path: str) -> dict:
    """Return the articles of a gold `path` by id, read as `kg extract` reads them."""
    file = REPO / path if (REPO / path).is_file() else SHARED / path
    _require(file.is_file(), f"article file {path} not found in the repository or in {SHARED}")
    return {doc.id: doc for doc in read_inputs([str(file)]) if not isinstance(doc, Problem)}


def article(record: dict):
    """Return the article a gold record names by `path` and `doc`."""
    docs = articles(record["path"])
    _require(record["doc"] in docs, f"{record['path']} holds no article {record['doc']!r}")
    return docs[record["doc"]]


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as err:
                yield number, GoldError(f"not JSON ({err.msg})")


def check_relation_record(record: dict) -> None:
    """Check one article of relation gold: schema, vocabulary, the sentence and arguments in the article."""
    _require(isinstance(record, dict) and RELATION_KEYS <= set(record) <= RELATION_KEYS | RELATION_OPTIONAL,
             f"keys are {sorted(RELATION_KEYS)} (and optionally {sorted(RELATION_OPTIONAL)})")
    doc = article(record)
    _require(isinstance(record["relations"], list) and record["relations"], "no relations")
    for n, relation in enumerate(record["relations"], 1):
        where = f"relation {n}: "
        _require(isinstance(relation, dict) and EVENT_KEYS <= set(relation) <= EVENT_KEYS | EVENT_OPTIONAL,
                 f"{where}keys are {sorted(EVENT_KEYS)} (and optionally {sorted(EVENT_OPTIONAL)})")
        _require(relation["predicate"] in PREDICATES, f"{where}unknown predicate {relation['predicate']!r}")
        _require(isinstance(relation["negated"], bool), f"{where}negated is not true or false")
        text = (doc.title or "") if relation.get("in_title") else doc.body
        sentence = relation["sentence"]
        _require(isinstance(sentence, str) and sentence and sentence in text,
                 f"{where}the sentence is not in the article's {'title' if relation.get('in_title') else 'body'}")
        for side in ("subject", "object", "attributed_to"):
            if side not in relation:
                continue
            argument = relation[side]
            _require(isinstance(argument, dict) and set(argument) == ARGUMENT_KEYS, f"{where}{side} keys are {sorted(ARGUMENT_KEYS)}")
            _require(isinstance(argument["ar"], list) and argument["ar"] and all(isinstance(s, str) and s for s in argument["ar"]),
                     f"{where}{side} has no Arabic strings")
            missing = [s for s in argument["ar"] if s not in f"{doc.title or ''}\n{doc.body}"]
            _require(not missing, f"{where}{side} string {missing[:1]} is not in the article")
            _require(argument["en"] is None or (isinstance(argument["en"], str) and argument["en"].strip()),
                     f"{where}{side} en is neither a name nor null")
            _require(argument["qid"] is None or (isinstance(argument["qid"], str) and QID.fullmatch(argument["qid"])),
                     f"{where}{side} qid {argument['qid']!r} is neither Q… nor null")


def check_mention(mention: dict) -> None:
    """Check one linking gold mention: schema, and its offsets slice the article's body to its text."""
    _require(isinstance(mention, dict) and MENTION_KEYS <= set(mention) <= MENTION_KEYS | {"split"},
             f"keys are {sorted(MENTION_KEYS)} (and optionally split)")
    _require(mention.get("split", "dev") in ("dev", "heldout"), f"split {mention.get('split')!r} is neither dev nor heldout")
    _require(mention["type"] in LINKING_TYPES, f"type {mention['type']!r} is not one of {', '.join(LINKING_TYPES)}")
    _require(mention["qid"] is None or (isinstance(mention["qid"], str) and QID.fullmatch(mention["qid"])),
             f"qid {mention['qid']!r} is neither Q… nor null")
    _require(mention["en"] is None or (isinstance(mention["en"], str) and mention["en"].strip()), "en is neither a name nor null")
    start, end = mention["start"], mention["end"]
    _require(isinstance(start, int) and isinstance(end, int) and 0 <= start < end, "start and end are no span")
    _require(article(mention).body[start:end] == mention["text"], "body[start:end] is not the text")


def check_variant(row: dict) -> None:
    """Check one name variant: its type, QID, count, and that its source article writes it."""
    _require(row["type"] in LINKING_TYPES, f"type {row['type']!r} is not one of {', '.join(LINKING_TYPES)}")
    _require(row["qid"] == "" or QID.fullmatch(row["qid"]), f"qid {row['qid']!r} is neither Q… nor empty")
    _require(row["canonical_en"].strip() != "", "no canonical_en")
    _require(row["count"].isdigit() and int(row["count"]) >= 1, f"count {row['count']!r} is no positive number")
    _require(row["variant"] in "\n".join(doc.body for doc in articles(row["source"]).values()),
             f"{row['source']} does not write the variant")


def problems_of(path: Path) -> Iterator[str]:
    """Yield "file:line: problem" for each problem of one gold file."""
    if path.suffix == ".tsv":
        yield from _variant_problems(path)
        return
    check = check_mention if path.name.endswith(MENTIONS_SUFFIX) else check_relation_record
    seen: dict = {}
    for number, record in _jsonl(path):
        try:
            if isinstance(record, GoldError):
                raise record
            check(record)
            _check_across(path, record, seen)
        except GoldError as err:
            yield f"{path}:{number}: {err}"


def _check_across(path: Path, record: dict, seen: dict) -> None:
    """Checks across records: one record per article, one English name per QID, mentions that do not overlap."""
    if path.name.endswith(MENTIONS_SUFFIX):
        if record["qid"]:
            _require(seen.setdefault(record["qid"], record["en"]) == record["en"],
                     f"{record['qid']} is {seen[record['qid']]!r} on another line")
        spans = seen.setdefault(("spans", record["doc"]), [])
        _require(not any(s < record["end"] and record["start"] < e for s, e in spans), "overlaps another mention")
        spans.append((record["start"], record["end"]))
    else:
        _require(record["doc"] not in seen, "a second record of the article")
        seen[record["doc"]] = True


def _variant_problems(path: Path) -> Iterator[str]:
    lines = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    rows = list(csv.reader([line for _, line in lines], delimiter="\t"))
    if not rows or rows[0] != VARIANT_COLUMNS:
        yield f"{path}:1: the header is not {' '.join(VARIANT_COLUMNS)}"
        return
    english: dict[str, str] = {}
    variants: set[str] = set()
    for (number, _), cells in zip(lines[1:], rows[1:]):
        try:
            _require(len(cells) == len(VARIANT_COLUMNS), f"{len(VARIANT_COLUMNS)} columns expected, {len(cells)} found")
            row = dict(zip(VARIANT_COLUMNS, cells))
            check_variant(row)
            _require(row["variant"] not in variants, "a second row of the variant")
            variants.add(row["variant"])
            if row["qid"]:
                _require(english.setdefault(row["qid"], row["canonical_en"]) == row["canonical_en"],
                         f"{row['qid']} is {english[row['qid']]!r} on another line")
        except GoldError as err:
            yield f"{path}:{number}: {err}"


def gold_files() -> list[Path]:
    """Return every gold file of the repository: relation gold (files of records with relations), mentions, variants."""
    relations = []
    for path in sorted(RELATIONS_GOLD.glob("*.jsonl")):
        first = next((record for _, record in _jsonl(path)), None)
        if not isinstance(first, dict) or "relations" in first:  # an articles file is checked through its gold
            relations.append(path)
    return [*relations, *sorted(LINKING_GOLD.glob(f"*{MENTIONS_SUFFIX}")), NAME_VARIANTS]


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)] or gold_files()
    found = 0
    for path in paths:
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            found += 1
            continue
        for problem in problems_of(path):
            print(problem, file=sys.stderr)
            found += 1
    print(f"{len(paths)} gold files, {found} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
