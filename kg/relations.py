"""Extract who did what to whom: lexicon triggers on lemmas, arguments by Arabic word order."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from kg.kb import KnowledgeBase
from kg.lexicon import Grammar, Lexicon, Trigger
from kg.ner import MODEL_TOKENS, craft_model_at
from kg.nlp import clitic_variants, normalize
from kg.terms import ENTITY_IRI
from kg.types import Document, Entity, Mention, Relation, Sentence, Token

_SUBJECT_WINDOW = 8  # tokens after a verb in which its subject stands (VSO, past a title)
_TITLED_SUBJECT_WINDOW = 16  # the same when a title opens it (النائب بمجلس ... عن ...، X)
_COORDINATION_GAP = 5
# CALIMA's enclitic tags of a verb's object pronoun; their letters are grammar kinds of cues.tsv
# (اتهمتها is اتهمت + ها).
_OBJECT_PRONOUNS = frozenset({"3fs_dobj", "3ms_dobj", "3mp_dobj", "3fp_dobj", "3d_dobj"})
_QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”"})
_SVO_GAP = 2  # tokens between a subject and its verb (قد، كانت)
_RELATIVE_CLAUSE_WORDS = 4  # words of a relative clause between a subject and its verb (التي مقرها لندن)
_HOLDER_GAP = 3  # words between a verb of holding an office and the name of its holder (ويشغل المشتبه فيه X منصب)
_ASIDE_LENGTH = 14  # tokens of a phrase of the occasion set off by commas (، في بيان نشر على صفحته الرسمية،)
_OBJECT_GAP = 1  # other words between the subject (or verb) and a direct object
_ACT_PHRASE = 6  # words an attack's noun may stand before the verb it is the subject of (its instrument, its describing words)
_PROCLITIC_PREPOSITIONS = frozenset({"bi_prep", "li_prep", "ka_prep"})  # CALIMA tags; their letters are grammar kinds of cues.tsv
_CUE_WINDOW = 3
_BELIEF_WINDOW = 10  # tokens from a trigger back to أن, and from أن back to the verb of belief
_MAX_PORTFOLIO_WORDS = 4
# Below this an event rests on two guesses (a carried actor and a place inside a phrase): on
# the gold's dev part none such was right.
_MIN_CONFIDENCE = 0.5
# A pronoun's party found past other words (`_referent`) is less sure than one right before it
# (0.9), yet above the floor after a named actor: 0.9 x 0.7.
_REFERENT_WEIGHT = 0.7
# A party the sentence names only by a description (نظيره الصيني، هذه الدولة، الدولة العبرية;
# kg/ner.py resolves it) is less sure than a named one.
_DESCRIPTION_WEIGHT = 0.9
# A verbal noun's actor found through its possessive pronoun, with no subject named in the sentence.
_RESOLVED_POSSESSOR_CONFIDENCE = 0.55
_APPOSED_TITLE_WORDS = 4  # words of a title set off by a comma before a name (رئيسة حكومة بريطانيا، تيريزا ماي)
# The speaker of a first-person verb is found a clause or more before it (قال X ...، مضيفا
# "أدعو Y"): as sure as an actor carried from before (0.6).
_SPEAKER_CONFIDENCE = 0.6
_REQUIRES_WINDOW = 4  # words after a trigger in which the word it requires stands (فرض عقوبات)
# Predicates whose preposition introduces what is asked (طالب بـ، دعا إلى), not a party.
_DEMANDS = frozenset({"called_for"})
# Predicates of a stance on an act, whose doer is the target (`_doer_of_object`).
_STANCES = frozenset({"condemned", "praised", "supported", "rejected"})
# Predicates whose target is a place as such: a visit to Moscow is to the city, not to Russia.
_PLACE_TARGETS = frozenset({"visited", "deployed"})
# Acts two parties do to each other in one exchange (تبادل الاتهامات، أجرى محادثات); a cut of ties
# without its target (قطعت X وY العلاقات) is with a party named elsewhere, not mutual.
_MUTUAL = frozenset({"met", "accused", "attacked"})
_SYMMETRIC = frozenset({"met"})  # owl:SymmetricProperty in ontology/kg.ttl: one direction says both
# Predicates whose target may be named as the owner of the site hit (قصفت روسيا مواقع لتنظيم داعش);
# the cue kinds of such sites (cues.tsv).
_SITE_TARGETS = frozenset({"attacked"})
_SITE_KINDS = frozenset({"site", "facility", "arms"})  # a venue (مبنى البرلمان) is a body's seat, not a site it holds; arms: a party's craft
_JOINED_SITE_KINDS = _SITE_KINDS | {"venue"}  # قواعد ومقرات X
_SITE_OWNERS = frozenset({"ORG", "PER"})
_CARRIER_KINDS = frozenset({"carrier", "act", "statement"})  # cues.tsv kinds of a verb that carries out an act named before it
_REPORT_KINDS = frozenset({"report", "statement", "quote"})  # cues.tsv kinds of a verb whose subject reports the events after it
CAPITALS = Path(__file__).parent / "data" / "capitals.tsv"
SEATS = Path(__file__).parent / "data" / "seats.tsv"


def load_capitals(paths: tuple[Path, ...] = (CAPITALS, SEATS)) -> dict[str, str]:
    """Read capitals.tsv and seats.tsv: the entity id (its IRI's last part: a Wikidata id, or
    kg-… for a KB entry with none) of each capital city or seat of power -> the Wikidata id of
    the state it speaks for."""
    capitals = {}
    for path in paths:
        with path.open(encoding="utf-8") as stream:
            rows = list(csv.reader((line for line in stream if not line.startswith("#")), delimiter="\t"))[1:]
        if not rows or any(len(row) < 2 or not row[1].startswith("Q") for row in rows):
            raise ValueError(f"{path}: expected rows of an entity id and its state's Wikidata id")
        capitals.update((row[0], row[1]) for row in rows)
    return capitals


@dataclass(frozen=True, slots=True)
class _Found:
    """A relation found in one sentence, before it is written out."""

    subject: str
    predicate: str
    object: str
    trigger: int | None  # token index of the trigger; None for title relations
    confidence: float
    negated: bool = False
    attributed_to: str | None = None  # who the sentence says reports the event


@dataclass(frozen=True, slots=True)
class _Topic:
    """The named party a sentence spoke of, whom a verb of the next sentence with no named
    subject goes on with (وأضاف، وطالب), if it agrees with the verb."""

    entity: str
    feminine: bool | None  # the gender of a verb it is the subject of; None when either (a state: أعلن المغرب، أعلنت المغرب)

    def agrees(self, feminine_verb: bool) -> bool:
        """Tell whether a verb with a pronoun subject, feminine or not, can have this party as its subject."""
        return self.feminine is None or self.feminine == feminine_verb


_FIRST_YEAR = 1000  # a number after a month from here on is its year (5 جوان 2017), below it is no year


def _number(token: Token) -> int | None:
    """The number a digit token writes, a conjunction before it or not (5، و6)."""
    digits = "".join(c for c in token.text if c.isdigit())
    return int(digits) if token.pos == "digit" and digits else None


class RelationExtractor:
    """Finds relations sentence by sentence, carrying the last actor into the next sentence."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase | None = None, capitals: dict[str, str] | None = None):
        """Args:
            lexicon: triggers and cue words.
            kb: tells which entities are countries, for the state a party speaks for.
            capitals: capital city or seat of power -> its state (`load_capitals`).
        """
        self.lexicon = lexicon
        self.kb = kb
        self.capitals = capitals or {}
        # The lemmas a rule turns on, by the frames' pos: a sentence with none of them is not scanned for it.
        self._trigger_lemmas = frozenset(lemma for lemma, _ in lexicon.triggers)
        self._lemmas_of = {pos: frozenset(lemma for lemma, frame_pos in lexicon.triggers if frame_pos == pos) for pos in ("joins", "passive")}
        self._requiring_verbs = frozenset(lemma for (lemma, pos), frames in lexicon.triggers.items() if pos == "verb" and any(t.requires for t in frames))

    def __call__(self, doc: Document, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...]) -> tuple[Relation, ...]:
        by_sentence: dict[int, list[tuple[Mention, str]]] = {}
        for entity in entities:
            for mention in entity.mentions:
                by_sentence.setdefault(mention.sentence, []).append((mention, entity.id))
        voices = self._voices(entities)
        unresolved = {e.id for e in entities if self._unresolved_head(e)}
        relations: list[Relation] = []
        carried: _Topic | None = None
        stated: set[tuple[str, str, str]] = set()
        for sentence in sentences:
            mentions, members = _one_per_span(sorted(by_sentence.get(sentence.index, []), key=lambda item: item[0].tok_start))
            found = [each for item in self.match(sentence.tokens, mentions, carried) for each in _per_member(item, members)]
            # A standing fact (a title, a place) is stated once per article, where first said.
            found = [f for f in found if f.trigger is not None or (f.subject, f.predicate, f.object) not in stated]
            stated.update((f.subject, f.predicate, f.object) for f in found if f.trigger is None)
            if any(f.trigger is not None for f in found):  # most sentences have no event: no names to mark
                named = [any(m.tok_start <= k < m.tok_end for m, _ in mentions) or None for k in range(len(sentence.tokens))]
                found = [f for f in found if f.trigger is None or not self._dated_ahead(doc.date, sentence.tokens, f.trigger, named)]
            date = self.event_date(doc.date, sentence.tokens)
            found = _once([_as_state(item, voices) for item in found if item.trigger is None or not {item.subject, item.object} & unresolved])
            relations.extend(_relation(doc, sentence, item, date) for item in found if item.subject != item.object)
            carried = self._topic(sentence.tokens, mentions, found, carried)
        return tuple(relations)

    def planned_predicates(self, sentences: tuple[Sentence, ...]) -> frozenset[str]:
        """The predicates of the triggers the sentences tell as planned or possible (سيلتقي
        ترامب السيسي، من المقرر أن يزور، ستتضمن زيارة): a headline in the present tense
        (ترامب والسيسي يلتقيان، ترامب يزور إسرائيل) then announces, it does not report."""
        planned = set()
        for sentence in sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                frames = [t for t in self.lexicon.triggers.get((token.lemma, token.pos), ()) if self._requirements_met(t, tokens, i, [None] * len(tokens))]
                if not frames:
                    continue  # سيوجه مراسلة: وجه is called_for only with نداء
                maybe = i > 0 and self.lexicon.cues.get(tokens[i - 1].norm) == "may" and _imperfect(token, self.lexicon.grammar)
                # Only what the trigger itself carries or follows: a time ahead later in the
                # clause may be another phrase's (دعمه لماكرون خلال الانتخابات التي ستجري).
                # A verbal noun a verb of the future governs (ستتضمن الجولة زيارة إسرائيل).
                governed = token.pos == "noun" and i > 0 and tokens[i - 1].pos == "verb" and "sa_fut" in tokens[i - 1].prefixes
                ahead = _imperfect(token, self.lexicon.grammar) and self._time_ahead(tokens, i, [None] * len(tokens))  # يزور X الجزائر غدا
                if "sa_fut" in token.prefixes or maybe or governed or ahead or self._cue_before(tokens, i) == "modality":
                    planned.update(t.predicate for t in frames)
        return frozenset(planned)

    def _topic(self, tokens, mentions, found: list[_Found], carried: _Topic | None) -> _Topic | None:
        """The party a verb of the next sentence with no named subject goes on with.

        The actor of the sentence's last event; else the named subject of its first verb (VSO
        or SVO); else, when that verb has a pronoun subject (وأضاف أن ...), the party before it
        goes on, as it does past a quotation (وتابع: "..."). A first verb with a subject that is
        no name (قضت محكمة إسرائيلية ...) or a passive one ends it: a name under a preposition
        (في الضفة الغربية) is no actor.
        """
        outer = [(m, e) for m, e in mentions if not any(_inside(m, o) for o, _ in mentions)]
        owner = _owners(tokens, outer)
        actors = [item.subject for item in found if item.trigger is not None]
        if actors:
            return self._topic_of(tokens, outer, owner, actors[-1])
        quoted = _quoted(tokens)
        verb = next((k for k, t in enumerate(tokens) if t.pos == "verb" and owner[k] is None and not quoted[k]), None)
        if verb is not None:
            before = [index for index in self._names_before(tokens, outer, verb)
                      if self._title_phrase_start(tokens, outer, owner, outer[index][0].tok_start) == 0]
            if before and verb - self._past_apposition(tokens, outer, owner, outer[before[0]][0].tok_end) <= _SVO_GAP:
                return self._topic_of(tokens, outer, owner, outer[before[0]][1])
            subjects = self._sentence_subjects(tokens, outer, owner, before=len(tokens), verb=verb)
            if subjects:
                return self._topic_of(tokens, outer, owner, subjects[0])
        if verb is None:  # وتابع: "مزقت ...": only the speaker's words, the speaker goes on
            return carried if not outer or any(quoted) else None
        # وأضاف، وفي سياق متصل وصف ...: no name before the verb and none after it as its subject.
        pronoun = (not any(m.tok_start < verb for m, _ in outer) and tokens[verb].voice != "p" and not _plural_verb(tokens[verb], self.lexicon.grammar)
                   and self._subject_position(tokens, verb, min(verb + 2, len(tokens)), owner))
        return carried if pronoun else None

    def _topic_of(self, tokens, mentions, owner, entity: str) -> _Topic:
        """The topic an entity makes, with the gender a verb agreeing with it has: a state
        either; a person as the title before the name (المستشارة الألمانية أنجيلا ميركل: she);
        a body as its head noun (الحكومة، حركة النهضة، السلطات: she; الحزب، مجلس الأمن: he)."""
        mention = next((m for m, e in mentions if e == entity and not m.nominal), None)
        if mention is None or mention.type == "LOC":
            return _Topic(entity, None)
        if mention.type == "PER":
            first = self._title_phrase_start(tokens, mentions, owner, mention.tok_start)
            return _Topic(entity, first < mention.tok_start and _feminine_noun(tokens[first]))
        return _Topic(entity, _feminine_noun(tokens[mention.tok_start]))

    def _required_next(self, trigger: Trigger, tokens, i: int) -> bool:
        """Tell whether the noun right after verb i is the word its frame requires (وفرض
        عقوبات على: the sanctions are the object, not a new subject)."""
        return i + 1 < len(tokens) and tokens[i + 1].lemma in trigger.requires

    def _time_ahead(self, tokens, i: int, owner) -> bool:
        """Tell whether the clause of a present-tense verb at token i sets it ahead (يلتقي X
        غدا، يزور X الجزائر في وقت لاحق، يجتمع الوزراء يومي 5 و6 جوان المقبل): from the
        punctuation or verb before it to the next verb. After a past verb لاحقا is a later past. A
        headline's opening word of tomorrow before its punctuation sets all after it ahead (غدا : اجتماع X وY)."""
        clause = self._clause(tokens, i, owner)
        opening = clause.start == 2 and self.lexicon.cue(tokens[0].norm) == "tomorrow"
        return opening or any(self.lexicon.cue(tokens[k].norm) in ("tomorrow", "later", "future") for k in clause if k != i)

    def _clause(self, tokens, i: int, owner) -> range:
        """The clause of token i: from the punctuation or verb before it to the next verb."""
        start = i
        while start > 0 and tokens[start - 1].pos != "punc" and not (tokens[start - 1].pos == "verb" and owner[start - 1] is None):
            start -= 1
        return range(start, self._clause_end(tokens, i, owner))

    def _dated_ahead(self, article_date: str | None, tokens, i: int, owner) -> bool:
        """Tell whether the clause of a present-tense verb or a noun at token i names a day after
        the article's (يجتمع الوزراء يومي 5 و6 جوان 2017 in an article of 28 May; قبيل زيارة X إلى Y
        في 20 ماي): planned, not done. A day with no year is in the article's year. A past verb is
        left as it is: the day may be a relative clause's (وقع الاتفاق الذي يدخل حيز التنفيذ في 1 جانفي)."""
        if article_date is None or not (tokens[i].pos == "noun" or _imperfect(tokens[i], self.lexicon.grammar)):
            return False
        published = dt.date.fromisoformat(article_date)
        whole = self._clause(tokens, i, owner)
        # A day after a relative pronoun or a punctuation mark past the trigger is another
        # phrase's (تدعم مقترح الهيئة لإجراء الانتخابات في الموعد الذي حدّدته (26 نوفمبر 2017)).
        end = next((k for k in range(i + 1, whole.stop) if tokens[k].pos == "punc" or tokens[k].norm in self.lexicon.relative_pronouns), whole.stop)
        clause = range(whole.start, end)
        # A present-tense verb, the trigger or the one its noun's clause follows (تحتضن الجزائر يومي
        # الاثنين والثلاثاء الاجتماع), with a day of the week other than the article's tells what is to come.
        verb = i if tokens[i].pos == "verb" else whole.start - 1
        present = verb >= 0 and tokens[verb].pos == "verb" and _imperfect(tokens[verb], self.lexicon.grammar)
        for k in clause:
            kind = self.lexicon.cue(tokens[k].norm) or ""
            if present and kind.startswith("day-") and int(kind.removeprefix("day-")) != published.weekday() \
                    and not (k > 0 and self.lexicon.cue(tokens[k - 1].norm) in ("today", "yesterday")) \
                    and not (k + 1 < len(tokens) and self.lexicon.cue(tokens[k + 1].norm) == "past"):
                return True  # (not اليوم الاثنين، أمس الاثنين، الاثنين الماضي)
            if not kind.startswith("month-") or k - 1 not in clause or not (day := _number(tokens[k - 1])):
                continue
            following = _number(tokens[k + 1]) if k + 1 < end else None
            year = following if following and _FIRST_YEAR <= following <= dt.MAXYEAR else published.year
            month = int(kind.removeprefix("month-"))
            if 1 <= day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day) > published:
                return True
        return False

    def _ongoing_act(self, tokens, verb: int, owner) -> bool:
        """Tell whether a present-tense act verb (cues.tsv kind act) tells an act under way: in a
        relative clause it says where the one it describes is (ماكرون الذي يؤدي زيارة عمل إلى
        المغرب، سلال الذي يؤدّي زيارة إلى تونس), while in a main clause it announces the act
        (يؤدي X زيارة إلى تونس يومي 4 و5 جوان), unless a time ahead stands in it."""
        return verb > 0 and tokens[verb - 1].norm in self.lexicon.relative_pronouns and not self._time_ahead(tokens, verb, owner)

    def _voices(self, entities: tuple[Entity, ...]) -> dict[str, str]:
        """The state each party of an event speaks for: a capital's or a seat of power's
        country (بيونغ يانغ طالبت، يتوجب على الكرملين; as CAMEO coders read it) and, for the bare collective السلطات، the article's country
        (the one it names most often, if one does), when the article names that state."""
        by_qid = {e.wikidata: e.id for e in entities if e.wikidata}
        voices = {e.id: by_qid[self.capitals[local]] for e in entities if self.capitals.get(local := e.id.removeprefix(ENTITY_IRI)) in by_qid}
        if self.kb is None:
            return voices
        counts = sorted(((len(e.mentions), e.id) for e in entities if e.wikidata and (entry := self.kb.get(e.wikidata)) and entry.is_country), reverse=True)
        if counts and (len(counts) == 1 or counts[0][0] > counts[1][0]):
            voices.update({e.id: counts[0][1] for e in entities if not e.wikidata and self.lexicon.cues.get(normalize(e.label_ar)) == "collective"})
        return voices

    def _unresolved_head(self, entity: Entity) -> bool:
        """Tell whether an entity is a body named by its head alone that linking left unresolved and
        that is no state's (المحكمة، التحالف بين واشنطن والرياض; ادارة, in construct with the name
        after it: ادارة الرئيس الأمريكي ترامب): it names no one party of an event. A state's body
        (الحكومة، الشرطة) is the article's state's, as the judges read it, and a unit with the article
        (الهيئة، المجلس) the article's own one of that name."""
        words = normalize(entity.label_ar).split()
        article = next((a for a in self.lexicon.grammar["article"] if words and words[0].startswith(a)), "")
        kept = ("state_body", "collective", "regime") + (("unit",) if article else ())
        return (entity.type == "ORG" and entity.wikidata is None and len(words) == 1
                and words[0].removeprefix(article) in self.lexicon.org_heads and self.lexicon.cue(words[0]) not in kept)

    def match(self, tokens: tuple[Token, ...], mentions: list[tuple[Mention, str]], carried: _Topic | None) -> list[_Found]:
        """Find the relations of one sentence (pure).

        Args:
            tokens: the sentence's tokens.
            mentions: (mention, entity id) pairs of the sentence, in text order.
            carried: the party the previous sentences spoke of, for a sentence that goes on with وأضاف (`_topic`).
        """
        # A nisba inside a body's name (وزارة الداخلية المصرية) only says whose body it is;
        # the arguments of events are the outer names.
        nested = [(m, e) for m, e in mentions if any(_inside(m, o) for o, _ in mentions)]
        found = self._part_of_nisba(tokens, mentions, nested)
        # A body whose nisba is joined by و to another (القوات الأمريكية والبريطانية) is the two
        # states' forces, no one body: its nisba stands for it, first of the states joined.
        joint = [o for o, _ in mentions if o.type == "ORG" and not o.named
                 and any(m.nominal and m.type == "LOC" and m.tok_start == o.tok_end and _conjoined(tokens[m.tok_start], self.lexicon.grammar) for m, _ in mentions)]
        nested = [(m, e) for m, e in nested if not any(o.tok_start < m.tok_start and m.tok_end == o.tok_end for o in joint)]
        mentions = [item for item in mentions if item not in nested and item[0] not in joint]
        owner = _owners(tokens, mentions)
        # A person named inside a body's name keeps the title before him there (قوات الرئيس
        # السوري بشار الأسد: Assad leader_of Syria), as he would with the body's noun left out.
        holders = [o for o, _ in mentions if any(m.type == "PER" and _inside(m, o) for m, _ in nested)]
        titled = sorted([item for item in mentions if item[0] not in holders]
                        + [item for item in nested if any(_inside(item[0], o) for o in holders)], key=lambda item: item[0].tok_start)
        titles = self._title_relations(tokens, titled, _owners(tokens, titled))
        # A member of a unit is a member of the body it is part of (عضو المكتب السياسي لحركة حماس).
        inner_bodies = {e for m, e in nested if m.type == "ORG"}
        units = [(f.subject, f.object) for f in found if f.object in inner_bodies]
        found += titles + [_Found(f.subject, "member_of", body, None, 0.8)
                           for f in titles if f.predicate == "member_of" for unit, body in units if unit == f.object]
        found += self._place_relations(tokens, mentions, nested)
        # A rule turns on a word of a kind (cues.tsv) or a frame's lemma: most sentences have
        # none, and the rule is not run over their tokens (it would find nothing).
        lemmas = {t.lemma for t in tokens}
        kinds = {self.lexicon.cues.get(lemma) for lemma in lemmas}
        relative = not self.lexicon.relative_pronouns.isdisjoint(t.norm for t in tokens)
        if "heads" in kinds:
            found += self._headed_by(tokens, mentions, owner)
        if relative:
            found += self._object_relatives(tokens, mentions, owner)
        if relative and not self._requiring_verbs.isdisjoint(lemmas):
            found += self._required_noun_relatives(tokens, mentions, owner)
        if not _CARRIER_KINDS.isdisjoint(kinds):
            found += self._carried_out_relatives(tokens, mentions, owner)
        if "undergo" in kinds:
            found += self._undergone_acts(tokens, mentions, owner)
        if not self._lemmas_of["joins"].isdisjoint(lemmas):
            found += self._joined_in_talks(tokens, mentions, owner)
        if "agent" in kinds:
            found += self._killed_by_agent(tokens, mentions, owner)
        if not self._lemmas_of["passive"].isdisjoint(lemmas):
            found += self._passive_agents(tokens, mentions, owner)
        if "impersonal" in kinds:
            found += self._impersonal_passives(tokens, mentions, owner)
        found += self._events(tokens, mentions, owner, carried)
        described = {e for m, e in mentions if _described(m)} - {e for m, e in mentions if not _described(m)}
        found = [replace(f, confidence=round(f.confidence * _DESCRIPTION_WEIGHT, 2))
                 if f.trigger is not None and {f.subject, f.object} & described else f for f in found]
        reported = not _REPORT_KINDS.isdisjoint(kinds) or any(self.lexicon.cue(t.norm) == "according" for t in tokens)
        source = self._reported_by(tokens, mentions, owner) if reported else None
        if source is None:
            return found
        reporter, start = source
        return [replace(f, attributed_to=reporter) if f.trigger is not None and f.trigger >= start else f for f in found]

    def _events(self, tokens, mentions, owner, carried) -> list[_Found]:
        """The events told by the sentence's trigger words and participles."""
        found: list[_Found] = []
        for i, token in enumerate(tokens):
            if token.lemma not in self._trigger_lemmas:
                continue  # no frame of any pos: no participle, no verb or noun read either way
            participles = self._participle(tokens, i, owner)
            if participles:
                cue = self._cue_before(tokens, i)
                for participle in participles if cue != "modality" else ():
                    if self._other_sense(participle, tokens, i, owner) or not self._requirements_met(participle, tokens, i, owner):
                        continue
                    events = [
                        _Found(subject, participle.predicate, obj, i, confidence, cue == "negation")
                        for subject, obj, confidence in self._participle_arguments(participle, tokens, i, mentions, owner)
                        if subject != obj and confidence >= _MIN_CONFIDENCE
                    ]
                    found.extend(events)
                    if events:
                        break
                continue
            pos = "verb" if self._verb_read_as_noun(tokens, i, owner) else token.pos
            pos = "noun" if pos == "verb" and self._noun_read_as_verb(tokens, i, owner) else pos
            # A lemma's frames are tried in the lexicon's order; the first that finds its parties wins.
            for trigger in self.lexicon.triggers.get((token.lemma, pos), ()):
                events = self._trigger_events(trigger, tokens, i, pos, mentions, owner, carried)
                found.extend(events)
                if events:
                    break
        return found

    def _trigger_events(self, trigger: Trigger, tokens, i: int, pos: str, mentions, owner, carried) -> list[_Found]:
        """The events one frame of the trigger at token i asserts (none when planned, possible or passive)."""
        token = tokens[i]
        if owner[i] is not None or not self._requirements_met(trigger, tokens, i, owner) or self._other_sense(trigger, tokens, i, owner):
            return []
        cue = self._cue_before(tokens, i)
        # قد before a present-tense verb says it may happen (قد تفرض), not that it did.
        maybe = i > 0 and self.lexicon.cues.get(tokens[i - 1].norm) == "may" and _imperfect(token, self.lexicon.grammar)
        if cue == "modality" or maybe or self._future_after(tokens, i, owner) or self._asked(tokens, i) or self._believed(tokens, i) or self._purposed(tokens, i, owner):
            return []  # planned, possible, asked, believed or aimed at, not a fact
        if pos == "noun" and i + 1 < len(tokens) and self.lexicon.cue(tokens[i + 1].norm) in ("modality", "future"):
            return []  # زيارة يعتزم ترامب القيام بها، الزيارة المرتقبة: planned
        if (pos == "noun" or _imperfect(token, self.lexicon.grammar)) and self._time_ahead(tokens, i, owner):
            return []  # يلتقي X غدا، يزور X الجزائر في وقت لاحق، قبيل زيارة X إلى Y في وقت لاحق: planned, not done
        if pos == "verb" and self.lexicon.cues.get(token.lemma) == "act" and _imperfect(token, self.lexicon.grammar) and not self._ongoing_act(tokens, i, owner):
            return []  # يؤدي زيارة، يقوم بزيارة: an act announced (cues.tsv), not done
        arguments = self._verb_arguments if pos == "verb" else self._noun_arguments
        if pos == "verb" and i > 0 and tokens[i - 1].norm in self.lexicon.relative_pronouns:
            arguments = self._relative_subject_arguments  # ماكرون الذي زار الجزائر
        elif pos == "verb" and (agented := self._agent_arguments(trigger, tokens, i, mentions, owner)):
            return [_Found(s, trigger.predicate, o, i, c, cue == "negation") for s, o, c in agented if s != o]
        elif (pos == "verb" and not self._asserted_main_verb(tokens, i, owner, self._active_by_requirement(trigger, tokens, i, owner) or self._active_by_object(tokens, i, owner))
              and not self._act_subject_actors(trigger, tokens, i, mentions, owner)):
            return []  # (the noun of an attack before the verb is its subject: هجوما استهدف، غارات أمريكية تستهدف)
        return [
            _Found(subject, trigger.predicate, obj, i, confidence, cue == "negation")
            for subject, obj, confidence in arguments(trigger, tokens, i, mentions, owner, carried)
            if subject != obj and confidence >= _MIN_CONFIDENCE and not self._place_hosting(trigger, subject, mentions)
        ]

    def _place_hosting(self, trigger: Trigger, subject: str, mentions) -> bool:
        """Tell whether a place hosts by a verb of hosting (cues.tsv kind host: تستضيفه الدوحة بشكل
        متكرر): a state or city that shelters or receives a person meets no one."""
        return self.lexicon.cues.get(trigger.lemma) == "host" and any(entity == subject and mention.type == "LOC" for mention, entity in mentions)

    def _agent_arguments(self, trigger: Trigger, tokens, i: int, mentions, owner) -> list[tuple[str, str, float]]:
        """A passive with its agent: اعتقل X من قبل الشرطة، اعتقل X على يد Y. The agent is the
        subject, the one named between the verb and the agent (or right before the verb) the
        object. Without an agent a passive names no actor (اُعتقل تونسي): nothing."""
        if trigger.object_prep is not None or "sa_fut" in tokens[i].prefixes:
            return []
        marker = self._agent_marker(tokens, i + 1, self._clause_end(tokens, i, owner), owner)
        agent = self._named_at(tokens, mentions, marker + 2) if marker is not None else None
        if agent is None:
            return []
        patients = [(m, e) for m, e in mentions if i < m.tok_start and m.tok_end <= marker and not m.nominal]
        if not patients and owner[i - 1] is not None and i > 0:
            patients = [mentions[owner[i - 1]]]
        # An active verb's own subject may stand before a من قبل of another phrase (انتقد
        # الحزب المقاربات المتبعة من قبل الحكومة): read the verb as passive only when
        # the analysis says so or the agent follows its object at once.
        if tokens[i].voice != "p" and not (patients and self._past_apposition(tokens, mentions, owner, patients[0][0].tok_end) == marker):
            return []
        patients = [(m, e) for m, e in patients[:1] if not trigger.object_types or m.type in trigger.object_types]
        return [(agent[1], e, 0.75) for _, e in patients]

    def _agent_marker(self, tokens, start: int, boundary: int, owner) -> int | None:
        """Where the agent of a passive is introduced, from start to the clause's boundary: the
        من of من قبل / من طرف, or the على of على يد / على أيدي (the agent is named two words on)."""
        return next((k for k in range(start, boundary - 2) if owner[k] is None and (
            (tokens[k].norm in self.lexicon.grammar["from"] and tokens[k + 1].norm in self.lexicon.grammar["before"])
            or (tokens[k].norm in self.lexicon.grammar["on"] and self.lexicon.cues.get(tokens[k + 1].lemma) == "agent"))), None)

    def _impersonal_passives(self, tokens, mentions, owner) -> list[_Found]:
        """An act told by an impersonal passive, a verb of happening (cues.tsv impersonal) and
        the act's verbal noun: تم اعتقال X من قبل Y، وتم استدعاء X على يد Y، جرى توقيف X من طرف Y.
        The agent is the subject, the first name after the noun (its genitive, or the one its
        preposition governs: تم القبض على X) the object. Without an agent the act names no
        actor (تم اعتقال X): nothing. A present tense (يتم، سيتم) tells a plan or a habit, not a
        fact, unless negated (لم يتم)."""
        found = []
        for u, token in enumerate(tokens[:-1]):
            if token.pos != "verb" or owner[u] is not None or self.lexicon.cues.get(token.lemma) != "impersonal":
                continue
            cue = self._cue_before(tokens, u)
            if "sa_fut" in token.prefixes or cue == "modality" or (_imperfect(token, self.lexicon.grammar) and cue != "negation"):
                continue
            i = u + 1
            while i < len(tokens) - 1 and owner[i] is None and self._time_word(tokens[i]):
                i += 1  # تم اليوم استدعاء
            frames = self.lexicon.triggers.get((tokens[i].lemma, "noun"), ()) if owner[i] is None else ()
            marker = self._agent_marker(tokens, i + 1, self._clause_end(tokens, i, owner), owner) if frames else None
            agent = self._named_at(tokens, mentions, marker + 2) if marker is not None else None
            if agent is None or agent[0].nominal:
                continue
            patient = self._named_at(tokens, mentions, i + 1 + (tokens[i + 1].pos == "prep"))
            if patient is None or patient[0].nominal or patient[0].tok_end > marker:
                continue
            for trigger in frames:
                if trigger.object_types and patient[0].type not in trigger.object_types:
                    continue
                if self._requirements_met(trigger, tokens, i, owner) and not self._other_sense(trigger, tokens, i, owner):
                    if agent[1] != patient[1]:
                        found.append(_Found(agent[1], trigger.predicate, patient[1], i, 0.75, cue == "negation"))
                    break
        return found

    def _reported_by(self, tokens, mentions, owner) -> tuple[str, int] | None:
        """Who the sentence says reports its events, and the token from which they are reported.

        حسبما ذكرت X، وفقا لـ X، بحسب X، نقلا عن X: every event of the sentence; قال X إن،
        ذكرت وكالة X أن، أفادت X بأن: the events after أن; نقلت X عن Y: Y when named, else X.
        """
        for k, token in enumerate(tokens):
            if owner[k] is not None:
                continue
            if self.lexicon.cue(token.norm) == "according":
                j = k + 1 + (k + 1 < len(tokens) and self.lexicon.cue(tokens[k + 1].norm) == "clause_negation")  # وفق ما ذكرته X
                if j < len(tokens) and tokens[j].pos == "verb":
                    subjects = self._subjects_after(tokens, j, mentions, owner)
                    if subjects:
                        return self._named_at(tokens, mentions, mentions[subjects[0]][0].tok_start)[1], 0
                    continue
                j += j < len(tokens) and tokens[j].norm in self.lexicon.grammar["preposition"]  # وفقا ل، نقلا عن
                source = self._named_at(tokens, mentions, j)
                if source is not None:
                    return source[1], 0
            elif token.pos == "verb" and (kind := self.lexicon.cues.get(token.lemma)) in _REPORT_KINDS:
                subjects = self._subjects_after(tokens, k, mentions, owner)
                if not subjects:
                    continue
                reporter_mention, reporter = self._named_at(tokens, mentions, mentions[subjects[0]][0].tok_start)
                end = self._past_apposition(tokens, mentions, owner, max(reporter_mention.tok_end, mentions[subjects[-1]][0].tok_end))
                if kind == "quote" and end < len(tokens) and tokens[end].norm in self.lexicon.grammar["about"]:
                    quoted = self._named_at(tokens, mentions, end + 1)
                    return (quoted[1] if quoted else reporter), end
                that = next((j for j in range(end, min(len(tokens), end + 3)) if tokens[j].lemma in self.lexicon.grammar["that"]), None)
                if that is not None:
                    return reporter, that
        return None

    def event_date(self, article_date: str | None, tokens) -> str | None:
        """Resolve the sentence's day against the article's date (أمس، الأربعاء الماضي).

        A weekday alone is the latest such day up to the article's date (news reports the
        past week); with الماضي it is the one before that; a day ahead (المقبل) is no event.
        """
        if article_date is None:
            return None
        day = dt.date.fromisoformat(article_date)
        for k, token in enumerate(tokens):
            kind = self.lexicon.cue(token.norm) or ""
            if kind == "yesterday":
                return (day - dt.timedelta(days=1)).isoformat()
            if kind.startswith("day-"):
                following = self.lexicon.cues.get(tokens[k + 1].norm) if k + 1 < len(tokens) else None
                back = (day.weekday() - int(kind[4:])) % 7
                if following == "past" and back == 0:
                    back = 7
                return (day - dt.timedelta(days=back)).isoformat()
        return article_date

    def _participle(self, tokens, i: int, owner) -> tuple[Trigger, ...]:
        """The frames of an active participle that describes the actor of the main verb
        (حال): indefinite, in the accusative (داعيا، منددا), or feminine after a comma or
        before بذلك (معارضة بذلك الرئيس). Returns () for other words."""
        token = tokens[i]
        frames = self.lexicon.triggers.get((token.lemma, "participle"), ())
        if not frames or owner[i] is not None or "Al_det" in token.prefixes or token.enclitic or token.pos not in ("noun", "adj"):
            return ()
        word = token.norm
        if word.endswith(tuple(self.lexicon.grammar["accusative_ending"])):
            return frames
        after_comma = i > 0 and tokens[i - 1].norm in self.lexicon.grammar["comma"]
        so_doing = i + 1 < len(tokens) and self.lexicon.cues.get(tokens[i + 1].norm) == "so_doing"
        return frames if word.endswith(tuple(self.lexicon.grammar["feminine_ending"])) and (after_comma or so_doing) else ()

    def _participle_arguments(self, trigger: Trigger, tokens, i: int, mentions, owner):
        """The main verb's subject as the actor of a participle after it; the target after
        the participle (بذلك skipped)."""
        # The sentence's first verb with a named subject: in قال X إن ...، داعيا the
        # speaker, not the subject of the reported clause.
        verbs = [k for k in range(i) if owner[k] is None and (tokens[k].pos == "verb" or self._verb_read_as_noun(tokens, k, owner))]
        if not verbs:
            return []
        verb, subjects, confidence = verbs[0], [], 0.7
        for k in verbs:
            before = [
                s
                for s, (m, _) in enumerate(mentions)
                if m.tok_end <= k and k - m.tok_end <= _SVO_GAP and not m.nominal and not _governed(tokens, max(m.tok_start - 2, -1), m.tok_start)
                and not any(t.pos == "punc" for t in tokens[m.tok_end : k])
            ][-1:]
            # A name after أن or إن and right before the verb is its subject (أن الجبهة
            # الشعبية وصفت الزواري); elsewhere the verb's subject follows it (VSO).
            opened = bool(before) and (mentions[before[0]][0].tok_start == 0 or tokens[mentions[before[0]][0].tok_start - 1].lemma in self.lexicon.grammar["that"])
            subjects = before if opened else []
            if tokens[k].voice != "p":  # يشار إلى أن ...: a passive names no actor after it
                subjects = subjects or [s for s in self._subjects_after(tokens, k, mentions, owner) if mentions[s][0].tok_end <= i]
            if not subjects and before:
                subjects, confidence = before, 0.6
            if subjects:
                verb = k
                break
        if not subjects:
            before = [index for index, (m, _) in enumerate(mentions) if m.tok_end <= verb and verb - m.tok_end <= _SVO_GAP and not m.nominal]
            if not before:
                return []
            subjects, confidence = before[-1:], 0.6
        actors = {mentions[s][1] for s in subjects}
        start = i + 1 + (i + 1 < len(tokens) and self.lexicon.cues.get(tokens[i + 1].norm) == "so_doing")
        boundary = self._clause_end(tokens, i, owner)
        target = self._doer_of_object(trigger, tokens, start, boundary, mentions, owner, actors) if trigger.predicate in _STANCES else None
        target = target or self._target(trigger, tokens, mentions, start, boundary, actors)
        if target is None:
            return []
        return [(actor, target[0], round(confidence * target[1], 2)) for actor in sorted(actors)]

    def _verb_read_as_noun(self, tokens, i: int, owner) -> bool:
        """Tell whether a bare noun that opens a sentence is the verb of its lemma: Arabic
        news opens with the verb, then its subject, a title or a name (عين الرئيس الأمريكي,
        read as عَيْن "eye"; وعبّر الحزب عن تضامنه, a statement verb read as عَبْر "across")."""
        token = tokens[i]
        opens = i == 0 or (i == 1 and tokens[0].pos in ("punc", "conj"))
        verb_lemma = (token.lemma, "verb") in self.lexicon.triggers or self.lexicon.cues.get(token.lemma) == "statement"
        if token.pos != "noun" or not opens or "Al_det" in token.prefixes or token.enclitic or not verb_lemma:
            return False
        return i + 1 < len(tokens) and (owner[i + 1] is not None or self.lexicon.title_at([t.norm for t in tokens], i + 1) is not None)

    def _noun_read_as_verb(self, tokens, i: int, owner) -> bool:
        """Tell whether a bare verb right after the subject of a statement verb is the verbal noun
        of the same spelling, the statement's object (أعلن الاتحاد الأوروبي فرض عقوبات: فَرْض, not
        فَرَضَ); a verb there would follow أن (أعلن أنه فرض). Time words may stand between."""
        token = tokens[i]
        if token.prefixes or token.enclitic or (token.lemma, "noun") not in self.lexicon.triggers:
            return False
        k = i - 1
        while k > 0 and owner[k] is None and (self._time_word(tokens[k]) or tokens[k].pos == "punc"):
            k -= 1
        if k < 1 or owner[k] is None:
            return False
        while k > 0 and owner[k - 1] == owner[k]:
            k -= 1
        return tokens[k - 1].pos == "verb" and self.lexicon.cues.get(tokens[k - 1].lemma) == "statement"

    def _active_by_requirement(self, trigger: Trigger, tokens, i: int, owner) -> bool:
        """Tell whether a name stands between a verb and the word it requires (within four words): the verb is
        then active with that name as its subject (فرضت الولايات المتحدة عقوبات), though
        its letters also read as a passive (فُرضت عقوبات). The name may follow its title
        (وصف الرئيس التركي رجب طيب أردوغان إسرائيل بالإرهاب)."""
        if not trigger.requires:
            return False
        k = i + 1
        title = self.lexicon.title_at([t.norm for t in tokens], k) if k < len(tokens) and owner[k] is None else None
        if title is not None:
            k += len(title.words)
        if k >= len(tokens) or owner[k] is None:
            return False
        while k < len(tokens) and owner[k] is not None:
            k += 1
        return self._requirements_met(trigger, tokens, k - 1, owner)

    def _active_by_object(self, tokens, i: int, owner) -> bool:
        """Tell whether a verb read as a passive has a subject and an object right after it,
        two names in a row (قتلت الشرطة الإيطالية أنيس عامري): a passive takes only one,
        so the verb is active, though its letters also read as a passive (قُتلت)."""
        if i + 1 >= len(tokens) or owner[i + 1] is None:
            return False
        k = i + 1
        while k < len(tokens) and owner[k] == owner[i + 1]:
            k += 1
        return k < len(tokens) and owner[k] is not None

    def _asserted_main_verb(self, tokens, i: int, owner, active: bool = False) -> bool:
        """Tell whether a verb asserts an event of the sentence's own actor."""
        token = tokens[i]
        previous = tokens[i - 1] if i else None
        if token.voice == "p" and not active:
            return False  # passive: the actor is not named
        if "sa_fut" in token.prefixes:
            return False  # سيلتقي: a plan, not an event
        if "li_prep" in token.prefixes or any(p.startswith("li_") for p in token.prefixes):
            return False  # لِـ + verb: a purpose, not an event
        if previous is not None and previous.norm in self.lexicon.relative_pronouns:
            return False  # a relative clause describes a noun (الهجوم الذي استهدف ...)
        # An indefinite noun right before a verb takes it as its description
        # (مشروع قرار يطالب إسرائيل): the noun, not what follows, is the verb's subject. A
        # name is no such noun (إلى ألمانيا واتهمت ألمانيا تونس), and a verb joined by و
        # describes none (إن الوضع خطير وطالب الولايات المتحدة بـ); nor does a party's own forces (أن قواتها نفذت).
        if previous is not None and previous.pos in ("noun", "adj") and not previous.prefixes and owner[i - 1] is None \
                and not self._time_word(previous) and not _conjoined(token, self.lexicon.grammar) and not self._own_forces(tokens, i - 1, i):
            return False
        # من قبل after the verb names the agent of a passive (عينت من قبل الحاكم).
        following = [t.norm for t in tokens[i + 1 : i + 4]]
        return not any(a in self.lexicon.grammar["from"] and b in self.lexicon.grammar["before"] for a, b in zip(following, following[1:]))

    def _subjects_after(self, tokens, i: int, mentions, owner) -> list[int]:
        """Indices of the subjects that follow verb i (VSO), coordinated ones included."""
        boundary = self._clause_end(tokens, i, owner)
        # A title right after the verb may run long before its name (دعا النائب بمجلس نواب
        # الشعب عن حزب أفاق تونس، حافظ الزواري): the window reaches past it.
        opening = [t.norm for t in tokens[i + 1 : i + 1 + self.lexicon.max_title_words]]
        window = _TITLED_SUBJECT_WINDOW if opening and self.lexicon.title_at(opening, 0) else _SUBJECT_WINDOW
        after = [
            index
            for index, (m, _) in enumerate(mentions)
            if i < m.tok_start < min(boundary, i + window)
            and (not _governed(tokens, i, m.tok_start) or (window > _SUBJECT_WINDOW and self._named_after_title(tokens, m.tok_start))
                 or (_known_with_letter(m) and not any(t.pos == "prep" for t in tokens[i + 1 : m.tok_start])))
        ][:1]
        if not after or not self._subject_position(tokens, i, mentions[after[0]][0].tok_start, owner):
            return []  # a common noun comes first: it is the subject (ورفض فريق ترامب)
        # A verb before its subject stays singular (VSO); a plural verb (اعتقلوا) has its
        # subject in the verb itself or before it.
        if _plural_verb(tokens[i], self.lexicon.grammar):
            return []
        # Past a title's body to the person (الأمين العام لحزب الله اللبناني، حسن نصر الله); a body
        # with no title before it is the subject itself (هنأت حركة النهضة المرشح الجمهوري دونالد ترامب).
        first = mentions[after[0]][0]
        following = mentions[after[0] + 1][0].tok_start if after[0] + 1 < len(mentions) else first.tok_end
        # ...or to the name a body's noun stands in apposition to (دعت الشركة الرياضية "لوتو كيبيك"),
        # set off by punctuation: a name right after the subject is its object (قتلت إسرائيل محمد علي).
        titled = first.nominal or (following > first.tok_end and all(t.pos == "punc" for t in tokens[first.tok_end : following])) or any(
            self.lexicon.title_at([t.norm for t in tokens[: first.tok_start]], k) for k in range(i + 1, first.tok_start))
        return _coordinated(tokens, mentions, _head(tokens, mentions, after[0]) if titled else after[0], self.lexicon.grammar)

    def _named_after_title(self, tokens, start: int) -> bool:
        """Tell whether a name closes a long title in apposition (النائب ... عن ولاية سوسة،
        حافظ الزواري): its prepositions belong to the title, not to the name."""
        return tokens[start - 1].norm in self.lexicon.grammar["apposition"] and not any(p in _PROCLITIC_PREPOSITIONS for p in tokens[start].prefixes)

    def _subject_position(self, tokens, verb: int, start: int, owner) -> bool:
        """Tell whether a name right after a verb is its subject, not a genitive of it.

        Between them may stand only a title (أشاد الرئيس الصيني), time words, numbers,
        punctuation and adverbial phrases (بشدة); a bare noun is the subject itself
        (يجتمع وزراء خارجية الجزائر: the ministers meet, not Algeria). A title or a noun of a
        name with a preposition right after the verb (اتصل بمسؤولة مكتب X) is its complement.
        """
        norms = [t.norm for t in tokens]
        k = verb + 1
        while k < start:
            title = self.lexicon.title_at(norms, k)
            if k == verb + 1 and _PROCLITIC_PREPOSITIONS & set(tokens[k].prefixes) and (title or (k + 1 < len(owner) and owner[k + 1] is not None)):
                return False  # اتصل بمسؤولة مكتب X، التقى بالرئيس X: the verb's complement, not its subject
            if title:
                k += len(title.words)
                # A minister's portfolio (قال وزير التعليم الإسرائيلي نفتالي بينيت).
                while title.takes_portfolio and k < start and owner[k] is None and _portfolio_word(tokens[k]):
                    k += 1
                continue
            token = tokens[k]
            if owner[k] is not None:  # the body a title is of (الأمين العام لحزب الله)
                k += 1
                continue
            if self._honorific_at(tokens, k, start):
                k += 1  # a courtesy before the title or name (استقبل فخامة الرئيس، أشاد الدكتور X، صاحب السمو)
                continue
            named = next((j for j in range(k + 1, len(tokens)) if tokens[j].pos != "punc"), k + 1)
            if named < len(tokens) and owner[named] is not None and self.lexicon.cue(token.norm) in ("place", "group"):
                k += 1  # a place or group noun before its name (النائب عن ولاية سوسة، تبنى تنظيم "داعش")
                continue
            if token.pos in ("noun", "noun_prop") and token.prefixes in ((), ("Al_det",)) and not self._time_word(token):
                return False  # ودعا المسماري قطر: a name the tagger missed is the subject, not قطر
            k += 1
        return True

    def _honorific_at(self, tokens, k: int, end: int) -> bool:
        """Tell whether token k, before token `end`, is a courtesy that says no office: an
        honorific (الشيخ، الدكتور، فخامة، معالي) or the bare noun whose genitive one is (صاحب السمو)."""
        if self.lexicon.cue(tokens[k].norm) == "honorific":
            return True
        return k + 1 < end and tokens[k].pos == "noun" and not tokens[k].prefixes and self.lexicon.cue(tokens[k + 1].norm) == "honorific"

    def _past_apposition(self, tokens, mentions, owner, k: int) -> int:
        """The token after a title phrase in apposition to the name that ends before k.

        The body or country of the title is the subject's, not the verb's target (أشادت
        هيلين كلارك، رئيسة وزراء نيوزيلندا السابقة، بـ...). A title that leads to a
        person (استقبل X رئيس الوزراء Y) is the target itself: nothing is skipped.
        """
        norms = [t.norm for t in tokens]
        if k < len(tokens) and owner[k] is not None and mentions[owner[k]][0].type == "LOC" and self._holder_title_ends(tokens, mentions, norms, k):
            return mentions[owner[k]][0].tok_end  # أمير قطر: the state a holder's title governs is his, not the verb's target
        j = k + (k < len(tokens) and tokens[k].norm in self.lexicon.grammar["apposition"])
        title = self.lexicon.title_at(norms, j) if j < len(tokens) and owner[j] is None else None
        if title is None:
            return k
        j += len(title.words)
        while j < len(tokens):
            if owner[j] is not None:
                mention = mentions[owner[j]][0]
                if mention.type == "PER":
                    return k
                if {"bi_prep", "ka_prep"} & set(tokens[j].prefixes) or any(p.startswith("wa_") for p in tokens[j].prefixes):
                    break  # بالحكومة، وقطر: the verb's own complement, not the title's body
                j = mention.tok_end
            elif tokens[j].pos == "adj" or (tokens[j].pos == "noun" and tokens[j].prefixes in ((), ("Al_det",))):
                j += 1  # the title's nisba, portfolio or genitive (رئيسة وزراء نيوزيلندا السابقة)
            else:
                break
        # The apposition closes with a comma (X، رئيسة وزراء نيوزيلندا السابقة، ...).
        return j + (j < len(tokens) and tokens[j].norm in self.lexicon.grammar["apposition"] and tokens[k].norm in self.lexicon.grammar["apposition"])

    def _holder_title_ends(self, tokens, mentions, norms: list[str], k: int) -> bool:
        """Tell whether a title standing for its holder (`ner`: a person, no name) ends at token k."""
        for mention, _ in mentions:
            if mention.tok_end == k and mention.type == "PER" and not mention.named and not mention.nominal:
                title = self.lexicon.title_at(norms, mention.tok_start)
                return title is not None and mention.tok_start + len(title.words) == k
        return False

    def _time_word(self, token: Token) -> bool:
        return self.lexicon.is_time(token.norm) or token.pos == "digit"

    def _verb_arguments(self, trigger: Trigger, tokens, i: int, mentions, owner, carried):
        if tokens[i].person == "1":
            return self._speaker_arguments(trigger, tokens, i, mentions, owner)
        if self.lexicon.cues.get(tokens[i].lemma) == "obligation":
            # كان يجب على X: what X should have done, a reproach, no demand.
            past = i > 0 and tokens[i - 1].lemma in self.lexicon.grammar["was"]
            return [] if past else self._speaker_arguments(trigger, tokens, i, mentions, owner)
        boundary = self._clause_end(tokens, i, owner)
        # كان X قد فعل، إن X فعل: the subject comes first, so the name after the verb is its object.
        fronted_name = self._fronted_subject(tokens, i, mentions, owner)
        described = None if fronted_name else self._fronted_past_relative(tokens, i, mentions, owner)
        fronted = fronted_name or described is not None or self._subject_of_kana(tokens, i, mentions, owner) is not None
        subjects = [] if fronted else self._subjects_after(tokens, i, mentions, owner)
        # An attack's noun just before the verb is its subject; a place after it is its target (هجوما استهدف منطقة رأس عيسى).
        act_actors = [] if fronted else self._act_subject_actors(trigger, tokens, i, mentions, owner)
        if act_actors and subjects and mentions[subjects[0]][0].type == "LOC":
            subjects = []
        armed = [] if fronted or subjects else self._armed_subject(tokens, i, mentions, owner)
        subjects = subjects or armed
        # Forces named by their states (القوات الأمريكية والبريطانية): the states are the parties.
        states = _coordinated_states(tokens, mentions, subjects[-1], self.lexicon.grammar) if subjects else []
        if len(states) > 1:
            subjects, armed = states, states
        if subjects and tokens[mentions[subjects[0]][0].tok_start].lemma in trigger.requires:
            return []  # نشرت قوات: the word the verb requires is its object, not a party (the actor stands elsewhere)
        if subjects:  # VSO: the subject follows the verb
            if mentions[subjects[0]][0].nominal and mentions[subjects[0]][0].type == "LOC" and not armed:
                return []  # a nisba alone (الأميركي) is no actor
            confidence = 0.7 if armed else 0.9
            search_from = self._past_apposition(tokens, mentions, owner, mentions[subjects[-1]][0].tok_end)
            actors = [mentions[s][1] for s in subjects]
        else:
            # A verb joined by و, also written apart (وانتقد أداء وزير الشؤون الخارجية و ندد), opens a
            # clause of its own: no name before it is its subject; nor is one before a clause that
            # describes the noun before it (رسالة إلى ترامب، طالبه فيها).
            if fronted_name:
                subject = owner[_past_quote_marks(tokens, i) - 1]
            elif described is not None:
                subject = described
            else:
                joined = (_conjoined(tokens[i], self.lexicon.grammar) or (i > 0 and tokens[i - 1].norm in self.lexicon.grammar["conjunction"])
                          or self._describes_noun_before(tokens, i))
                subject = None if joined else self._subject_before(tokens, mentions, owner, self._names_before(tokens, mentions, i), i)
            armed_before = [] if fronted_name or subject is not None else self._armed_before(tokens, i, mentions, owner)
            if armed_before:  # قاذفات بي-2 أمريكية شنت، القوات الأمريكية والبريطانية قصفت: the states, less sure than named
                actors, confidence = [mentions[k][1] for k in armed_before], 0.6
            elif subject is not None:  # SVO: the subject just before, with those listed before it
                actors, confidence = [mentions[k][1] for k in _listed_before(tokens, mentions, subject, self.lexicon.grammar)], 0.75
            elif carried and i <= 1 and not _plural_verb(tokens[i], self.lexicon.grammar) and carried.agrees(_feminine_verb(tokens[i], self.lexicon.grammar)) and (
                    self._subject_position(tokens, i, min(i + 2, len(tokens)), owner) or self._required_next(trigger, tokens, i)):
                # وأضاف: the previous sentence's actor goes on, unless a noun follows
                # as the new subject (ودعا النشطاء); a plural verb (ودعوا) has a subject of
                # its own, not the one party of the sentence before.
                actors, confidence = [carried.entity], 0.6
            elif tokens[i].enclitic and (shared := self._shared_subjects(tokens, i, mentions, owner)):
                actors, confidence = shared, 0.6  # هاجمت روسيا تركيا واتهمتها: the actor goes on
            elif act_actors:
                actors, confidence = act_actors, 0.6  # غارات أمريكية تستهدف X: the act's actor
            else:
                return []
            search_from = i + 1
        if tokens[i].enclitic:
            # The target is a pronoun on the verb (هاجم فرنسا واتهمها): the name it points back to.
            # A name after a preposition's noun is no subject of it (وكلفه بتشكيل الحكومة).
            if subjects and any(_PROCLITIC_PREPOSITIONS & set(t.prefixes) for t in tokens[i + 1 : mentions[subjects[0]][0].tok_start]):
                return []
            antecedent = self._antecedent(trigger, tokens, i, mentions, owner, set(actors))
            if antecedent is None and self._own_subject(tokens, i, mentions, owner, subjects, set(actors)) and (
                    referent := self._referent(trigger, tokens, i, mentions, owner, set(actors))):
                return [(actor, referent, round(confidence * _REFERENT_WEIGHT, 2)) for actor in actors]
            return [(actor, antecedent, round(confidence * 0.9, 2)) for actor in actors] if antecedent else []
        # A stance on a state's act (ندد X بالتدخل الروسي في سوريا) or on the act a relative clause
        # says someone did (أشاد X بالمبادرة التي أطلقها Y) is on its doer, not on a name after it.
        target = self._doer_of_object(trigger, tokens, search_from, boundary, mentions, owner, set(actors)) if trigger.predicate in _STANCES else None
        target = target or self._target(trigger, tokens, mentions, search_from, boundary, set(actors))
        if target is None and trigger.predicate == "called_for":
            target = self._addressee_of_necessity(tokens, search_from, mentions, owner, set(actors))
        if target is None and len(actors) > 1 and self.lexicon.cues.get(tokens[i].lemma) == "reciprocal":
            # التقى X وY، اجتمع الرئيسان X وY: coordinated subjects of a verb of meeting meet each other,
            # every two of them (التقى X وY وZ: Y met Z too).
            return [(a, b, round(confidence * 0.9, 2)) for k, a in enumerate(actors) for b in actors[k + 1 :] if a != b]
        if target is None and len(actors) > 1 and (mutual := self._mutual_parties(trigger, actors, confidence)):
            return mutual
        if target is None and subjects and (shared := self._shared_subjects(tokens, i, mentions, owner)):
            # ...، وحث الولايات المتحدة على: a verb joined after a comma goes on with the
            # sentence's actor; the name after it, no subject of its own, is its object.
            actors, confidence = shared, 0.6
            target = self._target(trigger, tokens, mentions, i + 1, boundary, set(actors))
        if target is None:
            return []
        obj, target_confidence = target
        objects = [obj] + self._conjoined_objects(trigger, tokens, mentions, obj, search_from, set(actors))
        return [(actor, o, round(confidence * target_confidence * (1 if o == obj else 0.9), 2)) for actor in actors for o in objects]

    def _speaker_arguments(self, trigger: Trigger, tokens, i: int, mentions, owner) -> list[tuple[str, str, float]]:
        """A verb in the first person (أدعو، ندعو، نطالب) or of obligation (يجب على X أن, cues.tsv
        obligation) gives the speaker's own words: its
        subject is the one a verb of saying before it names (وقال غوتيريش ...، مضيفا "أدعو القوات
        المسلحة السودانية وقوات الدعم السريع"), and the names after it are its objects, never
        its subject. No speaker named before it in the sentence: nothing."""
        speaker = next((self._named_at(tokens, mentions, mentions[subjects[0]][0].tok_start) for k in range(i - 1, -1, -1)
                        if tokens[k].pos == "verb" and owner[k] is None and self.lexicon.cues.get(tokens[k].lemma) == "report"
                        and (subjects := self._subjects_after(tokens, k, mentions, owner))), None)
        if speaker is None:
            return []
        actors = {speaker[1]}
        target = self._target(trigger, tokens, mentions, i + 1, self._clause_end(tokens, i, owner), actors)
        if target is None:
            return []
        obj, confidence = target
        objects = [obj] + self._conjoined_objects(trigger, tokens, mentions, obj, i + 1, actors)
        return [(speaker[1], o, round(_SPEAKER_CONFIDENCE * confidence * (1 if o == obj else 0.9), 2)) for o in objects]

    def _act_subject_actors(self, trigger: Trigger, tokens, i: int, mentions, owner) -> list[str]:
        """The actors of an attack verb whose subject is the noun of an attack just before it
        (a comma and the noun's describing words between), or []: the state of the nisba after
        the noun (غارات أمريكية جديدة تستهدف X), or the named subject of the verb that carries
        it out (cues.tsv carrier: نفذت القوات الأمريكية هجوما بغارتين استهدف X، شن تنظيم داعش
        3 هجمات انتحارية بسيارات مفخخة، استهدفت X)."""
        if (trigger.predicate not in _SITE_TARGETS or _conjoined(tokens[i], self.lexicon.grammar) or tokens[i].enclitic
                or tokens[i].voice == "p" or {"sa_fut", "li_prep"} & set(tokens[i].prefixes)):
            return []
        j = i - 1 - (i > 0 and tokens[i - 1].norm in self.lexicon.grammar["comma"])
        act = None
        for k in range(j, max(-1, j - _ACT_PHRASE), -1):
            if tokens[k].pos == "verb" or (owner[k] is not None and not mentions[owner[k]][0].nominal):
                break
            if tokens[k].pos == "noun" and owner[k] is None and any(t.predicate == trigger.predicate for t in self._act_frames(tokens[k])):
                act = k
                break
        if act is None:
            return []
        k = act + 1
        while k < i and tokens[k].pos == "adj" and owner[k] is None:
            k += 1  # غارات جوية أمريكية
        if k < i and owner[k] is not None and mentions[owner[k]][0].nominal and mentions[owner[k]][0].type == "LOC":
            return [mentions[owner[k]][1]]
        carrier = next((c for c in range(act - 1, max(-1, act - _SUBJECT_WINDOW), -1) if tokens[c].pos == "verb"), None)
        if carrier is None or self.lexicon.cues.get(tokens[carrier].lemma) != "carrier" or tokens[carrier].enclitic:
            return []
        subjects = [s for s in self._subjects_after(tokens, carrier, mentions, owner) if mentions[s][0].tok_end <= act]
        if not subjects and carrier == act - 1:
            subject = self._subject_before(tokens, mentions, owner, self._names_before(tokens, mentions, carrier), carrier)
            subjects = [] if subject is None else _listed_before(tokens, mentions, subject, self.lexicon.grammar)
        # القوات الأمريكية والبريطانية نفذت هجوما، نفذت طائرات أمريكية هجوما: the states
        armed = [] if subjects else (self._armed_subject(tokens, carrier, mentions, owner)
                                     or self._armed_before(tokens, carrier, mentions, owner))
        return [mentions[s][1] for s in subjects if not mentions[s][0].nominal] + [mentions[s][1] for s in armed]

    def _armed_subject(self, tokens, i: int, mentions, owner) -> list[int]:
        """The state whose arms are the subject right after verb i (قصفت طائرات أمريكية،
        cues.tsv kind arms): the mention of the nisba after them, past other adjectives, as a
        one-item list of mention indices, or []. Less sure than a named subject."""
        k = i + 1
        # القوات والبريطانية: a state's body joined to another's is their states' (match: joint).
        joint = k < len(tokens) and self.lexicon.cue(tokens[k].norm) == "state_body"
        if k >= len(tokens) or owner[k] is not None or not (joint or self.lexicon.cues.get(tokens[k].lemma) == "arms"):
            return []
        k += 1
        while k < len(tokens) and tokens[k].pos == "adj" and owner[k] is None:
            k += 1  # طائرات حربية أمريكية
        k += MODEL_TOKENS * craft_model_at(tokens, k)  # قاذفات بي-2 أمريكية
        if k >= len(tokens) or owner[k] is None:
            return []
        mention = mentions[owner[k]][0]
        states = _coordinated_states(tokens, mentions, owner[k], self.lexicon.grammar)
        if not mention.nominal or mention.type != "LOC" or mention.tok_start != k or (joint and not states):
            return []
        return states or [owner[k]]

    def _armed_before(self, tokens, i: int, mentions, owner) -> list[int]:
        """The states whose arms or joint forces stand right before verb i as its subject (قاذفات
        بي-2 أمريكية شنت، القوات الأمريكية والبريطانية نفذت): their nisbas' mention indices, or []."""
        last = owner[i - 1] if i > 0 else None
        if last is None:
            return []
        states = _coordinated_states(tokens, mentions, last, self.lexicon.grammar)
        first = mentions[(states or [last])[0]][0]
        if not first.nominal or first.type != "LOC" or first.tok_start == 0:
            return []
        k = first.tok_start - 1 - MODEL_TOKENS * craft_model_at(tokens, first.tok_start - MODEL_TOKENS)
        while k > 0 and tokens[k].pos == "adj" and owner[k] is None:
            k -= 1
        if owner[k] is not None:
            return []
        arms = self.lexicon.cues.get(tokens[k].lemma) == "arms"
        return (states or [last]) if arms or (self.lexicon.cue(tokens[k].norm) == "state_body" and states) else []

    def _addressee_of_necessity(self, tokens, start: int, mentions, owner, actors: set[str]):
        """The one called on inside «إلى ضرورة أن» right after the subject (cues.tsv necessity): the
        named subject of the present-tense verb after أن (دعا X إلى ضرورة أن تلتزم Y بـ؛ طالب X بضرورة
        أن تنسحب Y من), or the body of its members (أن تعمل جميع الدول الأعضاء في الاتحاد الأوروبي).
        Less sure than an object named at once."""
        k = start + (start < len(tokens) and tokens[start].pos == "prep" and not tokens[start].enclitic)
        if k + 3 >= len(tokens) or self.lexicon.cue(tokens[k].norm) != "necessity" or tokens[k].enclitic:
            return None
        that, verb, subject = tokens[k + 1], tokens[k + 2], owner[k + 3]
        if that.norm not in self.lexicon.grammar["that"] or that.enclitic or verb.pos != "verb" or not _imperfect(verb, self.lexicon.grammar):
            return None
        if subject is None:  # أن تعمل جميع الدول الأعضاء في الاتحاد الأوروبي: the body of the members
            start = k + 3 + (self.lexicon.cues.get(tokens[k + 3].norm) == "all")
            body = self._members_body(tokens, mentions, start, min(len(tokens), start + 4), actors)
            return (body, 0.8) if body else None
        if mentions[subject][0].tok_start != k + 3 or mentions[subject][0].nominal or mentions[subject][1] in actors:
            return None
        return mentions[subject][1], 0.9

    def _doer_of_object(self, trigger: Trigger, tokens, start: int, boundary: int, mentions, owner, actors: set[str]):
        """The doer of the act a stance verb's object names: the object is a definite noun (an
        indefinite word before it is an adverb: بشدة) and, past its adjectives, a state's nisba
        (انتقد بيترو بشدة الانتشار العسكري الأميركي) or a relative clause whose verb points back
        to it and names its subject (أشاد ماكرون بالدعوة التي وجهها له العاهل المغربي محمد السادس،
        مشيدا بـ"الدور البناء" الذي لعبه رئيس بيلاروس)."""
        k = start
        while k < min(boundary, start + 2) and owner[k] is None and "Al_det" not in tokens[k].prefixes and tokens[k].pos in ("noun", "adv"):
            k += 1
        prepositions = trigger.object_prep or ""
        apart = bool(prepositions) and k < boundary and tokens[k].pos == "prep" and _has_preposition(tokens[k], prepositions, self.lexicon.grammar)
        k += apart  # بـ "الدور البناء"
        k += k < boundary and tokens[k].norm in _QUOTE_MARKS
        if k >= boundary or owner[k] is not None or tokens[k].pos != "noun" or "Al_det" not in tokens[k].prefixes \
                or self._past_title(tokens, mentions, k) != k:
            return None  # a title leads to a person (انتقد ماكرون الرئيس الأمريكي دونالد ترامب)
        on_noun = _PROCLITIC_PREPOSITIONS & set(tokens[k].prefixes)
        if not (_has_preposition(tokens[k], prepositions, self.lexicon.grammar) if prepositions and not apart else not on_noun):
            return None
        k += 1
        while k < boundary and (tokens[k].pos == "adj" or tokens[k].norm in _QUOTE_MARKS) and owner[k] is None:
            k += 1
        if k >= boundary:
            return None
        if owner[k] is not None:
            mention, state = mentions[owner[k]]
            return (state, 0.7) if mention.nominal and mention.type == "LOC" and mention.tok_start == k and state not in actors else None
        if tokens[k].norm not in self.lexicon.relative_pronouns or k + 1 >= len(tokens) or tokens[k + 1].pos != "verb" \
                or not self._points_back(tokens, k + 1):
            return None
        v = k + 1
        if self._cue_before(tokens, v) == "modality" or self._future_after(tokens, v, owner):
            return None
        # Past the preposition with the pronoun (أدلى بها X) or the addressee's (وجهها له X).
        carried = v + 1 < len(tokens) and tokens[v + 1].pos == "prep" and (tokens[v + 1].enclitic or "").startswith("3")
        subjects = self._subjects_after(tokens, v + carried, mentions, owner)
        doers = [mentions[j][1] for j in subjects if mentions[j][1] not in actors]
        return (doers[0], 0.7) if doers and not mentions[subjects[0]][0].nominal else None

    def _points_back(self, tokens, v: int) -> bool:
        """Tell whether the word at token v, not a future, has a pronoun pointing back to the
        noun before its relative (أطلقها، وجهها), or a preposition carrying it follows (أدلى بها، قام بها)."""
        if v >= len(tokens) or "sa_fut" in tokens[v].prefixes:
            return False
        if (tokens[v].enclitic or "").startswith("3"):
            return True
        return v + 1 < len(tokens) and tokens[v + 1].pos == "prep" and (tokens[v + 1].enclitic or "").startswith("3")

    def _mutual_parties(self, trigger: Trigger, actors: list[str], confidence: float) -> list[tuple[str, str, float]]:
        """Each coordinated party acting on the others, for a light verb whose target comes with
        مع and whose required noun names the act (تبادلت قرغيزستان وطاجيكستان التهم، تبادل الجيشان
        القصف): what X does مع Y, X و Y do to each other; and for an act's noun whose parties
        follow بين (`_parties_between`). One direction for a symmetric predicate.

        Returns:
            (actor, target, confidence) triples; none for a frame that is neither.
        """
        light = bool(trigger.requires) and trigger.object_prep is not None and bool(self.lexicon.grammar["with"] & set(trigger.object_prep.split("|")))
        if trigger.predicate not in _MUTUAL or not (light or self._between(trigger)):
            return []
        pairs = [(a, b) for a in actors for b in actors if a != b and (trigger.predicate not in _SYMMETRIC or actors.index(a) < actors.index(b))]
        return [(a, b, round(confidence * 0.85, 2)) for a, b in pairs]

    def _fronted_subject(self, tokens, i: int, mentions, owner) -> bool:
        """Tell whether the name right before verb i opens its clause and so is its subject:
        at the head of the sentence (a headline: ميركل تنتقد ترامب), after punctuation, or
        after إن/أن (قال إن تركيا انتقدت), also with the speaker's quoted words opening at the
        verb (إن القوات المسلحة "هاجمت ..."). The name after the verb is then its object."""
        i = _past_quote_marks(tokens, i)
        if i < 1 or owner[i - 1] is None:
            return False
        mention = mentions[owner[i - 1]][0]
        if mention.tok_end != i:
            return False
        first = self._title_phrase_start(tokens, mentions, owner, mention.tok_start)
        if _closing_mark(tokens, i) and first > 0 and tokens[first - 1].norm in ('"', "«", "“"):
            first -= 1  # the name quoted ("آفاق تونس" يستنكر): its clause opens before the quote (not بطاريات "ليثيوم أيون" حذرت)
        return first == 0 or tokens[first - 1].pos == "punc" or tokens[first - 1].lemma in self.lexicon.grammar["that"]

    def _subject_of_kana(self, tokens, i: int, mentions, owner) -> int | None:
        """The subject of verb i in كان X قد فعل, or None.

        وكان الحرس الثوري قد اتهم واشنطن، وكان الرئيس الفرنسي ماكرون قد زار الجزائر: the
        subject comes first (SVO), so the name after the verb is its object, not its subject.
        """
        end = i - (i > 0 and self.lexicon.cues.get(tokens[i - 1].norm) == "may")
        if end < 2 or owner[end - 1] is None:
            return None
        index = owner[end - 1]
        mention = mentions[index][0]
        first = self._title_phrase_start(tokens, mentions, owner, mention.tok_start)
        if mention.nominal or end == i or first == 0 or self._past_apposition(tokens, mentions, owner, mention.tok_end) != end:
            return None
        return index if tokens[first - 1].lemma in self.lexicon.grammar["was"] and tokens[first - 1].pos == "verb" else None

    def _title_phrase_start(self, tokens, mentions, owner, start: int) -> int:
        """The first token of the title phrase before a name at token `start` (وكان الرئيس
        الفرنسي إيمانويل ماكرون: the token of الرئيس); `start` when none."""
        norms = [t.norm for t in tokens]
        j = start - 1
        while j >= 0:
            title = self._title_ending_at(norms, j)
            if title is not None:
                j -= len(title.words)
            elif (owner[j] is not None and mentions[owner[j]][0].nominal) or self.lexicon.cue(tokens[j].norm) == "honorific":
                j -= 1
            else:
                break
        return j + 1

    def _names_before(self, tokens, mentions, i: int) -> list[int]:
        """Indexes of the named mentions that end before token i and no preposition governs,
        nor a noun they complete (مدينة كيبيك شمال شرق كندا اتصل: كندا is no subject)."""
        return [
            index
            for index, (m, _) in enumerate(mentions)
            if m.tok_end <= i and not m.nominal and not _governed(tokens, max(m.tok_start - 2, -1), m.tok_start)
            and not (m.type == "LOC" and self._completes_noun(tokens, [None] * len(tokens), m.tok_start))
        ]

    def _subject_before(self, tokens, mentions, owner, before: list[int], i: int) -> int | None:
        """The subject that stands right before verb i (SVO), or None.

        A name in apposition to a title phrase is the subject, not the body or country of its
        title (حيدر العبادي رئيس وزراء العراق قد التقى). A comma after a name closes the
        clause or phrase it ends (... لصالح واشنطن، وحذرت؛ عن ولاية كاليفورنيا، طالب),
        unless it closes a list of subjects (والإمارات، ثم جزر المالديف، قطعت). A person
        before أن or إن is no subject of the verb after it unless the pronoun on أن is his
        (وأكد أردوغان أنه يدعم؛ but وأكد أردوغان أنهم يدعمون; وأعلن الحوثيون إنهم أطلقوا).
        """
        that = max((k for k in range(max(0, i - _SVO_GAP - 1), i) if tokens[k].lemma in self.lexicon.grammar["that"]), default=-1)
        if that >= 0 and (tokens[that].enclitic or "")[:3] not in ("3ms", "3fs") and not self._own_forces(tokens, that + 1, i):
            # A noun kg did not name between أن and the verb is its subject (أعلنت قناة البي بي سي أن لوبن
            # اتصلت): no name before أن is, a body's neither.
            opened = any(owner[k] is None and tokens[k].pos in ("noun", "noun_prop") for k in range(that + 1, i))
            before = [index for index in before if mentions[index][0].tok_start > that or (mentions[index][0].type != "PER" and not opened)]
        for index in reversed(before[-3:]):
            mention = mentions[index][0]
            if mention.type == "PER" and 0 <= i - self._past_apposition(tokens, mentions, owner, mention.tok_end) <= _SVO_GAP:
                return index
        if not before or i - mentions[before[-1]][0].tok_end > _SVO_GAP:
            return None
        last = mentions[before[-1]][0]
        listed = _conjoined(tokens[last.tok_start], self.lexicon.grammar) or (last.tok_start > 0 and self.lexicon.cues.get(tokens[last.tok_start - 1].norm) == "list")
        if not listed and any(t.pos == "punc" for t in tokens[last.tok_end : i]):
            return None
        return before[-1]

    def _fronted_past_relative(self, tokens, i: int, mentions, owner) -> int | None:
        """The name that opens its clause and a short relative clause right before verb i
        describes, as the verb's subject (منظمة العفو الدولية التي مقرها لندن دعت X), or None.

        The verb agrees with the pronoun (التي and a feminine verb); the clause holds no
        punctuation, no أن/إن (whose clause has a subject of its own) and no other relative.
        """
        grammar = self.lexicon.grammar
        relatives = grammar["relative_masculine"] | grammar["relative_feminine"]
        r = next((k for k in range(i - 2, max(-1, i - 2 - _RELATIVE_CLAUSE_WORDS), -1) if tokens[k].norm in relatives), None)
        if r is None or r == 0 or (tokens[r].norm in grammar["relative_feminine"]) != _feminine_verb(tokens[i], grammar):
            return None
        clause = tokens[r + 1 : i]
        if any(t.pos == "punc" or t.lemma in grammar["that"] or t.norm in self.lexicon.relative_pronouns for t in clause):
            return None
        if _conjoined(tokens[i], grammar) or _plural_verb(tokens[i], grammar):
            return None
        index = owner[r - 1]
        if index is None or mentions[index][0].tok_end != r or (mentions[index][0].nominal and mentions[index][0].type == "LOC"):
            return None  # a nisba alone (الأميركي) is no actor
        first = self._title_phrase_start(tokens, mentions, owner, mentions[index][0].tok_start)
        return index if first == 0 or tokens[first - 1].pos == "punc" or tokens[first - 1].lemma in grammar["that"] else None

    def _own_forces(self, tokens, k: int, i: int) -> bool:
        """Tell whether token k, right after أن and before verb i, is the forces or arms of the one
        its singular possessive pronoun points to (أعلنت X أن قواتها نفذت؛ cues.tsv kinds force, arms):
        they stand for their owner as the verb's subject, as the pronoun on أن does."""
        return k < i and tokens[k].pos == "noun" and (tokens[k].enclitic or "") in ("3ms_poss", "3fs_poss") \
            and self.lexicon.cues.get(tokens[k].lemma) in ("force", "arms")

    def _conjoined_objects(self, trigger: Trigger, tokens, mentions, obj: str, start: int, actors: set[str]) -> list[str]:
        """Targets joined by و right after the target (زار تونس والجزائر؛ دعا قطر والسعودية)."""
        index = next((k for k, (m, e) in enumerate(mentions) if e == obj and m.tok_start >= start), None)
        joined: list[str] = []
        while index is not None and index + 1 < len(mentions):
            mention, (following, entity) = mentions[index][0], mentions[index + 1]
            if following.tok_start != mention.tok_end or not _conjoined(tokens[following.tok_start], self.lexicon.grammar) or following.nominal:
                break
            if following.type != mentions[index][0].type or (trigger.object_types and following.type not in trigger.object_types):
                break
            if entity not in actors and entity != obj and entity not in joined:
                joined.append(entity)
            index += 1
        return joined

    def _noun_arguments(self, trigger: Trigger, tokens, i: int, mentions, owner, carried):
        # A verbal noun that is the object of a statement has the speaker as its actor
        # (أعلنت السعودية ومصر قطع علاقاتها مع قطر؛ أكدت تركيا دعمها لقطر).
        if trigger.subject_prep is None and self._between(trigger):
            return self._parties_between(trigger, tokens, i, mentions, owner)
        if trigger.subject_prep is None:
            return (
                self._genitive_agent(trigger, tokens, i, mentions, owner)
                or self._nisba_actor(trigger, tokens, i, mentions, owner)
                or self._statement_object(trigger, tokens, i, mentions, owner)
                or self._possessor(trigger, tokens, i, mentions, owner, carried)
                or self._setting(trigger, tokens, i, mentions, owner)
            )
        for k in range(i + 1, min(len(tokens), i + _SUBJECT_WINDOW)):
            if _has_preposition(tokens[k], trigger.subject_prep, self.lexicon.grammar):
                starting = [index for index, (m, _) in enumerate(mentions) if m.tok_start in (k, k + 1)]
                if starting:
                    subject_mention, subject = mentions[starting[0]]
                    target = self._target(trigger, tokens, mentions, subject_mention.tok_end, len(tokens), {subject})
                    if target:
                        return [(subject, target[0], round(0.8 * target[1], 2))]
                break
        return []

    def _between(self, trigger: Trigger) -> bool:
        """Tell whether a frame's preposition is بين: its noun joins the parties named after it."""
        return trigger.object_prep is not None and not self.lexicon.grammar["between"].isdisjoint(trigger.object_prep.split("|"))

    def _parties_between(self, trigger: Trigger, tokens, i: int, mentions, owner):
        """The parties an act's noun joins, coordinated after بين (past the noun's describing
        words and time words), each acting on the other: المباحثات بين مصر والسعودية،
        اشتباكات عنيفة بين الجيش السوري وتنظيم داعش (`_mutual_parties`)."""
        k = i + 1
        while k < len(tokens) and owner[k] is None and (tokens[k].pos == "adj" or self._time_word(tokens[k])):
            k += 1
        if k < len(tokens) and owner[k] is not None and not tokens[i].enclitic:
            return self._mutual_parties(trigger, self._joint_nisbas(tokens, mentions, owner, k), 0.7)
        if k >= len(tokens) or tokens[k].norm not in self.lexicon.grammar["between"]:
            return []
        chain = self._subjects_after(tokens, k, mentions, owner)[:1]
        # Each further party opens the word joined by و, or follows a title there (ونظيره الروسي X):
        # a name past other words is no party (مواجهات بين الشرطة ومتظاهرين في اسطنبول).
        while chain and (end := mentions[chain[-1]][0].tok_end) < len(tokens) and _conjoined(tokens[end], self.lexicon.grammar):
            named = self._past_title(tokens, mentions, end)
            following = next((p for p in range(chain[-1] + 1, len(mentions)) if mentions[p][0].tok_start in (end, named)), None)
            if following is None:
                break
            chain.append(_head(tokens, mentions, following))
        parties = [e for m, e in (mentions[p] for p in chain) if not trigger.object_types or m.type in trigger.object_types]
        return self._mutual_parties(trigger, list(dict.fromkeys(parties)), 0.8)

    def _joint_nisbas(self, tokens, mentions, owner, k: int) -> list[str]:
        """The states of two or more nisbas side by side from token k, a dash allowed between
        (قمة إسلامية أميركية، محادثات سعودية - أمريكية، لقاء ليبي جزائري), or [] for one: one
        nisba alone says where (الحرب السورية), not who with whom."""
        states: list[str] = []
        while k < len(tokens) and owner[k] is not None:
            mention, state = mentions[owner[k]]
            if not (mention.nominal and mention.type == "LOC" and mention.tok_start == k) or _conjoined(tokens[k], self.lexicon.grammar):
                break
            states.append(state)
            k = mention.tok_end
            k += k + 1 < len(tokens) and tokens[k].norm in self.lexicon.grammar["dash"]
        return list(dict.fromkeys(states)) if len(states) > 1 else []

    def _genitive_agent(self, trigger: Trigger, tokens, i: int, mentions, owner):
        """The actor of a verbal noun in the genitive right after it, the target after the
        noun's preposition: اتهام السعودية لقطر، دعم تركيا لقطر، زيارة ماكرون إلى الجزائر، and
        a nisba after a definite noun (الدعم التركي لقطر). A noun that takes a direct object
        has its target, not its actor, in the genitive (اغتيال السفير): none here."""
        # The genitive may be a title phrase that leads to the name (زيارة الرئيس الفرنسي إيمانويل ماكرون إلى).
        named = self._past_title(tokens, mentions, i + 1)
        if trigger.object_prep is None or named >= len(tokens) or owner[named] is None or tokens[i].enclitic:
            return []
        mention, actor = mentions[owner[named]]
        if mention.tok_start != named or tokens[i + 1].prefixes not in ((), ("Al_det",)):
            return []
        if tokens[named].lemma in trigger.requires:
            return []  # إرسال قوات حفظ سلام إلى: the forces sent, not who sends them
        if mention.nominal and not (mention.type == "LOC" and "Al_det" in tokens[i].prefixes):
            return []
        start = self._past_apposition(tokens, mentions, owner, mention.tok_end)
        boundary = self._clause_end(tokens, i, owner)
        # اتهام قطر بالسعي: the charge after بـ says the genitive is the one accused, not the actor.
        if start < len(tokens) and "bi_prep" in tokens[start].prefixes and not _has_preposition(tokens[start], trigger.object_prep, self.lexicon.grammar):
            return []
        # A visit or talks still ahead (زيارة ماكرون المرتقبة إلى الجزائر) is no fact.
        if any(self.lexicon.cue(t.norm) in ("modality", "future") for t in tokens[mention.tok_end : min(boundary, start + 3)]):
            return []
        # Only a target the preposition governs: a name joined by و is a second actor
        # (دعم حزب العدالة والتنمية وحزب الشعب الجمهوري).
        target = self._target(trigger, tokens, mentions, start, min(boundary, start + 3), {actor}, gap=-1)
        if target is None or target[1] < 1.0:
            return []
        return [(actor, target[0], 0.7)]

    def _nisba_actor(self, trigger: Trigger, tokens, i: int, mentions, owner):
        """The state a nisba after the act's noun names as its actor (غارات أمريكية على اليمن،
        الانتشار العسكري الأميركي في الكاريبي), past other adjectives, when the noun's
        preposition governs a named target at once, or a site its owner is named after. Less
        sure than a named actor."""
        k = i + 1
        while k < len(tokens) and tokens[k].pos == "adj" and owner[k] is None:
            k += 1
        if trigger.object_prep is None or k >= len(tokens) or owner[k] is None or tokens[i].enclitic:
            return []
        mention, actor = mentions[owner[k]]
        if not (mention.nominal and mention.type == "LOC" and mention.tok_start == k):
            return []
        k = mention.tok_end
        while k < len(tokens) and tokens[k].pos == "adj" and owner[k] is None:
            k += 1  # غارات أمريكية جديدة على
        governed = self._governed_target([trigger], tokens, mentions, k)
        if governed is None and k < len(tokens) and _has_preposition(tokens[k], trigger.object_prep, self.lexicon.grammar):
            # قصف روسي على مواقع داعش: the owner of the site hit (`_site_owner`).
            owned = self._site_owner(trigger, tokens, mentions, k + (tokens[k].pos == "prep"), self._clause_end(tokens, i, owner), {actor})
            return [(actor, owned[0], 0.6)] if owned else []
        return [(actor, governed[1][1], 0.6)] if governed and governed[1][1] != actor else []

    def _statement_object(self, trigger: Trigger, tokens, i: int, mentions, owner):
        """The speaker as the actor of a verbal noun that is a statement's object."""
        aside = self._aside(tokens, i)
        verb = next((k for k in range(i - 1, -1, -1) if k not in aside and owner[k] is None and (tokens[k].pos == "verb" or self._verb_read_as_noun(tokens, k, owner))), None)
        kind = self.lexicon.cues.get(tokens[verb].lemma) if verb is not None else None
        if kind not in ("statement", "act") or i - verb - len(aside) > _SUBJECT_WINDOW + 4:
            return []
        if (tokens[verb].enclitic or "").endswith("_dobj"):
            return []  # الانتقادات التي وجهها X لزيارة نواب: the verb's object is its pronoun, the noun is no act of X
        verb_cue = self._cue_before(tokens, verb)
        if verb_cue == "negation" and self._cue_before(tokens, i) != "negation":
            return []  # لم تتخذ X قرارا بإرسال: a statement denied further back than the noun's cue window reads, no fact
        planned = verb_cue == "modality" or (self.lexicon.cues.get(tokens[verb - 1].norm) == "may" and _imperfect(tokens[verb], self.lexicon.grammar) if verb else False)
        if planned or "sa_fut" in tokens[verb].prefixes or self._future_after(tokens, i, owner) or (kind == "act" and _imperfect(tokens[verb], self.lexicon.grammar) and not self._ongoing_act(tokens, verb, owner)):
            return []  # سيجري زيارة، يؤدي زيارة، قد تفرض عقوبات: a plan or a possibility, not an act
        subjects, confidence = self._subjects_after(tokens, verb, mentions, owner), 0.75
        if subjects:
            object_start = mentions[subjects[-1]][0].tok_end
        else:  # SVO: X كان قد أدى زيارة إلى
            subject = self._subject_before(tokens, mentions, owner, self._names_before(tokens, mentions, verb), verb)
            subjects, confidence, object_start = ([] if subject is None else _listed_before(tokens, mentions, subject, self.lexicon.grammar)), 0.7, verb + 1
        if not subjects or object_start > i:
            return []
        # The verbal noun is the statement's object: it follows the subject at once, past
        # only time words and adverbs (أكدت تركيا مجددا دعمها), not inside a later phrase
        # (أعلنت الشرطة إلقاء القبض على أشخاص على صلة بهجوم مانشستر).
        between = [t for k, t in enumerate(tokens[object_start:i], object_start) if k not in aside]
        # Also past عن (أعربت X عن إدانتها لـ), a claim of responsibility (أعلن التنظيم
        # مسؤوليته عن الهجوم على) and a decree (أصدر X مرسوما بتعيين Y).
        if any(t.pos not in ("punc", "adv", "adj") and not self._time_word(t) and t.norm not in self.lexicon.grammar["about"]
               and self.lexicon.cues.get(t.lemma) != "claim" and t.lemma not in self.lexicon.grammar["decree"] for t in between):
            return []
        if self._genitive_before_object(trigger, tokens, i, mentions, owner):
            return []  # عن إدانة تونس الشديدة للتفجيرات: Tunisia condemns, it is not condemned
        actors = {mentions[s][1] for s in subjects}
        end = self._phrase_end(tokens, i, owner)
        target = self._target(trigger, tokens, mentions, i + 1, end, actors)
        # A claimed attack with no named target struck the place it was in (تبنى داعش الهجوم على
        # حافلة في مصر، أعلن التنظيم مسؤوليته عن هجوم المقهى في داكا): less sure than a target.
        claimed = tokens[verb].lemma in self.lexicon.grammar["claiming"] or any(self.lexicon.cues.get(t.lemma) == "claim" for t in between)
        if target is None and claimed and trigger.predicate == "attacked":
            target = self._site_struck(tokens, mentions, owner, i, end, actors)
        return [(actor, target[0], round(confidence * target[1], 2)) for actor in sorted(actors)] if target else []

    def _site_struck(self, tokens, mentions, owner, i: int, end: int, actors: set[str]) -> tuple[str, float] | None:
        """The place an act of attack at token i was in: a place completing its noun (هجوم لندن)
        or the first place after في in its phrase, past a place noun (في العاصمة لندن)."""
        k = i + 1
        while k < end:
            if owner[k] is None:
                k += 1
                continue
            mention, entity = mentions[owner[k]]
            before = mention.tok_start - 1 - (self.lexicon.cue(tokens[mention.tok_start - 1].norm) == "place")
            if mention.type == "LOC" and not mention.nominal and entity not in actors and (
                    tokens[before].norm in self.lexicon.grammar["in"] or (mention.tok_start == i + 1 and self._scene_of_attack(tokens, mention))):
                return entity, 0.8
            k = mention.tok_end
        return None

    def _genitive_before_object(self, trigger: Trigger, tokens, i: int, mentions, owner) -> bool:
        """Tell whether a verbal noun has a name in the genitive right after it and then, past
        adjectives, a preposition of one of its frames: the name is the noun's actor, the object follows it."""
        own = "|".join(frame.object_prep for frame in self.lexicon.triggers.get((trigger.lemma, trigger.pos), ()) if frame.object_prep)
        if not own or tokens[i].enclitic or i + 1 >= len(tokens) or owner[i + 1] is None:
            return False
        mention = mentions[owner[i + 1]][0]
        if mention.tok_start != i + 1 or tokens[i + 1].prefixes not in ((), ("Al_det",)):
            return False
        if tokens[i + 1].lemma in trigger.requires:
            return False  # أعلنت X إرسال قوات حفظ سلام إلى: the forces sent, not who sends them
        k = mention.tok_end
        while k < len(tokens) and tokens[k].pos == "adj" and owner[k] is None:
            k += 1
        return k < len(tokens) and _has_preposition(tokens[k], own, self.lexicon.grammar)

    def _aside(self, tokens, i: int) -> set[int]:
        """Tokens of a phrase of the occasion closed by a comma right before token i (past عن),
        opening with a preposition of the scene (cues.tsv setting) after the statement verb or a
        comma, and holding its own verb: وعبّر X، في بيان نشر على صفحته الرسمية، عن إدانته لـ Y."""
        k = i - 1
        while k >= 0 and tokens[k].norm in self.lexicon.grammar["about"]:
            k -= 1
        if k < 0 or tokens[k].norm not in self.lexicon.grammar["comma"]:
            return set()
        floor = max(-1, k - _ASIDE_LENGTH)
        stop = next((c for c in range(k - 1, floor, -1) if tokens[c].norm in self.lexicon.grammar["comma"]
                     or self.lexicon.cues.get(tokens[c].lemma) == "statement"), floor)
        opening = next((c for c in range(stop + 1, k) if self.lexicon.cues.get(tokens[c].norm) == "setting"), None)
        if opening is None:
            return set()
        return set(range(stop if stop == opening - 1 and tokens[stop].norm in self.lexicon.grammar["comma"] else opening, k + 1))

    def _phrase_end(self, tokens, i: int, owner) -> int:
        """The end of a verbal noun's phrase: its clause's end or a comma, after which a name is
        another verb's (أعرب X عن تضامنه، داعيا Y: Y is called on, not supported)."""
        end = self._clause_end(tokens, i, owner)
        return next((k for k in range(i + 1, end) if tokens[k].norm in self.lexicon.grammar["comma"]), end)

    def _possessor(self, trigger: Trigger, tokens, i: int, mentions, owner, carried):
        """The sentence's subject as the actor of a verbal noun with a possessive pronoun
        (معربة عن مساندتها للنائب؛ رغم قطعها العلاقات مع الدوحة): the pronoun points back
        to the one the sentence is about (with no named subject, `_unnamed_possessor`). Less
        sure than a named actor."""
        enclitic = tokens[i].enclitic or ""
        if not (enclitic.startswith("3") and enclitic.endswith("_poss")):
            return []
        # اتهامه بـ: the charge follows at once, so the pronoun is the one accused.
        if i + 1 < len(tokens) and "bi_prep" in tokens[i + 1].prefixes and trigger.predicate == "accused":
            return []
        verb = next((k for k in range(i) if tokens[k].pos == "verb" and owner[k] is None), None)
        subjects = self._subjects_after(tokens, verb, mentions, owner) if verb is not None else []
        if not subjects:
            actors = self._unnamed_possessor(tokens, i, mentions, owner, carried, verb)
            target = self._target(trigger, tokens, mentions, i + 1, self._clause_end(tokens, i, owner), set(actors), gap=0) if actors else None
            return [(actors[0], target[0], _RESOLVED_POSSESSOR_CONFIDENCE)] if target and target[1] == 1.0 else []
        if mentions[subjects[-1]][0].tok_end > i or mentions[subjects[0]][0].nominal:
            return []  # a nisba alone (الليبي) is no actor
        if len(subjects) == 1 and mentions[subjects[0]][0].type == "PER" and enclitic[:3] not in ("3ms", "3fs"):
            return []  # دعمهم: a plural pronoun is not one person's (وأضافت عمران ... أنهم ... دعمهم)
        if len(subjects) == 1 and mentions[subjects[0]][0].type == "PER" and enclitic.startswith("3fs") != _feminine_verb(tokens[verb], self.lexicon.grammar):
            return []  # وقال نصر الله ... قصفها: a pronoun of the other gender than the person's verb is another party's
        # The pronoun may point to another: a person named after the subject (نصح ليفي بعدم
        # زيارة تونس ... قبل زيارته), or the subject of a reported clause whose أن carries a
        # pronoun of another kind or none (أعلن الحزب أنه قرر تتبع النائبة ... واتهامها).
        after_subject = mentions[subjects[-1]][0].tok_end
        if any(m.type == "PER" and not m.nominal and after_subject <= m.tok_start < i and not self._after_preposition(tokens, m.tok_start) for m, _ in mentions):
            return []  # (a person after a preposition is no subject: أكد ترامب في مكالمة مع نظيره بوتين دعمه)
        that = [k for k in range(after_subject, i - 1) if tokens[k].lemma in self.lexicon.grammar["that"]]
        if that and (tokens[that[-1]].enclitic or "")[:3] != enclitic[:3]:
            return []
        actors = {mentions[s][1] for s in subjects}
        # Only a target right after the noun (رفضه إقحام الجيش: the army is not rejected).
        target = self._target(trigger, tokens, mentions, i + 1, self._clause_end(tokens, i, owner), actors, gap=0)
        return [(actor, target[0], 0.65) for actor in sorted(actors)] if target and target[1] == 1.0 else []

    def _unnamed_possessor(self, tokens, i: int, mentions, owner, carried, verb: int | None) -> list[str]:
        """The party a possessive pronoun on the verbal noun at token i points back to when no
        verb of the sentence names its subject: the one person named before it, agreeing with the
        pronoun (بأن رئيسة حكومة بريطانيا، تيريزا ماي خلال زيارتها للرياض; under a preposition only
        as a relative pronoun's antecedent: لنتنياهو، الذي اختار توقيت زيارته لأوغندا), or, with no
        name before it, the party the previous sentence spoke of (وأبرز خلال لقائه برئيس الجمهورية).
        Returns [] or the one actor."""
        enclitic = tokens[i].enclitic or ""
        if enclitic[:3] not in ("3ms", "3fs"):
            return []  # زيارتهم: a plural pronoun is not one person's
        feminine = enclitic.startswith("3fs")
        if i and tokens[i - 1].pos == "adj":
            return []  # المعروف بانتقاده للسلطات: the noun completes an adjective, a habit, not an act
        before = [(m, e) for m, e in mentions if m.tok_end <= i]
        if not before:
            # وأبرز خلال لقائه: a verb with a pronoun subject goes on with the previous sentence's party.
            pronoun_verb = verb is None or (tokens[verb].voice != "p" and not _plural_verb(tokens[verb], self.lexicon.grammar))
            return [carried.entity] if carried and pronoun_verb and carried.agrees(feminine) else []
        people = {e for m, e in before if m.type == "PER" and not m.nominal}
        if len(people) != 1 or any(m.type == "ORG" and not m.nominal for m, _ in before):
            return []  # two people, or a body that may be the one the pronoun means
        mention, person = next((m, e) for m, e in before if e in people)
        after = self._past_apposition(tokens, mentions, owner, mention.tok_end)
        after += after < i and tokens[after].norm in self.lexicon.grammar["comma"]
        relative = after < i and self.lexicon.cue(tokens[after].norm) == "relative"
        governed = _PROCLITIC_PREPOSITIONS & set(tokens[mention.tok_start].prefixes) or self._after_preposition(tokens, mention.tok_start)
        if governed and not relative:
            return []  # محاسبة ... مع X بسبب لقائه: a name under a preposition is no one's topic
        if any(t.lemma in self.lexicon.grammar["that"] for t in tokens[mention.tok_end : i]):
            return []  # وبين X أن ... تضامنه مع: the pronoun is of the reported clause's own subject
        # The title before the name tells the person's gender (رئيسة الحكومة); with none, a man
        # (a feminine pronoun, حربها، is as often a state's or a body's).
        first = self._title_phrase_start(tokens, mentions, owner, mention.tok_start)
        if first == mention.tok_start > 1 and tokens[first - 1].norm in self.lexicon.grammar["apposition"]:
            # رئيسة حكومة بريطانيا، تيريزا ماي: the title set off by a comma before the name
            norms = [t.norm for t in tokens]
            first = next((j for j in range(max(0, first - _APPOSED_TITLE_WORDS - 1), first - 1) if self.lexicon.title_at(norms, j)), first)
        return [person] if (first < mention.tok_start and _feminine_noun(tokens[first])) == feminine else []

    def _setting(self, trigger: Trigger, tokens, i: int, mentions, owner):
        """The sentence's subject as the actor of talks that set its scene (دعا X في مكالمة
        هاتفية مع Y؛ قال X خلال اجتماع مع Y): the target only after the noun's preposition. Not
        other nouns: in أعلن الجيش مقتل جنود في هجوم على the army made no attack. Not a news
        outlet (cues.tsv outlet: قال X في اتصال هاتفي مع رويتر): an interview, no meeting."""
        if i == 0 or tokens[i].enclitic or "Al_det" in tokens[i].prefixes or self.lexicon.cue(tokens[i - 1].norm) != "setting" \
                or self.lexicon.cues.get(tokens[i].lemma) != "meeting":
            return []
        # The scene follows its subject at once, past time words (أكد ترامب في مكالمة مع):
        # a later one is another clause's (قال X إن ...، خلال اجتماع لأعضاء الحزب).
        verb = next((k for k in range(i) if tokens[k].pos == "verb" and owner[k] is None), None)
        subjects = self._subjects_after(tokens, verb, mentions, owner) if verb is not None else []
        if not subjects or any(not self._time_word(t) and t.pos != "punc" for t in tokens[self._past_apposition(tokens, mentions, owner, mentions[subjects[-1]][0].tok_end) : i - 1]):
            return []
        actors = {mentions[s][1] for s in subjects}
        target = self._target(trigger, tokens, mentions, i + 1, self._clause_end(tokens, i, owner), actors, gap=-1)
        if not target or target[1] != 1.0 or any(
                e == target[0] and self.lexicon.cue(tokens[m.tok_start].norm) == "outlet" for m, e in mentions if m.tok_start > i):
            return []
        return [(actor, target[0], 0.65) for actor in sorted(actors)]

    def _target(self, trigger: Trigger, tokens, mentions, start: int, boundary: int, actors: set[str], gap: int = _OBJECT_GAP):
        """Return (entity id, confidence) of the target after token `start`, or None."""
        candidates = [
            (m, e)
            for m, e in mentions
            if start <= m.tok_start < boundary
            and e not in actors
            and not m.nominal
            and (not trigger.object_types or m.type in trigger.object_types)
            and not self._kin_of(tokens, m.tok_start)
            and not self._scene_of_attack(tokens, m)
        ]
        # The direct object follows the subject closely, with no preposition (on its own or
        # on a word) before it; with a preposition-selecting verb it is the addressee
        # (دعا X قطر إلى الحوار).
        # A phrase of where (بقصر قرطاج، في مدينة جدة) may stand between them.
        where = self._place_phrases(tokens, mentions, start, boundary)
        # The direct object also past a phrase of the occasion (في بيان لها); a preposition's target is not.
        past = where | self._occasion_phrases(trigger, tokens, mentions, start, boundary)
        # A place named bare (في الرياض، بالرياض) is passed only on the way to the direct object:
        # a verb that takes بـ or في still finds it as its target below (أشاد بالسعودية).
        direct_past = past | self._named_places(tokens, mentions, start, boundary, past)
        direct = [
            self._titled_person(tokens, mentions, m, e)
            for m, e in candidates
            if m.tok_start not in direct_past
            and self._object_gap(tokens, mentions, start, m.tok_start, direct_past) <= gap
            and not any(t.pos == "prep" for k, t in enumerate(tokens[start : m.tok_start], start) if k not in direct_past)
            and not any(_PROCLITIC_PREPOSITIONS & set(tokens[k].prefixes) for k in range(start, m.tok_start + 1) if k not in direct_past)
            and not self._joined_past_object(tokens, mentions, start, m, direct_past)
        ]
        if direct and trigger.predicate in _DEMANDS and self._apposition_before_addressee(trigger, tokens, mentions, candidates[0][0], boundary, where):
            return None  # دعا هامون مرشح الحزب الاشتراكي، الفرنسيين إلى: the party is the caller's, the addressee no name
        if direct and self._community_of(tokens, candidates[0][0], start):
            return None  # طالب إردوغان أكراد العراق: the addressee is Iraq's Kurds, not Iraq
        # With a preposition-selecting verb the direct object is the first name, or the person
        # a title over that first name leads to (التقى X رئيس الهيئة الوطنية لمكافحة الفساد Y).
        if direct and (trigger.object_prep is None or self._titled_person(tokens, mentions, *candidates[0]) == direct[0]):
            return direct[0], 1.0
        if trigger.object_prep is None:
            return self._site_owner(trigger, tokens, mentions, start, boundary, actors, past, gap)
        # بان كي مون، بيونغ يانغ: the first letter is the known name's own, no preposition.
        own_letter = {m.tok_start for m, _ in mentions if _known_with_letter(m)}
        for k in range(start, boundary):
            if k not in where and k not in own_letter and _has_preposition(tokens[k], trigger.object_prep, self.lexicon.grammar):
                if self._own_meeting(trigger, tokens, mentions, start, k, where):
                    return None  # لاجتماعها اليوم تكليف القيادي بالحركة: the body's own meeting
                if trigger.predicate in _DEMANDS and (body := self._members_body(tokens, mentions, start, k, actors)):
                    return body, 0.9  # دعا X الدول الأعضاء في منظمة Y إلى: the addressee is the body
                if trigger.predicate in _DEMANDS and not trigger.requires and self._unnamed_addressee(tokens, mentions, start, k, where):
                    return None  # طالبت الهيئة جميع الناقلين ... من حكومة: the addressee is the carriers
                # A place noun or دولة may stand between (مع دولة قطر، إلى مدينة حلب).
                kinds = {self.lexicon.cue(tokens[k + 1].norm)} if k + 1 < len(tokens) else set()
                # Or the kind of body before its name (على تنظيم الإخوان المسلمين).
                kind_noun = k + 1 < len(tokens) and tokens[k].norm in self.lexicon.grammar["preposition"] and (self._class_noun(tokens[k + 1]) or self.lexicon.cue(tokens[k + 1].norm) == "group")
                reach = {k, k + 1, k + 2} if kinds & {"place", "state"} or kind_noun else {k, k + 1}
                if trigger.predicate in _DEMANDS and tokens[k].norm not in self.lexicon.grammar["preposition"] and not self._names_kind(tokens[k]):
                    # طالب بإبقاء الحكومة: the name after a noun that carries the preposition is
                    # that noun's genitive, what is demanded, not the addressee. (ندد بإرسال
                    # الولايات المتحدة: the one who does the act condemned is its target.)
                    reach.discard(k + 1)
                # Or a title phrase leads to the name (مع الرئيس الروسي فلاديمير بوتين؛
                # بوزير الخارجية الفرنسي جان إيف لودريان).
                reach.add(self._past_title(tokens, mentions, k if tokens[k].norm not in self.lexicon.grammar["preposition"] else k + 1))
                governed = [(m, e) for m, e in candidates if m.tok_start in reach]
                if not governed and (owned := self._site_owner(trigger, tokens, mentions, k if tokens[k].norm not in self.lexicon.grammar["preposition"] else k + 1, boundary, actors)):
                    return owned  # شن غارات على مواقع لتنظيم داعش
                if governed:
                    mention, target = governed[0]
                    # A bare body noun read apart from its name (لحركة + نداء تونس).
                    named = [e for m, e in candidates if m.tok_start == mention.tok_end]
                    return (named[0] if named and not _named(mention) else target), 1.0
                # The preposition governs a phrase (إلى وقف العنف في كازاخستان، قوات إلى
                # الحدود مع أوكرانيا): the place it concerns comes later. A place that
                # completes a noun (تحقيق في أحداث بن قردان) is the topic, not the place concerned.
                later = [(m, e) for m, e in candidates if m.tok_start > k and m.type == "LOC" and not self._completes_noun(tokens, [None] * len(tokens), m.tok_start)]
                if trigger.predicate not in _PLACE_TARGETS:
                    # What is said to or of a party: the place only right after في or as the
                    # object of the phrase's verb (العنف الذي يجتاح كازاخستان); other names
                    # there are content (إلى التخلص من علاقاتها مع إيران).
                    if trigger.requires or self._unnamed_addressee(tokens, mentions, start, k, where):
                        return None  # إلى جانب X is the frame's own phrase; دعا المواطنين إلى: the addressee is no name
                    # The object of the phrase's verb only for a demand (what is asked is done
                    # to it); praise of العلاقة التي تربط فلسطين بتونس is not praise of Palestine.
                    later = [(m, e) for m, e in later if tokens[m.tok_start - 1].norm in self.lexicon.grammar["in"]
                             or (tokens[m.tok_start - 1].pos == "verb" and trigger.predicate in _DEMANDS)]
                    # A place past a topic's preposition is what is asked about, not whom (إلى
                    # الحياد إزاء المواضيع التي تتناول الأوضاع في مصر).
                    later = [(m, e) for m, e in later
                             if not any(t.norm in self.lexicon.grammar["regarding"] for t in tokens[k + 1 : m.tok_start])]
                return (later[0][1], 0.6) if later else None
        return None

    def _joined_past_object(self, tokens, mentions, start: int, mention: Mention, past: set[int]) -> bool:
        """Tell whether a name joined by و after a comma follows a word that is the object
        itself (التي تهاجم العاصمة الليبية، وقوات حكومة الوفاق: the forces are joined to
        another phrase, not the object of تهاجم)."""
        k = mention.tok_start
        return (k - 1 > start and _conjoined(tokens[k], self.lexicon.grammar) and tokens[k - 1].norm in self.lexicon.grammar["comma"]
                and self._object_gap(tokens, mentions, start, k, past) > 0)

    def _community_of(self, tokens, mention: Mention, start: int) -> bool:
        """Tell whether a name after token `start` completes a noun of a people or community
        (cues.tsv kind people: أكراد العراق، مسيحيي مصر): that community is the party meant."""
        j = mention.tok_start - 1
        return j >= start and self.lexicon.cues.get(tokens[j].lemma) == "people" and "Al_det" not in tokens[j].prefixes

    def _own_meeting(self, trigger: Trigger, tokens, mentions, start: int, k: int, where: set[int]) -> bool:
        """Tell whether a meeting noun with a possessive pronoun, right before token `start`, is
        its owner's own meeting: a word other than a time word, an adjective, a name or a
        phrase of where stands before the preposition at token k (في البيان الختامي لاجتماعها
        اليوم تكليف القيادي بالحركة), so that preposition is another phrase's (لقائه أمس بقصر
        قرطاج بالرئيس keeps its target)."""
        noun = tokens[start - 1] if start > 0 else None
        if (noun is None or noun.lemma != trigger.lemma or not (noun.enclitic or "").endswith("_poss")
                or self.lexicon.cues.get(noun.lemma) != "meeting"):
            return False
        covered = {j for m, _ in mentions for j in range(m.tok_start, m.tok_end)}
        return any(j not in where and j not in covered and tokens[j].pos not in ("punc", "adv", "adj") and not self._time_word(tokens[j])
                   for j in range(start, k))

    def _site_owner(self, trigger: Trigger, tokens, mentions, start: int, boundary: int, actors: set[str],
                    past: set[int] = frozenset(), gap: int = 0):
        """Return (entity id, confidence) of the party whose site is hit, or None.

        The direct object (or the word a preposition governs) at `start`, past `gap` other words,
        is a site (cues.tsv kinds site and facility: مواقع، قواعد; a venue only joined to one:
        قواعد ومقرات) and its owner is named after it, as its genitive or after لـ or تابع لـ
        (قصفت روسيا مواقع لتنظيم داعش). A place after a site is where it is, not a party."""
        if trigger.predicate not in _SITE_TARGETS:
            return None
        site = next((k for k in range(start, boundary) if k not in past and tokens[k].pos not in ("punc", "digit") and not self._time_word(tokens[k])), None)
        if (site is None or self.lexicon.cues.get(tokens[site].lemma) not in _SITE_KINDS
                or self._object_gap(tokens, mentions, start, site, past) > gap
                or any(m.tok_start <= site < m.tok_end for m, _ in mentions)):
            return None
        k = site + 1
        # More sites joined by و, and adjectives (مواقع عسكرية) or تابع (cues.tsv belongs) between.
        while k < boundary and (tokens[k].pos == "adj" or self.lexicon.cue(tokens[k].norm) == "belongs"
                                or (_conjoined(tokens[k], self.lexicon.grammar) and self.lexicon.cues.get(tokens[k].lemma) in _JOINED_SITE_KINDS)):
            k += 1
        owners = [e for m, e in mentions if m.tok_start == k and m.type in _SITE_OWNERS and not m.nominal and e not in actors]
        if not owners or set(tokens[k].prefixes) & {"bi_prep", "ka_prep"}:
            return None
        return owners[0], 0.9

    def _members_body(self, tokens, mentions, start: int, end: int, actors: set[str]) -> str | None:
        """Return the body whose members are the direct object between tokens start and end, or None.

        A noun of members (cues.tsv kind member), after at most one noun it describes (الدول
        الأعضاء), then the body's name as its genitive or after في or بـ (الدول الأعضاء في منظمة
        معاهدة الأمن الجماعي، أعضاء بمجلس النواب)."""
        words = [k for k in range(start, end) if tokens[k].pos != "punc" and not self._time_word(tokens[k])]
        member = next((n for n, k in enumerate(words[:2]) if self.lexicon.cues.get(tokens[k].lemma) == "member"), None)
        if member is None or (member == 1 and tokens[words[0]].pos != "noun") or len(words) <= member + 1:
            return None
        k = words[member + 1] + (tokens[words[member + 1]].norm in self.lexicon.grammar["in"])
        bodies = [e for m, e in mentions if m.tok_start == k and m.type == "ORG" and not m.nominal and e not in actors]
        return bodies[0] if bodies and not set(tokens[k].prefixes) & {"li_prep", "ka_prep"} else None

    def _apposition_before_addressee(self, trigger: Trigger, tokens, mentions, mention: Mention, boundary: int, where: set[int]) -> bool:
        """Tell whether a name after a demand's subject closes a phrase in apposition to it,
        a comma and a common noun following before the demand's preposition (دعا بونوا هامون
        مرشح الحزب الاشتراكي، الفرنسيين إلى التصويت): that noun is the addressee."""
        end = mention.tok_end
        if trigger.object_prep is None or end >= boundary or tokens[end].norm not in self.lexicon.grammar["apposition"]:
            return False
        preposition = next((k for k in range(end + 1, boundary) if _has_preposition(tokens[k], trigger.object_prep, self.lexicon.grammar)), None)
        return preposition is not None and self._unnamed_addressee(tokens, mentions, end + 1, preposition, where)

    def _scene_of_attack(self, tokens, mention: Mention) -> bool:
        """Tell whether a place completes a noun of attack (تدين تفجيري اسطنبول، هجوم نيس):
        it is where the attack was, not the one condemned or attacked."""
        if mention.type != "LOC" or mention.tok_start == 0:
            return False
        noun = tokens[mention.tok_start - 1]
        return noun.pos == "noun" and "Al_det" not in noun.prefixes and any(
            t.predicate == "attacked" for t in self.lexicon.triggers.get((noun.lemma, "noun"), ()))

    def _kin_of(self, tokens, start: int) -> bool:
        """Tell whether the name at token `start`, past its title, completes a noun of a
        relative (نجل الملك سلمان، زوجة الرئيس): the relative, not the name, is meant."""
        norms = [t.norm for t in tokens]
        j = start - 1
        while j >= 0 and (title := self._title_ending_at(norms, j)) is not None:
            j -= len(title.words)
        return j >= 0 and self.lexicon.cue(tokens[j].norm) == "kin"

    def _after_preposition(self, tokens, start: int) -> bool:
        """Tell whether a preposition stands within the three words before token `start`, on
        its own or on a word (مع نظيره الروسي فلاديمير بوتين)."""
        return any(t.pos == "prep" or _PROCLITIC_PREPOSITIONS & set(t.prefixes) for t in tokens[max(0, start - 3) : start])

    def _titled_person(self, tokens, mentions, mention: Mention, entity: str) -> str:
        """The person a title phrase leads to when a body or country of the title is taken
        as the object (انتقد X تحركات رئيس حركة النهضة، راشد الغنوشي): the person is the
        target; the body only says whose office it is."""
        norms = [t.norm for t in tokens]
        j = mention.tok_start - 1
        while j > 0 and (tokens[j].norm in _QUOTE_MARKS or self.lexicon.cue(tokens[j].norm) == "state"):
            j -= 1  # نائب رئيس "الجبهة الوطنية" فلوريان فيليبو؛ وزير خارجية جمهورية مصر العربية سامح شكري
        title = self._title_ending_at(norms, j) if j >= 0 else None
        if title is None and j > 0 and _portfolio_word(tokens[j]) and (portfolio := self._title_ending_at(norms, j - 1)) and portfolio.takes_portfolio:
            title = portfolio  # وزير خارجية + جمهورية مصر
        if mention.type == "PER" or title is None:
            return entity
        index = next(k for k, (m, _) in enumerate(mentions) if m is mention)
        return mentions[_head(tokens, mentions, index)][1]

    def _names_kind(self, token: Token) -> bool:
        """Tell whether a word names the kind of what follows it: a place or state noun, a
        body's kind, an honorific (بدولة قطر، لحركة النهضة، بالشيخ تميم)."""
        return self.lexicon.cue(token.norm) in ("place", "state", "group", "honorific") or self._class_noun(token)

    def _unnamed_addressee(self, tokens, mentions, start: int, end: int, where: set[int]) -> bool:
        """Tell whether a common noun is the direct object between tokens start and end
        (دعا المتحدث المواطنين إلى): the addressee is then that noun, not a name later on."""
        covered = {k for m, _ in mentions for k in range(m.tok_start, m.tok_end)}
        for k in range(start, end):
            token = tokens[k]
            if k in where or k in covered or token.pos in ("punc", "adv") or self._time_word(token):
                continue
            return token.pos in ("noun", "noun_prop", "adj") and token.prefixes in ((), ("Al_det",)) and not self.lexicon.title_at([t.norm for t in tokens], k)
        return False

    def _named_at(self, tokens, mentions, j: int) -> tuple[Mention, str] | None:
        """The (mention, entity) named at token j, past a title phrase; a bare body noun
        read apart from its name yields to the name (لوكالة + الأناضول)."""
        at = [(m, e) for m, e in mentions if m.tok_start in (j, self._past_title(tokens, mentions, j))]
        if not at:
            return None
        named = [(m, e) for m, e in mentions if m.tok_start == at[0][0].tok_end]
        return named[0] if named and not _named(at[0][0]) else at[0]

    def _past_title(self, tokens, mentions, j: int) -> int:
        """The token after a title phrase at token j: the title, its portfolio, nisba and
        honorific (الرئيس الروسي، وزير الخارجية الفرنسي، أمير قطر الشيخ), past a courtesy before
        them (مع الشيخ X، مع فخامة الرئيس العراقي X); j when none."""
        norms = [t.norm for t in tokens]
        while j < len(tokens) and self._honorific_at(tokens, j, len(tokens)):
            j += 1
        title = self.lexicon.title_at(norms, j) if j < len(tokens) else None
        if title is None:
            return j
        k = j + len(title.words)
        nominal = {m.tok_start: m.tok_end for m, _ in mentions if m.nominal or m.type in ("LOC", "ORG")}
        names = {m.tok_start for m, _ in mentions if m.type == "PER" and not m.nominal}
        while k < len(tokens) and k not in names:
            if k in nominal and nominal[k] > k:
                k = nominal[k]
            elif tokens[k].pos == "adj" or (title.takes_portfolio and _portfolio_word(tokens[k])) or self.lexicon.cue(tokens[k].norm) == "honorific":
                k += 1
            elif (second := self.lexicon.title_at(norms, k)) is not None:
                k += len(second.words)  # العاهل الأردني الملك عبد الله الثاني
            elif self.lexicon.cue(tokens[k].norm) == "state":
                k += 1  # أمير دولة قطر الشيخ تميم
            elif tokens[k].norm in self.lexicon.grammar["apposition"] and k + 1 in names:
                k += 1  # برئيس الحكومة، يوسف الشاهد
            else:
                break
        return k

    def _place_phrases(self, tokens, mentions, start: int, end: int) -> set[int]:
        """Tokens of phrases of where between tokens start and end: بـ or في, a venue or place
        noun (cues.tsv) and the word that names it (بقصر قرطاج، في مدينة جدة), past a nisba
        (في العاصمة البيلاروسية مينسك)."""
        nisbas = {m.tok_start for m, _ in mentions if m.nominal and m.type == "LOC"}
        where: set[int] = set()
        for k in range(start, end):
            noun = k + 1 if tokens[k].norm in self.lexicon.grammar["in"] else k
            if noun + 1 >= end or not (noun > k or "bi_prep" in tokens[k].prefixes):
                continue
            if self.lexicon.cue(tokens[noun].norm) in ("venue", "facility", "place"):
                named = noun + 2 if noun + 2 < end and (tokens[noun + 1].pos == "adj" or noun + 1 in nisbas) else noun + 1
                where.update(range(k, named + 1))
        return where

    def _named_places(self, tokens, mentions, start: int, end: int, past: set[int]) -> set[int]:
        """Tokens of phrases of where with no place noun, في or بـ and a named place, that a
        name of the sentence follows (استقبل X في الرياض اليوم Y، بالرياض Y). Only after a
        person's name, a time, a comma or another phrase of where: after a noun the place
        completes it (اتهم حرس الحدود في قرغيزستان جنود طاجيكستان)."""
        person = {k for m, _ in mentions if m.type == "PER" and not m.nominal for k in range(m.tok_start, m.tok_end)}
        where: set[int] = set()
        for m, _ in mentions:
            k = m.tok_start
            if m.type != "LOC" or m.nominal or not start <= k < end or not any(m.tok_end <= o.tok_start < end for o, _ in mentions):
                continue
            if k > start and tokens[k - 1].norm in self.lexicon.grammar["in"] and not tokens[k - 1].prefixes and tokens[k].prefixes in ((), ("Al_det",)):
                phrase = range(k - 1, m.tok_end)
            elif "bi_prep" in tokens[k].prefixes:
                phrase = range(k, m.tok_end)
            else:
                continue
            before = phrase[0] - 1
            if before in person or before in past or self._time_word(tokens[before]) or tokens[before].norm in self.lexicon.grammar["comma"]:
                where.update(phrase)
        return where

    def _occasion_phrases(self, trigger: Trigger, tokens, mentions, start: int, end: int) -> set[int]:
        """Tokens of phrases of the occasion between a verb's subject and its object: a preposition
        of the scene (cues.tsv, kind setting: في، خلال) that is not one of the trigger's frames, a common noun and its adjectives, pronoun or
        definite genitive (اتهمت روسيا في بيان لها أوكرانيا، ودعت الجزائر في ختام الاجتماع ليبيا،
        انتقد خلال ندوة صحفية). A bare indefinite noun last governs the name after it, so it closes
        no phrase (في بيان الولايات المتحدة: the statement of the United States)."""
        covered = {k for m, _ in mentions for k in range(m.tok_start, m.tok_end)}
        own = {p for frame in self.lexicon.triggers.get((trigger.lemma, trigger.pos), ()) if frame.object_prep for p in frame.object_prep.split("|")}
        occasion: set[int] = set()
        k = start
        while k + 1 < end:
            noun = tokens[k + 1]
            if (self.lexicon.cues.get(tokens[k].norm) != "setting" or tokens[k].prefixes or tokens[k].norm in own
                    or k in covered or k + 1 in covered or noun.pos != "noun" or self._time_word(noun)
                    or self.lexicon.cue(noun.norm) == "duration"):  # في المدة الأخيرة: a time, no occasion
                k += 1
                continue
            j = k + 2
            # لها، له: a third-person pronoun (a bare في may be read as في + "me"); a time word ends
            # the phrase, so في نفس اليوم closes on no definite noun and is no occasion.
            while j < end and j not in covered and not self._time_word(tokens[j]) and (tokens[j].pos == "adj" or (tokens[j].pos == "prep" and (tokens[j].enclitic or "").startswith("3"))
                                                    or (tokens[j].pos == "noun" and tokens[j].prefixes == ("Al_det",))):
                j += 1
            last = tokens[j - 1]
            closed = (j < end and tokens[j].norm in self.lexicon.grammar["comma"]) or "Al_det" in last.prefixes or (last.enclitic or "").startswith("3") or last.pos == "adj"
            if closed:
                occasion.update(range(k, j))
            k = j
        return occasion

    def _object_gap(self, tokens, mentions, start: int, end: int, where: set[int] = frozenset()) -> int:
        """Words between a subject and an object, not counting time words, punctuation, a
        title and its nisba (انتقد ظريف أمس الأحد الرئيس الأمريكي دونالد ترامب), nor the
        phrases of where `where`."""
        norms = [t.norm for t in tokens]
        covered = {k for m, _ in mentions for k in range(m.tok_start, m.tok_end)}
        people = {m.tok_start for m, _ in mentions if m.type == "PER" and not m.nominal}
        gap, k = 0, start
        while k < end:
            if self.lexicon.title_at(norms, k) is not None:
                k = self._past_title(tokens, mentions, k)  # with its portfolio, nisba, state noun (وزير خارجية جمهورية مصر العربية)
                continue
            if (descriptor := _descriptor_end(tokens, k, covered)) > k and descriptor in people:
                k = descriptor  # a description before a name is its title (هنأت X المرشح الجمهوري دونالد ترامب)
                continue
            token = tokens[k]
            gap += not (k in covered or k in where or token.pos == "punc" or self._time_word(token))
            k += 1
        return gap

    def _clause_end(self, tokens, i: int, owner) -> int:
        """The next verb after token i, skipping relative clauses (العنف الذي يجتاح كازاخستان)
        and words of names read as verbs (قيس سعيد)."""
        for k in range(i + 1, len(tokens)):
            if tokens[k].pos == "verb" and owner[k] is None and tokens[k - 1].norm not in self.lexicon.relative_pronouns:
                return k
        return len(tokens)

    def _requirements_met(self, trigger: Trigger, tokens, i: int, owner) -> bool:
        """Tell whether a word the trigger requires follows within four words, not counting
        names, titles and time words (حلت المستشارة الألمانية أنجيلا ميركل اليوم بتونس في زيارة)."""
        if not trigger.requires:
            return True
        norms = [t.norm for t in tokens]
        free, k = 0, i + 1
        while k < len(tokens) and free < _REQUIRES_WINDOW:
            if tokens[k].lemma in trigger.requires:
                return True
            title = self.lexicon.title_at(norms, k) if owner[k] is None else None
            if title is not None:
                k += len(title.words)
                continue
            free += owner[k] is None and not self._time_word(tokens[k]) and tokens[k].pos != "punc"
            k += 1
        return False

    def _asked(self, tokens, i: int) -> bool:
        """Tell whether a question or condition opens the clause of token i (ما إذا كان عبيدي
        سافر، هل زار): back to the punctuation or verb before it, كان passed over."""
        for k in range(i - 1, max(-1, i - 8), -1):
            token = tokens[k]
            if self.lexicon.cue(token.norm) == "question":
                return True
            if token.pos == "punc" or (token.pos == "verb" and token.lemma not in self.lexicon.grammar["was"]):
                return False
        return False

    def _believed(self, tokens, i: int) -> bool:
        """Tell whether token i stands in the أن clause of a verb of belief (cues.tsv kind belief:
        يعتقد كثيرون أن X يدعم Y، رجح المحلل أن): a view the sentence reports, not an act it asserts."""
        grammar = self.lexicon.grammar
        that = None
        for k in range(i, max(-1, i - _BELIEF_WINDOW), -1):
            if k < i and tokens[k].lemma in grammar["that"]:
                that = k
                break
            if k < i and tokens[k].pos == "punc" and tokens[k].norm not in grammar["comma"]:
                return False
            if k > 0 and tokens[k].pos == "verb" and _conjoined(tokens[k], grammar) and tokens[k - 1].norm in grammar["comma"]:
                return False  # …، وأدانت تركيا: a clause of its own
        if that is None:
            return False
        verb = next((k for k in range(that - 1, max(-1, that - _BELIEF_WINDOW), -1) if tokens[k].pos == "verb"), None)
        return verb is not None and "belief" in (self.lexicon.cues.get(tokens[verb].lemma), self.lexicon.cue(tokens[verb].norm))

    def _other_sense(self, trigger: Trigger, tokens, i: int, owner) -> bool:
        """Tell whether a word of the trigger's clause says another sense of it (events/senses.tsv:
        حذر X قبل إطلاق الصواريخ, notified). The clause runs up to and with the next verb, since
        a sense word may read as a verb too (قبل, قَبِل); a sense word before a time word, a number
        or a span of time is a time (حذر X قبل يومين: ago)."""
        near = self.lexicon.other_senses.get((trigger.lemma, trigger.pos, trigger.predicate))
        if not near:
            return False
        end = min(len(tokens), self._clause_end(tokens, i, owner) + 1)
        def when(k: int) -> bool:
            return k < len(tokens) and (self._time_word(tokens[k]) or self.lexicon.cue(tokens[k].norm) == "duration")
        return any(tokens[k].lemma in near and not when(k + 1) for k in range(i + 1, end))

    def _future_after(self, tokens, i: int, owner) -> bool:
        """Tell whether the trigger's clause sets it at a time ahead (يزور فرنسا الأسبوع المقبل)."""
        return any(self.lexicon.cues.get(t.norm) == "future" for t in tokens[i + 1 : self._clause_end(tokens, i, owner)])

    def _purposed(self, tokens, i: int, owner) -> bool:
        """Tell whether the trigger at token i is told in a clause of purpose (كي تتزامن مع زيارة
        X، لكي يلتقي X): كي in its sentence part, with no verb between but the one it governs;
        not inside a name (بان كي مون)."""
        for k in range(i - 1, -1, -1):
            if tokens[k].pos == "punc":
                return False
            if self.lexicon.cue(tokens[k].norm) == "purpose" and owner[k] is None:
                return not any(t.pos == "verb" for t in tokens[k + 2 : i])
        return False

    def _cue_before(self, tokens, i: int) -> str | None:
        """The negation or modality said by the words before token i, clitics stripped (ولم، فلن، وسوف)."""
        kinds = set()
        for k in range(max(0, i - _CUE_WINDOW), i):
            kind = self.lexicon.cue(tokens[k].norm)
            following = self.lexicon.cue(tokens[k + 1].norm)
            if kind == "clause_negation":
                # ما denies only at the head of its clause, before a verb (وما زار); after a
                # verb or a noun it is a relative (انتقد ما وصفه بدعم قطر).
                heads = k == 0 or tokens[k - 1].pos in ("punc", "conj") or _conjoined(tokens[k], self.lexicon.grammar)
                kind = "negation" if heads and tokens[k + 1].pos == "verb" else None
                if not heads and self.lexicon.cues.get(tokens[k + 1].lemma) == "describes":
                    kind = "modality"  # ما وصفوه بدعم قطر: a claim the sentence reports, not a fact
            if kind == "negation" and following == "idiom":
                kind = None  # لا يزال، ما زال، لا سيما: still, especially; nothing denied
            kinds.add(kind)
        for kind in ("negation", "modality"):
            if kind in kinds:
                return kind
        return None

    def _part_of_nisba(self, tokens, mentions, nested) -> list[_Found]:
        """part_of from a nisba or a name that ends a body's name (الشرطة السويدية → Sweden;
        مجلس شورى حركة النهضة → Ennahda)."""
        found = []
        for inner, country in nested:
            if inner.type not in ("LOC", "ORG"):
                continue  # a person named inside (المكتب التنفيذي لمساندة المرزوقي) is no state
            for outer, body in mentions:
                # السلطات الصينية are the state itself, not a body within it.
                collective = self.lexicon.cue(tokens[outer.tok_start].norm) == "collective"
                # وكالة الأنباء الأردنية، شركة الطيران التونسية: the nisba only says where
                # a news agency or company is from; it is no body of the state.
                private = inner.type == "LOC" and any(self.lexicon.cue(t.norm) == "nonstate" for t in tokens[outer.tok_start : inner.tok_start])
                # قوات فرنسية، مقاتلات إسرائيلية: an indefinite nisba describes some forces, no named body.
                described = inner.type == "LOC" and inner.nominal and "Al_det" not in tokens[inner.tok_start].prefixes
                if outer.type == "ORG" and outer.tok_start < inner.tok_start and inner.tok_end <= outer.tok_end and not collective and not private and not described:
                    found.append(_Found(body, "part_of", country, None, 0.85))
        return found

    def _place_relations(self, tokens, mentions, nested) -> list[_Found]:
        """located_in and part_of from what stands next to a name.

        A place followed by a nisba (مدينة أتلانتا الأمريكية) or preceded by a place noun
        and a nisba (العاصمة الفرنسية باريس) is in that country; a place or body followed
        by في or بـ and a place (سان بطرسبرغ بروسيا، الهيئة العامة للإحصاء في السعودية) is
        in it or part of it.
        """
        found = []
        for (first, a), (second, b) in zip(mentions, mentions[1:]):
            if a == b:
                continue
            gap = tokens[first.tok_end : second.tok_start]
            # A nisba that describes the noun before it (العلاقات السعودية الأمريكية، السفارة
            # السعودية في واشنطن) is no place of its own.
            before = tokens[first.tok_start - 1] if first.tok_start else None
            if before is not None and _describes(before, tokens[first.tok_start]) and self.lexicon.cue(before.norm) != "place":
                continue
            if first.type == "LOC" and not first.nominal and second.nominal and not gap:
                found.append(_Found(a, "located_in", b, None, 0.85))
            elif first.type == "LOC" and not first.nominal and second.nominal and second.type == "LOC" and self._place_apposition(gap):
                found.append(_Found(a, "located_in", b, None, 0.85))  # باريس، العاصمة الفرنسية
            elif first.nominal and first.type == "LOC" and second.type == "LOC" and not second.nominal and not gap:
                before = tokens[first.tok_start - 1] if first.tok_start else None
                if before is not None and self.lexicon.cue(before.norm) == "place":
                    found.append(_Found(b, "located_in", a, None, 0.85))
            elif first.type == second.type == "LOC" and not first.nominal and not second.nominal and self._ranked_apposition(gap) and self._kb_place(b):
                found.append(_Found(a, "located_in", b, None, 0.8))  # ألماتي، أكبر مدينة في كازاخستان؛ أستانا، عاصمة كازاخستان
            elif first.type == second.type == "LOC" and not first.nominal and not second.nominal and self._direction(gap):
                # A part of a place by its side (كشمير شمالي باكستان، تبوك شمال السعودية).
                found.append(_Found(a, "located_in", b, None, 0.7))
            elif first.type in ("LOC", "ORG") and not first.nominal and second.type in ("LOC", "ORG") and not second.nominal and _named(first) and _named(second):
                # في as its own word or بـ on the next word, then at most a place noun
                # (إدارة الإطفاء بمدينة أتلانتا), and nothing else between.
                words = [t for t in gap if self.lexicon.cue(t.norm) != "place"]
                joined_by = gap[0] if gap else tokens[second.tok_start]
                joined = (len(words) == 1 and words[0].norm in self.lexicon.grammar["in"]) or (not words and "bi_prep" in joined_by.prefixes)
                # من before a place noun (معتمدية سبيطلة من ولاية القصرين) and التابعة لـ
                # (بلدة X التابعة لمحافظة Y) tie a place to the one it belongs to.
                joined = joined or ((len(words) == 1 and words[0].norm in self.lexicon.grammar["from"]) and len(gap) > len(words))
                if len(words) == 1 and self.lexicon.cue(words[0].norm) == "belongs":
                    rest = gap[gap.index(words[0]) + 1 :] or [tokens[second.tok_start]]
                    joined = "li_prep" in rest[0].prefixes
                # A place name that completes a noun (سفارة دولة الإمارات في لندن) is not
                # what في or بـ says is in the other place: the noun is.
                # Nor is the subject of a verb (التحالف الذي تقوده السعودية في اليمن).
                if first.type == "LOC" and before is not None and before.pos == "verb":
                    continue
                if (
                    first.type == "LOC"
                    and before is not None
                    and before.pos == "noun"
                    and not before.prefixes
                    and self.lexicon.cue(before.norm) != "place"
                    and self._title_ending_at([t.norm for t in tokens], first.tok_start - 1) is None
                ):
                    continue
                # A state before في is where something of it is or acts (سفيرة المملكة المتحدة
                # بتونس، الشركاء الرئيسيين لروسيا في منطقة الشرق الأوسط), not a place inside another,
                # unless it is named as a place itself (وفي بولينزيا الفرنسية في جنوب المحيط الهادي،
                # مدينة هونغ كونغ بالصين).
                placed = before is not None and (self.lexicon.cue(before.norm) == "place" or before.lemma in self.lexicon.grammar["in"])
                if joined and first.type == "LOC" and second.type == "LOC" and (placed or not (first.named and self._kb_place(a, country=True))):
                    found.append(_Found(a, "located_in", b, None, 0.7))
                elif joined and first.type == second.type == "ORG" and self.lexicon.cue(tokens[first.tok_start].norm) == "state_body":
                    # A ministry or force of a government (وزارة الدفاع بحكومة الوفاق).
                    found.append(_Found(a, "part_of", b, None, 0.7))
                elif joined and first.type == "ORG" and self._unit(tokens, first, nested):
                    # A department or committee is part of the body or city it is in
                    # (إدارة الميزانية بوزارة المالية); a party or a company "in" a
                    # place only works or meets there (حركة نداء تونس في سوسة).
                    found.append(_Found(a, "part_of", b, None, 0.7 if second.type == "ORG" else 0.6))
        return found

    def _headed_by(self, tokens, mentions, owner) -> list[_Found]:
        """leader_of from a relative clause with a verb of heading (رأس، ترأس، تزعم، قاد).

        حزب الوطن الذي يتزعمه محمد جغام: the body comes first and the pronoun on the verb
        points back to it; بينيت الذي يتزعم حزب البيت اليهودي: the person comes first.
        """
        found = []
        for i in range(2, len(tokens)):
            token = tokens[i]
            if token.pos != "verb" or self.lexicon.cues.get(token.lemma) != "heads" or tokens[i - 1].norm not in self.lexicon.relative_pronouns:
                continue
            k = i - 2 - (tokens[i - 2].norm in self.lexicon.grammar["apposition"])  # the antecedent's last word
            if k < 0 or owner[k] is None or mentions[owner[k]][0].tok_end != k + 1:
                continue
            antecedent, first = mentions[owner[k]]
            after = [(m, e) for m, e in mentions if i < m.tok_start <= i + 3 and not m.nominal][:1]
            if not after:
                continue
            mention, second = after[0]
            if token.enclitic and antecedent.type in ("ORG", "LOC") and mention.type == "PER":
                found.append(_Found(second, "leader_of", first, None, 0.85))
            elif not token.enclitic and antecedent.type == "PER" and mention.type == "ORG" and mention.tok_start == i + 1:
                found.append(_Found(first, "leader_of", second, None, 0.85))
        # A body, a bracket or comma between, then بقيادة and a person: he heads it (الجيش الوطني
        # الليبي بقيادة خليفة حفتر); a state after بقيادة leads a coalition, no office (بقيادة السعودية).
        for i in range(1, len(tokens) - 1):
            token = tokens[i]
            if token.pos != "noun" or "bi_prep" not in token.prefixes or self.lexicon.cues.get(token.lemma) != "heads":
                continue
            k = i - 1 - (tokens[i - 1].pos == "punc")
            head = owner[i + 1]
            if k < 0 or owner[k] is None or head is None or mentions[head][0].tok_start != i + 1:
                continue
            body, person = mentions[owner[k]], mentions[head]
            if body[0].type == "ORG" and body[0].tok_end == k + 1 and _named(body[0]) and person[0].type == "PER" and person[0].named:
                found.append(_Found(person[1], "leader_of", body[1], None, 0.8))
        return found

    def _object_relatives(self, tokens, mentions, owner) -> list[_Found]:
        """Events told in a relative clause whose pronoun is the verb's object.

        أحمد عظوم وعبد اللطيف حمام، اللذين عينهما رئيس الحكومة يوسف الشاهد: the named
        antecedents are the objects and the name after the verb its subject (VSO). The
        pronoun's number says how many of the coordinated antecedents it takes.
        """
        found = []
        relatives = self.lexicon.relative_pronouns
        for i in range(2, len(tokens)):
            token = tokens[i]
            enclitic = token.enclitic or ""
            if tokens[i - 1].norm not in relatives or owner[i] is not None or not enclitic.startswith("3"):
                continue
            if not enclitic.endswith(("_dobj", "_poss")) or "sa_fut" in token.prefixes:
                continue
            frames = self.lexicon.triggers.get((token.lemma, "verb"), ())
            trigger = next((t for t in frames if t.object_prep is None and not t.requires), None)
            if trigger is None:
                continue
            k = i - 2 - (tokens[i - 2].norm in self.lexicon.grammar["apposition"])
            if k < 0 or owner[k] is None or mentions[owner[k]][0].tok_end != k + 1:
                continue
            if self._completes_noun(tokens, owner, mentions[owner[k]][0].tok_start):
                continue
            antecedents = [owner[k]]
            while antecedents[-1] > 0 and _conjoined(tokens[mentions[antecedents[-1]][0].tok_start], self.lexicon.grammar):
                previous = antecedents[-1] - 1
                if mentions[previous][0].tok_end != mentions[antecedents[-1]][0].tok_start:
                    break
                antecedents.append(previous)
            wanted = {"s": 1, "d": 2}.get(enclitic[2:3], len(antecedents))
            if len(antecedents) < wanted:
                continue
            subjects = self._subjects_after(tokens, i, mentions, owner)
            cue = self._cue_before(tokens, i)
            if not subjects or cue == "modality":
                continue
            for a in antecedents[:wanted]:
                mention, target = mentions[a]
                if mention.nominal or (trigger.object_types and mention.type not in trigger.object_types):
                    continue
                found.extend(
                    _Found(mentions[s][1], trigger.predicate, target, i, 0.75, cue == "negation") for s in subjects if mentions[s][1] != target
                )
        return found

    def _relative_subject_arguments(self, trigger: Trigger, tokens, i: int, mentions, owner, carried):
        """The name a relative clause is about as the subject of its verb (المغزاوي الذي
        التقى يوسف الشاهد؛ ماكرون الذي زار الجزائر). A verb with an object pronoun is about
        its object instead (_object_relatives)."""
        token = tokens[i]
        if token.voice == "p" or "sa_fut" in token.prefixes or token.enclitic:
            return []
        # The verb agrees with the pronoun when the name is its subject; in العامري الذي رفضت
        # السلطات طلبه it has a subject of its own.
        relative = tokens[i - 1].norm
        if relative not in self.lexicon.grammar["relative_masculine"] | self.lexicon.grammar["relative_feminine"] or (relative in self.lexicon.grammar["relative_feminine"]) != _feminine_verb(token, self.lexicon.grammar):
            return []
        k = i - 2 - (i > 2 and tokens[i - 2].norm in self.lexicon.grammar["apposition"])
        if k < 0 or owner[k] is None or mentions[owner[k]][0].tok_end != k + 1:
            return []
        mention, actor = mentions[owner[k]]
        if mention.nominal or self._completes_noun(tokens, owner, mention.tok_start):
            return []
        target = self._target(trigger, tokens, mentions, i + 1, self._clause_end(tokens, i, owner), {actor})
        return [(actor, target[0], round(0.75 * target[1], 2))] if target else []

    def _completes_noun(self, tokens, owner, first: int) -> bool:
        """Tell whether the name at token `first` completes the noun before it (مشروع تقسيم
        العراق الذي ساندته قطر), also from inside quotes (إعصار "ماثيو" الذي ضرب): a relative
        clause after it is about that noun."""
        first -= first > 1 and tokens[first - 1].norm in _QUOTE_MARKS
        before = tokens[first - 1] if first > 0 else None
        return (before is not None and before.pos == "noun" and not before.prefixes and owner[first - 1] is None
                and self.lexicon.cue(before.norm) != "place"  # مدينة حلب، قطاع غزة: the place itself
                and self.lexicon.title_at([t.norm for t in tokens], first - 1) is None)

    def _required_noun_relatives(self, tokens, mentions, owner) -> list[_Found]:
        """Events told in a relative clause on the noun the verb requires.

        الحصار الذي فرضته السعودية والإمارات على قطر، العقوبات الجديدة التي فرضتها واشنطن على
        موسكو: the pronoun on the verb points back to the noun (حصار، عقوبة), the subject
        follows the verb (VSO) and the target the verb's preposition.
        """
        found = []
        for i in range(2, len(tokens)):
            token = tokens[i]
            frames = [t for t in self.lexicon.triggers.get((token.lemma, "verb"), ()) if t.requires]
            if not frames or token.pos != "verb" or owner[i] is not None:
                continue
            if tokens[i - 1].norm not in self.lexicon.relative_pronouns or not (token.enclitic or "").startswith("3") or "sa_fut" in token.prefixes:
                continue
            k = i - 2
            while k > 0 and tokens[k].pos == "adj" and owner[k] is None:
                k -= 1  # العقوبات الاقتصادية الجديدة التي
            trigger = next((t for t in frames if tokens[k].lemma in t.requires), None)
            if trigger is None:
                continue
            cue = self._cue_before(tokens, i)
            subjects = self._subjects_after(tokens, i, mentions, owner)
            if not subjects or cue == "modality" or self._future_after(tokens, i, owner):
                continue
            actors = {mentions[s][1] for s in subjects}
            start = self._past_apposition(tokens, mentions, owner, mentions[subjects[-1]][0].tok_end)
            target = self._target(trigger, tokens, mentions, start, self._clause_end(tokens, i, owner), actors, gap=-1)
            if target is not None:
                found.extend(_Found(actor, trigger.predicate, target[0], i, round(0.75 * target[1], 2), cue == "negation") for actor in sorted(actors))
        return found

    def _carrier(self, tokens, v: int) -> bool:
        """Tell whether token v carries out an act named before it, with a pronoun pointing
        back to it (وجهها، شنتها، نفذه، قام بها): cues.tsv kinds carrier, act and statement."""
        return v < len(tokens) and self.lexicon.cues.get(tokens[v].lemma) in _CARRIER_KINDS and self._points_back(tokens, v)

    def _act_frames(self, token: Token) -> list[Trigger]:
        """The frames of a verbal noun of an act done to a target (هجوم على، تهديد لـ)."""
        return [t for t in self.lexicon.triggers.get((token.lemma, "noun"), ()) if t.object_prep is not None and not t.requires and not self._between(t)]

    def _carried_out_relatives(self, tokens, mentions, owner) -> list[_Found]:
        """An act's noun whose actor is named in a relative clause over it.

        التهديدات التي وجهها ترامب لفنزويلا، الهجوم الذي نفذه تنظيم داعش ضد مصر، الزيارة
        التي قام بها نتنياهو إلى أوغندا: the relative verb (cues.tsv carrier, act) carries out
        the noun's act (or states it: أعلنها), its subject (VSO) is the actor, the target follows the noun's
        preposition, after the subject or right after the noun (الهجوم على مصر الذي نفذه X).
        """
        found = []
        relatives = self.lexicon.relative_pronouns
        for i, token in enumerate(tokens):
            frames = self._act_frames(token) if token.pos == "noun" and owner[i] is None and not token.enclitic else []
            frames = [t for t in frames if not self._other_sense(t, tokens, i, owner)]  # الدعوة التي وجهها X لـ Y لزيارة: an invitation
            if not frames:
                continue
            k = i + 1
            while k < len(tokens) and tokens[k].pos == "adj" and owner[k] is None:
                k += 1  # التهديدات المبطنة التي
            early = self._governed_target(frames, tokens, mentions, k)  # الهجوم على مصر الذي
            if early is not None:
                k = early[1][0].tok_end
            v = self._relative_carrier(tokens, i, k, owner)
            if v is None:
                continue
            cue = self._cue_before(tokens, v)
            if cue == "modality" or self._future_after(tokens, v, owner):
                continue
            # The subject follows the verb, or its preposition with the pronoun (قام بها X).
            subjects = self._subjects_after(tokens, v + (not tokens[v].enclitic), mentions, owner)
            if subjects:
                actors = {mentions[s][1] for s in subjects}
                after = self._past_apposition(tokens, mentions, owner, mentions[subjects[-1]][0].tok_end)
            else:
                # No subject named in the clause: its pronoun is the sentence's subject when no party
                # stands between (استهل X الزيارة التي يؤديها إلى العراق؛ أكد X أن الزيارة التي يؤديها إلى تونس).
                after = v + 1 + (not tokens[v].enclitic)
                # A preposition with a pronoun after the verb (وجهها له X) names the clause's own parties.
                actors = set(self._pronoun_carrier(tokens, mentions, owner, i, v)) if after < len(tokens) and not (tokens[after].enclitic or "").startswith("3") else set()
            if not actors:
                continue
            # Only a name the noun's preposition governs at once (not لزيارة النواب إلى سوريا).
            governed = early or self._governed_target(frames, tokens, mentions, after)
            if governed is not None and governed[1][1] not in actors:
                trigger, (_, target) = governed
                found.extend(_Found(actor, trigger.predicate, target, i, 0.75, cue == "negation") for actor in sorted(actors))
        return found

    def _pronoun_carrier(self, tokens, mentions, owner, i: int, v: int) -> list[str]:
        """The sentence's named subject as the one a relative clause's verb v with no subject named
        points back to, over the act's noun i: singular, and no other party named between them."""
        if _plural_verb(tokens[v], self.lexicon.grammar) or tokens[v].person == "1":
            return []
        subjects = self._sentence_subjects(tokens, mentions, owner, i)
        last = max((m.tok_end for m, e in mentions if e in subjects), default=i)
        if len(subjects) != 1 or any(not m.nominal and last <= m.tok_start < i for m, _ in mentions):
            return []
        return subjects

    def _relative_carrier(self, tokens, i: int, k: int, owner) -> int | None:
        """The carrier verb of the relative clause at token k over the act's noun i, or None:
        after a relative pronoun (الهجوم الذي نفذه), or at once after an indefinite noun, whose
        clause has none (هجوم شنه الحوثيون على), past the noun's instrument (هجوم بطائرة مسيرة
        شنه: بـ and a noun with two words at most that describe it)."""
        if k + 1 < len(tokens) and tokens[k].norm in self.lexicon.relative_pronouns:
            return k + 1 if self._carrier(tokens, k + 1) else None
        if "Al_det" in tokens[i].prefixes:
            return None
        if k + 1 < len(tokens) and tokens[k].prefixes == ("bi_prep",) and tokens[k].pos == "noun" and owner[k] is None:
            end = min(k + 3, len(tokens))
            k += 1
            while k < end and tokens[k].pos in ("adj", "noun") and not tokens[k].prefixes and owner[k] is None:
                k += 1  # بطائرة مسيرة: the database reads مسيرة as a noun
        return k if k < len(tokens) and tokens[k].pos == "verb" and self._carrier(tokens, k) else None

    def _governed_target(self, frames: list[Trigger], tokens, mentions, k: int) -> tuple[Trigger, tuple[Mention, str]] | None:
        """The first frame whose preposition at token k governs a name at once (على مصر، لفنزويلا), or past a place noun (على مدينة تل أبيب), with that name."""
        if k >= len(tokens):
            return None
        for trigger in frames:
            if _has_preposition(tokens[k], trigger.object_prep, self.lexicon.grammar):
                j = k + (tokens[k].pos == "prep")
                named = self._named_at(tokens, mentions, j)
                if (named is None and j + 1 < len(tokens) and self.lexicon.cue(tokens[j].norm) == "place"
                        and not _has_preposition(tokens[k], "ب|في", self.lexicon.grammar)):
                    named = self._named_at(tokens, mentions, j + 1)  # على مدينة تل أبيب; بالعاصمة X says where
                if named is not None and not named[0].nominal and (not trigger.object_types or named[0].type in trigger.object_types):
                    return trigger, named
        return None

    def _undergone_acts(self, tokens, mentions, owner) -> list[_Found]:
        """An act told from its target's side: تعرّضت طرابلس لهجوم شنته قوات حفتر، تعرضت
        طرابلس إلى ضربة من الجيش. The one who underwent it (cues.tsv undergo), named right
        after the verb or right before it, is the target; the actor is named by a carrier
        verb over the noun (شنته X), after من, or by a nisba after the noun (لقصف روسي)."""
        found = []
        for u, token in enumerate(tokens):
            if token.pos != "verb" or owner[u] is not None or self.lexicon.cues.get(token.lemma) != "undergo":
                continue
            if self._cue_before(tokens, u) == "modality" or "sa_fut" in token.prefixes:
                continue
            if u + 1 < len(tokens) and owner[u + 1] is not None:  # VSO: تعرضت طرابلس لهجوم
                patient = mentions[owner[u + 1]]
                i = patient[0].tok_end
            elif u > 0 and owner[u - 1] is not None:  # SVO: طرابلس تعرضت لهجوم
                patient, i = mentions[owner[u - 1]], u + 1
            else:
                continue
            if patient[0].nominal or i >= len(tokens):
                continue
            # The act under ل (لهجوم) or after إلى (إلى ضربة).
            if "li_prep" not in tokens[i].prefixes and tokens[i].pos == "prep" and not tokens[i].enclitic and i + 1 < len(tokens):
                i += 1
            elif "li_prep" not in tokens[i].prefixes:
                continue
            frames = [t for t in self._act_frames(tokens[i]) if (not t.object_types or patient[0].type in t.object_types)
                      and not self._other_sense(t, tokens, i, owner)]
            if not frames or owner[i] is not None:
                continue
            k = i + 1
            while k < len(tokens) and tokens[k].pos == "adj" and owner[k] is None:
                k += 1  # لغارات جوية شنتها
            if self._carrier(tokens, k):
                actors = self._subjects_after(tokens, k, mentions, owner)
            elif k + 1 < len(tokens) and tokens[k].norm in self.lexicon.grammar["from"] and owner[k + 1] is not None:
                actors = [owner[k + 1]] if not mentions[owner[k + 1]][0].nominal else []
            elif k < len(tokens) and owner[k] is not None and mentions[owner[k]][0].nominal and mentions[owner[k]][0].type == "LOC" and mentions[owner[k]][0].tok_start == k:
                actors = [owner[k]]  # لقصف روسي: the state of the act's nisba, less sure than a named actor (`_nisba_actor`)
            else:
                actors = []
            cue = self._cue_before(tokens, u)
            confidence = 0.6 if actors and mentions[actors[0]][0].nominal else 0.7
            found.extend(_Found(mentions[a][1], frames[0].predicate, patient[1], i, confidence, cue == "negation") for a in actors if mentions[a][1] != patient[1])
        return found

    def _joined_in_talks(self, tokens, mentions, owner) -> list[_Found]:
        """met from a meeting that joined its parties (جمع): اللقاء الذي جمعه بالرئيس X؛
        مكالمة هاتفية جمعته بـX؛ الاجتماع الذي جمع X بنظيره Y؛ المحادثات التي جمعت بين X وY.

        The pronoun on the verb (جمعه) is the sentence's subject, the one who speaks of the
        meeting; without it the first party follows the verb (VSO).
        """
        found = []
        for i in range(1, len(tokens)):
            token = tokens[i]
            trigger = next(iter(self.lexicon.triggers.get((token.lemma, "joins"), ())), None)
            if trigger is None or token.pos != "verb" or owner[i] is not None or _imperfect(token, self.lexicon.grammar) or "sa_fut" in token.prefixes:
                continue
            k = i - 1 - (tokens[i - 1].norm in self.lexicon.relative_pronouns)
            while k > 0 and (tokens[k].pos == "adj" or tokens[k].norm in self.lexicon.grammar["apposition"]) and owner[k] is None:
                k -= 1  # المكالمة الهاتفية التي، اللقاء "الهام" الذي
            enclitic = token.enclitic or ""
            if self.lexicon.cues.get(tokens[k].lemma) != "meeting" or enclitic.startswith("3d") or self._future_after(tokens, i, owner):
                continue
            cue = self._cue_before(tokens, i)
            if cue == "modality":
                continue
            if enclitic.startswith("3"):
                parties = self._sentence_subjects(tokens, mentions, owner, before=k)
                start = i + 1
            else:
                # بين X وY: the parties are coordinated after بين.
                verb = i + (i + 1 < len(tokens) and tokens[i + 1].norm in self.lexicon.grammar["between"])
                first = self._subjects_after(tokens, verb, mentions, owner)
                parties = [mentions[f][1] for f in first]
                if len(parties) > 1:
                    found.extend(_Found(parties[0], "met", other, i, 0.7, cue == "negation") for other in parties[1:] if other != parties[0])
                    continue
                start = self._past_apposition(tokens, mentions, owner, mentions[first[-1]][0].tok_end) if first else i + 1
            if not parties:
                continue
            other = self._governed_party(trigger, tokens, mentions, start)
            if other is not None:
                found.extend(_Found(party, "met", other, i, 0.7, cue == "negation") for party in parties if party != other)
        return found

    def _governed_party(self, trigger: Trigger, tokens, mentions, start: int) -> str | None:
        """The name the trigger's preposition governs right at token `start` (time words
        skipped), past a title phrase (بالرئيس السوداني عمر البشير، بأمير دولة قطر الشيخ تميم)."""
        while start < len(tokens) and self._time_word(tokens[start]):
            start += 1
        if start >= len(tokens) or not _has_preposition(tokens[start], trigger.object_prep, self.lexicon.grammar):
            return None
        start += tokens[start].norm in self.lexicon.grammar["preposition"]  # مع X
        named = self._past_title(tokens, mentions, start)
        governed = [e for m, e in mentions if m.tok_start in (named, start) and not m.nominal and m.type in trigger.object_types]
        return governed[-1] if governed else None

    def _antecedent(self, trigger: Trigger, tokens, i: int, mentions, owner, actors: set[str]) -> str | None:
        """The name an object pronoun on verb i points back to: the one right before the verb,
        only particles and punctuation between (هاجم فرنسا واتهمها), of the pronoun's kind (ها:
        a state or body; ه: a person or body). None when a noun stands between: it may be the
        noun the pronoun means (قدمت الحكومة مشروع القانون ورفضه الحزب). A person under a
        preposition is one too (أجرى اتصالا مع ترامب وحثه), and a state or body after مع, the
        other party of a tie (قطعت X علاقاتها مع قطر واتهمتها); one after another preposition is
        not (قدمت الحكومة مشروع القانون إلى البرلمان، ورفضه: the bill)."""
        kinds = {"3fs_dobj": ("LOC", "ORG"), "3ms_dobj": ("PER", "ORG")}.get(tokens[i].enclitic or "")
        before = [(m, e) for m, e in mentions if m.tok_end <= i and not m.nominal]
        if kinds is None or not before:
            return None
        mention, entity = before[-1]
        between = tokens[mention.tok_end : i]
        governed = _governed(tokens, max(mention.tok_start - 2, -1), mention.tok_start)
        tie = mention.tok_start > 0 and tokens[mention.tok_start - 1].norm in self.lexicon.grammar["with"]
        if any(t.pos in ("noun", "noun_prop", "adj", "verb") and not self._time_word(t) for t in between) or (governed and mention.type != "PER" and not tie):
            return None
        if entity in actors or mention.type not in kinds or (trigger.object_types and mention.type not in trigger.object_types):
            return None
        return entity

    def _own_subject(self, tokens, i: int, mentions, owner, subjects: list[int], actors: set[str]) -> bool:
        """Tell whether verb i's named subject is surely its own and not the party its object
        pronoun points to: named after the verb (VSO), or before it opening a reported clause
        (أن ترامب دعاه، بأن هولاند يدعمه). A name just before the verb may be either (الى
        الرئيس ترامب، طالبه؛ بالرئيس ميشل عون هنأه: the pronoun's party)."""
        if subjects:
            return True
        before = [(m, e) for m, e in mentions if m.tok_end <= i]
        if not before or before[-1][1] not in actors:
            return False
        # أن right before the name, past its title and the names in it (أن رئيس الولايات
        # المتحدة الأمريكية دونالد ترامب دعاه); not a name joined by و (إن المبادرة جيدة وألمانيا تدعمها).
        if _conjoined(tokens[before[-1][0].tok_start], self.lexicon.grammar):
            return False
        norms = [t.norm for t in tokens]
        k = before[-1][0].tok_start - 1
        while k >= 0:
            title = self._title_ending_at(norms, k)
            if title is not None:
                k -= len(title.words)
            elif owner[k] is not None or self.lexicon.cue(tokens[k].norm) == "honorific":
                k -= 1
            else:
                break
        return k >= 0 and tokens[k].lemma in self.lexicon.grammar["that"]

    def _referent(self, trigger: Trigger, tokens, i: int, mentions, owner, actors: set[str]) -> str | None:
        """The party a pronoun on token i points back to when words stand between (إن بكين لا
        تتدخل ...، بعد أن اتهمها ترامب؛ تظهر بوتين وهو يهبط ... قبل أن يستقبله لوكاشنكو): the
        last named party before it in the sentence that agrees with the pronoun in kind and
        gender, if no other party of the sentence does (else the pronoun is ambiguous)."""
        enclitic = tokens[i].enclitic or ""
        if enclitic[:3] not in ("3fs", "3ms"):
            return None
        feminine = enclitic.startswith("3f")
        agreeing, states = [], set()
        for mention, entity in mentions:
            if mention.tok_end > i or mention.nominal or entity in actors or (trigger.object_types and mention.type not in trigger.object_types):
                continue
            if _governed(tokens, max(mention.tok_start - 2, -1), mention.tok_start):
                continue  # قدمت الحكومة مشروع القانون إلى البرلمان، ورفضه: the pronoun is the bill's
            if mention.type == "LOC" and not feminine:
                continue  # a state a pronoun points to is ها (هاجم فرنسا واتهمها)
            if not self._topic_of(tokens, mentions, owner, entity).agrees(feminine):
                continue
            agreeing.append(entity)
            states.add(self._state_spoken_for(tokens, mention, entity))
        # A state's body, its capital and the state are one party (قالت وزارة الخارجية الصينية إن
        # بكين ...، بعد أن اتهمها ترامب): the pronoun is the last of them, a capital its state's voice.
        return agreeing[-1] if len(set(agreeing)) == 1 or (len(states) == 1 and None not in states) else None

    def _state_spoken_for(self, tokens, mention: Mention, entity: str) -> str | None:
        """The Wikidata id of the state a party is or speaks for: a country itself, a capital's or
        seat of power's country (capitals.tsv), a body's by the nisba ending its name (وزارة الخارجية
        الصينية); None for any other party."""
        local = entity.removeprefix(ENTITY_IRI)
        if self._kb_place(entity, country=True):
            return local
        if local in self.capitals:
            return self.capitals[local]
        nisba = self.kb.country_of_nisba(tokens[mention.tok_end - 1].norm) if self.kb is not None and mention.type == "ORG" else None
        return nisba.id if nisba is not None else None

    def _shared_subjects(self, tokens, i: int, mentions, owner) -> list[str]:
        """The actor a verb shares with an earlier verb of the same gender: joined by و after a
        comma, the sentence's first (قال المتحدث ... إن ...، وحث الولايات المتحدة؛ انتقدت روسيا
        القرار، وطالبت الولايات المتحدة); joined by و with no comma (انتقد أردوغان السياسة
        الأمريكية وطالب الولايات المتحدة بـ), with an object pronoun (هاجمت روسيا تركيا
        واتهمتها؛ وكان بوتين قد أجرى اتصالا مع ترامب وحثه), or with no و in a clause describing
        the noun before it (وجه X رسالة إلى Y، طالبه فيها: `_describes_noun_before`), the one
        just before; [] for another verb."""
        after_comma = i > 1 and tokens[i - 1].norm in self.lexicon.grammar["apposition"]
        joined = _conjoined(tokens[i], self.lexicon.grammar)
        if i < 2 or not (joined or self._describes_noun_before(tokens, i)) or _imperfect(tokens[i], self.lexicon.grammar):
            return []
        feminine = _feminine_verb(tokens[i], self.lexicon.grammar)
        verbs = [k for k in range(i - 1) if tokens[k].pos == "verb" and owner[k] is None and tokens[k].voice != "p" and _feminine_verb(tokens[k], self.lexicon.grammar) == feminine]
        first = (verbs[0] if after_comma and joined else verbs[-1]) if verbs else None
        # Inside a quotation the speaker's words have subjects of their own (قال X "... والقنصل
        # في اتصال دائم مع Y، والتقى Z").
        if first is None or any(t.norm in _QUOTE_MARKS for t in tokens[first:i]):
            return []
        if (kana := self._subject_of_kana(tokens, first, mentions, owner)) is not None:
            return [mentions[kana][1]]  # وكان X قد أجرى ... وحثه
        return self._sentence_subjects(tokens, mentions, owner, before=i - 1, verb=first)

    def _describes_noun_before(self, tokens, i: int) -> bool:
        """Tell whether verb i, with no و and an object pronoun, opens a clause that describes
        the indefinite noun before it, which a preposition's pronoun right after the verb points
        back to (أجرى اتصالا بـ X هنأه فيه، وجه رسالة إلى X طالبه فيها: cues.tsv wherein)."""
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        return (tokens[i].enclitic in _OBJECT_PRONOUNS and following is not None and following.pos == "prep"
                and following.lemma in self.lexicon.grammar["wherein"] and (following.enclitic or "").startswith("3"))

    def _sentence_subjects(self, tokens, mentions, owner, before: int, verb: int | None = None) -> list[str]:
        """The named subject of the sentence's first verb (or of `verb`; VSO), when it ends before token `before`."""
        if verb is None:
            verb = next((k for k in range(before) if tokens[k].pos == "verb" and owner[k] is None), None)
        subjects = self._subjects_after(tokens, verb, mentions, owner) if verb is not None else []
        if not subjects or mentions[subjects[-1]][0].tok_end > before:
            return []
        # كشف أن X ...: a name after أن is the subject of what is said, not of the sentence.
        if any(t.lemma in self.lexicon.grammar["that"] for t in tokens[verb + 1 : mentions[subjects[0]][0].tok_start]):
            return []
        return [mentions[s][1] for s in subjects]

    def _killed_by_agent(self, tokens, mentions, owner) -> list[_Found]:
        """killed from the killer named after برصاص، بنيران، على يد: قتل X برصاص Y، لقي X
        حتفه برصاص Y، مقتل X على يد Y. The killing word (a passive verb, مقتل، لقي حتفه)
        stands before the one killed, and the killer after the agent noun."""
        found = []
        for k, token in enumerate(tokens):
            if self.lexicon.cues.get(token.lemma) != "agent" or owner[k] is not None:
                continue
            by_hand = k > 0 and tokens[k - 1].norm in self.lexicon.grammar["on"]  # على يد، على أيدي
            if not by_hand and "bi_prep" not in token.prefixes:
                continue
            start = self._past_title(tokens, mentions, k + 1)
            killers = [(m, e) for m, e in mentions if m.tok_start in (k + 1, start) and m.type in ("PER", "ORG", "LOC")]
            if not killers:
                continue
            killer_mention, killer = killers[0]
            for j in range(k - 1 - by_hand, max(-1, k - 8), -1):
                word = tokens[j]
                killing = any(t.predicate == "killed" for t in self.lexicon.triggers.get((word.lemma, word.pos), ()))
                death = owner[j] is None and self.lexicon.cues.get(word.lemma) == "death"
                if not (killing or death) or owner[j] is not None:
                    continue
                # لقي X حتفه: the one killed stands before the noun of dying.
                low = j - 4 if death and word.lemma not in self.lexicon.grammar["killing"] else j
                victims = [(m, e) for m, e in mentions if low < m.tok_start < k and m.tok_end <= k and m.type == "PER" and not m.nominal]
                if not victims and killing:
                    victims = [(m, e) for m, e in mentions if m.tok_end == j and m.type == "PER" and not m.nominal]  # X قتل برصاص Y
                cue = self._cue_before(tokens, j)
                if victims and cue != "modality":
                    confidence = 0.7 if killer_mention.nominal else 0.8
                    found.extend(_Found(killer, "killed", e, j, confidence, cue == "negation") for _, e in victims[:1] if e != killer)
                break
        return found

    def _passive_agents(self, tokens, mentions, owner) -> list[_Found]:
        """An act told by a passive participle right after the name it describes, its actor
        named after the frame's preposition of the agent (events/states.frames.tsv, pos
        passive): قوات حكومة الوفاق المدعومة من الأمم المتحدة، الحوثيين المدعومين من إيران."""
        found = []
        for i, token in enumerate(tokens):
            frames = self.lexicon.triggers.get((token.lemma, "passive"), ()) if 0 < i < len(tokens) - 1 and owner[i] is None else ()
            described = mentions[owner[i - 1]][0] if frames and owner[i - 1] is not None else None
            if described is None or described.nominal or not (_named(described) or "Al_det" not in tokens[i - 1].prefixes):
                continue  # not a bare noun (الحكومة المدعومة من)
            target = mentions[owner[i - 1]][1]
            for trigger in frames:
                if not _has_preposition(tokens[i + 1], trigger.subject_prep or "", self.lexicon.grammar):
                    continue
                named = self._named_at(tokens, mentions, i + 1 + (tokens[i + 1].pos == "prep"))
                if named is not None and not named[0].nominal and named[1] != target:
                    found.append(_Found(named[1], trigger.predicate, target, i, 0.7, self._cue_before(tokens, i) == "negation"))
                    break
        return found

    def _place_apposition(self, gap) -> bool:
        """Tell whether the words between a place and a nisba are a place noun in apposition
        (باريس، العاصمة الفرنسية؛ حلب، كبرى المدن السورية is not: only one noun)."""
        words = [t for t in gap if t.norm not in self.lexicon.grammar["apposition"]]
        return len(words) == 1 and len(gap) <= 2 and self.lexicon.cue(words[0].norm) == "place" and "Al_det" in words[0].prefixes

    def _kb_place(self, entity: str, country: bool = False) -> bool:
        """Tell whether an entity is a place of the knowledge base (a nickname, مدينة الأنوار, is
        not), or, with `country`, a country."""
        entry = self.kb.get(entity.removeprefix(ENTITY_IRI)) if self.kb is not None else None
        return entry is not None and entry.type == "LOC" and (entry.is_country or not country)

    def _ranked_apposition(self, gap) -> bool:
        """Tell whether the words between two places are an indefinite place noun in apposition,
        ranked or not, whose place is the second (ألماتي، أكبر مدينة في كازاخستان؛ X، عاصمة Y)."""
        if len(gap) < 2 or gap[0].norm not in self.lexicon.grammar["apposition"]:
            return False
        words = gap[1:-1] if gap[-1].norm in self.lexicon.grammar["in"] else gap[1:]
        ranks = 0
        while ranks < len(words) - 1 and ranks < 2 and self.lexicon.cue(words[ranks].norm) == "rank":
            ranks += 1
        noun = words[ranks:]
        return len(noun) == 1 and self.lexicon.cue(noun[0].norm) == "place" and not noun[0].prefixes

    def _direction(self, gap) -> bool:
        """Tell whether the words between two places are a side of the second (شمالي، في شرق،
        شمال شرق، وسط العاصمة), a place noun after it allowed."""
        words = [t for t in gap if t.norm not in self.lexicon.grammar["in"]]
        if words and self.lexicon.cue(words[-1].norm) == "place":
            words.pop()
        # A side after و is another place of a list (بغرب النيجر وشمال شرقي مالي).
        return 1 <= len(words) <= 2 and not _conjoined(words[0], self.lexicon.grammar) and all(self.lexicon.cue(t.norm) == "direction" for t in words)

    def _unit(self, tokens, mention: Mention, nested) -> bool:
        """Tell whether a body's name opens with a unit noun (إدارة، لجنة) and has no nisba:
        a national body (الشرطة الألمانية) is not a part of the city where it acts."""
        if self.lexicon.cue(tokens[mention.tok_start].norm) != "unit":
            return False
        return not any(mention.tok_start <= m.tok_start < mention.tok_end for m, _ in nested)

    def _class_noun(self, token: Token) -> bool:
        """Tell whether a word is a bare noun that opens the names of bodies (حزب، حركة)."""
        return token.pos == "noun" and any(variant.removeprefix(article) in self.lexicon.org_heads for variant, _ in clitic_variants(token.norm) for article in self.lexicon.grammar["article"])

    def _portfolio_start(self, tokens, norms: list[str], j: int) -> int | None:
        """The first word of a minister's portfolio ending at token j (وزير الأوقاف والشؤون
        الدينية), when a minister's title stands right before it; else None."""
        start = j
        while start >= 0 and j - start < _MAX_PORTFOLIO_WORDS and _portfolio_word(tokens[start]):
            title = self._title_ending_at(norms, start - 1) if start > 0 else None
            if title is not None and title.takes_portfolio and not any(p.startswith("wa_") for p in tokens[start].prefixes):
                return start
            start -= 1
        return None

    def _title_ending_at(self, norms: list[str], j: int):
        for size in range(min(self.lexicon.max_title_words, j + 1), 0, -1):
            title = self.lexicon.title_at(norms[: j + 1], j - size + 1)
            if title is not None and len(title.words) == size:
                return title
        return None

    @staticmethod
    def _counterpart_office(found: list[_Found], person: str) -> str:
        """The office a counterpart (نظيره الروسي فلاديمير بوتين) holds: that of the last
        other person of the sentence a title gave; "-" when none did."""
        return next((f.predicate for f in reversed(found) if f.subject != person), "-")

    def _held_office_title(self, tokens, mention: Mention, k: int) -> int:
        """Where the title after a name begins past a verb of holding an office now and its noun
        (cues.tsv holds, office): X، الذي يشغل منصب رئيس Y; ويشغل المشتبه فيه X منصب نائب رئيس Y."""
        def is_(i, kind):
            return i < len(tokens) and self.lexicon.cue(tokens[i].norm) == kind
        if is_(k, "office"):
            # The verb before the name, with no punctuation between them.
            for i in range(mention.tok_start - 1, max(-1, mention.tok_start - 1 - _HOLDER_GAP), -1):
                if tokens[i].pos == "punc":
                    break
                if is_(i, "holds"):
                    return k + 1
            return k
        j = k + (k < len(tokens) and tokens[k].norm in self.lexicon.relative_pronouns)
        return j + 2 if is_(j, "holds") and is_(j + 1, "office") else k

    def _transitive_verb_before(self, tokens, i: int) -> bool:
        """Tell whether the word before token i is a verb of an event frame with a direct object (اتهم، انتقد)."""
        if i == 0 or tokens[i - 1].pos != "verb":
            return False
        return any(frame.object_prep is None for frame in self.lexicon.triggers.get((tokens[i - 1].lemma, "verb"), ()))

    def _title_relations(self, tokens, mentions, owner) -> list[_Found]:
        """leader_of / member_of from a title before a name (الرئيس الصيني شي جينبينغ)."""
        norms = [t.norm for t in tokens]
        found = []
        for mention, person in mentions:
            if mention.type != "PER" or not mention.named:
                continue  # a title's holder or a counterpart (نظيره التركي) is no name a title stands before
            j, complements, outer, confidence = mention.tok_start - 1, [], [], 0.9
            places: set[str] = set()
            bare: set[str] = set()
            joined = shared = apposed = False  # a nisba after و (والتونسي); past another person's name; a comma passed
            while j >= 0:
                title = self._title_ending_at(norms, j)
                if title is None and complements and tokens[j].norm in self.lexicon.grammar["title_preposition"]:
                    # The body follows the title after a preposition (النائب عن حركة النهضة،
                    # القيادي في حزب نداء تونس).
                    title, confidence = self._title_ending_at(norms, j - 1), 0.85
                    if title is None and j > 0 and owner[j - 1] is not None and mentions[owner[j - 1]][0].type == "ORG":
                        # A body within another (عضو لجنة الدفاع في البرلمان الأوروبي); a place
                        # after عن is the seat a deputy stands for (عن ولاية سوسة), no body.
                        outer += [c for c in complements if c not in places]
                        complements = []
                        j -= 1
                        continue
                if title is not None and not complements and not outer and j - len(title.words) >= 0 and self._title_ending_at(norms, j - len(title.words)) is None and j == mention.tok_start - 1:
                    # A second title right before the name (العاهل السعودي الملك سلمان):
                    # the office is said by the title before it.
                    j -= len(title.words)
                    continue
                if title is not None:
                    # A bare noun read as a body (خارجية in وزير خارجية قطر) yields to the
                    # name it is of.
                    while len(complements) > 1 and complements[-1] in bare:
                        complements.pop()
                    relation = self._counterpart_office(found, person) if title.counterpart else title.relation
                    # عقيلة الرئيس التركي أمينة أردوغان: the name may be the relative's, not the office holder's;
                    # after a comma it is the holder's (ابن الرئيس الأمريكي، دونالد ترامب).
                    kin = not apposed and j >= len(title.words) and self.lexicon.cue(tokens[j - len(title.words)].norm) == "kin"
                    if complements and relation != "-" and not kin:
                        found.append(_Found(person, relation, complements[-1], None, confidence))
                        # A member of a body within another is a member of that one too
                        # (عضو الهيئة السياسية لحزب حركة نداء تونس).
                        if relation == "member_of":
                            wider = outer + [c for c in complements[:-1] if c not in places]
                            found.extend(_Found(person, "member_of", body, None, 0.8) for body in dict.fromkeys(wider) if body != complements[-1])
                    break
                if owner[j] is not None and mentions[owner[j]][0].type in ("LOC", "ORG", "MISC"):
                    complement_mention, complement = mentions[owner[j]]
                    joined = complement_mention.nominal and any(p.startswith("wa_") for p in tokens[complement_mention.tok_start].prefixes)
                    if not shared:
                        complements.append(complement)
                    if complement_mention.type == "LOC":
                        places.add(complement)
                    if not _named(complement_mention):
                        bare.add(complement)
                    j = complement_mention.tok_start - 1
                elif joined and owner[j] is not None and mentions[owner[j]][0].type == "PER":
                    # One title for names each after its nisba (الرئيس الفلسطيني محمود عباس
                    # والتونسي الباجي قائد السبسي): the first nisba back is this name's.
                    joined, shared = False, True
                    j = mentions[owner[j]][0].tok_start - 1
                elif tokens[j].pos == "punc" and tokens[j].norm in self.lexicon.grammar["apposition"]:
                    j -= 1  # والي تونس، فاخر القفصي
                    apposed = True
                elif tokens[j].pos == "adj" and owner[j] is None and self.lexicon.cue(tokens[j].norm) != "former":
                    j -= 1  # الرئيس الفرنسي الجديد; but not الرئيس الفرنسي السابق
                elif (start := self._portfolio_start(tokens, norms, j)) is not None:
                    j = start - 1  # a minister's portfolio: وزير العمل السعودي
                elif complements and self.lexicon.cue(tokens[j].norm) in ("place", "honorific"):
                    j -= 1  # وزير الداخلية في إقليم بافاريا؛ الوزير الفلسطيني الشيخ يوسف
                elif not complements and self.lexicon.cue(tokens[j].norm) == "honorific":
                    j -= 1
                elif complements and owner[j] is None and self._class_noun(tokens[j]):
                    j -= 1  # the kind of body before its name: رئيس حزب حراك تونس الإرادة
                elif tokens[j].pos == "noun" and tokens[j].prefixes == ("Al_det",) and j > 0 and owner[j - 1] is not None and mentions[owner[j - 1]][0].type == "ORG":
                    j -= 1  # the last word of a body's name read apart (حراك تونس + الإرادة)
                else:
                    break
            # The title after the name (خالد مشعل، رئيس المكتب السياسي لحركة حماس).
            apposed_after = mention.tok_end < len(tokens) and tokens[mention.tok_end].norm in self.lexicon.grammar["apposition"]
            k = mention.tok_end + apposed_after
            k += k < len(tokens) and self.lexicon.cues.get(tokens[k].norm) == "copula"  # عماد الخميري هو عضو بمجلس الشورى
            k = self._held_office_title(tokens, mention, k)
            title = self.lexicon.title_at(norms, k) if k < len(tokens) else None
            # وقائد الجيش after a name begins the next person, not an apposition.
            # A title that leads to another name is that person's (يلتقي X الرئيس الأمريكي Y).
            leads_on = title is not None and self._past_apposition(tokens, mentions, owner, k) == k
            # With no comma after the subject of a verb that takes a direct object, the title is
            # that object (اتهم ترامب الرئيس الكولومبي بـ), unless a party follows it (اتهم إياد علاوي
            # نائب الرئيس العراقي قطر، كلف راشد الغنوشي رئيس حركة النهضة، عماد الخميري).
            object_title = not apposed_after and self._transitive_verb_before(tokens, mention.tok_start)
            # Nor a title on a preposition (لقاء عكاشة بالسفير الإسرائيلي): it begins a phrase of its own.
            if (title is not None and not leads_on and title.relation != "-" and not any(p.startswith(("wa_", "fa_")) for p in tokens[k].prefixes)
                    and not _PROCLITIC_PREPOSITIONS & set(tokens[k].prefixes)):
                start = k + len(title.words)
                # Definite adjectives of the title before its body (الرئيس الجديد لفرنسا), not a former one.
                while (start < len(tokens) and tokens[start].pos == "adj" and tokens[start].prefixes == ("Al_det",)
                       and owner[start] is None and self.lexicon.cue(tokens[start].norm) != "former"):
                    start += 1
                # النائب عن حزب X; a place after عن is the seat a deputy stands for, no body.
                preposition = start < len(tokens) and tokens[start].norm in self.lexicon.grammar["title_preposition"]
                start += preposition
                # The body may be filed as MISC (المتحدث باسم البيت الأبيض).
                following = [(m, e) for m, e in mentions if m.type in (("ORG", "MISC") if preposition else ("LOC", "ORG", "MISC")) and m.tok_start == start]
                if following and following[0][1] != person:
                    complement, body = following[0]
                    # Not an office held before (X، الرئيس الفرنسي السابق).
                    end = complement.tok_end
                    while end < len(tokens) and tokens[end].pos == "adj" and self.lexicon.cue(tokens[end].norm) != "former":
                        end += 1
                    after = end + (end < len(tokens) and tokens[end].norm in self.lexicon.grammar["apposition"])
                    if object_title and not (after < len(tokens) and owner[after] is not None and mentions[owner[after]][0].named):
                        continue
                    if end >= len(tokens) or self.lexicon.cue(tokens[end].norm) != "former":
                        found.append(_Found(person, title.relation, body, None, 0.6))
                        # A body within another (مديرة دائرة الصحة العامة في المنظمة): the
                        # person is a member of the outer one too.
                        inner = end + (end < len(tokens) and tokens[end].norm in self.lexicon.grammar["in"])
                        outer = [e for m, e in mentions if m.tok_start == inner and m.type == "ORG" and (inner > end or "bi_prep" in tokens[inner].prefixes)]
                        if outer and outer[0] not in (person, body):
                            found.append(_Found(person, "member_of", outer[0], None, 0.6))
        return found


