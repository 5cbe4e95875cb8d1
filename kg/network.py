"""The entity graph as networkx: derived from the RDF quads, cut down to a view, exported for Gephi."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
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
_TYPE_TERM = f"<{_RDF_TYPE}>".encode()
# A span's mentions and words, read only for the entities and evidence a graph shows, and its class, never read.
_ASIDE = {f"<{KG.hasMention}>".encode(): "mention", f"<{NIF.anchorOf}>".encode(): "anchor"}
_SPAN_CLASS_TERMS = tuple(f"<{span}>{space}".encode() for span in (KG.Mention, KG.Evidence) for space in " \t")
# What the N-Quads line filter does with a line, by its predicate term: an unknown one is dropped.
_LINE_ACTIONS = {term: "keep" for term in _VIEW_TERMS} | {_TYPE_TERM: "type"} | _ASIDE


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


Statement = tuple[str, str, str, str | None]  # subject, predicate, object, the object's language


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
    return GraphTables(
        (str(subject), str(predicate), str(obj), getattr(obj, "language", None))
        for subject, predicate, obj, _ in dataset.quads((None, None, None, None))
    ).graph()


def read_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph file (.nq, .trig, .ttl, .nt) straight into the entity graph of `to_networkx`.

    Raises:
        ValueError: the file's suffix is none of GRAPH_FORMATS.
        SyntaxError: the file is not valid in its format.
        OSError: the file cannot be read.
    """
    return read_tables(path).graph()


def read_tables(path: Path) -> GraphTables:
    """Read a graph file (.nq, .trig, .ttl, .nt) into the tables the entity graph, or a part of it, is derived from.

    Raises:
        ValueError: the file's suffix is none of GRAPH_FORMATS.
        SyntaxError: the file is not valid in its format.
        OSError: the file cannot be read.
    """
    if path.suffix not in GRAPH_FORMATS:
        raise ValueError(f"{path}: not a graph file (use {', '.join(GRAPH_FORMATS)})")
    rdf_format = GRAPH_FORMATS[path.suffix]
    if path.suffix in (".nq", ".nt"):
        kept, aside = _view_lines(path)
        return GraphTables(_statements(ox.parse(kept, format=rdf_format)), aside, rdf_format)
    return GraphTables.of_quads(ox.parse(path=path, format=rdf_format))


def _view_lines(path: Path) -> tuple[bytes, dict[str, list[bytes]]]:
    """Split an N-Quads or N-Triples file into the lines the view reads and those of spans it may read.

    Returns:
        The lines whose second term is one the view reads, or may be; and the lines of mentions and
        anchors, by field, set aside to be parsed for the entities and evidence a graph shows.
    """
    # One statement a line: splitting lines is faster than parsing the quads the view drops or sets
    # aside (72 % of an internationalNews kg.nq). A line not plainly "<subject> <predicate> ..." (a
    # quoted triple, a comment, a typo, an escaped IRI) is kept for the parser to judge.
    kept: list[bytes] = []
    aside: dict[str, list[bytes]] = {field: [] for field in _ASIDE.values()}
    with path.open("rb") as lines:
        for line in lines:
            terms = line.split(None, 2)
            action = _LINE_ACTIONS.get(terms[1]) if len(terms) == 3 and not terms[0].startswith(b"<<") else "keep"
            if action is None:
                if not terms[1].startswith(b"<") or b"\\" in terms[1]:
                    kept.append(line)
            elif action == "keep":
                kept.append(line)
            elif action == "type":
                if not terms[2].startswith(_SPAN_CLASS_TERMS):
                    kept.append(line)
            else:
                aside[action].append(line)
    return b"".join(kept), aside


def _statements(quads: Iterable[ox.Quad]) -> Iterator[Statement]:
    return (
        (quad.subject.value, predicate, quad.object.value, getattr(quad.object, "language", None))
        for quad in quads
        if (predicate := quad.predicate.value) in VIEW_PREDICATES
    )


