#!/usr/bin/env python3
"""Count coordinated parties and second verbs in a corpus, and the events kg gives on them.

    python benchmarks/second_verbs.py INPUT... [--extract NAME=EXTRACT.jsonl ...] [--show KIND --sample N --seed S]

A trigger verb is a token whose (lemma, "verb") has a frame in the lexicon. Per trigger verb:
  C1  a verb of meeting (cues.tsv reciprocal) with two or more names after it that carry و (3+ parties)
  C2  a name within 8 tokens after it, then a comma and a name carrying و within 3 tokens (a comma list)
  C3  it carries و and an object pronoun (وحثه)
  C4a it carries و, no object pronoun, after a comma, another verb earlier in the sentence (، وطالب)
  C4b the same with no comma before it (… وطالب)
  C5  no و, an object pronoun, then في/خلال with a 3rd-person pronoun (cues.tsv wherein: هنأه فيها)
"two names": the sentence has named mentions of at least two spellings. With --extract (kg extract's
output on the same INPUT), how many of each kind have an event whose trigger is that token.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter

from kg.pipeline import Pipeline
from kg.read import Problem, read_inputs
from kg.relations import _OBJECT_PRONOUNS, _conjoined

KINDS = ("C1", "C2", "C3", "C4a", "C4b", "C5")
STRUCTURAL = {"leader_of", "member_of", "located_in", "part_of"}


def kinds_of(lexicon, verbs, tokens, names, i: int) -> list[str]:
    """The kinds of construction the trigger verb at token i opens (see the module's docstring)."""
    grammar, token = lexicon.grammar, tokens[i]
    wa, pronoun = _conjoined(token, grammar), token.enclitic in _OBJECT_PRONOUNS
    starts = {m.tok_start for m in names}
    found = []
    if lexicon.cues.get(token.lemma) == "reciprocal" and sum(m.tok_start > i and _conjoined(tokens[m.tok_start], grammar) for m in names) >= 2:
        found.append("C1")
    if any(i < m.tok_start <= i + 8 and m.tok_end + 1 < len(tokens) and tokens[m.tok_end].norm in grammar["comma"]
           and _conjoined(tokens[m.tok_end + 1], grammar) and starts & set(range(m.tok_end + 1, m.tok_end + 4)) for m in names):
        found.append("C2")
    if wa and pronoun:
        found.append("C3")
    if wa and not pronoun and i > 1 and any(t.pos == "verb" for t in tokens[:i]):
        found.append("C4a" if tokens[i - 1].norm in grammar["comma"] else "C4b")
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if not wa and pronoun and following is not None and following.pos == "prep" and following.lemma in grammar["wherein"] \
            and (following.enclitic or "").startswith("3"):
        found.append("C5")
    return found


def triggers(path: str) -> set[tuple[str, int, str]]:
    """(article, sentence, trigger text) of every event of a kg extract output."""
    found = set()
    for line in open(path, encoding="utf-8"):
        article = json.loads(line)
        found.update((article["doc"]["id"], r["sentence"], r["trigger"]) for r in article["relations"]
                     if r["predicate"] not in STRUCTURAL and r["trigger"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--extract", action="append", default=[], help="NAME=EXTRACT.jsonl")
    parser.add_argument("--show", choices=KINDS, help="print a sample of this kind with two names and no event in the last extract")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    pipeline = Pipeline.load()
    lexicon = pipeline.extract_relations.lexicon
    verbs = {lemma for lemma, pos in lexicon.triggers if pos == "verb"}
    hits = []
    articles = 0
    for doc in read_inputs(args.inputs):
        if isinstance(doc, Problem):
            continue
        articles += 1
        sentences = pipeline.analyze(doc)
        mentions = pipeline.recognize(doc, sentences)
        for sentence in sentences:
            tokens = sentence.tokens
            names = sorted((m for m in mentions if m.sentence == sentence.index and not m.nominal), key=lambda m: m.tok_start)
            two = len({m.text for m in names}) >= 2
            for i, token in enumerate(tokens):
                if token.pos == "verb" and token.lemma in verbs:
                    hits += [(kind, doc.id, sentence.index, token.text, two, doc.body[tokens[0].start : tokens[-1].end])
                             for kind in kinds_of(lexicon, verbs, tokens, names, i)]
    extracts = [(name, triggers(path)) for name, path in (item.split("=", 1) for item in args.extract)]
    print(f"articles {articles}")
    for kind in KINDS:
        mine = [h for h in hits if h[0] == kind]
        events = "; ".join(f"events on the trigger, {name} {sum((h[1], h[2], h[3]) in found for h in mine)}" for name, found in extracts)
        print(f"{kind}: {len(mine)}, with two names {sum(h[4] for h in mine)}" + (f"; {events}" if events else ""))
    if args.show:
        last = extracts[-1][1] if extracts else set()
        pool = [h for h in hits if h[0] == args.show and h[4] and (h[1], h[2], h[3]) not in last]
        for kind, article, index, word, _, text in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
            print(f"- {article} s={index} «{word}» | {text[:300]}")


if __name__ == "__main__":
    main()
