"""A small classifier over a folder's own questions, one class per article: a second opinion for ranking.

A folder of short intents (a bank's FAQ, a help centre of one-line
questions) lists several phrasings per article. Nearest-neighbour matching
against them alone ranks worse than the hybrid search, but a softmax
classifier trained on them (the classic few-shot intent recogniser) sees
what the phrasings of one article share; its probability, added to the
fused score with weight WEIGHT, lifted R@1 on the tune data (bench/decisions.md).
Trained with the no-answer calibration for folders of up to MAX_ARTICLES
articles with questions (the weights grow with the folder); larger folders
rank without it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .. import adam
from ..knowledge.model import Article

WEIGHT = 0.5
MAX_ARTICLES = 500
MIN_QUESTIONS = 2  # per article on average: fewer, and the classifier knows little more than the titles
STEPS = 300
LEARNING_RATE = 0.05
L2 = 1e-3


@dataclass
class IntentClassifier:
    weights: np.ndarray  # dim x articles
    bias: np.ndarray
    article_ids: tuple[str, ...]
    split: int  # a DualEmbedder's vectors: where the USE half ends (0: a single embedder)

    def probabilities(self, query_vector: np.ndarray) -> dict[str, float]:
        scores = document_style(query_vector, self.split) @ self.weights + self.bias
        scores = np.exp(scores - scores.max())
        return dict(zip(self.article_ids, (scores / scores.sum()).tolist()))

    def save(self, path: Path) -> None:
        temporary = path.with_suffix(".tmp.npz")
        np.savez(temporary, weights=self.weights.astype(np.float32), bias=self.bias,
                 ids=np.array(self.article_ids), split=np.array([self.split]))
        temporary.replace(path)

    @classmethod
    def load(cls, path: Path) -> "IntentClassifier | None":
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(data["weights"], data["bias"], tuple(str(i) for i in data["ids"]), int(data["split"][0]))
        except (OSError, KeyError, ValueError):
            return None


def document_style(query_vector: np.ndarray, split: int) -> np.ndarray:
    """A query vector as a document vector of the same embedder: a DualEmbedder weights its two halves by
    the query's language, so each half is made unit again (a zero half stays zero)."""
    if not split:
        return query_vector
    halves = []
    for half in (query_vector[:split], query_vector[split:]):
        norm = np.linalg.norm(half)
        halves.append(half / norm if norm else half)
    return np.hstack(halves) / np.sqrt(2)


def suitable(articles: Sequence[Article]) -> bool:
    asked = [a for a in articles if a.questions]
    return 1 < len(asked) <= MAX_ARTICLES and sum(len(a.questions) for a in asked) >= MIN_QUESTIONS * len(asked)


def train(articles: Sequence[Article], embed_texts: Callable[[list[str]], np.ndarray], split: int) -> IntentClassifier:
    """Softmax regression from each article's questions and title to the article (full-batch Adam)."""
    asked = [a for a in articles if a.questions]
    texts = [t for a in asked for t in (*a.questions, a.title)]
    labels = np.array([i for i, a in enumerate(asked) for _ in range(len(a.questions) + 1)])
    x = np.asarray(embed_texts(texts), dtype=np.float64)
    targets = np.eye(len(asked))[labels]
    weights, bias = np.zeros((x.shape[1], len(asked))), np.zeros(len(asked))

    def gradients() -> tuple[np.ndarray, np.ndarray]:
        scores = x @ weights + bias
        p = np.exp(scores - scores.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        return x.T @ (p - targets) / len(x) + L2 * weights, (p - targets).mean(axis=0)

    adam.minimise((weights, bias), gradients, STEPS, LEARNING_RATE)
    return IntentClassifier(weights, bias, tuple(a.id for a in asked), split)
