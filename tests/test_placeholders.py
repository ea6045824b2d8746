"""Placeholder parsing edge cases, and masking properties for every kind of personal data."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kbassist.assist.fill import fill, unfilled
from kbassist.assist.pii import mask
from kbassist.knowledge.articles import parse_placeholders


def names(text):
    return [(p.name, p.default) for p in parse_placeholders(text)]


def test_defaults_may_be_empty_or_hold_spaces_and_punctuation():
    assert names("{{a|}} {{b| 3-5 working days }}") == [("a", ""), ("b", " 3-5 working days ")]


def test_unicode_names_and_defaults():
    assert names("{{客户姓名|您好}}，订单 {{订单号}}") == [("客户姓名", "您好"), ("订单号", None)]


def test_unterminated_placeholder_is_plain_text():
    assert names("Hi {{customer_name, your order {{order_id}}") == [("order_id", None)]
    assert unfilled(fill("Hi {{customer_name", {"customer_name": "Ana"})) == ()


def test_nested_braces_take_the_innermost_placeholder():
    assert names("{{outer {{inner}} }}") == [("inner", None)]
    assert fill("{{outer {{inner}} }}", {"inner": "x"}) == "{{outer x }}"


def test_repeated_placeholder_is_listed_once_and_filled_everywhere():
    text = "{{name}} and {{ name }} again"
    assert names(text) == [("name", None)]
    assert fill(text, {"name": "Li"}) == "Li and Li again"


def test_triple_braces_and_lone_braces_do_not_break_parsing():
    assert names("{{{x}}} {y} }} {{") == [("x", None)]


def _id_card(rng: random.Random) -> str:
    body = f"{rng.randint(110000, 659999)}{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body += f"{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10**9), st.sampled_from(["我的身份证是", "ID: ", "number "]), st.sampled_from(["", "。", " thanks"]))
def test_a_valid_id_card_never_survives_masking(seed, before, after):
    number = _id_card(random.Random(seed))
    assert number not in mask(f"{before}{number}{after}")


@settings(max_examples=80, deadline=None)
@given(st.from_regex(r"[a-z][a-z0-9._]{0,12}@[a-z]{2,10}\.(com|cn|net|org)", fullmatch=True),
       st.sampled_from(["邮箱", "mail me at ", "", "（"]), st.sampled_from(["", "，谢谢", ") ok"]))
def test_an_email_never_survives_masking(email, before, after):
    assert email not in mask(f"{before}{email}{after}")