class GraphTables:
    """The statements of a graph the view reads, as tables: the entity graph, or a view's part, derived on demand.

    Read from an N-Quads file, the spans' mentions and anchors (a fifth of kg.nq) are kept as lines,
    parsed only for the entities and evidence a graph shows.
    """

    def __init__(
        self,
        statements: Iterable[Statement],
        aside: dict[str, list[bytes]] | None = None,
        rdf_format: ox.RdfFormat | None = None,
    ):
        """Fill the tables.

        Args:
            statements: (subject, predicate, object, language) of any order.
            aside: N-Quads lines of the fields "mention" and "anchor" not among `statements`.
            rdf_format: the format of the lines set aside.
        """
        self._fields: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        self._types: dict[str, str] = {}
        self._events: dict[str, str] = {}
        self._asserted: set[tuple[str, str, str]] = set()
        self._add(statements)
        self._aside = aside or {}
        self._format = rdf_format
        order = {predicate: rank for rank, predicate in enumerate(PREDICATES)}
        # The entity graph's edges (subject, predicate, object) and nodes, in its order.
        self.edges = sorted(self._asserted, key=lambda edge: (order[edge[1]], edge[0], edge[2]))
        self.nodes = [entity for entity, _ in sorted(self._types.items(), key=lambda item: (item[1], item[0]))]
        named = set(self.nodes)
        for subject, _, obj in self.edges:
            for entity in (subject, obj):
                if entity not in named:
                    named.add(entity)
                    self.nodes.append(entity)
        self._supporting: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for event, predicate in self._events.items():
            if self._one("negated", event) != "true":
                self._supporting[(self._one("actor", event), predicate, self._one("target", event))].append(event)

    @classmethod
    def of_quads(cls, quads: Iterable[ox.Quad]) -> GraphTables:
        """The tables of Oxigraph's quads: a parsed file, a store."""
        return cls(_statements(quads))

    def names(self) -> dict[str, dict]:
        """Each entity's label_ar, label_en and wikidata, in the graph's order: what `find_entity` reads."""
        return {entity: self._names(entity) for entity in self.nodes}

    def graph(self) -> nx.MultiDiGraph:
        """The whole entity graph, as `to_networkx` describes it."""
        return self._derive(self.nodes, [(edge, None) for edge in self.edges])

    def select(self, **options) -> nx.MultiDiGraph:
        """The view `select(self.graph(), **options)` cuts, deriving only the nodes and edges it keeps.

        Raises:
            EntityNotFound: `around` is no entity of the graph.
        """
        edges = [
            (subject, obj, predicate, [self._date(event) for event in self._supporting[(subject, predicate, obj)]])
            for subject, predicate, obj in self.edges
        ]
        nodes, kept = _choose(self.nodes, edges, **options)
        # In the graph's own order of edges, as select copies them: by subject, then by the first edge
        # to each neighbour, then by key.
        position = {node: rank for rank, node in enumerate(self.nodes)}
        first: dict[tuple[str, str], int] = {}
        for index, (subject, obj, *_) in enumerate(edges):
            first.setdefault((subject, obj), index)
        kept.sort(key=lambda item: (position[edges[item[0]][0]], first[edges[item[0]][:2]], item[0]))
        return self._derive(nodes, [(self.edges[index], chosen) for index, chosen in kept])

    def _add(self, statements: Iterable[Statement]) -> None:
        for subject, predicate, obj, language in statements:
            if predicate == _RDF_TYPE:
                if obj in _ENTITY_TYPES:
                    self._types[subject] = _ENTITY_TYPES[obj]
                elif obj in _EVENT_PREDICATES:
                    self._events[subject] = _EVENT_PREDICATES[obj]
            elif predicate in _RELATIONS:
                self._asserted.add((subject, _RELATIONS[predicate], obj))
            elif predicate in _FIELDS:
                field = _FIELDS[predicate]
                self._fields[field][subject].add((language, obj) if field == "label" else obj)

    def _read_aside(self, field: str, subjects: Iterable[str]) -> None:
        """Parse the lines set aside of this field whose subject is one of these (or may be: escaped)."""
        lines = self._aside.get(field)
        if not lines:
            return
        wanted = {f"<{subject}>".encode() for subject in subjects}
        chosen = b"".join(line for line in lines if (term := line.split(None, 1)[0]) in wanted or b"\\" in term)
        self._add(_statements(ox.parse(chosen, format=self._format)))

    def _one(self, field: str, subject: str | None) -> str:
        # A value repeated in several articles' graphs may differ; take one deterministically.
        return min(self._fields[field].get(subject, ()), default="")

    def _date(self, event: str) -> str:
        return self._one("date", event) or self._one("published", self._one("article", event))

    def _names(self, entity: str) -> dict:
        labels = self._fields["label"].get(entity, ())
        wikidata = sorted(same[len(WD) :] for same in self._fields["same_as"].get(entity, ()) if same.startswith(WD))
        return {
            "label_ar": min((text for language, text in labels if language == "ar"), default=entity),
            "label_en": min((text for language, text in labels if language == "en"), default=None),
            "wikidata": wikidata[0] if wikidata else None,
        }

    def _support(self, event: str) -> Support:
        article = self._one("article", event)
        source = self._one("source", event)
        return Support(
            date=self._date(event),
            article=self._one("headline", article) or article,
            sentence=self._one("anchor", self._one("evidence", event)),
            url=self._one("url", article),
            source=self._names(source)["label_ar"] if source else "",
        )

    def _derive(
        self, nodes: list[str], edges: list[tuple[tuple[str, str, str], list[int] | None]]
    ) -> nx.MultiDiGraph:
        """The graph of these nodes and edges, each edge with its sentences (all, or those at these indices)."""
        self._read_aside("mention", nodes)
        self._read_aside("anchor", (self._one("evidence", event) for edge, _ in edges for event in self._supporting[edge]))
        graph = nx.MultiDiGraph()
        for entity in nodes:
            graph.add_node(
                entity,
                type=self._types.get(entity),
                **self._names(entity),
                mentions=len(self._fields["mention"].get(entity, ())),
            )
        for (subject, predicate, obj), chosen in edges:
            events = self._supporting[(subject, predicate, obj)]
            picked = events if chosen is None else [events[index] for index in chosen]
            support = tuple(sorted(self._support(event) for event in picked))
            graph.add_edge(subject, obj, key=predicate, predicate=predicate, support=support, weight=max(len(support), 1))
        return graph


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
    # From the edges alone: most entities of a corpus have none (17,447 of 20,854 on the whole ANT),
    # and converting the whole graph cost more than the rest of the choice.
    undirected = nx.Graph((subject, obj) for subject, obj in graph.edges() if subject != obj)
    degrees = {node: graph.degree(node, weight="weight") for node in undirected}
    ranked = sorted(undirected, key=lambda n: (-degrees[n], n))
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


