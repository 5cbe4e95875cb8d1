"""Neural NER (not shipped): a convolutional CRF tagger in torch over kg.tagger.Featurizer's feature strings.

Alone or paired with kg's CRF (the CRF's label of each token adds `crf_weight` to the network's
score of it); trained and scored on the dev slice by benchmarks/ner_dev.py (figures in ner.md).
"""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from kg.gazetteer import Gazetteer
from kg.ner_train import LabelledSentence, TrainingSettings, featurize_corpus, train, write_clusters
from kg.nlp import Analyzer
from kg.tagger import CLUSTERS_FILE, CRF_FILE, SETTINGS_FILE, Featurizer, TaggedSpan, read_clusters, spans_of_labels
from kg.types import Token

NETWORK_FILE = "network.pt"
VOCABULARY_FILE = "vocabulary.json.gz"
NEURAL_FILE = "neural.json"
MODELS = ("crf", "neural", "crf+neural")
_FORBIDDEN = -10000.0  # transition score of a BIO sequence that cannot be (O → I-PER)


@dataclass
class NeuralSettings:
    """Sizes and training schedule of the network, and how it is paired with the CRF; saved beside the model."""

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
    crf_weight: float = 2.0  # on the CRF's label; chosen on the dev slice (ner.md)

    @classmethod
    def read(cls, path: Path) -> NeuralSettings:
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")


@dataclass
class Vocabulary:
    """Ids of feature strings (from 1; unknown strings are dropped) and the label names."""

    features: dict[str, int] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, sentences: Sequence[tuple[list[list[str]], list[str]]], min_count: int) -> Vocabulary:
        """Count features over (features, labels) training sentences; keep those seen min_count times."""
        features: Counter = Counter()
        labels = set()
        for feats, tags in sentences:
            for token_features in feats:
                features.update(token_features)
            labels.update(tags)
        keep = sorted(f for f, n in features.items() if n >= min_count)
        # O first, then B-/I- of each type, so the label order is the same on every run.
        return cls({f: i + 1 for i, f in enumerate(keep)}, ["O", *sorted(labels - {"O"})])

    def save(self, path: Path) -> None:
        """Write as gzip JSON without a timestamp (byte-identical reruns)."""
        data = {"features": sorted(self.features, key=self.features.get), "labels": self.labels}
        with gzip.GzipFile(path, "wb", mtime=0) as raw:
            raw.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        with gzip.open(path, "rt", encoding="utf-8") as text:
            data = json.load(text)
        return cls({f: i + 1 for i, f in enumerate(data["features"])}, data["labels"])


@dataclass
class Batch:
    """Sentences padded to one length: each token's bag of feature ids (flat ids + offsets), and a mask."""

    feature_ids: torch.Tensor  # all tokens' feature ids, one after another
    offsets: torch.Tensor  # (sentences × length,) start of each token's bag; padding has an empty bag
    mask: torch.Tensor  # (sentences, length) True on real tokens
    lengths: list[int]


def encode(vocabulary: Vocabulary, sentences: Sequence[list[list[str]]]) -> Batch:
    """Turn the feature lists of non-empty sentences into one padded batch."""
    lengths = [len(feats) for feats in sentences]
    width = max(lengths)
    known = vocabulary.features.get
    ids: list[int] = []
    offsets: list[int] = []
    for feats in sentences:
        for token_features in feats:
            offsets.append(len(ids))
            ids.extend(filter(None, map(known, token_features)))
        offsets.extend([len(ids)] * (width - len(feats)))
    mask = torch.arange(width).unsqueeze(0) < torch.tensor(lengths).unsqueeze(1)
    # Through numpy: torch.tensor reads a list of ints ten times slower.
    return Batch(torch.from_numpy(np.array(ids, dtype=np.int64)), torch.from_numpy(np.array(offsets, dtype=np.int64)),
                 mask, lengths)


