import dataclasses
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

import kg.store
from kg import corpus
from kg.cli import main
from kg.pipeline import Pipeline
from kg.rdf import article_iri, export_stream, sorted_nquads, to_dataset
from kg.store import (
    StoreError,
    article_graphs,
    bound_value,
    delete_article,
    export_dataset,
    format_result,
    graph_loader,
    load_nquads,
    open_store,
    push_graphs,
    remove_article,
    replace_graphs,
    run_query,
    store_quads,
)
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.vocab import ENTITY, KG

QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"

# A small world: label, NER type.
PEOPLE = {
    "saied": ("قيس سعيد", "PER"),
    "macron": ("إيمانويل ماكرون", "PER"),
    "who": ("منظمة الصحة العالمية", "ORG"),
    "tunisia": ("تونس", "LOC"),
    "israel": ("إسرائيل", "LOC"),
}


def _iri(name: str) -> str:
    return str(ENTITY[name])


def _article(doc_id: str, date: str, statements: list[tuple[str, str, str, bool]]) -> Extraction:
    """An article stating (subject, predicate, object, negated), one sentence each."""
    names = sorted({name for s, _, o, _ in statements for name in (s, o)})
    entities = tuple(
        Entity(_iri(n), kind, label, None, None, (Mention(label, 0, len(label), 0, kind, 0, 0),))
        for n in names
        for label, kind in [PEOPLE[n]]
    )
    relations = tuple(
        Relation(_iri(s), p, _iri(o), i, f"جملة {i}", 0, 6, None, None, None, 0.9, negated)
        for i, (s, p, o, negated) in enumerate(statements)
    )
    return Extraction(Document(doc_id, "جملة", "tests", date=date), (), entities, relations)


ARTICLE_A = _article(
    "a",
    "2020-04-15",
    [
        ("saied", "praised", "who", False),
        ("tunisia", "condemned", "israel", False),
        ("tunisia", "accused", "who", True),
    ],
)
ARTICLE_B = _article(
    "b",
    "2020-05-02",
    [("saied", "praised", "who", False), ("macron", "condemned", "saied", False)],
)


@pytest.fixture
def store(tmp_path) -> Dataset:
    store = open_store(tmp_path / "store", create=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Dataset:
    store = open_store(tmp_path_factory.mktemp("world") / "store", create=True)
    replace_graphs(store, to_dataset([ARTICLE_A, ARTICLE_B]))
    yield store
    store.close()


def _rows(store: Dataset, query_name: str, **bindings) -> list[tuple]:
    query = (QUERIES / query_name).read_text(encoding="utf-8")
    return [tuple(row) for row in run_query(store, query, bindings)]


# Opening stores


def test_open_store_refuses_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="not a store"):
        open_store(tmp_path / "file", create=True)


def test_open_store_refuses_a_directory_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not a store"):
        open_store(tmp_path, create=True)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_open_store_does_not_create_unasked(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


def test_store_quads_are_those_of_the_asked_predicates(store):
    dataset = to_dataset([ARTICLE_A, ARTICLE_B])
    replace_graphs(store, dataset)
    asked = [str(RDFS.label), str(RDF.type)]
    quads = {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value) for q in store_quads(store, asked)}
    assert quads == {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads((None, None, None, None)) if str(p) in asked}


def test_store_reopens_with_its_graphs(tmp_path):
    store = open_store(tmp_path / "new" / "store", create=True)
    replace_graphs(store, to_dataset([ARTICLE_A]))
    store.close()
    again = open_store(tmp_path / "new" / "store")
    assert article_graphs(again) == [article_iri("a")]
    again.close()


# Incremental loading


def test_adding_an_article_adds_its_graph(store):
    replace_graphs(store, to_dataset([ARTICLE_A]))
    replace_graphs(store, to_dataset([ARTICLE_B]))
    assert article_graphs(store) == [article_iri("a"), article_iri("b")]
    assert len(store) == len(to_dataset([ARTICLE_A, ARTICLE_B]))


def test_rerunning_an_article_replaces_its_graph(store):
    replace_graphs(store, to_dataset([ARTICLE_A, ARTICLE_B]))
    replace_graphs(store, to_dataset([ARTICLE_A]))
    assert sorted_nquads(export_dataset(store)) == sorted_nquads(to_dataset([ARTICLE_A, ARTICLE_B]))

    fewer = _article("a", "2020-04-15", [("saied", "praised", "who", False)])
    replace_graphs(store, to_dataset([fewer]))
    name = article_iri("a")
    assert isomorphic(export_dataset(store).graph(name), to_dataset([fewer]).graph(name))
    assert (URIRef(_iri("tunisia")), KG.condemned, URIRef(_iri("israel"))) not in store


