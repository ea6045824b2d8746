"""Folders and files that only their owner can read.

Customer text lives in the per-user data dir, and the key that encrypts it
in the config dir; on a shared machine the default umask (022) would make
both readable by every user. Everything kbassist creates there goes through
these helpers: folders 0700, files 0600, and an existing folder or file
from an older version is tightened, not just left as it was. On Windows the
per-user folders are private by their ACLs and chmod only toggles
read-only, so these calls change nothing there.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
log = logging.getLogger(__name__)


def private_dir(path: Path, top: Path | None = None) -> Path:
    """Create `path` and its missing parents as 0700; tighten `path` and, when `top` is one of its
    parents, every folder from `top` down to it (a data dir created 0755 by an older version)."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    chain = [path]
    if top is not None and Path(top) in path.parents:
        chain.extend(p for p in path.parents if p == Path(top) or Path(top) in p.parents)
    for folder in chain:
        _chmod(folder, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty if it is missing, and make it 0600 either way (SQLite gives its journal
    files the database file's mode, so a private database keeps private journals)."""
    path = Path(path)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    _chmod(path, PRIVATE_FILE)
    return path


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError as exc:  # not ours to change (a shared folder given as KBASSIST_DATA_DIR)
        log.warning("could not make %s private: %s", path, exc)
