"""`Jobs`: the large jobs of one Assistant, run in worker processes so the caller's interpreter stays free.

A first build of 10,000 articles is minutes of Python (reading, jieba,
whoosh) and then of model forward passes. Run on a thread of the desktop
app, it shared the GIL with the window, which froze for up to 190 ms at a
time (bench/gui_speed.py). Spawned processes write the same on-disk index
instead; the caller only reads their progress and then re-reads the index.
Small jobs (a few saved files) stay in-process: starting a worker costs
about a second of imports, more than they take.

Each job is a generator of `Progress` driven by one caller thread. `stop()`
may be called from any thread: it ends the running workers at once and
refuses new ones, and the generators then raise `WorkerStopped`.
"""
from __future__ import annotations

import datetime as dt
import os
import threading
import weakref
from typing import TYPE_CHECKING, Callable, Generator

from ..errors import WorkerStopped
from ..index.model import IndexChange, Progress
from .workers import run_in_workers

if TYPE_CHECKING:
    from multiprocessing.context import SpawnProcess
    from multiprocessing.synchronize import Event

    from ..assistant import Assistant
    from ..review import ReviewReport

BULK_FILES = 300  # files to read before the keyword phase moves to a worker
BULK_CHUNKS = 1000  # chunks to embed before the semantic phase moves to a worker
BULK_REVIEW_ARTICLES = 2000  # articles before the weekly review moves to a worker
EMBED_BESIDE_READER_NICENESS = 15  # below the reading worker: reading is the longer path of a build
MAX_WORKERS = 4


