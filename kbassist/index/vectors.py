"""The semantic half of the hybrid index: faiss over unit vectors.

Up to PARTITION_FROM chunks: an exhaustive inner-product scan (half-precision
vectors inside `IndexIDMap2`) keyed by the chunks' stable ids. It needs no
training, and at 10,000 articles (58,000 chunks) a query scans it in a few
milliseconds. The scan grows linearly: at 50,000 articles (287,000 chunks)
it took 18-21 ms, most of a hybrid query. Past the threshold, a long-lived
process (the app, an evaluation) asks for `partition_in_background`: a
thread trains an inverted-file index (IVF: vectors grouped around k-means
centroids, a query scans the groups nearest to it) on a copy of the
vectors, catches up with the changes made meanwhile, and swaps it in;
searches use the exhaustive index until then.
On the 50k folder's 200 generated queries, probing an eighth of the groups
took 2.7 ms and returned 98% of the exhaustive top 10 (bench/decisions.md).

Nothing of the partitioning is stored: the index lives in memory, filled
from the store (which keeps the full-precision vectors on disk), and each
long-lived process that searches a large folder trains its own (~15 s of
one core at 50k, with the GIL released). One-shot commands (`kbassist
search`) and the processes that only write the index never do.
"""
from __future__ import annotations

import math
import threading

import faiss
import numpy as np

from .memory import return_freed_memory

faiss.omp_set_num_threads(1)  # queries are small; threads only add overhead and fight the GUI

PARTITION_FROM = 100_000  # chunks: below this the exhaustive scan takes under ~7 ms
TRAIN_PER_LIST = 40  # sample vectors per centroid (faiss warns below 39)
PROBE_FRACTION = 8  # a query scans 1/8 of the groups
COPY_BLOCK = 16_384  # vectors moved into the new index per call
CATCH_UP_CHANGES, CATCH_UP_VECTORS = 16, 4_096  # left over: applied under the lock, then the swap


def _exhaustive(dim: int) -> faiss.Index:
    # Half-precision storage: half the memory (10k articles: 59 MB instead of 118 MB) for a
    # rounding error far below the gaps between results; no training needed, unlike 8-bit.
    flat = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
    return faiss.IndexIDMap2(flat)


