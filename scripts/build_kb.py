"""Build kg/data/kb.jsonl, the entity knowledge base, from the shared sources and the curated file.

Usage: python scripts/build_kb.py [--shared ../shared/data/kb] [--curated kg/data/kb_curated.tsv]
                                  [--out kg/data/kb.jsonl]
The output is deterministic: entries sorted by (type, id), lists sorted, keys in schema order.
Provenance of every field is described in kg/data/KB_SOURCES.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.kb import nisba_stems
from kg.lexicon import Lexicon
from kg.link import consonants, skeleton
from kg.nlp import normalize

REPO = Path(__file__).resolve().parents[1]

DEFAULT_SHARED = REPO.parent / "shared" / "data" / "kb"
DEFAULT_CURATED = REPO / "kg" / "data" / "kb_curated.tsv"
STATE_BODIES = REPO / "kg" / "data" / "kb_state_bodies.tsv"
QID_FIXES = REPO / "kg" / "data" / "kb_qid_fixes.tsv"
TITLES = REPO / "kg" / "data" / "titles.tsv"
CUES = REPO / "kg" / "data" / "cues.tsv"  # its org_head rows: the head nouns of bodies
EVERYPOLITICIAN_PEOPLE = REPO / "kg" / "data" / "kb_everypolitician.tsv"
PEOPLE_QIDS = REPO / "kg" / "data" / "kb_people_qids.tsv"
PEOPLE_AR = REPO / "kg" / "data" / "kb_people_ar.tsv"
NOT_SAME = REPO / "kg" / "data" / "kb_not_same.tsv"
DEFAULT_OUT = REPO / "kg" / "data" / "kb.jsonl"

# dr5hn's Arabic city names are machine translations for small places: a smaller city does not
# take a name a country, a person, a body or one of these cities already has
MAJOR_CITY_POPULATION = 1_000_000
# UniversalPetrarch: a name of lemmatised stems joined by _ (نوري_المالكي_), then [CODE START-END] roles
UP_ROLE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*>?\s*(\d{8})?(?:\s*-\s*(\d{8}))?\]")
# words a segmented UniversalPetrarch entry keeps apart that no personal name has: prepositions and the article
UP_SEGMENTS = frozenset({"ل", "ب", "ك", "ال", "و", "في", "من"})
# CAMEO sectors of firms, media, schools and refugees: undated, an entry with only these is as often a body or a camp as a person
UP_NOT_PERSON_SECTORS = ("BUS", "MED", "EDU", "REF")
# kinds of cues.tsv whose words stand before a name that is no person's (مخيم، سجن) or are honorifics (الشيخ)
UP_NOT_NAME_CUES = frozenset({"place", "state", "state_body", "unit", "group", "honorific"})
# CAMEO actor codes of international bodies, whose office holders have dated roles with no sector
UP_ORG_CODES = frozenset({"IGO", "IMG"})

# Arabic-language letters and harakat only: rigour's Arabic-script names also hold Persian, Urdu,
# Kurdish and Uyghur spellings, which use letters outside this range (پ چ ژ گ ک ی ې ۇ ...)
ARABIC_WORDS = re.compile(r"[\u0621-\u063a\u0641-\u0652\u0670]+(?:[ \-][\u0621-\u063a\u0641-\u0652\u0670]+)*")
# ة and ى stand only at the end of an Arabic word; Uyghur writes ى inside words (فىجى)
WORD_FINAL_ONLY = re.compile(r"[\u0629\u0649](?=[\u0621-\u064a])")
# letters Arabic spelling uses and Persian/Tajik spelling does not (Persian writes ی ک, plain ا, final ه):
# a name without any of them is as likely Persian (لهستان, فرانسه) as Arabic, so it is not taken
ARABIC_ONLY_LETTERS = frozenset("يكةىأإؤ")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})-(\d{2}))?")
# "Secretary-General of the United Nations", "Permanent Representative to the United Nations"
# Latin letters NFKD does not split into a base letter and an accent (Yıldırım, Łukasz)
UNDECOMPOSABLE = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})
# consonant classes a whole English name needs before its sound alone may join two records (as kg.link's)
MIN_LATIN_KEY = 6
PARENTHESES = re.compile(r"\s*\([^)]*\)")
ROLE_ORG = re.compile(r"\b(?:of|to)\s+(?:the\s+)?(.+)$", re.IGNORECASE)


# fields every record has; the others are left out when empty
REQUIRED_FIELDS = ("id", "type", "label_ar", "names_ar", "source")


@dataclass(slots=True)
class Draft:
    """An entry being assembled from several sources."""

    id: str
    type: str
    label_en: str | None = None
    label_ar: str = ""
    wikidata: str | None = None
    names_ar: set[str] = field(default_factory=set)
    names_en: set[str] = field(default_factory=set)  # other English spellings (Phoenix aliases), for transliteration
    country: str | None = None
    roles: list[dict] = field(default_factory=list)
    demonym_ar: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    iso2: str | None = None
    independent: bool = False
    minor: bool = False  # a city below the major ones: linked only when its country is named too
    region: bool = False  # a place of no country that is no country either (a continent, a sea)

    def to_json(self) -> dict:
        """Return the kb.jsonl record, lists sorted for a stable output, empty fields left out."""
        names = sorted(set(self.names_ar) | ({self.label_ar} if self.label_ar else set()))
        record = {
            "id": self.id,
            "type": self.type,
            "label_en": self.label_en,
            "label_ar": self.label_ar,
            "wikidata": self.wikidata,
            "names_ar": names,
            "names_en": sorted(self.names_en),
            "country": self.country,
            "roles": sorted(self.roles, key=_role_sort_key),
            "demonym_ar": sorted(self.demonym_ar),
            "source": "+".join(sorted(self.sources)),
            "keys": list(dict.fromkeys(_key(n) for n in names)),
            "minor": self.minor,
            "region": self.region,
        }
        return {k: v for k, v in record.items() if v or k in REQUIRED_FIELDS}


def _role_sort_key(role: dict) -> tuple:
    return (role["start"] or "", role["role"], role["country"] or "", role["org"] or "", role["end"] or "")


def _key(text: str) -> str:
    """Return the matching form of Arabic text (normalised, spaces collapsed)."""
    return " ".join(normalize(text).split())


def _fold_en(text: str) -> str:
    """Return an English name without accents or case, for joining curated rows to the CSVs."""
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSABLE))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _slug(text: str) -> str:
    return "kg:" + re.sub(r"[^a-z0-9]+", "-", _fold_en(text)).strip("-")


def _date(value: str | None) -> str | None:
    """Return YYYY or YYYY-MM-DD from a source date; Wikidata's year-only dates end in -00-00."""
    match = DATE.match((value or "").strip())
    if not match:
        return None
    year, month, day = match.groups()
    if month is None or month == "00" or day == "00":
        return year
    return f"{year}-{month}-{day}"


