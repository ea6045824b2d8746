"""Broken links: `[[id]]` or relative `.md` links that lead to no article.

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
        self.full: set[str] = set()
        self.stems: set[str] = set()
        for article in articles:
            for name in (article.id, path_to_id(article.path)):
                self.full.add(name)
                self.stems.add(posixpath.basename(name))

    def exists(self, target: str) -> bool:
        target = target.strip().strip("/")
        return target in self.full or ("/" not in target and target in self.stems)


def broken_links(article: Article, targets: LinkTargets) -> tuple[Reason, ...]:
    seen: set[str] = set()
    reasons = []
    for link in article.links:
        if link.target in seen or targets.exists(link.target):
            continue
        seen.add(link.target)
        reasons.append(Reason.of(f"broken_link:{link.target}", line=link.line, raw=link.raw))
    return tuple(reasons)
