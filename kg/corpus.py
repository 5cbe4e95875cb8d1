"""Extract a corpus in parallel into per-article N-Quads: streaming, resumable, incremental."""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import struct
from collections import deque
from itertools import islice
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.camelbert import model_dir, resolve_ner
from kg.files import atomic_file
from kg.nlp import Reading, WordReadings, analysis_version
from kg.read import Problem
from kg.types import Document

_IN_FLIGHT_PER_WORKER = 2  # tasks: enough to keep a worker busy, few enough to bound memory
# Articles a local task takes: fewer round trips between the processes; a dying worker's
# articles are retried one by one, so it still costs only the article that killed it.
_LOCAL_BATCH = 4
_DASK_BATCH = 16
# Beside the articles: the readings of the words analysed (`_WordLog`), named by their version.
_WORDS_FILE = "words-{version}.log"
# A word log holding more words than this many times what the word cache keeps is written again with what it keeps.
_LOG_COMPACTS_PAST = 2
# An article, its graph (or why it failed), and the words its worker analysed for the first time.
Outcome = tuple[Document, "ArticleGraph | str", dict[str, tuple[Reading, ...]]]


@dataclass(frozen=True, slots=True)
class ArticleGraph:
    """One article's graph as N-Quads, with what went into it."""

    doc_id: str
    digest: str  # of the article as read: a changed article is extracted again
    nquads: str
    entities: int
    relations: int
    triples: int


@dataclass(slots=True)
class Summary:
    """What a corpus run did, for the report at its end."""

    articles: int = 0
    reused: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    failures: list[Problem] = field(default_factory=list)

    def add(self, graph: ArticleGraph, reused: bool) -> None:
        self.articles += 1
        self.reused += reused
        self.entities += graph.entities
        self.relations += graph.relations
        self.triples += graph.triples


def digest(doc: Document, ner: str) -> str:
    """A fingerprint of an article and of the kg that extracts it: either changing redoes it.

    Args:
        ner: the NER that runs, "crf" or "camelbert" (see `kg.camelbert.resolve_ner`).
    """
    fields = [_kg_fingerprint(ner), doc.id, doc.body, doc.source, doc.title, doc.date, doc.url]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


@functools.cache
def _kg_fingerprint(ner: str) -> str:
    # The code, lexicons, knowledge base and NER model decide what an article yields; the CRF
    # is in the package, camel-tools' BERT model beside the morphology database.
    digest = hashlib.sha256(ner.encode())
    for folder in [Path(__file__).parent, *([model_dir()] if ner == "camelbert" else [])]:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode())
            with path.open("rb") as stream:  # streamed: the BERT weights are half a gigabyte
                digest.update(hashlib.file_digest(stream, "sha256").digest())
    return digest.hexdigest()


class ArticleCache:
    """Finished articles, one JSON file each, written atomically: a rerun skips them.

    Args:
        folder: where the files live (created when missing).
    """

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, doc_id: str) -> Path:
        # Hashed names: a document id can never leave the folder or clash by case.
        return self.folder / f"{hashlib.sha256(doc_id.encode()).hexdigest()[:32]}.json"

    def get(self, doc: Document, ner: str) -> ArticleGraph | None:
        """Return the stored graph of an unchanged article extracted with this NER, or None."""
        try:
            record = json.loads(self.path(doc.id).read_text(encoding="utf-8"))
            graph = ArticleGraph(**record)
        except (OSError, ValueError, TypeError):
            return None
        return graph if graph.digest == digest(doc, ner) and graph.doc_id == doc.id else None

    def nquads(self, doc_id: str) -> str:
        """The N-Quads of a finished article."""
        return json.loads(self.path(doc_id).read_text(encoding="utf-8"))["nquads"]

    def put(self, graph: ArticleGraph) -> None:
        with atomic_file(self.path(graph.doc_id)) as stream:
            json.dump(asdict(graph), stream, ensure_ascii=False)


@functools.cache
def _pipeline(ner: str):
    """One pipeline per process (and NER): local workers inherit the parent's, Dask workers load their own."""
    from kg.pipeline import Pipeline

    return Pipeline.load(ner)


