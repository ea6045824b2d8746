"""Composing one message from several replies: add the filled reply on screen, copy them as one.

Two problems in one chat need two snippets, and the customer should get one
message: `kbassist.assist.compose` keeps one greeting and one sign-off. The
bar only collects the filled texts in the agent's order; the copy goes
through the reply panel's checks (unfilled placeholders, someone else's data).
"""
from __future__ import annotations

from kbassist.assist.compose import compose

from .qt import QHBoxLayout, QLabel, QPushButton, QWidget


class ComposeBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.parts: list[tuple[str, str]] = []  # (reply title, filled text)
        self.add_button = QPushButton(self.tr("Add to message (Ctrl+Shift+A)"))
        self.label = QLabel(wordWrap=True)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.add_button)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button)
        self._show()

    def add(self, title: str, text: str) -> None:
        if text.strip():
            self.parts.append((title, text))
            self._show()

    def clear(self) -> None:
        self.parts.clear()
        self._show()

    def text(self) -> str:
        return compose([text for _title, text in self.parts])

    def _show(self) -> None:
        self.label.setText(self.tr("%n replies in the message: Ctrl+Shift+Enter copies it as one", "",
                                   len(self.parts)) if self.parts else "")
        self.label.setToolTip("\n".join(title for title, _text in self.parts))
        self.clear_button.setVisible(bool(self.parts))
