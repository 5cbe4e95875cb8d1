"""The statistical NER tagger: gold reading, label projection, features, training, scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.nlp import Analyzer
from kg.tagger import (
    MODEL_DIR,
    Featurizer,
    Gazetteer,
    LabelledSentence,
    NeuralSettings,
    Scores,
    Tagger,
    TaggedSpan,
    TrainingSettings,
    analyse_sentence,
    build_clusters,
    clitic_variants,
    read_conll,
    score,
    spans_of_labels,
    subsample,
    tagger_spans,
    token_labels,
    train,
)
from kg.neural_tagger import transition_mask
from kg.types import Document

TINY = Path(__file__).parent / "data" / "ner_tiny.txt"


def test_read_conll_gives_character_spans_and_kg_types():
    sentences = read_conll(TINY)
    assert len(sentences) == 6
    first = sentences[0]
    assert [first.text[s:e] for s, e, _ in first.entities] == ["باراك أوباما", "القاهرة"]
    assert [t for *_, t in first.entities] == ["PER", "LOC"]  # PERS → PER
    assert {t for s in sentences for *_, t in s.entities} == {"PER", "LOC", "ORG", "MISC"}


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


def test_gold_labels_follow_the_pipeline_tokens(analyzer):
    # "(باريس" is one gold token and two pipeline tokens: the name is the word, not the bracket.
    sentence = read_conll(TINY)[4]
    tokens = analyse_sentence(analyzer, sentence.text)
    labels = token_labels(tokens, [(s, e, t) for s, e, t in sentence.entities if t == "MISC"])
    assert [t.text for t, l in zip(tokens, labels) if l != "O"] == ["جائزة", "نوبل", "للسلام"]
    labelled = [(t.text, l) for t, l in zip(tokens, token_labels(tokens, sentence.entities)) if l != "O"]
    assert ("باريس", "B-LOC") in labelled and ("(", "B-LOC") not in labelled


@pytest.mark.parametrize(
    ("word", "variants"),
    [("وبرلين", ["وبرلين", "برلين", "رلين"]), ("للأمم", ["للأمم", "الأمم"]), ("بغداد", ["بغداد", "غداد"]), ("ولد", ["ولد"])],
)
def test_clitic_variants(word, variants):
    assert clitic_variants(word) == variants


def test_gazetteer_takes_the_longest_name():
    gazetteer = Gazetteer([("الامم المتحده", "ORG"), ("الامم", "MISC"), ("برلين", "LOC"), ("زيجمار جابرييل", "PER")])
    assert gazetteer.tags(["قالت", "الامم", "المتحده", "في", "وبرلين"]) == [None, "B-ORG", "I-ORG", None, "B-LOC"]
    assert gazetteer.word_types["جابرييل"] == {"PER"}


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
    settings = TrainingSettings(model="crf+neural", max_iterations=30, neural=NeuralSettings(epochs=30, min_count=1, batch_size=2, average_from=25))
    clusters = {"تونس": "0.1", "برلين": "0.2"}
    folders = [tmp_path_factory.mktemp(name) for name in ("a", "b")]
    for folder in folders:
        train(analyzer, kb, sentences, folder, settings, clusters)
    return folders


def test_training_is_deterministic(tiny_models):
    first, second = tiny_models
    names = sorted(p.name for p in first.iterdir())
    assert names == ["clusters.tsv.gz", "crf.model", "network.pt", "settings.json", "vocabulary.json.gz"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.parametrize("model", ["crf", "neural", "crf+neural"])
def test_saved_model_loads_and_tags_its_training_data(tiny_models, analyzer, kb, tmp_path, model):
    settings = TrainingSettings.read(tiny_models[0] / "settings.json")
    settings.model = model  # each part of the pair alone, and the pair
    for path in tiny_models[0].iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    settings.write(tmp_path / "settings.json")
    tagger = Tagger.load(analyzer, kb, tmp_path)
    sentences = read_conll(TINY)
    scores = score(sentences, tagger_spans(analyzer, tagger))
    assert scores.prf()[2] > 0.5
    body = sentences[1].text
    mentions = tagger(Document("d", body, "test"), analyzer(Document("d", body, "test")))
    assert all(m.text == body[m.start : m.end] for m in mentions)


def test_a_batch_tags_as_its_sentences_one_by_one(tiny_models, analyzer, kb):
    tagger = Tagger.load(analyzer, kb, tiny_models[0])
    sentences = [analyse_sentence(analyzer, s.text) for s in read_conll(TINY)]
    batch = [sentences[0], (), *sentences[1:]]  # an empty sentence is labelled, not dropped
    assert tagger.label_sentences(batch) == [tagger.labels(s) for s in batch]


def test_bio_transitions_only_continue_their_own_name():
    labels = ["O", "B-LOC", "B-PER", "I-LOC", "I-PER"]
    between, start = transition_mask(labels)
    allowed = {(labels[i], labels[j]) for i in range(5) for j in range(5) if between[i, j] == 0}
    assert ("B-PER", "I-PER") in allowed and ("I-PER", "I-PER") in allowed and ("O", "B-LOC") in allowed
    assert ("O", "I-PER") not in allowed and ("B-LOC", "I-PER") not in allowed
    assert [labels[j] for j in range(5) if start[j] == 0] == ["O", "B-LOC", "B-PER"]


@pytest.fixture(scope="session")
def shipped_tagger(analyzer, kb):
    return Tagger.load(analyzer, kb)


def test_shipped_model_is_in_the_package():
    assert TrainingSettings.read(MODEL_DIR / "settings.json").model == "crf"
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
    doc = Document("d", text, "test")
    found = {(m.text, m.type) for m in shipped_tagger(doc, analyzer(doc))}
    assert (name, kind) in found


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
    assert LabelledSentence("a", ()) == LabelledSentence("a", ())
