"""Large indexing jobs in a worker process, so the app's interpreter stays free.

A first build of 10,000 articles is minutes of Python (reading, jieba,
whoosh) and then of model forward passes. Run on a thread of the desktop
app, it shared the GIL with the window, which froze for up to 190 ms at a
time (bench/gui_speed.py). A spawned process (never `fork`: torch and Qt
threads do not survive it) writes the same on-disk index instead; the app
only reads its progress messages and then re-reads the index.

Small jobs (a few saved files) stay in-process: starting a worker costs
about a second of imports, more than they take.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import multiprocessing.connection
import os
import time
import weakref
from typing import TYPE_CHECKING, Callable, Generator

from ..errors import KbError
from ..index.model import IndexChange, Progress
from . import lifeline

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from ..assistant import Assistant
    from ..review import ReviewReport

BULK_FILES = 300  # files to read before the keyword phase moves to a worker
BULK_CHUNKS = 1000  # chunks to embed before the semantic phase moves to a worker
BULK_REVIEW_ARTICLES = 2000  # articles before the weekly review moves to a worker
STOP_WAIT_S = 60  # a stopped worker finishes its batch (each is committed) within this
WORKER_NICENESS = 10
EMBED_BESIDE_READER_NICENESS = 15  # below the reading worker: reading is the longer path of a build
MAX_WORKERS = 4


def index(assistant: "Assistant", bulk_files: int = BULK_FILES) -> Generator[Progress, None, None]:
    """The keyword phase of `assistant.index()`, in a worker process when many files wait.

    Afterwards `assistant` has re-read the index; what is left (files saved
    meanwhile) is indexed here, so the caller sees a complete keyword index.
    """
    diff = assistant.folder_diff()
    if diff.count >= bulk_files:
        for _, progress in _in_workers(assistant, [("index", {})]):
            yield progress
        assistant.reload()
        diff = None  # scan again: files may have been saved during the build
    yield from assistant.index(embed=False, diff=diff)


def default_workers() -> int:
    """One embedding worker per core, at most MAX_WORKERS (each holds a model: ~200 MB)."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def embed(assistant: "Assistant", bulk_chunks: int = BULK_CHUNKS,
          workers: int | None = None) -> Generator[Progress, None, None]:
    """Embed pending chunks, in worker processes when many wait; each batch becomes searchable here.

    USE's forward passes are most of a first build and run on one core per
    process (more BLAS threads in one process measured slower), so each
    worker embeds its own share of the chunks. They run niced, so the window
    stays responsive beside them. Chunks that updates here add meanwhile
    (the app sets `assistant.embed_on_update` off) are picked up by the
    workers, and whatever they missed is embedded here at the end.
    """
    workers = workers or default_workers()
    total = assistant.stats()["pending_vectors"]
    if total >= bulk_chunks:
        done = [0] * workers
        shares = [("embed", {"share": (i, workers)}) for i in range(workers)]
        for number, progress in _in_workers(assistant, shares, assistant.adopt_vectors):
            done[number] = progress.done
            yield Progress(sum(done), max(total, sum(done)), progress.label)
    yield from assistant.embed_pending()


def build(assistant: "Assistant", bulk_files: int = BULK_FILES,
          workers: int | None = None) -> Generator[Progress, None, "IndexChange"]:
    """Bring the index up to date from the command line, reading and embedding side by side.

    Reading the folder (parsing, jieba, whoosh) runs on one core. When many
    files wait, one worker process reads them while the embedding workers
    take each batch of chunks it stores (at a lower priority, so the reader
    keeps its core): at 50,000 articles the reading would otherwise leave
    the second core idle for some minutes. The `auto` embedder is chosen
    first, from a sample of the files. What the workers leave (files saved
    meanwhile) is done here afterwards.
    """
    diff = assistant.folder_diff()
    change = None
    if diff.count >= bulk_files:
        assistant.settle_embedder(diff.added + diff.changed)
        workers = workers or default_workers()
        tasks = [("index", {})] + [("embed", {"share": (i, workers), "niceness": EMBED_BESIDE_READER_NICENESS})
                                   for i in range(workers)]
        embedded, reading, total = [0] * workers, Progress(0, 1, ""), 0
        job = _in_workers(assistant, tasks)
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
    yield from embed(assistant)
    return rest if change is None else change.merged(rest)


def review(assistant: "Assistant", as_of: dt.date, *, gaps: bool = True,
           bulk_articles: int = BULK_REVIEW_ARTICLES) -> "ReviewReport":
    """`assistant.review()`, in a worker process for a large folder (seconds of Python at 10,000 articles)."""
    if len(assistant.article_summaries()) < bulk_articles:
        return assistant.review(as_of, gaps=gaps)
    job = _in_workers(assistant, [("review", {"as_of": as_of, "gaps": gaps})])
    while True:
        try:
            next(job)
        except StopIteration as done:
            return done.value[0]


