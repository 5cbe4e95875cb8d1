"""Write output files atomically: a reader never sees half a file, a crash leaves the old one."""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Iterator
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
