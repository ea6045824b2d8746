"""A/B wordings of a reply: per wording, shown / copied / edited / resolved, and a two-proportion test.

The question a lead asks is "does wording B get used (and resolve) more than
A?". Each comparison is a pooled two-proportion z-test of one wording
against the first one (two-sided p-value), with the 95 % Wald interval of the
difference. Until both arms have MIN_SHOWN trials and the pooled rate leaves
at least MIN_EXPECTED successes and failures in each arm, the normal
approximation is not trusted and the verdict is "not enough data yet".
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from ..assist.history_model import LoggedEvent

MIN_SHOWN = 30
MIN_EXPECTED = 5
Z_95 = 1.959964
SIGNIFICANT = 0.05


@dataclass(frozen=True)
class ProportionTest:
    """Arm b against arm a: rates, difference b - a with its 95 % interval, p-value, and the verdict."""

    metric: str  # "copy_rate" (copied / shown) | "resolved_rate" (resolved / outcomes given)
    a: str
    b: str
    rate_a: float
    rate_b: float
    difference: float
    ci_low: float
    ci_high: float
    p_value: float | None  # None: not enough data yet
    verdict: str  # "not enough data yet" | "no difference yet" | "<variant> better" | "<variant> worse"


@dataclass(frozen=True)
class VariantStats:
    variant: str
    shown: int
    copied: int
    edited: int
    resolved: int
    outcomes: int  # copies with an outcome given (resolved or needs follow-up)


@dataclass(frozen=True)
class VariantComparison:
    """One reply's wordings (article and reply title) and how they compare."""

    article_id: str
    reply_title: str
    variants: tuple[VariantStats, ...]
    tests: tuple[ProportionTest, ...]


def two_proportions(successes_a: int, trials_a: int, successes_b: int, trials_b: int, metric: str = "",
                    a: str = "a", b: str = "b") -> ProportionTest:
    """The pooled two-proportion z-test and the Wald interval of the difference (see the module docstring)."""
    rate_a = successes_a / trials_a if trials_a else 0.0
    rate_b = successes_b / trials_b if trials_b else 0.0
    difference = rate_b - rate_a
    spread = math.sqrt(rate_a * (1 - rate_a) / max(trials_a, 1) + rate_b * (1 - rate_b) / max(trials_b, 1))
    low, high = difference - Z_95 * spread, difference + Z_95 * spread
    pooled = (successes_a + successes_b) / (trials_a + trials_b) if trials_a + trials_b else 0.0
    enough = min(trials_a, trials_b) >= MIN_SHOWN and all(
        n * p >= MIN_EXPECTED for n in (trials_a, trials_b) for p in (pooled, 1 - pooled))
    if not enough:
        return ProportionTest(metric, a, b, rate_a, rate_b, difference, low, high, None, "not enough data yet")
    error = math.sqrt(pooled * (1 - pooled) * (1 / trials_a + 1 / trials_b))
    p_value = math.erfc(abs(difference / error) / math.sqrt(2))
    verdict = "no difference yet" if p_value >= SIGNIFICANT else f"{b} {'better' if difference > 0 else 'worse'}"
    return ProportionTest(metric, a, b, rate_a, rate_b, difference, low, high, p_value, verdict)


def compare_variants(entries: Sequence[LoggedEvent]) -> tuple[VariantComparison, ...]:
    """Every reply with wordings shown in `entries`, its counts per wording and the tests."""
    counts: dict[tuple[str, str], dict[str, list[int]]] = {}  # reply -> variant -> [shown, copied, edited, ...]
    for event in entries:
        for shown in event.details.variants:
            row = counts.setdefault((shown.article_id, shown.reply_title), {}).setdefault(shown.variant, [0] * 5)
            copies = [c for c in event.copies if (c.article_id, c.reply_title, c.variant) ==
                      (shown.article_id, shown.reply_title, shown.variant)]
            row[0] += 1
            row[1] += bool(copies)
            row[2] += any(c.edit > 0 for c in copies)
            row[3] += bool(copies) and event.outcome == "resolved"
            row[4] += bool(copies) and bool(event.outcome)
    comparisons = []
    for (article_id, title), by_variant in sorted(counts.items()):
        stats = tuple(VariantStats(v, *by_variant[v]) for v in sorted(by_variant))
        first = stats[0]
        tests = tuple(test for other in stats[1:] for test in (
            two_proportions(first.copied, first.shown, other.copied, other.shown, "copy_rate", first.variant,
                            other.variant),
            two_proportions(first.resolved, first.outcomes, other.resolved, other.outcomes, "resolved_rate",
                            first.variant, other.variant)))
        comparisons.append(VariantComparison(article_id, title, stats, tests))
    return tuple(comparisons)
