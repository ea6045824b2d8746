"""A snapshot of the stored vectors in one flat file, read at start-up instead of SQLite.

Opening an index filled the vector index row by row from SQLite: ~0.4 s
at 10,000 articles and 3 s+ at 50,000 (1.6 GB of store, each vector
a Python bytes object first). The snapshot holds the same vectors as
half-precision floats (what the in-memory index keeps anyway) in blocks of
ids and rows, read straight into numpy arrays.

It is only used when it is exact: it records the store's count of vector
changes at the moment its vectors were read (`Store.consistent_vectors`);
any later change to a vector, by this process or another, makes the counts
differ, and the index is filled from SQLite again, which writes a new
snapshot. A missing, truncated or foreign file is the same as a stale one.

Layout: magic, then (changes, dim, rows) as little-endian int64, then
blocks of (count, count ids, count x dim float16), then a count of 0.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import numpy as np

from ..atomic import replacing

MAGIC = b"KBVEC02\n"
_HEADER = np.dtype([("changes", "<i8"), ("dim", "<i8"), ("rows", "<i8")])
_COUNT = np.dtype("<i8")


class StaleSnapshot(Exception):
    """The snapshot is missing, broken, or of other vectors than the store holds."""


def read(path: Path, changes: int, dim: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(ids, float32 rows) blocks of a snapshot taken at `changes`; StaleSnapshot (maybe after
    some blocks: the caller starts again from SQLite) when it is not exactly that."""
    try:
        with open(path, "rb") as source:
            size = os.fstat(source.fileno()).st_size
            header = _header(source)
            if (int(header["changes"]), int(header["dim"])) != (changes, dim):
                raise StaleSnapshot(f"{path.name} holds other vectors")
            left = int(header["rows"])
            while count := int(_read_exactly(source, _COUNT, 1)[0]):
                if not 0 < count <= left or source.tell() + count * (8 + 2 * dim) > size:
                    raise StaleSnapshot(f"{path.name} is damaged")
                ids = _read_exactly(source, _COUNT, count)
                rows = _read_exactly(source, np.dtype("<f2"), count * dim).reshape(count, dim)
                left -= count
                yield ids.astype(np.int64), rows.astype(np.float32)
            if left:
                raise StaleSnapshot(f"{path.name} ends early")
    except (OSError, ValueError, OverflowError, MemoryError) as exc:
        raise StaleSnapshot(f"{path.name}: {exc}") from exc


def recorded_changes(path: Path) -> int | None:
    """The count of vector changes a snapshot was taken at (None: no readable snapshot)."""
    try:
        with open(path, "rb") as source:
            return int(_header(source)["changes"])
    except (OSError, StaleSnapshot):
        return None


def write(path: Path, changes: int, dim: int, blocks: Iterable[tuple[np.ndarray, np.ndarray]]) -> None:
    """Write the snapshot whole or not at all; the row count goes into the header at the end."""
    with replacing(path) as out:
        out.write(MAGIC)
        out.write(np.zeros(1, dtype=_HEADER).tobytes())
        rows = 0
        for ids, matrix in blocks:
            out.write(np.array([len(ids)], dtype=_COUNT).tobytes())
            out.write(np.asarray(ids, dtype=_COUNT).tobytes())
            out.write(np.asarray(matrix, dtype="<f2").tobytes())
            rows += len(ids)
        out.write(np.zeros(1, dtype=_COUNT).tobytes())  # the end
        out.seek(len(MAGIC))
        out.write(np.array([(changes, dim, rows)], dtype=_HEADER).tobytes())


def _header(source: BinaryIO) -> np.void:
    if source.read(len(MAGIC)) != MAGIC:
        raise StaleSnapshot("not a vector snapshot")
    return _read_exactly(source, _HEADER, 1)[0]


def _read_exactly(source: BinaryIO, dtype: np.dtype, count: int) -> np.ndarray:
    data = source.read(dtype.itemsize * count)
    if len(data) != dtype.itemsize * count:
        raise StaleSnapshot("truncated vector snapshot")
    return np.frombuffer(data, dtype=dtype)
