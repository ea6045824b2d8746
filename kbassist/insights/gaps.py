"""The content gaps of a week, from the private log: this week's kept messages against the week before.

One function for the weekly review and for Insights, so both show the same
clusters. Kept messages are the log's gap texts (masked): unanswered, weakly
answered, or answered with a heavily rewritten reply.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from ..assist.history_model import LoggedEvent
from ..review.gaps import GAP_WINDOW_DAYS, content_gaps
from ..review.model import Gap

if TYPE_CHECKING:
    from ..assistant import Assistant


def gaps_of(entries: Sequence[LoggedEvent], as_of: dt.date, embed: Callable[[list[str]], np.ndarray],
            nearest: Callable[[str], tuple[str, str]] | None = None) -> tuple[Gap, ...]:
    """Clusters of the week ending on `as_of` (inclusive), each with the week before's count."""
    start = as_of - dt.timedelta(days=GAP_WINDOW_DAYS - 1)
    before = start - dt.timedelta(days=GAP_WINDOW_DAYS)
    this_week = [e.text for e in entries if e.text and start <= e.time.date() <= as_of]
    last_week = [e.text for e in entries if e.text and before <= e.time.date() < start]
    return content_gaps(this_week, embed, earlier=last_week, nearest=nearest)


def weekly_gaps(host: "Assistant", as_of: dt.date) -> tuple[Gap, ...]:
    """`gaps_of` on the assistant's log, its embedder and its search (the nearest article)."""
    since = as_of - dt.timedelta(days=2 * GAP_WINDOW_DAYS)
    return gaps_of(host.history.entries(since), as_of, lambda texts: host.embedder.embed(texts),
                   nearest_article(host))


def nearest_article(host: "Assistant") -> Callable[[str], tuple[str, str]]:
    """The top hit for a text, confident or not: where a customer asking it would have been sent."""
    def nearest(text: str) -> tuple[str, str]:
        hits = host.search(text, k=1).hits
        return (hits[0].id, hits[0].title) if hits else ("", "")

    return nearest
