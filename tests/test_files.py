"""kg.files: the word tables kg derives beside the database (the readings and CRF features of common words)."""

from __future__ import annotations

import pickle

import pytest

from kg.files import WordTable, word_table

# Words of every length, one with a Unicode line separator, an empty entry: 3,000 of them, so that
# their hashes clash and a look-up goes on to the next slots.
ENTRIES = {"": b"", "تونس": b"\x00", "ب\u2028ا": pickle.dumps(("a", 1)), **{f"كلمة{i}": str(i).encode() * (i % 7) for i in range(3000)}}


def test_a_table_gives_back_every_entry_and_none_for_other_words(tmp_path):
    with (tmp_path / "kg-t-1.table").open("wb") as stream:
        WordTable.write(stream, ENTRIES)
    table = WordTable(tmp_path / "kg-t-1.table")
    assert len(table) == len(ENTRIES)
    assert all(table.get(word) == entry for word, entry in ENTRIES.items())
    assert "تونس" in table and "تونسي" not in table and table.get("كلمة3000") is None


def test_word_table_makes_the_table_once_and_removes_older_ones(tmp_path):
    older = tmp_path / "kg-t-0.table"
    older.write_bytes(b"an older table")
    made = []
    first = word_table(tmp_path / "kg-t-1.table", "test table", lambda: made.append(1) or ENTRIES)
    again = word_table(tmp_path / "kg-t-1.table", "test table", lambda: pytest.fail("made again"))
    assert made == [1] and not older.exists()
    assert isinstance(again, WordTable) and again.get("ب\u2028ا") == first.get("ب\u2028ا") == ENTRIES["ب\u2028ا"]


def test_a_file_that_is_no_table_is_made_again(tmp_path):
    path = tmp_path / "kg-t-1.table"
    path.write_bytes(pickle.dumps(ENTRIES))  # the pickled dict of earlier kg versions
    with pytest.raises(ValueError):
        WordTable(path)
    assert word_table(path, "test table", lambda: {"تونس": b"1"}).get("تونس") == b"1"
