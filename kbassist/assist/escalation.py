"""Should this message go to a lead? The lexicon's explicit words and the learned models, together.

- `escalation_model` gives the probability that the message reads like one
  a lead should take; at ESCALATE_AT or above it escalates on its own;
- the lexicon (`triage`) fires on explicit words ("lawyer", 12315, 起诉) and
  names them; it counts unless the models are sure the message is calm
  (below LEXICON_FLOOR): they see the negations and hedges it does not list;
- a lexicon word too weak to escalate alone ("annoyed", 失望) escalates
  when the models agree (WITH_SOME_WORDS).

The thresholds were fitted on the tune half of bench/data/escalation and the
shared dev set together (bench/decisions.md). The banner always says
why: the lexicon's categories with their words, and for the models the
category whose exemplars the message is closest to, with the customer's
sentence that carried it. Without a model (no embedder loaded yet, or a
folder never indexed with one) the lexicon decides alone.
"""
from __future__ import annotations

import dataclasses
import zipfile
from typing import Callable, Sequence

import numpy as np

from ..cachefiles import open_own, write_whole
from ..settings import cache_dir
from ..textutil import collapse_ws
from .escalation_model import EscalationModel, Exemplars, fit, folder_examples
from .transcript import sentences
from .triage import EscalationReason, Lexicon, Triage, triage

ESCALATE_AT = 0.9
LEXICON_FLOOR = 0.35
WITH_SOME_WORDS = 0.5
NEAREST = 7  # exemplars that vote on the category
EVIDENCE_CHARS = 90
MAX_SENTENCES = 8


@dataclasses.dataclass(frozen=True)
class ExemplarIndex:
    """The escalation exemplars' vectors with their categories: what a message is closest to."""

    vectors: np.ndarray
    categories: tuple[str, ...]

    @classmethod
    def build(cls, exemplars: Exemplars, vectors: np.ndarray) -> "ExemplarIndex":
        return cls(vectors, tuple(c for c, _ in exemplars.positives))

    def nearest_category(self, sentence_vectors: np.ndarray) -> tuple[str, int]:
        """The category most of the nearest exemplars share, and which sentence is closest to them."""
        sims = sentence_vectors @ self.vectors.T
        best_sentence = int(sims.max(axis=1).argmax())
        top = np.argsort(-sims[best_sentence])[:NEAREST]
        votes: dict[str, float] = {}
        for i in top:
            votes[self.categories[i]] = votes.get(self.categories[i], 0.0) + float(sims[best_sentence, i])
        return max(votes, key=votes.get), best_sentence


class Escalation:
    """The verdict for one message: lexicon and learned models (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, model: EscalationModel | None = None,
                 embed: Callable[[Sequence[str]], np.ndarray] | None = None,
                 exemplars: ExemplarIndex | None = None):
        self.lexicon, self.model, self.embed, self.exemplars = lexicon, model, embed, exemplars

    def judge(self, message: str) -> Triage:
        words = triage(message, self.lexicon)
        if self.model is None or self.embed is None or not message.strip():
            return words
        vector = self.embed([message])[0]
        probability = self.model.probability(vector, message)
        escalate = bool(probability >= ESCALATE_AT or (words.escalate and probability >= LEXICON_FLOOR)
                        or (words.score > 0 and probability >= WITH_SOME_WORDS))
        reasons = list(words.reasons)
        if escalate and not words.escalate and self.exemplars is not None:
            reasons.insert(0, self._meaning_reason(message, vector))
        return Triage(escalate, words.score, tuple(reasons), round(float(probability), 3))

    def _meaning_reason(self, message: str, vector: np.ndarray) -> EscalationReason:
        parts = [s for s in sentences(message) if len(s) > 3][:MAX_SENTENCES]
        vectors = self.embed(parts) if len(parts) > 1 else vector[None, :]
        category, at = self.exemplars.nearest_category(vectors)
        quote = collapse_ws(parts[at] if len(parts) > 1 else message)
        return EscalationReason(category, quote if len(quote) <= EVIDENCE_CHARS else quote[:EVIDENCE_CHARS] + "…")


def exemplar_vectors(exemplars: Exemplars, embed: Callable[[Sequence[str]], np.ndarray],
                     embedder_name: str) -> tuple[np.ndarray, np.ndarray]:
    """The escalation and calm exemplars' vectors, cached per user (embedding them all takes seconds)."""
    path = cache_dir() / f"escalation-{exemplars.digest}-{embedder_name}.npz"
    try:
        with open_own(path) as source, np.load(source, allow_pickle=False) as data:
            positive, calm = data["positive"], data["calm"]
        if len(positive) == len(exemplars.positives) and len(calm) == len(exemplars.calm):
            return positive, calm
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        pass  # none yet, not ours, or damaged: embedded again
    positive = np.asarray(embed([t for _, t in exemplars.positives]), dtype=np.float32)
    calm = np.asarray(embed(list(exemplars.calm)), dtype=np.float32)
    write_whole(path, lambda out: np.savez(out, positive=positive, calm=calm))
    return positive, calm


def train_for_folder(exemplars: Exemplars, embed: Callable[[Sequence[str]], np.ndarray], embedder_name: str,
                     folder_texts: Sequence[str]) -> EscalationModel:
    """The models for one folder: the exemplars against the calm ones and a sample of the folder's texts."""
    positive, calm = exemplar_vectors(exemplars, embed, embedder_name)
    own = folder_examples(folder_texts)
    own_vectors = np.asarray(embed(own), dtype=np.float32) if own else np.zeros((0, positive.shape[1]), np.float32)
    return fit(exemplars, positive, calm, own, own_vectors)
