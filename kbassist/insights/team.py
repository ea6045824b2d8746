"""The team's numbers: every agent's shared events in one report, and each agent's own line.

With a team server and each agent's consent (`share_metrics`), the laptops
send their Insights events to it (`server.events`); a lead reads them back
here. The numbers are the same `kpis.report` as one laptop's, over everyone's
events, so a team's copy rate means what an agent's does. Content gaps are
left out: the messages' text never leaves a laptop.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from . import kpis
from .events import EventRecord, entries_of
from .model import InsightsReport, Period


@dataclass(frozen=True)
class AgentLine:
    agent: str
    total: Period  # the agent's numbers over the whole range


@dataclass(frozen=True)
class TeamReport:
    report: InsightsReport  # everyone's events together
    agents: tuple[AgentLine, ...]  # most messages first


def team_report(shared: Iterable[tuple[str, EventRecord]], as_of: dt.date,
                since: dt.date | None = None) -> TeamReport:
    """`shared`: (agent, record) pairs as the server returns them."""
    entries = [(agent, e) for agent, e in entries_of(shared)
               if (since is None or e.time.date() >= since) and e.time.date() <= as_of]
    everyone = kpis.report([e for _, e in entries], as_of, since)
    by_agent: dict[str, list] = {}
    for agent, entry in entries:
        by_agent.setdefault(agent, []).append(entry)
    lines = [AgentLine(agent, kpis.period(events[0].time.date(), events)) for agent, events in by_agent.items()]
    return TeamReport(everyone, tuple(sorted(lines, key=lambda line: (-line.total.messages, line.agent))))
