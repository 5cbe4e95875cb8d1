"""Write kg/data/capitals.tsv: each capital city of the knowledge base and the state it speaks for.

The capital's English name comes from dr5hn countries-states-cities (`../shared/data/kb/dr5hn-csc/
countries.json`, ODbL-1.0 / DbCL-1.0); the city and the country are the knowledge base's entries
(kg/data/kb.jsonl) that carry that name and country. Run: .venv/bin/python scripts/build_capitals.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "kb" / "dr5hn-csc" / "countries.json"
OUT = ROOT / "kg" / "data" / "capitals.tsv"
HEADER = """# Capitals as voices of their states (issue 15): an event whose party is a capital (واشنطن ترفض)
# is the state's. city and country are Wikidata ids of kg/data/kb.jsonl entries. Built by
# scripts/build_capitals.py from dr5hn countries-states-cities countries.json (field capital;
# ODbL-1.0 database, DbCL-1.0 contents; ../shared/data/kb/dr5hn-csc/SOURCE.md).
city\tcountry\tcity_en
"""


def main() -> None:
    entries = [json.loads(line) for line in (ROOT / "kg" / "data" / "kb.jsonl").open(encoding="utf-8")]
    countries = {e["wikidata"] for e in entries if e["type"] == "LOC" and not e.get("country") and not e.get("region") and e.get("wikidata")}
    cities = {}
    for e in entries:
        if e["type"] == "LOC" and e.get("country") and e.get("wikidata") and e.get("label_en"):
            cities.setdefault((e["country"], e["label_en"].split(",")[0].casefold()), []).append(e)
    rows = []
    for country in json.loads(SHARED.read_text(encoding="utf-8")):
        qid, capital = country.get("wikiDataId"), (country.get("capital") or "").casefold()
        found = cities.get((qid, capital), []) if qid in countries else []
        # the city, not the emirate or province of its name (Abu Dhabi)
        found = [e for e in found if "dr5hn-csc" in e["source"].split("+")] or found
        if len(found) == 1:
            rows.append((found[0]["wikidata"], qid, found[0]["label_en"]))
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(HEADER + "".join(f"{city}\t{country}\t{name}\n" for city, country, name in sorted(rows)), encoding="utf-8")
    tmp.replace(OUT)
    print(f"{len(rows)} capitals -> {OUT}")


if __name__ == "__main__":
    main()
