"""Tools for tests that break things on purpose: the CLI in a subprocess, a read-only folder,
a full disk at one write site, and the processes a command leaves behind.

Faults are made at the boundary a real one comes from: the operating system
(a read-only mount, a kill) or the call that writes to it (ENOSPC from a
file write, SQLite's own "disk is full"). Nothing inside kbassist is mocked.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, timeout: float = 120, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """`python -m kbassist.cli ARGS` in a subprocess (with `prefix` before it, e.g. a mount namespace)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "kbassist.cli", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=ROOT)


def read_only_prefix(folder: Path) -> tuple[str, ...]:
    """A command prefix that runs the rest with `folder` mounted read-only (root: a private mount
    namespace, so nothing else sees it); for other users the folder is made read-only instead."""
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
        return ()
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare to mount a folder read-only as root")
    probe = subprocess.run(["unshare", "-r", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here")
    return ("unshare", "-r", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder))


class DiskFull(OSError):
    def __init__(self, path: str):
        super().__init__(errno.ENOSPC, os.strerror(errno.ENOSPC), path)


@contextmanager
def full_disk(monkeypatch, site: str) -> Iterator[None]:
    """Writes at `site` fail as on a full disk: "sqlite" (SQLite's own SQLITE_FULL: no page may be
    added), or a file name pattern (whoosh's segments "keyword", the "snapshot", the "writer.lock",
    an article "*.md") whose Python-level writes raise ENOSPC."""
    if site == "sqlite":
        connect = sqlite3.connect

        def connect_full(*args, **kwargs):
            connection = connect(*args, **kwargs)
            connection.execute("PRAGMA max_page_count = 1")  # never below the current size: no growth
            return connection

        monkeypatch.setattr(sqlite3, "connect", connect_full)
    else:
        import builtins
        import io

        real_open, real_fdopen, real_write, real_pwrite = builtins.open, os.fdopen, os.write, os.pwrite

        def matches(name) -> bool:
            return site in str(name)

        def guarded(handle, name):
            return _FullFile(handle, name) if matches(name) and "w" in getattr(handle, "mode", "w") else handle

        def open_full(file, mode="r", *args, **kwargs):
            return guarded(real_open(file, mode, *args, **kwargs), file)

        def fdopen_full(fd, mode="r", *args, **kwargs):
            return guarded(real_fdopen(fd, mode, *args, **kwargs), _fd_path(fd))

        def write_full(fd, data):
            if matches(_fd_path(fd)):
                raise DiskFull(_fd_path(fd))
            return real_write(fd, data)

        def pwrite_full(fd, data, offset):
            if matches(_fd_path(fd)):
                raise DiskFull(_fd_path(fd))
            return real_pwrite(fd, data, offset)

        monkeypatch.setattr(builtins, "open", open_full)
        monkeypatch.setattr(io, "open", open_full)
        monkeypatch.setattr(os, "fdopen", fdopen_full)
        monkeypatch.setattr(os, "write", write_full)
        monkeypatch.setattr(os, "pwrite", pwrite_full)
    try:
        yield
    finally:
        monkeypatch.undo()


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class _FullFile:
    """A file object whose writes fail with ENOSPC (everything else passes through)."""

    def __init__(self, handle, name):
        self._handle, self._name = handle, str(name)

    def write(self, data):
        raise DiskFull(self._name)

    def writelines(self, lines):
        raise DiskFull(self._name)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()
        return False

    def __iter__(self):
        return iter(self._handle)


def descendants(pid: int) -> list[int]:
    """Every process below `pid` still alive (zombies excepted)."""
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    return [c.pid for c in children if _alive(c)]


def orphans_of(pids: list[int], timeout: float = 10) -> list[int]:
    """Which of `pids` are still alive after `timeout` seconds (processes a killed parent left behind)."""
    deadline = time.monotonic() + timeout
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if _alive_pid(pid)]
        if alive:
            time.sleep(0.1)
    return alive


def _alive_pid(pid: int) -> bool:
    try:
        return _alive(psutil.Process(pid))
    except psutil.NoSuchProcess:
        return False


def _alive(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
