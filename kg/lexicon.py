"""The project's Arabic lexicons (relation triggers, titles, cue words and organisation heads, letter classes), checked as they load."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.nlp import clitic_variants, normalize, remembered
from kg.terms import ENTITY_TYPES, PREDICATES

DATA = Path(__file__).parent / "data"
# The kinds of cues.tsv the rules ask for (its header says what each means); org_head is no cue
# of its own: a noun that opens an organisation's name, whatever other kind it has.
ORG_HEAD = "org_head"
CUE_KINDS = frozenset({
    "negation", "modality", "time", "today", "yesterday", "past", "place", "former", "collective", "statement",
    "relative", "direction", "rank", "nonstate", "heads", "honorific", "future", "state_body", "belongs", "state", "agent",
    "death", "act", "group", "claim", "unit", "meeting", "idiom", "report", "quote", "according", "describes",
    "clause_negation", "facility", "reciprocal", "setting", "venue", "may", "so_doing", "list", "copula", "holds", "office", "regime",
    "duration", "question", "kin", "tomorrow", "later", "site", "member", "people", "carrier", "undergo", "necessity", "all", "belief", "host", "arms", "force", "impersonal", "purpose", "obligation",
    "outlet",
    *(f"day-{n}" for n in range(7)), *(f"month-{n}" for n in range(1, 13)), ORG_HEAD,
})
# Kinds of cues.tsv that name the closed-class words and letters the rules read by their part in
# a sentence or a word (ان, كان, the prepositions, the commas of apposition, a verb's person
# prefixes and a clitic's letters, the links inside a person's name): a word may have any of these
# besides its cue kind (في is also a setting cue; ابن a kin cue, a name_link and a kinship_link).
GRAMMAR_KINDS = frozenset({
    "that", "was", "preposition", "title_preposition", "in", "on", "from", "about", "with", "between", "before",
    "relative_masculine", "relative_feminine", "killing", "comma", "apposition", "accusative_ending", "feminine_ending",
    "present_prefix", "feminine_letter", "plural_ending", "number_letter", "conjunction",
    "article", "bi_prep", "li_prep", "ka_prep", "3fs_dobj", "3ms_dobj", "3mp_dobj", "3fp_dobj", "3d_dobj",
    "name_link", "kinship_link", "verbal_noun_pattern", "ya_name", "claiming", "decree", "wherein", "dash",
    "regarding",
})
Grammar = dict[str, frozenset[str]]  # a grammar kind -> its normalised words
TITLE_RELATIONS = ("leader_of", "member_of")
# Where a frame of relations.tsv comes from (one or more, joined by +): written by hand, mined from
# ANT, UniversalPetrarch.
FRAME_SOURCES = ("curated", "mined", "UP")
SCRIPTS = ("ar", "lat")
FRAME_COLUMNS = ("lemma", "pos", "predicate", "object_prep", "requires", "subject_prep", "object_types", "cameo", "source")
SENSE_COLUMNS = ("lemma", "pos", "predicate", "near", "reading")
# How a description of descriptions.tsv finds its state: always the same one, the last one named,
# or every state of a set (دول المقاطعة).
DESCRIPTION_REFERS = ("fixed", "last", "set")


class LexiconError(Exception):
    """A lexicon file that cannot be read; the message names the file and line."""


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

    @property
    def counterpart(self) -> bool:
        """The title names the office of the person spoken of before (نظيره)."""
        return self.role_en == "counterpart"


@dataclass(frozen=True, slots=True)
class Description:
    """A phrase that stands for a state as a party (descriptions.tsv): الدولة العبرية، هذه الدولة."""

    words: tuple[str, ...]  # normalised
    refers: str  # one of DESCRIPTION_REFERS
    states: tuple[str, ...]  # normalised Arabic names of the states it may be; () for any


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) -> its frames, in file order
    titles: dict[tuple[str, ...], Title]
    cues: dict[str, str]  # normalised word -> its kind (cues.tsv)
    org_heads: frozenset[str]
    max_title_words: int
    letter_classes: dict[str, dict[str, str]]  # "ar" / "lat" -> written letters -> class
    # (lemma, pos, predicate) -> lemmas that, in the trigger's clause, say another sense (events/senses.tsv)
    other_senses: dict[tuple[str, str, str], frozenset[str]] = field(default_factory=dict)
    grammar: Grammar = field(default_factory=dict)
    relative_pronouns: frozenset[str] = frozenset()  # the cues of kind relative (made once: the rules read it per token)
    descriptions: dict[tuple[str, ...], Description] = field(default_factory=dict)  # normalised words -> description
    _cue_of: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)  # `cue`'s answers by word
    _title_heads: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)  # the titles' first words
    _heads_of: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)  # `title_heads`' answers by word

    def __post_init__(self) -> None:
        object.__setattr__(self, "_title_heads", frozenset(words[0] for words in self.titles))

    def words_of(self, kind: str) -> frozenset[str]:
        """Return the normalised cue words of one kind (cues.tsv)."""
        return frozenset(word for word, word_kind in self.cues.items() if word_kind == kind)

    def cue(self, norm: str) -> str | None:
        """Return the kind of a cue word, also when it carries a clitic (وأمس)."""
        return remembered(self._cue_of, norm, lambda word: next(
            (self.cues[variant] for variant, _ in clitic_variants(word) if variant in self.cues), None))

    def is_time(self, norm: str) -> bool:
        """Tell whether a word names a day or month (never part of a name)."""
        kind = self.cues.get(norm, "")
        return kind in ("time", "today", "yesterday", "tomorrow") or kind.startswith(("day-", "month-"))

    @classmethod
    def load(cls, folder: Path = DATA) -> Lexicon:
        """Read and check the lexicon files of `folder` (the package's data folder by default).

        Raises:
            LexiconError: on a missing column, an unknown predicate, entity type, title relation,
                cue kind, script or frame source, a word given two cue kinds, or another sense
                (events/senses.tsv) of a frame the lexicon does not have.
        """
        triggers: dict[tuple[str, str], tuple[Trigger, ...]] = {}
        # relations.tsv, then any frame file of events/ (*.frames.tsv, the same columns): a new
        # trigger or frame is one line of data.
        frame_files = [folder / "relations.tsv", *sorted((folder / "events").glob("*.frames.tsv"))]
        for where, row in (item for path in frame_files for item in _rows(path, FRAME_COLUMNS)):
            _check(row["predicate"] in PREDICATES, where, f"unknown predicate {row['predicate']!r}")
            _check(set(row["source"].split("+")) <= set(FRAME_SOURCES), where,
                   f"source {row['source']!r} is not one or more of {', '.join(FRAME_SOURCES)} joined by +")
            object_types = frozenset(t for t in row["object_types"].split("|") if t != "-")
            _check(object_types <= set(ENTITY_TYPES), where, f"unknown entity type in {row['object_types']!r}")
            trigger = Trigger(
                lemma=normalize(row["lemma"]),
                pos=row["pos"],
                predicate=row["predicate"],
                object_prep=_optional(row["object_prep"]),
                requires=tuple(normalize(w) for w in row["requires"].split("|") if w != "-"),
                subject_prep=_optional(row["subject_prep"]),
                object_types=object_types,
            )
            key = (trigger.lemma, trigger.pos)
            triggers[key] = (*triggers.get(key, ()), trigger)
        other_senses: dict[tuple[str, str, str], frozenset[str]] = {}
        senses = folder / "events" / "senses.tsv"
        for where, row in _rows(senses, SENSE_COLUMNS) if senses.exists() else ():
            key = (normalize(row["lemma"]), row["pos"], row["predicate"])
            _check(any(t.predicate == key[2] for t in triggers.get(key[:2], ())), where,
                   f"no frame of {row['lemma']} {row['pos']} gives {row['predicate']}")
            other_senses[key] = other_senses.get(key, frozenset()) | {normalize(w) for w in row["near"].split("|")}
        titles = {}
        for where, row in _rows(folder / "titles.tsv", ("title", "relation", "role_en")):
            relation = row["relation"]
            _check(relation == "-" or (relation in TITLE_RELATIONS and relation in PREDICATES), where,
                   f"a title's relation is {' or '.join(TITLE_RELATIONS)} or -, not {relation!r}")
            words = tuple(normalize(row["title"]).split())
            titles[words] = Title(words, relation, row["role_en"])
        cues: dict[str, str] = {}
        heads = set()
        grammar: Grammar = {kind: frozenset() for kind in GRAMMAR_KINDS}
        for where, row in _rows(folder / "cues.tsv", ("word", "kind")):
            word, kind = normalize(row["word"]), row["kind"]
            _check(kind in CUE_KINDS | GRAMMAR_KINDS, where, f"unknown kind {kind!r}")
            if kind in GRAMMAR_KINDS:
                grammar[kind] |= {word}
                continue
            if kind == ORG_HEAD:  # matched with or without the article (الحكومة، حكومة)
                heads.add(word.removeprefix("ال"))
                continue
            _check(cues.setdefault(word, kind) == kind, where,
                   f"{row['word']} is a {cues[word]} cue already; a word has one kind besides {ORG_HEAD}")
        classes: dict[str, dict[str, str]] = {script: {} for script in SCRIPTS}
        for where, row in _rows(folder / "transliteration.tsv", ("script", "written", "class")):
            _check(row["script"] in SCRIPTS, where, f"unknown script {row['script']!r} (one of {', '.join(SCRIPTS)})")
            written = unicodedata.normalize("NFKD", row["written"])
            classes[row["script"]][written] = "" if row["class"] == "-" else row["class"]
        relatives = frozenset(word for word, kind in cues.items() if kind == "relative")
        descriptions = {}
        for where, row in _rows(folder / "descriptions.tsv", ("description", "refers", "states")):
            _check(row["refers"] in DESCRIPTION_REFERS, where, f"refers is one of {', '.join(DESCRIPTION_REFERS)}, not {row['refers']!r}")
            states = tuple(normalize(state) for state in row["states"].split("|") if state != "-")
            _check(row["refers"] != "fixed" or len(states) == 1, where, "a fixed description names one state")
            _check(row["refers"] != "set" or len(states) > 1, where, "a set names its states")
            words = tuple(normalize(row["description"]).split())
            descriptions[words] = Description(words, row["refers"], states)
        return cls(triggers, titles, cues, frozenset(heads), max(len(words) for words in titles), classes, other_senses, grammar,
                   relatives, descriptions)

    def title_heads(self, norm: str) -> tuple[str, ...]:
        """Return the forms of a word, as written and without clitics (`clitic_variants`), that begin a title (most words: none)."""
        return remembered(self._heads_of, norm,
                          lambda word: tuple(variant for variant, _ in clitic_variants(word) if variant in self._title_heads))

    def title_at(self, norms: list[str], i: int) -> Title | None:
        """Return the longest title starting at token i of a sentence's normalised tokens.

        A conjunction و or ف and a preposition ب or ل on the title's first word are allowed
        (والرئيس الفرنسي؛ لأمير الكويت؛ للرئيس الأمريكي: لل is ل + ال).
        """
        # Most words begin no title: only a variant that begins one is tried at each length.
        heads = self.title_heads(norms[i]) if i < len(norms) else ()
        if not heads:
            return None
        for size in range(min(self.max_title_words, len(norms) - i), 0, -1):
            rest = tuple(norms[i + 1 : i + size])
            for head in heads:
                if title := self.titles.get((head, *rest)):
                    return title
        return None


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ("file:line", row) for each row of a tab-separated file with a header; # lines are comments."""
    header = None
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            where = f"{path}:{number}"
            if header is None:
                _check(cells == list(columns), where, f"the header is not {' '.join(columns)}")
                header = cells
                continue
            _check(len(cells) == len(header) and all(cells), where,
                   f"{len(header)} tab-separated columns expected, {len(cells)} found (a cell may be -, not empty)")
            yield where, dict(zip(header, cells))


def _check(condition: bool, where: str, problem: str) -> None:
    if not condition:
        raise LexiconError(f"{where}: {problem}")


def _optional(value: str) -> str | None:
    return None if value == "-" else normalize(value)
