"""An agent's copy of the postings its queries use: BM25 scored here, with numpy, over arrays read once.

Summing BM25 in SQL read every posting of every query term on every
search: at 10,000 articles a query's common words held 15,000 postings and
the statement took 23 ms (100 ms for the longest), growing with the folder.
The local index had met the same wall and answered it the same way
(`index.bm25`): a term's postings are read once into arrays and kept.

Here they are kept per term until an article holding the term changes. The
searcher tells this cache which articles a write touched (`forget`): their
document numbers die (postings still cached for them are masked out), and
the terms of their new versions are read again at their next use. Scores
are the local index's: the same formula (`index.bm25`) over the same terms.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from ..index.bm25 import B, K1, idf
from ..index.term_query import Hit
from .connection import Reader

MAX_POSTINGS = 8_000_000  # kept at most (about 100 MB); the least recently used terms go first


class PostingsCache:
    def __init__(self, reader: Reader):
        self.reader = reader
        self._lock = threading.Lock()
        self._numbers: dict[str, int] = {}  # live article id -> its document number here
        self._ids: list[str] = []  # document number -> article id
        self._live = np.zeros(0, dtype=bool)
        self._lengths = np.zeros(0, dtype=np.float32)
        self._terms: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._held = 0

    def forget(self, article_ids: list[str], terms: list[str] | None) -> None:
        """Articles written or removed since: their numbers die, and `terms` (those of their new versions;
        None: unknown, so all) are read again at their next use."""
        with self._lock:
            if len(self._ids) > 2 * len(self._numbers) + 100_000:  # mostly dead numbers: start afresh
                self.__init__(self.reader)
                return
            for article_id in article_ids:
                number = self._numbers.pop(article_id, None)
                if number is not None:
                    self._live[number] = False
            for term in list(self._terms) if terms is None else terms:
                docs, _ = self._terms.pop(term, (np.zeros(0), None))
                self._held -= len(docs)

    def score(self, weights: dict[str, float], frequencies: dict[str, int], documents: int, average: float,
              limit: int) -> list[Hit]:
        """Top `limit` (article id, BM25, matched terms) for weighted terms; `frequencies`: each term's df."""
        if not weights or not documents:
            return []
        postings = self._postings(list(weights))
        with self._lock:
            live, lengths, ids = self._live, self._lengths, self._ids
        scores = np.zeros(len(live), dtype=np.float32)
        matched: dict[str, np.ndarray] = {}
        for term, weight in weights.items():
            docs, tfs = postings.get(term, (None, None))
            if docs is None or len(docs) == 0:
                continue
            keep = live[docs]
            docs, tfs = docs[keep], tfs[keep]
            norm = K1 * (1 - B + B * lengths[docs] / average)
            scores[docs] += weight * idf(documents, frequencies.get(term, len(docs))) * tfs * (K1 + 1) / (tfs + norm)
            matched[term] = docs
        hit = np.flatnonzero(scores)
        top = hit[np.argsort(-scores[hit], kind="stable")[:limit]]
        terms_of = {int(d): set() for d in top}
        for term, docs in matched.items():
            for d in docs[np.isin(docs, top)]:
                terms_of[int(d)].add(term)
        return [(ids[d], float(scores[d]), frozenset(terms_of[int(d)])) for d in top]

    def _postings(self, terms: list[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        with self._lock:
            found = {t: self._terms[t] for t in terms if t in self._terms}
            for term in found:
                self._terms.move_to_end(term)
        missing = [t for t in terms if t not in found]
        if missing:
            rows = self.reader.rows("SELECT term, array_agg(article_id), array_agg(tf), array_agg(length) "
                                    "FROM kb_postings WHERE term = ANY(%s) GROUP BY term", (missing,))
            with self._lock:
                for term, article_ids, tfs, lengths in rows:
                    docs = np.fromiter((self._number(a, n) for a, n in zip(article_ids, lengths, strict=True)),
                                       dtype=np.int64, count=len(article_ids))
                    found[term] = self._terms[term] = (docs, np.asarray(tfs, dtype=np.float32))
                    self._held += len(docs)
                while self._held > MAX_POSTINGS and len(self._terms) > 1:
                    _, (docs, _) = self._terms.popitem(last=False)
                    self._held -= len(docs)
        return found

    def _number(self, article_id: str, length: float) -> int:
        """The document number of a live article (a new one for an article first seen or written again)."""
        number = self._numbers.get(article_id)
        if number is None:
            number = self._numbers[article_id] = len(self._ids)
            self._ids.append(article_id)
            if number >= len(self._live):
                grow = max(1024, len(self._live))
                self._live = np.concatenate([self._live, np.zeros(grow, dtype=bool)])
                self._lengths = np.concatenate([self._lengths, np.zeros(grow, dtype=np.float32)])
            self._live[number] = True
            self._lengths[number] = length
        return number
