"""Content gaps: paraphrases of one gap cluster together (zh and en), two gaps stay apart, the trend counts."""
from __future__ import annotations

import datetime as dt

from kbassist.assist.history_model import LoggedEvent
from kbassist.insights.gaps import gaps_of
from kbassist.review import content_gaps

SHIP_EN = ["do you ship to canada", "can you deliver to canada?", "is shipping to Canada possible"]
SHIP_ZH = ["能寄到加拿大吗", "你们发货到加拿大吗", "加拿大可以送货吗"]
DISCOUNT_EN = ["is there a student discount", "do students get a discount?"]
DISCOUNT_ZH = ["学生有优惠吗", "学生能打折吗"]


def test_paraphrases_of_one_gap_cluster_together_and_two_gaps_stay_apart_in_english(use_embedder):
    gaps = content_gaps([*SHIP_EN, *DISCOUNT_EN], use_embedder.embed)
    assert [(g.count, set(g.examples) <= set(SHIP_EN)) for g in gaps] == [(3, True), (2, False)]
    assert set(gaps[1].examples) == set(DISCOUNT_EN) and len(gaps[0].examples) == 2


def test_paraphrases_of_one_gap_cluster_together_and_two_gaps_stay_apart_in_chinese(use_embedder):
    gaps = content_gaps([*SHIP_ZH, *DISCOUNT_ZH], use_embedder.embed)
    assert [g.count for g in gaps] == [3, 2]
    assert set(gaps[0].examples) <= set(SHIP_ZH) and set(gaps[1].examples) == set(DISCOUNT_ZH)


def _at(day: dt.date, text: str, n: int) -> LoggedEvent:
    when = dt.datetime.combine(day, dt.time(10), dt.timezone.utc)
    return LoggedEvent(n, when, "en", False, True, text)


def test_a_gap_says_how_many_of_its_messages_came_the_week_before_and_its_nearest_article(use_embedder):
    as_of = dt.date(2026, 11, 30)
    entries = [_at(as_of - dt.timedelta(days=1), t, i) for i, t in enumerate(SHIP_EN + SHIP_ZH)]
    entries += [_at(as_of - dt.timedelta(days=9), t, 20 + i) for i, t in enumerate(SHIP_EN[:2])]
    entries += [_at(as_of - dt.timedelta(days=30), "do you ship to canada", 40)]  # older than both weeks
    asked = []

    def nearest(text: str) -> tuple[str, str]:
        asked.append(text)
        return "delivery/international", "Shipping abroad"

    (gap,) = gaps_of(entries, as_of, use_embedder.embed, nearest)
    assert (gap.count, gap.previous) == (6, 2)  # zh and en of one gap together, as the app shows them
    assert (gap.nearest_id, gap.nearest_title) == ("delivery/international", "Shipping abroad")
    assert asked and asked[0] in SHIP_EN + SHIP_ZH
