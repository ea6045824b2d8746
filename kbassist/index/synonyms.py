"""Chinese synonyms and colloquial forms, so a customer's words meet the folder's.

Customers type 咋销户 and xyk; the FAQ says 怎么注销 and 信用卡. Two generic
tables (`kbassist/data/zh_synonyms.yml`, written for no particular company):

- colloquial forms, abbreviations and common misspellings, rewritten to the
  standard word in the query the keyword half reads (the embedder reads the
  query as typed: it knows 咋 and xyk better than a rewrite, measured);
  Latin keys (xyk, refund) only in a query with Chinese in it, and only as
  whole words: an English question keeps its English, `wl` is not in `wlan`;
- groups of words that mean the same in a customer's question; the first is
  canonical. The keyword index stores a member's canonical word beside it,
  at the same position, and a query asks for the canonical word alone, so
  储蓄卡 in the question finds 借记卡 in the article and the reverse.

Every word of both tables is added to jieba's dictionary, so it is cut as
one word. What this moved on which data: bench/decisions.md.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import yaml

from ..textutil import CJK_CHAR


@dataclass(frozen=True)
class Synonyms:
    colloquial: Mapping[str, str]
    canonical: Mapping[str, str]  # every group member that is not canonical -> its group's first word
    _chinese_forms: re.Pattern | None
    _latin_forms: re.Pattern | None

    def normalise(self, text: str) -> str:
        """`text` with its colloquial forms in standard words (longest form first)."""
        if not CJK_CHAR.search(text):
            return text
        for pattern in (self._chinese_forms, self._latin_forms):
            if pattern is not None:
                text = pattern.sub(lambda m: self.colloquial[m.group().lower()], text)
        return text

    def words(self) -> set[str]:
        """Every Chinese word the tables know, for jieba's dictionary."""
        found = set(self.canonical) | set(self.canonical.values()) | set(self.colloquial.values())
        return {w for w in found if CJK_CHAR.search(w)}


@functools.lru_cache(maxsize=1)
def load() -> Synonyms:
    data = yaml.safe_load(resources.files("kbassist").joinpath("data/zh_synonyms.yml").read_text("utf-8")) or {}
    colloquial = {str(k).lower(): str(v) for k, v in (data.get("colloquial") or {}).items()}
    canonical = {}
    for group in data.get("groups") or ():
        first, *rest = [str(w).lower() for w in group]
        canonical.update((w, first) for w in rest if w != first)
    forms = sorted(colloquial, key=len, reverse=True)
    chinese = [re.escape(f) for f in forms if CJK_CHAR.search(f)]
    latin = [rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])" for f in forms if not CJK_CHAR.search(f)]
    return Synonyms(MappingProxyType(colloquial), MappingProxyType(canonical), _alternation(chinese),
                    _alternation(latin))


def _alternation(parts: list[str]) -> re.Pattern | None:
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def register_with_jieba() -> None:
    """Let jieba cut each known word whole (after its dictionary is loaded)."""
    import jieba

    for word in load().words():
        jieba.add_word(word)
