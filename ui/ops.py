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

from .qt import GeneratorWorker, QObject, QRunnable, QThreadPool, Signal, is_alive

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; a queued signal carries the outcome back to it."""

    op_did_finish = Signal(bool, object)  # ok, result or exception


class ErrorSink(QObject):
    """Where unhandled op errors go: the main window connects its banner here."""

    error_did_occur = Signal(str)


errors = ErrorSink()


def report_error(exc: BaseException) -> None:
    log.error("background job failed", exc_info=exc)
    errors.error_did_occur.emit(f"{type(exc).__name__}: {exc}")


_running: set["QueryOp"] = set()  # ops in flight: Qt holds no Python reference to them


_lanes: dict[str, QThreadPool] = {}


def lane(name: str) -> QThreadPool:
    """A one-thread pool per kind of engine call ("search", "review"): calls of a kind queue.

    Searches one at a time: the agent only ever sees the newest answer, and two
    searches stepping the engine's shared readers at once crashed the app on
    10,000 articles. Reviews on their own lane: two of them used to take both
    threads of the global pool for over 10 s, so no suggestion could run.
    """
    if name not in _lanes:
        _lanes[name] = QThreadPool()
        _lanes[name].setMaxThreadCount(1)
    return _lanes[name]


def wait_for_background_work(timeout_ms: int) -> None:
    """Block until every op has finished (before an index they read is closed)."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)
    for pool in _lanes.values():
        pool.waitForDone(timeout_ms)


class _Task(QRunnable):
    """The op as a QRunnable subclass, as superqt's workers are.

    Handing QThreadPool a plain Python callable makes PySide wrap it in a
    runnable that Qt deletes on the worker thread; that crashed the test
    process now and then (SIGSEGV/SIGBUS in a pool thread with no Python
    frame). A subclass instance is torn down through shiboken's own wrapper,
    which takes the GIL, and the QueryOp holds the Python side until its
    result has been handled on the GUI thread.
    """

    def __init__(self, run: Callable[[], None]):
        super().__init__()
        self._run = run

    def run(self) -> None:
        self._run()


class QueryOp:
    def __init__(self, parent: QObject, op: Callable[[], Any]):
        self._pool = QThreadPool.globalInstance()
        self._op = op
        self._success: Callable[[Any], None] = lambda _result: None
        self._failure: Callable[[BaseException], None] = report_error
        self._parent = parent
        self._relay = _Relay()  # unparented: it must outlive a widget closed mid-op
        self._relay.op_did_finish.connect(self._finish)

    def success(self, callback: Callable[[Any], None]) -> "QueryOp":
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "QueryOp":
        self._failure = callback
        return self

    def in_pool(self, pool: QThreadPool) -> "QueryOp":
        self._pool = pool
        return self

    def run_in_background(self) -> None:
        _running.add(self)
        self._task = _Task(self._run)
        self._pool.start(self._task)

    def _run(self) -> None:
        try:
            result = self._op()
        except Exception as exc:  # reported on the GUI thread, never dropped
            self._relay.op_did_finish.emit(False, exc)
        else:
            self._relay.op_did_finish.emit(True, result)

    def _finish(self, ok: bool, value: Any) -> None:
        try:
            if ok and not is_alive(self._parent):
                return  # the widget that asked is gone: nothing to show the result in
            (self._success if ok else self._failure)(value)
        finally:
            _running.discard(self)
            self._relay.deleteLater()


class _ClosingWorker(GeneratorWorker):
    """superqt's generator worker, closing the generator on its own thread when it stops.

    superqt leaves a cancelled generator suspended until garbage collection;
    the jobs here have `finally` blocks that must run at once (a build in a
    worker process is told to stop, an index is closed).
    """

    def work(self):
        try:
            return super().work()
        finally:
            self._gen.close()


def run_generator(job: Callable[[], Generator], *, progress: Callable[[Any], None],
                  done: Callable[[Any], None], failed: Callable[[BaseException], None] = report_error):
    """Start a generator job; returns the worker (call `.quit()` to cancel between yields)."""
    worker = _ClosingWorker(job)
    worker.yielded.connect(progress)
    worker.returned.connect(done)
    worker.errored.connect(failed)
    worker.start()
    return worker
