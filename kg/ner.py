"""Find PER, ORG, LOC and MISC mentions: the tagger and the gazetteer, titles before names, bodies from head nouns."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.gazetteer import Gazetteer
from kg.kb import KBEntry, KnowledgeBase
from kg.lexicon import Lexicon, Title
from kg.link import names_holder
from kg.nlp import clitic_variants, normalize, remembered
from kg.tagger import word_shape
from kg.types import Document, Mention, Sentence, Token

_MAX_NAME_TOKENS = 6
# letters of a name's longest word: Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch has 58
_MAX_NAME_WORD = 60
_MAX_ORG_MODIFIERS = 3
_MAX_MODEL_LETTERS = 3  # the letters before a craft's number: بي-2، إف-16، ميغ-29
MODEL_TOKENS = 3
_MAX_PORTFOLIO_WORDS = 4  # وزير الأوقاف والشؤون الدينية الفلسطيني
_NAME_POS = frozenset({"noun_prop"})
_APPOSITION_MARKS = frozenset({"،", ",", '"', "«", "“"})
_TANWEEN = frozenset("\u064b\u064c\u064d")
# Alef maqsura ends an elative (الوسطى، الكبرى، الأعلى), never a nisba: normalised to ya, its word may be
# read as one (الوسطى as وسطي "environmental").
_ALEF_MAQSURA = "\u0649"
_MODIFIER_POS = frozenset({"noun", "adj", "noun_prop"})
# one-letter proclitics by their letter, whatever the database calls them (wa_conj, wa_part, wa_sub, bi_prep, ...)
_PROCLITICS = frozenset({"wa", "fa", "bi", "li", "ka"})
_CLAUSE_CONJUNCTION = "fa_conj"  # فـ "so, then": it joins clauses, never a title to its name
_COUNTERPART = "counterpart"  # titles.tsv's office of نظيره: the office of the one named before, in another state


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # token index in the sentence
    end: int
    type: str
    skip: int = 0  # letters of the first token that are clitics, not part of the name
    kb_id: str | None = None
    nominal: bool = False
    named: bool = True
    refers: tuple[str, ...] = ()  # a description's words (descriptions.tsv) whose state(s) `__call__` finds


class Recognizer:
    """Tags the names of one document; the gazetteer is built once from the knowledge base."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, tagger=None):
        self.kb = kb
        self.lexicon = lexicon
        self.name_links = lexicon.grammar["name_link"]  # بن، آل، عبد: the next word is of the same name
        self.verbal_nouns = _measures(lexicon.grammar["verbal_noun_pattern"])  # إفعال، مفاعلة: cues.tsv
        self.tagger = tagger  # kg.tagger.Tagger: draws the edges and types of names
        # A generated state body (وزارة خارجية كازاخستان) is found from its head noun, as a
        # description; a smaller city's machine-made name (مارتن) must be found by the tagger.
        self.gazetteer = Gazetteer((name, entry) for name, entry in kb.all_names() if not entry.is_generated and not entry.minor)
        # A smaller place's name of two words or more is no common phrase: it makes one name of
        # the tagger's place words it holds (خان + شيخون، شرم + الشيخ).
        self.whole_places = Gazetteer((name, entry) for name, entry in kb.all_names()
                                      if entry.minor and entry.type == "LOC" and len(name.split()) > 1)
        self._nisba_countries: dict[str, KBEntry | None] = {}  # word -> kb.country_of_nisba (a scan of all countries)
        # descriptions.tsv by first word; the states each may be, as KB ids (empty: any state)
        self._descriptions: dict[str, list[tuple[str, ...]]] = {}
        for words in lexicon.descriptions:
            self._descriptions.setdefault(words[0], []).append(words)
        self._description_states = {
            words: frozenset(entry.id for name in description.states for entry in kb.lookup(name) if entry.is_country)
            for words, description in lexicon.descriptions.items()}
        # a set's states in the file's order (دول المقاطعة: السعودية، الإمارات، البحرين، مصر)
        self._set_states = {
            words: list(dict.fromkeys(entry.id for name in description.states for entry in kb.lookup(name) if entry.is_country))
            for words, description in lexicon.descriptions.items() if description.refers == "set"}

    def __call__(self, doc: Document, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
        """Return the mentions of every sentence, in text order."""
        mentions = []
        surnames: dict[str, str | None] = {}  # a person's last word -> the person's entry, if known
        states: list[str] = []  # the states named so far, nisbas included (السلطات الفرنسية … في البلاد), in text order (KB ids)
        ya_names = self._ya_names_spelt(sentences)
        for sentence in sentences:
            for span in self.match(sentence.tokens, doc.date, surnames.copy(), ya_names):
                if span.refers and self.lexicon.descriptions[span.refers].refers == "set":
                    # دول المقاطعة: one mention of the span per state of the set
                    mentions.extend(_mention(doc, sentence, member) for member in self._members_described(span, states))
                    continue
                if span.refers and (span := self._state_described(span, states)) is None:
                    continue  # no state named before it: the description stands for no one
                mentions.append(_mention(doc, sentence, span))
                if surname := _surname(sentence.tokens, span, self.name_links):
                    surnames.setdefault(surname, span.kb_id)
                if span.type == "LOC" and span.named and (entry := self.kb.get(span.kb_id or "")) is not None and entry.is_country:
                    states.append(entry.id)
        return tuple(mentions)

    def _ya_names_spelt(self, sentences: tuple[Sentence, ...]) -> frozenset[str]:
        """The given names of cues.tsv kind ya_name (علي) that the article writes apart from their
        particle: it writes the particle with a final ى (على) elsewhere, so the word with ي is the name."""
        names = self.lexicon.grammar["ya_name"]
        particles = {name[:-1] + "ى": name for name in names}
        written = {particles[t.text] for s in sentences for t in s.tokens if t.text in particles}
        # with a conjunction too (وعلي بن سالم), which no particle takes before على in a name
        return frozenset(written | {"و" + name for name in written})

    def _state_described(self, span: _Span, states: list[str]) -> _Span | None:
        """A description's span with the last state named before it that it may be (هذه الدولة, المملكة), or None."""
        allowed = self._description_states[span.refers]
        state = next((state for state in reversed(states) if not allowed or state in allowed), None)
        return replace(span, kb_id=state) if state else None

    def _members_described(self, span: _Span, states: list[str]) -> list[_Span]:
        """A set's span once per state of it the article named before it, or per state of the set
        when it named one or none (السعودية وحلفاؤها … الدول المقاطعة: the set, not Saudi Arabia)."""
        members = self._set_states[span.refers]
        named = [state for state in members if state in states]
        return [replace(span, kb_id=state) for state in (named if len(named) > 1 else members)]

    def match(self, tokens: tuple[Token, ...], date: str | None = None, surnames: dict[str, str | None] | None = None,
              ya_names: frozenset[str] = frozenset()) -> list[_Span]:
        """Find the name spans of one sentence (pure: no state is kept).

        Args:
            tokens: the sentence's tokens.
            date: the article's date, to tell who held an office (الرئيس الفرنسي in 2017).
            surnames: last words of the people the article named in full before this sentence, with their entries.
            ya_names: the words that are given names in this article, not the particle the database read (`_ya_names_spelt`).
        """
        # The tagger reads the words as it was trained on them; the rules read such a word as a name.
        tagged = self.tagger.spans(tokens) if self.tagger is not None else []
        tokens = tuple(_as_name(t) if t.text in ya_names else t for t in tokens)
        norms = [t.norm for t in tokens]
        spans: list[_Span] = []
        taken = [False] * len(tokens)

        def add(span: _Span) -> None:
            spans.append(span)
            for k in range(span.start, span.end):
                taken[k] = True

        def add_known(span: _Span) -> None:
            # a known body's nisba still says whose it is (وكالة المخابرات المركزية الأمريكية)
            add(span)
            if span.type == "ORG":
                spans.extend(self._nisbas_inside(tokens, span))

        known = [self._gazetteer_at(tokens, norms, i) for i in range(len(tokens))]
        whole_places = [self._gazetteer_at(tokens, norms, i, self.whole_places) for i in range(len(tokens))]
        # The tagger, trained on gold names, draws their edges and types; the gazetteer
        # adds the known names it missed.
        if self.tagger is not None:
            for found in map(_without_prepositional_phrase(tokens, known), tagged):
                # A name ends before the complementizer أن or إن, which opens another clause (أعلنت قناة البي
                # بي سي + أن لوبن اتصلت): the words after it are left to the rules below.
                found = replace(found, end=next((k for k in range(found.start + 1, found.end) if self._complementizer(tokens, k)), found.end))
                if any(taken[found.start : found.end]):
                    continue
                # A definite adjective after a definite noun agrees with it and opens no body's name; so
                # does a word the database does not know with the article and the noun's feminine ending
                # (مساندتها + اللامشروطة للجيش العربي السوري). After an indefinite noun it is a genitive
                # (مسجد + النبي يونس). A nisba there names its country (rules below); a person's or a
                # place's name may open with such a word (الهاشمي الحامدي، مدينة الحسيمة الساحلية).
                while (found.type in ("ORG", "MISC") and found.start < found.end - 1 and found.start > 0
                       and tokens[found.start - 1].pos == "noun" and _definite_noun(tokens[found.start - 1])
                       and (_definite_adjective(tokens[found.start]) or self._agreeing_unknown(tokens, found.start))
                       and not self._nisba_at(tokens, found.start) and not known[found.start]):
                    found = replace(found, start=found.start + 1)
                # An indefinite plural common noun and the common words after it, glued to a known name,
                # are no name (دعا خامنئي + شعراء لهجو + السعودية، صحف + ميشيغان): the known name is the
                # gazetteer's. A body's name may be one (سرايا الدفاع). Without a known name after it the
                # plural is as often a name's (حسان الفطحلي، حدائق المعادي، ستون دقيقة): left alone.
                if found.type != "ORG" and self._common_plural_at(tokens, known, found):
                    continue
                # A known name holding the tagger's gives the knowledge base's edges, type
                # and entry; it may start before it on names only (سان + بطرسبرغ), not on a
                # common noun (حركة + حماس، دولة + قطر, where gold names the name alone),
                # unless it also goes on after it (بحر + الصين + الجنوبي), names a sea or a region,
                # whose common noun is part of its name (بحر + إيجة), or is a body named after a
                # place (المجموعة الدولية لدعم + سوريا is not Syria).
                holding = [k for k in known[max(found.start - _MAX_NAME_TOKENS, 0) : found.start + 1]
                           if k and k.start <= found.start and k.end >= found.end and not any(taken[k.start : k.end])
                           and (k.end > found.end or self.kb.get(k.kb_id).region or (k.type == "ORG" and found.type != "ORG")
                                or all(t.pos in _NAME_POS or not t.analysed for t in tokens[k.start : found.start]))]
                # A smaller place's whole name holding more than a tagger place (خان + شيخون), or
                # just what the tagger read as a person (تيزي وزو), is that place.
                holding += [k for k in whole_places[max(found.start - _MAX_NAME_TOKENS, 0) : found.start + 1]
                            if k and k.start <= found.start and k.end >= found.end and not any(taken[k.start : k.end])
                            and (k.end - k.start > found.end - found.start if found.type == "LOC"
                                 else found.type == "PER" and k.start == found.start)
                            and all(t.pos in _NAME_POS or not t.analysed for t in tokens[k.start : found.start])]
                if holding:
                    add_known(max(holding, key=lambda k: k.end - k.start))
                    continue
                # A place noun opens no place's name (بولاية + كوينزلاند، محافظة + الدقهلية: gold names
                # the place alone), and is none by itself; a known place after it is that place. A place
                # named after a person keeps it (جزيرة الأمير إدوارد، مدينة الملك عبد الله).
                if (found.type == "LOC" and self.lexicon.cue(norms[found.start]) == "place" and not known[found.start]
                        and self.lexicon.title_at(norms, found.start + 1) is None):
                    found = replace(found, start=found.start + 1)
                    if found.start == found.end:
                        continue
                    after = [k for k in (known[found.start], whole_places[found.start]) if k and k.type == "LOC" and k.end >= found.end
                             and not any(taken[k.start : k.end])]
                    if after:  # also a smaller place's whole name the tagger cut (بمحافظة تيزي + وزو)
                        add_known(max(after, key=lambda k: k.end - k.start))
                        continue
                # The surname of a person the article named in full is that person (كيليان كونواي ...
                # تظهر فيها كونواي), unless a place noun says it is a place (منطقة بريتاني).
                if (found.type == "LOC" and not known[found.start]
                        and not (found.start > 0 and self.lexicon.cue(norms[found.start - 1]) == "place")
                        and (person := self._person_after(tokens, known, found.start, found.end, surnames or {}))):
                    add(person)
                    continue
                # A known place glued to a person's name is two names (رفضت الولايات المتحدة + فياض):
                # a known person's, or the surname of one the article named in full.
                if found.type == "LOC" and (place := known[found.start]) and place.type == "LOC" and place.end < found.end:
                    if person := self._person_after(tokens, known, place.end, found.end, surnames or {}):
                        add_known(place)
                        add(person)
                        continue
                # So is a known name glued to a known place (دعا رئيس المجلس التابع للاتحاد الأوروبي + موسكو),
                # unless the place is a nisba that describes the name (جريدة الرياض السعودية) or is
                # after a preposition, where gold keeps it in the name (للأمم المتحدة بنيويورك).
                if ((head := known[found.start]) and head.end < found.end and (tail := known[head.end])
                        and tail.type == "LOC" and tail.end == found.end and tail.kb_id != head.kb_id
                        and not self._nisba_at(tokens, head.end) and not _proclitic_letters(tokens[head.end])):
                    add_known(head)
                    add_known(tail)
                    continue
                # A definite nisba before a name agrees with the noun before it (نظيره الكازاخي مختار
                # تيلوبيردي، الرئيس البيلاروسي ألكسندر لوكاشنكو): it names the country, not the person.
                # So does one on و after another name (الرئيسان القرغيزي صدر جباروف والطاجيكي إمام علي رحمن).
                # So does one the tagger took for a place after a place noun (العاصمة البيلاروسية مينسك).
                after_place_noun = found.type == "LOC" and found.start > 0 and self.lexicon.cue(tokens[found.start - 1].norm) == "place"
                while ((found.type == "PER" or after_place_noun) and found.start < found.end
                       and ((tokens[found.start].norm.startswith("ال") and (nisba := self._nisba_at(tokens, found.start)))
                            or (found.type == "PER" and (country := self._conjoined_nisba(tokens[found.start])) and (nisba := (country, found.start + 1))))
                       and nisba[1] <= found.end):
                    add(_Span(found.start, nisba[1], "LOC", kb_id=nisba[0].id, nominal=True))
                    found = replace(found, start=nisba[1])
                if found.start == found.end:
                    continue
                # A country's nisba after a place says where it is and is no part of its name
                # (تكساس + الأمريكية، جزيرة فارماكونيسي + اليونانية): the nisba rule below makes it
                # the country's mention.
                nisba_start = next((k for k in range(max(found.start + 1, found.end - 2), found.end)
                                    if (nisba := self._nisba_at(tokens, k)) and nisba[1] == found.end), None)
                if found.type == "LOC" and nisba_start is not None:
                    found = replace(found, end=nisba_start)
                # So is any adjective after a known place whose longer name the KB does not hold
                # (جمهورية مصر + العربية، دول الخليج + العربية).
                head = known[found.start]
                if (found.type == "LOC" and head and head.type == "LOC" and head.end < found.end
                        and all(_definite_adjective(t) for t in tokens[head.end : found.end])):
                    add_known(head)
                    continue
                # A known person's whole name ends the tagger's name a word early: a word the
                # database knows after it opens the next phrase (طالب إردوغان + أكراد العراق).
                if found.type == "PER" and self._whole_name_before(tokens, known[found.start], found):
                    add(known[found.start])
                    continue
                # A known surname at the head of the tagger's name ends one person's name;
                # another begins after it (وعين ماكرون سيلفي جولار), also at a word with a proclitic,
                # which no word inside a name takes (التقى ماكرون + ببريجيت).
                if found.type == "PER" and (head := self._surname_at(tokens, known[found.start], found)):
                    add(head)
                    found = replace(found, start=head.end)
                # A group's head word opens an organisation, not a thing: the tagger's name with
                # it (ميليشيات الحوثي) is one; the head alone is left to the head-noun rule below
                # (ميليشيا + الدعم السريع).
                if found.type == "MISC" and self.lexicon.cue(norms[found.start]) == "group":
                    if found.end == found.start + 1:
                        continue
                    found = replace(found, type="ORG")
                end = found.end
                # A body's name of a head and a definite genitive goes on with the adjectives that
                # agree with its head (مجلس الأمن + الجماعي is not مجلس الأمن); after a proper noun an
                # adjective only describes (تنظيم داعش الإرهابي), and a nisba says whose the body is.
                # Another adjective may follow one, agreeing with a noun of the name (الهيئة العليا +
                # المستقلة), unless بـ or لـ follows it: a participle and its complement say what the
                # body does (مجلس الأمن القومي + التابع للبيت الأبيض، لجنة الأمم المتحدة + المعنية بـ).
                while (found.type == "ORG" and end < len(tokens) and not taken[end] and _definite_adjective(tokens[end])
                       and "Al_det" in tokens[end - 1].prefixes and not self._nisba_at(tokens, end)
                       and (tokens[end - 1].pos == "noun" or (tokens[end - 1].pos == "adj" and self._second_adjective(tokens, found.start, end)))):
                    end += 1
                # A name does not end on a kinship link (تميم بن حمد آل + ثاني).
                while (found.type == "PER" and end < len(tokens) and norms[end - 1] in self.name_links and not taken[end]
                       and norms[end].isalpha() and not tokens[end].prefixes):
                    end += 1
                # A known person's name written with a hyphen (كيم جونغ-أون) goes on across it.
                if found.type == "PER" and not any(taken[end : end + 2]) and (whole := self._across_hyphen(tokens, found.start, end)):
                    add(whole)
                    continue
                skip = self._name_proclitics(tokens, found.start) if found.type == "PER" else _proclitic_letters(tokens[found.start])
                add(_Span(found.start, end, found.type, skip))
        for i, span in enumerate(known):
            if span and not any(taken[span.start : span.end]):
                add_known(span)
        # A given name the database read as a particle (علي) is a word of the person's name beside it,
        # with the name words after it (منذر بالحاج + علي، محمد + علي البرهومي): `_join_adjacent_names` joins them.
        # After a name, a common word that follows is what the particle governs, misspelt (الغنوشي علي هامش).
        accusative = tuple(self.lexicon.grammar["accusative_ending"])
        for i in range(len(tokens)):
            if not (tokens[i].text in ya_names and not taken[i]):
                continue
            governs = i + 1 < len(tokens) and tokens[i + 1].pos in ("noun", "adj") and tokens[i + 1].analysed
            # a name on و after it is the next one of a list (بالحاج علي + ووليد الجلاد)
            if any(s.type == "PER" and ((s.start == i + 1 and not s.skip) or (s.end == i and not governs)) for s in spans):
                end = i + 1
                # an indefinite accusative after the name says what the person is made (محمد علي البرهومي + واليا)
                while (end < len(tokens) and end - i < _MAX_NAME_TOKENS and self._name_token(tokens, end, taken)
                       and not norms[end].endswith(accusative)):
                    end += 1
                add(_Span(i, end, "PER", _proclitic_letters(tokens[i])))
        # A person named in full once is then named by surname, often a common word the tagger
        # reads as one (يوسف الشاهد ... وقال الشاهد، أحمد الشرع ... ووصل الشرع).
        # A surname the knowledge base knows as someone else's (الشرع) is left to the tagger, and
        # so is a word read as a particle, a cue (ماي the month, السيد) or a nisba (التونسي).
        for i in range(len(tokens)):
            found = next(((variant, skip) for variant, skip in clitic_variants(norms[i]) if variant in (surnames or {})), None)
            if (found and not taken[i] and (surnames[found[0]] is not None or known[i] is None)
                    and (tokens[i].pos in _MODIFIER_POS or not tokens[i].analysed) and self.lexicon.cue(norms[i]) is None
                    and not self.lexicon.is_time(norms[i]) and not self._nisba_at(tokens, i)):
                add(_Span(i, i + 1, "PER", found[1], kb_id=surnames[found[0]]))
        for i in range(len(tokens)):
            if not taken[i] and (title := self._free_title_at(norms, taken, i)):
                end = i + len(title.words)
                for k in range(i, end):  # a title (وزير الخارجية) is no organisation name
                    taken[k] = True
                # After a name the title is its apposition (لوران فابيوس وزير الخارجية الفرنسي),
                # never the name of an office's holder.
                mark = int(i > 0 and tokens[i - 1].norm in _APPOSITION_MARKS)
                after_name = any(s.type == "PER" and s.end == i - mark for s in spans)
                persons = frozenset(s.start for s in spans if s.type == "PER" and s.kb_id)  # known names are whole
                # a state's name with no person's name found right after it (أمير قطر تميم بن حمد names him)
                named_after = {s.start for s in spans if s.type == "PER"}
                states = {s.start: s for s in spans if s.type == "LOC" and not s.nominal and s.end not in named_after
                          and s.kb_id and (entry := self.kb.get(s.kb_id)) is not None and entry.is_country}
                phrase = self._title_phrase(tokens, norms, i, title, taken, date, after_name, persons, states)
                for span in phrase:
                    add(span)
                _person_after_title(tokens, spans, end)
                self._holder_named(tokens, spans, phrase, title, date)
        # A body the tagger did not name is described (وزارة الخارجية، الحكومة): an
        # entity of the graph, not a name.
        for i in range(len(tokens)):
            if not taken[i] and (span := self._organisation_at(tokens, i, taken)):
                add(span)
                spans.extend(self._nisbas_inside(tokens, span))
        # A description stands for a state (الدولة العبرية، هذه الدولة، المملكة): a party of
        # events, not a name; `__call__` finds the state one that points back refers to.
        for i in range(len(tokens)):
            if not taken[i] and (span := self._description_at(norms, i, taken)):
                add(span)
        # After مدينة / العاصمة a proper noun is a place, known to the database or not. A
        # word the database does not know is no name by itself: on the ANERcorp dev slice
        # 5 of 33 such words the tagger left were names.
        for i in range(1, len(tokens)):
            # A smaller place's whole name there is that place (محافظة دير الزور).
            whole = whole_places[i]
            if (whole and self.lexicon.cue(tokens[i - 1].norm) == "place" and not whole.skip
                    and not any(taken[whole.start : whole.end])):
                add_known(whole)
                continue
            if (
                not taken[i]
                and self.lexicon.cue(tokens[i - 1].norm) == "place"
                and (_unknown_word(tokens[i]) or tokens[i].pos in _NAME_POS or self._minor_place(tokens, i))
                and not self._nisba_at(tokens, i)
            ):
                end = i + 1
                while end < len(tokens) and not taken[end] and _unknown_word(tokens[end]) and end - i < _MAX_NAME_TOKENS:
                    end += 1
                add(_Span(i, end, "LOC"))
        # After a facility noun in construct (قاعدة، مطار) a word the database does not know, or a proper
        # noun, is the facility's own name, article and all (قاعدة الشعيرات، مطار حميميم): a place of its
        # own, as `_region_part` makes one of a facility named after a known place (مطار الخرطوم).
        for i in range(1, len(tokens)):
            facility = tokens[i - 1]
            if (not taken[i - 1] and not taken[i] and self.lexicon.cue(facility.norm) == "facility" and "Al_det" not in facility.prefixes
                    and (tokens[i].pos in _NAME_POS or not tokens[i].analysed) and tokens[i].norm.isalpha()
                    and not self.lexicon.is_time(tokens[i].norm) and not self._nisba_at(tokens, i)):
                end = i + 1
                while end < len(tokens) and norms[end - 1] in self.name_links and not taken[end] and norms[end].isalpha():
                    end += 1  # مطار آل + مكتوم
                add(_Span(i - 1, end, "LOC", _proclitic_letters(facility)))
        # A nisba after a place or a place noun names the country it is in (مدينة
        # أتلانتا الأمريكية، العاصمة الفرنسية باريس).
        places = {span.end for span in spans if span.type == "LOC" and not span.nominal}
        for i in range(1, len(tokens)):
            after_place = i in places or self.lexicon.cue(tokens[i - 1].norm) == "place"
            if not taken[i] and after_place and (nisba := self._nisba_at(tokens, i)):
                country, end = nisba
                add(_Span(i, end, "LOC", kb_id=country.id, nominal=True))
        # A nisba after an act's noun names the state that did it (غارات أمريكية على، الانتشار
        # العسكري الأميركي في): kg/relations.py reads it as the actor when a target is named;
        # so does a nisba after the arms a state fights with (طائرات أمريكية، cues.tsv kind arms).
        # The craft's model may stand between (قاذفات بي-2 أمريكية، مقاتلات إف-16 إسرائيلية).
        for i in range(1, len(tokens)):
            model = i - MODEL_TOKENS if craft_model_at(tokens, i - MODEL_TOKENS) and not any(taken[i - MODEL_TOKENS : i]) else i
            j = model - 1
            while j > 0 and tokens[j].pos == "adj" and not taken[j]:
                j -= 1  # الانتشار العسكري الأميركي
            if not taken[i] and not taken[j] and tokens[j].pos == "noun" \
                    and (((tokens[j].lemma, "noun") in self.lexicon.triggers and model == i) or self.lexicon.cues.get(tokens[j].lemma) == "arms") \
                    and (nisba := self._nisba_at(tokens, i)):
                country, end = nisba
                add(_Span(i, end, "LOC", kb_id=country.id, nominal=True))
                # Nisbas side by side after it, a dash allowed between, name the other parties
                # of an act between states (محادثات سعودية - أمريكية، لقاء ليبي جزائري).
                end += end + 1 < len(tokens) and tokens[end].norm in self.lexicon.grammar["dash"]
                while end < len(tokens) and not taken[end] and (nisba := self._nisba_at(tokens, end)):
                    add(_Span(end, nisba[1], "LOC", kb_id=nisba[0].id, nominal=True))
                    end = nisba[1]
        # A nisba joined by و to a state's nisba names another state (القوات الأمريكية والبريطانية،
        # طائرات أمريكية وبريطانية): the forces or arms are both states'.
        for span in [s for s in spans if s.nominal and s.type == "LOC" and s.kb_id]:
            if span.end < len(tokens) and not taken[span.end] and (other := self._coordinated_nisba(tokens, span.end)):
                add(other)
        # «نظيره» + a nisba with no name after it is a party (استقبل وزير الخارجية القطري نظيره التركي).
        spans = [self._counterpart(tokens, norms, s, spans, date) if s.type == "LOC" and s.nominal else s for s in spans]
        # A run of letters longer than any name's word (a page of text without spaces) is no name.
        spans = [self._region_part(tokens, s) for s in spans if all(len(t.text) <= _MAX_NAME_WORD for t in tokens[s.start : s.end])]
        # A passive participle of an act (events/*.frames.tsv, pos passive) says what was done to
        # the name before it and is no part of it (حكومة الوفاق الوطني + المدعومة من الأمم المتحدة).
        spans = [replace(s, end=s.end - 1) if s.end - s.start > 1 and (tokens[s.end - 1].lemma, "passive") in self.lexicon.triggers else s
                 for s in spans]
        spans = _without_latin_repeats(tokens, sorted(spans, key=lambda s: (s.start, -s.end)))
        return self._join_construct_bodies(tokens, self._join_adjacent_names(tokens, spans))

    def _complementizer(self, tokens, k: int) -> bool:
        """Tell whether token k is a bare أن or إن opening a clause: not one with a pronoun, which may be
        a word of a name (منظمة "أنا يقظ"), nor a letter between an abbreviation's (تي ان تي)."""
        return (tokens[k].pos in ("conj_sub", "verb_pseudo") and tokens[k].lemma in self.lexicon.grammar["that"] and not tokens[k].enclitic
                and not (k + 1 < len(tokens) and tokens[k + 1].pos == "abbrev"))

    def _description_at(self, norms: list[str], i: int, taken: list[bool]) -> _Span | None:
        """The description of descriptions.tsv at token i, clitics allowed on its first word (وهذه الدولة)."""
        for variant, skip in clitic_variants(norms[i]):
            for words in self._descriptions.get(variant, ()):
                end = i + len(words)
                if tuple(norms[i + 1 : end]) == words[1:] and not any(taken[i:end]):
                    states = self._description_states[words]
                    if self.lexicon.descriptions[words].refers == "fixed":
                        return _Span(i, end, "LOC", skip, kb_id=next(iter(states), None), named=False) if states else None
                    return _Span(i, end, "LOC", skip, named=False, refers=words)
        return None

    def _name_proclitics(self, tokens, k: int) -> int:
        """Letters of the proclitics before the person's name at token k, none of them the name's own:
        a given name the analyser reads as a clitic and a word (برهان as بـ + رهان، فيصل as فـ + يصل،
        وجدي as و + جدي) keeps its letters when the rest begins no known person's name. A ف alone
        after a word is the name's too (الزعيم الكوبي فيدال، قال فيدال): the conjunction فـ opens a
        clause, after punctuation or at the sentence's start."""
        token = tokens[k]
        letters = _proclitic_letters(token)
        if not letters or token.norm[letters:] in self.kb.given_names:
            return letters
        if token.prefixes[:1] == (_CLAUSE_CONJUNCTION,) and letters == 1 and k > 0 and tokens[k - 1].pos != "punc":
            return 0
        return next((j for j in range(letters - 1, -1, -1) if token.norm[j:] in self.kb.given_names), letters)

    def _free_title_at(self, norms: list[str], taken: list[bool], i: int) -> Title | None:
        """The title at token i that ends before a name found already (رئيس + الجمهورية التونسية)."""
        # Most words open no title: that is one look-up per clitic-free form, not one per title length.
        if not self.lexicon.title_heads(norms[i]):
            return None
        window = norms[i : i + self.lexicon.max_title_words]
        free = next((k for k in range(len(window)) if taken[i + k]), len(window))
        return self.lexicon.title_at(window[:free], 0)

    def _surname_at(self, tokens, known: _Span | None, found: _Span) -> _Span | None:
        """A known person's name that begins the tagger's span, begins none of that person's
        longer names (ماكرون; not الباجي of الباجي قائد السبسي) and leaves a name of two
        words or more after it, or one with a conjunction or preposition on it (ببريجيت), not
        opening with a kinship link."""
        if known is None or known.type != "PER" or known.kb_id is None or known.skip or found.end <= known.end:
            return None
        if found.end - known.end < 2 and not _proclitic_letters(tokens[known.end]):
            return None
        if tokens[known.end].norm in self.name_links:
            return None  # مشعل بن عبد العزيز: a kinship link goes on with the same name
        words = [t.norm for t in tokens[known.start : known.end]]
        entry = self.kb.get(known.kb_id)
        longer = [normalize(n).split() for n in entry.names_ar] if entry is not None else []
        return None if any(len(n) > len(words) and n[: len(words)] == words for n in longer) else known

    def _across_hyphen(self, tokens, start: int, end: int) -> _Span | None:
        """The known person's name of the tagger's words, a hyphen written without spaces and the word after it."""
        if not (end + 1 < len(tokens) and _next_to(tokens, end, end + 1)):
            return None
        rest = tuple(t.norm for t in tokens[start + 1 : end]) + (tokens[end + 1].norm,)
        for variant, skip in clitic_variants(tokens[start].norm):
            entry = next((entry for words, entry in self.gazetteer.starting(variant) if words == rest), None)
            if entry is not None and entry.type == "PER":
                return _Span(start, end + 2, "PER", skip, entry.id)
        return None

    def _whole_name_before(self, tokens, known: _Span | None, found: _Span) -> bool:
        """Tell whether a known person's name of two words or more covers the tagger's span
        but its last word, a word the database knows (no foreign name's part) and no kinship link."""
        if known is None or known.type != "PER" or known.kb_id is None or known.end - known.start < 2 or found.end != known.end + 1:
            return False
        following = tokens[known.end]
        return following.analysed and not following.respelled and following.norm not in self.name_links

    def _gazetteer_at(self, tokens, norms: list[str], i: int, gazetteer: Gazetteer | None = None) -> _Span | None:
        """The longest known name at token i, in the main gazetteer or the one given."""
        for rest, entry, skip in (gazetteer or self.gazetteer).names_at(norms[i]):
            end = i + 1 + len(rest)
            if tuple(norms[i + 1 : end]) != rest:
                continue
            # A one-word town name that the database reads as a common word (مركز "centre")
            # is that word; real place names are proper nouns there (القاهرة، صفاقس).
            token = tokens[i]
            if not rest and entry.type == "LOC" and entry.country and token.pos != "noun_prop" and not token.respelled:
                continue
            # وروسيا اليوم الثلاثاء: a name ending in "today" before a day's name is a shorter
            # name and the time (Russia, today, Tuesday), not the channel روسيا اليوم.
            if rest and end < len(tokens) and self.lexicon.cue(norms[end - 1]) == "today" and (self.lexicon.cue(norms[end]) or "").startswith("day-"):
                continue
            # مجلس الأمن القومي is not مجلس الأمن: a further definite adjective names
            # another body, unless it is a nisba (وزارة الخارجية الأمريكية).
            if entry.type == "ORG" and end < len(tokens) and _definite_adjective(tokens[end]):
                if not self._nisba_at(tokens, end):
                    return None
            return _Span(i, end, entry.type, skip, entry.id)
        return None

    def _title_phrase(self, tokens, norms, i: int, title: Title, taken: list[bool], date: str | None, after_name: bool = False,
                      persons: frozenset[int] = frozenset(), states: dict[int, _Span] | None = None) -> list[_Span]:
        """Spans of a title phrase: nisba adjectives as places, then the person's name.

        With no name, a title and a nisba still name one person when the knowledge base
        knows who held the office then (الرئيس الكازاخي → Tokayev), and so does a title in
        construct with the name of a state found already (`states`, by first token; وزير خارجية
        روسيا → Lavrov), the state staying a mention of its own.
        """
        spans, countries, former = [], [], False
        j = i + len(title.words)
        if not after_name and j in (states or {}) and (holder := self._holder_of_state(tokens, title, states[j], taken, date)):
            return [_Span(i, j, "PER", kb_id=holder.id, named=False)]  # a party as نظيره الصيني is
        # A minister's portfolio stands between the title and the nisba (وزير العمل السعودي;
        # وزير الأوقاف والشؤون الدينية الفلسطيني).
        if title.takes_portfolio:
            end = j
            while end < len(tokens) and end - j < _MAX_PORTFOLIO_WORDS and _portfolio_word(tokens[end]) and not self._nisba_at(tokens, end):
                end += 1
            if end > j and end < len(tokens) and self._nisba_at(tokens, end):
                j = end
        while j < len(tokens) and not taken[j] and (nisba := self._nisba_at(tokens, j)):
            country, end = nisba
            spans.append(_Span(j, end, "LOC", kb_id=country.id, nominal=True))
            countries.append(country)
            j = end
            # Other adjectives of the title may follow the nisba (الرئيس الفرنسي الجديد); a word of
            # a past office, whichever part of speech the analyser gives it (المخلوع is read as a noun).
            while j < len(tokens) and not taken[j] and not self._nisba_at(tokens, j):
                was = self.lexicon.cue(tokens[j].norm) == "former"
                if not (was or _definite_adjective(tokens[j])):
                    break
                former = former or was
                j += 1
        # A name follows: found already, or a proper noun (الرئيس المصري الأسبق حسني مبارك).
        named = j < len(tokens) and (taken[j] or any(t.pos in _NAME_POS or not t.analysed for t in tokens[j : j + 2]))
        known = j in persons  # the title's person is known and named whole; what follows is another phrase
        while j < len(tokens) and taken[j]:
            j += 1
        if known:
            return spans + (self._conjoined_holders(tokens, j, taken) if countries else [])
        if j < len(tokens) and (body := self._organisation_at(tokens, j, taken)):
            spans.append(body)  # المتحدث باسم الشرطة جوزيف ...
            spans.extend(self._nisbas_inside(tokens, body))  # مدير وكالة المخابرات المركزية الأمريكية
            j = body.end
        if j < len(tokens) and tokens[j].norm in _APPOSITION_MARKS:
            j += 1  # والي تونس، فاخر القفصي
        elif j == i + len(title.words) and _in_construct(title) and j < len(tokens) and not taken[j] and tokens[j].norm.startswith("ال"):
            j += 1  # an indefinite title governs the definite word after it: عضو التنسيقية صالح الزغيدي
        end = j
        # A given name the analyser reads as a verb (يحيى: he lives) still opens the name.
        if j < len(tokens) and not taken[j] and tokens[j].pos == "verb" and not tokens[j].prefixes and tokens[j].norm in self.kb.given_names:
            end = j + 1
        while end < len(tokens) and end - j < _MAX_NAME_TOKENS and self._name_token(tokens, end, taken):
            end += 1
            # Kinship links go on with the next name (عبد الله بن فيصل آل سعود).
            if end + 1 < len(tokens) and tokens[end].norm in self.name_links and self._name_token(tokens, end + 1, taken):
                end += 1
        # A given name alone takes a definite word after it as its surname, even one that reads as
        # an adjective or a common noun (يحيى السريع، لمياء المليح); a bare noun after it is more
        # often the phrase's (رئيس أكبر مجموعة).
        if end == j + 1 and tokens[j].norm in self.kb.given_names and end < len(tokens) and self._surname_word(tokens, end, taken):
            end += 1
        if end > j:
            spans.append(_Span(j, end, "PER"))
        # With no name, only a term known to cover the date names the holder: one known only to
        # its years leaves the first and last of them to its predecessor or successor.
        elif not named and not former and not after_name and len(countries) == 1 and (holder := self.kb.office_holder(title.role_en, countries[0].id, date, surely=True)):
            spans.append(_Span(i, i + len(title.words), "PER", kb_id=holder.id, nominal=True))
            return spans
        # The nisba may be the tagger's already (الرئيسان القرغيزي صدر جباروف).
        if countries or (i + len(title.words) < len(tokens) and self._nisba_at(tokens, i + len(title.words))):
            spans.extend(self._conjoined_holders(tokens, end, taken))
        return spans

    def _holder_of_state(self, tokens, title: Title, state: _Span, taken: list[bool], date: str | None) -> KBEntry | None:
        """Who surely held, on the date, the office of an indefinite title in construct with the
        state named after it (رئيس بيلاروس، وزير خارجية روسيا), when no name, comma or word of a
        past office follows the state (رئيس كازاخستان قاسم جومارت توكاييف names the holder himself;
        the caller leaves out a state with a person's name found right after it). A name of
        another kind right after the state is the verb's (وانتقد أمير قطر إسرائيل)."""
        if not _in_construct(title) or not title.role_en or title.relation == "-":
            return None
        # a courtesy title or an adjective may stand before the name (أمير الكويت الشيخ صباح، رئيس وزراء فرنسا الجديد برنار كازنوف)
        after = state.end
        while after < len(tokens) and not taken[after] and (self.lexicon.cue(tokens[after].norm) in ("honorific", "former") or _definite_adjective(tokens[after])):
            if self.lexicon.cue(tokens[after].norm) == "former":
                return None
            after += 1
        if after < len(tokens) and ((not taken[after] and (tokens[after].pos in _NAME_POS or not tokens[after].analysed))
                                    or tokens[after].norm in _APPOSITION_MARKS or (after > state.end and taken[after])):
            return None
        return self.kb.office_holder(title.role_en, state.kb_id, date, surely=True)

    def _counterpart(self, tokens, norms: list[str], nisba: _Span, spans: list[_Span], date: str | None) -> _Span:
        """The party «نظيره» + a nisba with no name after it stands for, or the nisba as it was.

        Who held, in the nisba's state, the office of the title before it in the sentence
        (التقى الرئيس الروسي … نظيره الصيني: China's president), or with no title the office the
        person named before it held on the date (ناقش بلينكن مع نظيره الصيني: China's foreign
        minister), when the knowledge base knows; else the state, as CAMEO codes «the Chinese counterpart». A name after it, at once or
        after a comma (نظيره الإيطالي، سيرجيو ماتارالا), is the counterpart itself.
        """
        i = next((k for k in range(max(nisba.start - self.lexicon.max_title_words, 0), nisba.start)
                  if (title := self.lexicon.title_at(norms[: nisba.start], k)) and k + len(title.words) == nisba.start
                  and title.role_en == _COUNTERPART), None)
        after = nisba.end + int(nisba.end < len(tokens) and tokens[nisba.end].norm in _APPOSITION_MARKS)
        if (i is None or any(s.type == "PER" and s.start == after for s in spans)
                or (after < len(tokens) and tokens[after].pos in _NAME_POS)):
            return nisba
        office = next((title.role_en for k in range(i - 1, -1, -1)
                       if (title := self.lexicon.title_at(norms, k)) and title.relation != "-" and title.role_en), None)
        if office is None:  # no title: the office of the person named last before (ناقش بلينكن مع نظيره الصيني)
            person = next((s for s in reversed(spans) if s.type == "PER" and s.end <= i and s.kb_id), None)
            offices = dict.fromkeys(t.role_en for t in self.lexicon.titles.values() if t.relation != "-" and t.role_en and t.role_en != _COUNTERPART)
            office = self.kb.office_of(person.kb_id, offices, date) if person else None
        holder = self.kb.office_holder(office, nisba.kb_id, date, surely=True) if office else None
        if holder is not None:
            return _Span(i, nisba.end, "PER", kb_id=holder.id, named=False)
        return _Span(i, nisba.end, "LOC", kb_id=nisba.kb_id, named=False)

    def _conjoined_holders(self, tokens, k: int, taken: list[bool]) -> list[_Span]:
        """Spans of the names that share a title, each after its nisba on و (الرئيس الفلسطيني
        محمود عباس والتونسي الباجي قائد السبسي والسوداني عمر البشير), from token k on."""
        spans = []
        while k < len(tokens) and not taken[k] and (country := self._conjoined_nisba(tokens[k])):
            end = k + 1
            if end < len(tokens) and taken[end]:
                while end < len(tokens) and taken[end]:
                    end += 1  # the name is found already
                name = None
            else:
                while end < len(tokens) and end - k <= _MAX_NAME_TOKENS and self._name_token(tokens, end, taken):
                    end += 1
                name = _Span(k + 1, end, "PER")
            if end == k + 1:
                break
            spans.append(_Span(k, k + 1, "LOC", kb_id=country.id, nominal=True))
            spans.extend([name] if name else [])
            k = end
        return spans

    def _conjoined_nisba(self, token: Token) -> KBEntry | None:
        """The country of a nisba that carries the conjunction و (والتونسي)."""
        if not _nisba_reading(token) or not any(p.startswith("wa_") for p in token.prefixes):
            return None
        return next((country for variant, skip in clitic_variants(token.norm) if skip == 1 and (country := self.kb.country_of_nisba(variant))), None)

    def _holder_named(self, tokens, spans: list[_Span], phrase: list[_Span], title: Title, date: str | None) -> None:
        """Link the name right after a title and one nisba to whoever held that office on the date, when the names agree.

        الرئيس الأوغندي يوري موسيفيني in 2016 → Yoweri Museveni: the office gives the person, and
        the name must sound as the holder's (a wrong or missing term in the knowledge base then
        links no one, nor does the holder's daughter: ابنة الرئيس الأمريكي إيفانكا ترامب).
        """
        places = [span for span in phrase if span.type == "LOC" and span.nominal]
        if len(places) != 1 or not title.role_en:
            return
        k = next((k for k, s in enumerate(spans) if s.start == places[0].end and s.type == "PER" and not s.nominal), None)
        if k is None or ((known := self.kb.get(spans[k].kb_id or "")) is not None and known.wikidata):
            return
        holder = self.kb.office_holder(title.role_en, places[0].kb_id, date)
        name = " ".join(token.norm for token in tokens[spans[k].start : spans[k].end])
        if holder is not None and holder.wikidata and names_holder(name, holder, self.lexicon.letter_classes):
            spans[k] = replace(spans[k], kb_id=holder.id)

    def _nisbas_inside(self, tokens, span: _Span) -> list[_Span]:
        """The country a body belongs to, from a nisba in its name (وزارة الداخلية المصرية)."""
        spans, k = [], span.start + 1
        while k < span.end:
            nisba = self._nisba_at(tokens, k)
            if nisba and nisba[1] <= span.end:
                spans.append(_Span(k, nisba[1], "LOC", kb_id=nisba[0].id, nominal=True))
                k = nisba[1]
            else:
                k += 1
        return spans

    def _name_token(self, tokens, k: int, taken: list[bool]) -> bool:
        token = tokens[k]
        # A place noun (مدينة بوسان) begins no person's name.
        if taken[k] or self.lexicon.is_time(token.norm) or not token.norm.isalpha() or self.lexicon.cue(token.norm) == "place":
            return False
        if token.pos in _NAME_POS or not token.analysed:
            return not self._nisba_at(tokens, k) and not self._conjoined_nisba(token)
        # A common noun inside a foreign name (شي جينبينغ، فون دير لايين) carries no clitic
        # or article and is followed by a word the database does not know.
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        return token.pos == "noun" and not token.prefixes and following is not None and _unknown_word(following)

    def _surname_word(self, tokens, k: int, taken: list[bool]) -> bool:
        """A word that may be a surname after a given name: a noun or adjective with the article
        and no other clitic that is no country's nisba (يحيى الأردني: the Jordanian)."""
        token = tokens[k]
        return (not taken[k] and token.norm.isalpha() and token.pos in ("noun", "adj") and token.prefixes == ("Al_det",)
                and not self._nisba_at(tokens, k))

    def _organisation_at(self, tokens, i: int, taken: list[bool]) -> _Span | None:
        for variant, skip in clitic_variants(tokens[i].norm):
            if variant.removeprefix("ال") in self.lexicon.org_heads:
                break
        else:
            return None
        end, definite = i + 1, tokens[i].norm[skip:].startswith("ال")
        # An indefinite head with an indefinite adjective is a description, not a name
        # (منظمة إسبانية "a Spanish organisation"), unless a state's body or force has its
        # country's nisba (قوات تركية، مقاتلات روسية): that country's body, as القوات التركية is.
        # The craft's model may stand between (مقاتلات إف-16 إسرائيلية).
        state = self.lexicon.cue(tokens[i].norm) in ("state_body", "regime")
        after = end + MODEL_TOKENS if state and not definite and craft_model_at(tokens, end) else end
        if not definite and after < len(tokens) and tokens[after].pos == "adj" and not tokens[after].prefixes:
            nisba = self._nisba_at(tokens, after) if state else None
            return _Span(i, nisba[1], "ORG", skip, named=False) if nisba and not any(taken[end : nisba[1]]) else None
        while end < len(tokens) and end - i <= _MAX_ORG_MODIFIERS and not taken[end]:
            token = tokens[end]
            is_definite = token.prefixes == ("Al_det",)
            # A genitive joined by و to the one before it (وزارة التربية والتعليم، إدارة
            # الشرطة والحماية المدنية) is still the name; another body (وزارة الداخلية والشرطة) is not.
            if token.pos == "noun" and token.prefixes[1:] == ("Al_det",) and token.prefixes[0].startswith("wa_") and end - 1 > i:
                is_definite = tokens[end - 1].prefixes == ("Al_det",) and not self._organisation_head(token)
            # A definite noun phrase goes on only with definite words (agreement).
            if token.pos not in _MODIFIER_POS or self.lexicon.is_time(token.norm):
                break
            if (token.prefixes and not is_definite) or (definite and not is_definite):
                break
            # The genitive chain ends at the first adjective or proper noun; only adjectives may
            # follow it (ميليشيات الحوثي + مواقع: the next noun is the verb's object).
            if tokens[end - 1].pos in ("adj", "noun_prop") and end - 1 > i and token.pos != "adj":
                break
            # An adjective that agrees with no noun of the name qualifies a word outside it (لعضوي
            # الحكومة الجديدين: the two members; الشرطة الأوزبكي رحمت عقيلوف: the man). Right after
            # a noun in construct it is that noun's genitive, a noun itself (حزب الجمهوريين، حزب
            # الوطنيين + الديمقراطيين).
            nouns = [t for k, t in enumerate(tokens[i:end], i) if k == i or t.pos == "noun" or _genitive(tokens, k)]
            if token.pos == "adj" and not _genitive(tokens, end) and not any(self._agrees(token, noun) for noun in nouns):
                break
            definite = definite or is_definite
            end += 1
        # A definite name takes a complement with لـ (الهيئة العامة للإحصاء، الاتحاد العام
        # التونسي للشغل), itself followed only by adjectives. An indefinite complement goes on
        # with its definite genitive (لحقوق الإنسان) or is a unit's body completed by the name
        # after it (المكتب السياسي لحركة نداء تونس); any other is no part of the name
        # (الاتصالات الحكومية البريطانية لمواجهة هجوم). A head alone takes none: after it لـ
        # says what the body does, not which body it is (السلطات لإعادة الهدوء).
        # After a head and its genitive (حزب الحركة القومية) a verbal noun with لـ says what the body
        # does, not which body it is (+ لإقرار التعديلات).
        complement = tokens[end] if end < len(tokens) and end > i + 1 else None
        genitive = complement is not None and end + 1 < len(tokens) and tokens[end + 1].prefixes == ("Al_det",)
        if complement is not None and tokens[i + 1].pos == "noun" and self._verbal_noun(complement):
            complement = None
        if (definite and complement is not None and not taken[end] and complement.prefixes[:1] == ("li_prep",)
                and (complement.prefixes != ("li_prep",) or genitive
                     or (self._organisation_head(complement) and self.lexicon.cue(tokens[i].norm) == "unit"))):
            end += 1 + (complement.prefixes == ("li_prep",) and genitive)
            while end < len(tokens) and not taken[end] and _definite_adjective(tokens[end]) and end - i <= _MAX_ORG_MODIFIERS + 2:
                end += 1
        # النظام السوري is a body, النظام الداخلي a system: a regime's head names one only with a nisba.
        if self.lexicon.cue(tokens[i].norm) == "regime" and not (i + 1 < len(tokens) and self._nisba_at(tokens, i + 1)):
            return None
        # A bare indefinite head (نشر قوات "deploy forces") names nothing; a construct one
        # does when the name that completes it follows (شرطة تايلاند: the gazetteer's).
        if end == i + 1 and not definite and not (end < len(tokens) and taken[end]):
            return None
        return _Span(i, end, "ORG", skip, named=False)

    def _join_construct_bodies(self, tokens, spans: list[_Span]) -> list[_Span]:
        """A body whose name ends in a noun in construct (مجلس شورى، المكتب السياسي لحركة، شرطة)
        goes on with the name that completes it (مجلس شورى حركة النهضة، شرطة تايلاند; a definite
        one a known name, or a body's whose head is that noun: قوات حكومة + الوفاق الوطني); that
        name stays a span of its own inside it. A known name is complete (هيومن رايتس ووتش);
        the kind of a body before its name is no body of its own (وكالة رويترز، حزب حركة نداء
        تونس), and a place completes only a unit or a body of the state (شرطة لندن, not
        وكالة تونس)."""
        joined: list[_Span] = []
        for span in spans:
            outer = next((s for s in reversed(joined) if s.end == span.start and not s.nominal), None)
            if outer is None and span.type == "PER":
                outer = next((s for s in reversed(joined) if not s.nominal and self._forces_of_titled(tokens, s, span)), None)
            last = tokens[outer.end - 1] if outer is not None else None
            if (
                outer is not None and outer.type == "ORG" and outer.kb_id is None and not span.skip
                and (not tokens[span.start].prefixes
                     or (tokens[span.start].prefixes == ("Al_det",) and (span.kb_id is not None or (span.type == "ORG" and self._organisation_head(last)))))
                and last.pos in ("noun", "noun_prop") and "Al_det" not in last.prefixes and not last.enclitic
                and ((state_body := self.lexicon.cue(tokens[outer.start].norm) in ("state_body", "unit"))
                     or (outer.end - outer.start > 1 and not all(self._kind_word(t) for t in tokens[outer.start : outer.end])
                         and (span.type == "ORG" or span.kb_id is not None)))
            ):
                # A unit of a known body is another body, named by the whole (مجلس الاتحاد
                # الأوروبي is not the EU), and so is a body of a place that is no state's own
                # (نقابة أطباء السودان, not شرطة لندن): the known name inside it is no name there.
                known_body = span.kb_id is not None and (span.type == "ORG" or not state_body)
                joined[joined.index(outer)] = replace(outer, end=span.end, named=outer.named or known_body)
                span = replace(span, named=not known_body)
            elif (outer is not None and outer.type == "ORG" and outer.kb_id is None and not outer.named
                  and outer.end - outer.start == 1 and self.lexicon.cue(tokens[outer.start].norm) in ("nonstate", "group")
                  and span.type == "ORG" and span.kb_id is not None):
                # حركة + طالبان، حزب + النهضة: the kind word before a known name is no body of its
                # own; an event whose party it is has the name's (gold names the name alone).
                joined[joined.index(outer)] = replace(outer, kb_id=span.kb_id)
            joined.append(span)
        return sorted(joined, key=lambda s: (s.start, -s.end))

    def _forces_of_titled(self, tokens, head: _Span, person: _Span) -> bool:
        """Tell whether a state body's bare head stands in construct with a title and the person
        it names (قوات الرئيس السوري بشار الأسد): the body is that person's, as with no title
        between (قوات بشار الأسد)."""
        if head.type != "ORG" or head.end - head.start != 1 or head.end >= person.start or self.lexicon.cue(tokens[head.start].norm) != "state_body":
            return False
        title = self.lexicon.title_at([t.norm for t in tokens[: person.start]], head.end)
        return title is not None and all(_definite_adjective(t) for t in tokens[head.end + len(title.words) : person.start])

    def _minor_place(self, tokens, i: int) -> bool:
        """Tell whether word i, clitics aside, is the whole name of a smaller place the knowledge base
        knows, which the gazetteer leaves to a place noun before it (ميناء الحديدة، ولاية توزر). A
        word with no article and a noun after it heads a longer name (مخيم عين الحلوة، ولاية عين تموشنت)."""
        token = tokens[i]
        if "Al_det" not in token.prefixes and i + 1 < len(tokens) and tokens[i + 1].pos in ("noun", "noun_prop"):
            return False
        return any(entry.minor and entry.type == "LOC" for entry in self.kb.lookup(token.text[_proclitic_letters(token):]))

    def _region_part(self, tokens, span: _Span) -> _Span:
        """A place named after a known one is a place of its own: a side of a continent or a sea
        (شمال أفريقيا، وسط آسيا، جنوب شرق آسيا), a facility (مطار الخرطوم), not the known place."""
        entry = self.kb.get(span.kb_id) if span.kb_id else None
        if entry is None or entry.type != "LOC" or span.nominal or span.skip:
            return span
        start = span.start
        while entry.region and start > 0 and self.lexicon.cue(tokens[start - 1].norm) == "direction":
            start -= 1
        if start == span.start and start > 0 and self.lexicon.cue(tokens[start - 1].norm) == "facility":
            start -= 1
        if start == span.start:
            return span
        return _Span(start, span.end, "LOC", _proclitic_letters(tokens[start]))

    def _join_adjacent_names(self, tokens, spans: list[_Span]) -> list[_Span]:
        """Join a person's name split in two (أورسولا + فون دير لايين) into one span.

        A hyphen between two names touching both is inside one (جان + - + ايف لو دريان).
        A name opening with a clitic is the next one of a list (X وY), not the rest of X; a name
        the knowledge base knows is whole (عين ماكرون + سيلفي جولار). The known part's person is
        the whole one's only when the words before it are that person's (أمينة أردوغان is not
        رجب طيب أردوغان).
        """
        joined: list[_Span] = []
        for span in spans:
            previous = joined[-1] if joined else None
            if (previous and previous.type == span.type == "PER" and _next_to(tokens, previous.end, span.start) and not previous.nominal and not previous.kb_id
                    and not span.skip and not tokens[span.start].norm.startswith("و")):
                entry = self.kb.get(span.kb_id) if span.kb_id else None
                own_words = {word for name in entry.names_ar for word in normalize(name).split()} if entry else set()
                same = all(token.norm in own_words for token in tokens[previous.start : previous.end])
                joined[-1] = _Span(previous.start, span.end, "PER", previous.skip, span.kb_id if same else None)
            else:
                joined.append(span)
        return joined

    def _person_after(self, tokens, known: list[_Span | None], start: int, end: int, surnames: dict[str, str | None]) -> _Span | None:
        """The person's name that fills tokens start..end: a known one, or one word that is the
        surname of a person the article named in full."""
        if (person := known[start]) and person.type == "PER" and person.end == end:
            return person
        if end - start == 1:
            found = next(((variant, skip) for variant, skip in clitic_variants(tokens[start].norm) if variant in surnames), None)
            if found:
                return _Span(start, end, "PER", found[1], kb_id=surnames[found[0]])
        return None

    def _nisba_at(self, tokens, k: int) -> tuple[KBEntry, int] | None:
        """The country a nisba at token k names and the token after it: one word (الصينية)
        or two (الكورية الجنوبية, where الكورية alone is either Korea)."""
        if not _nisba_reading(tokens[k]):
            return None
        if k + 1 < len(tokens) and _nisba_reading(tokens[k + 1]) and (
                country := self.kb.country_of_nisba_pair(tokens[k].norm, tokens[k + 1].norm)):
            return country, k + 2
        country = remembered(self._nisba_countries, tokens[k].norm, self.kb.country_of_nisba)
        return (country, k + 1) if country else None

    def _coordinated_nisba(self, tokens, k: int) -> _Span | None:
        """The nominal mention of the country whose nisba token k joins by و (والبريطانية), or None."""
        country = self._conjoined_nisba(tokens[k])
        return _Span(k, k + 1, "LOC", 1, kb_id=country.id, nominal=True) if country else None

    def _kind_word(self, token: Token) -> bool:
        """Tell whether a word only says what kind of body follows (حزب، حركة، وكالة، أنباء)."""
        return self._organisation_head(token) or self.lexicon.cue(token.norm) == "nonstate"

    def _common_plural_at(self, tokens, known: list[_Span | None], found: _Span) -> bool:
        """Tell whether a tagger's name is an indefinite plural common noun, then only common words, then a known name."""
        first = tokens[found.start]
        if first.pos != "noun" or first.number != "p" or first.prefixes or known[found.start]:
            return False
        words = next((k for k in range(found.start, found.end) if known[k]), found.end)
        return words < found.end and all(t.analysed and t.pos in ("noun", "adj") for t in tokens[found.start : words])

    def _agreeing_unknown(self, tokens, k: int) -> bool:
        """Tell whether an unknown word has the article and the feminine ending (its letters are all
        there is of it), after a feminine noun."""
        return (not tokens[k].analysed and tokens[k].norm.startswith(tuple(self.lexicon.grammar["article"]))
                and tokens[k].norm.endswith(tuple(self.lexicon.grammar["feminine_ending"])) and tokens[k - 1].gender == "f")

    def _second_adjective(self, tokens, start: int, k: int) -> bool:
        """Tell whether the adjective at k, after another, goes on with the name from start: it agrees
        with a noun of it, and no بـ or لـ follows it (a participle's complement; a preposition written
        apart is as often the verb's: دعت X أعضاء الهيئة العليا المستقلة + إلى)."""
        complement = k + 1 < len(tokens) and tokens[k + 1].prefixes[:1] in (("bi_prep",), ("li_prep",))
        return (k - start <= _MAX_ORG_MODIFIERS and not complement
                and any(self._agrees(tokens[k], t) for t in tokens[start:k] if t.pos == "noun"))

    def _agrees(self, adjective: Token, noun: Token) -> bool:
        """Tell whether an adjective may qualify a noun in number and gender (the tokens' functional
        ones): a dual or plural one only a dual or plural noun (their oblique forms are written
        alike: الوطنيين); a masculine singular one (الأوزبكي، المكلف) only a singular noun not
        feminine (مجلس, not شرطة). A feminine singular one qualifies a plural too (القوات التركية),
        and an elative may be either gender (الأعلى): neither is ruled out. Nor is a word in ى
        (الوسطى): the analyser reads it as ي, a masculine nisba (وسطي)."""
        if adjective.number in ("d", "p"):
            return noun.number in ("d", "p")
        if adjective.number != "s" or adjective.gender != "m" or adjective.text.endswith(_ALEF_MAQSURA):
            return True
        return noun.number == "s" and noun.gender != "f"

    def _verbal_noun(self, token: Token) -> bool:
        """Tell whether a word is لـ + a derived verb's verbal noun (لإقرار، لمكافحة), singular."""
        return (token.prefixes == ("li_prep",) and token.pos == "noun" and token.number == "s"
                and any(measure.fullmatch(token.lemma) for measure in self.verbal_nouns))

    def _organisation_head(self, token: Token) -> bool:
        return any(variant.removeprefix("ال") in self.lexicon.org_heads for variant, _ in clitic_variants(token.norm))


def _measures(patterns: frozenset[str]) -> tuple[re.Pattern, ...]:
    """Word measures (إفعال) as patterns of normalised words, ف ع ل standing for any letter."""
    return tuple(re.compile("".join("\\w" if letter in "فعل" else re.escape(letter) for letter in pattern))
                 for pattern in sorted(patterns))


def _next_to(tokens, end: int, start: int) -> bool:
    """Tell whether a span ending at token `end` is followed by one starting at `start`, directly
    or across a hyphen written without spaces (جان-ايف)."""
    return start == end or (start == end + 1 and tokens[end].text == "-"
                            and tokens[end - 1].end == tokens[end].start and tokens[end].end == tokens[start].start)


def craft_model_at(tokens, k: int) -> bool:
    """Tell whether a craft's model starts at token k (بي-2، إف-16: a short word, a hyphen, a
    number); it takes MODEL_TOKENS tokens."""
    return (0 <= k and k + MODEL_TOKENS <= len(tokens) and len(tokens[k].text) <= _MAX_MODEL_LETTERS
            and tokens[k + 1].text == "-" and tokens[k + 2].pos == "digit")


def _nisba_reading(token: Token) -> bool:
    """Tell whether a word may be a nisba adjective: also a definite noun, as the database
    often reads one (السويدية "the Swedish woman" in الشرطة السويدية)."""
    return token.pos in ("adj", "noun_prop") or not token.analysed or (token.pos == "noun" and token.prefixes == ("Al_det",))


def _surname(tokens, span: _Span, name_links: frozenset[str]) -> str | None:
    """The last word of a person's name of two words or more, the way the article names them again."""
    if span.type != "PER" or span.nominal or span.end - span.start < 2:
        return None
    last = tokens[span.end - 1].norm
    # after a kinship link the last word is part of a compound (عبد الله، أبو خضير، بن عمر)
    compound = tokens[span.end - 2].norm in name_links
    return last if len(last) > 2 and last.isalpha() and last not in name_links and not compound else None


def _without_prepositional_phrase(tokens, known):
    """A person's name ends before a preposition and article (سلمان بن عبد العزيز للصحفيين).

    A Maghrebi surname written بال (رضا بالحاج، سمير بالطيب) reads as بـ and the article: it stays
    in the name, unless the word after the preposition is a known name.
    """

    def cut(span):
        if span.type == "PER":
            for k in range(span.start + 1, span.end):
                prefixes = tokens[k].prefixes[-2:]
                if prefixes == ("li_prep", "Al_det") or (prefixes == ("bi_prep", "Al_det") and known[k]):
                    return replace(span, end=k)
        return span

    return cut


def _in_construct(title: Title) -> bool:
    """Tell whether a title ends on an indefinite noun, which governs the definite word after it (عضو + التنسيقية)."""
    return not title.words[-1].startswith("ال")


def _person_after_title(tokens, spans: list[_Span], end: int) -> None:
    """Make the tagger's name after a title and its country or body a person's.

    رئيسة المفوضية الأوروبية أورسولا فون دير لايين: the words after the body are her name,
    whatever type the tagger gave them.
    """
    following = sorted((k for k, s in enumerate(spans) if s.start >= end), key=lambda k: spans[k].start)
    for k in following:
        span = spans[k]
        if span.start != end:
            return
        if span.nominal or (span.kb_id and span.type in ("LOC", "ORG")):
            end = span.end  # الرئيس الصيني، رئيسة المفوضية الأوروبية
            continue
        if span.type != "PER" and not span.kb_id and (tokens[span.start].pos in _NAME_POS or not tokens[span.start].analysed):
            spans[k] = _Span(span.start, span.end, "PER", span.skip)
        return


def _as_name(token: Token) -> Token:
    """The token read as a proper noun (the given name علي, not the particle the database chose)."""
    return replace(token, pos="noun_prop", lemma=token.norm.removeprefix("و"), enclitic=None, gloss="", person=None, respelled=False)


def _unknown_word(token: Token) -> bool:
    """A word the database does not know that may be a foreign name.

    Names do not take the article (الاحتجاجية is an unknown adjective) nor tanween
    (عتبراً is a mistyped adverb).
    """
    return (
        not token.analysed
        and token.norm.isalpha()
        and len(token.norm) > 2
        and not token.norm.startswith("ال")
        and not _TANWEEN.intersection(token.text)
    )


def _portfolio_word(token: Token) -> bool:
    """A word of a minister's portfolio: definite, joined by و (الأوقاف والشؤون الدينية), or
    a bare noun that a definite one completes (شؤون الدفاع)."""
    return token.pos in ("noun", "adj") and token.prefixes in ((), ("Al_det",), ("wa_conj", "Al_det"), ("wa_part", "Al_det"), ("wa_sub", "Al_det"))


def _definite_adjective(token: Token) -> bool:
    return token.pos == "adj" and token.prefixes == ("Al_det",)


def _without_latin_repeats(tokens, spans: list[_Span]) -> list[_Span]:
    """The spans but a name in Latin letters right after a name in Arabic letters, only punctuation
    between: the same name written again («لوتو كيبيك» Loto-Québec، منظمة مراقبة الأمم المتحدة (UN
    Watch)), no second name; a piece of it after a hyphen (Québec) goes with it."""
    kept: list[_Span] = []
    anchor = None  # where the last Arabic name, or the Latin piece that repeats it, ends
    for span in spans:
        shapes = {word_shape(t.text) for t in tokens[span.start : span.end]}
        # a quote, a bracket or a hyphen sets the repeat apart; a Latin name right after a word is its genitive (لرئاسة CIA)
        between = anchor is not None and anchor < span.start and all(word_shape(t.text) == "punc" for t in tokens[anchor : span.start])
        if "latin" in shapes and shapes <= {"latin", "punc"} and between:
            anchor = span.end
            continue
        kept.append(span)
        if not span.nominal:
            anchor = span.end if "arabic" in shapes else None
    return kept


def _genitive(tokens, k: int) -> bool:
    """Tell whether a word stands right after a noun in construct (no article, no pronoun): its genitive."""
    return k > 0 and tokens[k - 1].pos == "noun" and not _definite_noun(tokens[k - 1])


def _definite_noun(token: Token) -> bool:
    """A noun with the article or a possessive pronoun (الحركة، مساندتها): an adjective after it agrees in definiteness."""
    return "Al_det" in token.prefixes or token.enclitic is not None


def _mention(doc: Document, sentence: Sentence, span: _Span) -> Mention:
    start, end = sentence.tokens[span.start].start, sentence.tokens[span.end - 1].end
    bare = doc.body[_skip_letters(doc.body, start, span.skip) : end] if span.skip else ""
    if span.skip and bare.startswith("ل") and normalize(doc.body[start:end])[span.skip - 1 : span.skip + 1] == "لل":
        bare = "ا" + bare  # للأمم: li + al- with its alef dropped (الأمم)
    return Mention(
        text=doc.body[start:end],
        start=start,
        end=end,
        sentence=sentence.index,
        type=span.type,
        tok_start=span.start,
        tok_end=span.end,
        kb_id=span.kb_id,
        nominal=span.nominal,
        named=span.named and not span.nominal,
        bare=bare,
    )


def _proclitic_letters(token: Token) -> int:
    """Letters of the conjunction and preposition written before a name (وبفرنسا: 2)."""
    return sum(prefix.partition("_")[0] in _PROCLITICS for prefix in token.prefixes)


def _skip_letters(body: str, start: int, letters: int) -> int:
    """Return the offset after `letters` base letters from `start`, stepping over diacritics."""
    position = start
    while letters:
        position += 1
        letters -= 1
        while position < len(body) and normalize(body[position]) == "":
            position += 1
    return position
