"""The explorer page in a real headless Chromium: it draws offline, its controls work, hostile text stays text."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.network import to_networkx
from kg.rdf import to_dataset
from kg.read import EXAMPLE, read_file
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.viz import HEADLESS_CHROMIUM_ARGS, page_data, write_html, write_view
from kg.vocab import ENTITY

ARTIFACTS = Path(__file__).parent / "artifacts"
IMG = '<img src=x onerror="window.pwned = (window.pwned || 0) + 1">'
SCRIPT = "<script>window.pwned = (window.pwned || 0) + 1</script>"
READY = "window.kgReady !== undefined"
COUNTS = "[kg.nodes.length, kg.edges.length]"
SHOWN_EDGES = "kg.edges.getIds().sort((a, b) => a - b)"
# Where an entity is drawn, in the page's coordinates.
NODE_AT = """id => {
    const box = document.getElementById("kg-network").getBoundingClientRect();
    const at = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
    return {x: box.x + at.x, y: box.y + at.y};
}"""


def _chromium() -> str:
    """Find Debian's Chromium, installing it with apt-get where the machine lets us."""
    found = shutil.which("chromium")
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], check=False, env=env, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "chromium", "fonts-noto-core"],
            check=False, env=env, capture_output=True,
        )  # fmt: skip
        found = shutil.which("chromium")
    if found is None:
        pytest.skip(
            "NO BROWSER: Debian's chromium is not installed and cannot be installed here "
            "(needs apt-get as root); the HTML graph was NOT checked in a browser"
        )
    return found


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="NO BROWSER DRIVER: pip install playwright")
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=executable,
            args=HEADLESS_CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
        )
        yield context
        context.close()


@pytest.fixture
def open_page(browser):
    """Open a local file; returns the page and the lists of network requests and dialogs it made."""
    pages = []

    def open_(path: Path):
        page = browser.new_page()
        pages.append(page)
        requests, dialogs = [], []
        page.route("**/*", lambda route: _only_local(route, requests))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_function(READY)
        return page, requests, dialogs

    yield open_
    for page in pages:
        page.close()


def _only_local(route, requests: list[str]) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        requests.append(url)
        route.abort()


def _linked(graph) -> set[str]:
    return {node for edge in graph.edges() for node in edge}


def test_example_draws_offline(pipeline, open_page, tmp_path):
    dataset = to_dataset(pipeline(doc) for doc in read_file(EXAMPLE))
    graph = to_networkx(dataset)
    page, requests, dialogs = open_page(write_html(dataset, tmp_path / "kg.html"))
    # A small graph is its own overview: every entity with a relation, every relation.
    assert page.evaluate(COUNTS) == [len(_linked(graph)), graph.number_of_edges()]
    assert graph.number_of_edges() > 0
    assert requests == [] and dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "example.png")


def _hostile_extraction() -> Extraction:
    body = f"هاجم {IMG} مدينة {SCRIPT}. رحب بدر البوسعيدي href بالاتفاق"
    first, second = body.split(". ")
    villain, city, busaidi = (str(ENTITY[name]) for name in ("villain", "city", "busaidi"))

    def relation(subject, predicate, obj, index, evidence):
        start = body.index(evidence)
        return Relation(
            subject, predicate, obj, index, evidence, start, start + len(evidence),
            None, None, None, confidence=0.9,
        )  # fmt: skip

    def entity(iri, type_, label_ar, label_en):
        return Entity(iri, type_, label_ar, label_en, None, (Mention(label_ar, 0, 0, 0, type_, 0, 0),))

    return Extraction(
        doc=Document(
            id="hostile", body=body, source="tests", title=f"{SCRIPT} href", date="2022-01-05",
            url="javascript:window.pwned=1",
        ),  # fmt: skip
        sentences=(),
        entities=(
            entity(villain, "PER", IMG, SCRIPT),
            entity(city, "LOC", f"مدينة {SCRIPT}", "<a href='javascript:window.pwned=1'>x</a>"),
            entity(busaidi, "PER", "بدر البوسعيدي", "Badr Albusaidi"),
        ),
        relations=(
            relation(villain, "attacked", city, 0, first),
            relation(busaidi, "praised", villain, 1, second),
        ),
    )


def test_hostile_text_never_runs(open_page, tmp_path):
    dataset = to_dataset([_hostile_extraction()])
    page, requests, dialogs = open_page(write_html(dataset, tmp_path / "hostile.html"))
    assert page.evaluate(COUNTS) == [3, 2]
    panels, tooltips = [], []
    for node in range(3):
        at = page.evaluate(NODE_AT, node)
        page.mouse.move(at["x"], at["y"])
        page.wait_for_selector("div.vis-tooltip", state="visible")
        tooltips.append(page.inner_text("div.vis-tooltip"))
        page.mouse.click(at["x"], at["y"])
        panels.append(page.inner_text("#kg-panel"))
        box = page.locator("#kg-network").bounding_box()
        page.mouse.move(box["x"] + 2, box["y"] + 2)
        page.wait_for_selector("div.vis-tooltip", state="hidden")
    page.fill("#kg-search", "onerror")
    page.keyboard.press("Enter")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "hostile.png")
    # Every panel and tooltip showed the hostile text as text.
    assert any("رحب بدر البوسعيدي" in text and "2022-01-05" in text for text in panels)
    assert any(IMG in text for text in panels) and any(SCRIPT in text for text in tooltips)
    assert page.evaluate("window.pwned") is None
    # A javascript: address is no link; nothing from the graph became markup.
    assert page.locator(":is(#kg-network, #kg-panel, #kg-results, div.vis-tooltip) :is(img, script, a)").count() == 0
    assert dialogs == []
    assert [url for url in requests if not url.endswith("/x")] == []


