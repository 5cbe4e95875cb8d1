import dataclasses
import os

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, XSD

import kg.rdf
from kg.rdf import (
    article_iri,
    article_nquads,
    event_iri,
    export_stream,
    fan_out,
    sorted_nquads,
    to_dataset,
    union_graph,
    write_exports,
)
from kg.read import EXAMPLE, read_file
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.vocab import ARTICLE, ENTITY, KG, NIF, PREFIXES, SEM, WD, event_class

BODY = (
    "أشاد الرئيس التونسي قيس سعيد بجهود منظمة الصحة العالمية في مكافحة الوباء."
    " ولم تتهم تونس المنظمة بالتقصير."
)
SAIED = str(ENTITY["قيس_سعيد"])
WHO = str(ENTITY["Q7817"])
TUNISIA = str(ENTITY["Q948"])


def _mention(text: str, sentence: int, type_: str, after: int = 0) -> Mention:
    start = BODY.index(text, after)
    return Mention(text, start, start + len(text), sentence, type_, 0, 0)


def _relation(
    subject: str, predicate: str, obj: str, sentence: int, trigger: str, **fields
) -> Relation:
    evidence = BODY.split(". ")[sentence]
    start = BODY.index(evidence)
    trigger_start = BODY.index(trigger, start)
    return Relation(
        subject=subject,
        predicate=predicate,
        object=obj,
        sentence=sentence,
        evidence=evidence,
        start=start,
        end=start + len(evidence),
        trigger=trigger,
        trigger_start=trigger_start,
        trigger_end=trigger_start + len(trigger),
        **fields,
    )


@pytest.fixture
def extraction() -> Extraction:
    second_sentence = BODY.index("ولم")
    return Extraction(
        doc=Document(
            id="tests/تونس 01.txt",
            body=BODY,
            source="tests",
            title="تونس تشيد بمنظمة الصحة العالمية",
            date="2020-04-15",
            url="https://example.org/tn/01",
        ),
        sentences=(),
        entities=(
            Entity(SAIED, "PER", "قيس سعيد", "Kais Saied", None, (_mention("قيس سعيد", 0, "PER"),)),
            Entity(
                WHO,
                "ORG",
                "منظمة الصحة العالمية",
                "World Health Organization",
                "Q7817",
                (
                    _mention("منظمة الصحة العالمية", 0, "ORG"),
                    _mention("المنظمة", 1, "ORG", after=second_sentence),
                ),
            ),
            Entity(TUNISIA, "LOC", "تونس", "Tunisia", "Q948", (_mention("تونس", 1, "LOC"),)),
        ),
        relations=(
            _relation(SAIED, "praised", WHO, 0, "أشاد", confidence=0.9, date="2020-04-15"),
            _relation(TUNISIA, "accused", WHO, 1, "تتهم", confidence=0.75, negated=True),
        ),
    )


def test_one_named_graph_per_article(extraction):
    other = dataclasses.replace(extraction, doc=dataclasses.replace(extraction.doc, id="tn-02"))
    dataset = to_dataset([extraction, other])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {article_iri(extraction.doc.id), article_iri("tn-02")}
    for name in names:
        assert (name, RDF.type, SDO.NewsArticle) in dataset.graph(name)


def test_article_iri_is_quoted():
    assert article_iri("tests/تونس 01.txt") == ARTICLE["tests%2F%D8%AA%D9%88%D9%86%D8%B3%2001.txt"]


def test_article_metadata(extraction):
    article = article_iri(extraction.doc.id)
    graph = to_dataset([extraction]).graph(article)
    assert graph.value(article, SDO.headline) == Literal(extraction.doc.title, lang="ar")
    assert graph.value(article, SDO.datePublished) == Literal("2020-04-15", datatype=XSD.date)
    assert graph.value(article, SDO.url) == Literal(extraction.doc.url, datatype=XSD.anyURI)


