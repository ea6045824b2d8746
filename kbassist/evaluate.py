"""`kbassist eval`: retrieval quality of a folder against a query file.

Definitions (shared with `bench/`): recall@k and MRR count the queries with
a non-empty `expected` (any expected id in the top k is a hit); an empty
`expected` marks an out-of-scope query, scored by the no-answer flag
(precision: of the flagged queries, the share truly out of scope; recall: of
the out-of-scope queries, the share flagged). Latency is the in-process
search time per query with the index warm.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import KbError, Problem
from .triage import escalation_metrics


@dataclass(frozen=True)
class EvalQuery:
    query: str
    expected: tuple[str, ...]
    lang: str = ""
    kind: str = ""
    escalate: bool | None = None


@dataclass(frozen=True)
class Outcome:
    query: EvalQuery
    ranked: tuple[str, ...]
    no_answer: bool
    ms: float
    escalate: bool | None = None


def load_queries(path: Path) -> tuple[list[EvalQuery], list[Problem]]:
    queries, problems = [], []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise KbError(f"cannot read query file {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            queries.append(EvalQuery(str(row["query"]), tuple(row.get("expected") or ()), row.get("lang", ""),
                                     row.get("kind", ""), row.get("escalate")))
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(Problem(str(path), n, f"bad query line: {exc}"))
    return queries, problems


def run_queries(queries: Sequence[EvalQuery], search: Callable[[str], tuple[Sequence[str], bool, float]],
                triage: Callable[[str], bool] | None = None) -> list[Outcome]:
    outcomes = []
    for q in queries:
        ranked, no_answer, ms = search(q.query)
        escalate = triage(q.query) if triage is not None and q.escalate is not None else None
        outcomes.append(Outcome(q, tuple(ranked), no_answer, ms, escalate))
    return outcomes


def _percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def _retrieval(outcomes: Iterable[Outcome]) -> dict:
    answerable = [o for o in outcomes if o.query.expected]
    n = len(answerable) or 1

    def first_rank(o: Outcome) -> int | None:
        return next((i for i, rid in enumerate(o.ranked, 1) if rid in o.query.expected), None)

    ranks = [first_rank(o) for o in answerable]
    out = {"queries": len(answerable)}
    for k in (1, 3, 5):
        out[f"recall@{k}"] = round(sum(1 for r in ranks if r is not None and r <= k) / n, 4)
    out["mrr"] = round(sum(1 / r for r in ranks if r is not None) / n, 4)
    return out


def summarise(outcomes: Sequence[Outcome]) -> dict:
    retrieval = _retrieval(outcomes)
    flagged = [o for o in outcomes if o.no_answer]
    oos = [o for o in outcomes if not o.query.expected]
    report = {
        "queries": len(outcomes),
        **{k: v for k, v in retrieval.items() if k != "queries"},
        "no_answer": {
            "precision": round(sum(1 for o in flagged if not o.query.expected) / len(flagged), 4) if flagged else 0.0,
            "recall": round(sum(1 for o in oos if o.no_answer) / len(oos), 4) if oos else 0.0,
        },
        "latency_ms": {"p50": round(_percentile([o.ms for o in outcomes], 50), 2),
                       "p95": round(_percentile([o.ms for o in outcomes], 95), 2)},
        "by_kind": {},
    }
    for kind in sorted({o.query.kind for o in outcomes if o.query.kind}):
        part = _retrieval([o for o in outcomes if o.query.kind == kind])
        report["by_kind"][kind] = {"queries": sum(1 for o in outcomes if o.query.kind == kind),
                                   "recall@1": part["recall@1"], "recall@5": part["recall@5"]}
    labelled = [o for o in outcomes if o.escalate is not None]
    if labelled:
        report["escalation"] = escalation_metrics([(o.escalate, bool(o.query.escalate)) for o in labelled])
    return report

