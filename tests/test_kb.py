import importlib.util
import sys
from pathlib import Path

import pytest

from kg.kb import KBEntry, KnowledgeBase, nisba_stems

REPO = Path(__file__).resolve().parents[1]
SHARED_KB = REPO.parent / "shared" / "data" / "kb"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [
        ("توكاييف", "Q200881"),
        ("توقاييف", "Q200881"),
        ("قاسم جومارت توكاييف", "Q200881"),
        ("ألماتي", "Q35493"),
        ("ألما آتا", "Q35493"),
        ("كازاخستان", "Q232"),
        ("الاتحاد الأوروبي", "Q458"),
        ("الاتحاد الاوروبي", "Q458"),
        ("نتنياهو", "Q43723"),
        ("نتانياهو", "Q43723"),
        ("أردوغان", "Q39259"),
        ("اردوغان", "Q39259"),
        ("شي جين بينغ", "Q15031"),
        ("شي جينبينغ", "Q15031"),
        ("منظمة معاهدة الأمن الجماعي", "kg:csto"),
        ("داعش", "Q2429253"),
        ("الولايات المتحدة الأمريكية", "Q30"),
        ("ماكرون", "Q3052772"),
    ],
)
def test_lookup_finds_every_spelling(kb, name, expected_id):
    assert expected_id in [entry.id for entry in kb.lookup(name)]


def test_lookup_tries_the_name_without_the_article(kb):
    # "الكازاخستان" is not a spelling, but the article is stripped when nothing matches
    assert [entry.id for entry in kb.lookup("الكازاخستان")] == ["Q232"]


def test_a_curated_body_keeps_its_name_from_the_generated_ones(kb):
    assert [entry.id for entry in kb.lookup("وزارة الخارجية الأمريكية")] == ["Q789915"]


def test_lookup_of_an_unknown_name_is_empty(kb):
    assert kb.lookup("وزارة الداخلية") == []


def test_names_are_normalised(kb):
    names = {name for name, entry in kb.names() if entry.id == "Q200881"}
    assert "توقاييف" in names
    assert "قاسم جومارت توكاييف" in names


@pytest.mark.parametrize(
    ("word", "expected_id"),
    [
        ("الصيني", "Q148"),
        ("الروسية", "Q159"),
        ("الفرنسي", "Q142"),
        ("الكازاخي", "Q232"),
        ("كازاخستاني", "Q232"),
        ("الأمريكية", "Q30"),
        ("الأميركي", "Q30"),
        ("الأمريكيين", "Q30"),
        ("الألمانية", "Q183"),
        ("التونسيون", "Q948"),
        ("الفلسطينيين", "Q219060"),
        ("الفلسطينيى", "Q219060"),  # its ي written twice
        ("صيني", "Q148"),
    ],
)
def test_country_of_nisba(kb, word, expected_id):
    country = kb.country_of_nisba(word)
    assert country is not None and country.id == expected_id


@pytest.mark.parametrize(
    "word",
    [
        "المالي",  # financial, and a prefix of Mali, Malta, Malaysia...
        "الدولي",
        "الكوري",  # North or South
        "الساحلي",  # coastal, not ساحل العاج
        "البحرية",  # naval, not البحرين
        "الإقليمي",  # regional, not إقليم المحيط الهندي البريطاني
        "الصين",  # a country's name, not a nisba
    ],
)
def test_country_of_nisba_refuses_ambiguous_or_non_nisba_words(kb, word):
    assert kb.country_of_nisba(word) is None


@pytest.mark.parametrize(
    ("word", "expected_id"),
    [("الكازاخي", "kz"), ("كازاخستاني", "kz"), ("المالطية", "mt"), ("النيجيري", "ng"), ("النيجري", "ne"),
     ("المالي", None)],  # مالي less nothing is مالي, not مال
)
def test_a_nisba_without_a_demonym_is_a_country_named_by_its_stem_and_one_ending(word, expected_id):
    # the stem less its ي, then nothing, ا، يا، ستان or يه, is the name of exactly one country
    countries = [KBEntry(kb_id, "LOC", None, name, None, (name,), None, (), ())
                 for kb_id, name in [("kz", "كازاخستان"), ("mt", "مالطا"), ("ng", "نيجيريا"), ("ne", "النيجر"), ("ml", "مالي")]]
    country = KnowledgeBase(countries, {}).country_of_nisba(word)
    assert (country and country.id) == expected_id


