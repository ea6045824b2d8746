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
"""
from __future__ import annotations

import gc

from .qt import QApplication, QObject, QTimer

INTERVAL_MS = 500


class _GuiThreadCollector(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._collect)
        self._timer.start(INTERVAL_MS)

    @staticmethod
    def _collect() -> None:
        # Cheap generations often, the full one only when the thresholds say so.
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
        gc.collect(generation)
        if generation == 2:
            gc.freeze()


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
