"""Pre-fill a reply snippet's placeholders and substitute the agent's values.

Placeholder names are free-form (`{{order_id}}`, `{{Order Number}}`,
`{{订单号}}`), so names are normalised and mapped through synonyms to a few
things the engine can know: settings values (agent name, company), which are
facts, and values read from the customer's message (order id, phone, e-mail,
name), which are guesses the agent must confirm. The UI shows the two
differently, hence `guessed`.

Each field has a label: the article's own (front matter `placeholders:
{refund_ref: Refund reference}` or `{refund_ref: {label: ...}}`), else the
usual words for a known kind in the reader's language, else the name made
readable ("refund_ref" -> "Refund ref"): an agent should not have to read
variable names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..knowledge.articles import PLACEHOLDER, parse_placeholders
from ..knowledge.model import Reply
from ..wording import word
from .pii import find_order_ids, find_pii
from .transcript import focus

SYNONYMS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "order_id": ("order", "order_number", "order_no", "order_num", "order_ref", "订单号", "订单",
                 "订单编号", "单号"),
    "phone": ("phone_number", "mobile", "mobile_number", "tel", "telephone", "手机", "手机号",
              "电话", "联系电话"),
    "email": ("e_mail", "mail", "email_address", "邮箱", "电子邮件", "邮件地址"),
    "customer_name": ("name", "customer", "client_name", "first_name", "客户姓名", "客户名", "姓名",
                      "称呼"),
    "agent_name": ("agent", "my_name", "agent_first_name", "客服", "客服名", "客服姓名", "客服名字"),
    "company": ("company_name", "brand", "shop", "store", "公司", "公司名", "品牌", "店铺"),
})
_CANONICAL = MappingProxyType({alias: key for key, aliases in SYNONYMS.items() for alias in (key, *aliases)})
_PII_KINDS = MappingProxyType({"phone": "phone", "email": "email", "customer_name": "name"})


@dataclass(frozen=True)
class FillContext:
    """What is known before the agent types: settings values and the message."""

    known: Mapping[str, str] = field(default_factory=dict, hash=False)
    message: str = ""
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)  # name -> the article's label


@dataclass(frozen=True)
class PlaceholderValue:
    """One placeholder of a reply with its pre-filled value (None: agent must type it)."""

    name: str
    default: str | None
    value: str | None
    guessed: bool  # True: read from the customer's message, confirm before sending
    label: str = ""  # the article's label for it ("" when it gives none: see `label_for`)


def normalise(name: str) -> str:
    """`Order Number`, `orderNumber`, `order-number` -> `order_number`."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.strip())
    return re.sub(r"[\s\-.:/]+", "_", name.lower()).strip("_")


def canonical(name: str) -> str:
    """The synonym group a placeholder name belongs to, or its normalised self."""
    key = normalise(name)
    return _CANONICAL.get(key, key)


def _from_message(message: str) -> dict[str, str]:
    """First order id, phone, e-mail and name in the customer's own turns."""
    customer_text = focus(message).full
    found: dict[str, str] = {}
    orders = find_order_ids(customer_text)
    if orders:
        found["order_id"] = orders[0]
    by_kind: dict[str, str] = {}
    for match in find_pii(customer_text):
        by_kind.setdefault(match.kind, match.value)
    for key, kind in _PII_KINDS.items():
        if kind in by_kind:
            found[key] = by_kind[kind]
    return found


def placeholders_for(reply: Reply, context: FillContext) -> tuple[PlaceholderValue, ...]:
    """Every placeholder of `reply`, in order, with what the engine can pre-fill."""
    known = {canonical(k): v for k, v in context.known.items() if v and str(v).strip()}
    guesses = _from_message(context.message)
    values = []
    for ph in reply.placeholders or parse_placeholders(reply.text):
        key, label = canonical(ph.name), context.labels.get(ph.name, "")
        if key in known:
            values.append(PlaceholderValue(ph.name, ph.default, str(known[key]), False, label))
        elif key in guesses:
            values.append(PlaceholderValue(ph.name, ph.default, guesses[key], True, label))
        else:
            values.append(PlaceholderValue(ph.name, ph.default, None, False, label))
    return tuple(values)


def placeholder_labels(meta: Mapping) -> dict[str, str]:
    """An article's `placeholders:` front matter as name -> label; entries of another shape are ignored."""
    given = meta.get("placeholders") if isinstance(meta, Mapping) else None
    if not isinstance(given, Mapping):
        return {}
    labels = {}
    for name, value in given.items():
        label = value.get("label") if isinstance(value, Mapping) else value
        if isinstance(label, (str, int, float)) and not isinstance(label, bool) and str(label).strip():
            labels[str(name)] = str(label).strip()
    return labels


def readable(name: str) -> str:
    """`refund_ref` -> "Refund ref", `orderNumber` -> "Order number"; a Chinese name stays as written."""
    words = normalise(name).replace("_", " ")
    return words[:1].upper() + words[1:] if words else name


def label_for(value: PlaceholderValue, lang: str = "en") -> str:
    """The field's label in `lang`: the article's, else the usual words for a known kind, else readable."""
    return value.label or word(f"placeholder.{canonical(value.name)}", lang) or readable(value.name)


def fill(reply_text: str, values: Mapping[str, str]) -> str:
    """Substitute each `{{name}}`/`{{name|default}}`: the value, else the default,
    else leave it for `unfilled()` to report. A blank value counts as missing, so
    clearing a field brings the default back."""
    by_name = {normalise(k): v for k, v in values.items()}

    def substitute(m: re.Match) -> str:
        name = m.group(1).strip()
        value = values.get(name, by_name.get(normalise(name)))
        if value is not None and str(value).strip():
            return str(value)
        return m.group(2) if m.group(2) is not None else m.group(0)

    return PLACEHOLDER.sub(substitute, reply_text)


def unfilled(text: str) -> tuple[str, ...]:
    """Names of the placeholders still in `text`, each once, in order."""
    return tuple(ph.name for ph in parse_placeholders(text))