def _as_state(found: _Found, voices: dict[str, str]) -> _Found:
    """An event's parties as the states they speak for; a place visited or struck stays the place
    (a claimed attack in London struck London, not Britain)."""
    if found.trigger is None:
        return found
    obj = found.object if found.predicate in _PLACE_TARGETS | _SITE_TARGETS else voices.get(found.object, found.object)
    return replace(found, subject=voices.get(found.subject, found.subject), object=obj)


def _one_per_span(mentions: list[tuple[Mention, str]]) -> tuple[list[tuple[Mention, str]], dict[str, tuple[str, ...]]]:
    """A sentence's mentions with one per span, and the entities a span stands for when it is a
    set's (دول المقاطعة: kg/ner.py makes one mention of it per state), keyed by the one kept."""
    kept: dict[tuple[int, int], tuple[Mention, str]] = {}
    members: dict[str, tuple[str, ...]] = {}
    for mention, entity in mentions:
        first = kept.setdefault((mention.tok_start, mention.tok_end), (mention, entity))
        if first[1] != entity:
            members[first[1]] = members.get(first[1], (first[1],)) + (entity,)
    return list(kept.values()), members


def _per_member(found: _Found, members: dict[str, tuple[str, ...]]) -> list[_Found]:
    """A fact of a set's span as one fact per state of the set (دعت دول المقاطعة: each state called)."""
    return [replace(found, subject=subject, object=obj)
            for subject in members.get(found.subject, (found.subject,)) for obj in members.get(found.object, (found.object,))]


