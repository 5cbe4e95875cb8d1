import json
import subprocess
import sys

import pytest

from kg.read import EXAMPLE, Problem, ReadError, read_file, read_inputs

SGML = """<DOC>
<DOCNO>JA-test-1</DOCNO>
<URL>http://example.org/a</URL>
<TITLE>عنوان الخبر</TITLE>
<TIME>2017-01-21T23:43:00+01:00</TIME>
<TEXT>
استقبل الرئيس التونسي وفدا من البنك الدولي &amp; صندوق النقد.
</TEXT>
</DOC>
<DOC>
<DOCNO>JA-test-2</DOCNO>
<TEXT>نص ثان.</TEXT>
</DOC>
"""


def test_sgml_keeps_title_date_and_url(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SGML, encoding="utf-8")
    first, second = read_file(path)
    assert (first.id, first.title, first.date, first.url) == ("JA-test-1", "عنوان الخبر", "2017-01-21", "http://example.org/a")
    assert "البنك الدولي & صندوق" in first.body
    assert (second.id, second.title, second.date) == ("JA-test-2", None, None)


def test_plain_text_is_the_whole_body(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("\ufeffأشاد الوزير بالاتفاق.\n", encoding="utf-8")
    (doc,) = read_file(path)
    assert (doc.id, doc.body) == ("news", "أشاد الوزير بالاتفاق.\n")


def test_jsonl(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "x1", "text": "زار الرئيس تونس.", "date": "2016-05-03", "title": "زيارة"}, {"id": 2, "text": "نص."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    docs = list(read_file(path))
    assert [(d.id, d.date, d.title) for d in docs] == [("x1", "2016-05-03", "زيارة"), ("2", None, None)]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty input"),
        (b"  \n ", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("أخبار".encode("cp1256"), "not UTF-8"),
    ],
)
def test_bad_files_raise_one_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message) as caught:
        list(read_file(path))
    assert "\n" not in str(caught.value)


def test_directory_reports_bad_files_and_reads_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text("خبر أول.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00\x00bin")
    (tmp_path / "d.txt").write_text("خبر ثان.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Document", "Problem", "Problem", "Document"]
    assert [i.id for i in items if not isinstance(i, Problem)] == ["a", "d"]


def test_no_input_is_the_bundled_example():
    (doc,) = read_inputs([])
    assert EXAMPLE.exists() and "توكاييف" in doc.body


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        list(read_inputs([str(tmp_path / "nothing.txt")]))


def test_stdin():
    code = "import sys; from kg.read import read_inputs; print([d.body for d in read_inputs(['-'])])"
    done = subprocess.run([sys.executable, "-c", code], input="قصف الجيش المدينة.".encode(), capture_output=True, check=True)
    assert "قصف الجيش المدينة." in done.stdout.decode()


@pytest.mark.parametrize(
    "time, date",
    [("2017-01-21T23:43:00+01:00", "2017-01-21"), ("15/12/2014", "2014-12-15"), ("3/4/2016 10:00", "2016-04-03"), ("45/13/2016", None), ("", None)],
)
def test_dates_as_ant_writes_them(tmp_path, time, date):
    path = tmp_path / "a.txt"
    path.write_text(f"<DOC><DOCNO>d</DOCNO><TIME>{time}</TIME><TEXT>نص.</TEXT></DOC>", encoding="utf-8")
    (doc,) = read_file(path)
    assert doc.date == date


def test_utf16_with_bom_and_named_encodings(tmp_path):
    text = "أدانت الحكومة الهجوم.\n"
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "win.txt").write_bytes(text.encode("cp1256"))
    (tmp_path / "iso.txt").write_bytes(text.encode("iso8859-6"))
    assert next(read_file(tmp_path / "u16.txt")).body == text
    assert next(read_file(tmp_path / "win.txt", "cp1256")).body == text
    assert next(read_file(tmp_path / "iso.txt", "iso8859-6")).body == text
    with pytest.raises(ReadError, match="--encoding cp1256"):
        list(read_file(tmp_path / "win.txt"))
    with pytest.raises(ReadError, match="unknown encoding"):
        list(read_file(tmp_path / "win.txt", "klingon"))


def test_bad_json_lines_are_reported_by_number_and_the_rest_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": 1, "text": "أول."}\nnot json\n{"id": 3}\n{"id": 4, "text": "رابع."}\n', encoding="utf-8")
    items = list(read_file(path))
    assert [i.id for i in items if not isinstance(i, Problem)] == ["1", "4"]
    assert [i.reason.split(": ")[0] for i in items if isinstance(i, Problem)] == [f"{path}:2", f"{path}:3"]


def test_a_doc_without_text_is_skipped_and_the_others_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("<DOC><DOCNO>a</DOCNO></DOC><DOC><DOCNO>b</DOCNO><TEXT>نص.</TEXT></DOC>", encoding="utf-8")
    first, second = read_file(path)
    assert isinstance(first, Problem) and second.id == "b"


def test_html_pages_are_refused(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><body>خبر</body></html>", encoding="utf-8")
    with pytest.raises(ReadError, match="HTML page"):
        list(read_file(path))


def test_entities_are_not_expanded_beyond_the_standard_five(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text('<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><DOC><DOCNO>x</DOCNO><TEXT>&e; &amp;</TEXT></DOC>', encoding="utf-8")
    (doc,) = read_file(path)
    assert doc.body == "&e; &" and "root:" not in doc.body


def test_a_huge_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as stream:  # 100 MB on one line
        chunk = "خبر " * 250_000
        for _ in range(50):
            stream.write(chunk)
    (item,) = read_file(path)
    assert isinstance(item, Problem) and "split it into articles" in item.reason
