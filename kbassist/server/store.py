"""Reading the server's index: what `index.store.Store` gives the Assistant for a local index.

The Assistant reads the manifest, the articles, the problems and the meta
values through the same method names on either store, so its code paths
stay one. Nothing on the server waits to be embedded: the indexer commits
an article only with its vectors (`count_pending` is always 0).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from ..errors import Problem
from ..wording import Params
from ..index.store import FileState, StoredChunk
from ..knowledge.model import Article
from .connection import Reader
from .records import decode

CHUNK_COLUMNS = "vid, key, article_id, path, heading, line, kind, text"
FILE_COLUMNS = "path, hash, size, mtime, article_id, claimed_id"  # `index.store.FileState`'s fields


class ServerStore:
    def __init__(self, reader: Reader, directory: Path, model_files: dict[str, str]):
        """`directory`: this machine's cache for the server's index; `model_files`: meta key -> the file
        there that goes with its value (the escalation models, the intent classifier)."""
        self.reader, self.directory, self.model_files = reader, directory, model_files

    # -- meta --------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        """The value as stored ("" included, as `index.store.Store.meta` gives it); None when never set."""
        rows = self.reader.rows("SELECT value FROM kb_meta WHERE key = %s", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a meta value. A model's key goes with its file, in one transaction: an agent that reads
        the key also finds the model it names (no file: the model is dropped, as the file was)."""
        name = self.model_files.get(key)

        def write(connection) -> None:
            with connection.transaction():
                connection.execute("INSERT INTO kb_meta VALUES (%s, %s) ON CONFLICT (key) "
                                   "DO UPDATE SET value = EXCLUDED.value", (key, value))
                if name is None:
                    return
                path = self.directory / name
                if path.exists():
                    connection.execute("INSERT INTO kb_blobs VALUES (%s, %s) ON CONFLICT (name) "
                                       "DO UPDATE SET data = EXCLUDED.data", (name, path.read_bytes()))
                else:
                    connection.execute("DELETE FROM kb_blobs WHERE name = %s", (name,))
        self.reader.run(write)

    def fetch_models(self) -> None:
        """Copy the models the indexer trained into the local cache (the Assistant loads them there);
        one the server no longer has is removed here too."""
        stored = dict(self.reader.rows("SELECT name, data FROM kb_blobs WHERE name = ANY(%s)",
                                       (list(self.model_files.values()),)))
        for name in self.model_files.values():
            target = self.directory / name
            if name not in stored:
                target.unlink(missing_ok=True)
                continue
            temporary = target.with_suffix(".part")
            temporary.write_bytes(stored[name])
            temporary.replace(target)

    # -- the manifest, articles, problems ----------------------------------------------------
    def files(self, paths: Iterable[str] | None = None) -> dict[str, FileState]:
        sql = f"SELECT {FILE_COLUMNS} FROM kb_files"
        rows = self.reader.rows(sql) if paths is None else self.reader.rows(sql + " WHERE path = ANY(%s)",
                                                                             (list(paths),))
        return {r[0]: FileState(*r) for r in rows}

    def summaries(self) -> Iterator[Article]:
        for (data,) in self.reader.rows("SELECT summary FROM kb_articles"):
            yield decode(data)

    def article(self, article_id: str) -> Article | None:
        rows = self.reader.rows("SELECT data FROM kb_articles WHERE id = %s", (article_id,))
        return decode(rows[0][0]) if rows else None

    def articles(self) -> Iterator[Article]:
        for (data,) in self.reader.rows("SELECT data FROM kb_articles"):
            yield decode(data)

    def generation(self) -> int:
        """The write generation: the indexer raises it in every transaction it commits."""
        return int(self.reader.rows("SELECT value FROM kb_meta WHERE key = 'generation'")[0][0])

    def changes_since(self, generation: int) -> tuple[int, list[Article], list[str]]:
        """(the current generation, summaries written after `generation`, ids removed after it)."""
        def read(connection) -> tuple[int, list[Article], list[str]]:
            with connection.transaction():  # one snapshot for all three
                current = int(connection.execute("SELECT value FROM kb_meta WHERE key = 'generation'").fetchone()[0])
                fresh = connection.execute("SELECT summary FROM kb_articles WHERE generation > %s",
                                           (generation,)).fetchall()
                gone = connection.execute("SELECT id FROM kb_removed WHERE generation > %s", (generation,)).fetchall()
            return current, [decode(d) for (d,) in fresh], [i for (i,) in gone]
        return self.reader.run(read)

    def terms_of(self, article_ids: list[str]) -> list[str]:
        """The terms these articles hold now (their postings changed)."""
        return [t for (t,) in self.reader.rows("SELECT DISTINCT term FROM kb_postings WHERE article_id = ANY(%s)",
                                               (article_ids,))]

    def problems(self) -> list[Problem]:
        rows = self.reader.rows("SELECT path, line, message, severity, code, params FROM kb_problems")
        return [Problem(path, line, message, severity, code, Params(map(tuple, values)))
                for path, line, message, severity, code, values in rows]

    # -- chunks and vectors --------------------------------------------------------------
    def count_chunks(self) -> int:
        return self.reader.rows("SELECT count(*) FROM kb_chunks")[0][0]

    def count_pending(self, share: tuple[int, int] = (0, 1)) -> int:
        return 0

    def chunk(self, vid: int) -> StoredChunk | None:
        rows = self.reader.rows(f"SELECT {CHUNK_COLUMNS} FROM kb_chunks WHERE vid = %s", (vid,))
        return StoredChunk(*rows[0]) if rows else None

    def chunks_of_article(self, article_id: str) -> list[StoredChunk]:
        return [StoredChunk(*r) for r in
                self.reader.rows(f"SELECT {CHUNK_COLUMNS} FROM kb_chunks WHERE article_id = %s ORDER BY vid",
                                (article_id,))]

    def article_vectors(self, dim: int | None = None) -> dict[str, np.ndarray]:
        """Each article's chunk vectors, head first (duplicate detection, the calibration)."""
        out: dict[str, list[np.ndarray]] = {}
        rows = self.reader.rows("SELECT article_id, embedding FROM kb_chunks WHERE embedding IS NOT NULL "
                                "ORDER BY article_id, kind = 'section', line")
        for article_id, vector in rows:
            out.setdefault(article_id, []).append(vector.to_numpy().astype(np.float32))
        return {k: np.vstack(v) for k, v in out.items()}
