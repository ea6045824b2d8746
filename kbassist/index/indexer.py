"""Bringing the index up to date with the folder, touching only what changed.

Two phases, both resumable:

1. `sync_files`: compare the folder with the manifest (size and mtime first,
   then a content hash), parse the added and changed files, and write their
   chunks to the keyword index and the store. Vectors already computed for
   the same text (unchanged sections, renamed files) are reused.
2. `embed_pending`: embed the chunks still without a vector, in batches,
   each committed on its own, so closing the app mid-way loses nothing.

Keyword search works after phase 1; semantic search catches up in phase 2.
The keyword index is written before the store, so a crash in between only
means the file is seen as changed next time and re-applied (idempotent).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Generator

import numpy as np

from ..errors import Problem
from ..knowledge.articles import parse_article, path_to_id
from ..knowledge.chunks import chunk_article
from ..knowledge.folder import scan_folder
from ..knowledge.model import Article
from ..knowledge.reading import MAX_FILE_BYTES, content_hash, decode_bytes
from .keyword import KeywordIndex
from .model import IndexChange, Progress
from .store import FileState, Store, StoredChunk, text_hash, vector_id
from .vectors import VectorIndex

WRITE_BATCH_FILES = 400
EMBED_BATCH = 256
WAIT_FOR_CHUNKS_S = 0.3  # an embedding worker's wait for the folder reader's next batch


@dataclass
class FolderDiff:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    scan_problems: list[Problem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    @property
    def count(self) -> int:
        """Files to read or drop."""
        return len(self.added) + len(self.changed) + len(self.removed)


def diff_folder(folder: Path, known: dict[str, FileState], only: list[str] | None = None) -> FolderDiff:
    """What differs between the folder (or just the paths in `only`) and the manifest.

    Size and mtime equal: unchanged, without reading. Otherwise the hash
    decides, so a `touch` or a checkout that rewrites identical bytes costs
    a read but no re-indexing.
    """
    diff = FolderDiff()
    if only is None:
        paths, diff.scan_problems = scan_folder(folder)
        diff.removed = sorted(set(known) - set(paths))
    else:
        paths = [p for p in only if (folder / p).is_file()]
        diff.removed = [p for p in only if p in known and p not in paths]
    for rel in paths:
        try:
            st = (folder / rel).stat()
        except OSError:
            diff.removed += [rel] if rel in known else []
            continue
        old = known.get(rel)
        if old is None:
            diff.added.append(rel)
        elif old.size != st.st_size or old.mtime != st.st_mtime:
            diff.changed.append(rel)
    return diff


@dataclass(frozen=True)
class ParsedFile:
    state: FileState
    article: Article | None
    problems: list[Problem]


def parse_file(folder: Path, rel: str, taken_ids: dict[str, str], known: FileState | None = None) -> ParsedFile:
    """Read, hash and parse one file; unusable files still get a manifest entry (no article).

    When the bytes hash as in the manifest entry `known` (a checkout or sync that only
    touched the mtime), nothing is parsed: the entry comes back with the new mtime.
    """
    path = folder / rel
    try:
        st = path.stat()
        raw = path.read_bytes() if st.st_size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        return ParsedFile(FileState(rel, "", 0, 0.0, ""), None, [Problem.of(rel, 0, "unreadable", "error", error=str(exc))])
    digest = content_hash(raw)
    if known is not None and digest == known.hash:
        return ParsedFile(replace(known, size=st.st_size, mtime=st.st_mtime), None, [])
    if st.st_size > MAX_FILE_BYTES:
        problem = Problem.of(rel, 0, "file_too_large", size=st.st_size, limit=MAX_FILE_BYTES)
        return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, ""), None, [problem])
    text, problems = decode_bytes(raw, rel)
    if text is None:
        return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, ""), None, problems)
    if not text.strip():
        problems.append(Problem.of(rel, 0, "empty_file", "info"))
        return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, ""), None, problems)
    article, parse_problems = parse_article(text, rel)
    problems += parse_problems
    owner = taken_ids.get(article.id)
    if owner is not None and owner != rel:
        fallback = path_to_id(rel) if path_to_id(rel) not in taken_ids else rel
        problems.append(Problem.of(rel, 1, "duplicate_id", id=article.id, owner=owner, fallback=fallback))
        article = replace(article, id=fallback)
    return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, article.id), article, problems)


def sync_files(folder: Path, store: Store, keyword: KeywordIndex, vectors: VectorIndex | None, diff: FolderDiff,
               on_articles: Callable[[list[Article], list[str]], None]) -> Generator[Progress, None, IndexChange]:
    """Phase 1: parse changed files, update keyword index and store, in batches.

    `vectors` None: the store only (a worker process; others read the vectors from it)."""
    todo = diff.added + diff.changed
    known = store.files(todo + diff.removed)
    leaving = set(diff.removed)
    taken = {i: p for i, p in store.article_owners().items() if p not in leaving}
    total = len(todo) + len(diff.removed)
    added, updated, removed = [], [], []
    removed_ids = [known[p].article_id for p in diff.removed if known[p].article_id]
    done = 0
    yield Progress(0, total, "reading the folder")
    problems: list[Problem] = list(diff.scan_problems)
    bulk = len(todo) > WRITE_BATCH_FILES  # several commits: merge the keyword segments once, at the end
    for start in range(0, len(todo), WRITE_BATCH_FILES):
        batch = []
        for rel in todo[start:start + WRITE_BATCH_FILES]:
            parsed = parse_file(folder, rel, taken, known.get(rel))
            if parsed.article is not None:
                taken[parsed.article.id] = rel
            batch.append(parsed)
        unchanged = [p for p in batch if p.state.path in known and known[p.state.path].hash == p.state.hash]
        fresh = [p for p in batch if p not in unchanged]
        _write_batch(store, keyword, vectors, fresh, unchanged, bulk)
        gone = []
        for p in fresh:
            problems += p.problems
            before = known[p.state.path].article_id if p.state.path in known else ""
            if before and before != (p.article.id if p.article else ""):
                gone.append(before)  # the id changed, or the file stopped being an article
            if p.article is not None:
                (updated if before == p.article.id else added).append(p.article.id)
        removed += gone
        on_articles([p.article for p in fresh if p.article is not None], gone)
        done += len(batch)
        yield Progress(done, total, "indexing keywords")
    if bulk:
        keyword.merge_all()
    # Removals last, so a renamed file's vectors were still there to be reused above.
    if diff.removed:
        if vectors is not None:
            vectors.remove(vid for rel in diff.removed for vid, _ in store.chunks_of(rel).values())
        keyword.replace(diff.removed, [])
        with store.transaction():
            for rel in diff.removed:
                store.remove_file(rel)
        removed += [i for i in removed_ids if i not in taken]
        on_articles([], [i for i in removed_ids if i not in taken])
        yield Progress(total, total, "indexing keywords")
    return IndexChange(tuple(added), tuple(updated), tuple(removed), tuple(problems))


def _write_batch(store: Store, keyword: KeywordIndex, vectors: VectorIndex | None, fresh: list[ParsedFile],
                 unchanged: list[ParsedFile], bulk: bool) -> None:
    chunk_rows: list[StoredChunk] = []
    per_file: dict[str, list] = {}
    old_vids = [vid for p in fresh for vid, _ in store.chunks_of(p.state.path).values()]
    for p in fresh:
        chunks = chunk_article(p.article) if p.article is not None else []
        per_file[p.state.path] = chunks
        chunk_rows += [StoredChunk(vector_id(c.key), c.key, c.article_id, p.state.path, c.heading, c.line, c.kind,
                                   c.text) for c in chunks]
    reuse = store.vectors_by_hash({text_hash(c.text) for c in chunk_rows})
    keyword.replace([p.state.path for p in fresh], [p.article for p in fresh if p.article is not None], bulk)
    with store.transaction():
        for p in unchanged:  # same bytes, new mtime: remember it so the next start skips the read
            store.put_file(p.state)
        for p in fresh:
            store.remove_file(p.state.path)
            store.put_file(p.state)
            if p.article is not None:
                store.put_article(p.article, p.problems)
            else:
                store.put_problems(p.state.path, p.problems)
            store.replace_chunks(p.state.path, per_file[p.state.path], reuse)
    # Vectors follow the store: old chunks out, reused ones in (new text waits for embed_pending).
    if vectors is None:
        return
    vectors.remove(old_vids)
    kept = [(r.vid, reuse[h]) for r in chunk_rows if (h := text_hash(r.text)) in reuse]
    if kept:
        ids = np.array([vid for vid, _ in kept], dtype=np.int64)
        vectors.add(ids, np.vstack([np.frombuffer(v, dtype=np.float32) for _, v in kept]))


def embed_pending(store: Store, embed: Callable[[list[str]], np.ndarray], vectors: VectorIndex | None,
                  share: tuple[int, int] = (0, 1),
                  more_coming: Callable[[], bool] = lambda: False) -> Generator[Progress, None, int]:
    """Phase 2: embed chunks without a vector; each batch is committed and searchable at once.

    `share` (i, n): only the i-th of n disjoint parts of the pending chunks,
    so n worker processes can embed one index side by side. `vectors` None:
    stored only (a worker; the app adopts them from the store).
    `more_coming()` true: another process is still reading the folder, so
    running out of chunks means waiting for its next batch, not the end.
    """
    total = store.count_pending(share)
    done = 0
    while True:
        reading = more_coming()  # asked first: once it is false, the store holds every chunk
        rows = store.pending_vectors(EMBED_BATCH, share)
        if not rows and reading:
            time.sleep(WAIT_FOR_CHUNKS_S)
            continue
        if not rows:
            break
        matrix = embed([text for _, text in rows])
        ids = np.array([vid for vid, _ in rows], dtype=np.int64)
        with store.transaction():
            store.set_vectors([(vid, text_hash(text), matrix[i].tobytes()) for i, (vid, text) in enumerate(rows)])
        if vectors is not None:
            vectors.add(ids, matrix)
        done += len(rows)
        yield Progress(done, max(total, done), "embedding", tuple(int(i) for i in ids))
    return done
