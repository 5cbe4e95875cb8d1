"""Where a `-j 1` build's time goes: CPU milliseconds per article in each stage, cold word cache.

Usage: .venv/bin/python benchmarks/stages.py [--size 400] [--runs 1] [--warm]

Runs `kg.corpus.article_graph` in this process on every (total/N)-th ANT article, as `kg build -j 1`
does, with a timer around each stage; nested stages are part of their parent's time. "new words"
is the analysis of words the run had not met (camel-tools' algorithm over the image, then kg's
readings), wherever a stage asks for it (nearly all in nlp); the pipeline's load is timed apart. Timers read this process's CPU time (the shared machine's other
work inflates wall time far more), and cost a little themselves. `--warm` runs the articles once
untimed first, so every cache is warm: the steady state of a long build.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "corpus" / "ant"
# (stage, parent): printed in this order, indented under the parent.
STAGES = [
    ("nlp", "article"), ("new words: database", "nlp"), ("new words: readings", "nlp"), ("ner", "article"), ("CRF features", "ner"), ("CRF tagging", "ner"),
    ("link", "article"), ("relations", "article"), ("N-Quads", "article"),
]


class timed:
    """`function` with its CPU time added to `spent[stage]`; calls nested in a call of the same stage count once.

    Other attributes are the function's (a stage object's methods stay reachable, untimed).
    """

    def __init__(self, spent: dict[str, float], stage: str, function):
        self._spent, self._stage, self._function, self._depth = spent, stage, function, 0

    def __call__(self, *args, **kwargs):
        self._depth += 1
        started = time.process_time()
        try:
            return self._function(*args, **kwargs)
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._spent[self._stage] += time.process_time() - started

    def __getattr__(self, name: str):
        return getattr(self._function, name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=400, help="articles: every (total/N)-th ANT file")
    parser.add_argument("--runs", type=int, default=1, help="fresh processes; each stage's min over them")
    parser.add_argument("--warm", action="store_true", help="time a second pass over the articles (caches warm)")
    args = parser.parse_args()
    if args.runs > 1:
        import subprocess

        command = [sys.executable, __file__, "--size", str(args.size), *(["--warm"] if args.warm else [])]
        tables = [subprocess.run(command, capture_output=True, text=True, check=True).stdout for _ in range(args.runs)]
        rows = [dict(line.rsplit(" ", 1) for line in table.splitlines() if line and not line.startswith("#"))
                for table in tables]
        print(f"# min of {args.runs} runs, CPU ms per article, {args.size} articles, {'warm' if args.warm else 'cold'}")
        for stage in rows[0]:
            print(f"{stage} {min(float(r[stage]) for r in rows):.2f}")
        return 0

    from kg import corpus, nlp, rdf
    from kg.read import Problem, read_inputs

    every = sorted(ANT.rglob("*.txt"))
    files = every[:: max(1, len(every) // args.size)][: args.size]
    docs = [doc for doc in read_inputs([str(f) for f in files]) if not isinstance(doc, Problem)]
    started = time.process_time()
    ner = corpus.resolve_ner("crf")
    pipeline = corpus._pipeline(ner)
    load_ms = (time.process_time() - started) * 1000
    for doc in docs if args.warm else ():
        corpus.article_graph(doc, ner)
    spent: dict[str, float] = defaultdict(float)
    analyzer = pipeline.analyze
    tagger = pipeline.recognize.tagger
    pipeline.analyze = timed(spent, "nlp", analyzer)
    analyzer._analyze = timed(spent, "new words: database", analyzer._analyze)
    nlp._distinct_readings = timed(spent, "new words: readings", nlp._distinct_readings)
    pipeline.recognize = timed(spent, "ner", pipeline.recognize)
    featurizer = tagger.featurizer
    tagger.featurizer = timed(spent, "CRF features", featurizer)
    tagger.crf = type("TimedCRF", (), {"tag": staticmethod(timed(spent, "CRF tagging", tagger.crf.tag))})()
    pipeline.link = timed(spent, "link", pipeline.link)
    pipeline.extract_relations = timed(spent, "relations", pipeline.extract_relations)
    rdf.article_nquads = timed(spent, "N-Quads", rdf.article_nquads)
    started = time.process_time()
    for doc in docs:
        corpus.article_graph(doc, ner)
    spent["article"] = time.process_time() - started
    per = {stage: seconds * 1000 / len(docs) for stage, seconds in spent.items()}
    cache = "warm caches (second pass)" if args.warm else "cold word cache"
    print(f"# {len(docs)} articles, -j 1 in one process, {cache}, CPU ms per article; pipeline load {load_ms:.0f} ms")
    print(f"article {per['article']:.2f}")
    for stage, parent in STAGES:
        indent = "  " * (1 if parent == "article" else 2)
        print(f"{indent}{stage} {per.get(stage, 0.0):.2f}")
    shown = sum(per.get(stage, 0.0) for stage, parent in STAGES if parent == "article")
    print(f"  other {per['article'] - shown:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
