"""Write output files atomically: a reader never sees half a file, a crash leaves the old one."""

from __future__ import annotations

import glob
import os
import pickle
import sys
import tempfile
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


def word_table(path: Path, what: str, make: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
    """The table of pickled entries by word at `path` (a `<prefix>-<key>.pickle` beside the analysis
    image), made with `make` first when it is missing or unreadable: written atomically, the older
    tables of the same prefix removed. A read-only folder keeps this run's table in memory only.

    Args:
        what: the table's name in the one line said on stderr while it is made ("readings table").
    """
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        pass
    print(f"kg: making the {what} {path.name} (once)", file=sys.stderr)
    table = make()
    try:
        with atomic_file(path, binary=True) as stream:
            pickle.dump(table, stream, protocol=pickle.HIGHEST_PROTOCOL)
        for old in path.parent.glob(f"{glob.escape(path.name.rsplit('-', 1)[0])}-*.pickle"):
            if old != path:
                old.unlink()  # a table of an older image, word list, model or kg
    except OSError as err:
        print(f"kg: cannot write the {what} beside the database: {err}", file=sys.stderr)
    return table
