"""The server's side of `index.backend.SearchIndex`: BM25 over the stored terms, HNSW over the vectors.

Keyword ranking is the engine's BM25 over `kb_postings` (term counts and
article lengths from the engine's own analyser) with document frequencies
from `kb_terms`: the same formula and the same terms as the local index, so
fusion, confidence and the calibrated no-answer threshold mean the same on
both. It is scored on the agent's side over postings read once per term
(`postings`); bench/SERVER.md compares it with PostgreSQL's `ts_rank_cd`.

Each read is a statement of its own, against the last committed state. The
app keeps article summaries in memory (filters, freshness); before the
candidates of a search are read, the write generation is looked at (at most
every REFRESH_S) and the summaries of articles written since are fetched,
so an agent's app sees an indexer's save within about a second.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

import numpy as np
from pgvector import HalfVector
from rapidfuzz.distance import Levenshtein

from ..index.analysis import mixed_analyzer, query_terms
from ..index.keyword import KeywordHit, KeywordResult
from ..index.store import StoredChunk
from ..index.term_query import Hit, rank_terms
from ..knowledge.model import Article
from .postings import PostingsCache
from .store import ServerStore

REFRESH_S = 0.25  # how stale an agent's view of the server may be, at most
CACHED_CHUNKS = 20_000  # chunk look-ups kept between writes (the best section of each hit)
FORGET_TERMS_OF = 1_000  # articles written since the last look: past this, every cached posting is dropped



class ServerSearchIndex:
    def __init__(self, store: ServerStore, generation: int,
                 on_articles: Callable[[list[Article], list[str]], None]):
        """`generation`: the write generation the caller's summaries are from; `on_articles(fresh, removed)`
        brings them up to date."""
        self.store, self.reader = store, store.reader
        self.analyzer = mixed_analyzer()
        self._on_articles = on_articles
        self._lock = threading.Lock()
        self._generation, self._checked = generation, 0.0
        self._documents, self._average = 0, 1.0
        # Answers that hold until the next write: words the folder has, chunks, each article's chunks.
        self._words: dict[str, bool] = {}
        self._chunks: dict[int, StoredChunk | None] = {}
        self._article_chunks: dict[str, list[StoredChunk]] = {}
        self._postings = PostingsCache(self.reader)
        self._read_statistics()

    # -- staying current -------------------------------------------------------------------
    def refresh(self) -> None:
        """Apply what the indexer committed since the last look (at most every REFRESH_S)."""
        with self._lock:
            if time.monotonic() - self._checked < REFRESH_S:
                return
            self._checked = time.monotonic()
            if self.store.generation() == self._generation:
                return
            generation, fresh, removed = self.store.changes_since(self._generation)
            written = [a.id for a in fresh]
            self._postings.forget(written + removed,
                                  self.store.terms_of(written) if len(written) <= FORGET_TERMS_OF else None)
            self._on_articles(fresh, removed)
            self._generation = generation
            self._words, self._chunks, self._article_chunks = {}, {}, {}
            self._read_statistics()

    def _read_statistics(self) -> None:
        values = dict(self.reader.rows("SELECT key, value FROM kb_meta WHERE key IN ('documents', 'total_length')"))
        self._documents = int(values.get("documents") or 0)
        self._average = int(values.get("total_length") or 0) / self._documents if self._documents else 1.0

    # -- keywords ---------------------------------------------------------------------------
    def keyword_candidates(self, query: str, limit: int) -> KeywordResult:
        self.refresh()
        terms = query_terms(self.analyzer, query)
        frequencies: dict[str, int] = {}

        def known(words: list[str]) -> dict[str, int]:
            frequencies.update(self.reader.rows("SELECT term, df FROM kb_terms WHERE term = ANY(%s)", (words,)))
            return frequencies

        def near(word: str, edits: int) -> list[str]:
            rows = self.reader.rows(
                "SELECT term, df FROM kb_terms WHERE term LIKE %s AND length(term) BETWEEN %s AND %s",
                (word[0] + "%", len(word) - edits, len(word) + edits))
            close = {t: df for t, df in rows if Levenshtein.distance(word, t, score_cutoff=edits) <= edits}
            frequencies.update(close)
            return list(close)

        hits, known_count = rank_terms(terms, known, lambda weights, n: self._bm25(weights, frequencies, n),
                                       near, limit) if terms else ([], 0)
        return KeywordResult([KeywordHit(*hit) for hit in hits], terms, known_count)

    def _bm25(self, weights: dict[str, float], frequencies: dict[str, int], limit: int) -> list[Hit]:
        return self._postings.score(weights, frequencies, self._documents, self._average, limit)

    def has_word(self, word: str) -> bool:
        self.refresh()
        answer = self._words.get(word)
        if answer is None:
            terms = query_terms(self.analyzer, word)
            answer = bool(terms) and self.reader.rows(
                "SELECT count(*) FROM kb_terms WHERE term = ANY(%s) AND df > 0", (terms,))[0][0] == len(terms)
            if len(self._words) > CACHED_CHUNKS:
                self._words = {}
            self._words[word] = answer
        return answer

    # -- vectors and chunks ------------------------------------------------------------------
    def vector_candidates(self, vector: np.ndarray, k: int) -> list[tuple[int, str, float]]:
        self.refresh()
        rows = self.reader.rows("SELECT vid, article_id, embedding <#> %(v)s FROM kb_chunks "
                                "ORDER BY embedding <#> %(v)s LIMIT %(k)s",
                                {"v": HalfVector(np.asarray(vector, dtype=np.float32)), "k": k})
        return [(vid, article_id, -float(distance)) for vid, article_id, distance in rows if distance is not None]

    def chunk(self, vid: int) -> StoredChunk | None:
        if vid not in self._chunks:
            if len(self._chunks) > CACHED_CHUNKS:
                self._chunks = {}
            self._chunks[vid] = self.store.chunk(vid)
        return self._chunks[vid]

    def chunks_of_article(self, article_id: str) -> list[StoredChunk]:
        if article_id not in self._article_chunks:
            if len(self._article_chunks) > CACHED_CHUNKS // 8:
                self._article_chunks = {}
            self._article_chunks[article_id] = self.store.chunks_of_article(article_id)
        return self._article_chunks[article_id]

    def article_vectors(self) -> dict[str, np.ndarray]:
        return self.store.article_vectors()
