"""The entity knowledge base: canonical people, organisations and places with their Arabic names."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from kg.nlp import normalize

DATA = Path(__file__).parent / "data"
DEFAULT_KB = DATA / "kb.jsonl"
ROLE_KEYWORDS = DATA / "kb_roles.tsv"
TAGGER_NAMES = DATA / "kb_tagger_names.tsv"
# entries generated from templates (وزارة خارجية كازاخستان): bodies a text describes, not names it gives
GENERATED_SOURCE = "kb_state_bodies"

DEFINITE_ARTICLE = "ال"
# a nisba adjective ends in ي: صيني، أمريكي
NISBA_ENDING = "ي"
# endings a nisba adjective takes after its ي, normalised: feminine dual -تان -تين, plural -ون -ين,
# dual -ان, feminine plural -ات, feminine ة (normalised to ه)
NISBA_SUFFIXES = ("تان", "تين", "ون", "ين", "ان", "ات", "ه")
# a nisba's ي written twice, the second often as ى (الفلسطينيى، التونسيي), normalised
DOUBLED_NISBA_ENDING = NISBA_ENDING * 2
# a stem this short is a prefix of too many country names to tell them apart
MIN_NISBA_STEM = 3
# what a country's name adds to the stem of its nisba, normalised: تونس/تونسي, سوريا/سوري,
# أوكرانيا/أوكراني, كازاخستان/كازاخي, السعودية/سعودي; anything else is another word
# (ساحل العاج/الساحلي, البحرين/البحري, إقليم .../الإقليمي)
NAME_ENDINGS = ("", "ا", "يا", "ستان", "يه")
SUBORDINATE_TITLES = ("vice", "deputy", "under", "assistant", "acting")
# where the head of an office title ends: "President | of the French Republic"
TITLE_COMPLEMENT = re.compile(r"\s(?:of|to|for)\s", re.IGNORECASE)


def _pickled_as_call(cls):
    """Pickle a frozen slotted dataclass as a call to the class with its fields."""
    # The knowledge-base image holds 18,000 entries and roles: dataclasses' own __setstate__
    # looks the fields up again for each one and took most of the image's load time.
    slots = tuple(cls.__dict__[field.name] for field in fields(cls))
    cls.__reduce__ = lambda self: (cls, tuple(slot.__get__(self) for slot in slots))
    return cls


@_pickled_as_call
@dataclass(frozen=True, slots=True)
class Role:
    """An office an entity held: title, where, in which organisation, from and until when."""

    role: str
    country: str | None
    org: str | None
    start: str | None
    end: str | None

    def covers(self, date: str, surely: bool = False) -> bool:
        """Tell whether the office was held on a date, comparing at the coarser of the two precisions,
        or, `surely`, at the finer: a term known only to its year (Moon Jae-in's presidency,
        2017–2022) does not tell whether it had begun, or had ended, on a day of that year."""
        return (self.start is None or _on_or_before(self.start, date, surely)) and (
            self.end is None or _on_or_before(date, self.end, surely))


@_pickled_as_call
@dataclass(frozen=True, slots=True)
class KBEntry:
    """One canonical entity of the knowledge base."""

    id: str
    type: str
    label_en: str | None
    label_ar: str
    wikidata: str | None
    names_ar: tuple[str, ...]
    country: str | None
    roles: tuple[Role, ...]
    demonyms: tuple[str, ...]
    sources: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()  # names_ar normalised (computed by the build, so loading does not)
    minor: bool = False  # a smaller city, whose machine-made Arabic name may be another thing's
    names_en: tuple[str, ...] = ()  # other English spellings of a person (Phoenix aliases), for transliteration
    region: bool = False  # a place of no country that is no country (a continent, a sea, the Middle East)

    @classmethod
    def from_json(cls, record: dict) -> KBEntry:
        """Return the entry of one kb.jsonl record (empty fields are left out of the file)."""
        get = record.get
        return cls(
            id=record["id"], type=record["type"], label_en=get("label_en"), label_ar=record["label_ar"],
            wikidata=get("wikidata"), names_ar=tuple(record["names_ar"]), country=get("country"),
            roles=tuple(Role(**role) for role in get("roles", ())), demonyms=tuple(get("demonym_ar", ())),
            sources=tuple(record["source"].split("+")), keys=tuple(get("keys", ())),
            minor=get("minor", False), names_en=tuple(get("names_en", ())), region=get("region", False))

    @property
    def is_generated(self) -> bool:
        """Tell whether the entry was generated from a template of a state's bodies (وزارة خارجية كازاخستان)."""
        return GENERATED_SOURCE in self.sources

    @property
    def is_country(self) -> bool:
        """Tell whether the entry is a country (a place that belongs to no country and is no region)."""
        return self.type == "LOC" and self.country is None and not self.region


