"""Resolve the mentions of an article into entities and link them to the knowledge base."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace

from kg.kb import DEFINITE_ARTICLE, KBEntry, KnowledgeBase
from kg.nlp import normalize
from kg.types import Entity, Mention
from kg.terms import ENTITY_IRI

# Letters that spellings of a foreign name add, drop or swap: long vowels and hamza seats
# (توكاييف / توكايف), and ق for ك (توقاييف). Doubled letters collapse (نتتنياهو).
_WEAK_LETTERS = frozenset("اويىءأإآؤئ")
_SWAPS = str.maketrans({"ق": "ك", "ة": "ه", "ظ": "ض", "ث": "س"})
_MIN_SKELETON = 3
_MIN_TRANSLITERATION = 6
_MIN_SURNAME = 3  # consonant classes a surname alone needs to be told apart by its sound
_IRI_UNSAFE = re.compile(r"[^\w]+")
_PHRASE_GAP = 4  # characters between a body and a bare body of its phrase: one particle (الليبي في الحكومة)
# conjunctions and prepositions written as one letter before a name (وبوتين، ليون)
PROCLITIC_LETTERS = frozenset("وفبلك")


def skeleton(name: str) -> str:
    """Return the consonant skeleton two spellings of one name share (توكاييف, توقاييف → تكف)."""
    letters = normalize(name).replace(" ", "").translate(_SWAPS)
    out = letters[:1]
    for letter in letters[1:]:
        if letter not in _WEAK_LETTERS and letter != out[-1]:
            out += letter
    return out


def consonants(word: str, letter_classes: dict[str, str]) -> str:
    """Return the consonant classes of a word, read with one script's table (`Lexicon.letter_classes`).

    Two spellings of one name, in either script, share them (ماكرون, Macron → mkrn).
    """
    longest = max(len(written) for written in letter_classes)
    word = unicodedata.normalize("NFKD", word.casefold())
    out, i = "", 0
    while i < len(word):
        for size in range(longest, 0, -1):
            if word[i : i + size] in letter_classes:
                letter_class = letter_classes[word[i : i + size]]
                i += size
                break
        else:
            letter_class, i = "", i + 1  # a mark, a digit or a letter of another script
        if letter_class and not out.endswith(letter_class):
            out += letter_class
    return out


def names_holder(name: str, entry: KBEntry, letter_classes: dict[str, dict[str, str]]) -> bool:
    """Tell whether an Arabic name after a title can be this office holder's.

    A surname alone must be spelt as the last word of one of the entry's Arabic names or have the
    consonants of the last word of an English one (موسيفيني ~ Museveni); a fuller name must be one
    of them whole (يوري موسيفيني ~ Yoweri Museveni), so a relative (إيفانكا ترامب) is not the holder.
    """
    words = name.replace("-", " ").split()
    if len(words) > 1:
        key = "".join(consonants(w, letter_classes["ar"]) for w in words)
        return any(skeleton(n) == skeleton(name) for n in entry.names_ar) or any(
            "".join(consonants(w, letter_classes["lat"]) for w in n.replace("-", " ").split()) == key
            for n in (entry.label_en or "", *entry.names_en))
    if any(skeleton(n.split()[-1]) == skeleton(name) for n in entry.names_ar if n.split()):
        return True
    key = consonants(name, letter_classes["ar"])
    return len(key) >= _MIN_SURNAME and any(
        consonants(n.replace("-", " ").split()[-1], letter_classes["lat"]) == key
        for n in (entry.label_en or "", *entry.names_en) if n.split())


def _edits(a: str, b: str) -> int:
    """Levenshtein distance: letters to insert, delete or replace to turn a into b."""
    row = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (letter != other))
    return row[-1]


def _surname(name: str) -> str:
    return skeleton(name.split()[-1])


def without_article(name: str) -> str:
    """Return a name, normalised, with the article of each word dropped: Maghrebi spellings of a
    person's name take or leave it (المنجي الرحوي / منجي الرحوي، محمد الفريخة / محمد فريخة)."""
    return " ".join(word[len(DEFINITE_ARTICLE):] if word.startswith(DEFINITE_ARTICLE) and len(word) > 4 else word
                    for word in normalize(name).split())


def _articles(name: str) -> int:
    """How many words of a name carry the article."""
    return sum(word.startswith(DEFINITE_ARTICLE) and len(word) > 4 for word in normalize(name).split())


