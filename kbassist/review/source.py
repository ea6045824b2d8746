"""Reading a folder for a review when no engine index is at hand (the CLI on a bare folder).

Each file's content hash is kept, computed the way the index manifest
does, so "mark reviewed" can refuse to overwrite a file that changed after
it was read.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..articles import parse_article
from ..errors import Problem
from ..folder import scan_folder
from ..model import Article
from ..reading import MAX_FILE_BYTES, decode_bytes


def content_hash(raw: bytes) -> str:
    """The manifest's file hash (blake2b-128 of the bytes), so the engine can pass its own."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@dataclass(frozen=True)
class FolderSnapshot:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    hashes: dict  # article path -> content_hash of the bytes parsed

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


def load_folder(folder: Path) -> FolderSnapshot:
    """Parse every article; unreadable files and clashing ids become problems, never stop the rest."""
    rels, problems = scan_folder(folder)
    articles: list[Article] = []
    hashes: dict[str, str] = {}
    seen: dict[str, str] = {}
    for rel in rels:
        path = folder / rel
        try:
            raw = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None
        except OSError as exc:
            problems.append(Problem(rel, 0, f"unreadable: {exc.strerror or exc}", "error"))
            continue
        if raw is None:
            problems.append(Problem(rel, 0, f"skipped: over the {MAX_FILE_BYTES} byte limit"))
            continue
        text, read_problems = decode_bytes(raw, rel)
        problems.extend(read_problems)
        if text is None:
            continue
        article, parse_problems = parse_article(text, rel)
        problems.extend(parse_problems)
        if article.id in seen:
            problems.append(Problem(rel, 1, f"id {article.id!r} is already used by {seen[article.id]}; skipped"))
            continue
        seen[article.id] = rel
        articles.append(article)
        hashes[rel] = content_hash(raw)
    return FolderSnapshot(tuple(articles), tuple(problems), hashes)
