"""Property-based tests: readers and tokenizer never fail and offsets always slice the text."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp import sentence_spans, token_spans
from kg.read import Problem, ReadError, read_file

# Arabic letters and marks, Latin, digits (Arabic-Indic too), spaces, punctuation, controls.
ARABISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x0020, max_codepoint=0x007E),
        st.sampled_from(["\n", "\t", "\u200c", "\u200d", "\u200f", "\u202b", "\u0640", "\ufeff", "«", "»", "،", "؟"]),
    ),
    max_size=300,
)


@given(st.one_of(ARABISH, st.text(max_size=300)))
@settings(max_examples=300, deadline=None)
def test_offsets_slice_any_text(text):
    for start, end in sentence_spans(text):
        assert text[start:end].strip() == text[start:end] != ""
        for tok_start, tok_end in token_spans(text, start, end):
            assert start <= tok_start < tok_end <= end
            assert not text[tok_start:tok_end].isspace()


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_readers_fail_only_with_read_errors(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("a.txt", "a.jsonl"):
        (folder / name).write_bytes(data)
        try:
            for item in read_file(folder / name):
                assert isinstance(item, Problem) or item.body.strip()
        except ReadError as err:
            assert "\n" not in str(err)


@given(st.lists(st.one_of(st.dictionaries(st.sampled_from(["id", "text", "date", "title"]), st.one_of(st.text(), st.integers(), st.none())), st.text()), max_size=8))
@settings(max_examples=200, deadline=None)
def test_jsonl_reader_on_any_lines(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("jsonl") / "a.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) if isinstance(row, dict) else row for row in rows), encoding="utf-8")
    try:
        for item in read_file(path):
            assert isinstance(item, Problem) or isinstance(item.body, str)
    except ReadError:
        pass
