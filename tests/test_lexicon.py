"""The relation lexicon (kg/data/relations.tsv) and its decision list (kg/data/events/decisions.tsv)."""

import csv
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDFS

from kg.lexicon import DATA, Lexicon
from kg.nlp import normalize
from kg.types import Document
from kg.vocab import KG, PREDICATES

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"
SOURCES = {"curated", "mined", "UP"}


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return list(csv.DictReader((line for line in stream if not line.startswith("#") and line.strip()), delimiter="\t"))


RELATIONS = _rows(DATA / "relations.tsv")
DECISIONS = _rows(DATA / "events" / "decisions.tsv")


def test_loader_keeps_every_frame_of_a_lemma_in_file_order(tmp_path):
    for path in DATA.glob("*.tsv"):
        shutil.copy(path, tmp_path)
    with (tmp_path / "relations.tsv").open("a", encoding="utf-8") as stream:
        stream.write("وبخ\tverb\tcondemned\t-\t-\t-\t-\t111\tcurated\n")
        stream.write("وبخ\tverb\taccused\tعلى\t-\t-\tPER\t112\tcurated\n")
    frames = Lexicon.load(tmp_path).triggers[(normalize("وبخ"), "verb")]
    assert [(f.predicate, f.object_prep) for f in frames] == [("condemned", None), ("accused", normalize("على"))]


def test_shipped_lemmas_with_several_frames(lexicon):
    several = {key: frames for key, frames in lexicon.triggers.items() if len(frames) > 1}
    assert {f.predicate for f in several[(normalize("ألقى"), "verb")]} == {"arrested", "accused"}
    assert sum(len(frames) for frames in lexicon.triggers.values()) == len(RELATIONS)


@pytest.mark.parametrize("row", RELATIONS, ids=lambda r: f"{r['lemma']}.{r['pos']}.{r['predicate']}.{r['object_prep']}")
def test_frame_is_well_formed(row):
    assert row["predicate"] in PREDICATES
    assert row["pos"] in ("verb", "noun", "participle", "joins")
    assert set(row["source"].split("+")) <= SOURCES
    assert row["cameo"] == "-" or row["cameo"].isdigit()


def _ontology_codes() -> dict[str, set[str]]:
    graph = Graph().parse(ONTOLOGY)
    codes: dict[str, set[str]] = {}
    for event_class, code in graph.subject_objects(KG.cameoCode):
        for prop in graph.objects(event_class, RDFS.seeAlso):
            codes.setdefault(str(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1], set()).add(str(code))
    return codes


def test_frame_cameo_code_falls_under_its_predicate():
    codes = _ontology_codes()
    wrong = [
        (row["lemma"], row["predicate"], row["cameo"])
        for row in RELATIONS
        if row["cameo"] != "-" and not any(row["cameo"].startswith(code) for code in codes.get(row["predicate"], ()))
    ]
    assert not wrong


def test_decisions_and_frames_agree():
    frames = {(normalize(r["lemma"]), r["pos"], r["predicate"]) for r in RELATIONS}
    decided = {(normalize(r["lemma"]), r["pos"]) for r in DECISIONS}
    for row in DECISIONS:
        assert row["decision"] in ("frame", "none"), row
        assert row["reason"].strip(), row
        if row["decision"] == "frame":
            for predicate in row["predicate"].split("|"):
                assert (normalize(row["lemma"]), row["pos"], predicate) in frames, row
    mined = [(r["lemma"], r["pos"]) for r in RELATIONS if "mined" in r["source"].split("+")]
    assert all((normalize(lemma), pos) in decided for lemma, pos in mined), mined
    assert len(decided) == len(DECISIONS) >= 500


def _triples(pipeline, text):
    extraction = pipeline(Document("t", text, "test", date="2018-03-01"))
    labels = {e.id: e.label_en or e.label_ar for e in extraction.entities}
    return [(labels[r.subject], r.predicate, labels[r.object], r.negated) for r in extraction.relations]


# Sentences written for these tests (general news Arabic, not from the ANT corpus): frames
# added for issue 15 and a second frame of a lemma (ألقى القبض / ألقى اللوم).
FOUND = [
    ("طلبت الحكومة البريطانية من روسيا تفسيرا رسميا للحادث.", (None, "called_for", "Russia")),
    ("وطلب الرئيس الفرنسي إيمانويل ماكرون من إيران احترام الاتفاق النووي.", ("Emmanuel Macron", "called_for", "Iran")),
    ("أجرى وزير الخارجية الأمريكي مايك بومبيو اتصالا هاتفيا مع رئيس الوزراء الهندي ناريندرا مودي.", ("Mike Pompeo", "met", None)),
    ("عقد الرئيس المصري عبد الفتاح السيسي اجتماعا مع رئيس الوزراء الإثيوبي آبي أحمد.", ("Abdel Fattah el-Sisi", "met", None)),
    ("وتباحث وزير الخارجية الإيطالي لويجي دي مايو مع رئيس الوزراء الليبي فايز السراج في روما.", (None, "met", None)),
    ("قام الرئيس التركي رجب طيب أردوغان بزيارة رسمية إلى الكويت.", ("Recep Tayyip Erdoğan", "visited", "Kuwait")),
    ("وأدى رئيس الحكومة التونسية يوسف الشاهد زيارة إلى الجزائر استمرت يومين.", (None, "visited", "Algeria")),
    ("سافر الرئيس الفلسطيني محمود عباس إلى القاهرة.", ("Mahmoud Abbas", "visited", "Cairo")),
    ("هنأ الملك سلمان الرئيس الروسي فلاديمير بوتين بإعادة انتخابه.", (None, "praised", "Vladimir Putin")),
    ("وتضامنت الجزائر مع المغرب بعد الزلزال.", ("Algeria", "supported", "Morocco")),
    ("حشدت روسيا قوات على الحدود مع أوكرانيا.", ("Russia", "deployed", "Ukraine")),
    ("ألقى الرئيس الأمريكي باللوم على الصين.", (None, "accused", "China")),
    ("ألقت الشرطة الألمانية القبض على الرئيس الكتالوني كارلس بوتشدمون.", (None, "arrested", None)),
    ("شنت إسرائيل غارات جوية على قطاع غزة.", ("Israel", "attacked", None)),
    ("وقاطعت السعودية والإمارات قطر منذ يونيو.", ("Saudi Arabia", "sanctioned", "Qatar")),
    ("وأطاح الجيش الزيمبابوي بالرئيس روبرت موغابي.", (None, "dismissed", None)),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_new_frame_found(pipeline, text, expected):
    triples = _triples(pipeline, text)
    subject, predicate, obj = expected
    assert any(
        (subject is None or s == subject) and p == predicate and (obj is None or o == obj) and not negated for s, p, o, negated in triples
    ), triples
