"""Read articles from .txt, TREC-style SGML <DOC> files, JSON Lines, directories and stdin."""

from __future__ import annotations

import codecs
import dataclasses
import html
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.types import Document

EXAMPLE = Path(__file__).parent / "data" / "example" / "kazakhstan_unrest.txt"
MAX_ARTICLE_CHARS = 1_000_000
SUFFIXES = {".txt", ".sgml", ".sgm", ".xml", ".jsonl", ".json"}

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_FIELD = {
    name: re.compile(rf"<{name}>(.*?)</{name}>", re.S | re.I)
    for name in ("DOCNO", "TITLE", "TIME", "DATE", "TEXT", "URL", "SRC")
}
_HTML = re.compile(r"\s*(<!doctype html|<html)", re.I)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # ANT: 15/12/2014


class ReadError(Exception):
    """An input that cannot be read as articles; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Problem:
    """An input skipped during a multi-file run, with the reason."""

    source: str
    reason: str


def read_inputs(inputs: list[str], encoding: str | None = None) -> Iterator[Document | Problem]:
    """Yield the documents of every input in order; what cannot be read is a `Problem`.

    A file given by name that is missing, empty, binary or not text raises `ReadError`;
    inside a directory it is a `Problem`, as is a bad record (a JSON line, a <DOC>) in any file.

    Args:
        inputs: file names, directory names or "-" for standard input; none: the example.
        encoding: the text encoding of the inputs; by default UTF-8 (or UTF-16 with a BOM).
    """
    if not inputs:
        # The bundled example is named by its place in the package, the same on every machine.
        for doc in read_file(EXAMPLE):
            yield dataclasses.replace(doc, source=f"kg/{EXAMPLE.relative_to(EXAMPLE.parents[2]).as_posix()}")
        return
    for name in inputs:
        if name == "-":
            yield from _read_text(sys.stdin.buffer.read(), "<stdin>", "-", encoding)
        elif Path(name).is_dir():
            for path in sorted(p for p in Path(name).rglob("*") if p.suffix.lower() in SUFFIXES):
                try:
                    yield from read_file(path, encoding)
                except ReadError as err:
                    yield Problem(str(path), str(err))
        elif Path(name).exists():
            yield from read_file(Path(name), encoding)
        else:
            raise ReadError(f"{name}: no such file or directory")


def read_file(path: Path, encoding: str | None = None) -> Iterator[Document | Problem]:
    """Yield the documents held in one file, chosen by its content and suffix."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(f"{path}: cannot read ({err.strerror})") from err
    jsonl = path.suffix.lower() in {".jsonl", ".json"}
    yield from _read_text(data, str(path), path.stem, encoding, jsonl)


def _read_text(data: bytes, source: str, stem: str, encoding: str | None, jsonl: bool = False) -> Iterator[Document | Problem]:
    text = _decode(data, source, encoding)
    if jsonl:
        yield from _read_jsonl(text, source)
    elif _DOC.search(text):
        yield from _read_sgml(text, source)
    elif _HTML.match(text):
        raise ReadError(f"{source}: an HTML page, not an article (save the article's text as .txt)")
    else:
        yield _sized(Document(id=stem, body=text, source=source))


def _decode(data: bytes, source: str, encoding: str | None) -> str:
    if not data.strip():
        raise ReadError(f"{source}: empty input")
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # the byte-order mark says so
    if encoding is None and b"\x00" in data[:4096]:
        raise ReadError(f"{source}: binary file, not text")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as err:
        hint = "" if encoding else "; for Arabic Windows or ISO text pass --encoding cp1256 or --encoding iso8859-6"
        raise ReadError(f"{source}: not {encoding or 'UTF-8'} (invalid byte at offset {err.start}){hint}") from err
    except LookupError as err:
        raise ReadError(f"unknown encoding {encoding!r}") from err
    if not text.strip():
        raise ReadError(f"{source}: empty input")
    return text.removeprefix("\ufeff")


def _read_sgml(text: str, source: str) -> Iterator[Document | Problem]:
    for number, match in enumerate(_DOC.finditer(text), 1):
        record = match.group(1)
        fields = {name: _field(pattern, record) for name, pattern in _FIELD.items()}
        body = fields["TEXT"]
        if not body or not body.strip():
            yield Problem(source, f"{source}: <DOC> {number} has no <TEXT>")
            continue
        yield _sized(Document(
            id=(fields["DOCNO"] or f"{Path(source).stem}-{number}").strip(),
            body=body,
            source=source,
            title=fields["TITLE"].strip() if fields["TITLE"] else None,
            date=_iso_date(fields["TIME"] or fields["DATE"]),
            url=fields["URL"].strip() if fields["URL"] else None,
        ))


def _field(pattern: re.Pattern, record: str) -> str | None:
    # SGML text is not parsed as XML: only the five standard entities are expanded, so
    # nothing external or recursive is ever resolved.
    found = pattern.search(record)
    return html.unescape(found.group(1)) if found else None


def _read_jsonl(text: str, source: str) -> Iterator[Document | Problem]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            body, doc_id = record["text"], str(record["id"])
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            yield Problem(source, f"{source}:{number}: not a JSON object with 'id' and 'text' ({err})")
            continue
        if not isinstance(body, str) or not body.strip():
            yield Problem(source, f"{source}:{number}: empty 'text'")
            continue
        yield _sized(Document(
            id=doc_id,
            body=body,
            source=source,
            title=_text_or_none(record.get("title")),
            date=_iso_date(_text_or_none(record.get("date"))),
            url=_text_or_none(record.get("url")),
        ))


def _sized(doc: Document) -> Document | Problem:
    # A news article is a few thousand characters; a body this long is a dump, not an article.
    if len(doc.body) > MAX_ARTICLE_CHARS:
        return Problem(doc.source, f"{doc.source}: {doc.id}: {len(doc.body):,} characters, more than an article "
                                   f"({MAX_ARTICLE_CHARS:,}); split it into articles")
    return doc


def _text_or_none(value) -> str | None:
    return value if isinstance(value, str) else None


def _iso_date(value: str | None) -> str | None:
    if found := _ISO_DATE.search(value or ""):
        return "-".join(found.groups())
    if found := _DAY_FIRST_DATE.search(value or ""):
        day, month, year = (int(part) for part in found.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    return None