def test_loading_from_the_export_stream_leaves_the_store_what_loading_the_file_does(tmp_path, ant_extractions):
    texts = [sorted_nquads(to_dataset([extraction])) for extraction in ant_extractions]
    nquads = tmp_path / "kg.nq"
    nquads.write_text("".join(texts), encoding="utf-8")
    names = [article_iri(extraction.doc.id) for extraction in ant_extractions]
    contents = []
    for way in ("from the file", "from the stream"):
        store = open_store(tmp_path / way, create=True)
        # An older version of an article's graph, replaced; another article's graph, kept.
        replace_graphs(store, to_dataset([dataclasses.replace(ARTICLE_A, doc=dataclasses.replace(ARTICLE_A.doc, id=ant_extractions[0].doc.id)), ARTICLE_B]))
        if way == "from the file":
            load_nquads(store, nquads, names)
        else:
            with export_stream(tmp_path / "exports", graph_loader(store)) as write_graph:  # as kg build feeds it
                for text in texts:
                    write_graph(text)
        contents.append(sorted_nquads(export_dataset(store)))
        store.close()
    assert contents[0] == contents[1]
    expected = sorted_nquads(to_dataset([*ant_extractions, ARTICLE_B]))
    assert contents[1] == expected


def test_the_stream_is_loaded_while_it_comes(monkeypatch, store):
    # Oxigraph's bulk loader indexes its input at its end: the loader hands it a few quads at a time.
    monkeypatch.setattr(kg.store, "_BULK_QUADS", 5)
    quads = list(ox.parse(sorted_nquads(to_dataset([ARTICLE_A, ARTICLE_B])).encode(), format=ox.RdfFormat.N_QUADS))
    inner = store.store._inner
    loaded_before_the_end = []

    def stream():
        yield from quads[:-1]
        loaded_before_the_end.append(len(inner))
        yield quads[-1]

    graph_loader(store)(stream())
    assert loaded_before_the_end[0] >= len(quads) - 5
    assert sorted_nquads(export_dataset(store)) == sorted_nquads(to_dataset([ARTICLE_A, ARTICLE_B]))


def test_a_store_error_while_loading_from_the_stream_is_raised_in_the_caller(tmp_path, store):
    def failing(quads):
        graph_loader(store)(quads)
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        with export_stream(tmp_path / "exports", failing) as write_graph:
            write_graph(sorted_nquads(to_dataset([ARTICLE_A])))
    assert article_graphs(store) == [article_iri("a")]  # what was loaded stays; the next build replaces it


def test_remove_article(store):
    replace_graphs(store, to_dataset([ARTICLE_A, ARTICLE_B]))
    assert remove_article(store, "a") == article_iri("a")
    assert article_graphs(store) == [article_iri("b")]
    with pytest.raises(StoreError, match="no article 'a'"):
        remove_article(store, "a")


# Round trip and determinism


def test_round_trip_through_the_store_is_isomorphic(store, ant_extractions):
    direct = to_dataset(ant_extractions)
    replace_graphs(store, direct)
    exported = export_dataset(store)
    assert article_graphs(exported) == article_graphs(direct)
    for name in article_graphs(direct):
        assert isomorphic(exported.graph(name), direct.graph(name))
    assert sorted_nquads(exported) == sorted_nquads(direct)


def test_rebuilding_gives_identical_sorted_nquads(ant_extractions):
    assert sorted_nquads(to_dataset(ant_extractions)) == sorted_nquads(to_dataset(ant_extractions))


# Ready queries


def test_praised_condemned(world):
    rows = [
        (str(a), str(r), str(t), n.toPython())
        for a, _, r, t, _, n in _rows(world, "praised_condemned.rq")
    ]
    assert rows == [
        (_iri("saied"), str(KG.praised), _iri("who"), 2),
        (_iri("macron"), str(KG.condemned), _iri("saied"), 1),
        (_iri("tunisia"), str(KG.condemned), _iri("israel"), 1),
    ]


def test_actors_by_degree(world):
    rows = [
        (str(e), label.toPython(), d.toPython(), n.toPython())
        for e, label, d, n in _rows(world, "actors_by_degree.rq")
    ]
    assert rows == [
        (_iri("saied"), "قيس سعيد", 2, 3),
        (_iri("who"), "منظمة الصحة العالمية", 1, 2),
        (_iri("israel"), "إسرائيل", 1, 1),
        (_iri("macron"), "إيمانويل ماكرون", 1, 1),
        (_iri("tunisia"), "تونس", 1, 1),
    ]


