"""The parsed knowledge: articles, their sections, replies and links, and the chunks indexed.

Frozen dataclasses that cross the engine boundary; the CLI, the GUI and the
tests see these, serialised only at the edge (`kbassist.cli.output`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Placeholder:
    """`{{name}}` or `{{name|default}}` inside a reply snippet."""

    name: str
    default: str | None = None


@dataclass(frozen=True)
class Reply:
    """A fenced ```reply block: a ready answer with placeholders to fill."""

    title: str
    text: str
    lang: str
    line: int
    placeholders: tuple[Placeholder, ...] = ()
    variant: str = ""  # `variant="b"`: one of several wordings of this reply tried side by side (A/B)


@dataclass(frozen=True)
class Section:
    """A heading and the body under it, down to the next heading of any level."""

    heading: str
    level: int  # 0 for text before the first heading
    path: tuple[str, ...]  # ancestor headings, this one last
    line: int  # 1-based line of the heading in the file
    text: str  # Markdown body without the heading line and reply blocks
    end_line: int = 0


@dataclass(frozen=True)
class Link:
    """A link to another article: `[[id]]`, `[[id|label]]` or a relative .md link."""

    target: str  # resolved article id (or the raw target when unresolvable)
    raw: str
    line: int


@dataclass(frozen=True)
class Article:
    """One Markdown file of the knowledge folder, parsed."""

    id: str
    path: str  # relative to the folder, with forward slashes
    title: str
    lang: str
    body: str
    meta: dict = field(default_factory=dict, hash=False, compare=False)
    tags: tuple[str, ...] = ()
    product: str | None = None
    version: str | None = None
    owner: str | None = None
    status: str = "published"
    type: str = "article"  # "article" | "launch"
    reviewed: dt.date | None = None
    review_every_days: int | None = None
    expires: dt.date | None = None
    date: dt.date | None = None  # launch notes: the launch date
    affects: tuple[str, ...] = ()
    translation_of: str | None = None
    questions: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    replies: tuple[Reply, ...] = ()
    links: tuple[Link, ...] = ()
    body_line: int = 1  # line where the body starts (after front matter)

    @property
    def is_launch(self) -> bool:
        return self.type == "launch"

    @property
    def searchable(self) -> bool:
        """Drafts and archived articles are kept out of default results."""
        return self.status == "published" and not self.is_launch


@dataclass(frozen=True)
class Chunk:
    """What is indexed: an article's title+questions, or one of its sections."""

    key: str  # stable: article id + '#' + heading path + '~' + ordinal
    article_id: str
    heading: str
    line: int
    text: str  # the text embedded and keyword-indexed (title + heading path first)
    kind: str = "section"  # "head" (title + questions) | "section"
