"""The Agent tab: message in, suggestions, article preview and replies out.

Typing is debounced (about 200 ms) and Enter flushes it. Each request is
stamped; a result older than the one on screen is dropped, so a slow
early query can never overwrite a later one. Typing is not logged as a
content gap: only an explicit search (Enter) or a copy is (`log=True`).
"""
from __future__ import annotations

from kbassist.assist.model import ReplySuggestion, Suggestion, SuggestResult
from kbassist.assistant import Assistant
from kbassist.review.links import LinkTargets

from .empty_state import EmptyState
from .feedback_bar import FeedbackBar
from .message_box import MessageBox
from .ops import Ops
from .preview import Preview
from .qt import QLabel, QSplitter, Qt, QTimer, QVBoxLayout, QWidget, Signal, qdebounced
from .reply_panel import ReplyPanel
from .results_view import ResultsView
from .wording import wording

SUGGESTIONS = 5
# Keyboard agents must see where they are: the focused box, list or button gets a clear frame.
FOCUS_STYLE = ("QLineEdit:focus, QPlainTextEdit:focus, QListWidget:focus { border: 2px solid #1a73e8; }"
               "QPushButton:focus { border: 2px solid #1a73e8; padding: 3px 8px; }")


def fetch_suggestions(assistant: Assistant, message: str, log: bool) -> SuggestResult:
    """The one call the app makes for a message (the adapter over the engine)."""
    return assistant.suggest(message, k=SUGGESTIONS, log=log)


def logged_event(assistant: Assistant, result: SuggestResult) -> int:
    """The log's event for a result: a result seen while typing is logged now (at the agent's first action)."""
    return result.event_id or fetch_suggestions(assistant, result.message, log=True).event_id


