"""How soon a 2,000-entity, 6,000-relation HTML graph is usable in headless Chromium.

Run: .venv/bin/python benchmarks/viz_bench.py [--nodes 2000] [--edges 6000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.network import to_networkx
from kg.rdf import to_dataset
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.viz import HEADLESS_CHROMIUM_ARGS, write_view
from kg.vocab import ENTITY, PREDICATES

TYPES = ("PER", "ORG", "LOC", "MISC")
# Times the page's own milestones from navigation start, then a zoom and a hover as a user would.
PROBE = """async () => {
    const frame = () => new Promise(resolve => network.once("afterDrawing", () => resolve(performance.now())));
    const drawn = performance.now();
    const zoom = performance.now();
    network.moveTo({scale: network.getScale() * 1.5});
    const zoomed = await frame();
    const box = document.getElementById("mynetwork").getBoundingClientRect();
    return {drawn, zoom: zoomed - zoom, box: [box.x, box.y],
            longest_task: Math.max(0, ...(window.kgLongTasks || [0]))};
}"""
WATCH_LONG_TASKS = """window.kgLongTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.kgLongTasks.push(e.duration)))
    .observe({type: "longtask", buffered: true});"""


def synthetic_extractions(nodes: int, edges: int, articles: int = 100) -> list[Extraction]:
    """Random entities and relations, spread over articles, with a fixed seed."""
    rng = random.Random(0)
    iris = [str(ENTITY[f"bench{index}"]) for index in range(nodes)]
    types = [TYPES[index % len(TYPES)] for index in range(nodes)]
    # A few hubs, as in news: a power-law choice of endpoints.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(nodes)]
    # Every entity takes part in at least one relation.
    pairs = {(n, (n + rng.randrange(1, nodes)) % nodes, rng.choice(PREDICATES)) for n in range(min(nodes, edges))}
    while len(pairs) < edges:
        subject, obj = rng.choices(range(nodes), weights)[0], rng.randrange(nodes)
        if subject != obj:
            pairs.add((subject, obj, rng.choice(PREDICATES)))
    per_article = [[] for _ in range(articles)]
    for index, pair in enumerate(sorted(pairs)):
        per_article[index % articles].append(pair)
    extractions = []
    for number, statements in enumerate(per_article):
        body = ". ".join(f"الجملة رقم {i}" for i in range(len(statements)))
        relations = []
        for i, (subject, obj, predicate) in enumerate(statements):
            sentence = f"الجملة رقم {i}"
            start = body.index(sentence + (". " if i < len(statements) - 1 else ""))
            relations.append(
                Relation(iris[subject], predicate, iris[obj], i, sentence, start, start + len(sentence),
                         None, None, None, confidence=0.9, date=f"2017-{1 + number % 12:02d}-01")
            )
        named = sorted({n for s, o, _ in statements for n in (s, o)})
        entities = tuple(
            Entity(iris[n], types[n], f"كيان رقم {n}", f"Entity {n}", None, (Mention("x", 0, 1, 0, types[n], 0, 1),))
            for n in named
        )
        doc = Document(id=f"bench-{number}", body=body, source="bench", title=f"مقال {number}", date="2017-01-01")
        extractions.append(Extraction(doc, (), entities, tuple(relations)))
    return extractions


def measure(page_path: Path, chromium: str) -> dict:
    """Open the page in a fresh headless Chromium and time it until a zoom has been drawn."""
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium, args=HEADLESS_CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 800},
        )
        page = context.new_page()
        page.add_init_script(WATCH_LONG_TASKS)
        started = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 0")
        probe = page.evaluate(PROBE)
        # A hover over the middle of the canvas: the page answers input.
        hover = time.perf_counter()
        page.mouse.move(probe["box"][0] + 640, probe["box"][1] + 400)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        hovered = time.perf_counter() - hover
        usable = time.perf_counter() - started
        counts = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
        context.close()
    return {"drawn": probe["drawn"] / 1000, "zoom": probe["zoom"] / 1000, "hover": hovered,
            "usable": usable, "longest_task": probe["longest_task"] / 1000, "counts": counts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        print("viz_bench: Debian's chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    graph = to_networkx(to_dataset(synthetic_extractions(args.nodes, args.edges)))
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.html"
        started = time.perf_counter()
        write_view(graph, path)
        written = time.perf_counter() - started
        size = path.stat().st_size
        runs = [measure(path, chromium) for _ in range(args.runs)]
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; drawn {runs[0]['counts']}")
    print(f"python: dataset + networkx {built:.1f} s, layout + HTML {written:.1f} s, page {size / 1e6:.1f} MB")
    for key, label in [
        ("drawn", "first drawn (from navigation start)"),
        ("zoom", "a zoom redrawn"),
        ("hover", "a hover answered"),
        ("longest_task", "longest main-thread task"),
        ("usable", "open to zoomed and hovered (wall clock)"),
    ]:
        values = [run[key] for run in runs]
        print(f"{label}: median {statistics.median(values):.2f} s, max {max(values):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
