import json
import os
from pathlib import Path

import pytest

from kg import camel_db
from kg.nlp import TATWEEL, Analyzer, normalize, token_spans
from kg.pipeline import Pipeline, to_record
from kg.read import Problem, read_inputs
from kg.tagger import MODEL_DIR, Tagger

ANT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant"


@pytest.fixture(scope="module")
def full_database():
    """camel-tools' Analyzer over the whole database, as kg ran before the image."""
    return camel_db.FullDatabase(camel_db.load_camel_analyzer())


@pytest.fixture(scope="module")
def ant_sample() -> list[str]:
    """Every 125th ANT article (82 of 10,161), all categories."""
    if not ANT_CORPUS.is_dir():
        pytest.skip(f"the ANT corpus is not at {ANT_CORPUS}")
    return [str(path) for path in sorted(ANT_CORPUS.rglob("*.txt"))[::125]]


@pytest.mark.parametrize(
    "word",
    [
        "والرئيس", "وأقال", "إقالة", "توقاييف", "للاتحاد", "كوفيد19", "٢٠٢٢", "2022م", "Trump", "ترامب-بايدن",
        "a\nb3", "ـ", "مُحَمَّد", "ىىى", "ٱلله", "؟!", "", "  ", "و", "بالعاصمة", "فلن", "لإسرائيل",
    ],
)
def test_image_analyses_as_the_full_database(camel_analyzer, full_database, word):
    assert camel_analyzer.analyze(word) == full_database.analyze(word)


def test_image_analyses_ant_words_as_the_full_database(camel_analyzer, full_database, ant_sample):
    words = set()
    for doc in read_inputs(ant_sample):
        if not isinstance(doc, Problem):
            words.update(camel_db.dediac(doc.body[s:e]).replace(TATWEEL, "") for s, e in token_spans(doc.body, 0, len(doc.body)))
    differing = [w for w in sorted(words) if camel_analyzer.analyze(w) != full_database.analyze(w)]
    assert len(words) > 4000
    assert differing == []


def test_extract_is_the_same_with_the_full_database(pipeline, kb, lexicon, full_database, ant_sample):
    analyzer = Analyzer(full_database, {lemma for lemma, _ in lexicon.triggers})
    slow = Pipeline(analyzer, kb, lexicon, Tagger.load(analyzer, kb, MODEL_DIR))
    docs = [doc for doc in read_inputs(ant_sample[:20]) if not isinstance(doc, Problem)]
    for doc in docs:
        assert json.dumps(to_record(pipeline(doc)), ensure_ascii=False) == json.dumps(to_record(slow(doc)), ensure_ascii=False)


def test_matching_form_is_camel_tools_normalisation():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

    text = "إِنَّ الأُمَمَ المُتَّحِدَةَ ـ آلِهَة ٱلْمُسْتَشْفَى أسامة، Trump ١٢"
    camel = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text).replace(TATWEEL, ""))))
    assert normalize(text) == camel
    assert camel_db.dediac(text) == dediac_ar(text)


def test_a_changed_database_gets_a_new_image(tmp_path, monkeypatch):
    db = tmp_path / "data" / "morphology_db" / camel_db.DB_NAME / "morphology.db"
    db.parent.mkdir(parents=True)
    db.write_text("stand-in", encoding="utf-8")
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    before = camel_db.image_path()
    os.utime(db, ns=(1, 1))
    assert camel_db.image_path() != before
    assert before.parent == db.parent
