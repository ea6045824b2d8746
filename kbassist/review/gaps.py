"""Content gaps: what customers keep asking that the folder does not answer.

The input is the (already PII-masked) messages for which search found no
answer. Greedy threshold clustering is enough at this size (hundreds to a
few thousand messages a week) and, unlike k-means, needs no cluster count:
each message joins the closest cluster whose centroid is similar enough,
or starts a new one. A single stray message is not a gap, so clusters
smaller than `min_count` are dropped.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from ..textutil import collapse_ws
from .model import Gap

GAP_THRESHOLD = 0.6
GAP_WINDOW_DAYS = 7  # the weekly review looks at the last week's unanswered messages
MAX_EXAMPLES = 3


def content_gaps(messages: Sequence[str], embed: Callable[[list[str]], np.ndarray], *,
                 threshold: float = GAP_THRESHOLD, min_count: int = 2) -> tuple[Gap, ...]:
    """Clusters of unanswered messages, biggest first, each with a few distinct examples."""
    texts = [collapse_ws(m) for m in messages if m and m.strip()]
    if not texts:
        return ()
    vectors = np.asarray(embed(texts), dtype=np.float32)
    sums = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    members: list[list[str]] = []
    for text, vector in zip(texts, vectors):
        best = -1
        if members:
            norms = np.linalg.norm(sums, axis=1)
            scores = (sums @ vector) / np.where(norms == 0, 1.0, norms)
            best = int(np.argmax(scores)) if scores.max() >= threshold else -1
        if best < 0:
            sums = np.vstack([sums, vector[None, :]])
            members.append([text])
        else:
            sums[best] += vector
            members[best].append(text)
    gaps = [Gap(len(group), tuple(dict.fromkeys(group))[:MAX_EXAMPLES])
            for group in members if len(group) >= min_count]
    return tuple(sorted(gaps, key=lambda g: -g.count))
