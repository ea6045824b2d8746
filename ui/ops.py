"""Run engine calls off the GUI thread and finish on it (Anki's QueryOp idea).

The window owns one `Ops`; its views get it when they are built.
`ops.query(parent, op).success(cb).failure(cb).run_in_background()` runs
`op()` (a plain callable over the `Assistant`, never touching widgets) on
the global QThreadPool; `success`/`failure` run on the GUI thread. With no
failure handler the error goes to `Ops.error_did_occur` (the window's
banner) and the log, so it cannot vanish; an `IndexClosed` (an answer for a
folder no longer open) is dropped. Generator jobs (index, load model) use
`Ops.run_generator`, superqt's worker with `yielded` for progress and
`quit()` for cancel.

The engine makes every call safe from any thread (docs/architecture.md);
lanes here are scheduling only: searches queue on one thread, so a burst of
typing cannot take every pool thread, and reviews on another, so a long
review never delays a suggestion.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Generator

from kbassist.errors import IndexClosed

from .qt import GeneratorWorker, QObject, QRunnable, QThreadPool, Signal, is_alive

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; a queued signal carries the outcome back to it."""

    op_did_finish = Signal(bool, object)  # ok, result or exception


class Ops(QObject):
    """The window's background work: the ops in flight, the lanes, and where unhandled errors go."""

    error_did_occur = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: set = set()  # ops and generator workers in flight: Qt holds no Python reference to them
        self._lanes: dict[str, QThreadPool] = {}

    def query(self, parent: QObject, op: Callable[[], Any]) -> "QueryOp":
        return QueryOp(self, parent, op)

    def lane(self, name: str) -> QThreadPool:
        """A one-thread pool per kind of engine call ("search", "review"): calls of a kind queue."""
        if name not in self._lanes:
            self._lanes[name] = QThreadPool(self)
            self._lanes[name].setMaxThreadCount(1)
        return self._lanes[name]

    def report_error(self, exc: BaseException) -> None:
        if isinstance(exc, IndexClosed):
            return  # an answer for a folder that was closed meanwhile: nobody is waiting for it
        log.error("background job failed", exc_info=exc)
        self.error_did_occur.emit(f"{type(exc).__name__}: {exc}")

    def run_generator(self, job: Callable[[], Generator], *, progress: Callable[[Any], None],
                      done: Callable[[Any], None], failed: Callable[[BaseException], None] | None = None):
        """Start a generator job; returns the worker (call `.quit()` to cancel between yields)."""
        worker = _ClosingWorker(job)
        worker.yielded.connect(progress)
        worker.returned.connect(done)
        worker.errored.connect(failed or self.report_error)
        # Held until it finishes: a cancelled worker still ends its generator on its thread, and
        # its signals must outlive the session that dropped it.
        self._running.add(worker)
        worker.finished.connect(lambda: self._running.discard(worker))
        worker.start()
        return worker

    def wait_for_done(self, timeout_ms: int) -> bool:
        """Block until every op has finished: only when the app exits, never while the window is in use."""
        pools = [QThreadPool.globalInstance(), *self._lanes.values()]
        return all([pool.waitForDone(timeout_ms) for pool in pools])

    def _started(self, op: "QueryOp") -> None:
        self._running.add(op)

    def _finished(self, op: "QueryOp") -> None:
        self._running.discard(op)


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
    def __init__(self, ops: Ops, parent: QObject, op: Callable[[], Any]):
        self._ops = ops
        self._pool = QThreadPool.globalInstance()
        self._op = op
        self._success: Callable[[Any], None] = lambda _result: None
        self._failure: Callable[[BaseException], None] = ops.report_error
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

    def in_lane(self, name: str) -> "QueryOp":
        return self.in_pool(self._ops.lane(name))

    def run_in_background(self) -> None:
        self._ops._started(self)
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
            self._ops._finished(self)
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