@pytest.mark.parametrize("index", [0, 1])
def test_direct_edge_only_when_not_negated(extraction, index):
    relation = extraction.relations[index]
    graph = to_dataset([extraction]).graph(article_iri(extraction.doc.id))
    subject, obj = URIRef(relation.subject), URIRef(relation.object)
    assert ((subject, KG[relation.predicate], obj) in graph) is not relation.negated
    event = event_iri(extraction.doc.id, relation)
    assert (event, RDF.type, event_class(relation.predicate)) in graph
    assert graph.value(event, KG.actor) == subject
    assert graph.value(event, KG.target) == obj
    assert graph.value(event, KG.negated) == Literal(relation.negated)
    assert graph.value(event, KG.trigger) == Literal(relation.trigger)
    assert float(graph.value(event, KG.confidence)) == pytest.approx(relation.confidence)


def test_event_date_and_evidence(extraction):
    relation = extraction.relations[0]
    graph = to_dataset([extraction]).graph(article_iri(extraction.doc.id))
    event = event_iri(extraction.doc.id, relation)
    assert graph.value(event, SEM.hasTimeStamp) == Literal("2020-04-15", datatype=XSD.date)
    evidence = graph.value(event, KG.evidence)
    assert (evidence, RDF.type, KG.Evidence) in graph
    begin, end = graph.value(evidence, NIF.beginIndex), graph.value(evidence, NIF.endIndex)
    assert BODY[begin.toPython() : end.toPython()] == str(graph.value(evidence, NIF.anchorOf))
    assert graph.value(evidence, KG.sentenceIndex).toPython() == 0


def test_event_attributed_to_who_reports_it(extraction):
    reported = dataclasses.replace(extraction.relations[0], attributed_to=TUNISIA)
    graph = to_dataset([dataclasses.replace(extraction, relations=(reported, extraction.relations[1]))]).graph(
        article_iri(extraction.doc.id))
    assert graph.value(event_iri(extraction.doc.id, reported), PROV.wasAttributedTo) == URIRef(TUNISIA)
    assert graph.value(event_iri(extraction.doc.id, extraction.relations[1]), PROV.wasAttributedTo) is None


def test_mentions_keep_offsets(extraction):
    graph = to_dataset([extraction]).graph(article_iri(extraction.doc.id))
    spans = list(graph.objects(URIRef(WHO), KG.hasMention))
    assert len(spans) == 2
    for span in spans:
        begin, end = graph.value(span, NIF.beginIndex), graph.value(span, NIF.endIndex)
        assert BODY[begin.toPython() : end.toPython()] == str(graph.value(span, NIF.anchorOf))


@pytest.mark.parametrize(
    ("entity", "same_as"), [(WHO, WD.Q7817), (TUNISIA, WD.Q948), (SAIED, None)]
)
def test_same_as_only_for_linked_entities(extraction, entity, same_as):
    union = union_graph(to_dataset([extraction]))
    assert union.value(URIRef(entity), OWL.sameAs) == same_as


def test_entities_typed_and_labelled(extraction):
    union = union_graph(to_dataset([extraction]))
    saied = URIRef(SAIED)
    assert (saied, RDF.type, KG.Person) in union
    assert set(union.objects(saied, RDFS.label)) == {
        Literal("قيس سعيد", lang="ar"),
        Literal("Kais Saied", lang="en"),
    }
    assert (saied, KG.mentionedIn, article_iri(extraction.doc.id)) in union


@pytest.mark.parametrize(("field", "value"), [("type", "GPE"), ("wikidata", "wd:Q948")])
def test_malformed_entity_fails(extraction, field, value):
    entity = dataclasses.replace(extraction.entities[2], **{field: value})
    with pytest.raises(ValueError):
        to_dataset([dataclasses.replace(extraction, entities=(entity,))])


def _exports(dataset, folder):
    folder.mkdir(parents=True, exist_ok=True)
    nquads = folder / "kg.nq"
    nquads.write_text(sorted_nquads(dataset), encoding="utf-8")
    return write_exports(nquads, folder)


