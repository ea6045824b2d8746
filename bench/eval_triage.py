"""Escalation precision and recall as the product judges it: lexicon and the folder's learned models.

Each message set is judged against the folder it belongs to (the models are
trained per folder, its own questions as calm examples): the frozen set in
bench/data/escalation against the bundled knowledge/ folder (its messages span
six domains, none of them the folder's), the shared dev set and the other
voice's messages against northwind. The frozen set is reported by half
(`bench/split.py`): thresholds were fitted on `tune` only. Also printed:
the lexicon alone, for comparison, and the time per message.

    .venv/bin/python -m bench.eval_triage [--json out.json] [--show-errors SET]
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kbassist.assist.triage import escalation_metrics, triage
from kbassist.assistant import Assistant

from .split import rows

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHARED = ROOT.parent / "shared" / "eval"
SETS = {  # name: (messages, which half, folder)
    "frozen-tune": (BENCH / "data/escalation/frozen.jsonl", "tune", ROOT / "knowledge"),
    "frozen-report": (BENCH / "data/escalation/frozen.jsonl", "report", ROOT / "knowledge"),
    "northwind-dev": (SHARED / "northwind/queries-dev.jsonl", None, SHARED / "northwind/kb"),
    "northwind-voice2": (BENCH / "data/northwind-voice2/queries.jsonl", None, SHARED / "northwind/kb"),
}


def measure(work: Path, show_errors: str | None = None) -> dict:
    results, assistants = {}, {}
    for name, (path, half, folder) in SETS.items():
        if folder not in assistants:
            assistant = Assistant(folder, work / folder.name)
            for _ in assistant.jobs.build():
                pass
            assistant.calibrate()
            assistants[folder] = assistant
        assistant = assistants[folder]
        messages = [r for r in rows(path, half) if "escalate" in r]
        started = time.perf_counter()
        verdicts = [assistant.escalation.judge(r["query"]) for r in messages]
        per_message = (time.perf_counter() - started) * 1000 / max(1, len(messages))
        lexicon = [triage(r["query"], assistant.lexicon).escalate for r in messages]
        gold = [bool(r["escalate"]) for r in messages]
        result = {"messages": len(messages), "ms_per_message": round(per_message, 2),
                  "all": escalation_metrics(zip((v.escalate for v in verdicts), gold)),
                  "lexicon_only": escalation_metrics(zip(lexicon, gold))}
        for lang in ("en", "zh"):
            result[lang] = escalation_metrics((v.escalate, g) for v, g, r in zip(verdicts, gold, messages)
                                              if r.get("lang") == lang)
        results[name] = result
        if show_errors == name:
            for v, r in zip(verdicts, messages):
                if v.escalate != r["escalate"]:
                    print(f"{'FP' if v.escalate else 'FN'} p={v.probability:.2f} "
                          f"{[x.code for x in v.reasons]} {r['query'][:100]}")
    for assistant in assistants.values():
        assistant.close()
    return results


def table(results: dict) -> str:
    lines = ["| set | messages | precision | recall | en P / R | zh P / R | lexicon alone P / R | ms / message |",
             "|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        def pr(m):
            return f"{m['precision']:.2f} / {m['recall']:.2f}"
        lines.append(f"| {name} | {r['messages']} | {r['all']['precision']:.3f} | {r['all']['recall']:.3f} | "
                     f"{pr(r['en'])} | {pr(r['zh'])} | {pr(r['lexicon_only'])} | {r['ms_per_message']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "triage")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show-errors", choices=list(SETS))
    args = parser.parse_args()
    results = measure(args.work, args.show_errors)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"median ms/message: {statistics.median(r['ms_per_message'] for r in results.values())}")


if __name__ == "__main__":
    main()
