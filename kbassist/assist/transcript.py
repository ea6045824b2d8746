"""Find the customer's actual question inside a pasted chat transcript or ticket.

Agents paste whole conversations: timestamps, both speakers, greetings,
signatures, quoted earlier e-mails, emoji. Fed to search as is, the agent's
own canned sentences and the customer's rant outweigh the one line that asks
something. `focus()` keeps the customer's latest turn or two, strips the
ceremony, and, when that is still long, keeps the sentences that look most
like a request, in their original order. It is pure string work and never
raises, so it can run on every keystroke.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textutil import CJK_CHAR, WORD_OR_CJK, cjk_share, count_tokens

MAX_TOKENS = 300  # what retrieval gets at most
MAX_INPUT = 20_000  # characters, from the end: the latest turns are what matter
LONG_TOKENS = 120  # above this (or more than LONG_SENTENCES) sentences are ranked
LONG_SENTENCES = 3
SHORT_TEXT = 40  # a short message is kept whole: each sentence is context
SHORT_FOLLOW_UP = 5  # words; "why?" after an agent answer needs the earlier turn

CUSTOMER, AGENT = "customer", "agent"

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
_DATE = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}/\d{1,2}/\d{2,4},?"
BRACKETED_TIME = re.compile(rf"[\[【(（][^\]】)）\n]{{0,30}}?{_TIME}[^\]】)）\n]{{0,8}}[\]】)）]")
BARE_TIME = re.compile(rf"^\s*(?:(?:{_DATE})\s*)?(?:[上下]午\s*)?{_TIME}\s*|^\s*(?:{_DATE})\s+")
TRAILING_TIME = re.compile(rf"(?<!\s)\s+(?:(?:{_DATE})\s*)?{_TIME}\s*$")
LABEL = re.compile(r"^(?P<label>[^:：\n]{1,30}?)\s*[:：](?!//|\d)\s*(?P<rest>.*)$")
# A speaker with the time between name and colon: "客户 张女士 14:05：", "Tom 10:02 AM:".
TIMED_LABEL = re.compile(rf"^(?P<label>[^:：\n]{{1,30}}?)\s+(?:(?:{_DATE})\s*)?{_TIME}\s*[:：](?!//|\d)\s*(?P<rest>.*)$")
# Where the person sits in a role label: "Customer (Anna)", "小王(客服)", "客户 张女士", "Agent Tom".
_PERSON_PLACES = (re.compile(r"[(（]\s*([^()（）]{1,20}?)\s*[)）]"), re.compile(r"^([^()（）]{1,12}?)\s*[(（]"),
                  re.compile(r"\s(\S.{0,19})$"))

_AGENT_WORDS = re.compile(
    r"客服|客户服务|售后|店小二|商家|机器人|小助手|"
    r"\b(?:agent|support|staff|service|seller|bot|assistant|rep|representative|operator|advisor)\b",
    re.IGNORECASE,
)
_CUSTOMER_WORDS = re.compile(
    r"客户|顾客|用户|买家|客人|会员|\b(?:customer|client|user|me|buyer|guest|visitor)\b", re.IGNORECASE
)
_ROLE_WORD = (
    r"客服|售后|店小二|商家|客户|顾客|用户|买家|客人|会员"
    r"|(?i:agent|support|staff|seller|customer|client|user|me|buyer|guest|visitor)"
)
# Without a timestamp, a line is a speaker header only if it is just a role: "客户", "Agent",
# "小王(客服)". "你们客服能看到吗" mentions a role but is a message.
_HEADER_ONLY = re.compile(rf"(?:{_ROLE_WORD})|[^()（）]{{1,12}}[(（](?:{_ROLE_WORD})[)）]")
_NAMEISH = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}|[\u4e00-\u9fff]{2,4}")
_NOT_SPEAKERS = frozenset({
    "order", "order number", "order id", "note", "ps", "p.s", "re", "subject", "update", "edit",
    "question", "time", "date", "email", "e-mail", "phone", "tel", "address", "ref", "from", "to",
    "sent", "cc", "error", "warning", "step", "reason", "product", "model", "tracking", "amount",
    "订单号", "订单", "单号", "手机", "电话", "地址", "时间", "问题", "备注", "邮箱", "姓名", "型号",
    "错误", "提示", "原因", "金额", "快递单号", "物流",
})

QUOTE_HEADER = re.compile(
    r"^\s*(?:On\b.{0,200}\bwrote:|.{0,120}写道[:：]|-{2,}\s*(?:Original Message|Forwarded message|原始邮件)"
    r"\s*-{2,}|From:\s.+\b(?:Sent|Date):.*)\s*$",
    re.IGNORECASE,
)
SIGNATURE = re.compile(
    r"^\s*(?:--\s*|—|best regards,?|kind regards,?|regards,?|sincerely,?|cheers,?|此致|敬礼[!！]?"
    r"|sent from my \w+.*)\s*$",
    re.IGNORECASE,
)
GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening)|dear)"
    r"(?:\s+(?:there|team|all|guys|everyone|support|sir|madam|(?-i:[A-Z][a-z]+)))?\s*(?:[,，!！.。~～、:]+\s*|\s+|$)"
    r"|(?:您好|你好|在吗|在不在|有人吗|哈喽|嗨|早上好|下午好|晚上好|亲爱的)[,，!！.。~～、\s?？]*"
    r"|亲[,，!！.。~～、\s]+|亲$)",
    re.IGNORECASE,
)
SIGN_OFF = re.compile(
    r"(?:ok(?:ay)?\s*)?(?:thanks?(?: you)?(?: (?:so|very) much| a lot| in advance| for (?:your|the) help)?"
    r"|thx|ty|many thanks|cheers|bye|ok(?:ay)?|好的|嗯+|收到|谢谢(?:你|您)?|多谢|感谢|辛苦了|麻烦(?:你|您)?了"
    r"|再见|拜拜)(?:\s*[,，]?\s*(?-i:[A-Z][a-z]+))?",
    re.IGNORECASE,
)
# A sentence that only says who is writing ("this is Anna Schmidt", "my name is Tom from Acme", "我叫李明"):
# it names nobody's problem, and a name's words dilute the search as much as a greeting's. Names are
# capitalised words (case-sensitive: "I'm not", "this is UNACCEPTABLE" are not introductions).
_NAME = r"(?-i:[A-Z][a-z'’-]+)(?:\s+(?-i:[A-Z][a-z'’-]+)){0,3}"
INTRODUCTION = re.compile(
    rf"(?:(?:this is|it'?s|it is|my name is|my name's|i am|i'm|i’m)\s+{_NAME}|{_NAME}\s+here)"
    r"(?:\s*(?:,\s*)?(?:from|at|with|of)\s+[\w&.' -]{1,40})?"
    r"|(?:我叫|我的名字是|我的名字叫)[\u4e00-\u9fff·]{1,5}",
    re.IGNORECASE,
)
EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]|\\[[\u4e00-\u9fff]{1,4}\\]"
    r"|(?<!\w)[:;]-?[()DPp](?!\w)"
)
SENTENCE_END = re.compile(r"(?<=[。！？!?；;…])(?![。！？!?；;…])|(?<=\.)(?=\s)|\n")

_ASKING = re.compile(
    r"吗|呢|怎么|怎样|如何|能不能|能否|可不可以|可以|为什么|为啥|多久|多长时间|哪里|哪儿|什么|是否|有没有|请问"
    r"|\b(?:how|what|why|when|where|which|who|can|could|would|will|should|is it|is there|are there"
    r"|do you|does|did|any way)\b",
    re.IGNORECASE,
)
_WANTING = re.compile(
    r"想|要|需要|帮我|麻烦|\b(?:i want|i need|i'd like|i would like|please|help)\b", re.IGNORECASE
)
_PROBLEM = re.compile(
    r"没|不|失败|错误|问题|还是|\b(?:not|can't|cannot|didn't|doesn't|won't|still|never|failed|error|wrong)\b",
    re.IGNORECASE,
)
_RANT = re.compile(
    r"[!！]{2,}|\b[A-Z]{4,}\b|垃圾|太差|骗子|生气|气死"
    r"|\b(?i:ridiculous|terrible|worst|unacceptable|angry|furious)\b"
)


@dataclass(frozen=True)
class Turn:
    """One speaker's message; `label` is as written ("" for an unlabelled message)."""

    speaker: str  # "customer" | "agent"
    text: str
    label: str = ""


