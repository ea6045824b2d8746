"""Duplicates (same language, same questions) and the numbers they contradict each other on."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from test_review_rules import indexed, kb_article

from kbassist.embed.embedders import load_embedder
from kbassist.review import content_gaps, duplicates, number_facts, run_review, similar_pairs

D = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def use():
    return load_embedder("use-multilingual")


RETURN_A = """# 14-day returns

## Return window

You can return any item within **14 days of delivery** without giving a reason.
Keep the original box and all accessories.
"""
RETURN_B = """# Return policy

## Return period

Items can be returned for any reason within **7 days of delivery**.
The original packaging and all accessories must be included.
"""
RETURN_ZH = """# 14 天无理由退货

## 退货期限

签收后 **14 天内**可以无理由退货，请保留原包装和全部配件。
"""
FINGERPRINT = """# Add a fingerprint to the lock

## Steps

Open the app, choose the lock, then Users > Add fingerprint and press your finger five times.
"""


def _folder(tmp_path):
    common = dict(lang="en", reviewed=dt.date(2026, 5, 1), status="published")
    kb_article(tmp_path, "returns/window.md", RETURN_A, title="14-day returns", **common,
               questions=["how many days do i have to return something", "whats the return policy"])
    kb_article(tmp_path, "returns/policy.md", RETURN_B, title="Return policy", **common,
               questions=["what is your return policy", "how long do i have to send something back"])
    kb_article(tmp_path, "returns/window.zh.md", RETURN_ZH, title="14 天无理由退货", lang="zh",
               reviewed=dt.date(2026, 5, 1), translation_of="returns/window", questions=["几天内可以退货"])
    kb_article(tmp_path, "lock/fingerprint.md", FINGERPRINT, title="Add a fingerprint", **common,
               questions=["how do i add a fingerprint", "register a new finger on the lock"])


def test_same_language_near_duplicates_are_paired_and_their_numbers_conflict(tmp_path, use):
    _folder(tmp_path)
    with indexed(tmp_path, use, embed=True) as assistant:
        report = run_review(assistant.articles(), as_of=D, vectors=assistant.article_vectors())
    reasons = {i.id: {r.code: r.detail for r in i.reasons} for i in report.items}
    assert set(reasons) == {"returns/window", "returns/policy"}
    assert set(reasons["returns/window"]) == {"duplicate:returns/policy", "conflict:returns/policy"}
    assert set(reasons["returns/policy"]) == {"duplicate:returns/window", "conflict:returns/window"}
    assert reasons["returns/window"]["conflict:returns/policy"].startswith("14 days vs 7 days")


def test_without_vectors_no_duplicate_rule_runs(tmp_path):
    _folder(tmp_path)
    with indexed(tmp_path) as assistant:
        assert run_review(assistant.articles(), as_of=D, vectors=None).items == ()


def test_review_uses_the_stored_vectors_and_never_embeds_articles_again(tmp_path, use):
    _folder(tmp_path)

    class Counting:
        name, dim, calls = use.name, use.dim, 0

        def embed(self, texts):
            Counting.calls += 1
            return use.embed(texts)

    with indexed(tmp_path, Counting(), embed=True) as assistant:
        calls = Counting.calls
        report = assistant.review(D, state_dir=tmp_path / "state")
    assert Counting.calls == calls  # no unanswered messages either, so nothing was embedded
    assert {i.id for i in report.items} == {"returns/window", "returns/policy"}


def test_translations_are_never_duplicates_even_when_tagged_with_the_same_language(tmp_path, use):
    kb_article(tmp_path, "a.md", RETURN_A, title="14-day returns", lang="en")
    kb_article(tmp_path, "a-copy.md", RETURN_A, title="14-day returns", lang="en", translation_of="a")
    with indexed(tmp_path, use, embed=True) as assistant:
        assert similar_pairs(assistant.articles(), assistant.article_vectors()) == []


def test_pairs_are_found_across_matrix_blocks(tmp_path, monkeypatch):
    for i in range(10):
        kb_article(tmp_path, f"t{i}.md", lang="en")
    with indexed(tmp_path) as assistant:
        articles = assistant.articles()
    rng = np.random.default_rng(0)
    vectors = {a.id: rng.standard_normal((2, 32)).astype(np.float32) for a in articles}
    vectors["t8"] = vectors["t1"] + 0.01  # far apart in the ordering: different blocks
    monkeypatch.setattr(duplicates, "BLOCK_ROWS", 3)
    assert [(a, b) for a, b, _ in similar_pairs(articles, vectors)] == [("t1", "t8")]


@pytest.mark.parametrize("text, unit, values", [
    ("within 7 days of delivery, the law says 7 days", "day", {"7"}),
    ("满 99 元包邮，不满收 ¥8", "yuan", {"99", "8"}),
    ("付款后 48 小时内发货", "hour", {"48"}),
    ("当天出库，1–2 天送达", "day", {"same day", "1-2"}),
    ("Effective 15 October 2026, 2026 年 10 月 15 日, 2026-10-15", "day", None),
])
def test_numbers_with_units_are_read_and_dates_are_not(text, unit, values):
    assert number_facts(text).get(unit) == values


def test_unanswered_messages_cluster_by_meaning_biggest_first(use):
    messages = ["do you ship to canada", "can you deliver to canada?", "shipping to Canada possible?",
                "is there a student discount", "student discount available?", "my cat likes the box"]
    gaps = content_gaps(messages, use.embed)
    assert [g.count for g in gaps] == [3, 2]
    assert "do you ship to canada" in gaps[0].examples
    assert all("discount" in e for e in gaps[1].examples)
