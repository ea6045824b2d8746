"""Small text helpers shared by parsing, chunking and search.

CJK text has no spaces, so anything that counts or splits words must treat
each CJK character as a token; `str.split()` would see a whole paragraph as
one word. Counting never builds the list of matches: for a 2 MB Chinese
article that list alone took over 100 MB (issue #17).
"""
from __future__ import annotations

import re

CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*")
WORD_OR_CJK = re.compile(f"[{CJK_RANGES}]|[A-Za-z0-9]+")
SURROGATE = re.compile("[\ud800-\udfff]")


def cjk_share(text: str) -> tuple[int, int]:
    """Return (CJK characters, Latin words) in `text`."""
    return _count(CJK_CHAR, text), _count(LATIN_WORD, text)


def detect_lang(text: str) -> str:
    """'zh', 'en' or 'mixed', from the balance of CJK characters and Latin words.

    Two CJK characters weigh about one English word, which matches how much
    meaning each carries in support chat.
    """
    cjk, latin = cjk_share(text)
    if cjk == 0 and latin == 0:
        return "en"
    zh_weight = cjk / 2
    total = zh_weight + latin
    share = zh_weight / total
    if share >= 0.6:
        return "zh"
    if share <= 0.2:
        return "en"
    return "mixed"


def count_tokens(text: str) -> int:
    """Tokens as an embedder sees them roughly: a CJK char or a Latin word each."""
    return _count(WORD_OR_CJK, text)


def _count(pattern: re.Pattern, text: str) -> int:
    return pattern.subn("", text)[1]


def clean(text: str) -> str:
    """`text` with lone surrogates (what Python makes of bytes that are not UTF-8 in an argument or a
    paste) replaced by U+FFFD: the tokenizer, SQLite and JSON all refuse them."""
    return SURROGATE.sub("\ufffd", text)


def collapse_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)
_TABLE_ROW = re.compile(r"^\s*\|(.*?)\|?\s*$", re.M)
_WIKI_LINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]")


def readable_markdown(text: str) -> str:
    """Markdown as a person reads it in a snippet: no table rules, cells joined by " · ", a wiki link
    by its label. (The preview renders the Markdown itself; a one-line snippet cannot.)"""
    text = _TABLE_RULE.sub("", text)
    text = _TABLE_ROW.sub(lambda m: " · ".join(cell.strip() for cell in m.group(1).split("|")), text)
    return _WIKI_LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
