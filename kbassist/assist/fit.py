"""Does a suggested reply fit the message? The checks that catch a confident wrong answer.

Ranking that is right nine times in ten still puts the E31 article first for
an E40 question now and then, and the agent, trusting the match, copies it.
These checks compare what the customer named with what the reply and its
article say, by kind of fact, never by a list of this folder's words:

- a code written the same way on both sides (E40 and E31, NW-L3 and NW-L2:
  letters and digits, compared by shape) that the message names and the
  article does not, while the article names others of that shape;
- an amount the reply states (filled in, not written in the template) that
  is none of the amounts the customer gave;
- an order state the reply takes for granted that the customer contradicts
  ("still not shipped" against "your parcel was delivered");
- a reply in another language than the customer's, and a weak match.

Each finding is a sentence for the agent; `presend` turns them into
warnings with `fit_` codes, which the app keeps next to the text checks it
re-runs while the agent edits.
"""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import Iterable

from ..wording import Params, params

# Letters then digits, with hyphens: E40, E-40, NW-L3, V5, F3. Starting with a letter keeps "24h", "5G" out.
CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+(?:-?[A-Za-z]*\d+[A-Za-z0-9]*)(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])")
MAX_CODE = 12
AMOUNT = re.compile(
    r"(?:[¥￥$€£]|RMB|CNY|USD|EUR|GBP)\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(?:元|块钱?|RMB|CNY|USD|EUR|GBP|"
    r"dollars?|euros?|pounds?)",
    re.IGNORECASE,
)
# What a message or a reply can say about an order's state, by kind.
STATES = MappingProxyType({
    "not_shipped": re.compile(r"还没(?:有)?发货|未发货|没(?:有)?发货|还没发|(?:has|have)n'?t (?:been )?(?:shipped|dispatched|sent)"
                              r"|not (?:yet )?(?:been )?(?:shipped|dispatched)|still (?:not|hasn't) (?:shipped|dispatched)",
                              re.IGNORECASE),
    "delivered": re.compile(r"已签收|签收了|已送达|送到了|(?:was|has been|been) delivered|shows? (?:as )?delivered",
                            re.IGNORECASE),
    "not_delivered": re.compile(r"没(?:有)?收到|还没到|未收到|没到货|(?:hasn't|has not|haven't|have not|never) (?:arrived|"
                                r"received|got(?:ten)?)|not (?:yet )?(?:arrived|received|delivered)", re.IGNORECASE),
    "cancelled": re.compile(r"已取消|取消了|(?:was|been|is|got) cancell?ed", re.IGNORECASE),
})
# A reply assuming the first state contradicts a message saying the second.
CONTRADICTIONS = (("delivered", "not_shipped"), ("delivered", "not_delivered"), ("not_shipped", "delivered"),
                  ("delivered", "cancelled"))
LANGUAGES = ("zh", "en")
# Each check returns the facts of a mismatch (empty: none), worded by `kbassist.wording` as `fit_<check>`.


def language_mismatch(message_lang: str, reply_lang: str) -> Params:
    if message_lang in LANGUAGES and reply_lang in LANGUAGES and reply_lang != message_lang:
        return params(message=f"lang.{message_lang}", reply=f"lang.{reply_lang}")
    return Params()


def amount_mismatch(text_after_fill: str, customer_message: str, template_texts: Iterable[str]) -> Params:
    """An amount the filled reply states (not one written in the template) that the customer never gave."""
    given = _amounts(customer_message)
    if not given:
        return Params()
    written = {a for t in template_texts for a in _amounts(t)}
    stated = [a for a in _amounts(text_after_fill) if a not in written]
    strange = [a for a in stated if a not in given]
    if not strange:
        return Params()
    return params(stated=", ".join(strange), given=", ".join(sorted(given)))


def codes_of(text: str) -> dict[str, str]:
    """The codes in `text`: compared upper-cased and without hyphens (E-40 and e40 are E40) -> as first written."""
    found: dict[str, str] = {}
    for m in CODE.finditer(text):
        if len(m.group()) <= MAX_CODE:
            found.setdefault(m.group().upper().replace("-", ""), m.group())
    return found


def _shape(code: str) -> str:
    return re.sub(r"\d+", "#", code)


def code_mismatch(message: str, reply_text: str, article_text: str) -> Params:
    """A code the message names that the article does not, while it names others of that shape."""
    asked = codes_of(message)
    offered = {**codes_of(article_text), **codes_of(reply_text)}
    missing = [c for c in asked if c not in offered and any(_shape(o) == _shape(c) for o in offered)]
    if not missing:
        return Params()
    others = sorted({offered[o] for o in offered for c in missing if _shape(o) == _shape(c)})[:4]
    return params(asked=", ".join(asked[c] for c in missing), offered=", ".join(others))


def state_mismatch(message: str, reply_text: str) -> Params:
    """An order state the reply takes for granted that the customer contradicts."""
    said = {name for name, pattern in STATES.items() if pattern.search(message)}
    assumed = {name for name, pattern in STATES.items() if pattern.search(reply_text)}
    for reply_state, message_state in CONTRADICTIONS:
        if reply_state in assumed and message_state in said and reply_state not in said:
            return params(assumed=f"state.{reply_state}", said=f"state.{message_state}")
    return Params()


def _amounts(text: str) -> set[str]:
    return {(m.group(1) or m.group(2)).replace(",", "").removesuffix(".00") for m in AMOUNT.finditer(text)}
