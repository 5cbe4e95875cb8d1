"""Share of `kg extract` time spent in relation extraction, on ANT internationalNews.

Usage: .venv/bin/python benchmarks/relations_share.py [N]   (N articles after 100 to warm the word cache; default 300)
"""

import sys
import time
from pathlib import Path
from kg.pipeline import Pipeline
from kg.read import read_inputs
n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
files = [str(p) for p in sorted((Path(__file__).resolve().parents[2] / "shared/corpus/ant/internationalNews").glob("*.txt"))[: n + 100]]
docs = [d for d in read_inputs(files) if hasattr(d, "body")]
p = Pipeline.load()
for d in docs[:100]: p(d)  # warm the word cache
total = rel = 0.0
for d in docs[100:]:
    t0 = time.perf_counter(); s = p.analyze(d); m = p.recognize(d, s); e = p.link(m, d.id)
    t1 = time.perf_counter(); p.extract_relations(d, s, e); t2 = time.perf_counter()
    total += t2 - t0; rel += t2 - t1
print(f"{len(docs)-100} articles: relations {rel:.2f} s of {total:.2f} s = {100*rel/total:.1f}%")
