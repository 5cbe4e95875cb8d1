"""What `kg view` and the output part of `kg build` cost, stage by stage, before and after.

Usage: .venv/bin/python benchmarks/build_stages.py BUILD [--input INPUT] [--before DIR] [--runs 5]
       [--around "Donald Trump"] [--top 40]

BUILD is a folder `kg build INPUT -o BUILD` wrote (its kg.nq and .articles cache). `--before DIR` is
another checkout of kg (e.g. /work/main) run with this venv; each figure is measured for it and for
this checkout in the same run, alternating. Measured, min / median over the runs:
- `kg view BUILD/kg.nq --around NAME` and `--top N`, wall clock and CPU of the command (the pages
  of the two checkouts must be byte-identical);
- the output stages in one process, wall clock: `write_exports` (kg.ttl, kg.trig, kg.jsonld),
  kg.html (`read_graph` + `write_view`), the store (`load_nquads` into a fresh store), and the
  output part as `kg build` runs it (`kg.cli.write_outputs`; a checkout without it ran the three
  one after another, so their sum);
- with --input, the whole output part as a user meets it: `kg build INPUT -j 1 --store` into a
  copy of an article cache the checkout made of INPUT first (every article already built, so only
  start-up, reading the cache and the fixed costs remain), wall clock and CPU; the outputs of the
  two checkouts must be byte-identical. The cache is the checkout's own: its key hashes kg's code,
  so kg/ must not change while the benchmark runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
OUTPUTS = ("kg.nq", "kg.ttl", "kg.trig", "kg.jsonld", "kg.html")
# Each stage alone, in a fresh interpreter of the checkout, as `kg build` runs it after extraction.
STAGES = """
import json, sys, time
from pathlib import Path
from kg.network import read_graph
from kg.rdf import write_exports
from kg.store import load_nquads, open_store
from kg.viz import write_view

nquads, out = Path(sys.argv[1]), Path(sys.argv[2])
def seconds(do):
    started = time.perf_counter()
    do()
    return time.perf_counter() - started
store = open_store(out / "store", create=True)
times = {
    "exports": seconds(lambda: write_exports(nquads, out)),
    "html": seconds(lambda: write_view(read_graph(nquads), out / "kg.html")),
    "store": seconds(lambda: load_nquads(store, nquads, [])),
}
store.close()
try:  # the output part as `kg build` runs it, where the checkout has it in one function
    from kg.cli import write_outputs
except ImportError:
    times["output part (exports + html + store)"] = sum(times.values())
else:
    store = open_store(out / "store2", create=True)
    times["output part (exports + html + store)"] = seconds(lambda: write_outputs(nquads, out, store, []))
    store.close()
print(json.dumps(times))
"""


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def run(command: list[str], checkout: Path) -> tuple[float, float]:
    """Seconds of wall clock and of CPU (user + system, all its threads) a command of a checkout takes."""
    started, cpu = time.monotonic(), _children_cpu()
    subprocess.run([str(PYTHON), *command], cwd=checkout, env=dict(os.environ, PYTHONPATH=str(checkout)),
                   check=True, capture_output=True)
    return time.monotonic() - started, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stages(nquads: Path, checkout: Path, work: Path) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(dir=work))
    done = subprocess.run([str(PYTHON), "-c", STAGES, str(nquads), str(out)], cwd=checkout,
                          env=dict(os.environ, PYTHONPATH=str(checkout)), check=True, capture_output=True, text=True)
    shutil.rmtree(out)
    return json.loads(done.stdout.splitlines()[-1])


def rebuild(source: Path, cache: Path, checkout: Path, out: Path) -> tuple[float, float]:
    """`kg build --store` into a copy of a build's article cache: the output part alone, end to end."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    shutil.copytree(cache / ".articles", out / ".articles", copy_function=os.link)
    return run(["-m", "kg.cli", "build", str(source), "-j", "1", "-o", str(out), "--store", str(out / "store")], checkout)


def summary(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--input", type=Path, help="the INPUT the build was made from: also time `kg build` on its cache")
    parser.add_argument("--before", type=Path, help="another checkout of kg to measure in the same run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--around", default="Donald Trump")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    checkouts = [args.before.resolve(), ROOT] if args.before else [ROOT]
    nquads = (args.build / "kg.nq").resolve()
    views = {"--around": ["--around", args.around], "--top": ["--top", str(args.top)]}
    figures: dict[tuple[str, str], list[float]] = {}
    loads = []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        if args.input:
            for checkout in checkouts:
                run(["-m", "kg.cli", "build", str(args.input.resolve()), "-j", "1", "-o", str(work / f"cache-{checkout.name}")], checkout)
        for number in range(args.runs):
            for checkout in checkouts:
                for name, options in views.items():
                    page = work / f"{checkout.name}{name}.html"
                    wall, cpu = run(["-m", "kg.cli", "view", str(nquads), *options, "-o", str(page)], checkout)
                    figures.setdefault((checkout.name, f"kg view {name}: wall"), []).append(wall)
                    figures.setdefault((checkout.name, f"kg view {name}: CPU"), []).append(cpu)
                for stage, seconds in stages(nquads, checkout, work).items():
                    figures.setdefault((checkout.name, stage), []).append(seconds)
                if args.input:
                    wall, cpu = rebuild(args.input.resolve(), work / f"cache-{checkout.name}", checkout, work / checkout.name)
                    figures.setdefault((checkout.name, "kg build --store on a full cache: wall"), []).append(wall)
                    figures.setdefault((checkout.name, "kg build --store on a full cache: CPU"), []).append(cpu)
            loads.append(load())
        same = []
        if args.before:
            for name in views:
                pages = [(work / f"{checkout.name}{name}.html").read_bytes() for checkout in checkouts]
                same.append(f"kg view {name} page {'identical' if pages[0] == pages[1] else 'DIFFERENT'}")
            if args.input:
                for output in OUTPUTS:
                    files = [(work / checkout.name / output).read_bytes() for checkout in checkouts]
                    same.append(f"{output} {'identical' if files[0] == files[1] else 'DIFFERENT'}")
    print(f"{args.runs} runs, load (1 min) after each: {', '.join(loads)}")
    print("| checkout | what | seconds min / median |")
    print("|---|---|---|")
    for (checkout, what), values in figures.items():
        print(f"| {checkout} | {what} | {summary(values)} |")
    for line in same:
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
