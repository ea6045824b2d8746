"""Sentiment from the escalation signals: calm, annoyed, angry, in zh and en."""
from __future__ import annotations

import pytest

from bench.eval_sentiment import evaluate
from kbassist.assist.sentiment import sentiment
from kbassist.assist.triage import EscalationReason, Triage, load_lexicon, triage


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(None)[0]


@pytest.mark.parametrize("text, expected", [
    ("How long does a refund take?", "calm"),
    ("退款多久到账？", "calm"),
    ("Quick question??? does it renew automatically", "calm"),
    ("I'm quite disappointed, it was due on Monday", "annoyed"),
    ("物流五天没更新了，好烦", "annoyed"),
    ("This is unacceptable!!! I am FURIOUS", "angry"),
    ("受够了你们这垃圾客服，气死我了", "angry"),
])
def test_the_lexicon_reads_the_tone_in_both_languages(lexicon, text, expected):
    assert sentiment(triage(text, lexicon)) == expected


def test_a_safety_escalation_without_tone_is_not_angry():
    verdict = Triage(True, 1.0, (EscalationReason("safety", "caught fire"),))
    assert sentiment(verdict) == "calm"


def test_the_models_make_a_message_angry_only_when_they_are_sure():
    tone = (EscalationReason("anger", "annoyed"),)
    assert sentiment(Triage(True, 0.5, tone, probability=0.6)) == "annoyed"
    assert sentiment(Triage(True, 0.5, tone, probability=0.95)) == "angry"
    assert sentiment(Triage(False, 0.0, (), probability=0.55)) == "annoyed"


def test_accuracy_on_the_hand_labelled_set_does_not_fall(lexicon):
    report = evaluate(lambda text: triage(text, lexicon))
    assert report["messages"] == 90 and report["accuracy"] >= 0.75