def load_pipeline(ner: str) -> None:
    """Load this process's pipeline now, not when `build` first needs it (e.g. while the caller opens a store).

    Raises:
        kg.camelbert.MissingModel: when camelbert is asked for and its model is not installed.
    """
    _pipeline(resolve_ner(ner))


def article_graph(doc: Document, ner: str) -> ArticleGraph:
    """Extract one article and serialise its graph (runs in a worker)."""
    from kg.rdf import article_nquads

    extraction = _pipeline(ner)(doc)
    nquads = article_nquads(extraction)
    return ArticleGraph(
        doc_id=doc.id,
        digest=digest(doc, ner),
        nquads=nquads,
        entities=len(extraction.entities),
        relations=len(extraction.relations),
        triples=nquads.count("\n"),
    )


def article_graphs(
    docs: list[Document], ner: str, log: Path | None = None, cache: ArticleCache | None = None
) -> tuple[list[ArticleGraph | str], dict[str, tuple[Reading, ...]]]:
    """Extract a batch of articles; a failure is returned as its one-line reason.

    Args:
        log: the run's `_WordLog` file, if this process can write it (not a Dask worker): the
            words the other processes analysed are read from it first, and those analysed here
            are added to it.
        cache: where each graph is stored as soon as it is made, if anywhere (a local worker
            writes its own articles' files, sparing the main process).
    Returns:
        the graphs (or reasons), and the words analysed for them that the process had not met
        (none when they went to `log`).
    """
    words = _pipeline(ner).analyze.words
    if log is not None:
        _WORD_LOG.read(log, words)
    results: list[ArticleGraph | str] = []
    for doc in docs:
        try:
            graph = article_graph(doc, ner)
        except Exception as err:  # one bad article must not take the batch down
            results.append(f"{doc.source}: {doc.id}: {type(err).__name__}: {err}")
            continue
        if cache is not None:
            cache.put(graph)
        results.append(graph)
    fresh = words.take_fresh()
    if log is not None:
        if fresh:
            _WORD_LOG.write(log, fresh)
        return results, {}
    return results, fresh


class _WordLog:
    """The words a corpus run's processes analysed, in one append-only file beside the articles.

    A word is analysed by one worker, not by each, and a rerun analyses only new words: each
    process adds the words it analysed and reads those the others added, and a run starts with all
    the earlier runs added. Nothing is written after the last article, and a killed run keeps its
    words. The file is named by `analysis_version`, so a stale one is never read.

    A record is the writer's process id and the length of what follows (`_RECORD`), then a pickle
    of {word: readings}. One `os.write` per record on a file opened for appending, so records of two
    workers never mix; a reader stops at a record not yet whole and reads it next time.
    """

    def __init__(self):
        self._path: Path | None = None
        self._offset = 0  # of the first record this process has not read

    def start(self, folder: Path, words: WordReadings) -> Path:
        """Open the run's file in `folder` and read every earlier run's words into `words`; return its path.

        Files of another version are removed, a record a killed run cut short is cut off, and a file
        that holds far more words than `words` keeps is written again with those it keeps.
        """
        path = folder / _WORDS_FILE.format(version=analysis_version()[:16])
        for stale in [*folder.glob(_WORDS_FILE.format(version="*")), folder / "words.pickle"]:  # (an older kg's)
            if stale != path:
                stale.unlink(missing_ok=True)
        path.touch()
        self._path, self._offset = path, 0
        read = self.read(path, words, skip_own=False)
        if read > _LOG_COMPACTS_PAST * max(len(words), 1):
            with atomic_file(path, binary=True) as stream:
                stream.write(self._record(words.analysed()))
            self._offset = path.stat().st_size  # its one record is what `words` holds
        else:
            os.truncate(path, self._offset)
        return path

    def read(self, path: Path, words: WordReadings, skip_own: bool = True) -> int:
        """Add to `words` what the other processes wrote since this process last read; return how many words were read.

        Args:
            skip_own: skip the records of this process id (an earlier run's process may have had it).
        """
        if path != self._path:
            self._path, self._offset = path, 0
        with path.open("rb") as stream:
            stream.seek(self._offset)
            data = stream.read()
        at = read = 0
        while at + _RECORD.size <= len(data):
            writer, size = _RECORD.unpack_from(data, at)
            if at + _RECORD.size + size > len(data):
                break
            if writer != os.getpid() or not skip_own:
                found = pickle.loads(data[at + _RECORD.size : at + _RECORD.size + size])
                words.update(found)
                read += len(found)
            at += _RECORD.size + size
        self._offset += at
        return read

    @classmethod
    def write(cls, path: Path, fresh: dict[str, tuple[Reading, ...]]) -> None:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND)
        try:
            os.write(descriptor, cls._record(fresh))
        finally:
            os.close(descriptor)

    @staticmethod
    def _record(words: dict[str, tuple[Reading, ...]]) -> bytes:
        body = pickle.dumps(words, protocol=pickle.HIGHEST_PROTOCOL)
        return _RECORD.pack(os.getpid(), len(body)) + body


