"""Which terms a keyword query scores, whatever holds the postings.

The local whoosh index and a team's PostgreSQL both answer a query the same
way: the analysed query terms the folder knows, cut to the rarest
MAX_QUERY_TERMS for a pasted essay, scored by BM25; and, when that finds
little, a fuzzy pass for the words the folder has never seen (one or two
edits away, same first letter) at a lower weight. Only the term statistics
and the scoring differ between the two, so they are passed in.
"""
from __future__ import annotations

from typing import Callable, Iterable

ENOUGH_HITS = 5  # fewer exact hits than this and unknown words are retried fuzzily
MAX_QUERY_TERMS = 24  # a pasted essay is cut to its rarest words
MAX_FUZZY_WORDS = 3
FUZZY_WEIGHT = 0.6

Hit = tuple[str, float, frozenset]  # (article id, BM25 score, matched terms)


def rank_terms(terms: list[str], frequencies: Callable[[list[str]], dict[str, int]],
               score: Callable[[dict[str, float], int], list[Hit]],
               near: Callable[[str, int], Iterable[str]], limit: int) -> tuple[list[Hit], int]:
    """(hits, how many query terms the folder knows) for analysed `terms`.

    `frequencies(terms)`: each term's document frequency; `score(weights, limit)`: the
    top articles for weighted terms; `near(word, edits)`: indexed terms within
    `edits` of `word` that share its first letter."""
    frequency = frequencies(terms)
    known = [t for t in terms if frequency.get(t)]
    if len(known) > MAX_QUERY_TERMS:
        known = sorted(known, key=frequency.get)[:MAX_QUERY_TERMS]
    weights = dict.fromkeys(known, 1.0)
    hits = score(weights, limit)
    unknown = [t for t in terms if not frequency.get(t) and t.isascii() and t.isalpha() and len(t) >= 4]
    best = max((len(m) for _, _, m in hits), default=0)
    if unknown and (len(hits) < ENOUGH_HITS or best < len(terms) / 2):
        for word in sorted(unknown, key=len, reverse=True)[:MAX_FUZZY_WORDS]:
            for term in near(word, 1 if len(word) < 8 else 2):
                weights.setdefault(term, FUZZY_WEIGHT)
        hits = score(weights, limit)
    return hits, len(known)
