"""Start-up of `kg extract` on one article: wall and CPU seconds, min and median, before and after.

Usage: .venv/bin/python benchmarks/startup.py [--before DIR] [--runs 5] [ARTICLE]

`--before DIR` is another checkout of kg (e.g. `git archive 748b6ee | tar -x -C DIR`, with
`.venv` and `data/camel` linked) run with this venv; the two are timed in turns. Python's
bytecode is written (as on an installed kg) and each checkout runs once untimed first, so its
images are made and its modules compiled before the timed runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "kazakhstan_unrest.txt"


def run(checkout: Path, article: Path) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one `kg extract` in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(checkout)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "kg.cli", "extract", str(article), "-o", os.devnull],
                   cwd=checkout, env=env, check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=SEED)
    parser.add_argument("--before", type=Path, help="another kg checkout to time in turn with this one")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    checkouts = [c.resolve() for c in (args.before, ROOT) if c is not None]
    for checkout in checkouts:
        run(checkout, args.article)
    times: dict[Path, list[tuple[float, float]]] = {c: [] for c in checkouts}
    loads = []
    for _ in range(args.runs):
        loads.append(os.getloadavg()[0])
        for checkout in checkouts:
            times[checkout].append(run(checkout, args.article))
    print(f"`kg extract {args.article.name}`, {args.runs} runs each, load average {min(loads):.2f}-{max(loads):.2f}")
    print("| checkout | wall s min / median | CPU s min / median |\n|---|---|---|")
    for checkout, runs in times.items():
        wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
        print(f"| {checkout} | {min(wall):.2f} / {statistics.median(wall):.2f} | {min(cpu):.2f} / {statistics.median(cpu):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
