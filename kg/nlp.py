"""Arabic NLP with camel-tools: sentences, tokens with offsets, normalised forms, analyses."""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from itertools import islice
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import NamedTuple

from kg.camel_db import AR_DIACRITICS, ARABIC_NORMALIZATION, dediac, image_path
from kg.files import WordTable, word_table
from kg.types import Document, Sentence, Token

TATWEEL = "\u0640"
# No diacritics, one alef, ya for alef maqsura, ha for ta marbuta, no tatweel: what camel-tools'
# dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar and normalize_teh_marbuta_ar do together.
_MATCHING_FORM = str.maketrans({**dict.fromkeys(AR_DIACRITICS), **ARABIC_NORMALIZATION})
# Arabic combining marks (harakat, shadda, superscript alef, Quranic marks) belong to the word.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_TOKEN = re.compile(rf"(?:[^\W_]|[{_MARKS}{TATWEEL}\u200c\u200d])+|[^\s]", re.UNICODE)
# A sentence ends at . ! ? ؟ (or a line break) followed by space or, in careless text, by
# the next word's first letter (الشرطة.وندد); quotes may close it.
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'»”)]*(?=\s|[^\W\d_])|\n\s*")
# Verbs in news narrative are third person: first and second person readings (أقال read as
# "I was said") come from quotes at most, so they lose against a third-person reading.
_NON_THIRD_PERSON_PENALTY = 3.0
# The relation lexicon breaks near-ties between lemmas (أقال / قال); it never outweighs
# the database's preference between parts of speech, which it does not apply to.
_LEXICON_BONUS = 1.0
_AFTER_PREPOSITION_VERB_PENALTY = 2.0
# A relative pronoun opens a clause that is nearly always verbal: الدور الذي لعبه X is "which X
# played", not "whose playing" (the database scores the noun لعب + his a hair higher). For the
# relation engine only: the NER model reads the readings it was trained with (`without_lexicon`).
_AFTER_RELATIVE_VERB_BONUS = 1.0
# A spelling-variant reading assumes a misspelling (وزارة read as وزاره "he visited him").
_SPELLING_VARIANT_PENALTY = 3.0
# Emphatic لَـ is rare in news prose; the same letter is mostly the preposition لِـ
# (لحقوق الإنسان "for human rights"), which the database scores the same.
_EMPHATIC_LAM_PENALTY = 0.5
# A root ending in ن hides the feminine plural's ن (عيّنّهما "they (f.) appointed them" is written
# as عيّنهما "he appointed them"); the database scores both the same, and news means the singular.
_PLURAL_VERB_TIE_PENALTY = 0.1
_NO_LOGPROB = -12.0
_MAX_CACHED_WORDS = 100_000
_NO_CLITIC = frozenset((None, "0", "na"))
_NO_VALUE = frozenset((None, "na"))
_NO_NUMBER = frozenset((None, "na", "u"))
# A gender that rules the other out; "b" (both), "u" (undecided), "-" (an elative, الأعلى) and "na" do not.
_GENDERS = frozenset(("m", "f"))
# The readings are made by this module's code (as read when it was imported).
_CODE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).digest()
# Proclitics a word can carry in running text: و/ف (and), ب (with), ل (for), ك (like).
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
# Words analysed once, at install time, into the readings table (`CommonReadings`): the NER
# training text's word forms (scripts/build_word_list.py), at most MAX_COMMON_WORDS of them.
COMMON_WORDS = Path(__file__).parent / "data" / "news_words.txt"
MAX_COMMON_WORDS = 50_000
_TABLE_PREFIX = "kg-readings-"


_UNSEEN = object()


def remembered(table: dict, key, make: Callable):
    """`table[key]`, made by `make(key)` the first time it is asked for.

    A per-word memo: nearly every word of a text is asked for again and again. The table is emptied
    once it holds `_MAX_CACHED_WORDS` answers, a bound on a long build's memory.
    """
    found = table.get(key, _UNSEEN)
    if found is _UNSEEN:
        if len(table) >= _MAX_CACHED_WORDS:
            table.clear()
        found = table[key] = make(key)
    return found


