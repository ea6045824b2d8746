"""Practice drills drawn from the knowledge folder itself: a new folder gives new drills.

Each drill takes one of an article's listed `questions` and turns it into a
message a customer could send, by rules and templates (`templates`) in the
question's language: a plain rewrite, an emotional one that stays with the
agent, a pasted chat, or an escalation (anger and a threat) that a lead
should take. The right answer is known by construction: the article (or its
translation) that lists the question, its replies in the message's language,
and whether the template escalates. Drawing is seeded, so a set can be
reviewed (`kbassist practice --json`) and replayed.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Sequence

from ..knowledge.model import Article
from ..textutil import detect_lang
from . import templates

KINDS = (("rephrased", 4), ("emotional", 2), ("transcript", 2), ("escalation", 3))  # (kind, weight)
CHOICES = 4  # articles offered to the trainee: the right one and three others


@dataclass(frozen=True)
class Drill:
    """One customer message to answer, with the right answer."""

    id: str
    message: str
    lang: str
    kind: str  # rephrased | emotional | transcript | escalation
    expected: tuple[str, ...]  # the article and its translations: any one is right
    replies: tuple[str, ...]  # titles of the expected articles' replies in the message's language
    escalate: bool
    topic: str  # the article's first tag, else its folder
    question: str  # the listed question the message came from
    title: str  # the expected article's title
    why: str  # why escalate or not, in the message's language
    choices: tuple[str, ...] = ()  # article ids offered, the right one among them


def topic_of(article: Article) -> str:
    return article.tags[0] if article.tags else (article.path.rsplit("/", 1)[0] if "/" in article.path else "")


def _family(article: Article, articles: Sequence[Article]) -> tuple[Article, ...]:
    """The article and its translations (linked by `translation_of` either way, or siblings)."""
    root = article.translation_of or article.id
    return tuple(a for a in articles if a.id == root or (a.translation_of or a.id) == root)


def _rephrase(question: str, lang: str, rng: random.Random) -> str:
    rules = templates.REWRITES[lang]
    pattern, replacement = rules[rng.randrange(len(rules))]
    text = re.sub(pattern, replacement, question.strip().lower() if lang == "en" else question.strip(), count=1)
    return rng.choice(templates.OPENERS[lang]) + text + rng.choice(templates.CLOSERS[lang])


def make_drills(articles: Sequence[Article], n: int, seed: int = 0) -> tuple[Drill, ...]:
    """`n` drills from the searchable articles' questions (fewer when the folder lists none)."""
    live = [a for a in articles if a.searchable]
    pool = [(a, q) for a in live for q in a.questions if detect_lang(q) in ("zh", "en")]
    if not pool or n <= 0:
        return ()
    rng = random.Random(seed)
    kinds = [kind for kind, weight in KINDS for _ in range(weight)]
    drills = []
    for number in range(n):
        article, question = pool[rng.randrange(len(pool))]
        lang = detect_lang(question)
        kind = kinds[rng.randrange(len(kinds))]
        message, escalate, why = _message(kind, question, lang, rng)
        family = _family(article, live)
        replies = tuple(dict.fromkeys(r.title for a in family for r in a.replies if r.lang == lang))
        others = [a.id for a in live if a not in family and not a.is_launch]
        offered = [article.id, *rng.sample(others, min(CHOICES - 1, len(others)))]
        rng.shuffle(offered)
        drills.append(Drill(f"d{number + 1}", message, lang, kind, tuple(a.id for a in family), replies, escalate,
                            topic_of(article), question, article.title, why, tuple(offered)))
    return tuple(drills)


def _message(kind: str, question: str, lang: str, rng: random.Random) -> tuple[str, bool, str]:
    calm = {"en": "a plain question: answer it, no lead needed", "zh": "普通的问题：直接回答，不必转交"}[lang]
    if kind == "transcript":
        return rng.choice(templates.TRANSCRIPTS[lang]).format(q=_rephrase(question, lang, rng)), False, calm
    if kind in ("emotional", "escalation"):
        table = templates.EMOTIONAL if kind == "emotional" else templates.ESCALATION
        template, escalate, why = rng.choice(table[lang])
        return template.format(q=question.strip()), escalate, why
    return _rephrase(question, lang, rng), False, calm
