"""Numbers with units ("7 days", "¥99", "48 小时") pulled out of an article.

Two articles that answer the same question contradict each other when they
quote different numbers for the same kind of quantity: 14 vs 7 days, ¥99 vs
¥69, 48 hours vs same day. Without a full parser we cannot tell *which*
thing a number is about, so facts are compared per unit; on a near-duplicate
pair that is usually the same thing, and the detail shows the numbers so
an editor can judge in a second.

Dates, placeholders (`{{days|1-3}}` is an example, not a promise) and code
spans are removed first, so "2026 年 10 月 15 日" is not read as 2026 years.
"""
from __future__ import annotations

import re
from types import MappingProxyType

from ..knowledge.model import Article

_UNIT_WORDS = MappingProxyType({
    "working day": r"working days?|business days?|个?工作日",
    "day": r"days?|天|日",
    "hour": r"hours?|hrs?|h|个?小时",
    "minute": r"minutes?|mins?|分钟",
    "week": r"weeks?|周|个?星期",
    "month": r"months?|个月",
    "year": r"years?|年",
    "yuan": r"元|块|yuan|rmb|cny",
    "percent": r"%|％|percent",
})
_UNIT_OF = tuple((unit, re.compile(rf"^(?:{words})$", re.IGNORECASE)) for unit, words in _UNIT_WORDS.items())
_ALL_UNITS = "|".join(_UNIT_WORDS.values())
_NUMBER = r"\d+(?:\.\d+)?(?:\s*[-–—~～至到]\s*\d+(?:\.\d+)?)?"
_FACT = re.compile(
    rf"(?P<cur>[¥￥]|RMB|CNY)?\s*(?P<num>{_NUMBER})\s*(?P<unit>{_ALL_UNITS})?(?![A-Za-z])",
    re.IGNORECASE)
_SAME_DAY = re.compile(r"same[ -]day|当天|当日", re.IGNORECASE)
_NOISE = re.compile(
    r"\{\{[^{}]*\}\}"  # placeholders
    r"|`[^`]*`"  # code spans
    r"|\d{4}-\d{1,2}-\d{1,2}"  # ISO dates
    r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"  # 2026 年 10 月 15 日
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"  # 10 月 15 日
    r"|\d{1,2}:\d{2}"  # clock times
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?",
    re.IGNORECASE)
_LABEL = MappingProxyType({"yuan": "¥{}", "percent": "{}%", "hour": "{} h"})


def number_facts(text: str) -> dict[str, set[str]]:
    """{unit: {number as written, ranges normalised to "a-b"}} for the text."""
    text = _NOISE.sub(" ", text.replace(",", ""))
    facts: dict[str, set[str]] = {}
    for m in _FACT.finditer(text):
        unit = "yuan" if m.group("cur") else _unit(m.group("unit"))
        if unit is None:
            continue
        number = re.sub(r"\s*[-–—~～至到]\s*", "-", m.group("num"))
        facts.setdefault(unit, set()).add(number)
    if _SAME_DAY.search(text):
        facts.setdefault("day", set()).add("same day")
    return facts


def article_facts(article: Article) -> dict[str, set[str]]:
    replies = "\n".join(r.text for r in article.replies)
    return number_facts("\n".join([article.title, *article.questions, article.body, replies]))


def conflict_detail(mine: dict[str, set[str]], theirs: dict[str, set[str]]) -> str:
    """"14 days vs 7 days; ¥99, ¥8 vs ¥69, ¥10", or "" when the shared units agree."""
    parts = []
    for unit in sorted(mine.keys() & theirs.keys()):
        a, b = mine[unit], theirs[unit]
        if a == b:
            continue
        only_a, only_b = a - b or a, b - a or b
        parts.append(f"{_show(only_a, unit)} vs {_show(only_b, unit)}")
    return "; ".join(parts)


def _unit(word: str | None) -> str | None:
    if not word:
        return None
    return next((unit for unit, pattern in _UNIT_OF if pattern.match(word.strip())), None)


def _show(values: set[str], unit: str) -> str:
    def one(value: str) -> str:
        if value == "same day":
            return value
        if unit in _LABEL:
            return _LABEL[unit].format(value)
        return f"{value} {unit}s" if value != "1" else f"1 {unit}"
    return ", ".join(one(v) for v in sorted(values, key=_sort_key))


def _sort_key(value: str) -> tuple[float, str]:
    head = re.match(r"\d+(?:\.\d+)?", value)
    return (float(head.group(0)) if head else -1.0, value)
