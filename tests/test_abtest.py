"""A/B wordings: parsed from reply blocks, split evenly per agent, compared with a two-proportion test."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from kbassist.assist.history_model import LoggedCopy, LoggedEvent, ShownDetails, VariantShown
from kbassist.assist.variants import draw, pick_variants
from kbassist.insights import compare_variants, two_proportions
from kbassist.knowledge.articles import parse_article

ARTICLE = """---
title: Card delivery
---
```reply title="Card on its way" variant="a" lang="en"
Your card arrives within 5-7 days.
```
```reply title='Card on its way' variant=b lang=en
Good news: your card is in the post.
```
```reply title="卡片在路上" lang="zh"
您的卡片将在5-7天内送达。
```
"""


def test_variant_attribute_is_read_from_reply_blocks():
    article, problems = parse_article(ARTICLE, "cards/delivery.md")
    assert not problems
    assert [(r.title, r.variant, r.lang) for r in article.replies] == [
        ("Card on its way", "a", "en"), ("Card on its way", "b", "en"), ("卡片在路上", "", "zh")]


def test_one_wording_is_shown_per_message_and_stays_while_the_agent_types():
    article, _ = parse_article(ARTICLE, "cards/delivery.md")
    shown = pick_variants(article.replies, article.id, "ana", "where is my card")
    assert len(shown) == 2 and shown[-1].variant == ""
    assert pick_variants(article.replies, article.id, "ana", "where  is my CARD") == shown


@pytest.mark.parametrize("seed", ["ana", "李明", "agent-7"])
def test_the_split_is_even_within_five_percent_over_1000_draws(seed):
    article, _ = parse_article(ARTICLE, "cards/delivery.md")
    picks = [pick_variants(article.replies, article.id, seed, f"message {i}")[0].variant for i in range(1000)]
    assert abs(picks.count("a") - 500) <= 50


def test_two_agents_see_different_sequences():
    first = [draw("ana", "k", f"m{i}", 2) for i in range(50)]
    assert first != [draw("bo", "k", f"m{i}", 2) for i in range(50)]


def test_p_value_and_interval_match_a_hand_computation():
    test = two_proportions(45, 100, 60, 100, "copy_rate")
    pooled = 105 / 200
    z = 0.15 / math.sqrt(pooled * (1 - pooled) * (2 / 100))
    assert test.p_value == pytest.approx(math.erfc(z / math.sqrt(2)))
    assert test.p_value == pytest.approx(0.03367, abs=1e-5)  # z = 0.15 / 0.070622 = 2.1240, two-sided
    spread = math.sqrt(0.45 * 0.55 / 100 + 0.6 * 0.4 / 100)
    assert (test.ci_low, test.ci_high) == pytest.approx((0.15 - 1.959964 * spread, 0.15 + 1.959964 * spread))
    assert test.verdict == "b better"


def test_p_value_matches_scipy_chi_square_without_continuity_correction():
    stats = pytest.importorskip("scipy.stats")
    for (x1, n1, x2, n2) in ((45, 100, 60, 100), (120, 400, 95, 380), (30, 50, 31, 50)):
        _, p, _, _ = stats.chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=False)
        assert two_proportions(x1, n1, x2, n2).p_value == pytest.approx(p, rel=1e-6)


def test_small_samples_say_not_enough_data_yet():
    test = two_proportions(3, 10, 8, 12)
    assert test.p_value is None and test.verdict == "not enough data yet"
    assert two_proportions(1, 100, 2, 100).verdict == "not enough data yet"  # too few successes
    assert two_proportions(50, 100, 52, 100).verdict == "no difference yet"


def _event(i: int, variant: str, copied: bool, outcome: str = "", edit: float = 0.0) -> LoggedEvent:
    when = dt.datetime(2026, 11, 2, tzinfo=dt.timezone.utc)
    copies = (LoggedCopy(when, "cards/delivery", "Card on its way", variant, 30.0, edit),) if copied else ()
    return LoggedEvent(i, when, "en", False, False, None, copies,
                       ShownDetails(variants=(VariantShown("cards/delivery", "Card on its way", variant),)),
                       outcome=outcome)


def test_variants_are_counted_shown_copied_edited_resolved_and_compared():
    events = [_event(i, "a", i % 2 == 0, "resolved" if i % 4 == 0 else "follow_up" if i % 2 == 0 else "")
              for i in range(40)]
    events += [_event(100 + i, "b", i % 4 != 3, "resolved" if i % 4 != 3 else "", edit=0.2 * (i % 2))
               for i in range(40)]
    (comparison,) = compare_variants(events)
    a, b = comparison.variants
    assert (a.variant, a.shown, a.copied, a.edited, a.resolved, a.outcomes) == ("a", 40, 20, 0, 10, 20)
    assert (b.variant, b.shown, b.copied, b.edited, b.resolved, b.outcomes) == ("b", 40, 30, 10, 30, 30)
    copy_test, resolved_test = comparison.tests
    assert copy_test.p_value == pytest.approx(two_proportions(20, 40, 30, 40).p_value)
    assert resolved_test.metric == "resolved_rate" and resolved_test.verdict == "not enough data yet"
