"""Triage: which customer messages an agent should hand to a human lead, and why."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbassist.assist.triage import Triage, escalation_metrics, load_lexicon, triage

DEFAULT, DEFAULT_PROBLEMS = load_lexicon(None)


@pytest.fixture
def lexicon():
    return DEFAULT


def test_built_in_lexicon_loads_without_problems():
    assert DEFAULT_PROBLEMS == []
    assert DEFAULT.source == "built-in"


def codes(result: Triage) -> set[str]:
    return {reason.code for reason in result.reasons}


def write_override(folder, text: str):
    config = folder / ".kbassist"
    config.mkdir()
    path = config / "triage.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("This is absolutely unacceptable, your staff are incompetent", "anger"),
        ("你们这服务太过分了，真是气死我了", "anger"),
        ("Sort this out today or I will report you to consumer protection", "complaint_threat"),
        ("再不处理我就打12315", "complaint_threat"),
        ("My lawyer will be in touch about the missing refund", "legal"),
        ("我会找律师起诉你们", "legal"),
        ("You just lost a customer, I'm taking my business elsewhere", "churn"),
        ("以后再也不会在你们这里买任何东西了", "churn"),
        ("The charging dock caught fire last night", "safety"),
        ("门锁充电的时候冒烟了，还有烧焦的味道", "safety"),
        ("This is the fifth time I have written about the same refund", "repeat_contact"),
        ("我已经第四次来问这个退款了", "repeat_contact"),
    ],
)
def test_each_category_escalates_in_both_languages(lexicon, message, code):
    result = triage(message, lexicon)
    assert result.escalate
    assert code in codes(result)
    assert all(reason.evidence for reason in result.reasons)


@pytest.mark.parametrize(
    "message",
    [
        "I'm not angry and I'm not going to sue, I just want to know the return window",
        "No need to escalate, just tell me how to pair the camera",
        "我不生气，也没有要投诉的意思，就想问下发票怎么开",
        "不用找律师吧，问一下保修期多久",
    ],
)
def test_negated_terms_do_not_count(lexicon, message):
    result = triage(message, lexicon)
    assert not result.escalate
    assert not codes(result) & {"anger", "legal", "complaint_threat"}


@pytest.mark.parametrize(
    "message",
    ["If you don't refund me by Friday I will sue", "不给我退款我就起诉你们"],
)
def test_a_negated_condition_does_not_cancel_the_threat_after_it(lexicon, message):
    assert "legal" in codes(triage(message, lexicon))


@pytest.mark.parametrize(
    "message",
    [
        "Where is my parcel??? It was due YESTERDAY AFTERNOON!!!",
        "快递到哪了？？？怎么还没到！！！",
    ],
)
def test_shouting_alone_does_not_escalate_a_polite_question(lexicon, message):
    result = triage(message, lexicon)
    assert not result.escalate
    assert codes(result) == {"intensity"}


def test_shouting_turns_a_weak_anger_word_into_an_escalation(lexicon):
    assert not triage("this is frustrating, the app keeps logging me out", lexicon).escalate
    shouted = triage("this is frustrating!!! the app KEEPS LOGGING me out", lexicon)
    assert shouted.escalate
    assert codes(shouted) == {"anger", "intensity"}


@pytest.mark.parametrize(
    "message",
    [
        "a bit annoying that I have to log in again every day",
        "slightly disappointed the colour is darker than in the photo",
        "有点烦，每次都要重新登录",
        "有点失望，颜色和图片不一样",
    ],
)
def test_mild_annoyance_does_not_escalate(lexicon, message):
    assert not triage(message, lexicon).escalate


def test_english_terms_match_whole_words_with_inflections(lexicon):
    assert not triage("There's an issue with my invoice", lexicon).reasons
    assert "legal" in codes(triage("I'm suing your company", lexicon))


def test_full_width_text_is_folded_before_matching(lexicon):
    assert "legal" in codes(triage("我已经联系了ＬＡＷＹＥＲ", lexicon))
    loud = triage("怎么还没发货！！！", lexicon)
    assert [r.evidence for r in loud.reasons if r.code == "intensity"] == ["!!!"]


def test_empty_message_is_not_escalated(lexicon):
    assert triage("", lexicon) == Triage(escalate=False, score=0.0, reasons=())


def test_folder_file_adds_terms_to_the_defaults(tmp_path, lexicon):
    path = write_override(tmp_path, "categories:\n  legal:\n    strong:\n      en: [notary]\n")
    merged, problems = load_lexicon(tmp_path)
    assert problems == []
    assert merged.source == str(path)
    assert not triage("I will send a notary", lexicon).escalate
    assert "legal" in codes(triage("I will send a notary", merged))
    assert triage("I will call my lawyer", merged).escalate


def test_folder_file_with_extends_none_replaces_the_defaults(tmp_path):
    write_override(tmp_path, "extends: none\ncategories:\n  vip:\n    weight: 1.0\n    terms:\n      zh: [钻石会员]\n")
    replaced, problems = load_lexicon(tmp_path)
    assert problems == []
    assert codes(triage("我是钻石会员", replaced)) == {"vip"}
    assert not triage("I will call my lawyer", replaced).escalate


def test_broken_yaml_falls_back_to_defaults_with_file_and_line(tmp_path):
    path = write_override(tmp_path, "threshold: 1.0\ncategories:\n  anger: [unclosed\n  legal: {}\n")
    fallback, problems = load_lexicon(tmp_path)
    assert len(problems) == 1
    assert problems[0].file == str(path)
    assert problems[0].line in (3, 4)
    assert fallback.source == "built-in"
    assert triage("I will call my lawyer", fallback).escalate


def test_a_bad_value_is_reported_by_line_and_the_rest_is_kept(tmp_path):
    write_override(tmp_path, "threshold: high\ncategories:\n  legal:\n    strong: [notary]\n    wieght: 2\n")
    lexicon, problems = load_lexicon(tmp_path)
    assert [(p.line, "threshold" in p.message) for p in problems] == [(1, True), (5, False)]
    assert lexicon.threshold == 1.0
    assert triage("I will send a notary", lexicon).escalate


def test_escalation_metrics_count_precision_recall_and_false_alarms():
    pairs = [(True, True), (True, False), (False, True), (False, False), (False, False), (True, True)]
    metrics = escalation_metrics(pairs)
    assert metrics["precision"] == pytest.approx(2 / 3)
    assert metrics["recall"] == pytest.approx(2 / 3)
    assert metrics["false_positive_rate"] == pytest.approx(1 / 3)


def test_escalation_metrics_with_nothing_flagged_reports_no_false_alarms():
    metrics = escalation_metrics([(False, False), (False, False)])
    assert (metrics["precision"], metrics["recall"], metrics["false_positive_rate"]) == (1.0, 1.0, 0.0)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_triage_never_raises_and_escalates_only_at_the_threshold(text):
    result = triage(text, DEFAULT)
    assert result.score >= 0
    assert not result.escalate or result.score >= DEFAULT.threshold