@dataclass(frozen=True)
class Focus:
    """A pasted message read: the question for retrieval, the customer's side for triage."""

    text: str  # what retrieval should use
    full: str  # all customer turns, greetings and emoji kept (triage reads tone from them);
    #            agent turns, quoted e-mails and signatures removed
    turns: tuple[Turn, ...]  # every turn, both speakers, quotes removed
    customer_turns: int


def _strip_time(line: str) -> tuple[str, bool]:
    """Drop bracketed and leading timestamps; a time at the end of a line is left
    alone unless the line turns out to be a speaker header ("call me after 5:30")."""
    cleaned = BARE_TIME.sub("", BRACKETED_TIME.sub("", line))
    return cleaned, cleaned != line


def _role(label: str) -> str | None:
    """'agent', 'customer', 'named' (a person, role unknown) or None (not a speaker)."""
    bare = label.strip()
    if len(bare) > 30 or len(bare.split()) > 4 or len(CJK_CHAR.findall(bare)) > 10:
        return None
    if bare.lower().rstrip(".") in _NOT_SPEAKERS:
        return None
    if _AGENT_WORDS.search(bare):
        return AGENT
    if _CUSTOMER_WORDS.search(bare):
        return CUSTOMER
    return "named" if _NAMEISH.fullmatch(bare) else None


