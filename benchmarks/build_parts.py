"""Where a `kg build` spends its time outside the per-article pipeline: main process and workers.

Usage: .venv/bin/python benchmarks/build_parts.py INPUT [-j 2] [--out DIR]

Runs `kg build INPUT -j N -o DIR --store DIR/store` in this process (the real command, progress bar
off) with a timer around each part; workers time their own parts and leave them in DIR. Parts are
CPU seconds of the thread that runs them (the shared machine's other work inflates wall time far
more), nested parts are inside their parent. "other threads" is the main process's CPU outside its
main thread: the executor's thread that pickles tasks and unpickles results, the store's loader and
the export writers; the "thread:" rows are parts of it, each timed on its own thread (the store's
row is the Python thread's: Oxigraph's bulk loader works on threads of its own, counted only in
"other threads"). Timers cost a little themselves. DIR is emptied first. The first line also gives
the wall time after the last article's result came in: what no worker overlaps (the exports' and
the store's last batch, kg.html).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_WORKER_FILE = "parts-worker-{pid}.json"
_ADDING = threading.Lock()  # timers of several threads add to SPENT
LAST_ARTICLE = [0.0]  # when the last article's result came in (wall clock)


def timed(stage: str, function, clock=time.thread_time):
    """`function` with the CPU time of its thread added to SPENT[stage]; nested calls of one stage count once."""
    depth = threading.local()  # the export writers run one stage on three threads at once

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        depth.n = getattr(depth, "n", 0) + 1
        started = clock()
        try:
            return function(*args, **kwargs)
        finally:
            depth.n -= 1
            if depth.n == 0:
                spent = clock() - started
                with _ADDING:
                    SPENT[stage] += spent
                    CALLS[stage] += 1

    return wrapper


def timed_iterator(stage: str, function):
    """A generator function whose every step is timed as `stage`."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        items = function(*args, **kwargs)
        while True:
            started = time.thread_time()
            try:
                item = next(items)
            except StopIteration:
                SPENT[stage] += time.thread_time() - started
                return
            SPENT[stage] += time.thread_time() - started
            yield item

    return wrapper


def instrument(out: Path) -> None:
    """Put timers around the parts of a build, in this process and (inherited by fork) in its workers."""
    import concurrent.futures.process as process

    from kg import cli, corpus, network, nlp, pipeline, rdf, store, viz
    main_pid = os.getpid()

    # Main process.
    corpus._pipeline = functools.cache(timed("main: pipeline load", corpus._pipeline.__wrapped__))
    corpus._WordLog.start = timed("main: word log read (the earlier runs' words)", corpus._WordLog.start)
    corpus._WordLog.write = classmethod(timed("worker/main: word log written", corpus._WordLog.write.__func__))
    corpus.WordReadings.update = timed("worker/main: word cache merge (main: the earlier runs' words; worker: the others')", nlp.WordReadings.update)
    cli.read_inputs = timed_iterator("main: reading articles", cli.read_inputs)
    corpus.ArticleCache.get = timed("main: article cache look-up", corpus.ArticleCache.get)
    corpus.wait = timed("main: waiting for workers", corpus.wait)
    store.open_store = timed("main: store opened", store.open_store)
    viz.page = timed("thread: kg.html drawn (entity graph, layouts, page)", viz.page)
    # The threads beside the main one, each timed on its own thread.
    handed_on = corpus._InOrder.done

    def done(self, doc_id, nquads):
        LAST_ARTICLE[0] = time.perf_counter()
        return handed_on(self, doc_id, nquads)

    corpus._InOrder.done = done
    rdf.fan_out = timed("thread: kg.nq written, articles' N-Quads parsed and handed on", rdf.fan_out)
    rdf._serialize = timed("thread: exports serialised (Turtle, TriG, JSON-LD)", rdf._serialize)
    network.GraphTables.of_quads = classmethod(timed("thread: kg.html's tables", network.GraphTables.of_quads.__func__))
    make_loader = store.graph_loader
    store.graph_loader = lambda dataset: timed("thread: store load (Oxigraph's own threads not counted)", make_loader(dataset))

    # Workers (and -j 1, where the main process is the worker).
    forked: list[int] = []

    def worker_part(stage, function):
        timer = timed(stage, function)

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            if os.getpid() != main_pid and not forked:  # a new worker: forget the parent's figures
                SPENT.clear()
                CALLS.clear()
                forked.append(os.getpid())
            try:
                return timer(*args, **kwargs)
            finally:
                if os.getpid() != main_pid and stage == "worker: article batch":
                    _dump(out / _WORKER_FILE.format(pid=os.getpid()))

        return wrapper

    corpus.article_graphs = worker_part("worker: article batch", corpus.article_graphs)
    pipeline.Pipeline.__call__ = timed("worker: · pipeline", pipeline.Pipeline.__call__)
    rdf.article_nquads = timed("worker: · N-Quads", rdf.article_nquads)
    corpus.ArticleCache.put = timed("worker/main: article files written", corpus.ArticleCache.put)
    corpus.digest = timed("worker/main: digest", corpus.digest)
    process._sendback_result = timed("worker: result pickled and sent", process._sendback_result)


def _dump(path: Path) -> None:
    own = os.times()
    path.write_text(json.dumps({"spent": SPENT, "calls": CALLS, "cpu": own.user + own.system}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-build-parts"))
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    from kg import cli  # imports timed as start-up

    imports = time.process_time() - started_cpu
    instrument(args.out)  # imports the modules it times, kg.network and kg.viz (networkx, numpy) among them
    imports_timed = time.process_time() - started_cpu - imports
    os.environ["TQDM_DISABLE"] = "1"
    main_thread = time.thread_time()
    code = cli.main(["build", str(args.input), "-j", str(args.jobs), "-o", str(args.out), "--store", str(args.out / "store")])
    main_thread = time.thread_time() - main_thread
    ended = time.perf_counter()
    wall, cpu = ended - started_wall, time.process_time() - started_cpu
    children = os.times()
    articles = sum(1 for _ in args.out.joinpath(".articles").glob("*.json"))
    print(f"kg build {args.input} -j {args.jobs}: exit {code}, {articles} articles, wall {wall:.2f} s, "
          f"main process CPU {cpu:.2f} s, workers' CPU {children.children_user + children.children_system:.2f} s, "
          f"wall after the last article {ended - LAST_ARTICLE[0]:.2f} s, load {os.getloadavg()[0]:.1f}")
    rows = [("main: imports (kg.cli)", imports, 1),
            ("main: imports of the modules timed (the pipeline's; kg.network and kg.viz, which a build imports on kg.html's thread)", imports_timed, 1),
            ("main: other threads (executor, store, exports)", cpu - imports - imports_timed - main_thread, 1)]
    rows += [(stage, SPENT[stage], CALLS[stage]) for stage in sorted(SPENT)]
    workers = [json.loads(p.read_text()) for p in args.out.glob(_WORKER_FILE.format(pid="*"))]
    totals: dict[str, float] = defaultdict(float)
    for worker in workers:
        for stage, seconds in worker["spent"].items():
            totals[stage] += seconds
        totals["worker: process CPU (all)"] += worker["cpu"]
    rows += [(stage, seconds, 0) for stage, seconds in sorted(totals.items())]
    print(f"| part | CPU s | ms per article ({articles}) |")
    print("|---|---:|---:|")
    for stage, seconds, _ in rows:
        print(f"| {stage} | {seconds:.2f} | {seconds * 1000 / max(articles, 1):.2f} |")
    return code


if __name__ == "__main__":
    sys.exit(main())