def _once(found: list[_Found]) -> list[_Found]:
    """One event per fact of a sentence: a verb and its own verbal noun (أدى زيارة إلى تونس،
    أجرى اتصالا مع) or two phrases giving the same triple come out once, the surest kept."""
    best: dict[tuple, _Found] = {}
    for item in found:
        key = (item.subject, item.predicate, item.object, item.negated)
        if item.trigger is not None and (key not in best or item.confidence > best[key].confidence):
            best[key] = item
    return [item for item in found if item.trigger is None or best[(item.subject, item.predicate, item.object, item.negated)] is item]


def _quoted(tokens) -> list[bool]:
    """Tell for each token whether it stands inside quotation marks (a speaker's own words)."""
    inside, flags = False, []
    for token in tokens:
        if token.norm in ("«", "“"):
            inside = True
        elif token.norm in ("»", "”"):
            inside = False
        elif token.norm == '"':
            inside = not inside
        flags.append(inside)
    return flags


def _past_quote_marks(tokens, i: int) -> int:
    """Token i, or the quote mark right before it that opens a quotation there (إن X "هاجمت
    ..."); a word quoted alone is used in a figure (إيفانكا "تخطف" أنظار), not a quotation.
    Also past a quote mark that closes the name before (a headline: "آفاق تونس" يستنكر, its
    opening mark at times left out)."""
    quoted = _quoted(tokens)
    if i > 1 and tokens[i - 1].pos == "punc" and quoted[i - 1] and not quoted[i - 2] and i + 1 < len(tokens) and quoted[i + 1]:
        i -= 1
    if i > 1 and _closing_mark(tokens, i - 1):
        i -= 1
    return i