def test_exports_parse_back_isomorphic(extraction, tmp_path):
    dataset = to_dataset([extraction])
    paths = _exports(dataset, tmp_path / "out")
    assert sorted(os.listdir(tmp_path / "out")) == ["kg.jsonld", "kg.nq", "kg.trig", "kg.ttl"]

    turtle = paths["turtle"].read_text(encoding="utf-8")
    assert "@prefix kg: <https://w3id.org/akg/ontology#>" in turtle
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), union_graph(dataset))


@pytest.mark.parametrize(
    ("key", "rdf_format"), [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_dataset_exports_keep_one_graph_per_article(extraction, tmp_path, key, rdf_format):
    dataset = to_dataset([extraction])
    paths = _exports(dataset, tmp_path)
    parsed = Dataset().parse(paths[key], format=rdf_format)
    graphs = {g.identifier: g for g in parsed.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert set(graphs) == {article_iri(extraction.doc.id)}
    for name, graph in graphs.items():
        assert isomorphic(graph, dataset.graph(name))


def test_exports_from_one_parse_are_those_of_a_parse_per_format(extraction, tmp_path, monkeypatch):
    # Small batches: the serialisers' threads take turns many times over the stream.
    monkeypatch.setattr(kg.rdf, "_BATCH", 7)
    second = dataclasses.replace(extraction, doc=dataclasses.replace(extraction.doc, id="second"))
    paths = _exports(to_dataset([extraction, second]), tmp_path)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES}
    for key, rdf_format in (("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)):
        quads = ox.parse(path=paths["nquads"], format=ox.RdfFormat.N_QUADS)
        items = [quad.triple for quad in quads] if key == "turtle" else list(quads)
        alone = ox.serialize(items, None, rdf_format, prefixes=None if key == "jsonld" else prefixes)
        assert paths[key].read_bytes() == alone


def test_exports_hand_their_readers_every_quad(extraction, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.rdf, "_BATCH", 7)
    folder = tmp_path / "out"
    folder.mkdir()
    nquads = folder / "kg.nq"
    nquads.write_text(sorted_nquads(to_dataset([extraction])), encoding="utf-8")
    seen: list[list[str]] = []
    write_exports(nquads, folder, lambda quads: seen.append([str(quad) for quad in quads]))
    assert seen == [[str(quad) for quad in ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS)]]


def test_exports_of_bad_n_quads_fail_and_keep_the_old_files(extraction, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.rdf, "_BATCH", 7)
    paths = _exports(to_dataset([extraction]), tmp_path)
    before = {key: path.read_bytes() for key, path in paths.items()}
    paths["nquads"].write_text(before["nquads"].decode("utf-8") * 2 + "<urn:a> oops .\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        write_exports(paths["nquads"], tmp_path)
    assert {key: path.read_bytes() for key, path in paths.items() if key != "nquads"} == {
        key: text for key, text in before.items() if key != "nquads"
    }
    assert sorted(os.listdir(tmp_path)) == ["kg.jsonld", "kg.nq", "kg.trig", "kg.ttl"]


def _two_articles(extraction) -> list[str]:
    second = dataclasses.replace(extraction, doc=dataclasses.replace(extraction.doc, id="second"))
    return [article_nquads(extraction), article_nquads(second)]


def test_streamed_exports_are_those_of_the_whole_file(extraction, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.rdf, "_BATCH", 7)
    monkeypatch.setattr(kg.rdf, "_TEXTS_IN_FLIGHT", 1)  # the caller waits on the writer: they take turns
    texts = _two_articles(extraction)
    whole = tmp_path / "whole"
    whole.mkdir()
    (whole / "kg.nq").write_text("".join(texts), encoding="utf-8")
    expected = write_exports(whole / "kg.nq", whole)
    seen: list[int] = []
    with export_stream(tmp_path / "streamed", lambda quads: seen.append(sum(1 for _ in quads))) as write:
        for text in texts:
            write(text)
    for key, path in expected.items():
        assert (tmp_path / "streamed" / path.name).read_bytes() == path.read_bytes(), key
    assert seen == ["".join(texts).count("\n")]


def test_a_stream_stopped_by_an_error_replaces_no_file(extraction, tmp_path):
    first, second = _two_articles(extraction)
    with export_stream(tmp_path) as write:
        write(first)
    before = {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)}
    (tmp_path / ".kg.ttl.left-by-a-killed-build.tmp").write_text("@prefix", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), export_stream(tmp_path) as write:
        write(second)
        raise KeyboardInterrupt
    assert {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)} == before


def test_a_stream_that_cannot_write_raises_and_does_not_block(extraction, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.rdf, "_TEXTS_IN_FLIGHT", 1)
    with pytest.raises(SyntaxError), export_stream(tmp_path) as write:
        for _ in range(5):  # more texts than the queue holds, after the writer stopped
            write("<urn:a> oops .\n")
    assert os.listdir(tmp_path) == []


def test_fan_out_raises_a_consumer_error_after_the_others_finish():
    quads = [ox.Quad(ox.NamedNode(f"urn:s{n}"), ox.NamedNode("urn:p"), ox.Literal(str(n))) for n in range(50)]
    seen: list[int] = []

    def broken(stream):
        next(iter(stream))
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        fan_out(quads, [lambda stream: seen.append(sum(1 for _ in stream)), broken])
    assert seen == [50]


def test_jsonld_keeps_arabic(extraction, tmp_path):
    text = _exports(to_dataset([extraction]), tmp_path)["jsonld"].read_text(encoding="utf-8")
    assert "منظمة الصحة العالمية" in text


def test_nquads_are_sorted_and_identical_on_rebuild(extraction):
    first, second = (sorted_nquads(to_dataset([extraction])) for _ in range(2))
    assert first == second
    assert first.splitlines() == sorted(first.splitlines())


def test_rebuilding_gives_identical_quads(extraction):
    def quads() -> list[str]:
        return sorted(to_dataset([extraction]).serialize(format="nquads").splitlines())

    assert quads() == quads()


def test_no_blank_nodes(extraction):
    for quad in to_dataset([extraction]).quads((None, None, None, None)):
        assert not any(isinstance(term, BNode) for term in quad)


@pytest.mark.parametrize(
    "text",
    ['قال "نعم"', "a\\b", "سطر\nسطر", "سطر\r\nسطر", "\tعمود", "فاصل\u2028سطر", "\x85", "\x0c\x1c", "<&>"],
)
def test_nquads_escape_texts_as_rdflib(extraction, text):
    relation = dataclasses.replace(extraction.relations[0], evidence=text, trigger=text)
    entity = dataclasses.replace(extraction.entities[0], label_ar=text, label_en=text)
    doc = dataclasses.replace(extraction.doc, source=text, title=text, url=text)
    odd = dataclasses.replace(extraction, doc=doc, entities=(entity,), relations=(relation,))
    assert article_nquads(odd) == sorted_nquads(to_dataset([odd]))
    assert to_dataset([odd]).graph(article_iri(doc.id)).value(event_iri(doc.id, relation), KG.trigger) == Literal(text)


@pytest.mark.parametrize("confidence", [0.85, 1.0, 1, 0.5, 1e-05, 0.1 + 0.2])
def test_nquads_write_confidence_as_rdflib(extraction, confidence):
    relation = dataclasses.replace(extraction.relations[0], confidence=confidence)
    one = dataclasses.replace(extraction, relations=(relation,))
    assert article_nquads(one) == sorted_nquads(to_dataset([one]))


@pytest.mark.parametrize("field", ["subject", "object", "attributed_to"])
def test_an_id_that_is_no_iri_fails(extraction, field):
    relation = dataclasses.replace(extraction.relations[0], **{field: "https://w3id.org/akg/entity/a b"})
    with pytest.raises(ValueError, match="not an IRI"):
        article_nquads(dataclasses.replace(extraction, relations=(relation,)))


def test_example_and_ant_nquads_are_what_rdflib_writes(pipeline, ant_extractions):
    # rdflib reads each article's lines and writes them back: any other lexical form, escape or
    # order, or a repeated line, would come back different.
    for extraction in [*(pipeline(doc) for doc in read_file(EXAMPLE)), *ant_extractions]:
        assert article_nquads(extraction) == sorted_nquads(to_dataset([extraction]))
