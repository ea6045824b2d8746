"""Insights' part of `Assistant`: record what the agent did, and report the numbers.

The facade owns one `Insights`; the GUI calls it to record a copy (with its
wording, paste-to-copy time and how much was rewritten), an escalation
override and an outcome, and to get the report. Everything goes to the same
private log as the suggestions (`assist.history`), so masking, sealing,
retention and the logging switch hold for it unchanged.

With a team server and the agent's consent (`share_metrics`), `share` sends
the log's events to it (masked numbers and article ids, never text), and
`team` reads everyone's back for a lead (`insights.team`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..assist.history_model import CopyDetails
from ..errors import KbError
from ..part import Part
from ..review.model import Gap
from ..textutil import collapse_ws
from . import kpis
from .events import records_of
from .gaps import weekly_gaps
from .model import InsightsReport
from .team import TeamReport, team_report

if TYPE_CHECKING:
    from ..assistant import Assistant


RESEND_DAYS = 7  # what a later share sends again: words given on suggestions up to a week old


def edit_share(suggested: str, sent: str) -> float:
    """How much of the suggested reply the agent rewrote: 0 as suggested, 1 nothing kept (whitespace aside)."""
    return round(Indel.normalized_distance(collapse_ws(suggested), collapse_ws(sent)), 3)


class Insights(Part):
    def __init__(self, assistant: "Assistant"):
        super().__init__(assistant)
        self._last: tuple[tuple, InsightsReport] | None = None  # (what it was read from, the report)
        self._shared: tuple | None = None  # the log's version when last sent to the team's server

    def reply_copied(self, event_id: int, article_id: str, reply_title: str, *, variant: str = "",
                     suggested: str = "", sent: str = "", pasted_at: dt.datetime | None = None,
                     message: str = "") -> None:
        """Log a copy: `suggested` is the reply as filled in, `sent` what was copied; `message` the
        customer's question (kept, masked, only when the reply was heavily rewritten)."""
        seconds = None
        if pasted_at is not None:
            seconds = round(max(0.0, (dt.datetime.now(dt.timezone.utc) - pasted_at).total_seconds()), 1)
        details = CopyDetails(variant, seconds, edit_share(suggested, sent) if sent else 0.0, message)
        self.assistant.history.record_copy(event_id, article_id, reply_title, details)

    def override(self, event_id: int, verdict: str) -> None:
        """The agent's one click on the escalation: "not_needed" or "should_have_flagged"."""
        self.assistant.history.record_feedback(event_id, "override", verdict)

    def outcome(self, event_id: int, outcome: str) -> None:
        """The agent's optional one key after a copy: "resolved" or "follow_up"."""
        self.assistant.history.record_feedback(event_id, "outcome", outcome)

    def report(self, since: dt.date | None = None, as_of: dt.date | None = None) -> InsightsReport:
        """The numbers from `since` (default: all the log keeps) to `as_of` (default today), without gaps.

        Read again only when the log changed: the tab asks each time it is shown, and on 10,000
        events a read holds a worker busy (and the GIL) for a few hundred milliseconds."""
        history, as_of = self.assistant.history, as_of or dt.date.today()
        key = (id(history), history.version(), since, as_of)
        last = self._last
        if last is not None and last[0] == key:
            return last[1]
        report = kpis.report(history.entries(since, texts=False), as_of, since)
        self._last = (key, report)
        return report

    def gaps(self, as_of: dt.date | None = None) -> tuple[Gap, ...]:
        """The week's content gaps (needs the embedder: seconds the first time it loads)."""
        return weekly_gaps(self.assistant, as_of or dt.date.today())

    def share(self) -> int:
        """Send this laptop's events to the team's server, if there is one and the agent agreed
        (`share_metrics`); how many were sent (0 when nothing changed since the last time).

        The first time for a server sends all the log keeps; later ones what was logged from RESEND_DAYS
        before the last send (kept beside the log): sending is idempotent (`server.events`), and a word
        given on an older suggestion (an outcome days later) still arrives. Raises `ServerUnavailable`
        when the server does not answer: the events stay in the log for the next call."""
        from ..server.events import share_records

        assistant = self.assistant
        reader, history = assistant.team_server, assistant.history
        if reader is None or not assistant.settings.share_metrics:
            return 0
        version = history.version()
        if self._shared == version:
            return 0
        marker = "shared:" + hashlib.sha256(reader.url.encode()).hexdigest()[:16]
        last = history.marker(marker)
        since = dt.date.fromisoformat(last) - dt.timedelta(days=RESEND_DAYS) if last else None
        today = dt.datetime.now(dt.timezone.utc).date()
        sent = share_records(reader, assistant.settings, records_of(history.entries(since, texts=False)))
        history.set_marker(marker, today.isoformat())
        self._shared = history.version()
        return sent

    def team(self, since: dt.date | None = None, as_of: dt.date | None = None) -> TeamReport:
        """Everyone's shared numbers from the team's server (`KbError` without one)."""
        from ..server.events import team_records

        reader = self.assistant.team_server
        if reader is None:
            raise KbError("the team's numbers need a team server (the `server` setting or --server URL)")
        return team_report(team_records(reader, since), as_of or dt.date.today(), since)
