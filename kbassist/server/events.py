"""Shared metrics: the team's Insights events in one table on the server, only with the agent's consent.

The Insights log on each laptop (`assist.history`) records what was suggested
and used, already masked. With a server configured and the setting
`share_metrics` on (off by default), its events go to `kb_events` as flat
records (`insights.events`), so a lead sees the whole team
(`insights.team`). Nothing is sent otherwise: `share_records` checks the
consent itself, so a caller cannot forget it. The masked text a log keeps
for content gaps is never sent: the numbers do not need it.

A row is keyed by (agent, kind, event id, time): sending the same events
again changes nothing, and an agent's later word on a suggestion (an
override, an outcome) replaces the earlier one, as in the log. `agent` names
who sent it (the setting `agent_name`, else this machine's user).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
from typing import Sequence

from ..insights.events import EventRecord
from ..settings import Settings
from .connection import Reader

_KEYED = ("kind", "event_id", "time")  # the row's own columns
_NOT_SENT = ("text",)


def agent_name(settings: Settings) -> str:
    return settings.agent_name or getpass.getuser()


def share_records(reader: Reader | None, settings: Settings, records: Sequence[EventRecord]) -> int:
    """Write `records` to the server's events table if the agent agreed; how many were written."""
    if reader is None or not settings.share_metrics or not records:
        return 0
    agent = agent_name(settings)
    rows = [(agent, r.kind, r.event_id, r.time, json.dumps(_data(r), ensure_ascii=False)) for r in records]

    def write(connection) -> None:
        with connection.transaction(), connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO kb_events (agent, kind, event_id, at, data) VALUES (%s, %s, %s, %s, %s::jsonb)"
                " ON CONFLICT (agent, kind, event_id, at) DO UPDATE SET data = EXCLUDED.data", rows)

    reader.run(write)
    return len(rows)


def _data(record: EventRecord) -> dict:
    return {k: v for k, v in dataclasses.asdict(record).items() if k not in _KEYED + _NOT_SENT}


def team_records(reader: Reader, since: dt.date | None = None) -> list[tuple[str, EventRecord]]:
    """The team's shared events from `since` (a UTC day) on, oldest first, as (agent, record)."""
    start = dt.datetime.combine(since or dt.date(1970, 1, 1), dt.time(), dt.timezone.utc)
    rows = reader.rows("SELECT agent, kind, event_id, at, data FROM kb_events WHERE at >= %s AND event_id > 0"
                       " ORDER BY at, id", (start,))
    fields = {f.name for f in dataclasses.fields(EventRecord)}
    shared = []
    for agent, kind, event_id, at, data in rows:
        values = {k: v for k, v in data.items() if k in fields}  # a newer kbassist may send more
        values["categories"] = tuple(values.get("categories", ()))
        values["variants"] = tuple(tuple(v) for v in values.get("variants", ()))
        shared.append((agent, EventRecord(kind, event_id, at.astimezone(dt.timezone.utc), **values)))
    return shared
