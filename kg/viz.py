"""An interactive HTML view of the knowledge graph that works offline, derived from its Dataset."""

from __future__ import annotations

import html
import json
import math
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO

from kg.vocab import ENTITY_CLASSES, KG, NIF, PREDICATES, SEM, WD, event_class

# Colour and shape of each entity type, and the two words of its legend entry.
_STYLES = {
    "PER": ("#4e79a7", "dot", "●", "Person", "شخص"),
    "ORG": ("#f28e2b", "square", "■", "Organization", "منظمة"),
    "LOC": ("#59a14f", "triangle", "▲", "Location", "مكان"),
    "MISC": ("#b07aa1", "diamond", "◆", "Miscellaneous", "كيان آخر"),
}
_UNTYPED = ("#9c9c9c", "dot", "●", "Untyped", "غير مصنف")

# Above this many nodes the browser's physics simulation is too slow to settle.
_MAX_PHYSICS_NODES = 300
_MAX_EVIDENCE_IN_TOOLTIP = 5

# A script or stylesheet fetched from the network: pyvis's template adds Bootstrap this way.
_EXTERNAL_RESOURCE = re.compile(
    r"""<script\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//[^>]*>\s*</script>"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//[^>]*>""",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, order=True)
class Support:
    """One sentence that states a relation drawn as an edge."""

    date: str  # the event's date, else the article's, else ""
    article: str  # the article's headline, else its IRI
    sentence: str


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """Derive the entity graph: a node per entity, an edge per asserted relation.

    Nodes are keyed by entity IRI with attributes type ("PER"… or None), label_ar,
    label_en and wikidata; edges are keyed by predicate with attributes predicate and
    support (a sorted tuple of Support). Negated relations have no edge.

    Args:
        dataset: the knowledge graph, one named graph per article.

    Returns:
        The entity graph.
    """
    union = Graph()
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        union.add((subject, predicate, obj))

    graph = nx.MultiDiGraph()
    for type_code, entity_class in sorted(ENTITY_CLASSES.items()):
        for entity in sorted(union.subjects(RDF.type, entity_class)):
            graph.add_node(str(entity), **_entity_attributes(union, entity, type_code))

    supports = _supports_by_edge(union)
    for predicate in PREDICATES:
        for subject, obj in sorted(union.subject_objects(KG[predicate])):
            for entity in (subject, obj):
                if str(entity) not in graph:
                    graph.add_node(str(entity), **_entity_attributes(union, entity, None))
            graph.add_edge(
                str(subject),
                str(obj),
                key=predicate,
                predicate=predicate,
                support=tuple(sorted(supports[(subject, predicate, obj)])),
            )
    return graph


def write_html(dataset: Dataset, path: Path) -> Path:
    """Write the entity graph as one self-contained HTML page that needs no network.

    Args:
        dataset: the knowledge graph, one named graph per article.
        path: where to write the page.

    Returns:
        `path`.
    """
    graph = to_networkx(dataset)
    network = _to_pyvis(graph)
    page = _offline(network.generate_html(name="graph.html"))
    page = page.replace("<body>", "<body>\n" + _legend_html(), 1)
    _write_atomically(path, page)
    return path


def _entity_attributes(union: Graph, entity: URIRef, type_code: str | None) -> dict:
    labels = defaultdict(list)
    for label in union.objects(entity, RDFS.label):
        if isinstance(label, Literal):
            labels[label.language].append(str(label))
    # The same entity may carry several labels from several articles; take one deterministically.
    wikidata = sorted(
        str(same)[len(WD) :] for same in union.objects(entity, OWL.sameAs) if same.startswith(WD)
    )
    return {
        "type": type_code,
        "label_ar": min(labels["ar"], default=str(entity)),
        "label_en": min(labels["en"], default=None),
        "wikidata": wikidata[0] if wikidata else None,
    }


def _supports_by_edge(union: Graph) -> dict[tuple, list[Support]]:
    supports = defaultdict(list)
    for predicate in PREDICATES:
        for event in union.subjects(RDF.type, event_class(predicate)):
            if union.value(event, KG.negated) == Literal(True):
                continue
            article = union.value(event, PROV.wasDerivedFrom)
            date = union.value(event, SEM.hasTimeStamp) or union.value(article, SDO.datePublished)
            evidence = union.value(event, KG.evidence)
            key = (union.value(event, KG.actor), predicate, union.value(event, KG.target))
            supports[key].append(
                Support(
                    date=str(date or ""),
                    article=str(union.value(article, SDO.headline) or article or ""),
                    sentence=str(union.value(evidence, NIF.anchorOf) or ""),
                )
            )
    return supports


def _to_pyvis(graph: nx.MultiDiGraph) -> Network:
    network = Network(height="90vh", width="100%", directed=True, cdn_resources="in_line")
    # Keep Arabic readable in the page; the template's tojson still escapes < > & '.
    network.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    physics = graph.number_of_nodes() <= _MAX_PHYSICS_NODES
    positions = {} if physics else _positions(graph)
    degrees = dict(graph.degree())
    for node, data in graph.nodes(data=True):
        colour, shape, _, type_en, _ = _STYLES.get(data["type"], _UNTYPED)
        position = positions.get(node, {})
        network.add_node(
            node,
            label=_plain(_label(data)),
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
    layout = nx.spring_layout(graph, seed=0)
    scale = 60 * math.sqrt(graph.number_of_nodes())
    return {node: {"x": float(x * scale), "y": float(y * scale)} for node, (x, y) in layout.items()}


def _options(physics: bool) -> dict:
    return {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "stabilization": {"iterations": 200},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 11, "align": "middle"},
            # Dynamic curves need the physics engine.
            "smooth": {"type": "dynamic" if physics else "continuous"},
        },
        "nodes": {"font": {"size": 16}},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }


def _label(data: dict) -> str:
    if data["label_en"]:
        return f"{data['label_ar']} ({data['label_en']})"
    return data["label_ar"]


def _node_title(data: dict, type_en: str) -> str:
    lines = [data["label_ar"], data["label_en"] or "", type_en]
    if data["wikidata"]:
        lines.append(f"Wikidata {data['wikidata']}")
    return "\n".join(line for line in lines if line)


def _edge_title(graph: nx.MultiDiGraph, subject: str, obj: str, data: dict) -> str:
    heading = f"{_label(graph.nodes[subject])} —{data['predicate']}→ {_label(graph.nodes[obj])}"
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


def _offline(page: str) -> str:
    """Drop the template's references to scripts and stylesheets on the network."""
    page = _EXTERNAL_RESOURCE.sub("", page)
    if re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE):
        raise RuntimeError("pyvis's template references a network resource kg does not remove")
    return page


def _legend_html() -> str:
    entries = "".join(
        f'<span style="color:{colour};margin-inline-end:1em">{glyph} '
        f"{html.escape(type_en)} · {html.escape(type_ar)}</span>"
        for colour, _, glyph, type_en, type_ar in _STYLES.values()
    )
    return f'<div id="kg-legend" style="font:14px sans-serif;padding:4px 8px">{entries}</div>'


def _write_atomically(path: Path, text: str) -> None:
    # A reader never sees half a file: write beside the target, then rename over it.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the page from other users
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
