"""Training and scoring of the NER tagger: CoNLL gold, the CRF's training, word clusters, entity-level scores."""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.gazetteer import Gazetteer
from kg.nlp import Analyzer, normalize, token_spans
from kg.tagger import ALL_FEATURES, CLUSTERS_FILE, CRF_FILE, SETTINGS_FILE, Featurizer, spans_of_labels
from kg.types import Document, Token

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
# ANERcorp writes PERS, AQMAR writes MIS; kg's types are PER, ORG, LOC, MISC.
_TYPE_OF_LABEL = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "MIS": "MISC"}


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


# ---------------------------------------------------------------- training


@dataclass
class TrainingSettings:
    """What `train` needs besides the data; saved beside the model."""

    # On the dev slice a CRF + torch network pair (benchmarks/neural_tagger.py) led the CRF by 0.25
    # on ANERcorp and trailed by 0.3 on AQMAR, for ~20% of the speed and 14 MB: the CRF alone ships.
    model: str = "crf"
    features: list[str] = field(default_factory=lambda: [f for f in ALL_FEATURES if f != "wide"])
    c1: float = 0.1  # dev slice, CRF, half of AQMAR: 0.05 → 0.717, 0.1 → 0.725, 0.2 → 0.725 (AQMAR 0.561, 0.560, 0.551)
    c2: float = 0.01
    max_iterations: int = 200
    min_freq: int = 1
    seed: int = 13

    @classmethod
    def read(cls, path: Path) -> TrainingSettings:
        """Read settings.json."""
        return cls(**json.loads(path.read_text(encoding="utf-8")))

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
    """Train the CRF on gold sentences and write the model folder.

    lbfgs on a fixed sentence order is deterministic.
    Returns:
        the model folder.
    """
    import pycrfsuite

    out_dir.mkdir(parents=True, exist_ok=True)
    clusters = clusters if "clusters" in settings.features else {}
    gazetteer = Gazetteer(kb.names()) if "gazetteer" in settings.features else None
    featurizer = Featurizer(analyzer, gazetteer, clusters or {}, settings.features)
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in featurize_corpus(featurizer, analyzer, sentences):
        trainer.append(features, labels)
    trainer.set_params({
        "c1": settings.c1, "c2": settings.c2, "max_iterations": settings.max_iterations,
        "feature.minfreq": settings.min_freq, "feature.possible_transitions": True,
    })
    trainer.train(str(out_dir / CRF_FILE))
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


def train_shipped(analyzer: Analyzer, kb, training: Sequence[tuple[Path, str | None, float]],
                  unlabelled: Sequence[Path], out_dir: Path, settings: TrainingSettings) -> Path:
    """Rebuild a model as the shipped one is built: clusters from unlabelled news, then the CRF on a share of each gold file.

    The same seed and data give the same model files (the shares are drawn from the seed).
    Args:
        training: (gold train file, domain, share of its sentences) for each file.
        unlabelled: folders of news articles for the word clusters.
    """
    from threadpoolctl import threadpool_limits

    files = [(read_conll(path, domain), share) for path, domain, share in training]
    clusters = {}
    if "clusters" in settings.features:  # the whole of each file's text: clusters read no labels
        with threadpool_limits(1):  # one core, and no thread-order effects in k-means
            texts = unlabelled_texts(unlabelled, [sentence for sentences, _ in files for sentence in sentences])
            clusters = build_clusters(texts, seed=settings.seed)
    gold = [sentence for sentences, share in files for sentence in subsample(sentences, share, settings.seed)]
    return train(analyzer, kb, gold, out_dir, settings, clusters)


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


def tagger_spans(analyzer: Analyzer, tagger):
    """Return Document → (start, end, type) of the names a tagger alone finds: the analysis + tagger path.

    Args:
        tagger: anything with `label_sentences` (kg.tagger.Tagger, kg.camelbert.CamelBertTagger).
    """
    def spans_of(doc: Document) -> list[tuple[int, int, str]]:
        sentences = [s.tokens for s in analyzer(doc)]
        return [(tokens[span.start].start, tokens[span.end - 1].end, span.type)
                for tokens, labels in zip(sentences, tagger.label_sentences(sentences))
                for span in spans_of_labels(labels)]

    return spans_of


def dev_split(sentences: Sequence[LabelledSentence], share: float = 0.1
              ) -> tuple[list[LabelledSentence], list[LabelledSentence]]:
    """Split gold sentences in corpus order: the last `share` is the dev slice every choice is made on."""
    cut = len(sentences) - round(len(sentences) * share)
    return list(sentences[:cut]), list(sentences[cut:])
