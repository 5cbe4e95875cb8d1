"""camel-tools' BERT NER (the ner-arabert model) behind the CRF tagger's interface, when installed."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from kg.camel_db import data_dir
from kg.tagger import TaggedSpan, spans_of_labels
from kg.types import Token

NER_CHOICES = ("auto", "crf", "camelbert")
# camel-tools' catalogue installs the ner-arabert package at data/ner/arabert of its data
# folder, where NERecognizer.pretrained() reads it.
_MODEL_PATH = Path("data") / "ner" / "arabert"
# camel-tools' labels follow ANERcorp, which writes PERS; kg's type is PER.
_KG_TYPE = {"PERS": "PER"}
# camel-tools runs BERT on 256 positions: segments of 254 word pieces between [CLS] and [SEP].
_SEGMENT_PIECES = 254
_MAX_CACHED_WORDS = 100_000


class MissingModel(Exception):
    """camel-tools' BERT NER model is not installed; the message says how to install it."""


def model_dir() -> Path:
    """Return where camel-tools installs its BERT NER model under kg's camel-tools data folder."""
    return data_dir() / _MODEL_PATH


def resolve_ner(choice: str) -> str:
    """Return the statistical NER that runs: "camelbert" or "crf" ("auto": camelbert when installed).

    Raises:
        MissingModel: when camelbert is asked for and its model is not installed.
    """
    if choice not in NER_CHOICES:
        raise ValueError(f"unknown NER {choice!r}: one of {', '.join(NER_CHOICES)}")
    installed = (model_dir() / "config.json").is_file()
    if choice == "auto":
        return "camelbert" if installed else "crf"
    if choice == "camelbert" and not installed:
        raise MissingModel(
            f"camel-tools' BERT NER model not found in {model_dir()}: where there is a network, run "
            f"`export CAMELTOOLS_DATA={data_dir()}; .venv/bin/camel_data -u; .venv/bin/camel_data -i ner-arabert`"
            " (or use --ner crf)"
        )
    return choice


class CamelBertTagger:
    """Tags names with camel-tools' `NERecognizer` on the words of a sentence; load once with `load`."""

    def __init__(self, recognizer):
        self._recognizer = recognizer
        self._words: dict[str, str] = {}  # word -> what BERT is given for it (see `_word`)

    @classmethod
    def load(cls, model: Path | None = None) -> CamelBertTagger:
        """Load a model folder (default: the installed ner-arabert, see `model_dir`)."""
        os.environ["CAMELTOOLS_DATA"] = str(data_dir())  # importing camel_tools.ner reads its catalogue
        from camel_tools.ner import NERecognizer
        from transformers.utils import logging

        logging.disable_progress_bar()  # a "Loading weights" bar per worker process on stderr
        return cls(NERecognizer(str(model or model_dir())))

    def labels(self, tokens: Sequence[Token]) -> list[str]:
        """Return the BIO label of each token (types PER, ORG, LOC, MISC).

        camel-tools labels a word by its first word piece and cuts a long sentence into
        segments of whole words itself, so BERT's limit of 512 positions is never reached.
        """
        if not tokens:
            return []
        labels = []
        for label in self._recognizer.predict_sentence([self._word(t.text) for t in tokens]):
            prefix, _, kind = label.partition("-")
            labels.append(f"{prefix}-{_KG_TYPE.get(kind, kind)}" if kind else label)
        return labels

    def _word(self, text: str) -> str:
        """Return the word itself, or [UNK] for a word of no pieces or more pieces than a segment holds.

        A word of no pieces (a lone direction mark, U+200F) would lose its label, and a longer one
        would overflow its segment. Each distinct word is split into pieces here once.
        """
        word = self._words.get(text)
        if word is None:
            if len(self._words) >= _MAX_CACHED_WORDS:
                self._words.clear()
            tokenizer = self._recognizer.tokenizer
            word = text if 0 < len(tokenizer.tokenize(text)) <= _SEGMENT_PIECES else tokenizer.unk_token
            self._words[text] = word
        return word

    def label_sentences(self, sentences: Sequence[Sequence[Token]]) -> list[list[str]]:
        """Return the BIO labels of each sentence."""
        return [self.labels(tokens) for tokens in sentences]

    def spans(self, tokens: Sequence[Token]) -> list[TaggedSpan]:
        """Return the names of one sentence as token spans."""
        return spans_of_labels(self.labels(tokens))
