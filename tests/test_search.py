"""Retrieval behaviour with the real multilingual embedder on a small bilingual folder."""
from __future__ import annotations

import pytest

from kbassist import Assistant
from kbassist.index.analysis import mixed_analyzer
from kbassist.search.hybrid import snippet
from tests.kbfixtures import write_folder


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, use_embedder):
    base = tmp_path_factory.mktemp("search")
    a = Assistant(write_folder(base / "kb"), base / "index", embedder=use_embedder)
    a.update()
    yield a
    a.close()


def top(assistant, query, **kw):
    result = assistant.search(query, **kw)
    return result.hits[0].id if result.hits else None


def test_chinese_paraphrase_finds_the_chinese_article(assistant):
    assert top(assistant, "我的钱什么时候能退回来") == "refunds/refund-time.zh"


def test_english_question_finds_its_article_and_section(assistant):
    hit = assistant.search("the reader says E21 and won't charge").hits[0]
    assert hit.id == "devices/charging-error"
    assert hit.heading in ("What E21 means", "Still failing", "")
    assert hit.line >= 1 and hit.lang == "en"


def test_cross_lingual_english_query_finds_chinese_only_article(assistant):
    assert top(assistant, "I forgot my password and the SMS code never arrives") == "account/reset-password.zh"


def test_article_in_the_other_language_is_not_outranked_for_sharing_no_words(assistant):
    # "reader" and "screen" are words of the English charging article; the question is the Chinese one's.
    message = "my reader screen is fine but I forgot my password and no code arrives by sms"
    assert top(assistant, message) == "account/reset-password.zh"


MODELS = {
    "printer/invoice-pr-392.zh.md": "---\ntitle: PR-392 打印机开发票\nlang: zh\nquestions:\n  - PR-392 申请增值税发票\n"
    "  - PR-392 开发票怎么办\n---\n\n# PR-392 打印机开发票\n\n## 开票\n\n在订单页点“申请发票”，填写抬头和税号，"
    "电子发票三个工作日内发到邮箱。\n",
    "printer/delivery-pr-391.md": "---\ntitle: PR-391 printer order receipt and delivery\nlang: en\nquestions:\n"
    "  - where is my PR-391 printer order\n  - PR-391 order receipt\n---\n\n# PR-391 printer order receipt and "
    "delivery\n\n## Receipt and delivery\n\nThe order receipt is e-mailed when the printer ships; delivery takes "
    "two to four days.\n",
}


def test_a_model_code_keeps_its_article_ahead_of_another_models_in_the_other_language(tmp_path, use_embedder):
    with Assistant(write_folder(tmp_path / "kb", MODELS), tmp_path / "index", embedder=use_embedder) as models:
        models.update()
        assert top(models, "PR-392 要订单收据 怎么弄") == "printer/invoice-pr-392.zh"


def test_error_code_keyword_query(assistant):
    assert top(assistant, "E21", mode="keyword") == "devices/charging-error"


def test_english_typo_is_forgiven(assistant):
    assert top(assistant, "refnd credt card", mode="keyword") == "refunds/refund-time"


def test_a_misspelt_question_finds_its_answer_by_meaning_and_says_what_was_searched(assistant):
    result = assistant.search("how lnog does a refnd to my credt card tkae", mode="semantic")
    assert result.hits[0].id == "refunds/refund-time"
    assert not result.no_answer
    assert result.query == "how lnog does a refnd to my credt card tkae"
    assert result.corrected == "how long does a refund to my credit card take"


def test_a_correctly_spelt_query_reports_no_correction(assistant):
    assert assistant.search("how long does a refund take").corrected == ""


def test_archived_articles_are_excluded_unless_asked_for(assistant):
    assert "store/old-promo" not in [h.id for h in assistant.search("summer promotion reader cover").hits]
    assert top(assistant, "summer promotion reader cover", statuses=("archived",)) == "store/old-promo"


def test_filters_by_language_and_tag(assistant):
    assert all(h.lang == "zh" for h in assistant.search("refund", lang="zh").hits)
    assert {h.id for h in assistant.search("refund", tags=["charging"]).hits} <= {"devices/charging-error"}


def test_unrelated_question_is_flagged_as_no_answer(assistant):
    result = assistant.search("what will the weather be in Lisbon tomorrow")
    assert result.no_answer
    assert not assistant.search("how long does a refund to my credit card take").no_answer


def test_a_long_message_around_a_question_is_answered_and_short_unrelated_ones_are_not(assistant):
    story = ("hi sorry to bother you, I bought a cover last week for my daughter's birthday and paid by "
             "credit card, sent it back on monday because it was the wrong colour and I'm still waiting, "
             "how long does the refund take to reach my card?")
    result = assistant.search(story)
    assert result.hits[0].id == "refunds/refund-time" and not result.no_answer
    for unrelated in ("are you hiring?", "do you have a shop in berlin", "do you sell e-book gift cards"):
        assert assistant.search(unrelated).no_answer, unrelated


def test_snippet_highlights_query_words(assistant):
    hit = assistant.search("credit card refund", mode="keyword").hits[0]
    assert "**" in hit.snippet


def test_snippet_marks_whole_words_by_their_stem_not_stop_words_or_parts_of_words():
    text = "Title\nThe clock shows the locks; then unlock the door. Refunds arrive in 退款时间 days."
    marked = snippet(text, ["lock", "refund", "退款时间"])
    assert "**locks**" in marked and "**Refunds**" in marked and "**退款时间**" in marked
    assert "**clock**" not in marked and "c**lock**" not in marked and "un**lock**" not in marked
    assert "**The**" not in marked and "**the**" not in marked


def test_snippet_marks_query_words_in_semantic_mode_too(assistant):
    hit = assistant.search("credit card refund", mode="semantic").hits[0]
    assert "**" in hit.snippet


def test_analyzer_numbers_positions_per_word_so_phrases_work():
    tokens = [(t.text, t.pos) for t in mixed_analyzer()("退款时间 E21 error", positions=True, mode="query")]
    assert tokens == [("退款", 0), ("时间", 1), ("e21", 2), ("error", 3)]


def test_empty_query_returns_nothing(assistant):
    result = assistant.search("   ")
    assert result.hits == () and result.no_answer
