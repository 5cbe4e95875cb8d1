import json
import os
import re
from pathlib import Path

import pytest
import pyvis

from kg.rdf import to_dataset
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.viz import to_networkx, write_html
from kg.vocab import ENTITY

BODY = "زار وزير الخارجية العماني بدر البوسعيدي طهران. ولم يلتق البوسعيدي الرئيس الإيراني."
HOSTILE = "<img src=x onerror=alert(1)>"
BUSAIDI = str(ENTITY["بدر_البوسعيدي"])
TEHRAN = str(ENTITY["Q3616"])
ODDITY = str(ENTITY["oddity"])


def _relation(subject: str, predicate: str, obj: str, sentence: int, **fields) -> Relation:
    evidence = BODY.split(". ")[sentence]
    start = BODY.index(evidence)
    return Relation(
        subject, predicate, obj, sentence, evidence, start, start + len(evidence),
        None, None, None, confidence=0.8, **fields,
    )  # fmt: skip


def _entity(iri: str, type_: str, label_ar: str, label_en: str | None, text: str) -> Entity:
    start = BODY.index(text)
    mention = Mention(text, start, start + len(text), 0, type_, 0, 0)
    return Entity(iri, type_, label_ar, label_en, None, (mention,))


@pytest.fixture
def extraction() -> Extraction:
    return Extraction(
        doc=Document(
            id="om-01",
            body=BODY,
            source="tests",
            title="<i>href</i> البوسعيدي في طهران",
            date="2021-06-01",
        ),
        sentences=(),
        entities=(
            _entity(BUSAIDI, "PER", "بدر البوسعيدي", "Badr Albusaidi", "بدر البوسعيدي"),
            _entity(TEHRAN, "LOC", "طهران", "Tehran", "طهران"),
            Entity(ODDITY, "MISC", HOSTILE, "<a href='javascript:alert(1)'>x</a>", None, ()),
        ),
        relations=(
            _relation(BUSAIDI, "visited", TEHRAN, 0),
            _relation(BUSAIDI, "met", TEHRAN, 1, negated=True),
            _relation(ODDITY, "rejected", BUSAIDI, 0),
        ),
    )


@pytest.fixture
def page(extraction, tmp_path) -> str:
    return write_html(to_dataset([extraction]), tmp_path / "kg.html").read_text(encoding="utf-8")


def _vis_data(page: str, name: str) -> list[dict]:
    return json.loads(re.search(rf"{name} = new vis\.DataSet\((.*)\);", page).group(1))


def test_to_networkx_has_entities_and_asserted_relations(extraction):
    graph = to_networkx(to_dataset([extraction]))
    assert {node: data["type"] for node, data in graph.nodes(data=True)} == {
        BUSAIDI: "PER",
        TEHRAN: "LOC",
        ODDITY: "MISC",
    }
    # The negated meeting has no edge.
    assert set(graph.edges(keys=True)) == {
        (BUSAIDI, TEHRAN, "visited"),
        (ODDITY, BUSAIDI, "rejected"),
    }
    (support,) = graph.edges[BUSAIDI, TEHRAN, "visited"]["support"]
    assert support.sentence == "زار وزير الخارجية العماني بدر البوسعيدي طهران"
    assert support.date == "2021-06-01"
    assert support.article == extraction.doc.title


def test_page_needs_no_network(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    vis_js = Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js"
    assert vis_js.read_text(encoding="utf-8").strip() in page
    assert "new vis.Network(" in page


def test_page_shows_arabic_and_english_labels(page):
    labels = {node["label"] for node in _vis_data(page, "nodes")}
    assert "بدر البوسعيدي (Badr Albusaidi)" in labels
    assert "طهران (Tehran)" in labels
    assert "بدر البوسعيدي" in page
    assert {edge["label"] for edge in _vis_data(page, "edges")} == {"visited", "rejected"}


def test_edge_tooltip_carries_evidence(page):
    (visit,) = [edge for edge in _vis_data(page, "edges") if edge["label"] == "visited"]
    assert "زار وزير الخارجية العماني بدر البوسعيدي طهران" in visit["title"]
    assert "2021-06-01" in visit["title"]


def test_hostile_text_is_not_markup(page):
    assert HOSTILE not in page
    assert "<img" not in page
    assert "<a href='javascript" not in page
    assert "<i>href" not in page
    for item in _vis_data(page, "nodes") + _vis_data(page, "edges"):
        assert "<" not in item["title"] + item["label"]
        assert "href" not in item["title"].lower()
    # pyvis's innerHTML tooltips are used only when a node title holds "href".
    assert "div.popup" not in page


def test_page_written_atomically_and_deterministically(extraction, tmp_path):
    dataset = to_dataset([extraction])
    first = write_html(dataset, tmp_path / "kg.html").read_bytes()
    second = write_html(dataset, tmp_path / "kg.html").read_bytes()
    assert first == second
    assert os.listdir(tmp_path) == ["kg.html"]


def test_large_graph_is_laid_out_in_python(tmp_path):
    entities = tuple(
        Entity(str(ENTITY[f"e{index}"]), "MISC", f"كيان {index}", None, None, ())
        for index in range(301)
    )
    doc = Document(id="many", body="", source="tests")
    page = write_html(to_dataset([Extraction(doc, (), entities)]), tmp_path / "kg.html")
    text = page.read_text(encoding="utf-8")
    options = json.loads(re.search(r"var options = (\{.*\});", text).group(1))
    assert options["physics"]["enabled"] is False
    nodes = _vis_data(text, "nodes")
    assert len(nodes) == 301
    assert all("x" in node and "y" in node for node in nodes)
