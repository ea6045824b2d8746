"""One open knowledge folder: build or refresh its index, load the model, watch it.

The order is what keeps the window usable: the keyword phase runs first
(Assistant construction included, so nothing heavy touches the GUI thread),
results work as soon as it returns, and only then is the embedder loaded
and the pending chunks embedded in a second job. The watcher's callbacks
arrive on its own thread and are re-emitted as a Qt signal, which Qt
queues onto the GUI thread.
"""
from __future__ import annotations

import logging
from pathlib import Path

from kbassist.assistant import Assistant
from kbassist.model import IndexChange, Progress
from kbassist.settings import Settings

from .ops import QueryOp, report_error, run_generator, wait_for_background_work
from .qt import QObject, Signal

log = logging.getLogger(__name__)


class FolderSession(QObject):
    progress_did_change = Signal(object)  # Progress
    folder_did_open = Signal(object)  # Assistant
    open_did_fail = Signal(str)
    open_was_cancelled = Signal()
    semantic_did_become_ready = Signal()
    index_did_update = Signal(object)  # IndexChange, from any thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.assistant: Assistant | None = None
        self._worker = None
        self._watcher = None
        self._unsubscribe = None

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def open(self, folder: str, index_dir: str | None, settings: Settings) -> None:
        self.close()

        def job():
            assistant = Assistant(folder, index_dir, settings=settings, wait_for_model=False)
            try:
                change = yield from assistant.index(embed=False)
            except GeneratorExit:
                assistant.close()
                raise
            return assistant, change

        self._worker = run_generator(job, progress=self.progress_did_change.emit, done=self._did_open,
                                     failed=self._did_fail)
        self._worker.aborted.connect(self._did_cancel)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.quit()

    def _did_cancel(self) -> None:
        self._worker = None
        self.open_was_cancelled.emit()

    def _did_fail(self, exc: BaseException) -> None:
        self._worker = None
        log.error("opening the folder failed", exc_info=exc)
        self.open_did_fail.emit(str(exc))

    def _did_open(self, result: tuple[Assistant, IndexChange]) -> None:
        self._worker = None
        self.assistant, _ = result
        self._unsubscribe = self.assistant.on_index_did_update(self.index_did_update.emit)
        self.folder_did_open.emit(self.assistant)
        self._start_watching()
        self._load_semantic()

    def _start_watching(self) -> None:
        """Start the watcher off the GUI thread: importing watchdog and adding a watch per
        subfolder stalled the window 100-250 ms (bench/gui_speed.py)."""
        assistant = self.assistant

        def started(watcher) -> None:
            if self.assistant is assistant:
                self._watcher = watcher
            else:  # the folder was closed or switched meanwhile
                watcher.stop()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ImportError):  # the watcher module is not installed yet
                log.warning("folder not watched: %s", exc)
            else:
                report_error(exc)

        QueryOp(self, assistant.watch).success(started).failure(failed).run_in_background()

    def _load_semantic(self) -> None:
        assistant = self.assistant

        def job():
            yield Progress(0, 0, "loading model")
            assistant.warm_up()  # the model and the triage lexicon, in this worker
            return (yield from assistant.embed_pending())

        self._worker = run_generator(job, progress=self.progress_did_change.emit, done=self._semantic_done)

    def _semantic_done(self, _count: int) -> None:
        self._worker = None
        self.semantic_did_become_ready.emit()

    def close(self) -> None:
        """Stop the worker and watcher, release the index (on window close or folder switch)."""
        if self._worker is not None:
            self._worker.quit()
            self._worker = None
        wait_for_background_work(30000)  # no search or review may outlive the index it reads
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self.assistant is not None:
            self.assistant.close()
            self.assistant = None

    @staticmethod
    def folder_label(folder: str) -> str:
        return Path(folder).name or folder
