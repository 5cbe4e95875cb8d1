"""The entity graph as networkx: derived from the Dataset, cut down to a view, exported for Gephi."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO

from kg.vocab import ENTITY_CLASSES, KG, NIF, PREDICATES, SEM, WD, event_class

# Arabic spellings a reader may type either way: vowel marks and tatweel dropped,
# hamza-carrying alefs, alef maqsura and ta marbuta folded as kg's normaliser folds them.
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None}
    | {chr(mark): None for mark in range(0x064B, 0x0653)}
)
_MAX_SUGGESTIONS = 5


class EntityNotFound(LookupError):
    """A name given on the command line names no entity of the graph, or several."""


@dataclass(frozen=True, slots=True, order=True)
class Support:
    """One sentence that states a relation drawn as an edge."""

    date: str  # the event's date, else the article's, else ""
    article: str  # the article's headline, else its IRI
    sentence: str


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """Derive the entity graph: a node per entity, an edge per asserted relation.

    Nodes are keyed by entity IRI with attributes type ("PER"… or None), label_ar,
    label_en and wikidata; edges are keyed by predicate with attributes predicate,
    support (a sorted tuple of Support) and weight (how many sentences support it).
    Negated relations have no edge.

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
            support = tuple(sorted(supports[(subject, predicate, obj)]))
            graph.add_edge(
                str(subject),
                str(obj),
                key=predicate,
                predicate=predicate,
                support=support,
                weight=max(len(support), 1),
            )
    return graph


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
        view = view.subgraph(near).copy()
    if top is not None:
        ranked = sorted(view, key=lambda node: (node != around, -degrees[node], node))
        view = view.subgraph(ranked[:top]).copy()
    return view


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
