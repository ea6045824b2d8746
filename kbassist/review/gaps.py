"""Content gaps: what customers keep asking that the folder does not answer well.

The input is the (already PII-masked) messages the log kept as gaps: nothing
answered them, the answer was weak, or the agent rewrote the copied reply
heavily (`assist.history`). Greedy threshold clustering is enough at this
size (hundreds to a few thousand messages a week) and, unlike k-means, needs
no cluster count: each message joins the closest cluster whose centroid is
similar enough, or starts a new one. A single stray message is not a gap, so
clusters smaller than `min_count` are dropped.

The week before is clustered together with this week, so each gap says how
many of its messages came from each (the trend), and the message closest to
the cluster's centre is searched for the nearest article: an editor sees
whether to write a new article or fix the one customers were sent to.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from ..textutil import collapse_ws
from .model import Gap

GAP_THRESHOLD = 0.6
GAP_WINDOW_DAYS = 7  # the weekly review looks at the last week's kept messages
MAX_EXAMPLES = 2


def cluster(vectors: np.ndarray, threshold: float = GAP_THRESHOLD) -> list[list[int]]:
    """Row indices grouped greedily by cosine similarity to each group's running centroid."""
    sums = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    members: list[list[int]] = []
    for i, vector in enumerate(vectors):
        best = -1
        if members:
            norms = np.linalg.norm(sums, axis=1)
            scores = (sums @ vector) / np.where(norms == 0, 1.0, norms)
            best = int(np.argmax(scores)) if scores.max() >= threshold else -1
        if best < 0:
            sums = np.vstack([sums, vector[None, :]])
            members.append([i])
        else:
            sums[best] += vector
            members[best].append(i)
    return members


def content_gaps(messages: Sequence[str], embed: Callable[[list[str]], np.ndarray], *,
                 threshold: float = GAP_THRESHOLD, min_count: int = 2, earlier: Sequence[str] = (),
                 nearest: Callable[[str], tuple[str, str]] | None = None) -> tuple[Gap, ...]:
    """Clusters of this period's `messages`, biggest first, each with distinct examples, how many of
    the `earlier` period's messages fell in it, and `nearest(text)` -> (article id, title) when given."""
    now = [collapse_ws(m) for m in messages if m and m.strip()]
    before = [collapse_ws(m) for m in earlier if m and m.strip()]
    texts = now + before
    if not now:
        return ()
    vectors = np.asarray(embed(texts), dtype=np.float32)
    gaps = []
    for group in cluster(vectors, threshold):
        current = [i for i in group if i < len(now)]
        if not current or len(group) < min_count:
            continue
        centre = vectors[group].sum(axis=0)
        central = texts[max(group, key=lambda i: float(vectors[i] @ centre))]
        article_id, title = nearest(central) if nearest else ("", "")
        examples = tuple(dict.fromkeys(texts[i] for i in current))[:MAX_EXAMPLES]
        gaps.append(Gap(len(current), examples, article_id, title, len(group) - len(current)))
    return tuple(sorted(gaps, key=lambda g: (-g.count, -g.previous)))
