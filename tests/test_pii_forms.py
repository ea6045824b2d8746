"""Masking holds for the forms customers really write: the issue's 28 variants, and generated ones.

The generator builds phone, card, ID, IBAN and e-mail values, writes them the
ways people do (groups, no-break and zero-width spaces, full-width digits,
`+86`, `#` or an order-number word in front) inside Chinese and English text,
and asserts that nothing readable is left after `mask`.
"""
from __future__ import annotations

import datetime as dt

import phonenumbers
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pii_variants import CONTEXTS, VARIANTS, survives

from kbassist.assist.pii import mask

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
SEPARATORS = (" ", "-", ".", "\u00a0", "\u200b", "\u3000", "·", "")


def test_the_issue_lists_28_variants():
    assert len(VARIANTS) == 28 and len(set(VARIANTS)) == 28


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("value", VARIANTS)
def test_none_of_the_issues_variants_survives_masking(value, context):
    masked = mask(context.format(value))
    assert not survives(value, masked), masked
    before, after = context.split("{}")
    assert masked.startswith(before) and masked.endswith(after), f"the words around it were masked too: {masked}"


def digits_of(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


def grouped(number: str, sizes: tuple[int, ...], sep: str) -> str:
    out, pos = [], 0
    for size in sizes:
        out.append(number[pos:pos + size])
        pos += size
    return sep.join(part for part in out if part)


@st.composite
def cn_mobiles(draw) -> str:
    number = draw(st.sampled_from(["138", "139", "150", "158", "186", "188", "199", "176"])) + draw(digits_of(8))
    written = grouped(number, (3, 4, 4), draw(st.sampled_from(SEPARATORS)))
    return draw(st.sampled_from(["", "+86 ", "+86-", "0086 "])) + written


@st.composite
def foreign_phones(draw) -> str:
    region, pattern = draw(st.sampled_from([
        ("US", "({a}) {b}-{c}"), ("US", "{a}.{b}.{c}"), ("US", "{a}-{b}-{c}"), ("US", "+1 {a} {b} {c}"),
        ("GB", "020 {b2} {c}"), ("GB", "+44 20 {b2} {c}"), ("DE", "+49 30 {b}{c}"), ("DE", "030 {b}{c}"),
    ]))
    a = draw(st.sampled_from(["212", "415", "646", "312", "617", "202", "713"]))
    b = draw(st.integers(200, 999).map(str))
    text = pattern.format(a=a, b=b, b2="7" + b, c=draw(digits_of(4)))
    assume(phonenumbers.is_valid_number(phonenumbers.parse(text, region)))
    return text


def luhn_complete(body: str) -> str:
    for check in "0123456789":
        number = body + check
        total = sum(int(d) if i % 2 == 0 else (int(d) * 2 - 9 if int(d) > 4 else int(d) * 2)
                    for i, d in enumerate(reversed(number)))
        if total % 10 == 0:
            return number
    raise AssertionError("unreachable")


@st.composite
def cards(draw) -> str:
    prefix, length = draw(st.sampled_from([("4", 16), ("51", 16), ("55", 16), ("37", 15), ("62", 16), ("62", 19)]))
    number = luhn_complete(prefix + draw(digits_of(length - len(prefix) - 1)))
    sizes = (4, 6, 5) if length == 15 else (4, 4, 4, 4, 3)
    return draw(st.sampled_from(["", "#", "卡号", "order #", "订单号"])) + grouped(
        number, sizes, draw(st.sampled_from(SEPARATORS)))


@st.composite
def id_numbers(draw) -> str:
    province = draw(st.sampled_from(["11", "31", "44", "51", "65"]))
    born = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2012, 12, 31)))
    body = province + draw(digits_of(4)) + born.strftime("%Y%m%d") + draw(digits_of(3))
    return body + draw(st.sampled_from("0123456789Xx"))  # any check digit: a typo still masks


@st.composite
def ibans(draw) -> str:
    country, bban = draw(st.sampled_from([
        ("DE", draw(digits_of(18))),
        ("GB", draw(st.sampled_from(["WEST", "NWBK", "BARC"])) + draw(digits_of(14))),
    ]))
    check = 98 - int("".join(str(int(ch, 36)) for ch in bban + country + "00")) % 97
    compact = f"{country}{check:02d}{bban}"
    if draw(st.booleans()):
        compact = " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
    return compact.lower() if draw(st.booleans()) else compact


@st.composite
def emails(draw) -> str:
    local = draw(st.sampled_from(["li.ming", "zhang_wei88", "a.b+c", "张伟", "王小明", "support"]))
    domain = draw(st.sampled_from(["example.com", "mail.example.co.uk", "例子.公司", "例子.中国", "qq.com"]))
    return f"{local}@{domain}"


def full_width(value: str, wide: bool) -> str:
    return value.translate(FULL_WIDTH) if wide else value


FORMS = st.one_of(cn_mobiles(), foreign_phones(), cards(), id_numbers(), ibans(), emails())
ZH_TEXT = st.sampled_from(["您好，", "我的快递还没到，", "麻烦帮我查一下，", ""])
EN_TEXT = st.sampled_from(["Hi there, ", "My parcel is late. ", "Please check: ", ""])
TEMPLATES = st.sampled_from(["{before}我的信息：{value}，谢谢", "{before}{value}",
                             "{before}contact {value} please", "{before}联系我 {value}。", "{before}details ({value})"])


@settings(max_examples=300, deadline=None)
@given(FORMS, st.one_of(ZH_TEXT, EN_TEXT), TEMPLATES, st.booleans())
def test_generated_personal_data_never_survives_masking_in_chinese_or_english_text(value, before, template, wide):
    value = full_width(value, wide and "@" not in value and not value[:2].isalpha())
    masked = mask(template.format(before=before, value=value))
    assert not survives(value, masked), masked
