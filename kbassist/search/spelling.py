"""Spelling correction of English query words, before either half of the search sees them.

Customers type fast: "can i cancle my ordr pls". The keyword half forgave
such words with a fuzzy pass, but the semantic half read a different
sentence: USE gave that message cosine 0.15 with the cancel-order article,
against 0.73 once spelled right, so the answer ranked low and the
confidence said "nothing answers this".

A word is left as typed when the folder has it (its analysed term is in the
keyword index: product names, codes, our own jargon) or when it is a common
English word (frequency at least one in a million in `wordfreq`'s small
English list, 29,000 words). Only other Latin words of three letters or
more are corrected: to a common word one edit away (a letter added,
dropped, changed, or two neighbours swapped) that starts with the same
letter, preferring one the folder has, then the most frequent. Every typo
of northwind's evaluation queries is one such edit; allowing two turned
names into other names (hangzhou -> guangzhou, chengdu -> cheng), and
people rarely mistype a word's first letter. A word with no such neighbour
is left alone: a rare name stays a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from rapidfuzz import distance, process

COMMON = 1e-6  # frequency per word of running English text (Zipf 3)
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


@dataclass(frozen=True)
class _Dictionary:
    frequency: dict[str, float]
    groups: dict[tuple[str, int], tuple[str, ...]]  # by first letter and length: a look-up scans a few hundred


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    """Common English words, most frequent first within each group."""
    from wordfreq import get_frequency_dict

    frequency = {w: f for w, f in get_frequency_dict("en", wordlist="small").items() if f >= COMMON and w.isascii()}
    groups: dict[tuple[str, int], list[str]] = {}
    for word in frequency:
        groups.setdefault((word[0], len(word)), []).append(word)
    return _Dictionary(frequency, {key: tuple(words) for key, words in groups.items()})


@lru_cache(maxsize=4096)
def _neighbours(word: str) -> tuple[str, ...]:
    """Common words one edit from `word` with its first letter, most frequent first."""
    groups = _dictionary().groups
    candidates = [w for n in (len(word) - 1, len(word), len(word) + 1) for w in groups.get((word[0], n), ())]
    found = process.extract(word, candidates, scorer=distance.DamerauLevenshtein.distance, score_cutoff=1,
                            limit=None)
    frequency = _dictionary().frequency
    return tuple(sorted((w for w, _, _ in found), key=lambda w: -frequency[w]))


def warm_up() -> None:
    _dictionary()


class Speller:
    """Corrects a query's misspelt English words; `in_folder(word)` says whether the folder has a word."""

    def __init__(self, in_folder: Callable[[str], bool]):
        self._in_folder = in_folder

    def correct(self, text: str) -> str:
        return WORD.sub(lambda m: self._word(m.group(0)), text)

    def _word(self, word: str) -> str:
        lower = word.lower()
        if len(lower) < 3 or lower in _dictionary().frequency or self._in_folder(lower):
            return word
        neighbours = _neighbours(lower)
        return next((w for w in neighbours if self._in_folder(w)), neighbours[0] if neighbours else word)
