"""Practice mode: a new agent answers drills drawn from the folder's own questions (issue #21).

The engine draws the drills (`assistant.practice`: rephrased, emotional,
pasted-chat and escalation messages, zh and en) and scores the answers
(`kbassist.practice.score`, `summary`); this tab shows one drill at a time:
the trainee picks the article among those offered, one of its replies, and
whether to hand the conversation to a lead, then sees the score, the right
answer and why, and at the end a summary per topic, weakest first.
"""
from __future__ import annotations

import html
import random

from kbassist.assistant import Assistant
from kbassist.practice import POINTS, Answer, Drill, Score, score, summary

from .ops import Ops
from .qt import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    Qt,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

ID_ROLE = Qt.UserRole


def fetch_drills(assistant: Assistant, count: int, seed: int) -> tuple[tuple[Drill, ...], dict]:
    """The drills, and for every article they name: its title and its replies' (title, language)."""
    drills = assistant.practice(count, seed)
    catalogue = {}
    for article_id in {a for d in drills for a in (*d.choices, *d.expected)}:
        article = assistant.article(article_id)
        if article is not None:
            catalogue[article_id] = (article.title, tuple((r.title, r.lang) for r in article.replies))
    return drills, catalogue


class PracticeTab(QWidget):
    drill_did_show = Signal(int)  # index of the drill on screen
    answer_was_scored = Signal(object)  # Score
    session_did_end = Signal(object)  # tuple[TopicSummary, ...]

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.assistant: Assistant | None = None
        self.drills: tuple[Drill, ...] = ()
        self.catalogue: dict = {}
        self.scores: list[Score] = []
        self.at = -1
        self.count = QSpinBox(minimum=3, maximum=50, value=10)
        self.start_button = QPushButton(self.tr("Start practice"))
        self.start_button.clicked.connect(self.start)
        self.progress = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Drills:")))
        for widget in (self.count, self.start_button, self.progress):
            top.addWidget(widget)
        top.addStretch(1)
        self.message = QTextBrowser()
        self.message.setMaximumHeight(120)
        self.articles = QListWidget()
        self.articles.currentRowChanged.connect(self._show_replies)
        self.replies = QListWidget()
        self.escalate = QCheckBox(self.tr("Hand this conversation to a lead"))
        self.check_button = QPushButton(self.tr("Check answer"))
        self.check_button.clicked.connect(self.check)
        self.next_button = QPushButton(self.tr("Next drill"))
        self.next_button.clicked.connect(self.next_drill)
        self.verdict = QLabel(wordWrap=True)
        self.verdict.setTextFormat(Qt.RichText)
        self.summary = QTreeWidget()
        self.summary.setHeaderLabels([self.tr("Topic"), self.tr("Score"), self.tr("Right article"),
                                      self.tr("Right escalation")])
        self.summary.setRootIsDecorated(False)
        picks = QHBoxLayout()
        for title, widget in ((self.tr("Which article answers it?"), self.articles),
                              (self.tr("Which reply?"), self.replies)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            picks.addLayout(column)
        buttons = QHBoxLayout()
        for widget in (self.escalate, self.check_button, self.next_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("The customer writes:")))
        layout.addWidget(self.message)
        layout.addLayout(picks, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.verdict)
        layout.addWidget(self.summary, 1)
        self._show_drill()

    def set_assistant(self, assistant: Assistant | None) -> None:
        self.assistant = assistant
        self.drills, self.scores, self.at = (), [], -1
        self._show_drill()

    def start(self, seed: int | None = None) -> None:
        """A new session of drills (a random set unless `seed` is given)."""
        if self.assistant is None:
            return
        assistant, count = self.assistant, self.count.value()
        seed = random.randrange(1 << 30) if seed is None else seed
        self.ops.query(self, lambda: fetch_drills(assistant, count, seed)).success(self._did_fetch).run_in_background()

    def _did_fetch(self, found) -> None:
        self.drills, self.catalogue = found
        self.scores, self.at = [], 0
        self._show_drill()

    # -- one drill ---------------------------------------------------------------------
    @property
    def drill(self) -> Drill | None:
        return self.drills[self.at] if 0 <= self.at < len(self.drills) else None

    def _show_drill(self) -> None:
        drill = self.drill
        self.summary.setVisible(False)
        self.verdict.clear()
        self.articles.clear()
        self.replies.clear()
        self.escalate.setChecked(False)
        for widget in (self.articles, self.replies, self.escalate, self.check_button):
            widget.setEnabled(drill is not None)
        self.next_button.setEnabled(False)
        if drill is None:
            self.progress.setText("" if self.drills else self.tr("Drills come from this folder's own questions."))
            self.message.setPlainText("")
            return
        self.progress.setText(self.tr("Drill %1 of %2").replace("%1", str(self.at + 1)).replace(
            "%2", str(len(self.drills))))
        self.message.setPlainText(drill.message)
        for article_id in drill.choices:
            item = QListWidgetItem(self._title(article_id))
            item.setData(ID_ROLE, article_id)
            self.articles.addItem(item)
        self.drill_did_show.emit(self.at)

    def _title(self, article_id: str) -> str:
        return self.catalogue.get(article_id, (article_id, ()))[0]

    def _show_replies(self, row: int) -> None:
        self.replies.clear()
        item = self.articles.item(row)
        if item is None:
            return
        for title, lang in self.catalogue.get(item.data(ID_ROLE), ("", ()))[1]:
            reply = QListWidgetItem(f"{title} · {lang.upper()}")
            reply.setData(ID_ROLE, title)
            self.replies.addItem(reply)

    def choose(self, article_id: str, reply_title: str, escalate: bool) -> None:
        """Select an answer as the trainee would (tests, screenshots)."""
        for row in range(self.articles.count()):
            if self.articles.item(row).data(ID_ROLE) == article_id:
                self.articles.setCurrentRow(row)
        for row in range(self.replies.count()):
            if self.replies.item(row).data(ID_ROLE) == reply_title:
                self.replies.setCurrentRow(row)
        self.escalate.setChecked(escalate)

    def check(self) -> None:
        drill = self.drill
        if drill is None or not self.check_button.isEnabled():
            return
        article, reply = self.articles.currentItem(), self.replies.currentItem()
        result = score(drill, Answer(article.data(ID_ROLE) if article else "", reply.data(ID_ROLE) if reply else "",
                                     self.escalate.isChecked()))
        self.scores.append(result)
        self.verdict.setText(self._explain(drill, result))
        for widget in (self.articles, self.replies, self.escalate, self.check_button):
            widget.setEnabled(False)
        self.next_button.setEnabled(True)
        self.next_button.setText(self.tr("Next drill") if self.at + 1 < len(self.drills) else self.tr("See summary"))
        self.answer_was_scored.emit(result)

    def _explain(self, drill: Drill, result: Score) -> str:
        def mark(ok: bool) -> str:
            return "✔" if ok else "✘"

        titles = " / ".join(html.escape(self._title(a)) for a in result.expected)
        replies = ", ".join(html.escape(r) for r in result.replies) or self.tr("any of its replies")
        lead = self.tr("hand it to a lead") if result.escalate else self.tr("answer it yourself")
        points = self.tr("Score: %1 of %2").replace("%1", str(result.points)).replace("%2", str(POINTS))
        article = self.tr("Article: %1").replace("%1", titles)
        reply = self.tr("Reply: %1").replace("%1", replies)
        escalation = self.tr("Escalation: %1").replace("%1", lead)
        asked = self.tr("Asked as: “%1”").replace("%1", html.escape(drill.question))
        return (f"<b>{points}</b><br>{mark(result.article_ok)} {article}<br>{mark(result.reply_ok)} {reply}<br>"
                f"{mark(result.escalate_ok)} {escalation} — {html.escape(result.why)}<br><i>{asked}</i>")

    def next_drill(self) -> None:
        self.at += 1
        if self.at < len(self.drills):
            self._show_drill()
            return
        self._show_summary()

    def _show_summary(self) -> None:
        rows = summary(self.drills, self.scores)
        self._show_drill()
        total = sum(r.points for r in rows)
        self.progress.setText(self.tr("Done: %1 of %2 points").replace("%1", str(total)).replace(
            "%2", str(sum(r.out_of for r in rows))))
        self.summary.clear()
        for row in rows:
            QTreeWidgetItem(self.summary, [row.topic or "—", f"{row.points}/{row.out_of}",
                                           f"{row.articles_right}/{row.drills}", f"{row.escalations_right}/{row.drills}"])
        self.summary.setVisible(True)
        self.session_did_end.emit(rows)
