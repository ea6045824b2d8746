"""Pre-filling placeholders from settings and the message; substituting values."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kbassist.assist.fill import FillContext, PlaceholderValue, fill, placeholders_for, unfilled
from kbassist.knowledge.articles import parse_placeholders
from kbassist.knowledge.model import Reply


def reply(text: str) -> Reply:
    return Reply(title="t", text=text, lang="en", line=1, placeholders=parse_placeholders(text))


def test_settings_values_are_filled_as_facts():
    r = reply("Hi, I'm {{agent_name}} from {{Company}}.")
    got = placeholders_for(r, FillContext(known={"agent_name": "Ana", "company": "Lumio"}))
    assert got == (
        PlaceholderValue("agent_name", None, "Ana", guessed=False),
        PlaceholderValue("Company", None, "Lumio", guessed=False),
    )


def test_values_from_the_message_are_marked_guessed():
    r = reply("Dear {{customer_name|customer}}, order {{Order Number}} ships soon. We'll text {{手机号}}.")
    message = "Hi, my name is Lena Fischer. Order #55123 has not shipped. Call me on 13812345678."
    got = {v.name: v for v in placeholders_for(r, FillContext(message=message))}
    assert got["customer_name"] == PlaceholderValue("customer_name", "customer", "Lena Fischer", True)
    assert got["Order Number"].value == "55123" and got["Order Number"].guessed
    assert got["手机号"].value == "13812345678"


def test_chinese_placeholder_names_map_to_the_same_values():
    r = reply("您好{{称呼}}，您的订单{{订单号}}已发货，客服{{客服}}")
    message = "我叫王芳，订单号 2026112012345 还没到"
    values = placeholders_for(r, FillContext(known={"agent_name": "小李"}, message=message))
    assert [(v.value, v.guessed) for v in values] == [("王芳", True), ("2026112012345", True), ("小李", False)]


def test_unknown_placeholders_stay_empty_with_their_default():
    r = reply("Refunds take {{days|5-7}} days, reference {{case_ref}}.")
    got = placeholders_for(r, FillContext(known={}, message="where is my refund"))
    assert got == (
        PlaceholderValue("days", "5-7", None, False),
        PlaceholderValue("case_ref", None, None, False),
    )


def test_agent_lines_in_a_transcript_are_not_read_as_the_customer():
    r = reply("Hi {{customer_name}}")
    chat = "Customer: my lamp flickers\nAgent: Hi, this is Anna Berg from support\nCustomer: any fix?"
    assert placeholders_for(r, FillContext(message=chat))[0].value is None


def test_fill_uses_value_then_default_then_leaves_placeholder():
    text = "Hi {{name|there}}, order {{order_id}} arrives in {{days|3}} days. {{ sig }}"
    assert fill(text, {"order_id": "A-1", "days": "2"}) == "Hi there, order A-1 arrives in 2 days. {{ sig }}"


def test_blank_value_falls_back_to_default():
    assert fill("Hi {{name|there}}", {"name": "  "}) == "Hi there"


def test_fill_matches_names_loosely():
    assert fill("Order {{Order Number}}", {"order_number": "77"}) == "Order 77"


def test_unfilled_lists_remaining_names_once():
    assert unfilled("{{a}} {{ b|x }} {{a}} done") == ("a", "b")
    assert unfilled("all done") == ()


NAME = st.text(alphabet=st.characters(blacklist_characters="{}|", blacklist_categories=("Cs",)), min_size=1).filter(
    str.strip
)
PLAIN = st.text(alphabet=st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)))
PLACEHOLDER = st.tuples(NAME, st.none() | PLAIN).map(
    lambda p: "{{" + p[0] + ("" if p[1] is None else "|" + p[1]) + "}}"
)


@given(st.lists(st.one_of(PLAIN, PLACEHOLDER), max_size=8), PLAIN)
def test_filling_every_placeholder_leaves_no_braces(pieces, value):
    text = "".join(pieces)
    values = {ph.name: value if value.strip() else "x" for ph in parse_placeholders(text)}  # blank = missing
    filled = fill(text, values)
    assert "{{" not in filled
    assert unfilled(filled) == ()


def test_fields_are_labelled_by_the_article_else_by_kind_else_readably():
    from kbassist.assist.fill import label_for, placeholder_labels

    labels = placeholder_labels({"placeholders": {"refund_ref": "退款流水号", "amount": {"label": "Refund amount"},
                                                  "broken": ["x"], "flag": True}})
    assert labels == {"refund_ref": "退款流水号", "amount": "Refund amount"}
    r = reply("{{refund_ref}} {{amount}} {{case_ref}} {{customer_name}} {{订单号}} {{orderNumber}}")
    values = placeholders_for(r, FillContext(labels=labels))
    assert [label_for(v) for v in values] == ["退款流水号", "Refund amount", "Case ref", "Customer name",
                                              "Order number", "Order number"]
    assert [label_for(v, "zh") for v in values][2:] == ["Case ref", "客户称呼", "订单号", "订单号"]
