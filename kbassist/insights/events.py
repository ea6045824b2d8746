"""Insights events as flat records: the shape a server table takes (one row per event, masked text only).

The log keeps a suggestion with what followed it; a team backend (the
PostgreSQL one, `server.events`) wants one row per event. `records_of`
flattens the log's entries into `EventRecord`s in time order; every field is
a plain value (serialise with `dataclasses.asdict`), and `text` is the masked
question, present only where the log kept it. `entries_of` turns records
back into entries, so the team's numbers come from the same `kpis.report`
as one laptop's.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Hashable, Iterable

from ..assist.history_model import LoggedCopy, LoggedEvent, ShownDetails, VariantShown

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
    variants: tuple[tuple[str, str, str], ...] = ()  # shown: (article, reply, wording) of each A/B reply shown


def records_of(entries: Iterable[LoggedEvent]) -> list[EventRecord]:
    records = []
    for e in entries:
        d = e.details
        records.append(EventRecord(SHOWN, e.event_id, e.time, e.lang, d.top_article, confidence=d.confidence,
                                   no_answer=e.no_answer, escalated=e.escalated, categories=d.categories,
                                   sentiment=d.sentiment, text=e.text,
                                   variants=tuple((v.article_id, v.reply_title, v.variant) for v in d.variants)))
        records += [EventRecord(COPIED, e.event_id, c.time, e.lang, c.article_id, c.reply_title, c.variant,
                                seconds=c.seconds, edit=c.edit) for c in e.copies]
        records += [EventRecord(kind, e.event_id, e.time, e.lang, value=value)
                    for kind, value in ((OVERRIDDEN, e.override), (OUTCOME, e.outcome)) if value]
    return records


def entries_of(records: Iterable[tuple[Hashable, EventRecord]]) -> list[tuple[Hashable, LoggedEvent]]:
    """The entries back from `(owner, record)` pairs, oldest first, texts left out: `owner` tells whose
    log an event id belongs to (the team's agents number their events each from 1), and the entries
    are numbered afresh. A copy or a word whose suggestion is not among the records is dropped,
    as the log drops them before its `since`."""
    shown: dict[tuple, EventRecord] = {}
    copies: dict[tuple, list[LoggedCopy]] = {}
    words: dict[tuple, dict[str, str]] = {}
    for owner, r in records:
        key = (owner, r.event_id)
        if r.kind == SHOWN:
            shown[key] = r
        elif r.kind == COPIED:
            copies.setdefault(key, []).append(LoggedCopy(r.time, r.article_id, r.reply_title, r.variant,
                                                         r.seconds, r.edit or 0.0))
        elif r.kind in (OVERRIDDEN, OUTCOME):
            words.setdefault(key, {})[r.kind] = r.value
    ordered = sorted(shown.items(), key=lambda item: (item[1].time, str(item[0])))
    entries = []
    for number, (key, r) in enumerate(ordered, 1):
        details = ShownDetails(r.article_id, r.confidence or 0.0, tuple(r.categories), r.sentiment,
                               variants=tuple(VariantShown(*v) for v in r.variants))
        said = words.get(key, {})
        entries.append((key[0], LoggedEvent(number, r.time, r.lang, bool(r.escalated), bool(r.no_answer), None,
                                            tuple(sorted(copies.get(key, ()), key=lambda c: c.time)), details,
                                            said.get(OVERRIDDEN, ""), said.get(OUTCOME, ""))))
    return entries