def _split_label(line: str) -> tuple[str, str, str] | None:
    """(label, role, rest) when the line opens with a speaker, else None."""
    for m in (TIMED_LABEL.match(line), LABEL.match(line)):
        if not m:
            continue
        label = TRAILING_TIME.sub("", BRACKETED_TIME.sub("", m.group("label"))).strip()
        role = _role(label)
        if role:
            return label, role, m.group("rest")
    return None


def _person(label: str) -> str:
    """The name in a role label ("Customer (Anna)" -> "anna", "客服 小李" -> "小李"), "" when none."""
    for place in _PERSON_PLACES:
        m = place.search(label)
        name = m.group(1).strip() if m else ""
        if name and not _AGENT_WORDS.fullmatch(name) and not _CUSTOMER_WORDS.fullmatch(name):
            return name.lower()
    return ""


def _header(line: str, had_time: bool) -> tuple[str, str] | None:
    """A line that is only a speaker (and a time): "客户 2026-11-20 10:32:05"."""
    label = TRAILING_TIME.sub("", line).strip()
    had_time = had_time or label != line.strip()
    role = _role(label) if label else None
    if role and (had_time or (role != "named" and _HEADER_ONLY.fullmatch(label))):
        return label, role
    return None


def _drop_quoted(lines: list[str]) -> list[str]:
    kept = []
    for line in lines:
        if QUOTE_HEADER.match(line):
            break  # everything below a reply header is the earlier thread
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return kept


def _raw_turns(message: str) -> list[list[str]]:
    """[label, role, line, line...] groups; role 'named' is resolved later."""
    lines = [_strip_time(raw) for raw in _drop_quoted(message.splitlines())]
    groups: list[list[str]] = []
    for line, had_time in lines:
        split = _split_label(line)
        head = split[:2] if split else _header(line, had_time)
        if head:
            groups.append([*head, *split[2:]] if split else [*head])
        elif groups:
            groups[-1].append(line)
        else:
            groups.append(["", "", line])
    labelled = [g for g in groups if g[0]]
    if len(labelled) < 2 and all(g[1] == "named" for g in labelled):
        # A lone "Name:" (or "Order:") in a plain message is not a transcript.
        return [["", "", *(line for line, _ in lines)]]
    return groups


