"""Neural NER: a BiLSTM-CRF in torch over the Featurizer's feature strings and each word's letters."""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from kg.types import Token

NETWORK_FILE = "network.pt"
VOCABULARY_FILE = "vocabulary.json.gz"
VECTORS_FILE = "word_vectors.npy"
_MAX_CHARS = 20  # longer words are cut: the letters that tell a name sit at its ends
_FORBIDDEN = -10000.0  # transition score of a BIO sequence that cannot be (O → I-PER)


@dataclass
class NeuralSettings:
    """Sizes and training schedule of the network; saved beside the model."""

    min_count: int = 2
    feature_dim: int = 64
    char_dim: int = 24
    char_filters: int = 48
    hidden: int = 100
    dropout: float = 0.5
    learning_rate: float = 2e-3
    batch_size: int = 16
    epochs: int = 12
    feature_dropout: float = 0.25
    entity_bias: float = 0.0


@dataclass
class Vocabulary:
    """Ids of feature strings, letters and labels; id 0 is padding, unknown strings are dropped."""

    features: dict[str, int] = field(default_factory=dict)
    chars: dict[str, int] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    words: dict[str, int] = field(default_factory=dict)  # rows of the word vectors

    @classmethod
    def build(cls, sentences: Sequence[tuple[list[list[str]], list[str], Sequence[Token]]], min_count: int) -> Vocabulary:
        """Count features and letters over training sentences; keep those seen min_count times."""
        features: Counter = Counter()
        chars: Counter = Counter()
        labels = set()
        for feats, tags, tokens in sentences:
            for token_features in feats:
                features.update(token_features)
            for token in tokens:
                chars.update(token.norm[:_MAX_CHARS])
            labels.update(tags)
        keep = sorted(f for f, n in features.items() if n >= min_count)
        # O first, then B-/I- of each type, so the label order is the same on every run.
        ordered = ["O", *sorted(l for l in labels if l != "O")] if "O" in labels else sorted(labels)
        return cls({f: i + 1 for i, f in enumerate(keep)},
                   {c: i + 1 for i, c in enumerate(sorted(c for c, n in chars.items() if n >= min_count))}, ordered)

    def save(self, path: Path) -> None:
        """Write as gzip JSON without a timestamp (byte-identical reruns)."""
        data = {"features": sorted(self.features, key=self.features.get),
                "chars": sorted(self.chars, key=self.chars.get), "labels": self.labels,
                "words": sorted(self.words, key=self.words.get)}
        with gzip.GzipFile(path, "wb", mtime=0) as raw:
            raw.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        with gzip.open(path, "rt", encoding="utf-8") as text:
            data = json.load(text)
        return cls({f: i + 1 for i, f in enumerate(data["features"])},
                   {c: i + 1 for i, c in enumerate(data["chars"])}, data["labels"],
                   {w: i + 1 for i, w in enumerate(data["words"])})


@dataclass
class Batch:
    """Sentences padded to one length: feature bags (flat ids + offsets), letters, mask."""

    feature_ids: torch.Tensor  # all tokens' feature ids, one after another
    offsets: torch.Tensor  # (sentences × length,) start of each token's bag
    chars: torch.Tensor  # (sentences × length, letters)
    words: torch.Tensor  # (sentences × length,) row of each word's vector, 0 for none
    mask: torch.Tensor  # (sentences, length) True on real tokens
    lengths: list[int]


