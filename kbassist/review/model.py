"""The frozen records a weekly review returns.

They cross the engine boundary (CLI, GUI, tests) and are serialised only at
the edge (`render.to_json`), so they hold plain values: ids, dates, strings.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..wording import Params, describe, params

WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class Reason:
    """Why an article needs an editor: `code` is stable (for filters), `detail` is for people (English).

    `params` carry the facts behind `detail`, so a front end can word the reason in its own
    language (`text(lang)`, `kbassist.wording`).
    """

    code: str
    detail: str = ""
    severity: str = WARNING
    params: Params = field(default=Params(), compare=False)  # the facts behind the English text

    @classmethod
    def of(cls, code: str, severity: str = WARNING, /, **values: Any) -> "Reason":
        found = params(**values)
        return cls(code, describe(code, found), severity, found)

    def text(self, lang: str = "en") -> str:
        return describe(self.code, self.params, lang, self.detail)


@dataclass(frozen=True)
class ReviewItem:
    """One article in a review list, with every reason it is there (may be empty for listings)."""

    id: str
    title: str
    owner: str | None
    path: str
    reasons: tuple[Reason, ...] = ()
    lang: str = ""


@dataclass(frozen=True)
class Gap:
    """Customer messages the folder did not answer well, clustered by meaning."""

    count: int  # messages of this period (the review's week)
    examples: tuple[str, ...]  # masked
    nearest_id: str = ""  # the article closest to the cluster's central message ("" when not searched)
    nearest_title: str = ""
    previous: int = 0  # messages of the period before that fell in this cluster: the trend


@dataclass(frozen=True)
class Changes:
    """How this review differs from the last one stored for the folder (an earlier date)."""

    previous_as_of: dt.date
    new: tuple[str, ...]
    resolved: tuple[str, ...]


@dataclass(frozen=True)
class ReviewReport:
    as_of: dt.date
    items: tuple[ReviewItem, ...]  # the queue: published articles with at least one reason
    missing_translation: tuple[ReviewItem, ...] = ()
    drafts: tuple[ReviewItem, ...] = ()
    archived: tuple[ReviewItem, ...] = ()
    content_gaps: tuple[Gap, ...] = ()
    problems: tuple = ()  # kbassist.errors.Problem
    snoozed: tuple[ReviewItem, ...] = ()  # hidden from the queue until their date, still counted
    changes: Changes | None = None
