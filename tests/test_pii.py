"""What counts as personal data, what gets masked, and what is left alone."""
from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from kbassist.assist.pii import find_order_ids, find_pii, mask

VALID_ID = "11010519491231002X"  # the standard's own worked example
VISA_TEST = "4111 1111 1111 1111"


def kinds(text: str) -> list[str]:
    return [m.kind for m in find_pii(text)]


def test_chinese_mobile_is_found_with_spaces_dashes_and_country_code():
    for number in ("13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678"):
        matches = find_pii(f"我的手机{number}，请回电")
        assert [(m.kind, m.value) for m in matches] == [("phone", number)]


def test_international_and_north_american_phones_are_found():
    text = "Call me on +44 20 7946 0958 or (555) 123-4567 or 555-123-4567."
    assert kinds(text) == ["phone", "phone", "phone"]


def test_email_is_masked_next_to_chinese_text():
    assert mask("邮箱li.ming@example.com谢谢") == "邮箱[email]谢谢"


def test_id_card_is_found_by_checksum_or_by_shape_with_a_wrong_check_digit():
    assert kinds(f"身份证 {VALID_ID}") == ["id_card"]
    assert mask(f"身份证 {VALID_ID.lower()}") == "身份证 [id]"
    assert kinds("身份证 110105194912310021") == ["id_card"]  # wrong check digit: a typo is still someone's ID
    assert "id_card" not in kinds("ref 990105194912310021")  # no such province


def test_bank_card_needs_luhn_and_may_have_spaces():
    assert mask(f"card {VISA_TEST} please") == "card [card] please"
    assert mask("卡号4111111111111111") == "卡号[card]"
    assert find_pii("card 4111 1111 1111 1112") == ()


def test_card_followed_by_phone_yields_both():
    assert kinds("4111111111111111 13812345678") == ["bank_card", "phone"]


def test_dates_timestamps_and_order_numbers_are_not_personal_data():
    text = "2026-11-20 10:32:05 [10:32] 订单号 2026112012345, order #20261120123, 2026-05-12 10点下单"
    assert find_pii(text) == ()


def test_a_card_or_mobile_introduced_as_an_order_id_is_still_personal_data():
    text = "order #4111111111111111, 订单号13812345678"
    assert mask(text) == "order #[card], 订单号[phone]"
    assert find_order_ids(text) == ()


def test_names_after_introductions_are_found_in_both_languages():
    assert [m.value for m in find_pii("您好，我叫李明想问一下退款")] == ["李明"]
    assert [m.value for m in find_pii("本人张伟，订单没到")] == ["张伟"]
    assert [m.value for m in find_pii("Hi, my name is Sarah Connor and my card is late")] == ["Sarah Connor"]
    assert [m.value for m in find_pii("This is Tom from accounts")] == ["Tom"]


def test_self_descriptions_are_not_names():
    assert find_pii("我是新用户，我是在网上买的") == ()
    assert find_pii("I am Very upset. I am not happy. I'm Still waiting") == ()


def test_mask_replaces_every_kind_with_its_label():
    text = f"我叫王芳 13812345678 a@b.cn {VALID_ID} {VISA_TEST}"
    assert mask(text) == "我叫[name] [phone] [email] [id] [card]"


def test_match_positions_point_at_the_value():
    text = "write to li@example.com or call 13912345678"
    for m in find_pii(text):
        assert text[m.start : m.end] == m.value


def test_order_ids_are_extracted_in_order_each_once():
    text = "订单号：2026112012345，另一个 order number 55512345, ref #778899, NW-2026-00123; #778899"
    assert find_order_ids(text) == ("2026112012345", "55512345", "778899", "NW-2026-00123")


def test_words_after_order_are_not_order_ids():
    assert find_order_ids("I ordered a lamp, my order status is unclear, border 12345") == ()


@given(st.text())
def test_find_pii_and_mask_never_raise(text):
    assert isinstance(mask(text), str)
    assert isinstance(find_order_ids(text), tuple)


WORDS = st.text(alphabet="abc XYZ，。的我要退款 ", max_size=30)


@given(WORDS, st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), WORDS)
def test_a_mobile_number_never_survives_masking(before, number, after):
    masked = mask(f"{before} {number} {after}")
    assert number not in masked
    assert "[phone]" in masked


def test_masking_huge_pastes_stays_fast():
    started = time.perf_counter()
    for piece in ("thanks", "a.", "1", "hi ", "a@", "+1 ", "我叫李"):
        mask(piece * 20_000)
    assert time.perf_counter() - started < 2.0