def normalize(text: str) -> str:
    """Return the matching form of Arabic text: no diacritics or tatweel, one alef, ya and ha.

    Every offset-free comparison in kg (lexicon, gazetteer, names) goes through this.
    """
    return text.translate(_MATCHING_FORM)


@functools.lru_cache(maxsize=_MAX_CACHED_WORDS)  # asked for the same words by every stage
def clitic_variants(norm: str, shortest: int = 2) -> tuple[tuple[str, int], ...]:
    """Return a normalised word and its forms without leading clitics, each with the letters removed.

    Args:
        shortest: the fewest letters left after a conjunction و/ف (ولم → لم with 2); the CRF's
            features were trained with 3.
    """
    variants = [(norm, 0)]
    for conj in ("", *_CONJUNCTIONS):
        if conj and not norm.startswith(conj):
            continue
        rest = norm[len(conj) :]
        if conj and len(rest) >= shortest:
            variants.append((rest, len(conj)))
        # ل + ال is written لل (للاتحاد = ل + الاتحاد).
        if rest.startswith("لل") and len(rest) > 3:
            variants.append(("ا" + rest[1:], len(conj) + 1))
        elif rest[:1] in _PREPOSITIONS and len(rest) > 3:
            variants.append((rest[1:], len(conj) + 1))
    return tuple(variants)


class Reading(NamedTuple):
    """One morphological analysis of a word, reduced to what kg uses.

    A named tuple, not a dataclass: every new word makes several, and a tuple is made (and
    pickled into the word cache, and sent back by every worker) several times faster.
    """

    lemma: str
    pos: str
    prefixes: tuple[str, ...]
    enclitic: str | None
    gloss: str
    person: str | None
    voice: str | None
    number: str | None
    gender: str | None
    logprob: float
    source: str


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, trimmed of surrounding white space."""
    spans, start = [], 0
    for end_match in _SENTENCE_END.finditer(body):
        spans.append((start, end_match.end()))
        start = end_match.end()
    spans.append((start, len(body)))
    trimmed = []
    for start, end in spans:
        text = body[start:end]
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            trimmed.append((start + lead, start + lead + len(stripped)))
    return trimmed


def token_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return (start, end) of each word or punctuation mark in body[start:end]."""
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(body[start:end])]