_RECORD = struct.Struct("<II")  # a `_WordLog` record's head: writer's process id, length
_WORD_LOG = _WordLog()  # this process's place in the run's file


def build(
    items: Iterable[Document | Problem],
    cache: ArticleCache,
    jobs: int = 1,
    scheduler: str | None = None,
    on_article: Callable[[], None] = lambda: None,
    ner: str = "auto",
    on_graph: Callable[[str], None] = lambda nquads: None,
) -> tuple[list[str], Summary]:
    """Extract every article not already in the cache; return the ids of those built, in input order.

    Args:
        items: documents (and problems met while reading them), streamed.
        cache: finished articles; new ones are added as they finish.
        jobs: worker processes on this machine (1: in this process).
        scheduler: address of a Dask distributed scheduler to run on instead.
        on_article: called once per article done, for a progress bar.
        ner: "crf", "camelbert" or "auto" (see `kg.camelbert.resolve_ner`); the cache keeps
            what each NER found apart.
        on_graph: called with each built article's N-Quads in input order, as soon as every
            article before it is done, so that the outputs are written while workers extract.
    An article whose id an earlier article of the input has is skipped as a problem.
    The readings of the words analysed are kept in the cache's folder (`_WordLog`) for the next
    run; local workers start with them and with the pipeline loaded here (copy-on-write after fork).
    Raises:
        kg.camelbert.MissingModel: when camelbert is asked for and its model is not installed.
    """
    ner = resolve_ner(ner)  # once here, so that every worker runs the same one
    summary = Summary()
    in_order = _InOrder(on_graph)

    def todo() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Document) and in_order.has(item.id):
                item = Problem(item.source, f"{item.source}: {item.id}: an earlier article has the same id")
            if isinstance(item, Problem):
                summary.failures.append(item)
                on_article()
                continue
            stored = cache.get(item, ner)
            in_order.expect(item.id)
            if stored is not None:
                summary.add(stored, reused=True)
                in_order.done(item.id, stored.nquads)
                on_article()
            else:
                yield item

    if scheduler:
        log = _WORD_LOG.start(cache.folder, WordReadings())  # Dask workers load their own pipelines
        results = _run_dask(todo(), scheduler, ner)
    else:
        log = _WORD_LOG.start(cache.folder, _pipeline(ner).analyze.words)
        _kg_fingerprint(ner)
        results = _run_local(todo(), jobs, ner, cache, log) if jobs > 1 else _run_here(todo(), ner, cache, log)
    for doc, result, fresh in results:
        if fresh:  # a Dask worker's: local processes wrote theirs to the log
            _WORD_LOG.write(log, fresh)
        if isinstance(result, str):
            summary.failures.append(Problem(doc.source, result))
            in_order.done(doc.id, None)
        else:
            if scheduler:  # a Dask worker may be on another machine; local ones stored theirs
                cache.put(result)
            summary.add(result, reused=False)
            in_order.done(doc.id, result.nquads)
        on_article()
    return in_order.built, summary


