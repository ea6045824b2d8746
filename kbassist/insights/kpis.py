"""From the private log's events to the numbers a team lead reviews (issue #21).

Definitions, each a proxy the log can measure on one laptop:
- a message is a logged suggestion (Enter in the message box, or a copy);
- copy rate: messages after which a reply was copied, the share answered
  from the knowledge base; no-answer rate and escalation rate likewise;
- the corrected escalation rate counts the agents' overrides: flagged but
  "not needed" out, "should have flagged" in;
- paste to copy: seconds from the message's paste to its first copy, the
  first-response proxy; the median and the 90th percentile (linear between
  the two nearest ranks, as numpy's default) against the 5-minute target;
- resolved rate: "resolved" among the outcomes the agents gave (an outcome
  is optional, so messages without one are not counted as unresolved);
- most skipped: the top suggestion of a message none of whose replies was
  copied for that message.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import Iterable, Sequence

from ..assist.history_model import OUTCOMES, OVERRIDES, LoggedEvent
from .abtest import compare_variants
from .model import FIRST_RESPONSE_TARGET_S, ArticleUse, InsightsReport, Period

TOP_ARTICLES = 5


def percentile(values: Sequence[float], share: float) -> float | None:
    """The `share` quantile with linear interpolation between closest ranks; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    at = share * (len(ordered) - 1)
    low = math.floor(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def period(start: dt.date, events: Sequence[LoggedEvent]) -> Period:
    """The numbers of `events` (one day, one week or the whole range)."""
    n = len(events)
    escalated = sum(e.escalated for e in events)
    not_needed = sum(e.escalated and e.override == "not_needed" for e in events)
    missed = sum(not e.escalated and e.override == "should_have_flagged" for e in events)
    outcomes = [e.outcome for e in events if e.outcome]
    seconds = [e.copies[0].seconds for e in events if e.copies and e.copies[0].seconds is not None]
    tones = Counter(e.details.sentiment for e in events)
    return Period(
        start, n, _rate(sum(bool(e.copies) for e in events), n), _rate(sum(e.no_answer for e in events), n),
        _rate(escalated, n), _rate(escalated - not_needed + missed, n),
        _rate(outcomes.count("resolved"), len(outcomes)), _rate(tones["angry"], n), _rate(tones["annoyed"], n),
        percentile(seconds, 0.5), percentile(seconds, 0.9),
        _rate(sum(s <= FIRST_RESPONSE_TARGET_S for s in seconds), len(seconds)),
    )


def _grouped(events: Iterable[LoggedEvent], key) -> tuple[Period, ...]:
    groups: dict[dt.date, list[LoggedEvent]] = {}
    for event in events:
        groups.setdefault(key(event.time.date()), []).append(event)
    return tuple(period(start, members) for start, members in sorted(groups.items()))


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def report(entries: Sequence[LoggedEvent], as_of: dt.date, since: dt.date | None = None) -> InsightsReport:
    """Every number of the Insights view over `entries` (from `since` to `as_of`, UTC days); no gaps
    (they need an embedder: `gaps.gaps_of`)."""
    events = [e for e in entries if (since is None or e.time.date() >= since) and e.time.date() <= as_of]
    used = Counter(c.article_id for e in events for c in {c.article_id: c for c in e.copies}.values())
    skipped = Counter(e.details.top_article for e in events
                      if e.details.top_article and all(c.article_id != e.details.top_article for c in e.copies))
    first = events[0].time.date() if events else as_of
    return InsightsReport(
        since, as_of, period(first, events), _grouped(events, lambda d: d), _grouped(events, _monday),
        _top(used), _top(skipped),
        tuple((name, sum(e.override == name for e in events)) for name in OVERRIDES),
        tuple((name, sum(e.outcome == name for e in events)) for name in OUTCOMES),
        compare_variants(events),
    )


def _top(counts: Counter) -> tuple[ArticleUse, ...]:
    return tuple(ArticleUse(a, n) for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ARTICLES])
