"""The tokenizer the simple peers share: lowercase Latin words, jieba for Chinese.

Latin tokens keep inner hyphens and dots (`nw-l3`, `e12`, `3.2.1`) so model
numbers and error codes stay one word. Chinese runs are cut by jieba's
default (precise) mode, not character bigrams: the words it yields are what
a person would type into grep, and the same words are used by BM25.

`query_terms` is the grep-style selection: distinct terms without English
stop words or single Chinese characters, which would match nearly every file
and drown the ranking by hit count.
"""
from __future__ import annotations

import logging
import re

import jieba

jieba.setLogLevel(logging.WARNING)

RUN = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
STOP_EN = frozenset(
    "a an the i me my mine you your we our it its is are was were be been am to of and or in on at for from by "
    "with how do does did can could what why when where which who this that these those have has had not no "
    "hi hello hey please help thanks thank there just so if but as get got any some u".split())
STOP_ZH = frozenset("你好 请问 怎么 什么 为什么 怎么办 我的 我们 你们 一个 可以 还是 就是 没有 这个 那个 已经 一下 如何 是不是".split())


def tokens(text: str) -> list[str]:
    """Every token of `text`, in order (documents and queries alike)."""
    out: list[str] = []
    for run in RUN.findall(text.lower()):
        if CJK.match(run):
            out.extend(w for w in jieba.lcut(run) if w.strip())
        else:
            out.append(run)
    return out


def query_terms(text: str) -> list[str]:
    """Distinct, selective terms of a query, for any-word matching."""
    keep = (t for t in tokens(text)
            if t not in STOP_EN and t not in STOP_ZH and not (len(t) == 1 and CJK.match(t)))
    return list(dict.fromkeys(keep))
