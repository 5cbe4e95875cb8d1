import html
import itertools
import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest
import pyvis

from kg.cli import main
from kg.network import OVERVIEW_SIZE, find_entity, read_graph, select, to_networkx
from kg.pipeline import Pipeline
from kg.rdf import sorted_nquads, to_dataset
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.viz import iframe, label_box, page as page_html, page_data, write_html
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


def _data(page: str) -> dict:
    return json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_page_needs_no_network(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    vis_js = Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js"
    assert vis_js.read_text(encoding="utf-8").strip() in page
    assert "new vis.Network(" in page


def test_page_carries_labels_and_merged_edges_with_evidence(page):
    data = _data(page)
    labels = {(node[2], node[3]) for node in data["nodes"]}
    assert {("بدر البوسعيدي", "Badr Albusaidi"), ("طهران", "Tehran")} <= labels
    assert {data["predicates"][edge[2]] for edge in data["edges"]} == {"visited", "rejected"}
    (visit,) = [edge for edge in data["edges"] if data["predicates"][edge[2]] == "visited"]
    ((date, article, sentence, reporter),) = visit[3]
    assert (date, sentence, reporter) == ("2021-06-01", "زار وزير الخارجية العماني بدر البوسعيدي طهران", "")
    assert data["articles"][article] == ["<i>href</i> البوسعيدي في طهران", ""]


def test_hostile_text_is_not_markup(page):
    assert HOSTILE not in page
    assert "<img" not in page
    assert "<a href='javascript" not in page
    assert "<i>href" not in page
    # The data cannot end its <script> element, and holds no "//" a scanner could take for a link.
    data = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert not re.search(r"[<>&]|(?<!\\)//", data)
    assert HOSTILE in {node[2] for node in _data(page)["nodes"]}


def test_page_written_atomically_and_deterministically(extraction, tmp_path):
    dataset = to_dataset([extraction])
    first = write_html(dataset, tmp_path / "kg.html").read_bytes()
    second = write_html(dataset, tmp_path / "kg.html").read_bytes()
    assert first == second
    assert os.listdir(tmp_path) == ["kg.html"]


def _star_of_stars(hubs: int, spokes: int) -> nx.MultiDiGraph:
    """Hubs met each other; each hub praised its own spokes (long Arabic and English labels)."""
    graph = nx.MultiDiGraph()
    names = [f"hub{h}" for h in range(hubs)] + [f"spoke{h}-{s}" for h in range(hubs) for s in range(spokes)]
    for name in names:
        graph.add_node(name, type="PER", label_ar=f"الاسم العربي الطويل {name}", label_en=f"A long English name {name}",
                       wikidata=None, mentions=3)  # fmt: skip
    for h in range(hubs):
        graph.add_edge(f"hub{h}", f"hub{(h + 1) % hubs}", key="met", predicate="met", support=(), weight=5)
        for s in range(spokes):
            graph.add_edge(f"hub{h}", f"spoke{h}-{s}", key="praised", predicate="praised", support=(), weight=1)
    return graph


def test_overview_labels_do_not_overlap():
    graph = _star_of_stars(hubs=12, spokes=14)
    data = page_data(graph)
    nodes = [data["nodes"][index][0] for index in data["overview"]]
    assert len(nodes) == OVERVIEW_SIZE
    boxes = [label_box(graph.nodes[node]) for node in nodes]
    clashes = [
        (a, b)
        for a, b in itertools.combinations(range(len(nodes)), 2)
        if all(abs(data["layout"]["overview"][a][axis] - data["layout"]["overview"][b][axis]) < boxes[a][axis] + boxes[b][axis] for axis in (0, 1))
    ]
    assert clashes == []
    assert all(position is not None for position in data["layout"]["all"])


def test_isolated_entities_have_no_place_in_the_layout(tmp_path):
    entities = tuple(Entity(str(ENTITY[f"e{index}"]), "MISC", f"كيان {index}", None, None, ()) for index in range(5))
    doc = Document(id="many", body="", source="tests")
    data = page_data(to_networkx(to_dataset([Extraction(doc, (), entities)])))
    assert data["overview"] == [] and data["edges"] == []
    assert data["layout"]["all"] == [None] * 5


def test_iframe_carries_the_whole_page(extraction):
    graph = to_networkx(to_dataset([extraction]))
    frame = iframe(graph, height=400)
    srcdoc = re.fullmatch(r'<div><iframe srcdoc="([^"]*)" style="[^"]*height:400px[^"]*"></iframe></div>', frame).group(1)
    assert html.unescape(srcdoc) == page_html(graph)


@pytest.fixture
def trig(extraction, tmp_path) -> Path:
    path = tmp_path / "kg.trig"
    path.write_text(to_dataset([extraction]).serialize(format="trig"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "options, output, drawn",
    [
        ([], "view.html", {"<img": 0, "Badr Albusaidi": 1, "Tehran": 1}),
        (["--around", "tehran", "--depth", "1"], "view.html", {"<img": 0, "Tehran": 1, "Badr Albusaidi": 1}),
        (["--predicate", "rejected"], "view.graphml", {"<graphml": 1, "Tehran": 0}),
        (["--top", "1", "--format", "gexf"], "view.xml", {"<gexf": 1, "Badr Albusaidi": 1, "Tehran": 0}),
    ],
)
def test_view_command_draws_the_asked_subgraph(trig, tmp_path, capsys, options, output, drawn):
    out = tmp_path / output
    assert main(["view", str(trig), *options, "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    text = out.read_text(encoding="utf-8")
    assert {needle: int(needle in text) for needle in drawn} == drawn


@pytest.mark.parametrize(
    "options, error",
    [
        (["--around", "Muscat"], "kg: no entity is named 'Muscat'\n"),
        (["--since", "2030-01-01"], "kg: nothing to draw: no entity of {trig} is left by these options\n"),
    ],
)
def test_view_command_explains_in_one_line(trig, tmp_path, capsys, options, error):
    assert main(["view", str(trig), *options, "-o", str(tmp_path / "v.html")]) == 1
    assert capsys.readouterr().err == error.format(trig=trig)
    assert not (tmp_path / "v.html").exists()


def _news(articles: int = 12, entities: int = 30) -> list[Extraction]:
    """Articles over a few months, each stating relations between entities of a ring with chords."""
    iris = [str(ENTITY[f"e{index}"]) for index in range(entities)]
    extractions = []
    for number in range(articles):
        pairs = [(iris[(number + step) % entities], iris[(number * 7 + step * 3) % entities]) for step in range(4)]
        sentences = [f"كيان {s[-2:]} التقى كيان {o[-2:]}" for s, o in pairs]
        body = ". ".join(sentences)
        relations = tuple(
            Relation(s, ("met", "praised", "condemned", "visited")[step], o, step, sentences[step],
                     body.index(sentences[step]), body.index(sentences[step]) + len(sentences[step]),
                     None, None, None, confidence=0.7, negated=step == 3 and number % 2 == 0)
            for step, (s, o) in enumerate(pairs)
        )  # fmt: skip
        named = sorted({iri for pair in pairs for iri in pair})
        extractions.append(Extraction(
            Document(id=f"n{number}", body=body, source="tests", title=f"خبر {number}", date=f"2021-{1 + number % 6:02d}-10"),
            (),
            tuple(Entity(iri, ("PER", "ORG", "LOC")[int(iri[-1]) % 3], f"كيان {iri[-2:]}", None, None,
                         tuple(Mention(f"كيان {iri[-2:]}", 0, 5, step, "PER", 0, 1) for step in range(1 + number % 3)))
                  for iri in named),
            relations,
        ))  # fmt: skip
    return extractions


@pytest.mark.parametrize(
    "options",
    [
        ["--around", "كيان e3"],
        ["--around", "كيان e3", "--depth", "2", "--since", "2021-03-01"],
        ["--top", "8"],
        ["--top", "5", "--predicate", "praised", "--until", "2021-04-30"],
    ],
)
def test_view_command_draws_the_page_of_the_whole_graph_cut(tmp_path, options):
    # `kg view` derives only the part it draws: the page is the one drawn from the whole graph, cut by select.
    nquads = tmp_path / "kg.nq"
    nquads.write_text(sorted_nquads(to_dataset(_news())), encoding="utf-8")
    out = tmp_path / "view.html"
    assert main(["view", str(nquads), *options, "-o", str(out)]) == 0
    args = dict(zip(options[::2], options[1::2]))
    graph = read_graph(nquads)
    around = find_entity(graph.nodes, args["--around"]) if "--around" in args else None
    whole = select(
        graph,
        predicates=tuple(value for key, value in zip(options[::2], options[1::2]) if key == "--predicate"),
        since=args.get("--since"),
        until=args.get("--until"),
        around=around,
        depth=int(args.get("--depth", 1)),
        top=int(args["--top"]) if "--top" in args else None,
    )
    assert whole.number_of_nodes() > 2
    assert out.read_text(encoding="utf-8") == page_html(whole)


def test_build_draws_the_page_of_its_kg_nq(tmp_path, monkeypatch, pipeline):
    # kg build derives kg.html's graph from the quads its exports parse: the page of kg.nq read back.
    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls, ner="auto": pipeline))
    assert main(["build", "-j", "1", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "kg.html").read_text(encoding="utf-8") == page_html(read_graph(tmp_path / "kg.nq"))


def test_view_command_needs_a_graph_file(tmp_path, capsys):
    assert main(["view", str(tmp_path / "kg.trig")]) == 1
    assert capsys.readouterr().err == f"kg: {tmp_path / 'kg.trig'}: no such file (make one with kg build)\n"


def test_view_command_reads_a_store(extraction, tmp_path, capsys):
    from kg.store import open_store, replace_graphs

    store = open_store(tmp_path / "store", create=True)
    replace_graphs(store, to_dataset([extraction]))
    store.close()
    out = tmp_path / "view.html"
    assert main(["view", "--store", str(tmp_path / "store"), "--around", "Tehran", "-o", str(out)]) == 0
    assert "kg: 2 entities, 1 relations" in capsys.readouterr().err
    assert '"طهران","Tehran"' in out.read_text(encoding="utf-8")


# A ring of 40 entities with chords, drawn around one of them: in a fresh interpreter, so that the
# string hash seed and the modules imported are the page's own.
_DRAW_IN_A_FRESH_PROCESS = """
import hashlib, sys
import networkx as nx
from kg.network import Support, select
from kg.viz import page
graph = nx.MultiDiGraph()
iris = [f"https://w3id.org/akg/entity/e{n}" for n in range(40)]
for n, iri in enumerate(iris):
    graph.add_node(iri, type="PER", label_ar=f"كيان {n}", label_en=None, wikidata=None, mentions=n % 5)
for n in range(40):
    for step in (1, 7):
        support = (Support("2020-01-01", "a", f"جملة {n}"),)
        graph.add_edge(iris[n], iris[(n + step) % 40], key="met", predicate="met", support=support, weight=1)
text = page(select(graph, around=iris[0], depth=2))
print(hashlib.sha256(text.encode()).hexdigest(), sorted({"matplotlib", "camel_tools", "pyvis", "rdflib"} & set(sys.modules)))
"""


def test_the_page_is_the_same_whatever_the_hash_seed_and_imports_no_plotting():
    import subprocess
    import sys

    runs = [
        subprocess.run([sys.executable, "-c", _DRAW_IN_A_FRESH_PROCESS], capture_output=True, text=True, check=True,
                       env=os.environ | {"PYTHONHASHSEED": seed}).stdout.split(" ", 1)
        for seed in ("1", "2", "3")
    ]
    assert len({digest for digest, _ in runs}) == 1
    # rdflib comes with kg.vocab; camel-tools, matplotlib (through igraph) and pyvis's templating are not needed.
    assert {modules for _, modules in runs} == {"['rdflib']\n"}


def test_text_that_reads_like_a_fetch_stays_data():
    # An article may say "@import" or "url(//…)": in the page's JSON it is text, never fetched.
    graph = nx.MultiDiGraph()
    graph.add_node("urn:e", type="MISC", label_ar="@import url(//example.com/x.css)", label_en=None, wikidata=None, mentions=1)
    assert _data(page_html(graph))["nodes"][0][2] == "@import url(//example.com/x.css)"


def test_prepare_leaves_a_first_page_no_import_and_no_file_to_read():
    import subprocess
    import sys

    script = """
import sys
from kg import viz
viz.prepare()
print("igraph" in sys.modules, viz._page_around_data.cache_info().currsize)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "1"]