class _InOrder:
    """Hands the articles' graphs on in input order, each as soon as every article before it is done.

    Args:
        on_graph: called with each graph's N-Quads.
    """

    def __init__(self, on_graph: Callable[[str], None]):
        self.on_graph = on_graph
        self.built: list[str] = []  # the ids handed on
        self._places: dict[str, int] = {}  # id -> place in the input
        self._done: dict[int, tuple[str, str | None]] = {}  # place -> (id, N-Quads or None: failed)
        self._next = 0  # the first place not handed on

    def has(self, doc_id: str) -> bool:
        return doc_id in self._places

    def expect(self, doc_id: str) -> None:
        """The next article of the input."""
        self._places[doc_id] = len(self._places)

    def done(self, doc_id: str, nquads: str | None) -> None:
        """An article finished: its graph's N-Quads, or None when it failed."""
        self._done[self._places[doc_id]] = doc_id, nquads
        while self._next in self._done:
            doc_id, nquads = self._done.pop(self._next)
            self._next += 1
            if nquads is not None:
                self.built.append(doc_id)
                self.on_graph(nquads)


def _run_here(docs: Iterator[Document], ner: str, cache: ArticleCache, log: Path) -> Iterator[Outcome]:
    """Run in this process, storing each graph in `cache` and the words analysed in `log`."""
    for doc in docs:
        results, fresh = article_graphs([doc], ner, log, cache)
        yield doc, results[0], fresh


def _run_local(docs: Iterator[Document], jobs: int, ner: str, cache: ArticleCache, log: Path) -> Iterator[Outcome]:
    """Run on forked worker processes, a few articles a task; a worker that dies costs only the articles it held.

    Each worker stores its articles' graphs in `cache` and the words it analysed in `log` itself.

    After a worker dies, the articles it may have held are retried one at a time, so
    the article that kills its worker is found and reported, and the others finish.
    """
    source = iter(docs)
    retry: deque[Document] = deque()
    retried: set[str] = set()
    # Objects made so far (the pipeline, its word cache) move out of the collector's sight, so
    # that it does not write to their pages and the workers keep sharing them.
    gc.freeze()
    while True:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            running: dict[Future, list[Document]] = {}
            try:
                while True:
                    window = 1 if retry else jobs * _IN_FLIGHT_PER_WORKER
                    while len(running) < window:
                        batch = [retry.popleft()] if retry else list(islice(source, _LOCAL_BATCH))
                        if not batch:
                            break
                        running[pool.submit(article_graphs, batch, ner, log, cache)] = batch
                    if not running:
                        return
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        results, fresh = future.result()  # raises when the worker died
                        yield from _outcomes(running.pop(future), results, fresh)
            except BrokenProcessPool:
                for future, batch in running.items():
                    if future.done() and future.exception() is None:
                        yield from _outcomes(batch, *future.result())
                        continue
                    for doc in batch:
                        if doc.id in retried:
                            yield doc, f"{doc.source}: {doc.id}: its worker process died", {}
                        else:
                            retried.add(doc.id)
                            retry.append(doc)


def _outcomes(batch: list[Document], results: list[ArticleGraph | str], fresh: dict) -> Iterator[Outcome]:
    """A task's articles one by one, the words its worker analysed given with the first."""
    for doc, result in zip(batch, results):
        yield doc, result, fresh
        fresh = {}


def _run_dask(docs: Iterator[Document], scheduler: str, ner: str) -> Iterator[Outcome]:
    """Run on a Dask distributed cluster; each worker loads the pipeline once."""
    from distributed import Client, as_completed

    with Client(scheduler) as client:
        batches = as_completed()
        held: dict = {}
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == _DASK_BATCH:
                future = client.submit(article_graphs, batch, ner, pure=False)
                held[future.key], batch = batch, []
                batches.add(future)
        if batch:
            future = client.submit(article_graphs, batch, ner, pure=False)
            held[future.key] = batch
            batches.add(future)
        for future in batches:
            yield from _outcomes(held.pop(future.key), *future.result())
