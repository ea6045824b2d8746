"""Every customer problem a pasted chat leaves open, not only the latest.

A chat often carries two problems: the lock shows E40 (the agent asked for
the model, the customer gave it) and, in the same breath, "另外退款还没到账".
`focus()` keeps the latest turns, which would lose the lock. Here the
customer's sentences are grouped into problems: a turn that answers an
agent's question belongs to the problem that was asked about, a topic-shift
word ("另外", "also", "one more thing") opens a new one, and an agent turn
that answers rather than asks closes the problem it follows, and a short
remark that asks nothing ("done, thanks") opens none. What stays
open, oldest first, is what the agent still has to answer.
"""
from __future__ import annotations

import re

from .transcript import AGENT, SHORT_FOLLOW_UP, Turn, clean_sentence, request_score, sentences, words

MAX_PROBLEMS = 3
ANSWER_WORDS = 6  # an agent turn shorter than this ("let me check", "稍等") answers nothing yet
# Words that start another matter inside one customer turn.
TOPIC_SHIFT = re.compile(
    r"(?:^|(?<=[\s,，;；。.!！?？]))(?:另外|此外|还有(?:一个问题|个问题|个事|件事)?|顺便(?:问一下|问下|说一下)?|再问(?:一下|下)"
    r"|(?i:also|another (?:thing|question)|one more (?:thing|question)|btw|by the way|besides|and also|p\.?s\.?))"
    r"[\s,，:：]*"
)
_ASKS_BACK = re.compile(r"[?？]\s*$|(?:请问|麻烦(?:您|你)?提供|能(?:否|不能)提供|\b(?i:could you|can you|please (?:send|share|"
                        r"confirm|tell))\b)")


def open_problems(turns: tuple[Turn, ...]) -> list[str]:
    """The customer's problems that no agent turn has answered yet, oldest first (at most MAX_PROBLEMS)."""
    problems: list[list[str]] = []  # sentences of each problem
    is_open: list[bool] = []
    agent_asked = False
    for turn in turns:
        if turn.speaker == AGENT:
            agent_asked = bool(_ASKS_BACK.search(turn.text))
            answers = not agent_asked and words([turn.text]) >= ANSWER_WORDS
            if answers and True in is_open:
                is_open[_last_open(is_open)] = False  # the agent answered the latest open problem
            continue
        for n, segment in enumerate(_segments(turn.text)):
            follows_up = n == 0 and True in is_open and (agent_asked or words(segment) < SHORT_FOLLOW_UP)
            if follows_up:
                problems[_last_open(is_open)].extend(segment)
            elif words(segment) >= SHORT_FOLLOW_UP or any(request_score(s) > 0 for s in segment):
                # a new matter; "done, thanks." after an answer is none
                problems.append(list(segment))
                is_open.append(True)
        agent_asked = False
    found = [" ".join(p) for p, still in zip(problems, is_open) if still]
    return found[-MAX_PROBLEMS:]


def _last_open(is_open: list[bool]) -> int:
    return len(is_open) - 1 - is_open[::-1].index(True)


def _segments(text: str) -> list[list[str]]:
    """The turn's cleaned sentences, split where a topic-shift word starts another matter."""
    segments: list[list[str]] = [[]]
    for sentence in sentences(text):
        for n, part in enumerate(TOPIC_SHIFT.split(sentence)):
            cleaned = clean_sentence(part.rstrip(" ,，;；、"))
            if n and segments[-1]:
                segments.append([])
            if cleaned:
                segments[-1].append(cleaned)
    return [s for s in segments if s]
