"""The selected article, rendered from Markdown, scrolled to the matching section.

Rendering is the `markdown` package's job; this module only adapts what
Qt's rich text needs: heading ids become `<a name>` anchors (Qt scrolls to
those, not to ids), a reply fence's info string (`reply title="..."`),
which Python-Markdown does not accept, is shortened so the block still
renders as code, code blocks wrap (a long reply line forced a horizontal
scrollbar), and `[[id|label]]` links, which Markdown does not know, become
`kb:` links. A click on a link to another article emits
`article_link_was_clicked` with its target (the engine resolves it: the
same rules as the review's broken links); a web link opens in the browser.

An article is text from a shared folder, and Markdown lets it name any
image: `![x](file:///etc/passwd)`, `<img src="/home/me/.ssh/id_rsa">`, a
remote URL that would tell a server who reads what. The preview loads
images and style sheets only from files inside the knowledge folder
(symlinks resolved), and nothing from the network. Everything else gets a
blank: returning "nothing" is not enough, because Qt then reads a local
file itself, and an image that does not decode is loaded again by name.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
from markdown.extensions.toc import slugify_unicode

from kbassist.knowledge.model import Article

from .qt import QDesktopServices, QImage, QTextBrowser, QTextDocument, QUrl, Signal
from .wording import wording

_REPLY_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*reply\b.*$", re.M)
_HEADING_ID = re.compile(r'<h(\d) id="([^"]+)">')
_WIKI_LINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]")
_STYLE = ("pre { background:#f4f4f4; white-space: pre-wrap; } code { font-family: monospace; } "
          "table { border-collapse: collapse; }")
ARTICLE_SCHEME = "kb"


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
    text = _WIKI_LINK.sub(lambda m: f"[{(m.group(2) or m.group(1)).strip()}]({ARTICLE_SCHEME}:{m.group(1).strip()})",
                          _REPLY_FENCE.sub(r"\1\2 reply", text))
    body = md.convert(text)
    body = _HEADING_ID.sub(r'<h\1><a name="\2"></a>', body)
    return body, _anchors(md.toc_tokens)


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format_ARGB32)
    image.fill(0)
    return image


def local_file(url: QUrl, folder: Path | None, article_dir: Path | None) -> Path | None:
    """The file inside `folder` that `url` names (relative to the article's own folder), else None."""
    if folder is None or article_dir is None or url.scheme() not in ("", "file") or url.host():
        return None
    name = url.toLocalFile() if url.scheme() == "file" else url.path()
    if not name:
        return None
    path = (article_dir / name).resolve()  # an absolute name stays absolute
    return path if path.is_relative_to(folder) and path.is_file() else None


class Preview(QTextBrowser):
    article_link_was_clicked = Signal(str, str)  # link target, the linking article's path

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link_clicked)
        self.path = ""
        self.document().setDefaultStyleSheet(_STYLE)
        self.article_id: str | None = None
        self.folder: Path | None = None
        self._article_dir: Path | None = None

    def set_folder(self, folder: str | Path | None) -> None:
        """The knowledge folder: the only place images and style sheets are read from."""
        self.folder = Path(folder).resolve() if folder else None

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt's name
        """Every image and style sheet the article names comes through here: see the module docstring."""
        path = local_file(url, self.folder, self._article_dir)
        if kind == QTextDocument.ImageResource:
            image = QImage()
            if path is not None:
                image.loadFromData(path.read_bytes())
            return image if not image.isNull() else _blank_image()
        if kind == QTextDocument.StyleSheetResource and path is not None:
            return path.read_text(encoding="utf-8", errors="replace")
        return ""

    def show_article(self, article: Article | None, heading: str = "", warnings=()) -> None:
        """Render `article` (None clears) and scroll to `heading` when it has one."""
        self.article_id = article.id if article else None
        self.path = article.path if article else ""
        self._article_dir = (self.folder / article.path).parent if article and self.folder else None
        if article is None:
            self.clear()
            return
        body, anchors = render(article)
        notes = "".join(f'<p style="color:#9a5b00;">⚠ {html.escape(wording.warning(w))}</p>' for w in warnings)
        self.setHtml(f'<p style="color:gray;">{html.escape(article.path)}</p>{notes}{body}')
        if heading in anchors:
            self.scrollToAnchor(anchors[heading])

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.scheme() == ARTICLE_SCHEME:
            self.article_link_was_clicked.emit(url.path(), self.path)
        elif url.scheme() in ("", "file") and url.path().lower().endswith((".md", ".markdown")):
            self.article_link_was_clicked.emit(url.path(), self.path)
