"""jieba's dictionary, loaded in slices so other threads keep running meanwhile.

jieba loads its prefix dictionary (about 500,000 entries) with a single
`marshal.load`, one C call that holds the GIL for 150 ms on an idle machine
and over a second on a busy one: the desktop window froze while a folder
opened (bench/gui_speed.py). Here the same dictionary is cached as a series
of small marshalled slices; between two slices any other thread, the GUI
thread above all, can run. The first start builds the cache from jieba's
own loading; it is keyed by jieba's version and dictionary, and written
atomically, so a stale or broken cache is simply rebuilt.
"""
from __future__ import annotations

import hashlib
import marshal
import tempfile
from pathlib import Path

import jieba

from ..atomic import replacing

SLICE = 20_000  # entries per slice: a few milliseconds each


def load() -> None:
    """Initialise jieba's default tokenizer, from the sliced cache when there is one."""
    tokenizer = jieba.dt
    if tokenizer.initialized:
        return
    cache = _cache_path(tokenizer)
    try:
        with open(cache, "rb") as source:
            total, slices = marshal.load(source), marshal.load(source)
            freq: dict[str, int] = {}
            for _ in range(slices):
                freq.update(marshal.load(source))
    except (OSError, EOFError, ValueError, TypeError):
        jieba.initialize()
        _write(cache, tokenizer.FREQ, tokenizer.total)
        return
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True


def _cache_path(tokenizer) -> Path:
    dictionary = tokenizer.dictionary or jieba.DEFAULT_DICT
    key = f"{jieba.__version__}|{dictionary}|{jieba.__file__}".encode()
    return Path(tempfile.gettempdir()) / f"kbassist-jieba-{hashlib.sha1(key).hexdigest()[:12]}.slices"


def _write(cache: Path, freq: dict[str, int], total: int) -> None:
    items = list(freq.items())
    try:
        with replacing(cache) as out:
            marshal.dump(total, out)
            marshal.dump((len(items) + SLICE - 1) // SLICE, out)
            for start in range(0, len(items), SLICE):
                marshal.dump(dict(items[start:start + SLICE]), out)
    except OSError:
        pass  # no cache this time: jieba's own loading still works