def stop_workers(assistant: "Assistant") -> None:
    """End the workers running for `assistant` at once, and start no more for it.

    For a window closing or switching folders: the callers get `WorkerStopped`,
    also a job that was still loading the model and had not started its workers.

    A kill cannot damage the index: whoosh commits by renaming its table of
    contents, SQLite rolls back an open transaction, and a file whose entry
    was not committed is simply read again next time (tests/test_offload.py
    kills a build mid-write). Waiting for a batch instead kept a closing
    window on screen for 4 s (bench/gui_speed.py).
    """
    _stopped.add(assistant)
    for worker, (stop, owner) in list(_live.items()):
        if owner is assistant:
            stop.set()
            worker.terminate()


class WorkerStopped(KbError):
    """A worker was stopped (`stop_workers`) before it answered."""


_live: dict = {}  # running worker process -> (its stop event, the Assistant it works for)
_stopped: "weakref.WeakSet[Assistant]" = weakref.WeakSet()


def _in_workers(assistant: "Assistant", tasks: list[tuple[str, dict]],
                on_vectors: Callable[[tuple[int, ...]], None] = lambda ids: None,
                ) -> Generator[tuple[int, Progress], None, list]:
    """Run each (task, options) in a spawned process of its own, relaying (worker number, progress).

    Returns each worker's answer. `on_vectors` gets the ids of every vector
    a worker stored, also those of the batch it finishes after a cancel.
    Embedding workers beside an "index" worker wait for its chunks until it
    is done. Closing the generator (a cancel) asks the workers to stop after
    their current batch and waits for them, so the index is left consistent.
    """
    context = multiprocessing.get_context("spawn")
    stop, reading = context.Event(), context.Event()
    if any(task == "index" for task, _ in tasks):
        reading.set()
    receivers, workers = [], []
    answers: list = [None] * len(tasks)
    holding = contextlib.ExitStack()
    if any(task != "review" for task, _ in tasks):  # the workers write for this process: it holds the index
        holding.enter_context(assistant.writing())

    def take(number: int) -> tuple[str, object]:
        task = tasks[number][0]
        try:
            kind, payload = receivers[number].recv()
        except EOFError:
            workers[number].join(5)
            if stop.is_set() or assistant in _stopped:
                raise WorkerStopped(f"the {task} worker was stopped") from None
            raise KbError(f"the {task} worker stopped unexpectedly (exit code {workers[number].exitcode})") from None
        if kind == "progress":
            on_vectors(payload.vector_ids)
        elif kind == "error":
            raise KbError(payload)
        elif task == "index":
            reading.clear()
        return kind, payload

    try:
        for number, (task, extra) in enumerate(tasks):
            if assistant in _stopped:
                raise WorkerStopped(f"the {task} worker was not started: the folder is closing")
            receiver, sender = context.Pipe(duplex=False)
            worker = context.Process(target=_work, daemon=True, name=f"kbassist-{task}-{number}",
                                     args=(task, extra, str(assistant.folder), str(assistant.index_dir),
                                           assistant.settings, assistant.embedder_setting, sender, stop, reading))
            receivers.append(receiver)
            workers.append(worker)
            _live[worker] = (stop, assistant)
            worker.start()
            sender.close()
        waiting = set(range(len(workers)))
        while waiting:
            for receiver in multiprocessing.connection.wait([receivers[i] for i in waiting]):
                number = receivers.index(receiver)
                kind, payload = take(number)
                if kind == "progress":
                    yield number, payload
                elif kind == "done":
                    answers[number] = payload
                    waiting.discard(number)
        return answers
    finally:
        stop.set()
        deadline = time.monotonic() + STOP_WAIT_S
        for number, worker in enumerate(workers):
            while worker.is_alive() and time.monotonic() < deadline:
                worker.join(0.1)
                try:  # keep reading: a batch finished after the stop still becomes searchable here
                    while receivers[number].poll():
                        take(number)
                except (KbError, OSError):
                    break
            if worker.is_alive():
                worker.terminate()
            _live.pop(worker, None)
        for receiver in receivers:
            receiver.close()
        holding.close()


def _work(task: str, options: dict, folder: str, index_dir: str, settings, embedder: str,
          out: "Connection", stop, reading) -> None:
    """The worker process: one Assistant on the same index, progress sent back batch by batch.

    `embedder` is the app's setting as given (`auto` unresolved): a worker
    resolves it as the app does, and never finds a different embedder
    recorded, which would make it drop the vectors. Workers run at a lower priority, so the window
    always gets the CPU first; in a build, embedding workers run lower still than the one reading.
    """
    from ..assistant import Assistant

    lifeline.die_with_parent()
    os.nice(options.get("niceness", WORKER_NICENESS))
    try:
        with Assistant(folder, index_dir, settings=settings, embedder=embedder, with_vectors=False) as assistant:
            if task == "review":
                out.send(("done", assistant.review(options["as_of"], gaps=options["gaps"])))
                return
            if task == "index":
                job = assistant.index(embed=False)
            else:
                job = assistant.embed_pending(options["share"], lambda: reading.is_set() and not stop.is_set())
            while True:
                try:
                    out.send(("progress", next(job)))
                except StopIteration as done:
                    answer = done.value
                    break
                if stop.is_set():
                    job.close()
                    answer = None
                    break
        out.send(("done", answer))
    except Exception as exc:  # the app shows it; the worker has nothing else to tell
        out.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        out.close()
