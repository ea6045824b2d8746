"""From a pasted customer message to what the agent can answer with.

`suggest()` glues the engine's pieces in the order an agent reads them:
`focus()` finds the customer's question in a pasted chat, `triage()` reads
the customer's whole side (tone lives in greetings and "!!!" too) to say
whether a lead should take over, the hybrid search runs on the question
only, and each hit becomes a `Suggestion` with its replies ordered for the
customer's language, placeholders pre-filled (`fill`) and pre-send warnings
(`presend`) including staleness (`review.freshness`). An article and its
translation count as one suggestion, shown in the customer's language.

When nothing answers confidently, the closest articles are still returned,
each marked `confident=False`, and the customer's question (not the whole
paste) is logged, masked, as a content gap. An agent facing an odd question
is better served by "closest matches, check before use" than by an empty
pane: a near miss is often the right article phrased differently, and the
agent can judge it in a glance, while the flag keeps a UI from presenting it
as the answer. Blank input, or only greetings and emoji, is not a question:
an empty result, nothing logged.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from typing import Iterable, Protocol

from ..knowledge.model import Article, Reply
from ..review.freshness import freshness, launch_notes
from ..search.model import SearchHit, SearchResult
from ..settings import Settings
from ..textutil import detect_lang
from .fill import FillContext, fill, placeholders_for
from .history import History
from .model import ReplySuggestion, Suggestion, SuggestResult
from .presend import PreSendWarning, check_reply
from .transcript import focus
from .triage import Lexicon, Triage, triage

CALM = Triage(escalate=False, score=0.0)


class KnowledgeSource(Protocol):
    """What `suggest()` needs from the `Assistant`: search, articles, settings."""

    settings: Settings

    def search(self, query: str, k: int = 5) -> SearchResult: ...

    def article(self, article_id: str) -> Article | None: ...

    def article_summaries(self) -> list[Article]: ...


class _Context:
    """What is computed once per message and shared by every suggestion."""

    def __init__(self, source: KnowledgeSource, message: str, lang: str, as_of: dt.date):
        self.source = source
        self.message = message
        self.lang = lang
        self.as_of = as_of
        self.articles = source.article_summaries()
        self.launches, _ = launch_notes(self.articles)
        self.known = {"agent_name": source.settings.agent_name, **source.settings.known_values}
        self.trusted = tuple(str(v) for v in self.known.values() if v)
        self._freshness: dict[str, tuple[tuple[str, str], ...]] = {}

    def freshness(self, article: Article) -> tuple[tuple[str, str], ...]:
        if article.id not in self._freshness:
            reasons = freshness(article, self.launches, self.as_of, self.source.settings.review_every_days)
            self._freshness[article.id] = tuple((r.code, r.detail) for r in reasons)
        return self._freshness[article.id]

    def article_warnings(self, article: Article) -> tuple[PreSendWarning, ...]:
        """Status and staleness only: `check_reply` on an empty text reports nothing else."""
        return check_reply("", article_status=article.status, freshness=self.freshness(article))

    def translations(self, article: Article) -> list[Article]:
        """Articles linked to `article` by `translation_of`, either way, or as siblings of one original.

        Found among the in-memory summaries, returned whole (their replies are needed)."""
        linked = []
        for other in self.articles:
            if other.id == article.id or other.is_launch or other.status == "archived":
                continue
            if (other.translation_of == article.id or article.translation_of == other.id
                    or (article.translation_of and other.translation_of == article.translation_of)):
                linked.append(self.source.article(other.id) or other)
        return linked


def suggest(source: KnowledgeSource, message: str, *, lexicon: Lexicon, k: int = 3,
            history: History | None = None, as_of: dt.date | None = None) -> SuggestResult:
    """Triage, search and ready replies for one customer message; see the module docstring.

    `history`: where to log the suggestion (None or disabled: not logged).
    `as_of`: the day staleness is judged on (default today).
    """
    start = time.perf_counter()
    focused = focus(message)
    query = focused.text.strip()
    if not query:
        return SuggestResult(message, "", "", CALM, no_answer=False)
    verdict = triage(focused.full or query, lexicon)
    lang = detect_lang(query)
    result = source.search(query, k=k * 2)  # room for the translations that collapse below
    context = _Context(source, message, lang, as_of or dt.date.today())
    suggestions = tuple(
        _suggestion(hit, article, context, confident=not result.no_answer)
        for hit, article in _one_per_translation(result.hits, source, lang)[:k]
    )
    event_id = history.record_suggest(lang, verdict.escalate, result.no_answer, query) if history else 0
    return SuggestResult(
        message, result.corrected or query, lang, verdict, result.no_answer, suggestions, result.confidence, event_id,
        took_ms=round((time.perf_counter() - start) * 1000, 2),
    )


def _one_per_translation(hits: Iterable[SearchHit], source: KnowledgeSource,
                         lang: str) -> list[tuple[SearchHit, Article]]:
    """One hit per article and its translations, in the customer's language when one was found.

    An article and its translation give the same answer and, with replies
    reordered by language, the same reply; listing both wastes one of the
    few slots an agent looks at. The group keeps the rank and score of its
    best hit.
    """
    kept: list[tuple[SearchHit, Article]] = []
    where: dict[str, int] = {}
    for hit in hits:
        article = source.article(hit.id)
        if article is None:
            continue
        group = article.translation_of or article.id
        if group not in where:
            where[group] = len(kept)
            kept.append((hit, article))
            continue
        best, best_article = kept[where[group]]
        if best_article.lang != lang and article.lang == lang:
            kept[where[group]] = (dataclasses.replace(hit, score=best.score), article)
    return kept


def _suggestion(hit: SearchHit, article: Article, context: _Context, confident: bool) -> Suggestion:
    replies = tuple(_reply(reply, owner, context, borrowed) for reply, owner, borrowed in _ordered(article, context))
    return Suggestion(
        hit.id, hit.title, hit.path, hit.heading, hit.line, hit.score, hit.lang, hit.snippet,
        replies, context.article_warnings(article), confident,
    )


def _ordered(article: Article, context: _Context) -> list[tuple[Reply, Article, bool]]:
    """The article's replies in the message's language first, then the rest in file order.

    When the article has none in that language but a translation does, the
    translation's replies in that language lead, flagged as borrowed: a
    Chinese customer should get a Chinese reply even from an English hit.
    A mixed-language message has no preference, so file order stands.
    """
    own = [(reply, article, False) for reply in article.replies]
    if context.lang not in ("zh", "en"):
        return own
    matching = [item for item in own if item[0].lang == context.lang]
    others = [item for item in own if item[0].lang != context.lang]
    borrowed: Iterable[tuple[Reply, Article, bool]] = ()
    if not matching:
        borrowed = [(reply, other, True) for other in context.translations(article)
                    for reply in other.replies if reply.lang == context.lang]
    return [*borrowed, *matching, *others]


def _reply(reply: Reply, owner: Article, context: _Context, borrowed: bool) -> ReplySuggestion:
    placeholders = placeholders_for(reply, FillContext(context.known, context.message))
    filled = fill(reply.text, {p.name: p.value for p in placeholders if p.value})
    warnings = check_reply(
        filled,
        article_status=owner.status,
        freshness=context.freshness(owner),
        customer_message=context.message,
        trusted_text=(reply.text, *context.trusted),
    )
    return ReplySuggestion(reply.title, reply.lang, reply.text, filled, reply.line, placeholders, warnings,
                           from_translation=borrowed, article_id=owner.id)

