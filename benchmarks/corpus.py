"""Throughput, start-up and peak memory of kg on the ANT corpus, before and after, in one table.

Usage: .venv/bin/python benchmarks/corpus.py [--before DIR] [--runs 3] [--sizes 400 all] [--out benchmarks/results.md]

`--before DIR` is another checkout of kg (e.g. `git worktree add /tmp/kg-before 607f84a`) run with
this venv; each figure is measured for it and for this checkout in the same run, alternating run
by run, so that both meet the shared machine's load alike. CPU seconds are user + system time of
the kg process and its workers, less sensitive to that load than the wall-clock articles/s.
Each checkout gets a data folder of its own (`KG_DATA_DIR`, linking the installed database) whose
analysis and knowledge-base images it makes once before anything is timed, so the two never share them.
Every build goes into a fresh folder ("cold": no word cache from an earlier run) and loads the
Oxigraph store, so the time is end to end; the "warm" rows rebuild in a folder whose articles were
removed but whose word log (`.articles/words-<version>.log`) was kept. Peak RSS per process is the
largest VmHWM of the kg process and of its workers, read from /proc while they run. The
400-article builds' `kg.nq` files must be byte-identical between the two checkouts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "corpus" / "ant"
PYTHON = ROOT / ".venv" / "bin" / "python"


def corpus_files() -> list[Path]:
    return sorted(ANT.rglob("*.txt"))


def sample(every: list[Path], size: str) -> list[Path]:
    """Every (total/N)-th file, or all."""
    return every if size == "all" else every[:: max(1, len(every) // int(size))][: int(size)]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found += map(int, children)
        todo += map(int, children)
    return found


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# Each checkout's own data folder (KG_DATA_DIR), made by `private_data`: its analysis and
# knowledge-base images are made by its own code, and no run reads another's.
DATA_DIRS: dict[Path, Path] = {}


def checkout_env(checkout: Path) -> dict[str, str]:
    # Python's bytecode is written, as on an installed kg (`private_data`'s untimed run compiles each
    # checkout): with PYTHONDONTWRITEBYTECODE set, every timed run compiled kg's modules (~0.15 s CPU).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(checkout)}
    if checkout in DATA_DIRS:
        env["KG_DATA_DIR"] = str(DATA_DIRS[checkout])
    return env


def private_data(checkout: Path, folder: Path) -> None:
    """Give a checkout a data folder of its own: links to its installed database, images made there once (untimed)."""
    installed = Path(os.environ.get("KG_DATA_DIR", checkout / "data" / "camel"))
    database = Path("data") / "morphology_db" / "calima-msa-r13" / "morphology.db"
    (folder / database).parent.mkdir(parents=True)
    (folder / database).symlink_to((installed / database).resolve())
    (folder / "catalogue.json").symlink_to((installed / "catalogue.json").resolve())
    DATA_DIRS[checkout] = folder
    subprocess.run([str(PYTHON), "-m", "kg.cli", "extract", str(sample(corpus_files(), "400")[0]), "-o", os.devnull],
                   cwd=checkout, env=checkout_env(checkout), capture_output=True, check=True)


def timed(command: list[str], checkout: Path) -> dict:
    """Run a kg command of a checkout; its seconds, CPU seconds and the peak RSS of its main process and workers."""
    env = checkout_env(checkout)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.Popen([str(PYTHON), "-m", "kg.cli", *command], cwd=checkout, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}

    def watch() -> None:
        while process.poll() is None:
            for pid in [process.pid, *_descendants(process.pid)]:
                peaks[pid] = max(peaks.get(pid, 0), _peak_kb(pid))
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stderr = process.communicate()[1]
    seconds = time.monotonic() - started
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)  # the kg process's own and its workers' (joined by it)
    watcher.join()
    workers = [kb for pid, kb in peaks.items() if pid != process.pid]
    return {"seconds": seconds, "code": process.returncode,
            "cpu": cpu.ru_utime + cpu.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime, "main_mb": peaks.get(process.pid, 0) / 1024,
            "worker_mb": max(workers, default=0) / 1024, "load": load(),
            "summary": [line for line in stderr.splitlines() if " articles (" in line]}


def link_inputs(files: list[Path], inputs: Path) -> Path:
    """One folder of links, the same for both checkouts (articles' sources are their paths)."""
    inputs.mkdir()
    for path in files:  # the command line stays short for 10,161 files
        (inputs / f"{path.parent.name}-{path.name}").symlink_to(path)
    return inputs


def build_once(inputs: Path, jobs: int, checkout: Path, out: Path, warm: bool = False) -> dict:
    if warm:  # the word cache of a finished build, its articles removed
        subprocess.run([str(PYTHON), "-m", "kg.cli", "build", str(inputs), "-j", str(jobs), "-o", str(out)],
                       cwd=checkout, env=checkout_env(checkout), capture_output=True)
        for article in (out / ".articles").glob("*.json"):
            article.unlink()
    result = timed(["build", str(inputs), "-j", str(jobs), "-o", str(out), "--store", str(out / "store")], checkout)
    return result


def steady_state(files: list[Path], checkout: Path) -> float:
    """Milliseconds per article for extraction and its N-Quads once every word is cached (second pass)."""
    script = f"""
import sys, time
from kg import corpus
from kg.read import Problem, read_inputs
docs = [d for d in read_inputs({[str(f) for f in files]!r}) if not isinstance(d, Problem)]
ner = corpus.resolve_ner("auto")
for d in docs: corpus.article_graph(d, ner)
started = time.perf_counter()
for d in docs: corpus.article_graph(d, ner)
print((time.perf_counter() - started) * 1000 / len(docs))
"""
    done = subprocess.run([str(PYTHON), "-c", script], cwd=checkout, env=checkout_env(checkout),
                          capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def row(label: str, count: int, results: list[dict]) -> str:
    rates = [count / r["seconds"] for r in results]
    cpu = [r["cpu"] for r in results]
    return (f"| {label} | {len(results)} | {min(rates):.1f} | {statistics.median(rates):.1f} | "
            f"{min(cpu):.1f} / {statistics.median(cpu):.1f} | "
            f"{max(r['main_mb'] for r in results):.0f} | {max(r['worker_mb'] for r in results):.0f} | "
            f"{', '.join(r['load'].split()[0] for r in results)} | {', '.join(str(r['code']) for r in results)} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another kg checkout to measure beside this one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", nargs="+", default=["400", "all"], help='sample sizes; "all" is the whole corpus at -j 2 only')
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    checkouts = [c for c in (args.before, ROOT) if c is not None]
    data = tempfile.TemporaryDirectory()
    for checkout in checkouts:
        private_data(checkout, Path(data.name) / checkout.name)
    every = corpus_files()
    lines = ["| checkout | what | runs | articles/s min | articles/s median | CPU s min / median | peak RSS main (MB) | peak RSS worker (MB) | load (1 min) per run | exit |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|---|"]
    notes = []

    def report(text: str) -> None:
        lines.append(text)
        print(text, file=sys.stderr, flush=True)

    one = [str(sample(every, "400")[0])]
    # Runs alternate between the checkouts, so that both meet the shared machine's load alike.
    starts: dict[Path, list[dict]] = {checkout: [] for checkout in checkouts}
    for _ in range(args.runs):
        for checkout in checkouts:
            starts[checkout].append(timed(["extract", *one, "-o", os.devnull], checkout))
    for checkout, runs in starts.items():
        seconds = sorted(r["seconds"] for r in runs)
        cpu = [r["cpu"] for r in runs]
        report(f"| {checkout.name} | start-up: `kg extract` one article, seconds (min, median) | {args.runs} | "
               f"{seconds[0]:.2f} s | {statistics.median(seconds):.2f} s | {min(cpu):.2f} / {statistics.median(cpu):.2f} | "
               f"{max(r['main_mb'] for r in runs):.0f} | | "
               f"{', '.join(r['load'].split()[0] for r in runs)} | {', '.join(str(r['code']) for r in runs)} |")
    for size in args.sizes:
        files = sample(every, size)
        shared = tempfile.TemporaryDirectory()
        inputs = link_inputs(files, Path(shared.name) / "in")
        plans = [(2, False)] if size == "all" else [(1, False), (2, False), (2, True)]
        for jobs, warm in plans:
            measured = [c for c in checkouts if not (warm and c == args.before)]  # the checkout before has no word cache
            results: dict[Path, list[dict]] = {checkout: [] for checkout in measured}
            nquads = {}
            with tempfile.TemporaryDirectory() as work:
                for run in range(args.runs):
                    for checkout in measured:
                        out = Path(work) / f"out-{checkout.name}-{jobs}-{run}"
                        results[checkout].append(build_once(inputs, jobs, checkout, out, warm))
                        if run == 0:
                            nquads[checkout] = out.joinpath("kg.nq").read_bytes() if out.joinpath("kg.nq").is_file() else b""
                        shutil.rmtree(out, ignore_errors=True)
            for checkout in measured:
                report(row(f"{checkout.name} | {len(files)} articles, -j {jobs}, {'warm' if warm else 'cold'}", len(files),
                           results[checkout]))
                notes += [f"- {checkout.name}, {len(files)} articles, -j {jobs}: {line}" for line in results[checkout][0]["summary"]]
            if len(nquads) == 2:
                same = len(set(nquads.values())) == 1
                notes.append(f"- {len(files)} articles, -j {jobs}: kg.nq of the two checkouts "
                             f"{'byte-identical' if same else 'DIFFERENT'} ({len(next(iter(nquads.values())))} bytes)")
                print(notes[-1], file=sys.stderr, flush=True)
        shared.cleanup()
    for checkout in checkouts:
        files = sample(every, "400")
        report(f"| {checkout.name} | steady state, word cache warm: ms per article (extraction + N-Quads) | 1 | "
               f"{steady_state(files, checkout):.1f} ms | | | | | {load().split()[0]} | |")
    text = "\n".join([
        "# Corpus build throughput",
        "",
        f"`{' '.join(['.venv/bin/python', 'benchmarks/corpus.py', *sys.argv[1:]])}` on {platform.node()} "
        f"({os.cpu_count()} cores), {time.strftime('%Y-%m-%d %H:%M')}: {len(every)} ANT articles; a sample of N is "
        "every (total/N)-th file. Builds: `kg build IN -j N -o OUT --store OUT/store` into a fresh folder; "
        "cold = no word cache from an earlier run, warm = the word cache of an earlier build of the same articles kept.",
        "",
        *lines,
        "",
        "Summaries printed by kg (first run of each) and the identity check:",
        "",
        *notes,
    ])
    args.out.write_text(text + "\n", encoding="utf-8")
    data.cleanup()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