def _closing_mark(tokens, k: int) -> bool:
    """Tell whether token k is a quote mark that closes the word before it: written against
    that word, apart from the next (آفاق تونس" يستنكر; not إيفانكا "تخطف")."""
    return (tokens[k].norm in ('"', "»", "”") and 0 < k < len(tokens) - 1
            and tokens[k - 1].end == tokens[k].start and tokens[k].end < tokens[k + 1].start)


def _feminine_noun(token: Token) -> bool:
    """Tell whether a verb agrees with a noun in the feminine singular: a feminine noun (الحكومة،
    المستشارة، الميليشيا; not الحزب، الخليفة) or a plural (السلطات، الأحزاب، الاستخبارات: a body's)."""
    return token.gender == "f" or token.number == "p"


def _conjoined(token: Token, grammar: Grammar) -> bool:
    """Tell whether a word carries the conjunction و (ومصر), not a و of its own (واشنطن)."""
    if token.analysed:
        return any(p.startswith("wa_") for p in token.prefixes)
    return token.norm.startswith(tuple(grammar["conjunction"]))


def _descriptor_end(tokens, k: int, covered: set[int]) -> int:
    """The token after a definite noun and its definite adjectives at token k (المرشح
    الجمهوري، الوزيرة), outside any name; k when none stands there."""
    if k in covered or tokens[k].pos != "noun" or tokens[k].prefixes != ("Al_det",):
        return k
    end = k + 1
    while end < len(tokens) and end not in covered and tokens[end].pos == "adj" and tokens[end].prefixes == ("Al_det",):
        end += 1
    return end


