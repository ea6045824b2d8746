"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when
a threshold is crossed: a watcher, indexing or search thread. When the
garbage holds Qt objects (a closed window's widgets, an op's relay), they
were then destroyed off the GUI thread, and the process crashed now and
then (SIGSEGV with "Garbage-collecting" in the watchdog thread's stack,
SIGABRT in Qt). So automatic collection is switched off and a GUI-thread
timer collects instead, a few times a second; reference counting still
frees everything that is not in a cycle at once.

A full collection walks every tracked object: with a 10,000-article
folder loaded that took 200-430 ms of the GUI thread (bench/gui_speed.py).
So what survives a full collection is frozen (`gc.freeze()`): later full
collections only walk what was made since. `thaw()` (on a folder switch)
hands the frozen objects back, so a closed folder's cycles are freed.

While a folder opens, its model loads and its vectors are embedded,
calibrated and saved, worker threads make objects that will live as long as
the folder (articles, index readers, the model, caches), and a collection of
the older generations that came due then walked them all: 145-162 ms gaps
on 10k starts and builds. So the session defers those over that time: only
the youngest generation is collected (what was made since the last tick),
and what survives it is frozen at once. The price is the cycles that die
after surviving a tick in that time: they are kept until the folder is
closed (`thaw`). A deadline ends a deferral nobody ended.
"""
from __future__ import annotations

import gc
import time

from .qt import QApplication, QObject, QTimer

INTERVAL_MS = 500


class _GuiThreadCollector(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._collect)
        self._timer.start(INTERVAL_MS)
        self.full_after = 0.0  # time.monotonic() before which no full collection runs

    def _collect(self) -> None:
        # Cheap generations often, the full one only when the thresholds say so (and it is not deferred).
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
        deferred = time.monotonic() < self.full_after
        if deferred:
            generation = 0
        gc.collect(generation)
        if generation == 2 or deferred:
            gc.freeze()


def _collector() -> _GuiThreadCollector | None:
    app = QApplication.instance()
    return app.findChild(_GuiThreadCollector) if app is not None else None


def defer_full_collections(seconds: float) -> None:
    """Collect only young objects for up to `seconds`, or until `end_deferral` (a folder opening, its model
    loading, its vectors embedded)."""
    collector = _collector()
    if collector is not None:
        collector.full_after = time.monotonic() + seconds


def end_deferral() -> None:
    """Freeze what survived the deferred time, then collect in full again when due."""
    gc.freeze()
    collector = _collector()
    if collector is not None:
        collector.full_after = 0.0


def freeze_survivors() -> None:
    """Exempt every object alive now from later collections (call once a large folder is loaded)."""
    gc.freeze()


def thaw() -> None:
    """A folder was closed: unfreeze and collect now, before the next folder's objects are frozen."""
    gc.unfreeze()
    gc.collect()


def collect_on_gui_thread(app: QApplication) -> None:
    """Install the policy once per application (idempotent)."""
    if app.findChild(_GuiThreadCollector) is None:
        gc.disable()
        _GuiThreadCollector(app)
