"""Finding the articles of a knowledge folder, and only those inside it.

Hidden folders (`.git`, `.obsidian`, `.kbassist`) and files are ignored, as
are editors' swap and temp files. Everything else that is not read is
reported with the reason, naming the entry (issue #17):

- a link is followed when its target is inside the folder (a loop is
  reported, not followed forever); a link out of the folder is read only
  when the settings allow it (`outside_links`), and a broken link is skipped;
- an article that is not a regular file (a FIFO, a device) is skipped: reading
  one would block or never end;
- a name that is not valid UTF-8 cannot be stored or shown as text: it is
  skipped, named with the bad bytes escaped (`n\\xff.md`), to be renamed;
- folders nested deeper than MAX_DEPTH are skipped; the walk is a loop, so no
  depth can exhaust the stack.

A backslash is an ordinary character of a file name here, as it is on the
file systems that allow it.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import FolderNotFound, Problem

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_DEPTH = 64


def is_ignored_name(name: str) -> bool:
    """Hidden entries and the temp/swap files editors write while saving."""
    return (
        name.startswith(".")
        or name.startswith("~")
        or name.startswith("#")
        or name.endswith(("~", ".swp", ".swx", ".tmp", ".part", ".crdownload"))
    )


def is_article_path(rel: str) -> bool:
    return rel.lower().endswith(MARKDOWN_SUFFIXES) and not any(is_ignored_name(p) for p in rel.split("/"))


def shown(rel: str) -> str:
    """A path as text that can always be stored and printed: undecodable bytes as \\xNN."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def scan_folder(root: Path, outside_links: bool = False) -> tuple[list[str], list[Problem]]:
    """Relative paths (forward slashes, sorted) of every article under `root`, and what was skipped."""
    root = Path(root)
    if not root.is_dir():
        raise FolderNotFound(f"knowledge folder not found: {root}")
    inside = os.path.realpath(root)
    found: list[str] = []
    problems: list[Problem] = []
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[tuple[str, str, int]] = [(str(root), "", 0)]
    while stack:
        directory, rel_dir, depth = stack.pop()
        try:
            st = os.stat(directory)
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem.of(shown(rel_dir) or ".", 0, "folder_unreadable", error=exc.strerror or str(exc)))
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            problems.append(Problem.of(shown(rel_dir), 0, "symlink_loop"))
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        below = []
        for entry in entries:
            if is_ignored_name(entry.name):
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            kind, problem = _kind(entry.path, rel, inside, outside_links, entry)
            if kind == "dir" and problem is None and depth >= MAX_DEPTH:
                problem = Problem.of(shown(rel), 0, "too_deep", depth=MAX_DEPTH)
            if problem is not None and (kind == "dir" or is_article_path(rel)):
                problems.append(problem)
            elif kind == "dir" and problem is None:
                below.append((entry.path, rel, depth + 1))
            elif kind == "file" and is_article_path(rel):
                found.append(rel)
        stack.extend(reversed(below))
    found.sort()
    return found, problems


def check_article(root: Path, rel: str, outside_links: bool = False) -> Problem | None:
    """Why the file at `rel` (a path the watcher reported) is not read as an article, or None when it is."""
    path = os.path.join(root, rel)
    inside = os.path.realpath(root)
    if rel.count("/") > MAX_DEPTH:
        return Problem.of(shown(rel), 0, "too_deep", depth=MAX_DEPTH)
    folder = os.path.dirname(path)
    if os.path.realpath(folder) != folder and not outside_links and not _within(os.path.realpath(folder), inside):
        return Problem.of(shown(rel), 0, "linked_folder_outside")
    kind, problem = _kind(path, rel, inside, outside_links)
    if problem is None and kind != "file":
        return Problem.of(shown(rel), 0, "not_a_file")
    return problem


def is_outside(root: Path, path: Path) -> bool:
    """Whether `path`, links resolved, lies outside `root`."""
    return not _within(os.path.realpath(path), os.path.realpath(root))


def _kind(path: str, rel: str, inside: str, outside_links: bool,
          entry: os.DirEntry | None = None) -> tuple[str, Problem | None]:
    """("dir" | "file" | "other", why it is skipped or None) for one entry, links resolved."""
    try:
        link = entry.is_symlink() if entry is not None else os.path.islink(path)
        if not link and entry is not None and entry.is_dir(follow_symlinks=False):
            kind = "dir"
        elif not link and entry is not None and entry.is_file(follow_symlinks=False):
            kind = "file"
        else:
            kind = _mode_kind(os.stat(path).st_mode) if link else _mode_kind(os.lstat(path).st_mode)
    except FileNotFoundError:
        return "other", Problem.of(shown(rel), 0, "dangling_link")
    except OSError as exc:
        return "other", Problem.of(shown(rel), 0, "unreadable", error=exc.strerror or str(exc))
    if _undecodable(rel):
        return kind, Problem.of(shown(rel), 0, "name_not_utf8")
    if link and not outside_links:
        target = os.path.realpath(path)
        if not _within(target, inside):
            return kind, Problem.of(shown(rel), 0, "link_outside", target=shown(target))
    if kind == "other":
        return kind, Problem.of(shown(rel), 0, "not_regular_file")
    return kind, None


def _mode_kind(mode: int) -> str:
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _undecodable(rel: str) -> bool:
    try:
        rel.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
