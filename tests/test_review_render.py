"""The Markdown review report shows hostile text as text, as the HTML one does (issue #17, finding 9).

Titles, ids, reasons, problems and unanswered messages come from the folder
and from customers: `<script>` or `<img onerror>` in them passed through the
Markdown report raw, to run wherever it was rendered.
"""
from __future__ import annotations

import datetime as dt

import markdown

from kbassist.errors import Problem
from kbassist.review import to_markdown
from kbassist.review.model import Gap, Reason, ReviewItem, ReviewReport

PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
            "`code` and ``` fences", "a | b", "<b>bold</b> &amp; <i>", "**stars** _under_")


def _report() -> ReviewReport:
    items = tuple(ReviewItem(f"id-{i}`{payload}", payload, payload, f"{payload}.md", (Reason("stale", payload),))
                  for i, payload in enumerate(PAYLOADS))
    return ReviewReport(dt.date(2026, 11, 24), items, content_gaps=(Gap(3, PAYLOADS),),
                        problems=tuple(Problem(f"{p}.md", 1, p) for p in PAYLOADS))


def test_the_markdown_report_renders_no_html_from_its_text():
    rendered = markdown.markdown(to_markdown(_report()), extensions=["tables"])
    for tag in ("<script", "<img", "<b>", "<i>", "href=\"javascript"):
        assert tag not in rendered.lower(), tag


def test_the_markdown_report_still_shows_the_text_itself():
    rendered = markdown.markdown(to_markdown(_report()), extensions=["tables"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
