"""camel-tools' BERT NER behind the tagger interface, run offline on a tiny BERT built here."""

import json
import shutil
from pathlib import Path

import pytest

from kg import camel_db, corpus
from kg.camelbert import CamelBertTagger, model_dir, resolve_ner
from kg.cli import main
from kg.corpus import ArticleCache, build
from kg.ner_train import analyse_sentence, tagger_spans
from kg.pipeline import Pipeline
from kg.read import read_inputs
from kg.types import Document

SENTENCES = [
    "زار الرئيس الفرنسي إيمانويل ماكرون تونس.",
    "التقى وزير الخارجية الألماني زيجمار جابرييل نظيره في برلين",
]


def _save_tiny_bert(folder: Path, label: str) -> Path:
    """Save a one-layer BERT whose classifier always picks `label`, one of camel-tools' labels."""
    import torch
    from camel_tools.ner import NERecognizer
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    labels = NERecognizer.labels()
    letters = sorted({ch for text in SENTENCES for ch in text if not ch.isspace()})
    words = sorted({word.strip(".") for text in SENTENCES for word in text.split()})
    folder.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, *letters, *(f"##{ch}" for ch in letters)]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(13)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=37, num_labels=len(labels), id2label=dict(enumerate(labels)),
                        label2id={name: i for i, name in enumerate(labels)})
    model = BertForTokenClassification(config)
    with torch.no_grad():  # the hidden state's share of a logit is a fraction of one
        model.classifier.bias[labels.index(label)] = 50.0
    model.save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt")).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory, camel_analyzer):
    """camel-tools label → folder of a tiny BERT that predicts it for every word.

    camel_analyzer has pointed camel-tools at kg's data folder before camel_tools.ner reads its catalogue.
    """
    import torch

    torch.set_num_threads(1)
    folders = {}

    def folder(label: str) -> Path:
        if label not in folders:
            folders[label] = _save_tiny_bert(tmp_path_factory.mktemp("bert") / label, label)
        return folders[label]

    return folder


@pytest.fixture(scope="module")
def tiny_tagger(tiny_bert):
    taggers = {}

    def tagger(label: str) -> CamelBertTagger:
        if label not in taggers:
            taggers[label] = CamelBertTagger.load(tiny_bert(label))
        return taggers[label]

    return tagger


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A camel-tools data folder of kg's with the morphology database and no BERT model."""
    folder = tmp_path / "camel"
    (folder / "data").mkdir(parents=True)
    shutil.copy(camel_db.data_dir() / "catalogue.json", folder / "catalogue.json")
    (folder / "data" / "morphology_db").symlink_to(camel_db.db_path().parents[1])
    monkeypatch.setenv("KG_DATA_DIR", str(folder))
    monkeypatch.setenv("CAMELTOOLS_DATA", str(folder))  # load_analyzer sets it; restored afterwards
    return folder


def _install(folder: Path) -> None:
    shutil.copytree(folder, model_dir())


@pytest.mark.parametrize(
    ("camel_label", "kg_label"),
    [("B-PERS", "B-PER"), ("I-PERS", "I-PER"), ("B-LOC", "B-LOC"), ("I-ORG", "I-ORG"), ("B-MISC", "B-MISC")],
)
@pytest.mark.parametrize(
    "text",
    [SENTENCES[0], "زار \u200f ماكرون تونس", " ".join(["نورجابم"] * 150), f"زار {'中' * 300} تونس"],
    ids=["news", "lone-direction-mark", "over-512-pieces", "word-of-300-pieces"],
)
def test_one_kg_label_per_token(analyzer, tiny_tagger, camel_label, kg_label, text):
    tokens = analyse_sentence(analyzer, text)
    assert tiny_tagger(camel_label).labels(tokens) == [kg_label] * len(tokens)


def test_long_sentence_is_longer_than_bert_reads(tiny_bert):
    from transformers import BertTokenizer

    pieces = BertTokenizer.from_pretrained(tiny_bert("O")).tokenize(" ".join(["نورجابم"] * 150))
    assert len(pieces) > 512


