"""The indexer: bring the server's index up to date with a folder, one writer at a time.

Under the server's writer lock (`connection.writer_lock`: a second indexer
is refused, naming the first), the folder is compared with the server's
manifest by size, mtime and hash (`index.indexer.diff_folder`, as for a
local index), changed files are parsed, their chunks embedded (vectors of
texts the server already holds are reused), and each batch is committed in
one transaction with its terms (`writer`). Killed at any point, the server
keeps every article as it was before the batch in flight; the next run
reads that batch again.

A large first build loads the chunks without the HNSW index and builds it
once at the end: inserting into it row by row was several times slower.
Meanwhile vector queries scan the table, exactly.
"""
from __future__ import annotations

import os
from typing import Callable, Generator

import psycopg

from ..embed.embedders import Embedder
from ..index.analysis import mixed_analyzer
from ..index.indexer import WRITE_BATCH_FILES, FolderDiff, ParsedFile, diff_folder, parse_file
from ..index.model import IndexChange, Progress
from ..index.store import FileState, text_hash
from ..knowledge.model import Article
from . import schema
from .connection import ServerError, writer_lock
from .embedding import Embedding
from .writer import Prepared, known_vectors, prepare, remove_files, write_files

BULK_FILES = 300  # files to read before embedding moves to worker processes
LARGE_BUILD_FILES = 300  # files to read into an empty index before its HNSW index waits for the end
MAX_WORKERS = 4

ChooseEmbedder = Callable[[FolderDiff], tuple[Embedder, str]]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def sync_folder(url: str, configure: Callable[[psycopg.Connection], None], folder, only: list[str] | None,
                choose: ChooseEmbedder, on_articles: Callable[[list[Article], list[str]], None],
                workers: int | None = None) -> Generator[Progress, None, IndexChange]:
    """Update the server from `folder` (or only the paths in `only`), yielding progress.

    `choose(diff)`: the embedder (and the spec a worker process loads it by), asked
    only when something changed; `on_articles(fresh, removed)`: the caller's summaries."""
    with writer_lock(url, configure) as connection:
        known = {r[0]: FileState(*r) for r in connection.execute(
            "SELECT path, hash, size, mtime, article_id FROM kb_files").fetchall()}
        diff = diff_folder(folder, known if only is None else {p: known[p] for p in only if p in known}, only)
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
        leaving = set(diff.removed)
        taken = {r[0]: r[1] for r in connection.execute("SELECT article_id, path FROM kb_files WHERE article_id != ''")
                 if r[1] not in leaving}
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
                parsed = []
                for rel in todo[start:start + WRITE_BATCH_FILES]:
                    p = parse_file(folder, rel, taken, known.get(rel))
                    if p.article is not None:
                        taken[p.article.id] = rel
                    parsed.append(p)
                waiting.append(_start_batch(connection, parsed, known, analyzer, embedding))
                if len(waiting) > 1:  # one batch embeds while the next is read
                    done += _finish_batch(connection, *waiting.pop(0), embedding, known, (added, updated, removed),
                                          problems, on_articles)
                    yield Progress(done, total, "indexing on the server")
            for batch in waiting:
                done += _finish_batch(connection, *batch, embedding, known, (added, updated, removed), problems,
                                      on_articles)
                yield Progress(done, total, "indexing on the server")
        if diff.removed:
            gone = [i for i in remove_files(connection, diff.removed) if i not in taken]
            removed += gone
            on_articles([], gone)
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


def _start_batch(connection, parsed: list[ParsedFile], known: dict[str, FileState], analyzer, embedding: Embedding):
    """Split a batch into files whose bytes did not change and files to write, and start embedding
    the chunk texts the server has no vector for."""
    unchanged = [p.state for p in parsed if p.state.path in known and known[p.state.path].hash == p.state.hash]
    fresh = [prepare(p, analyzer) for p in parsed
             if not (p.state.path in known and known[p.state.path].hash == p.state.hash)]
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
