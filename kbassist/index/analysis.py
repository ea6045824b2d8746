"""One whoosh analyzer for mixed Chinese/English text.

Chinese runs are segmented with jieba; Latin runs are split on word
characters, lower-cased, stop-worded and stemmed. Token positions are
numbered by us, one per word (jieba's own tokenizer hands whoosh character
offsets as positions, which breaks phrase queries). A long Chinese word also
yields its two-character parts at the same position, so a query segmented
differently from the article (退款时间 vs 退款 / 时间) still matches.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba
from whoosh.analysis import Filter, LowercaseFilter, StopFilter, Token, Tokenizer
from whoosh.lang.porter import stem

from ..textutil import CJK_RANGES
from . import jieba_dict, synonyms

jieba.setLogLevel(logging.WARNING)

RUN = re.compile(f"([{CJK_RANGES}]+)|([A-Za-z0-9]+(?:[.'][A-Za-z0-9]+)*)")
ENGLISH_STOP = frozenset(
    """a an and are as at be been but by can could did do does for from had has have how i i'm if in into is it
    its me my of on or our so than that the their them then there these they this to too us was we were what
    when where which who why will with would you your hi hello hey please thanks thank""".split()
)
CHINESE_STOP = frozenset(
    "的 了 吗 呢 吧 啊 呀 哦 嗯 我 你 您 他 她 它 是 在 有 和 与 就 都 也 还 又 很 这 那 个 么 请 一下 一个 我们 你们 怎么 什么 如何 可以 能 会 要 想".split()
)
STOP_WORDS = ENGLISH_STOP | CHINESE_STOP


@lru_cache(maxsize=200_000)
def _segment(run: str) -> tuple[str, ...]:
    return tuple(w for w in jieba.cut(run, HMM=True) if w.strip())


class MixedTokenizer(Tokenizer):
    """Words of Chinese and Latin runs, with sequential positions."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for match in RUN.finditer(value):
            if match.group(2):
                pieces = [(match.group(2), match.start(), match.end(), False)]
            else:
                pieces = list(_chinese_pieces(match.group(1), match.start(), mode != "query"))
            for text, start, end, same_pos in pieces:
                if same_pos:
                    pos -= 1
                token.text = text
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = text
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar, token.endchar = start_char + start, start_char + end
                pos += 1
                yield token


def _chinese_pieces(run: str, offset: int, with_parts: bool):
    """jieba words; for indexing, each word over two characters also gives its bigrams, and a word with a
    synonym (`synonyms`) its group's canonical word, which a query asks for instead of the word itself."""
    at = offset
    canonical = synonyms.load().canonical
    for word in _segment(run):
        same = canonical.get(word)
        if same and not with_parts:
            yield same, at, at + len(word), False
            at += len(word)
            continue
        yield word, at, at + len(word), False
        if same:
            yield same, at, at + len(word), True
        if with_parts and len(word) > 2:
            for i in range(len(word) - 1):
                yield word[i:i + 2], at + i, at + i + 2, True
        at += len(word)


class AsciiStemFilter(Filter):
    """Porter stemming for Latin tokens only; Chinese words pass unchanged."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = index_term(t.text)
            yield t


def index_term(word: str) -> str:
    """A word as the index stores it: lower-cased, Latin words over three letters stemmed ("Refunds" -> "refund")."""
    word = word.lower()
    return _stem(word) if word.isascii() and word.isalpha() and len(word) > 3 else word


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return stem(word)


def warm_up() -> None:
    """Load jieba's dictionary now (about 0.7 s) rather than inside the first search."""
    jieba_dict.load()
    synonyms.register_with_jieba()


def mixed_analyzer():
    return MixedTokenizer() | LowercaseFilter() | StopFilter(stoplist=STOP_WORDS, minsize=1) | AsciiStemFilter()


def query_terms(analyzer, text: str) -> list[str]:
    """Distinct analysed terms of a query, in order."""
    seen: dict[str, None] = {}
    for t in analyzer(text, mode="query"):
        seen.setdefault(t.text, None)
    return list(seen)
