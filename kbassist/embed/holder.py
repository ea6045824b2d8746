"""The embedders of one folder, loaded once and on first use, from any thread.

A folder names its embedder in the settings, possibly `auto`, which becomes
a concrete model only once the folder's languages are known (what its index
already uses, else `choose_embedder` over its articles). Loading takes about
a second (USE) and more with torch, so it happens on first use, or on a
background thread to overlap an index update. The escalation models read
the multilingual USE: the folder's own when it has one, else one of their own.
"""
from __future__ import annotations

import threading
from typing import Callable, Sequence

import numpy as np

from .embedders import (
    AUTO,
    AUTO_CHOICES,
    DualEmbedder,
    Embedder,
    HashEmbedder,
    UseEmbedder,
    choose_embedder,
    embedder_name,
    load_embedder,
)


class ModelHolder:
    def __init__(self, spec: str | Embedder):
        if isinstance(spec, str):
            self.spec, self._embedder = spec, None
        else:
            self.spec, self._embedder = spec.name, spec
        self.setting = self.spec  # as asked for, `auto` unresolved: what worker processes are given
        self._lock = threading.Lock()
        self._use: UseEmbedder | None = None

    @property
    def loaded(self) -> bool:
        return self._embedder is not None

    @property
    def required_name(self) -> str | None:
        """The name the index's vectors must have (None for `auto` not yet resolved: keep what is stored)."""
        return None if self.spec == AUTO else embedder_name(self.spec)

    def resolve(self, stored: str | None, languages: Callable[[], Sequence[str]]) -> str:
        """`auto` becomes what the index already uses (`stored`), else the choice for the folder's languages."""
        if self.spec == AUTO:
            self.spec = stored if stored in AUTO_CHOICES else choose_embedder(languages())
        return self.spec

    def get(self, resolve: Callable[[], str]) -> Embedder:
        """The embedder, loaded on first use (`resolve()` gives the spec to load)."""
        with self._lock:
            if self._embedder is None:
                self._embedder = load_embedder(resolve())
            return self._embedder

    def load_in_background(self, resolve: Callable[[], str]) -> None:
        threading.Thread(target=self._load_quietly, args=(resolve,), name="model-load", daemon=True).start()

    def _load_quietly(self, resolve: Callable[[], str]) -> None:
        try:
            self.get(resolve)
        except Exception:  # noqa: BLE001 - the search that needs the model loads it again and reports why
            pass

    def meaning(self, resolve: Callable[[], str]) -> Embedder:
        """The multilingual embedder the escalation models read: the folder's USE, or one of their own."""
        embedder = self.get(resolve)
        if isinstance(embedder, (UseEmbedder, HashEmbedder)):
            return embedder
        if isinstance(embedder, DualEmbedder):
            return embedder.use
        with self._lock:
            if self._use is None:
                self._use = UseEmbedder()
            return self._use

    @staticmethod
    def query_vector(embedder: Embedder, text: str) -> np.ndarray:
        embed_query = getattr(embedder, "embed_query", None)
        return embed_query(text) if embed_query else embedder.embed([text])[0]