def _on_or_before(earlier: str, later: str, surely: bool = False) -> bool:
    # "2017" vs "2017-05-14": compare the shared prefix, so a bare year covers every day in it;
    # `surely`, an equal prefix of unequal precisions may fall on either side
    width = min(len(earlier), len(later))
    return (earlier[:width] < later[:width] or earlier == later) if surely else earlier[:width] <= later[:width]


def _names_office(title: str, patterns: list[re.Pattern[str]]) -> bool:
    # the keyword must be the head of the title: "Secretary-General of the United Nations",
    # not "Special Representative of the Secretary-General"
    head = TITLE_COMPLEMENT.search(title)
    head_end = head.start() if head else len(title)
    return any((m := p.search(title)) and m.start() < head_end for p in patterns)


def _name_key(text: str) -> str:
    return " ".join(normalize(text).split())


def _strip_article(key: str) -> str:
    return key.removeprefix(DEFINITE_ARTICLE)


def nisba_stems(word: str) -> list[str]:
    """Return the masculine singular forms a nisba adjective may stand for, normalised.

    الصينية → صيني; الأمريكيين → امريكي; الكازاخي → كازاخي; الفلسطينيى → فلسطيني (its ي written
    twice). Only forms ending in ي are returned.
    """
    base = _strip_article(_name_key(word))
    if base.endswith(DOUBLED_NISBA_ENDING):
        base = base[: -len(NISBA_ENDING)]
    forms = [base] + [base.removesuffix(suffix) for suffix in NISBA_SUFFIXES if base.endswith(suffix)]
    return [f for f in dict.fromkeys(forms) if f.endswith(NISBA_ENDING) and len(f) > MIN_NISBA_STEM]


def _name_prefixes(name: str) -> list[str]:
    """The name less each of NAME_ENDINGS it ends with (كازاخستان → كازاخستان، كازاخ): what a nisba's stem may be."""
    return [name[: len(name) - len(ending)] for ending in NAME_ENDINGS if name.endswith(ending)]


def read_role_keywords(path: Path) -> dict[str, tuple[str, ...]]:
    """Return each role keyword with the other titles it matches, from a two-column TSV."""
    keywords = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        keyword, _, titles = line.partition("\t")
        keywords[keyword.strip().casefold()] = tuple(t.strip().casefold() for t in titles.split("|") if t.strip())
    return keywords


