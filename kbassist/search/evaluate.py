"""`kbassist eval`: retrieval quality of a folder against a query file.

The metric definitions live here once and `bench/metrics.py` scores every
engine with these same functions, so bench numbers and `kbassist eval`
numbers always mean the same thing: recall@k and MRR count the queries with
a non-empty `expected` (any expected id in the top k is a hit); an empty
`expected` marks an out-of-scope query, scored by the no-answer flag
(precision: of the flagged queries, the share truly out of scope; recall: of
the out-of-scope queries, the share flagged). Latency percentiles use the
nearest-rank method; here latency is the in-process search time per query
with the index warm.

The metric functions take any records with `ranked`, `expected`, `kind`,
`no_answer` and `ms` (the `Scored` protocol: `Outcome` here, `Record` for
callers without an `EvalQuery`) and return unrounded values; `summarise`
rounds for the `kbassist eval` report.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Protocol, Sequence

from ..assist.triage import escalation_metrics
from ..errors import Problem
from ..jsonl import read_jsonl


class Scored(Protocol):
    """What the metric functions read from one query's result."""

    @property
    def ranked(self) -> tuple[str, ...]: ...
    @property
    def expected(self) -> tuple[str, ...]: ...
    @property
    def kind(self) -> str: ...
    @property
    def no_answer(self) -> bool: ...
    @property
    def ms(self) -> float: ...


@dataclass(frozen=True)
class Record:
    """One query's result on its own: ranked ids, what was expected, and the cost."""

    ranked: tuple[str, ...]
    expected: tuple[str, ...]
    kind: str = ""
    no_answer: bool = False
    ms: float = 0.0


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

    @property
    def expected(self) -> tuple[str, ...]:
        return self.query.expected

    @property
    def kind(self) -> str:
        return self.query.kind


def load_queries(path: Path) -> tuple[list[EvalQuery], list[Problem]]:
    """The queries of a JSON Lines file, and a warning per line that is not a query."""
    queries, problems = [], []
    for n, row, error in read_jsonl(path, "query file"):
        if error is None:
            try:
                queries.append(_query(row))
                continue
            except (ValueError, KeyError, TypeError) as exc:
                error = exc
        problems.append(Problem.of(str(path), n, "bad_query_line", error=str(error)))
    return queries, problems


def _query(row) -> EvalQuery:
    """One line's query; TypeError naming what is wrong with it."""
    if not isinstance(row, dict) or not isinstance(row.get("query"), str):
        raise TypeError('expected an object with a "query" text')
    expected = row.get("expected") or []
    if not isinstance(expected, list) or not all(isinstance(e, str) for e in expected):
        raise TypeError('"expected" must be a list of article ids')
    return EvalQuery(row["query"], tuple(expected), str(row.get("lang", "")), str(row.get("kind", "")),
                     row.get("escalate"))


def run_queries(queries: Sequence[EvalQuery], search: Callable[[str], tuple[Sequence[str], bool, float]],
                triage: Callable[[str], bool] | None = None) -> list[Outcome]:
    outcomes = []
    for q in queries:
        ranked, no_answer, ms = search(q.query)
        escalate = triage(q.query) if triage is not None and q.escalate is not None else None
        outcomes.append(Outcome(q, tuple(ranked), no_answer, ms, escalate))
    return outcomes


def first_hit(record: Scored) -> int | None:
    """1-based rank of the first expected id, or None."""
    return next((i for i, rid in enumerate(record.ranked, 1) if rid in record.expected), None)


def retrieval(records: Iterable[Scored]) -> dict:
    """recall@1/3/5 and MRR over the answerable records; "queries" is how many were answerable."""
    ranks = [first_hit(r) for r in records if r.expected]
    n = len(ranks) or 1
    out: dict = {"queries": len(ranks)}
    for k in (1, 3, 5):
        out[f"recall@{k}"] = sum(1 for r in ranks if r is not None and r <= k) / n
    out["mrr"] = sum(1 / r for r in ranks if r is not None) / n
    return out


def no_answer_rates(records: Sequence[Scored]) -> dict:
    """Precision and recall of the no-answer flag against out-of-scope records (empty `expected`), and
    its false-alarm rate: the share of answerable records flagged (an agent told "nothing answers")."""
    flagged = [r for r in records if r.no_answer]
    oos = [r for r in records if not r.expected]
    answerable = len(records) - len(oos)
    return {
        "precision": sum(1 for r in flagged if not r.expected) / len(flagged) if flagged else 0.0,
        "recall": sum(1 for r in oos if r.no_answer) / len(oos) if oos else 0.0,
        "false_alarm_rate": sum(1 for r in flagged if r.expected) / answerable if answerable else 0.0,
        "oos_queries": len(oos),
    }


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def by_kind(records: Iterable[Scored]) -> dict[str, list]:
    """Records grouped by their non-empty `kind`, kinds in sorted order."""
    groups: dict[str, list] = {}
    for r in records:
        if r.kind:
            groups.setdefault(r.kind, []).append(r)
    return dict(sorted(groups.items()))


def summarise(outcomes: Sequence[Outcome]) -> dict:
    """The `kbassist eval` report: the shared metrics, rounded, plus escalation when labelled."""
    found = retrieval(outcomes)
    rates = no_answer_rates(outcomes)
    ms = [o.ms for o in outcomes]
    report = {
        "queries": len(outcomes),
        **{k: round(v, 4) for k, v in found.items() if k != "queries"},
        "no_answer": {key: round(rates[key], 4) for key in ("precision", "recall", "false_alarm_rate")},
        "latency_ms": {"p50": round(percentile(ms, 50), 2), "p95": round(percentile(ms, 95), 2)},
        "by_kind": {},
    }
    for kind, group in by_kind(outcomes).items():
        part = retrieval(group)
        report["by_kind"][kind] = {"queries": len(group),
                                   "recall@1": round(part["recall@1"], 4), "recall@5": round(part["recall@5"], 4)}
    labelled = [o for o in outcomes if o.escalate is not None]
    if labelled:
        report["escalation"] = escalation_metrics([(o.escalate, bool(o.query.escalate)) for o in labelled])
    return report

