"""Find and mask personal data in customer text; pull out order ids.

Why it exists: the history log must never keep a customer's phone number,
and a reply must not leak someone else's contact data. Matching runs on a
normalised view of the text (`pii_view`: full-width digits, invisible and
no-break spaces, odd separators), numbers are found by `pii_numbers`
(libphonenumber for phones, Luhn for cards, shape for ID numbers, mod 97
for IBANs), and every match is reported at its place in the original text.

Order ids are not personal data: they are extracted separately so a reply's
`{{order_id}}` can be pre-filled. A number introduced as an order id stays
an order id unless it is personal data whatever precedes it (a card, an ID
number, an IBAN, a mobile): `订单号13812345678` is a phone and
`order #4111111111111111` a card, and neither is offered as an order id.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterator

from .pii_numbers import Candidate, digit_runs, ibans, id_card_valid, luhn_valid, phones
from .pii_view import View, view

__all__ = ("KIND_LABELS", "PiiMatch", "digits", "find_order_ids", "find_pii", "id_card_valid", "luhn_valid",
           "mask")

KIND_LABELS = MappingProxyType({
    "phone": "[phone]",
    "email": "[email]",
    "id_card": "[id]",
    "bank_card": "[card]",
    "iban": "[iban]",
    "name": "[name]",
})
# When two candidates overlap, the more specific (checksummed) kind wins.
_PRIORITY = ("email", "iban", "id_card", "bank_card", "phone", "name")

# A local part and a domain are each either ASCII or not: `邮箱li.ming@example.com谢谢` is li.ming at
# example.com, while `张伟@例子.公司` is an address with no ASCII in it at all. A non-ASCII local part
# stops at the words that introduce it: 我的邮箱是张伟@例子.公司 hides 张伟@例子.公司.
_ASCII_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_LOCAL_STOPS = frozenset("是为的在到给发和或与及请用至邮箱址")
_NON_ASCII_WORD = r"[^\W\x00-\x7f]"
_LABEL = rf"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?|{_NON_ASCII_WORD}(?:[\w-]*{_NON_ASCII_WORD})?)"
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.(?:[A-Za-z]{{2,}}|{_NON_ASCII_WORD}{{2,}})")
_NAME_CJK = r"[\u4e00-\u9fff]{2,4}"
_NAME_EN = r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?){0,2}"
NAME_CJK = re.compile(rf"(?:我叫|我的名字是|我是|本人是?)\s*({_NAME_CJK})")
NAME_EN = re.compile(rf"\b(?i:my name is|my name's|i am|i'm|i’m|this is)\s+({_NAME_EN})")

# "我是新用户" is not a name: after 我是/本人 we require a common surname.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# Characters that end a CJK name: "我叫李明想问" is 李明, not 李明想问.
_NAME_STOP = frozenset("想要的在是了啊呢吗吧我你他她有买下订请问今昨现刚已和跟从来去用说找做给把被就也都还再")
# Capitalised words that follow "I am" without being a name.
_NOT_NAMES = frozenset({
    "A", "An", "The", "Not", "Very", "So", "Really", "Still", "Just", "Here", "Writing",
    "Trying", "Going", "Having", "Looking", "Calling", "Contacting", "Sorry", "Unable",
    "Happy", "Angry", "Upset", "Done", "Fine", "Ok", "Okay", "Please", "Your", "My",
    "Also", "Now", "Again", "Back", "Sure", "Interested", "Confused", "Frustrated",
    "Hi", "Hello", "Thanks", "Thank", "Regarding", "About", "From", "With", "In", "On",
})

_ORDER_WORD = re.compile(
    r"(?:订单编号|订单号码|订单号|订单|单号|(?<![A-Za-z])(?i:order)(?:\s*(?i:id|number|no\.?|num|ref))?)"
    r"\s*(?:[:：#]|(?i:is)|是|为)?\s*#?\s*([A-Za-z0-9][A-Za-z0-9-]{3,30})(?![A-Za-z0-9-])"
)
_ORDER_HASH = re.compile(r"(?<![\w&])#\s?([A-Za-z0-9][A-Za-z0-9-]{3,30})(?![A-Za-z0-9-])")
_ORDER_CODE = re.compile(r"(?<![\w-])([A-Z]{2,5}-\d{2,}(?:-[A-Z0-9]+)*)(?![\w-])")


@dataclass(frozen=True)
class PiiMatch:
    """One piece of personal data: `text[start:end] == value`."""

    kind: str  # phone | email | id_card | bank_card | iban | name
    value: str
    start: int
    end: int


def digits(value: str) -> str:
    """Only the digits of `value`, as ASCII (full-width ones too): how numbers are compared across formatting."""
    return "".join(str(unicodedata.decimal(ch)) for ch in value if unicodedata.decimal(ch, None) is not None)


def _order_spans(text: str) -> list[tuple[int, int]]:
    """Order-id candidates in the view, before personal data takes its share."""
    spans = []
    for pattern in (_ORDER_WORD, _ORDER_HASH, _ORDER_CODE):
        for m in pattern.finditer(text):
            if len(digits(m.group(1))) >= 4:
                spans.append((m.start(1), m.end(1)))
    return sorted(spans)


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and end > s for s, e in spans)


def _cjk_name(candidate: str, trigger: str) -> str | None:
    name = candidate[:1]
    for ch in candidate[1:]:
        if ch in _NAME_STOP:
            break
        name += ch
    if len(name) < 2:
        return None
    if not trigger.startswith("我叫") and not trigger.startswith("我的名字") and name[0] not in _SURNAMES:
        return None
    return name


def _en_name(candidate: str) -> str | None:
    words = []
    for word in candidate.split(" "):
        if word in _NOT_NAMES:
            break
        words.append(word)
    return " ".join(words) or None


def _local_part_start(text: str, at: int) -> int:
    """Where the local part of the address whose `@` is at `at` starts (`at`: none)."""
    start = at
    if at and text[at - 1] in _ASCII_LOCAL:
        while start and text[start - 1] in _ASCII_LOCAL:
            start -= 1
    else:
        while start and not text[start - 1].isascii() and text[start - 1] not in _LOCAL_STOPS \
                and (text[start - 1].isalnum() or unicodedata.category(text[start - 1]).startswith("M")):
            start -= 1
    return start


def _emails(text: str) -> Iterator[Candidate]:
    """Addresses found from each `@` outwards: a pattern run from every position was quadratic."""
    for at in (m.start() for m in re.finditer("@", text)):
        start = _local_part_start(text, at)
        domain = _DOMAIN.match(text, at + 1)
        if start < at and domain:
            yield "email", start, domain.end(), True


def _candidates(text: str) -> Iterator[Candidate]:
    """Every (kind, start, end, strong) in the view, overlapping ones included."""
    yield from _emails(text)
    yield from ibans(text)
    yield from digit_runs(text)
    yield from phones(text)
    for m in NAME_CJK.finditer(text):
        name = _cjk_name(m.group(1), m.group())
        if name:
            yield "name", m.start(1), m.start(1) + len(name), False
    for m in NAME_EN.finditer(text):
        name = _en_name(m.group(1))
        if name:
            yield "name", m.start(1), m.start(1) + len(name), False


@functools.lru_cache(maxsize=256)
def _analyse(text: str) -> tuple[View, tuple[Candidate, ...], tuple[tuple[int, int], ...]]:
    """The view, the personal data chosen in it (no overlaps) and the order-id spans left over.

    Cached: one suggestion checks the same customer message and settings values once per reply,
    and finding phones costs about a millisecond a text."""
    seen = view(text)
    candidates = list(_candidates(seen.text))
    strong = [(s, e) for _, s, e, is_strong in candidates if is_strong]
    orders = [(s, e) for s, e in _order_spans(seen.text) if not _overlaps(s, e, strong)]
    chosen: list[Candidate] = []
    spans: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (_PRIORITY.index(c[0]), c[1] - c[2], c[1])):
        _, start, end, is_strong = cand
        if not _overlaps(start, end, spans if is_strong else [*spans, *orders]):
            spans.append((start, end))
            chosen.append(cand)
    return seen, tuple(chosen), tuple(orders)


def find_order_ids(text: str) -> tuple[str, ...]:
    """Order ids in order of first appearance, each once (as normalised: ASCII digits)."""
    seen, _, orders = _analyse(text or "")
    found: dict[str, None] = {}
    for start, end in orders:
        found.setdefault(seen.text[start:end], None)
    return tuple(found)


def find_pii(text: str) -> tuple[PiiMatch, ...]:
    """Personal data in `text`, in order, never overlapping; order ids excluded."""
    text = text or ""
    seen, chosen, _ = _analyse(text)
    matches = []
    for kind, start, end, _ in chosen:
        o_start, o_end = seen.span(start, end)
        matches.append(PiiMatch(kind, text[o_start:o_end], o_start, o_end))
    return tuple(sorted(matches, key=lambda m: m.start))


def mask(text: str) -> str:
    """`text` with every piece of personal data replaced by a label like `[phone]`."""
    text = text or ""
    out, pos = [], 0
    for m in find_pii(text):
        out.append(text[pos : m.start])
        out.append(KIND_LABELS[m.kind])
        pos = m.end
    out.append(text[pos:])
    return "".join(out)
