"""Parsing one Markdown article (KB-FORMAT v1) into an `Article`.

Everything is optional: a plain note with no front matter gets its id from
the path, its title from the first heading or the file name, and its
language from the text. Bad front matter never loses the article: the body
is still indexed and a `Problem` names the file and line.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re

import yaml

from ..errors import Problem
from ..textutil import detect_lang
from .frontmatter import MAX_INTERVAL_DAYS, load_yaml, parse_date
from .model import Article, Link, Placeholder, Reply, Section

# Patterns run over whatever a file holds (a 2 MB line, thousands of `[[`): none may backtrack more
# than the text between two brackets or braces, so each stays linear in the text (issue #17).
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
FENCE = re.compile(r"^(\s{0,3})(`{3,}|~{3,})\s*(.*)$")
WIKI_LINK = re.compile(r"\[\[([^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
MD_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\[\]\s]+?\.(?:md|markdown))(?:#[^()\[\]\s]*)?\)", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{([^{}|]+)(?:\|([^{}]*))?\}\}")
MAX_INFO = 500  # characters of a fence's info string looked at for `title=` and `lang=`
# An article with more sections, replies or links than these is not an article but an export: past the
# limits headings and reply fences are read as text and links are not listed (each said once). 54,000
# headings in 2 MB made 54,000 chunks and took 7 s to index (issue #17).
MAX_SECTIONS = 1000
MAX_REPLIES = 500
MAX_LINKS = 2000
TITLE_ATTR = re.compile(r"""title\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
LANG_ATTR = re.compile(r"""lang\s*=\s*["']?([A-Za-z-]+)""")
VARIANT_ATTR = re.compile(r"""\bvariant\s*=\s*["']?([A-Za-z0-9_-]+)""")
DURATION = re.compile(r"^\s*(\d{1,9})\s*([dwmy]?)\s*$", re.IGNORECASE)
STATUSES = ("draft", "published", "archived")


def parse_placeholders(text: str) -> tuple[Placeholder, ...]:
    """Placeholders in order of first appearance; a repeated name is listed once."""
    seen: dict[str, Placeholder] = {}
    for m in PLACEHOLDER.finditer(text):
        name = m.group(1).strip()
        if name not in seen:
            seen[name] = Placeholder(name, m.group(2) if m.group(2) is not None else None)
    return tuple(seen.values())


def path_to_id(rel: str) -> str:
    for suffix in (".md", ".markdown"):
        if rel.lower().endswith(suffix):
            return rel[: -len(suffix)]
    return rel


def parse_article(text: str, rel: str) -> tuple[Article, list[Problem]]:
    """Parse decoded text of the file at folder-relative path `rel`."""
    problems: list[Problem] = []
    meta, fm_lines, body_line = _split_front_matter(text, rel, problems)
    lines = text.split("\n")[body_line - 1:]
    sections, replies, links = _parse_body(lines, body_line, rel, problems)
    body = "\n".join(lines)
    first_h1 = next((s.heading for s in sections if s.level == 1), None)
    stem = posixpath.basename(path_to_id(rel))
    field = _FieldReader(meta, fm_lines, rel, problems)
    title = field.text("title") or first_h1 or stem
    lang = field.text("lang") or detect_lang(title + "\n" + body)
    status = (field.text("status") or "published").lower()
    if status not in STATUSES:
        problems.append(Problem.of(rel, field.line("status"), "unknown_status", status=status))
        status = "published"
    article = Article(
        id=field.text("id") or path_to_id(rel),
        path=rel,
        title=title,
        lang=lang,
        body=body,
        meta=meta,
        tags=field.strings("tags"),
        product=field.text("product"),
        version=field.text("version"),
        owner=field.text("owner"),
        status=status,
        type=(field.text("type") or "article").lower(),
        reviewed=field.date("reviewed"),
        review_every_days=field.duration("review_every"),
        expires=field.date("expires"),
        date=field.date("date"),
        affects=field.strings("affects"),
        translation_of=field.text("translation_of"),
        questions=field.strings("questions"),
        sections=tuple(sections),
        replies=tuple(replies),
        links=tuple(links),
        body_line=body_line,
    )
    return article, problems


