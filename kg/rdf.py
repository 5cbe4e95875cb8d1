"""Extractions as N-Quads, one named graph per article, and the export files made from them."""

from __future__ import annotations

import hashlib
import itertools
import json
import queue
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import partial
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, XSD

from kg.files import atomic_file, remove_partial
from kg.types import Document, Entity, Extraction, Relation
from kg.vocab import ARTICLE, ENTITY_CLASSES, EVENT, KG, NIF, PREFIXES, SEM, WD, event_class

_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
# What rdflib refuses to write inside an IRI.
_NOT_IN_IRI = frozenset('<>" {}|\\^`')
_Add = Callable[[str, str, str], None]
# The terms every article writes, as N-Quads writes them.
_TYPE, _LABEL, _SAME_AS = f"<{RDF.type}>", f"<{RDFS.label}>", f"<{OWL.sameAs}>"
_NEWS_ARTICLE, _SOURCE, _HEADLINE = f"<{SDO.NewsArticle}>", f"<{DCTERMS.source}>", f"<{SDO.headline}>"
_PUBLISHED, _URL = f"<{SDO.datePublished}>", f"<{SDO.url}>"
_MENTIONED_IN, _HAS_MENTION, _MENTION = f"<{KG.mentionedIn}>", f"<{KG.hasMention}>", f"<{KG.Mention}>"
_ACTOR, _TARGET, _CONFIDENCE, _NEGATED = f"<{KG.actor}>", f"<{KG.target}>", f"<{KG.confidence}>", f"<{KG.negated}>"
_TRIGGER, _TIME_STAMP, _DERIVED_FROM = f"<{KG.trigger}>", f"<{SEM.hasTimeStamp}>", f"<{PROV.wasDerivedFrom}>"
_ATTRIBUTED_TO, _EVIDENCE, _EVIDENCE_CLASS = f"<{PROV.wasAttributedTo}>", f"<{KG.evidence}>", f"<{KG.Evidence}>"
_BEGIN, _END, _ANCHOR = f"<{NIF.beginIndex}>", f"<{NIF.endIndex}>", f"<{NIF.anchorOf}>"
_SENTENCE, _IN_ARTICLE = f"<{KG.sentenceIndex}>", f"<{KG.inArticle}>"
# Datatype suffixes of typed literals.
_DATE, _ANY_URI = f"^^<{XSD.date}>", f"^^<{XSD.anyURI}>"
_INTEGER, _DECIMAL, _BOOLEAN = f"^^<{XSD.integer}>", f"^^<{XSD.decimal}>", f"^^<{XSD.boolean}>"
# Quads per batch handed to fan_out's consumers, and batches waiting per consumer: 16,384 quads are
# about 9 MB, and fewer, larger batches spare the threads' switches.
_BATCH = 16384
_BATCHES_IN_FLIGHT = 2
_FAILED = object()  # what a feed carries when the stream stopped on an error
# Articles' N-Quads texts waiting for `export_stream`'s thread: a bound on memory, far above what
# the thread falls behind by while workers extract.
_TEXTS_IN_FLIGHT = 256
# The exports made from kg.nq: key -> (file name, format).
_EXPORTS = {
    "turtle": ("kg.ttl", ox.RdfFormat.TURTLE),
    "trig": ("kg.trig", ox.RdfFormat.TRIG),
    "jsonld": ("kg.jsonld", ox.RdfFormat.JSON_LD),
}


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


def article_nquads(extraction: Extraction) -> str:
    """One article's graph (named by `article_iri`) as sorted N-Quads lines, the bytes rdflib would write.

    Raises:
        ValueError: an entity with an unknown type or a malformed Wikidata id, or an id that is no IRI.
    """
    doc = extraction.doc
    article = article_iri(doc.id)
    lines: set[str] = set()
    named = f"<{article}> ."

    def add(subject: str, predicate: str, obj: str) -> None:
        lines.add(f"{subject} {predicate} {obj} {named}")

    _add_article(add, f"<{article}>", doc)
    for entity in extraction.entities:
        _add_entity(add, article, entity)
    for relation in extraction.relations:
        _add_relation(add, article, doc.id, relation)
    # Written as rdflib writes a text to a file: a lone surrogate (from a JSON escape) becomes "?".
    return "".join(f"{line}\n" for line in sorted(lines)).encode("utf-8", "replace").decode("utf-8")


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """The knowledge graph as an rdflib Dataset, one named graph per article (`article_nquads` parsed).

    Returns:
        A Dataset with no blank nodes whose default graph is the union of the articles' graphs.
    """
    # default_union lets SPARQL over the dataset see every article without a GRAPH clause.
    dataset = Dataset(default_union=True)
    _bind_prefixes(dataset)
    dataset.parse(data="".join(article_nquads(extraction) for extraction in extractions), format="nquads")
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """Merge every graph of a dataset into one graph with kg's prefixes."""
    union = Graph()
    _bind_prefixes(union)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        union.add((subject, predicate, obj))
    return union


