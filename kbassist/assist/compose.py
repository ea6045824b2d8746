"""One reply from several: the agent picks two snippets (two problems in one chat), the customer gets
one message with one greeting and one sign-off.

Replies are written to stand alone, so each opens with a greeting ("Hi
{{customer_name}},", "{{customer_name|您好}}，") and ends with a sign-off
("Best regards,\\n{{agent_name}}, Lumio Support", "流明客服 {{agent_name}}").
Paragraphs are told apart by blank lines: a short first paragraph that greets
(a greeting word, or a short line ending in a comma) is the greeting, a short
last paragraph that signs (a closing word, or the agent's name) the sign-off.
The first reply's greeting and the last one's sign-off are kept, the bodies
joined in the agent's order.
"""
from __future__ import annotations

import re
from typing import Sequence

_GREETING = re.compile(r"^(hi|hello|hey|dear|good (morning|afternoon|evening)|您好|你好|亲|尊敬的)|[,，:：]$", re.I)
_SIGN_OFF = re.compile(r"^(best|kind regards|regards|thanks|thank you|cheers|sincerely|祝|此致|谢谢|感谢)"
                       r"|agent_name|客服", re.I)
SHORT = 60


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _is_greeting(paragraph: str) -> bool:
    return "\n" not in paragraph and len(paragraph) <= SHORT and bool(_GREETING.search(paragraph))


def _is_sign_off(paragraph: str) -> bool:
    lines = paragraph.splitlines()
    return len(lines) <= 3 and all(len(line) <= SHORT for line in lines) and bool(_SIGN_OFF.search(paragraph))


def split_reply(text: str) -> tuple[str, list[str], str]:
    """(greeting, body paragraphs, sign-off); "" where the reply has none."""
    parts = _paragraphs(text)
    greeting = parts.pop(0) if len(parts) > 1 and _is_greeting(parts[0]) else ""
    sign_off = parts.pop() if len(parts) > 1 and _is_sign_off(parts[-1]) else ""
    return greeting, parts, sign_off


def compose(replies: Sequence[str]) -> str:
    """The replies as one message: the first greeting, every body in order, the last sign-off."""
    split = [split_reply(text) for text in replies if text.strip()]
    if not split:
        return ""
    greeting = next((g for g, _body, _s in split if g), "")
    sign_off = next((s for _g, _body, s in reversed(split) if s), "")
    body = [paragraph for _g, paragraphs, _s in split for paragraph in paragraphs]
    return "\n\n".join(part for part in (greeting, *body, sign_off) if part)
