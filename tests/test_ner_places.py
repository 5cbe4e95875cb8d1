"""Places the tagger cuts: a smaller place's name of two words or more that the knowledge base knows is one mention."""

import pytest

from kg.types import Document


def _mentions(pipeline, text):
    doc = Document("t", text, "test")
    return pipeline.recognize(doc, pipeline.analyze(doc))


@pytest.mark.parametrize(
    "text, place",
    [
        ("وشن الطيران غارات على مدينة خان شيخون بريف إدلب الجنوبي.", "خان شيخون"),
        ("وقالت الشرطة إن الانفجار وقع في مدينة سانت لويس الأمريكية.", "سانت لويس"),
        ("وفككت وحدات الجيش قنبلة تقليدية الصنع بولاية تيزي وزو شرق العاصمة.", "تيزي وزو"),
        ("وعقد الرؤساء العرب قمتهم في مدينة شرم الشيخ المصرية.", "شرم الشيخ"),
        ("وقصفت الطائرات مواقع التنظيم قرب مدينة البو كمال على الحدود مع العراق.", "البو كمال"),
    ],
)
def test_a_known_place_the_tagger_split_is_one_mention(pipeline, text, place):
    found = [(m.type, m.text) for m in _mentions(pipeline, text)]
    assert ("LOC", place) in found, found
    assert not any(m.type == "LOC" and m.text in place.split() for m in _mentions(pipeline, text)), found


@pytest.mark.parametrize(
    "text, place",
    [
        # A smaller town the database reads as a common word, after a place noun (ميناء، ولاية).
        ("وشنت مقاتلات إسرائيلية غارات على ميناء الحديدة غربي اليمن.", "الحديدة"),
        ("وقصفت الطائرات ميناء اللاذقية في سوريا.", "اللاذقية"),
        # Guard: a word with no article and a noun after it heads a longer name (عين الحلوة).
        ("وقتل شاب في اشتباكات في مخيم عين الحلوة للاجئين الفلسطينيين في لبنان.", None),
    ],
)
def test_a_smaller_town_after_a_place_noun(pipeline, text, place):
    found = [(m.type, m.text) for m in _mentions(pipeline, text)]
    if place is None:
        assert not any(m.type == "LOC" and m.text == "عين" for m in _mentions(pipeline, text)), found
    else:
        assert ("LOC", place) in found, found


@pytest.mark.parametrize(
    "text, place, nisba",
    [
        ("والعمليات الجارية لاستعادة السيطرة على مدينة الرقة السورية.", "الرقة", "السورية"),
        ("وأشار التقرير إلى الانتهاكات لاتفاق وقف إطلاق النار في الجولان السوري.", "الجولان", "السوري"),
        ("وكان القارب قد غادر بودروم في طريقه إلى جزيرة كوس اليونانية.", "كوس", "اليونانية"),
    ],
)
def test_a_country_nisba_after_a_place_is_not_part_of_its_name(pipeline, text, place, nisba):
    found = [(m.type, m.text) for m in _mentions(pipeline, text)]
    assert ("LOC", place) in found and ("LOC", nisba) in found, found


def test_a_known_place_after_a_place_noun_is_whole(pipeline):
    text = "وتشهد المدن في محافظة دير الزور حركة نزوح واسعة."
    found = [(m.type, m.text) for m in _mentions(pipeline, text)]
    assert ("LOC", "دير الزور") in found, found


@pytest.mark.parametrize(
    "text, place",
    [
        ("وأعلنت جمهورية مصر العربية قطع العلاقات الدبلوماسية مع الدوحة.", "مصر"),
        ("وقالت الدوحة إنها لن تغير سياستها لحل النزاع مع دول الخليج العربية الأخرى.", "الخليج"),
    ],
)
def test_an_adjective_after_a_known_place_is_not_part_of_its_name(pipeline, text, place):
    found = [(m.type, m.text) for m in _mentions(pipeline, text)]
    assert ("LOC", place) in found, found


def test_a_name_that_is_only_a_nisba_at_the_end_of_a_sentence_is_the_country(pipeline):
    # ANT JA-sport-1292-20170603: the nisba rule left an empty span at the sentence's end.
    found = [(m.type, m.text) for m in _mentions(pipeline, "المنتخب الوطني يواجه اليوم نظيره الاستوني")]
    assert not any(kind == "PER" for kind, _ in found), found


@pytest.mark.parametrize(
    "text, facility",
    [
        # a facility noun in construct with a word the database does not know: the facility's own name
        ("واستهدفت الولايات المتحدة قاعدة الشعيرات الجوية التابعة للنظام السوري.", "قاعدة الشعيرات"),
        ("وقصفت القوات الأمريكية مطار الشعيرات العسكري.", "مطار الشعيرات"),
        ("وتعرضت قاعدة حميميم الروسية لهجوم بطائرات مسيرة.", "قاعدة حميميم"),
        ("وتم تحويل الرحلات إلى مطار آل مكتوم بدبي.", "مطار آل مكتوم"),  # a kinship link goes on with the name
    ],
)
def test_a_facility_named_by_an_unknown_word_is_a_place(pipeline, text, facility):
    found = [(m.type, m.text) for m in _mentions(pipeline, text)]
    assert ("LOC", facility) in found, found


@pytest.mark.parametrize(
    "text, absent",
    [
        ("وأكد أن القاعدة الشعبية للحزب واسعة.", "القاعدة الشعبية"),  # with the article: no construct, no name
        ("وأنشأت الوزارة قاعدة بيانات جديدة.", "قاعدة بيانات"),  # a common noun after it
    ],
)
def test_a_facility_noun_before_common_words_names_nothing(pipeline, text, absent):
    assert absent not in [m.text for m in _mentions(pipeline, text)]


def test_an_attack_on_a_facility_named_by_an_unknown_word(pipeline):
    extraction = pipeline(Document("t", "وقصفت القوات الأمريكية مطار الشعيرات العسكري.", "test"))
    labels = {e.id: e.label_ar for e in extraction.entities}
    assert ("attacked", "مطار الشعيرات") in [(r.predicate, labels[r.object]) for r in extraction.relations]
