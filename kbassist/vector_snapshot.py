"""A snapshot of the stored vectors in one flat file, read at start-up instead of SQLite.

Opening an index filled the vector index row by row from SQLite: ~0.4 s
at 10,000 articles and 3 s+ at 50,000 (1.6 GB of store, each vector
a Python bytes object first). The snapshot holds the same vectors as
half-precision floats (what the in-memory index keeps anyway) in blocks of
ids and rows, read straight into numpy arrays.

It is only used when it is exact: it records the store's count of vector
changes (kept by SQLite triggers, see `Store.vector_changes`) at the moment
it was read, inside one read transaction; any later change to a vector, by
this process or another, makes the counts differ and the index is filled
from SQLite again, which writes a new snapshot. A missing, truncated or
foreign file is the same as a stale one.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import numpy as np

MAGIC = b"KBVEC01\n"
_HEADER = np.dtype([("changes", "<i8"), ("dim", "<i8")])


class StaleSnapshot(Exception):
    """The snapshot is missing, broken, or of other vectors than the store holds."""


def read(path: Path, changes: int, dim: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(ids, float32 rows) blocks of a snapshot of `changes`; StaleSnapshot (maybe after some
    blocks: the caller starts again from SQLite) when it is not exactly that."""
    try:
        with open(path, "rb") as source:
            header = _read_exactly(source, _HEADER, 1, MAGIC)
            if int(header["changes"][0]) != changes or int(header["dim"][0]) != dim:
                raise StaleSnapshot(f"{path.name} is of other vectors")
            while count := int(_read_exactly(source, np.dtype("<i8"), 1)[0]):
                ids = _read_exactly(source, np.dtype("<i8"), count)
                rows = _read_exactly(source, np.dtype("<f2"), count * dim).reshape(count, dim)
                yield ids.astype(np.int64), rows.astype(np.float32)
    except OSError as exc:
        raise StaleSnapshot(str(exc)) from exc


def recorded_changes(path: Path) -> int | None:
    """The count of vector changes a snapshot was taken at (None: no readable snapshot)."""
    try:
        with open(path, "rb") as source:
            return int(_read_exactly(source, _HEADER, 1, MAGIC)["changes"][0])
    except (OSError, StaleSnapshot):
        return None


def write(path: Path, changes: int, dim: int, blocks: Iterable[tuple[np.ndarray, np.ndarray]]) -> None:
    """Write the snapshot whole or not at all (a temp file renamed over the old one)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC)
            out.write(np.array([(changes, dim)], dtype=_HEADER).tobytes())
            for ids, rows in blocks:
                out.write(np.array([len(ids)], dtype="<i8").tobytes())
                out.write(np.asarray(ids, dtype="<i8").tobytes())
                out.write(np.asarray(rows, dtype="<f2").tobytes())
            out.write(np.zeros(1, dtype="<i8").tobytes())  # the end: a file without it is truncated
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read_exactly(source: BinaryIO, dtype: np.dtype, count: int, magic: bytes = b"") -> np.ndarray:
    if magic and source.read(len(magic)) != magic:
        raise StaleSnapshot("not a vector snapshot")
    data = source.read(dtype.itemsize * count)
    if len(data) != dtype.itemsize * count:
        raise StaleSnapshot("truncated vector snapshot")
    return np.frombuffer(data, dtype=dtype)
