"""What the Agent tab shows before there is a message: what to do, an example, the most used articles.

Three blank panes tell a new agent nothing. This pane says how to start
(paste, Ctrl+L, Enter), offers a real question from the folder as a
clickable example, and lists the articles whose replies were copied most
this week (from the private log: empty when logging is off).
"""
from __future__ import annotations

import datetime as dt
import html

from kbassist.assist.usage import WEEK, UsedArticle, example_message, most_used

from .ops import Ops
from .qt import QTextBrowser, QUrl, Signal
from .wording import interface_lang


class EmptyState(QTextBrowser):
    example_was_chosen = Signal(str)
    article_was_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.example = ""
        self.used: tuple[UsedArticle, ...] = ()
        self.render((), "")

    def refresh(self, ops: Ops, assistant) -> None:
        """Ask the log and the folder again, off the GUI thread (the log is decrypted to count)."""
        if assistant is None:
            self.render((), "")
            return
        lang = interface_lang()

        def gather():
            articles = assistant.article_summaries()
            used = most_used(assistant.history, articles, dt.date.today() - WEEK)
            return used, example_message(articles, lang, prefer=[u.article_id for u in used])

        ops.query(self, gather).success(lambda found: self.render(*found)).run_in_background()

    def render(self, used: tuple[UsedArticle, ...], example: str) -> None:
        self.used, self.example = used, example
        esc = html.escape
        start = self.tr("Paste the customer's message above")
        how = self.tr("Ctrl+L goes to the message box from anywhere in the window; Enter searches, "
                      "↑/↓ choose an article, Enter fills the reply, Ctrl+Enter copies it. F1 lists every shortcut.")
        parts = [f"<h3>{esc(start)}</h3>", f"<p>{esc(how)}</p>"]
        if example:
            label = self.tr("Try an example:")
            parts.append(f"<p>{esc(label)} <a href='example:'>{esc(example)}</a></p>")
        if used:
            heading = self.tr("Most used this week")
            rows = "".join(f"<li><a href='article:{esc(u.article_id)}'>{esc(u.title)}</a> "
                           f"<span style='color:gray;'>({esc(self.copies(u.copies))})</span></li>" for u in used)
            parts.append(f"<h4>{esc(heading)}</h4><ul>{rows}</ul>")
        self.setHtml("".join(parts))

    def copies(self, count: int) -> str:
        return self.tr("copies: %n", "", count)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "example" and self.example:
            self.example_was_chosen.emit(self.example)
        elif url.scheme() == "article":
            self.article_was_chosen.emit(url.path())
