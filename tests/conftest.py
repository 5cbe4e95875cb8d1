"""Shared fixtures: heavy resources load once per session."""

from __future__ import annotations

import pytest

from kg.camel_db import MissingDatabase, load_analyzer
from kg.kb import KnowledgeBase
from kg.lexicon import Lexicon
from kg.nlp import Analyzer
from kg.pipeline import Pipeline


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def camel_analyzer():
    try:
        return load_analyzer()
    except MissingDatabase as err:
        pytest.fail(str(err))


@pytest.fixture(scope="session")
def analyzer(camel_analyzer, lexicon) -> Analyzer:
    return Analyzer(camel_analyzer, {lemma for lemma, _ in lexicon.triggers})


@pytest.fixture(scope="session")
def pipeline(analyzer, kb, lexicon) -> Pipeline:
    return Pipeline(analyzer, kb, lexicon)
