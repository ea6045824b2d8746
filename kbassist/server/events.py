"""Shared metrics: the team's Insights events in one table on the server, only with the agent's consent.

The Insights log on each laptop (`assist.history`) records what was suggested
and used, already masked. With a server configured and the setting
`share_metrics` on (off by default), each event is also written to
`kb_events`, so a lead sees the whole team. Nothing is sent otherwise:
`share_event` checks the consent itself, so a caller cannot forget it.

An event is a plain dict of JSON values (the Insights events' own shape);
`agent` names who sent it (the setting `agent_name`, else this machine's user).
"""
from __future__ import annotations

import datetime as dt
import getpass
import json

from ..settings import Settings
from .connection import Reader


def share_event(reader: Reader | None, settings: Settings, event: dict) -> bool:
    """Write `event` to the server's events table if the agent agreed; True when it was written."""
    if reader is None or not settings.share_metrics:
        return False
    kind = str(event.get("kind") or event.get("type") or "event")
    agent = settings.agent_name or getpass.getuser()
    reader.run(lambda connection: connection.execute(
        "INSERT INTO kb_events (agent, kind, data) VALUES (%s, %s, %s::jsonb)",
        (agent, kind, json.dumps(event, ensure_ascii=False, default=str))))
    return True


def team_events(reader: Reader, since: dt.datetime | None = None, limit: int = 10_000) -> list[dict]:
    """The team's events, oldest first (for `insights --server`): each with its time, agent and kind."""
    rows = reader.rows("SELECT at, agent, kind, data FROM kb_events WHERE at >= %s ORDER BY id LIMIT %s",
                       (since or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc), limit))
    return [{"at": at.isoformat(), "agent": agent, "kind": kind, **data} for at, agent, kind, data in rows]
