"""The frozen dataclasses `suggest()` returns: what the agent sees for one message.

Kept apart from `suggest.py` so the GUI and the CLI can import the shapes
without the logic, and so `model.py` stays about indexing and search.
"""
from __future__ import annotations

from dataclasses import dataclass

from .fill import PlaceholderValue
from .presend import PreSendWarning
from .triage import Triage


@dataclass(frozen=True)
class ReplySuggestion:
    """One reply snippet of a suggested article, pre-filled as far as the engine knows.

    `text` is the snippet as written; `filled` has the known and guessed
    values substituted (defaults too); `warnings` are about `filled`.
    """

    title: str
    lang: str
    text: str
    filled: str
    line: int
    placeholders: tuple[PlaceholderValue, ...] = ()
    warnings: tuple[PreSendWarning, ...] = ()
    from_translation: bool = False  # taken from a translation of the article, in the message's language
    article_id: str = ""  # the article the reply is written in (the translation's id when from_translation)
    copyable: bool = True  # False for an archived article's reply: the agent must choose to copy it anyway
    variant: str = ""  # which A/B wording this is (`assist.variants`), "" for a reply with one wording


@dataclass(frozen=True)
class Suggestion:
    """A suggested article, the section that matched best, and its replies, best language first."""

    article_id: str
    title: str
    path: str
    heading: str
    line: int
    score: float
    lang: str
    snippet: str
    replies: tuple[ReplySuggestion, ...] = ()
    warnings: tuple[PreSendWarning, ...] = ()  # about the article itself: stale, draft, hit by a launch
    confident: bool = True  # False when nothing answered the message confidently (see suggest())
    problem: str = ""  # which of the chat's open problems this answers; "" when the message has one
    archived: bool = False  # an archived article shown because it answers better than every live one


@dataclass(frozen=True)
class SuggestResult:
    """Everything for one customer message: escalate or not, and what to answer with."""

    message: str
    query: str  # what retrieval searched for: the customer's question from `focus()`, spelling corrected
    lang: str  # language of the customer's question: zh | en | mixed | "" for an empty message
    triage: Triage
    no_answer: bool
    suggestions: tuple[Suggestion, ...] = ()
    confidence: float = 0.0
    event_id: int = 0  # history event, for `record_copy`; 0 when not logged
    took_ms: float = 0.0
    problems: tuple[str, ...] = ()  # a chat's open problems, when more than one was searched
    sentiment: str = "calm"  # calm | annoyed | angry, from the escalation signals (`assist.sentiment`)
    corrected: str = ""  # what was searched for when spelling correction changed the question ("" otherwise)

    @property
    def empty(self) -> bool:
        """Nothing to search for: blank input, or only greetings and emoji."""
        return not self.query
