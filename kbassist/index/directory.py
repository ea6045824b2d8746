"""One index directory: the SQLite store, the whoosh index, the in-memory faiss index
and the snapshot of the vectors it is filled from.

Opened together, checked together: an index of another format, a corrupt
store or a damaged row or keyword index is emptied (and so rebuilt) with a notice, and vectors made by another
embedder are dropped so every chunk is embedded again.
"""
from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
from pathlib import Path
from typing import Callable

from ..atomic import remove_leftovers
from ..errors import IndexDamaged
from ..knowledge.model import Article
from ..settings import Settings, data_dir
from . import snapshot as vector_snapshot
from .backend import LocalSearchIndex
from .keyword import KeywordIndex
from .memory import return_freed_memory
from .snapshot import StaleSnapshot
from .store import FORMAT_VERSION, Store
from .vectors import VectorIndex

SNAPSHOT = "vectors.snapshot"
STORE = "store.sqlite3"
log = logging.getLogger(__name__)


def default_index_dir(folder: Path, settings: Settings) -> Path:
    root = Path(settings.index_root) if settings.index_root else data_dir() / "indexes"
    digest = hashlib.sha1(str(folder).encode()).hexdigest()[:10]
    return root / f"{folder.name or 'root'}-{digest}"


class IndexDir:
    """The store, keyword index and vector index of one directory, opened together."""

    def __init__(self, directory: Path, embedder: str | None, notices: list[str], with_vectors: bool = True,
                 claim_writer: Callable[[], None] = lambda: None):
        """`embedder`: the name the vectors must have (None: "auto", keep whatever is stored);
        `with_vectors` False: leave the vector index empty (for processes that never search).

        `claim_writer()` is called before anything is written here (a new, outdated or damaged
        index, another embedder): it makes this process the index's writer, or raises.
        `summaries` holds every stored article's summary, read here so a damaged or planted
        row is found at once (the owner takes them with `take_summaries`)."""
        self.directory = directory
        self._claim_writer = claim_writer
        if not (directory / STORE).exists():
            claim_writer()
            directory.mkdir(parents=True, exist_ok=True)
        self.store = self._open_store(notices)
        try:
            self.summaries = list(self.store.summaries())
            if not (directory / "keyword").is_dir():
                claim_writer()
            self.keyword = KeywordIndex(directory / "keyword")
        except IndexDamaged as exc:
            claim_writer()
            notices.append(f"index was damaged ({exc}): rebuilding the index")
            self.store.close()
            self.store = self._recreate()
            self.summaries = []
            self.keyword = KeywordIndex(directory / "keyword")
        if embedder is not None and self.store.meta("embedder") != embedder:
            claim_writer()
            if self.store.meta("embedder"):
                notices.append(f"embedder changed to {embedder}: every chunk will be embedded again")
            with self.store.transaction():
                self.store.clear_vectors()
                self.store.set_meta("embedder", embedder)
                self.store.set_meta("dim", "")
        dim = self.store.meta("dim")
        if not dim:
            self.vectors = None
        elif with_vectors:
            self.vectors = self._load_vectors(int(dim))
        else:  # a worker process that only writes the index: it never searches these vectors
            self.vectors = VectorIndex(int(dim))

    def take_summaries(self) -> list[Article]:
        """The summaries read at opening, handed over once (they are not kept twice)."""
        summaries, self.summaries = self.summaries, []
        return summaries

    def _load_vectors(self, dim: int) -> VectorIndex:
        """The vector index, from the snapshot when it is exact, else from the store.

        A stale snapshot is not rewritten here: at 50k articles writing it took
        seconds, on the way to the first result. `save_vector_snapshot` does it,
        after a build (`kbassist index`) and in the background when the app opens."""
        path = self.directory / SNAPSHOT
        try:
            with self.store.consistent_vectors(dim) as (changes, blocks):
                vectors = VectorIndex(dim)
                try:
                    for ids, rows in vector_snapshot.read(path, changes, dim):
                        vectors.add(ids, rows, replace=False)
                    return vectors
                except StaleSnapshot:
                    vectors = VectorIndex(dim)  # a snapshot that broke half-way may have added some
                for ids, matrix in blocks:
                    vectors.add(ids, matrix, replace=False)
            return vectors
        finally:
            # Either way the blocks read (float32 copies of the rows) leave the heap fragmented:
            # from the snapshot too, 25 MB at 10,000 articles stayed resident until this.
            return_freed_memory()

    def save_vector_snapshot(self) -> None:
        """Bring the snapshot up to date with the store (after a build), so the next start reads it.

        A full read of the stored vectors when they changed; nothing when the snapshot is exact.
        It is only a speed-up: a disk that refuses the file is logged, not an error.
        Call it as the index's writer: it removes the temp files of snapshots killed mid-write."""
        if self.vectors is None:
            return
        path = self.directory / SNAPSHOT
        remove_leftovers(path)
        try:
            with self.store.consistent_vectors(self.vectors.dim) as (changes, blocks):
                if vector_snapshot.recorded_changes(path) != changes:
                    vector_snapshot.write(path, changes, self.vectors.dim, blocks)
        except (OSError, sqlite3.Error) as exc:
            log.warning("vector snapshot not written in %s: %s", self.directory, exc)
        return_freed_memory()

    def _open_store(self, notices: list[str]) -> Store:
        try:
            store = Store(self.directory / STORE)
            version = store.meta("format")
            if version == FORMAT_VERSION:
                return store
            self._claim_writer()
            if version is None and not store.files():
                store.set_meta("format", FORMAT_VERSION)
                return store
            store.close()
            notices.append(f"index format {version} is not {FORMAT_VERSION}: rebuilding the index")
        except sqlite3.OperationalError:
            raise  # locked or unreadable, not corrupt: never wipe an index another process is writing
        except sqlite3.DatabaseError as exc:
            self._claim_writer()
            notices.append(f"index was corrupt ({exc}): rebuilding the index")
        return self._recreate()

    def _recreate(self) -> Store:
        """Empty the directory and start a new store in it (the caller has closed the old one)."""
        for item in self.directory.iterdir():
            shutil.rmtree(item) if item.is_dir() else item.unlink()
        store = Store(self.directory / STORE)
        store.set_meta("format", FORMAT_VERSION)
        return store

    def vectors_or_empty(self) -> VectorIndex:
        """The vector index, or a throwaway empty one before any chunk was embedded."""
        return self.vectors if self.vectors is not None else VectorIndex(1)

    def search_index(self) -> LocalSearchIndex:
        """What the hybrid search reads (`index.backend`): this directory's three indexes."""
        return LocalSearchIndex(self.store, self.keyword, self.vectors_or_empty())

    def ensure_vectors(self, dim: int) -> VectorIndex:
        if self.vectors is None or self.vectors.dim != dim:
            self.vectors = VectorIndex(dim)
            self.store.set_meta("dim", str(dim))
        return self.vectors

    def close(self) -> None:
        if self.vectors is not None:
            self.vectors.close()
        self.keyword.close()
        self.store.close()
