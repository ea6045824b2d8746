"""Reading knowledge files safely: links, special files, encodings, binaries, size limits.

Editors' folders contain whatever people drop in them: UTF-8 with a BOM from
Windows Notepad, UTF-16 from other Windows tools, GB18030 from older Chinese
tools, images renamed to .md, huge exports, files with one damaged byte.
Each is either decoded with a warning or skipped with a warning; none stops
the folder. A damaged byte costs one replacement character and a warning
naming its line, not the article (one bit flipped used to drop it whole).
"""
from __future__ import annotations

import codecs
import hashlib
import os
import stat
from pathlib import Path

from ..errors import Problem
from .folder import is_outside, shown

MAX_FILE_BYTES = 2 * 1024 * 1024
SAMPLE = 8192  # bytes looked at to tell text from binary
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAX_BAD_SHARE = 0.01  # more undecodable bytes than this (of the non-ASCII ones) and it is not damaged UTF-8
HIGH_BYTES = bytes(range(0x80, 0x100))


def content_hash(raw: bytes) -> str:
    """A file's content hash (blake2b-128 of its bytes): the index manifest's and mark-reviewed's check."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def read_raw(root: Path, rel: str, outside_links: bool = False,
             max_bytes: int = MAX_FILE_BYTES) -> tuple[bytes | None, os.stat_result | None, Problem | None]:
    """(bytes, stat, None) of the article at `rel`, or (None, stat or None, why it was not read).

    Never through a link out of `root` unless `outside_links`, never blocking on
    a FIFO (opened non-blocking, then required to be a regular file), never more
    than `max_bytes` (an over-size file is skipped, its stat still returned)."""
    path = os.path.join(root, rel)
    if not outside_links and is_outside(root, path):
        return None, None, Problem.of(shown(rel), 0, "opened_outside")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return None, None, Problem.of(shown(rel), 0, "unreadable", "error", error=exc.strerror or str(exc))
    with os.fdopen(fd, "rb") as source:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, st, Problem.of(shown(rel), 0, "not_regular_file")
        if not outside_links and _opened_outside(root, fd):  # the link changed since it was checked
            return None, st, Problem.of(shown(rel), 0, "opened_outside")
        if st.st_size > max_bytes:
            return None, st, Problem.of(shown(rel), 0, "file_too_large", size=st.st_size, limit=max_bytes)
        try:
            raw = source.read(max_bytes + 1)
        except OSError as exc:
            return None, st, Problem.of(shown(rel), 0, "unreadable", "error", error=exc.strerror or str(exc))
    if len(raw) > max_bytes:  # it grew while being read
        return None, st, Problem.of(shown(rel), 0, "grew_too_large", limit=max_bytes)
    return raw, st, None


def _opened_outside(root: Path, fd: int) -> bool:
    """Whether the open file `fd` lies outside `root` (Linux tells; elsewhere the check before opening stands)."""
    try:
        return is_outside(root, Path(os.readlink(f"/proc/self/fd/{fd}")))
    except OSError:
        return False


def decode_bytes(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """The text of a file's bytes, with warnings; None (and why) when it is not text."""
    for bom, encoding in WIDE_BOMS:
        if raw.startswith(bom):
            text = raw[len(bom):].decode(f"{encoding}-{'le' if bom[0] == 0xFF else 'be'}", "replace")
            return _normalise(text), [Problem.of(rel, 0, "utf16_read", "info", encoding=encoding.upper())]
    problems: list[Problem] = []
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
        problems.append(Problem.of(rel, 1, "utf8_bom", "info"))
    sample = raw[:SAMPLE]
    if sample and sample.count(0) * 100 > len(sample):
        if _looks_utf16(sample):
            return None, [Problem.of(rel, 0, "utf16_without_bom")]
        return None, [Problem.of(rel, 0, "binary_file")]
    if 0 in raw:
        problems.append(Problem.of(rel, _line_of(raw, raw.index(0)), "nul_bytes"))
        raw = raw.replace(b"\x00", "\ufffd".encode())
    try:
        return _normalise(raw.decode("utf-8")), problems
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    non_ascii = len(raw) - len(raw.translate(None, HIGH_BYTES))
    if bad <= max(3, non_ascii * MAX_BAD_SHARE):  # a damaged byte or two in UTF-8 text
        return _normalise(text), problems + [Problem.of(rel, _line_of(raw, first_bad), "bad_utf8_bytes", count=bad)]
    legacy = _decode_legacy(raw)
    if legacy is not None:
        return _normalise(legacy), problems + [Problem.of(rel, 0, "decoded_gb18030")]
    return None, problems + [Problem.of(rel, _line_of(raw, first_bad), "not_utf8")]


def _looks_utf16(sample: bytes) -> bool:
    """Mostly NUL in the odd (or even) positions and text in the others: UTF-16 without its mark."""
    for zeros, others in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
        texty = sum(1 for byte in others if byte >= 0x20 or byte in b"\t\n\r")
        if zeros.count(0) > len(zeros) * 0.4 and texty > len(others) * 0.9:
            return True
    return False


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


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