class Analyzer:
    """Tokenises and analyses text with the camel-tools database, caching per word.

    Args:
        morphology: a loaded `kg.camel_db.Morphology` (or anything whose `analyze` returns
            tuples of `kg.camel_db.FIELDS`).
        lexicon_lemmas: normalised lemmas of the relation lexicon, preferred among readings.
        common: the common words' readings table (`CommonReadings.load`), read before analysing a word.
        relative_pronouns: normalised relative pronouns (`Lexicon.relative_pronouns`), after which the relation engine's verb reading wins.
    """

    def __init__(self, morphology, lexicon_lemmas: Collection[str] = (), common: CommonReadings | None = None,
                 relative_pronouns: Collection[str] = ()):
        self._analyze: Callable[[str], list[tuple]] = morphology.analyze
        self._lexicon_lemmas = frozenset(lexicon_lemmas)
        self._relative_pronouns = frozenset(relative_pronouns)
        # Starts from the common words' table; a corpus run fills it from earlier runs and from its workers.
        self.words = WordReadings(common=common)
        self._lexicon_words: dict[str, bool] = {}  # word -> has a reading of a lexicon lemma
        self._choices: dict[tuple[str, str | None, bool], tuple] = {}  # (word, `_context`, lexicon) -> Token fields

    def __call__(self, doc: Document) -> tuple[Sentence, ...]:
        """Split a document into sentences of analysed tokens."""
        sentences = []
        for index, (start, end) in enumerate(sentence_spans(doc.body)):
            tokens: list[Token] = []
            for tok_start, tok_end in token_spans(doc.body, start, end):
                previous = tokens[-1] if tokens else None
                tokens.append(self.token(doc.body[tok_start:tok_end], tok_start, tok_end, previous))
            sentences.append(Sentence(index, start, end, tuple(tokens)))
        return tuple(sentences)

    def token(self, text: str, start: int, end: int, previous: Token | None = None, lexicon: bool = True) -> Token:
        """Analyse one word and choose its reading in context (`lexicon`: let the relation lexicon break near-ties)."""
        return Token(text, start, end, *self._fields(text, previous, lexicon))

    def _fields(self, text: str, previous: Token | None, lexicon: bool) -> tuple:
        """The fields of a word's `Token` after its offsets, chosen once per word and context."""
        return remembered(self._choices, (text, self._context(previous), lexicon), lambda key: self._choose(*key))

    def _context(self, previous: Token | None) -> str | None:
        """What the word before tells of a word's part of speech: "prep" after a preposition,
        "relative" after a relative pronoun, else None."""
        if previous is None:
            return None
        if previous.pos == "prep":
            return "prep"
        return "relative" if previous.norm in self._relative_pronouns else None

    def _choose(self, text: str, context: str | None, lexicon: bool) -> tuple:
        """The fields of a word's `Token` after its offsets, with the reading that wins in this context."""
        norm = normalize(text)
        # Analyse the undiacritised surface, not `norm`: ta marbuta and hamza tell words
        # apart (إقالة "dismissal" is not أقاله "he dismissed him").
        readings = self.readings(word_key(text))
        if not readings:
            return (norm, norm, _punctuation_pos(norm), (), None, "", None, None, None, None, False, False)
        best = max(readings, key=lambda reading: self._score(reading, context, lexicon))
        return (norm, best.lemma, best.pos, best.prefixes, best.enclitic, best.gloss, best.person, best.voice,
                best.number, best.gender, best.source != "backoff", best.source == "spvar")

    def plain_tokens(self, text: str) -> list[Token]:
        """A word's tokens as `without_lexicon` may give them to the NER model: alone, and after a preposition."""
        return [Token(text, 0, len(text), *self._choose(text, context, lexicon=False)) for context in (None, "prep")]

    def without_lexicon(self, tokens: Sequence[Token]) -> list[Token]:
        """Choose the tokens' readings again as the database alone prefers them.

        The NER model reads these, so that it stays the same model when the relation lexicon grows.
        """
        if not self._lexicon_lemmas:
            return list(tokens)
        plain: list[Token] = []
        for k, token in enumerate(tokens):
            previous = plain[-1] if plain else None
            # A word with no lexicon reading, after an unchanged word that is no relative pronoun, keeps its reading.
            if ((previous is None or (previous is tokens[k - 1] and self._context(previous) != "relative"))
                    and not self._has_lexicon_reading(token.text)):
                plain.append(token)
                continue
            fields = self._fields(token.text, previous, lexicon=False)
            # Nearly always the same reading wins without the lexicon: the token is kept, not made again.
            plain.append(token if fields == _fields_of(token) else Token(token.text, token.start, token.end, *fields))
        return plain

    def _has_lexicon_reading(self, text: str) -> bool:
        return remembered(self._lexicon_words, text,
                          lambda word: any(r.lemma in self._lexicon_lemmas for r in self.readings(word_key(word))))

    def readings(self, word: str) -> tuple[Reading, ...]:
        """Return the distinct readings of an undiacritised word (cached)."""
        cached = self.words.get(word)
        if cached is None:
            cached = word_readings(self._analyze, word)
            self.words.add(word, cached)
        return cached

    def _score(self, reading: Reading, context: str | None, lexicon: bool) -> float:
        score = reading.logprob if reading.logprob > -90 else _NO_LOGPROB
        if lexicon and reading.lemma in self._lexicon_lemmas:
            score += _LEXICON_BONUS
        if reading.pos == "verb" and reading.person in ("1", "2"):
            score -= _NON_THIRD_PERSON_PENALTY
        # A preposition governs a noun: after في / على / إلى a verb reading is unlikely.
        if reading.pos == "verb" and context == "prep":
            score -= _AFTER_PREPOSITION_VERB_PENALTY
        if lexicon and reading.pos == "verb" and context == "relative":
            score += _AFTER_RELATIVE_VERB_BONUS
        if reading.source == "spvar":
            score -= _SPELLING_VARIANT_PENALTY
        if reading.pos == "verb" and reading.number == "p":
            score -= _PLURAL_VERB_TIE_PENALTY
        if "la_emph" in reading.prefixes:
            score -= _EMPHATIC_LAM_PENALTY
        return score


