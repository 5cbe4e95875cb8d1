"""The `kg` command: extract, build, view, install-data."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg import camel_db
from kg.camelbert import NER_CHOICES, MissingModel
from kg.files import atomic_file, write_atomically
from kg.lexicon import LexiconError
from kg.read import Problem, ReadError, read_inputs
from kg.terms import PREDICATES
from kg.types import Extraction

if TYPE_CHECKING:
    import pyoxigraph as ox

_VIEW_SUFFIXES = {".html": "html", ".graphml": "graphml", ".gexf": "gexf"}
_STORE_COMMANDS = {"build", "view", "query", "remove"}  # the commands that can raise kg.store.StoreError
_NER_OPTION = {"choices": NER_CHOICES, "default": "auto",
               "help": "statistical NER: the shipped CRF or camel-tools' BERT NER (default auto: camelbert when installed)"}


class ViewError(Exception):
    """A graph file or option `kg view` cannot use; the message is one line for the user."""


DEFAULT_STORE = Path("exports") / "store"
# The project's sibling folder of corpora and data (the checkout's ../shared): `kg install-data`
# and `kg train-ner` read it.
SHARED = Path(__file__).resolve().parents[2] / "shared"
CAMEL_DB_COPY = SHARED / "data" / "camel" / "morphology-msa-r13.db.gz"
# (gold train file, domain, share of its sentences): marking AQMAR as "wiki" cost 2.3 points on
# AQMAR dev and bought nothing on ANERcorp dev, so both are read as news. AQMAR's encyclopedia text
# costs ANERcorp points as it grows (dev slice, CRF: a quarter 0.724, half 0.717, all 0.712) and
# buys AQMAR ones (0.502, 0.561, 0.599): half keeps AQMAR dev above 0.55 (benchmarks/ner.md).
NER_TRAINING = ((SHARED / "data" / "anercorp" / "train.txt", None, 1.0), (SHARED / "data" / "aqmar" / "train.txt", None, 0.5))
NER_UNLABELLED = (SHARED / "corpus" / "ant",)  # word clusters


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description="Arabic news to a knowledge graph.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="write the entities and relations of each article as JSON Lines")
    extract.add_argument("inputs", nargs="*", metavar="INPUT", help=".txt, SGML <DOC>, .jsonl, a directory or - (default: the bundled example)")
    extract.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: standard output)")
    extract.add_argument("--encoding", help="text encoding of the inputs, e.g. cp1256 (default: UTF-8, or UTF-16 with a BOM)")
    extract.add_argument("--ner", **_NER_OPTION)
    build = commands.add_parser("build", help="build the knowledge graph: Turtle, TriG and an offline HTML graph")
    build.add_argument("inputs", nargs="*", metavar="INPUT")
    build.add_argument("-o", "--output", type=Path, default=Path("exports"), help="output folder (default: exports/)")
    build.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="worker processes (default: the number of cores)")
    build.add_argument("--engine", choices=("local", "dask"), default="local", help="run extraction here or on a Dask distributed cluster")
    build.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    build.add_argument("--encoding", help="text encoding of the inputs, e.g. cp1256 (default: UTF-8, or UTF-16 with a BOM)")
    build.add_argument("--store", type=Path, nargs="?", const=DEFAULT_STORE, metavar="DIR", help="also load each article's graph into an Oxigraph store, replacing its old graph (DIR default: exports/store)")
    build.add_argument("--endpoint", metavar="URL", help="also PUT each article's graph to a SPARQL 1.1 Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    build.add_argument("--ner", **_NER_OPTION)
    view = commands.add_parser("view", help="draw part of a built graph as HTML, GraphML or GEXF")
    view.add_argument("graph", nargs="?", type=Path, default=Path("exports") / "kg.trig", metavar="GRAPH", help="a TriG or Turtle file (default: exports/kg.trig)")
    view.add_argument("--store", type=Path, nargs="?", const=DEFAULT_STORE, metavar="DIR", help="read the graph from an Oxigraph store instead (DIR default: exports/store)")
    view.add_argument("--top", type=int, metavar="N", help="keep the N best-connected entities")
    view.add_argument("--around", metavar="ENTITY", help="centre on an entity: IRI, Wikidata id, Arabic or English label")
    view.add_argument("--depth", type=int, default=1, metavar="K", help="hops kept around ENTITY (default: 1)")
    view.add_argument("--predicate", action="append", choices=PREDICATES, default=[], metavar="PREDICATE", help="keep relations of this predicate; repeatable")
    view.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="keep relations stated on or after this date")
    view.add_argument("--until", type=_iso_date, metavar="YYYY-MM-DD", help="keep relations stated on or before this date")
    view.add_argument("--format", choices=("html", "graphml", "gexf"), help="output format (default: from -o's suffix, else html)")
    view.add_argument("-o", "--output", type=Path, help="output file (default: exports/view.html, .graphml or .gexf)")
    install = commands.add_parser("install-data", help="install the CAMeL Tools morphology database and derive its analysis image, common words' readings table, knowledge-base image and common words' CRF features table")
    install.add_argument("--from", dest="local_copy", type=Path, help="a local morphology-msa-r13.db.gz")
    install.add_argument("--offline", action="store_true", help="do not try CAMeL Tools' own installer")
    train_ner = commands.add_parser("train-ner", help="train the NER tagger on the gold train files (rebuilds the shipped model)")
    train_ner.add_argument("-o", "--output", type=Path, help="model folder (default: kg/data/ner, the shipped one)")
    train_ner.add_argument("--seed", type=int, default=13, help="seed of the word clusters and the network (default: 13)")
    evaluate_ner = commands.add_parser("evaluate-ner", help="entity-level P, R, F1 per type on a `token label` BIO file")
    evaluate_ner.add_argument("file", type=Path, metavar="FILE")
    evaluate_ner.add_argument("--tagger-only", action="store_true", help="score analysis + tagger alone, not the whole extract path")
    evaluate_ner.add_argument("--ner", **_NER_OPTION)
    query = commands.add_parser("query", help="run a SPARQL query over every graph of a store")
    query.add_argument("query", nargs="?", help="the query text (or give --file)")
    query.add_argument("--file", type=Path, help="a file holding the query, e.g. ontology/queries/actors_by_degree.rq")
    query.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help="the store (default: exports/store)")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)")
    query.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE", help='a bound value for ?NAME: <IRI>, prefix:name or "text"; repeatable')
    remove = commands.add_parser("remove", help="remove articles' graphs from a store or endpoint")
    remove.add_argument("article_ids", nargs="+", metavar="ARTICLE_ID")
    remove.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help="the store (default: exports/store)")
    remove.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 Graph Store endpoint instead of the store")
    args = parser.parse_args(argv)
    errors_for_user: tuple[type[Exception], ...] = (ReadError, camel_db.MissingDatabase, MissingModel, LexiconError, ViewError)
    if args.command in _STORE_COMMANDS:  # kg.store (Oxigraph) is imported only where it is used: start-up
        from kg.store import StoreError

        errors_for_user += (StoreError,)
    try:
        if args.command == "install-data":
            return _install_data(args.local_copy or CAMEL_DB_COPY, not args.offline)
        if args.command == "train-ner":
            return _train_ner(args.output, args.seed)
        if args.command == "evaluate-ner":
            return _evaluate_ner(args.file, args.tagger_only, args.ner)
        if args.command == "extract":
            return _extract(args.inputs, args.output, args.encoding, args.ner)
        if args.command == "view":
            return _view(args)
        if args.command == "query":
            return _query(args.query, args.file, args.store, args.format, args.bind)
        if args.command == "remove":
            return _remove(args.article_ids, args.store, args.endpoint)
        if args.engine == "dask" and not args.scheduler:
            parser.error("--engine dask needs --scheduler ADDRESS")
        return _build(args, args.store, args.endpoint)
    except errors_for_user as err:
        print(f"kg: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


def _extractions(inputs: list[str], encoding: str | None, failures: list[Problem], ner: str) -> Iterator[Extraction]:
    from kg.pipeline import Pipeline

    pipeline = Pipeline.load(ner)
    items = read_inputs(inputs, encoding)
    if len(inputs) > 1 or any(Path(name).is_dir() for name in inputs):  # one article has no progress bar (nor tqdm's import)
        from tqdm import tqdm

        items = tqdm(items, unit=" articles", disable=None, file=sys.stderr)
    for item in items:
        if isinstance(item, Problem):
            print(f"kg: skipped {item.reason}", file=sys.stderr)
            failures.append(item)
            continue
        yield pipeline(item)


def _install_data(local_copy: Path, use_network: bool) -> int:
    from kg import kb_image
    from kg.lexicon import Lexicon
    from kg.nlp import common_readings_path
    from kg.pipeline import Pipeline
    from kg.tagger import MODEL_DIR, common_features_path

    installed = camel_db.install(local_copy, use_network=use_network)
    Pipeline.load("crf")  # makes the readings table, the knowledge-base image and the CRF features table when missing
    kb_key = kb_image.image_path(Lexicon.load()).name
    print(f"{installed}; readings table {common_readings_path().name}; knowledge-base image {kb_key}; "
          f"CRF features table {common_features_path(MODEL_DIR, kb_key).name}", file=sys.stderr)
    return 0


def _extract(inputs: list[str], output: Path | None, encoding: str | None, ner: str) -> int:
    from kg.pipeline import to_record

    failures: list[Problem] = []
    lines = (json.dumps(to_record(x), ensure_ascii=False) + "\n" for x in _extractions(inputs, encoding, failures, ner))
    if output is None:
        for line in lines:
            sys.stdout.write(line)
    else:
        with atomic_file(output) as stream:
            stream.writelines(lines)
    return 1 if failures else 0


def _build(args: argparse.Namespace, store_path: Path | None, endpoint: str | None) -> int:
    """Extract every article (in parallel, resuming a stopped run) and write the graph."""
    from rdflib import Dataset
    from tqdm import tqdm

    from kg.corpus import ArticleCache, build, load_pipeline
    from kg.rdf import export_paths, export_stream
    from kg.store import check_store_path, push_graphs

    output: Path = args.output
    started = time.monotonic()
    if store_path:  # a path that is not a store fails before the first article, not after the extraction
        check_store_path(store_path, create=True)
    if not args.scheduler:
        load_pipeline(args.ner)
    cache = ArticleCache(output / ".articles")
    # kg.nq and the exports are written, and the store loaded, while the articles are extracted,
    # from each article's graph as it comes in input order; kg.html's entity graph is derived
    # from the same quads, and the page drawn on its thread while the store finishes its load.
    pages: list[str] = []
    stores: list[Dataset] = []
    readers = [lambda quads: pages.append(_page_of(quads))]
    if store_path:
        readers.append(lambda quads: _load_store(store_path, quads, stores))
    with export_stream(output, *readers) as write_graph:
        with tqdm(unit=" articles", file=sys.stderr, disable=None, smoothing=0.1) as bar:
            doc_ids, summary = build(
                read_inputs(args.inputs, args.encoding), cache, args.jobs, args.scheduler,
                on_article=bar.update, ner=args.ner, on_graph=write_graph,
            )
    for problem in summary.failures:
        print(f"kg: skipped {problem.reason}", file=sys.stderr)
    paths = export_paths(output)
    paths["html"] = write_atomically(output / "kg.html", pages[0])
    seconds = time.monotonic() - started
    print(
        f"kg: {summary.articles} articles ({summary.reused} already built), {len(summary.failures)} skipped, "
        f"{summary.entities} entities, {summary.relations} relations, {summary.triples} triples "
        f"in {seconds:.1f} s ({summary.articles / seconds:.1f} articles/s)",
        file=sys.stderr,
    )
    if stores:
        stores[0].close()
        print(f"kg: {len(doc_ids)} article graphs loaded into {store_path}", file=sys.stderr)
    if endpoint:
        for doc_id in doc_ids:  # one article at a time: memory stays flat
            push_graphs(Dataset().parse(data=cache.nquads(doc_id), format="nquads"), endpoint)
        print(f"kg: {len(doc_ids)} article graphs put to {endpoint}", file=sys.stderr)
    for path in paths.values():
        print(path)
    return 1 if summary.failures else 0


def _load_store(path: Path, quads: Iterable[ox.Quad], opened: list) -> None:
    """Open (or make) the store at `path` once the first quads come, and load the build's quads into it.

    Opened here, on the store's thread, not beside the pipeline's load: its imports (rdflib's SPARQL
    engine, ~0.1 s of CPU) held up the load and so the workers' start. The first quads come once an
    article is extracted, when the workers are forked, or taken from an earlier run, when they may
    not be: they import nothing the store does (as for kg.html's networkx, `_page_of`).

    Args:
        opened: the store is appended to it, for the caller to close.
    """
    from kg.store import graph_loader, open_store

    quads = iter(quads)
    first = next(quads, None)
    opened.append(open_store(path, create=True))
    graph_loader(opened[0])(itertools.chain([] if first is None else [first], quads))


def _page_of(quads: Iterable[ox.Quad]) -> str:
    """kg.html of a build's quads: its entity graph drawn as the explorer page."""
    quads = iter(quads)
    # networkx, numpy and igraph are imported, and the page's fixed parts read, once the first quads
    # come: by then the workers extract, and none of it holds up their start or follows the last article.
    first = next(quads, None)
    from kg.network import GraphTables
    from kg.viz import page, prepare

    prepare()

    return page(GraphTables.of_quads(itertools.chain([] if first is None else [first], quads)).graph())


def _query(text: str | None, file: Path | None, store_path: Path, fmt: str, binds: list[str]) -> int:
    from kg.store import StoreError, bound_value, format_result, open_store, run_query

    if (text is None) == (file is None):
        raise StoreError("give either a query or --file FILE")
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as err:
            raise StoreError(f"{file}: cannot read ({err.strerror})") from err
    bindings = {}
    for bind in binds:
        name, equals, value = bind.partition("=")
        if not equals or not name.lstrip("?$"):
            raise StoreError(f"--bind {bind!r}: write NAME=VALUE")
        bindings[name.lstrip("?$")] = bound_value(value)
    store = open_store(store_path)
    sys.stdout.write(format_result(run_query(store, text, bindings), fmt, store))
    store.close()
    return 0


def _remove(article_ids: list[str], store_path: Path, endpoint: str | None) -> int:
    from kg.store import delete_article, open_store, remove_article

    if endpoint:
        for article_id in article_ids:
            print(f"kg: removed {delete_article(endpoint, article_id)}", file=sys.stderr)
        return 0
    store = open_store(store_path)
    for article_id in article_ids:
        print(f"kg: removed {remove_article(store, article_id)}", file=sys.stderr)
    store.close()
    return 0


def _view(args: argparse.Namespace) -> int:
    from kg.network import VIEW_PREDICATES, EntityNotFound, GraphTables, find_entity
    from kg.viz import write_view

    file_format = args.format or _VIEW_SUFFIXES.get(args.output.suffix if args.output else "", "html")
    output = args.output or Path("exports") / f"view.{file_format}"
    if args.store:
        from kg.store import open_store, store_quads

        store = open_store(args.store)
        tables = GraphTables.of_quads(store_quads(store, VIEW_PREDICATES))
        store.close()
        source = args.store
    else:
        tables = _read_tables(args.graph)
        source = args.graph
    # Only the nodes and edges of the view are derived: a few dozen of thousands, for --around.
    try:
        around = find_entity(tables.names(), args.around) if args.around else None
        shown = tables.select(
            predicates=tuple(args.predicate),
            since=args.since,
            until=args.until,
            around=around,
            depth=args.depth,
            top=args.top,
        )
    except EntityNotFound as err:
        raise ViewError(str(err)) from err
    if not shown:
        raise ViewError(f"nothing to draw: no entity of {source} is left by these options")
    output.parent.mkdir(parents=True, exist_ok=True)
    write_view(shown, output, file_format)
    print(f"kg: {shown.number_of_nodes()} entities, {shown.number_of_edges()} relations", file=sys.stderr)
    print(output)
    return 0


def _read_tables(path: Path):
    from kg.network import GRAPH_FORMATS, read_tables

    if path.suffix not in GRAPH_FORMATS:
        raise ViewError(f"{path}: not a graph file (use .trig, .ttl, .nq or .nt)")
    if not path.is_file():
        raise ViewError(f"{path}: no such file (make one with kg build)")
    try:
        return read_tables(path)
    except (SyntaxError, OSError) as err:
        reason = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise ViewError(f"{path}: cannot read the graph ({reason})") from err


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _train_ner(output: Path | None, seed: int) -> int:
    from kg.ner_train import TrainingSettings, train_shipped
    from kg.pipeline import Pipeline
    from kg.tagger import MODEL_DIR

    pipeline = Pipeline.load(ner_model=None)
    folder = train_shipped(pipeline.analyze, pipeline.recognize.kb, NER_TRAINING, NER_UNLABELLED, output or MODEL_DIR,
                           TrainingSettings(seed=seed))
    print(folder)
    return 0


def _evaluate_ner(path: Path, tagger_only: bool, ner: str) -> int:
    """Run each sentence of a gold file as one article and print P, R, F1 per type."""
    from kg.pipeline import Pipeline, record_spans, to_record
    from kg.ner_train import read_conll, score, tagger_spans

    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    pipeline = Pipeline.load(ner)
    if tagger_only:
        spans_of = tagger_spans(pipeline.analyze, pipeline.recognize.tagger)
    else:  # exactly what `kg extract` writes: each entity's type on each of its mentions
        spans_of = lambda doc: record_spans(to_record(pipeline(doc)))
    print(score(read_conll(path), spans_of).table())
    return 0


def run() -> None:
    """The `kg` command's entry point: `main`, then the process ends without tearing down its heap.

    What a command loaded (analysis image, knowledge base, word cache: millions of objects) goes
    with the process: freeing it object by object at exit cost 30-50 ms of a one-article `kg extract`
    (and the collector's passes over it 0.7-1.6 s at a build's end, before `gc.freeze`). Every file
    is closed and every thread joined by then; the standard streams are flushed here, as a normal
    exit would.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # a reader that stopped early (`kg extract | head`)
        code = 120  # what Python's own exit says when it cannot flush
    os._exit(code)


if __name__ == "__main__":
    run()