def write_exports(nquads: Path, out_dir: Path, *readers: Callable[[Iterable[ox.Quad]], object]) -> dict[str, Path]:
    """Write Turtle (graphs merged), TriG and JSON-LD (a graph per article) from N-Quads.

    The file is parsed once: each format's serialiser reads the quads on a thread of its own,
    batch by batch, so memory stays flat whatever the corpus size.

    Args:
        nquads: the knowledge graph as N-Quads, one named graph per article, grouped by graph.
        out_dir: the directory to write into; created when missing.
        readers: more consumers of the same quads, each on a thread of its own.

    Returns:
        The paths, by format: {"nquads": …, "turtle": …, "trig": …, "jsonld": …}.

    Raises:
        SyntaxError: the N-Quads do not parse; no export is replaced.
    """
    fan_out(ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS), [*_export_writers(out_dir).values(), *readers])
    return {**export_paths(out_dir), "nquads": nquads}


@contextmanager
def export_stream(out_dir: Path, *readers: Callable[[Iterable[ox.Quad]], object]) -> Iterator[Callable[[str], None]]:
    """Write kg.nq and its exports (as `write_exports`) from N-Quads handed in while the caller makes more.

    A thread writes kg.nq and parses each text into the quads the serialisers (and `readers`) read,
    so a corpus build writes its outputs while the workers extract, not after them.

    Args:
        out_dir: the directory to write into; created when missing.
        readers: more consumers of the quads, each on a thread of its own.

    Yields:
        A function taking N-Quads text (whole lines, one graph's lines together); the files
        are complete when the block ends. When it ends on an error, no file is replaced.
    """
    for path in export_paths(out_dir).values():  # a killed build's unfinished files
        remove_partial(path)
    texts: queue.Queue = queue.Queue(maxsize=_TEXTS_IN_FLIGHT)
    errors: list[BaseException] = []
    ended = threading.Event()  # the caller's last text was read

    def quads() -> Iterator[ox.Quad]:
        with atomic_file(out_dir / "kg.nq") as nquads:
            while (text := texts.get()) is not None:
                if text is _FAILED:
                    ended.set()
                    raise _StreamFailed("the caller stopped on an error")
                nquads.write(text)
                # Lenient: the texts are `article_nquads`', whose IRIs it checked; checking each again
                # was half the parse (0.8 s of the main process's CPU on the whole corpus).
                yield from ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS, lenient=True)
            ended.set()

    def write() -> None:
        try:
            fan_out(quads(), [*_export_writers(out_dir).values(), *readers])
        except _StreamFailed:
            pass  # the caller raises its own error
        except BaseException as err:  # raised again in the caller's thread
            errors.append(err)
        while not ended.is_set() and texts.get() not in (None, _FAILED):  # the caller is never left waiting
            pass

    thread = threading.Thread(target=write, name="kg-exports")
    thread.start()
    try:
        yield texts.put
    except BaseException:
        texts.put(_FAILED)
        thread.join()
        raise
    texts.put(None)
    thread.join()
    if errors:
        raise errors[0]


def export_paths(out_dir: Path) -> dict[str, Path]:
    """The files `write_exports` and `export_stream` write, by format."""
    return {"nquads": out_dir / "kg.nq", **{key: out_dir / name for key, (name, _) in _EXPORTS.items()}}


def _export_writers(out_dir: Path) -> dict[str, Callable[[Iterable[ox.Quad]], None]]:
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES}
    return {
        key: partial(_serialize, out_dir / name, rdf_format, None if key == "jsonld" else prefixes)
        for key, (name, rdf_format) in _EXPORTS.items()
    }


def fan_out(quads: Iterable[ox.Quad], consumers: list[Callable[[Iterable[ox.Quad]], object]]) -> None:
    """Hand one stream of quads to each consumer, each on a thread of its own, a batch at a time.

    Raises:
        the first error of the stream or of a consumer, after every consumer has stopped; a consumer
        whose stream failed sees the error too (so an atomic file it writes is not replaced).
    """
    feeds = [queue.Queue(maxsize=_BATCHES_IN_FLIGHT) for _ in consumers]
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_consume, args=(consume, feed, errors)) for consume, feed in zip(consumers, feeds)]
    for thread in threads:
        thread.start()
    end = _FAILED
    try:
        quads = iter(quads)
        while batch := list(itertools.islice(quads, _BATCH)):
            for feed in feeds:
                feed.put(batch)
        end = None
    finally:
        for feed in feeds:
            feed.put(end)
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]


class _StreamFailed(Exception):
    """The stream a consumer was reading stopped on an error."""


def _consume(consume: Callable[[Iterable[ox.Quad]], object], feed: queue.Queue, errors: list[BaseException]) -> None:
    def stream() -> Iterator[ox.Quad]:
        while (batch := feed.get()) is not None:
            if batch is _FAILED:
                raise _StreamFailed("the quads stopped on an error")
            yield from batch

    quads = stream()
    try:
        consume(quads)
    except _StreamFailed:
        return
    except BaseException as err:  # handed to fan_out's thread, which raises it
        errors.append(err)
    # Read to the end, so that the stream's producer is never left waiting on a full queue.
    for _ in quads:
        pass


