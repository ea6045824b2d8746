"""The indexer: bring the server's index up to date with a folder, one writer at a time.

Under the server's writer lock (`connection.writer_lock`: a second indexer
is refused, naming the first), the folder is compared with the server's
manifest by size, mtime and hash (`index.indexer.diff_folder`, as for a
local index), changed files are parsed, their chunks embedded (vectors of
texts the server already holds are reused), and each batch is committed in
one transaction with its terms (`writer`). Which file keeps an id several
files claim is settled by `index.ids`, as for a local index, over the
server's manifest (`ServerClaims`). Killed at any point, the server
keeps every article as it was before the batch in flight; the next run
reads that batch again.

A large first build loads the chunks without the HNSW index and builds it
once at the end: inserting into it row by row was several times slower.
Meanwhile vector queries scan the table, exactly.
"""
from __future__ import annotations

import dataclasses
import os
from typing import Callable, Generator, Iterable

import psycopg

from ..embed.embedders import Embedder
from ..index.analysis import mixed_analyzer
from ..index.indexer import WRITE_BATCH_FILES, FolderDiff, ParsedFile, diff_folder, parse_file, settle_ids
from ..index.model import IndexChange, Progress
from ..index.store import FileState, text_hash
from ..knowledge.model import Article
from . import schema
from .connection import ServerError, writer_lock
from .embedding import Embedding
from .store import FILE_COLUMNS
from .writer import Prepared, known_vectors, prepare, remove_files, write_files

BULK_FILES = 300  # files to read before embedding moves to worker processes
LARGE_BUILD_FILES = 300  # files to read into an empty index before its HNSW index waits for the end
MAX_WORKERS = 4

ChooseEmbedder = Callable[[FolderDiff], tuple[Embedder, str]]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


class ServerClaims:
    """The manifest as `index.ids.settle` reads it, from the indexer's connection, with the files settled
    but not yet committed laid over it (a batch is settled while the one before it is still embedding)."""

    def __init__(self, connection: psycopg.Connection):
        self.connection = connection
        self.pending: dict[str, FileState] = {}

    def settled(self, parsed: list[ParsedFile]) -> list[ParsedFile]:
        self.pending.update((p.state.path, p.state) for p in parsed)
        return parsed

    def files(self, paths: Iterable[str]) -> dict[str, FileState]:
        paths = list(paths)
        found = {r[0]: FileState(*r) for r in self.connection.execute(
            f"SELECT {FILE_COLUMNS} FROM kb_files WHERE path = ANY(%s)", (paths,))}
        found.update((p, self.pending[p]) for p in paths if p in self.pending)
        return found

    def claimants(self, ids: Iterable[str]) -> dict[str, set[str]]:
        ids = set(ids)
        found: dict[str, set[str]] = {}
        for claimed, path in self.connection.execute("SELECT claimed_id, path FROM kb_files WHERE claimed_id = ANY(%s)",
                                                     (list(ids),)):
            if path not in self.pending:
                found.setdefault(claimed, set()).add(path)
        for path, state in self.pending.items():
            if state.claimed_id in ids:
                found.setdefault(state.claimed_id, set()).add(path)
        return found

    def outvoted(self) -> list[FileState]:
        rows = self.connection.execute(f"SELECT {FILE_COLUMNS} FROM kb_files "
                                       "WHERE article_id != '' AND article_id != claimed_id")
        return [*(FileState(*r) for r in rows if r[0] not in self.pending),
                *(s for s in self.pending.values() if s.article_id and s.article_id != s.claimed_id)]


