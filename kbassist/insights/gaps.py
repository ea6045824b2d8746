"""The content gaps of a week, from the private log: this week's kept messages against the week before.

One function for the weekly review and for Insights, so both show the same
clusters. Kept messages are the log's gap texts (masked): unanswered, weakly
answered, or answered with a heavily rewritten reply. Their vectors are
cached in the log, sealed like the texts (`History.vectors`): embedding is
the slow part, and a message is embedded once, not at every report.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from ..assist.history import History
from ..assist.history_model import LoggedEvent
from ..review.gaps import GAP_WINDOW_DAYS, content_gaps
from ..review.model import Gap
from ..textutil import collapse_ws

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


def logged_gaps(log: History, as_of: dt.date, embedder_name: str, embed: Callable[[list[str]], np.ndarray],
                nearest: Callable[[str], tuple[str, str]] | None = None) -> tuple[Gap, ...]:
    """`gaps_of` on the log's last two weeks, with vectors from its cache (`embed` only for new texts)."""
    entries = log.entries(as_of - dt.timedelta(days=2 * GAP_WINDOW_DAYS - 1))
    return gaps_of(entries, as_of, cached_embed(log, entries, embedder_name, embed), nearest)


def cached_embed(log: History, entries: Sequence[LoggedEvent], embedder_name: str,
                 embed: Callable[[list[str]], np.ndarray]) -> Callable[[list[str]], np.ndarray]:
    """An embed function over the entries' kept texts, reading the log's cache and filling it."""
    kept = [e for e in entries if e.text]
    vectors = log.vectors([e.event_id for e in kept], embedder_name)
    missing = [e for e in kept if e.event_id not in vectors]
    if missing:
        unique = list(dict.fromkeys(e.text for e in missing))
        fresh = dict(zip(unique, np.asarray(embed(unique), dtype=np.float32)))
        new = {e.event_id: fresh[e.text] for e in missing}
        log.keep_vectors(embedder_name, new)
        vectors.update(new)
    by_text = {collapse_ws(e.text): np.asarray(vectors[e.event_id], np.float32) for e in kept}
    return lambda texts: np.stack([by_text[collapse_ws(t)] for t in texts])


def weekly_gaps(host: "Assistant", as_of: dt.date) -> tuple[Gap, ...]:
    """`logged_gaps` on the assistant's log, its embedder and its search (the nearest article)."""
    embedder = host.embedder
    return logged_gaps(host.history, as_of, embedder.name, embedder.embed, nearest_article(host))


def nearest_article(host: "Assistant") -> Callable[[str], tuple[str, str]]:
    """The top hit for a text, confident or not: where a customer asking it would have been sent."""
    def nearest(text: str) -> tuple[str, str]:
        hits = host.search(text, k=1).hits
        return (hits[0].id, hits[0].title) if hits else ("", "")

    return nearest
