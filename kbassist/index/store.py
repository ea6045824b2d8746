"""The index's source of truth: one SQLite file per knowledge folder.

It holds the manifest (each file's size, mtime and content hash), the parsed
articles, every chunk with its text hash and its vector, and the problems
found. One transaction per update, so the file is always the old or the new
version. The whoosh and faiss indexes are derived from it: both can be
rebuilt from here without reading or embedding the folder again.

A chunk whose vector is NULL is waiting to be embedded; the semantic index
catches up in batches while keyword search already works. A partial index
lists just those chunks: without it, each batch scanned past every chunk
already embedded, and a 50,000-article build spent minutes doing so.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import secrets
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from ..errors import Problem
from ..wording import Params
from ..knowledge.model import Article, Chunk

FORMAT_VERSION = "5"  # 5: articles moved to kbassist.knowledge.model
_SHARE = "((vid % ?) + ?) % ? = ?"  # the chunk falls in part i of n (vids are signed)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, hash TEXT, size INTEGER, mtime REAL, article_id TEXT);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, path TEXT, data BLOB, summary BLOB);
CREATE TABLE IF NOT EXISTS chunks (
    vid INTEGER PRIMARY KEY, key TEXT, article_id TEXT, path TEXT, heading TEXT, line INTEGER,
    kind TEXT, text TEXT, text_hash TEXT, vector BLOB);
CREATE INDEX IF NOT EXISTS chunks_path ON chunks(path);
CREATE INDEX IF NOT EXISTS chunks_hash ON chunks(text_hash);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
CREATE INDEX IF NOT EXISTS chunks_pending ON chunks(vid) WHERE vector IS NULL;
CREATE TABLE IF NOT EXISTS problems (path TEXT, line INTEGER, message TEXT, severity TEXT, code TEXT, params TEXT);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
CREATE INDEX IF NOT EXISTS problems_path ON problems(path);
CREATE TABLE IF NOT EXISTS vector_changes (id INTEGER PRIMARY KEY, n INTEGER);
CREATE TRIGGER IF NOT EXISTS vector_added AFTER INSERT ON chunks WHEN NEW.vector IS NOT NULL BEGIN
    INSERT INTO vector_changes VALUES (1, 1) ON CONFLICT(id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER IF NOT EXISTS vector_removed AFTER DELETE ON chunks WHEN OLD.vector IS NOT NULL BEGIN
    INSERT INTO vector_changes VALUES (1, 1) ON CONFLICT(id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER IF NOT EXISTS vector_set AFTER UPDATE OF vector, vid ON chunks BEGIN
    INSERT INTO vector_changes VALUES (1, 1) ON CONFLICT(id) DO UPDATE SET n = n + 1; END;
"""


def summary(article: Article) -> Article:
    """The article without body, sections, replies, links and raw metadata.

    Filters, freshness, launches and translations need only the front matter;
    at 10,000 articles the full objects took ~150 MB, the summaries a tenth.
    """
    return dataclasses.replace(article, body="", meta={}, sections=(), replies=(), links=())


def vector_id(chunk_key: str) -> int:
    """A stable 63-bit id for faiss, derived from the chunk key."""
    return int.from_bytes(hashlib.blake2b(chunk_key.encode(), digest_size=8).digest(), "little") >> 1


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class FileState:
    path: str
    hash: str
    size: int
    mtime: float
    article_id: str


@dataclass(frozen=True)
class StoredChunk:
    vid: int
    key: str
    article_id: str
    path: str
    heading: str
    line: int
    kind: str
    text: str


