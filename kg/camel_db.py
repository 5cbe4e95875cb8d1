"""Find, install and load the CAMeL Tools MSA morphology database (calima-msa-r13), and analyse with it."""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

from kg.files import atomic_file

DB_NAME = "calima-msa-r13"
DB_PACKAGE = "morphology-db-msa-r13"
DB_SHA256 = "195bc25a333237a2126470da888d7936b59ed3729f9210e0a4194ba43497dd70"
ROOT = Path(__file__).resolve().parents[1]
INSTALL_HINT = "run `.venv/bin/kg install-data` (or `bash scripts/setup.sh`)"
# A word the database cannot analyse gets a proper-noun analysis, which is what unknown
# words in news mostly are (foreign names such as توكاييف).
BACKOFF = "NOAN_PROP"
# What kg reads of an analysis, as camel-tools names it; `Morphology.analyze` returns these tuples.
# `num` and `gen` are the functional number and gender (a broken plural's number, خليفة masculine),
# which camel-tools fills from the form's (`form_num`, `form_gen`) when the database leaves them "-".
FIELDS = ("lex", "pos", "prc3", "prc2", "prc1", "prc0", "enc0", "per", "vox", "num", "form_num", "gen",
          "form_gen", "stemgloss", "source", "pos_lex_logprob")
_LEX, _POS, _NUM, _FORM_NUM, _GEN, _FORM_GEN, _GLOSS, _SOURCE, _LOGPROB = (FIELDS.index(f) for f in (
    "lex", "pos", "num", "form_num", "gen", "form_gen", "stemgloss", "source", "pos_lex_logprob"))
# The stem's database field behind a result field (camel-tools keeps the stem's gloss as stemgloss).
_STEM_FIELD = {"stemgloss": "gloss"}
# camel-tools' AR_DIAC_CHARSET (checked when the image is made): importing its charsets costs half a second.
AR_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
_DEDIAC = str.maketrans("", "", AR_DIACRITICS)
_TATWEEL = "\u0640"
# camel-tools' analyser normalisation: one alef, ya for alef maqsura, ha for ta marbuta, no tatweel.
ARABIC_NORMALIZATION = {"\u0625": "\u0627", "\u0623": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
                        "\u0649": "\u064a", "\u0629": "\u0647", _TATWEEL: None}
