"""Keep article graphs in an embedded Oxigraph store or a SPARQL 1.1 server, and query them."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Identifier, Literal
from rdflib.util import from_n3

from kg.rdf import article_iri
from kg.vocab import PREFIXES


# Quads a bulk load takes at a time. Oxigraph's bulk loader indexes what it is given only once it
# has all of it (or a million quads): the whole ANT corpus (0.97 M quads) in one call left ~10 s of
# CPU for after the last article; in loads of 100,000 it is done while the workers extract.
_BULK_QUADS = 100_000


class StoreError(Exception):
    """A store, endpoint, query or value kg cannot use; the message is one line for the user."""


def open_store(path: Path, create: bool = False) -> Dataset:
    """Open the Oxigraph store in a directory as a Dataset whose default graph unites all graphs.

    Args:
        path: the store's directory.
        create: make a new store when the directory is missing or empty.

    Raises:
        StoreError: when the path is not a store, or is missing and `create` is false.
    """
    check_store_path(path, create)
    # Oxigraph answers queries over the default graph alone unless it is told to use the union.
    store = Dataset(store="Oxigraph", default_union=True)
    try:
        if create:
            path.mkdir(parents=True, exist_ok=True)
        store.open(str(path))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the store ({_first_line(err)})") from err
    for prefix, namespace in PREFIXES:
        store.bind(prefix, namespace, override=True, replace=True)
    return store


def check_store_path(path: Path, create: bool = False) -> None:
    """Raise `open_store`'s StoreError when the path is no store (nor, with `create`, a place for one); opens nothing.

    Opening imports rdflib's SPARQL engine (~0.1 s of CPU), so `kg build` checks the path before its
    first article and opens the store while it extracts.
    """
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a store (a file, not a directory)")
    # RocksDB, Oxigraph's storage, keeps a CURRENT file in every database directory.
    is_store = (path / "CURRENT").is_file()
    if path.is_dir() and any(path.iterdir()) and not is_store:
        raise StoreError(f"{path}: not a store (a directory holding other files)")
    if not is_store and not create:
        raise StoreError(f"{path}: no store here (make one with kg build --store {path})")


def article_graphs(dataset: Dataset) -> list[URIRef]:
    """The names of a dataset's non-empty named graphs, sorted."""
    return sorted(
        graph.identifier
        for graph in dataset.graphs()
        if graph.identifier != DATASET_DEFAULT_GRAPH_ID and len(graph)
    )


def replace_graphs(store: Dataset, dataset: Dataset) -> list[URIRef]:
    """Put each article graph of a dataset into a store, replacing any graph of the same name.

    Args:
        store: an open store, from `open_store`.
        dataset: the graphs to load, as built by `kg.rdf.to_dataset`.

    Returns:
        The names of the graphs loaded.
    """
    names = article_graphs(dataset)
    if not names:
        return names
    for name in names:
        store.remove_graph(name)
    # Oxigraph's own parser with bulk loading: rdflib's N-Quads parser is an order slower.
    store.parse(data=dataset.serialize(format="nquads"), format="ox-nquads", transactional=False)
    return names


def load_nquads(store: Dataset, nquads: Path, names: list[URIRef]) -> None:
    """Load an N-Quads file into a store, replacing the named graphs it holds.

    Args:
        store: an open store, from `open_store`.
        nquads: the articles' graphs, as `kg build` writes them.
        names: the names of the graphs in the file; their old versions are removed first.
    """
    for name in names:
        store.remove_graph(name)
    # Oxigraph's own parser, streaming from the file: rdflib's N-Quads parser is an order slower.
    store.parse(source=str(nquads), format="ox-nquads", transactional=False)


def graph_loader(store: Dataset) -> Callable[[Iterable[ox.Quad]], None]:
    """A reader for `kg.rdf.export_stream`: it loads the articles' quads into a store as they come.

    Each named graph replaces the store's graph of that name: the old version is removed before
    the first quad of the new one goes in. Oxigraph's bulk loader takes the quads while the workers
    extract, `_BULK_QUADS` at a time, so little load is left for after the last article. The load
    is not atomic: a build stopped midway leaves what was loaded so far, and the next build replaces it.

    Args:
        store: an open store, from `open_store`.
    """
    # oxrdflib keeps the pyoxigraph store it wraps as `_inner`, and reads and writes through it itself.
    inner = store.store._inner

    def load(quads: Iterable[ox.Quad]) -> None:
        quads = _replacing(inner, quads)
        while chunk := list(islice(quads, _BULK_QUADS)):
            inner.bulk_extend(chunk)

    return load


