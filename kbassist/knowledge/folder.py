"""Finding the articles of a knowledge folder.

Hidden folders (`.git`, `.obsidian`, `.kbassist`) and files are ignored, as
are editors' swap and temp files; symlinked folders are followed once (a
loop is reported, not followed forever).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import FolderNotFound, Problem

MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_ignored_name(name: str) -> bool:
    """Hidden entries and the temp/swap files editors write while saving."""
    return (
        name.startswith(".")
        or name.startswith("~")
        or name.startswith("#")
        or name.endswith(("~", ".swp", ".swx", ".tmp", ".part", ".crdownload"))
    )


def is_article_path(rel: str) -> bool:
    parts = rel.replace("\\", "/").split("/")
    return rel.lower().endswith(MARKDOWN_SUFFIXES) and not any(is_ignored_name(p) for p in parts)


def scan_folder(root: Path) -> tuple[list[str], list[Problem]]:
    """Relative paths (forward slashes, sorted) of every article under `root`."""
    root = Path(root)
    if not root.is_dir():
        raise FolderNotFound(f"knowledge folder not found: {root}")
    found: list[str] = []
    problems: list[Problem] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(directory: Path, rel_dir: str) -> None:
        try:
            st = directory.stat()
        except OSError as exc:
            problems.append(Problem.of(rel_dir or ".", 0, "folder_unreadable", error=str(exc)))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            problems.append(Problem.of(rel_dir, 0, "symlink_loop"))
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem.of(rel_dir or ".", 0, "folder_unreadable", error=str(exc)))
            return
        for entry in entries:
            if is_ignored_name(entry.name):
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_dir(follow_symlinks=True):
                    walk(Path(entry.path), rel)
                elif entry.is_file(follow_symlinks=True) and is_article_path(rel):
                    found.append(rel)
            except OSError as exc:
                problems.append(Problem.of(rel, 0, "unreadable", error=str(exc)))

    walk(root, "")
    return found, problems
