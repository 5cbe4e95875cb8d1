import networkx as nx
import pytest

from rdflib import Literal, URIRef
from rdflib.namespace import PROV

from kg.network import (
    EntityNotFound,
    find_entity,
    overview,
    read_graph,
    read_tables,
    select,
    to_gexf,
    to_graphml,
    to_networkx,
)
from kg.rdf import article_iri, event_iri, sorted_nquads, to_dataset
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.vocab import ENTITY

HOSTILE = "<script>window.pwned = 1</script>"
BUSAIDI = str(ENTITY["بدر_البوسعيدي"])
TEHRAN = str(ENTITY["Q3616"])
IRAN = str(ENTITY["Q794"])
RAISI = str(ENTITY["Q5928436"])
OMAN = str(ENTITY["Q842"])
ODDITY = str(ENTITY["oddity"])

ENTITIES = {
    BUSAIDI: ("PER", "بدر البوسعيدي", "Badr Albusaidi", None),
    TEHRAN: ("LOC", "طهران", "Tehran", "Q3616"),
    IRAN: ("LOC", "إيران", "Iran", "Q794"),
    RAISI: ("PER", "إبراهيم رئيسي", "Ebrahim Raisi", "Q5928436"),
    OMAN: ("LOC", "عُمان", "Oman", "Q842"),
    ODDITY: ("MISC", HOSTILE, None, None),
}


def _article(doc_id: str, date: str | None, statements: list[tuple]) -> Extraction:
    """An article with one sentence per (subject, predicate, object[, negated]) statement."""
    sentences = [f"{ENTITIES[s][1]} {p} {ENTITIES[o][1]}" for s, p, o, *_ in statements]
    body = ". ".join(sentences)
    relations = []
    for index, (subject, predicate, obj, *negated) in enumerate(statements):
        start = body.index(sentences[index])
        relations.append(
            Relation(
                subject, predicate, obj, index, sentences[index], start, start + len(sentences[index]),
                None, None, None, confidence=0.9, negated=bool(negated),
            )  # fmt: skip
        )
    named = {iri for s, _, o, *_ in statements for iri in (s, o)}
    entities = tuple(
        Entity(iri, type_, label_ar, label_en, wikidata, (Mention(label_ar, 0, 0, 0, type_, 0, 0),))
        for iri, (type_, label_ar, label_en, wikidata) in ENTITIES.items()
        if iri in named
    )
    doc = Document(id=doc_id, body=body, source="tests", title=f"headline {doc_id}", date=date)
    return Extraction(doc, (), entities, tuple(relations))


@pytest.fixture(scope="module")
def dataset():
    return to_dataset(
            [
                _article("a1", "2021-06-01", [(BUSAIDI, "visited", TEHRAN), (BUSAIDI, "member_of", OMAN)]),
                _article(
                    "a2",
                    "2022-03-05",
                    [
                        (RAISI, "leader_of", IRAN),
                        (RAISI, "praised", OMAN),
                        (BUSAIDI, "met", RAISI),
                        (RAISI, "met", BUSAIDI, "negated"),
                        (ODDITY, "rejected", OMAN),
                    ],
                ),
                _article("a3", None, [(TEHRAN, "located_in", IRAN), (BUSAIDI, "visited", TEHRAN)]),
            ]
    )


@pytest.fixture(scope="module")
def graph(dataset) -> nx.MultiDiGraph:
    return to_networkx(dataset)


def test_to_networkx_has_entities_and_asserted_relations(graph):
    assert {node: data["type"] for node, data in graph.nodes(data=True)} == {
        BUSAIDI: "PER", TEHRAN: "LOC", IRAN: "LOC", RAISI: "PER", OMAN: "LOC", ODDITY: "MISC",
    }  # fmt: skip
    # The negated meeting has no edge.
    assert (RAISI, BUSAIDI, "met") not in graph.edges(keys=True)
    assert graph.number_of_edges() == 7
    visit = graph.edges[BUSAIDI, TEHRAN, "visited"]
    assert [(s.date, s.article) for s in visit["support"]] == [("", "headline a3"), ("2021-06-01", "headline a1")]
    assert visit["support"][1].sentence == "بدر البوسعيدي visited طهران"
    assert visit["weight"] == 2


@pytest.mark.parametrize(
    "name, node",
    [
        (TEHRAN, TEHRAN),
        ("Q794", IRAN),
        ("طهران", TEHRAN),
        ("tehran", TEHRAN),
        (" Ebrahim  Raisi ", RAISI),
        ("ايران", IRAN),  # typed without the hamza
        ("عمان", OMAN),  # typed without the damma
        ("بدر البوسعيدي", BUSAIDI),
    ],
)
def test_find_entity(graph, name, node):
    assert find_entity(graph.nodes, name) == node


