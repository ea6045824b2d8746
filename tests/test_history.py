"""The local suggestion log: private, optional, and hard to break."""
from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

from pii_variants import CONTEXTS, VARIANTS, survives

from kbassist.assist.history import SCHEMA_VERSION, History, HistoryStats, default_history_path

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
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


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


# -- private at rest (issue #18) ------------------------------------------------------------------
WORD = "zorblaxquintessa"


def every_byte_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_message_text_is_sealed_on_disk_and_opened_for_its_owner(tmp_path):
    h = History(tmp_path / "h.sqlite3")
    h.record_suggest("en", False, True, f"does the {WORD} fit the E21 reader")
    h.record_copy(1, "cards/arrival", "Card in the post")
    (event,) = h.entries()
    assert event.text == f"does the {WORD} fit the E21 reader" and event.no_answer
    assert [c.article_id for c in event.copies] == ["cards/arrival"]
    h.close()
    assert WORD.encode() not in every_byte_under(tmp_path)
    assert WORD.encode("utf-16-le") not in every_byte_under(tmp_path)


def test_log_file_and_folder_are_readable_by_their_owner_only(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)  # as an older version left it
    h = History(folder / "history.sqlite3")
    h.record_suggest("en", False, True, "hello")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "history.sqlite3").stat().st_mode) == 0o600


def test_a_lost_key_starts_a_fresh_log_and_says_so(tmp_path, memory_keyring):
    path = tmp_path / "h.sqlite3"
    History(path).record_suggest("en", False, True, f"old {WORD}")
    memory_keyring.secrets.clear()  # the keyring entry is gone: a new key is made
    h = History(path)
    assert h.record_suggest("en", False, True, "new question") == 1
    assert [m.text for m in h.no_answer_messages()] == ["new question"]
    (problem,) = h.problems
    assert "key this computer no longer has" in problem.message and "h.sqlite3.bad" in problem.message
    assert WORD.encode() not in (tmp_path / "h.sqlite3.bad").read_bytes()
    h.clear()
    assert not (tmp_path / "h.sqlite3.bad").exists()


def test_a_changed_record_is_shown_without_text_and_reported(tmp_path):
    path = tmp_path / "h.sqlite3"
    h = History(path)
    h.record_suggest("en", False, True, "one")
    h.close()
    with sqlite3.connect(path) as conn:
        (sealed,) = conn.execute("SELECT message FROM events").fetchone()
        conn.execute("UPDATE events SET message = ?", (sealed[:20] + bytes([sealed[20] ^ 1]) + sealed[21:],))
    conn.close()
    h = History(path)
    (event,) = h.entries()
    assert event.text is None and event.no_answer
    assert "did not open" in h.problems[0].message


def test_rows_past_retention_go_when_the_log_opens(tmp_path):
    clock = Clock(dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.timezone.utc))
    path = tmp_path / "h.sqlite3"
    History(path, clock=clock).record_suggest("en", False, True, "january")
    clock.when += dt.timedelta(days=89)
    assert [e.text for e in History(path, clock=clock).entries()] == ["january"]
    clock.when += dt.timedelta(days=2)
    h = History(path, clock=clock, retention_days=90)
    assert h.open_existing() == []
    assert h.entries() == []


def test_retention_is_enforced_daily_while_the_log_is_written(tmp_path):
    clock = Clock(dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.timezone.utc))
    days = 7
    h = History(tmp_path / "h.sqlite3", clock=clock, retention_days=lambda: days)
    h.record_suggest("en", False, True, "first")
    clock.when += dt.timedelta(days=6, hours=23)
    h.record_suggest("en", False, True, "second")
    clock.when += dt.timedelta(hours=2)  # 'first' is past 7 days, but the last purge was under a day ago
    h.record_suggest("en", False, True, "third")
    assert [e.text for e in h.entries()] == ["first", "second", "third"]
    clock.when += dt.timedelta(days=1)
    h.record_suggest("en", False, True, "fourth")
    assert [e.text for e in h.entries()] == ["second", "third", "fourth"]
    days = 1  # a settings change applies at the next purge
    clock.when += dt.timedelta(days=1, hours=1)
    h.record_suggest("en", False, True, "fifth")
    assert [e.text for e in h.entries()] == ["fifth"]


def test_a_log_from_before_encryption_is_sealed_and_its_plain_text_vacuumed(tmp_path):
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE events (id INTEGER PRIMARY KEY, time TEXT NOT NULL, lang TEXT NOT NULL,
                escalated INTEGER NOT NULL, no_answer INTEGER NOT NULL, message TEXT);
            CREATE TABLE copies (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, time TEXT NOT NULL,
                article_id TEXT NOT NULL, reply_title TEXT NOT NULL);
            PRAGMA user_version = 1;""")
        conn.execute("INSERT INTO events VALUES (1, ?, 'en', 0, 1, ?)",
                     (dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), f"plain {WORD}"))
    conn.close()
    h = History(path)
    assert [m.text for m in h.no_answer_messages()] == [f"plain {WORD}"]
    h.close()
    assert WORD.encode() not in path.read_bytes()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_the_issues_variants_are_stored_masked(tmp_path):
    h = History(tmp_path / "h.sqlite3")
    for value in VARIANTS:
        for context in CONTEXTS:
            h.record_suggest("zh", False, True, context.format(value))
    stored = [e.text for e in h.entries()]
    assert len(stored) == 2 * len(VARIANTS)
    unmasked = [(value, text) for value in VARIANTS for text in stored if survives(value, text)]
    assert unmasked == []
