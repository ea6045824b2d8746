"""SQLite connections for the store: shared by threads one call at a time, read-only when they must be.

Kept apart from `store` (what is stored) because it is about how: a lock
around one connection, transactions that roll back even when COMMIT fails
(a full disk), and a read-only connection for a folder that cannot be
written.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


def connect(uri: str) -> "Serialized":
    """A connection to the store at `uri` (a file: URI), shared by this process's threads."""
    return Serialized(sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None))


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection: as usual when SQLite can use its shared-memory file, else `immutable`
    (in a folder this process cannot write, or on a full disk, no one is writing either)."""
    uri = Path(path).resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
        connection.execute("SELECT COUNT(*) FROM meta")
        return connection
    except sqlite3.OperationalError:
        connection = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False,
                                     isolation_level=None)
        connection.execute("SELECT COUNT(*) FROM meta")
        return connection


class Rows(list):
    """A query's rows, already fetched: what a cursor would give, without the cursor."""

    def fetchone(self):
        return self[0] if self else None

    def fetchall(self):
        return list(self)


class Serialized:
    """One SQLite connection shared by threads, used one call at a time, results fetched at once.

    Two searches stepping the same cached statement of one connection at the
    same time crashed the app (SIGSEGV) while an agent typed on 10,000
    articles: CPython's per-connection statement cache is not made for
    concurrent use. Calls are short (sub-millisecond look-ups), so a lock costs
    little; long reads page through the table instead of holding a cursor.
    """

    def __init__(self, connection: sqlite3.Connection):
        self._connection = connection
        self._lock = threading.RLock()

    def execute(self, sql: str, params: tuple | list = ()) -> Rows:
        with self._lock:
            return Rows(self._connection.execute(sql, params).fetchall())

    def executemany(self, sql: str, rows) -> None:
        with self._lock:
            self._connection.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        with self._lock:
            self._connection.executescript(script)

    def close(self) -> None:
        with self._lock:
            self._connection.close()


class Transaction:
    def __init__(self, db: Serialized):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error:
                self._rollback()  # a failed COMMIT (a full disk) leaves the transaction open
                raise
        self._rollback()
        return False

    def _rollback(self) -> None:
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite rolled it back itself
