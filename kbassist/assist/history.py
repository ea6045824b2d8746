"""A local, private log of suggestions: what was asked about, never who asked.

Editors want to know which questions the knowledge base could not answer and
which replies get used, and team leads want the numbers of issue #21 (copy
rate, paste-to-copy time, escalation overrides, outcomes, A/B wordings). That
needs a log, but customer messages are personal data, so the log keeps
counts, flags and knowledge-base ids for every suggestion, and text only for
the content gaps (nothing answered it, the answer was weak, or the copied
reply was heavily rewritten): masked by `pii.mask`, then sealed with the data key
(`privacy.crypto`, the key from `privacy.keys`) before it touches the disk.
The file and its folder are the user's alone (0600 / 0700). Rows older than
the retention period (`Settings.history_retention_days`) are deleted when
the log opens and again once a day while it is written to. Deleted rows are
overwritten (`secure_delete`) and `clear()` vacuums and removes set-aside
copies, so a cleared log holds no old text, sealed or not.

`enabled` is whether new suggestions are logged: a disabled log creates no
file, but what an earlier session kept can still be read, exported and
cleared (the user's right to see and erase it does not depend on the switch).

A log that will not open is not a reason to stop helping the agent: a
corrupt file, or one sealed with a key this machine no longer has, is moved
aside to `.bad`, a fresh one started, and a `Problem` recorded for the UI.
"""
from __future__ import annotations

import base64
import datetime as dt
import os
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from ..errors import Problem
from ..privacy.crypto import CannotDecrypt, Cipher
from ..privacy.files import private_dir, private_file
from ..privacy.keys import DataKey, load_key
from ..settings import data_dir
from .history_model import (
    OUTCOMES,
    OVERRIDES,
    CopyDetails,
    HistoryStats,
    LoggedCopy,
    LoggedEvent,
    LoggedMessage,
    ShownDetails,
)
from .history_schema import META, SCHEMA, SCHEMA_VERSION, TABLES, add_insight_columns
from .pii import mask

__all__ = ("History", "HistoryStats", "LoggedCopy", "LoggedEvent", "LoggedMessage", "default_history_path")

DEFAULT_RETENTION_DAYS = 90
PURGE_EVERY = dt.timedelta(days=1)
HEAVY_EDIT = 0.3  # a copy this much rewritten keeps its question (masked, sealed) as a content gap
_MESSAGE = b"history.events.message"  # associated data: a sealed message opens only in its own column
_VECTOR = b"history.vectors.vector"


def default_history_path() -> Path:
    """In the per-user data dir (KBASSIST_DATA_DIR moves it, so tests never touch the real log)."""
    return data_dir() / "history.sqlite3"


