"""The timeline of a `kg build`: wall stamps of its start-up, workers and tail, and CPU per process.

Usage: .venv/bin/python benchmarks/build_timeline.py INPUT [-j 2] [--out DIR]

Runs `kg build INPUT -j N -o DIR --store DIR/store` in this process (the real command, progress bar
off), DIR emptied first, and prints, in seconds from the process's start (the kernel's stamp, so the
interpreter's own start and the imports are counted): imports done, pipeline loaded, store open, each
worker forked, its first and last article, the last result in, the exports' and kg.html's end, and the
command's end; then each process's CPU (user + system), minor page faults and words analysed, and each
worker's articles, time inside its tasks and waits between them. Stamps are CLOCK_BOOTTIME, one clock
for every process.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAMPS: list[tuple[float, str]] = []
WORKER: dict = {"pid": 0, "forked": 0.0, "busy": 0.0, "articles": 0, "first": None, "last": None, "analysed": 0,
          "gaps": []}
_WORKER_FILE = "timeline-worker-{pid}.json"
LAST_RESULT = [0.0]  # when the main process took the last article's result


def now() -> float:
    return time.clock_gettime(time.CLOCK_BOOTTIME)


def process_start() -> float:
    """When the kernel started this process, on CLOCK_BOOTTIME (10 ms steps)."""
    fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[19]) / os.sysconf("SC_CLK_TCK")


def stamp(label: str) -> None:
    STAMPS.append((now(), label))


def stamped(label: str, function, before: bool = False):
    """`function`, stamping `label` when it returns (and `label` + " (start)" when called, with `before`)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if before:
            stamp(f"{label} (start)")
        try:
            return function(*args, **kwargs)
        finally:
            stamp(label)

    return wrapper


def instrument(out: Path) -> None:
    """Stamp the parts of a build in this process and, inherited by fork, in its workers."""
    from kg import cli, corpus, nlp, rdf, store

    corpus._pipeline = functools.cache(stamped("pipeline loaded", corpus._pipeline.__wrapped__, before=True))
    store.open_store = stamped("store open", store.open_store, before=True)
    corpus._WordLog.start = stamped("word log read (the earlier runs' words)", corpus._WordLog.start)
    page_of = cli._page_of

    def drawn(quads):  # kg.viz is imported on kg.html's thread, as a build does (not here: numpy, networkx)
        from kg import viz

        viz.page = stamped("kg.html drawn", viz.page, before=True)
        return page_of(quads)

    cli._page_of = drawn
    rdf.fan_out = stamped("exports and store written (fan_out's end)", rdf.fan_out)
    cli.write_atomically = stamped("kg.html written", cli.write_atomically)
    handed_on = corpus._InOrder.done

    def done(self, doc_id, nquads):
        if not LAST_RESULT[0]:
            stamp("main: first result in")
        LAST_RESULT[0] = now()
        return handed_on(self, doc_id, nquads)

    corpus._InOrder.done = done
    pool_class = corpus.ProcessPoolExecutor

    class Pool(pool_class):
        def __init__(self, *args, **kwargs):
            stamp("pool made")
            super().__init__(*args, **kwargs)

    corpus.ProcessPoolExecutor = Pool

    def forked() -> None:
        STAMPS.clear()
        WORKER.update(pid=os.getpid(), forked=now(), busy=0.0, articles=0, first=None, last=None, analysed=0, gaps=[])

    os.register_at_fork(after_in_child=forked)
    analyse = nlp.word_readings

    def word_readings(*args):  # a word analysed (not found in any cache)
        WORKER["analysed"] += 1
        return analyse(*args)

    nlp.word_readings = word_readings
    batch = corpus.article_graphs

    @functools.wraps(batch)  # pickled by name: the workers find this wrapper as kg.corpus.article_graphs
    def article_graphs(docs, *args, **kwargs):
        started = now()
        if WORKER["last"] is not None:
            WORKER["gaps"].append(started - WORKER["last"])
        try:
            return batch(docs, *args, **kwargs)
        finally:
            ended = now()
            WORKER["busy"] += ended - started
            WORKER["articles"] += len(docs)
            WORKER["first"] = WORKER["first"] or started
            WORKER["last"] = ended
            if WORKER["pid"]:  # a worker: its figures so far, for the main process to read at the end
                usage = resource.getrusage(resource.RUSAGE_SELF)
                path = out / _WORKER_FILE.format(pid=WORKER["pid"])
                path.write_text(json.dumps(WORKER | {"user": usage.ru_utime, "system": usage.ru_stime, "faults": usage.ru_minflt}))

    corpus.article_graphs = article_graphs


def build_once(input_path: Path, jobs: int, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    started = process_start()
    from kg import cli

    stamp("imports of kg.cli done")
    instrument(out)
    stamp("instrumented (kg.corpus, kg.rdf, kg.store imported)")
    os.environ["TQDM_DISABLE"] = "1"
    code = cli.main(["build", str(input_path), "-j", str(jobs), "-o", str(out), "--store", str(out / "store")])
    stamp("cli.main returned")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    workers = [json.loads(p.read_text()) for p in sorted(out.glob(_WORKER_FILE.format(pid="*")))]
    lines = [*STAMPS, (LAST_RESULT[0], "main: last result in")]
    for w in workers:
        lines += [(w["forked"], f"worker {w['pid']}: forked"), (w["first"], f"worker {w['pid']}: first task"),
                  (w["last"], f"worker {w['pid']}: last task done")]
    return {"code": code, "start": started, "lines": sorted(lines), "workers": workers, "main_cpu": usage.ru_utime + usage.ru_stime,
            "main_faults": usage.ru_minflt, "analysed": WORKER["analysed"],
            "main_thread_cpu": time.thread_time(), "wall": now() - started}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-build-timeline"))
    args = parser.parse_args()
    run = build_once(args.input, args.jobs, args.out)
    print(f"kg build {args.input} -j {args.jobs}: exit {run['code']}, wall {run['wall']:.2f} s, load {os.getloadavg()[0]:.1f}")
    print("| s from process start | what |\n|---:|---|")
    for t, label in run["lines"]:
        print(f"| {t - run['start']:.2f} | {label} |")
    print(f"\nmain process CPU {run['main_cpu']:.2f} s (main thread {run['main_thread_cpu']:.2f} s, "
          f"its other threads {run['main_cpu'] - run['main_thread_cpu']:.2f} s), {run['main_faults']} minor page faults, "
          f"{run['analysed']} words analysed")
    for w in run["workers"]:
        span = w["last"] - w["forked"]
        print(f"worker {w['pid']}: CPU {w['user'] + w['system']:.2f} s (system {w['system']:.2f}), {w['faults']} minor page "
              f"faults, {w['articles']} articles, {w['analysed']} words analysed, in its tasks {w['busy']:.2f} s of "
              f"{span:.2f} s from fork to its last task's end; waits between tasks: {len(w['gaps'])}, "
              f"{sum(w['gaps']):.2f} s in all, longest {max(w['gaps'], default=0):.3f} s")
    return run["code"]


if __name__ == "__main__":
    sys.exit(main())
