"""Mentions: gazetteer, titles before names, organisation heads, unknown words."""

import pytest

from kg.lexicon import clitic_variants
from kg.types import Document


def _mentions(pipeline, text):
    doc = Document("t", text, "test")
    return pipeline.recognize(doc, pipeline.analyze(doc))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقال الرئيس الفرنسي فرانسوا هولاند إن بلاده ستواصل الحرب.", [("LOC", "الفرنسي"), ("PER", "فرانسوا هولاند")]),
        ("وأعلنت وزارة الداخلية التونسية القبض على خمسة أشخاص.", [("ORG", "وزارة الداخلية التونسية")]),
        ("ووصل وزير الخارجية الأمريكي ريكس تيلرسون إلى أنقرة.", [("LOC", "الأمريكي"), ("PER", "ريكس تيلرسون"), ("LOC", "أنقرة")]),
        ("التقى رئيس الحكومة يوسف الشاهد بممثلي الاتحاد الأوروبي.", [("PER", "يوسف الشاهد"), ("ORG", "الاتحاد الأوروبي")]),
        ("دعت منظمة العفو الدولية إلى الإفراج عن المعتقلين.", [("ORG", "منظمة العفو الدولية")]),
        ("وصرح المتحدث باسم الحكومة الألمانية شتيفن زايبرت للصحفيين.", [("ORG", "الحكومة الألمانية"), ("PER", "شتيفن زايبرت")]),
    ],
)
def test_mentions(pipeline, text, expected):
    found = [(m.type, m.text) for m in _mentions(pipeline, text)]
    for item in expected:
        assert item in found, found


@pytest.mark.parametrize(
    "text, absent",
    [
        ("تحولت الساحة إلى منطقة مليئة بالمباني المحترقة.", "المحترقة"),  # unknown adjective, not a name
        ("سافر إلى مركز المدينة.", "مركز"),  # a common word that is also a town's name
    ],
)
def test_common_words_are_not_names(pipeline, text, absent):
    assert absent not in [m.text for m in _mentions(pipeline, text)]


def test_mentions_slice_the_body_past_clitics(pipeline):
    text = "وأشاد بالاتحاد الأوروبي وللاتحاد الإفريقي دورٌ، وقال ترامب."
    for mention in _mentions(pipeline, text):
        assert text[mention.start : mention.end] == mention.text
    assert "الاتحاد الأوروبي" in [m.text for m in _mentions(pipeline, text)]


@pytest.mark.parametrize(
    "word, variant",
    [("والرئيس", ("الرئيس", 1)), ("بالاتحاد", ("الاتحاد", 1)), ("للاتحاد", ("الاتحاد", 1)), ("وبتونس", ("تونس", 2))],
)
def test_clitic_variants(word, variant):
    assert variant in clitic_variants(word)
