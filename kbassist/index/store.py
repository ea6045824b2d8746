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
import secrets
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from ..errors import Problem
from ..knowledge.model import Article, Chunk
from ..wording import Params
from .records import decode, encode
from .sqlite import Serialized, Transaction, connect, read_only_connection

FORMAT_VERSION = "8"  # 6: articles stored as JSON, never pickled; 7: files record the id they claim (issue #17);
#                       8: Chinese synonyms stored beside their words (index.synonyms)
_SHARE = "((vid % ?) + ?) % ? = ?"  # the chunk falls in part i of n (vids are signed)
FILE_COLUMNS = "path, hash, size, mtime, article_id, claimed_id"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, hash TEXT, size INTEGER, mtime REAL, article_id TEXT,
    claimed_id TEXT);
CREATE INDEX IF NOT EXISTS files_claimed ON files(claimed_id);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, path TEXT, data TEXT, summary TEXT);
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
    article_id: str  # the id the article has ("": not an article)
    claimed_id: str = ""  # the id its file asks for (another file may keep it: index.ids)


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
    """Thin typed access to the SQLite file; one instance per process.

    An existing store that cannot be opened for writing (a read-only folder,
    a full disk that has no room for SQLite's shared-memory file) is opened
    read-only, so searches keep working: `read_only` says so, and writes then
    fail with SQLite's "readonly database" error."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.read_only = False
        existed = self.path.exists()
        try:
            self.db = connect(f"{self.path.resolve().as_uri()}?mode=rwc")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(SCHEMA)
        except sqlite3.OperationalError as exc:
            if not existed or any(word in str(exc) for word in ("locked", "busy")):
                raise  # a new store cannot be read-only; a busy one is not unwritable
            self.db = Serialized(read_only_connection(self.path))
            self.read_only = True
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA recursive_triggers=ON")  # rows that INSERT OR REPLACE deletes count as changes
        if not self.read_only:
            self._start_vector_changes()
            self._add_problem_codes()


    def _start_vector_changes(self) -> None:
        """Start a new store's count of vector changes at a random number, so that a snapshot
        left from another store (deleted by hand, rebuilt) never matches it by chance."""
        if self.db.execute("SELECT 1 FROM vector_changes WHERE id=1").fetchone() is None:
            try:
                self.db.execute("INSERT OR IGNORE INTO vector_changes VALUES (1, ?)", (secrets.randbits(62),))
            except sqlite3.OperationalError:
                pass  # another process is writing: the triggers start the count at 1 instead

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
            rows = self.db.execute(f"SELECT {FILE_COLUMNS} FROM files")
            return {r[0]: FileState(*r) for r in rows}
        rows = self._rows_in(f"SELECT {FILE_COLUMNS} FROM files WHERE path IN", paths)
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

    def claimants(self, ids: Iterable[str]) -> dict[str, set[str]]:
        """Claimed id -> the paths of the files claiming it, for `ids`."""
        found: dict[str, set[str]] = {}
        for claimed, path in self._rows_in("SELECT claimed_id, path FROM files WHERE claimed_id IN", ids):
            found.setdefault(claimed, set()).add(path)
        return found

    def holders(self, ids: Iterable[str]) -> dict[str, str]:
        """Article id -> the path of the file whose article has it, for `ids` that some file has."""
        return dict(self._rows_in("SELECT article_id, path FROM files WHERE article_id IN", ids))

    def outvoted(self) -> list[FileState]:
        """Files whose article has another id than the one they claim (another file keeps it)."""
        return [FileState(*r) for r in self.db.execute(
            f"SELECT {FILE_COLUMNS} FROM files WHERE article_id != '' AND article_id != claimed_id")]

    def articles(self) -> Iterator[Article]:
        """Every whole article; BadRecord when a row is not what this version writes."""
        for (text,) in self.db.execute("SELECT data FROM articles"):
            yield decode(Article, text)

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return decode(Article, row[0]) if row else None

    def summaries(self) -> Iterator[Article]:
        """Every article without its text (see `summary`): what stays in memory."""
        for (text,) in self.db.execute("SELECT summary FROM articles"):
            yield decode(Article, text)

    def problems(self) -> list[Problem]:
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(problems)")}
        coded = "code, params" if "code" in columns else "'', NULL"  # a read-only store from before codes
        rows = self.db.execute(f"SELECT path, line, message, severity, {coded} FROM problems")
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
        connection = read_only_connection(self.path)
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
        return Transaction(self.db)

    def put_file(self, state: FileState) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                        (state.path, state.hash, state.size, state.mtime, state.article_id, state.claimed_id))

    def remove_file(self, path: str) -> None:
        for table, column in (("files", "path"), ("articles", "path"), ("chunks", "path"), ("problems", "path")):
            self.db.execute(f"DELETE FROM {table} WHERE {column}=?", (path,))

    def put_article(self, article: Article, problems: list[Problem]) -> None:
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)",
                        (article.id, article.path, encode(article), encode(summary(article))))
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