@pytest.mark.parametrize(
    ("first", "second", "expected_id"),
    [("الكوري", "الشمالي", "Q423"), ("الكورية", "الجنوبية", "Q884"), ("الكوريين", "الشماليين", "Q423")],
)
def test_country_of_nisba_pair(kb, first, second, expected_id):
    country = kb.country_of_nisba_pair(first, second)
    assert country is not None and country.id == expected_id


@pytest.mark.parametrize(("first", "second"), [("الكوري", "الجديد"), ("الصيني", "الشمالي"), ("الكوري", "الوطني")])
def test_country_of_nisba_pair_needs_a_country_named_so(kb, first, second):
    assert kb.country_of_nisba_pair(first, second) is None


@pytest.mark.parametrize(
    ("word", "stems"),
    [("الصينية", ["صيني"]), ("الأمريكيون", ["امريكي"]), ("الكوريتين", ["كوري"]),
     ("الفلسطينيى", ["فلسطيني"]), ("التونسيي", ["تونسي"])],  # the nisba's ي written twice
)
def test_nisba_stems(word, stems):
    assert nisba_stems(word) == stems


@pytest.mark.parametrize(
    ("role", "country", "date", "expected_id"),
    [
        ("president", "Q142", "2017-06-01", "Q3052772"),  # Macron, after 14 May 2017
        ("president", "Q142", "2016-01-01", "Q157"),  # Hollande
        ("president", "Q30", "2017-01-19", "Q76"),  # Obama, the day before Trump
        ("president", "Q30", "2017-02-01", "Q22686"),
        ("president", "Q232", "2020", "Q200881"),
        ("chancellor", "Q183", "2019", "Q567"),
        ("foreign minister", "Q43", "2019", "Q249206"),
        ("minister of foreign affairs", "Q159", "2016", "Q58217"),
        ("secretary-general", "Q1065", "2018", "Q311440"),  # an organisation's office
        ("president", "Q142", None, "Q3052772"),  # open term
    ],
)
def test_office_holder(kb, role, country, date, expected_id):
    holder = kb.office_holder(role, country, date)
    assert holder is not None and holder.id == expected_id


@pytest.mark.parametrize(
    ("role", "country", "date"),
    [
        ("president", "Q142", "2017"),  # Hollande and Macron both held it in 2017
        ("secretary-general", None, "2018"),  # UN, Arab League, NATO...
        ("president", "Q142", "1900"),
    ],
)
def test_office_holder_is_none_when_ambiguous_or_unknown(kb, role, country, date):
    assert kb.office_holder(role, country, date) is None


def test_a_term_known_to_its_year_surely_covers_no_day_of_that_year(kb):
    """Moon Jae-in's term is known as 2017–2022: on 11 March 2017 he may or may not have held it."""
    assert kb.office_holder("president", "Q884", "2017-03-11").id == "Q21001"
    assert kb.office_holder("president", "Q884", "2017-03-11", surely=True) is None
    assert kb.office_holder("president", "Q884", "2018-03-11", surely=True).id == "Q21001"
    assert kb.office_holder("president", "Q30", "2017-01-19", surely=True).id == "Q76"  # terms known to the day


def test_vice_president_is_not_president(kb):
    biden = kb.get("Q6279")
    assert kb.office_holder("president", "Q30", "2015") != biden


@pytest.fixture(scope="module")
def build_kb():
    spec = importlib.util.spec_from_file_location("build_kb_module", REPO / "scripts" / "build_kb.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_kb_module"] = module  # dataclasses resolve the script's annotations through sys.modules
    spec.loader.exec_module(module)
    yield module
    del sys.modules["build_kb_module"]


@pytest.mark.skipif(not SHARED_KB.is_dir(), reason=f"shared KB sources absent at {SHARED_KB}")
def test_build_is_deterministic(build_kb, tmp_path):
    outputs = []
    for name in ("first.jsonl", "second.jsonl"):
        out = tmp_path / name
        build_kb.write_jsonl(build_kb.build(SHARED_KB, build_kb.DEFAULT_CURATED), out)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert KnowledgeBase.load(tmp_path / "first.jsonl").get("Q232") is not None


def test_tagger_names_are_names_of_entries_of_their_type(kb):
    # the shipped CRF's gazetteer features are built from this frozen list: each row must still
    # be a name of its entry, with the type it was trained with
    from kg.kb import TAGGER_NAMES

    lines = [line for line in TAGGER_NAMES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) > 1000
    for name, kind, kb_id in rows:
        entry = kb.get(kb_id)
        assert entry is not None and entry.type == kind and name in entry.keys, (name, kind, kb_id)
    assert sorted((name, entry.type) for name, entry in kb.names()) == sorted((n, k) for n, k, _ in rows)


