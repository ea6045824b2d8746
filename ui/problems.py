"""The Problems dock: bad files listed with file, line and message, never as dialogs."""
from __future__ import annotations

from kbassist.errors import Problem

from .qt import QAbstractItemView, QDockWidget, QHeaderView, QTableWidget, QTableWidgetItem
from .wording import wording


class ProblemsDock(QDockWidget):
    def __init__(self, parent=None):
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Line"), self.tr("Message")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWidget(self.table)

    def show_problems(self, problems: list[Problem]) -> None:
        self.table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            for col, value in enumerate((problem.file, str(problem.line or ""), wording.problem(problem))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.setWindowTitle(self.tr("Problems (%n)", "", len(problems)))
