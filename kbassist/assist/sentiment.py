"""How the customer sounds: calm, annoyed or angry, read from the escalation signals.

A lead wants the share of angry customers per day, and an agent a glance at
the tone before answering; both are about tone, not about whether a lead must
take over. So this reuses what triage and the escalation models already
measured for the message (`Triage`) and reads only the tone in it:

- the lexicon's tone categories (anger, complaint threats, legal threats,
  wanting to leave, asking for a manager) and shouting (`intensity`); safety
  or a vulnerable customer escalate without being angry;
- a tone reason with the lexicon's score at its escalation threshold, or an
  escalation the models are sure of (ESCALATE_AT), is angry;
- a tone word below that, or a model probability of WITH_SOME_WORDS or more
  (where the models back a weak word), is annoyed;
- everything else is calm.

Every threshold is one the escalation verdict already uses. Measured on
bench/data/sentiment (labelled by hand before these rules were written), the
first rule (any escalation with a tone reason is angry) read 76 % right with
the lexicon alone and 79 % with the models, calling annoyed customers angry
once the models flagged them; requiring the models to be sure raised that to
86 % (the lexicon alone stays at 76 %). `python -m bench.eval_sentiment`.
"""
from __future__ import annotations

from .escalation import ESCALATE_AT, WITH_SOME_WORDS
from .triage import Triage

LEVELS = ("calm", "annoyed", "angry")
TONE = frozenset({"anger", "complaint_threat", "legal", "churn", "manager_demand", "repeated_failure",
                  "repeat_contact", "chargeback", "money_loss", "intensity"})
ANGRY_SCORE = 1.0  # the built-in lexicon's escalation threshold (kbassist/data/triage.yml)


def sentiment(verdict: Triage) -> str:
    """calm | annoyed | angry for one message's escalation verdict (see the module docstring)."""
    tone = [r.code for r in verdict.reasons if r.code in TONE]
    words = [code for code in tone if code != "intensity"]
    if tone and (verdict.score >= ANGRY_SCORE or (verdict.escalate and verdict.probability >= ESCALATE_AT)):
        return "angry"
    if words or verdict.probability >= WITH_SOME_WORDS:
        return "annoyed"
    return "calm"
