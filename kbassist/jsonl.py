"""Reading JSON Lines files the way every command does.

One loop for `kbassist eval` query files and `kbassist suggest --batch`
files: UTF-8 with an optional BOM, blank lines skipped, line numbers 1-based
so warnings can name `file:line`. A line that is not JSON is not fatal: the
caller gets the raw text and the parse error and decides (a warning, or the
text used as-is). A line that is not UTF-8 comes with a `NotText` error (its
text decoded with replacement characters), so one bad byte costs one line.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any, Iterator

from .errors import KbError


class NotText(ValueError):
    """A line whose bytes are not UTF-8."""


def read_jsonl(path: Path, what: str = "file") -> Iterator[tuple[int, Any, ValueError | None]]:
    """(line number, parsed value, None) per non-blank line, or (line number, raw line, error) when it is not JSON
    (NotText when it is not even UTF-8).

    An unreadable file raises KbError("cannot read {what} {path}: ...").
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise KbError(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    for number, raw in enumerate(data.splitlines(), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, raw.decode("utf-8", "replace"), NotText(f"not UTF-8 (byte {exc.start + 1} of the line)")
            continue
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except ValueError as exc:
            yield number, line, exc
