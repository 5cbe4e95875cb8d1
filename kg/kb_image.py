"""The knowledge base and the linker's spelling indexes, kept as a pickled image beside the analysis image."""

from __future__ import annotations

import gc
import hashlib
import io
import json
import pickle
import pickletools
import sys
from pathlib import Path

from kg.camel_db import db_path
from kg.files import atomic_file
from kg.kb import DEFAULT_KB, ROLE_KEYWORDS, TAGGER_NAMES, KnowledgeBase
from kg.lexicon import Lexicon
from kg.link import Linker

_IMAGE_PREFIX = "kg-kb-"
# The image is derived from these files by these modules' code: a change to any of them makes a new image.
_SOURCES = (DEFAULT_KB, ROLE_KEYWORDS, TAGGER_NAMES)
_CODE = tuple(Path(__file__).with_name(name) for name in ("kb_image.py", "kb.py", "link.py", "nlp.py"))


def image_path(lexicon: Lexicon) -> Path:
    """Where the image of the bundled knowledge base, this lexicon's linker words and this kg lives."""
    digest = hashlib.sha256()
    for path in (*_SOURCES, *_CODE):
        digest.update(path.read_bytes())
    # the lexicon's words the linker keeps, written in an order that does not depend on the process
    digest.update(json.dumps([sorted(lexicon.org_heads), lexicon.letter_classes,
                              sorted(lexicon.words_of("collective")), sorted(lexicon.grammar["name_link"]),
                              sorted(lexicon.grammar["kinship_link"]), sorted(lexicon.words_of("nonstate"))], sort_keys=True).encode())
    return db_path().with_name(f"{_IMAGE_PREFIX}{digest.hexdigest()[:16]}.pickle")


def linker(kb: KnowledgeBase, lexicon: Lexicon) -> Linker:
    """The linker over a knowledge base, with the lexicon's words it keeps."""
    return Linker(kb, lexicon.org_heads, lexicon.letter_classes, lexicon.words_of("collective"),
                  lexicon.grammar["name_link"], lexicon.grammar["kinship_link"], lexicon.words_of("nonstate"))


def derive(lexicon: Lexicon) -> tuple[KnowledgeBase, Linker]:
    """Load the bundled knowledge base and build the linker's indexes over it (what the image keeps)."""
    kb = KnowledgeBase.load()
    return kb, linker(kb, lexicon)


def load(lexicon: Lexicon, path: Path | None = None) -> tuple[KnowledgeBase, Linker]:
    """Return the knowledge base and its linker from the image, making the image first when it is missing or stale.

    Args:
        path: the image's `image_path(lexicon)`, when the caller has it (its key reads ~4.5 MB of files).
    """
    path = path or image_path(lexicon)
    gc.disable()  # a hundred thousand small objects: the collector would walk them again and again
    try:
        with path.open("rb") as stream:
            kb_and_linker = pickle.load(stream)
        gc.freeze()  # the image lives as long as the process: out of every later collection's sight
        return kb_and_linker
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        pass
    finally:
        gc.enable()
    print(f"kg: making the knowledge-base image {path.name} (once)", file=sys.stderr)
    kb, linker = derive(lexicon)
    try:
        write(path, kb, linker)
    except OSError as err:  # a read-only data folder: derived in memory on every run
        print(f"kg: cannot write the knowledge-base image, deriving it on every run: {err}", file=sys.stderr)
    return kb, linker


def make(lexicon: Lexicon) -> Path:
    """Make the image unless it is there (`kg install-data`); return its path."""
    path = image_path(lexicon)
    if not path.is_file():
        write(path, *derive(lexicon))
    return path


class _SharingPickler(pickle._Pickler):
    """Python's own pickler, writing each distinct string once and referring back to it after.

    The entries and the linker's indexes hold equal names as separate objects (190,000 strings,
    93,000 distinct): each would be built again on every load.
    """

    def __init__(self, stream, protocol):
        super().__init__(stream, protocol)
        self._strings: dict[str, str] = {}

    def save(self, obj, save_persistent_id=True):
        if type(obj) is str:
            obj = self._strings.setdefault(obj, obj)
        super().save(obj, save_persistent_id)


def write(path: Path, kb: KnowledgeBase, linker: Linker) -> None:
    """Write the image atomically, removing images of other knowledge bases or code."""
    buffer = io.BytesIO()
    _SharingPickler(buffer, pickle.HIGHEST_PROTOCOL).dump((kb, linker))
    with atomic_file(path, binary=True) as stream:
        stream.write(pickletools.optimize(buffer.getvalue()))  # no memo entries that are never read back
    for old in path.parent.glob(f"{_IMAGE_PREFIX}*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