@pytest.mark.parametrize(("camel_label", "spans"), [("I-LOC", "sentence"), ("B-PERS", "token")])
def test_mentions_slice_the_text(pipeline, tiny_tagger, camel_label, spans):
    doc = Document(id="d", body=f"{SENTENCES[0]} {SENTENCES[1]}", source="test")
    sentences = pipeline.analyze(doc)
    found = tagger_spans(pipeline.analyze, tiny_tagger(camel_label))(doc)
    if spans == "sentence":  # every label I-: each sentence is one name
        parts = [(s.tokens[0].start, s.tokens[-1].end, "LOC") for s in sentences]
    else:
        parts = [(t.start, t.end, "PER") for s in sentences for t in s.tokens]
    assert found == parts


def test_auto_picks_camelbert_when_its_model_is_installed(data_dir, tiny_bert):
    assert model_dir() == data_dir / "data" / "ner" / "arabert"
    assert resolve_ner("auto") == "crf"
    _install(tiny_bert("O"))
    assert (resolve_ner("auto"), resolve_ner("crf"), resolve_ner("camelbert")) == ("camelbert", "crf", "camelbert")


@pytest.mark.parametrize("command", ["extract", "build", "evaluate-ner"])
def test_missing_model_is_one_line(data_dir, tmp_path, capsys, command):
    gold = tmp_path / "gold.txt"
    gold.write_text("ماكرون B-PERS\n", encoding="utf-8")
    args = {"extract": [], "build": ["-o", str(tmp_path / "out")], "evaluate-ner": [str(gold)]}[command]
    assert main([command, *args, "--ner", "camelbert"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kg: ") and "camel_data -i ner-arabert" in err


def test_extract_runs_the_installed_model(data_dir, tmp_path, tiny_bert, capsys):
    article = tmp_path / "a.txt"
    article.write_text(SENTENCES[0], encoding="utf-8")
    _install(tiny_bert("B-MISC"))
    outputs = []
    for options in (["--ner", "camelbert"], []):  # auto finds the installed model
        assert main(["extract", str(article), *options]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    misc = {m["text"]: (m["start"], m["end"])
            for e in outputs[0]["entities"] if e["type"] == "MISC" for m in e["mentions"]}
    assert misc["زار"] == (0, 3)  # a verb: the BERT stand-in, not the CRF, called it a name


def test_evaluate_ner_scores_the_model(data_dir, tmp_path, tiny_bert, capsys):
    gold = tmp_path / "gold.txt"
    gold.write_text("زار O\nماكرون B-PERS\n", encoding="utf-8")
    _install(tiny_bert("B-MISC"))
    assert main(["evaluate-ner", str(gold), "--tagger-only", "--ner", "camelbert"]) == 0
    assert "| MISC | 0 | 2 |" in capsys.readouterr().out


def test_build_keeps_each_ners_articles_apart(data_dir, tmp_path, monkeypatch, pipeline, analyzer, kb, lexicon,
                                              tiny_bert, tiny_tagger):
    _install(tiny_bert("B-MISC"))
    pipelines = {"crf": pipeline, "camelbert": Pipeline(analyzer, kb, lexicon, tiny_tagger("B-MISC"))}
    monkeypatch.setattr(corpus, "_pipeline", pipelines.__getitem__)
    article = tmp_path / "a.txt"
    article.write_text(SENTENCES[0], encoding="utf-8")
    cache = ArticleCache(tmp_path / "cache")
    reused, graphs = [], []
    for ner in ("crf", "camelbert", "camelbert", "crf"):
        _, summary = build(read_inputs([str(article)]), cache, ner=ner)
        reused.append(summary.reused)
        graphs.append(cache.nquads("a"))
    assert reused == [0, 0, 1, 0]  # an article in the cache is reused only by the NER that found it
    assert graphs[0] == graphs[3] != graphs[1] == graphs[2]
