"""Statistical NER: a CRF and a neural CRF over camel-tools morphology, KB gazetteer, word clusters, shape and context."""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from camel_tools.utils.dediac import dediac_ar

from kg.nlp import TATWEEL, Analyzer, normalize, token_spans
from kg.types import Document, Mention, Sentence, Token

if TYPE_CHECKING:  # torch loads only with a network: 3 s that the CRF alone does not need
    import torch

    from kg.neural_tagger import NeuralModel

MODEL_DIR = Path(__file__).parent / "data" / "ner"
CRF_FILE = "crf.model"
CLUSTERS_FILE = "clusters.tsv.gz"
SETTINGS_FILE = "settings.json"
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
# ANERcorp writes PERS, AQMAR writes MIS; kg's types are PER, ORG, LOC, MISC.
_TYPE_OF_LABEL = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "MIS": "MISC"}
# Proclitics a name carries in running text (و، ف، ب، ل، ك); لل is ل + ال.
_CLITIC_LETTERS = "وفبلك"
_LATIN = re.compile(r"[A-Za-z]")
_MAX_GAZETTEER_WORDS = 8
ALL_FEATURES = ("lexical", "shape", "morphology", "readings", "gloss", "gazetteer", "clusters", "context", "wide")


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A name the tagger found: tokens [start, end) of a sentence."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """A gold sentence: its text (tokens joined by spaces) and its entities as character spans."""

    text: str
    entities: tuple[tuple[int, int, str], ...]  # (start, end, type)
    domain: str | None = None  # "wiki" for encyclopedia text; None is news, the pipeline's own


# ---------------------------------------------------------------- gold data


def read_conll(path: Path, domain: str | None = None) -> list[LabelledSentence]:
    """Read a `token label` file with BIO labels (ANERcorp, AQMAR) into sentences with character spans."""
    sentences, words, labels = [], [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) >= 2:
            words.append(parts[0])
            labels.append(parts[-1])
        elif not parts and words:
            sentences.append(_labelled_sentence(words, labels, domain))
            words, labels = [], []
    return sentences


def _labelled_sentence(words: list[str], labels: list[str], domain: str | None) -> LabelledSentence:
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    entities, current = [], None
    for (start, end), label in zip(offsets, labels):
        prefix, _, kind = label.partition("-")
        kind = _TYPE_OF_LABEL.get(kind)
        if prefix == "I" and current is not None and current[2] == kind:
            current[1] = end
            continue
        if current is not None:
            entities.append(tuple(current))
            current = None
        if prefix in ("B", "I") and kind is not None:  # an I without a B opens a name (conlleval)
            current = [start, end, kind]
    if current is not None:
        entities.append(tuple(current))
    return LabelledSentence(" ".join(words), tuple(entities), domain)


def token_labels(tokens: Sequence[Token], entities: Iterable[tuple[int, int, str]]) -> list[str]:
    """Return the BIO label of each pipeline token from gold character spans."""
    labels = ["O"] * len(tokens)
    for start, end, kind in entities:
        inside = [k for k, t in enumerate(tokens) if t.start >= start and t.end <= end]
        # A bracket or quote glued to a gold token ("(باريس") is no part of the name.
        while inside and not any(ch.isalnum() for ch in tokens[inside[0]].text):
            inside.pop(0)
        while inside and not any(ch.isalnum() for ch in tokens[inside[-1]].text):
            inside.pop()
        for n, k in enumerate(inside):
            labels[k] = ("B-" if n == 0 else "I-") + kind
    return labels


def analyse_sentence(analyzer: Analyzer, text: str) -> tuple[Token, ...]:
    """Analyse a gold sentence as one token sequence (no further sentence splitting)."""
    tokens: list[Token] = []
    for start, end in token_spans(text, 0, len(text)):
        tokens.append(analyzer.token(text[start:end], start, end, tokens[-1] if tokens else None))
    return tuple(tokens)


# ---------------------------------------------------------------- resources


class Gazetteer:
    """Knowledge-base names by first word, for longest-match features."""

    def __init__(self, names: Iterable[tuple[str, str]]):
        self._by_first: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        self._types: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.word_types: dict[str, set[str]] = defaultdict(set)
        for name, kind in names:
            words = tuple(name.split())
            if not words or len(words) > _MAX_GAZETTEER_WORDS:
                continue
            self._by_first[words[0]].add(words)
            self._types[words].add(kind)
            if len(words) > 1:  # the parts of a longer name (first names, family names)
                for word in words:
                    if len(word) > 2:
                        self.word_types[word].add(kind)

    @classmethod
    def from_kb(cls, kb) -> Gazetteer:
        """Build from `kg.kb.KnowledgeBase.names()`."""
        return cls((name, entry.type) for name, entry in kb.names())

    def tags(self, norms: Sequence[str]) -> list[str | None]:
        """Return B-TYPE / I-TYPE for tokens inside the longest KB name matched left to right."""
        tags: list[str | None] = [None] * len(norms)
        i = 0
        while i < len(norms):
            best = None
            for variant in clitic_variants(norms[i]):
                for words in self._by_first.get(variant, ()):
                    end = i + len(words)
                    if tuple(norms[i + 1 : end]) == words[1:] and (best is None or end > best[0]):
                        best = (end, words)
            if best is None:
                i += 1
                continue
            end, words = best
            kind = "|".join(sorted(self._types[words]))
            for k in range(i, end):
                tags[k] = ("B-" if k == i else "I-") + kind
            i = end
        return tags


def clitic_variants(norm: str) -> list[str]:
    """Return a normalised word and its forms without a leading conjunction or preposition."""
    variants = [norm]
    rest = norm[1:] if norm[:1] in "وف" and len(norm) > 3 else norm
    if rest != norm:
        variants.append(rest)
    if rest.startswith("لل") and len(rest) > 3:
        variants.append("ا" + rest[1:])
    elif rest[:1] in "بلك" and len(rest) > 3:
        variants.append(rest[1:])
    return variants


def read_clusters(path: Path) -> dict[str, str]:
    """Read `word<TAB>cluster path` lines (gzip)."""
    clusters = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, _, cluster = line.rstrip("\n").partition("\t")
            clusters[word] = cluster
    return clusters


# ---------------------------------------------------------------- features


class Featurizer:
    """Turns a sentence of analysed tokens into CRF feature lists.

    Args:
        analyzer: the pipeline's Analyzer: all readings of a word (cached), and the reading the database
            prefers without the relation lexicon, which the features describe.
        gazetteer: KB names; None leaves the gazetteer features out.
        clusters: word → cluster path from unlabelled news; empty leaves them out.
        features: which feature groups to use (a subset of ALL_FEATURES).
    """

    def __init__(self, analyzer: Analyzer, gazetteer: Gazetteer | None, clusters: dict[str, str],
                 features: Iterable[str] = ALL_FEATURES):
        self.analyzer = analyzer
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.features = frozenset(features)
        self._word_cache: dict[tuple, list[str]] = {}

    def __call__(self, tokens: Sequence[Token]) -> list[list[str]]:
        tokens = self.analyzer.without_lexicon(tokens)
        norms = [t.norm for t in tokens]
        use = self.features
        gaz = self.gazetteer.tags(norms) if self.gazetteer and "gazetteer" in use else [None] * len(tokens)
        own = [self._token_features(t, g) for t, g in zip(tokens, gaz)]
        if "context" not in use:
            return own
        # Context: a few strong features of the neighbours, and the word pairs around the token.
        short = [self._context_features(t, g) for t, g in zip(tokens, gaz)]
        out = []
        for i, features in enumerate(own):
            features = list(features)
            for offset in (-3, -2, -1, 1, 2, 3) if "wide" in use else (-2, -1, 1, 2):
                j = i + offset
                if 0 <= j < len(tokens):
                    features.extend(f"{offset}{f}" for f in short[j])
                else:
                    features.append(f"{offset}pad")
            if i > 0:
                features.append(f"w-1w={norms[i - 1]}|{norms[i]}")
            if i + 1 < len(tokens):
                features.append(f"ww+1={norms[i]}|{norms[i + 1]}")
            if "wide" in use and 0 < i < len(tokens) - 1:
                features.append(f"pos3={tokens[i - 1].pos}|{tokens[i].pos}|{tokens[i + 1].pos}")
            out.append(features)
        return out

    def _token_features(self, token: Token, gaz: str | None) -> list[str]:
        key = (token.text, token.pos, token.lemma, token.prefixes, token.enclitic, token.gloss, gaz)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        use, norm = self.features, token.norm
        features = ["bias"]
        if "lexical" in use:
            features += [f"w={norm}"]
            features += [f"p{k}={norm[:k]}" for k in (1, 2, 3) if len(norm) > k]
            features += [f"s{k}={norm[-k:]}" for k in (1, 2, 3) if len(norm) > k]
        if "shape" in use:
            features.append(f"shape={_shape(token.text)}")
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
            readings = self.analyzer.readings(dediac_ar(token.text).replace(TATWEEL, ""))
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
        if self.gazetteer and "gazetteer" in use:
            for variant in clitic_variants(norm):
                for kind in sorted(self.gazetteer.word_types.get(variant, ())):
                    features.append(f"gazw={kind}")
        if "clusters" in use and self.clusters:
            path = self.clusters.get(norm) or next(
                (self.clusters[v] for v in clitic_variants(norm)[1:] if v in self.clusters), None)
            if path is None:
                features.append("c=none")
            else:
                features += [f"c{level}={cluster}" for level, cluster in enumerate(path.split("."))]
        self._word_cache[key] = features
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


def _shape(text: str) -> str:
    if text.isdigit():
        return "digit"
    if _LATIN.search(text):
        return "latin"
    if not any(ch.isalpha() for ch in text):
        return "punc"
    if any(ch.isdigit() for ch in text):
        return "mixed"
    return "arabic"


# ---------------------------------------------------------------- the tagger


class Tagger:
    """Tags names in analysed sentences with a CRF, a neural CRF, or both; load once with `Tagger.load`.

    With both, crf_weight is added to the network's score of the label the CRF chose for each token.
    """

    def __init__(self, featurizer: Featurizer, crf=None, network: NeuralModel | None = None, crf_weight: float = 0.0):
        self.featurizer = featurizer
        self._crf = crf
        self._network = network
        self._crf_weight = crf_weight
        if network is not None:
            self._label_ids = {label: i for i, label in enumerate(network.vocabulary.labels)}

    @classmethod
    def load(cls, analyzer: Analyzer, kb, model_dir: Path = MODEL_DIR) -> Tagger:
        """Load a model folder (default: the one shipped with kg).

        Args:
            analyzer: the pipeline's Analyzer.
            kb: the KnowledgeBase the gazetteer features are built from.
        """
        settings = TrainingSettings.read(model_dir / SETTINGS_FILE)
        features = settings.features
        clusters = read_clusters(model_dir / CLUSTERS_FILE) if "clusters" in features else {}
        gazetteer = Gazetteer.from_kb(kb) if "gazetteer" in features else None
        crf = network = None
        if "crf" in settings.model:
            import pycrfsuite

            crf = pycrfsuite.Tagger()
            crf.open(str(model_dir / CRF_FILE))
        if "neural" in settings.model:
            from kg.neural_tagger import NeuralModel

            network = NeuralModel.load(model_dir, settings.neural)
        return cls(Featurizer(analyzer, gazetteer, clusters, features), crf, network, settings.crf_weight)

    def labels(self, tokens: Sequence[Token]) -> list[str]:
        """Return the BIO label of each token."""
        return self.label_sentences([tokens])[0]

    def label_sentences(self, sentences: Sequence[Sequence[Token]]) -> list[list[str]]:
        """Return the BIO labels of each sentence; the network reads them all in one batch."""
        todo = [self.featurizer(tokens) for tokens in sentences if tokens]
        if self._network is None:
            found = iter([self._crf.tag(features) for features in todo])
        elif todo:
            extra = self._crf_scores(todo) if self._crf is not None else None
            names = self._network.vocabulary.labels
            found = iter([[names[i] for i in ids] for ids in self._network.label_ids(todo, extra)])
        return [next(found) if tokens else [] for tokens in sentences]

    def _crf_scores(self, sentences: list[list[list[str]]]) -> torch.Tensor:
        """Return crf_weight on the CRF's label of each token, 0 elsewhere, padded as one batch.

        The CRF's choice, not its marginals: those cost 9 calls a token, as much as the network itself.
        """
        import torch

        scores = torch.zeros(len(sentences), max(len(features) for features in sentences), len(self._label_ids))
        for n, features in enumerate(sentences):
            chosen = [self._label_ids.get(label, 0) for label in self._crf.tag(features)]
            scores[n, torch.arange(len(chosen)), chosen] = self._crf_weight
        return scores

    def spans(self, tokens: Sequence[Token]) -> list[TaggedSpan]:
        """Return the names of one sentence as token spans."""
        return spans_of_labels(self.labels(tokens))

    def __call__(self, doc: Document, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
        """Return the mentions the tagger alone finds in a document, in text order."""
        mentions = []
        for sentence, labels in zip(sentences, self.label_sentences([s.tokens for s in sentences])):
            for span in spans_of_labels(labels):
                first, last = sentence.tokens[span.start], sentence.tokens[span.end - 1]
                mentions.append(Mention(doc.body[first.start : last.end], first.start, last.end,
                                        sentence.index, span.type, span.start, span.end))
        return tuple(mentions)


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


# ---------------------------------------------------------------- training


@dataclass
class NeuralSettings:
    """Sizes and training schedule of the network; saved beside the model."""

    min_count: int = 2
    feature_dim: int = 64
    channels: int = 64
    dropout: float = 0.5
    learning_rate: float = 2e-3
    batch_size: int = 16
    epochs: int = 6
    feature_dropout: float = 0.25
    average_from: int = 3  # first epoch whose weights enter the mean that is kept
    entity_bias: float = 0.0


@dataclass
class TrainingSettings:
    """What `train` needs besides the data; saved beside the model."""

    # "crf", "neural", or both ("crf+neural"). On the dev slice the pair led the CRF by 0.25 on
    # ANERcorp and trailed by 0.3 on AQMAR, for ~20% of the speed and 14 MB: the CRF alone ships.
    model: str = "crf"
    features: list[str] = field(default_factory=lambda: [f for f in ALL_FEATURES if f != "wide"])
    c1: float = 0.1  # dev slice, CRF, half of AQMAR: 0.05 → 0.717, 0.1 → 0.725, 0.2 → 0.725 (AQMAR 0.561, 0.560, 0.551)
    c2: float = 0.01
    max_iterations: int = 200
    min_freq: int = 1
    neural: NeuralSettings = field(default_factory=NeuralSettings)
    crf_weight: float = 2.0  # on the CRF's label; chosen on the dev slice (benchmarks/ner.md)
    seed: int = 13

    @classmethod
    def read(cls, path: Path) -> TrainingSettings:
        """Read settings.json."""
        data = json.loads(path.read_text(encoding="utf-8"))
        data["neural"] = NeuralSettings(**data.get("neural", {}))
        return cls(**data)

    def write(self, path: Path) -> None:
        """Write settings.json."""
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")


def featurize_corpus(featurizer: Featurizer, analyzer: Analyzer, sentences: Iterable[LabelledSentence]
                     ) -> Iterator[tuple[list[list[str]], list[str]]]:
    """Yield (features, labels) for each gold sentence, analysed the way the pipeline does."""
    for sentence in sentences:
        tokens = analyse_sentence(analyzer, sentence.text)
        if tokens:
            features = featurizer(tokens)
            if sentence.domain:  # lets the other domain's label priors sit apart from news
                features = [[*f, f"domain={sentence.domain}"] for f in features]
            yield features, token_labels(tokens, sentence.entities)


def train(analyzer: Analyzer, kb, sentences: Sequence[LabelledSentence], out_dir: Path,
          settings: TrainingSettings, clusters: dict[str, str] | None = None) -> Path:
    """Train the CRF and/or the network on gold sentences and write the model folder.

    lbfgs on a fixed sentence order is deterministic; the network trains on one thread from the seed.
    Returns:
        the model folder.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    clusters = clusters if "clusters" in settings.features else {}
    gazetteer = Gazetteer.from_kb(kb) if "gazetteer" in settings.features else None
    featurizer = Featurizer(analyzer, gazetteer, clusters or {}, settings.features)
    corpus = list(featurize_corpus(featurizer, analyzer, sentences))
    if "crf" in settings.model:
        import pycrfsuite

        trainer = pycrfsuite.Trainer(verbose=False)
        for features, labels in corpus:
            trainer.append(features, labels)
        trainer.set_params({
            "c1": settings.c1, "c2": settings.c2, "max_iterations": settings.max_iterations,
            "feature.minfreq": settings.min_freq, "feature.possible_transitions": True,
        })
        trainer.train(str(out_dir / CRF_FILE))
    if "neural" in settings.model:
        from kg.neural_tagger import fit_network

        fit_network(corpus, settings.neural, settings.seed).save(out_dir)
    if clusters:
        write_clusters(clusters, out_dir / CLUSTERS_FILE)
    settings.write(out_dir / SETTINGS_FILE)
    return out_dir