def _banner(style: str) -> QLabel:
    label = QLabel(wordWrap=True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.hide()
    return label


class AgentTab(QWidget):
    suggestions_did_arrive = Signal(object)  # SuggestResult
    reply_was_copied = Signal(str)  # reply title

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.assistant: Assistant | None = None
        self.result: SuggestResult | None = None
        self._stamp = 0
        self._shown = 0
        self.message = MessageBox()
        self.searched_for = QLabel()  # the spelling correction, as the CLI prints it
        self.searched_for.setStyleSheet("color:#5f6368;")
        self.searched_for.hide()
        self.escalation = _banner("background:#b3261e; color:white; padding:6px; font-weight:bold;")
        self.no_answer = _banner("background:#fff4ce; color:#5c4400; padding:6px;")
        self.feedback = FeedbackBar(ops, self.message, logged_event)
        self.results = ResultsView()
        self.empty_state = EmptyState()
        self.preview = Preview()
        self.article_title = QLabel()  # above the preview: scrolling to a section never hides the title
        self.article_title.setStyleSheet("font-weight:bold; padding:2px 0;")
        self.article_title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        article_pane = self.article_pane = QWidget()
        pane = QVBoxLayout(article_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.addWidget(self.article_title)
        pane.addWidget(self.preview, 1)
        self.replies = ReplyPanel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.message, self.searched_for, self.escalation, self.no_answer, self.feedback, self.results,
                       self.empty_state):
            column.addWidget(widget)
        self.message.setMaximumHeight(140)
        self.splitter = QSplitter(Qt.Horizontal)
        for widget in (left, article_pane, self.replies):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([380, 520, 380])
        QVBoxLayout(self).addWidget(self.splitter)
        self.setStyleSheet(FOCUS_STYLE)
        self.preview.setFocusPolicy(Qt.ClickFocus)
        self.message.textChanged.connect(self._request_soon)
        self.message.search_was_requested.connect(self.search_now)
        self.message.move_was_requested.connect(self.results.move)
        self.message.clear_was_requested.connect(self.clear)
        self.results.suggestion_did_change.connect(self._show_suggestion)
        self.results.suggestion_was_activated.connect(self._open_suggestion)
        self.replies.reply_was_copied.connect(self._record_copy)
        self.preview.article_link_was_clicked.connect(self.open_link)
        self.empty_state.example_was_chosen.connect(self._try_example)
        self.empty_state.article_was_chosen.connect(
            lambda article_id: self._show_article(self.assistant.article(article_id) if self.assistant else None))
        self.feedback.feedback_was_recorded.connect(  # a copy counts in "most used this week"
            lambda what: self.empty_state.refresh(self.ops, self.assistant) if what == "copied" else None)
        self.show_result(None)

    def set_assistant(self, assistant: Assistant | None) -> None:
        self.assistant = assistant
        self.feedback.set_assistant(assistant)
        self.preview.set_folder(assistant.folder if assistant else None)
        self.empty_state.refresh(self.ops, assistant)
        self.refresh()

    def set_compact(self, compact: bool) -> None:
        """Compact: results above the reply, no preview, for a narrow window beside the CRM."""
        self.article_pane.setVisible(not compact)
        self.splitter.setOrientation(Qt.Vertical if compact else Qt.Horizontal)

    # -- requests -----------------------------------------------------------------
    @qdebounced(timeout=200)
    def _request_soon(self) -> None:
        self._request(log=False)

    def search_now(self) -> None:
        self._request_soon.cancel()
        self._request(log=True)

    def show_message(self, text: str) -> None:
        """A message from outside (the clipboard watch): searched at once, and not logged, as typing is not."""
        self.message.setPlainText(text)
        self._request_soon.cancel()
        self._request(log=False)

    def _try_example(self, text: str) -> None:
        self.message.setPlainText(text)
        self.search_now()

    def refresh(self) -> None:
        """Ask again for the text on screen (the index or the model changed)."""
        self._request(log=False)

    def _request(self, log: bool) -> None:
        text = self.message.toPlainText()
        if self.assistant is None:
            return
        self._stamp += 1
        stamp, assistant = self._stamp, self.assistant
        self.ops.query(self, lambda: fetch_suggestions(assistant, text, log)).success(
            lambda result: self._did_fetch(stamp, result)).in_lane("search").run_in_background()

    def _did_fetch(self, stamp: int, result: SuggestResult) -> None:
        if stamp < self._shown:
            return  # an older request finished after a newer one
        self._shown = stamp
        # The rows first, then the selected article, then its replies, a turn each: all in one turn held
        # the window 90-122 ms when a 10k folder's first result came (bench/gui_speed.py).
        self.results.blockSignals(True)
        try:
            self.show_result(result)
        finally:
            self.results.blockSignals(False)
        QTimer.singleShot(0, self, lambda: self._did_show(stamp, result))

    def _did_show(self, stamp: int, result: SuggestResult) -> None:
        """The selected suggestion's article now, its replies on the turn after (each is a layout of its own)."""
        if stamp != self._shown:
            return  # a newer answer came meanwhile
        suggestion = self.results.current_suggestion() if self.results.count() else None
        if suggestion is not None:
            self._show_article_of(suggestion)
        QTimer.singleShot(0, self, lambda: self._did_show_replies(stamp, result, suggestion))

    def _did_show_replies(self, stamp: int, result: SuggestResult, suggestion: Suggestion | None) -> None:
        if stamp != self._shown:
            return
        if suggestion is not None:
            self._show_replies(suggestion)
        self.suggestions_did_arrive.emit(result)

    # -- rendering ------------------------------------------------------------------
    def show_result(self, result: SuggestResult | None) -> None:
        same_message = bool(result and self.result and result.message == self.result.message)
        self.result = result
        self.searched_for.setVisible(bool(result and result.corrected))
        self.searched_for.setText(self.tr("Searched for: %1").replace("%1", result.corrected if result else ""))
        escalate = bool(result and result.triage.escalate)
        self.escalation.setVisible(escalate)
        if escalate:
            reasons = "; ".join(wording.reason(r) for r in result.triage.reasons)
            self.escalation.setText(self.tr("Hand this conversation to a lead: %1").replace("%1", reasons))
        no_answer = bool(result and not result.empty and result.no_answer)
        self.no_answer.setVisible(no_answer)
        self.no_answer.setText(self.tr("Nothing in the knowledge base answers this confidently. "
                                       "The closest articles are listed: check before using them."))
        self.feedback.show_result(result)
        self.results.show_suggestions(result.suggestions if result else (), keep_selection=same_message)
        nothing_asked = result is None or result.empty
        self.results.setVisible(not nothing_asked)
        self.empty_state.setVisible(nothing_asked)
        if not self.results.count():
            self._show_suggestion(None)

    def _show_suggestion(self, suggestion: Suggestion | None) -> None:
        self._show_article_of(suggestion)
        self._show_replies(suggestion)

    def _show_article_of(self, suggestion: Suggestion | None) -> None:
        article = self.assistant.article(suggestion.article_id) if suggestion and self.assistant else None
        self._show_article(article, suggestion.heading if suggestion else "", suggestion.warnings if suggestion else ())

    def _show_replies(self, suggestion: Suggestion | None) -> None:
        settings = self.assistant.settings if self.assistant else None
        trusted = tuple(str(v) for v in (settings.agent_name, *settings.known_values.values()) if v) \
            if settings else ()
        self.replies.show_suggestion(suggestion, self.result.message if self.result else "", trusted)
        chain = [self.message, *self.replies.tab_chain(), self.replies.replies, self.results]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _show_article(self, article, heading: str = "", warnings=()) -> None:
        self.preview.show_article(article, heading, warnings)
        self.article_title.setText(article.title if article else "")

    def open_link(self, target: str, from_path: str) -> None:
        """A link in the preview: show the article it names (the engine's link rules find it)."""
        if self.assistant is None:
            return
        found = LinkTargets(self.assistant.article_summaries()).find(target, from_path)
        article = self.assistant.article(found) if found else None
        if article is not None:
            self._show_article(article)

    def _open_suggestion(self, _suggestion: Suggestion) -> None:
        """Enter on a result: go to the first field still to fill (or the copy button)."""
        self.replies.focus_first_to_fill()

    def clear(self) -> None:
        self._request_soon.cancel()
        self._stamp += 1
        self._shown = self._stamp
        self.message.clear()
        self._request_soon.cancel()
        self.show_result(None)
        self.message.setFocus()

    def _record_copy(self, suggestion: Suggestion, reply: ReplySuggestion) -> None:
        self.reply_was_copied.emit(reply.title)
        self.feedback.reply_copied(suggestion, reply, self.replies.filled_text(), self.replies.sent_text())
