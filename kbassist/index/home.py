"""An index folder shared by processes: one writer at a time, everyone else reading the last complete index.

Layout: `current/` is the index searches use; a rebuild is written to
`building/` and swapped in by two renames (`old/` exists between them), so a
crash or kill mid-rebuild leaves the previous index in use; `writer.lock`
(index.writer.WriterLock) names the one process writing.

A search's start-up once deleted `building/` under a running rebuild, and
two writers crashed each other (issue #17). Now opening is reading: only the
lock holder tidies what a killed writer left (`building/`, `old/`) or
finishes an interrupted swap, a reader arriving between the two renames
waits for the second, and an index that must be created, migrated or
repaired is opened by claiming the lock first.
"""
from __future__ import annotations

import shutil
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import KbError
from .directory import STORE, IndexDir
from .writer import WriterLock, translated

SWAP_WAIT_S = 2.0  # how long an opening waits for a rebuild between its two renames


class IndexHome:
    """The index folder of one knowledge folder: opening, writing, rebuilding, as one process among several."""

    def __init__(self, directory: Path, lock_wait_s: float):
        """`lock_wait_s`: how long a write waits while another process writes (then IndexBusy)."""
        self.directory = Path(directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KbError(f"cannot use {self.directory} as the index folder: {exc.strerror or exc}") from exc
        if not self.directory.is_dir():
            raise KbError(f"cannot use {self.directory} as the index folder: it is not a folder")
        self.lock_wait_s = lock_wait_s
        self.lock = WriterLock(self.directory / "writer.lock")
        self.current, self.building, self.old = (self.directory / n for n in ("current", "building", "old"))

    def open(self, embedder: str | None, notices: list[str], with_vectors: bool) -> IndexDir:
        """`current/`, opened as its writer when no other process is one (then tidied after killed
        writers), else as a reader, becoming the writer only when the index must be written to open."""
        holding = self.lock.try_acquire()
        claimed = [holding]

        def claim() -> None:
            if not claimed[0]:
                self.lock.acquire(self.lock_wait_s)
                claimed[0] = True
                self._tidy()

        try:
            if holding:
                self._tidy()
            else:
                self._wait_for_swap()
            return IndexDir(self.current, embedder, notices, with_vectors, claim)
        except (OSError, sqlite3.Error) as exc:
            raise translated(exc, self.directory) from exc
        finally:
            if claimed[0]:
                self.lock.release()

    @contextmanager
    def writing(self, wait_s: float | None = None) -> Iterator[None]:
        """Be the one writer inside the block (waiting up to `wait_s`, default `lock_wait_s`, for another
        process); a disk that refuses a write becomes one IndexUnwritable line."""
        with self.lock.hold(self.lock_wait_s if wait_s is None else wait_s):
            try:
                yield
            except (OSError, sqlite3.Error) as exc:
                raise translated(exc, self.directory) from exc

    def start_rebuild(self, embedder: str | None, notices: list[str]) -> IndexDir:
        """An empty index in `building/` (call while `writing()`)."""
        shutil.rmtree(self.building, ignore_errors=True)
        return IndexDir(self.building, embedder, notices)

    def swap_in_rebuild(self) -> None:
        """`building/` becomes `current/` (call while `writing()`, both indexes closed)."""
        self.current.rename(self.old)
        self.building.rename(self.current)
        shutil.rmtree(self.old, ignore_errors=True)

    def try_writing(self) -> bool:
        """Be the writer now if no other process is (then `done_writing()`); False without waiting."""
        return self.lock.try_acquire()

    def done_writing(self) -> None:
        self.lock.release()

    def _tidy(self) -> None:
        """As the writer: finish a swap a kill interrupted, remove a dead rebuild's leftovers.
        Not in a worker process, whose parent holds the lock and may be mid-rebuild."""
        if not self.lock.owned:
            return
        if not self.current.exists() and self.old.exists():
            self.old.rename(self.current)  # a swap was interrupted after its first rename
        for leftover in (self.building, self.old):
            shutil.rmtree(leftover, ignore_errors=True)

    def _wait_for_swap(self) -> None:
        deadline = time.monotonic() + SWAP_WAIT_S
        while not (self.current / STORE).exists() and self.old.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