def subsample(sentences: Sequence[LabelledSentence], share: float, seed: int) -> list[LabelledSentence]:
    """Return a share of the sentences, drawn at random from the seed, in their corpus order."""
    if share >= 1.0:
        return list(sentences)
    keep = sorted(random.Random(seed).sample(range(len(sentences)), round(len(sentences) * share)))
    return [sentences[i] for i in keep]


# ---------------------------------------------------------------- evaluation


@dataclass
class Scores:
    """Entity-level counts per type: exact span and type (conlleval)."""

    found: Counter = field(default_factory=Counter)  # predicted
    gold: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)

    def add(self, predicted: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]) -> None:
        for *_, kind in predicted:
            self.found[kind] += 1
        for *_, kind in gold:
            self.gold[kind] += 1
        for *_, kind in predicted & gold:
            self.correct[kind] += 1

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Return precision, recall, F1 of one type, or micro-averaged over all with None."""
        pick = (lambda c: c[kind]) if kind else (lambda c: sum(c.values()))
        found, gold, correct = pick(self.found), pick(self.gold), pick(self.correct)
        p = correct / found if found else 0.0
        r = correct / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> str:
        """Return a Markdown table of P, R, F1 per type and overall."""
        rows = ["| type | gold | predicted | P | R | F1 |", "|---|---:|---:|---:|---:|---:|"]
        for kind in (*ENTITY_TYPES, None):
            p, r, f = self.prf(kind)
            gold = self.gold[kind] if kind else sum(self.gold.values())
            found = self.found[kind] if kind else sum(self.found.values())
            rows.append(f"| {kind or 'all'} | {gold} | {found} | {p:.3f} | {r:.3f} | {f:.3f} |")
        return "\n".join(rows)


def score(sentences: Iterable[LabelledSentence], spans_of) -> Scores:
    """Score a mention finder on gold sentences, each run as its own document.

    Args:
        spans_of: Document → (start, end, type) of each mention, character offsets into its body.
    """
    scores = Scores()
    for n, sentence in enumerate(sentences):
        doc = Document(id=f"s{n}", body=sentence.text, source="conll")
        scores.add(set(spans_of(doc)), set(sentence.entities))
    return scores


def tagger_spans(analyzer: Analyzer, tagger: Tagger):
    """Return Document → (start, end, type) of the tagger's mentions: the analysis + tagger path."""
    return lambda doc: [(m.start, m.end, m.type) for m in tagger(doc, analyzer(doc))]


