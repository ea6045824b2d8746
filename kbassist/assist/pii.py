"""Find and mask personal data in customer text; pull out order ids.

Why it exists: the history log must never keep a customer's phone number,
and a reply must not leak someone else's contact data. Detection is
deliberately checksum-backed where a checksum exists (ID-card numbers, bank
cards via Luhn), because long digit runs are everywhere in support chat
(order numbers, tracking numbers, timestamps) and a mask that eats every
number makes the log useless.

Order ids are not personal data: they are extracted separately so a reply's
`{{order_id}}` can be pre-filled, and a number introduced as an order id is
never reported as a card or phone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

KIND_LABELS = MappingProxyType({
    "phone": "[phone]",
    "email": "[email]",
    "id_card": "[id]",
    "bank_card": "[card]",
    "name": "[name]",
})
# When two candidates overlap, the more specific (checksummed) kind wins.
_PRIORITY = ("email", "id_card", "bank_card", "phone", "name")

EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
BANK_CARD = re.compile(r"(?<![\d-])(?:\d{13,19}|\d{4,6}(?:[ -]\d{2,6}){2,4})(?!\d)")
CN_MOBILE = re.compile(r"(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)")
INTL_PHONE = re.compile(
    r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,5}(?!\d)"  # +44 20 7946 0958
    r"|(?<!\d)\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?!\d)"  # (555) 123-4567
    r"|(?<![\d-])\d{3}-\d{3}-\d{4}(?![\d-])"  # 555-123-4567
)
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

    kind: str  # phone | email | id_card | bank_card | name
    value: str
    start: int
    end: int


def digits(value: str) -> str:
    """Only the digits of `value`: how numbers are compared across formatting."""
    return re.sub(r"\D", "", value)


def id_card_valid(number: str) -> bool:
    """GB 11643 checksum of an 18-character resident ID number."""
    if not re.fullmatch(r"\d{17}[\dXx]", number):
        return False
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(number[:17], weights))
    return "10X98765432"[total % 11] == number[17].upper()


def luhn_valid(number: str) -> bool:
    """Luhn checksum, which every payment card number satisfies."""
    nums = [int(d) for d in digits(number)]
    if not nums:
        return False
    total = 0
    for i, n in enumerate(reversed(nums)):
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _order_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for pattern in (_ORDER_WORD, _ORDER_HASH, _ORDER_CODE):
        for m in pattern.finditer(text):
            value = m.group(1)
            if len(digits(value)) >= 4:
                spans.append((m.start(1), m.end(1), value))
    return sorted(spans)


def find_order_ids(text: str) -> tuple[str, ...]:
    """Order ids in order of first appearance, each once."""
    seen: dict[str, None] = {}
    for _, _, value in _order_spans(text or ""):
        seen.setdefault(value, None)
    return tuple(seen)


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


def _candidates(text: str):
    for m in EMAIL.finditer(text):
        yield PiiMatch("email", m.group(), m.start(), m.end())
    for m in ID_CARD.finditer(text):
        if id_card_valid(m.group()):
            yield PiiMatch("id_card", m.group(), m.start(), m.end())
    for m in BANK_CARD.finditer(text):
        if 13 <= len(digits(m.group())) <= 19 and luhn_valid(m.group()):
            yield PiiMatch("bank_card", m.group(), m.start(), m.end())
    for pattern in (CN_MOBILE, INTL_PHONE):
        for m in pattern.finditer(text):
            if 7 <= len(digits(m.group())) <= 15:
                yield PiiMatch("phone", m.group(), m.start(), m.end())
    for m in NAME_CJK.finditer(text):
        name = _cjk_name(m.group(1), m.group())
        if name:
            yield PiiMatch("name", name, m.start(1), m.start(1) + len(name))
    for m in NAME_EN.finditer(text):
        name = _en_name(m.group(1))
        if name:
            yield PiiMatch("name", name, m.start(1), m.start(1) + len(name))


def find_pii(text: str) -> tuple[PiiMatch, ...]:
    """Personal data in `text`, in order, never overlapping; order ids excluded."""
    text = text or ""
    taken = [(s, e) for s, e, _ in _order_spans(text)]
    chosen: list[PiiMatch] = []
    ranked = sorted(_candidates(text), key=lambda c: (_PRIORITY.index(c.kind), c.start - c.end))
    for cand in ranked:
        if all(cand.end <= s or cand.start >= e for s, e in taken):
            taken.append((cand.start, cand.end))
            chosen.append(cand)
    return tuple(sorted(chosen, key=lambda c: c.start))


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
