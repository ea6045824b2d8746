"""Which wording of an A/B reply the agent sees: seeded per agent, an even split over messages.

An article may hold two or more wordings of one reply (`variant="a"`,
`variant="b"` on reply blocks with the same title and language, KB-FORMAT).
Each message shows one of them, chosen by a hash of the agent's seed, the
reply and the customer's question: the same message keeps its wording while
the agent types or the index refreshes (a wording that changed under the
agent's eyes would make the test meaningless), different messages spread
evenly over the wordings, and two agents see different sequences. A hash
rather than a counter keeps the choice stateless across restarts.
"""
from __future__ import annotations

import getpass
import hashlib
from typing import Sequence

from ..knowledge.model import Reply
from ..textutil import collapse_ws


def agent_seed(agent_name: str) -> str:
    """The agent's name from the settings, else the computer account: one seed per agent."""
    if agent_name.strip():
        return agent_name.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "agent"


def draw(seed: str, key: str, message: str, choices: int) -> int:
    """A uniform index in range(choices), fixed for one (seed, reply, message)."""
    text = "\x1f".join((seed, key, collapse_ws(message).lower()))
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % choices


def pick_variants(replies: Sequence[Reply], article_id: str, seed: str, message: str) -> tuple[Reply, ...]:
    """The replies with one wording kept per A/B group (same title and language), in file order."""
    groups: dict[tuple[str, str], list[Reply]] = {}
    for reply in replies:
        if reply.variant:
            groups.setdefault((reply.title, reply.lang), []).append(reply)
    chosen = set()
    for (title, lang), members in groups.items():
        ordered = sorted(members, key=lambda r: r.variant)  # a ∪ b in file order or not, the same draw
        chosen.add(id(ordered[draw(seed, f"{article_id}\x1f{title}\x1f{lang}", message, len(ordered))]))
    return tuple(r for r in replies if not r.variant or id(r) in chosen)