def test_relations_per_month(world):
    rows = [(str(m), str(k), n.toPython()) for m, k, n in _rows(world, "relations_per_month.rq")]
    assert rows == [
        ("2020-04", str(KG.CondemnedEvent), 1),
        ("2020-04", str(KG.PraisedEvent), 1),
        ("2020-05", str(KG.CondemnedEvent), 1),
        ("2020-05", str(KG.PraisedEvent), 1),
    ]


def test_ego_with_bound_entity(world):
    rows = [
        (str(d), str(r), str(o), n.toPython())
        for _, d, r, o, _, n in _rows(world, "ego.rq", entity=URIRef(_iri("saied")))
    ]
    assert rows == [
        ("out", str(KG.praised), _iri("who"), 2),
        ("in", str(KG.condemned), _iri("macron"), 1),
    ]


def test_bound_value_is_a_value_not_query_text(world):
    attack = bound_value('"x> } UNION { ?other ?relation ?o } #"')
    assert isinstance(attack, Literal)
    assert _rows(world, "ego.rq", entity=attack) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("<https://w3id.org/akg/entity/saied>", URIRef(_iri("saied"))),
        ("ent:saied", URIRef(_iri("saied"))),
        ('"تونس"@ar', Literal("تونس", lang="ar")),
        ('"2020-04-15"^^xsd:date', Literal("2020-04-15", datatype=XSD.date)),
        ("42", Literal(42)),
        ("true", Literal(True)),
    ],
)
def test_bound_value_reads_rdf_terms(text, term):
    assert bound_value(text) == term


@pytest.mark.parametrize("text", ["saied", "nope:saied", "", "<not closed"])
def test_bound_value_refuses_non_terms(text):
    with pytest.raises(StoreError, match="not an RDF term"):
        bound_value(text)


def test_bad_query_is_one_line_error(world):
    with pytest.raises(StoreError, match="^query: ") as err:
        run_query(world, "SELECT WHERE {", {})
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_format_result_keeps_query_order(world, fmt):
    query = (QUERIES / "actors_by_degree.rq").read_text(encoding="utf-8")
    text = format_result(run_query(world, query, {}), fmt, world)
    if fmt == "json":
        rows = json.loads(text)["results"]["bindings"]
        labels = [row["label"]["value"] for row in rows]
    else:
        lines = text.splitlines()[2 if fmt == "table" else 1 :]
        labels = [re.split("," if fmt == "csv" else "  +", line)[1] for line in lines]
    assert labels == ["قيس سعيد", "منظمة الصحة العالمية", "إسرائيل", "إيمانويل ماكرون", "تونس"]


# The command line


@pytest.fixture
def loaded_pipeline(monkeypatch, pipeline):
    """Make the command line reuse the session's pipeline instead of loading its own."""
    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls, ner="auto": pipeline))