@pytest.fixture(scope="module")
def corpus_page(ant_extractions, tmp_path_factory):
    """The explorer of the 200 ANT articles of the session, and the data it carries."""
    graph = to_networkx(to_dataset(ant_extractions))
    path = write_view(graph, tmp_path_factory.mktemp("corpus") / "kg.html")
    return path, page_data(graph)


def _overview_edges(data: dict, keep) -> list[int]:
    """The edges the overview shows when `keep(edge)` says which edges pass the filters."""
    shown = set(data["overview"])
    return [i for i, edge in enumerate(data["edges"]) if edge[0] in shown and edge[1] in shown and keep(edge)]


def test_corpus_overview_and_controls(corpus_page, open_page):
    path, data = corpus_page
    page, requests, dialogs = open_page(path)
    nodes, edges = page.evaluate(COUNTS)
    assert 50 <= nodes <= 300, nodes
    # No isolated entity: each drawn entity ends a drawn relation.
    assert page.evaluate(
        "kg.nodes.getIds().every(id => kg.edges.get().some(e => e.from === id || e.to === id))"
    )
    assert page.evaluate(SHOWN_EDGES) == _overview_edges(data, lambda edge: True)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "overview.png")

    # Unticking a predicate hides its edges, and only those.
    predicates = [data["predicates"][data["edges"][i][2]] for i in page.evaluate(SHOWN_EDGES)]
    common = max(sorted(set(predicates)), key=predicates.count)
    page.uncheck(f"#kg-predicate-{common}")
    assert page.evaluate(SHOWN_EDGES) == _overview_edges(data, lambda edge: data["predicates"][edge[2]] != common)
    page.check(f"#kg-predicate-{common}")
    assert page.evaluate(COUNTS) == [nodes, edges]

    # Unticking an entity type hides its entities and their edges.
    page.uncheck("#kg-type-PER")
    assert page.evaluate(SHOWN_EDGES) == _overview_edges(
        data, lambda edge: "PER" not in (data["nodes"][edge[0]][1], data["nodes"][edge[1]][1])
    )
    page.check("#kg-type-PER")
    assert page.evaluate(COUNTS) == [nodes, edges]

    # The date range hides the events outside it.
    dates = sorted({s[0] for i in _overview_edges(data, lambda e: True) for s in data["edges"][i][3] if s[0]})
    since, until = dates[len(dates) // 3], dates[2 * len(dates) // 3]
    page.fill("#kg-since", since)
    page.fill("#kg-until", until)
    within = _overview_edges(data, lambda edge: any(s[0] and since <= s[0] <= until for s in edge[3]))
    assert page.evaluate(SHOWN_EDGES) == within
    assert 0 < len(within) < edges
    page.fill("#kg-since", dates[0])
    page.fill("#kg-until", dates[-1])
    assert page.evaluate(COUNTS) == [nodes, edges]

    # Clicking an entity lists its relations with their evidence sentences.
    hub = data["overview"][0]
    at = page.evaluate(NODE_AT, hub)
    page.mouse.click(at["x"], at["y"])
    assert page.inner_text("#kg-panel h2") == data["nodes"][hub][2]
    evidence = page.locator("#kg-panel .kg-evidence").all_inner_texts()
    sentences = {s[2].strip() for edge in data["edges"] if hub in edge[:2] for s in edge[3]}
    assert evidence and {text.strip() for text in evidence} <= sentences
    page.screenshot(path=ARTIFACTS / "panel.png")

    # A double-click brings in the entity's neighbours from the whole graph.
    neighbours = {edge[1 - edge[:2].index(hub)] for edge in data["edges"] if hub in edge[:2]}
    page.dblclick("#kg-network", position=_in_canvas(page, hub))
    drawn = set(page.evaluate("kg.nodes.getIds()"))
    assert neighbours <= drawn and len(drawn) > nodes

    # Show all, then back to the overview.
    page.click("#kg-all")
    assert page.evaluate(COUNTS) == [len({n for edge in data["edges"] for n in edge[:2]}), len(data["edges"])]
    page.click("#kg-overview")
    assert page.evaluate(COUNTS) == [nodes, edges]
    assert requests == [] and dialogs == []


def _in_canvas(page, node: int) -> dict:
    at = page.evaluate(NODE_AT, node)
    box = page.locator("#kg-network").bounding_box()
    return {"x": at["x"] - box["x"], "y": at["y"] - box["y"]}


def _unique_person(data: dict, letters: str) -> int:
    """A person of the overview whose Arabic name holds one of `letters` and no other entity shares."""
    names = [node[2] for node in data["nodes"]]
    return next(
        i for i in data["overview"]
        if data["nodes"][i][1] == "PER" and names.count(names[i]) == 1 and set(letters) & set(names[i])
    )  # fmt: skip


@pytest.mark.parametrize("spelling", ["as written", "without hamza"])
def test_search_focuses_an_actor(corpus_page, open_page, spelling):
    path, data = corpus_page
    page, _, _ = open_page(path)
    actor = _unique_person(data, "أإآ" if spelling == "without hamza" else "ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
    name = data["nodes"][actor][2]
    if spelling == "without hamza":
        name = name.translate(str.maketrans("أإآ", "ااا"))
        assert name != data["nodes"][actor][2]
    page.fill("#kg-search", name)
    page.keyboard.press("Enter")
    assert page.evaluate("kg.network.getSelectedNodes()") == [actor]
    assert page.inner_text("#kg-panel h2") == data["nodes"][actor][2]
