"""What the private log stores and returns: the details written with each record, and the records read back.

Kept apart from `history.py` (the sealed SQLite file and its rules) so the
shapes can be read without the storage; `kbassist.insights.events` turns the
records read back into flat event records for export.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

OVERRIDES = ("not_needed", "should_have_flagged")  # the agent's one-click verdict on the escalation banner
OUTCOMES = ("resolved", "follow_up")  # the optional outcome after a reply was copied


@dataclass(frozen=True)
class VariantShown:
    """One wording of an A/B reply that a suggestion showed (see `assist.variants`)."""

    article_id: str
    reply_title: str
    variant: str


@dataclass(frozen=True)
class ShownDetails:
    """What a suggestion showed, beyond the flags: for the Insights numbers.

    `low_confidence`: the best answer was weak (not `no_answer`, yet near the
    threshold), so the masked question is kept for the content gaps too.
    """

    top_article: str = ""
    confidence: float = 0.0
    categories: tuple[str, ...] = ()  # escalation reason codes, strongest first
    sentiment: str = ""  # calm | annoyed | angry (assist.sentiment)
    low_confidence: bool = False
    variants: tuple[VariantShown, ...] = ()

    @classmethod
    def from_row(cls, top_article: str, confidence: float, categories: str, sentiment: str, low_confidence: int,
                 variants: str) -> "ShownDetails":
        """Read back as the log writes it; most rows have no categories or wordings (10,000 rows are read
        per report)."""
        shown = tuple(VariantShown(*line.split("\t")) for line in variants.splitlines() if line.count("\t") == 2) \
            if variants else ()
        return cls(top_article, confidence, tuple(categories.split(",")) if categories else (), sentiment,
                   bool(low_confidence), shown)


@dataclass(frozen=True)
class CopyDetails:
    """How a reply was copied: which wording, how long after the paste, how much the agent changed it.

    `message` is the customer's question, kept (masked, sealed) only when the
    edit was heavy: the knowledge base's reply did not fit, a content gap.
    """

    variant: str = ""
    seconds: float | None = None  # from the paste to the copy
    edit: float = 0.0  # share of the reply's text the agent changed (0: as suggested)
    message: str = ""


@dataclass(frozen=True)
class LoggedMessage:
    """A kept message as stored: masked, with when and in which language."""

    event_id: int
    time: dt.datetime  # UTC
    lang: str
    text: str


@dataclass(frozen=True)
class LoggedCopy:
    """A reply the agent copied after a suggestion."""

    time: dt.datetime  # UTC
    article_id: str
    reply_title: str
    variant: str = ""
    seconds: float | None = None
    edit: float = 0.0


@dataclass(frozen=True)
class LoggedEvent:
    """One logged suggestion as kept: flags, the masked text when it was kept, what followed it."""

    event_id: int
    time: dt.datetime  # UTC
    lang: str
    escalated: bool
    no_answer: bool
    text: str | None
    copies: tuple[LoggedCopy, ...] = ()
    details: ShownDetails = ShownDetails()
    override: str = ""  # OVERRIDES, the last one given
    outcome: str = ""  # OUTCOMES, the last one given


@dataclass(frozen=True)
class HistoryStats:
    suggestions: int = 0
    escalated: int = 0
    no_answer: int = 0
    copies: int = 0
    by_lang: tuple[tuple[str, int], ...] = ()  # (lang, suggestions), most first