def test_find_entity_suggests_near_names(graph):
    with pytest.raises(EntityNotFound, match=r"no entity is named 'Raisi'; did you mean Ebrahim Raisi\?"):
        find_entity(graph.nodes, "Raisi")


def test_find_entity_refuses_an_ambiguous_name():
    twins = nx.MultiDiGraph()
    for iri in ("a", "b"):
        twins.add_node(iri, type="PER", label_ar="محمد", label_en=None, wikidata=None)
    with pytest.raises(EntityNotFound, match="names 2 entities: a, b"):
        find_entity(twins.nodes, "محمد")


SELECT_CASES = [
    ({}, {BUSAIDI, TEHRAN, IRAN, RAISI, OMAN, ODDITY}, 7),
    ({"predicates": ("met", "praised")}, {BUSAIDI, RAISI, OMAN}, 2),
    ({"since": "2022-01-01"}, {BUSAIDI, RAISI, IRAN, OMAN, ODDITY}, 4),
    ({"until": "2021-12-31"}, {BUSAIDI, TEHRAN, OMAN}, 2),
    ({"around": TEHRAN}, {TEHRAN, BUSAIDI, IRAN}, 2),
    ({"around": TEHRAN, "depth": 2}, {TEHRAN, BUSAIDI, IRAN, RAISI, OMAN}, 6),
    ({"around": TEHRAN, "predicates": ("praised",)}, {TEHRAN}, 0),
    ({"top": 2}, {BUSAIDI, TEHRAN}, 1),  # Tehran, Raisi and Oman tie: the first IRI wins
    ({"around": RAISI, "top": 2}, {RAISI, BUSAIDI}, 1),
]
SELECTIONS = [options for options, _, _ in SELECT_CASES]


@pytest.mark.parametrize("options, nodes, edges", SELECT_CASES)
def test_select(graph, options, nodes, edges):
    view = select(graph, **options)
    assert set(view) == nodes
    assert view.number_of_edges() == edges
    assert graph.number_of_edges() == 7


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
@pytest.mark.parametrize("options", SELECTIONS)
def test_tables_derive_only_the_view_select_cuts(dataset, graph, tmp_path, suffix, options):
    # The view is derived from the tables alone, spans set aside read for its own nodes and edges only.
    path = tmp_path / f"kg{suffix}"
    path.write_text(sorted_nquads(dataset) if suffix == ".nq" else dataset.serialize(format="trig"), encoding="utf-8")
    view, expected = read_tables(path).select(**options), select(graph, **options)
    assert list(view.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(view.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))


def test_tables_names_are_what_find_entity_reads(dataset, graph, tmp_path):
    path = tmp_path / "kg.nq"
    path.write_text(sorted_nquads(dataset), encoding="utf-8")
    names = read_tables(path).names()
    assert list(names) == list(graph)
    assert find_entity(names, "ايران") == IRAN
    with pytest.raises(EntityNotFound, match="did you mean Ebrahim Raisi"):
        find_entity(names, "Raisi")


def test_select_refuses_an_unknown_centre(graph):
    with pytest.raises(EntityNotFound, match="no entity 'nowhere' in the graph"):
        select(graph, around="nowhere")


def test_select_keeps_only_sentences_in_the_dates(graph):
    view = select(graph, since="2021-01-01")
    (support,) = view.edges[BUSAIDI, TEHRAN, "visited"]["support"]
    assert support.date == "2021-06-01"
    assert view.edges[BUSAIDI, TEHRAN, "visited"]["weight"] == 1


@pytest.mark.parametrize("serialise, read", [(to_graphml, nx.read_graphml), (to_gexf, nx.read_gexf)])
def test_gephi_formats_round_trip(graph, tmp_path, serialise, read):
    path = tmp_path / "view.xml"
    path.write_text(serialise(graph), encoding="utf-8")
    back = read(path)
    assert set(back) == set(graph)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[ODDITY]["label_ar"] == HOSTILE
    assert back.nodes[TEHRAN]["label"] == "طهران (Tehran)"
    (visit,) = [data for s, o, data in back.edges(data=True) if (s, o, data["predicate"]) == (BUSAIDI, TEHRAN, "visited")]
    assert (visit["first_date"], visit["weight"]) == ("2021-06-01", 2)


