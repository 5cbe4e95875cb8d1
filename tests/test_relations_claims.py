"""Claims of responsibility and the parties a forces noun or a preposition makes (issue 15,
session 12, second task: claims and frames from a reading; third task: the struck place, a
subject after أن, a و written apart)."""

import pytest

from kg.types import Document


def test_forces_of_a_titled_person_are_one_party(events, pipeline):
    # قوات + title + name is the person's forces, as قوات بشار الأسد is: not a bare «قوات»,
    # and the title still makes the person the office holder.
    text = "واتهمت فرنسا قوات الرئيس السوري بشار الأسد بقصف حلب."
    assert events(text) == [("France", "accused", "قوات الرئيس السوري بشار الأسد")]
    extraction = pipeline(Document("t", text, "test", date="2017-06-01"))
    labels = {e.id: e.label_en for e in extraction.entities}
    assert ("Bashar al-Assad", "leader_of", "Syria") in [(labels[r.subject], r.predicate, labels[r.object]) for r in extraction.relations]


@pytest.mark.parametrize(
    "text, absent",
    [
        # A noun with the verb's preposition right after it opens its complement: the body named
        # in it is no subject (the speaker called the office's head; the office called no one).
        ("واتصل بمسؤول مكتب الإعلام محمد علي.", "مكتب الإعلام"),
    ],
)
def test_name_in_the_complement_after_the_verb_is_no_subject(events, text, absent):
    assert all(subject != absent for subject, _, _ in events(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # A claimed attack with no named target struck the place it was in.
        ("تبنى تنظيم داعش تفجير كنيسة في مصر.", [("Islamic State", "attacked", "Egypt")]),
        ("أعلن تنظيم داعش مسؤوليته عن هجوم المقهى في داكا.", [("Islamic State", "attacked", "داكا")]),
        # Guards: a named target wins over the place; a statement that claims nothing gives none.
        ("تبنى تنظيم داعش الهجوم على الجيش المصري في سيناء.", [("Islamic State", "attacked", "Armed forces of Egypt")]),
        ("أكد تنظيم داعش الهجوم في داكا.", []),
    ],
)
def test_claimed_attack_struck_its_place(events, text, expected):
    assert events(text) == expected


def test_group_noun_before_a_quoted_name(events):
    # تنظيم before its name in quotes is the kind of body, not the subject itself.
    assert events('تبنى تنظيم "داعش" الهجوم على الجيش المصري.') == [("Islamic State", "attacked", "Armed forces of Egypt")]


def test_claimed_attack_in_a_capital_struck_the_city(events):
    # The place struck stays the place: a capital is not read as the state it speaks for.
    assert ("Islamic State", "attacked", "Paris") in events("تبنى تنظيم داعش الهجوم الذي وقع قرب مقر الحكومة الفرنسية في العاصمة باريس.")


def test_unnamed_noun_after_that_is_the_subject(events):
    # أن + a word kg does not name + the verb: that word is the subject, not the body before أن.
    assert events("وأعلنت قناة البي بي سي أن لوبن اتصلت بمنافسها ايمانويل ماكرون.") == []


def test_verb_after_a_separate_wa_has_no_subject_before_it(events):
    # و written apart joins the verb to the one before it: a name in that verb's object is no subject.
    assert events("وانتقد أداء وزارة الخارجية و ندد بغياب تونس عن الاجتماعات.") == []
