"""The CRF tagger: spans of labels, features, the shipped model."""

from __future__ import annotations

import json

import pytest

from kg.ner_train import analyse_sentence, tagger_spans
from kg.nlp import Analyzer
from kg.tagger import MODEL_DIR, Featurizer, TaggedSpan, Tagger, spans_of_labels
from kg.types import Document


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [TaggedSpan(0, 2, "PER"), TaggedSpan(3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "O"], [TaggedSpan(0, 2, "ORG")]),  # a stray I- opens a name (conlleval)
        (["B-PER", "B-PER"], [TaggedSpan(0, 1, "PER"), TaggedSpan(1, 2, "PER")]),
        (["B-PER", "I-LOC"], [TaggedSpan(0, 1, "PER"), TaggedSpan(1, 2, "LOC")]),
        ([], []),
    ],
)
def test_spans_of_labels(labels, spans):
    assert spans_of_labels(labels) == spans


def test_features_stay_the_same_when_the_relation_lexicon_changes(analyzer, camel_analyzer):
    # The shipped model must not depend on the relation lexicon, which breaks near-ties between readings.
    text = "أدان الوزير الهجوم وحملته على المدينة ."
    with_lexicon = Featurizer(analyzer, None, {})(analyse_sentence(analyzer, text))
    plain_analyzer = Analyzer(camel_analyzer)
    assert with_lexicon == Featurizer(plain_analyzer, None, {})(analyse_sentence(plain_analyzer, text))


def test_a_small_word_cache_gives_the_same_features(analyzer):
    text = "قال وزير الخارجية الروسي سيرغي لافروف إن روسيا وإيران وتركيا ستواصل المحادثات في أستانا مع الوزير"
    tokens = analyse_sentence(analyzer, text)
    small = Featurizer(analyzer, None, {}, cache_size=3)
    assert [small(tokens) for _ in range(2)] == [Featurizer(analyzer, None, {})(tokens)] * 2
    assert len(small._word_cache) == 3


def test_a_model_that_is_no_crf_is_refused(analyzer, kb, tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"model": "crf+neural", "features": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a CRF"):
        Tagger.load(analyzer, kb, tmp_path)


@pytest.fixture(scope="session")
def shipped_tagger(analyzer, kb):
    return Tagger.load(analyzer, kb)


def test_shipped_model_is_in_the_package():
    assert json.loads((MODEL_DIR / "settings.json").read_text(encoding="utf-8"))["model"] == "crf"
    for name in ("crf.model", "clusters.tsv.gz", "SOURCE.md"):
        assert (MODEL_DIR / name).is_file(), name


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("وصل الرئيس الأمريكي باراك أوباما إلى برلين أمس .", "باراك أوباما", "PER"),
        ("وصل الرئيس الأمريكي باراك أوباما إلى برلين أمس .", "برلين", "LOC"),
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو ترفض العقوبات .", "سيرغي لافروف", "PER"),
    ],
)
def test_shipped_model_finds_names(shipped_tagger, analyzer, text, name, kind):
    found = {(text[start:end], type_) for start, end, type_ in tagger_spans(analyzer, shipped_tagger)(Document("d", text, "test"))}
    assert (name, kind) in found


def test_a_batch_tags_as_its_sentences_one_by_one(shipped_tagger, analyzer):
    sentences = [analyse_sentence(analyzer, text) for text in ("زار ماكرون برلين .", "وقال لافروف إن موسكو ترفض .")]
    batch = [sentences[0], (), sentences[1]]  # an empty sentence is labelled, not dropped
    assert shipped_tagger.label_sentences(batch) == [shipped_tagger.labels(s) for s in batch]
