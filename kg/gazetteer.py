"""The knowledge base's names indexed by first word: the one gazetteer of the NER rules and the tagger."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property

from kg.kb import KBEntry
from kg.nlp import clitic_variants, remembered

# The tagger's features read names of up to 8 words, and their parts from 3 letters on (as trained).
_MAX_FEATURE_WORDS = 8
_MIN_PART_LETTERS = 3
# The tagger's features strip a conjunction only before 3 letters or more (as trained).
_FEATURE_SHORTEST_STEM = 3


class Gazetteer:
    """Names of knowledge-base entries, each a tuple of normalised words, by first word."""

    def __init__(self, names: Iterable[tuple[str, KBEntry]]):
        """Index (normalised name, entry) pairs, e.g. `KnowledgeBase.names()`."""
        self._by_first: dict[str, list[tuple[tuple[str, ...], KBEntry]]] = defaultdict(list)
        for name, entry in names:
            words = tuple(name.split())
            if words:
                self._by_first[words[0]].append((words[1:], entry))
        # Longest names first; of two entries with one name (تونس), the country before the city.
        for entries in self._by_first.values():
            entries.sort(key=lambda item: (-len(item[0]), not item[1].is_country, item[1].id))
        # Per word, what `names_at` and `_feature_names_at` give: nearly every word of a sentence is
        # asked for several times, and most open no name.
        self._names_at: dict[str, tuple[tuple[tuple[str, ...], KBEntry, int], ...]] = {}
        self._feature_names: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}

    # The tagger's features read the two tables below; the NER rules' gazetteers never do, so they
    # are made on first use (two thirds of the index's making, at every start-up).
    @cached_property
    def _types(self) -> dict[tuple[str, ...], set[str]]:
        """The entity types of each name of up to `_MAX_FEATURE_WORDS` words."""
        types: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for first, entries in self._by_first.items():
            for rest, entry in entries:
                if len(rest) < _MAX_FEATURE_WORDS:
                    types[(first, *rest)].add(entry.type)
        return types

    @cached_property
    def word_types(self) -> dict[str, set[str]]:
        """The entity types of the names each word is a part of (first, family names), of those `_types` holds."""
        word_types: dict[str, set[str]] = defaultdict(set)
        for words, kinds in self._types.items():
            if len(words) > 1:
                for word in words:
                    if len(word) >= _MIN_PART_LETTERS:
                        word_types[word] |= kinds
        return word_types

    def starting(self, first: str) -> list[tuple[tuple[str, ...], KBEntry]]:
        """Return (the words after the first, entry) of the names opening with a word, longest first."""
        return self._by_first.get(first, [])

    def names_at(self, norm: str) -> tuple[tuple[tuple[str, ...], KBEntry, int], ...]:
        """Return (the words after the first, entry, clitic letters) of the names opening with a word or
        with a form of it without clitics (`clitic_variants`), in that order, each form's longest first."""
        return remembered(self._names_at, norm, lambda word: tuple(
            (rest, entry, skip) for variant, skip in clitic_variants(word) for rest, entry in self.starting(variant)))

    def _feature_names_at(self, norm: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        """(the words after the first, the name's types joined by |) of the names of up to `_MAX_FEATURE_WORDS`
        words opening with a word or a form of it as the tagger's features strip it (`feature_variants`)."""
        return remembered(self._feature_names, norm, lambda word: tuple(
            (rest, "|".join(sorted(self._types[(variant, *rest)])))
            for variant in feature_variants(word) for rest, _ in self.starting(variant) if len(rest) < _MAX_FEATURE_WORDS))

    def tags(self, norms: Sequence[str]) -> list[str | None]:
        """Return B-TYPE / I-TYPE for tokens inside the longest name matched left to right (types joined by |)."""
        tags: list[str | None] = [None] * len(norms)
        i = 0
        while i < len(norms):
            best = None
            for rest, kind in self._feature_names_at(norms[i]):
                end = i + 1 + len(rest)
                if tuple(norms[i + 1 : end]) == rest and (best is None or end > best[0]):
                    best = (end, kind)
            if best is None:
                i += 1
                continue
            end, kind = best
            for k in range(i, end):
                tags[k] = ("B-" if k == i else "I-") + kind
            i = end
        return tags


def feature_variants(norm: str) -> list[str]:
    """Return a word and its forms without clitics as the tagger's features read them."""
    return [variant for variant, _ in clitic_variants(norm, _FEATURE_SHORTEST_STEM)]
