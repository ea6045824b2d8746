"""The weekly review as Markdown (to paste into chat), HTML (to open in a browser) and JSON.

Both text formats render one neutral outline (`outline()`: headings,
tables, item lists), so they always show the same groups and counts; only
the markup differs. The HTML is a single self-contained page with inline
CSS and no scripts, so it can be mailed or opened from disk anywhere.

Every text in a report comes from the folder or from customers, so each
format escapes it: HTML with entities, Markdown with entities for `& < >`,
backslashes for links, code and table breaks, and code spans for ids (raw `<script>` in a
title passed through the Markdown report, issue #17).

Reasons and problems are worded in `lang` (`kbassist.wording`); the outline's
own headings are English.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from .model import INFO, ReviewItem, ReviewReport


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Items:
    items: tuple[ReviewItem, ...]
    lang: str = "en"


def reason_group(code: str) -> str:
    """`launch:launches/x` -> `launch`: counts group by rule, details keep the target."""
    return code.split(":", 1)[0]


def outline(report: ReviewReport, lang: str = "en") -> list:
    blocks: list = [Heading(1, f"Weekly knowledge review — {report.as_of.isoformat()}"), Text(_summary(report))]
    if report.items:
        by_reason = Counter(reason_group(r.code) for i in report.items for r in i.reasons)
        blocks += [Heading(2, "By reason"),
                   Table(("reason", "articles"), tuple((k, str(n)) for k, n in sorted(by_reason.items())))]
        blocks.append(Heading(2, "By owner"))
        owners = sorted({i.owner or "(no owner)" for i in report.items})
        for owner in owners:
            mine = tuple(i for i in report.items if (i.owner or "(no owner)") == owner)
            blocks += [Heading(3, f"{owner} ({len(mine)})"), Items(mine, lang)]
    if report.changes is not None:
        since = report.changes.previous_as_of.isoformat()
        blocks += [Heading(2, f"Change since {since}"),
                   Table(("", "articles"), (("new or with new reasons", ", ".join(report.changes.new) or "—"),
                                            ("resolved", ", ".join(report.changes.resolved) or "—")))]
    for title, items in (("Snoozed", report.snoozed), ("Missing translation (info)", report.missing_translation),
                         ("Drafts (not checked)", report.drafts), ("Archived (not checked)", report.archived)):
        if items:
            blocks += [Heading(2, f"{title} ({len(items)})"), Items(items, lang)]
    if report.content_gaps:
        blocks += [Heading(2, "Content gaps: asked, not answered well"),
                   Table(("messages", "week before", "examples", "nearest article"),
                         tuple((str(g.count), str(g.previous), " · ".join(g.examples), g.nearest_id or "—")
                               for g in report.content_gaps))]
    if report.problems:
        blocks += [Heading(2, f"Problems ({len(report.problems)})"),
                   Table(("file", "problem"), tuple((p.file + (f":{p.line}" if p.line else ""), p.text(lang))
                                                    for p in report.problems))]
    return blocks


def _summary(report: ReviewReport) -> str:
    parts = [f"{len(report.items)} articles need review"]
    if report.changes is not None:
        parts.append(f"{len(report.changes.new)} new, {len(report.changes.resolved)} resolved "
                     f"since {report.changes.previous_as_of.isoformat()}")
    parts += [f"{len(report.snoozed)} snoozed", f"{len(report.missing_translation)} missing a translation",
              f"{len(report.drafts)} drafts", f"{len(report.archived)} archived"]
    return " · ".join(parts)


def _reason_text(item: ReviewItem, lang: str) -> list[str]:
    return [f"{r.code}: {text}" if (text := r.text(lang)) else r.code for r in item.reasons]


# -- Markdown -------------------------------------------------------------
MD_MARKUP = re.compile(r"([\\`\[\]|!])")  # emphasis (* and _) is left alone: snake_case codes stay readable


def _md(text: str) -> str:
    """Text that Markdown shows as it is: no HTML, links, images, code or table breaks of its own."""
    return MD_MARKUP.sub(r"\\\1", html.escape(text, quote=False)).replace("\r", " ").replace("\n", " ")


def _md_code(text: str) -> str:
    """A code span holding `text`, whatever backticks it has."""
    text = text.replace("\r", " ").replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def to_markdown(report: ReviewReport, lang: str = "en") -> str:
    out: list[str] = []
    for block in outline(report, lang):
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + _md(block.text), ""]
        elif isinstance(block, Text):
            out += [f"**{_md(block.text)}**", ""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(_md(h) for h in block.headers) + " |")
            out.append("|" + "---|" * len(block.headers))
            out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in block.rows]
            out.append("")
        else:
            for item in block.items:
                reasons = "; ".join(_md(r) for r in _reason_text(item, block.lang))
                out.append(f"- **{_md(item.title)}** {_md_code(item.id)}" + (f" — {reasons}" if reasons else ""))
            out.append("")
    return "\n".join(out)


# -- HTML -----------------------------------------------------------------
CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{margin-bottom:.3rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
.summary{font-weight:600}ul{padding-left:1.2rem}li{margin:.3rem 0}code{background:#f3f3f3;padding:0 .2rem}
.reason{display:block;color:#a33}.info{color:#666}
"""


def to_html(report: ReviewReport, lang: str = "en") -> str:
    esc = html.escape
    body: list[str] = []
    for block in outline(report, lang):
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Text):
            body.append(f'<p class="summary">{esc(block.text)}</p>')
        elif isinstance(block, Table):
            head = "".join(f"<th>{esc(h)}</th>" for h in block.headers)
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            body.append(f"<table><tr>{head}</tr>{rows}</table>")
        else:
            lis = []
            for item in block.items:
                reasons = "".join(
                    f'<span class="reason{" info" if r.severity == INFO else ""}">{esc(text)}</span>'
                    for r, text in zip(item.reasons, _reason_text(item, block.lang)))
                lis.append(f"<li><strong>{esc(item.title)}</strong> <code>{esc(item.id)}</code>{reasons}</li>")
            body.append("<ul>" + "".join(lis) + "</ul>")
    title = esc(f"Weekly knowledge review — {report.as_of.isoformat()}")
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{CSS}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


# -- JSON -----------------------------------------------------------------
def _item_json(item: ReviewItem) -> dict:
    return {"id": item.id, "title": item.title, "owner": item.owner, "path": item.path, "lang": item.lang,
            "reasons": [{"code": r.code, "detail": r.detail, "severity": r.severity, "params": r.params.as_dict()}
                        for r in item.reasons]}


def to_json(report: ReviewReport) -> dict:
    """A JSON-ready dict: `as_of`, `articles`, `missing_translation`, `content_gaps`, plus listings."""
    changes = report.changes
    return {
        "as_of": report.as_of.isoformat(),
        "articles": [_item_json(i) for i in report.items],
        "missing_translation": [_item_json(i) for i in report.missing_translation],
        "content_gaps": [{"count": g.count, "examples": list(g.examples), "previous": g.previous,
                          "nearest": g.nearest_id or None} for g in report.content_gaps],
        "snoozed": [_item_json(i) for i in report.snoozed],
        "drafts": [_item_json(i) for i in report.drafts],
        "archived": [_item_json(i) for i in report.archived],
        "changes": None if changes is None else {"previous_as_of": changes.previous_as_of.isoformat(),
                                                 "new": list(changes.new), "resolved": list(changes.resolved)},
        "problems": [{"file": p.file, "line": p.line, "message": p.message, "severity": p.severity,
                      "code": p.code, "params": p.params.as_dict()} for p in report.problems],
    }
