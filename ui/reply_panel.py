"""Reply snippets of the selected suggestion: fill the placeholders, check, copy.

The engine pre-fills (`ReplySuggestion.placeholders`) and substitutes
(`kbassist.fill.fill`); the form only collects the agent's edits. Before
copying, the edited text is checked again with `kbassist.presend.check_reply`
(unfilled placeholders, someone else's personal data) and joined with the
article-level warnings the engine already attached (codes `article_*`),
and any warning must be confirmed in a dialog first. A warning about the
article itself (hit by a launch, overdue) is asked once per article per run
of the app: the badge stays, but an agent who confirmed it need not again.

Fields are labelled for people (`fill.label_for`: the article's label, the
kind's usual words, or the name made readable); focus goes to the first
field still empty, with its text selected, so typing never lands at the
end of a name already filled in.
"""
from __future__ import annotations

import html

from kbassist.assist.fill import fill, label_for
from kbassist.assist.model import ReplySuggestion, Suggestion
from kbassist.assist.presend import PreSendWarning, check_reply

from .qt import (
    QFont,
    QFormLayout,
    QGuiApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QMimeData,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .compose_bar import ComposeBar
from .desk.clipboard import mark_as_own
from .wording import interface_lang, wording


class SendWarningsDialog(QMessageBox):
    """Lists the pre-send warnings; copying goes ahead only on "Copy anyway"."""

    def __init__(self, parent: QWidget, warnings: tuple[PreSendWarning, ...]):
        super().__init__(parent)
        self.setIcon(QMessageBox.Warning)
        self.setWindowTitle(self.tr("Check before sending"))
        self.setText(self.tr("This reply may not be ready to send:"))
        self.setInformativeText("\n".join(f"• {wording.warning(w)}" for w in warnings))
        self.setStandardButtons(QMessageBox.Yes | QMessageBox.Cancel)
        self.button(QMessageBox.Yes).setText(self.tr("Copy anyway"))
        self.setDefaultButton(QMessageBox.Cancel)

    @classmethod
    def confirm(cls, parent: QWidget, warnings: tuple[PreSendWarning, ...]) -> bool:
        return cls(parent, warnings).exec() == QMessageBox.Yes


class ReplyPanel(QWidget):
    reply_was_copied = Signal(object, object)  # Suggestion, ReplySuggestion

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggestion: Suggestion | None = None
        self.message = ""
        self.trusted: tuple[str, ...] = ()
        self._fields: dict[str, QLineEdit] = {}
        self._confirmed: set[tuple[str, str]] = set()  # (article id, warning code) confirmed this run
        self.replies = QListWidget()
        self.replies.setMaximumHeight(90)
        self.replies.currentRowChanged.connect(self._show_reply)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.filled = QPlainTextEdit()  # the agent may reword it before copying (Insights counts how much)
        self.filled.setFocusPolicy(Qt.ClickFocus)  # Tab walks the fields and the copy button; a click edits
        self.warnings = QLabel(wordWrap=True)
        self.warnings.setStyleSheet("color:#9a5b00;")
        self.copy_button = QPushButton(self.tr("Copy reply (Ctrl+Enter)"))
        self.copy_button.clicked.connect(self.copy_current)
        self.compose = ComposeBar()
        self.compose.add_button.clicked.connect(self.add_to_message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Replies")))
        for widget in (self.replies, self.form_host, self.filled, self.warnings, self.copy_button, self.compose):
            layout.addWidget(widget)
        self._show_reply(-1)

    @property
    def reply(self) -> ReplySuggestion | None:
        row = self.replies.currentRow()
        return self.suggestion.replies[row] if self.suggestion and 0 <= row < len(self.suggestion.replies) else None

    def show_suggestion(self, suggestion: Suggestion | None, message: str, trusted: tuple[str, ...]) -> None:
        same = self.suggestion is not None and suggestion is not None and \
            suggestion.article_id == self.suggestion.article_id
        row = self.replies.currentRow() if same else 0
        self.suggestion, self.message, self.trusted = suggestion, message, trusted
        self.replies.blockSignals(True)
        self.replies.clear()
        for reply in suggestion.replies if suggestion else ():
            self.replies.addItem(f"{reply.title} · {reply.lang.upper()}")
        self.replies.blockSignals(False)
        self.replies.setCurrentRow(row if suggestion and suggestion.replies else -1)
        self._show_reply(self.replies.currentRow())

    def _show_reply(self, _row: int) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fields = {}
        reply = self.reply
        for value in reply.placeholders if reply else ():
            if value.name in self._fields:
                continue
            edit = QLineEdit(value.value or value.default or "")
            edit.setPlaceholderText(self.tr("required"))
            if value.guessed:
                font = QFont(edit.font())
                font.setItalic(True)
                edit.setFont(font)
                edit.setToolTip(self.tr("Guessed from the message: please check"))
            elif value.value is None and value.default is not None:
                edit.setToolTip(self.tr("Default from the article"))
            edit.textChanged.connect(self._refresh)
            edit.returnPressed.connect(self.focusNextChild)
            label = QLabel(label_for(value, interface_lang()))
            label.setToolTip(value.name)
            label.setBuddy(edit)
            self.form.addRow(label, edit)
            label.show()  # a layout shows new rows only on the next event-loop turn: focus could not reach them
            edit.show()
            self._fields[value.name] = edit
        self.form_host.setVisible(bool(self._fields))
        self.copy_button.setEnabled(reply is not None)
        self._refresh()

    def field(self, name: str) -> QLineEdit | None:
        return self._fields.get(name)

    def tab_chain(self) -> list[QWidget]:
        """The fields in order, then the copy button: what Tab walks after the message box."""
        return [*self._fields.values(), self.copy_button]

    def focus_first_to_fill(self) -> None:
        """The first empty field, else the copy button; a field's text selected, so typing replaces it."""
        empty = next((edit for edit in self._fields.values() if not edit.text().strip()), None)
        target = empty or self.copy_button
        target.setFocus(Qt.TabFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()

    def filled_text(self) -> str:
        reply = self.reply
        return fill(reply.text, {name: edit.text() for name, edit in self._fields.items()}) if reply else ""

    def sent_text(self) -> str:
        """What a copy sends: the filled reply as the agent left it in the box."""
        return self.filled.toPlainText() if self.reply else ""

    def current_warnings(self) -> tuple[PreSendWarning, ...]:
        reply = self.reply
        if reply is None:
            return ()
        text_warnings = check_reply(self.sent_text(), customer_message=self.message,
                                    trusted_text=(reply.text, *self.trusted))
        # Kept from the engine: about the article, and whether the reply fits the message (the amount
        # check depends on the agent's edits, so it is in the text checks above).
        kept = tuple(w for w in reply.warnings if w.code.startswith(("article_", "fit_")) and w.code != "fit_amount")
        return text_warnings + kept

    def _refresh(self) -> None:
        self.filled.setPlainText(self.filled_text())
        self.warnings.setText("\n".join(f"⚠ {wording.warning(w)}" for w in self.current_warnings()))

    def copy_reply(self, row: int) -> bool:
        """Ctrl+1..9: select the n-th reply and copy it (after the same checks)."""
        if not self.suggestion or not 0 <= row < len(self.suggestion.replies):
            return False
        self.replies.setCurrentRow(row)
        return self.copy_current()

    def add_to_message(self) -> None:
        """Ctrl+Shift+A: the filled reply joins the message being composed."""
        if self.reply is not None:
            self.compose.add(self.reply.title, self.sent_text())

    def copy_composed(self) -> bool:
        """Ctrl+Shift+Enter: copy the composed message, after the same text checks as one reply."""
        text = self.compose.text()
        if not text:
            return False
        warnings = check_reply(text, customer_message=self.message, trusted_text=(text, *self.trusted))
        if warnings and not SendWarningsDialog.confirm(self, warnings):
            return False
        self._put_on_clipboard(text)
        self.compose.clear()
        return True

    def copy_current(self) -> bool:
        """Copy the filled reply as text and HTML; warnings must be confirmed first."""
        reply = self.reply
        if reply is None:
            return False
        about_article = {(reply.article_id or self.suggestion.article_id, w.code)
                         for w in self.current_warnings() if w.code.startswith("article_")}
        warnings = tuple(w for w in self.current_warnings()
                         if (reply.article_id or self.suggestion.article_id, w.code) not in self._confirmed)
        if warnings and not SendWarningsDialog.confirm(self, warnings):
            return False
        self._confirmed |= about_article
        self._put_on_clipboard(self.sent_text())
        self.reply_was_copied.emit(self.suggestion, reply)
        return True

    def _put_on_clipboard(self, text: str) -> None:
        """As text and HTML (a CRM's rich editor keeps the line breaks), tagged as the app's own copy."""
        mime = QMimeData()
        mime.setText(text)
        mime.setHtml(html.escape(text).replace("\n", "<br>"))
        QGuiApplication.clipboard().setMimeData(mark_as_own(mime))
