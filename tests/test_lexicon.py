"""The lexicon files: the shipped ones load, and a bad line stops loading with its file and line."""

from __future__ import annotations

import shutil

import pytest

from kg.lexicon import DATA, Lexicon, LexiconError
from kg.vocab import PREDICATES

FILES = ("relations.tsv", "titles.tsv", "cues.tsv", "transliteration.tsv")


def test_shipped_files_load_with_known_names(lexicon):
    assert {t.predicate for t in lexicon.triggers.values()} <= set(PREDICATES)
    assert {t.relation for t in lexicon.titles.values()} <= {"leader_of", "member_of", "-"}
    assert lexicon.cues["وزاره"] == "state_body" and "وزاره" in lexicon.org_heads  # two kinds of one word
    assert "حكومه" in lexicon.org_heads and "منظمه" not in lexicon.cues


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("relations.tsv", "دعا\tverb\tcalled_four\tإلى\t-\t-\t-", "unknown predicate 'called_four'"),
        ("relations.tsv", "دعا\tverb\tcalled_for\tإلى\t-\t-\tPERSON", "unknown entity type"),
        ("relations.tsv", "دعا\tverb\tcalled_for\tإلى\t-", "7 tab-separated columns expected, 5 found"),
        ("titles.tsv", "الرئيس\tpresident_of\tpresident", "not 'president_of'"),
        ("titles.tsv", "الرئيس\tvisited\tpresident", "not 'visited'"),
        ("cues.tsv", "لم\tnegaton", "unknown kind 'negaton'"),
        ("cues.tsv", "أمس\tpast", "أمس is a yesterday cue already"),
        ("cues.tsv", "أمس\t", "a cell may be -, not empty"),
        ("transliteration.tsv", "lt\tb\tb", "unknown script 'lt'"),
    ],
)
def test_a_bad_line_names_its_file_and_line(tmp_path, name, line, problem):
    for file in FILES:
        shutil.copy(DATA / file, tmp_path / file)
    path = tmp_path / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as raised:
        Lexicon.load(tmp_path)
    assert str(raised.value).startswith(f"{path}:{len(lines) + 1}: ") and problem in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_wrong_header_is_named(tmp_path):
    for file in FILES:
        shutil.copy(DATA / file, tmp_path / file)
    path = tmp_path / "cues.tsv"
    path.write_text("# a comment\nword\tkinds\nلم\tnegation\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.tsv:2: the header is not word kind"):
        Lexicon.load(tmp_path)


def test_a_bad_lexicon_is_one_line_from_the_command(tmp_path, monkeypatch, capsys):
    from kg import cli, lexicon

    for file in FILES:
        shutil.copy(DATA / file, tmp_path / file)
    (tmp_path / "cues.tsv").write_text("word\tkind\nلم\tnegaton\n", encoding="utf-8")
    monkeypatch.setattr(lexicon.Lexicon.load.__func__, "__defaults__", (tmp_path,))
    assert cli.main(["extract", "-o", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("cues.tsv:2: unknown kind 'negaton'") and "\n" not in err
