"""Quality and latency numbers from search outcomes, the same for every engine.

A thin adapter over the metric functions of `kbassist eval`
(kbassist/evaluate.py), so the benchmark and `kbassist eval` cannot drift
apart on what recall@k, MRR, no-answer precision/recall and the latency
percentiles mean (see that module for the definitions). What is bench's own
is the shape of its results: unrounded values, p99, the out-of-scope count
and full retrieval numbers per query kind, and asking a peer's `search`.
The functions are plain arithmetic over (ranked ids, expected ids, kind,
no-answer flag, ms) records, so peers are scored with exactly the same code
as kbassist.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from kbassist.search.evaluate import Record as Outcome
from kbassist.search.evaluate import by_kind, no_answer_rates, percentile, retrieval

if TYPE_CHECKING:
    from .peers import Ranked


def summarise(outcomes: Sequence[Outcome]) -> dict:
    """Everything the report prints for one engine on one query set."""
    ms = [o.ms for o in outcomes]
    return {
        **retrieval(outcomes),
        "total_queries": len(outcomes),
        "no_answer": no_answer_rates(outcomes),
        "latency_ms": {f"p{p}": percentile(ms, p) for p in (50, 95, 99)},
        "by_kind": {kind: retrieval(group) for kind, group in by_kind(outcomes).items()},
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