def shorter_forms(name: str, name_links: frozenset[str], kinship_links: frozenset[str], middle: bool = True) -> list[str]:
    """Return the shorter forms a person's full name is written in, normalised.

    A lineage told less far back (تميم بن حمد بن خليفة آل ثاني → تميم بن حمد آل ثاني): the forebears
    dropped follow a kinship link, after a father named, and end on no link (عبد of عبد العزيز).
    With `middle`, also given name and family name without the middle name (روبير إسكندر غانم →
    روبير غانم, سعد الدين الحريري → سعد الحريري), but not from a compound (عبد العزيز الحكيم is no
    عبد الحكيم) nor a kinship link (خالد بن سلمان).

    Args:
        name_links: normalised words that tie a name to the next (cues.tsv kind name_link: بن، آل، عبد).
        kinship_links: those after which a forebear is named (kind kinship_link: بن، بنت).
        middle: False for a name read in a text: a middle name it adds may be another person's
            (جورج هربرت بوش is not جورج بوش the son).
    """
    words = normalize(name).split()
    forms = [f"{words[0]} {words[2]}"] if middle and len(words) == 3 and not set(words) & name_links else []
    for i in range(2, len(words) - 2):
        if words[i] in kinship_links and set(words[1:i]) & kinship_links:
            forms += [" ".join(words[:i] + words[j:]) for j in range(i + 2, len(words)) if words[j - 1] not in name_links]
    return forms


def _home_country(entries: list[KBEntry | None]) -> KBEntry | None:
    """The state an article is about: the one its places name most, twice at least and more than any other."""
    counts = Counter(entry.id if entry.is_country else entry.country
                     for entry in entries if entry is not None and entry.type == "LOC")
    ranked = [(kb_id, n) for kb_id, n in counts.most_common(2) if kb_id is not None]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(entry for entry in entries if entry is not None and entry.id == ranked[0][0]) if any(
        entry is not None and entry.id == ranked[0][0] for entry in entries) else None


