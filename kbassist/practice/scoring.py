"""Scoring a trainee's answer to a drill, and the summary per topic at the end of a session.

One point each for the right article (or its translation), a right reply
(one of that article's replies in the customer's language; any reply when it
has none in that language) and the right escalation decision. The score
carries the right answer, so the app can show it with the drill's `why`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .scenarios import Drill

POINTS = 3


@dataclass(frozen=True)
class Answer:
    article_id: str
    reply_title: str
    escalate: bool


@dataclass(frozen=True)
class Score:
    drill_id: str
    article_ok: bool
    reply_ok: bool
    escalate_ok: bool
    points: int
    expected: tuple[str, ...]
    replies: tuple[str, ...]
    escalate: bool
    why: str


@dataclass(frozen=True)
class TopicSummary:
    topic: str
    drills: int
    points: int
    out_of: int
    articles_right: int
    escalations_right: int


def score(drill: Drill, answer: Answer) -> Score:
    article_ok = answer.article_id in drill.expected
    reply_ok = article_ok and (answer.reply_title in drill.replies or not drill.replies)
    escalate_ok = answer.escalate == drill.escalate
    return Score(drill.id, article_ok, reply_ok, escalate_ok, article_ok + reply_ok + escalate_ok, drill.expected,
                 drill.replies, drill.escalate, drill.why)


def summary(drills: Sequence[Drill], scores: Sequence[Score]) -> tuple[TopicSummary, ...]:
    """Per topic, weakest first: where the trainee should read more."""
    by_id = {d.id: d for d in drills}
    topics: dict[str, list[Score]] = {}
    for s in scores:
        topics.setdefault(by_id[s.drill_id].topic, []).append(s)
    rows = [TopicSummary(topic, len(group), sum(s.points for s in group), POINTS * len(group),
                         sum(s.article_ok for s in group), sum(s.escalate_ok for s in group))
            for topic, group in topics.items()]
    return tuple(sorted(rows, key=lambda r: (r.points / r.out_of, r.topic)))
