"""Run engine calls off the GUI thread and finish on it (Anki's QueryOp idea).

`QueryOp(parent, op).success(cb).failure(cb).run_in_background()` runs
`op()` (a plain callable over the `Assistant`, never touching widgets) on
the global QThreadPool; `success`/`failure` run on the GUI thread. With no
failure handler the error goes to `error_did_occur` (the window's banner)
and the log, so it cannot vanish. Generator jobs (index, load model) use
`run_generator`, superqt's worker with `yielded` for progress and `quit()`
for cancel.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Generator

from .qt import QObject, QRunnable, QThreadPool, Signal, create_worker

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry the outcome back to it."""

    op_did_succeed = Signal(object)
    op_did_fail = Signal(object)


class ErrorSink(QObject):
    """Where unhandled op errors go: the main window connects its banner here."""

    error_did_occur = Signal(str)


errors = ErrorSink()


def report_error(exc: BaseException) -> None:
    log.error("background job failed", exc_info=exc)
    errors.error_did_occur.emit(f"{type(exc).__name__}: {exc}")


class QueryOp(QRunnable):
    def __init__(self, parent: QObject, op: Callable[[], Any]):
        super().__init__()
        self._op = op
        self._relay = _Relay(parent)
        self._relay.op_did_fail.connect(report_error)
        for signal in (self._relay.op_did_succeed, self._relay.op_did_fail):
            signal.connect(self._relay.deleteLater)  # deferred: the callbacks still run

    def success(self, callback: Callable[[Any], None]) -> "QueryOp":
        self._relay.op_did_succeed.connect(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "QueryOp":
        self._relay.op_did_fail.disconnect(report_error)
        self._relay.op_did_fail.connect(callback)
        return self

    def run_in_background(self) -> None:
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        try:
            result = self._op()
        except Exception as exc:  # reported on the GUI thread, never dropped
            self._relay.op_did_fail.emit(exc)
        else:
            self._relay.op_did_succeed.emit(result)


def run_generator(job: Callable[[], Generator], *, progress: Callable[[Any], None],
                  done: Callable[[Any], None], failed: Callable[[BaseException], None] = report_error):
    """Start a generator job; returns the worker (call `.quit()` to cancel between yields)."""
    worker = create_worker(job, _start_thread=False)
    worker.yielded.connect(progress)
    worker.returned.connect(done)
    worker.errored.connect(failed)
    worker.start()
    return worker
