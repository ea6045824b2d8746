"""Warnings shown before a reply is copied: nothing wrong goes out silently."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kbassist.assist.presend import PreSendWarning, check_reply


def codes(warnings) -> list[str]:
    return [w.code for w in warnings]


def test_clean_reply_to_a_fresh_article_has_no_warnings():
    assert check_reply("Your parcel ships tomorrow.", article_status="published") == ()


def test_unfilled_placeholders_are_named():
    got = check_reply("Hi {{customer_name}}, order {{order_id}} and {{customer_name}}")
    assert got == (PreSendWarning("unfilled_placeholder", "customer_name, order_id"),)


def test_draft_and_archived_articles_warn():
    assert codes(check_reply("ok", article_status="draft")) == ["article_draft"]
    assert codes(check_reply("ok", article_status="archived")) == ["article_archived"]


def test_freshness_reasons_become_warnings_with_their_details():
    got = check_reply(
        "ok",
        freshness=[
            ("review_overdue", "last reviewed 2026-01-02, due every 90 days"),
            ("expired", ""),
            ("launch:launches/reader-5", "Reader 5 firmware 3.0 (2026-11-02)"),
            ("something_new", "a reason the review rules added later"),
        ],
    )
    assert codes(got) == ["article_overdue", "article_expired", "article_affected_by_launch", "article_stale"]
    assert got[0].detail == "last reviewed 2026-01-02, due every 90 days"
    assert got[1].detail  # a default explanation, never an empty line
    assert got[2].detail == "Reader 5 firmware 3.0 (2026-11-02)"


def test_launch_without_detail_names_the_launch():
    (warning,) = check_reply("ok", freshness=[("launch:launches/hub-2", "")])
    assert "launches/hub-2" in warning.detail


def test_phone_not_from_the_customer_is_flagged_and_masked():
    (warning,) = check_reply("We will call you on 13912345678.", customer_message="my number is 13812345678")
    assert warning.code == "personal_data"
    assert "13912345678" not in warning.detail and "5678" in warning.detail


def test_customers_own_data_in_the_reply_is_fine_whatever_the_formatting():
    message = "call me at 138 1234 5678 or mail Lena@Example.com"
    assert check_reply("We'll call 13812345678 and mail lena@example.com.", customer_message=message) == ()


def test_every_kind_of_foreign_personal_data_is_flagged():
    reply = "Card 4111 1111 1111 1111, ID 11010519491231002X, mail a.b@example.org, tel +44 20 7946 0958"
    got = check_reply(reply, customer_message="help")
    assert codes(got) == ["personal_data"] * 4
    assert all("4111 1111" not in w.detail and "a.b@" not in w.detail for w in got)


def test_company_contact_data_from_the_template_is_trusted():
    template = "Write to help@lumio.example or call +44 20 7946 0958."
    assert check_reply(template, customer_message="hi", trusted_text=[template]) == ()


def test_order_numbers_in_the_reply_are_not_personal_data():
    assert check_reply("Order #2026112012345 is on its way.", customer_message="where is it") == ()


@given(st.text(), st.text())
def test_check_reply_never_raises(reply, message):
    assert all(isinstance(w, PreSendWarning) for w in check_reply(reply, customer_message=message))
