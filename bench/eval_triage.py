"""Measure escalation triage on an evaluation query file (JSON Lines).

Prints precision / recall / false-positive rate overall and per language, the
false positives and misses with their reasons (for tuning the lexicon by
category of language, never by copying a query), and the time per message:
p50/p99 over the file and over a 500-character message.

    .venv/bin/python bench/eval_triage.py [QUERIES.jsonl] [--folder KB]
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kbassist.assist.triage import escalation_metrics, load_lexicon, triage

DEFAULT_QUERIES = Path("/work/shared/eval/northwind/queries-dev.jsonl")
TIMING_ROUNDS = 20
# A long, calm-then-angry message of about 500 characters, mixed languages.
LONG_MESSAGE = (
    "Hi, I ordered a robot vacuum two weeks ago and the tracking page has not changed since Monday. "
    "我已经联系过客服，说是仓库在处理，但是到现在还没有任何消息。 "
    "Could you check where the parcel is and whether the address is right? It is for my parents' flat. "
    "如果这周还到不了，我想取消订单并退款。 "
) * 2


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(lexicon, text: str, clock=time.perf_counter) -> float:
    start = clock()
    triage(text, lexicon)
    return (clock() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="?", type=Path, default=DEFAULT_QUERIES)
    parser.add_argument("--folder", type=Path, help="knowledge folder whose .kbassist/triage.yml to use")
    args = parser.parse_args()

    lexicon, problems = load_lexicon(args.folder)
    for problem in problems:
        print(f"problem: {problem}")
    rows = [json.loads(line) for line in args.queries.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [row for row in rows if "escalate" in row]
    results = [(row, triage(row["query"], lexicon)) for row in rows]

    def report(label: str, subset) -> None:
        m = escalation_metrics((result.escalate, row["escalate"]) for row, result in subset)
        print(
            f"{label:<6} n={len(subset):<4} precision={m['precision']:.3f} recall={m['recall']:.3f} "
            f"fpr={m['false_positive_rate']:.3f}  (tp={m['tp']} fp={m['fp']} fn={m['fn']} tn={m['tn']})"
        )

    print(f"lexicon: {lexicon.source}  file: {args.queries}")
    report("all", results)
    for lang in sorted({row.get("lang", "?") for row, _ in results}):
        report(lang, [(row, result) for row, result in results if row.get("lang") == lang])

    for title, wanted in (("false positives", False), ("misses", True)):
        wrong = [(row, r) for row, r in results if r.escalate != row["escalate"] and row["escalate"] == wanted]
        print(f"\n{title} ({len(wrong)}):")
        for row, result in wrong:
            why = "; ".join(f"{reason.code}: {reason.evidence}" for reason in result.reasons) or "-"
            print(f"  [{row.get('lang')}] score={result.score:.2f} {why}\n      {row['query']}")

    per_message = [timed(lexicon, row["query"]) for _ in range(TIMING_ROUNDS) for row in rows]
    print(f"\ntiming per message: p50={percentile(per_message, 0.5):.3f} ms p99={percentile(per_message, 0.99):.3f} ms")
    # Wall time shows what the agent feels; CPU time hides other processes on a busy machine.
    for label, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        runs = [timed(lexicon, LONG_MESSAGE, clock) for _ in range(TIMING_ROUNDS * 25)]
        print(
            f"timing {len(LONG_MESSAGE)}-char message ({label}): p50={statistics.median(runs):.3f} ms "
            f"p99={percentile(runs, 0.99):.3f} ms"
        )


if __name__ == "__main__":
    main()