class _SealedWithAnotherKey(Exception):
    """The file's key id is not the current key's."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class History:
    """The log at `path`, created on first write (see the module docstring)."""

    def __init__(self, path: str | os.PathLike, enabled: bool = True,
                 clock: Callable[[], dt.datetime] = _utc_now, *,
                 retention_days: int | Callable[[], int] = DEFAULT_RETENTION_DAYS,
                 key: Callable[[], DataKey] = load_key,
                 on_kept: Callable[[int, str], None] | None = None) -> None:
        """`retention_days`: a number, or a function read at each purge (settings change while
        the app runs); `key`: where the data key comes from (tests pass their own); `on_kept`:
        told (event id, masked text) after a text is kept, so its vector can be cached while the
        model is at hand (a report then need not load it)."""
        self.path = Path(path)
        self.enabled = enabled
        self.problems: list[Problem] = []
        self.key_location = ""  # "keyring" or the key file, once the key is loaded
        self._clock = clock
        self._retention = retention_days if callable(retention_days) else (lambda: retention_days)
        self._load_key = key
        self._cipher: Cipher | None = None
        self._conn: sqlite3.Connection | None = None
        self._purged_at = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
        self._lock = threading.Lock()  # suggestions are logged from worker threads
        self._changes = 0  # rows written or deleted through this object (see `version`)
        self._on_kept = on_kept

    # -- opening -------------------------------------------------------------
    def open_existing(self) -> list[Problem]:
        """Open the log if there is one, as the app does at start: what is past retention goes
        now, and a lost key is reported before the first suggestion. Returns the problems."""
        if self.path.exists():
            with self._lock:
                self._db()
        return list(self.problems)

    def _cipher_now(self) -> Cipher:
        if self._cipher is None:
            data_key = self._load_key()
            self.key_location = data_key.where
            if data_key.warning:
                self.problems.append(Problem.of(data_key.where, 0, "data_key_in_file", warning=data_key.warning,
                                                file=data_key.where))
            self._cipher = Cipher(data_key.key)
        return self._cipher

    def _connect(self) -> sqlite3.Connection:
        private_file(self.path)
        conn = sqlite3.connect(self.path, check_same_thread=False)
        try:
            conn.execute("PRAGMA secure_delete = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                conn.executescript(SCHEMA + META + "PRAGMA user_version = 2;")
            elif version == 1:
                self._seal_version_1(conn)
            if version in (0, 1, 2):
                add_insight_columns(conn)
            elif version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"unknown history schema version {version}")
            conn.execute("SELECT count(*) FROM events JOIN copies ON 0 JOIN meta ON 0 JOIN feedback ON 0"
                         " JOIN vectors ON 0").fetchone()
            self._check_key(conn)
        except (sqlite3.DatabaseError, _SealedWithAnotherKey):
            conn.close()
            raise
        return conn

    def _seal_version_1(self, conn: sqlite3.Connection) -> None:
        """A log from before encryption: seal its masked texts, then vacuum the plain ones away."""
        cipher = self._cipher_now()
        with conn:
            conn.execute(META)
            rows = conn.execute("SELECT id, message FROM events WHERE message IS NOT NULL").fetchall()
            conn.executemany("UPDATE events SET message = ? WHERE id = ?",
                             [(cipher.seal(text, _MESSAGE), event_id) for event_id, text in rows])
            conn.execute("PRAGMA user_version = 2")
        conn.execute("VACUUM")

    def _check_key(self, conn: sqlite3.Connection) -> None:
        key_id = self._cipher_now().key_id
        row = conn.execute("SELECT value FROM meta WHERE name = 'key_id'").fetchone()
        if row is None:
            with conn:
                conn.execute("INSERT INTO meta (name, value) VALUES ('key_id', ?)", (key_id,))
        elif row[0] != key_id:
            raise _SealedWithAnotherKey()

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            private_dir(self.path.parent)
            try:
                self._conn = self._connect()
            except sqlite3.DatabaseError as exc:
                self._start_afresh("history_unreadable", error=str(exc))
            except _SealedWithAnotherKey:
                self._start_afresh("history_other_key")
        if self._clock() - self._purged_at >= PURGE_EVERY:
            self._purge(self._conn)
        return self._conn

    def _start_afresh(self, code: str, **values) -> None:
        bad = self._set_aside_path()
        os.replace(self.path, bad)
        self.problems.append(Problem.of(str(self.path), 0, code, kept=bad.name, **values))
        self._conn = self._connect()
        self._changes += 1

    def _set_aside_path(self) -> Path:
        return self.path.with_name(self.path.name + ".bad")

    def _purge(self, db: sqlite3.Connection) -> None:
        """Delete what is older than the retention period (and a set-aside copy that old)."""
        now = self._clock()
        cutoff = now - dt.timedelta(days=max(1, int(self._retention())))
        with db:
            for table in TABLES:
                db.execute(f"DELETE FROM {table} WHERE time < ?", (_stamp(cutoff),))
        bad = self._set_aside_path()
        if bad.exists() and dt.datetime.fromtimestamp(bad.stat().st_mtime, dt.timezone.utc) < cutoff:
            bad.unlink()
        self._purged_at = now
        self._changes += 1

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
                self._changes += 1  # a new connection counts data_version afresh

    # -- writing -------------------------------------------------------------
    def record_suggest(self, lang: str, escalated: bool, no_answer: bool, message: str,
                       details: ShownDetails = ShownDetails()) -> int:
        """Log one suggestion; the message text is kept (masked, sealed) only when nothing answered it
        or the answer was weak (`details.low_confidence`). Returns the event id (0 when disabled)."""
        if not self.enabled:
            return 0
        text = mask(message).strip() if no_answer or details.low_confidence else ""
        variants = "\n".join(f"{v.article_id}\t{v.reply_title}\t{v.variant}" for v in details.variants)
        with self._lock:
            db = self._db()
            sealed = self._cipher_now().seal(text, _MESSAGE) if text else None
            with db:
                cur = db.execute(
                    "INSERT INTO events (time, lang, escalated, no_answer, message, top_article, confidence,"
                    " categories, sentiment, low_confidence, variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (_stamp(self._clock()), lang, int(escalated), int(no_answer), sealed, details.top_article,
                     float(details.confidence), ",".join(details.categories), details.sentiment,
                     int(details.low_confidence), variants),
                )
            self._changes += 1
        if text and self._on_kept is not None:
            self._on_kept(int(cur.lastrowid), text)
        return int(cur.lastrowid)

    def record_copy(self, event_id: int, article_id: str, reply_title: str,
                    details: CopyDetails = CopyDetails()) -> None:
        """Log that the agent copied a reply of `article_id` after suggestion `event_id`; a copy edited
        by HEAVY_EDIT or more keeps the suggestion's question (masked, sealed) as a content gap."""
        if not self.enabled:
            return
        text = mask(details.message).strip() if details.edit >= HEAVY_EDIT else ""
        with self._lock:
            db = self._db()
            sealed = self._cipher_now().seal(text, _MESSAGE) if text else None
            with db:
                db.execute(
                    "INSERT INTO copies (event_id, time, article_id, reply_title, variant, seconds, edit)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (event_id, _stamp(self._clock()), article_id, reply_title, details.variant, details.seconds,
                     round(float(details.edit), 3)),
                )
                kept = sealed is not None and db.execute(
                    "UPDATE events SET message = ? WHERE id = ? AND message IS NULL", (sealed, event_id)).rowcount
            self._changes += 1
        if kept and self._on_kept is not None:
            self._on_kept(event_id, text)

    def record_feedback(self, event_id: int, kind: str, value: str) -> None:
        """The agent's word on suggestion `event_id`: kind "override" (OVERRIDES) or "outcome" (OUTCOMES).
        A later word replaces an earlier one of the same kind when read."""
        allowed = {"override": OVERRIDES, "outcome": OUTCOMES}.get(kind, ())
        if value not in allowed:
            raise ValueError(f"{kind} {value!r} is not one of {allowed}")
        if not self.enabled or not event_id:
            return
        with self._lock:
            db = self._db()
            with db:
                db.execute("INSERT INTO feedback (event_id, time, kind, value) VALUES (?, ?, ?, ?)",
                           (event_id, _stamp(self._clock()), kind, value))
            self._changes += 1

    def clear(self) -> None:
        """Forget everything, including the text left in the file's free pages and set-aside copies."""
        with self._lock:
            if self.path.exists():
                db = self._db()
                with db:
                    for table in TABLES:
                        db.execute(f"DELETE FROM {table}")
                db.execute("VACUUM")
                self._changes += 1
            self._set_aside_path().unlink(missing_ok=True)

    def set_marker(self, name: str, value: str) -> None:
        """Keep a small value beside the log (when its events were last sent to a team server)."""
        if not self.enabled:
            return
        with self._lock:
            db = self._db()
            with db:
                db.execute("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
                           " SET value = excluded.value", (f"marker:{name}", value))

    def marker(self, name: str) -> str | None:
        if not self.path.exists():
            return None
        with self._lock:
            row = self._db().execute("SELECT value FROM meta WHERE name = ?", (f"marker:{name}",)).fetchone()
        return row[0] if row else None

    # -- reading -------------------------------------------------------------
    def version(self) -> tuple[int, int]:
        """A value that changes whenever the log may have: a write or purge through this object, or a
        commit by another process (SQLite's data_version). Two reads at the same version read the same."""
        if not self.path.exists():
            return self._changes, -1
        with self._lock:
            db = self._db()
            return self._changes, db.execute("PRAGMA data_version").fetchone()[0]

    def no_answer_messages(self, since: dt.date | None = None) -> list[LoggedMessage]:
        """Masked unanswered messages, oldest first, from `since` (a UTC day) on."""
        return [LoggedMessage(e.event_id, e.time, e.lang, e.text)
                for e in self.entries(since) if e.no_answer and e.text]

    def entries(self, since: dt.date | None = None, *, texts: bool = True) -> list[LoggedEvent]:
        """Everything kept, oldest first, from `since` (a UTC day) on: each suggestion with its
        flags, its masked text (opened for the user whose key sealed it; None for all with
        `texts=False`, which the numbers do not need), its copies and feedback."""
        if not self.path.exists():
            return []
        start = _stamp(dt.datetime.combine(since, dt.time(), dt.timezone.utc)) if since else ""
        message = "CAST(message AS BLOB)" if texts else "NULL"
        with self._lock:
            db = self._db()
            rows = db.execute(f"SELECT id, time, lang, escalated, no_answer, {message}, top_article,"
                              " confidence, categories, sentiment, low_confidence, variants FROM events"
                              " WHERE time >= ? ORDER BY time, id", (start,)).fetchall()
            copies: dict[int, list[LoggedCopy]] = {}
            for event_id, time, *copy in db.execute(
                    "SELECT event_id, time, article_id, reply_title, variant, seconds, edit FROM copies"
                    " WHERE time >= ? ORDER BY time, id", (start,)):
                copies.setdefault(event_id, []).append(LoggedCopy(dt.datetime.fromisoformat(time), *copy))
            feedback = {(event_id, kind): value for event_id, kind, value in db.execute(
                "SELECT event_id, kind, value FROM feedback WHERE time >= ? ORDER BY time, id", (start,))}
            cipher = self._cipher_now()
        events, unreadable = [], 0
        for event_id, time, lang, escalated, no_answer, sealed, *shown in rows:
            text = None
            if sealed is not None:
                try:
                    text = cipher.open(sealed, _MESSAGE)
                except CannotDecrypt:
                    unreadable += 1
            events.append(LoggedEvent(event_id, dt.datetime.fromisoformat(time), lang, bool(escalated),
                                      bool(no_answer), text, tuple(copies.get(event_id, ())), ShownDetails.from_row(*shown),
                                      feedback.get((event_id, "override"), ""),
                                      feedback.get((event_id, "outcome"), "")))
        if unreadable:
            self.problems.append(Problem.of(str(self.path), 0, "history_rows_unreadable", count=unreadable))
        return events

    def vectors(self, event_ids: Iterable[int], embedder: str) -> dict[int, np.ndarray]:
        """The cached vectors of kept texts (content gaps), sealed like the texts they come from."""
        wanted = set(event_ids)
        if not wanted or not self.path.exists():
            return {}
        with self._lock:
            rows = self._db().execute("SELECT event_id, vector FROM vectors WHERE embedder = ?", (embedder,)).fetchall()
            cipher = self._cipher_now()
        found = {}
        for event_id, sealed in rows:
            if event_id in wanted:
                try:
                    found[event_id] = np.frombuffer(base64.b64decode(cipher.open(sealed, _VECTOR)), np.float16)
                except CannotDecrypt:
                    continue  # computed again
        return found

    def keep_vectors(self, embedder: str, vectors: dict[int, np.ndarray]) -> None:
        """Cache vectors of kept texts (float16, sealed): the next report need not load the model."""
        if not self.enabled or not vectors:
            return
        with self._lock:
            db = self._db()
            cipher = self._cipher_now()
            sealed = [(event_id, cipher.seal(base64.b64encode(np.asarray(v, np.float16).tobytes()).decode(), _VECTOR))
                      for event_id, v in vectors.items()]
            with db:
                db.executemany("INSERT OR REPLACE INTO vectors (event_id, time, embedder, vector) SELECT id, time, ?, ?"
                               " FROM events WHERE id = ?", [(embedder, blob, event_id) for event_id, blob in sealed])

    def stats(self) -> HistoryStats:
        if not self.path.exists():
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


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
