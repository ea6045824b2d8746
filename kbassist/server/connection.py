"""Connections to a team's PostgreSQL: a pool per process, errors an agent can read, one writer at a time.

Reads go through a `psycopg_pool` pool in autocommit mode: each statement
sees the last committed state, and the indexer commits an article with its
chunks, vectors and terms in one transaction, so a search never sees half an
article. A connection broken by a server restart is dropped by the pool;
the read that met it is tried once more on a fresh one, and when the server
is really gone the caller gets `ServerUnavailable`, one line naming the
server (never its password), rather than a driver traceback.
"""
from __future__ import annotations

import contextlib
import os
import socket
from typing import Callable, Iterator, TypeVar
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from ..errors import IndexBusy, KbError

POOL_SIZE = 4  # an agent's app searches one query at a time; the indexer's calibration too
CONNECT_TIMEOUT_S = 5
EF_SEARCH = 200  # HNSW candidates per vector query: must exceed the 180 the hybrid search asks for
WRITER_LOCK = 0x6B62617373697374  # "kbassist": pg_try_advisory_lock key of the one indexer
T = TypeVar("T")


class ServerError(KbError):
    """The team's server refused something (no pgvector, an index of a newer kbassist)."""


class ServerUnavailable(ServerError):
    """The team's server does not answer (down, restarting, unreachable)."""


def safe_url(url: str) -> str:
    """`url` without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc[-1]}"))


def connect(url: str, purpose: str, **options) -> psycopg.Connection:
    """A plain connection (migrations, the writer), named so `pg_stat_activity` says who holds it."""
    try:
        return psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S, application_name=application_name(purpose),
                               **options)
    except psycopg.OperationalError as exc:
        raise unavailable(url, exc) from exc


def application_name(purpose: str) -> str:
    return f"kbassist {purpose} on {socket.gethostname()} pid {os.getpid()}"[:63]


def unavailable(url: str, exc: BaseException) -> ServerUnavailable:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ServerUnavailable(f"the team's server {safe_url(url)} is not answering ({reason})")


class Reader:
    """A pool of autocommit connections for searches and look-ups."""

    def __init__(self, url: str, configure: Callable[[psycopg.Connection], None], size: int = POOL_SIZE):
        self.url = url

        def prepare(connection: psycopg.Connection) -> None:
            configure(connection)
            connection.execute(f"SET hnsw.ef_search = {EF_SEARCH}")

        self.pool = ConnectionPool(url, min_size=1, max_size=size, open=False, timeout=CONNECT_TIMEOUT_S,
                                   configure=prepare, name="kbassist",
                                   kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S,
                                           "application_name": application_name("search")})
        try:
            self.pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        except PoolTimeout as exc:
            self.pool.close()
            raise unavailable(url, exc) from exc

    def run(self, work: Callable[[psycopg.Connection], T]) -> T:
        """`work(connection)`, once more on a fresh connection if the first was broken (a restart)."""
        try:
            return self._once(work)
        except psycopg.OperationalError:
            self.pool.check()  # drop the other connections the restart broke
        try:
            return self._once(work)
        except psycopg.OperationalError as exc:
            raise unavailable(self.url, exc) from exc

    def _once(self, work: Callable[[psycopg.Connection], T]) -> T:
        try:
            with self.pool.connection() as connection:
                return work(connection)
        except PoolTimeout as exc:
            raise unavailable(self.url, exc) from exc

    def rows(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        return self.run(lambda connection: connection.execute(sql, params).fetchall())

    def close(self) -> None:
        self.pool.close()


@contextlib.contextmanager
def writer_lock(url: str, configure: Callable[[psycopg.Connection], None]) -> Iterator[psycopg.Connection]:
    """The indexer's connection, holding the server's one writer lock; `IndexBusy` when another holds it.

    A session-level advisory lock: a killed indexer's connection closes and
    PostgreSQL releases the lock with it, so nothing stale is left behind."""
    connection = connect(url, "index", autocommit=True)
    try:
        configure(connection)
        if not connection.execute("SELECT pg_try_advisory_lock(%s)", (WRITER_LOCK,)).fetchone()[0]:
            holder = connection.execute(
                "SELECT a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                "WHERE l.locktype = 'advisory' AND l.granted AND (l.classid::bigint << 32 | l.objid::bigint) = %s",
                (WRITER_LOCK,)).fetchone()
            who = f"{holder[0] or 'another kbassist'}, since {holder[1]:%Y-%m-%d %H:%M:%S}" if holder else "another"
            raise IndexBusy(f"another indexer is updating the index on {safe_url(url)} ({who}); "
                            "only one may write at a time")
        yield connection
    finally:
        connection.close()