def test_stored_keys_are_the_normalised_names(kb):
    from kg.kb import _name_key

    for entry in kb.entries():
        assert list(entry.keys) == list(dict.fromkeys(_name_key(n) for n in entry.names_ar)), entry.id


def test_places_and_bodies_have_arabic_names(kb):
    # people of the everypolitician lists may be known in English only (linked by transliteration)
    assert all(entry.label_ar and entry.names_ar for entry in kb.entries() if entry.type != "PER")
    assert sum(bool(entry.label_ar) for entry in kb.entries()) > 15_000


@pytest.mark.parametrize(
    ("name", "expected_id", "country"),
    [
        ("حكومة كازاخستان", "kg:government-kazakhstan", "Q232"),
        ("الحكومة الكازاخية", "kg:government-kazakhstan", "Q232"),
        ("وزارة الخارجية الكازاخية", "kg:foreign-ministry-kazakhstan", "Q232"),
        ("بنك فرنسا المركزي", "kg:central-bank-france", "Q142"),
    ],
)
def test_state_bodies_are_generated(kb, name, expected_id, country):
    [entry] = kb.lookup(name)
    assert (entry.id, entry.type, entry.country, entry.is_generated) == (expected_id, "ORG", country, True)


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [
        ("دبي", "Q612"),  # the city, not the emirate of the same name
        ("الشارقة", "Q289693"),  # an emirate (rigour)
        ("صفاقس", "Q46325"),
        ("سيدني", "Q3130"),  # not the smaller Sydney of Nova Scotia
    ],
)
def test_territories_and_cities(kb, name, expected_id):
    assert [entry.id for entry in kb.lookup(name)] == [expected_id]


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [
        # curated rows joined to everypolitician's holder by the sound of the English name and the country
        ("عبد ربه منصور هادي", "Q57480"),  # curated Mansur, everypolitician Mansour
        ("محمد بن زايد آل نهيان", "Q1951896"),  # curated Mohamed, everypolitician Mohammed
        # a UniversalPetrarch person joined to a holder of the same country, name and years
        ("رياض المالكي", "Q2895694"),
    ],
)
def test_people_are_joined_to_office_holders_with_a_qid(kb, name, expected_id):
    assert [entry.id for entry in kb.lookup(name)] == [expected_id]


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [
        # everypolitician-data's Tunisian legislators (kb_everypolitician.tsv), new to the knowledge base
        ("عبد الفتاح مورو", "Q2821016"),
        ("علي العريض", "Q281184"),  # the source writes علي العريّض
        # a curated or UniversalPetrarch person without a QID takes the legislator's
        ("محمد الناصر", "Q3318530"),
        ("نبيه بري", "Q704220"),
        # Egypt's parliament
        ("توفيق عكاشة", "Q4118035"),
    ],
)
def test_everypolitician_legislators_have_their_qid(kb, name, expected_id):
    assert [(entry.id, entry.wikidata, entry.type) for entry in kb.lookup(name)] == [(expected_id, expected_id, "PER")]


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [
        # kb_people_qids.tsv rows joined by the English label of a curated person (Béji Caïd Essebsi, folded)
        ("الباجي قائد السبسي", "Q313539"),
        ("يوسف الشاهد", "Q25391268"),
        # by the consonant classes of a UniversalPetrarch person's whole Arabic name
        ("حيدر العبادي", "Q5639013"),
        ("عادل الجبير", "Q623802"),
        # two entries of one person's spellings, merged, then joined (بوتفليقة / بو تفليقة)
        ("عبد العزيز بو تفليقة", "Q57308"),
        ("عبد العزيز بوتفليقة", "Q57308"),
        ("بيل كلنتون", "Q1124"),
        ("بيل كلينتون", "Q1124"),
    ],
)
def test_people_take_the_qid_of_an_office_holder_list(kb, name, expected_id):
    assert [(entry.id, entry.wikidata) for entry in kb.lookup(name)] == [(expected_id, expected_id)]


