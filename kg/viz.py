"""Views of the knowledge graph: an explorer page that works offline, GraphML, GEXF."""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import math
import random
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from kg.files import write_atomically
from kg.network import ARABIC_FOLD, induced_subgraph, overview, to_gexf, to_graphml, to_networkx
from kg.vocab import PREDICATES

if TYPE_CHECKING:
    from rdflib import Dataset

# Colour and shape of each entity type, and the two words of its legend entry.
_STYLES = {
    "PER": ("#4e79a7", "dot", "Person", "شخص"),
    "ORG": ("#f28e2b", "square", "Organization", "منظمة"),
    "LOC": ("#59a14f", "triangle", "Location", "مكان"),
    "MISC": ("#b07aa1", "diamond", "Miscellaneous", "كيان آخر"),
}
_UNTYPED = ("#9c9c9c", "dot", "Untyped", "غير مصنف")

# Headless Chromium as the offline view is checked in (tests/test_browser.py) and timed
# (benchmarks/viz_bench.py): no first-run work, no background connections.
HEADLESS_CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
_TEMPLATES = Path(__file__).parent / "templates"
# vis-network as pyvis ships it, found without importing pyvis (and the Jinja and IPython it imports).
_VIS = Path(importlib.util.find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"
_SLOT = re.compile(r"\{\{(\w+)\}\}")
# What the page's font takes, in canvas pixels at zoom 1: a label's line and an average letter.
_FONT_SIZE = 16
_LINE_HEIGHT = 19
_LETTER_WIDTH = 8
_LABEL_MARGIN = 6
# Anything a browser would fetch: a src, href or CSS url() or @import off the page.
_NETWORK_REFERENCE = re.compile(
    r"""\b(?:src|href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.IGNORECASE,
)


def write_html(dataset: Dataset, path: Path) -> Path:
    """Write the entity graph as one self-contained explorer page that needs no network.

    Args:
        dataset: the knowledge graph, one named graph per article.
        path: where to write the page.

    Returns:
        `path`.
    """
    return write_view(to_networkx(dataset), path)


def write_view(graph: nx.MultiDiGraph, path: Path, file_format: str = "html") -> Path:
    """Write an entity graph as an offline explorer page, GraphML or GEXF.

    Args:
        graph: the entity graph or a view of it, as made by kg.network.
        path: where to write.
        file_format: "html", "graphml" or "gexf".

    Returns:
        `path`.
    """
    writers = {"html": page, "graphml": to_graphml, "gexf": to_gexf}
    if file_format not in writers:
        raise ValueError(f"unknown view format {file_format!r}: use one of {', '.join(writers)}")
    write_atomically(path, writers[file_format](graph))
    return path


def page(graph: nx.MultiDiGraph) -> str:
    """Draw an entity graph as one self-contained explorer page that needs no network.

    The page opens on the overview (`kg.network.overview`) and carries the whole graph as
    JSON, so its search, filters, entity panel and expansion work on all of it.

    Args:
        graph: the entity graph or a view of it, as made by kg.network.

    Returns:
        The page's HTML.
    """
    before, after = _page_around_data()
    return before + _script_json(page_data(graph)) + after


@functools.cache
def _page_around_data() -> tuple[str, str]:
    """The page's fixed parts (template, styles, scripts) before and after its data, checked once for what a browser would fetch.

    The data is not checked: `_script_json` leaves it no "//" and no tag, and a browser fetches
    nothing a JSON `<script>` holds (the scan took 0.3 s on the whole corpus's 4 MB of data, and
    failed a page whose text said "@import").
    """
    slots = {
        "style": (_VIS / "vis-network.css").read_text(encoding="utf-8")
        + (_TEMPLATES / "explorer.css").read_text(encoding="utf-8"),
        "vis": (_VIS / "vis-network.min.js").read_text(encoding="utf-8"),
        "script": (_TEMPLATES / "explorer.js").read_text(encoding="utf-8"),
    }
    template = (_TEMPLATES / "explorer.html").read_text(encoding="utf-8")
    before, after = (_SLOT.sub(lambda slot: slots[slot.group(1)], part) for part in template.split("{{data}}"))
    if _NETWORK_REFERENCE.search(before) or _NETWORK_REFERENCE.search(after):
        raise RuntimeError("the explorer page references a network resource")
    return before, after


def prepare() -> None:
    """Do now what a process's first page needs once (import igraph, read and check the page's fixed parts).

    A build calls it while its workers extract, so that none of it is left for after the last article.
    """
    _igraph()
    _page_around_data()


def iframe(graph: nx.MultiDiGraph, height: int = 600) -> str:
    """Wrap the page in an `<iframe srcdoc>` so a notebook's output carries the whole graph.

    Args:
        graph: the entity graph or a view of it.
        height: the frame's height in pixels.

    Returns:
        HTML for IPython.display.HTML.
    """
    # The <div> keeps IPython from suggesting its IFrame, which would point at a file instead.
    return (
        f'<div><iframe srcdoc="{html.escape(page(graph), quote=True)}" '
        f'style="width:100%;height:{height}px;border:none"></iframe></div>'
    )


def page_data(graph: nx.MultiDiGraph) -> dict:
    """The graph as the page's compact JSON: tables of entities, articles and merged edges.

    Returns:
        {"predicates", "types", "fold", "nodes": [[iri, type, label_ar, label_en, wikidata,
        mentions, size]], "articles": [[title, url]], "edges": [[source, target, predicate,
        [[date, article, sentence, reporter]]]], "overview": [node], "layout": {"overview":
        [[x, y]] in overview order, "all": [[x, y] or None] by node}}, entities and articles by index.
    """
    index = {node: position for position, node in enumerate(graph)}
    predicate_index = {predicate: position for position, predicate in enumerate(PREDICATES)}
    articles: dict[tuple[str, str], int] = {}
    edges = []
    for subject, obj, data in graph.edges(data=True):
        support = [
            [s.date, articles.setdefault((s.article, s.url), len(articles)), s.sentence, s.source]
            for s in data["support"]
        ]
        edges.append([index[subject], index[obj], predicate_index[data["predicate"]], support])
    shown = overview(graph)
    ends = {node for subject, obj in graph.edges() if subject != obj for node in (subject, obj)}
    linked = [node for node in graph if node in ends]
    types = {code: list(style) for code, style in _STYLES.items()}
    if any(data["type"] not in _STYLES for _, data in graph.nodes(data=True)):
        types[""] = list(_UNTYPED)
    everywhere = _positions(induced_subgraph(graph, linked), scale=60)
    return {
        "predicates": list(PREDICATES),
        "types": types,
        "fold": ARABIC_FOLD,
        "font": _FONT_SIZE,
        "nodes": [
            [node, data["type"] or "", data["label_ar"], data["label_en"] or "", data["wikidata"] or "",
             data["mentions"], node_size(data["mentions"])]
            for node, data in graph.nodes(data=True)
        ],  # fmt: skip
        "articles": [list(article) for article in articles],
        "edges": edges,
        "overview": [index[node] for node in shown],
        "layout": {
            "overview": [list(xy) for xy in _readable_positions(graph, shown)],
            "all": [list(everywhere[node]) if node in everywhere else None for node in graph],
        },
    }


def node_size(mentions: int) -> float:
    """The radius an entity is drawn with: growing with its mentions, within bounds."""
    return round(min(6 + 2 * math.sqrt(mentions), 24), 1)


def label_box(data: dict) -> tuple[float, float]:
    """Half the width and half the height of an entity's shape and two-line label, in pixels."""
    size = node_size(data["mentions"])
    letters = max(len(data["label_ar"]), len(data["label_en"] or ""))
    lines = 2 if data["label_en"] else 1
    return max(size, letters * _LETTER_WIDTH / 2) + _LABEL_MARGIN, size + lines * _LINE_HEIGHT / 2


def _positions(graph: nx.Graph, scale: float) -> dict[str, tuple[float, float]]:
    """Lay the graph out with Fruchterman–Reingold in igraph's C code, the same on every run.

    networkx's spring layout takes about 25 s on 2,000 entities and 6,000 relations; igraph
    well under one.
    """
    igraph = _igraph()
    nodes = list(graph)
    if not nodes:
        return {}
    place = {node: position for position, node in enumerate(nodes)}
    layout_graph = igraph.Graph(n=len(nodes), edges=[(place[s], place[o]) for s, o in graph.edges()])
    # igraph draws from a global generator: a seeded one makes the page the same on every run.
    igraph.set_random_number_generator(random.Random(0))
    try:
        coords = layout_graph.layout_fruchterman_reingold().coords
    finally:
        igraph.set_random_number_generator(random)
    reach = max((max(abs(x), abs(y)) for x, y in coords), default=1.0) or 1.0
    factor = scale * math.sqrt(len(nodes)) / reach
    return {node: (round(x * factor, 1), round(y * factor, 1)) for node, (x, y) in zip(nodes, coords)}


def _igraph():
    """igraph, imported without the matplotlib it imports for plotting when installed (a second)."""
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph
    else:
        # A None entry makes `import matplotlib` fail, so igraph leaves plotting with it out.
        sys.modules["matplotlib"] = None
        try:
            import igraph
        finally:
            del sys.modules["matplotlib"]
    return igraph


def _readable_positions(graph: nx.MultiDiGraph, nodes: list[str], rounds: int = 1000) -> list[tuple[float, float]]:
    """Lay out the overview: each connected part on its own, packed in rows, labels pushed apart.

    Returns:
        Positions in the order of `nodes`, no two label boxes overlapping when `rounds` sufficed.
    """
    if not nodes:
        return []
    boxes = np.array([label_box(graph.nodes[node]) for node in nodes])
    place = {node: position for position, node in enumerate(nodes)}
    # Not through to_undirected's view, whose neighbours come in a set's order.
    linked = nx.Graph(induced_subgraph(graph, nodes))
    # Neighbours about two label widths apart: close enough to read as a group.
    spacing = 1.5 * boxes[:, 0].mean()
    parts = []
    for component in sorted(nx.connected_components(linked), key=lambda part: (-len(part), min(part))):
        members = sorted(component, key=place.__getitem__)
        part = induced_subgraph(linked, members)
        start = _positions(part, scale=1)
        xy = np.array([start[node] for node in members], dtype=float)
        lengths = [np.linalg.norm(xy[members.index(a)] - xy[members.index(b)]) for a, b in part.edges()]
        xy *= spacing / (np.mean(lengths) if lengths and np.mean(lengths) > 0 else 1)
        own = boxes[[place[node] for node in members]]
        # A crowded part (a hub and its many partners) is first given room for its labels.
        needed = 3 * 4 * (own[:, 0] * own[:, 1]).sum()
        area = np.prod(xy.max(axis=0) - xy.min(axis=0) + 2 * own.max(axis=0))
        xy *= max(1.0, math.sqrt(needed / area))
        low, high = (xy - own).min(axis=0), (xy + own).max(axis=0)
        parts.append((members, xy - low, high - low))
    # Shelf packing: rows about as wide as the page's canvas shape asks for the area they cover.
    width = math.sqrt(sum(float(np.prod(size)) for *_, size in parts) * 1.45)
    xy = np.zeros((len(nodes), 2))
    x = y = row_height = 0.0
    for members, local, size in parts:
        if x > 0 and x + size[0] > width:
            x, y, row_height = 0.0, y + row_height + spacing / 2, 0.0
        for node, point in zip(members, local):
            xy[place[node]] = point + (x, y)
        x += size[0] + spacing / 2
        row_height = max(row_height, size[1])
    # Two entities at one point have no direction to part in: a fixed nudge gives them one.
    xy += np.random.default_rng(0).uniform(-0.5, 0.5, xy.shape)
    # Each pair once (a before b); x and y apart, as gathering pairs of points costs more than both.
    pairs = np.triu(np.ones((len(nodes), len(nodes)), dtype=bool), k=1)
    reach_x, reach_y = (boxes[:, None, axis] + boxes[None, :, axis] for axis in (0, 1))
    points, half = xy.tolist(), boxes.tolist()
    for _ in range(rounds):
        x, y = xy[:, 0], xy[:, 1]
        clashes = (
            pairs & (reach_x - np.abs(x[:, None] - x[None, :]) > -1) & (reach_y - np.abs(y[:, None] - y[None, :]) > -1)
        )
        if not clashes.any():
            break
        # Each pair parts, one after another, along the axis where it overlaps less (plain floats:
        # numpy's per-element overhead would dominate).
        for a, b in zip(*(indices.tolist() for indices in np.nonzero(clashes))):
            point_a, point_b, half_a, half_b = points[a], points[b], half[a], half[b]
            apart_x, apart_y = point_a[0] - point_b[0], point_a[1] - point_b[1]
            overlap_x = half_a[0] + half_b[0] - abs(apart_x)
            overlap_y = half_a[1] + half_b[1] - abs(apart_y)
            if overlap_x <= -1 or overlap_y <= -1:
                continue
            axis = int(overlap_x > overlap_y)
            step = ((overlap_x, overlap_y)[axis] / 2 + 1) * (1 if (apart_x, apart_y)[axis] >= 0 else -1)
            point_a[axis] += step
            point_b[axis] -= step
        xy = np.array(points)
    # Widened to the canvas's shape: parting labels further sideways keeps them apart.
    width, height = xy.max(axis=0) - xy.min(axis=0) + 2 * boxes.max(axis=0)
    xy[:, 0] *= max(1.0, 1.45 * height / width)
    centre = (xy.min(axis=0) + xy.max(axis=0)) / 2
    return [(round(x - centre[0], 1), round(y - centre[1], 1)) for x, y in xy]


def _script_json(data: dict) -> str:
    """JSON that a `<script type="application/json">` holds as text: no tag, no `//`, no entity."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("/", "\\/")):
        text = text.replace(char, escaped)
    return text
