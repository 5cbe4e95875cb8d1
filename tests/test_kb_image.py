from pathlib import Path

import pytest

from kg import camel_db, kb_image
from kg.pipeline import Pipeline, to_record
from kg.read import Problem, read_inputs
from kg.tagger import MODEL_DIR, Tagger

ANT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant"


@pytest.fixture
def image_folder(tmp_path, monkeypatch) -> Path:
    """A data folder of its own, so the test makes its image from nothing."""
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    camel_db.db_path().parent.mkdir(parents=True)
    return camel_db.db_path().parent


@pytest.fixture(scope="module")
def from_image(tmp_path_factory, lexicon):
    """The knowledge base and linker as read back from an image written in a fresh folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        camel_db.db_path().parent.mkdir(parents=True)
        kb_image.load(lexicon)  # makes the image
        assert kb_image.image_path(lexicon).is_file()
        return kb_image.load(lexicon)


def test_missing_image_is_made_once_with_one_line(image_folder, lexicon, capsys):
    kb_image.load(lexicon)
    assert capsys.readouterr().err.count("\n") == 1
    kb_image.load(lexicon)
    assert capsys.readouterr().err == ""
    assert [p.name for p in image_folder.glob("kg-kb-*.pickle")] == [kb_image.image_path(lexicon).name]


def test_changed_source_gets_a_new_image_and_the_stale_one_goes(image_folder, lexicon, tmp_path, monkeypatch, capsys):
    kb_image.load(lexicon)
    stale = kb_image.image_path(lexicon)
    roles = tmp_path / "kb_roles.tsv"
    roles.write_text(kb_image.ROLE_KEYWORDS.read_text(encoding="utf-8") + "# one more line\n", encoding="utf-8")
    monkeypatch.setattr(kb_image, "_SOURCES", tuple(roles if p == kb_image.ROLE_KEYWORDS else p for p in kb_image._SOURCES))
    assert kb_image.image_path(lexicon) != stale
    capsys.readouterr()
    kb_image.load(lexicon)
    assert "making the knowledge-base image" in capsys.readouterr().err
    assert not stale.exists() and kb_image.image_path(lexicon).is_file()


def test_unreadable_image_is_made_again(image_folder, lexicon, capsys):
    kb_image.image_path(lexicon).write_bytes(b"not a pickle")
    kb, _ = kb_image.load(lexicon)
    assert "making the knowledge-base image" in capsys.readouterr().err
    assert len(kb) > 0 and kb_image.load(lexicon)[0].get(next(kb.entries()).id) == next(kb.entries())


def test_image_holds_what_loading_derives(from_image, kb, lexicon):
    image_kb, image_linker = from_image
    assert list(image_kb.entries()) == list(kb.entries())
    assert list(image_kb.names()) == list(kb.names())
    _, linker = kb_image.derive(lexicon)
    assert vars(image_linker).keys() == vars(linker).keys()
    for name in ("_by_latin", "_by_skeleton", "_by_letters", "generic_heads", "letter_classes", "collectives"):
        assert getattr(image_linker, name) == getattr(linker, name), name


def test_extract_is_the_same_from_the_image(from_image, pipeline, analyzer, lexicon):
    if not ANT_CORPUS.is_dir():
        pytest.skip(f"the ANT corpus is not at {ANT_CORPUS}")
    image_kb, image_linker = from_image
    imaged = Pipeline(analyzer, image_kb, lexicon, Tagger.load(analyzer, image_kb, MODEL_DIR), image_linker)
    files = [str(p) for p in sorted(ANT_CORPUS.rglob("*.txt"))[::400]]
    docs = [item for item in read_inputs(files) if not isinstance(item, Problem)]
    assert len(docs) >= 20
    for doc in docs:
        assert to_record(imaged(doc)) == to_record(pipeline(doc)), doc.id
