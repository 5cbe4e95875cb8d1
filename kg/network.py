"""The entity graph as networkx: derived from the RDF quads, cut down to a view, exported for Gephi."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO

from kg.vocab import ENTITY_CLASSES, KG, NIF, PREDICATES, SEM, WD, event_class

# Arabic spellings a reader may type either way: vowel marks, dagger alef and tatweel dropped,
# hamza seats, alef maqsura and ta marbuta folded as kg's normaliser folds them.
ARABIC_FOLD = (
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه", "ـ": "", "\u0670": ""}
    | {chr(mark): "" for mark in range(0x064B, 0x0653)}
)
_ARABIC_FOLD = str.maketrans(ARABIC_FOLD)
_RDF_TYPE = str(RDF.type)
_MAX_SUGGESTIONS = 5
# The overview: about this many of the actors in the most events.
OVERVIEW_SIZE = 150
# Quads in these files are read by Oxigraph's parser, many times faster than rdflib's.
GRAPH_FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}
_ENTITY_TYPES = {str(entity_class): code for code, entity_class in ENTITY_CLASSES.items()}
_EVENT_PREDICATES = {str(event_class(predicate)): predicate for predicate in PREDICATES}
_RELATIONS = {str(KG[predicate]): predicate for predicate in PREDICATES}
# Each property the view reads, by the name of the table it fills.
_FIELDS = {
    str(RDFS.label): "label",
    str(OWL.sameAs): "same_as",
    str(KG.hasMention): "mention",
    str(KG.actor): "actor",
    str(KG.target): "target",
    str(KG.negated): "negated",
    str(SEM.hasTimeStamp): "date",
    str(PROV.wasDerivedFrom): "article",
    str(KG.evidence): "evidence",
    # Who reports the event (حسبما ذكرت X), when the graph says so.
    str(PROV.wasAttributedTo): "source",
    str(NIF.anchorOf): "anchor",
    str(SDO.headline): "headline",
    str(SDO.datePublished): "published",
    str(SDO.url): "url",
}
# The predicates the view reads: spans' offsets and sentence numbers, most of the quads, are not among them.
VIEW_PREDICATES = frozenset({_RDF_TYPE} | set(_RELATIONS) | set(_FIELDS))
_VIEW_TERMS = frozenset(f"<{predicate}>".encode() for predicate in VIEW_PREDICATES)


class EntityNotFound(LookupError):
    """A name given on the command line names no entity of the graph, or several."""


@dataclass(frozen=True, slots=True, order=True)
class Support:
    """One sentence that states a relation drawn as an edge."""

    date: str  # the event's date, else the article's, else ""
    article: str  # the article's headline, else its IRI
    sentence: str
    url: str = ""  # the article's address, when the input gave one
    source: str = ""  # the label of who reports the event, when known


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """Derive the entity graph: a node per entity, an edge per asserted relation.

    Nodes are keyed by entity IRI with attributes type ("PER"… or None), label_ar,
    label_en, wikidata and mentions (how many spans name or describe it); edges are keyed
    by predicate with attributes predicate, support (a sorted tuple of Support) and weight
    (how many sentences support it). Negated relations have no edge.

    Args:
        dataset: the knowledge graph, one named graph per article.

    Returns:
        The entity graph.
    """
    return _derive(
        (str(subject), str(predicate), str(obj), getattr(obj, "language", None))
        for subject, predicate, obj, _ in dataset.quads((None, None, None, None))
    )


def read_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph file (.nq, .trig, .ttl, .nt) straight into the entity graph of `to_networkx`.

    Raises:
        ValueError: the file's suffix is none of GRAPH_FORMATS.
        SyntaxError: the file is not valid in its format.
        OSError: the file cannot be read.
    """
    if path.suffix not in GRAPH_FORMATS:
        raise ValueError(f"{path}: not a graph file (use {', '.join(GRAPH_FORMATS)})")
    if path.suffix in (".nq", ".nt"):
        return from_quads(ox.parse(_view_lines(path), format=GRAPH_FORMATS[path.suffix]))
    return from_quads(ox.parse(path=path, format=GRAPH_FORMATS[path.suffix]))


def _view_lines(path: Path) -> bytes:
    """Keep the lines of an N-Quads or N-Triples file whose second term is one the view reads, or may be."""
    # One statement a line: splitting lines is faster than parsing the 45 % of quads (spans) the view drops.
    # A line not plainly "<subject> <predicate> ..." (a quoted triple, a comment, a typo) is kept for the parser to judge.
    with path.open("rb") as lines:
        return b"".join(
            line
            for line in lines
            if len(terms := line.split(None, 2)) < 2
            or terms[1] in _VIEW_TERMS
            or not terms[1].startswith(b"<")
            or terms[0].startswith(b"<<")
        )


