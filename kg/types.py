"""The records that flow through kg: one article in, entities and relations out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its input; `body` is the text all offsets point into."""

    id: str
    body: str
    source: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the body with its chosen morphological analysis.

    `start`/`end` slice `Document.body`; `norm` is the normalised surface form
    (dediacritised, alef/ya/ta-marbuta unified, tatweel removed) and never replaces `text`.
    """

    text: str
    start: int
    end: int
    norm: str
    lemma: str  # dediacritised lemma, or `norm` when the word has no analysis
    pos: str  # CAMeL POS tag: noun, noun_prop, verb, adj, prep, punc, digit, ...
    prefixes: tuple[str, ...] = ()  # proclitics, e.g. ("wa_conj", "Al_det")
    enclitic: str | None = None  # e.g. "3ms_dobj"
    gloss: str = ""  # English gloss of the chosen analysis
    person: str | None = None  # "1", "2", "3" for verbs
    voice: str | None = None  # "a" active, "p" passive
    number: str | None = None  # "s", "d", "p": for verbs, the number of the subject
    gender: str | None = None  # "m", "f" (functional: خليفة "m", a broken plural's own); None when either or unknown
    analysed: bool = True  # False when the database had no analysis (a likely foreign name)
    respelled: bool = False  # the reading holds only for another spelling of the word


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name or description in the text: `text == body[start:end]`, whole tokens [tok_start, tok_end).

    Offsets cover whole words, clitics included (وفرنسا), as Arabic NER gold marks them;
    `name` drops them for linking and labels.
    """

    text: str
    start: int
    end: int
    sentence: int
    type: str  # PER, ORG, LOC, MISC
    tok_start: int
    tok_end: int
    kb_id: str | None = None  # knowledge-base entry the name matched, if any
    nominal: bool = False  # a title or nisba standing for its holder or country (الرئيس الكازاخي)
    named: bool = True  # a proper name; False for a description (الحكومة، وزارة الخارجية) and nominal mentions
    bare: str = ""  # the text without the clitics before the name (وفرنسا → فرنسا); "" when none

    @property
    def name(self) -> str:
        """The name as linking and labels read it, without leading clitics."""
        return self.bare or self.text


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing in an article, with every mention of it."""

    id: str  # IRI
    type: str
    label_ar: str
    label_en: str | None
    wikidata: str | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str  # entity IRI
    predicate: str  # a term of CONTRACT.md's vocabulary
    object: str  # entity IRI
    sentence: int
    evidence: str
    start: int  # offsets of the evidence sentence in the body
    end: int
    trigger: str | None
    trigger_start: int | None
    trigger_end: int | None
    confidence: float
    negated: bool = False
    date: str | None = None
    attributed_to: str | None = None  # entity IRI of who reports it (حسبما ذكرت X)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything kg found in one article."""

    doc: Document
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...] = field(default=())
