"""Embedding a large build's chunks in worker processes, while the indexer reads and writes.

Forward passes are most of a first build and run on one core per process
(`jobs` measured the same locally), so a build of many files hands them to
spawned workers (never forked: torch threads do not survive a fork), niced
below the indexer, which meanwhile parses the next batch and commits the
last. A small update (a saved file) embeds in-process with the model the
indexer has already loaded: starting a worker costs more than it does.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache

import numpy as np

from ..embed.embedders import Embedder, load_embedder

BATCH = 256  # texts per task
WORKER_NICENESS = 10


class Embedding:
    """Turns lists of texts into vectors: in `workers` processes, or in-process when `workers` is 0."""

    def __init__(self, embedder: Embedder, spec: str, workers: int):
        self.embedder, self.spec = embedder, spec
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_start_worker, initargs=(spec,)) if workers else None

    def submit(self, texts: list[str]) -> list[Future] | np.ndarray:
        """Start embedding `texts`; `result()` of what this returns gives their vectors, in order."""
        if self._pool is None:
            return self.embedder.embed(texts) if texts else np.zeros((0, self.embedder.dim), np.float32)
        return [self._pool.submit(_embed, self.spec, texts[i:i + BATCH]) for i in range(0, len(texts), BATCH)]

    def result(self, job: list[Future] | np.ndarray) -> np.ndarray:
        if isinstance(job, np.ndarray):
            return job
        parts = [future.result() for future in job]
        return np.vstack(parts) if parts else np.zeros((0, self.embedder.dim), np.float32)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> "Embedding":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _start_worker(spec: str) -> None:
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    _model(spec)  # loaded once per worker, before its first task


@lru_cache(maxsize=1)
def _model(spec: str) -> Embedder:
    return load_embedder(spec)


def _embed(spec: str, texts: list[str]) -> np.ndarray:
    return np.asarray(_model(spec).embed(texts), dtype=np.float32)