def from_quads(quads: Iterable[ox.Quad]) -> nx.MultiDiGraph:
    """Derive the entity graph of `to_networkx` from Oxigraph's quads: a parsed file, a store."""
    return _derive(
        (quad.subject.value, predicate, quad.object.value, getattr(quad.object, "language", None))
        for quad in quads
        if (predicate := quad.predicate.value) in VIEW_PREDICATES
    )


def overview(graph: nx.MultiDiGraph, size: int = OVERVIEW_SIZE) -> list[str]:
    """Pick the actors a corpus overview shows: those in the most events, none left unlinked.

    Entities are ranked by the sentences of their relations; going down the ranking, one is
    kept when it shares an edge with a kept one, else together with its best-ranked neighbour.

    Args:
        graph: the entity graph.
        size: how many entities at most.

    Returns:
        The chosen nodes, best connected first.
    """
    undirected = nx.Graph(graph.to_undirected(as_view=True))
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    degrees = dict(graph.degree(weight="weight"))
    ranked = sorted((node for node in undirected if undirected.degree(node)), key=lambda n: (-degrees[n], n))
    rank = {node: position for position, node in enumerate(ranked)}
    chosen: set[str] = set()
    for node in ranked:
        if len(chosen) >= size:
            break
        if node in chosen:
            continue
        if any(other in chosen for other in undirected[node]):
            chosen.add(node)
        elif len(chosen) + 2 <= size:
            chosen |= {node, min(undirected[node], key=rank.__getitem__)}
    return [node for node in ranked if node in chosen]


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """Find the node that an IRI, a Wikidata id or an Arabic or English label names.

    Args:
        graph: the entity graph.
        name: `https://w3id.org/akg/entity/Q232`, `Q232`, `كازاخستان` or `Kazakhstan`.

    Returns:
        The node's IRI.

    Raises:
        EntityNotFound: when no entity, or more than one, has that name.
    """
    name = name.strip()
    if name in graph:
        return name
    wanted = _fold(name)
    matches = sorted(node for node, data in graph.nodes(data=True) if data["wikidata"] == name)
    if not matches:
        matches = sorted(
            node
            for node, data in graph.nodes(data=True)
            if wanted in (_fold(data["label_ar"]), _fold(data["label_en"] or ""))
        )
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise EntityNotFound(f"{name!r} names {len(matches)} entities: {', '.join(matches)}")
    near = sorted(
        data["label_en"] or data["label_ar"]
        for _, data in graph.nodes(data=True)
        if wanted in _fold(data["label_ar"]) or wanted in _fold(data["label_en"] or "")
    )
    hint = f"; did you mean {', '.join(near[:_MAX_SUGGESTIONS])}?" if near else ""
    raise EntityNotFound(f"no entity is named {name!r}{hint}")


def select(
    graph: nx.MultiDiGraph,
    *,
    predicates: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
    around: str | None = None,
    depth: int = 1,
    top: int | None = None,
) -> nx.MultiDiGraph:
    """Cut the entity graph down to the part a reader asked to see.

    Edges are kept when their predicate is among `predicates` and some supporting sentence is
    dated within [since, until]; then the nodes within `depth` hops of `around`, either
    direction, are kept; then the `top` of those by weighted degree. When edges are filtered,
    entities left with none are dropped.

    Args:
        graph: the entity graph, as made by `to_networkx`.
        predicates: relation predicates to keep (all when empty).
        since: first date to keep, YYYY-MM-DD; undated relations are then dropped.
        until: last date to keep, YYYY-MM-DD; undated relations are then dropped.
        around: a node to centre the view on.
        depth: how many hops from `around` to keep.
        top: how many of the best-connected nodes to keep.

    Returns:
        A new graph; `graph` is left as it was.
    """
    view = nx.MultiDiGraph()
    view.add_nodes_from(graph.nodes(data=True))
    for subject, obj, key, data in graph.edges(keys=True, data=True):
        if predicates and data["predicate"] not in predicates:
            continue
        support = tuple(s for s in data["support"] if _within(s.date, since, until))
        if (since or until) and not support:
            continue
        view.add_edge(subject, obj, key=key, **(data | {"support": support, "weight": max(len(support), 1)}))
    if predicates or since or until:
        view.remove_nodes_from([node for node in list(view) if view.degree(node) == 0 and node != around])
    # Best connected in everything the filters kept, not only near `around`.
    degrees = dict(view.degree(weight="weight"))
    if around is not None:
        if around not in view:
            raise EntityNotFound(f"no entity {around!r} in the graph")
        near = nx.single_source_shortest_path_length(view.to_undirected(as_view=True), around, depth)
        view = induced_subgraph(view, near)
    if top is not None:
        ranked = sorted(view, key=lambda node: (node != around, -degrees[node], node))
        view = induced_subgraph(view, ranked[:top])
    return view


