"""Hybrid search: keyword and semantic results fused, rolled up to articles.

Each side ranks chunks; an article takes the best score of its chunks on
each side. The two sides are then fused by a calibrated blend (cosine
similarity plus the keyword score relative to the best keyword score) or by
reciprocal-rank fusion; `bench/` measures both and the settings pick one.

Misspelt English words are corrected first (`kbassist.spelling`), for both
halves: the embedder reads "cancle my ordr" as another sentence.

An article in the other language than the query (Chinese for an English
message, or the reverse) can share no words with it, so it is scored, and
judged, by its closeness in meaning alone, unless the query holds a code or
number, which both languages write alike.

Confidence, used to say "nothing in the folder answers this", comes from how
close the best article is semantically and how many of the query's words it
contains, with an allowance for the message's length (both fall as chatter
grows around the question); a short query whose words the folder has never
seen and whose meaning is far from every chunk gets a low one.
"""
from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass
from typing import Callable, Collection, Mapping

import numpy as np

from ..index import synonyms
from ..index.analysis import RUN, index_term, query_terms
from ..index.backend import SearchIndex
from ..knowledge.model import Article
from ..textutil import CJK_CHAR, collapse_ws, detect_lang, readable_markdown
from .intents import WEIGHT as INTENT_WEIGHT
from .intents import IntentClassifier
from .model import SearchHit, SearchResult
from .spelling import Speller

MODES = ("hybrid", "keyword", "semantic")
CANDIDATES = 60
# Confidence added per e-fold of query words. Both halves of the confidence fall as a message grows:
# the share of its words an article holds (chatter, a complaint, a story around the question) and its
# cosine (the question is a smaller part of the sentence the embedder reads). A three-word question
# and a 25-word angry message about the same article otherwise land far apart. Chosen on northwind dev
# (bench/decisions.md): every value from 0.07 to 0.15 reached the same best balance, so the round one.
LENGTH_ALLOWANCE = 0.1


@dataclass(frozen=True)
class Filters:
    tags: tuple[str, ...] = ()
    product: str | None = None
    lang: str | None = None
    statuses: tuple[str, ...] = ("published",)

    def allows(self, article: Article) -> bool:
        if article.is_launch or article.status not in self.statuses:
            return False
        if self.product and article.product != self.product:
            return False
        if self.lang and article.lang != self.lang:
            return False
        return not self.tags or bool(set(self.tags) & set(article.tags))


@dataclass(frozen=True)
class Tuning:
    """Fusion settings; the defaults are the ones `bench/` chose on the dev sets."""

    fusion: str = "blend"  # "blend" | "rrf"
    semantic_weight: float = 0.8
    rrf_k: int = 60
    no_answer_confidence: float = 0.53


@dataclass
class Candidate:
    article_id: str
    kw: float = 0.0
    kw_rank: int = 0
    kw_terms: frozenset = frozenset()
    sem: float = 0.0
    sem_rank: int = 0
    sem_vid: int | None = None
    score: float = 0.0


@dataclass
class Ranking:
    """A query's candidates, best first, with what the confidence needs."""

    typed: str  # the query as given, whitespace collapsed
    query: str  # as searched: spelling corrected
    mode: str  # the mode that ran (semantic falls back to keyword without a model)
    lang: str
    terms: list[str]  # the analysed query terms of the keyword half ([] in semantic mode)
    words: int  # query words, for the length allowance
    candidates: list[Candidate]


