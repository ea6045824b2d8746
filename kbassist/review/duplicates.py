"""Near-duplicate articles (same language, same questions) and the numbers they disagree on.

Similarity of two articles is the mean of two cosines: their heads (title +
questions, the first vector row: "do they answer the same questions?") and
their centroids (all rows averaged: "do they say the same things?"). Either
alone confuses neighbours that share a theme; together they separate true
duplicates. On the Northwind folder with the multilingual USE embedder, the
two known duplicate pairs score 0.83 and 0.82 and the next same-language
pair 0.70, the 99th percentile of all 1,261 pairs being 0.63;
`DUPLICATE_THRESHOLD` sits in the middle of that gap (see
`bench/review_truth_check.py`, which prints the distribution).

The search is blocked matrix products per language (numpy BLAS), never a
Python loop over pairs: 10,000 articles of 512 dimensions take about a second.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from ..chunks import chunk_article
from ..embedders import Embedder
from ..model import Article

DUPLICATE_THRESHOLD = 0.75
BLOCK_ROWS = 2048


def article_vectors(articles: Sequence[Article], embedder: Embedder) -> dict[str, np.ndarray]:
    """Each article's chunk vectors, head first: the layout the engine's index stores.

    Used when no index is at hand (the CLI on a bare folder); the engine
    passes its stored vectors instead of embedding again.
    """
    texts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    for article in articles:
        chunks = [c.text for c in chunk_article(article)]
        spans.append((article.id, len(texts), len(texts) + len(chunks)))
        texts.extend(chunks)
    matrix = embedder.embed(texts)
    return {key: matrix[start:end] for key, start, end in spans}


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.where(norms == 0, 1.0, norms)


def _signatures(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    rows = np.asarray(vectors, dtype=np.float32)
    if rows.ndim == 1:
        rows = rows[None, :]
    if rows.size == 0 or not np.any(rows):
        return None
    return _unit(rows[0]), _unit(rows.mean(axis=0))


def similar_pairs(articles: Sequence[Article], vectors: Mapping[str, np.ndarray],
                  threshold: float = DUPLICATE_THRESHOLD) -> list[tuple[str, str, float]]:
    """(id, id, score) for every same-language pair scoring at least `threshold`, best first.

    Articles without vectors (not embedded yet) are left out rather than
    guessed at, vectors of different sizes are never compared, and
    translations of each other never pair.
    """
    groups: dict[tuple[str, int], list[tuple[str, np.ndarray, np.ndarray]]] = {}
    translations = {frozenset((a.id, a.translation_of)) for a in articles if a.translation_of}
    for article in articles:
        rows = vectors.get(article.id)
        signature = _signatures(rows) if rows is not None else None
        if signature is not None:
            groups.setdefault((article.lang, signature[0].shape[-1]), []).append((article.id, *signature))
    pairs = []
    for group in groups.values():
        pairs.extend(_pairs_in(group, threshold))
    pairs = [p for p in pairs if frozenset(p[:2]) not in translations]
    return sorted(pairs, key=lambda p: -p[2])


def _pairs_in(group: list[tuple[str, np.ndarray, np.ndarray]], threshold: float) -> list[tuple[str, str, float]]:
    ids = [g[0] for g in group]
    heads = np.stack([g[1] for g in group]).astype(np.float32)
    centroids = np.stack([g[2] for g in group]).astype(np.float32)
    found = []
    for start in range(0, len(ids), BLOCK_ROWS):
        stop = min(start + BLOCK_ROWS, len(ids))
        scores = (heads[start:stop] @ heads[start:].T + centroids[start:stop] @ centroids[start:].T) / 2
        scores[np.tril_indices(stop - start)] = -np.inf  # each pair once, never an article with itself
        for i, j in np.argwhere(scores >= threshold):
            found.append((ids[start + i], ids[start + j], float(scores[i, j])))
    return found