def test_a_qid_row_naming_two_people_joins_neither(build_kb, tmp_path):
    from kg.lexicon import Lexicon

    Draft = build_kb.Draft
    entries = {
        "kg:a": Draft(id="kg:a", type="PER", label_ar="حسني مبارك", names_ar={"حسني مبارك"}, country="Q79"),
        "kg:b": Draft(id="kg:b", type="PER", label_ar="سوزان مبارك", names_ar={"سوزان مبارك"}, country="Q79"),
        "kg:c": Draft(id="kg:c", type="PER", label_ar="هشام قنديل", names_ar={"هشام قنديل"}, country="Q79"),
    }
    rows = tmp_path / "qids.tsv"
    rows.write_text("qid\tname_en\tcountry\tsource\nQ34105\tHosni Mubarak\tQ79\tx\nQ57728\tHesham Qandil\tQ79\tx\n"
                    "Q1\tHosni Mubarak\tQ30\tx\n", encoding="utf-8")
    build_kb.add_people_qids(rows, entries, Lexicon.load().letter_classes)
    # سوزان and حسني share their consonant classes: the row names two people; the US row names no one of its country
    assert sorted(entries) == ["Q57728", "kg:a", "kg:b"]
    assert entries["Q57728"].label_en == "Hesham Qandil" and entries["Q57728"].names_ar == {"هشام قنديل"}


def test_spellings_of_one_person_are_merged_but_not_two_qids(build_kb):
    Draft = build_kb.Draft
    entries = {
        "kg:a": Draft(id="kg:a", type="PER", label_ar="بيل كلينتون", names_ar={"بيل كلينتون"}, country="Q30"),
        "kg:b": Draft(id="kg:b", type="PER", label_ar="بيل كلنتون", names_ar={"بيل كلنتون"}, country="Q30"),
        "Q1": Draft(id="Q1", type="PER", wikidata="Q1", label_ar="جون سميث", names_ar={"جون سميث"}, country="Q30"),
        "Q2": Draft(id="Q2", type="PER", wikidata="Q2", label_ar="جون سمث", names_ar={"جون سمث"}, country="Q30"),
        "kg:c": Draft(id="kg:c", type="PER", label_ar="بيل كلينتون", names_ar={"بيل كلينتون"}, country="Q145"),
    }
    build_kb.merge_spellings(entries)
    assert sorted(entries) == ["Q1", "Q2", "kg:a", "kg:c"]
    assert entries["kg:a"].names_ar == {"بيل كلينتون", "بيل كلنتون"}


def test_office_holders_carry_phoenix_aliases(kb):
    assert "bashar assad" in kb.get("Q44329").names_en


@pytest.mark.parametrize("name", ["محمد دحلان", "فاروق الشرع"])
def test_universalpetrarch_people_are_kept(kb, name):
    assert [entry.type for entry in kb.lookup(name)] == ["PER"]


@pytest.mark.parametrize(
    "name",
    [
        "إذاعة إسرائيلي",  # a description: a body's head and a nisba
        "مخابرات أميركي",
        "رام الله",  # a dated country code alone is a place's as much as a person's
        "ملك عبد الله",  # a title before a name
    ],
)
def test_universalpetrarch_descriptions_are_no_people(kb, name):
    assert all(entry.type != "PER" for entry in kb.lookup(name))


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [("مينسك", "Q2280"), ("كييف", "Q1899"), ("الخرطوم", "Q1963"), ("باكو", "Q9248"), ("بيشكيك", "Q9361")],
)
def test_capitals_carry_their_own_qid(kb, name, expected_id):
    assert [entry.id for entry in kb.lookup(name) if entry.type == "LOC"] == [expected_id]


@pytest.mark.parametrize(("name", "expected_id"), [("أوروبا", "Q46"), ("الشرق الأوسط", "Q7204"), ("البحر المتوسط", "Q4918")])
def test_regions_are_places_of_no_country_and_no_countries(kb, name, expected_id):
    [entry] = kb.lookup(name)
    assert entry.id == expected_id and entry.country is None and entry.region and not entry.is_country


def test_first_level_divisions_are_in_their_country(kb):
    [california] = kb.lookup("ولاية كاليفورنيا")
    assert (california.wikidata, california.country) == ("Q99", "Q30")


@pytest.mark.parametrize(
    ("name", "expected_id"),
    # Basra's id dr5hn gives to Batifa too; Nice and Heidelberg dr5hn names in English only
    [("البصرة", "Q48195"), ("نيس", "Q33959"), ("هيديلبيرج", "Q2966")],
)
def test_cities_keep_a_confirmed_qid_and_get_arabic_names(kb, name, expected_id):
    assert [entry.id for entry in kb.lookup(name) if entry.type == "LOC"] == [expected_id]