_NORMALIZE = str.maketrans(ARABIC_NORMALIZATION)
_DIGITS = frozenset("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
_IMAGE_PREFIX = "kg-analysis-"
# (prefix category, stem category, suffix) combinations whose suffix analyses are kept (see _compatible_suffixes).
_MAX_COMBINATIONS = 200_000
# The image is made by this module's code: a change to it makes a new image.
_CODE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

# The smallest catalogue with which camel-tools finds the database offline: importing
# camel_tools.morphology.database reads it and would download a full one when it is absent.
CATALOGUE = {
    "version": "1.6.0",
    "packages": {},
    "components": {
        "MorphologyDB": {
            "default": DB_NAME,
            "datasets": {DB_NAME: {"path": f"morphology_db/{DB_NAME}"}},
        }
    },
}


class MissingDatabase(Exception):
    """The morphology database is not installed; the message says how to install it."""


def data_dir() -> Path:
    """Return the folder camel-tools reads its data from (`KG_DATA_DIR` or `data/camel/`)."""
    return Path(os.environ.get("KG_DATA_DIR", ROOT / "data" / "camel"))


def db_path() -> Path:
    return data_dir() / "data" / "morphology_db" / DB_NAME / "morphology.db"


def load_analyzer() -> Morphology:
    """Load the analysis image, making it from the database first when it is missing or stale.

    Raises:
        MissingDatabase: when the database has not been installed, or its folder cannot take the image.
    """
    _check_installed()
    try:
        return Morphology.load(image_path())
    except (OSError, ValueError, KeyError, EOFError, pickle.UnpicklingError):
        print(f"kg: making the analysis image {image_path().name} from the database (once)", file=sys.stderr)
        try:
            return Morphology.load(build_image())
        except OSError as err:
            raise MissingDatabase(f"cannot write the analysis image beside the database: {err}") from err


def load_camel_analyzer():
    """camel-tools' own `Analyzer` over the whole database, every feature (3 s and 400 MB more).

    For what the image leaves out (roots, for scripts/mine_triggers.py) and, through
    `FullDatabase`, the reference the image must match.
    """
    _check_installed()
    os.environ["CAMELTOOLS_DATA"] = str(data_dir())
    from camel_tools.morphology import analyzer
    from camel_tools.morphology.database import MorphologyDB

    return analyzer.Analyzer(MorphologyDB(str(db_path())), backoff=BACKOFF)


class FullDatabase:
    """camel-tools' analyses reduced to `FIELDS`: what `Morphology.analyze` must return, word for word."""

    def __init__(self, camel_analyzer):
        self._camel = camel_analyzer

    def analyze(self, word: str) -> list[tuple]:
        return [tuple(analysis.get(f) for f in FIELDS[:-1]) + (float(analysis.get("pos_lex_logprob", -99.0)),)
                for analysis in self._camel.analyze(word)]


def _check_installed() -> None:
    if not db_path().is_file() or not (data_dir() / "catalogue.json").is_file():
        raise MissingDatabase(f"CAMeL Tools morphology database not found in {data_dir()}: {INSTALL_HINT}")


def image_path() -> Path:
    """Where the analysis image of the installed database and this kg lives (beside the database)."""
    stat = db_path().stat()
    key = hashlib.sha256(f"{stat.st_size}:{stat.st_mtime_ns}".encode() + _CODE_DIGEST.encode()).hexdigest()[:16]
    return db_path().with_name(f"{_IMAGE_PREFIX}{key}.pickle")


def build_image() -> Path:
    """Derive the analysis image from the installed database (written atomically); return its path."""
    os.environ["CAMELTOOLS_DATA"] = str(data_dir())
    from camel_tools.morphology.database import MorphologyDB
    from camel_tools.utils.charsets import AR_CHARSET, AR_DIAC_CHARSET, UNICODE_PUNCT_SYMBOL_CHARSET

    if frozenset(AR_DIACRITICS) != AR_DIAC_CHARSET:
        raise ValueError("camel-tools' Arabic diacritics are not kg's AR_DIACRITICS")
    db = MorphologyDB(str(db_path()))
    shared: dict = {}

    def intern(value):
        return shared.setdefault(value, value)

    def entries(table: dict, stems: bool) -> dict:
        return {intern(form): [(intern(cat), intern(_image_feats(feats, stems))) for cat, feats in analyses]
                for form, analyses in table.items()}

    backoff_cats = set(db.stem_backoffs[BACKOFF.split("_")[1]])
    image = {
        "prefixes": entries(db.prefix_hash, stems=False),
        "suffixes": entries(db.suffix_hash, stems=False),
        "stems": entries(db.stem_hash, stems=True),
        # NOAN_PROP: the proper-noun stems of the NOAN entry, for words the database cannot analyse.
        "backoff": [(intern(cat), intern(_image_feats(feats, stems=True))) for cat, feats in db.stem_hash["NOAN"]
                    if cat in backoff_cats and "NOUN_PROP" in feats["bw"]],
        "prefix_stem": {intern(k): frozenset(map(intern, v)) for k, v in db.prefix_stem_compat.items()},
        "stem_suffix": {intern(k): frozenset(map(intern, v)) for k, v in db.stem_suffix_compat.items()},
        "prefix_suffix": {intern(k): frozenset(map(intern, v)) for k, v in db.prefix_suffix_compat.items()},
        "max_prefix": db.max_prefix_size,
        "max_suffix": db.max_suffix_size,
        "digit": _image_feats(db.defaults["digit"], stems=True),
        "punc": _image_feats(db.defaults["punc"], stems=True),
        "latin": _image_feats(db.defaults["latin"], stems=True),
        "punctuation": "".join(sorted(UNICODE_PUNCT_SYMBOL_CHARSET)),
        "arabic": "".join(sorted(AR_CHARSET)),
    }
    path = image_path()
    with atomic_file(path, binary=True) as stream:
        pickle.dump(image, stream, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _image_feats(feats: dict, stems: bool) -> tuple:
    """A stem's (or an affix's) values of `FIELDS`, then its spelling without diacritics.

    An affix's value that would not override the stem's ("-", "" or absent) is "", so that the
    merge is `prefix or suffix or stem`; a stem's absent value is None, as `dict.get` gives.
    """
    if stems:
        values = [feats.get(_STEM_FIELD.get(f, f)) for f in FIELDS[:-1]]
        logprob = feats.get("pos_lex_logprob")
        values.append(-99.0 if logprob is None else float(logprob))
    else:
        values = ["" if feats.get(f) in (None, "-") else feats[f] for f in FIELDS]  # no stemgloss: the stem's alone
    diac = feats.get("diac") or ""
    # camel-tools' rewrite_diac drops the morpheme marks # and + and writes alef wasla as alef;
    # without diacritics that is all that remains of it.
    spelling = dediac(diac).replace("#", "").replace("+", "").replace("\u0671", "\u0627")
    return (*values, spelling)


class Morphology:
    """camel-tools' analysis algorithm over the analysis image: only the fields kg reads."""

    def __init__(self, image: dict):
        self._prefixes = image["prefixes"]
        self._suffixes = image["suffixes"]
        self._stems = image["stems"]
        self._backoff = image["backoff"]
        self._prefix_stem = image["prefix_stem"]
        self._stem_suffix = image["stem_suffix"]
        self._prefix_suffix = image["prefix_suffix"]
        self._max_prefix = image["max_prefix"]
        self._max_suffix = image["max_suffix"]
        self._digit = image["digit"]
        self._punc = image["punc"]
        self._latin = image["latin"]
        self._punctuation = frozenset(image["punctuation"])
        self._arabic = frozenset(image["arabic"])
        # Worked out as words need them (see _compatible_suffixes and _merge).
        self._compatible: dict[tuple[str, str, int], tuple] = {}
        self._affix_pairs: dict[tuple[int, int], tuple] = {}

    @classmethod
    def load(cls, path: Path) -> Morphology:
        gc.disable()  # a million small objects: the collector would walk them again and again
        try:
            with path.open("rb") as stream:
                morphology = cls(pickle.load(stream))
            gc.freeze()  # the image lives as long as the process: out of every later collection's sight
            return morphology
        finally:
            gc.enable()

    def analyze(self, word: str) -> list[tuple]:
        """Return the analyses of a word as tuples of `FIELDS`, in camel-tools' order."""
        word = word.strip()
        if not word:
            return []
        word_dediac = dediac(word)
        # camel-tools' `^.*[0-9٠-٩]+.*$`: a digit, and no line break for `.` to stop at.
        if "\n" not in word and not _DIGITS.isdisjoint(word):
            return [self._whole_word(self._digit, word, "digit")]
        punctuation = self._punctuation
        if punctuation.issuperset(word):
            return [self._whole_word(self._punc, word, "punc")]
        analyses: list[tuple] = []
        normal = word_dediac.translate(_NORMALIZE)
        if not punctuation.isdisjoint(word):
            pass  # camel-tools backs off for a word with punctuation inside
        elif not self._arabic.issuperset(word):
            return [self._whole_word(self._latin, word, "foreign", pos="foreign")]
        else:
            spelled = word_dediac.replace(_TATWEEL, "")
            for prefix_analyses, stem, suffix_analyses in self._affixed(normal):
                stem_analyses = self._stems.get(stem)
                if stem_analyses is not None:
                    self._combine(prefix_analyses, stem_analyses, suffix_analyses, spelled, analyses)
        if not analyses:
            for prefix_analyses, stem, suffix_analyses in self._affixed(normal):
                self._combine_backoff(prefix_analyses, stem, suffix_analyses, analyses)
        return analyses

    def _affixed(self, word: str):
        """(prefix analyses, stem, suffix analyses) of every split of a word whose prefix and suffix
        the database knows, in camel-tools' order; an unknown prefix skips all its splits at once."""
        w = len(word)
        for p in range(0, min(self._max_prefix, w - 1) + 1):
            prefix_analyses = self._prefixes.get(word[:p])
            if prefix_analyses is None:
                continue
            for s in range(max(1, w - p - self._max_suffix), w - p + 1):
                suffix_analyses = self._suffixes.get(word[p + s :])
                if suffix_analyses is not None:
                    yield prefix_analyses, word[p : p + s], suffix_analyses

    def _combine(self, prefix_analyses, stem_analyses, suffix_analyses, spelled: str, out: list) -> None:
        empty = frozenset()
        compatible = self._compatible
        for prefix_cat, p in prefix_analyses:
            stems_ok = self._prefix_stem.get(prefix_cat, empty)
            for stem_cat, s in stem_analyses:
                if stem_cat not in stems_ok:
                    continue
                key = (prefix_cat, stem_cat, id(suffix_analyses))
                suffixes = compatible.get(key)
                if suffixes is None:
                    suffixes = self._compatible_suffixes(key, suffix_analyses)
                for x in suffixes:
                    out.append(self._merge(p, s, x, "spvar" if p[-1] + s[-1] + x[-1] != spelled else s[_SOURCE]))

    def _compatible_suffixes(self, key: tuple, suffix_analyses: list) -> tuple:
        """The analyses of a suffix that both a prefix and a stem category take, in their order.

        Worked out once per (prefix category, stem category, suffix): a word's stems and affixes
        meet in some 130 combinations, of which some 9 are analyses. The image's lists live as
        long as this object, so their ids name them; there are finitely many keys, and a bound.
        """
        prefix_cat, stem_cat, _ = key
        of_prefix = self._prefix_suffix.get(prefix_cat)
        of_stem = self._stem_suffix.get(stem_cat)
        suffixes = () if of_prefix is None or of_stem is None else tuple(
            x for cat, x in suffix_analyses if cat in of_stem and cat in of_prefix)
        if len(self._compatible) >= _MAX_COMBINATIONS:
            self._compatible.clear()
        self._compatible[key] = suffixes
        return suffixes

    def _merge(self, p: tuple, s: tuple, x: tuple, source: str) -> tuple:
        """camel-tools' merge of a prefix, stem and suffix: a prefix value wins, then a suffix value, then the stem's."""
        # The prefix's and suffix's values merged first, once per pair met (a few thousand; the
        # image's tuples live as long as this object, so their ids name them).
        affixes = self._affix_pairs.get((id(p), id(x)))
        if affixes is None:
            affixes = self._affix_pairs[(id(p), id(x))] = tuple(p[i] or x[i] for i in range(_SOURCE))
        values = [a or b for a, b in zip(affixes, s)]
        values.append(source)
        values.append(s[_LOGPROB])
        # `_functional` written out (it runs once per analysis), on the stem's form values.
        if values[_NUM] == "-" and s[_FORM_NUM] is not None:
            values[_NUM] = values[_FORM_NUM]
        if values[_GEN] == "-" and s[_FORM_GEN] is not None:
            values[_GEN] = values[_FORM_GEN]
        return tuple(values)

    def _combine_backoff(self, prefix_analyses, stem: str, suffix_analyses, out: list) -> None:
        empty = frozenset()
        for prefix_cat, p in prefix_analyses:
            stems_ok = self._prefix_stem.get(prefix_cat, empty)
            suffixes_of_prefix = self._prefix_suffix.get(prefix_cat, empty)
            for stem_cat, s in self._backoff:
                if stem_cat not in stems_ok:
                    continue
                # The NOAN stem stands for the segment itself: its lemma is the segment.
                s = (s[_LEX].replace("NOAN", stem), *s[1:])
                for suffix_cat, x in suffix_analyses:
                    if suffix_cat in self._stem_suffix.get(stem_cat, empty) and suffix_cat in suffixes_of_prefix:
                        out.append(self._merge(p, s, x, "backoff"))

    @staticmethod
    def _whole_word(defaults: tuple, word: str, source: str, pos: str | None = None) -> tuple:
        """A digit, punctuation or foreign word: the database's defaults with the word as lemma."""
        values = list(defaults[:-1])
        values[_LEX] = values[_GLOSS] = word
        if pos:
            values[_POS] = pos
        values[_SOURCE] = source
        values[_LOGPROB] = -99.0
        return _functional(values)


def _functional(values: list) -> tuple:
    """An analysis's values with the form's number and gender where the functional ones are "-", as camel-tools does."""
    for functional, form in ((_NUM, _FORM_NUM), (_GEN, _FORM_GEN)):
        if values[functional] == "-" and values[form] is not None:
            values[functional] = values[form]
    return tuple(values)


def dediac(text: str) -> str:
    """Remove Arabic diacritics (camel-tools' `dediac_ar`, without importing its charsets)."""
    return text.translate(_DEDIAC)


def install(source: Path, use_network: bool = True) -> str:
    """Install the database into `data_dir()` and make its analysis image; return what was done.

    CAMeL Tools' own installer is tried first where there is a network; otherwise the
    gzipped local copy `source` is unpacked. Either way the sha256 is checked.
    """
    done = _install_database(source, use_network)
    image = image_path()
    for old in image.parent.glob(f"{_IMAGE_PREFIX}*.pickle"):
        if old != image:
            old.unlink()  # an image of an older database or an older kg
    if not image.is_file():
        build_image()
    return f"{done}; analysis image {image.name}"


def _install_database(source: Path, use_network: bool) -> str:
    target = db_path()
    if target.is_file() and _sha256(target) == DB_SHA256:
        _write_catalogue_if_missing()
        return f"already installed at {target}"
    if use_network and _install_with_camel_data():
        if target.is_file() and _sha256(target) == DB_SHA256:
            return f"installed with camel_data at {target}"
    if not source.is_file():
        raise MissingDatabase(
            f"no network install and no local copy at {source}: pass --from PATH to morphology-msa-r13.db.gz"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with gzip.open(source, "rb") as packed, partial.open("wb") as out:
        shutil.copyfileobj(packed, out, 1 << 20)
    digest = _sha256(partial)
    if digest != DB_SHA256:
        partial.unlink()
        raise MissingDatabase(f"{source}: sha256 {digest} is not the expected {DB_SHA256}")
    os.replace(partial, target)
    _write_catalogue_if_missing()
    return f"installed from {source} at {target}"


def _install_with_camel_data() -> bool:
    camel_data = Path(sys.executable).with_name("camel_data")
    if not camel_data.exists():
        return False
    data_dir().mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, CAMELTOOLS_DATA=str(data_dir()))
    try:
        done = subprocess.run(
            [str(camel_data), "-i", DB_PACKAGE], env=env, capture_output=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0


def _write_catalogue_if_missing() -> None:
    catalogue = data_dir() / "catalogue.json"
    if not catalogue.is_file():
        catalogue.write_text(json.dumps(CATALOGUE, indent=2), encoding="utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