@pytest.mark.parametrize("suffix, rdf_format", [(".nq", None), (".trig", "trig"), (".ttl", "turtle")])
def test_read_graph_gives_the_graph_of_to_networkx(dataset, graph, tmp_path, suffix, rdf_format):
    path = tmp_path / f"kg{suffix}"
    text = sorted_nquads(dataset) if rdf_format is None else dataset.serialize(format=rdf_format)
    path.write_text(text, encoding="utf-8")
    read = read_graph(path)
    assert list(read.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(read.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_read_graph_of_n_quads_with_tabs_and_a_bad_line(dataset, graph, tmp_path):
    # The view's line filter must keep every quad it reads however terms are spaced, and drop no error.
    path = tmp_path / "kg.nq"
    tabbed = "".join(line.replace(" ", "\t", 2) for line in sorted_nquads(dataset).splitlines(keepends=True))
    path.write_text(tabbed, encoding="utf-8")
    assert list(read_graph(path).edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    path.write_text(sorted_nquads(dataset) + "<urn:a> oops .\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        read_graph(path)


def test_read_graph_of_n_quads_with_escaped_iris(dataset, graph, tmp_path):
    # N-Quads may write any IRI with \\u escapes: the line filter hands such lines to the parser.
    escaped = {
        "<https://w3id.org/akg/ontology#hasMention>": "<https://w3id.org/akg/ontology#has\\u004Dention>",
        "<https://w3id.org/akg/ontology#Person>": "<https://w3id.org/akg/ontology#\\u0050erson>",
        "<https://w3id.org/akg/ontology#visited>": "<https://w3id.org/akg/ontology#visit\\u0065d>",
    }
    text = sorted_nquads(dataset)
    for plain, written in escaped.items():
        assert plain in text
        text = text.replace(plain, written)
    path = tmp_path / "kg.nq"
    path.write_text(text, encoding="utf-8")
    assert list(read_graph(path).nodes(data=True)) == list(graph.nodes(data=True))
    assert list(read_graph(path).edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert read_tables(path).select(around=BUSAIDI).nodes[BUSAIDI]["mentions"] == graph.nodes[BUSAIDI]["mentions"]


def test_read_graph_refuses_other_files(tmp_path):
    with pytest.raises(ValueError, match="not a graph file"):
        read_graph(tmp_path / "kg.json")


def test_mentions_and_the_reporting_source_reach_the_graph():
    extraction = _article("a4", "2022-03-06", [(RAISI, "praised", OMAN)])
    dataset = to_dataset([extraction])
    # Who reports the event (حسبما ذكرت X), as prov:wasAttributedTo on the event.
    event = event_iri("a4", extraction.relations[0])
    dataset.graph(article_iri("a4")).add((event, PROV.wasAttributedTo, URIRef(BUSAIDI)))
    dataset.graph(article_iri("a4")).add((URIRef(BUSAIDI), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("بدر البوسعيدي", lang="ar")))
    view = to_networkx(dataset)
    (support,) = view.edges[RAISI, OMAN, "praised"]["support"]
    assert support.source == "بدر البوسعيدي"
    assert view.nodes[RAISI]["mentions"] == 1


def _chain(length: int) -> nx.MultiDiGraph:
    chain = nx.MultiDiGraph()
    for node in range(length):
        chain.add_node(f"n{node:03d}", type="PER", label_ar=f"ن{node}", label_en=None, wikidata=None, mentions=1)
    for node in range(length - 1):
        chain.add_edge(f"n{node:03d}", f"n{node + 1:03d}", key="met", predicate="met", support=(), weight=1 + node % 3)
    return chain


@pytest.mark.parametrize("length, size, shown", [(10, 150, 10), (400, 150, 150), (400, 40, 40)])
def test_overview_keeps_the_best_connected_and_no_isolated_node(length, size, shown):
    chain = _chain(length)
    chain.add_node("lonely", type="PER", label_ar="وحيد", label_en=None, wikidata=None, mentions=9)
    chain.add_edge("lonely", "lonely", key="praised", predicate="praised", support=(), weight=9)  # no partner
    chosen = overview(chain, size)
    assert len(chosen) == shown and "lonely" not in chosen
    kept = chain.subgraph(chosen).to_undirected()
    assert all(kept.degree(node) > 0 for node in kept)
    degrees = dict(chain.degree(weight="weight"))
    assert [degrees[node] for node in chosen] == sorted((degrees[node] for node in chosen), reverse=True)


def test_overview_of_the_example(graph):
    assert set(overview(graph)) == {BUSAIDI, TEHRAN, IRAN, RAISI, OMAN, ODDITY}
