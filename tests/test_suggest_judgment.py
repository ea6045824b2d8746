"""Judgment an agent trusts before copying: replies that do not fit, archived answers, chats with two problems."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kbassist.assistant import Assistant
from kbassist.settings import Settings

AS_OF = dt.date(2026, 6, 1)
ARTICLES = {
    "lock/error-e31.md": """\
        ---
        title: Lock shows error E31 or E32
        lang: en
        tags: [lock]
        ---
        # Lock shows error E31 or E32

        E31 means the battery is too weak to turn the bolt. E32 means the bolt is blocked by the door frame.

        ```reply title="E31 battery"
        Hi {{customer_name|there}}, error E31 means the batteries are low: please replace all four AA batteries.
        ```
        """,
    "refunds/refund-time.md": """\
        ---
        title: When will my refund arrive?
        lang: en
        tags: [refunds]
        ---
        # When will my refund arrive?

        Refunds reach a credit card within 3-10 working days after the return is received.

        ```reply title="Refund timing"
        Hi {{customer_name|there}}, your refund was issued and reaches your card within 3-10 working days.
        ```
        """,
    "delivery/delivered-not-received.md": """\
        ---
        title: Parcel shows delivered but not received
        lang: en
        ---
        # Parcel shows delivered but not received

        Check with neighbours and the building's mailroom, then we open a courier investigation.

        ```reply title="Delivered, not received"
        Hi {{customer_name|there}}, your parcel was delivered on {{date}}: please check with your neighbours first.
        ```
        """,
    "offers/student-discount-2024.md": """\
        ---
        title: Student discount on headphones
        lang: en
        status: archived
        ---
        # Student discount on headphones

        Students got 20% off all headphones with a valid student card, until the offer ended.

        ```reply title="Student discount"
        Hi {{customer_name|there}}, with your student card you get 20% off any headphones.
        ```
        """,
    "account/change-email.md": """\
        ---
        title: Change the e-mail address of your account
        lang: en
        ---
        # Change the e-mail address of your account

        Open Settings > Account > E-mail, type the new address and confirm the link we send.

        ```reply title="Change e-mail"
        Hi {{customer_name|there}}, open Settings > Account > E-mail and confirm the link we send to the new address.
        ```
        """,
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kb")
    for rel, text in ARTICLES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    settings = Settings(embedder="use-multilingual", logging_enabled=False)
    with Assistant(folder, tmp_path_factory.mktemp("index"), settings=settings) as opened:
        opened.update()
        yield opened


def codes(reply) -> set[str]:
    return {w.code for w in reply.warnings}


def test_a_reply_for_another_error_code_is_flagged_before_copy(assistant):
    result = assistant.suggest("my door lock shows error E40, what does it mean?", as_of=AS_OF)
    top = result.suggestions[0]
    assert top.article_id == "lock/error-e31"
    warning = next(w for w in top.replies[0].warnings if w.code == "fit_code")
    assert "E40" in warning.detail and "E31" in warning.detail
    same = assistant.suggest("my door lock shows error E31, what does it mean?", as_of=AS_OF)
    assert "fit_code" not in codes(same.suggestions[0].replies[0])


def test_a_reply_in_another_language_than_the_customers_is_flagged(assistant):
    result = assistant.suggest("门锁显示E31是什么意思", as_of=AS_OF)
    assert result.suggestions[0].article_id == "lock/error-e31"
    assert "fit_language" in codes(result.suggestions[0].replies[0])


def test_a_reply_that_contradicts_the_order_state_the_customer_gave_is_flagged(assistant):
    result = assistant.suggest("my parcel still hasn't shipped and it's been a week, where is it?", as_of=AS_OF)
    flagged = [s for s in result.suggestions if s.article_id == "delivery/delivered-not-received"]
    assert flagged and "fit_order_state" in codes(flagged[0].replies[0])


def test_an_archived_article_that_answers_best_is_shown_archived_and_not_copyable(assistant):
    result = assistant.suggest("do students get a discount on headphones?", as_of=AS_OF)
    top = result.suggestions[0]
    assert top.article_id == "offers/student-discount-2024" and top.archived
    assert not top.replies[0].copyable and "article_archived" in codes(top.replies[0])
    unrelated = assistant.suggest("how do I change the e-mail on my account?", as_of=AS_OF)
    assert all(not s.archived for s in unrelated.suggestions)  # an archived near miss stays hidden


def test_a_chat_with_two_open_problems_gets_an_answer_for_each(assistant):
    chat = ("客户 张女士 14:05：my door lock shows error E31\n"
            "客服 小李 14:06：您好，请问是哪个型号？\n"
            "客户 张女士 14:07：NW-L3. also my refund still hasn't arrived\n")
    result = assistant.suggest(chat, as_of=AS_OF)
    assert len(result.problems) == 2
    assert {s.article_id for s in result.suggestions[:2]} == {"lock/error-e31", "refunds/refund-time"}
    assert all(s.problem in result.problems for s in result.suggestions)


def test_a_chat_whose_first_problem_was_answered_searches_only_the_open_one(assistant):
    chat = ("Customer (Anna): my door lock shows error E31\n"
            "Agent (Tom): E31 means the batteries are low, please replace all four AA batteries.\n"
            "Anna: done, thanks. one more thing, how do I change my account e-mail?\n")
    result = assistant.suggest(chat, as_of=AS_OF)
    assert result.problems == ()
    assert result.suggestions[0].article_id == "account/change-email"