def _serialize(path: Path, rdf_format: ox.RdfFormat, prefixes: dict[str, str] | None, quads: Iterable[ox.Quad]) -> None:
    # Turtle holds one graph: the union of the articles' graphs.
    items = (quad.triple for quad in quads) if rdf_format == ox.RdfFormat.TURTLE else quads
    with atomic_file(path, binary=True) as stream:
        ox.serialize(items, stream, rdf_format, prefixes=prefixes)


def sorted_nquads(dataset: Dataset) -> str:
    """Serialise the named graphs of a dataset as N-Quads, one line per quad, lines sorted.

    Sorted lines make the file a canonical form: the same graphs give the same bytes.
    """
    # Split at "\n" alone: a literal may hold U+2028 or U+0085, which str.splitlines also breaks at.
    lines = dataset.serialize(format="nquads").split("\n")
    return "".join(f"{line}\n" for line in sorted(lines) if line)


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES:
        graph.bind(prefix, namespace, override=True, replace=True)


def _iri(value: str) -> str:
    if _NOT_IN_IRI.intersection(value):
        raise ValueError(f"{value!r} is not an IRI kg can write")
    return f"<{value}>"


def _literal(text: str, suffix: str = "") -> str:
    # rdflib's N-Quads escapes these four characters and writes every other one as it is.
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{escaped}"{suffix}'


def _add_article(add: _Add, article: str, doc: Document) -> None:
    add(article, _TYPE, _NEWS_ARTICLE)
    add(article, _SOURCE, _literal(doc.source))
    if doc.title:
        add(article, _HEADLINE, _literal(doc.title, "@ar"))
    if doc.date:
        add(article, _PUBLISHED, _literal(doc.date, _DATE))
    if doc.url:
        # A literal, not an IRI: input URLs are not checked and may not be valid IRIs.
        add(article, _URL, _literal(doc.url, _ANY_URI))


def _add_entity(add: _Add, article: str, entity: Entity) -> None:
    if entity.type not in ENTITY_CLASSES:
        raise ValueError(f"entity {entity.id} has unknown type {entity.type!r}")
    node = _iri(entity.id)
    add(node, _TYPE, f"<{ENTITY_CLASSES[entity.type]}>")
    add(node, _LABEL, _literal(entity.label_ar, "@ar"))
    if entity.label_en:
        add(node, _LABEL, _literal(entity.label_en, "@en"))
    if entity.wikidata:
        if not _WIKIDATA_ID.fullmatch(entity.wikidata):
            raise ValueError(f"entity {entity.id} has malformed Wikidata id {entity.wikidata!r}")
        add(node, _SAME_AS, f"<{WD[entity.wikidata]}>")
    add(node, _MENTIONED_IN, f"<{article}>")
    for mention in entity.mentions:
        span = f"<{span_iri(article, mention.start, mention.end)}>"
        add(node, _HAS_MENTION, span)
        add(span, _TYPE, _MENTION)
        _add_span(add, article, span, mention.start, mention.end, mention.text, mention.sentence)


def _add_relation(add: _Add, article: str, doc_id: str, relation: Relation) -> None:
    subject, obj = _iri(relation.subject), _iri(relation.object)
    if not relation.negated:
        add(subject, f"<{KG[relation.predicate]}>", obj)
    event = f"<{event_iri(doc_id, relation)}>"
    add(event, _TYPE, f"<{event_class(relation.predicate)}>")
    add(event, _ACTOR, subject)
    add(event, _TARGET, obj)
    # Decimal via str keeps the float's shortest repr (0.85, not 0.84999999999999997779…).
    add(event, _CONFIDENCE, _literal(f"{Decimal(str(relation.confidence)):f}", _DECIMAL))
    add(event, _NEGATED, _literal("true" if relation.negated else "false", _BOOLEAN))
    if relation.trigger:
        add(event, _TRIGGER, _literal(relation.trigger))
    if relation.date:
        add(event, _TIME_STAMP, _literal(relation.date, _DATE))
    add(event, _DERIVED_FROM, f"<{article}>")
    if relation.attributed_to:
        add(event, _ATTRIBUTED_TO, _iri(relation.attributed_to))
    if relation.sentence < 0:
        return  # found in the title: the article's schema:headline is its evidence, no span of the body
    evidence = f"<{span_iri(article, relation.start, relation.end)}>"
    add(event, _EVIDENCE, evidence)
    add(evidence, _TYPE, _EVIDENCE_CLASS)
    _add_span(add, article, evidence, relation.start, relation.end, relation.evidence, relation.sentence)


def _add_span(add: _Add, article: str, span: str, start: int, end: int, text: str, sentence: int) -> None:
    # xsd:integer, not the narrower xsd:nonNegativeInteger: Oxigraph stores derived integer types
    # as xsd:integer, and a graph must come back from the store as it went in.
    add(span, _BEGIN, _literal(str(start), _INTEGER))
    add(span, _END, _literal(str(end), _INTEGER))
    add(span, _ANCHOR, _literal(text))
    add(span, _SENTENCE, _literal(str(sentence), _INTEGER))
    add(span, _IN_ARTICLE, f"<{article}>")
