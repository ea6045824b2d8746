"""Reading knowledge files safely: encodings, binaries, size limits.

Editors' folders contain whatever people drop in them: UTF-8 with a BOM from
Windows Notepad, GB18030 from older Chinese tools, images renamed to .md,
huge exports. Each is either decoded with a warning or skipped with a
warning; none stops the folder.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import Problem

MAX_FILE_BYTES = 2 * 1024 * 1024


def content_hash(raw: bytes) -> str:
    """A file's content hash (blake2b-128 of its bytes): the index manifest's and mark-reviewed's check."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def read_text(path: Path, rel: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Problem]]:
    """Decode one file; None (with a problem) when it cannot be used as text."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem.of(rel, 0, "file_too_large", size=size, limit=max_bytes)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem.of(rel, 0, "unreadable", "error", error=str(exc.strerror or exc))]
    return decode_bytes(raw, rel)


def decode_bytes(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    if b"\x00" in raw[:8192]:
        return None, [Problem.of(rel, 0, "binary_file")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(raw)
        if text is None:
            return None, [Problem.of(rel, 0, "not_utf8")]
        return _normalise(text), [Problem.of(rel, 0, "decoded_gb18030")]
    return _normalise(text), []


def _decode_legacy(raw: bytes) -> str | None:
    """GB18030 is a superset of GBK/GB2312 and what Chinese editors produce."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # GB18030 decodes many byte strings; refuse results that are mostly
    # control characters or private-use code points (a binary, not Chinese).
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t") or 0xE000 <= ord(ch) <= 0xF8FF)
    return None if bad > len(text) * 0.01 else text


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
