"""Composing one message from several replies; the empty screen's most used articles and example."""
from __future__ import annotations

import datetime as dt

from kbassist.assist.compose import compose, split_reply
from kbassist.assist.history import History
from kbassist.assist.usage import example_message, most_used
from kbassist.knowledge.articles import parse_article

CHARGED = "Hi {{customer_name|there}},\n\nWe received one payment.\n\nBest regards,\n{{agent_name}}, Lumio Support"
REFUND = "Hi Anna,\n\nYour refund was released.\nIt takes 5 days.\n\nBest regards,\nTom, Lumio Support"
ZH = "{{customer_name|您好}}，\n\n退款已发起。\n\n流明客服 {{agent_name}}"


def test_two_replies_make_one_message_with_one_greeting_and_one_sign_off():
    text = compose([CHARGED, REFUND])
    assert text == ("Hi {{customer_name|there}},\n\nWe received one payment.\n\nYour refund was released.\n"
                    "It takes 5 days.\n\nBest regards,\nTom, Lumio Support")
    assert compose([ZH, ZH]).count("您好") == 1 and compose([ZH, ZH]).count("流明客服") == 1
    assert split_reply("Just one line.") == ("", ["Just one line."], "")
    assert compose([]) == ""


def test_most_used_counts_copies_and_the_example_is_a_question_of_the_folder(tmp_path):
    articles = [parse_article("---\nquestions: [where is my refund]\n---\n# Refunds\n", "refunds.md")[0],
                parse_article("---\nquestions: [退款多久到账]\n---\n# 退款\n", "refunds.zh.md")[0],
                parse_article("# Cards\n", "cards.md")[0]]
    log = History(tmp_path / "h.sqlite3")
    for article_id in ("refunds", "cards", "cards", "gone"):
        log.record_copy(log.record_suggest("en", False, False, "x"), article_id, "reply")
    used = most_used(log, articles, dt.date.today() - dt.timedelta(days=7))
    assert [(u.article_id, u.copies) for u in used] == [("cards", 2), ("refunds", 1)]
    assert example_message(articles, "zh") == "退款多久到账"
    assert example_message(articles, "en", prefer=["cards", "refunds"]) == "where is my refund"
