"""How soon the explorer page of a built graph, or of a random one, is usable in headless Chromium.

Run: .venv/bin/python benchmarks/viz_bench.py [GRAPH.nq] [--nodes 2000] [--edges 6000] [--runs 3] [--no-browser]
(with GRAPH, the kg.nq that `kg build` wrote; without, a random graph of --nodes and --edges; the
graph is read and its page written `--runs` times, as `kg build` draws kg.html, then opened as often)
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

from kg.network import read_graph, to_networkx
from kg.rdf import to_dataset
from kg.types import Document, Entity, Extraction, Mention, Relation
from kg.viz import HEADLESS_CHROMIUM_ARGS, write_view
from kg.vocab import ENTITY, PREDICATES

TYPES = ("PER", "ORG", "LOC", "MISC")
# Times the page's own milestones from navigation start, then a search, a filter and a zoom as a
# user would: each answered when the next frame is drawn.
PROBE = """async () => {
    const frame = () => new Promise(resolve => kg.network.once("afterDrawing", () => resolve(performance.now())));
    const drawn = window.kgReady;
    const typed = performance.now();
    const search = document.getElementById("kg-search");
    search.value = kg.data.nodes[kg.data.overview[0] ?? 0][2];
    search.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
    const searched = await frame();
    const box = document.querySelector("#kg-predicates input");
    const ticked = performance.now();
    if (box) { box.click(); await frame(); box.click(); }
    const filtered = await frame();
    const zoom = performance.now();
    kg.network.moveTo({scale: kg.network.getScale() * 1.5});
    const zoomed = await frame();
    return {drawn, search: searched - typed, filter: filtered - ticked, zoom: zoomed - zoom,
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
    """Open the page in a fresh headless Chromium and time it until a search, a filter and a zoom answered."""
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium, args=HEADLESS_CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 800},
        )
        page = context.new_page()
        page.add_init_script(WATCH_LONG_TASKS)
        started = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_function("window.kgReady !== undefined")
        probe = page.evaluate(PROBE)
        usable = time.perf_counter() - started
        counts = page.evaluate("[kg.data.nodes.length, kg.data.edges.length, kg.nodes.length, kg.edges.length]")
        context.close()
    return {"drawn": probe["drawn"] / 1000, "search": probe["search"] / 1000, "filter": probe["filter"] / 1000,
            "zoom": probe["zoom"] / 1000, "usable": usable, "longest_task": probe["longest_task"] / 1000,
            "counts": counts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, help="a kg.nq written by kg build (default: a random graph)")
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="time the Python side alone")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None and not args.no_browser:
        print("viz_bench: Debian's chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    extractions = None if args.graph else synthetic_extractions(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.html"
        timings = {"graph read": [], "page written": []}
        for _ in range(args.runs):
            started, cpu = time.perf_counter(), time.process_time()
            graph = read_graph(args.graph) if args.graph else to_networkx(to_dataset(extractions))
            timings["graph read"].append((time.perf_counter() - started, time.process_time() - cpu))
            started, cpu = time.perf_counter(), time.process_time()
            write_view(graph, path)
            timings["page written"].append((time.perf_counter() - started, time.process_time() - cpu))
        size = path.stat().st_size
        runs = [] if args.no_browser else [measure(path, chromium) for _ in range(args.runs)]
    print(f"graph: {graph.number_of_nodes()} entities, {graph.number_of_edges()} edges; page {size / 1e6:.1f} MB")
    for step, values in timings.items():
        wall, cpu = [seconds for seconds, _ in values], [seconds for _, seconds in values]
        print(f"python, {step}: min {min(wall):.2f} s, median {statistics.median(wall):.2f} s "
              f"(CPU min {min(cpu):.2f} s, median {statistics.median(cpu):.2f} s)")
    if not runs:
        return 0
    print(f"in the page {runs[0]['counts'][:2]}, drawn at first {runs[0]['counts'][2:]}")
    for key, label in [
        ("drawn", "first drawn (from navigation start)"),
        ("search", "a search answered"),
        ("filter", "a relation unticked and ticked again"),
        ("zoom", "a zoom redrawn"),
        ("longest_task", "longest main-thread task"),
        ("usable", "open to drawn, searched, filtered and zoomed (wall clock)"),
    ]:
        values = [run[key] for run in runs]
        print(f"{label}: min {min(values):.2f} s, median {statistics.median(values):.2f} s, max {max(values):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
