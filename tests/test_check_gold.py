"""scripts/check_gold.py: each kind of gold file, good and bad, against an article of its own."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_gold", REPO / "scripts" / "check_gold.py")
cg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cg)

BODY = "وأشاد الرئيس الصيني شي جينبينغ بجهود كازاخستان. وزار الوزير باريس."


@pytest.fixture()
def articles(tmp_path) -> str:
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": BODY, "title": "عنوان"}, ensure_ascii=False) + "\n", encoding="utf-8")
    cg.articles.cache_clear()
    return str(path)


def relation(**changes) -> dict:
    record = {"subject": {"ar": ["شي جينبينغ"], "en": "Xi Jinping", "qid": "Q15031"}, "predicate": "praised",
              "object": {"ar": ["كازاخستان"], "en": None, "qid": None}, "sentence": "وأشاد الرئيس الصيني شي جينبينغ",
              "negated": False}
    return {**record, **changes}


def _write(tmp_path: Path, name: str, lines: list) -> Path:
    path = tmp_path / name
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                            for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("relations", "problem"),
    [
        ([relation()], None),
        ([relation(in_title=True, sentence="عنوان", object={"ar": ["باريس"], "en": None, "qid": None})], None),
        ([relation(predicate="praise")], "relation 1: unknown predicate 'praise'"),
        ([relation(), relation(sentence="زار الرئيس موسكو")], "relation 2: the sentence is not in the article's body"),
        ([relation(object={"ar": ["موسكو"], "en": None, "qid": None})], "relation 1: object string ['موسكو'] is not in the article"),
        ([relation(subject={"ar": ["شي"], "en": None, "qid": "15031"})], "relation 1: subject qid '15031' is neither Q… nor null"),
        ([relation(negated="no")], "relation 1: negated is not true or false"),
        ([{k: v for k, v in relation().items() if k != "negated"}], "relation 1: keys are"),
        ([], "no relations"),
    ],
)
def test_relation_gold(tmp_path, articles, relations, problem):
    path = _write(tmp_path, "gold.jsonl", [{"doc": "a1", "path": articles, "relations": relations}])
    found = list(cg.problems_of(path))
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(f"{path}:1: {problem}"), found


def test_relation_gold_across_lines(tmp_path, articles):
    record = {"doc": "a1", "path": articles, "relations": [relation()]}
    path = _write(tmp_path, "gold.jsonl", [record, "{not json", record, {**record, "doc": "a2"}])
    assert [p.split(": ", 1)[1] for p in cg.problems_of(path)] == [
        "not JSON (Expecting property name enclosed in double quotes)", "a second record of the article",
        f"{articles} holds no article 'a2'"]


def mention(**changes) -> dict:
    return {"doc": "a1", "path": "", "text": "باريس", "start": BODY.index("باريس"), "end": BODY.index("باريس") + 5,
            "type": "LOC", "qid": "Q90", "en": "Paris", **changes}


def test_linking_mentions(tmp_path, articles):
    kazakhstan = BODY.index("كازاخستان")
    lines = [mention(path=articles), mention(path=articles, start=0), mention(path=articles, type="GPE"),
             mention(path=articles, text="كازاخستان", start=kazakhstan, end=kazakhstan + 9, en="Kazakhstan")]
    path = _write(tmp_path, "mentions_gold.jsonl", lines)
    assert [p.split(": ", 1)[1] for p in cg.problems_of(path)] == [
        "body[start:end] is not the text", "type 'GPE' is not one of PER, ORG, LOC", "Q90 is 'Paris' on another line"]


def test_name_variants(tmp_path, articles):
    header = "\t".join(cg.VARIANT_COLUMNS)
    rows = [f"شي جينبينغ\tXi Jinping\tQ15031\tPER\t{articles}\t1\t", f"موسكو\tMoscow\tQ649\tLOC\t{articles}\t1\t",
            f"باريس\tParis\tQ90\tCITY\t{articles}\t1\t", f"شي\tXi Jinping\tQ15031\tPER\t{articles}\t0\t"]
    path = _write(tmp_path, "variants.tsv", [header, *rows])
    assert [p.split(": ", 1)[1] for p in cg.problems_of(path)] == [
        f"{articles} does not write the variant", "type 'CITY' is not one of PER, ORG, LOC", "count '0' is no positive number"]
    bad_header = _write(tmp_path, "header.tsv", ["variant\ten"])
    assert list(cg.problems_of(bad_header)) == [f"{bad_header}:1: the header is not {' '.join(cg.VARIANT_COLUMNS)}"]


def test_exit_code_says_whether_a_problem_was_found(tmp_path, articles, capsys):
    good = _write(tmp_path, "good.jsonl", [{"doc": "a1", "path": articles, "relations": [relation()]}])
    bad = _write(tmp_path, "bad.jsonl", [{"doc": "a1", "path": articles, "relations": [relation(predicate="x")]}])
    assert cg.main([str(good)]) == 0
    assert cg.main([str(good), str(bad)]) == 1
    assert "2 gold files, 1 problems" in capsys.readouterr().out
