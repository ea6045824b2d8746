"""Two small linear models that say how much a message reads like one a lead should take.

The lexicon (`triage`) catches explicit words and names them, but ordinary
escalations worded another way slip past it (recall 0.24 on the frozen set
in bench/data/escalation). These models learn from exemplars written by
category (`kbassist/data/escalation_exemplars.yml`) instead:

- one over the multilingual USE vector of the message: what it means,
  across languages and wordings;
- one over hashed words and word pairs (Chinese: jieba words and character
  pairs): negations, hedges and set phrases that a sentence vector blurs.

Their mean is the probability. They are trained per folder, with the
folder's own questions as further calm examples: an ordinary question about
refunds in this folder must not look like a refund complaint. Training
takes a second or two (plain numpy, full-batch gradient descent) and the
weights are kept with the index; the exemplars' vectors are cached per user.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import yaml

from .. import adam

HASH_BUCKETS = 1 << 18
DENSE_L2 = 0.1  # fitted on the tune half of bench/data/escalation (bench/decisions.md)
SPARSE_L2 = 0.01
STEPS = 300
LEARNING_RATE = 0.05
MAX_FOLDER_EXAMPLES = 600
_LATIN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


@dataclass(frozen=True)
class Exemplars:
    """The bundled exemplars: per category and language, and the calm ones."""

    categories: dict[str, dict[str, tuple[str, ...]]]
    calm: tuple[str, ...]
    digest: str  # of the file, to key caches

    @property
    def positives(self) -> list[tuple[str, str]]:
        """(category, text) for every escalation exemplar, both languages."""
        return [(c, t) for c, by_lang in self.categories.items() for texts in by_lang.values() for t in texts]


def load_exemplars() -> Exemplars:
    raw = resources.files("kbassist").joinpath("data/escalation_exemplars.yml").read_bytes()
    data = yaml.safe_load(raw)
    categories = {c: {lang: tuple(map(str, texts)) for lang, texts in by_lang.items()}
                  for c, by_lang in data["categories"].items()}
    calm = tuple(str(t) for texts in data["calm"].values() for t in texts)
    return Exemplars(categories, calm, hashlib.sha1(raw).hexdigest()[:12])


def features(text: str) -> np.ndarray:
    """Hashed bucket numbers of the text's words and adjacent word pairs (a Chinese run gives its jieba
    words and its character pairs), lower-cased; a bucket may repeat."""
    import jieba

    lowered = text.lower()
    words = _LATIN.findall(lowered)
    tokens: list[str] = list(words)
    for run in _CJK_RUN.findall(lowered):
        cut = [w for w in jieba.lcut(run) if w.strip()]
        tokens += cut + [a + b for a, b in zip(run, run[1:])]
        words += cut
    tokens += [f"{a} {b}" for a, b in zip(words, words[1:])]
    return np.fromiter((zlib.crc32(t.encode()) % HASH_BUCKETS for t in tokens), dtype=np.int64, count=len(tokens))


class SparseRows:
    """Feature rows as one flat array of bucket numbers with row offsets (CSR without values)."""

    def __init__(self, rows: Sequence[np.ndarray]):
        self.indices = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        self.row_of = np.repeat(np.arange(len(rows)), lengths)
        self.scale = 1.0 / np.sqrt(np.maximum(lengths, 1))  # each row of unit length
        self.n = len(rows)

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.row_of, weights=w[self.indices], minlength=self.n) * self.scale

    def t_dot(self, g: np.ndarray) -> np.ndarray:
        return np.bincount(self.indices, weights=(g * self.scale)[self.row_of], minlength=HASH_BUCKETS)


def train(product: Callable[[np.ndarray], np.ndarray], back: Callable[[np.ndarray], np.ndarray], size: int,
          labels: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Logistic regression, both classes weighted equally (`product(w)` = X·w, `back(g)` = Xᵀ·g)."""
    w, b = np.zeros(size), np.zeros(1)
    positive = labels == 1
    weight = np.where(positive, 0.5 / max(1, positive.sum()), 0.5 / max(1, (~positive).sum()))

    def gradients() -> tuple[np.ndarray, np.ndarray]:
        error = (1.0 / (1.0 + np.exp(-(product(w) + b[0]))) - labels) * weight
        return back(error) + l2 * w / len(labels), np.array([error.sum()])

    adam.minimise((w, b), gradients, STEPS, LEARNING_RATE)
    return w, float(b[0])


@dataclass
class EscalationModel:
    dense: np.ndarray
    dense_bias: float
    sparse: np.ndarray
    sparse_bias: float

    def probability(self, vector: np.ndarray, text: str) -> float:
        rows = SparseRows([features(text)])
        dense = 1.0 / (1.0 + np.exp(-(float(vector @ self.dense) + self.dense_bias)))
        sparse = 1.0 / (1.0 + np.exp(-(float(rows.dot(self.sparse)[0]) + self.sparse_bias)))
        return (dense + sparse) / 2

    def save(self, path: Path) -> None:
        temporary = path.with_suffix(".tmp.npz")
        np.savez(temporary, dense=self.dense, sparse=self.sparse.astype(np.float32),
                 bias=np.array([self.dense_bias, self.sparse_bias]))
        temporary.replace(path)

    @classmethod
    def load(cls, path: Path) -> "EscalationModel | None":
        try:
            with np.load(path, allow_pickle=False) as data:
                dense, sparse, bias = data["dense"], data["sparse"].astype(np.float64), data["bias"]
        except (OSError, KeyError, ValueError):
            return None
        if sparse.shape != (HASH_BUCKETS,) or bias.shape != (2,):
            return None
        return cls(dense, float(bias[0]), sparse, float(bias[1]))


def fit(exemplars: Exemplars, exemplar_vectors: np.ndarray, calm_vectors: np.ndarray,
        folder_texts: Sequence[str], folder_vectors: np.ndarray) -> EscalationModel:
    """Train both models: exemplars of every category against the calm ones and the folder's own texts."""
    positives = [t for _, t in exemplars.positives]
    texts = [*positives, *exemplars.calm, *folder_texts]
    labels = np.r_[np.ones(len(positives)), np.zeros(len(exemplars.calm) + len(folder_texts))]
    matrix = np.vstack([exemplar_vectors, calm_vectors, folder_vectors]).astype(np.float64)
    dense, dense_bias = train(lambda w: matrix @ w, lambda g: matrix.T @ g, matrix.shape[1], labels, DENSE_L2)
    rows = SparseRows([features(t) for t in texts])
    sparse, sparse_bias = train(rows.dot, rows.t_dot, HASH_BUCKETS, labels, SPARSE_L2)
    return EscalationModel(dense, dense_bias, sparse, sparse_bias)


def folder_examples(texts: Sequence[str]) -> list[str]:
    """A stable sample of the folder's questions and titles, the calm examples of its own topics."""
    unique = sorted(set(t for t in texts if t.strip()), key=lambda t: hashlib.sha1(t.encode()).digest())
    return unique[:MAX_FOLDER_EXAMPLES]
