"""The keyword half of the hybrid index: whoosh, one document per chunk.

Fields are weighted so a match in an article's title or its listed customer
questions counts more than one in the body. English typos are forgiven by a
fuzzy fallback that only kicks in for query words the index has never seen,
so correctly spelled queries pay nothing for it.
"""
from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from whoosh import index as whoosh_index
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.query import FuzzyTerm, Or, Term
from whoosh.scoring import BM25F

from .analysis import mixed_analyzer, query_terms, warm_up
from .store import StoredChunk

FIELD_BOOSTS = {"title": 3.0, "questions": 2.5, "heading": 1.5, "body": 1.0}


def make_schema() -> Schema:
    analyzer = mixed_analyzer()
    return Schema(
        vid=NUMERIC(stored=True, unique=True, bits=64, signed=True),
        path=ID(stored=False),
        article_id=ID(stored=True),
        title=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["title"]),
        questions=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["questions"]),
        heading=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["heading"]),
        body=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["body"]),
        kind=STORED(),
    )


@dataclass(frozen=True)
class KeywordHit:
    vid: int
    article_id: str
    score: float
    matched: frozenset[str]  # query terms found in this chunk


@dataclass(frozen=True)
class KeywordResult:
    hits: list[KeywordHit]
    terms: list[str]  # the analysed query terms
    known_terms: int  # how many of them occur anywhere in the folder


class KeywordIndex:
    """Owns the whoosh directory; searches use one cached searcher refreshed after writes."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._analyzer = mixed_analyzer()
        warm_up()
        self._ix = self._open_or_create()
        self._searcher = self._ix.searcher(weighting=BM25F())

    def _open_or_create(self):
        if whoosh_index.exists_in(str(self.directory)):
            return whoosh_index.open_dir(str(self.directory))
        self.directory.mkdir(parents=True, exist_ok=True)
        return whoosh_index.create_in(str(self.directory), make_schema())

    @staticmethod
    def discard(directory: Path) -> None:
        shutil.rmtree(directory, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            self._searcher.close()
            self._ix.close()

    def doc_count(self) -> int:
        return self._searcher.doc_count()

    def replace(self, remove_paths: Iterable[str], chunks: Iterable[StoredChunk], titles: dict[str, str]) -> None:
        """Delete every chunk of `remove_paths`, add `chunks`, commit once."""
        writer = self._ix.writer(limitmb=128)
        try:
            for path in remove_paths:
                writer.delete_by_term("path", path)
            for c in chunks:
                body = c.text.split("\n", 1)[1] if "\n" in c.text else ""
                writer.add_document(
                    vid=c.vid, path=c.path, article_id=c.article_id, title=titles.get(c.article_id, ""),
                    questions=body if c.kind == "head" else "", heading=c.heading,
                    body="" if c.kind == "head" else body, kind=c.kind,
                )
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        with self._lock:
            # A fresh searcher rather than refresh(): refresh fails on an index that was empty.
            # The old one is left to the garbage collector, as a search may still be using it.
            self._searcher = self._ix.searcher(weighting=BM25F())

    def search(self, text: str, limit: int = 50) -> KeywordResult:
        terms = query_terms(self._analyzer, text)
        if not terms:
            return KeywordResult([], [], 0)
        with self._lock:
            searcher = self._searcher
        reader = searcher.reader()
        clauses = []
        known = 0
        for term in terms:
            seen = any(reader.doc_frequency(f, term) for f in FIELD_BOOSTS)
            known += seen
            for field in FIELD_BOOSTS:
                if seen:
                    clauses.append(Term(field, term))
                elif term.isascii() and term.isalpha() and len(term) >= 4:
                    clauses.append(FuzzyTerm(field, term, boost=0.6, maxdist=1 if len(term) < 8 else 2))
        if not clauses:
            return KeywordResult([], terms, 0)
        results = searcher.search(Or(clauses), limit=limit, terms=True)
        hits = []
        for r in results:
            matched = frozenset(t.decode() if isinstance(t, bytes) else t for _, t in r.matched_terms())
            hits.append(KeywordHit(r["vid"], r["article_id"], float(r.score), matched))
        return KeywordResult(hits, terms, known)
