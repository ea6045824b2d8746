"""One open knowledge folder: build or refresh its index, load the model, watch it.

The order is what keeps the window usable: the keyword phase runs first
(Assistant construction included, so nothing heavy touches the GUI thread),
results work as soon as it returns, and only then is the embedder loaded
and the pending chunks embedded in a second job. A large build (a new
folder, a changed embedder) runs in a worker process (`kbassist.offload`),
so it never competes with the window for the interpreter. The watcher's callbacks
arrive on its own thread and are re-emitted as a Qt signal, which Qt
queues onto the GUI thread.
"""
from __future__ import annotations

import logging
from pathlib import Path

from kbassist.assistant import Assistant
from kbassist import offload
from kbassist.model import Progress
from kbassist.settings import Settings

from . import gc_policy
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
        self.bulk_files, self.bulk_chunks = offload.BULK_FILES, offload.BULK_CHUNKS

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def open(self, folder: str, index_dir: str | None, settings: Settings) -> None:
        self.close()

        def job():
            assistant = Assistant(folder, index_dir, settings=settings, wait_for_model=False)
            try:
                yield from offload.index(assistant, self.bulk_files)
            except BaseException:
                assistant.close()
                raise
            return assistant

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
        if isinstance(exc, offload.WorkerStopped):  # the window is closing
            return
        log.error("opening the folder failed", exc_info=exc)
        self.open_did_fail.emit(str(exc))

    def _did_open(self, assistant: Assistant) -> None:
        self._worker = None
        self.assistant = assistant
        gc_policy.freeze_survivors()  # the folder's articles and index live until it is closed
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
            yield from offload.embed(assistant, self.bulk_chunks)

        self._worker = run_generator(job, progress=self.progress_did_change.emit, done=self._semantic_done)

    def _semantic_done(self, _result: None) -> None:
        self._worker = None
        gc_policy.freeze_survivors()  # and so do its vectors
        self.semantic_did_become_ready.emit()

    def close(self) -> None:
        """Stop the worker and watcher, release the index (on window close or folder switch)."""
        if self._worker is not None:
            self._worker.quit()
            self._worker = None
        offload.stop_workers()  # a large build or review ends at once
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
            gc_policy.thaw()

    @staticmethod
    def folder_label(folder: str) -> str:
        return Path(folder).name or folder
