"""Should this customer message go to a human lead, and why?

An agent needs to see at a glance that a message is beyond a canned reply:
anger, a threat to complain publicly or to a regulator, legal action, a
customer about to leave, a safety incident, or a customer writing for the
third time. The rules are deliberately simple and explainable, so every flag
comes with the words that caused it:

- each category of the lexicon has a weight; a strong term ("lawyer", 12315,
  起诉, "caught fire") reaches the threshold alone, an ordinary one ("annoyed",
  失望) needs a second signal;
- a negation or hedge just before a term ("not going to sue", 没有要投诉的意思,
  "a bit annoying", 有点生气) removes or shrinks it;
- shouting (!!!, ???, ALL CAPS, repeated letters or words) multiplies the
  score and never adds to it, so a calm question typed with "???" stays calm.

The words themselves are data: see `kbassist/data/triage.yml`.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..textutil import CJK_CHAR, collapse_ws, count_tokens
from .lexicon import Lexicon, fold, load_lexicon

__all__ = ("EscalationReason", "Lexicon", "Triage", "escalation_metrics", "load_lexicon", "triage")

# How far back (in characters) a modifier may sit; the token window is the real limit.
MODIFIER_REACH = 40
EVIDENCE_TERMS = 3


@dataclass(frozen=True)
class EscalationReason:
    """Why a message scored: a category code and the words that triggered it."""

    code: str  # a lexicon category (anger, legal, ...), an exemplar category (chargeback, ...) or intensity
    evidence: str


@dataclass(frozen=True)
class Triage:
    """The verdict for one message; `reasons` are strongest first, intensity last."""

    escalate: bool
    score: float  # the lexicon's
    reasons: tuple[EscalationReason, ...] = ()
    probability: float = 0.0  # the learned models' (see assist.escalation); 0 without them


@dataclass(frozen=True)
class _ModifierHit:
    end: int
    factor: float
    cjk: bool


def triage(message: str, lexicon: Lexicon) -> Triage:
    """Score `message` against `lexicon`; never raises on any text."""
    text = fold(message)
    modifiers = _modifier_hits(text, lexicon)
    scored: list[tuple[float, str, list[str]]] = []
    for category, pattern in zip(lexicon.categories, lexicon.compiled.categories):
        values: dict[str, float] = {}
        for match in pattern.finditer(text):
            factor = _modifier_factor(text, match.start(), modifiers, lexicon)
            strong = match.lastgroup == "s" and factor >= 1
            value = (max(lexicon.threshold, category.weight) if strong else category.weight) * factor
            if value > 0:
                term = collapse_ws(match.group())
                values[term] = max(values.get(term, 0.0), value)
        if values:
            scored.append((_category_score(values.values(), category.weight), category.code, list(values)))

    signals = _intensity_signals(message, text, lexicon)
    base = sum(score for score, _, _ in scored)
    multiplier = min(1 + lexicon.intensity.step * len(signals), max(lexicon.intensity.max, 1.0))
    score = base * multiplier
    reasons = [
        EscalationReason(code, ", ".join(terms[:EVIDENCE_TERMS]))
        for _, code, terms in sorted(scored, key=lambda item: -item[0])
    ]
    if signals:
        reasons.append(EscalationReason("intensity", ", ".join(signals)))
    return Triage(escalate=base > 0 and score >= lexicon.threshold, score=round(score, 3), reasons=tuple(reasons))


def _category_score(values: Iterable[float], weight: float) -> float:
    """The best term counts fully, each further one half, up to two weights.

    Three ordinary anger words in one message ("useless, rude, terrible")
    escalate; one does not.
    """
    best, *rest = sorted(values, reverse=True)
    return min(best + 0.5 * sum(rest), max(best, 2 * weight))


def _modifier_hits(text: str, lexicon: Lexicon) -> list[_ModifierHit]:
    pattern = lexicon.compiled.modifiers
    if pattern is None:
        return []
    return [
        _ModifierHit(m.end(), lexicon.modifiers[int(m.lastgroup[1:])].factor, bool(CJK_CHAR.search(m.group())))
        for m in pattern.finditer(text)
    ]


def _modifier_factor(text: str, start: int, hits: list[_ModifierHit], lexicon: Lexicon) -> float:
    """The factor of the modifiers that reach the term starting at `start`.

    A modifier reaches a term when only fillers lie between them, within the
    window ("not going to sue", 没有要投诉). A negation anywhere in the chain
    wins (factor 0), then the smallest factor.
    """
    factors = [
        hit.factor
        for hit in hits
        if start - MODIFIER_REACH <= hit.end <= start
        and count_tokens(text[hit.end:start]) <= (lexicon.window_zh if hit.cjk else lexicon.window_en)
        and lexicon.compiled.fillers.fullmatch(text, hit.end, start)
    ]
    return min(factors, default=1.0)


def _intensity_signals(message: str, text: str, lexicon: Lexicon) -> list[str]:
    """The kinds of shouting in the message, each as its evidence."""
    compiled, settings = lexicon.compiled, lexicon.intensity
    found = [m.group() for m in (compiled.exclamation.search(text), compiled.question.search(text)) if m]
    caps = compiled.caps.findall(unicodedata.normalize("NFKC", message))
    if settings.caps_words and len(caps) >= settings.caps_words:
        found.append(" ".join(caps[:EVIDENCE_TERMS]))
    if settings.repeated_letters and (m := compiled.repeated_letters.search(text)):
        found.append(m.group())
    if compiled.repeated_words is not None and (m := compiled.repeated_words.search(text)):
        found.append(m.group())
    return found


def escalation_metrics(pairs: Iterable[tuple[bool, bool]]) -> dict:
    """Precision, recall and false-positive rate of (predicted, expected) flags.

    Empty denominators get the value that reads "no mistake of this kind":
    precision 1.0 when nothing was flagged, recall 1.0 when nothing should
    have been, false-positive rate 0.0 when every message should have been.
    The raw counts (tp, fp, fn, tn) are included for reports.
    """
    tp = fp = fn = tn = 0
    for predicted, expected in pairs:
        if predicted and expected:
            tp += 1
        elif predicted:
            fp += 1
        elif expected:
            fn += 1
        else:
            tn += 1
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "false_positive_rate": fp / (fp + tn) if fp + tn else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }
