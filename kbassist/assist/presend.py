"""Checks run on a filled reply before the agent copies it into the CRM.

A reply that goes out with `{{order_id}}` in it, quotes an expired policy, or
carries another customer's phone number is worse than no suggestion, so each
of these becomes a visible `PreSendWarning`; nothing is dropped silently.
Staleness itself is judged elsewhere (the review rules); this module only
turns the caller's freshness reasons into warnings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterable, Sequence

from ..wording import Params, describe, params
from .fill import unfilled
from .fit import amount_mismatch, code_mismatch, language_mismatch, state_mismatch
from .pii import PiiMatch, digits, find_pii

_CONTACT_KINDS = ("phone", "email", "id_card", "bank_card")
_STATUS = MappingProxyType({"draft": "article_draft", "archived": "article_archived"})
_FRESHNESS = MappingProxyType({
    "review_overdue": ("article_overdue", "the article is overdue for review"),
    "expired": ("article_expired", "the article has passed its expiry date"),
})


@dataclass(frozen=True)
class PreSendWarning:
    """One reason to look again before sending; `code` is stable, `detail` is for people (English),
    `params` let a front end word it in its own language (`text(lang)`)."""

    code: str
    detail: str
    params: Params = field(default=Params(), compare=False)  # the facts behind the English text

    @classmethod
    def of(cls, code: str, /, **values: Any) -> "PreSendWarning":
        found = params(**values)
        return cls(code, describe(code, found), found)

    def text(self, lang: str = "en") -> str:
        return describe(self.code, self.params, lang, self.detail)


def _key(match: PiiMatch) -> str:
    """Compare numbers by digits and e-mails case-insensitively, so formatting differences
    between the reply and the message do not raise false alarms."""
    return match.value.lower() if match.kind == "email" else digits(match.value)


def partial(match: PiiMatch) -> str:
    """Enough of the value to recognise it, not enough to leak it: `***5678`, `l***@example.com`."""
    if match.kind == "email":
        local, _, domain = match.value.partition("@")
        return f"{local[:1]}***@{domain}"
    return "***" + digits(match.value)[-4:]


def _freshness_warning(code: str, detail: str, values: Params = Params()) -> PreSendWarning:
    """The review reason as a warning about the article, keeping the reason's facts (`values`)."""
    if code in _FRESHNESS:
        new_code, fallback = _FRESHNESS[code]
        return PreSendWarning(new_code, detail or fallback, Params(values))
    if code.startswith("launch:"):
        launch = code.partition(":")[2]
        return PreSendWarning("article_affected_by_launch", detail or f"changed by launch {launch}", Params(values))
    return PreSendWarning("article_stale", detail or code)


def _foreign_contact_data(text: str, customer_message: str, trusted: Sequence[str]) -> list[PreSendWarning]:
    own = {_key(m) for source in (customer_message, *trusted) for m in find_pii(source)}
    customer_digits = digits(customer_message)
    warnings = []
    for m in find_pii(text):
        if m.kind not in _CONTACT_KINDS or _key(m) in own:
            continue
        if m.kind != "email" and _key(m) in customer_digits:
            continue  # same number, written differently by the customer
        warnings.append(PreSendWarning.of("personal_data", kind=m.kind, value=partial(m)))
    return warnings


def check_reply(
    text_after_fill: str,
    *,
    article_status: str = "published",
    freshness: Sequence[tuple] = (),
    customer_message: str = "",
    trusted_text: Sequence[str] = (),
) -> tuple[PreSendWarning, ...]:
    """Every reason not to send `text_after_fill` as is.

    `freshness`: (code, detail) or (code, detail, params) from the review rules: `review_overdue`,
    `expired`, `launch:<id>`; any other code still becomes `article_stale`.
    `trusted_text`: texts whose contact data is the company's own (the reply
    template, settings values), so a hotline in the snippet is not flagged.
    """
    warnings = []
    names = unfilled(text_after_fill)
    if names:
        warnings.append(PreSendWarning.of("unfilled_placeholder", names=", ".join(names)))
    if article_status in _STATUS:
        warnings.append(PreSendWarning.of(_STATUS[article_status]))
    warnings.extend(_freshness_warning(*reason) for reason in freshness)
    warnings.extend(_foreign_contact_data(text_after_fill, customer_message, trusted_text))
    amounts = amount_mismatch(text_after_fill, customer_message, trusted_text)
    if amounts:
        warnings.append(PreSendWarning.of("fit_amount", **amounts.as_dict()))
    return tuple(warnings)


def check_fit(message: str, message_lang: str, reply_text: str, reply_lang: str, article_texts: Iterable[str], *,
              confident: bool) -> tuple[PreSendWarning, ...]:
    """Whether the reply fits what the customer said (see `fit`): warnings with `fit_` codes.

    Computed once per suggestion, on the reply as written and its article: they do not change while
    the agent fills placeholders (the amount check, which does, is part of `check_reply`).
    """
    found = (("fit_code", code_mismatch(message, reply_text, " ".join(article_texts))),
             ("fit_order_state", state_mismatch(message, reply_text)),
             ("fit_language", language_mismatch(message_lang, reply_lang)))
    warnings = [PreSendWarning.of(code, **facts.as_dict()) for code, facts in found if facts]
    if not confident:
        warnings.append(PreSendWarning.of("fit_weak_match"))
    return tuple(warnings)
