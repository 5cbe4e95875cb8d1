"""The HTML graph in a real headless Chromium: it draws offline, and hostile text stays text."""

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
from kg.viz import HEADLESS_CHROMIUM_ARGS, write_html
from kg.vocab import ENTITY

ARTIFACTS = Path(__file__).parent / "artifacts"
IMG = '<img src=x onerror="window.pwned = (window.pwned || 0) + 1">'
SCRIPT = "<script>window.pwned = (window.pwned || 0) + 1</script>"
DRAWN = "typeof network !== 'undefined' && network.body.data.nodes.length > 0"
COUNTS = "[network.body.data.nodes.length, network.body.data.edges.length]"
# Resolves once vis-network has placed the nodes, whether physics is on or off.
SETTLED = """() => new Promise(resolve => {
    if (!network.physics.physicsEnabled || network.physics.stabilized) return resolve();
    network.once("stabilized", resolve);
})"""


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
        page.wait_for_function(DRAWN)
        page.evaluate(SETTLED)
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


def test_example_draws_offline(pipeline, open_page, tmp_path):
    dataset = to_dataset(pipeline(doc) for doc in read_file(EXAMPLE))
    graph = to_networkx(dataset)
    page, requests, dialogs = open_page(write_html(dataset, tmp_path / "kg.html"))
    assert page.evaluate(COUNTS) == [graph.number_of_nodes(), graph.number_of_edges()]
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
        doc=Document(id="hostile", body=body, source="tests", title=f"{SCRIPT} href", date="2022-01-05"),
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
    box = page.locator("#mynetwork").bounding_box()
    points = page.evaluate(
        """() => {
            const at = p => network.canvasToDOM(p);
            const nodes = Object.values(network.getPositions()).map(at);
            const edges = network.body.data.edges.getIds().map(id => {
                const [a, b] = network.getConnectedNodes(id).map(n => network.getPositions([n])[n]);
                return at({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
            });
            return nodes.concat(edges);
        }"""
    )
    tooltips = []
    for point in points:
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_selector("div.vis-tooltip", state="visible")
        tooltips.append(page.inner_text("div.vis-tooltip"))
        page.mouse.move(box["x"] + 2, box["y"] + 2)
        page.wait_for_selector("div.vis-tooltip", state="hidden")
    page.mouse.move(box["x"] + points[-1]["x"], box["y"] + points[-1]["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "hostile.png")
    # Every tooltip was shown, and each showed the hostile text as text.
    assert any("رحب بدر البوسعيدي" in text and "2022-01-05" in text for text in tooltips)
    assert any("onerror" in text for text in tooltips)
    assert page.evaluate("window.pwned") is None
    # innerText turns line breaks into <br>, and nothing else into markup.
    assert page.locator(":is(#mynetwork, div.vis-tooltip) :is(img, script, a)").count() == 0
    assert dialogs == []
    assert [url for url in requests if not url.endswith("/x")] == []
