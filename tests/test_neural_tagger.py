"""The CRF + network pair kept in benchmarks/ (not shipped): training, loading, BIO transitions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from neural_tagger import MODELS, NeuralSettings, PairTagger, train_pair, transition_mask  # noqa: E402

from kg.ner_train import TrainingSettings, read_conll, score, tagger_spans  # noqa: E402

TINY = Path(__file__).parent / "data" / "ner_tiny.txt"


@pytest.fixture(scope="module")
def tiny_pairs(tmp_path_factory, analyzer, kb):
    settings = TrainingSettings(max_iterations=30)
    neural = NeuralSettings(epochs=30, min_count=1, batch_size=2, average_from=25)
    folders = [tmp_path_factory.mktemp(name) for name in ("a", "b")]
    for folder in folders:
        train_pair(analyzer, kb, read_conll(TINY), folder, "crf+neural", settings, neural, {"تونس": "0.1", "برلين": "0.2"})
    return folders


def test_pair_training_is_deterministic(tiny_pairs):
    first, second = tiny_pairs
    names = sorted(p.name for p in first.iterdir())
    assert names == ["clusters.tsv.gz", "crf.model", "model.txt", "network.pt", "neural.json", "settings.json",
                     "vocabulary.json.gz"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.parametrize("model", MODELS)
def test_each_part_and_the_pair_tag_their_training_data(tiny_pairs, analyzer, kb, tmp_path, model):
    for path in tiny_pairs[0].iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "model.txt").write_text(model + "\n", encoding="utf-8")
    tagger = PairTagger.load(analyzer, kb, tmp_path)
    assert score(read_conll(TINY), tagger_spans(analyzer, tagger)).prf()[2] > 0.5


def test_bio_transitions_only_continue_their_own_name():
    labels = ["O", "B-LOC", "B-PER", "I-LOC", "I-PER"]
    between, start = transition_mask(labels)
    allowed = {(labels[i], labels[j]) for i in range(5) for j in range(5) if between[i, j] == 0}
    assert ("B-PER", "I-PER") in allowed and ("I-PER", "I-PER") in allowed and ("O", "B-LOC") in allowed
    assert ("O", "I-PER") not in allowed and ("B-LOC", "I-PER") not in allowed
    assert [labels[j] for j in range(5) if start[j] == 0] == ["O", "B-LOC", "B-PER"]
