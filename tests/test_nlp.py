import pytest

from kg.nlp import Analyzer, normalize, sentence_spans, token_spans
from kg.read import read_inputs
from kg.types import Document


@pytest.mark.parametrize(
    "text, expected",
    [
        ("إِقالَة", "اقاله"),
        ("أشاد", "اشاد"),
        ("مُسْتَشْفى", "مستشفي"),
        ("الـــرئيس", "الرئيس"),
        ("آتا", "اتا"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_sentences_and_tokens_slice_the_original():
    body = "  قال الوزير: «نرفض ذلك».\nوأضاف أنّ الحكومةَ ستستقيل؟ نعم!  "
    spans = sentence_spans(body)
    assert [body[s:e] for s, e in spans] == ["قال الوزير: «نرفض ذلك».", "وأضاف أنّ الحكومةَ ستستقيل؟", "نعم!"]
    words = [body[s:e] for s, e in token_spans(body, *spans[1])]
    assert words == ["وأضاف", "أنّ", "الحكومةَ", "ستستقيل", "؟"]


@pytest.mark.parametrize(
    "word, lemma, pos",
    [
        ("وأقال", "اقال", "verb"),  # not قال "be said": third person and the lexicon decide
        ("أقال", "اقال", "verb"),
        ("إقالة", "اقاله", "noun"),
        ("وأشاد", "اشاد", "verb"),
        ("ودعت", "دعا", "verb"),
        ("حضّت", "حض", "verb"),
        ("اعتقلوا", "اعتقل", "verb"),
        ("وزارة", "وزاره", "noun"),  # not زار "he visited him" read from a misspelling
        ("الحكومة", "حكومه", "noun"),
    ],
)
def test_analysis_choice(analyzer, word, lemma, pos):
    token = analyzer.token(word, 0, len(word))
    assert (token.lemma, token.pos) == (lemma, pos)


def test_readings_without_the_lexicon_are_the_databases(analyzer, camel_analyzer):
    # The relation lexicon reads أدان as "condemned"; the database alone prefers another reading.
    doc = Document("d", "أدان الوزير الهجوم وحملته على المدينة.", "test")
    tokens = analyzer(doc)[0].tokens
    plain = Analyzer(camel_analyzer)(doc)[0].tokens
    assert tokens[0].lemma == "ادان" and plain[0].lemma != "ادان"
    assert analyzer.without_lexicon(tokens) == list(plain)


def test_without_the_lexicon_keeps_the_tokens_it_does_not_change(analyzer, camel_analyzer):
    doc = next(read_inputs([]))
    plain = Analyzer(camel_analyzer)(doc)
    for sentence, plain_sentence in zip(analyzer(doc), plain):
        reread = analyzer.without_lexicon(sentence.tokens)
        assert reread == list(plain_sentence.tokens)
        # A token whose reading stays is the same object: no Token is made again for it.
        assert all((new is old) == (new == old) for new, old in zip(reread, sentence.tokens))


def test_clitics_and_unknown_words(analyzer):
    token = analyzer.token("والرئيس", 0, 7)
    assert token.lemma == "رئيس" and token.prefixes[0].startswith("wa_") and "Al_det" in token.prefixes
    unknown = analyzer.token("توقاييف", 0, 7)
    assert unknown.pos == "noun_prop" and not unknown.analysed


def test_every_token_slices_the_body(analyzer):
    doc = next(read_inputs([]))
    sentences = analyzer(doc)
    assert len(sentences) > 10
    for sentence in sentences:
        for token in sentence.tokens:
            assert doc.body[token.start : token.end] == token.text


def test_diacritics_stay_inside_words(analyzer):
    body = "حضّت ألمانيا على خفضِ التصعيد."
    (sentence,) = analyzer(Document("d", body, "test"))
    assert [t.text for t in sentence.tokens] == ["حضّت", "ألمانيا", "على", "خفضِ", "التصعيد", "."]
