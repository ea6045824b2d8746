"""The Insights tab: a team lead's numbers from the private log, drawn (issue #21).

Every number comes from `assistant.insights` (the engine computes, this tab
draws). The report is read off the GUI thread as soon as a folder opens, so
the tab shows numbers the moment it is opened, and again each time it is
shown or Refresh is pressed (redrawn only when the numbers changed); content
gaps follow on the review lane once the model is loaded (clustering embeds).
Each request is stamped and a late answer for an older one is dropped.
With a team server (#22) a second scope shows the team's shared numbers,
with a line per agent; content gaps stay each laptop's own (no text is
shared).
Charts are built one per event-loop turn, so opening the tab never holds the
window for all of them at once.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from kbassist.assistant import Assistant
from kbassist.atomic import replacing
from kbassist.insights import InsightsReport
from kbassist.insights.export import to_csv
from kbassist.insights.team import TeamReport

from . import charts
from .insights_views import AgentsView, ArticlesView, GapsView, VariantsView, share
from .ops import Ops
from .qt import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLUMNS = 2


class InsightsTab(QWidget):
    report_did_arrive = Signal(object)  # InsightsReport
    gaps_did_arrive = Signal(object)  # tuple[Gap, ...]
    charts_did_draw = Signal()
    status_did_change = Signal(str)

    def __init__(self, ops: Ops, parent=None, as_of: Callable[[], dt.date | None] = lambda: None):
        super().__init__(parent)
        self.ops, self.as_of = ops, as_of
        self.assistant: Assistant | None = None
        self.report: InsightsReport | None = None
        self._stamp = 0
        self._pending: list[Callable[[], QWidget]] = []
        self.summary = QLabel(wordWrap=True)
        self.period = QComboBox()
        self.period.addItems([self.tr("By week"), self.tr("By day")])
        self.period.currentIndexChanged.connect(lambda _i: self._draw_charts())
        self.scope = QComboBox()
        self.scope.addItems([self.tr("This computer"), self.tr("Team (server)")])
        self.scope.setToolTip(self.tr("The team's numbers, as each agent who agreed shared them"))
        self.scope.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        for widget in (self.summary, self.scope, self.period, self.refresh_button, self.export_button):
            top.addWidget(widget, 1 if widget is self.summary else 0)
        self.plots = QWidget()
        self.grid = QGridLayout(self.plots)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.plots)
        self.gaps, self.variants, self.articles = GapsView(self), VariantsView(self), ArticlesView(self)
        self.agents = AgentsView(self)
        self.views = QTabWidget()
        self.views.addTab(scroll, self.tr("KPIs"))
        self.views.addTab(self.gaps.tree, self.tr("Content gaps"))
        self.views.addTab(self.variants.tree, self.tr("A/B wordings"))
        self.views.addTab(self.articles.tree, self.tr("Articles"))
        self.views.addTab(self.agents.tree, self.tr("Agents"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)
        self._show(None)

    def set_assistant(self, assistant: Assistant | None) -> None:
        self.assistant = assistant
        self._stamp += 1
        self.scope.setVisible(bool(assistant and assistant.server))
        self.scope.setCurrentIndex(0)
        self._show_scope_tabs()
        self._show(None)
        if assistant is not None:
            self.refresh(gaps=self.isVisible())  # read ahead: the tab opens on numbers, not on a wait

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.report is not None and self.grid.count() == 0:
            self._draw_charts()  # the numbers read ahead, at once
        self.refresh()

    def team_scope(self) -> bool:
        return bool(self.assistant and self.assistant.server) and self.scope.currentIndex() == 1

    def _scope_changed(self) -> None:
        self._show_scope_tabs()
        self._show(None)
        self.refresh()

    def _show_scope_tabs(self) -> None:
        team = self.scope.currentIndex() == 1
        self.views.setTabVisible(self.views.indexOf(self.agents.tree), team)
        self.views.setTabVisible(self.views.indexOf(self.gaps.tree), not team)

    def refresh(self, gaps: bool = True) -> None:
        """Read the numbers again (off the GUI thread), then the week's content gaps."""
        if self.assistant is None:
            return
        self._stamp += 1
        stamp, assistant, as_of = self._stamp, self.assistant, self.as_of()
        if self.team_scope():
            self.ops.query(self, lambda: assistant.insights.team(as_of=as_of)).success(
                lambda team: self._did_team(stamp, team)).failure(
                lambda exc: self._team_failed(stamp, exc)).in_lane("review").run_in_background()
            return
        self.ops.query(self, lambda: assistant.insights.report(as_of=as_of)).success(
            lambda report: self._did_report(stamp, report)).run_in_background()
        if not gaps:
            return
        if assistant.model_loaded:
            self.ops.query(self, lambda: assistant.insights.gaps(as_of)).success(
                lambda gaps: self._did_gaps(stamp, gaps)).in_lane("review").run_in_background()
        else:
            self.gaps.show_gaps(None)

    def _did_report(self, stamp: int, report: InsightsReport) -> None:
        if stamp != self._stamp:
            return
        if report != self.report:
            self._show(report)
        elif self.isVisible() and self.grid.count() == 0:
            self._draw_charts()  # read ahead while hidden: drawn now
        self.report_did_arrive.emit(report)

    def _did_team(self, stamp: int, team: TeamReport) -> None:
        if stamp != self._stamp:
            return
        self.agents.show_agents(team.agents)
        self._did_report(stamp, team.report)

    def _team_failed(self, stamp: int, exc: BaseException) -> None:
        if stamp == self._stamp:
            self.summary.setText(self.tr("The team's numbers could not be read: %1").replace("%1", str(exc)))

    def _did_gaps(self, stamp: int, gaps) -> None:
        if stamp == self._stamp:
            self.gaps.show_gaps(gaps)
            self.gaps_did_arrive.emit(gaps)

    # -- rendering ---------------------------------------------------------------------
    def _show(self, report: InsightsReport | None) -> None:
        self.report = report
        self.export_button.setEnabled(report is not None)
        if report is None:
            self.summary.setText(self.tr("Reading the team's numbers…") if self.team_scope()
                                 else self.tr("No numbers yet: open a knowledge folder."))
            self.variants.show_variants(())
            self.articles.show_articles((), ())
            self.agents.show_agents(())
            self._draw_charts()
            return
        t = report.total
        median = "—" if t.paste_to_copy_median_s is None else f"{t.paste_to_copy_median_s:.0f} s"
        self.summary.setText(self.tr("%1 messages · %2 answered from the knowledge base · paste to copy %3 (median) "
                                     "· %4 escalated · %5 resolved").replace("%1", str(t.messages)).replace(
            "%2", share(t.copy_rate)).replace("%3", median).replace("%4", share(t.escalation_rate)).replace(
            "%5", share(t.resolved_rate)))
        self.variants.show_variants(report.variants)
        self.articles.show_articles(report.most_used, report.most_skipped)
        self._draw_charts()

    def _draw_charts(self) -> None:
        self._pending = []  # charts still queued belong to the numbers on screen before
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        report = self.report
        if report is None or not self.isVisible():
            return  # drawn when shown
        periods = report.weeks if self.period.currentIndex() == 0 else report.days
        labels = [p.start.strftime("%m-%d") for p in periods]
        targets = dict(report.targets)

        def values(name: str) -> list[float | None]:
            return [getattr(p, name) for p in periods]

        self._pending = [
            lambda: charts.bar_chart(self.tr("Messages"), labels, values("messages")),
            lambda: charts.trend_chart(self.tr("Paste to copy (seconds), target 5 minutes"), labels, [
                (self.tr("median"), values("paste_to_copy_median_s")), (self.tr("90th percentile"),
                                                                        values("paste_to_copy_p90_s"))],
                (self.tr("5 minutes"), targets["paste_to_copy_s"])),
            lambda: charts.trend_chart(self.tr("Answered from the knowledge base"), labels, [
                (self.tr("copy rate"), values("copy_rate")), (self.tr("no answer"), values("no_answer_rate"))],
                percent=True),
            lambda: charts.trend_chart(self.tr("Escalations, line at 20 %"), labels, [
                (self.tr("escalated"), values("escalation_rate")),
                (self.tr("after agents' corrections"), values("corrected_escalation_rate"))],
                (self.tr("20 %"), targets["escalation_rate"]), percent=True),
            lambda: charts.trend_chart(self.tr("Resolved on first contact, target 70 %"), labels, [
                (self.tr("resolved"), values("resolved_rate"))], (self.tr("70 %"), targets["resolved_rate"]),
                percent=True),
            lambda: charts.trend_chart(self.tr("Customer sentiment"), labels, [
                (self.tr("angry"), values("angry_rate")), (self.tr("annoyed"), values("annoyed_rate"))], percent=True),
        ]
        QTimer.singleShot(0, self._draw_next)

    def _draw_next(self) -> None:
        if not self._pending:
            return
        n = self.grid.count()
        self.grid.addWidget(self._pending.pop(0)(), n // COLUMNS, n % COLUMNS)
        if self._pending:
            QTimer.singleShot(0, self._draw_next)
        else:
            self.charts_did_draw.emit()

    def charts_on_screen(self) -> bool:
        """Whether the charts of the numbers shown are all drawn (none still queued)."""
        return self.grid.count() > 0 and not self._pending

    def chart_titles(self) -> list[str]:
        """The titles of the charts drawn (for tests and screenshots)."""
        return [self.grid.itemAt(i).widget().chart().title() for i in range(self.grid.count())]

    def export_csv(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Insights"), "insights.csv",
                                              self.tr("CSV (*.csv)"))
        if path:
            self.save_csv(path)

    def save_csv(self, path: str) -> None:
        with replacing(Path(path), "w", encoding="utf-8") as out:
            out.write(to_csv(self.report))
        self.status_did_change.emit(self.tr("Saved: %1").replace("%1", path))
