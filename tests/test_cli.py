"""The `kg` command as a user runs it: exit codes, one-line errors, outputs."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KG = [sys.executable, "-m", "kg.cli"]


def _run(*args, cwd=None):
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02binary\xff", "نص عربي".encode("cp1256")],
    ids=["empty", "binary", "not-utf8"],
)
def test_bad_file_is_one_line_and_nonzero(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = _run("extract", bad)
    assert done.returncode != 0
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and str(bad) in done.stderr


def test_directory_skips_bad_files_and_processes_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text("انتقد الرئيس الأمريكي دونالد ترامب ألمانيا.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\xff")
    (tmp_path / "d.txt").write_text("زار الرئيس الفرنسي تونس.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = _run("extract", tmp_path, "-o", out)
    assert done.returncode == 1
    assert [json.loads(line)["doc"]["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "d"]
    assert "b.txt" in done.stderr and "c.txt" in done.stderr


def test_extract_of_one_article_imports_no_rdf_store_nor_progress_bar(tmp_path):
    """Start-up: `kg extract` writes plain IRI strings, so rdflib, pyoxigraph and tqdm stay unloaded."""
    article = tmp_path / "a.txt"
    article.write_text("زار الرئيس الفرنسي تونس.", encoding="utf-8")
    code = ("import sys; from kg.cli import main; code = main(['extract', sys.argv[1], '-o', sys.argv[2]]); "
            "print(code, sorted({'rdflib', 'pyoxigraph', 'tqdm'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code, str(article), str(tmp_path / "out.jsonl")],
                          capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "0 []", done.stderr
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["entities"][0]["id"].startswith("https://w3id.org/akg/entity/")


def test_entry_point_flushes_its_output_and_skips_the_teardown(tmp_path):
    """`kg` (`kg.cli:run`) ends with `os._exit` once the streams are flushed: the output is whole, no exit hook runs."""
    article = tmp_path / "a.txt"
    article.write_text("زار الرئيس الفرنسي تونس.", encoding="utf-8")
    code = ("import atexit, sys; from kg.cli import run; atexit.register(print, 'teardown', file=sys.stderr); "
            "sys.argv = ['kg', 'extract', sys.argv[1]]; run()")
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, timeout=300, env=buffered)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["doc"]["id"] == "a"  # written to a pipe, so block-buffered until the flush
    assert "teardown" not in done.stderr


def test_build_writes_graphs(tmp_path):
    done = _run("build", "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    for name in ("kg.ttl", "kg.trig", "kg.html"):
        assert (tmp_path / "out" / name).stat().st_size > 0


def test_missing_database_says_how_to_install(tmp_path):
    env_code = "import os, sys; os.environ['KG_DATA_DIR'] = sys.argv[1]; from kg.cli import main; sys.exit(main(['extract']))"
    done = subprocess.run([sys.executable, "-c", env_code, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "kg install-data" in done.stderr


def test_exports_hold_the_example_as_the_main_job_writes_it():
    exports = Path(__file__).resolve().parents[1] / "exports"
    assert {"kg.ttl", "kg.trig", "kg.html"} <= {p.name for p in exports.iterdir()}


def test_killed_build_resumes_to_the_same_graph(tmp_path):
    import signal
    import time

    articles = sorted((Path(__file__).resolve().parents[2] / "shared/corpus/ant/internationalNews").glob("*.txt"))[:40]
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in articles:
        (corpus / path.name).write_bytes(path.read_bytes())
    assert _run("build", corpus, "-j", "1", "-o", tmp_path / "whole").returncode == 0
    stopped = subprocess.Popen([*KG, "build", str(corpus), "-j", "1", "-o", str(tmp_path / "again")], stderr=subprocess.DEVNULL)
    cache = tmp_path / "again" / ".articles"
    while stopped.poll() is None and len(list(cache.glob("*.json"))) < 4:
        time.sleep(0.1)
    stopped.send_signal(signal.SIGKILL)
    stopped.wait()
    assert not (tmp_path / "again" / "kg.nq").exists()
    resumed = _run("build", corpus, "-j", "1", "-o", tmp_path / "again")
    assert resumed.returncode == 0 and "already built" in resumed.stderr
    assert (tmp_path / "again" / "kg.nq").read_bytes() == (tmp_path / "whole" / "kg.nq").read_bytes()
