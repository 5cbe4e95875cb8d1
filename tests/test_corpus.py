"""Corpus runs: resumable, incremental, parallel, on Dask, and a worker that dies."""

import os
import signal
from pathlib import Path

import pytest

from kg import corpus, nlp
from kg.corpus import ArticleCache, build
from kg.nlp import Analyzer, WordReadings
from kg.read import read_inputs

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLES = sorted((SHARED / "corpus" / "ant" / "internationalNews").glob("*.txt"))[:12]


def _nquads(cache_dir: Path, files, **options) -> tuple[str, corpus.Summary]:
    cache = ArticleCache(cache_dir)
    graphs: list[str] = []
    ids, summary = build(read_inputs([str(f) for f in files]), cache, on_graph=graphs.append, **options)
    assert "".join(graphs) == "".join(cache.nquads(doc_id) for doc_id in ids)
    return "".join(graphs), summary


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    return _nquads(tmp_path_factory.mktemp("one") / "cache", ARTICLES)[0]


def test_resumed_run_equals_uninterrupted(tmp_path, uninterrupted):
    _nquads(tmp_path / "cache", ARTICLES[:5])  # the run that was stopped after five articles
    resumed, summary = _nquads(tmp_path / "cache", ARTICLES)
    assert resumed == uninterrupted
    assert (summary.reused, summary.articles) == (5, 12)


def test_changed_article_is_extracted_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("انتقد الرئيس الأمريكي دونالد ترامب ألمانيا.", encoding="utf-8")
    _nquads(tmp_path / "cache", [folder / "a.txt"])
    (folder / "a.txt").write_text("أشاد الرئيس الأمريكي دونالد ترامب بألمانيا.", encoding="utf-8")
    text, summary = _nquads(tmp_path / "cache", [folder / "a.txt"])
    assert summary.reused == 0 and "praised" in text and "condemned" not in text


def test_two_workers_equal_one(tmp_path, uninterrupted):
    assert _nquads(tmp_path / "cache", ARTICLES, jobs=2)[0] == uninterrupted


def test_dask_equals_local(tmp_path, uninterrupted):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        text, _ = _nquads(tmp_path / "cache", ARTICLES, scheduler=cluster.scheduler_address)
    assert text == uninterrupted


def test_killed_worker_loses_only_its_article(tmp_path, monkeypatch, uninterrupted):
    poison = ARTICLES[3].stem
    real = corpus.article_graph

    def dies_on_poison(doc, ner):
        if doc.id == poison:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, ner)

    # Workers are forked from this process, so they run the patched function.
    monkeypatch.setattr(corpus, "article_graph", dies_on_poison)
    text, summary = _nquads(tmp_path / "cache", ARTICLES, jobs=2)
    assert [p.reason for p in summary.failures] == [f"{ARTICLES[3]}: {poison}: its worker process died"]
    assert summary.articles == 11
    kept = {line for line in uninterrupted.splitlines() if f"/article/{poison}>" not in line.rsplit(" ", 2)[-2]}
    assert set(text.splitlines()) == kept


def test_an_article_file_cut_short_is_extracted_again(tmp_path):
    # A file cut short (a disk full, a copy interrupted) is no JSON: the article is extracted again.
    _nquads(tmp_path / "cache", ARTICLES[:2])
    cut = ArticleCache(tmp_path / "cache").path(ARTICLES[1].stem)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    _, summary = _nquads(tmp_path / "cache", ARTICLES[:2])
    assert (summary.reused, summary.articles) == (1, 2)


def test_a_changed_kg_redoes_the_articles(tmp_path, monkeypatch):
    _nquads(tmp_path / "cache", ARTICLES[:2])
    monkeypatch.setattr(corpus, "_kg_fingerprint", lambda ner: "another kg")
    _, summary = _nquads(tmp_path / "cache", ARTICLES[:2])
    assert summary.reused == 0


def test_the_words_met_are_kept_for_the_next_run(tmp_path, camel_analyzer):
    corpus._pipeline.cache_clear()  # this process's pipeline met these words before: a new one analyses them
    _nquads(tmp_path / "cache", ARTICLES[:3], jobs=2)
    kept = WordReadings()
    corpus._WordLog().start(tmp_path / "cache", kept)
    assert len(kept) > 50  # of the three articles, those not in the common words' table
    fresh = Analyzer(camel_analyzer)
    assert all(kept.get(word) == fresh.readings(word) for word in list(kept.readings())[:300])


