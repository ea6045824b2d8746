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

import logging
import os
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Generator

import numpy as np

from ..errors import Problem
from ..knowledge.articles import parse_article
from ..knowledge.chunks import chunk_article
from ..knowledge.folder import check_article, scan_folder
from ..knowledge.model import Article, Chunk
from ..knowledge.reading import content_hash, decode_bytes, read_raw
from . import ids
from .keyword import MAX_KEYWORD_CHARS, KeywordIndex
from .model import IndexChange, Progress
from .store import FileState, Store, StoredChunk, text_hash, vector_id
from .vectors import VectorIndex

log = logging.getLogger(__name__)
ID_LINE = re.compile(r"\s*id\s*:")
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


def diff_folder(folder: Path, known: dict[str, FileState], only: list[str] | None = None,
                outside_links: bool = False) -> FolderDiff:
    """What differs between the folder (or just the paths in `only`) and the manifest.

    Size and mtime equal: unchanged, without reading. Otherwise the hash
    decides, so a `touch` or a checkout that rewrites identical bytes costs
    a read but no re-indexing. `outside_links`: read through links out of the folder.
    """
    diff = FolderDiff()
    if only is None:
        paths, diff.scan_problems = scan_folder(folder, outside_links)
        diff.removed = sorted(set(known) - set(paths))
    else:
        paths = []
        for rel in only:
            problem = check_article(folder, rel, outside_links) if os.path.lexists(folder / rel) else None
            if problem is not None:
                diff.scan_problems.append(problem)
            elif os.path.lexists(folder / rel):
                paths.append(rel)
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
    chunks: tuple[Chunk, ...] = ()
    id_line: int = 0  # the line of its `id:` (0: the id comes from the path)


def parse_file(folder: Path, rel: str, known: FileState | None = None, outside_links: bool = False) -> ParsedFile:
    """Read, hash and parse one file; unusable files still get a manifest entry (no article).

    The article has the id its file claims; `settle_ids` decides whether it keeps it.
    When the bytes hash as in the manifest entry `known` (a checkout or sync that only
    touched the mtime), nothing is parsed: the entry comes back with the new mtime.
    """
    raw, st, problem = read_raw(folder, rel, outside_links)
    if st is None:
        return ParsedFile(FileState(rel, "", 0, 0.0, ""), None, [problem])
    digest = content_hash(raw or b"")
    if known is not None and digest == known.hash:
        return ParsedFile(replace(known, size=st.st_size, mtime=st.st_mtime), None, [])
    if raw is None:
        return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, ""), None, [problem])
    text, problems = decode_bytes(raw, rel)
    if text is None:
        return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, ""), None, problems)
    if not text.strip():
        problems.append(Problem.of(rel, 0, "empty_file", "info"))
        return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, ""), None, problems)
    try:
        article, parse_problems = parse_article(text, rel)
        chunks = tuple(chunk_article(article))
    except Exception as exc:  # noqa: BLE001 - one file never stops the folder, whatever is wrong with it
        log.exception("parsing %s failed", rel)
        problems.append(Problem.of(rel, 0, "parse_failed", "error", error=f"{type(exc).__name__}: {exc}"))
        return ParsedFile(FileState(rel, digest, st.st_size, st.st_mtime, ""), None, problems)
    problems += parse_problems
    if len(text) > MAX_KEYWORD_CHARS:
        problems.append(Problem.of(rel, 0, "very_long", "info", limit=MAX_KEYWORD_CHARS))
    id_line = next((i for i, line in enumerate(text.split("\n", 200)[:200], 1) if ID_LINE.match(line)), 0) \
        if "id" in article.meta else 0
    state = FileState(rel, digest, st.st_size, st.st_mtime, article.id, article.id)
    return ParsedFile(state, article, problems, chunks, id_line)


def settle_ids(folder: Path, store: Store, fresh: list[ParsedFile], leaving: list[str] = (),
               outside_links: bool = False) -> list[ParsedFile]:
    """`fresh` with the ids they keep (see `index.ids`), plus other files whose id must change, read again."""
    claims = {p.state.path: p.article.id for p in fresh if p.article is not None}
    gone = [*leaving, *(p.state.path for p in fresh if p.article is None)]
    settled = ids.settle(store, claims, gone)
    stored = store.files([path for path in settled.ids if path not in claims])
    again = [parse_file(folder, path, None, outside_links) for path, state in stored.items()
             if state.article_id != settled.ids[path]]
    return [_with_settled_id(p, settled) for p in [*fresh, *again]]


