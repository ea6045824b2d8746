"""Near-duplicate articles (same language, same questions) and the numbers they disagree on.

The vectors are the ones the index already stores (`Assistant.article_vectors()`:
per article, its chunk rows, head first); the review never embeds articles.
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
Python loop over pairs: 10,000 articles of 512 dimensions take about 2.5 s on
two cores (`bench/bench_review.py`).
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from ..knowledge.model import Article

DUPLICATE_THRESHOLD = 0.75
BLOCK_ROWS = 2048


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.where(norms == 0, 1.0, norms)


def _signatures(ids: list[str], vectors: Mapping[str, np.ndarray]) -> tuple[list[str], np.ndarray]:
    """Per article, its unit head row and unit centroid side by side (2 x dim), scaled so that
    one inner product of two signatures is the mean of the head and centroid cosines."""
    blocks = [np.asarray(vectors[key], dtype=np.float32).reshape(-1, np.shape(vectors[key])[-1]) for key in ids]
    keep = [n for n, block in enumerate(blocks) if block.size and np.any(block)]
    if not keep:
        return [], np.zeros((0, 0), dtype=np.float32)
    rows = np.concatenate([blocks[n] for n in keep])
    starts = np.cumsum([0] + [len(blocks[n]) for n in keep[:-1]])
    counts = np.array([len(blocks[n]) for n in keep], dtype=np.float32)[:, None]
    heads = _unit(rows[starts])
    centroids = _unit(np.add.reduceat(rows, starts, axis=0) / counts)
    return [ids[n] for n in keep], np.hstack([heads, centroids]) * np.float32(np.sqrt(0.5))


def similar_pairs(articles: Sequence[Article], vectors: Mapping[str, np.ndarray],
                  threshold: float = DUPLICATE_THRESHOLD) -> list[tuple[str, str, float]]:
    """(id, id, score) for every same-language pair scoring at least `threshold`, best first.

    Articles without vectors (not embedded yet) are left out rather than
    guessed at, vectors of different sizes are never compared, and
    translations of each other never pair.
    """
    groups: dict[tuple[str, int], list[str]] = {}
    for article in articles:
        rows = vectors.get(article.id)
        if rows is not None and np.size(rows):
            groups.setdefault((article.lang, np.shape(rows)[-1]), []).append(article.id)
    translations = {frozenset((a.id, a.translation_of)) for a in articles if a.translation_of}
    pairs = []
    for group in groups.values():
        pairs.extend(_pairs_in(*_signatures(group, vectors), threshold))
    pairs = [p for p in pairs if frozenset(p[:2]) not in translations]
    return sorted(pairs, key=lambda p: -p[2])


def _pairs_in(ids: list[str], signatures: np.ndarray, threshold: float) -> list[tuple[str, str, float]]:
    found = []
    for start in range(0, len(ids), BLOCK_ROWS):
        stop = min(start + BLOCK_ROWS, len(ids))
        scores = signatures[start:stop] @ signatures[start:].T
        scores[np.tril_indices(stop - start)] = -np.inf  # each pair once, never an article with itself
        for i, j in np.argwhere(scores >= threshold):
            found.append((ids[start + i], ids[start + j], float(scores[i, j])))
    return found