def test_words_of_another_analysis_are_not_used(tmp_path, monkeypatch):
    (tmp_path / "words.pickle").write_bytes(b"an older kg's")
    path = corpus._WordLog().start(tmp_path, WordReadings())
    corpus._WordLog.write(path, {"كلمة": ()})
    again = WordReadings()
    assert corpus._WordLog().start(tmp_path, again) == path and again.get("كلمة") == ()
    assert not (tmp_path / "words.pickle").exists()
    monkeypatch.setattr(corpus, "analysis_version", lambda: "another database or kg")
    other = WordReadings()
    assert corpus._WordLog().start(tmp_path, other) != path and len(other) == 0 and not path.exists()


def test_a_record_a_killed_run_cut_short_is_cut_off(tmp_path):
    path = corpus._WordLog().start(tmp_path, WordReadings())
    corpus._WordLog.write(path, {"كتب": ()})
    with path.open("ab") as stream:
        stream.write(corpus._RECORD.pack(os.getpid(), 100) + b"\x80")
    assert corpus._WordLog().start(tmp_path, WordReadings()) == path
    corpus._WordLog.write(path, {"قال": ()})  # the next run's words, readable after it
    words = WordReadings()
    corpus._WordLog().start(tmp_path, words)
    assert sorted(words.readings()) == ["قال", "كتب"]


def test_a_log_of_far_more_words_than_kept_is_written_again(tmp_path, monkeypatch):
    monkeypatch.setattr(nlp, "_MAX_CACHED_WORDS", 10)
    path = corpus._WordLog().start(tmp_path, WordReadings())
    for n in range(5):
        corpus._WordLog.write(path, {f"w{n}-{k}": () for k in range(10)})
    log, words = corpus._WordLog(), WordReadings()
    log.start(tmp_path, words)
    assert len(words) <= 10 and words.get("w4-9") == ()
    corpus._WordLog.write(path, {"later": ()})  # read next from the written file's end
    assert log.read(path, words, skip_own=False) == 1 and words.get("later") == ()
    again = WordReadings()
    corpus._WordLog().start(tmp_path, again)
    assert again.readings() == words.readings()


def test_the_word_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(nlp, "_MAX_CACHED_WORDS", 10)
    words = WordReadings()
    for n in range(25):
        words.add(f"w{n}", ())
    assert len(words) <= 10 and words.get("w24") == ()
    assert len(words.take_fresh()) == 10 and words.take_fresh() == {}


def test_a_bar_moves_once_per_article_when_workers_take_several(tmp_path, uninterrupted):
    ticks = []
    text, summary = _nquads(tmp_path / "cache", ARTICLES, jobs=2, on_article=lambda: ticks.append(1))
    assert corpus._LOCAL_BATCH > 1 and len(ARTICLES) > 2 * corpus._LOCAL_BATCH
    assert (len(ticks), summary.articles, text) == (len(ARTICLES), len(ARTICLES), uninterrupted)


def test_an_article_of_an_id_met_before_is_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("انتقد الرئيس الأمريكي دونالد ترامب ألمانيا.", encoding="utf-8")
    text, summary = _nquads(tmp_path / "cache", [folder / "a.txt", folder / "a.txt"])
    assert [p.reason for p in summary.failures] == [f"{folder / 'a.txt'}: a: an earlier article has the same id"]
    assert summary.articles == 1 and text == _nquads(tmp_path / "again", [folder / "a.txt"])[0]


def _write_in_another_process(path: Path, fresh: dict) -> None:
    import multiprocessing

    writer = multiprocessing.get_context("fork").Process(target=corpus._WordLog.write, args=(path, fresh))
    writer.start()
    writer.join()


def test_workers_read_the_words_the_others_analysed(tmp_path):
    path = tmp_path / "words.log"
    path.touch()
    shared, words = corpus._WordLog(), WordReadings()
    _write_in_another_process(path, {"كتب": (), "قال": ()})
    shared.write(path, {"ذهب": ()})  # this process's own: not read back
    with path.open("ab") as stream:  # a record still being written
        stream.write(corpus._RECORD.pack(os.getpid() + 1, 100) + b"\x80")
    shared.read(path, words)
    assert sorted(words.readings()) == ["قال", "كتب"] and words.take_fresh() == {}
    path.write_bytes(path.read_bytes()[: -corpus._RECORD.size - 1])  # its writer died before finishing it
    _write_in_another_process(path, {"رأى": ()})
    shared.read(path, words)
    assert sorted(words.readings()) == ["رأى", "قال", "كتب"]
