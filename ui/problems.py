"""Problems with the folder's files: a count in the status bar, the list in a dock on demand.

Bad files are listed with file, line and message, never as dialogs, and
never in the agent's way: the dock stays closed until the status-bar
button (or View → Problems) opens it, and the list follows the folder
live (every index update asks the engine again, off the GUI thread).
"""
from __future__ import annotations

from kbassist.errors import Problem

from .ops import Ops
from .qt import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
)
from .wording import wording


def collect(assistant) -> list[Problem]:
    """The folder's problems, the history log's (opening it enforces retention, reports a lost key), notices."""
    notices = [Problem(str(assistant.folder), 0, notice, "info") for notice in assistant.notices]
    return [*assistant.problems(), *assistant.history.open_existing(), *notices]


class ProblemsDock(QDockWidget):
    def __init__(self, parent=None):
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Line"), self.tr("Message")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)  # a clipped file name helps nobody
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWidget(self.table)
        self.button = QPushButton(flat=True)
        self.button.setToolTip(self.tr("Show the problems with the folder's files"))
        self.button.clicked.connect(self.toggle)
        self.button.hide()
        self.problems: list[Problem] = []

    def refresh(self, ops: Ops, assistant) -> None:
        """Ask the engine again (after an open or an index update) and show the answer."""
        if assistant is not None:
            ops.query(self, lambda: collect(assistant)).success(self.show_problems).run_in_background()

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            for col, value in enumerate((problem.file, str(problem.line or ""), wording.problem(problem))):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.setWindowTitle(self.tr("Problems (%n)", "", len(problems)))
        self.button.setText("⚠ " + self.tr("%n problem(s)", "", len(problems)))
        self.button.setVisible(bool(problems))
        if not problems:
            self.hide()

    def toggle(self) -> None:
        """Open at a modest height (the agent's panes keep most of the window), or close."""
        if self.isVisible():
            self.hide()
            return
        self.show()
        self.parentWidget().resizeDocks([self], [160], Qt.Vertical)
