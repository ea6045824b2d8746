"""The folder's own judgment, measured when it is indexed and kept with its index.

Three things are fitted to each folder rather than fixed for all of them:
its no-answer threshold (`search.calibration`), its escalation models
(`assist.escalation`, the folder's questions as calm examples) and, for a
folder of short intents, its intent classifier (`search.intents`). They are
measured together, after the semantic index is complete, and again only
when they go stale: never measured, another embedder, new exemplars, or a
RECALIBRATE_SHARE of the articles changed since. The Assistant owns one
`FolderJudgment` and passes it the index and models it works on.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from .assist import escalation, escalation_model
from .assist.triage import Lexicon
from .embed.embedders import DualEmbedder, Embedder
from .index.directory import IndexDir
from .knowledge.model import Article
from .search import calibration, intents
from .search.hybrid import HybridSearcher

ESCALATION_MODEL = "escalation.npz"  # in the index directory
INTENT_CLASSIFIER = "intents.npz"


@dataclass(frozen=True)
class Models:
    """What the judgment works with: the folder's embedder and the multilingual one the escalation
    models read (the folder's USE, or one of their own)."""

    embedder: Embedder
    meaning: Embedder
    embed_query: Callable[[str], np.ndarray]


class FolderJudgment:
    def __init__(self) -> None:
        self._judge: escalation.Escalation | None = None  # built once the trained models can be loaded

    @functools.cached_property
    def exemplars(self) -> escalation_model.Exemplars:
        return escalation_model.load_exemplars()

    # -- reading what was measured ------------------------------------------------------
    def calibration(self, ix: IndexDir) -> calibration.Calibration | None:
        return calibration.from_json(ix.store.meta("calibration"))

    def threshold(self, ix: IndexDir, default: float) -> float:
        stored = self.calibration(ix)
        return stored.threshold if stored and not stored.default else default

    def classifier(self, ix: IndexDir) -> intents.IntentClassifier | None:
        if self.calibration(ix) is None or ix.store.meta("intents_embedder") != ix.store.meta("embedder"):
            return None
        return intents.IntentClassifier.load(ix.directory / INTENT_CLASSIFIER)

    def escalation(self, ix: IndexDir, lexicon: Lexicon, meaning: Embedder | None) -> escalation.Escalation:
        """The lexicon, with the trained models once `meaning` (the model) is loaded; until then the
        lexicon alone, not remembered."""
        if self._judge is not None:
            return self._judge
        stored = ix.store.meta("escalation_model")
        model = None
        if stored and meaning is not None and stored == f"{self.exemplars.digest}|{meaning.name}":
            model = escalation_model.EscalationModel.load(ix.directory / ESCALATION_MODEL)
        if model is None:
            return escalation.Escalation(lexicon)
        positive, _ = escalation.exemplar_vectors(self.exemplars, meaning.embed, meaning.name)
        self._judge = escalation.Escalation(lexicon, model, meaning.embed,
                                            escalation.ExemplarIndex.build(self.exemplars, positive))
        return self._judge

    # -- measuring ---------------------------------------------------------------------------
    def count_changes(self, ix: IndexDir, articles: int) -> None:
        if articles:
            ix.store.set_meta("calibration_changes", str(int(ix.store.meta("calibration_changes") or 0) + articles))

    def fresh(self, ix: IndexDir, searchable: int, meaning: Embedder) -> bool:
        store = ix.store
        changed = int(store.meta("calibration_changes") or 0)
        return (self.calibration(ix) is not None and store.meta("calibration_embedder") == store.meta("embedder")
                and changed < max(1, calibration.RECALIBRATE_SHARE * searchable)
                and store.meta("escalation_model") == f"{self.exemplars.digest}|{meaning.name}"
                and store.meta("intents_embedder") is not None)

    def measure(self, ix: IndexDir, searcher: HybridSearcher, searchable: Sequence[Article], models: Models,
                default: float) -> calibration.Calibration:
        """Calibrate the threshold, train the escalation models and the intent classifier; store them."""
        embed_texts = lambda texts: np.asarray(models.embedder.embed(texts))  # noqa: E731
        measured = calibration.calibrate(searcher, searchable, models.embed_query, embed_texts, default)
        store = ix.store
        store.set_meta("calibration", json.dumps(measured.as_dict()))
        store.set_meta("calibration_embedder", store.meta("embedder") or "")
        store.set_meta("calibration_changes", "0")
        self._train_escalation(ix, searchable, models.meaning)
        self._train_intents(ix, searchable, models.embedder)
        return measured

    def _train_escalation(self, ix: IndexDir, searchable: Sequence[Article], meaning: Embedder) -> None:
        texts = [t for a in searchable for t in (*a.questions, a.title)]
        model = escalation.train_for_folder(self.exemplars, meaning.embed, meaning.name, texts)
        model.save(ix.directory / ESCALATION_MODEL)
        ix.store.set_meta("escalation_model", f"{self.exemplars.digest}|{meaning.name}")
        self._judge = None  # rebuilt with the new models at the next use

    def _train_intents(self, ix: IndexDir, searchable: Sequence[Article], embedder: Embedder) -> None:
        path = ix.directory / INTENT_CLASSIFIER
        if not intents.suitable(searchable):
            path.unlink(missing_ok=True)
            ix.store.set_meta("intents_embedder", "")
            return
        split = embedder.use.dim if isinstance(embedder, DualEmbedder) else 0
        intents.train(searchable, lambda texts: np.asarray(embedder.embed(texts)), split).save(path)
        ix.store.set_meta("intents_embedder", ix.store.meta("embedder") or "")
