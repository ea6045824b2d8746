"""The worker processes behind `Jobs`: spawned, relaying progress over a pipe, stopped on request.

Spawned, never forked: torch and Qt threads do not survive a fork. Each
worker opens its own Assistant on the same index directory; the index's
writers are serialised by the store, and the caller re-reads the index when
the workers are done.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import time
from typing import TYPE_CHECKING, Callable, Generator

from ..errors import KbError, WorkerStopped
from ..index.model import Progress
from . import lifeline

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from ..assistant import Assistant
    from .jobs import Jobs

STOP_WAIT_S = 60  # a stopped worker finishes its batch (each is committed) within this
WORKER_NICENESS = 10


def run_in_workers(jobs: "Jobs", assistant: "Assistant", tasks: list[tuple[str, dict]],
                   on_vectors: Callable[[tuple[int, ...]], None]) -> Generator[tuple[int, Progress], None, list]:
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
            if stop.is_set() or jobs.stopped:
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
            receiver, sender = context.Pipe(duplex=False)
            worker = context.Process(target=_work, daemon=True, name=f"kbassist-{task}-{number}",
                                     args=(type(assistant), task, extra, str(assistant.folder),
                                           str(assistant.index_dir), assistant.settings, assistant.embedder_setting,
                                           sender, stop, reading))
            jobs.track(worker, stop)
            receivers.append(receiver)
            workers.append(worker)
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
            jobs.untrack(worker)
        for receiver in receivers:
            receiver.close()
        holding.close()


def _work(assistant_class: type["Assistant"], task: str, options: dict, folder: str, index_dir: str, settings,
          embedder: str, out: "Connection", stop, reading) -> None:
    """The worker process: one Assistant on the same index, progress sent back batch by batch.

    The class comes as an argument (pickled by its name), so this module does not import the
    facade that owns it.

    `embedder` is the app's setting as given (`auto` unresolved): a worker
    resolves it as the app does, and never finds a different embedder
    recorded, which would make it drop the vectors. Workers run at a lower priority, so the window
    always gets the CPU first; in a build, embedding workers run lower still than the one reading.
    """
    lifeline.die_with_parent()
    if hasattr(os, "nice"):  # POSIX only; Windows workers run at the normal priority
        os.nice(options.get("niceness", WORKER_NICENESS))
    try:
        with assistant_class(folder, index_dir, settings=settings, embedder=embedder, with_vectors=False) as assistant:
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