def _known_with_letter(mention: Mention) -> bool:
    """Tell whether a name known to the knowledge base begins with what reads as a proclitic
    (بيونغ يانغ، بكين read ب + يونغ): the letter is the name's, no preposition governs it."""
    return mention.kb_id is not None and not mention.bare


def _described(mention: Mention) -> bool:
    """A state or person named by a description only (نظيره الصيني، هذه الدولة), not a body's bare noun (الحكومة)."""
    return not mention.named and not mention.nominal and mention.type in ("LOC", "PER")


def _named(mention: Mention) -> bool:
    """A place or body named by more than a bare noun (not قوات، قيادة alone)."""
    return mention.type == "LOC" or mention.tok_end - mention.tok_start > 1


def _describes(noun: Token, word: Token) -> bool:
    """Tell whether a word is an adjective agreeing with the definite noun before it
    (السفارة السعودية): a nisba that says whose the noun is, not a place of its own."""
    return noun.pos == "noun" and "Al_det" in noun.prefixes and word.pos == "adj" and "Al_det" in word.prefixes


def _imperfect(token: Token, grammar: Grammar) -> bool:
    """Tell whether a verb is in the present tense: a person prefix before its stem (تفرض
    of فرض), which a past form of the same verb lacks (تدخل of تدخل)."""
    word = token.norm[1:] if token.prefixes and token.prefixes[0].startswith(("wa_", "fa_")) else token.norm
    return token.pos == "verb" and word[:1] in grammar["present_prefix"] and not word.startswith(token.lemma[:2])


