#!/usr/bin/env python3
"""Compare two `kg extract` outputs: events per article, and a fixed-seed sample of the new events to judge by reading.

    python benchmarks/new_events.py BEFORE.jsonl AFTER.jsonl [-n 40] [--seed 15]

An event is a relation whose predicate is one of the 16 event predicates; it is new when
the same article, sentence, trigger, subject, predicate and object are not in BEFORE.
Prints the counts per predicate and, per sampled event, its labels and evidence.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter

from kg.vocab import PREDICATES

EVENTS = frozenset(PREDICATES[:16])  # CONTRACT.md: the last four are titles and places


def _events(path: str) -> tuple[int, list[dict]]:
    articles, found = 0, []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            articles += 1
            labels = {e["id"]: e["label_en"] or e["label_ar"] for e in record["entities"]}
            for relation in record["relations"]:
                if relation["predicate"] in EVENTS:
                    found.append({**relation, "doc": record["doc"]["id"], "subject_label": labels[relation["subject"]], "object_label": labels[relation["object"]]})
    return articles, found


def _key(event: dict) -> tuple:
    return (event["doc"], event["sentence"], event["trigger"], event["subject"], event["predicate"], event["object"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)

    for name, path in (("before", args.before), ("after", args.after)):
        articles, events = _events(path)
        with_one = len({e["doc"] for e in events})
        per = Counter(e["predicate"] for e in events)
        print(f"{name}: {articles} articles, {len(events)} events, {len(events) / articles:.3f} per article, {with_one} articles with one")
        print("  " + ", ".join(f"{p} {n}" for p, n in per.most_common()))
    old = {_key(e) for e in _events(args.before)[1]}
    new = [e for e in _events(args.after)[1] if _key(e) not in old]
    print(f"new events: {len(new)}; by trigger: " + ", ".join(f"{t} {n}" for t, n in Counter(e["trigger"] for e in new).most_common()))
    sample = random.Random(args.seed).sample(new, min(args.n, len(new)))
    for k, event in enumerate(sample, 1):
        negated = " (negated)" if event["negated"] else ""
        print(f"\n{k}. {event['doc']} s{event['sentence']}: {event['subject_label']} {event['predicate']} {event['object_label']}{negated} [{event['trigger']}]")
        print("   " + " ".join(event["evidence"].split())[:400])
    return 0


if __name__ == "__main__":
    sys.exit(main())