def partition_count(vectors: int) -> int:
    """Groups for an IVF over `vectors`: about 2*sqrt(n) (1,070 at 287,000), at most 4,096,
    and few enough for TRAIN_PER_LIST sample vectors each."""
    return max(1, min(4096, int(2 * math.sqrt(vectors)), vectors // TRAIN_PER_LIST))


class VectorIndex:
    def __init__(self, dim: int, partition_from: int | None = None):
        self.dim = dim
        self._index = _exhaustive(dim)
        self._lock = threading.Lock()
        self._partition_from = PARTITION_FROM if partition_from is None else partition_from
        self._partitioning: threading.Thread | None = None
        self._changes: list[tuple] | None = None  # logged while a partitioned copy is built
        self._closed = False

    def __len__(self) -> int:
        return self._index.ntotal

    @property
    def partitioned(self) -> bool:
        return isinstance(self._index, faiss.IndexIVF)

    def add(self, ids: np.ndarray, vectors: np.ndarray, replace: bool = True) -> None:
        """Add vectors; with `replace`, first drop any held under the same ids (an O(n) scan)."""
        if len(ids) == 0:
            return
        ids = np.asarray(ids, dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        with self._lock:
            _apply(self._index, ("add", ids, vectors, replace))
            if self._changes is not None:  # copies: the caller may reuse its arrays
                self._changes.append(("add", ids.copy(), vectors.copy(), replace))

    def remove(self, ids) -> None:
        ids = np.asarray(list(ids), dtype=np.int64)
        if len(ids):
            with self._lock:
                _apply(self._index, ("remove", ids))
                if self._changes is not None:
                    self._changes.append(("remove", ids.copy()))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        # OpenMP's thread count is per calling thread: the import-time setting holds for the main thread
        # only, and a search from a pool thread (the app's search lane, the API) ran on every core,
        # spinning against the rest of the machine (p50 +25 ms per suggestion at 10,000 articles).
        faiss.omp_set_num_threads(1)
        with self._lock:
            if self._index.ntotal == 0:
                return []
            scores, ids = self._index.search(vector.reshape(1, -1).astype(np.float32), min(k, self._index.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i != -1]

    def partition_in_background(self) -> None:
        """Start partitioning on a thread if the index is past the threshold (once per index)."""
        with self._lock:
            if self._partitioning is None and not self._closed and self._index.ntotal >= self._partition_from:
                self._partitioning = threading.Thread(target=self._partition, name="vector-partition", daemon=True)
                self._partitioning.start()

    def wait_partitioned(self, timeout: float | None = None) -> bool:
        """Block until a partitioning started is in place (benchmarks time the settled index)."""
        if self._partitioning is not None:
            self._partitioning.join(timeout)
        return self.partitioned

    def close(self) -> None:
        """Stop a partitioning in progress at its next step (the thread owns only its copy)."""
        self._closed = True

    def _partition(self) -> None:
        """Build the IVF from a copy, replay the changes logged meanwhile, swap it in."""
        faiss.omp_set_num_threads(1)  # per thread: this one would otherwise train on every core
        with self._lock:
            snapshot = faiss.clone_index(self._index)
            self._changes = []
        try:
            ivf = _train_ivf(snapshot, self.dim, _sample(snapshot))
            self._copy_into(ivf, snapshot)
            del snapshot
            if self._closed:
                return
            # Each group's storage grew by doubling (about 20% unused at 50k): a copy is exact.
            ivf = faiss.clone_index(ivf)
            while not self._closed:
                with self._lock:
                    changes, self._changes = self._changes, []
                    if len(changes) <= CATCH_UP_CHANGES and sum(len(c[1]) for c in changes) <= CATCH_UP_VECTORS:
                        for change in changes:  # each an O(n) id scan: few, so searches barely wait
                            _apply(ivf, change)
                        self._index = ivf
                        break
                for change in changes:  # the bulk of what happened meanwhile, outside the lock
                    _apply(ivf, change)
        finally:
            with self._lock:
                self._changes = None  # swapped, closed or failed: stop logging either way
        return_freed_memory()

    def _copy_into(self, ivf: faiss.IndexIVF, snapshot: faiss.IndexIDMap2) -> None:
        ids = faiss.vector_to_array(snapshot.id_map)
        for start in range(0, snapshot.ntotal, COPY_BLOCK):
            if self._closed:
                return
            count = min(COPY_BLOCK, snapshot.ntotal - start)
            ivf.add_with_ids(snapshot.index.reconstruct_n(start, count), ids[start:start + count])


def _apply(index: faiss.Index, change: tuple) -> None:
    if change[0] == "remove":
        index.remove_ids(change[1])
        return
    _, ids, vectors, replace = change
    if replace:
        index.remove_ids(ids)  # never hold two copies of one chunk
    index.add_with_ids(vectors, ids)


def _sample(snapshot: faiss.IndexIDMap2) -> np.ndarray:
    """A seeded sample of the snapshot's vectors, TRAIN_PER_LIST per group."""
    total = snapshot.ntotal
    picks = np.random.default_rng(0).choice(total, min(total, partition_count(total) * TRAIN_PER_LIST), replace=False)
    return np.vstack([snapshot.index.reconstruct(int(i)) for i in np.sort(picks)])


def _train_ivf(snapshot: faiss.IndexIDMap2, dim: int, sample: np.ndarray) -> faiss.IndexIVFScalarQuantizer:
    """An empty IVF with fp16 codes, its centroids trained on `sample`."""
    lists = partition_count(snapshot.ntotal)
    ivf = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, lists,
                                        faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
    ivf.train(sample)
    ivf.nprobe = max(1, lists // PROBE_FRACTION)
    return ivf