def _feminine_verb(token: Token, grammar: Grammar) -> bool:
    """Tell whether a verb has a feminine singular subject by its letters (زارت، تزور، اتهمتها)."""
    suffix = next(iter(grammar[token.enclitic]), "") if token.enclitic in _OBJECT_PRONOUNS else ""
    word = token.norm.removesuffix(suffix)
    letter = tuple(grammar["feminine_letter"])
    return (word.endswith(letter) and not token.lemma.endswith(letter)) or (_imperfect(token, grammar) and word.startswith(letter))


def _plural_verb(token: Token, grammar: Grammar) -> bool:
    """Tell whether a verb is plural or dual by its letters, not only by the analysis chosen:
    اعتقلوا، اجتمعا show it; أعلن may be read أعلنّ (3fp) but is far more often singular."""
    if token.number not in ("d", "p"):
        return False
    word, lemma = token.norm, token.lemma
    return word.endswith(tuple(grammar["plural_ending"])) or (word.endswith(tuple(grammar["number_letter"])) and not lemma.endswith(word[-1]))


def _portfolio_word(token: Token) -> bool:
    """A word of a minister's portfolio: definite, joined by و (الأوقاف والشؤون الدينية), or
    a bare noun that a definite one completes (شؤون الدفاع)."""
    return token.pos in ("noun", "adj") and token.prefixes in ((), ("Al_det",), ("wa_conj", "Al_det"), ("wa_part", "Al_det"), ("wa_sub", "Al_det"))