class HybridSearcher:
    def __init__(self, index: SearchIndex, articles: Mapping[str, Article],
                 embed: Callable[[str], np.ndarray | None], tuning: Tuning,
                 intents: IntentClassifier | None = None):
        """`index`: the local index or a team's server (`kbassist.index.backend`); this class ranks either."""
        self.index = index
        self.articles, self.embed, self.tuning = articles, embed, tuning
        self.intents = intents  # the folder's own classifier (see search.intents), when it has one
        self.speller = Speller(index.has_word)

    def search(self, query: str, k: int = 5, mode: str = "hybrid", filters: Filters = Filters()) -> SearchResult:
        start = time.perf_counter()
        ranking = self.rank(query, mode, filters)
        ranked = ranking.candidates
        confidence = self.confidence(ranking, ranked[0]) if ranked else 0.0
        shared = ranking.terms or query_terms(self.index.analyzer, ranking.query)  # semantic mode: mark words too
        hits = tuple(self._hit(c, shared) for c in ranked[:k])
        took = (time.perf_counter() - start) * 1000
        return SearchResult(ranking.typed, ranking.mode, round(took, 2),
                            confidence < self.tuning.no_answer_confidence or not hits, hits, round(confidence, 4),
                            ranking.query if ranking.query != ranking.typed else "")

    def rank(self, query: str, mode: str = "hybrid", filters: Filters = Filters(),
             vector: np.ndarray | None = None) -> Ranking:
        """Every candidate article for `query`, scored and sorted, best first (`vector`: the query's,
        when the caller has embedded it already)."""
        typed = collapse_ws(query)
        spoken = self.speller.correct(typed)
        query = synonyms.load().normalise(spoken)  # for the keyword half; the embedder reads colloquial Chinese
        cands: dict[str, Candidate] = {}
        terms: list[str] = []
        if query and mode in ("hybrid", "keyword"):
            kw = self.index.keyword_candidates(query, CANDIDATES * 3)
            terms = kw.terms
            for hit in kw.hits:
                c = cands.setdefault(hit.article_id, Candidate(hit.article_id))
                c.kw, c.kw_terms = hit.score, hit.matched
        if vector is None and query and mode in ("hybrid", "semantic"):
            vector = self.embed(spoken)
        effective = mode if (vector is not None or mode == "keyword") else "keyword"
        if vector is not None:
            for vid, chunk_article, score in self.index.vector_candidates(vector, CANDIDATES * 3):
                c = cands.setdefault(chunk_article, Candidate(chunk_article))
                if score > c.sem:
                    c.sem, c.sem_vid = score, vid
        ranked = [c for c in cands.values() if (a := self.articles.get(c.article_id)) and filters.allows(a)]
        query_lang = detect_lang(query)
        self._fuse(ranked, effective, terms, query_lang)
        if self.intents is not None and effective == "hybrid":
            probabilities = self.intents.probabilities(vector)
            for c in ranked:
                c.score += INTENT_WEIGHT * probabilities.get(c.article_id, 0.0)
        ranked.sort(key=lambda c: c.score, reverse=True)
        words = len(terms or query_terms(self.index.analyzer, query))
        return Ranking(typed, query, effective, query_lang, terms, words, ranked)

    def _fuse(self, cands: list[Candidate], mode: str, terms: list[str], query_lang: str) -> None:
        for rank, c in enumerate(sorted((c for c in cands if c.kw > 0), key=lambda c: -c.kw), 1):
            c.kw_rank = rank
        for rank, c in enumerate(sorted((c for c in cands if c.sem_vid is not None), key=lambda c: -c.sem), 1):
            c.sem_rank = rank
        top_kw = max((c.kw for c in cands), default=0.0) or 1.0
        codes = any(ch.isdigit() for term in terms for ch in term)
        w = self.tuning.semantic_weight
        for c in cands:
            # In the blend, BM25 relative to the best hit is damped by the share of query words this
            # article contains: one common word of a long message should not outrank a close meaning.
            # Alone, plain BM25 order ranks better (banking77 R@1 0.667 vs 0.645, northwind 0.710 vs 0.684).
            kw_norm = c.kw / top_kw * _coverage(c, terms)
            if mode == "keyword":
                c.score = c.kw / top_kw
            elif mode == "semantic":
                c.score = c.sem
            elif self.tuning.fusion == "rrf":
                c.score = sum(1.0 / (self.tuning.rrf_k + r) for r in (c.kw_rank, c.sem_rank) if r)
            elif self._other_language(c, query_lang) and not codes:
                # It cannot share words with the query, so the keyword share would only ever pull it below
                # same-language articles of the same meaning: judged by meaning alone, as in the confidence.
                # A code or number (PR-392, E21) is written alike in both languages: with one in the query,
                # the articles that hold it are the evidence, and the blend stays (another model's article
                # in the other language would otherwise win on meaning).
                c.score = c.sem
            else:
                c.score = w * c.sem + (1 - w) * kw_norm

    def confidence(self, ranking: Ranking, best: Candidate) -> float:
        """How surely `best` answers: its closeness in meaning and its share of the query's words, plus
        an allowance for a long message, whose chatter dilutes both (see `LENGTH_ALLOWANCE`)."""
        coverage = _coverage(best, ranking.terms)
        if ranking.mode == "keyword":
            match = coverage
        elif ranking.mode == "semantic" or self._other_language(best, ranking.lang):
            # An article in the other language shares no words with the query: its closeness in meaning
            # is all there is to go on.
            match = best.sem
        else:
            match = 0.7 * best.sem + 0.3 * coverage
        return min(1.0, match + LENGTH_ALLOWANCE * math.log(max(1, ranking.words)))

    def _other_language(self, c: Candidate, query_lang: str) -> bool:
        """A Chinese article for an English query, or the reverse (a mixed one shares words with either)."""
        return {query_lang, self.articles[c.article_id].lang} == {"en", "zh"}

    def _hit(self, c: Candidate, terms: list[str]) -> SearchHit:
        """The article with its best section: the closest in meaning, else the one with most query words."""
        article = self.articles[c.article_id]
        if c.sem_vid is not None and (c.sem >= 0.5 or not c.kw_terms):
            chunk = self.index.chunk(c.sem_vid)
        else:
            chunk = self._best_keyword_chunk(c.article_id, set(terms))
        heading, line, text = (chunk.heading, chunk.line, chunk.text) if chunk else ("", 1, article.title)
        return SearchHit(article.id, article.title, article.path, heading, line, round(c.score, 4),
                         snippet(text, terms), article.lang, round(c.kw, 4), round(c.sem, 4), article.status)


    def _best_keyword_chunk(self, article_id: str, terms: set[str]):
        chunks = self.index.chunks_of_article(article_id)
        if not chunks:
            return None
        return max(chunks, key=lambda ch: (len(terms & set(query_terms(self.index.analyzer, ch.text))),
                                           ch.kind == "section"))


