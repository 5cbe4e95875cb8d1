"""The gazetteer: knowledge-base names by first word, for the NER rules and the tagger's features."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer, feature_variants
from kg.kb import KBEntry


def _entry(kb_id: str, kind: str, country: str | None = None) -> KBEntry:
    return KBEntry(kb_id, kind, None, "", None, (), country, (), ())


NAMES = [("الامم المتحده", _entry("un", "ORG")), ("الامم", _entry("nations", "MISC")),
         ("برلين", _entry("berlin", "LOC", "de")), ("زيجمار جابرييل", _entry("gabriel", "PER")),
         ("تونس", _entry("tunis", "LOC", "tn")), ("تونس", _entry("tunisia", "LOC"))]


def test_tags_take_the_longest_name():
    gazetteer = Gazetteer(NAMES)
    assert gazetteer.tags(["قالت", "الامم", "المتحده", "في", "وبرلين"]) == [None, "B-ORG", "I-ORG", None, "B-LOC"]
    assert gazetteer.word_types["جابرييل"] == {"PER"}


def test_names_start_longest_first_and_the_country_before_the_city():
    gazetteer = Gazetteer(NAMES)
    assert [entry.id for _, entry in gazetteer.starting("الامم")] == ["un", "nations"]
    assert [entry.id for _, entry in gazetteer.starting("تونس")] == ["tunisia", "tunis"]
    assert gazetteer.starting("باريس") == []


def test_names_at_a_word_are_those_of_its_forms_without_clitics_with_their_letters():
    gazetteer = Gazetteer(NAMES)
    assert [(rest, entry.id, skip) for rest, entry, skip in gazetteer.names_at("وللامم")] == [
        (("المتحده",), "un", 2), ((), "nations", 2)]  # و + ل + الامم: لل is ل + ال
    assert [(rest, entry.id, skip) for rest, entry, skip in gazetteer.names_at("وبرلين")] == [((), "berlin", 1)]
    assert gazetteer.names_at("باريس") == ()
    assert gazetteer.names_at("وبرلين") is gazetteer.names_at("وبرلين")  # kept per word


@pytest.mark.parametrize(
    ("word", "variants"),
    [("وبرلين", ["وبرلين", "برلين", "رلين"]), ("للأمم", ["للأمم", "الأمم"]), ("بغداد", ["بغداد", "غداد"]),
     ("ولد", ["ولد"])],  # the features strip a conjunction before three letters or more only
)
def test_feature_variants(word, variants):
    assert feature_variants(word) == variants
