"""The opt-in clipboard watch: a customer message copied in the CRM gets its suggestions at once.

Only while enabled, only plain text (not files, images or a huge paste), and
never what the app copied itself: every copy the app makes carries
`OWN_FORMAT`, so a reply copied with Ctrl+Enter is not searched as if a
customer had written it. The text goes to the message box like a paste;
nothing is stored unless logging is on (the watch searches with `log=False`,
as typing does).
"""
from __future__ import annotations

from ..qt import QGuiApplication, QMimeData, QObject, Signal

OWN_FORMAT = "application/x-kbassist-copy"
MAX_CHARS = 20_000  # a pasted chat is a few thousand characters; more is a document, not a message


def mark_as_own(mime: QMimeData) -> QMimeData:
    """Tag a copy the app makes, so the watch ignores it."""
    mime.setData(OWN_FORMAT, b"1")
    return mime


class ClipboardWatch(QObject):
    text_was_copied = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.enabled = False
        self._last = ""
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on

    def _changed(self) -> None:
        if not self.enabled:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or mime.hasFormat(OWN_FORMAT) or not mime.hasText() or mime.hasImage() or mime.hasUrls():
            return
        text = mime.text().strip()
        if not text or len(text) > MAX_CHARS or text == self._last:
            return
        self._last = text
        self.text_was_copied.emit(text)
