"""The no-answer threshold of one folder, calibrated from the folder itself.

A threshold fitted on one folder misfires on another: a folder of one-line
intent questions gives every answerable question a lower confidence than a
folder of long chat-style articles, and the banner "nothing answers this"
then covers a fifth of the good answers. So each folder measures its own
scale when it is indexed:

- answerable probes: the folder's own `questions` (an article's title where
  it lists none), each held out: its article is judged as if the question
  were not in it (the head re-embedded without it, its words not counted),
  every other article as usual; at most MAX_PROBES, chosen by a hash so the
  same folder always gets the same probes;
- unanswerable probes: generic questions no support folder answers
  (`kbassist/data/offtopic_probes.yml`), in the folder's languages.

The threshold sits between the two distributions (see `threshold`); what
its constants were fitted on is in bench/decisions.md. The calibration is
stored with the index and reused until the folder has changed enough.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, replace
from importlib import resources
from typing import Callable, Sequence

import numpy as np
import yaml

from ..index.analysis import query_terms
from ..index.keyword import keyword_text
from ..knowledge.chunks import chunk_article
from ..knowledge.model import Article
from .hybrid import Candidate, HybridSearcher

MAX_PROBES = 150  # answerable probes; with the off-topic ones, a few seconds at index time
MAX_OFFTOPIC = 100  # off-topic probes per language
MIN_PROBES = 20  # fewer answerable probes than this and the folder keeps the default threshold
# The threshold: the answerable probes' 5% quantile, less a margin, kept within a band around the
# default. Fitted on the tune halves of four folders (bench/decisions.md): the probes are questions as
# the folder's writers put them, and customers' own wording scores lower, hence the margin below.
PROBE_QUANTILE = 0.05
MARGIN = 0.02
BAND = (0.40, 0.53)
RECALIBRATE_SHARE = 0.05  # of articles changed since the last calibration


@dataclass(frozen=True)
class Calibration:
    """A folder's no-answer threshold and the evidence it came from."""

    threshold: float
    answerable: int  # probes used
    unanswerable: int
    answerable_low: float  # the answerable probes' low quantile (see `threshold`)
    unanswerable_high: float  # the unanswerable probes' high quantile
    default: bool = False  # too few probes: the built-in default threshold

    def as_dict(self) -> dict:
        return {"threshold": self.threshold, "answerable_probes": self.answerable,
                "unanswerable_probes": self.unanswerable, "answerable_low": self.answerable_low,
                "unanswerable_high": self.unanswerable_high, "default": self.default}


def offtopic_probes(languages: set[str]) -> list[str]:
    """Generic questions no support folder answers, in `languages`: a stable sample of each."""
    data = yaml.safe_load(resources.files("kbassist").joinpath("data/offtopic_probes.yml").read_text("utf-8"))
    return [q for lang in ("en", "zh") if lang in languages
            for q in sorted(data.get(lang, ()), key=lambda t: hashlib.sha1(t.encode()).digest())[:MAX_OFFTOPIC]]


def answerable_probes(articles: Sequence[Article]) -> list[tuple[str, Article]]:
    """(probe, its article) pairs: listed questions, else titles; a stable sample of MAX_PROBES."""
    pairs = [(q, a) for a in articles for q in (a.questions or (a.title,)) if q.strip()]
    pairs.sort(key=lambda pair: hashlib.sha1(f"{pair[1].id}\n{pair[0]}".encode()).digest())
    return pairs[:MAX_PROBES]


def held_out(article: Article, probe: str) -> Article:
    """The article as if `probe` were not in it: removed from its questions, or its title when it is one."""
    if probe in article.questions:
        return replace(article, questions=tuple(q for q in article.questions if q != probe))
    return replace(article, title="")


def probe_confidences(searcher: HybridSearcher, articles: Sequence[Article],
                      embed_query: Callable[[str], np.ndarray],
                      embed_texts: Callable[[list[str]], np.ndarray]) -> tuple[list[float], list[float]]:
    """Confidences of the answerable probes (each held out from its article) and of the off-topic ones."""
    languages = {a.lang for a in articles} & {"en", "zh"} or {"en"}
    unanswerable = []
    for probe in offtopic_probes(languages):
        ranking = searcher.rank(probe, vector=embed_query(probe))
        unanswerable.append(searcher.confidence(ranking, ranking.candidates[0]) if ranking.candidates else 0.0)
    pairs = answerable_probes(articles)
    if not pairs:
        return [], unanswerable
    heads = embed_texts([chunk_article(held_out(a, p))[0].text or a.id for p, a in pairs])
    sections = searcher.index.article_vectors()
    answerable = []
    for (probe, article), head in zip(pairs, heads):
        vector = embed_query(probe)
        ranking = searcher.rank(probe, vector=vector)
        own = Candidate(article.id)
        own.sem = float(max([vector @ head, *(vector @ v for v in sections.get(article.id, ())[1:])]))
        own.kw_terms = frozenset(ranking.terms) & frozenset(
            query_terms(searcher.index.analyzer, keyword_text(held_out(article, probe))))
        others = [c for c in ranking.candidates if c.article_id != article.id][:1]
        answerable.append(max(searcher.confidence(ranking, c) for c in [own, *others]))
    return answerable, unanswerable


def calibrate(searcher: HybridSearcher, articles: Sequence[Article], embed_query: Callable[[str], np.ndarray],
              embed_texts: Callable[[list[str]], np.ndarray], default: float) -> Calibration:
    """Measure the folder's probes and place its threshold (see the module docstring)."""
    answerable, unanswerable = probe_confidences(searcher, articles, embed_query, embed_texts)
    high = round(quantile(unanswerable, 0.9), 4) if unanswerable else 0.0
    if len(answerable) < MIN_PROBES:
        return Calibration(default, len(answerable), len(unanswerable), 0.0, high, default=True)
    low = round(quantile(answerable, PROBE_QUANTILE), 4)
    threshold = round(min(BAND[1], max(BAND[0], low - MARGIN)), 4)
    return Calibration(threshold, len(answerable), len(unanswerable), low, high)


def quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(math.floor(q * (len(ordered) - 1)))))]


def from_json(text: str | None) -> Calibration | None:
    """A stored calibration, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads(text) if text else None
        return Calibration(float(data["threshold"]), int(data["answerable_probes"]), int(data["unanswerable_probes"]),
                           float(data["answerable_low"]), float(data["unanswerable_high"]), bool(data["default"]))
    except (ValueError, TypeError, KeyError):
        return None
