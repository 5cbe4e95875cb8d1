"""Statistical NER: a CRF over camel-tools morphology, KB gazetteer, word clusters, shape and context."""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
import re
import struct
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.files import WordTable, word_table
from kg.gazetteer import Gazetteer, feature_variants
from kg.nlp import Analyzer, common_readings_path, common_words, word_key
from kg.types import Token

MODEL_DIR = Path(__file__).parent / "data" / "ner"
CRF_FILE = "crf.model"
CLUSTERS_FILE = "clusters.tsv.gz"
SETTINGS_FILE = "settings.json"
_LATIN = re.compile(r"[A-Za-z]")
# Words whose features are kept, the least recently used dropped first: an entry (own features and
# those as a neighbour) is about 3 kB, and 400 internationalNews articles hold 13,348 distinct
# words (33 new ones an article by then).
WORD_CACHE_SIZE = 2**15
# Where the neighbours whose features a token takes stand ("wide": three on each side, else two).
_OFFSETS = (-2, -1, 1, 2)
_WIDE_OFFSETS = (-3, -2, -1, 1, 2, 3)
_PADDING = {offset: [f"{offset}pad"] for offset in _WIDE_OFFSETS}
# The word pairs and part-of-speech triple around a token.
_BEFORE, _AFTER, _POS3 = "w-1w=", "ww+1=", "pos3="
# The common words' features (`CommonFeatures`) are made by this code, as read when it was imported.
_CODE_DIGEST = hashlib.sha256(Path(__file__).read_bytes() + Path(__file__).with_name("gazetteer.py").read_bytes()).digest()
_TABLE_PREFIX = "kg-features-"
ALL_FEATURES = ("lexical", "shape", "morphology", "readings", "gloss", "gazetteer", "clusters", "context", "wide")


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A name the tagger found: tokens [start, end) of a sentence."""

    start: int
    end: int
    type: str


def read_clusters(path: Path) -> dict[str, str]:
    """Read `word<TAB>cluster path` lines (gzip), as `kg.ner_train.write_clusters` writes them."""
    # The whole text split at once: a third faster than a loop over the file's lines, at every start-up.
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    return dict(line.split("\t", 1) for line in lines if line)


def model_attributes(path: Path) -> frozenset[str]:
    """The attribute names a CRFsuite model has weights for, read from its attribute dictionary.

    The model's header gives where the dictionary (a CQDB chunk) starts; the chunk's backward array
    gives each attribute's record: id, size with the final NUL, the name. pycrfsuite's `info()`
    reads the same names from a text dump of the whole model, ~25 times slower.
    Raises:
        ValueError: when the file is not a CRFsuite CRF model.
    """
    data = path.read_bytes()
    magic, _, kind, _, _, _, count, _, _, start = struct.unpack_from("<4sI4s7I", data)
    if magic != b"lCRF" or kind != b"FOMC" or data[start : start + 4] != b"CQDB":
        raise ValueError(f"{path}: not a CRFsuite CRF model")
    size, offset = struct.unpack_from("<2I", data, start + 16)
    names = []
    for record in struct.unpack_from(f"<{size}I", data, start + offset):
        _, length = struct.unpack_from("<iI", data, start + record)
        names.append(data[start + record + 8 : start + record + 7 + length].decode("utf-8"))
    if len(names) != count:
        raise ValueError(f"{path}: {len(names)} attribute names where the header says {count}")
    return frozenset(names)


class Featurizer:
    """Turns a sentence of analysed tokens into CRF feature lists.

    Args:
        analyzer: the pipeline's Analyzer: all readings of a word (cached), and the reading the database
            prefers without the relation lexicon, which the features describe.
        gazetteer: the knowledge base's names; None leaves the gazetteer features out.
        clusters: word → cluster path from unlabelled news; empty leaves them out.
        features: which feature groups to use (a subset of ALL_FEATURES).
        cache_size: how many words' features to keep.
        known: the attributes a trained model has weights for (`model_attributes`): the features are
            then only those, as UTF-8 bytes; the model scores them as it scores all, and pycrfsuite
            reads them fastest (it would encode every string, then look up and drop the unknown
            ones). None (training) keeps every feature, as a string.
        common: the common words' features (`CommonFeatures`), read before making a word's.
    """

    def __init__(self, analyzer: Analyzer, gazetteer: Gazetteer | None, clusters: dict[str, str],
                 features: Iterable[str] = ALL_FEATURES, cache_size: int = WORD_CACHE_SIZE,
                 known: Iterable[str] | None = None, common: CommonFeatures | None = None):
        self.analyzer = analyzer
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.features = frozenset(features)
        self.cache_size = cache_size
        self.common = common
        self._offsets = _WIDE_OFFSETS if "wide" in self.features else _OFFSETS
        names = _model_names(known, [str(offset) for offset in self._offsets] + [_BEFORE, _AFTER, _POS3])
        self._own = names[""]
        self._as_neighbour = {offset: names[str(offset)] for offset in self._offsets}
        self._before, self._after, self._pos3 = names[_BEFORE], names[_AFTER], names[_POS3]
        # A word's features as a neighbour are a tuple in the order of the offsets: the k-th is
        # read by the token `offset` places away (`around[i + 3 + offset]`, past the padding).
        self._neighbour_at = tuple((k, 3 + offset) for k, offset in enumerate(self._offsets))
        self._padding = tuple(_kept(self._own, _PADDING[offset]) for offset in self._offsets)
        self._word_cache: OrderedDict[tuple, tuple[tuple, tuple[tuple, ...]]] = OrderedDict()

    def __call__(self, tokens: Sequence[Token]) -> list[list]:
        tokens = self.analyzer.without_lexicon(tokens)
        norms = [t.norm for t in tokens]
        use = self.features
        gaz = self.gazetteer.tags(norms) if self.gazetteer and "gazetteer" in use else [None] * len(tokens)
        words = [self._word_features(t, g) for t, g in zip(tokens, gaz)]
        if "context" not in use:
            return [list(own) for own, _ in words]
        # Context: a few strong features of the neighbours, and the word pairs around the token.
        # Past either end of the sentence a neighbour is padding: three on each side, so no index falls off.
        around = [self._padding] * 3 + [shifted for _, shifted in words] + [self._padding] * 3
        pairs = [f"{left}|{right}" for left, right in zip(norms, norms[1:])]
        wide, last, out = "wide" in use, len(tokens) - 1, []
        for i, (own, _) in enumerate(words):
            features = list(own)
            for k, at in self._neighbour_at:
                features.extend(around[i + at][k])
            if i > 0 and (name := self._before.get(pairs[i - 1])):
                features.append(name)
            if i < last and (name := self._after.get(pairs[i])):
                features.append(name)
            if wide and 0 < i < last:
                if name := self._pos3.get(f"{tokens[i - 1].pos}|{tokens[i].pos}|{tokens[i + 1].pos}"):
                    features.append(name)
            out.append(features)
        return out

    def _word_features(self, token: Token, gaz: str | None) -> tuple[tuple, tuple[tuple, ...]]:
        """A word's own features, and its features as a neighbour at each offset: made once per word.

        Neither depends on where the word stands, so a word met again (most are) costs a look-up.
        Tuples, not lists: a new word's entry is fewer objects (an empty tuple is no new one).
        """
        key = word_features_key(token, gaz)
        cached = self._word_cache.get(key)
        if cached is not None:
            self._word_cache.move_to_end(key)
            return cached
        if self.common is None or (cached := self.common.get(key)) is None:
            cached = self.made_features(token, gaz)
        self._word_cache[key] = cached
        if len(self._word_cache) > self.cache_size:
            self._word_cache.popitem(last=False)
        return cached

    def made_features(self, token: Token, gaz: str | None) -> tuple[tuple, tuple[tuple, ...]]:
        """A word's own features and its features as a neighbour, made (not looked up)."""
        short = self._context_features(token, gaz) if "context" in self.features else []
        return (_kept(self._own, self._token_features(token, gaz)),
                tuple(_kept(self._as_neighbour[offset], short) for offset in self._offsets))

    def _token_features(self, token: Token, gaz: str | None) -> list[str]:
        use, norm = self.features, token.norm
        features = ["bias"]
        if "lexical" in use:
            features += [f"w={norm}"]
            features += [f"p{k}={norm[:k]}" for k in (1, 2, 3) if len(norm) > k]
            features += [f"s{k}={norm[-k:]}" for k in (1, 2, 3) if len(norm) > k]
        if "shape" in use:
            features.append(f"shape={word_shape(token.text)}")
            features.append(f"len={min(len(norm), 8)}")
            if norm.startswith("ال"):
                features.append("al")
        if "morphology" in use:
            features += [f"pos={token.pos}", f"lemma={token.lemma}", f"prc={'+'.join(token.prefixes)}",
                         f"enc={token.enclitic}"]
            if not token.analysed:
                features.append("unanalysed")
            if token.respelled:
                features.append("respelled")
        if "readings" in use:
            readings = self.analyzer.readings(word_key(token.text))
            kinds = {r.pos for r in readings}
            if "noun_prop" in kinds:
                features.append("any_prop" if len(kinds) > 1 else "only_prop")
            if not readings:
                features.append("no_readings")
            if any(r.gloss[:1].isupper() for r in readings):
                features.append("any_cap_gloss")
        if "gloss" in use and token.gloss:
            first = token.gloss.split(";")[0]
            features.append(f"gloss={first.lower()}")
            if first[:1].isupper() and token.gloss != "NO_ANALYSIS":
                features.append("cap_gloss")
        if gaz is not None:
            features.append(f"gaz={gaz}")
            features.append(f"gazB={gaz[:1]}")
        variants = None  # the word without its clitics: made when first needed, once
        if self.gazetteer and "gazetteer" in use:
            variants = feature_variants(norm)
            for variant in variants:
                for kind in sorted(self.gazetteer.word_types.get(variant, ())):
                    features.append(f"gazw={kind}")
        if "clusters" in use and self.clusters:
            path = self.clusters.get(norm)
            if not path:
                variants = feature_variants(norm) if variants is None else variants
                path = next((self.clusters[v] for v in variants[1:] if v in self.clusters), None)
            if path is None:
                features.append("c=none")
            else:
                features += [f"c{level}={cluster}" for level, cluster in enumerate(path.split("."))]
        return features

    def _context_features(self, token: Token, gaz: str | None) -> list[str]:
        use = self.features
        features = [f"w={token.norm}"] if "lexical" in use else []
        if "morphology" in use:
            features.append(f"pos={token.pos}")
            if "wide" in use:
                features.append(f"lemma={token.lemma}")
        if "gloss" in use and token.gloss[:1].isupper() and token.gloss != "NO_ANALYSIS":
            features.append("cap_gloss")
        if gaz is not None:
            features.append(f"gaz={gaz}")
        if "clusters" in use and self.clusters and (path := self.clusters.get(token.norm)):
            features.append(f"c1={path.split('.')[1]}")
        return features


