"""Plain BM25 as a peer: the floor any search feature has to beat.

rank-bm25's `BM25Okapi` (k1=1.5, b=0.75) over whole articles, front matter
included, with the shared tokenizer (`tokens.tokens`: lowercase words, jieba
for Chinese, no stop words). Articles scoring 0 are not returned. Queries
run in this process, so the time per query is the scoring alone.
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from . import Ranked, article_id
from .tokens import tokens


class Bm25Peer:
    name = "bm25"

    def __init__(self):
        self.ids: list[str] = []
        self.model: BM25Okapi | None = None

    def build(self, folder: Path) -> dict:
        start = time.perf_counter()
        folder = Path(folder)
        paths = sorted(p for p in folder.rglob("*.md")
                       if not any(part.startswith(".") for part in p.relative_to(folder).parts))
        corpus = [tokens(p.read_text(encoding="utf-8", errors="replace")) for p in paths]
        self.ids = [article_id(p, folder) for p in paths]
        self.model = BM25Okapi(corpus) if corpus else None
        return {"build_s": time.perf_counter() - start, "articles": len(self.ids)}

    def search(self, query: str, k: int) -> Ranked:
        start = time.perf_counter()
        terms = tokens(query)
        if self.model is None or not terms:
            return Ranked((), True, (time.perf_counter() - start) * 1000)
        scores = self.model.get_scores(terms)
        top = np.argsort(-scores, kind="stable")[:k]
        ranked = tuple(self.ids[i] for i in top if scores[i] > 0)
        return Ranked(ranked, not ranked, (time.perf_counter() - start) * 1000)
