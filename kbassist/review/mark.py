"""Mark an article reviewed: change one value in its front matter and nothing else.

The knowledge folder belongs to the editors (often a git repo), so the
edit is surgical: the `reviewed:` value is replaced in place, keeping its
quoting, any trailing comment, key order, line endings (CRLF stays CRLF)
and a UTF-8 BOM; every other byte is untouched. A missing key is added as
the last front-matter line; a file without front matter gets one. Before
writing, the result is parsed again and must differ from the original only
in `reviewed`, so an odd layout (a block scalar, a multi-line value) is
refused instead of corrupted.

The write is atomic (temp file in the same folder, then `os.replace`,
keeping the file's permissions) and refused when the file changed on disk
since the caller read it, so an editor's unsaved work in another tool is
never overwritten by a stale copy.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tempfile
from pathlib import Path

import yaml

from ..errors import KbError
from ..knowledge.frontmatter import load_yaml
from ..knowledge.reading import content_hash

BOM = b"\xef\xbb\xbf"
KEY_LINE = re.compile(r"^reviewed[ \t]*:")
LINE = re.compile(r".*?(?:\r\n|\r|\n)|.+", re.S)  # only CR/LF end a line (not U+2028 etc.)
FENCE_END = ("---", "...")


class ArticleChanged(KbError):
    """The file on disk is not the one the caller read (the index's manifest hash); re-read it first."""


def mark_reviewed(path: Path, on: dt.date, expected_hash: str) -> None:
    """Set `reviewed: on` in the article at `path`, read earlier with content hash `expected_hash`."""
    path = Path(path).resolve()  # a symlinked article keeps its link; the target is rewritten
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KbError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if content_hash(raw) != expected_hash:
        raise ArticleChanged(f"{path} changed on disk since it was last read (indexed); "
                             f"check the change, re-index, then mark it reviewed again")
    _replace_atomically(path, set_reviewed(raw, on, str(path)))


def set_reviewed(raw: bytes, on: dt.date, name: str = "article") -> bytes:
    """The file's bytes with `reviewed` set to `on`; raises KbError when that cannot be done safely."""
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
        lines[i] = _with_value(lines[i], on.isoformat())
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


def _with_value(line: str, value: str) -> str:
    """`reviewed: <old>  # note` -> `reviewed: <value>  # note`, same quotes, spacing and ending."""
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
    return f"{key}{space or ' '}{new}{tail}{eol}"


def _replace_atomically(path: Path, data: bytes) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
