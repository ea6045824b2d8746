"""jieba's dictionary, loaded in slices so other threads keep running meanwhile.

jieba loads its prefix dictionary (about 500,000 entries) with a single
`marshal.load`, one C call that holds the GIL for 150 ms on an idle machine
and over a second on a busy one: the desktop window froze while a folder
opened (bench/gui_speed.py). Here the same dictionary is cached as a series
of small slices; between two slices any other thread, the GUI thread above
all, can run. The first start builds the cache from jieba's own loading.

The cache is plain data (words as UTF-8 text, counts as int64), in the
per-user cache folder, keyed by jieba's version and dictionary, and read only
when it is this user's own file (`cachefiles.open_own`) and every size and
count in it adds up; otherwise it is rebuilt. It once lived in the shared temp
folder, where another user's file broke every search (issue #17); jieba's own
cache, which its loading reads first, is kept in the per-user folder too.

Layout: magic, total count, slice count (int64), then per slice the number
of words, the byte length of their text (int64), the words joined by
newlines, and their counts (int64 each).
"""
from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import BinaryIO

import jieba
import numpy as np

from ..cachefiles import open_own, write_whole
from ..settings import cache_dir

SLICE = 5_000  # entries per slice: about a millisecond each
MAGIC = b"KBJIEBA3"
_INT = np.dtype("<i8")


class _BadCache(ValueError):
    pass


def load() -> None:
    """Initialise jieba's default tokenizer, from the sliced cache when there is a sound one."""
    tokenizer = jieba.dt
    if tokenizer.initialized:
        return
    cache = _cache_path(tokenizer)
    try:
        with open_own(cache) as source:
            freq, total = _read(source)
    except (OSError, ValueError, UnicodeDecodeError):
        folder = cache_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(folder)  # not /tmp/jieba.cache, which anyone can plant
        jieba.initialize()
        write_whole(cache, lambda out: _write(out, tokenizer.FREQ, tokenizer.total))
        return
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True


def _cache_path(tokenizer) -> Path:
    dictionary = tokenizer.dictionary or jieba.DEFAULT_DICT
    key = f"{jieba.__version__}|{dictionary}|{jieba.__file__}".encode()
    return cache_dir() / f"jieba-{hashlib.sha1(key).hexdigest()[:12]}.slices"


def _read(source: BinaryIO) -> tuple[dict[str, int], int]:
    if source.read(len(MAGIC)) != MAGIC:
        raise _BadCache("not a jieba cache")
    total, slices = (int(v) for v in _ints(source, 2))
    freq: dict[str, int] = {}
    for _ in range(slices):
        words, size = (int(v) for v in _ints(source, 2))
        if not 0 < words <= SLICE or size < 0:
            raise _BadCache("bad slice header")
        text = _exactly(source, size).decode("utf-8").split("\n")
        counts = _ints(source, words)
        if len(text) != words or (counts < 0).any():
            raise _BadCache("slice does not add up")
        freq.update(zip(text, counts.tolist()))
        time.sleep(0)  # hand the GIL over: a waiting thread (the GUI's) otherwise waits out many slices
    if source.read(1) or total <= 0 or not freq:
        raise _BadCache("does not end where its slices do")
    return freq, total


def _ints(source: BinaryIO, count: int) -> np.ndarray:
    return np.frombuffer(_exactly(source, count * _INT.itemsize), dtype=_INT)


def _exactly(source: BinaryIO, size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise _BadCache("truncated")
    return data


def _write(out: BinaryIO, freq: dict[str, int], total: int) -> None:
    items = [(word, count) for word, count in freq.items() if "\n" not in word]
    out.write(MAGIC)
    out.write(np.array([total, (len(items) + SLICE - 1) // SLICE], dtype=_INT).tobytes())
    for start in range(0, len(items), SLICE):
        part = items[start:start + SLICE]
        text = "\n".join(word for word, _ in part).encode("utf-8")
        out.write(np.array([len(part), len(text)], dtype=_INT).tobytes())
        out.write(text)
        out.write(np.array([count for _, count in part], dtype=_INT).tobytes())
