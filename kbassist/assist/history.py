"""A local, private log of suggestions: what was asked about, never who asked.

Editors want to know which questions the knowledge base could not answer and
which replies get used. That needs a log, but customer messages are personal
data, so the log keeps counts and flags for every suggestion and text only
for unanswered messages, masked by `pii.mask` before it touches the disk.
Deleted rows are overwritten (`secure_delete`) and `clear()` vacuums, so a
cleared log holds no old text in free pages. Disabled means no file at all.

A log that will not open is not a reason to stop helping the agent: a
corrupt file is moved aside to `.bad`, a fresh one started, and a `Problem`
recorded for the UI to show.
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import Problem
from ..settings import data_dir
from .pii import mask

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    lang TEXT NOT NULL,
    escalated INTEGER NOT NULL,
    no_answer INTEGER NOT NULL,
    message TEXT
);
CREATE TABLE copies (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    time TEXT NOT NULL,
    article_id TEXT NOT NULL,
    reply_title TEXT NOT NULL
);
CREATE INDEX events_time ON events(time);
"""


def default_history_path() -> Path:
    """In the per-user data dir (KBASSIST_DATA_DIR moves it, so tests never touch the real log)."""
    return data_dir() / "history.sqlite3"


@dataclass(frozen=True)
class LoggedMessage:
    """An unanswered message as stored: masked, with when and in which language."""

    event_id: int
    time: dt.datetime  # UTC
    lang: str
    text: str


@dataclass(frozen=True)
class HistoryStats:
    suggestions: int = 0
    escalated: int = 0
    no_answer: int = 0
    copies: int = 0
    by_lang: tuple[tuple[str, int], ...] = ()  # (lang, suggestions), most first


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class History:
    """The log at `path`, created on first write; every method is a no-op when disabled."""

    def __init__(self, path: str | os.PathLike, enabled: bool = True,
                 clock: Callable[[], dt.datetime] = _utc_now) -> None:
        self.path = Path(path)
        self.enabled = enabled
        self.problems: list[Problem] = []
        self._clock = clock
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # suggestions are logged from worker threads

    # -- opening -------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False)
        try:
            conn.execute("PRAGMA secure_delete = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                conn.executescript(_SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
            elif version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"unknown history schema version {version}")
            conn.execute("SELECT count(*) FROM events JOIN copies ON 0").fetchone()
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._conn = self._connect()
            except sqlite3.DatabaseError as exc:
                bad = self.path.with_name(self.path.name + ".bad")
                os.replace(self.path, bad)
                self.problems.append(Problem(
                    str(self.path), 0, f"history log was unreadable ({exc}); moved to {bad.name}, started a new one"
                ))
                self._conn = self._connect()
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- writing -------------------------------------------------------------
    def record_suggest(self, lang: str, escalated: bool, no_answer: bool, message: str) -> int:
        """Log one suggestion; the message text is kept (masked) only when nothing answered it.
        Returns the event id for `record_copy` (0 when disabled)."""
        if not self.enabled:
            return 0
        text = mask(message).strip() if no_answer else None
        with self._lock:
            db = self._db()
            with db:
                cur = db.execute(
                    "INSERT INTO events (time, lang, escalated, no_answer, message) VALUES (?, ?, ?, ?, ?)",
                    (self._stamp(), lang, int(escalated), int(no_answer), text or None),
                )
            return int(cur.lastrowid)

    def record_copy(self, event_id: int, article_id: str, reply_title: str) -> None:
        """Log that the agent copied a reply of `article_id` after suggestion `event_id`."""
        if not self.enabled:
            return
        with self._lock:
            db = self._db()
            with db:
                db.execute(
                    "INSERT INTO copies (event_id, time, article_id, reply_title) VALUES (?, ?, ?, ?)",
                    (event_id, self._stamp(), article_id, reply_title),
                )

    def clear(self) -> None:
        """Forget everything, including the text left in the file's free pages."""
        if not self.enabled or not self.path.exists():
            return
        with self._lock:
            db = self._db()
            with db:
                db.execute("DELETE FROM events")
                db.execute("DELETE FROM copies")
            db.execute("VACUUM")

    # -- reading -------------------------------------------------------------
    def no_answer_messages(self, since: dt.date | None = None) -> list[LoggedMessage]:
        """Masked unanswered messages, oldest first, from `since` (a UTC day) on."""
        if not self.enabled or not self.path.exists():
            return []
        start = dt.datetime.combine(since, dt.time(), dt.timezone.utc).isoformat() if since else ""
        with self._lock:
            rows = self._db().execute(
                "SELECT id, time, lang, message FROM events WHERE no_answer = 1 AND message IS NOT NULL"
                " AND time >= ? ORDER BY time, id",
                (start,),
            ).fetchall()
        return [LoggedMessage(i, dt.datetime.fromisoformat(t), lang, text) for i, t, lang, text in rows]

    def stats(self) -> HistoryStats:
        if not self.enabled or not self.path.exists():
            return HistoryStats()
        with self._lock:
            db = self._db()
            total, escalated, no_answer = db.execute(
                "SELECT count(*), coalesce(sum(escalated), 0), coalesce(sum(no_answer), 0) FROM events"
            ).fetchone()
            copies = db.execute("SELECT count(*) FROM copies").fetchone()[0]
            by_lang = db.execute(
                "SELECT lang, count(*) AS n FROM events GROUP BY lang ORDER BY n DESC, lang"
            ).fetchall()
        return HistoryStats(total, escalated, no_answer, copies, tuple(map(tuple, by_lang)))

    def _stamp(self) -> str:
        return self._clock().astimezone(dt.timezone.utc).isoformat(timespec="seconds")
