"""What the hybrid search needs from an index, and the local index that provides it.

`HybridSearcher` (fusion, confidence, snippets), the no-answer calibration,
triage and suggestions sit above this seam and never learn which index
answers: the local one (whoosh for keywords, faiss for vectors, SQLite for
chunks, `LocalSearchIndex` here) or a team's PostgreSQL (`kbassist.server`).
Each side returns candidates already scored the same way (BM25 over the
engine's own analysed terms, cosine of unit vectors), so fusion and the
calibrated thresholds mean the same on both.
"""
from __future__ import annotations

from typing import Protocol

import numpy as np

from .keyword import KeywordIndex, KeywordResult
from .store import Store, StoredChunk
from .vectors import VectorIndex


class SearchIndex(Protocol):
    """The read side of an index, as the search layer uses it."""

    analyzer: object  # the engine's analyser (`analysis.mixed_analyzer`): query terms are cut the same way

    def keyword_candidates(self, query: str, limit: int) -> KeywordResult:
        """Articles ranked by BM25 over the analysed query terms, each with the terms it matched."""
        ...

    def has_word(self, word: str) -> bool:
        """Whether some article holds `word` as analysed (the speller leaves such words alone)."""
        ...

    def vector_candidates(self, vector: np.ndarray, k: int) -> list[tuple[int, str, float]]:
        """The `k` chunks closest to `vector`: (chunk id, article id, cosine), closest first."""
        ...

    def chunk(self, vid: int) -> StoredChunk | None: ...

    def chunks_of_article(self, article_id: str) -> list[StoredChunk]: ...

    def article_vectors(self) -> dict[str, np.ndarray]:
        """Each article's chunk vectors, head first (the calibration's held-out probes)."""
        ...


class LocalSearchIndex:
    """`SearchIndex` over one index directory's store, whoosh index and faiss index."""

    def __init__(self, store: Store, keyword: KeywordIndex, vectors: VectorIndex):
        self.store, self.keyword, self.vectors = store, keyword, vectors
        self.analyzer = keyword.analyzer

    def keyword_candidates(self, query: str, limit: int) -> KeywordResult:
        return self.keyword.search(query, limit)

    def has_word(self, word: str) -> bool:
        return self.keyword.has_word(word)

    def vector_candidates(self, vector: np.ndarray, k: int) -> list[tuple[int, str, float]]:
        found = self.vectors.search(vector, k)
        owners = self.store.article_ids_of([vid for vid, _ in found])  # one look-up, not one per chunk
        return [(vid, owners[vid], score) for vid, score in found if vid in owners]

    def chunk(self, vid: int) -> StoredChunk | None:
        return self.store.chunk(vid)

    def chunks_of_article(self, article_id: str) -> list[StoredChunk]:
        return self.store.chunks_of_article(article_id)

    def article_vectors(self) -> dict[str, np.ndarray]:
        return self.store.article_vectors(self.vectors.dim)
