"""F1: the keyboard shortcuts, so an agent never needs the mouse."""
from __future__ import annotations

from .qt import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            ("Ctrl+Alt+K", self.tr("From any program: bring kbassist up, message box focused (Settings)")),
            ("Ctrl+L / Ctrl+K", self.tr("Go to the message box")),
            ("Enter", self.tr("Search now (in the message box); go to the reply (in the results)")),
            ("Shift+Enter", self.tr("New line in the message")),
            ("↑ / ↓", self.tr("Move through the results from the message box")),
            ("Tab / Shift+Tab", self.tr("Next / previous placeholder field (Enter on a result: the first empty one)")),
            ("Ctrl+Enter", self.tr("Copy the filled reply")),
            ("Ctrl+1 … Ctrl+9", self.tr("Copy the n-th reply")),
            ("Ctrl+Shift+A", self.tr("Add the filled reply to a message of several replies")),
            ("Ctrl+Shift+Enter", self.tr("Copy that message: one greeting, one sign-off")),
            ("Esc", self.tr("Clear the message and results")),
            ("Ctrl+Shift+M", self.tr("Compact mode")),
            ("Ctrl+Shift+R", self.tr("Review queue")),
            ("Ctrl+,", self.tr("Settings")),
            ("Ctrl+O", self.tr("Open a knowledge folder")),
            ("F1", self.tr("This list")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        table = self.table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        for row, (keys, action) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(action))
        table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 420)
