"""Insights events as flat records: the shape a server table takes (one row per event, masked text only).

The log keeps a suggestion with what followed it; a team backend (e.g. the
PostgreSQL one) wants one row per event. `records_of` flattens the log's
entries into `EventRecord`s in time order; every field is a plain value
(serialise with `dataclasses.asdict`), and `text` is the masked question,
present only where the log kept it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..assist.history_model import LoggedEvent

SHOWN, COPIED, OVERRIDDEN, OUTCOME = "suggestion_shown", "reply_copied", "escalation_overridden", "outcome_recorded"


@dataclass(frozen=True)
class EventRecord:
    kind: str  # SHOWN | COPIED | OVERRIDDEN | OUTCOME
    event_id: int  # the suggestion the event belongs to
    time: dt.datetime  # UTC; feedback carries its suggestion's time
    lang: str
    article_id: str = ""  # shown: the top suggestion; copied: the copied reply's article
    reply_title: str = ""
    variant: str = ""
    confidence: float | None = None
    no_answer: bool | None = None
    escalated: bool | None = None
    categories: tuple[str, ...] = ()
    sentiment: str = ""
    seconds: float | None = None  # copied: from the paste
    edit: float | None = None  # copied: share of the reply rewritten
    value: str = ""  # overridden: not_needed | should_have_flagged; outcome: resolved | follow_up
    text: str | None = None  # shown: the masked question when it was kept as a content gap


def records_of(entries: Iterable[LoggedEvent]) -> list[EventRecord]:
    records = []
    for e in entries:
        d = e.details
        records.append(EventRecord(SHOWN, e.event_id, e.time, e.lang, d.top_article, confidence=d.confidence,
                                   no_answer=e.no_answer, escalated=e.escalated, categories=d.categories,
                                   sentiment=d.sentiment, text=e.text))
        records += [EventRecord(COPIED, e.event_id, c.time, e.lang, c.article_id, c.reply_title, c.variant,
                                seconds=c.seconds, edit=c.edit) for c in e.copies]
        records += [EventRecord(kind, e.event_id, e.time, e.lang, value=value)
                    for kind, value in ((OVERRIDDEN, e.override), (OUTCOME, e.outcome)) if value]
    return records
