"""One open knowledge folder: build or refresh its index, load the model, watch it.

The order is what keeps the window usable: the keyword phase runs first
(Assistant construction included, so nothing heavy touches the GUI thread),
results work as soon as it returns, and only then is the embedder loaded
and the pending chunks embedded in a second job. A large build (a new
folder, a changed embedder) runs in worker processes (`assistant.jobs`),
so it never competes with the window for the interpreter. The watcher's callbacks
arrive on its own thread and are re-emitted as a Qt signal, which Qt
queues onto the GUI thread. Closing never waits on the GUI thread: the jobs
are stopped at once and the index is released on a pool thread, once the
search in flight (if any) is done. With a team server (the `server`
setting) the app only reads its index: the team's indexer builds, embeds,
calibrates and watches (`kbassist watch FOLDER --server`).
"""
from __future__ import annotations

import logging
from pathlib import Path

from kbassist import jobs
from kbassist.assistant import Assistant
from kbassist.index.model import Progress
from kbassist.settings import Settings

from . import gc_policy
from .ops import Ops
from .qt import QObject, Signal

log = logging.getLogger(__name__)
OPENING_DEFER_S = 120.0  # young garbage collections only while a folder opens (gc_policy)
SEMANTIC_DEFER_S = 3600.0  # and while its model loads and its vectors are embedded: ended by the job's end


class FolderSession(QObject):
    progress_did_change = Signal(object)  # Progress
    folder_did_open = Signal(object)  # Assistant
    open_did_fail = Signal(str)
    open_was_cancelled = Signal()
    semantic_did_become_ready = Signal()
    semantic_was_cancelled = Signal()
    index_did_update = Signal(object)  # IndexChange, from any thread

    def __init__(self, ops: Ops, parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.assistant: Assistant | None = None
        self._worker = None
        self._job: object | None = None  # the current job's token: signals of a replaced job are ignored
        self._embed_again = False
        self._opening: jobs.Cancel | None = None  # stops the jobs of an Assistant still being opened
        self._watcher = None
        self._unsubscribe = None
        self.bulk_files, self.bulk_chunks = jobs.BULK_FILES, jobs.BULK_CHUNKS
        self.index_did_update.connect(self._catch_up)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def open(self, folder: str, index_dir: str | None, settings: Settings) -> None:
        self.close()

        cancel = self._opening = jobs.Cancel()
        gc_policy.defer_full_collections(OPENING_DEFER_S)  # until the semantic job ends (`_load_semantic`)

        def job():
            assistant = Assistant(folder, index_dir, settings=settings, wait_for_model=False)
            assistant.embed_on_update = False  # this session embeds, in workers (`_load_semantic`)
            cancel.bind(assistant.jobs)  # close() on the GUI thread now reaches its workers
            try:
                if not assistant.server:  # a team's index is kept by its indexer (`kbassist watch --server`)
                    yield from assistant.jobs.index(self.bulk_files)
            except BaseException:
                assistant.close()
                raise
            return assistant

        self._start(job, done=self._did_open, failed=self._did_fail, aborted=self._did_cancel,
                    done_too_late=lambda assistant: assistant.close())

    def _start(self, job, *, done, failed, aborted, done_too_late=lambda _result: None, quiet=False) -> None:
        """Run `job` as the session's one job. A job replaced since (folder closed or switched)
        still reports, late: its progress and outcome are ignored, an Assistant it opened is closed."""
        token = self._job = object()

        def current(handler, otherwise=lambda *_args: None, ends_job=True):
            def relay(*args):
                if self._job is not token:
                    return otherwise(*args)
                if ends_job:
                    self._worker, self._job = None, None
                return handler(*args)
            return relay

        progress = (lambda _p: None) if quiet else current(self.progress_did_change.emit, ends_job=False)
        self._worker = self.ops.run_generator(job, progress=progress, done=current(done, done_too_late),
                                              failed=current(failed))
        self._worker.aborted.connect(current(aborted))

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.quit()

    def _did_cancel(self) -> None:
        self.open_was_cancelled.emit()

    def _did_fail(self, exc: BaseException) -> None:
        if isinstance(exc, jobs.WorkerStopped):  # the window is closing
            return
        log.error("opening the folder failed", exc_info=exc)
        self.open_did_fail.emit(str(exc))

    def _did_open(self, assistant: Assistant) -> None:
        self.assistant, self._opening = assistant, None
        gc_policy.freeze_survivors()  # the folder's articles and index live until it is closed
        self._unsubscribe = self.assistant.on_index_did_update(self.index_did_update.emit)
        self.folder_did_open.emit(self.assistant)
        if not self.assistant.server:  # the team's indexer watches the shared folder, not each agent's app
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
                self.ops.report_error(exc)

        self.ops.query(self, assistant.watch).success(started).failure(failed).run_in_background()

    def _load_semantic(self, quiet: bool = False) -> None:
        """Load the model and embed what waits (all of it after a first build: in worker processes)."""
        assistant = self.assistant
        self._embed_again = False
        if not quiet:
            gc_policy.defer_full_collections(SEMANTIC_DEFER_S)

        def job():
            if not assistant.model_loaded:
                yield Progress(0, 0, "loading model")
                assistant.warm_up()  # the model and the triage lexicon, in this worker
            if assistant.server:  # the server holds the vectors and the calibration its indexer made
                return
            yield from assistant.jobs.embed(self.bulk_chunks)
            assistant.calibrate()  # the folder's no-answer threshold: measured when missing or stale
            if not quiet:  # when the folder opens; not after each saved file (a full re-read if vectors changed)
                assistant.save_vector_snapshot()  # the next start reads the vectors from it

        self._start(job, done=self._semantic_done, failed=self._semantic_failed,
                    aborted=self._semantic_cancelled, quiet=quiet)

    def _semantic_done(self, _result: None) -> None:
        gc_policy.end_deferral()  # its vectors and model live as long as the folder too: frozen
        self.assistant.optimize_in_background()  # a large folder's vectors get partitioned
        self.semantic_did_become_ready.emit()
        if self._embed_again:
            self._load_semantic(quiet=True)

    def _semantic_cancelled(self) -> None:
        gc_policy.end_deferral()
        self.semantic_was_cancelled.emit()

    def _semantic_failed(self, exc: BaseException) -> None:
        gc_policy.end_deferral()
        if not isinstance(exc, jobs.WorkerStopped):  # stopped: the folder is closing
            self.ops.report_error(exc)

    def _catch_up(self, change) -> None:
        """Embed what an update (a save in the folder) added: updates here only index keywords."""
        if self.assistant is None or not (change.added or change.updated or change.rebuilt):
            return
        if self._worker is None:
            self._load_semantic(quiet=True)
        else:
            self._embed_again = True  # once the running job ends

    def close(self) -> None:
        """Stop the jobs and the watcher, release the index (on window close or folder switch).

        Nothing here waits: the workers are killed (the index survives that),
        and `Assistant.close()`, which waits for a search in flight, runs on a
        pool thread. A search or review that ends after it gets `IndexClosed`,
        which the ops drop.
        """
        if self._worker is not None:
            self._worker.quit()
            self._worker, self._job = None, None
        if self._opening is not None:
            self._opening.stop()  # a large build ends at once, also one whose Assistant is still opening
            self._opening = None
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self.assistant is not None:
            assistant, self.assistant = self.assistant, None
            assistant.jobs.stop()  # a review in a worker ends at once
            self.ops.query(self, assistant.close).success(lambda _none: gc_policy.thaw()).run_in_background()

    @staticmethod
    def folder_label(folder: str) -> str:
        return Path(folder).name or folder
