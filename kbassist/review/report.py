"""`run_review`: every review rule over a folder's articles, as of one date.

Published articles get reasons and form the queue; drafts and archived
articles are only listed (they are not offered to agents, so nothing in
them can mislead a customer yet). Launch notes are inputs, not items.
"""
from __future__ import annotations

import datetime as dt
from typing import Mapping, Sequence

import numpy as np

from ..errors import Problem
from ..knowledge.model import Article
from .duplicates import DUPLICATE_THRESHOLD, similar_pairs
from .facts import article_facts, conflict_detail
from .freshness import launch_notes, schedule_reasons
from .links import LinkTargets, broken_links
from .model import Gap, Reason, ReviewItem, ReviewReport
from .translations import missing_translations, translation_outdated


def item_for(article: Article, reasons: Sequence[Reason] = ()) -> ReviewItem:
    return ReviewItem(article.id, article.title, article.owner, article.path, tuple(reasons), article.lang)


def run_review(articles: Sequence[Article], *, as_of: dt.date, vectors: Mapping[str, np.ndarray] | None,
               default_every_days: int = 90, problems: Sequence[Problem] = (),
               content_gaps: Sequence[Gap] = (),
               duplicate_threshold: float = DUPLICATE_THRESHOLD) -> ReviewReport:
    """The weekly review as of `as_of`.

    `vectors` maps article id to its chunk vectors (head row first), as the
    engine stores them; None skips the duplicate and conflict rules.
    """
    launches, launch_problems = launch_notes(articles)
    documents = [a for a in articles if not a.is_launch]
    published = [a for a in documents if a.status == "published"]
    targets = LinkTargets(articles)
    by_id = {a.id: a for a in documents}
    reasons: dict[str, list[Reason]] = {
        a.id: [*schedule_reasons(a, launches, as_of, default_every_days),
               *broken_links(a, targets), *translation_outdated(a, by_id)]
        for a in published
    }
    if vectors:
        for key, reason in _duplicate_reasons(published, vectors, duplicate_threshold):
            reasons[key].append(reason)
    untranslated, translation_problems = missing_translations(documents)
    items = [item_for(a, reasons[a.id]) for a in published if reasons[a.id]]
    return ReviewReport(
        as_of=as_of,
        items=tuple(sorted(items, key=lambda i: (i.owner or "", i.id))),
        missing_translation=tuple(sorted((item_for(a, [r]) for a, r in untranslated), key=lambda i: i.id)),
        drafts=tuple(item_for(a) for a in documents if a.status == "draft"),
        archived=tuple(item_for(a) for a in documents if a.status == "archived"),
        content_gaps=tuple(content_gaps),
        problems=(*problems, *launch_problems, *translation_problems),
    )


def _duplicate_reasons(published: Sequence[Article], vectors: Mapping[str, np.ndarray],
                       threshold: float) -> list[tuple[str, Reason]]:
    """Both members of a pair point at each other; a pair quoting different numbers also conflicts."""
    by_id = {a.id: a for a in published}
    facts: dict[str, dict[str, set[str]]] = {}
    found = []
    for first, second, score in similar_pairs(published, vectors, threshold):
        for mine, other in ((first, second), (second, first)):
            found.append((mine, Reason.of(f"duplicate:{other}", other=other, score=round(score, 4))))
            for key in (mine, other):
                if key not in facts:
                    facts[key] = article_facts(by_id[key])
            detail = conflict_detail(facts[mine], facts[other])
            if detail:
                found.append((mine, Reason.of(f"conflict:{other}", numbers=detail, other=other)))
    return found