def test_a_curated_arabic_spelling_joins_its_qid(build_kb, tmp_path):
    Draft = build_kb.Draft
    entries = {
        "kg:a": Draft(id="kg:a", type="PER", label_ar="حسني مبارك", names_ar={"حسني مبارك"}, country="Q79"),
        "Q34105": Draft(id="Q34105", type="PER", wikidata="Q34105", label_en="Hosni Mubarak", country="Q79"),
        "kg:b": Draft(id="kg:b", type="PER", label_ar="عمر منصور", names_ar={"عمر منصور"}, country="Q1028"),
    }
    rows = tmp_path / "people_ar.tsv"
    rows.write_text("qid\tname_ar\tname_en\tcountry\tsource\nQ34105\tحسني مبارك\tHosni Mubarak\tQ79\tx\n"
                    "Q24690887\tعمر منصور\tOmar Mansour\tQ948\tx\n", encoding="utf-8")
    build_kb.add_named_people(rows, entries, "kb_people_ar")
    # the Arabic-named person is merged into the QID's entry; a namesake of another country keeps no QID of it
    assert sorted(entries) == ["Q24690887", "Q34105", "kg:b"]
    assert entries["Q34105"].names_ar == {"حسني مبارك"} and entries["Q34105"].label_en == "Hosni Mubarak"
    assert entries["Q24690887"].names_ar == {"عمر منصور"} and entries["kg:b"].wikidata is None
    assert "kb_people_ar" in entries["Q34105"].sources


@pytest.mark.parametrize("name, expected_id", [
    ("ناجي جلول", "Q19956225"),      # kb_people_ar.tsv: Néji Jalloul, education 2015-2017
    ("سليم الخلبوصي", "Q28654181"),  # a second spelling of Slim Khalbous
    ("حسني مبارك", "Q34105"),        # the curated spelling joins the holder; the name alone did not (سوزان مبارك)
    ("لوبان", "Q12927"),             # the curated person (kg:marine-le-pen) takes the France term-15 list's QID
    ("فرحات الحرشاني", "Q19248970"),  # Farhat Horchani, defence 2015-2017, a new person
    ("هادي مجدوب", "Q21996842"),      # a spelling without the article joins the entry of الهادي مجدوب
    ("جان لوك ميلونشون", "Q5829"),    # Jean-Luc Mélenchon, France term-15 list, group La France Insoumise
])
def test_people_take_the_qid_of_their_curated_arabic_spelling(kb, name, expected_id):
    assert [e.id for e in kb.lookup(name) if e.type == "PER"] == [expected_id]


def test_a_person_without_a_qid_is_merged_into_the_one_qid_whose_name_holds_theirs(build_kb):
    Draft = build_kb.Draft
    entries = {
        "kg:a": Draft(id="kg:a", type="PER", label_ar="محمد حسني مبارك", names_ar={"محمد حسني مبارك"}, country="Q79"),
        "Q1": Draft(id="Q1", type="PER", wikidata="Q1", label_ar="حسني مبارك", names_ar={"حسني مبارك"}, country="Q79",
                    roles=[{"role": "President", "country": "Q79", "org": None, "start": "1981", "end": "2011"}]),
        # the son repeats بن: another person
        "kg:b": Draft(id="kg:b", type="PER", label_ar="خالد بن سعد بن فهد", names_ar={"خالد بن سعد بن فهد"}, country="Q851"),
        "Q2": Draft(id="Q2", type="PER", wikidata="Q2", label_ar="سعد بن فهد", names_ar={"سعد بن فهد"}, country="Q851"),
        # two QIDs hold the name: no merge
        "kg:c": Draft(id="kg:c", type="PER", label_ar="سمير جعجع", names_ar={"سمير جعجع"}, country="Q822"),
        "Q3": Draft(id="Q3", type="PER", wikidata="Q3", label_ar="سمير فريد جعجع", names_ar={"سمير فريد جعجع"}, country="Q822"),
        "Q4": Draft(id="Q4", type="PER", wikidata="Q4", label_ar="سمير نبيل جعجع", names_ar={"سمير نبيل جعجع"}, country="Q822"),
        # another country: no merge
        "kg:d": Draft(id="kg:d", type="PER", label_ar="حسني مبارك", names_ar={"حسني مبارك"}, country="Q30"),
    }
    build_kb.merge_into_qids(entries)
    assert sorted(entries) == ["Q1", "Q2", "Q3", "Q4", "kg:b", "kg:c", "kg:d"]
    assert entries["Q1"].names_ar == {"حسني مبارك", "محمد حسني مبارك"}


@pytest.mark.parametrize("name, expected_id", [
    ("سعد الحريري", "Q296771"),
    ("محمد حسني مبارك", "Q34105"),
    ("احمدي نجاد", "Q34448"),
    ("بن كيران", "Q307921"),
])
def test_kb_people_without_a_qid_are_merged_into_their_qid(kb, name, expected_id):
    assert [e.id for e in kb.lookup(name) if e.type == "PER"] == [expected_id]
