"""The main window: tabs, menus, shortcuts, status bar (with the problems count), compact mode.

It wires the folder session (open, index, model, watch) to the Agent tab
and keeps the chrome; the Agent tab owns the message-to-reply flow, the
Review tab beside it the editors' queue.
"""
from __future__ import annotations

import logging
import os
import sys
import time

from kbassist.index.model import Progress
from kbassist.settings import Settings, save_settings

from . import preview
from .agent_tab import AgentTab
from .desk import Desk
from .insights_tab import InsightsTab
from .ops import Ops
from .practice_tab import PracticeTab
from .problems import ProblemsDock
from .qt import (
    QByteArray,
    QFileDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QShortcut,
    Qt,
    QTabWidget,
    Signal,
    qthrottled,
)
from .review_tab import ReviewTab
from .session import FolderSession
from .shortcuts import ShortcutsDialog
from .state import UiState, save_state
from .team_share import TeamSharing

log = logging.getLogger(__name__)
COMPACT_WIDTH = 440


class MainWindow(QMainWindow):
    window_did_show = Signal()

    def __init__(self, settings: Settings, state: UiState, index_dir: str | None = None):
        super().__init__()
        self.settings, self.state, self.index_dir = settings, state, index_dir
        self.folder: str | None = None
        self.setWindowTitle("kbassist")
        self.ops = Ops(self)
        self.session = FolderSession(self.ops, self)
        self.ops.query(self, preview.warm_up).run_in_background()  # the first article shown then renders at once
        self.agent = AgentTab(self.ops)
        self.tabs = QTabWidget()
        self.review = ReviewTab(self.ops)
        self.tabs.addTab(self.agent, self.tr("Agent"))
        self.tabs.addTab(self.review, self.review.tab_title())
        self.insights, self.practice = InsightsTab(self.ops), PracticeTab(self.ops)  # for leads and trainees (#21)
        self.tabs.addTab(self.insights, self.tr("Insights"))
        self.tabs.addTab(self.practice, self.tr("Practice"))
        self.team_sharing = TeamSharing(self.ops, self)  # the agent's numbers to the team's server, if agreed (#22)
        self.setCentralWidget(self.tabs)
        self.problems = ProblemsDock(self)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.problems)
        self.problems.hide()
        self.error_banner = QLabel(wordWrap=True)
        self.error_banner.setStyleSheet("background:#fde7e9; color:#8c1d18; padding:4px;")
        self.error_banner.hide()
        self._build_status_bar()
        self._build_menus()
        self._build_shortcuts()
        self._wire()
        self.desk = Desk(self)  # the hotkey, clipboard watch, paste back and local API
        self.desk.api_did_change.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.settings = self.desk.apply(settings)
        if state.geometry:
            self.restoreGeometry(QByteArray.fromBase64(state.geometry.encode()))
        else:
            self.resize(1280, 800)
        self.set_always_on_top(settings.always_on_top)
        if state.compact:
            self.set_compact(True)

    # -- building ----------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.mode_label = QLabel()
        self.progress = QProgressBar(maximumWidth=200, textVisible=True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.session.cancel)
        bar.addWidget(self.error_banner, 1)
        for widget in (self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
            widget.hide()
        bar.addPermanentWidget(self.problems.button)
        bar.addPermanentWidget(self.mode_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.tr("&Open folder…"), QKeySequence.Open, self.choose_folder)
        self.recent_menu = file_menu.addMenu(self.tr("Recent folders"))
        file_menu.addAction(self.tr("&Settings…"), QKeySequence("Ctrl+,"), self.open_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("&Quit"), QKeySequence.Quit, self.close)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.compact_action = view.addAction(self.tr("&Compact mode"), QKeySequence("Ctrl+Shift+M"),
                                             lambda: self.set_compact(not self.state.compact))
        self.compact_action.setCheckable(True)
        self.on_top_action = view.addAction(self.tr("Always on &top"), self.toggle_always_on_top)
        self.on_top_action.setCheckable(True)
        view.addAction(self.problems.toggleViewAction())
        view.addAction(self.tr("&Review queue"), QKeySequence("Ctrl+Shift+R"),
                       lambda: self.tabs.setCurrentWidget(self.review))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts"), QKeySequence("F1"), self.show_shortcuts)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for folder in self.state.recent_folders:
            self.recent_menu.addAction(folder, lambda f=folder: self.open_folder(f))
        self.recent_menu.setEnabled(bool(self.state.recent_folders))

    def _build_shortcuts(self) -> None:
        for keys in ("Ctrl+L", "Ctrl+K"):
            QShortcut(QKeySequence(keys), self, self.focus_message)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.agent.replies.copy_current)
        for keys in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            QShortcut(QKeySequence(keys), self, self.agent.replies.copy_composed)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.agent.replies.add_to_message)
        for n in range(1, 10):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, lambda row=n - 1: self.agent.replies.copy_reply(row))
        QShortcut(QKeySequence("Escape"), self, self.agent.clear)

    def _wire(self) -> None:
        self.ops.error_did_occur.connect(self.show_error)
        self.session.progress_did_change.connect(self._show_progress)
        self.session.folder_did_open.connect(self._folder_did_open)
        self.session.open_did_fail.connect(self._open_did_fail)
        self.session.open_was_cancelled.connect(self._open_was_cancelled)
        self.session.semantic_did_become_ready.connect(self._semantic_ready)
        self.session.semantic_was_cancelled.connect(self._semantic_was_cancelled)
        self.session.index_did_update.connect(self._index_did_update)
        self.agent.reply_was_copied.connect(
            lambda title: self.statusBar().showMessage(self.tr("Copied: %1").replace("%1", title), 4000))
        self.review.queue_did_change.connect(
            lambda _n: self.tabs.setTabText(self.tabs.indexOf(self.review), self.review.tab_title()))
        self.review.status_did_change.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.insights.status_did_change.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.team_sharing.status_did_change.connect(lambda text: self.statusBar().showMessage(text, 10000))

    # -- folder ------------------------------------------------------------------
    def open_folder(self, folder: str, index_dir: str | None = None) -> None:
        """Open `folder` off the GUI thread; keyword results work when the first phase returns."""
        self.folder = folder
        self.agent.set_assistant(None)
        self.review.set_assistant(None)
        self._set_lead_tabs(None)
        self.setWindowTitle(f"kbassist — {folder}")
        self.mode_label.setText(self.tr("Opening %1…").replace("%1", folder))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.session.open(folder, index_dir, self.settings)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open knowledge folder"), self.folder or "")
        if folder:
            self.open_folder(folder)

    @qthrottled(timeout=100)
    def _show_progress(self, progress: Progress) -> None:
        self.progress.show()
        self.progress.setRange(0, progress.total)
        self.progress.setValue(progress.done)
        self.progress.setFormat(f"{progress.done}/{progress.total}" if progress.total else "")
        self.mode_label.setText(self._progress_words(progress))

    def _progress_words(self, progress: Progress) -> str:
        if progress.label == "loading model":
            return self.tr("Keyword search only — loading the semantic model…")
        if progress.label.startswith("embed"):
            return self.tr("Keyword search only — semantic index %1/%2").replace(
                "%1", str(progress.done)).replace("%2", str(progress.total))
        return self.tr("Indexing %1/%2 files").replace("%1", str(progress.done)).replace("%2", str(progress.total))

    def _folder_did_open(self, assistant) -> None:
        self.state.remember_folder(self.folder)
        self._fill_recent_menu()
        self.agent.set_assistant(assistant)
        self.review.set_assistant(assistant)
        self._set_lead_tabs(assistant)
        self.mode_label.setText(self.tr("Keyword search only — semantic index loading…"))
        self.problems.refresh(self.ops, assistant)
        self.focus_message()

    def _set_lead_tabs(self, assistant) -> None:
        self.insights.set_assistant(assistant)
        self.practice.set_assistant(assistant)
        self.team_sharing.set_assistant(assistant)

    def _open_did_fail(self, message: str) -> None:
        self._hide_progress()
        self.mode_label.setText(self.tr("No folder open"))
        self.show_error(message)

    def _open_was_cancelled(self) -> None:
        self._hide_progress()
        self.mode_label.setText(self.tr("Opening cancelled"))

    def _semantic_was_cancelled(self) -> None:
        self._hide_progress()
        self.mode_label.setText(self.tr("Keyword search only — semantic index paused"))

    def _semantic_ready(self) -> None:
        self._hide_progress()
        assistant = self.session.assistant
        count = len(assistant.article_summaries()) if assistant else 0  # in memory: no sqlite on the GUI thread
        self.mode_label.setText(self.tr("Semantic search ready · %n articles", "", count))
        self.agent.refresh()
        self.review.refresh()  # duplicates need the stored vectors

    def _hide_progress(self) -> None:
        self._show_progress.cancel()  # a throttled progress report must not follow the job's end
        self.progress.hide()
        self.cancel_button.hide()

    def _index_did_update(self, change) -> None:
        self.statusBar().showMessage(self.tr("Knowledge folder changed: results refreshed"), 4000)
        self.agent.refresh()
        self.review.refresh()
        self.problems.refresh(self.ops, self.session.assistant)

    # -- view ------------------------------------------------------------------------
    def focus_message(self) -> None:
        self.agent.message.setFocus()
        self.agent.message.selectAll()

    def show_error(self, message: str) -> None:
        self.error_banner.setText(message)
        self.error_banner.show()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def set_compact(self, compact: bool) -> None:
        """Narrow window with results and reply only; each mode keeps its own geometry."""
        key_now = "compact_geometry" if self.state.compact else "geometry"
        setattr(self.state, key_now, bytes(self.saveGeometry().toBase64()).decode())
        self.state.compact = compact
        self.compact_action.setChecked(compact)
        self.agent.set_compact(compact)
        if compact:
            self.problems.hide()
        saved = self.state.compact_geometry if compact else self.state.geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode()))
        elif compact:
            self.resize(COMPACT_WIDTH, self.height())

    def set_always_on_top(self, on: bool) -> None:
        """Changing a window flag hides a shown window (Qt re-creates it): show it again after."""
        self.on_top_action.setChecked(on)
        if bool(self.windowFlags() & Qt.WindowStaysOnTopHint) != on:
            was_visible = self.isVisible()
            self.setWindowFlag(Qt.WindowStaysOnTopHint, on)
            if was_visible:
                self.show()

    def toggle_always_on_top(self) -> None:
        self.apply_settings(self.settings.replace(always_on_top=not self.settings.always_on_top))

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.session.assistant, self.ops, self)
        if dialog.exec():
            self.apply_settings(dialog.result_settings())

    def apply_settings(self, settings: Settings) -> None:
        """Save, then apply: index-shaping changes reopen the folder, the rest apply live."""
        old, self.settings = self.settings, self.desk.apply(settings)
        settings = self.settings
        save_settings(settings)
        self.set_always_on_top(settings.always_on_top)
        reopen = (old.embedder, old.index_root, old.logging_enabled, old.server) != \
            (settings.embedder, settings.index_root, settings.logging_enabled, settings.server)
        if reopen and self.folder:
            self.open_folder(self.folder, self.index_dir)
        elif self.session.assistant is not None:
            self.session.assistant.settings = settings
            self.agent.refresh()
            if settings.share_metrics and not old.share_metrics:
                self.team_sharing.share_now()

    # -- lifecycle ---------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if os.environ.get("KBASSIST_TIMING"):
            print(f"window shown {time.time():.3f}", file=sys.stderr, flush=True)
        self.window_did_show.emit()

    def closeEvent(self, event) -> None:
        key = "compact_geometry" if self.state.compact else "geometry"
        setattr(self.state, key, bytes(self.saveGeometry().toBase64()).decode())
        save_state(self.state)
        self.desk.close()
        # The tabs let go of the engine first, so a debounced refresh or a late result
        # cannot reach an index that is being closed.
        self.agent.set_assistant(None)
        self.review.set_assistant(None)
        self._set_lead_tabs(None)
        self.session.close()
        super().closeEvent(event)

    def bring_to_front(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowMinimized)
        self.raise_()
        self.activateWindow()
