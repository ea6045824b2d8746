"""Under the message: the customer's tone, the one-click escalation override, and the outcome after a copy.

What the agent does here feeds Insights (issue #21): the bar records, through
`assistant.insights`, each copy (with its wording, the seconds since the
message was pasted, and the reply as suggested and as sent, so the engine can
tell how much was rewritten), an override of the escalation banner ("not
needed" when it showed, "should have flagged" when it did not), and an
optional outcome (F7 resolved, F8 needs follow-up). A suggestion seen while
typing was not logged; the first of these actions logs it, once.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from kbassist.assist.model import ReplySuggestion, Suggestion, SuggestResult
from kbassist.assistant import Assistant

from .ops import Ops
from .qt import QHBoxLayout, QKeySequence, QLabel, QPlainTextEdit, QPushButton, QShortcut, Qt, QWidget, Signal

TONE_STYLE = {"calm": "background:#e6f4ea; color:#137333;", "annoyed": "background:#fef7e0; color:#8a5300;",
              "angry": "background:#fce8e6; color:#a50e0e;"}


class FeedbackBar(QWidget):
    feedback_was_recorded = Signal(str)  # not_needed | should_have_flagged | resolved | follow_up | copied

    def __init__(self, ops: Ops, message: QPlainTextEdit, logged_event: Callable[[Assistant, SuggestResult], int],
                 parent=None):
        super().__init__(parent)
        self.ops, self.logged_event = ops, logged_event
        self.assistant: Assistant | None = None
        self.result: SuggestResult | None = None
        self.event_id = 0
        self.pasted_at: dt.datetime | None = None
        self.tone = QLabel()
        self.tone.setContentsMargins(6, 1, 6, 1)
        self.override_button = QPushButton()
        self.override_button.clicked.connect(self.override)
        self.resolved_button = QPushButton(self.tr("Resolved (F7)"))
        self.resolved_button.clicked.connect(lambda: self.outcome("resolved"))
        self.follow_up_button = QPushButton(self.tr("Needs follow-up (F8)"))
        self.follow_up_button.clicked.connect(lambda: self.outcome("follow_up"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.tone, self.override_button, self.resolved_button, self.follow_up_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        for key, outcome in (("F7", "resolved"), ("F8", "follow_up")):
            QShortcut(QKeySequence(key), self, lambda o=outcome: self.outcome(o), context=Qt.WindowShortcut)
        self._message = message
        message.textChanged.connect(self._message_did_change)
        self.show_result(None)

    def set_assistant(self, assistant: Assistant | None) -> None:
        self.assistant = assistant

    def _message_did_change(self) -> None:
        """The paste moment: when the box goes from empty to text (paste to copy is timed from it)."""
        empty = not self._message.toPlainText().strip()
        if empty:
            self.pasted_at = None
        elif self.pasted_at is None:
            self.pasted_at = dt.datetime.now(dt.timezone.utc)

    def show_result(self, result: SuggestResult | None) -> None:
        same = bool(result and self.result and result.message == self.result.message)
        self.result = result
        if not same:
            self.event_id = 0
            self._set_copied(False)
        if result is not None and result.event_id:
            self.event_id = result.event_id
        visible = bool(result and not result.empty)
        self.setVisible(visible)
        if not visible:
            return
        words = {"calm": self.tr("Calm"), "annoyed": self.tr("Annoyed"), "angry": self.tr("Angry")}
        self.tone.setText(words.get(result.sentiment, result.sentiment))
        self.tone.setStyleSheet(TONE_STYLE.get(result.sentiment, "") + "border-radius:3px;")
        self.tone.setToolTip(self.tr("How the customer sounds (from the escalation signals)"))
        self.override_button.setText(self.tr("Escalation not needed") if result.triage.escalate
                                     else self.tr("Should have flagged"))
        self.override_button.setEnabled(not same or self.override_button.isEnabled())

    def _set_copied(self, copied: bool) -> None:
        self.resolved_button.setEnabled(copied)
        self.follow_up_button.setEnabled(copied)
        self.override_button.setEnabled(True)

    # -- recording -------------------------------------------------------------------
    def reply_copied(self, suggestion: Suggestion, reply: ReplySuggestion, suggested: str, sent: str) -> None:
        if self.assistant is None or self.result is None:
            return
        assistant, result, pasted_at = self.assistant, self.result, self.pasted_at
        article_id = reply.article_id or suggestion.article_id
        event_id = self.event_id

        def record() -> int:
            logged = event_id or self.logged_event(assistant, result)
            if logged:
                assistant.insights.reply_copied(logged, article_id, reply.title, variant=reply.variant,
                                                suggested=suggested, sent=sent, pasted_at=pasted_at,
                                                message=result.query)
            return logged

        self._run(record, "copied")
        self._set_copied(True)

    def override(self) -> None:
        if self.result is None or not self.override_button.isEnabled():
            return
        verdict = "not_needed" if self.result.triage.escalate else "should_have_flagged"
        self._feedback(lambda assistant, event_id: assistant.insights.override(event_id, verdict), verdict)
        self.override_button.setEnabled(False)

    def outcome(self, outcome: str) -> None:
        if self.result is None or not self.resolved_button.isEnabled():
            return
        self._feedback(lambda assistant, event_id: assistant.insights.outcome(event_id, outcome), outcome)
        self.resolved_button.setEnabled(False)
        self.follow_up_button.setEnabled(False)

    def _feedback(self, write: Callable[[Assistant, int], None], what: str) -> None:
        if self.assistant is None:
            return
        assistant, result, event_id = self.assistant, self.result, self.event_id

        def record() -> int:
            logged = event_id or self.logged_event(assistant, result)
            if logged:
                write(assistant, logged)
            return logged

        self._run(record, what)

    def _run(self, record: Callable[[], int], what: str) -> None:
        message = self.result.message if self.result else ""

        def done(event_id: int) -> None:
            if self.result is not None and self.result.message == message:
                self.event_id = event_id  # later feedback on this message goes to the same event
            self.feedback_was_recorded.emit(what)

        self.ops.query(self, record).success(done).run_in_background()