def _head(tokens, mentions, index: int) -> int:
    """The person a title phrase leads to: past a nisba (الرئيس الفرنسي) or the body or
    country the title is of (الأمين العام لحزب الله اللبناني، حسن نصر الله؛ زعيم كوريا
    الشمالية كيم جونغ أون؛ رئيس المجلس الرئاسي لحكومة الوفاق الوطني الليبية فائز السراج),
    the name that follows."""
    k = index
    while k + 1 < len(mentions):
        mention, following = mentions[k][0], mentions[k + 1][0]
        between = tokens[mention.tok_end : following.tok_start]
        # Between them only adjectives, punctuation or a definite noun that ends the body's
        # name (حزب حراك تونس الإرادة محمد المنصف المرزوقي).
        if not (mention.nominal or mention.type in ("ORG", "LOC")) or len(between) > 2 or not all(
            t.pos in ("adj", "punc") or (t.pos == "noun" and t.prefixes == ("Al_det",)) for t in between
        ):
            break
        if following.type == "PER":
            return index if _described(following) else k + 1  # الرئيس الكازاخي نظيره الروسي: the counterpart is another
        k += 1  # a body's name read as two (المجلس الرئاسي لحكومة الوفاق + الوفاق الوطني)
    return index


def _coordinated(tokens, mentions, index: int, grammar: Grammar) -> list[int]:
    """The subject and the subjects joined to it by و (دعت X والرئيس الفرنسي Y), a comma
    allowed before و when the next name or its title follows at once (أدانت فرنسا، وألمانيا،
    وبريطانيا إيران; not X، وهو رئيس Y: a pronoun opens an aside)."""
    chosen = [index]
    while True:
        end = mentions[chosen[-1]][0].tok_end
        following = [k for k in range(chosen[-1] + 1, len(mentions)) if mentions[k][0].tok_start - end <= _COORDINATION_GAP]
        if following and end + 1 < len(tokens) and tokens[end].norm in grammar["comma"] and _conjoined(tokens[end + 1], grammar) \
                and all(t.pos == "noun" for t in tokens[end + 1 : mentions[following[0]][0].tok_start]):
            end += 1  # X، وY
        if not following or end >= len(tokens) or not _conjoined(tokens[end], grammar):
            return chosen
        if any(t.pos == "verb" for t in tokens[end : mentions[following[0]][0].tok_start]):
            return chosen
        chosen.append(_head(tokens, mentions, following[0]))