def _role(role: str, country: str | None, org: str | None, start: str | None, end: str | None) -> dict:
    return {"role": role.strip(), "country": country or None, "org": org or None,
            "start": _date(start), "end": _date(end)}


def is_arabic_language(name: str) -> bool:
    """Tell whether an Arabic-script name is written with the Arabic language's letters only."""
    return (bool(ARABIC_WORDS.fullmatch(name)) and not WORD_FINAL_ONLY.search(name)
            and not ARABIC_ONLY_LETTERS.isdisjoint(name))


def build_countries(shared: Path) -> dict[str, Draft]:
    """Return country entries keyed by ISO alpha-2: dr5hn joined with mledoze and rigour.

    The QID is rigour's where it has one (OpenSanctions curates it; dr5hn's is wrong for e.g.
    Palestine and Réunion), else dr5hn's. Arabic: mledoze's common and official names, rigour's
    Arabic-language names, and dr5hn's translation only when another source attests it
    (dr5hn machine-translates some, e.g. Turkey → "ديك رومى", the bird).
    """
    dr5hn = json.loads((shared / "dr5hn-csc" / "countries.json").read_text(encoding="utf-8"))
    mledoze = {c["cca2"]: c for c in json.loads(
        (shared / "mledoze-countries" / "countries.json").read_text(encoding="utf-8"))}
    countries = {}
    for row in dr5hn:
        iso2 = row["iso2"]
        rigour_path = shared / "rigour-territories" / f"{iso2.lower()}.yml"
        rigour = yaml.safe_load(rigour_path.read_text(encoding="utf-8")) if rigour_path.exists() else {}
        arabic = mledoze.get(iso2, {}).get("translations", {}).get("ara", {})
        common, official = arabic.get("common"), arabic.get("official")
        translated = (row.get("translations", {}).get("ar") or "").strip() or None
        rigour_names = sorted(
            {n.strip() for n in (rigour.get("names_strong") or []) + (rigour.get("names_weak") or [])
             if isinstance(n, str) and is_arabic_language(n.strip())})

        attested_elsewhere = {_key(n) for n in rigour_names} | {_key(n) for n in (common, official) if n}
        draft = Draft(id=rigour.get("qid") or row["wikiDataId"], type="LOC", iso2=iso2,
                      independent=bool(mledoze.get(iso2, {}).get("independent")))
        draft.wikidata = draft.id
        draft.label_en = mledoze.get(iso2, {}).get("name", {}).get("common") or row["name"]
        draft.sources.add("dr5hn-csc")
        if arabic:
            draft.sources.add("mledoze-countries")
        if rigour_names:
            draft.sources.add("rigour-territories")
        draft.names_ar.update(n for n in (common, official) if n)
        draft.names_ar.update(rigour_names)
        translated_ok = translated and _key(translated) in attested_elsewhere
        if translated_ok:
            draft.names_ar.add(translated)
        # preferred label: a spelling two sources agree on, else mledoze's common name
        rigour_keys = {_key(n) for n in rigour_names}
        if common and (translated_ok and _key(translated) == _key(common) or _key(common) in rigour_keys):
            draft.label_ar = common
        elif translated_ok:
            draft.label_ar = translated
        else:
            draft.label_ar = common or official or (rigour_names[0] if rigour_names else "")
        countries[iso2] = draft
    return countries


