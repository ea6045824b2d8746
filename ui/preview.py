"""The selected article, rendered from Markdown, scrolled to the matching section.

Rendering is the `markdown` package's job; this module only adapts two
things Qt's rich text needs: heading ids become `<a name>` anchors (Qt
scrolls to those, not to ids), and a reply fence's info string
(`reply title="..."`), which Python-Markdown does not accept, is shortened
so the block still renders as code.
"""
from __future__ import annotations

import html
import re

import markdown
from markdown.extensions.toc import slugify_unicode

from kbassist.knowledge.model import Article

from .qt import QTextBrowser

_REPLY_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*reply\b.*$", re.M)
_HEADING_ID = re.compile(r'<h(\d) id="([^"]+)">')
_STYLE = "pre { background:#f4f4f4; } code { font-family: monospace; } table { border-collapse: collapse; }"


def _anchors(tokens: list[dict]) -> dict[str, str]:
    """Heading text -> anchor id, walking the toc tree."""
    found: dict[str, str] = {}
    for token in tokens:
        found.setdefault(html.unescape(token["name"]), token["id"])
        found.update({k: v for k, v in _anchors(token["children"]).items() if k not in found})
    return found


def render(article: Article) -> tuple[str, dict[str, str]]:
    """HTML of the article body and its heading anchors."""
    return _convert(article.body)


def warm_up() -> None:
    """Import and set up Python-Markdown's extensions off the GUI thread: on the first article
    shown they took 100 ms+ there (bench/gui_speed.py)."""
    _convert("# warm-up\n\n```reply\nx\n```\n")


def _convert(text: str) -> tuple[str, dict[str, str]]:
    md = markdown.Markdown(extensions=["fenced_code", "tables", "toc"],
                           extension_configs={"toc": {"slugify": slugify_unicode}})
    body = md.convert(_REPLY_FENCE.sub(r"\1\2 reply", text))
    body = _HEADING_ID.sub(r'<h\1><a name="\2"></a>', body)
    return body, _anchors(md.toc_tokens)


class Preview(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(_STYLE)
        self.article_id: str | None = None

    def show_article(self, article: Article | None, heading: str = "", warnings=()) -> None:
        """Render `article` (None clears) and scroll to `heading` when it has one."""
        self.article_id = article.id if article else None
        if article is None:
            self.clear()
            return
        body, anchors = render(article)
        notes = "".join(f'<p style="color:#9a5b00;">⚠ {html.escape(w.detail)}</p>' for w in warnings)
        self.setHtml(f'<p style="color:gray;">{html.escape(article.path)}</p>{notes}{body}')
        if heading in anchors:
            self.scrollToAnchor(anchors[heading])