def word_features_key(token: Token, gaz: str | None) -> tuple:
    """What a word's features depend on besides the featurizer: its token's fields and its gazetteer tag."""
    return (token.text, token.pos, token.lemma, token.prefixes, token.enclitic, token.gloss, gaz)


class CommonFeatures:
    """The CRF features of common words (`kg.nlp.COMMON_WORDS`), made once beside the readings table.

    A word's entries are what the featurizer makes of it outside the gazetteer's names, alone and
    after a preposition (`Analyzer.plain_tokens`), keyed by `word_features_key`. They are kept
    pickled (`kg.files.WordTable`) and unpickled when the word is first met. The table's file is keyed by every input the
    features read: the readings table's key (the analysis image, the word list, kg/nlp.py), the
    knowledge base image's key (the gazetteer), the model folder's files (settings, weights,
    clusters), and this module's and kg/gazetteer.py's code.
    """

    def __init__(self, pickled: WordTable | dict[str, bytes]):
        self._pickled = pickled

    def __len__(self) -> int:
        return len(self._pickled)

    def get(self, key: tuple) -> tuple[tuple, tuple[tuple, ...]] | None:
        """The features of the word with this `word_features_key`, or None when the table lacks it."""
        data = self._pickled.get(key[0])
        return None if data is None else pickle.loads(data).get(key)

    @classmethod
    def load(cls, featurizer: Featurizer, path: Path) -> CommonFeatures:
        """The table at `path` (`common_features_path`), made with `featurizer` first when it is missing."""
        def make() -> dict[str, bytes]:
            pickled = {}
            for word in common_words():
                entries = {}
                for token in featurizer.analyzer.plain_tokens(word):
                    key = word_features_key(token, None)
                    if key not in entries:
                        entries[key] = featurizer.made_features(token, None)
                pickled[word] = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
            return pickled

        return cls(word_table(path, "CRF features table", make))


