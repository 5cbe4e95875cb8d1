"""Draw the 40 ANT articles of the session-13 reading (run from the repository root; prints their paths)."""

import json
import random
import re
from pathlib import Path

SHARED = Path("../shared")
GOLD = Path("tests/data/relations_gold")


def docno(path: str) -> str:
    return re.search(r"<DOCNO>\s*(.*?)\s*</DOCNO>", (SHARED / path).read_text(encoding="utf-8")).group(1)


def short(name: str) -> str:
    """JA-politic-12-20170101 → politic-12, the form benchmarks/events.md also uses."""
    match = re.match(r"JA-([A-Za-z]+-\d+)", name)
    return match.group(1) if match else name


files = [f"corpus/ant/{cat}/{p.name}" for cat in ("politic", "internationalNews")
         for p in sorted((SHARED / "corpus/ant" / cat).glob("*.txt"))]
gold_paths = {json.loads(line).get("path") for g in GOLD.glob("*.jsonl")
              for line in g.read_text(encoding="utf-8").splitlines() if line.strip()} - {None}
events_md = Path("benchmarks/events.md").read_text(encoding="utf-8")
# the relations gold README names the internationalNews articles looked at while writing rules (by number)
# and the articles read and skipped: they are not "news nobody tuned on" either
readme = (GOLD / "README.md").read_text(encoding="utf-8")
looked_at = re.search(r"by the number in\s+their DOCNO.*?:(.*?)\.\n", readme, re.S).group(1)
named_in_readme = {f"internationalNews-{n}" for n in re.findall(r"\d+", looked_at)}
named_in_readme |= {short(d) for d in re.findall(r"JA-\w+-\d+-\d+", readme)}


def named(path: str) -> bool:
    names = {docno(path), Path(path).stem}
    names |= {short(n) for n in list(names)}
    return (any(re.search(re.escape(n) + r"(?!\d)", events_md) for n in names)
            or short(docno(path)) in named_in_readme)


pool = [f for f in files if f not in gold_paths and not named(f)]
print(f"# {len(files)} files, {len(gold_paths)} gold paths, {len(pool)} in the pool")
for path in random.Random(1317).sample(pool, 40):
    print(path)
