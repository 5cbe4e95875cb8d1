"""Real spellings of names from ANT articles, each in a sentence, resolve to the expected entity."""

import csv
from pathlib import Path

import pytest

from kg.types import Document

TABLE = Path(__file__).parent / "data" / "linking" / "name_variants.tsv"
# Accepted for now, each with its reason.
NOT_YET = {
    "بوتن": "a three-consonant skeleton (بتن) is too short to link on",
    "لوبن": "a three-consonant skeleton (لبن) is too short to link on",
    "فرنسوان هولند": "two typos in one name",
    "كيم يونغ أون": "ي for ج is not a spelling variant kg knows",
    "الحلف الأطلسي": "this name of NATO is not in the knowledge base",
    "بروكسيل": "this spelling of Brussels is not in the knowledge base",
    "ڨفصة": "Gafsa is not in the knowledge base",
    "قفصه": "Gafsa is not in the knowledge base",
    "ڨابس": "Gabès is not in the knowledge base",
    "ڤابس": "Gabès is not in the knowledge base",
    "القصرين": "Kasserine is not in the knowledge base",
    "الڨصرين": "Kasserine is not in the knowledge base",
    "منوبة": "Manouba is not in the knowledge base",
}


def _rows():
    with TABLE.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            reason = NOT_YET.get(row["variant"])
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(row, id=row["variant"], marks=marks)


@pytest.mark.parametrize("row", list(_rows()))
def test_variant_resolves(pipeline, row):
    extraction = pipeline(Document("t", f"وقال {row['variant']} للصحفيين إن الوضع مستقر.", "test"))
    assert any(
        (row["qid"] and entity.wikidata == row["qid"]) or (entity.label_en or "").casefold() == row["canonical_en"].casefold()
        for entity in extraction.entities
    ), [(e.label_ar, e.label_en, e.wikidata) for e in extraction.entities]


def test_the_table_is_large_enough():
    assert sum(1 for _ in _rows()) >= 40