def common_features_path(model_dir: Path, kb_key: str) -> Path:
    """Where the common words' features of this model folder, knowledge base image key and kg live."""
    digest = hashlib.sha256(f"{common_readings_path().name}\0{kb_key}\0".encode() + _CODE_DIGEST)
    for path in sorted(model_dir.iterdir()):
        if path.is_file():
            digest.update(f"\0{path.name}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return common_readings_path().with_name(f"{_TABLE_PREFIX}{digest.hexdigest()[:16]}.table")


class _EveryName:
    """Every feature kept, as its string (the names of a model not trained yet): `prefix + rest`."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str):
        self.prefix = prefix

    def get(self, rest: str) -> str:
        return self.prefix + rest


def _model_names(known: Iterable[str] | None, prefixes: list[str]) -> dict[str, dict[str, bytes] | _EveryName]:
    """For "" and each prefix: rest → the feature `prefix + rest` the model knows, as UTF-8 bytes.

    The prefixes are prefix-free (no one starts another), so a name falls under at most one: its
    first characters, tried at each prefix length, find it in one pass. No model: every name.
    """
    if known is None:
        return {prefix: _EveryName(prefix) for prefix in ["", *prefixes]}
    groups: dict[str, dict[str, bytes]] = {prefix: {} for prefix in ["", *prefixes]}
    lengths = sorted({len(prefix) for prefix in prefixes})
    for name in known:
        encoded = groups[""][name] = name.encode("utf-8")
        for length in lengths:
            group = groups.get(name[:length])
            if group is not None:
                group[name[length:]] = encoded
                break
    return groups


def _kept(names: dict[str, bytes] | _EveryName, features: Iterable[str]) -> tuple:
    """The features `names` holds, in order, as it gives them."""
    return tuple(filter(None, map(names.get, features)))


def word_shape(text: str) -> str:
    """What a word is written with: digit, latin, punc, mixed or arabic."""
    if text.isdigit():
        return "digit"
    if _LATIN.search(text):
        return "latin"
    if not any(ch.isalpha() for ch in text):
        return "punc"
    if any(ch.isdigit() for ch in text):
        return "mixed"
    return "arabic"


class Tagger:
    """Tags names in analysed sentences with a CRF; load once with `Tagger.load`."""

    def __init__(self, featurizer: Featurizer, crf):
        self.featurizer = featurizer
        self.crf = crf

    @classmethod
    def load(cls, analyzer: Analyzer, kb, model_dir: Path = MODEL_DIR, kb_key: str | None = None) -> Tagger:
        """Load a model folder (default: the one shipped with kg).

        Args:
            analyzer: the pipeline's Analyzer.
            kb: the KnowledgeBase the gazetteer features are built from.
            kb_key: the name of the knowledge base's image (`kg.kb_image.image_path`): the common
                words' features table (`CommonFeatures`) is then read, or made. None: no table.
        Raises:
            ValueError: when the folder holds another kind of model than a CRF.
        """
        import pycrfsuite

        settings = json.loads((model_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
        if settings.get("model", "crf") != "crf":
            raise ValueError(f"{model_dir}: model {settings['model']!r} is not a CRF (kg tags with a CRF only)")
        features = settings["features"]
        clusters = read_clusters(model_dir / CLUSTERS_FILE) if "clusters" in features else {}
        gazetteer = Gazetteer(kb.names()) if "gazetteer" in features else None
        crf = pycrfsuite.Tagger()
        crf.open(str(model_dir / CRF_FILE))
        known = model_attributes(model_dir / CRF_FILE)
        featurizer = Featurizer(analyzer, gazetteer, clusters, features, known=known)
        if kb_key is not None:
            featurizer.common = CommonFeatures.load(featurizer, common_features_path(model_dir, kb_key))
        return cls(featurizer, crf)

    def labels(self, tokens: Sequence[Token]) -> list[str]:
        """Return the BIO label of each token."""
        return self.crf.tag(self.featurizer(tokens)) if tokens else []

    def label_sentences(self, sentences: Sequence[Sequence[Token]]) -> list[list[str]]:
        """Return the BIO labels of each sentence."""
        return [self.labels(tokens) for tokens in sentences]

    def spans(self, tokens: Sequence[Token]) -> list[TaggedSpan]:
        """Return the names of one sentence as token spans."""
        return spans_of_labels(self.labels(tokens))


def spans_of_labels(labels: Sequence[str]) -> list[TaggedSpan]:
    """Return the spans of a BIO label sequence; a stray I- opens a span (conlleval)."""
    spans, start, kind = [], None, None
    for i, label in enumerate([*labels, "O"]):
        prefix, _, this = label.partition("-")
        if start is not None and (prefix != "I" or this != kind):
            spans.append(TaggedSpan(start, i, kind))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, this
    return spans