def induced_subgraph(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """The part of a graph on these nodes, as a copy in the graph's own order of nodes and edges."""
    # Not networkx's subgraph view: it follows the order of a set, which changes from run to run
    # with the string hash seed, and the layout, so the page, would change with it.
    keep = set(nodes)
    part = graph.__class__()
    part.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in keep)
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    part.add_edges_from(edge for edge in edges if edge[0] in keep and edge[1] in keep)
    return part


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """Serialise the entity graph as GraphML, with attributes Gephi and yEd can read."""
    return "\n".join(nx.generate_graphml(_flat(graph), prettyprint=True)) + "\n"


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """Serialise the entity graph as GEXF 1.2, Gephi's own format."""
    buffer = io.BytesIO()
    nx.write_gexf(_flat(graph), buffer)
    return buffer.getvalue().decode("utf-8")


def display_label(data: dict) -> str:
    """The Arabic label with the English one beside it: `طهران (Tehran)`."""
    if data["label_en"]:
        return f"{data['label_ar']} ({data['label_en']})"
    return data["label_ar"]


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    # GraphML and GEXF hold only scalar attributes, and no None.
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(
            node,
            label=display_label(data),
            label_ar=data["label_ar"],
            label_en=data["label_en"] or "",
            type=data["type"] or "",
            wikidata=data["wikidata"] or "",
        )
    for subject, obj, key, data in graph.edges(keys=True, data=True):
        dates = sorted(s.date for s in data["support"] if s.date)
        flat.add_edge(
            subject,
            obj,
            key=key,
            label=data["predicate"],
            predicate=data["predicate"],
            weight=data["weight"],
            first_date=dates[0] if dates else "",
            last_date=dates[-1] if dates else "",
            evidence=data["support"][0].sentence if data["support"] else "",
        )
    return flat


def _within(date: str, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    return bool(date) and (not since or date >= since) and (not until or date <= until)


def _fold(text: str) -> str:
    return " ".join(text.translate(_ARABIC_FOLD).casefold().split())


def _derive(statements: Iterable[tuple[str, str, str, str | None]]) -> nx.MultiDiGraph:
    """Build the entity graph from (subject, predicate, object, language) statements of any order."""
    tables: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, str] = {}
    events: dict[str, str] = {}
    asserted: set[tuple[str, str, str]] = set()
    for subject, predicate, obj, language in statements:
        if predicate == _RDF_TYPE:
            if obj in _ENTITY_TYPES:
                types[subject] = _ENTITY_TYPES[obj]
            elif obj in _EVENT_PREDICATES:
                events[subject] = _EVENT_PREDICATES[obj]
        elif predicate in _RELATIONS:
            asserted.add((subject, _RELATIONS[predicate], obj))
        elif predicate in _FIELDS:
            field = _FIELDS[predicate]
            tables[field][subject].add((language, obj) if field == "label" else obj)

    def one(field: str, subject: str | None) -> str:
        # A value repeated in several articles' graphs may differ; take one deterministically.
        return min(tables[field].get(subject, ()), default="")

    def attributes(entity: str) -> dict:
        labels = tables["label"].get(entity, ())
        wikidata = sorted(same[len(WD) :] for same in tables["same_as"].get(entity, ()) if same.startswith(WD))
        return {
            "type": types.get(entity),
            "label_ar": min((text for language, text in labels if language == "ar"), default=entity),
            "label_en": min((text for language, text in labels if language == "en"), default=None),
            "wikidata": wikidata[0] if wikidata else None,
            "mentions": len(tables["mention"].get(entity, ())),
        }

    supports = defaultdict(list)
    for event, predicate in events.items():
        if one("negated", event) == "true":
            continue
        article = one("article", event)
        source = one("source", event)
        supports[(one("actor", event), predicate, one("target", event))].append(
            Support(
                date=one("date", event) or one("published", article),
                article=one("headline", article) or article,
                sentence=one("anchor", one("evidence", event)),
                url=one("url", article),
                source=attributes(source)["label_ar"] if source else "",
            )
        )

    graph = nx.MultiDiGraph()
    for entity, type_code in sorted(types.items(), key=lambda item: (item[1], item[0])):
        graph.add_node(entity, **attributes(entity))
    order = {predicate: rank for rank, predicate in enumerate(PREDICATES)}
    for subject, predicate, obj in sorted(asserted, key=lambda edge: (order[edge[1]], edge[0], edge[2])):
        for entity in (subject, obj):
            if entity not in graph:
                graph.add_node(entity, **attributes(entity))
        support = tuple(sorted(supports[(subject, predicate, obj)]))
        graph.add_edge(subject, obj, key=predicate, predicate=predicate, support=support, weight=max(len(support), 1))
    return graph