def _replacing(inner: ox.Store, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """The quads, each graph's old version removed from the store before the graph's first quad is handed on."""
    seen: set[ox.NamedNode] = set()
    for quad in quads:
        if quad.graph_name not in seen:
            seen.add(quad.graph_name)
            # A fresh store is never written to while the bulk loader fills it.
            if inner.contains_named_graph(quad.graph_name):
                inner.remove_graph(quad.graph_name)
        yield quad


def remove_article(store: Dataset, article_id: str) -> URIRef:
    """Remove an article's graph from a store.

    Returns:
        The name of the graph removed.

    Raises:
        StoreError: when the store holds no graph for that article.
    """
    name = article_iri(article_id)
    if not store.query("ASK { GRAPH ?g { ?s ?p ?o } }", initBindings={"g": name}).askAnswer:
        raise StoreError(f"no article {article_id!r} in the store")
    store.remove_graph(name)
    return name


def export_dataset(store: Dataset) -> Dataset:
    """Copy every graph of a store into an in-memory Dataset, one named graph per article."""
    copy = Dataset(default_union=True)
    for prefix, namespace in PREFIXES:
        copy.bind(prefix, namespace, override=True, replace=True)
    quads = store.quads((None, None, None, None))
    copy.addN((s, p, _plain(o), copy.graph(g)) for s, p, o, g in quads)
    return copy


def store_quads(store: Dataset, predicates: Iterable[str]) -> Iterator[ox.Quad]:
    """The quads of a store with these predicates, as Oxigraph hands them out: no rdflib term is made."""
    # oxrdflib keeps the pyoxigraph store it wraps as `_inner`, and reads and writes through it itself.
    inner = store.store._inner
    for predicate in sorted(predicates):
        yield from inner.quads_for_pattern(None, ox.NamedNode(predicate), None, None)


def _plain(term: Identifier) -> Identifier:
    # "x" and "x"^^xsd:string are one literal in RDF 1.1; Oxigraph hands back the second, but
    # rdflib tells them apart, and kg writes the first.
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def push_graphs(dataset: Dataset, endpoint: str) -> list[URIRef]:
    """PUT each article graph to a SPARQL 1.1 Graph Store endpoint, replacing any of that name.

    Args:
        dataset: the graphs to push, as built by `kg.rdf.to_dataset`.
        endpoint: the Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store for Oxigraph.

    Returns:
        The names of the graphs pushed.

    Raises:
        StoreError: when the endpoint is not an http(s) URL, cannot be reached or refuses a graph.
    """
    names = article_graphs(dataset)
    for name in names:
        body = dataset.graph(name).serialize(format="nt", encoding="utf-8")
        _send("PUT", _graph_url(endpoint, name), body)
    return names


def delete_article(endpoint: str, article_id: str) -> URIRef:
    """DELETE an article's graph from a SPARQL 1.1 Graph Store endpoint.

    Returns:
        The name of the graph deleted.

    Raises:
        StoreError: when the endpoint cannot be reached or holds no graph for that article.
    """
    name = article_iri(article_id)
    _send("DELETE", _graph_url(endpoint, name))
    return name


def bound_value(text: str) -> Identifier:
    """Read a value for a query variable: <IRI>, prefix:name, "text"@lang, a number or a boolean.

    Raises:
        StoreError: when the text is none of these.
    """
    names = Graph()
    for prefix, namespace in PREFIXES:
        names.bind(prefix, namespace, override=True, replace=True)
    try:
        term = from_n3(text, nsm=names.namespace_manager)
    except (KeyError, ValueError, TypeError):
        term = None
    if text.startswith("<") and not text.endswith(">"):
        term = None  # from_n3 would cut the last character off an unclosed <IRI
    # from_n3 reads a bare word as a blank node, which would match anything: refuse it.
    if not isinstance(term, (URIRef, Literal)):
        raise StoreError(f'not an RDF term: {text!r} (write <IRI>, prefix:name or "text")')
    return term


def run_query(store: Dataset, query: str, bindings: Mapping[str, Identifier]) -> Result:
    """Run a SPARQL query over the union of a store's graphs, the bindings given as bound values.

    Raises:
        StoreError: when the query does not parse.
    """
    try:
        return store.query(query, initBindings=dict(bindings))
    except SyntaxError as err:
        raise StoreError(f"query: {_first_line(err)}") from err
    except RuntimeError as err:  # how Oxigraph refuses a binding, e.g. of an unprojected variable
        raise StoreError(f"query: {_first_line(err)}") from err


def format_result(result: Result, fmt: str, store: Dataset) -> str:
    """Render a query result: SELECT as a table, CSV or JSON; ASK as true/false; graphs as Turtle.

    Args:
        result: the result of `run_query`.
        fmt: "table", "csv" or "json".
        store: the store queried, whose prefixes shorten IRIs in tables.
    """
    if result.type not in ("ASK", "SELECT"):
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    if result.type == "ASK":
        return f"{str(result.askAnswer).lower()}\n"
    if fmt == "csv":
        return result.serialize(format="csv").decode("utf-8")
    return _table(result, store)


def _table(result: Result, store: Dataset) -> str:
    # rdflib's own text table sorts the rows, which would undo the query's ORDER BY.
    header = [str(var) for var in result.vars]
    rows = [[_cell(row[var], store) for var in result.vars] for row in result]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    lines = [header, ["-" * width for width in widths], *rows]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() + "\n"
        for line in lines
    )


def _cell(term: Identifier | None, store: Dataset) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return store.namespace_manager.normalizeUri(term)
    return str(term)  # a literal's text: labels, numbers and dates read best bare


def _graph_url(endpoint: str, name: URIRef) -> str:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"{endpoint}: not an http(s) URL")
    return f"{endpoint}{'&' if parts.query else '?'}{urlencode({'graph': str(name)})}"


def _send(method: str, url: str, body: bytes | None = None) -> None:
    headers = {"Content-Type": "application/n-triples"} if body is not None else {}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
    except urllib.error.HTTPError as err:
        raise StoreError(f"{url}: {method} refused (HTTP {err.code} {err.reason})") from err
    except urllib.error.URLError as err:
        raise StoreError(f"{url}: cannot reach the endpoint ({err.reason})") from err


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
