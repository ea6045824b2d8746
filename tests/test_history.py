"""The local suggestion log: private, optional, and hard to break."""
from __future__ import annotations

import datetime as dt
import sqlite3

from kbassist.assist.history import History, HistoryStats, default_history_path

PHONE = "13812345678"


class Clock:
    """A settable UTC clock, so 'since' can be tested without waiting."""

    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def __call__(self) -> dt.datetime:
        return self.when


def test_disabled_history_writes_nothing(tmp_path):
    path = tmp_path / "sub" / "history.sqlite3"
    h = History(path, enabled=False)
    assert h.record_suggest("en", False, True, f"call {PHONE}") == 0
    h.record_copy(0, "cards/arrival", "Card in the post")
    h.clear()
    assert h.no_answer_messages() == [] and h.stats() == HistoryStats()
    assert not path.exists() and not path.parent.exists()


def test_only_unanswered_messages_are_kept_and_masked(tmp_path):
    path = tmp_path / "history.sqlite3"
    h = History(path)
    h.record_suggest("zh", False, False, "我的快递到哪了 answered-text")
    h.record_suggest("zh", False, True, f"我叫李明，手机 {PHONE}，能开发票吗")
    (logged,) = h.no_answer_messages()
    assert logged.text == "我叫[name]，手机 [phone]，能开发票吗"
    assert logged.lang == "zh" and logged.time.tzinfo is not None
    h.close()
    raw = path.read_bytes()
    assert PHONE.encode() not in raw
    assert "answered-text".encode() not in raw


def test_no_phone_number_reaches_the_file_even_in_wal_or_journal(tmp_path):
    path = tmp_path / "history.sqlite3"
    h = History(path)
    for i in range(10):
        h.record_suggest("en", False, True, f"my number is +44 20 7946 {1000 + i}, and mail me@example.com")
    h.close()
    for file in tmp_path.iterdir():
        data = file.read_bytes()
        assert b"7946" not in data and b"me@example.com" not in data


def test_stats_count_suggestions_escalations_and_copies(tmp_path):
    h = History(tmp_path / "h.sqlite3")
    first = h.record_suggest("en", True, False, "I'll sue you")
    h.record_suggest("en", False, True, "do you ship to mars")
    h.record_suggest("zh", False, False, "退款")
    h.record_copy(first, "legal/complaints", "Complaint received")
    assert h.stats() == HistoryStats(3, 1, 1, 1, (("en", 2), ("zh", 1)))


def test_since_filters_by_utc_day(tmp_path):
    clock = Clock(dt.datetime(2026, 11, 20, 23, 30, tzinfo=dt.timezone.utc))
    h = History(tmp_path / "h.sqlite3", clock=clock)
    h.record_suggest("en", False, True, "old question")
    clock.when = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.timezone.utc)
    h.record_suggest("en", False, True, "new question")
    assert [m.text for m in h.no_answer_messages(since=dt.date(2026, 11, 21))] == ["new question"]
    assert [m.text for m in h.no_answer_messages()] == ["old question", "new question"]


def test_clear_empties_the_log_and_the_file(tmp_path):
    path = tmp_path / "h.sqlite3"
    h = History(path)
    for _ in range(5):
        h.record_suggest("en", False, True, "how do I export my unicorn-data")
    h.clear()
    assert h.no_answer_messages() == [] and h.stats().suggestions == 0
    h.close()
    assert b"unicorn-data" not in path.read_bytes()


def test_history_survives_reopening(tmp_path):
    path = tmp_path / "h.sqlite3"
    History(path).record_suggest("en", False, True, "first")
    h = History(path)
    h.record_suggest("en", False, True, "second")
    assert [m.text for m in h.no_answer_messages()] == ["first", "second"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_corrupt_file_is_moved_aside_and_a_fresh_log_started(tmp_path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    h = History(path)
    event = h.record_suggest("en", False, True, "still logged")
    assert event == 1
    assert [m.text for m in h.no_answer_messages()] == ["still logged"]
    assert (tmp_path / "h.sqlite3.bad").read_bytes().startswith(b"this is not a database")
    (problem,) = h.problems
    assert problem.file == str(path) and "h.sqlite3.bad" in problem.message


def test_default_path_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(tmp_path / "data"))
    assert default_history_path() == tmp_path / "data" / "history.sqlite3"
