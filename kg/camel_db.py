"""Find, install and load the CAMeL Tools MSA morphology database (calima-msa-r13)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

DB_NAME = "calima-msa-r13"
DB_PACKAGE = "morphology-db-msa-r13"
DB_SHA256 = "195bc25a333237a2126470da888d7936b59ed3729f9210e0a4194ba43497dd70"
ROOT = Path(__file__).resolve().parents[1]
INSTALL_HINT = "run `.venv/bin/kg install-data` (or `bash scripts/setup.sh`)"

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


def load_analyzer():
    """Load the database once and return a camel-tools `Analyzer` over it.

    Raises:
        MissingDatabase: when the database has not been installed.
    """
    if not db_path().is_file() or not (data_dir() / "catalogue.json").is_file():
        raise MissingDatabase(f"CAMeL Tools morphology database not found in {data_dir()}: {INSTALL_HINT}")
    os.environ["CAMELTOOLS_DATA"] = str(data_dir())
    from camel_tools.morphology import analyzer
    from camel_tools.morphology.database import MorphologyDB

    analyzer.merge_features = _merge_features
    # NOAN_PROP: a word the database cannot analyse gets a proper-noun analysis, which is
    # what unknown words in news mostly are (foreign names such as توكاييف).
    return analyzer.Analyzer(MorphologyDB(str(db_path())), backoff="NOAN_PROP")


def _merge_features(db, prefix_feats: dict, stem_feats: dict, suffix_feats: dict, diac_mode: str = "AF") -> dict:
    """camel-tools' merge of a prefix, stem and suffix analysis, for the features kg reads.

    camel-tools also builds a dozen tokenisation schemes and a phonetic form for every
    candidate analysis, which took 60% of analysis time; kg reads lemma, POS, clitics,
    person, voice, number, gloss and scores, and the diacritised form (to tell spelling
    variants), so only those are merged here, the same way camel-tools merges them.
    """
    from camel_tools.morphology.utils import normalize_tanwyn, rewrite_diac

    result = dict(stem_feats)
    for feat in stem_feats:
        for affix in (suffix_feats, prefix_feats):  # the prefix wins, as in camel-tools
            value = affix.get(feat, "")
            if value not in ("-", ""):
                result[feat] = value
    diac = "".join(f.get("diac", "") for f in (prefix_feats, stem_feats, suffix_feats))
    result["diac"] = normalize_tanwyn(rewrite_diac(diac), diac_mode)
    result["stemgloss"] = stem_feats.get("gloss", "")
    for feat in ("gen", "num"):
        if result.get(feat) == "-" and f"form_{feat}" in result:
            result[feat] = result[f"form_{feat}"]
    for feat in ("pos_logprob", "lex_logprob", "pos_lex_logprob"):
        result[feat] = float(result.get(feat, -99.0))
    return result


def install(source: Path, use_network: bool = True) -> str:
    """Install the database into `data_dir()`; return how it was installed.

    CAMeL Tools' own installer is tried first where there is a network; otherwise the
    gzipped local copy `source` is unpacked. Either way the sha256 is checked.
    """
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
