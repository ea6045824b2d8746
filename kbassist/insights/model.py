"""The frozen records Insights returns: a lead's numbers per period, and the whole report.

Rates are shares (0..1) or None when there is nothing to divide by (no
message that day, no outcome given); times are seconds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..review.model import Gap
from .abtest import VariantComparison

FIRST_RESPONSE_TARGET_S = 300  # the service handbook: first response within 5 minutes
ESCALATION_LINE = 0.20  # transfers to a human or lead below 20 % of conversations
RESOLVED_TARGET = 0.70  # first-contact resolution above 70 %


@dataclass(frozen=True)
class Period:
    """The numbers of one day or one week (`start` is the day, or the week's Monday)."""

    start: dt.date
    messages: int = 0
    copy_rate: float | None = None  # messages with a reply copied (answered from the knowledge base)
    no_answer_rate: float | None = None
    escalation_rate: float | None = None  # the banner shown
    corrected_escalation_rate: float | None = None  # after the agents' "not needed" / "should have flagged"
    resolved_rate: float | None = None  # "resolved" among outcomes given: the first-contact-resolution proxy
    angry_rate: float | None = None
    annoyed_rate: float | None = None
    paste_to_copy_median_s: float | None = None  # the first copy of each message
    paste_to_copy_p90_s: float | None = None
    within_target: float | None = None  # first copies within FIRST_RESPONSE_TARGET_S


@dataclass(frozen=True)
class ArticleUse:
    article_id: str
    count: int


@dataclass(frozen=True)
class InsightsReport:
    since: dt.date | None
    as_of: dt.date
    total: Period  # the whole range (its `start` is the first day with a message, else `as_of`)
    days: tuple[Period, ...]
    weeks: tuple[Period, ...]
    most_used: tuple[ArticleUse, ...]  # copies per article
    most_skipped: tuple[ArticleUse, ...]  # top suggestion, yet none of its replies copied
    overrides: tuple[tuple[str, int], ...]  # ("not_needed" | "should_have_flagged", count)
    outcomes: tuple[tuple[str, int], ...]  # ("resolved" | "follow_up", count)
    variants: tuple[VariantComparison, ...] = ()
    gaps: tuple[Gap, ...] = ()
    targets: tuple[tuple[str, float], ...] = (("paste_to_copy_s", FIRST_RESPONSE_TARGET_S),
                                              ("escalation_rate", ESCALATION_LINE),
                                              ("resolved_rate", RESOLVED_TARGET))
