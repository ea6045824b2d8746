"""Date rules: is an article overdue, expired, or overtaken by a product launch?

`freshness()` is the part the suggestion engine and the app call before an
article is offered to an agent, so it is cheap and needs nothing but the
article and the launch notes. The weekly review adds two softer signals
(`never_reviewed`, `expiring_soon`) through `schedule_reasons()`.

Comparisons are strict where the format says "before": an article whose due
date or expiry date is today is not yet late, and an article reviewed on the
launch day counts as checked against the launch.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Sequence

from ..errors import Problem
from ..knowledge.model import Article
from .model import INFO, Reason

EXPIRING_SOON_DAYS = 14


def launch_notes(articles: Iterable[Article]) -> tuple[tuple[Article, ...], tuple[Problem, ...]]:
    """Launch notes that can affect articles; a note without a date is reported, not guessed."""
    usable: list[Article] = []
    problems: list[Problem] = []
    for article in articles:
        if not article.is_launch or article.status == "draft":
            continue
        if article.date is None:
            problems.append(Problem.of(article.path, 1, "launch_without_date"))
        else:
            usable.append(article)
    return tuple(usable), tuple(problems)


def freshness(article: Article, launches: Sequence[Article], as_of: dt.date,
              default_every_days: int = 90) -> tuple[Reason, ...]:
    """Overdue, expired and launch reasons for one article, as of `as_of`."""
    reasons: list[Reason] = []
    every = article.review_every_days or default_every_days
    if article.reviewed is not None:
        due = article.reviewed + dt.timedelta(days=every)
        if due < as_of:
            reasons.append(Reason.of("review_overdue", reviewed=article.reviewed.isoformat(), every=every,
                                     due=due.isoformat()))
    if article.expires is not None and article.expires < as_of:
        reasons.append(Reason.of("expired", date=article.expires.isoformat()))
    reasons.extend(_launch_reasons(article, launches, as_of))
    return tuple(reasons)


def schedule_reasons(article: Article, launches: Sequence[Article], as_of: dt.date,
                     default_every_days: int = 90) -> tuple[Reason, ...]:
    """`freshness()` plus never-reviewed and expiring-soon, for the weekly review."""
    reasons = list(freshness(article, launches, as_of, default_every_days))
    if article.reviewed is None:
        reasons.insert(0, Reason.of("never_reviewed"))
    if article.expires is not None and as_of <= article.expires <= as_of + dt.timedelta(EXPIRING_SOON_DAYS):
        days = (article.expires - as_of).days
        reasons.append(Reason.of("expiring_soon", INFO, date=article.expires.isoformat(), days=days))
    return tuple(reasons)


def _launch_reasons(article: Article, launches: Sequence[Article], as_of: dt.date) -> list[Reason]:
    """A launch matters when it touches the article's product or tags and came after its review.

    An article never reviewed has never been checked against any launch, so
    every past launch that touches it counts.
    """
    subjects = set(article.tags) | ({article.product} if article.product else set())
    reasons = []
    for launch in launches:
        if launch.id == article.id or launch.date is None or launch.date > as_of:
            continue
        shared = subjects.intersection(launch.affects)
        if shared and (article.reviewed is None or launch.date > article.reviewed):
            reasons.append(Reason.of(f"launch:{launch.id}", title=launch.title, date=launch.date.isoformat(),
                                     affects=", ".join(sorted(shared))))
    return reasons