class Encoder:
    """Turns featurized sentences into padded tensors."""

    def __init__(self, vocabulary: Vocabulary, variants=lambda norm: [norm]):
        self.vocabulary = vocabulary
        self.variants = variants  # a word's forms to look its vector up by (without clitics)
        self._char_ids: dict[str, list[int]] = {}
        self._word_ids: dict[str, int] = {}

    def __call__(self, sentences: Sequence[tuple[list[list[str]], Sequence[Token]]]) -> Batch:
        lengths = [len(tokens) for _, tokens in sentences]
        width = max(lengths)
        known = self.vocabulary.features
        ids: list[int] = []
        offsets: list[int] = []
        chars = np.zeros((len(sentences) * width, _MAX_CHARS), dtype=np.int64)
        words = np.zeros(len(sentences) * width, dtype=np.int64)
        for n, (feats, tokens) in enumerate(sentences):
            for k, (token_features, token) in enumerate(zip(feats, tokens)):
                offsets.append(len(ids))
                ids.extend(i for f in token_features if (i := known.get(f)))
                letters = self._letters(token.norm)
                chars[n * width + k, : len(letters)] = letters
                words[n * width + k] = self._word(token.norm)
            offsets.extend([len(ids)] * (width - len(tokens)))  # padding: empty bags
        mask = torch.zeros(len(sentences), width, dtype=torch.bool)
        for n, length in enumerate(lengths):
            mask[n, :length] = True
        return Batch(torch.tensor(ids, dtype=torch.long), torch.tensor(offsets, dtype=torch.long),
                     torch.from_numpy(chars), torch.from_numpy(words), mask, lengths)

    def _word(self, norm: str) -> int:
        row = self._word_ids.get(norm)
        if row is None:
            known = self.vocabulary.words
            row = next((known[v] for v in self.variants(norm) if v in known), 0)
            self._word_ids[norm] = row
        return row

    def _letters(self, norm: str) -> list[int]:
        letters = self._char_ids.get(norm)
        if letters is None:
            letters = [self.vocabulary.chars.get(c, 0) for c in norm[:_MAX_CHARS]]
            self._char_ids[norm] = letters
        return letters


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
    """Feature bag + letter CNN → BiLSTM → label scores, with a linear-chain CRF on top."""

    def __init__(self, vocabulary: Vocabulary, settings: NeuralSettings, vectors: torch.Tensor | None = None):
        super().__init__()
        # Word vectors from unlabelled news stay fixed: they carry what the gold data never saw.
        self.vectors = nn.Embedding.from_pretrained(vectors, freeze=True) if vectors is not None else None
        vector_dim = vectors.shape[1] if vectors is not None else 0
        size = len(vocabulary.labels)
        self.features = nn.EmbeddingBag(len(vocabulary.features) + 1, settings.feature_dim, mode="sum", padding_idx=0)
        # A token sums ~30 feature vectors: small ones keep the sum out of the LSTM gates' flat ends.
        nn.init.normal_(self.features.weight, std=0.1)
        with torch.no_grad():
            self.features.weight[0].zero_()
        self.chars = nn.Embedding(len(vocabulary.chars) + 1, settings.char_dim, padding_idx=0)
        self.char_cnn = nn.Conv1d(settings.char_dim, settings.char_filters, 3, padding=1)
        self.dropout = nn.Dropout(settings.dropout)
        self.lstm = nn.LSTM(settings.feature_dim + settings.char_filters + vector_dim, settings.hidden, batch_first=True,
                            bidirectional=True)
        self.scores = nn.Linear(2 * settings.hidden, size)
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
        bags = self.features(batch.feature_ids, batch.offsets).view(sentences, width, -1)
        letters = self.chars(batch.chars).transpose(1, 2)  # (tokens, char_dim, letters)
        shapes = torch.relu(self.char_cnn(letters)).max(dim=2).values.view(sentences, width, -1)
        parts = [bags, shapes]
        if self.vectors is not None:
            parts.append(self.vectors(batch.words).view(sentences, width, -1))
        words = self.dropout(torch.cat(parts, dim=2))
        packed = nn.utils.rnn.pack_padded_sequence(words, batch.lengths, batch_first=True, enforce_sorted=False)
        context, _ = self.lstm(packed)
        context, _ = nn.utils.rnn.pad_packed_sequence(context, batch_first=True, total_length=width)
        return self.scores(self.dropout(context))

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
            extra: (sentences, length, labels) scores added to the network's (another model's log-marginals).
        """
        emissions = self.emissions(batch) + entity_bias * self.entity_labels
        if extra is not None:
            emissions = emissions + extra
        transitions = self.transitions + self.forbidden
        score = self.start + self.forbidden_start + emissions[:, 0]
        back = []
        for t in range(1, emissions.shape[1]):
            best, previous = (score.unsqueeze(2) + transitions).max(dim=1)
            back.append(previous)
            score = torch.where(batch.mask[:, t].unsqueeze(1), best + emissions[:, t], score)
        score = score + self.end
        pointers = torch.stack(back, dim=1).numpy() if back else None
        best_last = score.argmax(dim=1).tolist()
        paths = []
        for n, length in enumerate(batch.lengths):
            path = [best_last[n]]
            for t in range(length - 2, -1, -1):
                path.append(int(pointers[n, t, path[-1]]))
            paths.append(path[::-1])
        return paths


def seed_everything(seed: int) -> None:
    """Make a training run repeatable: one thread, seeded generators, deterministic kernels."""
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def fit_network(sentences: Sequence[tuple[list[list[str]], list[str], Sequence[Token]]], settings: NeuralSettings,
                seed: int, vectors: tuple[list[str], np.ndarray] | None = None, variants=lambda norm: [norm],
                on_epoch=None) -> NeuralModel:
    """Train a network on (features, labels, tokens) sentences with Adam.

    Args:
        vectors: words of unlabelled news and their vectors, fixed inputs; None leaves them out.
        variants: a word's forms to look its vector up by.
        on_epoch: called with (epoch, model) after each epoch (dev scoring in benchmarks).
    """
    seed_everything(seed)
    vocabulary = Vocabulary.build(sentences, settings.min_count)
    table = None
    if vectors is not None:
        vocabulary.words = {w: i + 1 for i, w in enumerate(vectors[0])}
        table = _vector_table(vectors[1])
    encoder = Encoder(vocabulary, variants)
    network = Network(vocabulary, settings, table)
    model = NeuralModel(network, vocabulary, settings, variants)
    optimizer = torch.optim.Adam(network.parameters(), lr=settings.learning_rate)
    label_ids = {label: i for i, label in enumerate(vocabulary.labels)}
    # Sentences of like length share a batch, so little time goes to padding.
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i][1]))
    batches = [order[i : i + settings.batch_size] for i in range(0, len(order), settings.batch_size)]
    shuffle = random.Random(seed)
    for epoch in range(settings.epochs):
        network.train()
        shuffle.shuffle(batches)
        for members in batches:
            # Dropping whole feature strings keeps the network from leaning on one (the word itself).
            batch = encoder([([[f for f in token_features if shuffle.random() >= settings.feature_dropout]
                                for token_features in sentences[i][0]], sentences[i][2]) for i in members])
            gold = torch.zeros(batch.mask.shape, dtype=torch.long)
            for n, i in enumerate(members):
                gold[n, : len(sentences[i][1])] = torch.tensor([label_ids[label] for label in sentences[i][1]])
            optimizer.zero_grad()
            loss = network.loss(batch, gold)
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimizer.step()
        network.eval()
        if on_epoch is not None:
            on_epoch(epoch + 1, model)
    with torch.no_grad():  # the weights as saved (half precision), so a loaded model tags the same
        for weights in network.parameters():
            weights.copy_(weights.half().float())
    return model


class NeuralModel:
    """A trained network with its vocabulary: labels a batch of featurized sentences at once."""

    def __init__(self, network: Network, vocabulary: Vocabulary, settings: NeuralSettings,
                 variants=lambda norm: [norm]):
        self.network = network.eval()
        self.vocabulary = vocabulary
        self.settings = settings
        self.encoder = Encoder(vocabulary, variants)

    def label_ids(self, sentences: Sequence[tuple[list[list[str]], Sequence[Token]]],
                  extra: torch.Tensor | None = None) -> list[list[int]]:
        """Return the label ids of each (features, tokens) sentence; none may be empty.

        Args:
            extra: (sentences, length, labels) scores added before decoding.
        """
        return self.network.decode(self.encoder(sentences), self.settings.entity_bias, extra)

    def save(self, folder: Path) -> None:
        """Write the weights (half precision, word vectors apart) and the vocabulary into a model folder."""
        state = {name: value.half() for name, value in self.network.state_dict().items() if name != "vectors.weight"}
        torch.save(state, folder / NETWORK_FILE)
        if self.network.vectors is not None:
            np.save(folder / VECTORS_FILE, self.network.vectors.weight[1:].numpy().astype(np.float16))
        self.vocabulary.save(folder / VOCABULARY_FILE)

    @classmethod
    def load(cls, folder: Path, settings: NeuralSettings, variants=lambda norm: [norm]) -> NeuralModel:
        """Read a model folder written by `save`."""
        vocabulary = Vocabulary.load(folder / VOCABULARY_FILE)
        vectors = None
        if (folder / VECTORS_FILE).is_file():
            vectors = _vector_table(np.load(folder / VECTORS_FILE))
        network = Network(vocabulary, settings, vectors)
        state = {name: value.float() for name, value in torch.load(folder / NETWORK_FILE, weights_only=True).items()}
        if vectors is not None:
            state["vectors.weight"] = network.vectors.weight
        network.load_state_dict(state)
        return cls(network, vocabulary, settings, variants)


def _vector_table(vectors: np.ndarray) -> torch.Tensor:
    """Return the word vectors in half precision (as shipped) as float rows, row 0 zeros for unknown words."""
    rows = torch.from_numpy(vectors.astype(np.float16).astype(np.float32))
    return torch.cat([torch.zeros(1, rows.shape[1]), rows])
