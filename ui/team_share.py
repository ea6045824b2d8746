"""Sending the agent's numbers to the team's server every few minutes, when they agreed (#22).

The engine decides what is sent and whether (`Insights.share`: only with a
server and the `share_metrics` setting, numbers and article ids, never
text); this only times it, off the GUI thread, and says when the server did
not answer (the events stay in the local log and go with the next send).
"""
from __future__ import annotations

import logging

from kbassist.assistant import Assistant

from .ops import Ops
from .qt import QObject, QTimer, Signal

SHARE_EVERY_MS = 5 * 60 * 1000
FIRST_SHARE_MS = 30 * 1000  # after opening: the folder's own work (index, model) goes first

log = logging.getLogger(__name__)


class TeamSharing(QObject):
    status_did_change = Signal(str)
    did_share = Signal(int)  # how many events were sent

    def __init__(self, ops: Ops, parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.assistant: Assistant | None = None
        self._timer = QTimer(self, interval=SHARE_EVERY_MS)
        self._timer.timeout.connect(self.share_now)
        self._said_unavailable = False

    def set_assistant(self, assistant: Assistant | None) -> None:
        self.assistant = assistant
        self._timer.stop()
        if assistant is not None and assistant.server:
            self._timer.start()
            QTimer.singleShot(FIRST_SHARE_MS, self.share_now)

    def share_now(self) -> None:
        assistant = self.assistant
        if assistant is None or not assistant.server or not assistant.settings.share_metrics:
            return
        self.ops.query(self, assistant.insights.share).success(self._shared).failure(
            self._failed).in_lane("review").run_in_background()

    def _shared(self, sent: int) -> None:
        self._said_unavailable = False
        self.did_share.emit(sent)

    def _failed(self, exc: BaseException) -> None:
        log.warning("sharing the numbers with the team failed: %s", exc)
        if not self._said_unavailable:  # said once, not every five minutes
            self._said_unavailable = True
            self.status_did_change.emit(self.tr("Team server not answering: your numbers stay here and are sent "
                                                "later (%1)").replace("%1", str(exc)))
