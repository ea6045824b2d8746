"""`ServerIndex`: what the Assistant holds in team mode, in place of a local index directory.

It answers the calls the Assistant makes of `index.directory.IndexDir`
(`store`, `vectors`, `directory`, `search_index()`, `close()`...), so the
facade's code is the same in both modes; only writing differs
(`sync`: the server's own indexer, which commits each article whole).
`directory` is this machine's cache for the server's index (the escalation
models and intent classifier the indexer trained, fetched once on opening).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Generator

import psycopg
from pgvector.psycopg import register_vector

from ..index.model import IndexChange, Progress
from ..knowledge.model import Article
from ..settings import data_dir
from . import schema
from .connection import Reader, ServerError, connect, safe_url
from .search import ServerSearchIndex
from .store import ServerStore
from .sync import ChooseEmbedder, sync_folder


def cache_dir(url: str) -> Path:
    """Where this machine keeps what it fetched from the server at `url` (keyed without the password)."""
    digest = hashlib.sha1(safe_url(url).encode()).hexdigest()[:12]
    return data_dir() / "servers" / digest


def configure(connection: psycopg.Connection) -> None:
    """Every connection reads and writes pgvector's types as numpy-friendly values."""
    register_vector(connection)


class ServerVectors:
    """What the Assistant asks of a vector index, for the server's: its dimension and whether it has any."""

    def __init__(self, dim: int, count: Callable[[], int]):
        self.dim, self._count = dim, count

    def __len__(self) -> int:
        return self._count()

    def partition_in_background(self) -> None:
        """Nothing to do: the server's HNSW index is built by the indexer."""

    def wait_partitioned(self, timeout: float | None = None) -> bool:
        return False

    def close(self) -> None:
        """The pool is the index's to close."""


def open_reader(url: str) -> Reader:
    """Connections to the server's kbassist tables, migrated to this kbassist's schema first."""
    with connect(url, "migrate") as connection:
        try:
            schema.migrate(connection)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise ServerError(f"{safe_url(url)} has no kbassist index yet, and this role may not create "
                              "one: run kbassist index FOLDER --server URL as the indexer's role") from exc
    return Reader(url, configure)


class ServerIndex:
    def __init__(self, url: str, embedder: str | None, model_files: dict[str, str],
                 on_articles: Callable[[list[Article], list[str]], None]):
        """`embedder`: the name asked for (None: whatever the server uses); a reader never changes the
        server's, so another one is an error rather than a rebuild. `model_files`: meta key -> the
        file in `directory` that goes with it (see `ServerStore.set_meta`)."""
        self.url, self.location = url, safe_url(url)
        self.reader = open_reader(url)
        self.directory = cache_dir(url)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.store = ServerStore(self.reader, self.directory, model_files)
        stored = self.store.meta("embedder")
        if embedder is not None and stored and embedder != stored:
            raise ServerError(f"the server's index uses the embedder {stored}, not {embedder}: queries must be "
                              "embedded by the same model (leave --embedder out)")
        self.store.fetch_models()
        self._generation = int(self.store.meta("generation") or 0)
        self._on_articles = on_articles
        self._search: ServerSearchIndex | None = None
        self._vectors: ServerVectors | None = None
        self._any_vector = False

    def take_summaries(self) -> list[Article]:
        """Every article's summary, read from the server (what the Assistant keeps in memory)."""
        return list(self.store.summaries())

    @property
    def vectors(self) -> ServerVectors | None:
        """None until the indexer fixed the dimension; then kept (it never changes for an index)."""
        if self._vectors is None:
            dim = self.store.meta("dim")
            self._vectors = ServerVectors(int(dim), self._vector_count) if dim else None
        return self._vectors

    def _vector_count(self) -> int:
        """1 once the server holds a vector (asked until then; vector searches tell the rest), else 0."""
        if not self._any_vector:
            self._any_vector = bool(self.reader.rows(
                "SELECT EXISTS (SELECT 1 FROM kb_chunks WHERE embedding IS NOT NULL)")[0][0])
        return int(self._any_vector)

    def vectors_or_empty(self) -> ServerVectors:
        return self.vectors or ServerVectors(1, lambda: 0)

    def ensure_vectors(self, dim: int) -> ServerVectors:
        return self.vectors_or_empty()

    def search_index(self) -> ServerSearchIndex:
        """The searcher's view; one per index, so its generation and caches carry across rebinds."""
        if self._search is None:
            self._search = ServerSearchIndex(self.store, self._generation, self._on_articles)
        return self._search

    def sync(self, folder: Path, only: list[str] | None, choose: ChooseEmbedder,
             on_articles: Callable[[list[Article], list[str]], None],
             outside_links: bool = False, reread: bool = False) -> Generator[Progress, None, IndexChange]:
        return sync_folder(self.url, configure, folder, only, choose, on_articles, outside_links, reread=reread)

    def save_vector_snapshot(self) -> None:
        """Nothing to do: the vectors live on the server."""

    def close(self) -> None:
        self.reader.close()
