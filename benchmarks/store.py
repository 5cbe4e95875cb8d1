"""Build ANT internationalNews into an Oxigraph store and time loading and the ready queries.

Usage:
    .venv/bin/python benchmarks/store.py [CORPUS_DIR] [--store DIR] [--repeat N]

Prints the figures recorded in benchmarks/store.md: articles, triples per article, extraction
and load rates, re-load (replace) time, and each query of ontology/queries/ cold and warm.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.pipeline import Pipeline
from kg.rdf import to_dataset
from kg.read import Problem, read_inputs
from kg.store import article_graphs, open_store, replace_graphs, run_query

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ant" / "internationalNews"
QUERIES = ROOT / "ontology" / "queries"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--store", type=Path, help="store directory (default: a fresh temporary one)")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs per query (default: 5)")
    args = parser.parse_args()
    store_dir = args.store or Path(tempfile.mkdtemp(prefix="kg-store-bench-")) / "store"

    store = open_store(store_dir, create=True)
    started = time.perf_counter()
    pipeline = Pipeline.load()
    print(f"pipeline load: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    docs = [doc for doc in read_inputs([str(args.corpus)]) if not isinstance(doc, Problem)]
    extractions = [pipeline(doc) for doc in docs]
    extract_s = time.perf_counter() - started
    print(f"extraction: {len(docs)} articles in {extract_s:.1f} s ({len(docs) / extract_s:.1f} articles/s)")

    started = time.perf_counter()
    dataset = to_dataset(extractions)
    triples = len(dataset)
    print(f"to_dataset: {triples} triples in {time.perf_counter() - started:.2f} s")
    print(f"triples per article: {triples / len(docs):.1f}")

    for label in ("load into empty store", "re-load (replace every graph)"):
        started = time.perf_counter()
        loaded = replace_graphs(store, dataset)
        load_s = time.perf_counter() - started
        print(f"{label}: {len(loaded)} graphs, {triples} triples in {load_s:.2f} s ({triples / load_s:,.0f} triples/s)")
    assert len(store) == triples and len(article_graphs(store)) == len(docs), "store does not match the dataset"

    # ego.rq is asked about one entity: the best-connected one.
    top = next(iter(run_query(store, (QUERIES / "actors_by_degree.rq").read_text(encoding="utf-8"), {})))[0]
    for path in sorted(QUERIES.glob("*.rq")):
        query = path.read_text(encoding="utf-8")
        bindings = {"entity": top} if path.name == "ego.rq" else {}
        times = []
        for _ in range(args.repeat + 1):
            started = time.perf_counter()
            rows = list(run_query(store, query, bindings))
            times.append(time.perf_counter() - started)
        print(f"query {path.name}{' --bind entity=' + top.n3() if bindings else ''}: {len(rows)} rows, first {times[0] * 1000:.0f} ms, median of next {args.repeat} {statistics.median(times[1:]) * 1000:.0f} ms")
    store.close()

    # The command as a user runs it: a new process that opens the store and prints the table.
    command = [str(Path(sys.executable).parent / "kg"), "query", "--file", str(QUERIES / "actors_by_degree.rq"), "--store", str(store_dir)]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    print(f"kg query --file actors_by_degree.rq (whole process): {time.perf_counter() - started:.2f} s")
    print(f"store: {store_dir} ({sum(p.stat().st_size for p in store_dir.rglob('*') if p.is_file()) / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
