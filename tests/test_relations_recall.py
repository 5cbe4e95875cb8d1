"""Events the engine joins beyond the verb's next name (issue 15, session 8, engine recall)."""

import pytest

from kg.types import Document

STRUCTURAL = ("leader_of", "member_of", "part_of", "located_in")


def _events(pipeline, text):
    extraction = pipeline(Document("t", text, "test", date="2017-06-01"))
    labels = {e.id: e.label_en or e.label_ar for e in extraction.entities}
    return [(labels[r.subject], r.predicate, labels[r.object]) for r in extraction.relations if r.predicate not in STRUCTURAL]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Coordinated subjects of a light verb of exchange act on each other (تبادل X مع Y → X وY تبادلا).
        ("تبادلت روسيا وأوكرانيا الاتهامات بقصف المحطة النووية.",
         [("Russia", "accused", "Ukraine"), ("Ukraine", "accused", "Russia")]),
        ("وتبادلت الهند وباكستان التهم بخرق الهدنة.", [("India", "accused", "Pakistan"), ("Pakistan", "accused", "India")]),
        ("تبادلت الهند وباكستان إطلاق النار على الحدود.", [("India", "attacked", "Pakistan"), ("Pakistan", "attacked", "India")]),
        # met is symmetric: one direction says both.
        ("وتبادل بوتين وأردوغان الآراء بشأن الأزمة.", [("Vladimir Putin", "met", "Recep Tayyip Erdoğan")]),
        # Guards: an exchange that is no event of the vocabulary; ties cut with a party named elsewhere.
        ("وتبادلت روسيا وأوكرانيا الأسرى.", []),
        ("وقطعت السعودية والإمارات العلاقات الدبلوماسية.", []),
    ],
)
def test_mutual_acts_of_coordinated_subjects(pipeline, text, expected):
    assert _events(pipeline, text) == expected