def find_entity(entities: Mapping[str, dict], name: str) -> str:
    """Find the node that an IRI, a Wikidata id or an Arabic or English label names.

    Args:
        entities: each entity's attributes label_ar, label_en and wikidata, by IRI: a graph's
            `nodes`, or `GraphTables.names()`.
        name: `https://w3id.org/akg/entity/Q232`, `Q232`, `كازاخستان` or `Kazakhstan`.

    Returns:
        The node's IRI.

    Raises:
        EntityNotFound: when no entity, or more than one, has that name.
    """
    name = name.strip()
    if name in entities:
        return name
    wanted = _fold(name)
    matches = sorted(node for node, data in entities.items() if data["wikidata"] == name)
    if not matches:
        matches = sorted(
            node
            for node, data in entities.items()
            if wanted in (_fold(data["label_ar"]), _fold(data["label_en"] or ""))
        )
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise EntityNotFound(f"{name!r} names {len(matches)} entities: {', '.join(matches)}")
    near = sorted(
        data["label_en"] or data["label_ar"]
        for data in entities.values()
        if wanted in _fold(data["label_ar"]) or wanted in _fold(data["label_en"] or "")
    )
    hint = f"; did you mean {', '.join(near[:_MAX_SUGGESTIONS])}?" if near else ""
    raise EntityNotFound(f"no entity is named {name!r}{hint}")


