"""Files: outputs written atomically (a reader never sees half a file, a crash leaves the old one), and word tables."""

from __future__ import annotations

import glob
import mmap
import os
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_file(path: Path, binary: bool = False) -> Iterator[IO]:
    """Open a temporary file beside `path`; on success it replaces `path`, on error it vanishes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as stream:
            yield stream
        os.chmod(partial, 0o644)  # mkstemp's 0600 would hide the output from other users
        os.replace(partial, path)
    except BaseException:
        os.unlink(partial)
        raise


def remove_partial(path: Path) -> None:
    """Remove the temporary files an `atomic_file` of `path` left behind when its process was killed."""
    for partial in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        partial.unlink(missing_ok=True)


def write_atomically(path: Path, text: str) -> Path:
    """Write a text file atomically; return its path."""
    with atomic_file(path) as stream:
        stream.write(text)
    return path


# A word table's file (`WordTable`): its head (magic, entries, slots), a slot (a record's offset),
# a record's head (the word's length, the entry's).
_TABLE_MAGIC = b"kgwords1"
_TABLE_HEAD = struct.Struct("<8sII")
_TABLE_SLOT = struct.Struct("<Q")
_TABLE_RECORD = struct.Struct("<II")


class WordTable:
    """Entries by word in one file read through a memory map, each word found by its hash: opened in no time.

    The file: a head (`_TABLE_HEAD`: magic, entries, slots), then one slot per place of an
    open-addressing hash table (`zlib.crc32` of the word's UTF-8, the next slot on a clash; the
    offset of its record, 0 for none), then the records (`_TABLE_RECORD`: the word's length and
    the entry's, then both). A pickled dict of the 33,757 common words' entries took 20-30 ms to
    load at every start-up, where a look-up here costs ~1.5 µs and a one-article run makes ~600;
    the pages are the page cache's, shared by every worker.
    """

    def __init__(self, path: Path):
        """Open the table at `path`.

        Raises:
            ValueError: when the file is not such a table.
        """
        with path.open("rb") as stream:
            self._map = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        if len(self._map) < _TABLE_HEAD.size:
            raise ValueError(f"{path}: not a word table")
        magic, self._entries, self._slots = _TABLE_HEAD.unpack_from(self._map)
        if magic != _TABLE_MAGIC or len(self._map) < _TABLE_HEAD.size + self._slots * _TABLE_SLOT.size:
            raise ValueError(f"{path}: not a word table")

    def __len__(self) -> int:
        return self._entries

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def get(self, word: str) -> bytes | None:
        """The entry of a word, or None."""
        key = word.encode("utf-8")
        table, slots = self._map, self._slots
        at = zlib.crc32(key) % slots
        while True:
            (offset,) = _TABLE_SLOT.unpack_from(table, _TABLE_HEAD.size + at * _TABLE_SLOT.size)
            if not offset:
                return None
            key_size, entry_size = _TABLE_RECORD.unpack_from(table, offset)
            start = offset + _TABLE_RECORD.size
            if table[start : start + key_size] == key:
                return table[start + key_size : start + key_size + entry_size]
            at = (at + 1) % slots

    @staticmethod
    def write(stream: IO[bytes], entries: dict[str, bytes]) -> None:
        """Write entries as a table (half its slots empty, so a look-up seldom goes past its first)."""
        slots = 2 * len(entries) + 1
        offsets = [0] * slots
        records = bytearray()
        first = _TABLE_HEAD.size + slots * _TABLE_SLOT.size
        for word, entry in entries.items():
            key = word.encode("utf-8")
            at = zlib.crc32(key) % slots
            while offsets[at]:
                at = (at + 1) % slots
            offsets[at] = first + len(records)
            records += _TABLE_RECORD.pack(len(key), len(entry)) + key + entry
        stream.write(_TABLE_HEAD.pack(_TABLE_MAGIC, len(entries), slots))
        stream.write(struct.pack(f"<{slots}Q", *offsets))
        stream.write(records)


def word_table(path: Path, what: str, make: Callable[[], dict[str, bytes]]) -> WordTable | dict[str, bytes]:
    """The table of entries by word at `path` (a `<prefix>-<key>.table` beside the analysis image),
    made with `make` first when it is missing or unreadable: written atomically, the older tables of
    the same prefix removed. A read-only folder keeps this run's entries in memory only (a dict).

    Args:
        what: the table's name in the one line said on stderr while it is made ("readings table").
    """
    try:
        return WordTable(path)
    except (OSError, ValueError):
        pass
    print(f"kg: making the {what} {path.name} (once)", file=sys.stderr)
    entries = make()
    try:
        with atomic_file(path, binary=True) as stream:
            WordTable.write(stream, entries)
        for old in path.parent.glob(f"{glob.escape(path.name.rsplit('-', 1)[0])}-*"):
            if old != path and old.suffix == ".table":
                old.unlink()  # a table of an older image, word list, model or kg
        return WordTable(path)
    except (OSError, ValueError) as err:
        print(f"kg: cannot write the {what} beside the database: {err}", file=sys.stderr)
    return entries