def test_cli_build_query_remove(tmp_path, capsys, loaded_pipeline):
    store_dir = tmp_path / "store"
    assert main(["build", "-o", str(tmp_path / "out"), "--store", str(store_dir)]) == 0
    assert main(["build", "-o", str(tmp_path / "out"), "--store", str(store_dir)]) == 0
    capsys.readouterr()
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert main(["query", count, "--store", str(store_dir), "--format", "csv"]) == 0
    triples = int(capsys.readouterr().out.splitlines()[1])
    direct = Dataset().parse(tmp_path / "out" / "kg.nq", format="nquads")
    assert triples == len(direct)

    ego = str(QUERIES / "ego.rq")
    bind = ["--bind", "entity=ent:Q232"]
    assert main(["query", "--file", ego, "--store", str(store_dir), *bind]) == 0
    assert "kg:" in capsys.readouterr().out

    assert main(["remove", "kazakhstan_unrest", "--store", str(store_dir)]) == 0
    assert main(["query", count, "--store", str(store_dir), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "0"


def _counting_extractions(monkeypatch) -> list[str]:
    """The ids of the articles extracted from now on (at -j 1: in this process)."""
    extracted: list[str] = []
    real = corpus.article_graph
    monkeypatch.setattr(corpus, "article_graph", lambda doc, ner: extracted.append(doc.id) or real(doc, ner))
    return extracted


def test_cli_build_opens_the_store_once_the_first_article_is_in(tmp_path, monkeypatch, loaded_pipeline):
    # Its imports (rdflib's SPARQL engine) no longer hold up the pipeline's load and the workers' start.
    extracted, at_open = _counting_extractions(monkeypatch), []
    real_open = kg.store.open_store
    monkeypatch.setattr(kg.store, "open_store", lambda path, create=False: at_open.append(len(extracted)) or real_open(path, create))
    assert main(["build", "-j", "1", "-o", str(tmp_path / "out"), "--store", str(tmp_path / "store")]) == 0
    assert at_open == [1]


def test_cli_build_stops_before_its_first_article_on_a_path_that_is_no_store(tmp_path, monkeypatch, capsys, loaded_pipeline):
    (tmp_path / "notes.txt").write_text("x")
    extracted = _counting_extractions(monkeypatch)
    assert main(["build", "-j", "1", "-o", str(tmp_path / "out"), "--store", str(tmp_path / "notes.txt")]) == 1
    assert extracted == [] and "not a store" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "ASK {}", "--store", "{tmp}/missing"], "no store here"),
        (["query", "ASK {}", "--store", "{tmp}/notes.txt"], "not a store"),
        (["query", "--store", "{tmp}/store"], "give either a query or --file"),
        (["query", "ASK {}", "--store", "{tmp}/store", "--bind", "x"], "write NAME=VALUE"),
        (["query", "ASK {}", "--store", "{tmp}/store", "--bind", "x=bare"], "not an RDF term"),
        (["query", "SELECT", "--store", "{tmp}/store"], "query: "),
        (["remove", "nothing", "--store", "{tmp}/store"], "no article 'nothing'"),
        (["build", "--store", "{tmp}/notes.txt"], "not a store"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, capsys, args, message):
    (tmp_path / "notes.txt").write_text("x")
    open_store(tmp_path / "store", create=True).close()
    assert main([arg.replace("{tmp}", str(tmp_path)) for arg in args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: ") and message in err
    assert err.count("\n") == 1


# A real SPARQL server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory) -> str:
    """An Oxigraph server on loopback for this module; yields its Graph Store URL."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    server = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        else:
            pytest.fail("the oxigraph server did not start")
        yield f"{base}/store"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _fetch_graph(endpoint: str, name: URIRef) -> Graph | None:
    accept = {"Accept": "application/n-triples"}
    request = urllib.request.Request(f"{endpoint}?graph={name}", headers=accept)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Graph().parse(data=response.read().decode("utf-8"), format="nt")
    except urllib.error.HTTPError as err:
        if err.code == 404:
            return None
        raise


def test_push_graphs_puts_and_replaces(oxigraph_server):
    dataset = to_dataset([ARTICLE_A, ARTICLE_B])
    assert push_graphs(dataset, oxigraph_server) == [article_iri("a"), article_iri("b")]
    for name in article_graphs(dataset):
        assert isomorphic(_fetch_graph(oxigraph_server, name), dataset.graph(name))

    fewer = to_dataset([_article("a", "2020-04-15", [("saied", "praised", "who", False)])])
    push_graphs(fewer, oxigraph_server)
    name = article_iri("a")
    assert isomorphic(_fetch_graph(oxigraph_server, name), fewer.graph(name))

    assert delete_article(oxigraph_server, "a") == article_iri("a")
    assert _fetch_graph(oxigraph_server, article_iri("a")) is None
    with pytest.raises(StoreError, match="HTTP 404"):
        delete_article(oxigraph_server, "a")


def test_cli_build_pushes_to_endpoint(tmp_path, oxigraph_server, loaded_pipeline):
    assert main(["build", "-o", str(tmp_path), "--endpoint", oxigraph_server]) == 0
    direct = Dataset().parse(tmp_path / "kg.nq", format="nquads")
    name = article_iri("kazakhstan_unrest")
    assert isomorphic(_fetch_graph(oxigraph_server, name), direct.graph(name))
    assert main(["remove", "kazakhstan_unrest", "--endpoint", oxigraph_server]) == 0
    assert _fetch_graph(oxigraph_server, name) is None


@pytest.mark.parametrize(
    "endpoint", ["ftp://127.0.0.1/store", "127.0.0.1:7878/store", "http:///store"]
)
def test_push_graphs_refuses_non_http_urls(endpoint):
    with pytest.raises(StoreError, match="not an http"):
        push_graphs(to_dataset([ARTICLE_A]), endpoint)


def test_push_graphs_unreachable_is_one_line():
    with pytest.raises(StoreError, match="cannot reach") as err:
        push_graphs(to_dataset([ARTICLE_A]), f"http://127.0.0.1:{_free_port()}/store")
    assert "\n" not in str(err.value)
