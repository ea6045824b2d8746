"""The customer-message box: Enter searches now, Shift+Enter adds a line,
↑/↓ move through the results without leaving the box, Esc clears."""
from __future__ import annotations

from .qt import QKeyEvent, QPlainTextEdit, Qt, Signal


class MessageBox(QPlainTextEdit):
    search_was_requested = Signal()
    move_was_requested = Signal(int)
    clear_was_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("Paste or type the customer's message…  (Enter: search, Shift+Enter: new line)"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key_Return, Qt.Key_Enter) and mods == Qt.NoModifier:
            self.search_was_requested.emit()
        elif key in (Qt.Key_Return, Qt.Key_Enter) and mods & Qt.ShiftModifier:
            self.insertPlainText("\n")
        elif key in (Qt.Key_Up, Qt.Key_Down) and mods == Qt.NoModifier and "\n" not in self.toPlainText():
            self.move_was_requested.emit(-1 if key == Qt.Key_Up else 1)
        elif key == Qt.Key_Escape:
            self.clear_was_requested.emit()
        else:
            super().keyPressEvent(event)
