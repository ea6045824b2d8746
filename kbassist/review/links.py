"""Links between articles: which lead nowhere (the review's broken links), and where one leads (the preview).

The parser has already resolved each link to an id or a folder-relative
path without `.md`; here a target is good when it names an article's id or
its path. Obsidian users often write just the file name (`[[card-arrival]]`
for `cards/card-arrival`), so a target without a folder also matches an
article's file name.
"""
from __future__ import annotations

import posixpath
from typing import Iterable

from ..knowledge.articles import path_to_id
from ..knowledge.model import Article
from .model import Reason


class LinkTargets:
    """Every name an article can be linked by, built once per review."""

    def __init__(self, articles: Iterable[Article]):
        self._by_name = {name: article.id for article in articles for name in (article.id, path_to_id(article.path))}
        self._by_stem = {posixpath.basename(name): key for name, key in self._by_name.items()}
        self.full: set[str] = set(self._by_name)
        self.stems: set[str] = set(self._by_stem)

    def exists(self, target: str) -> bool:
        target = target.strip().strip("/")
        return target in self.full or ("/" not in target and target in self.stems)

    def find(self, target: str, from_path: str = "") -> str | None:
        """The id of the article `target` names (an id, a path, a file name, or a `.md` link relative
        to `from_path`), else None."""
        target = target.strip()
        if target.lower().endswith((".md", ".markdown")):
            target = path_to_id(posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target)))
        target = target.strip("/")
        return self._by_name.get(target) or (self._by_stem.get(target) if "/" not in target else None)


def broken_links(article: Article, targets: LinkTargets) -> tuple[Reason, ...]:
    seen: set[str] = set()
    reasons = []
    for link in article.links:
        if link.target in seen or targets.exists(link.target):
            continue
        seen.add(link.target)
        reasons.append(Reason.of(f"broken_link:{link.target}", line=link.line, raw=link.raw))
    return tuple(reasons)
