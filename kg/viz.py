"""Views of the knowledge graph: an interactive HTML page that works offline, GraphML, GEXF."""

from __future__ import annotations

import html
import json
import math
import random
import re
from pathlib import Path

import igraph
import networkx as nx
from pyvis.network import Network
from rdflib import Dataset

from kg.files import write_atomically
from kg.network import display_label, to_gexf, to_graphml, to_networkx

# Colour and shape of each entity type, and the two words of its legend entry.
_STYLES = {
    "PER": ("#4e79a7", "dot", "●", "Person", "شخص"),
    "ORG": ("#f28e2b", "square", "■", "Organization", "منظمة"),
    "LOC": ("#59a14f", "triangle", "▲", "Location", "مكان"),
    "MISC": ("#b07aa1", "diamond", "◆", "Miscellaneous", "كيان آخر"),
}
_UNTYPED = ("#9c9c9c", "dot", "●", "Untyped", "غير مصنف")

# Above this many nodes the browser's physics simulation is too slow to settle.
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
_MAX_PHYSICS_NODES = 300
_MAX_EVIDENCE_IN_TOOLTIP = 5

# A script or stylesheet fetched from the network: pyvis's template adds Bootstrap this way,
# and keeps a commented-out copy of vis-network's own references.
_EXTERNAL_RESOURCE = re.compile(
    r"""<script\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//[^>]*>\s*</script>"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//[^>]*>"""
    r"""|<!--(?:(?!-->).)*\b(?:src|href)\s*=(?:(?!-->).)*-->""",
    re.IGNORECASE | re.DOTALL,
)
# Anything left that a browser would fetch: a src, href or CSS url() or @import off the page.
_NETWORK_REFERENCE = re.compile(
    r"""\b(?:src|href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.IGNORECASE,
)
# Tooltips are plain text set with innerText; each line runs in the direction of its first letter.
_TOOLTIP_CSS = (
    "div.vis-tooltip{unicode-bidi:plaintext;text-align:start;white-space:pre-wrap;"
    "max-width:40em;font:14px sans-serif}"
)


def write_html(dataset: Dataset, path: Path) -> Path:
    """Write the entity graph as one self-contained HTML page that needs no network.

    Args:
        dataset: the knowledge graph, one named graph per article.
        path: where to write the page.

    Returns:
        `path`.
    """
    return write_view(to_networkx(dataset), path)


def write_view(graph: nx.MultiDiGraph, path: Path, file_format: str = "html") -> Path:
    """Write an entity graph as an offline HTML page, GraphML or GEXF.

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
    """Draw an entity graph as one self-contained HTML page that needs no network.

    Args:
        graph: the entity graph or a view of it, as made by kg.network.

    Returns:
        The page's HTML.
    """
    text = _offline(_to_pyvis(graph).generate_html(name="graph.html"))
    text = text.replace("</head>", f"<style>{_TOOLTIP_CSS}</style>\n</head>", 1)
    return text.replace("<body>", "<body>\n" + _legend_html(), 1)


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


def _to_pyvis(graph: nx.MultiDiGraph) -> Network:
    network = Network(height="90vh", width="100%", directed=True, cdn_resources="in_line")
    # Keep Arabic readable in the page; the template's tojson still escapes < > & '.
    network.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    physics = graph.number_of_nodes() <= _MAX_PHYSICS_NODES
    positions = {} if physics else _positions(graph)
    degrees = dict(graph.degree(weight="weight"))
    for node, data in graph.nodes(data=True):
        colour, shape, _, type_en, _ = _STYLES.get(data["type"], _UNTYPED)
        position = positions.get(node, {})
        network.add_node(
            node,
            label=_plain(display_label(data)),
            title=_plain(_node_title(data, type_en)),
            color=colour,
            shape=shape,
            size=12 + 4 * math.sqrt(degrees[node]),
            physics=physics,
            **position,
        )
    for subject, obj, data in graph.edges(data=True):
        network.add_edge(
            subject,
            obj,
            label=_plain(data["predicate"]),
            title=_plain(_edge_title(graph, subject, obj, data)),
        )
    network.set_options(json.dumps(_options(physics)))
    return network


def _positions(graph: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Lay the graph out with Fruchterman–Reingold in igraph's C code.

    networkx's spring layout takes about 25 s on 2,000 entities and 6,000 relations; igraph
    well under one.
    """
    nodes = list(graph)
    index = {node: position for position, node in enumerate(nodes)}
    layout_graph = igraph.Graph(n=len(nodes), edges=[(index[s], index[o]) for s, o in graph.edges()])
    # igraph draws from a global generator: a seeded one makes the page the same on every run.
    igraph.set_random_number_generator(random.Random(0))
    try:
        coords = layout_graph.layout_fruchterman_reingold().coords
    finally:
        igraph.set_random_number_generator(random)
    reach = max((max(abs(x), abs(y)) for x, y in coords), default=1.0) or 1.0
    scale = 60 * math.sqrt(len(nodes)) / reach
    return {node: {"x": x * scale, "y": y * scale} for node, (x, y) in zip(nodes, coords)}


def _options(physics: bool) -> dict:
    return {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            # Long bilingual labels need more room than vis-network's defaults leave.
            "forceAtlas2Based": {"gravitationalConstant": -120, "springLength": 150, "avoidOverlap": 0.4},
            "stabilization": {"iterations": 300},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 11, "align": "middle"},
            # Curves that follow the physics engine; straight lines are far cheaper to draw at scale.
            "smooth": {"type": "dynamic"} if physics else False,
        },
        "nodes": {"font": {"size": 16}},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }


def _node_title(data: dict, type_en: str) -> str:
    lines = [data["label_ar"], data["label_en"] or "", type_en]
    if data["wikidata"]:
        lines.append(f"Wikidata {data['wikidata']}")
    return "\n".join(line for line in lines if line)


def _edge_title(graph: nx.MultiDiGraph, subject: str, obj: str, data: dict) -> str:
    source, target = display_label(graph.nodes[subject]), display_label(graph.nodes[obj])
    heading = f"{source} —{data['predicate']}→ {target}"
    lines = [heading]
    for support in data["support"][:_MAX_EVIDENCE_IN_TOOLTIP]:
        lines += ["", f"«{support.sentence}»", f"{support.article} {support.date}".strip()]
    hidden = len(data["support"]) - _MAX_EVIDENCE_IN_TOOLTIP
    if hidden > 0:
        lines += ["", f"… and {hidden} more"]
    return "\n".join(lines)


def _plain(text: str) -> str:
    """Make text safe to show as a tooltip or label: no markup, and no `href`.

    vis-network sets string tooltips with innerText, but pyvis switches to a template that
    uses innerHTML when any node title contains "href", so that word is broken up too.
    """
    text = text.replace("<", "‹").replace(">", "›")
    return re.sub(r"(?i)(h)(ref)", "\\1\u200b\\2", text)


def _offline(text: str) -> str:
    """Drop the template's references to scripts and stylesheets on the network."""
    text = _EXTERNAL_RESOURCE.sub("", text)
    if _NETWORK_REFERENCE.search(text):
        raise RuntimeError("pyvis's template references a network resource kg does not remove")
    return text


def _legend_html() -> str:
    entries = "".join(
        f'<span style="color:{colour};margin-inline-end:1em">{glyph} '
        f"{html.escape(type_en)} · {html.escape(type_ar)}</span>"
        for colour, _, glyph, type_en, type_ar in _STYLES.values()
    )
    return f'<div id="kg-legend" style="font:14px sans-serif;padding:4px 8px">{entries}</div>'
