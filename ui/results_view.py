"""The suggestion list: title, section, snippet, language and freshness badges.

Each row is a small HTML document painted by a delegate, so snippets wrap
and the engine's `**match**` marks become bold without a widget per row.
The freshness badge reads the article warnings `suggest()` computed with
`kbassist.review.freshness`; this module only chooses words and colours.
"""
from __future__ import annotations

import html
import re

from kbassist.assist.model import Suggestion

from .qt import (
    QColor,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPalette,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
    Signal,
)

SUGGESTION_ROLE = Qt.UserRole
HTML_ROLE = Qt.UserRole + 1
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def snippet_html(snippet: str) -> str:
    """Escape the engine's snippet and turn its `**match**` marks into bold."""
    return _BOLD.sub(r"<b>\1</b>", html.escape(snippet))


def badge(text: str, colour: str) -> str:
    return f'<span style="background:{colour}; color:white;">&nbsp;{html.escape(text)}&nbsp;</span>'


class Badges(QObject):
    """Badge words, translated; a QObject so lupdate and tr() share the context."""

    def freshness(self, suggestion: Suggestion) -> str:
        codes = {w.code for w in suggestion.warnings}
        if "article_expired" in codes:
            return badge(self.tr("expired"), "#b3261e")
        if "article_affected_by_launch" in codes:
            return badge(self.tr("affected by launch"), "#9a5b00")
        if "article_overdue" in codes:
            return badge(self.tr("review due"), "#9a5b00")
        if "article_archived" in codes:
            return badge(self.tr("archived"), "#5f6368")
        if "article_draft" in codes:
            return badge(self.tr("draft"), "#5f6368")
        return badge(self.tr("fresh"), "#1e7d32")

    def row_html(self, suggestion: Suggestion) -> str:
        badges = [badge(suggestion.lang.upper() or "?", "#3c5a99"), self.freshness(suggestion)]
        if not suggestion.confident:
            badges.append(badge(self.tr("closest match, check before use"), "#5f6368"))
        section = f' <span style="color:gray;">› {html.escape(suggestion.heading)}</span>' if suggestion.heading else ""
        problem = (f'<br><span style="color:#3c5a99;">{html.escape(self.tr("For: %1").replace("%1", suggestion.problem))}'
                   '</span>' if suggestion.problem else "")
        return (f'<b>{html.escape(suggestion.title)}</b>{section}<br>{" ".join(badges)}{problem}'
                f'<br><span style="color:#444;">{snippet_html(suggestion.snippet)}</span>')


class _HtmlDelegate(QStyledItemDelegate):
    """Paints a row's HTML wrapped to the view's width.

    Laying out rich text is the costly part (Qt asks for each row's size and
    paint several times per update), so each row's document is kept per
    text and width: a new result list lays out each row once.
    """

    CACHE_ROWS = 64

    def __init__(self, parent=None):
        super().__init__(parent)
        self._documents: dict[tuple[str, int, str], QTextDocument] = {}

    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        text, width = index.data(HTML_ROLE) or "", max(50, option.rect.width() - 8)
        key = (text, width, option.font.key())
        doc = self._documents.get(key)
        if doc is None:
            if len(self._documents) >= self.CACHE_ROWS:
                self._documents.clear()
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setHtml(text)
            doc.setTextWidth(width)
            self._documents[key] = doc
        return doc

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        option.widget.style().drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 4)
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        option.rect.setWidth(option.widget.viewport().width())
        return QSize(option.rect.width(), int(self._document(option, index).size().height()) + 8)


class ResultsView(QListWidget):
    """Emits the current suggestion; Enter or double-click means "open it"."""

    suggestion_did_change = Signal(object)  # Suggestion | None
    suggestion_was_activated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._badges = Badges(self)
        self.setItemDelegate(_HtmlDelegate(self))
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListWidget.ScrollPerPixel)
        palette = self.palette()  # a light selection keeps the dark row text readable
        palette.setColor(QPalette.Highlight, QColor("#d6e4fa"))
        self.setPalette(palette)
        self.currentItemChanged.connect(lambda item, _old: self.suggestion_did_change.emit(
            item.data(SUGGESTION_ROLE) if item else None))
        self.itemActivated.connect(lambda item: self.suggestion_was_activated.emit(item.data(SUGGESTION_ROLE)))

    def show_suggestions(self, suggestions: tuple[Suggestion, ...], keep_selection: bool = False) -> None:
        """Replace the rows; on a refresh of the same message keep the selected article if still there."""
        previous = self.current_suggestion() if keep_selection else None
        self.clear()
        for suggestion in suggestions:
            item = QListWidgetItem()
            item.setData(SUGGESTION_ROLE, suggestion)
            item.setData(HTML_ROLE, self._badges.row_html(suggestion))
            item.setToolTip(suggestion.path)
            self.addItem(item)
        keep = next((i for i, s in enumerate(suggestions) if previous and s.article_id == previous.article_id), 0)
        self.setCurrentRow(keep if suggestions else -1)

    def current_suggestion(self) -> Suggestion | None:
        item = self.currentItem()
        return item.data(SUGGESTION_ROLE) if item else None

    def move(self, step: int) -> None:
        """↑/↓ from the message box move the selection without taking focus."""
        if self.count():
            self.setCurrentRow(max(0, min(self.count() - 1, self.currentRow() + step)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # row heights depend on the width
