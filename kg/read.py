"""Read articles from .txt, TREC-style SGML <DOC> files, JSON Lines, directories and stdin."""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.types import Document

EXAMPLE = Path(__file__).parent / "data" / "example" / "kazakhstan_unrest.txt"
SUFFIXES = {".txt", ".sgml", ".sgm", ".xml", ".jsonl", ".json"}

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_FIELD = {
    name: re.compile(rf"<{name}>(.*?)</{name}>", re.S | re.I)
    for name in ("DOCNO", "TITLE", "TIME", "DATE", "TEXT", "URL", "SRC")
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # ANT: 15/12/2014


class ReadError(Exception):
    """An input that cannot be read as articles; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Problem:
    """An input skipped during a multi-file run, with the reason."""

    source: str
    reason: str


def read_inputs(inputs: list[str]) -> Iterator[Document | Problem]:
    """Yield the documents of every input in order; bad files are yielded as `Problem`s.

    A single bad file given by name raises `ReadError`; inside a directory it is a `Problem`.
    """
    if not inputs:
        yield from read_file(EXAMPLE)
        return
    for name in inputs:
        if name == "-":
            yield from _read_text(sys.stdin.buffer.read(), "<stdin>", "-")
        elif Path(name).is_dir():
            for path in sorted(p for p in Path(name).rglob("*") if p.suffix.lower() in SUFFIXES):
                try:
                    yield from read_file(path)
                except ReadError as err:
                    yield Problem(str(path), str(err))
        elif Path(name).exists():
            yield from read_file(Path(name))
        else:
            raise ReadError(f"{name}: no such file or directory")


def read_file(path: Path) -> Iterator[Document]:
    """Yield the documents held in one file, chosen by its content and suffix."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(f"{path}: cannot read ({err.strerror})") from err
    yield from _read_text(data, str(path), path.stem, jsonl=path.suffix.lower() in {".jsonl", ".json"})


def _read_text(data: bytes, source: str, stem: str, jsonl: bool = False) -> Iterator[Document]:
    text = _decode(data, source)
    if jsonl:
        yield from _read_jsonl(text, source)
    elif _DOC.search(text):
        yield from _read_sgml(text, source)
    else:
        yield Document(id=stem, body=text, source=source)


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise ReadError(f"{source}: empty input")
    if b"\x00" in data[:4096]:
        raise ReadError(f"{source}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReadError(f"{source}: not UTF-8 (invalid byte at offset {err.start})") from err
    if not text.strip():
        raise ReadError(f"{source}: empty input")
    return text


def _read_sgml(text: str, source: str) -> Iterator[Document]:
    for number, match in enumerate(_DOC.finditer(text), 1):
        record = match.group(1)
        fields = {name: _field(pattern, record) for name, pattern in _FIELD.items()}
        body = fields["TEXT"]
        if not body or not body.strip():
            raise ReadError(f"{source}: <DOC> {number} has no <TEXT>")
        yield Document(
            id=(fields["DOCNO"] or f"{Path(source).stem}-{number}").strip(),
            body=body,
            source=source,
            title=fields["TITLE"].strip() if fields["TITLE"] else None,
            date=_iso_date(fields["TIME"] or fields["DATE"]),
            url=fields["URL"].strip() if fields["URL"] else None,
        )


def _field(pattern: re.Pattern, record: str) -> str | None:
    # SGML text is not parsed as XML: only the five standard entities are expanded, so
    # nothing external or recursive is ever resolved.
    found = pattern.search(record)
    return html.unescape(found.group(1)) if found else None


def _read_jsonl(text: str, source: str) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            body = record["text"]
            doc_id = str(record["id"])
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise ReadError(f"{source}:{number}: not a JSON object with 'id' and 'text' ({err})") from err
        if not isinstance(body, str) or not body.strip():
            raise ReadError(f"{source}:{number}: empty 'text'")
        yield Document(
            id=doc_id,
            body=body,
            source=source,
            title=record.get("title"),
            date=_iso_date(record.get("date")),
            url=record.get("url"),
        )


def _iso_date(value: str | None) -> str | None:
    if found := _ISO_DATE.search(value or ""):
        return "-".join(found.groups())
    if found := _DAY_FIRST_DATE.search(value or ""):
        day, month, year = (int(part) for part in found.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    return None
