"""Claims of responsibility and the parties a forces noun or a preposition makes (issue 15,
session 12, second task: claims and frames from a reading)."""

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