def dev_split(sentences: Sequence[LabelledSentence], share: float = 0.1
              ) -> tuple[list[LabelledSentence], list[LabelledSentence]]:
    """Split gold sentences in corpus order: the last `share` is the dev slice every choice is made on."""
    cut = len(sentences) - round(len(sentences) * share)
    return list(sentences[:cut]), list(sentences[cut:])


# ---------------------------------------------------------------- word clusters


def build_clusters(texts: Iterable[str], seed: int, min_count: int = 5, max_words: int = 60000,
                   context_words: int = 3000, dims: int = 100, granularities: tuple[int, ...] = (32, 256, 1024)
                   ) -> dict[str, str]:
    """Cluster the words of unlabelled news by their neighbours (PPMI, truncated SVD, k-means).

    Returns:
        normalised word → "c32.c256.c1024": the cluster at each granularity.
    """
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize as unit_rows

    counts: Counter = Counter()
    streams = []
    for text in texts:
        words = [normalize(text[s:e]) for s, e in token_spans(text, 0, len(text))]
        counts.update(words)
        streams.append(words)
    vocab = [w for w, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if n >= min_count][:max_words]
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.array([index.get(w, -1) for words in streams for w in [*words, "\n"]], dtype=np.int64)
    rows, cols = [], []
    # Left and right neighbours count apart: word order carries the syntax (a name follows a title).
    for slot, offset in enumerate((-2, -1, 1, 2)):
        target, context = (ids[-offset:], ids[:offset]) if offset < 0 else (ids[:-offset], ids[offset:])
        keep = (target >= 0) & (context >= 0) & (context < context_words)
        rows.append(target[keep])
        cols.append(context[keep] + slot * context_words)
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    matrix = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(vocab), 4 * context_words)).tocsr()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    col_sums = col_sums / col_sums.sum() * total
    matrix = matrix.tocoo()
    pmi = np.log(matrix.data * total / (row_sums[matrix.row] * col_sums[matrix.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (matrix.row[keep], matrix.col[keep])), shape=matrix.shape)
    vectors = unit_rows(TruncatedSVD(dims, random_state=seed).fit_transform(ppmi))
    levels = [KMeans(k, n_init=1, random_state=seed).fit_predict(vectors) for k in granularities]
    return {w: ".".join(str(level[i]) for level in levels) for i, w in enumerate(vocab)}


def write_clusters(clusters: dict[str, str], path: Path) -> None:
    """Write `word<TAB>clusters` lines, gzip without a timestamp (byte-identical reruns)."""
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write("".join(f"{w}\t{c}\n" for w, c in sorted(clusters.items())).encode("utf-8"))


def unlabelled_texts(folders: Iterable[Path], gold: Iterable[LabelledSentence] = ()) -> Iterator[str]:
    """Yield the titles and bodies of every article in the folders, then the gold sentences' text."""
    from kg.read import Problem, read_inputs

    for item in read_inputs([str(folder) for folder in folders]):
        if not isinstance(item, Problem):
            yield f"{item.title or ''}\n{item.body}"
    for sentence in gold:
        yield sentence.text


# ---------------------------------------------------------------- the shipped model

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# (gold train file, domain, share of its sentences): marking AQMAR as "wiki" cost 2.3 points on
# AQMAR dev and bought nothing on ANERcorp dev, so both are read as news. AQMAR's encyclopedia text
# costs ANERcorp points as it grows (dev slice, CRF: a quarter 0.724, half 0.717, all 0.712) and
# buys AQMAR ones (0.502, 0.561, 0.599): half keeps AQMAR dev above 0.55 (benchmarks/ner.md).
DEFAULT_TRAINING = ((SHARED_DATA / "anercorp" / "train.txt", None, 1.0), (SHARED_DATA / "aqmar" / "train.txt", None, 0.5))
DEFAULT_UNLABELLED = (SHARED_CORPUS / "ant",)


def train_shipped(analyzer: Analyzer, kb, out_dir: Path = MODEL_DIR, settings: TrainingSettings | None = None,
                  training: Sequence[tuple[Path, str | None, float]] = DEFAULT_TRAINING,
                  unlabelled: Sequence[Path] = DEFAULT_UNLABELLED) -> Path:
    """Rebuild the shipped model: clusters from unlabelled news, then the model on its share of each gold train file.

    Only train files are read; the same seed and data give the same model files (the shares are drawn from the seed).
    """
    from threadpoolctl import threadpool_limits

    settings = settings or TrainingSettings()
    files = [(read_conll(path, domain), share) for path, domain, share in training]
    clusters = {}
    if "clusters" in settings.features:  # the whole of each file's text: clusters read no labels
        with threadpool_limits(1):  # one core, and no thread-order effects in k-means
            texts = unlabelled_texts(unlabelled, [sentence for sentences, _ in files for sentence in sentences])
            clusters = build_clusters(texts, seed=settings.seed)
    gold = [sentence for sentences, share in files for sentence in subsample(sentences, share, settings.seed)]
    return train(analyzer, kb, gold, out_dir, settings, clusters)