def read_tagger_names(path: Path) -> list[tuple[str, str]]:
    """Return the (normalised name, entry id) rows of kb_tagger_names.tsv."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [(name, kb_id) for name, _, kb_id in (line.split("\t") for line in lines[1:])]


class KnowledgeBase:
    """Entries indexed by id, normalised Arabic name and nisba adjective, with office-holder look-up."""

    def __init__(self, entries: Iterable[KBEntry], role_keywords: dict[str, tuple[str, ...]],
                 tagger_names: Iterable[tuple[str, str]] | None = None) -> None:
        """Args:
            entries: the entries.
            role_keywords: each role keyword with the other titles it matches.
            tagger_names: (normalised name, entry id) pairs the tagger's gazetteer is built from; None: every name.
        """
        self._entries = {entry.id: entry for entry in entries}
        self._role_keywords = role_keywords
        self._tagger_names = None if tagger_names is None else [(name, self._entries[kb_id]) for name, kb_id in tagger_names]
        self._by_name: dict[str, list[KBEntry]] = defaultdict(list)
        for entry in self._entries.values():
            for name in entry.keys or dict.fromkeys(_name_key(n) for n in entry.names_ar):
                self._by_name[name].append(entry)
        # the first words of people's names of two words or more: given names, kept in the image
        # so that ner need not scan every name at start-up
        self.given_names = frozenset(words[0] for name, found in self._by_name.items()
                                     if len(words := name.split()) > 1 and any(e.type == "PER" for e in found))
        countries = [e for e in self._entries.values() if e.is_country]
        by_demonym: dict[str, set[str]] = defaultdict(set)
        for country in countries:
            for demonym in country.demonyms:
                by_demonym[_name_key(demonym)].add(country.id)
        # a demonym two countries share tells nothing
        self._by_demonym = {d: self._entries[ids.pop()] for d, ids in by_demonym.items() if len(ids) == 1}
        # for the prefix fallback: each country by its label and its one-word names, without ال and
        # less each of NAME_ENDINGS (كازاخ → كازاخستان): a nisba's stem is looked up, not matched against every name
        self._countries_by_prefix: dict[str, dict[str, KBEntry]] = defaultdict(dict)
        for country in countries:
            for name in {_strip_article(_name_key(n)) for n in (country.label_ar, *country.names_ar)
                         if n == country.label_ar or " " not in n.strip()}:
                for prefix in _name_prefixes(name):
                    self._countries_by_prefix[prefix][country.id] = country
        # for two-word nisbas: countries named by a noun and its adjective (كوريا الجنوبية), by the
        # noun less each of NAME_ENDINGS
        self._adjectival_names: dict[str, list[tuple[KBEntry, str]]] = defaultdict(list)
        for country in countries:
            for name in dict.fromkeys(_name_key(n) for n in (country.label_ar, *country.names_ar)):
                if len(words := name.split()) == 2 and words[1].startswith(DEFINITE_ARTICLE):
                    for adjective in nisba_stems(words[1]):
                        for prefix in _name_prefixes(words[0]):
                            self._adjectival_names[prefix].append((country, adjective))

    @classmethod
    def load(cls, path: Path | None = None) -> KnowledgeBase:
        """Read a kb.jsonl file (default: the one bundled with kg) and the role keywords beside the module."""
        with (path or DEFAULT_KB).open(encoding="utf-8") as lines:
            entries = [KBEntry.from_json(json.loads(line)) for line in lines if line.strip()]
        return cls(entries, read_role_keywords(ROLE_KEYWORDS), read_tagger_names(TAGGER_NAMES) if path is None else None)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, kb_id: str) -> KBEntry | None:
        """Return the entry with this id (a QID or a kg: slug), or None."""
        return self._entries.get(kb_id)

    def lookup(self, name: str) -> list[KBEntry]:
        """Return the entries with this full name, normalised; tries the name without ال when nothing matches."""
        key = _name_key(name)
        found = self._by_name.get(key) or self._by_name.get(_strip_article(key)) or []
        return list(found)

    def entries(self) -> Iterator[KBEntry]:
        """Every entry, in the order of kb.jsonl."""
        return iter(self._entries.values())

    def names(self) -> Iterator[tuple[str, KBEntry]]:
        """Yield (normalised name, entry) for the tagger's gazetteer: the names the shipped CRF was trained with."""
        if self._tagger_names is None:
            yield from self.all_names()
        else:
            yield from self._tagger_names

    def all_names(self) -> Iterator[tuple[str, KBEntry]]:
        """Yield (normalised name, entry) for every name of every entry."""
        for name, entries in self._by_name.items():
            for entry in entries:
                yield name, entry

    def country_of_nisba(self, word: str) -> KBEntry | None:
        """Return the country a nisba adjective refers to (الصينية → China), or None.

        Uses the curated demonyms first; otherwise the adjective without its final ي must be
        the name of exactly one country without one of its NAME_ENDINGS (كازاخ → كازاخستان).
        """
        stems = nisba_stems(word)
        for stem in stems:
            if stem in self._by_demonym:
                return self._by_demonym[stem]
        for stem in stems:
            matches = self._countries_by_prefix.get(stem[: -len(NISBA_ENDING)], {})
            if len(matches) == 1:
                return next(iter(matches.values()))
        return None

    def country_of_nisba_pair(self, first: str, second: str) -> KBEntry | None:
        """Return the country two nisba adjectives name together (الكوري الشمالي → North Korea), or None.

        The first, without its final ي, must be the noun (less one of its NAME_ENDINGS) of
        exactly one country named by a noun and an adjective (كوريا الشمالية) whose adjective
        is the second.
        """
        adjectives = set(nisba_stems(second))
        for stem in nisba_stems(first) if adjectives else ():
            matches = {c.id: c for c, adjective in self._adjectival_names.get(stem[: -len(NISBA_ENDING)], ())
                       if adjective in adjectives}
            if len(matches) == 1:
                return next(iter(matches.values()))
        return None

    def office_holder(self, role_keyword: str, country_qid: str | None, date: str | None, surely: bool = False) -> KBEntry | None:
        """Return the one person who held an office in a country on a date, or None when unknown or ambiguous.

        Args:
            role_keyword: "president", "prime minister", "foreign minister", "chancellor", "king", ...
            country_qid: the country or organisation (its KB id) the office belongs to; None for any.
            date: YYYY or YYYY-MM-DD; None prefers the holder whose term is still open.
            surely: count only terms that cover the date at its own precision (`Role.covers`).
        """
        titles = self._title_patterns(role_keyword)
        holders = {}
        for entry in self._entries.values():
            for role in entry.roles:
                if country_qid is not None and country_qid not in (role.country, role.org):
                    continue
                if not _names_office(role.role, titles):
                    continue
                if role.covers(date, surely) if date else role.end is None:
                    holders[entry.id] = entry
        return next(iter(holders.values())) if len(holders) == 1 else None

    def office_of(self, entry_id: str, role_keywords: Iterable[str], date: str | None) -> str | None:
        """Return the keyword of the one office in a state the entity held on a date (ناقش بلينكن
        مع نظيره الصيني: Blinken's «foreign minister»), or None when it held none or several.

        Args:
            entry_id: the person's KB id.
            role_keywords: the offices to tell apart, as `office_holder` takes them; synonyms may repeat one office.
            date: YYYY or YYYY-MM-DD; None takes the offices still held.
        """
        entry = self._entries.get(entry_id)
        held = [role for role in (entry.roles if entry else ()) if role.country and (role.covers(date) if date else role.end is None)]
        found = {}
        for keyword in role_keywords:
            roles = [role for role in held if _names_office(role.role, self._title_patterns(keyword))]
            if len(roles) == 1:
                found.setdefault(roles[0], keyword)
        return next(iter(found.values())) if len(found) == 1 else None

    def _title_patterns(self, role_keyword: str) -> list[re.Pattern[str]]:
        keyword = " ".join(role_keyword.casefold().split())
        # whole words, and not "vice president" / "deputy prime minister" / "under-secretary-general"
        not_subordinate = "".join(rf"(?<!{q}[ -])" for q in SUBORDINATE_TITLES)
        return [re.compile(rf"(?<![\w-]){not_subordinate}{re.escape(title)}(?![\w-])", re.IGNORECASE)
                for title in (keyword, *self._role_keywords.get(keyword, ()))]
