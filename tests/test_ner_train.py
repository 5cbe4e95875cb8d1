"""Training and scoring of the NER tagger: gold reading, label projection, training, clusters, scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ner_train import (
    LabelledSentence,
    Scores,
    TrainingSettings,
    analyse_sentence,
    build_clusters,
    read_conll,
    score,
    subsample,
    tagger_spans,
    token_labels,
    train,
)
from kg.tagger import Tagger
from kg.types import Document

TINY = Path(__file__).parent / "data" / "ner_tiny.txt"


def test_read_conll_gives_character_spans_and_kg_types():
    sentences = read_conll(TINY)
    assert len(sentences) == 6
    first = sentences[0]
    assert [first.text[s:e] for s, e, _ in first.entities] == ["باراك أوباما", "القاهرة"]
    assert [t for *_, t in first.entities] == ["PER", "LOC"]  # PERS → PER
    assert {t for s in sentences for *_, t in s.entities} == {"PER", "LOC", "ORG", "MISC"}


def test_gold_labels_follow_the_pipeline_tokens(analyzer):
    # "(باريس" is one gold token and two pipeline tokens: the name is the word, not the bracket.
    sentence = read_conll(TINY)[4]
    tokens = analyse_sentence(analyzer, sentence.text)
    labels = token_labels(tokens, [(s, e, t) for s, e, t in sentence.entities if t == "MISC"])
    assert [t.text for t, l in zip(tokens, labels) if l != "O"] == ["جائزة", "نوبل", "للسلام"]
    labelled = [(t.text, l) for t, l in zip(tokens, token_labels(tokens, sentence.entities)) if l != "O"]
    assert ("باريس", "B-LOC") in labelled and ("(", "B-LOC") not in labelled


def test_scores_are_exact_span_and_type():
    scores = Scores()
    scores.add({(0, 5, "PER"), (6, 9, "LOC"), (10, 12, "ORG")}, {(0, 5, "PER"), (6, 9, "ORG")})
    assert scores.prf("PER") == (1.0, 1.0, 1.0)
    p, r, f = scores.prf()
    assert (p, r) == (pytest.approx(1 / 3), 0.5) and f == pytest.approx(0.4)
    assert "| all | 2 | 3 |" in scores.table()


def test_clusters_are_deterministic():
    texts = ["زار الرئيس تونس ثم زار الرئيس مصر", "زار الوزير مصر ثم زار الوزير تونس"] * 5
    first = build_clusters(texts, seed=1, min_count=2, context_words=10, dims=2, granularities=(2, 3))
    assert first == build_clusters(texts, seed=1, min_count=2, context_words=10, dims=2, granularities=(2, 3))
    assert set(first) >= {"تونس", "مصر", "الرئيس"}
    assert all(len(path.split(".")) == 2 for path in first.values())


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory, analyzer, kb):
    sentences = read_conll(TINY)
    settings = TrainingSettings(max_iterations=30)
    clusters = {"تونس": "0.1", "برلين": "0.2"}
    folders = [tmp_path_factory.mktemp(name) for name in ("a", "b")]
    for folder in folders:
        train(analyzer, kb, sentences, folder, settings, clusters)
    return folders


def test_training_is_deterministic(tiny_models):
    first, second = tiny_models
    names = sorted(p.name for p in first.iterdir())
    assert names == ["clusters.tsv.gz", "crf.model", "settings.json"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert TrainingSettings.read(first / "settings.json") == TrainingSettings(max_iterations=30)


def test_saved_model_loads_and_tags_its_training_data(tiny_models, analyzer, kb):
    tagger = Tagger.load(analyzer, kb, tiny_models[0])
    sentences = read_conll(TINY)
    assert score(sentences, tagger_spans(analyzer, tagger)).prf()[2] > 0.5
    body = sentences[1].text
    spans = tagger_spans(analyzer, tagger)(Document("d", body, "test"))
    assert spans and all(0 <= start < end <= len(body) and body[start:end].strip() == body[start:end] for start, end, _ in spans)


def test_subsample_is_a_seeded_share_in_corpus_order():
    sentences = [LabelledSentence(str(n), ()) for n in range(10)]
    half = subsample(sentences, 0.5, seed=13)
    assert len(half) == 5 and half == subsample(sentences, 0.5, seed=13)
    assert [int(s.text) for s in half] == sorted(int(s.text) for s in half)
    assert subsample(sentences, 1.0, seed=13) == sentences


def test_labelled_sentence_of_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    assert read_conll(path) == []