def _with_settled_id(parsed: ParsedFile, settled: ids.Settled) -> ParsedFile:
    article = parsed.article
    if article is None or settled.ids.get(parsed.state.path, article.id) == article.id:
        return parsed
    claimed, given = article.id, settled.ids[parsed.state.path]
    article = replace(article, id=given)
    problem = Problem.of(parsed.state.path, parsed.id_line, "duplicate_id", id=claimed,
                         owner=settled.kept_by[parsed.state.path], fallback=given)
    return replace(parsed, article=article, state=replace(parsed.state, article_id=given),
                   problems=[*parsed.problems, problem], chunks=tuple(chunk_article(article)))


def sync_files(folder: Path, store: Store, keyword: KeywordIndex, vectors: VectorIndex | None, diff: FolderDiff,
               on_articles: Callable[[list[Article], list[str]], None],
               outside_links: bool = False) -> Generator[Progress, None, IndexChange]:
    """Phase 1: parse changed files, update keyword index and store, in batches.

    `vectors` None: the store only (a worker process; others read the vectors from it).
    `outside_links`: read through links out of the folder."""
    todo = diff.added + diff.changed
    total = len(todo) + len(diff.removed)
    change = _Change(store, on_articles, list(diff.scan_problems))
    done = 0
    yield Progress(0, total, "reading the folder")
    bulk = len(todo) > WRITE_BATCH_FILES  # several commits: merge the keyword segments once, at the end
    for start in range(0, len(todo), WRITE_BATCH_FILES):
        paths = todo[start:start + WRITE_BATCH_FILES]
        known = store.files(paths)
        batch = [parse_file(folder, rel, known.get(rel), outside_links) for rel in paths]
        unchanged = [p for p in batch if p.state.path in known and known[p.state.path].hash == p.state.hash]
        fresh = settle_ids(folder, store, [p for p in batch if p not in unchanged], diff.removed, outside_links)
        change.write(keyword, vectors, fresh, unchanged, bulk)
        done += len(batch)
        yield Progress(done, total, "indexing keywords")
    if bulk:
        keyword.merge_all()
    # Removals last, so a renamed file's vectors were still there to be reused above.
    if diff.removed:
        repaired = settle_ids(folder, store, [], diff.removed, outside_links)  # ids the removed files free
        change.remove(keyword, vectors, diff.removed)
        if repaired:
            change.write(keyword, vectors, repaired, [], False)
        yield Progress(total, total, "indexing keywords")
    return change.result()


class _Change:
    """What a sync wrote, told to the caller batch by batch and summed up as an IndexChange."""

    def __init__(self, store: Store, on_articles: Callable[[list[Article], list[str]], None],
                 problems: list[Problem]):
        self.store, self.on_articles, self.problems = store, on_articles, problems
        self.added: list[str] = []
        self.updated: list[str] = []
        self.removed: list[str] = []

    def write(self, keyword: KeywordIndex, vectors: VectorIndex | None, fresh: list[ParsedFile],
              unchanged: list[ParsedFile], bulk: bool) -> None:
        before = {path: state.article_id for path, state in self.store.files([p.state.path for p in fresh]).items()}
        _write_batch(self.store, keyword, vectors, fresh, unchanged, bulk)
        now = {p.article.id for p in fresh if p.article is not None}
        gone = [i for p in fresh if (i := before.get(p.state.path, "")) and i not in now]
        for p in fresh:
            self.problems += p.problems
            if p.article is not None:
                (self.updated if before.get(p.state.path) == p.article.id else self.added).append(p.article.id)
        self.removed += gone  # an id changed, or a file stopped being an article
        self.on_articles([p.article for p in fresh if p.article is not None], gone)

    def remove(self, keyword: KeywordIndex, vectors: VectorIndex | None, paths: list[str]) -> None:
        ids = [state.article_id for state in self.store.files(paths).values() if state.article_id]
        if vectors is not None:
            vectors.remove(vid for rel in paths for vid, _ in self.store.chunks_of(rel).values())
        keyword.replace(paths, [])
        with self.store.transaction():
            for rel in paths:
                self.store.remove_file(rel)
        held = self.store.holders(ids)  # a renamed file already took its id over
        gone = [i for i in ids if i not in held]
        self.removed += gone
        self.on_articles([], gone)

    def result(self) -> IndexChange:
        return IndexChange(tuple(self.added), tuple(self.updated), tuple(self.removed), tuple(self.problems))


def _write_batch(store: Store, keyword: KeywordIndex, vectors: VectorIndex | None, fresh: list[ParsedFile],
                 unchanged: list[ParsedFile], bulk: bool) -> None:
    chunk_rows: list[StoredChunk] = []
    old_vids = [vid for p in fresh for vid, _ in store.chunks_of(p.state.path).values()]
    for p in fresh:
        chunk_rows += [StoredChunk(vector_id(c.key), c.key, c.article_id, p.state.path, c.heading, c.line, c.kind,
                                   c.text) for c in p.chunks]
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
            store.replace_chunks(p.state.path, p.chunks, reuse)
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
