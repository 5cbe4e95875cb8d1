"""Per-article RDF cost: the N-Quads kg writes now against the rdflib Dataset path of an earlier commit.

Run: .venv/bin/python benchmarks/rdf_bench.py [--articles 400] [--runs 3] [--before 607f84a]
(the first N internationalNews articles of ANT are extracted once, then each path serialises
every article's graph, in turns, `--runs` times; both must give the same bytes)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

from kg.pipeline import Pipeline
from kg.rdf import article_nquads
from kg.read import Problem, read_inputs

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "corpus" / "ant" / "internationalNews"


def module_at(commit: str, path: str) -> types.ModuleType:
    """A module of kg as it was at a commit, loaded from `git show` beside today's."""
    source = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True)
    module = types.ModuleType(f"{Path(path).stem}_at_{commit}")
    exec(compile(source.stdout, f"{commit}:{path}", "exec"), module.__dict__)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", default="607f84a", help="the commit whose kg/rdf.py built an rdflib Dataset")
    args = parser.parse_args()
    old = module_at(args.before, "kg/rdf.py")
    pipeline = Pipeline.load("crf")
    files = [str(path) for path in sorted(ANT.glob("*.txt"))[: args.articles]]
    extractions = [pipeline(doc) for doc in read_inputs(files) if not isinstance(doc, Problem)]
    paths = {
        f"{args.before}: to_dataset + sorted_nquads": lambda x: old.sorted_nquads(old.to_dataset([x])),
        "now: article_nquads": article_nquads,
    }
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in paths}
    outputs = {}
    for _ in range(args.runs):
        for name, write in paths.items():
            started, cpu = time.perf_counter(), time.process_time()
            outputs[name] = [write(extraction) for extraction in extractions]
            timings[name].append((time.perf_counter() - started, time.process_time() - cpu))
    same = sum(a == b for a, b in zip(*outputs.values()))
    print(f"{len(extractions)} articles, {sum(n.count(chr(10)) for n in outputs['now: article_nquads'])} quads; "
          f"identical N-Quads for {same} of {len(extractions)}")
    for name, runs in timings.items():
        wall = [1000 * seconds / len(extractions) for seconds, _ in runs]
        cpu = [1000 * seconds / len(extractions) for _, seconds in runs]
        print(f"{name}: ms per article, wall min {min(wall):.2f} median {statistics.median(wall):.2f}; "
              f"CPU min {min(cpu):.2f} median {statistics.median(cpu):.2f}")
    return 0 if same == len(extractions) else 1


if __name__ == "__main__":
    sys.exit(main())
