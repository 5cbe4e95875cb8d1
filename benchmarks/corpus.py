"""Throughput and peak memory of `kg build` on the ANT corpus, at 1 and 2 worker processes.

Usage: .venv/bin/python benchmarks/corpus.py [--sizes 100 1000 all] [--jobs 1 2] [--out benchmarks/results.md]

Each run builds into a fresh folder (nothing reused) and loads the Oxigraph store, so the
time is end to end: reading, analysis, extraction, RDF, exports, store. Peak RSS is the
largest resident set of any one process of the run (the parent or a worker).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "corpus" / "ant"
KG = ROOT / ".venv" / "bin" / "kg"

# Runs `kg build` as a child and reports the child's peak RSS (ru_maxrss of the largest
# descendant that was waited for: the parent or one worker).
_MEASURE = """
import json, resource, subprocess, sys, time
started = time.monotonic()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.monotonic() - started
print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "code": done.returncode, "summary": [l for l in done.stderr.splitlines() if " articles (" in l]}))
"""


def corpus_files() -> list[Path]:
    return sorted(ANT.rglob("*.txt"))


def words(files: list[Path]) -> int:
    return sum(len(path.read_text(encoding="utf-8", errors="replace").split()) for path in files)


def run(files: list[Path], jobs: int, work: Path) -> dict:
    inputs = work / "in"
    inputs.mkdir()
    for path in files:  # one folder of links: the command line stays short for 10,161 files
        (inputs / f"{path.parent.name}-{path.name}").symlink_to(path)
    command = [str(KG), "build", str(inputs), "-j", str(jobs), "-o", str(work / "out"), "--store", str(work / "store")]
    measured = json.loads(subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True).stdout)
    measured["command"] = " ".join(["kg", *command[1:]])
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["100", "1000", "all"])
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    every = corpus_files()
    rows = []
    for size in args.sizes:
        files = every if size == "all" else every[:: max(1, len(every) // int(size))][: int(size)]
        count = words(files)
        for jobs in args.jobs:
            with tempfile.TemporaryDirectory() as work:
                result = run(files, jobs, Path(work))
            rows.append((len(files), jobs, result, count))
            print(f"{len(files)} articles, -j {jobs}: {result['seconds']:.1f} s, {len(files) / result['seconds']:.1f} articles/s, "
                  f"{count / result['seconds']:.0f} words/s, peak RSS {result['rss_mb']:.0f} MB", file=sys.stderr)
    lines = [
        "# Corpus build throughput",
        "",
        f"`{' '.join(['.venv/bin/python', 'benchmarks/corpus.py', *sys.argv[1:]])}` on {platform.node()}, "
        f"{time.strftime('%Y-%m-%d')}: {len(every)} ANT articles available; a sample of N is every (total/N)-th file.",
        "",
        "| articles | -j | seconds | articles/s | words/s | peak RSS of one process (MB) | exit |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, jobs, result, count in rows:
        lines.append(f"| {n} | {jobs} | {result['seconds']:.1f} | {n / result['seconds']:.1f} | {count / result['seconds']:.0f} "
                     f"| {result['rss_mb']:.0f} | {result['code']} |")
    lines += ["", "Commands (each into a fresh temporary folder):", ""]
    lines += [f"- `{result['command']}`" for _, _, result, _ in rows]
    lines += ["", "Summaries printed by kg:", ""]
    lines += [f"- {line}" for _, _, result, _ in rows for line in result["summary"]]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
