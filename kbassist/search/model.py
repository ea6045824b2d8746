"""What a search returns: articles ranked, each pointing at its best section."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchHit:
    """One article in a result list, pointing at its best section."""

    id: str
    title: str
    path: str
    heading: str
    line: int
    score: float
    snippet: str
    lang: str
    keyword_score: float = 0.0
    semantic_score: float = 0.0
    status: str = "published"  # draft or archived when the search asked for those too


@dataclass(frozen=True)
class SearchResult:
    query: str
    mode: str
    took_ms: float
    no_answer: bool
    hits: tuple[SearchHit, ...]
    confidence: float = 0.0
    corrected: str = ""  # the query as searched, when spelling correction changed it
