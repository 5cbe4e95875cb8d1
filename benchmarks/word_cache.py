"""CPU seconds to pickle and unpickle a build's word cache (`DIR/.articles/words.pickle`), min of N runs.

Usage: .venv/bin/python benchmarks/word_cache.py OUT/.articles/words.pickle [--runs 5]

The same dump and load happen when `kg build` saves the cache, loads it on a rerun, and (word by
word) when each worker sends the words it analysed back to the main process.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with args.path.open("rb") as stream:
        _, readings = pickle.load(stream)
    dumps, loads = [], []
    for _ in range(args.runs):
        started = time.process_time()
        data = pickle.dumps(readings, protocol=pickle.HIGHEST_PROTOCOL)
        dumps.append(time.process_time() - started)
        started = time.process_time()
        pickle.loads(data)
        loads.append(time.process_time() - started)
    count = sum(len(word_readings) for word_readings in readings.values())
    print(f"{len(readings)} words, {count} readings, {len(data)} bytes: "
          f"dump {min(dumps):.3f} s, load {min(loads):.3f} s (CPU, min of {args.runs})")


if __name__ == "__main__":
    main()
