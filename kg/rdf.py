"""Extractions as an rdflib Dataset, one named graph per article, and its export files."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, XSD

from kg.files import atomic_file
from kg.types import Document, Entity, Extraction, Relation
from kg.vocab import ARTICLE, ENTITY_CLASSES, EVENT, KG, NIF, PREFIXES, SEM, WD, event_class

_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


def article_iri(doc_id: str) -> URIRef:
    """The IRI of an article, which also names the article's graph."""
    return ARTICLE[quote(doc_id, safe="")]


def span_iri(article: URIRef, start: int, end: int) -> URIRef:
    """The IRI of the body span [start, end) of an article, as an RFC 5147 fragment."""
    return URIRef(f"{article}#char={start},{end}")


def event_iri(doc_id: str, relation: Relation) -> URIRef:
    """The IRI of the event a relation states: a hash of what tells two statements apart."""
    key = [
        doc_id,
        relation.sentence,
        relation.predicate,
        relation.subject,
        relation.object,
        relation.trigger_start,
    ]
    # JSON keeps the fields apart whatever characters a document id holds.
    digest = hashlib.sha256(json.dumps(key, ensure_ascii=False).encode()).hexdigest()
    return EVENT[digest[:32]]


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """Build the knowledge graph: one named graph per article, named by `article_iri`.

    Args:
        extractions: what kg found in each article.

    Returns:
        A Dataset with no blank nodes, the same quads for the same input.
    """
    # default_union lets SPARQL over the dataset see every article without a GRAPH clause.
    dataset = Dataset(default_union=True)
    _bind_prefixes(dataset)
    for extraction in extractions:
        article = article_iri(extraction.doc.id)
        graph = dataset.graph(article)
        _add_article(graph, article, extraction.doc)
        for entity in extraction.entities:
            _add_entity(graph, article, entity)
        for relation in extraction.relations:
            _add_relation(graph, article, extraction.doc.id, relation)
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """Merge every graph of a dataset into one graph with kg's prefixes."""
    union = Graph()
    _bind_prefixes(union)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        union.add((subject, predicate, obj))
    return union


def write_exports(nquads: Path, out_dir: Path) -> dict[str, Path]:
    """Write Turtle (graphs merged), TriG and JSON-LD (a graph per article) from N-Quads.

    Oxigraph's parser and serialisers stream, so memory stays flat whatever the corpus size.

    Args:
        nquads: the knowledge graph as N-Quads, one named graph per article, grouped by graph.
        out_dir: the directory to write into; created when missing.

    Returns:
        The paths, by format: {"nquads": …, "turtle": …, "trig": …, "jsonld": …}.
    """
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES}
    paths = {"nquads": nquads}
    for key, name, rdf_format in (
        ("turtle", "kg.ttl", ox.RdfFormat.TURTLE),
        ("trig", "kg.trig", ox.RdfFormat.TRIG),
        ("jsonld", "kg.jsonld", ox.RdfFormat.JSON_LD),
    ):
        quads = ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS)
        # Turtle holds one graph: the union of the articles' graphs.
        items = (quad.triple for quad in quads) if key == "turtle" else quads
        paths[key] = out_dir / name
        with atomic_file(paths[key], binary=True) as stream:
            ox.serialize(items, stream, rdf_format, prefixes=None if key == "jsonld" else prefixes)
    return paths


def sorted_nquads(dataset: Dataset) -> str:
    """Serialise the named graphs of a dataset as N-Quads, one line per quad, lines sorted.

    Sorted lines make the file a canonical form: the same graphs give the same bytes.
    """
    lines = dataset.serialize(format="nquads").splitlines()
    return "".join(f"{line}\n" for line in sorted(lines) if line)


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES:
        graph.bind(prefix, namespace, override=True, replace=True)


def _add_article(graph: Graph, article: URIRef, doc: Document) -> None:
    graph.add((article, RDF.type, SDO.NewsArticle))
    graph.add((article, DCTERMS.source, Literal(doc.source)))
    if doc.title:
        graph.add((article, SDO.headline, Literal(doc.title, lang="ar")))
    if doc.date:
        graph.add((article, SDO.datePublished, Literal(doc.date, datatype=XSD.date)))
    if doc.url:
        # A literal, not an IRI: input URLs are not checked and may not be valid IRIs.
        graph.add((article, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))


def _add_entity(graph: Graph, article: URIRef, entity: Entity) -> None:
    if entity.type not in ENTITY_CLASSES:
        raise ValueError(f"entity {entity.id} has unknown type {entity.type!r}")
    node = URIRef(entity.id)
    graph.add((node, RDF.type, ENTITY_CLASSES[entity.type]))
    graph.add((node, RDFS.label, Literal(entity.label_ar, lang="ar")))
    if entity.label_en:
        graph.add((node, RDFS.label, Literal(entity.label_en, lang="en")))
    if entity.wikidata:
        if not _WIKIDATA_ID.fullmatch(entity.wikidata):
            raise ValueError(f"entity {entity.id} has malformed Wikidata id {entity.wikidata!r}")
        graph.add((node, OWL.sameAs, WD[entity.wikidata]))
    graph.add((node, KG.mentionedIn, article))
    for mention in entity.mentions:
        span = span_iri(article, mention.start, mention.end)
        graph.add((node, KG.hasMention, span))
        graph.add((span, RDF.type, KG.Mention))
        _add_span(graph, article, span, mention.start, mention.end, mention.text, mention.sentence)


def _add_relation(graph: Graph, article: URIRef, doc_id: str, relation: Relation) -> None:
    subject, obj = URIRef(relation.subject), URIRef(relation.object)
    if not relation.negated:
        graph.add((subject, KG[relation.predicate], obj))
    event = event_iri(doc_id, relation)
    graph.add((event, RDF.type, event_class(relation.predicate)))
    graph.add((event, KG.actor, subject))
    graph.add((event, KG.target, obj))
    # Decimal via str keeps the float's shortest repr (0.85, not 0.84999999999999997779…).
    graph.add((event, KG.confidence, Literal(Decimal(str(relation.confidence)))))
    graph.add((event, KG.negated, Literal(relation.negated)))
    if relation.trigger:
        graph.add((event, KG.trigger, Literal(relation.trigger)))
    if relation.date:
        graph.add((event, SEM.hasTimeStamp, Literal(relation.date, datatype=XSD.date)))
    graph.add((event, PROV.wasDerivedFrom, article))
    if relation.attributed_to:
        graph.add((event, PROV.wasAttributedTo, URIRef(relation.attributed_to)))
    if relation.sentence < 0:
        return  # found in the title: the article's schema:headline is its evidence, no span of the body
    evidence = span_iri(article, relation.start, relation.end)
    graph.add((event, KG.evidence, evidence))
    graph.add((evidence, RDF.type, KG.Evidence))
    _add_span(
        graph, article, evidence, relation.start, relation.end, relation.evidence, relation.sentence
    )


def _add_span(
    graph: Graph, article: URIRef, span: URIRef, start: int, end: int, text: str, sentence: int
) -> None:
    # xsd:integer, not the narrower xsd:nonNegativeInteger: Oxigraph stores derived integer types
    # as xsd:integer, and a graph must come back from the store as it went in.
    graph.add((span, NIF.beginIndex, Literal(start)))
    graph.add((span, NIF.endIndex, Literal(end)))
    graph.add((span, NIF.anchorOf, Literal(text)))
    graph.add((span, KG.sentenceIndex, Literal(sentence)))
    graph.add((span, KG.inArticle, article))
