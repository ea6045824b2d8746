"""Quality and latency numbers from search outcomes, the same for every engine.

The definitions are those of `kbassist eval` (kbassist/evaluate.py), kept
here as an independent implementation so the benchmark scores kbassist and
its peers with code that is not part of the engine under test:

- recall@k and MRR count only queries with a non-empty `expected`; a query
  is a hit at k when any expected id is among the first k ranked ids.
- An empty `expected` marks an out-of-scope query, scored by the no-answer
  flag: precision = of the queries flagged no-answer, the share truly out of
  scope; recall = of the out-of-scope queries, the share flagged.
- Latency percentiles use the nearest-rank method over every query.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

if TYPE_CHECKING:
    from .peers import Ranked


@dataclass(frozen=True)
class Outcome:
    """One query's result: ranked article ids, what was expected, and the cost."""

    ranked: tuple[str, ...]
    expected: tuple[str, ...]
    kind: str = ""
    no_answer: bool = False
    ms: float = 0.0


def first_hit(outcome: Outcome) -> int | None:
    """1-based rank of the first expected id, or None."""
    return next((i for i, rid in enumerate(outcome.ranked, 1) if rid in outcome.expected), None)


def retrieval(outcomes: Iterable[Outcome]) -> dict:
    """recall@1/3/5 and MRR over the answerable queries."""
    ranks = [first_hit(o) for o in outcomes if o.expected]
    n = len(ranks) or 1
    out = {"queries": len(ranks)}
    for k in (1, 3, 5):
        out[f"recall@{k}"] = sum(1 for r in ranks if r is not None and r <= k) / n
    out["mrr"] = sum(1 / r for r in ranks if r is not None) / n
    return out


def no_answer(outcomes: Sequence[Outcome]) -> dict:
    flagged = [o for o in outcomes if o.no_answer]
    oos = [o for o in outcomes if not o.expected]
    return {
        "precision": sum(1 for o in flagged if not o.expected) / len(flagged) if flagged else 0.0,
        "recall": sum(1 for o in oos if o.no_answer) / len(oos) if oos else 0.0,
        "oos_queries": len(oos),
    }


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def latency(values: Sequence[float]) -> dict:
    return {f"p{p}": percentile(values, p) for p in (50, 95, 99)}


def summarise(outcomes: Sequence[Outcome]) -> dict:
    """Everything the report prints for one engine on one query set."""
    kinds = sorted({o.kind for o in outcomes if o.kind})
    return {
        **retrieval(outcomes),
        "total_queries": len(outcomes),
        "no_answer": no_answer(outcomes),
        "latency_ms": latency([o.ms for o in outcomes]),
        "by_kind": {kind: retrieval(o for o in outcomes if o.kind == kind) for kind in kinds},
    }


def load_queries(path: Path) -> list[dict]:
    """Rows of a KB-FORMAT eval file (JSON Lines); blank lines skipped."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(search: Callable[[str, int], "Ranked"], queries: Sequence[dict], k: int = 5) -> dict:
    """Ask every query, then `summarise`; failed queries are counted and the first errors kept."""
    outcomes, errors = [], []
    for row in queries:
        answer = search(row["query"], k)
        if answer.error:
            errors.append(f"{row['query'][:40]!r}: {answer.error}")
        outcomes.append(Outcome(tuple(answer.ids), tuple(row.get("expected") or ()), row.get("kind", ""),
                                answer.no_answer, answer.ms))
    return {**summarise(outcomes), "errors": len(errors), "first_errors": errors[:3]}
