"""Attacks, killings and sanctions the engine reads (issue 15, session 12, attacks and sanctions)."""

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # VSO with the object's name right after the subject's: the first is the subject, not a
        # body whose title leads to the person after it.
        ("وقتلت إسرائيل محمد علي.", [("Israel", "killed", "محمد علي")]),
        ("ودعا حزب نداء تونس يوسف الشاهد إلى الاستقالة.", [("Nidaa Tounes", "called_for", "Youssef Chahed")]),
        # A title before the body still leads to its person (زعيم كوريا الشمالية كيم جونغ أون).
        ("وانتقد زعيم كوريا الشمالية كيم جونغ أون الولايات المتحدة.", [("Kim Jong-un", "condemned", "United States")]),
    ],
)
def test_object_name_right_after_the_subject(events, text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # قتلت also reads as the passive قُتلت; a passive takes one noun phrase, so a subject
        # and an object named in a row make it active.
        ("وقتلت الشرطة الإيطالية أنيس عامري في ميلانو.", [("Police of Italy", "killed", "أنيس عامري")]),
        # Guard: one name after it is the passive's subject, the one killed, with no actor.
        ("وقتل أنيس عامري في ميلانو.", []),
    ],
)
def test_passive_reading_with_subject_and_object(events, text, expected):
    assert events(text) == expected