def _coordinated_states(tokens, mentions, index: int, grammar: Grammar) -> list[int]:
    """The nisbas of states joined by و that mention `index` is one of (القوات الأمريكية
    والبريطانية، طائرات أمريكية وبريطانية: kg/ner.py makes each a nominal mention), in order,
    or [] when it is none."""
    def nisba(k: int) -> bool:
        return mentions[k][0].nominal and mentions[k][0].type == "LOC"

    def joined(k: int) -> bool:
        return _conjoined(tokens[mentions[k][0].tok_start], grammar)

    def at(start: int, end: int | None = None) -> int | None:
        return next((k for k in range(len(mentions)) if nisba(k) and (mentions[k][0].tok_end == end if end is not None
                                                                      else mentions[k][0].tok_start == start)), None)

    if not nisba(index):
        return []
    chain = [index]
    while joined(chain[0]) and (previous := at(0, mentions[chain[0]][0].tok_start)) is not None:
        chain.insert(0, previous)
    while (following := at(mentions[chain[-1]][0].tok_end)) is not None and joined(following):
        chain.append(following)
    return chain if len(chain) > 1 and not joined(chain[0]) else []


def _listed_before(tokens, mentions, index: int, grammar: Grammar) -> list[int]:
    """A subject before its verb and the names listed before it with و, a comma allowed
    (وكانت السعودية ومصر والإمارات والبحرين أعلنت)."""
    chosen = [index]
    while chosen[0] > 0 and _conjoined(tokens[mentions[chosen[0]][0].tok_start], grammar):
        previous = mentions[chosen[0] - 1][0]
        between = tokens[previous.tok_end : mentions[chosen[0]][0].tok_start]
        if previous.nominal or any(t.pos != "punc" for t in between):
            break
        chosen.insert(0, chosen[0] - 1)
    return chosen


def _governed(tokens, verb: int, start: int) -> bool:
    """Tell whether a preposition stands between a verb and a noun: then it is no subject."""
    between = tokens[verb + 1 : start + 1]
    return any(t.pos == "prep" for t in between[:-1]) or any(p in _PROCLITIC_PREPOSITIONS for p in between[-1].prefixes)


def _has_preposition(token: Token, prepositions: str, grammar: Grammar) -> bool:
    """Tell whether a word is, or carries, one of the prepositions ("ب|مع": either)."""
    for preposition in prepositions.split("|"):
        if token.norm == preposition or token.lemma == preposition and token.pos == "prep":
            return True
        if any(p in _PROCLITIC_PREPOSITIONS and preposition in grammar[p] for p in token.prefixes):
            return True
    return False


def _relation(doc: Document, sentence: Sentence, found: _Found, date: str | None) -> Relation:
    trigger = sentence.tokens[found.trigger] if found.trigger is not None else None
    return Relation(
        subject=found.subject,
        predicate=found.predicate,
        object=found.object,
        sentence=sentence.index,
        evidence=doc.body[sentence.start : sentence.end],
        start=sentence.start,
        end=sentence.end,
        trigger=trigger.text if trigger else None,
        trigger_start=trigger.start if trigger else None,
        trigger_end=trigger.end if trigger else None,
        confidence=found.confidence,
        negated=found.negated,
        date=date,
        attributed_to=found.attributed_to,
    )


def _inside(mention: Mention, outer: Mention) -> bool:
    """Tell whether a mention lies within another one (بشار الأسد in قوات الرئيس بشار الأسد)."""
    return outer.tok_start <= mention.tok_start and mention.tok_end <= outer.tok_end and outer is not mention


def _owners(tokens, mentions) -> list[int | None]:
    """The index in `mentions` of the mention each token belongs to, None outside every one."""
    owner: list[int | None] = [None] * len(tokens)
    for index, (mention, _) in enumerate(mentions):
        for k in range(mention.tok_start, mention.tok_end):
            owner[k] = index
    return owner