class Store:
    """Thin typed access to the SQLite file; one instance per process."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.db = _Serialized(sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA recursive_triggers=ON")  # rows that INSERT OR REPLACE deletes count as changes
        self.db.executescript(SCHEMA)
        self._start_vector_changes()
        self._add_summaries()
        self._add_problem_codes()

    def _start_vector_changes(self) -> None:
        """Start a new store's count of vector changes at a random number, so that a snapshot
        left from another store (deleted by hand, rebuilt) never matches it by chance."""
        if self.db.execute("SELECT 1 FROM vector_changes WHERE id=1").fetchone() is None:
            try:
                self.db.execute("INSERT OR IGNORE INTO vector_changes VALUES (1, ?)", (secrets.randbits(62),))
            except sqlite3.OperationalError:
                pass  # another process is writing: the triggers start the count at 1 instead

    def _add_summaries(self) -> None:
        """Migrate an index written before summaries existed, instead of rebuilding it.

        Only when the column is missing: looking for empty summaries read every
        article's text (1.4 s of each start at 50,000 articles). The column and
        its values are added in one transaction, so none is ever left empty."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        if "summary" in columns:
            return
        with self.transaction():
            self.db.execute("ALTER TABLE articles ADD COLUMN summary BLOB")
            rows = self.db.execute("SELECT id, data FROM articles").fetchall()
            self.db.executemany("UPDATE articles SET summary=? WHERE id=?", [
                (pickle.dumps(summary(pickle.loads(data)), protocol=pickle.HIGHEST_PROTOCOL), article_id)
                for article_id, data in rows])

    def _add_problem_codes(self) -> None:
        """An index written before problems had codes gets the columns; its old rows keep their text."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(problems)")}
        for column in ("code", "params"):
            if column not in columns:
                try:
                    self.db.execute(f"ALTER TABLE problems ADD COLUMN {column} TEXT")
                except sqlite3.OperationalError:
                    pass  # another process opening the same index added it first

    def close(self) -> None:
        self.db.close()

    # -- meta -------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- reads --------------------------------------------------------------
    def files(self, paths: Iterable[str] | None = None) -> dict[str, FileState]:
        """The manifest: every file's entry, or only those of `paths` (a save at 50,000 articles
        read all 50,000 rows twice: 0.37 s of its 0.57 s)."""
        if paths is None:
            rows = self.db.execute("SELECT path, hash, size, mtime, article_id FROM files")
            return {r[0]: FileState(*r) for r in rows}
        rows = self._rows_in("SELECT path, hash, size, mtime, article_id FROM files WHERE path IN", paths)
        return {r[0]: FileState(*r) for r in rows}

    def _rows_in(self, query: str, values: Iterable) -> list[tuple]:
        """The rows of `query`, which ends in `IN`, for all `values`, asked 500 at a time
        (SQLite's limit on bound variables was 999 in older versions)."""
        values = list(values)
        rows: list[tuple] = []
        for start in range(0, len(values), 500):
            part = values[start:start + 500]
            rows += self.db.execute(f"{query} ({','.join('?' * len(part))})", part)
        return rows

    def article_owners(self) -> dict[str, str]:
        """Article id -> the path of the file that has it."""
        return dict(self.db.execute("SELECT article_id, path FROM files WHERE article_id != ''"))

    def articles(self) -> Iterator[Article]:
        for (blob,) in self.db.execute("SELECT data FROM articles"):
            yield pickle.loads(blob)

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return pickle.loads(row[0]) if row else None

    def summaries(self) -> Iterator[Article]:
        """Every article without its text (see `summary`): what stays in memory."""
        for (blob,) in self.db.execute("SELECT summary FROM articles"):
            yield pickle.loads(blob)

    def problems(self) -> list[Problem]:
        rows = self.db.execute("SELECT path, line, message, severity, code, params FROM problems")
        return [Problem(path, line, message, severity, code or "", Params(map(tuple, json.loads(values or "[]"))))
                for path, line, message, severity, code, values in rows]

    def chunks_of(self, path: str) -> dict[str, tuple[int, str]]:
        """key -> (vid, text_hash) for the chunks a file produced last time."""
        rows = self.db.execute("SELECT key, vid, text_hash FROM chunks WHERE path=?", (path,))
        return {k: (v, h) for k, v, h in rows}

    def chunk(self, vid: int) -> StoredChunk | None:
        row = self.db.execute(
            "SELECT vid, key, article_id, path, heading, line, kind, text FROM chunks WHERE vid=?", (vid,)
        ).fetchone()
        return StoredChunk(*row) if row else None

    def article_ids_of(self, vids: list[int]) -> dict[int, str]:
        """The article of each chunk id that still exists."""
        return dict(self._rows_in("SELECT vid, article_id FROM chunks WHERE vid IN", vids))

    def chunks_of_article(self, article_id: str) -> list[StoredChunk]:
        rows = self.db.execute(
            "SELECT vid, key, article_id, path, heading, line, kind, text FROM chunks WHERE article_id=?",
            (article_id,))
        return [StoredChunk(*row) for row in rows]

    def vectors_by_hash(self, hashes: Iterable[str]) -> dict[str, bytes]:
        """Already-computed vectors for texts seen before (renames, moved sections)."""
        return dict(self._rows_in("SELECT text_hash, vector FROM chunks WHERE vector IS NOT NULL AND text_hash IN",
                                  hashes))

    def pending_vectors(self, limit: int, share: tuple[int, int] = (0, 1)) -> list[tuple[int, str]]:
        """Up to `limit` chunks still without a vector, from part `share` = (i, n) of them."""
        part, parts = share
        return self.db.execute(f"SELECT vid, text FROM chunks WHERE vector IS NULL AND {_SHARE} LIMIT ?",
                               (parts, parts, parts, part, limit)).fetchall()

    def count_pending(self, share: tuple[int, int] = (0, 1)) -> int:
        part, parts = share
        return self.db.execute(f"SELECT COUNT(*) FROM chunks WHERE vector IS NULL AND {_SHARE}",
                               (parts, parts, parts, part)).fetchone()[0]

    @contextmanager
    def consistent_vectors(self, dim: int) -> Iterator[tuple[int, Iterator[tuple[np.ndarray, np.ndarray]]]]:
        """(count of vector changes, (ids, matrix) blocks of every stored vector), as of one moment.

        The count is kept by SQLite triggers on `chunks`: a vector snapshot
        taken at the same count holds exactly the vectors stored here. Both
        are read in one read transaction on a connection of its own, so no
        other process's commit falls between them, and the transactions of
        this process's threads on the shared connection are not disturbed."""
        connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        try:
            connection.execute("BEGIN")
            row = connection.execute("SELECT n FROM vector_changes WHERE id=1").fetchone()
            yield (row[0] if row else 0), _vector_blocks(connection, dim)
        finally:
            connection.close()  # ends the read transaction

    def count_chunks(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def article_vectors(self, dim: int) -> dict[str, np.ndarray]:
        """Each article's chunk vectors (head first), for duplicate detection."""
        out: dict[str, list[np.ndarray]] = {}
        rows = self.db.execute(
            "SELECT article_id, vector FROM chunks WHERE vector IS NOT NULL ORDER BY article_id, kind='section', line"
        )
        for article_id, vec in rows:
            out.setdefault(article_id, []).append(np.frombuffer(vec, dtype=np.float32))
        return {k: np.vstack(v) for k, v in out.items()}

    # -- writes (call inside `transaction()`) -------------------------------
    def transaction(self):
        return _Transaction(self.db)

    def put_file(self, state: FileState) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                        (state.path, state.hash, state.size, state.mtime, state.article_id))

    def remove_file(self, path: str) -> None:
        for table, column in (("files", "path"), ("articles", "path"), ("chunks", "path"), ("problems", "path")):
            self.db.execute(f"DELETE FROM {table} WHERE {column}=?", (path,))

    def put_article(self, article: Article, problems: list[Problem]) -> None:
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)",
                        (article.id, article.path, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL),
                         pickle.dumps(summary(article), protocol=pickle.HIGHEST_PROTOCOL)))
        self.db.execute("DELETE FROM problems WHERE path=?", (article.path,))
        self.put_problems(article.path, problems)

    def put_problems(self, path: str, problems: list[Problem]) -> None:
        self.db.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)",
                            [(path, p.line, p.message, p.severity, p.code, json.dumps(p.params, ensure_ascii=False))
                             for p in problems])

    def replace_chunks(self, path: str, chunks: list[Chunk], vectors: dict[str, bytes]) -> None:
        """Store a file's chunks; vectors are keyed by text hash (missing ones stay NULL)."""
        self.db.execute("DELETE FROM chunks WHERE path=?", (path,))
        rows = []
        for c in chunks:
            h = text_hash(c.text)
            rows.append((vector_id(c.key), c.key, c.article_id, path, c.heading, c.line, c.kind, c.text, h,
                         vectors.get(h)))
        self.db.executemany("INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def set_vectors(self, items: list[tuple[int, str, bytes]]) -> None:
        """Store (vid, text hash, vector) rows; a chunk whose text changed meanwhile keeps waiting.

        The hash guard matters when another process embeds: its vector for an
        old text must not land on the new text an update wrote since."""
        self.db.executemany("UPDATE chunks SET vector=? WHERE vid=? AND text_hash=?",
                            [(v, vid, h) for vid, h, v in items])

    def vectors_of(self, vids: Iterable[int], dim: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, matrix) of the stored vectors among `vids` (another process may have written them)."""
        rows = self._rows_in("SELECT vid, vector FROM chunks WHERE vector IS NOT NULL AND vid IN", vids)
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        return ids, np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)

    def clear_vectors(self) -> None:
        self.db.execute("UPDATE chunks SET vector=NULL")


def _vector_blocks(connection: sqlite3.Connection, dim: int, block: int = 4096
                   ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(ids, matrix) blocks of every embedded chunk, in blocks so a large index is never held twice."""
    last = -(2 ** 63)
    while rows := connection.execute("SELECT vid, vector FROM chunks WHERE vector IS NOT NULL AND vid > ? "
                                     "ORDER BY vid LIMIT ?", (last, block)).fetchall():
        last = rows[-1][0]
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)
        yield ids, matrix


class _Rows(list):
    """A query's rows, already fetched: what a cursor would give, without the cursor."""

    def fetchone(self):
        return self[0] if self else None

    def fetchall(self):
        return list(self)


class _Serialized:
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

    def execute(self, sql: str, params: tuple | list = ()) -> _Rows:
        with self._lock:
            return _Rows(self._connection.execute(sql, params).fetchall())

    def executemany(self, sql: str, rows) -> None:
        with self._lock:
            self._connection.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        with self._lock:
            self._connection.executescript(script)

    def close(self) -> None:
        with self._lock:
            self._connection.close()


class _Transaction:
    def __init__(self, db: _Serialized):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