def sync_folder(url: str, configure: Callable[[psycopg.Connection], None], folder, only: list[str] | None,
                choose: ChooseEmbedder, on_articles: Callable[[list[Article], list[str]], None],
                outside_links: bool = False, workers: int | None = None,
                reread: bool = False) -> Generator[Progress, None, IndexChange]:
    """Update the server from `folder` (or only the paths in `only`), yielding progress.

    `choose(diff)`: the embedder (and the spec a worker process loads it by), asked
    only when something changed; `on_articles(fresh, removed)`: the caller's summaries;
    `outside_links`: read through links out of the folder. `reread` (`--rebuild`): every
    file is read, parsed and written again, one batch at a time as for an update (agents
    never see the index empty); vectors of unchanged texts are reused, as the embedder
    cannot change for an index."""
    with writer_lock(url, configure) as connection:
        known = {r[0]: FileState(*r) for r in connection.execute(f"SELECT {FILE_COLUMNS} FROM kb_files").fetchall()}
        if reread:  # a manifest that matches no file: each counts as changed
            known = {path: dataclasses.replace(state, hash="", size=-1) for path, state in known.items()}
        diff = diff_folder(folder, known if only is None else {p: known[p] for p in only if p in known}, only,
                           outside_links)
        if diff.empty:
            return IndexChange(problems=tuple(diff.scan_problems))
        embedder, spec = choose(diff)
        _check_embedder(connection, embedder, spec)
        todo = diff.added + diff.changed
        bulk = len(todo) >= BULK_FILES
        empty = connection.execute("SELECT NOT EXISTS (SELECT 1 FROM kb_chunks)").fetchone()[0]
        large = len(todo) >= LARGE_BUILD_FILES
        if large and empty:
            schema.drop_vector_index(connection)
        claims = ServerClaims(connection)
        analyzer = mixed_analyzer()
        added: list[str] = []
        updated: list[str] = []
        removed: list[str] = []
        problems = list(diff.scan_problems)
        total, done = diff.count, 0
        yield Progress(0, total, "indexing on the server")
        with Embedding(embedder, spec, (workers or default_workers()) if bulk else 0) as embedding:
            waiting: list[tuple] = []  # batches being embedded, written in order
            for start in range(0, len(todo), WRITE_BATCH_FILES):
                batch = [parse_file(folder, rel, known.get(rel), outside_links)
                         for rel in todo[start:start + WRITE_BATCH_FILES]]
                unchanged = [p.state for p in batch if p.state.path in known
                             and known[p.state.path].hash == p.state.hash]
                changed = [p for p in batch if not (p.state.path in known and known[p.state.path].hash == p.state.hash)]
                fresh = claims.settled(settle_ids(folder, claims, changed, diff.removed, outside_links))
                waiting.append(_start_batch(connection, fresh, unchanged, analyzer, embedding))
                if len(waiting) > 1:  # one batch embeds while the next is read
                    done += _finish_batch(connection, *waiting.pop(0), embedding, known, (added, updated, removed),
                                          problems, on_articles)
                    yield Progress(min(done, total), total, "indexing on the server")
            for batch in waiting:
                done += _finish_batch(connection, *batch, embedding, known, (added, updated, removed), problems,
                                      on_articles)
                yield Progress(min(done, total), total, "indexing on the server")
            if diff.removed:  # last, so a renamed file's vectors were still there to be reused above
                gone = remove_files(connection, diff.removed)
                removed += gone
                on_articles([], gone)
                repaired = claims.settled(settle_ids(folder, claims, [], diff.removed, outside_links))
                if repaired:  # files that may now have the id a removed file kept
                    _finish_batch(connection, *_start_batch(connection, repaired, [], analyzer, embedding), embedding,
                                  known, (added, updated, removed), problems, on_articles)
                yield Progress(total, total, "indexing on the server")
        schema.ensure_vector_index(connection)
        if large:
            connection.execute("VACUUM ANALYZE kb_postings, kb_terms, kb_chunks")  # index-only scans of the terms
    return IndexChange(tuple(added), tuple(updated), tuple(removed), tuple(problems))


def _check_embedder(connection: psycopg.Connection, embedder: Embedder, spec: str) -> None:
    """Record the embedder (and the spec agents load it by) on a new index; refuse another one on an
    index that has vectors."""
    rows = dict(connection.execute("SELECT key, value FROM kb_meta WHERE key IN ('embedder', 'dim')").fetchall())
    stored, dim = rows.get("embedder") or "", rows.get("dim") or ""
    if dim and stored and stored != embedder.name:
        raise ServerError(f"the server's index was built with the embedder {stored}, not {embedder.name}: "
                          f"index with --embedder {stored}")
    with connection.transaction():
        connection.cursor().executemany("INSERT INTO kb_meta VALUES (%s, %s) ON CONFLICT (key) "
                                        "DO UPDATE SET value = EXCLUDED.value",
                                        [("embedder", embedder.name), ("embedder_spec", spec)])
        if not dim:
            schema.set_dimension(connection, embedder.dim)


def _start_batch(connection, parsed: list[ParsedFile], unchanged: list[FileState], analyzer, embedding: Embedding):
    """Prepare a batch's files to write (`unchanged`: files whose bytes did not change, only their
    manifest entry is written), and start embedding the chunk texts the server has no vector for."""
    fresh = [prepare(p, analyzer) for p in parsed]
    texts = {text_hash(c.text): c.text for p in fresh for c in p.chunks}
    vectors = known_vectors(connection, set(texts))
    missing = [h for h in texts if h not in vectors]
    return fresh, unchanged, vectors, missing, embedding.submit([texts[h] for h in missing])


def _finish_batch(connection, fresh: list[Prepared], unchanged: list[FileState], vectors: dict, missing: list[str],
                  job, embedding: Embedding, known: dict[str, FileState], changes: tuple[list, list, list],
                  problems: list, on_articles) -> int:
    """Wait for the batch's vectors, commit it, and report what it changed; returns its file count."""
    vectors.update(zip(missing, embedding.result(job), strict=True))
    gone = write_files(connection, fresh, unchanged, vectors)
    added, updated, removed = changes
    articles = [p.parsed.article for p in fresh if p.parsed.article is not None]
    for p in fresh:
        problems += p.parsed.problems
    for article in articles:
        before = known.get(article.path)
        (updated if before is not None and before.article_id == article.id else added).append(article.id)
    removed += gone
    on_articles(articles, gone)
    return len(fresh) + len(unchanged)
