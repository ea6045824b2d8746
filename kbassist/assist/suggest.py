"""From a pasted customer message to what the agent can answer with.

`suggest()` glues the engine's pieces in the order an agent reads them:
`focus()` finds the customer's question in a pasted chat, `triage()` reads
the customer's whole side (tone lives in greetings and "!!!" too) to say
whether a lead should take over, the hybrid search runs on the question
only, and each hit becomes a `Suggestion` with its replies ordered for the
customer's language, placeholders pre-filled (`fill`) and pre-send warnings
(`presend`) including staleness (`review.freshness`). An article and its
translation count as one suggestion, shown in the customer's language.

A pasted chat that leaves two problems open (the lock's error, and "另外退款
还没到账") is searched once per problem (`problems.open_problems`), and the
suggestions alternate between them, each saying which problem it answers.
An archived article that answers better than every live one is shown first,
marked archived and not copyable by default, rather than silently hidden:
the agent learns the policy changed. Each reply carries `fit_` warnings when
it does not fit what the customer said (another error code, a contradicted
order state, another language, a weak match: `presend.check_fit`).

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
from typing import Callable, Iterable, Protocol

from ..knowledge.model import Article, Reply
from ..review.freshness import freshness, launch_notes
from ..search.model import SearchHit, SearchResult
from ..settings import Settings
from ..textutil import detect_lang
from .fill import FillContext, fill, placeholder_labels, placeholders_for
from .history import History
from .history_model import ShownDetails, VariantShown
from .model import ReplySuggestion, Suggestion, SuggestResult
from .presend import PreSendWarning, check_fit, check_reply
from .problems import open_problems
from .sentiment import sentiment
from .transcript import focus
from .triage import Triage
from .variants import agent_seed, pick_variants

CALM = Triage(escalate=False, score=0.0)
SEARCHED_STATUSES = ("published", "archived")  # archived: shown only when it beats every live article
LOW_CONFIDENCE_MARGIN = 0.1  # answered, but this close above the no-answer threshold: logged as a weak answer


class KnowledgeSource(Protocol):
    """What `suggest()` needs from the `Assistant`: search, articles, settings."""

    settings: Settings
    no_answer_threshold: float

    def search(self, query: str, k: int = 5, *, statuses: Iterable[str] = ...) -> SearchResult: ...

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
        self.seed = agent_seed(source.settings.agent_name)  # A/B wordings: one even split per agent
        self._freshness: dict[str, tuple[tuple[str, str, tuple], ...]] = {}

    def freshness(self, article: Article) -> tuple[tuple[str, str, tuple], ...]:
        if article.id not in self._freshness:
            reasons = freshness(article, self.launches, self.as_of, self.source.settings.review_every_days)
            self._freshness[article.id] = tuple((r.code, r.detail, r.params) for r in reasons)
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


def suggest(source: KnowledgeSource, message: str, *, judge: Callable[[str], Triage], k: int = 3,
            history: History | None = None, as_of: dt.date | None = None) -> SuggestResult:
    """Triage, search and ready replies for one customer message; see the module docstring.

    `judge`: the escalation verdict for the customer's side of the message (`Escalation.judge`).
    `history`: where to log the suggestion (None or disabled: not logged).
    `as_of`: the day staleness is judged on (default today).
    """
    start = time.perf_counter()
    focused = focus(message)
    query = focused.text.strip()
    if not query:
        return SuggestResult(message, "", "", CALM, no_answer=False)
    verdict = judge(focused.full or query)
    lang = detect_lang(query)
    problems = open_problems(focused.turns)
    queries = problems if len(problems) > 1 else [query]
    context = _Context(source, message, lang, as_of or dt.date.today())
    per_problem = []
    for asked in queries:
        result = source.search(asked, k=k * 2, statuses=SEARCHED_STATUSES)  # room for translations to collapse
        problem = asked if len(queries) > 1 else ""
        per_problem.append((result, [_suggestion(hit, article, context, not result.no_answer, problem)
                                     for hit, article in _one_per_translation(_live_first(result.hits), source,
                                                                              lang)[:k]]))
    suggestions = _alternate([found for _, found in per_problem], max(k, len(queries)))
    results = [result for result, _ in per_problem]
    no_answer = all(r.no_answer for r in results)
    searched = " / ".join(r.corrected or q for r, q in zip(results, queries))
    result = SuggestResult(
        message, searched, lang, verdict, no_answer, suggestions, max(r.confidence for r in results),
        took_ms=round((time.perf_counter() - start) * 1000, 2), problems=tuple(problems) if len(queries) > 1 else (),
        sentiment=sentiment(verdict), corrected=searched if any(r.corrected for r in results) else "",
    )
    if history is None:
        return result
    details = _shown(result, source.no_answer_threshold + LOW_CONFIDENCE_MARGIN)
    return dataclasses.replace(result, event_id=history.record_suggest(lang, verdict.escalate, no_answer, searched,
                                                                       details))


def _shown(result: SuggestResult, weak_below: float) -> ShownDetails:
    """What the log keeps about a suggestion for Insights: top article, confidence, tone, wordings shown."""
    variants = tuple(dict.fromkeys(VariantShown(r.article_id or s.article_id, r.title, r.variant)
                                   for s in result.suggestions for r in s.replies if r.variant))
    top = result.suggestions[0].article_id if result.suggestions else ""
    return ShownDetails(top, result.confidence, tuple(dict.fromkeys(r.code for r in result.triage.reasons)),
                        result.sentiment, not result.no_answer and result.confidence < weak_below, variants)


def _live_first(hits: Iterable[SearchHit]) -> list[SearchHit]:
    """The live hits, and an archived one only where it ranks above every live one."""
    kept: list[SearchHit] = []
    for hit in hits:
        if hit.status != "archived" or not any(h.status != "archived" for h in kept):
            kept.append(hit)
    return kept


def _alternate(lists: list[list[Suggestion]], k: int) -> tuple[Suggestion, ...]:
    """The best of each problem first, then the second of each, and so on; one entry per article."""
    merged: list[Suggestion] = []
    for rank in range(max(map(len, lists), default=0)):
        for found in lists:
            if rank < len(found) and all(s.article_id != found[rank].article_id for s in merged):
                merged.append(found[rank])
    return tuple(merged[:k])


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


def _suggestion(hit: SearchHit, article: Article, context: _Context, confident: bool, problem: str) -> Suggestion:
    replies = tuple(_reply(reply, owner, article, context, borrowed, confident, problem)
                    for reply, owner, borrowed in _ordered(article, context))
    return Suggestion(
        hit.id, hit.title, hit.path, hit.heading, hit.line, hit.score, hit.lang, hit.snippet,
        replies, context.article_warnings(article), confident, problem=problem, archived=article.status == "archived",
    )


def _ordered(article: Article, context: _Context) -> list[tuple[Reply, Article, bool]]:
    """The article's replies in the message's language first, then the rest in file order.

    When the article has none in that language but a translation does, the
    translation's replies in that language lead, flagged as borrowed: a
    Chinese customer should get a Chinese reply even from an English hit.
    A mixed-language message has no preference, so file order stands.
    """
    own = [(reply, article, False)
           for reply in pick_variants(article.replies, article.id, context.seed, context.message)]
    if context.lang not in ("zh", "en"):
        return own
    matching = [item for item in own if item[0].lang == context.lang]
    others = [item for item in own if item[0].lang != context.lang]
    borrowed: Iterable[tuple[Reply, Article, bool]] = ()
    if not matching:
        borrowed = [(reply, other, True) for other in context.translations(article)
                    for reply in pick_variants(other.replies, other.id, context.seed, context.message)
                    if reply.lang == context.lang]
    return [*borrowed, *matching, *others]


def _reply(reply: Reply, owner: Article, article: Article, context: _Context, borrowed: bool, confident: bool,
           problem: str) -> ReplySuggestion:
    placeholders = placeholders_for(reply, FillContext(context.known, context.message, placeholder_labels(owner.meta)))
    filled = fill(reply.text, {p.name: p.value for p in placeholders if p.value})
    warnings = check_reply(
        filled,
        article_status=owner.status,
        freshness=context.freshness(owner),
        customer_message=context.message,
        trusted_text=(reply.text, *context.trusted),
    )
    fit = check_fit(problem or context.message, context.lang, reply.text, reply.lang,
                    {article.title + "\n" + article.body, owner.title + "\n" + owner.body}, confident=confident)
    return ReplySuggestion(reply.title, reply.lang, reply.text, filled, reply.line, placeholders, warnings + fit,
                           from_translation=borrowed, article_id=owner.id, copyable=owner.status != "archived",
                           variant=reply.variant)

