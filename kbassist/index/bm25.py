"""BM25 over whoosh's postings, scored with numpy.

whoosh stores the keyword index (segments, atomic commits, the term
dictionary, fuzzy term lookup), but its scorer walks every posting in
Python through a tree of matchers: about 60 ms per chat message at 10,000
articles on this machine. Here each query term's postings are read once
into arrays (document numbers, term frequencies) and kept; scoring a query
is then a few vectorised additions.

The arrays are kept per segment (`SegmentPostings`): a segment's files never
change once written, only its set of deleted documents does. A write adds a
small segment, so the next `PostingScorer` reads that one alone and reuses
the rest. When the whole cache was rebuilt after each save, the first search
after it took over a second at 50,000 articles, and every common word's
postings were read again (50-150 ms each).
"""
from __future__ import annotations

import math
import threading
from functools import lru_cache

import numpy as np

K1 = 1.2
B = 0.75
_EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))


def idf(documents: int, frequency: int) -> float:
    """BM25's inverse document frequency of a term held by `frequency` of `documents` (never negative)."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


class SegmentPostings:
    """One segment's document lengths, keys and term postings, read from `reader` when first needed."""

    def __init__(self, reader, field: str, key_field: str):
        self.reader, self.field = reader, field
        total = reader.doc_count_all()
        self.lengths = np.array([reader.doc_field_length(i, field, 0) for i in range(total)], dtype=np.float32)
        self.keys = [None] * total  # None: deleted when this was read (deletions are never undone)
        for docnum, stored in reader.iter_docs():
            self.keys[docnum] = stored.get(key_field)
        self.present = np.array([k is not None for k in self.keys], dtype=bool)
        self._lock = threading.Lock()
        self.postings = lru_cache(maxsize=20_000)(self._read_postings)

    def _read_postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers in this segment, term frequencies); later deletions are filtered by the caller."""
        if not self.reader.doc_frequency(self.field, term):
            return _EMPTY
        with self._lock:  # a whoosh matcher is not safe to share between threads
            items = list(self.reader.postings(self.field, term).items_as("frequency"))
        ids = np.fromiter((i for i, _ in items), dtype=np.int64, count=len(items))
        freqs = np.fromiter((f for _, f in items), dtype=np.float32, count=len(items))
        return ids, freqs


class PostingScorer:
    """BM25 over the segments of one reader, each segment's arrays taken from `cache` when it has them.

    `cache` (segment id -> SegmentPostings) is updated: segments new to it are added."""

    def __init__(self, reader, field: str, key_field: str, cache: dict[str, SegmentPostings]):
        self.reader = reader
        self._parts: list[tuple[SegmentPostings, int, np.ndarray]] = []  # (segment, first docnum, live)
        keys: list = []
        for leaf, base in reader.leaf_readers():
            if leaf.segment() is None:
                continue  # whoosh's empty reader: an index with no segment yet (a first build killed early)
            segment_id = leaf.segment().segment_id()
            segment = cache.get(segment_id)
            if segment is None:
                segment = cache[segment_id] = SegmentPostings(leaf, field, key_field)
            live = segment.present.copy()
            live[np.fromiter(leaf.segment().deleted_docs(), dtype=np.int64)] = False  # deleted since
            self._parts.append((segment, base, live))
            keys += segment.keys
        self.keys = keys
        lengths = np.concatenate([segment.lengths for segment, _, _ in self._parts] or [np.zeros(0, np.float32)])
        live = np.concatenate([live for _, _, live in self._parts] or [np.zeros(0, bool)])
        self.count = int(live.sum())
        self.average = float(lengths[live].mean()) if self.count else 1.0
        self.norm = K1 * (1 - B + B * lengths / self.average)
        self.postings = lru_cache(maxsize=20_000)(self._live_postings)

    def frequency(self, term: str) -> int:
        """How many live documents contain `term` (from the cached postings: no index read after the first)."""
        return len(self.postings(term)[0])

    def _live_postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The term's live postings in this reader's document numbers."""
        ids, freqs = [], []
        for segment, base, live in self._parts:
            local, counts = segment.postings(term)
            keep = live[local]
            ids.append(local[keep] + base)
            freqs.append(counts[keep])
        if not ids:
            return _EMPTY
        return np.concatenate(ids), np.concatenate(freqs)

    def score(self, weighted_terms: dict[str, float], limit: int) -> list[tuple[str, float, frozenset[str]]]:
        """Top `limit` (key, BM25 score, matched terms) for terms with query-side weights."""
        if not weighted_terms or not self.count:
            return []
        scores = np.zeros(len(self.keys), dtype=np.float32)
        per_term = {}
        norm = self.norm
        for term, weight in weighted_terms.items():
            ids, freqs = self.postings(term)
            if len(ids) == 0:
                continue
            scores[ids] += weight * idf(self.count, len(ids)) * freqs * (K1 + 1) / (freqs + norm[ids])
            per_term[term] = ids
        hit = np.flatnonzero(scores)
        if len(hit) == 0:
            return []
        top = hit[np.argsort(-scores[hit])[:limit]]
        matched = {int(d): set() for d in top}
        for term, ids in per_term.items():
            for d in ids[np.isin(ids, top)]:
                matched[int(d)].add(term)
        return [(self.keys[d], float(scores[d]), frozenset(matched[int(d)])) for d in top]
