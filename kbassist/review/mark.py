"""Mark an article reviewed: change one value in its front matter and nothing else.

The knowledge folder belongs to the editors (often a git repo), so the
edit is surgical: the `reviewed:` value is replaced in place, keeping its
quoting, any trailing comment, key order, line endings (CRLF stays CRLF)
and a UTF-8 BOM; every other byte is untouched. A missing key is added as
the last front-matter line; a file without front matter gets one. Before
writing, the result is parsed again and must differ from the original only
in `reviewed`, so an odd layout (a block scalar, a multi-line value) is
refused instead of corrupted.

The file is written in place, through the same inode, and only from the
first byte that changes: an editor that holds the file open and appends
keeps its lines (a temp file renamed over it sent them to the replaced
inode: 30 lines lost in 4 of 5 runs, issue #17). A shorter value is padded
with spaces so the file never shrinks under such an editor. The write is
refused when the file changed since the caller read it (the index's hash),
it is read again just before writing and refused if it changed meanwhile,
and it is read after writing to say so if another program wrote at that
very moment. It is never written through a link that leads out of the
knowledge folder.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

import yaml

from ..errors import KbError
from ..knowledge.folder import is_outside
from ..knowledge.frontmatter import load_yaml
from ..knowledge.reading import content_hash

BOM = b"\xef\xbb\xbf"
KEY_LINE = re.compile(r"^reviewed[ \t]*:")
LINE = re.compile(r".*?(?:\r\n|\r|\n)|.+", re.S)  # only CR/LF end a line (not U+2028 etc.)
FENCE_END = ("---", "...")


class ArticleChanged(KbError):
    """The file on disk is not the one the caller read (the index's manifest hash); re-read it first."""


def mark_reviewed(path: Path, on: dt.date, expected_hash: str, root: Path | None = None) -> None:
    """Set `reviewed: on` in the article at `path`, read earlier with content hash `expected_hash`.

    `root`: the knowledge folder; a link out of it is refused (one inside it is followed)."""
    path = Path(path)
    real = Path(os.path.realpath(path))  # a symlinked article keeps its link; the target is rewritten
    if root is not None and is_outside(root, real):
        raise KbError(f"{path} leads outside the folder (to {real}); it is not written through the link")
    try:
        fd = os.open(real, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise KbError(f"cannot open {path}: {exc.strerror or exc}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode) or (root is not None and is_outside(root, _opened(fd, real))):
            raise KbError(f"{path} is not a regular file inside the folder; it is not written")
        raw = _read_all(fd)
        if content_hash(raw) != expected_hash:
            raise ArticleChanged(f"{path} changed on disk since it was last read (indexed); "
                                 f"check the change, re-index, then mark it reviewed again")
        _write_in_place(fd, path, raw, set_reviewed(raw, on, str(path), pad_to=len(raw)))
    except OSError as exc:
        raise KbError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def _opened(fd: int, fallback: Path) -> Path:
    """The path of the open file (Linux knows it; elsewhere the path it was opened by)."""
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        return fallback


def _read_all(fd: int) -> bytes:
    parts, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        parts.append(chunk)
        offset += len(chunk)
    return b"".join(parts)


def _write_in_place(fd: int, path: Path, raw: bytes, new: bytes) -> None:
    """Write `new` over `raw` from their first difference, in one call; the file never shrinks."""
    start = next((i for i, (a, b) in enumerate(zip(raw, new)) if a != b), min(len(raw), len(new)))
    if _read_all(fd) != raw:
        raise ArticleChanged(f"{path} changed while it was being marked reviewed; nothing was written")
    data = new[start:]
    while data:
        written = os.pwrite(fd, data, start)
        data, start = data[written:], start + written
    os.fsync(fd)
    if not _read_all(fd).startswith(new):
        raise ArticleChanged(f"{path} was written by another program while it was being marked reviewed; "
                             "check its reviewed line and its end")


def set_reviewed(raw: bytes, on: dt.date, name: str = "article", pad_to: int = 0) -> bytes:
    """The file's bytes with `reviewed` set to `on`; raises KbError when that cannot be done safely.

    `pad_to`: a result shorter than this many bytes gets spaces after the value (never shrink the file)."""
    bom = BOM if raw.startswith(BOM) else b""
    try:
        text = raw[len(bom):].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KbError(f"{name} is not UTF-8; save it as UTF-8 before marking it reviewed") from exc
    lines = LINE.findall(text)
    end = _front_matter_end(lines)
    if end is None:
        eol = (_line_ending(lines[0]) if lines else "") or "\n"
        new_text = f"---{eol}reviewed: {on.isoformat()}{eol}---{eol}" + text
        return bom + new_text.encode("utf-8")
    before = _front_matter(lines, end, name)
    keyed = [i for i in range(1, end) if KEY_LINE.match(lines[i])]
    if keyed:
        i = keyed[-1]  # YAML keeps the last of repeated keys
        old_line, lines[i] = lines[i], _with_value(lines[i], on.isoformat())
        short = pad_to - len(bom) - len("".join(lines).encode("utf-8"))
        if short > 0:
            lines[i] = _with_value(old_line, on.isoformat(), pad=short)
    else:
        eol = _line_ending(lines[end - 1]) or "\n"
        lines.insert(end, f"reviewed: {on.isoformat()}{eol}")
        end += 1
    after = _front_matter(lines, end, name)  # a quoted date reads back as a string, hence str()
    before.pop("reviewed", None)
    if str(after.pop("reviewed", None)) != on.isoformat() or before != after:
        raise KbError(f"{name}: the `reviewed` line has a layout this tool cannot edit safely; "
                      f"set it by hand to {on.isoformat()}")
    return bom + "".join(lines).encode("utf-8")


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the closing fence line, or None when the file has no (closed) front matter."""
    if not lines or lines[0].rstrip("\r\n").strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n").strip() in FENCE_END), None)


def _front_matter(lines: list[str], end: int, name: str) -> dict:
    try:
        meta = load_yaml("".join(lines[1:end])) or {}  # as the indexer reads it: dates as text
    except yaml.YAMLError as exc:
        raise KbError(f"{name}: front matter is not valid YAML; fix it before marking it reviewed") from exc
    if not isinstance(meta, dict):
        raise KbError(f"{name}: front matter is not a mapping; fix it before marking it reviewed")
    return meta


def _line_ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")):]


def _with_value(line: str, value: str, pad: int = 0) -> str:
    """`reviewed: <old>  # note` -> `reviewed: <value>  # note`, same quotes, spacing and ending
    (`pad` spaces after the value)."""
    eol = _line_ending(line)
    content = line[: len(line) - len(eol)]
    colon = content.index(":") + 1
    key, rest = content[:colon], content[colon:]
    space = rest[: len(rest) - len(rest.lstrip(" \t"))]
    rest = rest[len(space):]
    if rest[:1] in ("'", '"'):
        close = rest.find(rest[0], 1)
        tail = rest[close + 1:] if close > 0 else ""
        new = f"{rest[0]}{value}{rest[0]}"
    else:
        comment = re.search(r"[ \t]+#|[ \t]+$", rest)
        tail = rest[comment.start():] if comment else ""
        new = value
    return f"{key}{space or ' '}{new}{' ' * pad}{tail}{eol}"
