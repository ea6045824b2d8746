"""The lead's numbers from a seeded log equal the ones computed by hand; the CLI prints them."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

from click.testing import CliRunner

from kbassist.assist.history import History, default_history_path
from kbassist.assist.history_model import CopyDetails, ShownDetails
from kbassist.cli.main import cli
from kbassist.insights import percentile, report

UTC = dt.timezone.utc
MONDAY = dt.datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def __call__(self) -> dt.datetime:
        return self.when


def seed_log(path) -> History:
    """Two days of one week and one day of the next, written through the real log.

    Monday: 4 messages. #1 copied after 60 s (resolved), #2 escalated and copied after 400 s
    ("not needed", follow-up), #3 no answer, #4 top article skipped (nothing copied), angry.
    Tuesday: 2 messages. #5 copied after 100 s (resolved), #6 not escalated yet "should have flagged".
    Next Monday: 1 message, #7 copied after 200 s, outcome "resolved".
    """
    clock = Clock(MONDAY)
    log = History(path, clock=clock, retention_days=3650)

    def shown(top: str, sentiment: str = "calm") -> ShownDetails:
        return ShownDetails(top, 0.8, (), sentiment)

    e1 = log.record_suggest("en", False, False, "q1", shown("refund"))
    log.record_copy(e1, "refund", "R", CopyDetails(seconds=60.0))
    log.record_feedback(e1, "outcome", "resolved")
    e2 = log.record_suggest("en", True, False, "q2", shown("legal", "angry"))
    log.record_copy(e2, "legal", "L", CopyDetails(seconds=400.0, edit=0.1))
    log.record_copy(e2, "legal", "L", CopyDetails(seconds=500.0))  # a second copy: not the first response
    log.record_feedback(e2, "override", "not_needed")
    log.record_feedback(e2, "outcome", "follow_up")
    log.record_suggest("zh", False, True, "q3")
    log.record_suggest("en", False, False, "q4", shown("cards", "angry"))
    clock.when = MONDAY + dt.timedelta(days=1)
    e5 = log.record_suggest("zh", False, False, "q5", shown("refund", "annoyed"))
    log.record_copy(e5, "refund", "R", CopyDetails(seconds=100.0))
    log.record_feedback(e5, "outcome", "resolved")
    e6 = log.record_suggest("en", False, False, "q6", shown("cards"))
    log.record_copy(e6, "delivery", "D")  # copied another article than the top one, no paste time
    log.record_feedback(e6, "override", "should_have_flagged")
    clock.when = MONDAY + dt.timedelta(days=7)
    e7 = log.record_suggest("en", False, False, "q7", shown("refund"))
    log.record_copy(e7, "refund", "R", CopyDetails(seconds=200.0))
    log.record_feedback(e7, "outcome", "resolved")
    return log


def test_percentile_interpolates_between_ranks_like_numpy():
    assert percentile([60, 400, 100, 200], 0.5) == 150
    assert percentile([60, 100, 200, 400], 0.9) == 200 + 0.7 * 200
    assert percentile([], 0.5) is None and percentile([7], 0.9) == 7


def test_numbers_from_a_seeded_log_equal_the_hand_computed_ones(tmp_path):
    log = seed_log(tmp_path / "h.sqlite3")
    r = report(log.entries(), as_of=dt.date(2026, 11, 30))
    t = r.total
    assert t.messages == 7
    assert t.copy_rate == 5 / 7  # 1, 2, 5, 6, 7
    assert t.no_answer_rate == 1 / 7 and t.escalation_rate == 1 / 7
    assert t.corrected_escalation_rate == (1 - 1 + 1) / 7
    assert t.resolved_rate == 3 / 4  # resolved 1, 5, 7; follow-up 2
    assert t.angry_rate == 2 / 7 and t.annoyed_rate == 1 / 7
    # first copies with a paste time: 60, 400, 100, 200 (the 500 s second copy and #6 do not count)
    assert t.paste_to_copy_median_s == 150 and t.paste_to_copy_p90_s == 340
    assert t.within_target == 3 / 4
    assert [(d.start.isoformat(), d.messages, d.copy_rate) for d in r.days] == [
        ("2026-11-16", 4, 0.5), ("2026-11-17", 2, 1.0), ("2026-11-23", 1, 1.0)]
    assert [(w.start.isoformat(), w.messages, w.resolved_rate) for w in r.weeks] == [
        ("2026-11-16", 6, 2 / 3), ("2026-11-23", 1, 1.0)]
    assert [(a.article_id, a.count) for a in r.most_used] == [("refund", 3), ("delivery", 1), ("legal", 1)]
    assert [(a.article_id, a.count) for a in r.most_skipped] == [("cards", 2)]
    assert dict(r.overrides) == {"not_needed": 1, "should_have_flagged": 1}
    assert dict(r.outcomes) == {"resolved": 3, "follow_up": 1}


def test_since_and_as_of_bound_the_days_counted(tmp_path):
    log = seed_log(tmp_path / "h.sqlite3")
    r = report(log.entries(dt.date(2026, 11, 17)), as_of=dt.date(2026, 11, 17), since=dt.date(2026, 11, 17))
    assert r.total.messages == 2 and [d.start for d in r.days] == [dt.date(2026, 11, 17)]


def test_cli_insights_prints_the_keys_a_lead_needs_as_json_and_the_table_as_csv():
    seed_log(default_history_path()).close()
    runner = CliRunner()
    result = runner.invoke(cli, ["insights", "--json", "--as-of", "2026-11-30"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"messages", "copy_rate", "no_answer_rate", "escalation_rate", "paste_to_copy_s", "gaps",
            "variants"} <= data.keys()
    assert data["messages"] == 7 and data["paste_to_copy_s"] == {"median": 150, "p90": 340, "within_target": 0.75}
    result = runner.invoke(cli, ["insights", "--csv", "--since", "2026-11-17", "--as-of", "2026-11-30"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["period"], r["start"], r["messages"]) for r in rows] == [
        ("day", "2026-11-17", "2"), ("day", "2026-11-23", "1"), ("week", "2026-11-16", "2"),
        ("week", "2026-11-23", "1")]
    events = runner.invoke(cli, ["insights", "--events"]).output.splitlines()
    assert len(events) == 7 + 6 + 6 and all(json.loads(line)["kind"] for line in events)
