"""Reading JSON Lines files the way every command does.

One loop for `kbassist eval` query files and `kbassist suggest --batch`
files: UTF-8 with an optional BOM, blank lines skipped, line numbers 1-based
so warnings can name `file:line`. A line that is not JSON is not fatal: the
caller gets the raw text and the parse error and decides (a warning, or the
text used as-is).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from .errors import KbError


def read_jsonl(path: Path, what: str = "file") -> Iterator[tuple[int, Any, ValueError | None]]:
    """(line number, parsed value, None) per non-blank line, or (line number, raw line, error) when it is not JSON.

    An unreadable file raises KbError("cannot read {what} {path}: ...").
    """
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise KbError(f"cannot read {what} {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except ValueError as exc:
            yield number, line, exc