class Linker:
    """Merges an article's mentions into entities; the spelling index is built once."""

    def __init__(
        self,
        kb: KnowledgeBase,
        generic_heads: frozenset[str] = frozenset(),
        letter_classes: dict[str, dict[str, str]] | None = None,
        collectives: frozenset[str] = frozenset(),
        name_links: frozenset[str] = frozenset(),
        kinship_links: frozenset[str] = frozenset(),
        kind_words: frozenset[str] = frozenset(),
    ):
        """Args:
            kb: the knowledge base to link to.
            generic_heads: normalised nouns that alone name no one body (الشرطة، السلطات):
                such a mention is a different body in every article.
            letter_classes: "ar" / "lat" → written letters → consonant class (`Lexicon.letter_classes`),
                to link a person the knowledge base knows only in English.
            collectives: normalised nouns for a state as a whole (السلطات): no shortened body name.
            name_links, kinship_links: the links inside a person's name (`shorter_forms`).
            kind_words: normalised nouns for the kind of a party, outlet or company (حزب، حركة، قناة).
        """
        self.kb = kb
        self.generic_heads = generic_heads
        self.letter_classes = letter_classes
        self.collectives = collectives
        self.name_links = name_links
        self.kinship_links = kinship_links
        self.kind_words = kind_words
        by_latin: dict[str, set[str]] = defaultdict(set)
        # Only a person the knowledge base knows in English alone: one with Arabic names is found by
        # them, and the consonant classes drop letters two Arabic names differ by (أحمد / محمد).
        for entry in kb.entries() if letter_classes else ():
            for name in (entry.label_en, *entry.names_en) if entry.type == "PER" and entry.label_en and not entry.names_ar else ():
                if key := self._name_key(name, "lat"):
                    by_latin[key].add(entry.id)
        self._by_latin = {key: next(iter(ids)) for key, ids in by_latin.items() if len(ids) == 1}
        by_skeleton: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for name, entry in kb.all_names():
            by_skeleton[(entry.type, skeleton(name))].setdefault(entry.id, name)
            if entry.type == "PER":
                by_skeleton[("PER", skeleton(name.split()[-1]))].setdefault(entry.id, name.split()[-1])
        # Only a skeleton that points to one entry is evidence enough to link a new spelling.
        self._by_skeleton = {
            key: next(iter(names.items())) for key, names in by_skeleton.items() if len(names) == 1 and len(key[1]) > _MIN_SKELETON
        }
        by_letters: dict[str, set[str]] = defaultdict(set)
        for name, entry in kb.all_names():
            if " " in name:  # a one-word name the tagger typed otherwise may be a common word (مركز)
                by_letters[normalize(name).replace(" ", "")].add(entry.id)
        self._by_letters = {letters: next(iter(ids)) for letters, ids in by_letters.items() if len(ids) == 1}
        # A person's name with or without the article on its words, and a full name by its
        # shorter forms: only a form one person has is evidence. One who goes by the last two words
        # of a full name (المنصف المرزوقي of محمد المنصف المرزوقي) is not named by its first and last.
        people: dict[str, set[str]] = defaultdict(set)
        for name, entry in kb.all_names():
            if entry.type == "PER" and len(name.split()) > 1:
                people[entry.id].add(name)
        by_form: dict[str, set[str]] = defaultdict(set)
        for kb_id, names in people.items():
            for name in names:
                middle = " ".join(name.split()[1:]) not in names
                for form in {without_article(name), *(without_article(form) for form in shorter_forms(name, name_links, kinship_links, middle))}:
                    by_form[form].add(kb_id)
        self._by_form = {form: next(iter(ids)) for form, ids in by_form.items() if len(ids) == 1}

    def __call__(self, mentions: tuple[Mention, ...], doc_id: str = "") -> tuple[Entity, ...]:
        """Return one entity per real-world thing, in order of first mention.

        Args:
            mentions: the article's mentions.
            doc_id: the article's id, which scopes the IRIs of generic bodies (الشرطة).
        """
        entries = [self.link(mention) for mention in mentions]
        # A smaller city shares its name with places abroad (سيدني in Nova Scotia): it is the
        # one meant only when the article names its country or a place in that country.
        countries = {entry.id if entry.is_country else entry.country
                     for entry in entries if entry is not None and entry.type == "LOC" and not entry.minor}
        entries = [None if entry is not None and entry.minor and entry.country not in countries else entry
                   for entry in entries]
        # The knowledge base's type wins over the tagger's: a mention spelt as a linked one is
        # that entry (بيونغ يانغ tagged a person once and a place twice).
        linked_names: dict[str, KBEntry] = {}
        for mention, entry in zip(mentions, entries):
            if entry is not None:
                linked_names.setdefault(normalize(mention.name), entry)
        entries = [entry or linked_names.get(normalize(mention.name)) for mention, entry in zip(mentions, entries)]
        # One name is one thing: unlinked mentions of a name take the type most of them have.
        votes: dict[str, Counter] = defaultdict(Counter)
        for mention, entry in zip(mentions, entries):
            if entry is None:
                votes[normalize(mention.name)][mention.type] += 1
        mentions = tuple(m if e is not None or (kind := votes[normalize(m.name)].most_common(1)[0][0]) == m.type
                         else replace(m, type=kind) for m, e in zip(mentions, entries))
        # A body described without a nisba (الحكومة، وزارة الداخلية) in an article about one
        # state is that state's (the Government of Kazakhstan).
        # A body of another state just before it, one particle between (المجلس الرئاسي الليبي في
        # الحكومة), makes it that state's instead.
        home = _home_country([e for m, e in zip(mentions, entries) if m.named or m.nominal])  # not by its descriptions (الكيان الصهيوني)
        entries = [entry or (self._state_body(mention, state) if mention.type == "ORG" and not mention.named
                             and (state := self._phrase_state(mentions, entries, k) or home) is not None else None)
                   for k, (mention, entry) in enumerate(zip(mentions, entries))]
        # A surname alone is the person the article names in full with it before a namesake in the
        # knowledge base (منصر after عدنان منصر is not مرتضى منصور; عبو after محمد عبو is not سامية عبو).
        # A full name holding all the words of one of the entry's names is the entry, a nisba or title
        # glued to it (البيلاروسي ألكسندر لوكاشينكو).
        # A description (نظيره الروسي) or a title (وزير الخارجية) is no full name: its last word is no surname.
        full_names = [(m, e) for m, e in zip(mentions, entries) if m.type == "PER" and m.named and len(m.name.split()) > 1]

        def names_another(full: Mention, other: KBEntry | None, entry: KBEntry) -> bool:
            words = {skeleton(word) for word in full.name.split()}
            return other is not entry and (other is not None or not any(
                {skeleton(word) for word in name.split()} <= words for name in entry.names_ar))

        entries = [None if entry is not None and mention.type == "PER" and len(mention.name.split()) == 1
                   and any(_surname(full.name) == _surname(mention.name) and names_another(full, other, entry)
                           for full, other in full_names)
                   else entry for mention, entry in zip(mentions, entries)]
        # A person is named in full once, then by surname: the last word of a linked name
        # claims the unlinked spellings of that surname (قاسم توكاييف … توقاييف).
        # Another given name is another person (سليمان الأسد is not بشار الأسد).
        surnames: dict[str, tuple] = {}
        given: dict[tuple, set[str]] = defaultdict(set)
        for mention, entry in zip(mentions, entries):
            if entry is not None and entry.type == "PER":
                for name in ((mention.name,) if mention.named else ()) + entry.names_ar:
                    surnames.setdefault(_surname(name), ("kb", entry.id))
                    given[("kb", entry.id)].update(skeleton(word) for word in name.split())
        # The kind word alone (الحزب، الحركة) may stand for a known body of its kind that the article
        # (its title too) names by another of its names (نداء تونس is حركة نداء تونس).
        kinds: dict[str, set[str]] = defaultdict(set)
        for entry in entries:
            if entry is not None and entry.type == "ORG":
                for name in (entry.label_ar, *entry.names_ar):
                    words = normalize(name).split()
                    if words and words[0].removeprefix(DEFINITE_ARTICLE) in self.kind_words:
                        kinds[words[0].removeprefix(DEFINITE_ARTICLE)].add(entry.id)
        clusters: dict[tuple, list[Mention]] = {}
        for mention, entry in zip(mentions, entries):
            if entry is not None:
                key = ("kb", entry.id)
            elif mention.type == "PER":
                key = surnames.get(_surname(mention.name), ("PER", _surname(mention.name)))
                if key[0] == "kb" and not {skeleton(w) for w in mention.name.split()[:-1]} <= given[key]:
                    key = ("PER", skeleton(mention.name))
            else:
                key = (mention.type, skeleton(mention.name))
            if entry is None:
                key = self._short_reference(mention, clusters, kinds) or key
            clusters.setdefault(key, []).append(mention)
        return tuple(self._entity(key, cluster, doc_id) for key, cluster in clusters.items())

    def _state_body(self, mention: Mention, country: KBEntry) -> KBEntry | None:
        """The generated body of a country a description names: «الحكومة» + الكازاخية, or حكومة + كازاخستان."""
        name = " ".join(normalize(mention.name).split())
        construct = " ".join(word.removeprefix(DEFINITE_ARTICLE) for word in name.split())
        forms = [f"{name} {DEFINITE_ARTICLE}{demonym}{ending}" for demonym in country.demonyms for ending in ("ة", "")]
        forms += [f"{construct} {country_name}" for country_name in (country.label_ar, *country.names_ar)]
        found = {entry.id: entry for form in forms for entry in self.kb.lookup(form)
                 if entry.is_generated and entry.country == country.id}
        return next(iter(found.values())) if len(found) == 1 else None

    def _phrase_state(self, mentions: tuple[Mention, ...], entries: list[KBEntry | None], k: int) -> KBEntry | None:
        """The state of the body that stands right before mention k, one particle between
        (نائب رئيس المجلس الرئاسي الليبي في الحكومة: Libya), or None. A nisba alone (السفير
        الفرنسي إن الحكومة) is no body: the government is still the article's."""
        mention = mentions[k]
        near = [(m, e) for m, e in zip(mentions, entries)
                if m.sentence == mention.sentence and 0 < mention.start - m.end <= _PHRASE_GAP]
        if not any(m.type == "ORG" for m, _ in near):
            return None
        states = {e.id if e.is_country else e.country for _, e in near if e is not None} - {None}
        return self.kb.get(states.pop()) if len(states) == 1 else None

    def _short_reference(self, mention: Mention, clusters: dict[tuple, list[Mention]], kinds: dict[str, set[str]]) -> tuple | None:
        """The one earlier entity a one-word mention shortens: a body by its definite head (المحكمة
        after المحكمة الدستورية, الحركة after حركة النهضة; not a collective: السلطات is the state, whatever السلطات المحلية did), a person by one word of the name, a clitic on it (ليون after يون سوك يول).
        With no such entity, a kind word (الحزب) shortens the one known body of its kind the article
        names anywhere, by any of its names (`kinds`)."""
        words = normalize(mention.name).split()
        if len(words) != 1 or mention.type not in ("ORG", "PER"):
            return None
        word = words[0]
        if mention.type == "ORG":
            if not word.startswith(DEFINITE_ARTICLE) or word in self.collectives:
                return None
            # the head with the article a construct drops: الحركة after حركة النهضة, المجلس after مجلس نواب الشعب
            found = {key for key, ms in clusters.items() for m in ms
                     if m.type == "ORG" and len(name := normalize(m.name).split()) > 1
                     and word in (name[0], DEFINITE_ARTICLE + name[0])}
            found = found or {("kb", entry_id) for entry_id in kinds.get(word.removeprefix(DEFINITE_ARTICLE), ())}
        else:
            forms = {skeleton(word)} | ({skeleton(word[1:])} if word[:1] in PROCLITIC_LETTERS and len(word) > 3 else set())
            found = {key for key, ms in clusters.items() for m in ms
                     if m.type == "PER" and len(name := m.name.split()) > 1 and {skeleton(name[0]), skeleton(name[-1])} & forms}
        return found.pop() if len(found) == 1 else None

    def link(self, mention: Mention) -> KBEntry | None:
        """Return the knowledge-base entry a mention names, if one is certain."""
        if mention.kb_id:
            return self.kb.get(mention.kb_id)
        exact = [entry for entry in self.kb.lookup(mention.name) if entry.type == mention.type]
        if len(exact) == 1:
            return exact[0]
        found = self._by_skeleton.get((mention.type, skeleton(mention.name)))
        if found is None:
            return self._transliterated(mention) or self._written_together(mention) or self._other_form(mention)
        kb_id, name = found
        # A shared skeleton with many letters apart is a coincidence (مارتن / موريتانيا).
        written = normalize(mention.name)
        return self.kb.get(kb_id) if _edits(written, normalize(name)) <= max(2, len(written) // 4) else None

    def _written_together(self, mention: Mention) -> KBEntry | None:
        """The one entry whose name has the mention's letters but for spaces (أبوظبي ~ أبو ظبي), whatever its type.

        The tagger's type of a name the knowledge base knows gives way to the base's, as in the
        Recognizer for a name spelt as the base spells it (after وقال a place reads as a speaker).
        """
        kb_id = self._by_letters.get(normalize(mention.name).replace(" ", ""))
        return self.kb.get(kb_id) if kb_id else None

    def _other_form(self, mention: Mention) -> KBEntry | None:
        """The one person whose name this is with or without the article on its words, or a shorter
        form of (روبير غانم ~ روبير إسكندر غانم), or a fuller lineage of (تميم بن حمد بن خليفة آل ثاني)."""
        if mention.type != "PER" or len(mention.name.split()) < 2:
            return None
        found = {self._by_form.get(without_article(form))
                 for form in (mention.name, *shorter_forms(mention.name, self.name_links, self.kinship_links, middle=False))} - {None}
        return self.kb.get(found.pop()) if len(found) == 1 else None

    def _transliterated(self, mention: Mention) -> KBEntry | None:
        """The person whose English name has the consonants of the Arabic one (ماكرون ~ Macron)."""
        if mention.type != "PER" or self.letter_classes is None:
            return None
        key = self._name_key(mention.name, "ar")
        kb_id = self._by_latin.get(key) if key else None
        return self.kb.get(kb_id) if kb_id else None

    def _name_key(self, name: str, script: str) -> str | None:
        # The whole name, given name and surname: a surname alone is too often shared, and
        # short keys meet by chance (بونوا هامون / Ban Ki-moon).
        words = name.replace("-", " ").split()
        key = "".join(consonants(word, self.letter_classes[script]) for word in words)
        return key if len(words) >= 2 and len(key) >= _MIN_TRANSLITERATION else None

    def _entity(self, key: tuple, mentions: list[Mention], doc_id: str) -> Entity:
        entry = self.kb.get(key[1]) if key[0] == "kb" else None
        names = [m for m in mentions if m.named] or [m for m in mentions if not m.nominal] or mentions
        written = max(names, key=lambda m: len(m.name)).name
        label_ar = (entry.label_ar if entry else "") or written
        if without_article(label_ar) == without_article(written) and _articles(written) > _articles(label_ar):
            label_ar = written  # the KB's form lost an article the text writes (سعد دين عثماني)
        entity_type = entry.type if entry else mentions[0].type
        if entry and entry.wikidata:
            local = entry.wikidata
        elif entry:
            local = _IRI_UNSAFE.sub("-", entry.id).strip("-")
        else:
            name = normalize(label_ar)
            local = f"{entity_type.lower()}/{_IRI_UNSAFE.sub('_', name).strip('_')}"
            if name.removeprefix("ال") in self.generic_heads:
                local += f"/{_IRI_UNSAFE.sub('_', doc_id).strip('_')}"
        return Entity(
            id=ENTITY_IRI + local,
            type=entity_type,
            label_ar=label_ar,
            label_en=entry.label_en if entry else None,
            wikidata=entry.wikidata if entry else None,
            mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        )