class WordReadings:
    """Readings per undiacritised word, bounded (a corpus run keeps those analysed for the next: `kg.corpus`).

    Args:
        readings: the readings to start with.
    """

    def __init__(self, readings: dict[str, tuple[Reading, ...]] | None = None, common: CommonReadings | None = None):
        self._readings = {} if readings is None else readings
        self._common = common
        self._fresh: dict[str, tuple[Reading, ...]] = {}  # analysed here since the last take_fresh()
        self._from_common: set[str] = set()  # kept from the table: not `analysed` (a look-up there costs ~1.5 µs)

    def __len__(self) -> int:
        return len(self._readings)

    def get(self, word: str) -> tuple[Reading, ...] | None:
        """A word's readings if known here or in the common words' table (then kept here, not as fresh:
        every process has the table)."""
        found = self._readings.get(word)
        if found is None and self._common is not None:
            found = self._common.get(word)
            if found is not None:
                self.add(word, found, fresh=False)
                self._from_common.add(word)
        return found

    def add(self, word: str, readings: tuple[Reading, ...], fresh: bool = True) -> None:
        """Keep a word's readings; when full, forget the older half first.

        Frequent words come back at once, and memory stays bounded over a corpus of any size.
        """
        if len(self._readings) >= _MAX_CACHED_WORDS:
            for old in list(islice(self._readings, _MAX_CACHED_WORDS // 2)):
                del self._readings[old]
        self._readings[word] = readings
        if fresh and len(self._fresh) < _MAX_CACHED_WORDS:
            self._fresh[word] = readings

    def readings(self) -> dict[str, tuple[Reading, ...]]:
        return self._readings

    def update(self, readings: dict[str, tuple[Reading, ...]]) -> None:
        """Keep readings analysed elsewhere (by another worker)."""
        for word, word_readings in readings.items():
            if word not in self._readings:
                self.add(word, word_readings, fresh=False)

    def take_fresh(self) -> dict[str, tuple[Reading, ...]]:
        """The words analysed here since the last call, for a corpus run to gather from its workers."""
        fresh, self._fresh = self._fresh, {}
        return fresh

    def analysed(self) -> dict[str, tuple[Reading, ...]]:
        """The readings kept but the common words' (every process has their table)."""
        common = self._from_common
        return {word: readings for word, readings in self._readings.items() if word not in common}


class CommonReadings:
    """The readings of common words (`COMMON_WORDS`), made once from the installed database.

    The database is GPL, so the table is derived on the user's machine, beside the analysis
    image, and made again when that image or this module changes. Each word's readings are
    kept pickled and unpickled when the word is first met (~10 µs, against ~100 µs to analyse
    it): unpickling every word's would add ~170 ms to start-up; the table (`kg.files.WordTable`) is
    read through a memory map, its pages shared by a corpus run's workers.
    """

    def __init__(self, pickled: WordTable | dict[str, bytes]):
        self._pickled = pickled

    def __len__(self) -> int:
        return len(self._pickled)

    def get(self, word: str) -> tuple[Reading, ...] | None:
        data = self._pickled.get(word)
        return None if data is None else pickle.loads(data)

    @classmethod
    def load(cls, morphology) -> CommonReadings:
        """The table of the installed analysis image and this kg, made first when it is missing or stale.

        Args:
            morphology: the loaded `kg.camel_db.Morphology`, to make the table with.
        """
        def make() -> dict[str, bytes]:
            return {word: pickle.dumps(word_readings(morphology.analyze, word), protocol=pickle.HIGHEST_PROTOCOL)
                    for word in common_words()}

        return cls(word_table(common_readings_path(), f"readings table of {COMMON_WORDS.name}", make))


def common_readings_path() -> Path:
    """Where the readings table of the installed analysis image, word list and this kg lives."""
    key = hashlib.sha256(analysis_version().encode() + hashlib.sha256(COMMON_WORDS.read_bytes()).digest()).hexdigest()
    return image_path().with_name(f"{_TABLE_PREFIX}{key[:16]}.table")


def common_words() -> list[str]:
    """The words of `COMMON_WORDS`, most frequent first, at most `MAX_COMMON_WORDS`."""
    lines = COMMON_WORDS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")][:MAX_COMMON_WORDS]


def word_key(text: str) -> str:
    """The form of a token's text whose readings are analysed and cached: no diacritics, no tatweel."""
    return dediac(text).replace(TATWEEL, "")


def word_keys(text: str) -> list[str]:
    """The `word_key` of each word of a text (punctuation and digits left out), in order."""
    keys = (word_key(text[start:end]) for start, end in token_spans(text, 0, len(text)))
    return [key for key in keys if _is_word(key)]


def word_readings(analyze: Callable[[str], list[tuple]], word: str) -> tuple[Reading, ...]:
    """The distinct readings of a word (a `word_key`) by an analyser's `analyze`; none for a non-word."""
    return _distinct_readings(analyze(word)) if _is_word(word) else ()


def analysis_version() -> str:
    """What a word's readings depend on: the analysis image (database and its code) and this module."""
    return hashlib.sha256(image_path().name.encode() + _CODE_DIGEST).hexdigest()


def _distinct_readings(analyses: list[tuple]) -> tuple[Reading, ...]:
    """The readings of a word's analyses (tuples of `kg.camel_db.FIELDS`), the likeliest of each kind."""
    seen: dict[tuple, Reading] = {}
    for lex, pos, prc3, prc2, prc1, prc0, enc0, per, vox, num, _, gen, _, gloss, source, logprob in analyses:
        prefixes, enclitic, person, voice, number, gender = _features(prc3, prc2, prc1, prc0, enc0, per, vox, num, gen)
        lemma = _lemma_form(lex)
        key = (lemma, pos, prefixes, enclitic, person, voice, number)  # gender as the likeliest of them has it
        kept = seen.get(key)
        if kept is None or kept.logprob < logprob:
            seen[key] = Reading(lemma, pos, prefixes, enclitic, gloss or "", person, voice, number, gender, logprob, source)
    return tuple(seen.values())


@functools.lru_cache(maxsize=2**13)
def _features(prc3: str, prc2: str, prc1: str, prc0: str, enc0: str, per: str, vox: str, num: str, gen: str) -> tuple:
    """A reading's clitics, person, voice, number and gender from an analysis's values, "none" as None.

    Cached: 400 articles' words have some 120,000 analyses and 813 such combinations.
    """
    prefixes = tuple(prc for prc in (prc3, prc2, prc1, prc0) if prc not in _NO_CLITIC)
    return (prefixes, None if enc0 in _NO_CLITIC else enc0, None if per in _NO_VALUE else per,
            None if vox in _NO_VALUE else vox, None if num in _NO_NUMBER else num, gen if gen in _GENDERS else None)


# A word's analyses share few lemmas (9,802 among 121,579 analyses of 400 articles' words), and
# translating the diacritised lemma costs eight times the look-up.
_lemma_form = functools.lru_cache(maxsize=_MAX_CACHED_WORDS)(normalize)


def _fields_of(token: Token) -> tuple:
    """A token's fields after its offsets, as `Analyzer._choose` gives them."""
    return (token.norm, token.lemma, token.pos, token.prefixes, token.enclitic, token.gloss, token.person, token.voice,
            token.number, token.gender, token.analysed, token.respelled)


def _is_word(norm: str) -> bool:
    return any(ch.isalpha() for ch in norm)


def _punctuation_pos(norm: str) -> str:
    if norm.isdigit():
        return "digit"
    return "punc" if not _is_word(norm) else "noun_prop"
