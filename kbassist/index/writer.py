"""One writer per index directory across processes, and what stops a write said in one line.

Two `kbassist index` runs, or a rebuild and a search that brought the index up
to date first, wrote one index at once: one of them crashed, a search
deleted the other's rebuild in progress, and whoosh's own lock surfaced as
`Error: LockError: ` with nothing after it (issue #17). Now every write goes
through `WriterLock`, a lock file in the index directory that the operating
system releases when its holder dies (`flock`; `kill -9` included), so it is
never stale. The holder writes who it is into the file (pid, host, command,
since); another process waits a bounded time or says in one line who holds it.

The lock belongs to a process, not a thread: the app's threads write one at
a time under the Assistant's own lock. Worker processes write for the
process that started them, which holds the lock while they run; a worker
finding the lock held by its parent goes ahead.

`translated` turns what the disk says (full, read-only, locked) into the
engine's one-line errors; the previous index is unchanged in every case.
"""
from __future__ import annotations

import errno
import json
import multiprocessing
import os
import socket
import sqlite3
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import IndexBusy, IndexDiskFull, IndexReadOnly, IndexUnwritable, KbError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

POLL_S = 0.1
FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})
READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


@dataclass(frozen=True)
class Holder:
    """Who holds an index's writer lock."""

    pid: int
    host: str
    command: str
    since: str

    def __str__(self) -> str:
        return f"pid {self.pid} on {self.host} ({self.command}) since {self.since}"

    @property
    def started_me(self) -> bool:
        """Whether this is a worker process (multiprocessing's) that the holder started."""
        parent = multiprocessing.parent_process()
        return parent is not None and parent.pid == self.pid and self.host == socket.gethostname()


class WriterLock:
    """The lock file `path`; `hold()` makes this process the index's writer for a while."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._guard = threading.Lock()
        self._count = 0  # holds in this process (threads, nested calls)
        self._fd: int | None = None  # the locked file, while this process holds the OS lock

    @contextmanager
    def hold(self, wait_s: float) -> Iterator[None]:
        """Be the writer inside the block: IndexBusy (naming the holder) after waiting `wait_s` seconds."""
        self.acquire(wait_s)
        try:
            yield
        finally:
            self.release()

    def try_acquire(self) -> bool:
        """Be the writer if no one else is, without waiting (then `release()` it); False otherwise."""
        try:
            self.acquire(0)
            return True
        except KbError:
            return False

    @property
    def owned(self) -> bool:
        """Whether this process holds the lock itself (not a worker writing under its parent's)."""
        return self._fd is not None

    def holder(self) -> Holder | None:
        """Who holds the lock, as it wrote itself into the file (None: no one, or not said)."""
        try:
            with open(self.path, encoding="utf-8") as source:
                data = json.loads(source.read() or "null")
            return Holder(int(data["pid"]), str(data["host"]), str(data["command"]), str(data["since"]))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def acquire(self, wait_s: float) -> None:
        """Be the writer until `release()`; IndexBusy naming the holder after `wait_s` seconds,
        IndexReadOnly when the lock file cannot even be opened."""
        with self._guard:
            if self._count:
                self._count += 1
                return
            deadline = time.monotonic() + wait_s
            while True:
                fd = self._open()
                if _lock(fd):
                    self._fd = fd
                    self._write_holder(fd)
                    break
                os.close(fd)
                holder = self.holder()
                if holder is not None and holder.started_me:
                    break  # a worker process: its parent holds the lock for it
                if time.monotonic() >= deadline:
                    who = holder or "another process"
                    raise IndexBusy(f"the index in {self.path.parent} is being written by {who}; "
                                    "try again when it is done")
                time.sleep(POLL_S)
            self._count = 1

    def release(self) -> None:
        with self._guard:
            self._count -= 1
            if self._count == 0 and self._fd is not None:
                fd, self._fd = self._fd, None
                _unlock(fd)
                os.close(fd)

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise translated(exc, self.path.parent) from exc

    def _write_holder(self, fd: int) -> None:
        command = " ".join([os.path.basename(sys.argv[0] or "python"), *sys.argv[1:]])[:200]
        since = time.strftime("%Y-%m-%d %H:%M:%S")
        data = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "command": command, "since": since})
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, data.encode(), 0) if hasattr(os, "pwrite") else os.write(fd, data.encode())
        except OSError:
            pass  # a full disk: the lock holds all the same, it just cannot say whose it is


def _lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except OSError:
        return False


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def translated(exc: BaseException, where: Path) -> BaseException:
    """The engine's one-line error for a write that the disk refused; `exc` itself when it is not one."""
    if isinstance(exc, KbError):
        return exc
    if isinstance(exc, OSError) and exc.errno in FULL:
        return IndexDiskFull(f"cannot write the index in {where}: the disk is full ({exc.strerror}); the index "
                             "is as it was and searches still use it: free some space, then index again")
    if isinstance(exc, OSError) and exc.errno in READ_ONLY:
        return IndexReadOnly(f"cannot write the index in {where}: {exc.strerror}; searches use it as it is")
    if isinstance(exc, sqlite3.OperationalError):
        message = str(exc)
        if "full" in message:
            return IndexDiskFull(f"cannot write the index in {where}: the disk is full ({message}); the index is "
                                 "as it was and searches still use it: free some space, then index again")
        if "readonly" in message or "read-only" in message:
            return IndexReadOnly(f"cannot write the index in {where}: it is read-only; searches use it as it is")
        if "locked" in message or "busy" in message:
            return IndexBusy(f"the index in {where} is busy: another process is writing it; try again")
        if "disk I/O" in message or "unable to open" in message:
            return IndexUnwritable(f"cannot write the index in {where}: {message} (is the disk full or failing?)")
    if isinstance(exc, OSError):
        return IndexUnwritable(f"cannot write the index in {where}: {exc.strerror or exc}")
    return exc
