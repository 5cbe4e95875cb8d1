#!/usr/bin/env python3
"""Count the events of `kg extract` outputs and draw a fixed-seed sample of them (new ones, or all) to judge by reading.

    python benchmarks/new_events.py BEFORE.jsonl AFTER.jsonl [-n 40] [--seed 15]
    python benchmarks/new_events.py --all OUTPUT.jsonl [-n 80] [--seed 2026] [--skip GOLD.jsonl ...]

An event is a relation whose predicate is one of the 16 event predicates; it is new when
the same article, sentence, trigger, subject, predicate and object are not in BEFORE.
With --all, the sample is drawn from every event of OUTPUT, articles of the --skip gold
files left out. Prints the counts (per predicate, from titles, attributed, negated) and,
per sampled event, its labels and evidence.
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
    parser.add_argument("outputs", nargs="+", metavar="OUTPUT", help="BEFORE AFTER, or with --all one OUTPUT")
    parser.add_argument("--all", action="store_true", help="sample from all events of one output, not the new ones")
    parser.add_argument("--skip", nargs="*", default=[], help="with --all: gold files whose articles are left out of the sample")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    if len(args.outputs) != (1 if args.all else 2):
        parser.error("give BEFORE and AFTER, or --all and one OUTPUT")

    for name, path in zip(("output",) if args.all else ("before", "after"), args.outputs):
        articles, events = _events(path)
        with_one = len({e["doc"] for e in events})
        per = Counter(e["predicate"] for e in events)
        print(f"{name}: {articles} articles, {len(events)} events, {len(events) / articles:.3f} per article, {with_one} articles with one")
        titles = sum(e["sentence"] == -1 for e in events)
        attributed = sum(e["attributed_to"] is not None for e in events)
        print(f"  from titles {titles}, attributed {attributed}, negated {sum(e['negated'] for e in events)}")
        print("  " + ", ".join(f"{p} {n}" for p, n in per.most_common()))
    if args.all:
        skip = set()
        for path in args.skip:
            with open(path, encoding="utf-8") as stream:
                skip.update(json.loads(line)["doc"] for line in stream if line.strip())
        pool = [e for e in events if e["doc"] not in skip]
        print(f"events outside the --skip articles: {len(pool)}")
    else:
        old = {_key(e) for e in _events(args.outputs[0])[1]}
        pool = [e for e in events if _key(e) not in old]
        print(f"new events: {len(pool)}; by trigger: " + ", ".join(f"{t} {n}" for t, n in Counter(e["trigger"] for e in pool).most_common()))
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    for k, event in enumerate(sample, 1):
        negated = " (negated)" if event["negated"] else ""
        print(f"\n{k}. {event['doc']} s{event['sentence']}: {event['subject_label']} {event['predicate']} {event['object_label']}{negated} [{event['trigger']}]")
        print("   " + " ".join(event["evidence"].split())[:400])
    return 0


if __name__ == "__main__":
    sys.exit(main())
