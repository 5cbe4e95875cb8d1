"""The CRF tagger: spans of labels, features, the shipped model."""

from __future__ import annotations

import json
import shutil

import pytest

from kg.ner_train import analyse_sentence, tagger_spans, write_clusters
from kg import kb_image
from kg.nlp import Analyzer, common_words
from kg.tagger import (MODEL_DIR, Featurizer, TaggedSpan, Tagger, common_features_path, model_attributes, read_clusters, spans_of_labels,
                       word_features_key)
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


def _features_position_by_position(featurizer: Featurizer, tokens) -> list[list[str]]:
    """The CRF's features as first written: each token's neighbours described again at every position."""
    tokens = featurizer.analyzer.without_lexicon(tokens)
    norms = [t.norm for t in tokens]
    gaz = featurizer.gazetteer.tags(norms)
    wide = "wide" in featurizer.features
    out = []
    for i, token in enumerate(tokens):
        features = list(featurizer._token_features(token, gaz[i]))
        for offset in (-3, -2, -1, 1, 2, 3) if wide else (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(tokens):
                features.extend(f"{offset}{f}" for f in featurizer._context_features(tokens[j], gaz[j]))
            else:
                features.append(f"{offset}pad")
        if i > 0:
            features.append(f"w-1w={norms[i - 1]}|{norms[i]}")
        if i + 1 < len(tokens):
            features.append(f"ww+1={norms[i]}|{norms[i + 1]}")
        if wide and 0 < i < len(tokens) - 1:
            features.append(f"pos3={tokens[i - 1].pos}|{tokens[i].pos}|{tokens[i + 1].pos}")
        out.append(features)
    return out


@pytest.mark.parametrize("wide", [False, True])
def test_features_made_once_per_word_are_those_made_at_every_position(shipped_tagger, ant_extractions, wide):
    shipped = shipped_tagger.featurizer
    assert {"context", "gazetteer"} <= shipped.features  # what the reference above writes out
    features = shipped.features | {"wide"} if wide else shipped.features
    featurizer = Featurizer(shipped.analyzer, shipped.gazetteer, shipped.clusters, features)
    fresh = Featurizer(shipped.analyzer, shipped.gazetteer, shipped.clusters, features, cache_size=50)
    sentences = [s.tokens for extraction in ant_extractions[:40] for s in extraction.sentences]
    assert len(sentences) > 150
    for tokens in sentences:
        assert fresh(tokens) == _features_position_by_position(featurizer, tokens)


def test_model_attributes_are_those_pycrfsuite_dumps():
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(MODEL_DIR / "crf.model"))
    assert model_attributes(MODEL_DIR / "crf.model") == frozenset(crf.info().attributes)


def test_a_file_that_is_no_crf_model_is_refused(tmp_path):
    (tmp_path / "crf.model").write_bytes(b"lCRF" + bytes(60))
    with pytest.raises(ValueError, match="not a CRFsuite CRF model"):
        model_attributes(tmp_path / "crf.model")


def test_only_the_features_the_model_knows_tag_as_all_of_them(shipped_tagger, ant_extractions):
    shipped = shipped_tagger.featurizer
    every = Featurizer(shipped.analyzer, shipped.gazetteer, shipped.clusters, shipped.features)
    sentences = [s.tokens for extraction in ant_extractions[:40] for s in extraction.sentences]
    known = model_attributes(MODEL_DIR / "crf.model")
    dropped = 0
    for tokens in sentences:
        kept, full = shipped(tokens), every(tokens)
        assert kept == [[f.encode("utf-8") for f in features if f in known] for features in full]
        dropped += sum(map(len, full)) - sum(map(len, kept))
        assert shipped_tagger.crf.tag(kept) == shipped_tagger.crf.tag(full)
    assert dropped > 0


@pytest.fixture(scope="session")
def tagger_with_table(analyzer, kb, lexicon):
    return Tagger.load(analyzer, kb, MODEL_DIR, kb_image.image_path(lexicon).name)


def test_the_common_features_table_holds_the_features_the_featurizer_makes(tagger_with_table):
    featurizer, words = tagger_with_table.featurizer, common_words()
    assert len(featurizer.common) == len(words)
    checked = 0
    for word in words[::40]:
        for token in featurizer.analyzer.plain_tokens(word):
            assert featurizer.common.get(word_features_key(token, None)) == featurizer.made_features(token, None), word
            checked += 1
        # a word inside a gazetteer name is no entry: its features are made
        assert featurizer.common.get(word_features_key(token, "B-LOC")) is None
    assert checked > 1000


def test_the_common_features_table_gives_the_features_made_without_it(tagger_with_table, ant_extractions):
    with_table = tagger_with_table.featurizer
    plain = Featurizer(with_table.analyzer, with_table.gazetteer, with_table.clusters, with_table.features,
                       known=model_attributes(MODEL_DIR / "crf.model"))
    sentences = [s.tokens for extraction in ant_extractions[:40] for s in extraction.sentences]
    assert len(sentences) > 150
    assert [with_table(tokens) for tokens in sentences] == [plain(tokens) for tokens in sentences]
    assert sum(with_table.common.get(key) is not None for key in with_table._word_cache) > 100


def test_the_common_features_table_is_keyed_by_the_model_folder_and_the_knowledge_base(tmp_path):
    model = tmp_path / "ner"
    shutil.copytree(MODEL_DIR, model)
    path = common_features_path(model, "kg-kb-1.pickle")
    assert path == common_features_path(model, "kg-kb-1.pickle")
    assert path.parent == common_features_path(MODEL_DIR, "kg-kb-1.pickle").parent
    assert path != common_features_path(model, "kg-kb-2.pickle")
    clusters = model / "clusters.tsv.gz"
    clusters.write_bytes(clusters.read_bytes() + b"\0")
    assert path != common_features_path(model, "kg-kb-1.pickle")


def test_clusters_read_back_as_written(tmp_path):
    """`read_clusters` gives what `write_clusters` wrote, a word with a Unicode line separator in it included."""
    clusters = {"تونس": "0110", "ب\u2028ا": "10", "x\u0085y": "111", "": "0"}
    write_clusters(clusters, tmp_path / "clusters.tsv.gz")
    assert read_clusters(tmp_path / "clusters.tsv.gz") == clusters
