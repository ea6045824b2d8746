"""Files written whole or not at all: a temp file beside the target, renamed over it.

Readers (another process, the next start) see the old file or the new one,
never half of one; a write that fails or is interrupted removes its temp
file. A process killed outright (SIGTERM from `offload.stop_workers`)
leaves its temp file behind: the names end in `.tmp` and start with a dot
and the target's name, so `remove_leftovers` can find them.
"""
from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


@contextmanager
def replacing(path: Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """Yield a file to write the new content of `path` to; on success it replaces `path`."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, mode, encoding=encoding) as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_leftovers(path: Path, older_than_s: float = 600) -> None:
    """Delete temp files of `path` left by killed writers (recent ones may still be written)."""
    limit = time.time() - older_than_s
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass  # gone meanwhile, or not ours to delete