def select(graph: nx.MultiDiGraph, **options) -> nx.MultiDiGraph:
    """Cut the entity graph down to the part a reader asked to see (the options are those of `_choose`).

    Args:
        graph: the entity graph, as made by `to_networkx`.

    Returns:
        A new graph, in the graph's own order of nodes and edges; `graph` is left as it was.

    Raises:
        EntityNotFound: `around` is no entity of the graph.
    """
    edges = list(graph.edges(keys=True, data=True))
    nodes, kept = _choose(
        list(graph), [(subject, obj, data["predicate"], [s.date for s in data["support"]]) for subject, obj, _, data in edges], **options
    )
    view = nx.MultiDiGraph()
    view.add_nodes_from((node, graph.nodes[node]) for node in nodes)
    for index, chosen in kept:
        subject, obj, key, data = edges[index]
        support = tuple(data["support"][position] for position in chosen)
        view.add_edge(subject, obj, key=key, **(data | {"support": support, "weight": max(len(support), 1)}))
    return view


def _choose(
    nodes: list[str],
    edges: list[tuple[str, str, str, list[str]]],
    *,
    predicates: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
    around: str | None = None,
    depth: int = 1,
    top: int | None = None,
) -> tuple[list[str], list[tuple[int, list[int]]]]:
    """Choose the nodes, edges and supporting sentences of a view.

    Edges are kept when their predicate is among `predicates` and some supporting sentence is
    dated within [since, until]; then the nodes within `depth` hops of `around`, either
    direction, are kept; then the `top` of those by weighted degree. When edges are filtered,
    entities left with none are dropped.

    Args:
        nodes: the graph's nodes, in its order.
        edges: (subject, object, predicate, the dates of its supporting sentences) of each edge.
        predicates: relation predicates to keep (all when empty).
        since: first date to keep, YYYY-MM-DD; undated relations are then dropped.
        until: last date to keep, YYYY-MM-DD; undated relations are then dropped.
        around: a node to centre the view on.
        depth: how many hops from `around` to keep.
        top: how many of the best-connected nodes to keep.

    Returns:
        The nodes kept, in the graph's order, and (index in `edges`, indices of the sentences kept)
        of each edge kept, in the order of `edges`.

    Raises:
        EntityNotFound: `around` is no entity of the graph.
    """
    kept = []
    for index, (_, _, predicate, dates) in enumerate(edges):
        if predicates and predicate not in predicates:
            continue
        chosen = [position for position, date in enumerate(dates) if _within(date, since, until)]
        if (since or until) and not chosen:
            continue
        kept.append((index, chosen))
    # Best connected in everything the filters kept, not only near `around`.
    degrees: dict[str, int] = defaultdict(int)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for index, chosen in kept:
        subject, obj = edges[index][:2]
        degrees[subject] += max(len(chosen), 1)
        degrees[obj] += max(len(chosen), 1)
        neighbours[subject].add(obj)
        neighbours[obj].add(subject)
    filtered = bool(predicates or since or until)
    shown = [node for node in nodes if not filtered or node in degrees or node == around]
    if around is not None:
        if around not in shown:
            raise EntityNotFound(f"no entity {around!r} in the graph")
        near, frontier = {around}, {around}
        for _ in range(depth):
            frontier = {other for node in frontier for other in neighbours[node]} - near
            near |= frontier
        shown = [node for node in shown if node in near]
    if top is not None:
        best = set(sorted(shown, key=lambda node: (node != around, -degrees[node], node))[:top])
        shown = [node for node in shown if node in best]
    keep = set(shown)
    return shown, [(index, chosen) for index, chosen in kept if edges[index][0] in keep and edges[index][1] in keep]


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
