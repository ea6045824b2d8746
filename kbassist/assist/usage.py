"""What the empty first screen offers an agent: the articles most used lately and an example message.

"Most used" counts the replies copied from each article in the private log
(`History.entries`), so it is empty when logging is off: nothing about
customers is kept to compute it. The example is a real question from the
folder (an article's `questions`), in the agent's language when there is one.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..knowledge.model import Article
from .history import History

WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class UsedArticle:
    article_id: str
    title: str
    copies: int


def most_used(history: History, articles: Iterable[Article], since: dt.date, k: int = 5) -> tuple[UsedArticle, ...]:
    """Articles whose replies were copied since `since`, most copied first (ties by title)."""
    counts = Counter(copy.article_id for event in history.entries(since) for copy in event.copies)
    titles = {a.id: a.title for a in articles}
    used = [UsedArticle(key, titles[key], n) for key, n in counts.items() if key in titles]
    return tuple(sorted(used, key=lambda u: (-u.copies, u.title))[:k])


def example_message(articles: Sequence[Article], lang: str, prefer: Iterable[str] = ()) -> str:
    """A question from the folder to try: from a preferred (most used) article, else the first that has one."""
    askable = {a.id: a for a in articles if a.searchable and a.questions}
    ordered = [askable[key] for key in prefer if key in askable] + sorted(askable.values(), key=lambda a: a.id)
    mine = [a for a in ordered if a.lang == lang] or ordered
    return mine[0].questions[0] if mine else ""
