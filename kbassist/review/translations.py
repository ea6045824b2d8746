"""Translation rules: topics written in one language, translations behind their source.

A topic is the set of articles joined by `translation_of` (in either
direction, transitively). In a folder that uses only one language every
topic is "untranslated", which tells the editors nothing, so the rule only
runs when the folder holds at least two languages.
"""
from __future__ import annotations

from typing import Sequence

from ..errors import Problem
from ..knowledge.model import Article
from .model import INFO, Reason


def _topics(articles: Sequence[Article]) -> tuple[list[list[Article]], list[Problem]]:
    by_id = {a.id: a for a in articles}
    parent = {a.id: a.id for a in articles}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    problems = []
    for article in articles:
        source = article.translation_of
        if not source or source == article.id:
            continue
        if source not in by_id:
            problems.append(Problem.of(article.path, 1, "translation_source_missing", source=source))
            continue
        parent[root(article.id)] = root(source)
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(root(article.id), []).append(article)
    return list(groups.values()), problems


def missing_translations(articles: Sequence[Article]) -> tuple[list[tuple[Article, Reason]], list[Problem]]:
    """(article, reason) for every article whose topic exists in one language only."""
    articles = [a for a in articles if not a.is_launch]
    if len({a.lang for a in articles}) < 2:
        return [], []
    langs = sorted({a.lang for a in articles})
    topics, problems = _topics(articles)
    found = []
    for topic in topics:
        present = {a.lang for a in topic}
        if len(present) == 1:
            missing = ", ".join(lang for lang in langs if lang not in present)
            for article in topic:
                found.append((article, Reason.of("missing_translation", INFO, lang=article.lang, missing=missing)))
    return found, problems


def translation_outdated(article: Article, by_id: dict[str, Article]) -> tuple[Reason, ...]:
    """A translation last confirmed before its source was: the source may have changed since."""
    source = by_id.get(article.translation_of or "")
    if source is None or source.id == article.id or article.reviewed is None or source.reviewed is None:
        return ()
    if article.reviewed >= source.reviewed:
        return ()
    return (Reason.of("translation_outdated", reviewed=article.reviewed.isoformat(), source=source.id,
                      source_reviewed=source.reviewed.isoformat()),)
