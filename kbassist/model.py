"""Plain frozen dataclasses that cross the engine boundary.

The CLI, the GUI and the tests only ever see these; they are serialised to
JSON at the edge (`kbassist.output`), never passed around as loose dicts.
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


@dataclass(frozen=True)
class SearchHit:
    """One article in a result list, pointing at its best section."""

    id: str
    title: str
    path: str
    heading: str
    line: int
    score: float
    snippet: str
    lang: str
    keyword_score: float = 0.0
    semantic_score: float = 0.0


@dataclass(frozen=True)
class SearchResult:
    query: str
    mode: str
    took_ms: float
    no_answer: bool
    hits: tuple[SearchHit, ...]
    confidence: float = 0.0
    corrected: str = ""  # the query as searched, when spelling correction changed it


@dataclass(frozen=True)
class Progress:
    """Yielded by long jobs: `done` of `total` units, with what is happening."""

    done: int
    total: int
    label: str = ""
    vector_ids: tuple[int, ...] = ()  # vectors this step stored, for another process reading the index


@dataclass(frozen=True)
class IndexChange:
    """What one write to the indexes did; views refresh from it."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    problems: tuple = ()
    rebuilt: bool = False
    reason: str = ""

    @property
    def empty(self) -> bool:
        return not (self.added or self.updated or self.removed)

    def merged(self, later: "IndexChange") -> "IndexChange":
        """This change followed by `later` (a build done in two steps)."""
        return IndexChange(self.added + later.added, self.updated + later.updated, self.removed + later.removed,
                           self.problems + later.problems, self.rebuilt or later.rebuilt, self.reason or later.reason)