def default_workers() -> int:
    """One embedding worker per core, at most MAX_WORKERS (each holds a model: ~200 MB)."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


class Jobs:
    """The worker processes of one Assistant: started by its jobs, ended by `stop()` or its `close()`."""

    def __init__(self, assistant: "Assistant"):
        self._assistant = weakref.ref(assistant)  # the Assistant owns this object, not the reverse
        self._lock = threading.Lock()
        self._live: dict["SpawnProcess", "Event"] = {}  # running worker -> its stop event
        self._stopped = False

    # -- the jobs ----------------------------------------------------------------------
    def index(self, bulk_files: int = BULK_FILES) -> Generator[Progress, None, None]:
        """The keyword phase of `assistant.index()`, in a worker process when many files wait.

        Afterwards the assistant has re-read the index; what is left (files
        saved meanwhile) is indexed in-process, so the caller sees a complete
        keyword index.
        """
        assistant = self._owner()
        diff = assistant.folder_diff()
        if diff.count >= bulk_files:
            for _, progress in self._in_workers([("index", {})]):
                yield progress
            assistant.reload()
            diff = None  # scan again: files may have been saved during the build
        yield from assistant.index(embed=False, diff=diff)

    def embed(self, bulk_chunks: int = BULK_CHUNKS, workers: int | None = None) -> Generator[Progress, None, None]:
        """Embed pending chunks, in worker processes when many wait; each batch becomes searchable here.

        USE's forward passes are most of a first build and run on one core per
        process (more BLAS threads in one process measured slower), so each
        worker embeds its own share of the chunks, niced so a window beside
        them stays responsive. Chunks that updates add meanwhile (the app
        sets `assistant.embed_on_update` off) are picked up by the workers,
        and whatever they missed is embedded in-process at the end.
        """
        assistant = self._owner()
        workers = workers or default_workers()
        total = assistant.stats()["pending_vectors"]
        if total >= bulk_chunks:
            done = [0] * workers
            shares = [("embed", {"share": (i, workers)}) for i in range(workers)]
            for number, progress in self._in_workers(shares, assistant.adopt_vectors):
                done[number] = progress.done
                yield Progress(sum(done), max(total, sum(done)), progress.label)
        yield from assistant.embed_pending()

    def build(self, bulk_files: int = BULK_FILES, workers: int | None = None) -> Generator[Progress, None, IndexChange]:
        """Bring the index up to date from the command line, reading and embedding side by side.

        Reading the folder (parsing, jieba, whoosh) runs on one core. When many
        files wait, one worker process reads them while the embedding workers
        take each batch of chunks it stores (at a lower priority, so the reader
        keeps its core): at 50,000 articles the reading would otherwise leave
        the second core idle for some minutes. The `auto` embedder is chosen
        first, from a sample of the files. What the workers leave (files saved
        meanwhile) is done in-process afterwards.
        """
        assistant = self._owner()
        if assistant.server:  # the server's indexer has its own embedding workers (`server.sync`)
            return (yield from assistant.index())
        diff = assistant.folder_diff()
        change = None
        if diff.count >= bulk_files:
            assistant.settle_embedder(diff.added + diff.changed)
            workers = workers or default_workers()
            tasks = [("index", {})] + [("embed", {"share": (i, workers), "niceness": EMBED_BESIDE_READER_NICENESS})
                                       for i in range(workers)]
            embedded, reading, total = [0] * workers, Progress(0, 1, ""), 0
            job = self._in_workers(tasks)
            while True:
                try:
                    number, progress = next(job)
                except StopIteration as done:
                    change = done.value[0]
                    break
                if number == 0:
                    reading = progress
                    yield progress
                    continue
                embedded[number - 1] = progress.done
                if reading.done >= reading.total:  # shown once the reading is over, so the bar does not flicker
                    total = total or sum(embedded) + assistant.stats()["pending_vectors"]
                    yield Progress(sum(embedded), max(total, sum(embedded)), progress.label)
            assistant.reload()
            diff = None  # scan again: files may have been saved during the build
        rest = yield from assistant.index(embed=False, diff=diff)
        yield from self.embed()
        return rest if change is None else change.merged(rest)

    def review(self, as_of: dt.date, *, gaps: bool = True,
               bulk_articles: int = BULK_REVIEW_ARTICLES) -> "ReviewReport":
        """`assistant.review()`, in a worker process for a large folder (seconds of Python at 10,000 articles)."""
        assistant = self._owner()
        if len(assistant.article_summaries()) < bulk_articles:
            return assistant.review(as_of, gaps=gaps)
        job = self._in_workers([("review", {"as_of": as_of, "gaps": gaps})])
        while True:
            try:
                next(job)
            except StopIteration as done:
                return done.value[0]

    # -- workers -------------------------------------------------------------------------
    def stop(self) -> None:
        """End the running workers at once and start no more (any thread; for a closing window or folder).

        The jobs' callers get `WorkerStopped`, also a job that was still
        loading the model and had not started its workers. A kill cannot
        damage the index: whoosh commits by renaming its table of contents,
        SQLite rolls back an open transaction, and a file whose entry was not
        committed is simply read again next time (tests/test_jobs.py kills a
        build mid-write). Waiting for a batch instead kept a closing window
        on screen for 4 s (bench/gui_speed.py).
        """
        with self._lock:
            self._stopped = True
            live = list(self._live.items())
        for worker, stop in live:
            stop.set()  # a worker tracked but not started yet stops at its first check
            if worker.pid is not None:
                worker.terminate()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def processes(self) -> list["SpawnProcess"]:
        """The worker processes running now."""
        with self._lock:
            return list(self._live)

    def track(self, worker: "SpawnProcess", stop: "Event") -> None:
        """Record a worker about to start, so `stop()` reaches it; refused once stopped."""
        with self._lock:
            if self._stopped:
                raise WorkerStopped(f"{worker.name} was not started: the folder is closing")
            self._live[worker] = stop

    def untrack(self, worker: "SpawnProcess") -> None:
        with self._lock:
            self._live.pop(worker, None)

    def _owner(self) -> "Assistant":
        assistant = self._assistant()
        if assistant is None or self._stopped:
            raise WorkerStopped("the folder is closed")
        return assistant

    def _in_workers(self, tasks: list[tuple[str, dict]],
                    on_vectors: Callable[[tuple[int, ...]], None] = lambda ids: None):
        return run_in_workers(self, self._owner(), tasks, on_vectors)


class Cancel:
    """A stop request that can arrive before the Assistant it is for exists.

    The app opens a folder on a worker thread (constructing the Assistant is
    slow) and may close the window meanwhile: `stop()` on the GUI thread then
    reaches the jobs as soon as the opening job `bind`s them, whichever
    happens first.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: Jobs | None = None
        self._stopped = False

    def bind(self, jobs: Jobs) -> None:
        with self._lock:
            self._jobs = jobs
            stopped = self._stopped
        if stopped:
            jobs.stop()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            jobs = self._jobs
        if jobs is not None:
            jobs.stop()