def transition_mask(labels: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Return the BIO constraints: (label → label, start → label) scores, 0 allowed or forbidden."""
    size = len(labels)
    between = torch.zeros(size, size)
    start = torch.zeros(size)
    for j, label in enumerate(labels):
        prefix, _, kind = label.partition("-")
        if prefix != "I":
            continue
        start[j] = _FORBIDDEN
        for i, previous in enumerate(labels):
            if previous.partition("-")[2] != kind:  # I-X only continues B-X or I-X
                between[i, j] = _FORBIDDEN
    return between, start


class Network(nn.Module):
    """Feature bag → two convolutions over the sentence → label scores, with a linear-chain CRF on top."""

    def __init__(self, vocabulary: Vocabulary, settings: NeuralSettings):
        super().__init__()
        size = len(vocabulary.labels)
        # Row 0 is never looked up (encode drops unknown features), so no padding_idx: it triples the lookup time.
        self.features = nn.EmbeddingBag(len(vocabulary.features) + 1, settings.feature_dim, mode="sum")
        # A token sums ~30 feature vectors: small ones keep the sum in the range where ReLU and the CRF learn fast.
        nn.init.normal_(self.features.weight, std=0.1)
        self.dropout = nn.Dropout(settings.dropout)
        # Two convolutions over the sentence see three words either side, on top of the features' own two.
        self.near = nn.Conv1d(settings.feature_dim, settings.channels, 5, padding=2)
        self.far = nn.Conv1d(settings.channels, settings.channels, 3, padding=1)
        self.scores = nn.Linear(settings.channels, size)
        self.transitions = nn.Parameter(torch.zeros(size, size))
        self.start = nn.Parameter(torch.zeros(size))
        self.end = nn.Parameter(torch.zeros(size))
        between, start = transition_mask(vocabulary.labels)
        self.register_buffer("forbidden", between, persistent=False)
        self.register_buffer("forbidden_start", start, persistent=False)
        bias = torch.tensor([0.0 if label == "O" else 1.0 for label in vocabulary.labels])
        self.register_buffer("entity_labels", bias, persistent=False)

    def emissions(self, batch: Batch) -> torch.Tensor:
        """Return (sentences, length, labels) scores of each token."""
        sentences, width = batch.mask.shape
        words = self.dropout(self.features(batch.feature_ids, batch.offsets).view(sentences, width, -1))
        # Padding is zeroed after each layer, so a sentence scores the same alone as in any batch.
        keep = batch.mask.unsqueeze(1)
        near = torch.relu(self.near(words.transpose(1, 2))) * keep
        far = torch.relu(self.far(self.dropout(near))) * keep
        return self.scores(self.dropout(far.transpose(1, 2)))

    def loss(self, batch: Batch, gold: torch.Tensor) -> torch.Tensor:
        """Return the mean negative log-likelihood of the gold label sequences."""
        emissions = self.emissions(batch)
        mask = batch.mask
        transitions = self.transitions + self.forbidden
        start = self.start + self.forbidden_start
        rows = torch.arange(len(gold))
        last = mask.sum(dim=1) - 1
        gold_score = start[gold[:, 0]] + self.end[gold[rows, last]]
        gold_score = gold_score + (emissions.gather(2, gold.unsqueeze(2)).squeeze(2) * mask).sum(dim=1)
        gold_score = gold_score + (transitions[gold[:, :-1], gold[:, 1:]] * mask[:, 1:]).sum(dim=1)
        alpha = start + emissions[:, 0]
        for t in range(1, emissions.shape[1]):
            step = torch.logsumexp(alpha.unsqueeze(2) + transitions + emissions[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, t].unsqueeze(1), step, alpha)
        partition = torch.logsumexp(alpha + self.end, dim=1)
        return (partition - gold_score).mean()

    @torch.no_grad()
    def decode(self, batch: Batch, entity_bias: float = 0.0, extra: torch.Tensor | None = None) -> list[list[int]]:
        """Return the best label ids of each sentence (Viterbi).

        Args:
            entity_bias: added to the score of every label but O (more names found, fewer right).
            extra: (sentences, length, labels) scores added to the network's (another model's votes).
        """
        emissions = self.emissions(batch) + entity_bias * self.entity_labels
        if extra is not None:
            emissions = emissions + extra
        # numpy: the steps are small (a few sentences × 9 labels), where torch's per-call cost dominates.
        emissions = emissions.numpy()
        transitions = (self.transitions + self.forbidden).numpy()
        mask = batch.mask.numpy()
        score = (self.start + self.forbidden_start).numpy() + emissions[:, 0]
        back = []
        for t in range(1, emissions.shape[1]):
            candidates = score[:, :, None] + transitions
            back.append(candidates.argmax(axis=1))
            score = np.where(mask[:, t, None], candidates.max(axis=1) + emissions[:, t], score)
        # Walk back from the last step for all sentences at once; a sentence's padding keeps its last label.
        rows = np.arange(len(batch.lengths))
        label = (score + self.end.numpy()).argmax(axis=1)
        path = [label]
        for t in range(len(back) - 1, -1, -1):
            label = np.where(mask[:, t + 1], back[t][rows, label], label)
            path.append(label)
        path = np.stack(path[::-1], axis=1).tolist()
        return [labels[:length] for labels, length in zip(path, batch.lengths)]


def seed_everything(seed: int) -> None:
    """Make a training run repeatable: one thread, seeded generators, deterministic kernels."""
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def fit_network(sentences: Sequence[tuple[list[list[str]], list[str]]], settings: NeuralSettings, seed: int,
                on_epoch=None) -> NeuralModel:
    """Train a network on (features, labels) sentences with Adam.

    Args:
        on_epoch: called with (epoch, model) after each epoch (dev scoring in benchmarks).
    """
    seed_everything(seed)
    vocabulary = Vocabulary.build(sentences, settings.min_count)
    network = Network(vocabulary, settings)
    model = NeuralModel(network, vocabulary, settings)
    optimizer = torch.optim.Adam(network.parameters(), lr=settings.learning_rate)
    label_ids = {label: i for i, label in enumerate(vocabulary.labels)}
    # Sentences of like length share a batch, so little time goes to padding.
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i][1]))
    batches = [order[i : i + settings.batch_size] for i in range(0, len(order), settings.batch_size)]
    shuffle = random.Random(seed)
    # Weights averaged over the last epochs: the dev score jumps a point from epoch to epoch, the mean less.
    average = [w.detach().clone() for w in network.parameters()]
    averaged = 0
    for epoch in range(settings.epochs):
        network.train()
        shuffle.shuffle(batches)
        for members in batches:
            # Dropping whole feature strings keeps the network from leaning on one (the word itself).
            batch = encode(vocabulary, [[[f for f in token_features if shuffle.random() >= settings.feature_dropout]
                                         for token_features in sentences[i][0]] for i in members])
            gold = torch.zeros(batch.mask.shape, dtype=torch.long)
            for n, i in enumerate(members):
                gold[n, : len(sentences[i][1])] = torch.tensor([label_ids[label] for label in sentences[i][1]])
            optimizer.zero_grad()
            loss = network.loss(batch, gold)
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimizer.step()
        network.eval()
        if epoch + 1 >= settings.average_from:
            averaged += 1
            with torch.no_grad():
                for mean, weights in zip(average, network.parameters()):
                    mean += (weights - mean) / averaged
        if on_epoch is not None:
            with _swapped(network, average if averaged else None):
                on_epoch(epoch + 1, model)
    with torch.no_grad():
        for weights, mean in zip(network.parameters(), average if averaged else network.parameters()):
            # The mean of the last epochs' weights, as saved (half precision), so a loaded model tags the same.
            weights.copy_(mean.half().float())
    return model


@contextmanager
def _swapped(network: Network, weights: list[torch.Tensor] | None):
    """Run the block with other weights in the network (none: as it is), then put its own back."""
    if weights is None:
        yield
        return
    own = [w.detach().clone() for w in network.parameters()]
    with torch.no_grad():
        for target, source in zip(network.parameters(), weights):
            target.copy_(source)
    try:
        yield
    finally:
        with torch.no_grad():
            for target, source in zip(network.parameters(), own):
                target.copy_(source)


class NeuralModel:
    """A trained network with its vocabulary: labels a batch of featurized sentences at once."""

    def __init__(self, network: Network, vocabulary: Vocabulary, settings: NeuralSettings):
        self.network = network.eval()
        self.vocabulary = vocabulary
        self.settings = settings

    def label_ids(self, sentences: Sequence[list[list[str]]], extra: torch.Tensor | None = None) -> list[list[int]]:
        """Return the label ids of each sentence's feature lists; none may be empty.

        Args:
            extra: (sentences, length, labels) scores added before decoding.
        """
        return self.network.decode(encode(self.vocabulary, sentences), self.settings.entity_bias, extra)

    def save(self, folder: Path) -> None:
        """Write the weights (half precision) and the vocabulary into a model folder."""
        torch.save({name: value.half() for name, value in self.network.state_dict().items()}, folder / NETWORK_FILE)
        self.vocabulary.save(folder / VOCABULARY_FILE)

    @classmethod
    def load(cls, folder: Path, settings: NeuralSettings) -> NeuralModel:
        """Read a model folder written by `save`; torch runs on one thread from here on."""
        # One thread: a document's batch is too small to share, and without OpenMP's thread pool
        # the worker processes `kg build` forks from this one do not hang on its locks.
        torch.set_num_threads(1)
        vocabulary = Vocabulary.load(folder / VOCABULARY_FILE)
        network = Network(vocabulary, settings)
        state = torch.load(folder / NETWORK_FILE, weights_only=True)
        network.load_state_dict({name: value.float() for name, value in state.items()})
        return cls(network, vocabulary, settings)


def train_pair(analyzer: Analyzer, kb, sentences: Sequence[LabelledSentence], out_dir: Path, model: str,
               settings: TrainingSettings, neural: NeuralSettings, clusters: dict[str, str] | None = None) -> Path:
    """Train "crf", "neural" or "crf+neural" into a model folder; the network trains on one thread from the seed."""
    if "crf" in model:
        train(analyzer, kb, sentences, out_dir, settings, clusters)
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        settings.write(out_dir / SETTINGS_FILE)
    if "neural" in model:
        gazetteer = Gazetteer(kb.names()) if "gazetteer" in settings.features else None
        use = clusters if "clusters" in settings.features else {}
        featurizer = Featurizer(analyzer, gazetteer, use or {}, settings.features)
        fit_network(list(featurize_corpus(featurizer, analyzer, sentences)), neural, settings.seed).save(out_dir)
        if use and not (out_dir / CLUSTERS_FILE).exists():
            write_clusters(use, out_dir / CLUSTERS_FILE)
    neural.write(out_dir / NEURAL_FILE)
    (out_dir / "model.txt").write_text(model + "\n", encoding="utf-8")
    return out_dir


class PairTagger:
    """kg.tagger.Tagger's interface over a CRF, a network, or both."""

    def __init__(self, featurizer: Featurizer, crf=None, network: NeuralModel | None = None, crf_weight: float = 0.0):
        self.featurizer = featurizer
        self.crf = crf
        self.network = network
        self.crf_weight = crf_weight
        if network is not None:
            self._label_ids = {label: i for i, label in enumerate(network.vocabulary.labels)}

    @classmethod
    def load(cls, analyzer: Analyzer, kb, model_dir: Path) -> PairTagger:
        """Load a folder written by `train_pair`."""
        import pycrfsuite

        model = (model_dir / "model.txt").read_text(encoding="utf-8").strip()
        settings = TrainingSettings.read(model_dir / SETTINGS_FILE)
        neural = NeuralSettings.read(model_dir / NEURAL_FILE)
        features = settings.features
        clusters = read_clusters(model_dir / CLUSTERS_FILE) if "clusters" in features else {}
        gazetteer = Gazetteer(kb.names()) if "gazetteer" in features else None
        crf = network = None
        if "crf" in model:
            crf = pycrfsuite.Tagger()
            crf.open(str(model_dir / CRF_FILE))
        if "neural" in model:
            network = NeuralModel.load(model_dir, neural)
        return cls(Featurizer(analyzer, gazetteer, clusters, features), crf, network, neural.crf_weight)

    def labels(self, tokens: Sequence[Token]) -> list[str]:
        """Return the BIO label of each token."""
        return self.label_sentences([tokens])[0]

    def label_sentences(self, sentences: Sequence[Sequence[Token]]) -> list[list[str]]:
        """Return the BIO labels of each sentence; the network reads them all in one batch."""
        todo = [self.featurizer(tokens) for tokens in sentences if tokens]
        if self.network is None:
            found = iter([self.crf.tag(features) for features in todo])
        elif todo:
            extra = self._crf_scores(todo) if self.crf is not None else None
            names = self.network.vocabulary.labels
            found = iter([[names[i] for i in ids] for ids in self.network.label_ids(todo, extra)])
        return [next(found) if tokens else [] for tokens in sentences]

    def _crf_scores(self, sentences: list[list[list[str]]]) -> torch.Tensor:
        """Return crf_weight on the CRF's label of each token, 0 elsewhere, padded as one batch.

        The CRF's choice, not its marginals: those cost 9 calls a token, as much as the network itself.
        """
        scores = torch.zeros(len(sentences), max(len(features) for features in sentences), len(self._label_ids))
        for n, features in enumerate(sentences):
            chosen = [self._label_ids.get(label, 0) for label in self.crf.tag(features)]
            scores[n, torch.arange(len(chosen)), chosen] = self.crf_weight
        return scores

    def spans(self, tokens: Sequence[Token]) -> list[TaggedSpan]:
        """Return the names of one sentence as token spans."""
        return spans_of_labels(self.labels(tokens))
