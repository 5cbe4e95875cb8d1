import pickle

import pytest

from kg import nlp
from kg.nlp import (Analyzer, CommonReadings, WordReadings, common_words, normalize, sentence_spans, token_spans,
                    word_keys, word_readings)
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


@pytest.mark.parametrize(
    "text, word, lemma",
    [
        ("أشاد بوتين بالدور الذي لعبه لوكاشينكو.", "لعبه", "لعب"),  # "which he played", not the noun لعب + his
        ("ندد بالاتهامات التي وجهها الوزير.", "وجهها", "وجه"),
        ("الرئيس الذي حكم البلاد.", "حكم", "حكم"),
    ],
)
def test_a_verb_reading_wins_after_a_relative_pronoun(analyzer, text, word, lemma):
    tokens = analyzer(Document("d", text, "test"))[0].tokens
    token = next(t for t in tokens if t.text == word)
    assert (token.lemma, token.pos) == (lemma, "verb")
    assert analyzer.token(word, 0, len(word)).pos == "noun"  # alone, the database's noun reading
    # The NER model reads the readings it was trained with: there the word stays the database's choice.
    plain = analyzer.without_lexicon(tokens)
    assert next(t for t in plain if t.text == word).pos == "noun"


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


def test_the_common_words_readings_are_the_databases(camel_analyzer):
    table = CommonReadings.load(camel_analyzer)
    words = common_words()
    assert len(table) == len(words) > 10_000
    # The most frequent words, and a spread of the rarer ones.
    for word in words[:300] + words[300::97]:
        assert table.get(word) == word_readings(camel_analyzer.analyze, word), word
    assert table.get("كازاخستانيون") is None


def test_the_readings_table_is_made_once_and_read_after(tmp_path, monkeypatch, camel_analyzer):
    listed = tmp_path / "words.txt"
    listed.write_text("# a comment\nالرئيس\nوقال\n", encoding="utf-8")
    monkeypatch.setattr(nlp, "COMMON_WORDS", listed)
    monkeypatch.setattr(nlp, "common_readings_path", lambda: tmp_path / "kg-readings-test.table")
    made = CommonReadings.load(camel_analyzer)
    assert (tmp_path / "kg-readings-test.table").is_file() and len(made) == 2

    class NoAnalysis:
        def analyze(self, word):
            raise AssertionError("the table is read, not made again")

    read = CommonReadings.load(NoAnalysis())
    assert read.get("وقال") == made.get("وقال") == word_readings(camel_analyzer.analyze, "وقال")


def test_a_word_of_the_table_is_kept_and_not_fresh(camel_analyzer):
    words = WordReadings(common=CommonReadings.load(camel_analyzer))
    assert len(words) == 0
    assert words.get("الرئيس") == word_readings(camel_analyzer.analyze, "الرئيس")
    assert len(words) == 1 and words.take_fresh() == {}  # every worker has the table: nothing to share
    assert words.get("كازاخستانيون") is None


def test_the_words_analysed_are_those_not_from_the_table(camel_analyzer):
    table = CommonReadings.load(camel_analyzer)
    words = WordReadings(common=table)
    words.get("الرئيس")
    words.add("كازاخستانيون", word_readings(camel_analyzer.analyze, "كازاخستانيون"))
    assert table.get("الرئيس") is not None and list(words.analysed()) == ["كازاخستانيون"]
    assert WordReadings(words.analysed(), table).get("الرئيس") == words.get("الرئيس")


def test_the_words_analysed_are_told_apart_without_the_table(tmp_path):
    class CountedTable(dict):
        looked_up = 0

        def get(self, word, default=None):
            CountedTable.looked_up += 1
            return super().get(word, default)

        def __contains__(self, word):
            CountedTable.looked_up += 1
            return super().__contains__(word)

    readings = ("a reading of قال",)
    words = WordReadings(common=CommonReadings(CountedTable({"قال": pickle.dumps(readings)})))
    assert words.get("قال") == readings
    words.add("كازاخستانيون", ())
    assert list(words.analysed()) == ["كازاخستانيون"] and CountedTable.looked_up == 1


def test_word_keys_are_the_analysed_forms():
    assert word_keys("(قالَ الرئيـس 12 .") == ["قال", "الرئيس"]
