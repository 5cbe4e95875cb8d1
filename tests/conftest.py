"""Shared fixtures: heavy resources load once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import kb_image
from kg.camel_db import MissingDatabase, load_analyzer
from kg.kb import KnowledgeBase
from kg.lexicon import Lexicon
from kg.nlp import Analyzer, CommonReadings
from kg.pipeline import Pipeline
from kg.read import Problem, read_inputs
from kg.tagger import MODEL_DIR, Tagger
from kg.types import Document, Extraction


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
    return Analyzer(camel_analyzer, {lemma for lemma, _ in lexicon.triggers}, CommonReadings.load(camel_analyzer),
                    lexicon.relative_pronouns)


@pytest.fixture(scope="session")
def pipeline(analyzer, kb, lexicon) -> Pipeline:
    """The pipeline `kg` runs: what Pipeline.load() builds, from the shared fixtures."""
    return Pipeline(analyzer, kb, lexicon, Tagger.load(analyzer, kb, MODEL_DIR, kb_image.image_path(lexicon).name))


@pytest.fixture(scope="session")
def events(pipeline):
    """A function from a sentence to the events kg finds in it, as (subject, predicate, object) labels."""
    structural = ("leader_of", "member_of", "part_of", "located_in")

    def extract(text: str) -> list[tuple[str, str, str]]:
        extraction = pipeline(Document("t", text, "test", date="2017-06-01"))
        labels = {e.id: e.label_en or e.label_ar for e in extraction.entities}
        return [(labels[r.subject], r.predicate, labels[r.object]) for r in extraction.relations if r.predicate not in structural]

    return extract


ANT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant"


@pytest.fixture(scope="session")
def ant_extractions(pipeline) -> list[Extraction]:
    """What kg finds in 200 ANT articles: the first 100 files of internationalNews and politic."""
    if not ANT_CORPUS.is_dir():
        pytest.skip(f"the ANT corpus is not at {ANT_CORPUS}")
    files = [
        str(path)
        for part in ("internationalNews", "politic")
        for path in sorted((ANT_CORPUS / part).glob("*.txt"))[:100]
    ]
    return [pipeline(doc) for doc in read_inputs(files) if not isinstance(doc, Problem)]