def _split_front_matter(text: str, rel: str, problems: list[Problem]) -> tuple[dict, list[str], int]:
    """Return (metadata, front-matter lines, 1-based line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, [], 1
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.append(Problem.of(rel, 1, "front_matter_unclosed"))
        return {}, [], 1
    fm_lines = lines[1:end]
    try:
        meta = load_yaml("\n".join(fm_lines)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # libyaml often notices the error at the end of the block; point at a front-matter line.
        line = min(mark.line + 2, len(fm_lines) + 1) if mark is not None else 1
        reason = getattr(exc, "problem", None) or "invalid YAML"
        problems.append(Problem.of(rel, line, "front_matter_invalid", reason=str(reason)))
        return {}, fm_lines, end + 2
    if not isinstance(meta, dict):
        problems.append(Problem.of(rel, 2, "front_matter_not_mapping"))
        meta = {}
    return meta, fm_lines, end + 2


class _FieldReader:
    """Typed access to front-matter fields; a wrong type warns with the key's line."""

    def __init__(self, meta: dict, fm_lines: list[str], rel: str, problems: list[Problem]):
        self.meta, self.fm_lines, self.rel, self.problems = meta, fm_lines, rel, problems

    def line(self, key: str) -> int:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*:")
        return next((i + 2 for i, ln in enumerate(self.fm_lines) if pattern.match(ln)), 1)

    def warn(self, key: str, code: str, **values) -> None:
        self.problems.append(Problem.of(self.rel, self.line(key), code, key=key, **values))

    def text(self, key: str) -> str | None:
        value = self.meta.get(key)
        if value is None or isinstance(value, (dict, list)):
            if value is not None:
                self.warn(key, "field_not_text")
            return None
        value = str(value).strip()
        return value or None

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.meta.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [v for v in re.split(r"[,，]", value)] if key != "questions" else [value]
        if not isinstance(value, list):
            self.warn(key, "field_not_list")
            return ()
        return tuple(str(v).strip() for v in value if v is not None and str(v).strip())

    def date(self, key: str) -> dt.date | None:
        value = self.meta.get(key)
        if value is None or value == "":
            return None
        date = parse_date(value)
        if date is None:
            self.warn(key, "field_not_date", value=value)
        return date

    def duration(self, key: str) -> int | None:
        value = self.meta.get(key)
        if value is None:
            return None
        m = DURATION.match(str(value)) if not isinstance(value, bool) else None
        days = int(m.group(1)) * {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}[m.group(2).lower()] if m else 0
        if not 0 < days <= MAX_INTERVAL_DAYS:
            self.warn(key, "field_not_interval", value=value)
            return None
        return days


def _parse_body(lines: list[str], first_line: int, rel: str,
                problems: list[Problem]) -> tuple[list[Section], list[Reply], list[Link]]:
    sections: list[Section] = []
    replies: list[Reply] = []
    links: list[Link] = []
    stack: list[tuple[int, str]] = []
    current = {"heading": "", "level": 0, "path": (), "line": first_line, "text": []}
    fence: tuple[str, int] | None = None  # (marker, index where it opened)
    reply: dict | None = None

    def within(found: list, limit: int, what: str, lineno: int) -> bool:
        if len(found) < limit:
            return True
        if len(found) == limit and not any(p.code == f"too_many:{what}" for p in problems):
            problems.append(Problem.of(rel, lineno, f"too_many:{what}", limit=limit, what=what))
        return False

    def close_section(end_line: int) -> None:
        text = "\n".join(current["text"]).strip()
        if current["level"] or text:
            sections.append(Section(current["heading"], current["level"], current["path"],
                                    current["line"], text, end_line))

    for i, line in enumerate(lines):
        lineno = first_line + i
        fm = FENCE.match(line)
        if fence is not None:
            if fm and fm.group(2)[0] == fence[0][0] and len(fm.group(2)) >= len(fence[0]) and not fm.group(3):
                fence = None
                if reply is not None:
                    text = "\n".join(reply["lines"]).strip("\n")
                    replies.append(_reply(reply, text))
                    reply = None
                    continue
            elif reply is not None:
                reply["lines"].append(line)
                continue
            current["text"].append(line)
            continue
        if fm:
            fence = (fm.group(2), i)
            info = fm.group(3).strip()[:MAX_INFO]
            if info.split(" ", 1)[0].lower().startswith("reply") and within(replies, MAX_REPLIES, "replies", lineno):
                tm, lm, vm = TITLE_ATTR.search(info), LANG_ATTR.search(info), VARIANT_ATTR.search(info)
                title = next((g for g in tm.groups() if g is not None), "") if tm else ""
                reply = {"title": title or "Reply", "lang": lm.group(1) if lm else None,
                         "variant": vm.group(1).lower() if vm else "", "line": lineno, "lines": []}
                continue
            current["text"].append(line)
            continue
        hm = HEADING.match(line)
        if hm and within(sections, MAX_SECTIONS, "sections", lineno):
            close_section(lineno - 1)
            level, heading = len(hm.group(1)), hm.group(2).rstrip().rstrip("#").strip()
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading))
            current = {"heading": heading, "level": level, "path": tuple(h for _, h in stack),
                       "line": lineno, "text": []}
            continue
        current["text"].append(line)
        if ("[" in line) and within(links, MAX_LINKS, "links", lineno):
            links.extend(_links_in(line, lineno, rel))
    if reply is not None:  # an unclosed reply fence still yields its text
        replies.append(_reply(reply, "\n".join(reply["lines"]).strip("\n")))
    close_section(first_line + len(lines) - 1)
    return sections, replies, links


def _reply(reply: dict, text: str) -> Reply:
    return Reply(reply["title"], text, reply["lang"] or detect_lang(text), reply["line"], parse_placeholders(text),
                 reply["variant"])


def _links_in(line: str, lineno: int, rel: str) -> list[Link]:
    found = [Link(m.group(1).strip(), m.group(0), lineno) for m in WIKI_LINK.finditer(line)]
    for m in MD_LINK.finditer(line):
        target = m.group(2)
        if "://" in target:
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
        found.append(Link(path_to_id(resolved), m.group(0), lineno))
    return found