def _coverage(c: Candidate, terms: list[str]) -> float:
    """Share of the analysed query terms found in the candidate's best keyword chunk."""
    return len(c.kw_terms & set(terms)) / len(terms) if terms else 0.0


def snippet(text: str, terms: Collection[str], width: int = 160) -> str:
    """A window of the chunk around the first query word, the words it shares with the query in ** **.

    Words are compared as the index compares them (stemmed, stop words left out), so "refunds" is
    marked for "refund" while "the", and the "lock" inside "clock", are not.
    """
    body = collapse_ws(readable_markdown(text.split("\n", 1)[1] if "\n" in text else text))
    spans = _shared_words(body, set(terms))
    if not spans:
        return body[:width]
    start = max(0, spans[0][0] - width // 3)
    start = body.rfind(" ", 0, start) + 1 if start else 0  # open on a whole word
    end = start + width
    parts, at = [], start
    for first, last in spans:
        if first >= at and last <= end:
            parts += [body[at:first], "**", body[first:last], "**"]
            at = last
    parts.append(body[at:end])
    return ("…" if start else "") + "".join(parts) + ("…" if end < len(body) else "")


def _shared_words(body: str, terms: set[str]) -> list[tuple[int, int]]:
    """Spans of `body` holding a query term: Latin words by their index term, Chinese words (and the
    two-character parts of longer ones, as the index splits them) wherever they occur."""
    spans = [m.span(2) for m in RUN.finditer(body) if m.group(2) and index_term(m.group(2)) in terms]
    chinese = {t for t in terms if len(t) >= 2 and CJK_CHAR.match(t)}
    chinese |= {t[i:i + 2] for t in chinese for i in range(len(t) - 1)}
    if chinese:
        pattern = re.compile("|".join(sorted(map(re.escape, chinese), key=len, reverse=True)))
        spans += [m.span() for m in pattern.finditer(body)]
    return sorted(spans)
