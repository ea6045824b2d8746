"""Full-batch Adam for the engine's small linear models (escalation, intents), in plain numpy.

Adam's per-weight step suits hashed word features, most of which occur in a
few examples only, and needs no tuning of a step size per problem; a few
hundred steps over a few thousand examples take about a second.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np


def minimise(params: Sequence[np.ndarray], gradients: Callable[[], Sequence[np.ndarray]], steps: int,
             learning_rate: float) -> None:
    """Update `params` in place for `steps` steps; `gradients()` returns each one's gradient at the current values."""
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    for step in range(1, steps + 1):
        for param, grad, m, v in zip(params, gradients(), first, second):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= learning_rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