def _resolve(groups: list[list[str]]) -> list[Turn]:
    """Named speakers: by the role their name was first given ("Customer (Anna)", then "Anna:"),
    else the customer usually opens a chat and the others are agents."""
    has_customer = any(g[1] == CUSTOMER for g in groups)
    first_named = next((g[0] for g in groups if g[1] == "named"), None)
    known = {}
    for label, role, *_ in groups:
        if role in (CUSTOMER, AGENT) and _person(label):
            known.setdefault(_person(label), role)
    turns = []
    for label, role, *lines in groups:
        if role == "named":
            role = known.get(label.lower()) or (CUSTOMER if (not has_customer and label == first_named) else AGENT)
        text = _cut_signature(lines).strip()
        if text:
            turns.append(Turn(role or CUSTOMER, text, label))
    return turns


def _cut_signature(lines: list[str]) -> str:
    kept = []
    for line in lines:
        if SIGNATURE.match(line):
            break
        kept.append(line)
    return "\n".join(kept)


def sentences(text: str) -> list[str]:
    """Split at sentence punctuation (both scripts) and line breaks."""
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def clean_sentence(sentence: str) -> str:
    """The sentence without greeting, emoji and sign-off; '' if nothing else is left."""
    s = EMOJI.sub("", sentence).strip()
    previous = None
    while s and s != previous:
        previous = s
        s = GREETING.sub("", s, count=1).strip()
    end = len(s)
    while end and not s[end - 1].isalnum():
        end -= 1
    if not end or SIGN_OFF.fullmatch(s[:end]) or INTRODUCTION.fullmatch(s[:end]):
        return ""
    return s


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and not re.search(r"[\u3000-\u303f\uff00-\uffef]$", out):
            out += " "
        out += part
    return out


def request_score(sentence: str) -> float:
    score = 3.0 * bool(re.search(r"[?？]", sentence))
    score += 2.0 * min(len(_ASKING.findall(sentence)), 2)
    score += 1.5 * bool(_WANTING.search(sentence))
    score += 1.0 * bool(_PROBLEM.search(sentence))
    return score - 1.5 * bool(_RANT.search(sentence))


def _clip(text: str, limit: int) -> str:
    tokens = list(WORD_OR_CJK.finditer(text))
    return text if len(tokens) <= limit else text[: tokens[limit - 1].end()]


def _most_asking(parts: list[str]) -> list[str]:
    """Top request-like sentences within the budget, back in original order."""
    ranked = sorted(range(len(parts)), key=lambda i: (-request_score(parts[i]), -i))
    chosen, used = [], 0
    for i in ranked:
        cost = count_tokens(parts[i])
        if chosen and (len(chosen) >= LONG_SENTENCES or used + cost > LONG_TOKENS):
            continue
        chosen.append(i)
        used += cost
    return [parts[i] for i in sorted(chosen)]


def words(parts: list[str]) -> float:
    """Roughly how many words: two CJK characters carry about one English word."""
    cjk, latin = cjk_share(" ".join(parts))
    return cjk / 2 + latin


def _latest(turns: list[Turn]) -> list[str]:
    """Cleaned sentences of the customer's last run of turns (consecutive, no agent
    in between), plus the run before when the last one is a bare follow-up."""
    runs: list[list[str]] = [[]]
    for turn in turns:
        if turn.speaker == AGENT:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].extend(c for c in map(clean_sentence, sentences(turn.text)) if c)
    runs = [run for run in runs if run]
    if not runs:
        return []
    kept = runs[-1]
    if len(runs) > 1 and words(kept) < SHORT_FOLLOW_UP:
        kept = runs[-2] + kept
    budget, first = MAX_TOKENS, len(kept)
    while first > 1:
        budget -= count_tokens(kept[first - 1])
        if budget < 0:
            break
        first -= 1
    return kept[first - 1 :] if budget < 0 else kept


def focus(message: str) -> Focus:
    """The customer's question in `message`, for retrieval; see the module docstring."""
    turns = _resolve(_raw_turns((message or "")[-MAX_INPUT:]))
    customer = [t for t in turns if t.speaker == CUSTOMER]
    parts = _latest(turns)
    tokens = count_tokens(" ".join(parts))
    if tokens > LONG_TOKENS or (len(parts) > LONG_SENTENCES and tokens > SHORT_TEXT):
        parts = _most_asking(parts)
    return Focus(
        text=_clip(_join(parts), MAX_TOKENS),
        full="\n".join(t.text for t in customer),
        turns=tuple(turns),
        customer_turns=len(customer),
    )
