"""The project's Arabic lexicons (relation triggers, titles, cue words, organisation heads)."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kg.nlp import normalize

DATA = Path(__file__).parent / "data"
# Proclitics a word can carry in running text: و/ف (and), ب (with), ل (for), ك (like).
# ل + ال is written لل (للاتحاد = ل + الاتحاد).
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon entry: a lemma that, with its part of speech, signals a predicate."""

    lemma: str  # normalised
    pos: str
    predicate: str
    object_prep: str | None  # normalised preposition before the target; None: direct object
    requires: tuple[str, ...]  # normalised words, one of which must follow the trigger
    subject_prep: str | None
    object_types: frozenset[str]  # empty: any type


@dataclass(frozen=True, slots=True)
class Title:
    words: tuple[str, ...]  # normalised
    relation: str  # leader_of or member_of; "-" for a title that says no office (الأمير)
    role_en: str

    @property
    def takes_portfolio(self) -> bool:
        """A minister's portfolio may follow the title (وزير العمل السعودي)."""
        return "minister" in self.role_en


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) -> its frames, in file order
    titles: dict[tuple[str, ...], Title]
    cues: dict[str, str]  # normalised word -> its kind (cues.tsv)
    org_heads: frozenset[str]
    max_title_words: int
    letter_classes: dict[str, dict[str, str]]  # "ar" / "lat" -> written letters -> class

    def cue(self, norm: str) -> str | None:
        """Return the kind of a cue word, also when it carries a clitic (وأمس)."""
        for variant, _ in clitic_variants(norm):
            if variant in self.cues:
                return self.cues[variant]
        return None

    def is_time(self, norm: str) -> bool:
        """Tell whether a word names a day or month (never part of a name)."""
        kind = self.cues.get(norm, "")
        return kind in ("time", "today", "yesterday") or kind.startswith("day-")

    @property
    def relative_pronouns(self) -> frozenset[str]:
        return frozenset(word for word, kind in self.cues.items() if kind == "relative")

    @classmethod
    def load(cls, folder: Path = DATA) -> Lexicon:
        """Read the lexicon files of `folder` (the package's data folder by default)."""
        triggers: dict[tuple[str, str], tuple[Trigger, ...]] = {}
        for row in _rows(folder / "relations.tsv"):
            trigger = Trigger(
                lemma=normalize(row["lemma"]),
                pos=row["pos"],
                predicate=row["predicate"],
                object_prep=_optional(row["object_prep"]),
                requires=tuple(normalize(w) for w in row["requires"].split("|") if w != "-"),
                subject_prep=_optional(row["subject_prep"]),
                object_types=frozenset(t for t in row["object_types"].split("|") if t != "-"),
            )
            key = (trigger.lemma, trigger.pos)
            triggers[key] = (*triggers.get(key, ()), trigger)
        titles = {}
        for row in _rows(folder / "titles.tsv"):
            words = tuple(normalize(row["title"]).split())
            titles[words] = Title(words, row["relation"], row["role_en"])
        cues = {normalize(row["word"]): row["kind"] for row in _rows(folder / "cues.tsv")}
        heads = frozenset(normalize(row["head"]).removeprefix("ال") for row in _rows(folder / "org_heads.tsv"))
        classes: dict[str, dict[str, str]] = {"ar": {}, "lat": {}}
        for row in _rows(folder / "transliteration.tsv"):
            written = unicodedata.normalize("NFKD", row["written"])
            classes[row["script"]][written] = "" if row["class"] == "-" else row["class"]
        return cls(triggers, titles, cues, heads, max(len(words) for words in titles), classes)

    def consonants(self, word: str, script: str) -> str:
        """The consonant classes of a word as written in Arabic ("ar") or Latin ("lat") letters.

        Two spellings of one name, in either script, share them (ماكرون, Macron → mkrn).
        """
        table = self.letter_classes[script]
        longest = max(len(written) for written in table)
        word = unicodedata.normalize("NFKD", word.casefold())
        out, i = "", 0
        while i < len(word):
            for size in range(longest, 0, -1):
                if word[i : i + size] in table:
                    letter_class = table[word[i : i + size]]
                    i += size
                    break
            else:
                letter_class, i = "", i + 1  # a mark, a digit or a letter of another script
            if letter_class and not out.endswith(letter_class):
                out += letter_class
        return out


    def title_at(self, norms: list[str], i: int) -> Title | None:
        """Return the longest title starting at token i of a sentence's normalised tokens.

        A conjunction و or ف and a preposition ب or ل on the title's first word are allowed
        (والرئيس الفرنسي؛ لأمير الكويت؛ للرئيس الأمريكي: لل is ل + ال).
        """
        heads = [variant for variant, _ in clitic_variants(norms[i])] if i < len(norms) else []
        for size in range(min(self.max_title_words, len(norms) - i), 0, -1):
            rest = tuple(norms[i + 1 : i + size])
            for head in heads:
                if title := self.titles.get((head, *rest)):
                    return title
        return None


def clitic_variants(norm: str) -> list[tuple[str, int]]:
    """Return a word and its forms without leading clitics, each with the letters removed."""
    variants = [(norm, 0)]
    for conj in ("", *_CONJUNCTIONS):
        if conj and not norm.startswith(conj):
            continue
        rest = norm[len(conj) :]
        if conj and len(rest) >= 2:
            variants.append((rest, len(conj)))
        if rest.startswith("لل") and len(rest) > 3:
            variants.append(("ا" + rest[1:], len(conj) + 1))
        elif rest[:1] in _PREPOSITIONS and len(rest) > 3:
            variants.append((rest[1:], len(conj) + 1))
    return variants


def _rows(path: Path):
    with path.open(encoding="utf-8") as stream:
        lines = (line for line in stream if not line.startswith("#") and line.strip())
        yield from csv.DictReader(lines, delimiter="\t")


def _optional(value: str) -> str | None:
    return None if value == "-" else normalize(value)