def read_cities(shared: Path, countries: dict[str, Draft]) -> tuple[dict[str, dict], set[str]]:
    """Return dr5hn city rows by QID (the most populous row per QID) and the set of major-city QIDs (with an Arabic name).

    The QIDs kb_qid_fixes.tsv checked are replaced first. A QID that dr5hn gives to cities of
    different names (Homs and Idlib share one) is unreliable and dropped, unless it was checked for
    one of them; so is a city row whose QID is a country's (city-states are kept as countries).
    """
    country_qids = {c.id for c in countries.values()}
    fixes = {(row["source_qid"], row["name"]): row["qid"] for row in read_curated(QID_FIXES)}
    # an id found to be another item's is no evidence for the other rows that carry it either
    wrong = {source for (source, _), qid in fixes.items() if source != qid}
    by_qid: dict[str, list[dict]] = defaultdict(list)
    with (shared / "dr5hn-csc" / "cities_major.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("wikidata") and row["country_code"] in countries:
                row["confirmed"] = (row["wikidata"], row["name"]) in fixes
                if row["wikidata"] in wrong and not row["confirmed"]:
                    continue
                row["wikidata"] = fixes.get((row["wikidata"], row["name"]), row["wikidata"])
                by_qid[row["wikidata"]].append(row)
    cities, major = {}, set()
    for qid, rows in by_qid.items():
        rows = [r for r in rows if r["confirmed"]] or rows
        if qid in country_qids or len({r["name"] for r in rows}) > 1:
            continue
        row = max(rows, key=lambda r: (r.get("population") or 0, r["id"]))
        cities[qid] = row
        is_major = any(r.get("type") == "capital" for r in rows) or (row.get("population") or 0) >= MAJOR_CITY_POPULATION
        if is_major and row.get("ar"):
            major.add(qid)
    return cities, major


def add_small_cities(entries: dict[str, Draft], cities: dict[str, dict], countries: dict[str, Draft]) -> None:
    """Add every other city with an Arabic name that no entry has yet; of cities sharing one, the most populous."""
    taken = {_key(n) for e in entries.values() for n in e.names_ar | {e.label_ar} if n}
    by_name: dict[str, dict] = {}
    for qid, row in sorted(cities.items()):
        if qid in entries or not ARABIC_WORDS.fullmatch((row.get("ar") or "").strip()):
            continue
        key = _key(row["ar"])
        if key in taken:
            continue
        if key not in by_name or (row.get("population") or 0) > (by_name[key].get("population") or 0):
            by_name[key] = row
    for row in by_name.values():
        draft = entries[row["wikidata"]] = city_draft(row, countries)
        draft.minor = True


def add_territories(shared: Path, entries: dict[str, Draft], countries: dict[str, Draft]) -> None:
    """Add rigour's territories that are not countries (the Emirate of Sharjah, French Guiana) with their Arabic names.

    A name another entry has stays that entry's (دبي is the city, not the emirate).
    """
    by_iso = {iso2.lower(): draft for iso2, draft in countries.items()}
    taken = {_key(n): e.id for e in entries.values() for n in e.names_ar | {e.label_ar} if n}
    for path in sorted((shared / "rigour-territories").glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names = sorted({n.strip() for n in (record.get("names_strong") or []) + (record.get("names_weak") or [])
                        if isinstance(n, str) and is_arabic_language(n.strip())
                        and taken.get(_key(n.strip()), record.get("qid")) == record.get("qid")})
        parent = by_iso.get(str(record.get("parent") or ""))
        if record.get("is_country") or not names or not record.get("qid") or parent is None:
            continue
        if record["qid"] in {c.id for c in countries.values()}:
            continue
        draft = entries.setdefault(record["qid"], Draft(id=record["qid"], type="LOC", wikidata=record["qid"],
                                                        label_en=record.get("name"), country=parent.id))
        if draft.type != "LOC":
            continue
        draft.sources.add("rigour-territories")
        draft.names_ar.update(names)
        draft.label_ar = draft.label_ar or names[0]


def read_given_names(path: Path) -> set[str]:
    """Return the normalised words that begin a person's name in a CoNLL NER file (ANERcorp train: B-PERS)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {_key(cells[0]) for line in lines if len(cells := line.split()) == 2 and cells[1] == "B-PERS"}


def read_up_people(shared: Path, demonyms: set[str], given_names: set[str]) -> list[tuple[str, list[tuple], bool]]:
    """Return UniversalPetrarch's Arabic person entries: the name, its roles (country code, sector, start, end), and whether it is certainly a person.

    A person is an entry of two words or more with a dated role or a sector (GOV, MIL, OPP ...)
    other than a firm's or a medium's, that starts with no word of UniversalPetrarch's agents
    (مسؤول، مخابرات، ولاية) and has no title, head noun of a body, nisba (إعلام ألماني is a
    description) or detached preposition (رئيس_وزير_سابق_... and وزارة_خارجية_... are not names).
    It is certainly one with a dated role or when it starts with a word that starts a person's name
    in ANERcorp train (given_names): undated entries mix people with bodies (تيار صدري، شعب صحراوي).
    """
    not_names = {_key(row.split("\t")[0]).split()[0] for path, kind in ((TITLES, None), (CUES, "org_head"))
                 for row in path.read_text(encoding="utf-8").splitlines()[1:]
                 if row and not row.startswith("#") and (kind is None or row.split("\t")[1] == kind)}
    agents = (shared / "universalpetrarch-arabic" / "agents.all.ar.txt").read_text(encoding="utf-8")
    # the head noun of each agent phrase (قائد انفصالي → قائد): other words of agents are also given names (علي، دين)
    heads = {_key(phrase.split()[0]).removeprefix("ال") for line in agents.splitlines() if not line.startswith("#")
             for phrase in ARABIC_WORDS.findall(line.partition("#")[0])}
    # and the nouns before a place's, a state's, a unit's or a group's name, and honorifics (مخيم، سجن، الشيخ)
    cues = [row.split("\t") for row in CUES.read_text(encoding="utf-8").splitlines()[1:] if row and not row.startswith("#")]
    heads |= {_key(cells[0]).removeprefix("ال") for cells in cues if cells[1] in UP_NOT_NAME_CUES}
    nisbas = {_key(d) for d in demonyms}
    people, name, roles = [], None, []
    text = (shared / "universalpetrarch-arabic" / "actor_dict_ar_v4.txt").read_text(encoding="utf-8")
    for line in text.splitlines() + [""]:
        if line.strip().startswith("[") and name is not None:
            roles.append(line)
            continue
        if name is not None:
            found = [(c, k, _up_date(s), _up_date(e)) for role in roles for c, k, s, e in
                     (m.groups() for m in UP_ROLE.finditer(role))]
            words = _key(name).split()
            adjectives = {nisba for w in words for nisba in nisba_stems(w)} | {w.removesuffix("ه") for w in words}
            # a sector says who acts (GOV, MIL, OPP); a country's code alone, even dated, is also a place's (رام_الله_ [PSE])
            personal = [r for r in found if r[1] and (r[2] or not r[1].startswith(UP_NOT_PERSON_SECTORS))
                        or r[2] and r[0] in UP_ORG_CODES]
            if (len(words) >= 2 and personal and not (set(words) & (not_names | UP_SEGMENTS))
                    and words[0].removeprefix("ال") not in heads and not (adjectives & nisbas)
                    and ARABIC_WORDS.fullmatch(name) and not WORD_FINAL_ONLY.search(name)):
                people.append((name, personal, any(r[2] for r in personal) or words[0] in given_names))
        head, _, rest = line.strip().partition(" ")
        name, roles = (head.strip("_").replace("_", " "), [rest]) if head and not head.startswith("#") else (None, [])
    return people


def _up_date(value: str | None) -> str | None:
    # 18000101 is the dictionary's filler for "no date"
    return f"{value[:4]}-{value[4:6]}-{value[6:]}" if value and value > "18010101" else None


# Phoenix/PETRARCH actor files: a name line (ERDOGAN_ or RECEP_TAYYIP_ERDOGAN_  # comment), +ALIAS lines, [CODE dates]
PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
PHOENIX_NAME = re.compile(r"^\+?([^\s#\[]+)")


def read_phoenix_actors(shared: Path) -> list[list[str]]:
    """Return each Phoenix actor's names (the entry's and its +aliases), English, folded, underscores as spaces."""
    actors: list[list[str]] = []
    for file_name in PHOENIX_FILES:
        text = (shared / "phoenix-petrarch2" / file_name).read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            match = PHOENIX_NAME.match(line)
            if not match:
                continue  # a role line, an indented variant, a comment or a blank
            name = _fold_en(match.group(1).replace("_", " "))
            if not name:
                continue
            if line.startswith("+") and actors:
                actors[-1].append(name)
            elif not line.startswith("+"):
                actors.append([name])
    return actors


def add_phoenix_aliases(shared: Path, entries: dict[str, Draft], letter_classes: dict[str, dict[str, str]]) -> None:
    """Give each office holder the English spellings of the one Phoenix actor that lists the holder's label.

    An alias is kept when it ends with a word of the label (its surname), so another person's name
    is never taken, and holds no word of Phoenix's agents (PRIME MINISTER RECEP ERDOGAN is a title and a name).
    """
    by_label: dict[str, set[str]] = defaultdict(set)
    for draft in entries.values():
        if draft.type == "PER" and draft.wikidata and draft.label_en:
            by_label[_fold_en(draft.label_en)].add(draft.id)
    latin = lambda word: consonants(word, letter_classes["lat"])
    agents = (shared / "phoenix-petrarch2" / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    # words of Phoenix's agents (PRESIDENT, MINISTER, SECRETARY, GENERAL): an alias holding one is a title run into a name
    titles = {word for line in agents.splitlines() if not line.startswith("#")
              for word in re.split(r"[\s_!=,]+", _fold_en(line.partition("[")[0])) if word.isalpha()}
    for names in read_phoenix_actors(shared):
        found = set().union(*(by_label.get(name, set()) for name in names))
        if len(found) != 1:
            continue
        draft = entries[found.pop()]
        label_words = {latin(w) for w in _fold_en(draft.label_en).replace("-", " ").split()}
        aliases = {n for n in names if latin(n.replace("-", " ").split()[-1]) in label_words
                   and titles.isdisjoint(n.replace("-", " ").split())} - {_fold_en(draft.label_en)}
        if aliases:
            draft.names_en.update(aliases)
            draft.sources.add("phoenix-petrarch2")


def add_up_people(shared: Path, entries: dict[str, Draft], countries: dict[str, Draft],
                  letter_classes: dict[str, dict[str, str]]) -> None:
    """Join UniversalPetrarch's Arabic-named people to office holders of their country by transliteration, or add them.

    The join needs the consonant classes of the whole Arabic name (كامل) to equal those of the
    holder's English name or one of its Phoenix aliases, an office in the country of the entry's
    CAMEO code, and that office's dates to meet the entry's (TURGOV 2003-2014 and Prime Minister
    of Turkey 2003-2014).
    """
    by_cca3 = {}
    mledoze = json.loads((shared / "mledoze-countries" / "countries.json").read_text(encoding="utf-8"))
    for record in mledoze:
        if record["cca2"] in countries:
            by_cca3[record["cca3"]] = countries[record["cca2"]].id
    key_of = lambda name, script: "".join(consonants(w, letter_classes[script]) for w in name.replace("-", " ").split())
    holders: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)
    for draft in entries.values():
        if draft.type == "PER" and draft.label_en and draft.wikidata:
            for role in draft.roles:
                for name in {draft.label_en, *draft.names_en} if role["country"] else ():
                    holders[(role["country"], key_of(name, "lat"))].append((draft.id, role))
    known = {_key(n) for e in entries.values() for n in e.names_ar | {e.label_ar} if n}
    demonyms = {d for c in countries.values() for d in c.demonym_ar}
    given_names = read_given_names(shared.parent / "anercorp" / "train.txt")
    for name, roles, certain in read_up_people(shared, demonyms, given_names):
        if _key(name) in known:
            continue
        country = next((by_cca3[c] for c, *_ in roles if c in by_cca3), None)
        if country is None and not any(c in UP_ORG_CODES for c, *_ in roles):
            continue  # a role with no country and no international body: REBRAD, a description's
        # a short name (جو بايدن, jbdn) needs the dates of a term to meet, an undated entry a longer name
        key = key_of(name, "ar")
        found = {kb_id for kb_id, role in holders.get((country, key), ())
                 if any(by_cca3.get(code) == country and (start or len(key) >= MIN_LATIN_KEY)
                        and _on_or_before(start, role["end"]) and _on_or_before(role["start"], end)
                        for code, _, start, end in roles)}
        if len(found) == 1:
            draft = entries[found.pop()]
        elif not certain:
            continue  # only an office holder's name and country vouch for an undated entry of unknown words
        else:
            new_id = "kg:" + "-".join(_key(name).split())
            draft = entries.setdefault(new_id, Draft(id=new_id, type="PER", country=country))
            draft.roles.extend(_role(f"CAMEO {code}{kind}", by_cca3.get(code), None, start, end)
                               for code, kind, start, end in roles if code in by_cca3)
        draft.sources.add("universalpetrarch-arabic")
        draft.names_ar.add(name)
        draft.label_ar = draft.label_ar or name
        known.add(_key(name))


def add_state_bodies(path: Path, entries: dict[str, Draft], countries: dict[str, Draft]) -> None:
    """Add each country's usual bodies (its government, ministries, army) from the templates of kb_state_bodies.tsv.

    A name a curated body has stays that body's (وزارة الخارجية الأمريكية is Q789915).
    """
    taken = {_key(n) for e in entries.values() for n in e.names_ar | {e.label_ar} if n}
    for row in read_curated(path):
        for draft in sorted(countries.values(), key=lambda c: c.id):
            if not draft.label_ar or draft.id not in entries or not (draft.independent or draft.demonym_ar):
                continue
            body = Draft(id=f"kg:{row['key']}-{_slug(draft.label_en or draft.id)[3:]}", type="ORG",
                         label_en=row["label_en"].format(draft.label_en), country=draft.id, sources={"kb_state_bodies"})
            body.names_ar = {row["construct"].format(name)
                             for name in {draft.label_ar} | {n for n in draft.names_ar if " " not in n}}
            ending = "ة" if row["gender"] == "f" else ""
            nisbas = [f"{row['definite']} ال{d}{ending}" for d in sorted(draft.demonym_ar)]
            body.names_ar.update(nisbas)
            body.names_ar = {n for n in body.names_ar if _key(n) not in taken}
            # News names a state's body by its nisba (وزارة الدفاع الجزائرية), so that is its label.
            free = [n for n in nisbas if _key(n) not in taken]
            body.label_ar = free[0] if free else row["construct"].format(draft.label_ar)
            entries.setdefault(body.id, body)


def city_draft(row: dict, countries: dict[str, Draft]) -> Draft:
    """Return the entry of a dr5hn city row."""
    draft = Draft(id=row["wikidata"], type="LOC", wikidata=row["wikidata"], label_en=row["name"],
                  country=countries[row["country_code"]].id, sources={"dr5hn-csc"})
    if row.get("ar"):
        draft.label_ar = row["ar"].strip()
        draft.names_ar.add(draft.label_ar)
    return draft


def build_people(shared: Path) -> dict[str, Draft]:
    """Return office holders from the everypolitician CSVs keyed by QID, with English labels and roles."""
    folder = shared / "everypolitician-wikidata"
    people: dict[str, Draft] = {}

    def add(qid: str, label: str, role: dict) -> None:
        draft = people.setdefault(qid, Draft(id=qid, type="PER", wikidata=qid, label_en=label.strip(),
                                             sources={"everypolitician-wikidata"}))
        if role not in draft.roles:
            draft.roles.append(role)

    with (folder / "world-leaders-2021_wikidata.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            add(row["officeholder"], row["officeholderLabel"],
                _role(row["positionLabel"], row["countryid"], None, row["start_year"], row["end_year"]))
    with (folder / "world_foreign-ministers_wikidata.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            if row["person"]:
                add(row["person"], row["name"], _role(row["positionLabel"], row["country"], None, row["start"], None))
    with (folder / "world_intl-org-holders21.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            if row["personID"]:
                add(row["personID"], row["person"], _role(row["position"], None, None, row["start"], row["end"]))
    for draft in people.values():
        counts = Counter(r["country"] for r in draft.roles if r["country"])
        if counts:
            # the country most of the person's offices belong to; ties broken by QID for stability
            draft.country = min(counts, key=lambda q: (-counts[q], q))
    return people


def _on_or_before(earlier: str | None, later: str | None) -> bool:
    # an open bound compares as true; "2017" vs "2017-05-14" compares the shared prefix
    if earlier is None or later is None:
        return True
    width = min(len(earlier), len(later))
    return earlier[:width] <= later[:width]


def _same_term(a: dict, b: dict) -> bool:
    """Tell whether two role records describe the same term of office."""
    # a source role's org is filled only later, from its title, so a missing org matches any
    same_org = a["org"] is None or b["org"] is None or a["org"] == b["org"]
    same_office = same_org and (a["role"].casefold(), a["country"]) == (b["role"].casefold(), b["country"])
    return same_office and _on_or_before(a["start"], b["end"]) and _on_or_before(b["start"], a["end"])


def read_curated(path: Path) -> list[dict]:
    """Return the rows of the curated TSV as dicts, checking the column count."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header, *body = [line.split("\t") for line in lines]
    rows = []
    for number, cells in enumerate(body, start=2):
        if len(cells) > len(header):
            raise ValueError(f"{path}: data row {number} has {len(cells)} columns, expected {len(header)}")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


def _split(cell: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in cell.split(sep) if part.strip()]


def _latin_key(name: str, letter_classes: dict[str, dict[str, str]]) -> str:
    """Return the consonant classes of a whole English name (Mohamed, Mohammed → mmd)."""
    return "".join(consonants(w, letter_classes["lat"]) for w in _fold_en(name).replace("-", " ").split())


def holders_by_sound(entries: dict[str, Draft], letter_classes: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    """Return office holders with a QID by (consonant classes of the English name, country), where that pair is one person's.

    Spellings of one name in English differ in vowels and doubled letters only (Mansur / Mansour);
    the country keeps two people of one name in different states apart.
    """
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for draft in entries.values():
        if draft.type != "PER" or not draft.wikidata or not draft.label_en:
            continue
        for country in ({draft.country} | {r["country"] for r in draft.roles}) - {None}:
            if len(key := _latin_key(draft.label_en, letter_classes)) >= MIN_LATIN_KEY:
                found[(key, country)].add(draft.id)
    return {pair: ids.pop() for pair, ids in found.items() if len(ids) == 1}


def apply_curated(rows: list[dict], entries: dict[str, Draft], countries: dict[str, Draft],
                  cities: dict[str, dict], letter_classes: dict[str, dict[str, str]]) -> None:
    """Merge curated rows into the entries: names, labels, nisba adjectives, countries and roles."""
    people_by_label = {_fold_en(e.label_en): e for e in entries.values() if e.type == "PER" and e.label_en}
    people_by_sound = holders_by_sound(entries, letter_classes)

    def qid_of(ref: str) -> str | None:
        if ref.startswith("iso:"):
            return countries[ref[4:]].id
        return ref or None

    for row in rows:
        key, kind, label_en = row["key"].strip(), row["type"].strip(), row["label_en"].strip()
        if key.startswith("iso:"):
            draft = countries[key[4:]]
        elif key in entries:
            draft = entries[key]
        elif key in cities:
            draft = entries[key] = city_draft(cities[key], countries)
        elif not key and _fold_en(label_en) in people_by_label:
            draft = people_by_label[_fold_en(label_en)]
        elif not key and kind == "PER" and (holder := people_by_sound.get(
                (_latin_key(label_en, letter_classes), qid_of(row["country"].strip())))):
            draft = entries[holder]  # Mohamed bin Zayed Al Nahyan is everypolitician's Mohammed bin Zayed
        else:
            new_id = key or _slug(label_en)
            draft = entries.setdefault(new_id, Draft(id=new_id, type=kind))
            draft.wikidata = new_id if new_id.startswith("Q") else None
        if draft.type != kind:
            raise ValueError(f"curated row {key or label_en}: type {kind} but the entry is {draft.type}")
        draft.sources.add("kb_curated")
        draft.label_en = draft.label_en or label_en or None
        draft.label_ar = row["label_ar"].strip() or draft.label_ar
        names = _split(row["names_ar"])
        draft.names_ar.update(n for n in names if not n.startswith("-"))
        draft.names_ar.difference_update(n[1:] for n in names if n.startswith("-"))
        draft.demonym_ar.update(_split(row["demonym_ar"]))
        draft.country = qid_of(row["country"].strip()) or draft.country
        curated_roles = []
        for spec in _split(row["roles"], ";"):
            role, country, org, start, end = (spec.split("|") + [""] * 5)[:5]
            curated_roles.append(_role(role, qid_of(country.strip()), org.strip(), start, end))
        # a hand-checked role replaces the source's record of the same term (same office, overlapping dates)
        draft.roles = [r for r in draft.roles if not any(_same_term(r, c) for c in curated_roles)]
        draft.roles.extend(curated_roles)


def add_named_people(path: Path, entries: dict[str, Draft], source: str) -> None:
    """Add the people of a TSV of QID, Arabic and English name, country (`kb_everypolitician.tsv`, `kb_people_ar.tsv`).

    A person the knowledge base already holds under the same Arabic name, of that country or none, and
    without a QID is that person: it takes the QID as its id (محمد الناصر, curated, is Mohamed Ennaceur),
    or is merged into the QID's entry where there is one (an office holder with no Arabic name).
    """
    for row in read_curated(path):
        qid, name_ar, name_en, country = (row[column].strip() for column in ("qid", "name_ar", "name_en", "country"))
        key = _key(name_ar)
        same_name = [e for e in entries.values() if e.type == "PER" and not e.wikidata and e.country in (None, country)
                     and key in {_key(n) for n in e.names_ar | {e.label_ar}}]
        if len(same_name) == 1 and qid in entries:
            _absorb(entries[qid], entries.pop(same_name[0].id))
        elif len(same_name) == 1:
            draft = entries.pop(same_name[0].id)
            draft.id = draft.wikidata = qid
            entries[qid] = draft
        draft = entries.setdefault(qid, Draft(id=qid, type="PER", wikidata=qid))
        if draft.type != "PER":
            raise ValueError(f"{path.name}: {qid} is a person here but {draft.type} in the knowledge base")
        draft.sources.add(source)
        draft.label_ar = draft.label_ar or name_ar
        draft.label_en = draft.label_en or name_en or None
        draft.names_ar.add(name_ar)
        draft.country = draft.country or country


def _absorb(keep: Draft, other: Draft) -> None:
    """Give an entry the names, labels it lacks, roles, country and sources of another entry of the same person."""
    keep.names_ar |= other.names_ar | ({other.label_ar} if other.label_ar else set())
    keep.label_ar = keep.label_ar or other.label_ar
    keep.label_en = keep.label_en or other.label_en
    keep.roles.extend(r for r in other.roles if r not in keep.roles)
    keep.country = keep.country or other.country
    keep.sources |= other.sources


def merge_spellings(entries: dict[str, Draft]) -> None:
    """Merge the people the sources enter once per spelling (بيل كلينتون / بيل كلنتون, عبد العزيز بوتفليقة / بو تفليقة).

    Two people of one country with a full name (two words or more) of one consonant skeleton are one
    person; a group holding two QIDs is left apart. The entry with a QID, else an English label, keeps
    its id and takes the others' names, roles and sources.
    """
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for draft in entries.values():
        if draft.type == "PER" and draft.country:
            for name in draft.names_ar | {draft.label_ar}:
                if len(name.split()) > 1:
                    groups[(skeleton(name), draft.country)].add(draft.id)
    # one person's spellings may meet in several groups: join the groups that share an entry
    component = {kb_id: kb_id for ids in groups.values() for kb_id in ids}

    def root(kb_id: str) -> str:
        while component[kb_id] != kb_id:
            kb_id = component[kb_id]
        return kb_id

    for ids in groups.values():
        first, *rest = sorted(ids)
        for other in rest:
            component[root(other)] = root(first)
    people: dict[str, list[Draft]] = defaultdict(list)
    for kb_id in sorted(component):
        people[root(kb_id)].append(entries[kb_id])
    for drafts in people.values():
        if len(drafts) < 2 or len({d.wikidata for d in drafts} - {None}) > 1:
            continue
        keep, *others = sorted(drafts, key=lambda d: (d.wikidata is None, d.label_en is None, -len(d.names_ar), d.id))
        for other in others:
            _absorb(keep, other)
            del entries[other.id]


def _name_words(name: str) -> tuple[str, ...]:
    """Return a name's words without the article or an opening alif (ابن كيران, بن كيران → بن كيران)."""
    words = []
    for word in _key(name).split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word.lstrip("ا") or word)
    return tuple(words)


def _extends(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Tell whether a name of more words holds a shorter full name in order, ends on its surname and adds none
    of its words (حسني مبارك ⊂ محمد حسني مبارك; عبد الله بن عبد العزيز's son repeats بن and is another person)."""
    if len(shorter) < 2 or len(longer) <= len(shorter) or longer[-1] != shorter[-1]:
        return False
    rest = iter(longer)
    if not all(word in rest for word in shorter):
        return False
    added = list(longer)
    for word in shorter:
        added.remove(word)
    return not set(added) & set(shorter)


def merge_into_qids(entries: dict[str, Draft]) -> None:
    """Merge a person entered without a QID into the one person with a QID who is the same (سعد الحريري into
    Q296771 سعد الدين الحريري, محمد حسني مبارك into Q34105 حسني مبارك).

    Of one country, or one of them of none, the two are one person when a full name (two words or more) of
    one ends on the surname of a name of the other (`_name_words`) and has its consonant skeleton, or holds
    it in order (`_extends`). An entry that is so close to two QIDs is left apart, and so is a pair
    `kb_not_same.tsv` records as two people (a namesake the rule cannot tell apart).
    """
    apart = {(row["id"], row["qid"]) for row in read_curated(NOT_SAME)}
    with_qid: dict[str, list[tuple[Draft, tuple[str, ...], str]]] = defaultdict(list)  # by surname
    for draft in entries.values():
        if draft.type == "PER" and draft.wikidata:
            for name in draft.names_ar | {draft.label_ar}:
                if len(words := _name_words(name)) > 1:
                    with_qid[words[-1]].append((draft, words, skeleton(name)))
    for draft in sorted((e for e in entries.values() if e.type == "PER" and not e.wikidata), key=lambda e: e.id):
        found: set[str] = set()
        for name in draft.names_ar | {draft.label_ar}:
            if len(words := _name_words(name)) < 2:
                continue
            for holder, holder_words, holder_skeleton in with_qid.get(words[-1], ()):
                if (None in (draft.country, holder.country) or draft.country == holder.country) and (
                        holder_skeleton == skeleton(name) or _extends(words, holder_words) or _extends(holder_words, words)):
                    found.add(holder.id)
        if len(found) == 1 and (draft.id, qid := found.pop()) not in apart:
            _absorb(entries[qid], entries.pop(draft.id))


def add_people_qids(path: Path, entries: dict[str, Draft], letter_classes: dict[str, dict[str, str]]) -> None:
    """Give the QIDs of `kb_people_qids.tsv` (QID, English name, country) to the Arabic-named people they name.

    A row names a person of the knowledge base without a QID, of the row's country or none, whose English
    label is the row's name (Béji Caïd Essebsi, folded) or whose Arabic name of two words or more has the
    consonant classes of the row's whole name (يوسف الشاهد ~ Youssef Chahed). Only a row that names one such
    person, who is named by no row of another QID, joins; the others add nothing. Where the QID is already
    an entry with no Arabic name (an office holder of everypolitician-wikidata), the person is merged into it.
    """
    ar_key = lambda name: "".join(consonants(w, letter_classes["ar"]) for w in name.replace("-", " ").split())
    people = [e for e in entries.values() if e.type == "PER" and not e.wikidata and (e.label_ar or e.names_ar)]
    by_label: dict[str, set[str]] = defaultdict(set)
    by_sound: dict[str, set[str]] = defaultdict(set)
    for person in people:
        if person.label_en:
            by_label[_fold_en(person.label_en)].add(person.id)
        for name in person.names_ar | {person.label_ar}:
            if len(name.split()) > 1 and len(key := ar_key(name)) >= MIN_LATIN_KEY:
                by_sound[key].add(person.id)
    named: dict[str, set[str]] = defaultdict(set)  # person id -> QIDs of the rows naming them
    label_of: dict[str, str] = {}  # QID -> the English name of its first row
    for row in read_curated(path):
        qid, name_en, country = (row[column].strip() for column in ("qid", "name_en", "country"))
        name_en = PARENTHESES.sub("", name_en).strip()  # Mohamed Ben Salem (1953)
        label_of.setdefault(qid, name_en)
        found = by_label.get(_fold_en(name_en), set()) | by_sound.get(_latin_key(name_en, letter_classes), set())
        found = {kb_id for kb_id in found if entries[kb_id].country in (None, country)}
        if len(found) == 1:
            named[found.pop()].add(qid)
    people_of: dict[str, set[str]] = defaultdict(set)
    for kb_id, qids in named.items():
        for qid in qids:
            people_of[qid].add(kb_id)
    for kb_id, qids in sorted(named.items()):
        if len(qids) != 1 or len(people_of[qid := min(qids)]) != 1:
            continue  # one person named by two QIDs, or one QID naming two people: no join
        draft = entries.pop(kb_id)
        if qid in entries:
            holder = entries[qid]
            if holder.type != "PER" or holder.label_ar or holder.names_ar:
                entries[kb_id] = draft
                continue  # the QID already has its own Arabic-named entry
            _absorb(holder, draft)
            draft = holder
        draft.id = draft.wikidata = qid
        draft.label_en = draft.label_en or label_of[qid]
        draft.sources.add("every-politician-scrapers")
        entries[qid] = draft


def link_role_orgs(entries: dict[str, Draft]) -> None:
    """Fill a role's org from its title ("Secretary-General of the United Nations" → Q1065) and check org ids."""
    orgs = {_fold_en(e.label_en): e.id for e in entries.values() if e.type == "ORG" and e.label_en}
    for draft in entries.values():
        for role in draft.roles:
            if role["org"] is None and (match := ROLE_ORG.search(role["role"])):
                role["org"] = orgs.get(_fold_en(match.group(1)))
            if role["org"] is not None and role["org"] not in entries:
                raise ValueError(f"{draft.id}: role {role['role']!r} names unknown org {role['org']}")


def mark_regions(entries: dict[str, Draft], countries: dict[str, Draft]) -> None:
    """Flag the curated places that belong to no country and are none (أوروبا، الشرق الأوسط، البحر المتوسط)."""
    country_ids = {c.id for c in countries.values()}
    for draft in entries.values():
        draft.region = draft.type == "LOC" and draft.country is None and draft.id not in country_ids


def drop_self_demonyms(countries: dict[str, Draft]) -> None:
    """Remove a country's nisba adjective from its names (rigour lists سعودي and تركي as names)."""
    for draft in countries.values():
        adjectives = {_key(d) for d in draft.demonym_ar}
        draft.names_ar = {n for n in draft.names_ar if _key(n) not in adjectives}


def build(shared: Path, curated: Path) -> list[dict]:
    """Return the knowledge base as kb.jsonl records, sorted by (type, id).

    Args:
        shared: the folder holding the shared entity sources (see its SOURCE.md).
        curated: the project's curated TSV.
    """
    countries = build_countries(shared)
    cities, major = read_cities(shared, countries)
    entries: dict[str, Draft] = {c.id: c for c in countries.values()}
    for qid in sorted(major):
        entries[qid] = city_draft(cities[qid], countries)
    for qid, person in build_people(shared).items():
        entries.setdefault(qid, person)
    letter_classes = Lexicon.load().letter_classes
    apply_curated(read_curated(curated), entries, countries, cities, letter_classes)
    drop_self_demonyms(countries)
    mark_regions(entries, countries)
    link_role_orgs(entries)
    add_territories(shared, entries, countries)
    add_phoenix_aliases(shared, entries, letter_classes)
    add_up_people(shared, entries, countries, letter_classes)
    add_named_people(EVERYPOLITICIAN_PEOPLE, entries, "everypolitician-data")
    merge_spellings(entries)
    add_people_qids(PEOPLE_QIDS, entries, letter_classes)
    add_named_people(PEOPLE_AR, entries, "kb_people_ar")
    merge_into_qids(entries)
    add_small_cities(entries, cities, countries)
    add_state_bodies(STATE_BODIES, entries, countries)
    records = [e.to_json() for e in entries.values() if e.label_ar or e.type == "PER"]
    return sorted(records, key=lambda r: (r["type"], r["id"]))


def write_jsonl(records: list[dict], out: Path) -> None:
    """Write one JSON object per line, UTF-8, keys in schema order."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared KB sources folder")
    parser.add_argument("--curated", type=Path, default=DEFAULT_CURATED, help="curated TSV")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output kb.jsonl")
    args = parser.parse_args(argv)
    records = build(args.shared, args.curated)
    write_jsonl(records, args.out)
    counts = Counter(r["type"] for r in records)
    print(f"{args.out}: {len(records)} entries ({', '.join(f'{t} {n}' for t, n in sorted(counts.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
