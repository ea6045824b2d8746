"""The Review tab: the editors' queue from `Assistant.review()`, and the actions on one article.

The review runs off the GUI thread through `Ops.query` (and, for a
large folder, in a worker process: `assistant.jobs.review`), after the folder
opens and again after every index update (debounced, so a burst of saves
means one review). Each request is stamped and an answer older than the
one on screen is dropped. Writes (mark reviewed, snooze) are ops too; when
the file changed on disk since it was indexed, the engine refuses
(`ArticleChanged`) and the window's error banner says so.

`as_of` is a provider (default: today, via the engine) so tests and demos
can review a fixed date; actions use the same date.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Callable

from kbassist.assistant import Assistant
from kbassist.atomic import replacing
from kbassist.jobs import WorkerStopped
from kbassist.review import ArticleChanged, ReviewItem, ReviewReport, to_html, to_markdown

from . import gc_policy
from .ops import Ops
from .qt import (
    QAction,
    QDesktopServices,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    Qt,
    QTextBrowser,
    QTimer,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
    qdebounced,
)
from .review_model import Group, launch_targets, listing_groups, queue_groups, review_wording
from .wording import interface_lang

ITEM_ROLE = Qt.UserRole
ROWS_PER_GROUP = 100  # a 10,000-article folder flags thousands: 200 a group held the window 136 ms
SNOOZE_DAYS = (7, 14, 30)
REFRESH_MS = 500


class ReviewTab(QWidget):
    review_did_arrive = Signal(object)  # ReviewReport, once drawn (only the newest one; stale answers are dropped)
    queue_did_draw = Signal()  # the queue on screen is complete (it is drawn one group per event-loop turn)
    queue_did_change = Signal(int)  # articles in the queue
    status_did_change = Signal(str)  # a short note for the status bar

    def __init__(self, ops: Ops, parent=None, as_of: Callable[[], dt.date | None] = lambda: None):
        super().__init__(parent)
        self.ops = ops
        self.as_of = as_of
        self.assistant: Assistant | None = None
        self.report: ReviewReport | None = None
        self._stamp = 0
        self._reviewing = self._again = False
        self._shown = 0
        self._drawing: tuple[list[Group], str | None, bool] | None = None  # groups still to draw, selection, announce
        self._build()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QLabel(wordWrap=True)
        self.by_owner = QPushButton(self.tr("Group by owner"), checkable=True)
        self.by_owner.toggled.connect(lambda _on: self._show(self.report))
        self.export_button = QPushButton(self.tr("Export report…"))
        self.export_button.clicked.connect(self.export_report)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.by_owner)
        top.addWidget(self.export_button)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Article"), self.tr("Owner"), self.tr("Reasons"), self.tr("File")])
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        for column, width in ((0, 320), (1, 80), (3, 280)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        self.tree.itemActivated.connect(lambda *_: self.open_in_editor())
        self.details = QTextBrowser(openLinks=False)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setSizes([520, 160])

        self.open_button = QPushButton(self.tr("Open in editor"))
        self.open_button.clicked.connect(self.open_in_editor)
        self.mark_button = QPushButton(self.tr("Mark reviewed"))
        self.mark_button.clicked.connect(self.mark_reviewed)
        self.snooze_button = QToolButton(text=self.tr("Snooze…"), popupMode=QToolButton.InstantPopup)
        snooze_menu = QMenu(self.snooze_button)
        for days in SNOOZE_DAYS:
            action = QAction(self.tr("%n days", "", days), snooze_menu)
            action.triggered.connect(lambda _checked=False, d=days: self.snooze(d))
            snooze_menu.addAction(action)
        self.snooze_button.setMenu(snooze_menu)
        self.launch_button = QToolButton(text=self.tr("Open launch note"), popupMode=QToolButton.InstantPopup)
        self.launch_button.setMenu(QMenu(self.launch_button))
        actions = QHBoxLayout()
        for widget in (self.open_button, self.mark_button, self.snooze_button, self.launch_button):
            actions.addWidget(widget)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self._show(None)

    # -- requests ------------------------------------------------------------------------
    def set_assistant(self, assistant: Assistant | None) -> None:
        self.assistant = assistant
        self._stamp += 1
        self._shown = self._stamp  # whatever the old folder still answers is stale
        self._show(None)
        if assistant is not None:
            self.refresh_now()

    @qdebounced(timeout=REFRESH_MS)
    def refresh(self) -> None:
        """Review again soon (index updates come in bursts: one review per burst)."""
        self.refresh_now()

    def refresh_now(self) -> None:
        """Start a review, or, while one runs, ask for one more when it ends (never two at once)."""
        self.refresh.cancel()
        if self.assistant is None:
            return
        if self._reviewing:
            self._again = True
            return
        self._reviewing, self._again = True, False
        self._stamp += 1
        stamp, assistant, as_of = self._stamp, self.assistant, self.as_of()

        def finished(report: ReviewReport | None) -> None:
            self._reviewing = False
            if report is not None:
                self._did_review(stamp, report)
            if self._again:
                self.refresh_now()

        def failed(exc: BaseException) -> None:
            finished(None)
            if not isinstance(exc, WorkerStopped):  # stopped: the folder is closing
                self.ops.report_error(exc)

        self.ops.query(self, lambda: assistant.jobs.review(as_of, gaps=assistant.model_loaded)).success(
            finished).failure(failed).in_lane("review").run_in_background()

    def _did_review(self, stamp: int, report: ReviewReport) -> None:
        if stamp <= self._shown:
            return  # an older review finished after a newer one (or after a folder switch)
        self._shown = stamp
        # A 10k folder's report is ~95,000 objects that live until the next review: left young, each
        # full collection on the GUI thread walked them (46-160 ms). Frozen, they are freed by reference
        # counting when the next report replaces them (the report holds no cycles).
        gc_policy.freeze_survivors()
        self._show(report, announce=True)

    # -- rendering ----------------------------------------------------------------------
    def tab_title(self) -> str:
        if self.report is None:
            return self.tr("Review")
        return self.tr("Review (%1)").replace("%1", str(len(self.report.items)))

    def _show(self, report: ReviewReport | None, announce: bool = False) -> None:
        """Put `report` in the tree, one group per event-loop turn (a 10,000-article folder's queue at
        once held the window 112 ms); `queue_did_draw` (and with `announce`, `review_did_arrive`) when done."""
        selected = self.selected_item()
        self.report = report
        self.tree.clear()
        if report is None:
            self.summary.setText(self.tr("No review yet: open a knowledge folder."))
        else:
            self.summary.setText(self.tr("As of %1: %2 articles need review · %3 snoozed").replace(
                "%1", report.as_of.isoformat()).replace("%2", str(len(report.items))).replace(
                "%3", str(len(report.snoozed))))
        groups = [*queue_groups(report, self.by_owner.isChecked()), *listing_groups(report)] if report else []
        drawing = self._drawing = (groups, selected.id if selected else None, announce)  # ends one still drawing
        self._draw_next_group(drawing)

    def _draw_next_group(self, drawing: tuple[list[Group], str | None, bool]) -> None:
        if drawing is not self._drawing:
            return
        groups, selected, announce = drawing
        if groups:
            self._add_group(groups.pop(0))
            QTimer.singleShot(0, self, lambda: self._draw_next_group(drawing))
            return
        self._drawing = None
        self._select(selected)
        self._show_selected()
        report = self.report
        self.export_button.setEnabled(report is not None)
        self.queue_did_change.emit(len(report.items) if report else 0)
        self.queue_did_draw.emit()
        if announce:
            self.review_did_arrive.emit(report)

    def _add_group(self, group: Group) -> None:
        top = QTreeWidgetItem(self.tree, [group.label])
        top.setFirstColumnSpanned(True)
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        top.setData(0, ITEM_ROLE, group.key)
        lang = interface_lang()
        for item in group.items[:ROWS_PER_GROUP]:
            reasons = [review_wording.reason(r, lang) for r in item.reasons]
            row = QTreeWidgetItem(top, [item.title, review_wording.owner(item.owner), "; ".join(reasons), item.path])
            row.setToolTip(0, item.id)
            row.setData(0, ITEM_ROLE, item)
            row.setToolTip(2, "\n".join(reasons))
        rest = len(group.items) - ROWS_PER_GROUP
        if rest > 0:
            QTreeWidgetItem(top, [self.tr("… %1 more: export the report for the full list").replace("%1", str(rest))])
        top.setExpanded(group.expanded)

    def groups(self) -> dict[str, tuple[str, int]]:
        """Group key -> (label, number of items) as shown (for tests and the screenshot)."""
        return {self.tree.topLevelItem(n).data(0, ITEM_ROLE): (self.tree.topLevelItem(n).text(0),
                                                                 self.tree.topLevelItem(n).childCount())
                for n in range(self.tree.topLevelItemCount())}

    def select_article(self, article_id: str) -> bool:
        return self._select(article_id)

    def _select(self, article_id: str | None) -> bool:
        if article_id is None:
            return False
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            for c in range(group.childCount()):
                item = group.child(c).data(0, ITEM_ROLE)
                if item.id == article_id:
                    self.tree.setCurrentItem(group.child(c))
                    return True
        return False

    def selected_item(self) -> ReviewItem | None:
        current = self.tree.currentItem()
        value = current.data(0, ITEM_ROLE) if current is not None else None
        return value if isinstance(value, ReviewItem) else None

    def _show_selected(self) -> None:
        item = self.selected_item()
        queued = bool(item and self.report and item in self.report.items)
        self.open_button.setEnabled(item is not None)
        self.mark_button.setEnabled(item is not None)
        self.snooze_button.setEnabled(queued)
        menu = self.launch_button.menu()
        menu.clear()
        for launch_id in launch_targets(item) if item else ():
            menu.addAction(launch_id, lambda target=launch_id: self.open_launch_note(target))
        self.launch_button.setEnabled(not menu.isEmpty())
        if item is None:
            self.details.setPlainText("")
            return
        esc = html.escape
        reasons = "".join(f"<li>{esc(review_wording.reason(r))}</li>" for r in item.reasons)
        self.details.setHtml(
            f"<b>{esc(item.title)}</b><br><code>{esc(item.id)}</code> · {esc(item.path)}<br>"
            + esc(self.tr("Owner: %1").replace("%1", review_wording.owner(item.owner)))
            + (f"<ul>{reasons}</ul>" if reasons else ""))

    # -- actions --------------------------------------------------------------------------
    def _file(self, relative: str) -> Path:
        return Path(self.assistant.folder) / relative

    def open_in_editor(self) -> None:
        item = self.selected_item()
        if item is not None and self.assistant is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._file(item.path))))

    def open_launch_note(self, launch_id: str) -> None:
        article = self.assistant.article(launch_id) if self.assistant else None
        if article is None:
            self.ops.error_did_occur.emit(self.tr("Launch note %1 is not in the folder").replace("%1", launch_id))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._file(article.path))))

    def mark_reviewed(self) -> None:
        item, assistant, on = self.selected_item(), self.assistant, self.as_of()
        if item is None or assistant is None:
            return

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, ArticleChanged):
                self.ops.report_error(exc)
                return
            self.ops.error_did_occur.emit(self.tr(
                "“%1” was not marked reviewed: its file changed on disk after it was indexed. "
                "The queue refreshes when the change is indexed; then try again.").replace("%1", item.title))
            self.refresh()

        def done(_change) -> None:
            self.status_did_change.emit(self.tr("Marked reviewed: %1").replace("%1", item.title))
            self.refresh_now()

        self.ops.query(self, lambda: assistant.mark_reviewed(item.id, on)).success(done).failure(
            failed).run_in_background()

    def snooze(self, days: int) -> None:
        item, assistant, as_of = self.selected_item(), self.assistant, self.as_of()
        if item is None or assistant is None:
            return

        def done(until: dt.date) -> None:
            self.status_did_change.emit(self.tr("Snoozed until %1: %2").replace(
                "%1", until.isoformat()).replace("%2", item.title))
            self.refresh_now()

        self.ops.query(self, lambda: assistant.snooze(item.id, days, as_of=as_of)).success(done).run_in_background()

    def export_report(self, path: str | None = None) -> None:
        """Save the report on screen as HTML or Markdown (by the file's suffix)."""
        report = self.report
        if report is None:
            return
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export review report"), f"review-{report.as_of.isoformat()}.html",
                self.tr("Web page (*.html);;Markdown (*.md)"))
            if not path:
                return
        target = Path(path)

        def write() -> Path:
            text = to_markdown(report) if target.suffix.lower() in (".md", ".markdown") else to_html(report)
            with replacing(target, "w", encoding="utf-8") as out:  # 0600: content gaps quote customers
                out.write(text)
            return target

        self.ops.query(self, write).success(lambda saved: self.status_did_change.emit(
            self.tr("Report saved: %1").replace("%1", str(saved)))).run_in_background()
