"""The whole path on the bundled example, and the contract's JSON."""

import pytest

from kg.pipeline import to_record
from kg.read import read_inputs


@pytest.fixture(scope="module")
def example(pipeline):
    (doc,) = read_inputs([])
    return to_record(pipeline(doc)), doc


def _facts(record):
    labels = {e["id"]: e["label_en"] for e in record["entities"]}
    return {(labels[r["subject"]], r["predicate"], labels[r["object"]]) for r in record["relations"] if not r["negated"]}


@pytest.mark.parametrize(
    "fact",
    [
        ("Kassym-Jomart Tokayev", "dismissed", None),
        ("Xi Jinping", "praised", None),
        ("Ursula von der Leyen", "called_for", "Kazakhstan"),
        ("Emmanuel Macron", "called_for", "Kazakhstan"),
        ("Collective Security Treaty Organization", "deployed", "Kazakhstan"),
        ("Germany", "called_for", "Kazakhstan"),
        ("Kassym-Jomart Tokayev", "leader_of", "Kazakhstan"),
        ("Xi Jinping", "leader_of", "China"),
        ("Ursula von der Leyen", "leader_of", "European Commission"),
        ("Emmanuel Macron", "leader_of", "France"),
    ],
)
def test_the_facts_of_the_example(example, fact):
    record, _ = example
    subject, predicate, obj = fact
    assert any(s == subject and p == predicate and (obj is None or o == obj) for s, p, o in _facts(record))


def test_tokayev_dismissed_the_government(example):
    record, _ = example
    entities = {e["id"]: e for e in record["entities"]}
    (dismissal,) = [r for r in record["relations"] if r["predicate"] == "dismissed"]
    # «الحكومة» in an article about Kazakhstan is Kazakhstan's government
    assert (entities[dismissal["object"]]["label_ar"], entities[dismissal["object"]]["label_en"]) == (
        "الحكومة الكازاخستانية", "Government of Kazakhstan")
    assert dismissal["trigger"] == "وأقال"


@pytest.mark.parametrize(
    "spellings",
    [{"توكاييف", "توقاييف", "قاسم توكاييف"}, {"ألما آتا", "ألماتي"}],
)
def test_spellings_are_one_entity(example, spellings):
    record, _ = example
    holders = [e for e in record["entities"] if spellings & {m["text"] for m in e["mentions"]}]
    assert len(holders) == 1
    assert spellings <= {m["text"] for m in holders[0]["mentions"]}


def test_offsets_slice_the_body(example):
    record, doc = example
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert doc.body[mention["start"] : mention["end"]] == mention["text"]
    for relation in record["relations"]:
        assert relation["evidence"] in doc.body


def test_record_has_the_contract_shape(example):
    record, _ = example
    assert set(record) == {"doc", "entities", "relations"}
    assert set(record["doc"]) == {"id", "source", "title", "date", "language"}
    ids = {e["id"] for e in record["entities"]}
    for entity in record["entities"]:
        assert set(entity) == {"id", "type", "label_ar", "label_en", "wikidata", "mentions"}
        assert entity["type"] in {"PER", "ORG", "LOC", "MISC"}
    for relation in record["relations"]:
        assert set(relation) == {"subject", "predicate", "object", "sentence", "evidence", "trigger", "confidence", "negated", "date", "attributed_to"}
        assert relation["subject"] in ids and relation["object"] in ids
