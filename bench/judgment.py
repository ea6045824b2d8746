"""The judgment an agent trusts, on sets nobody tuned on: ranking, no-answer and escalation (issue #16).

Every set is run as `kbassist eval` runs it (index, calibrate, search each
query warm), the frozen sets of bench/data by half (`split.py`): numbers were
fitted on `tune` only, `report` was measured once the choices were made.
Escalation comes from `eval_triage`. Results go to bench/out/results.json
under "judgment" and into REPORT.md.

    python -m bench.judgment            # about 10 minutes on 2 cores
"""
from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from kbassist.assistant import Assistant
from kbassist.search.evaluate import load_queries, run_queries, summarise

from . import eval_triage
from .split import half

BENCH = Path(__file__).resolve().parent
SHARED = BENCH.parent.parent / "shared" / "eval"
DATA = BENCH / "data"
# name: (folder, queries, half or None for all, what the set is for)
SETS = {
    "banking77 test": (SHARED / "banking77/kb", SHARED / "banking77/queries-test.jsonl", None, "shared"),
    "northwind dev": (SHARED / "northwind/kb", SHARED / "northwind/queries-dev.jsonl", None, "shared"),
    "northwind other voice": (SHARED / "northwind/kb", DATA / "northwind-voice2/queries.jsonl", None, "report"),
    "intents-en tune": (DATA / "intents-en/kb", DATA / "intents-en/queries.jsonl", "tune", "tune"),
    "intents-en report": (DATA / "intents-en/kb", DATA / "intents-en/queries.jsonl", "report", "report"),
    "zh-faq tune": (DATA / "zh-faq/kb", DATA / "zh-faq/queries.jsonl", "tune", "tune"),
    "zh-faq report": (DATA / "zh-faq/kb", DATA / "zh-faq/queries.jsonl", "report", "report"),
    "banking77-zh (zh queries)": (DATA / "banking77-zh/kb", DATA / "banking77-zh/queries-zh.jsonl", None, "tune"),
    "banking77-zh (en queries, cross-lingual)": (DATA / "banking77-zh/kb",
                                                 DATA / "banking77-zh/queries-en-crosslingual.jsonl", None, "tune"),
}


def measure(work: Path) -> dict:
    results, open_folders = {}, {}
    for name, (folder, queries, which, role) in SETS.items():
        if folder not in open_folders:
            for assistant in open_folders.values():
                assistant.close()
            open_folders.clear()
            assistant = Assistant(folder, work / f"{folder.parent.name}-{folder.name}")
            for _ in assistant.jobs.build():
                pass
            assistant.calibrate()
            assistant.optimize_in_background()
            assistant.wait_settled()
            open_folders[folder] = assistant
        assistant = open_folders[folder]
        items, _ = load_queries(queries)
        items = [q for q in items if which is None or half(q.query) == which]

        def run(text: str):
            result = assistant.search(text)
            return [h.id for h in result.hits], result.no_answer, result.took_ms

        report = summarise(run_queries(items, run, lambda text: assistant.escalation.judge(text).escalate))
        calibrated = assistant.calibration
        results[name] = {"role": role, **report, "threshold": calibrated.threshold if calibrated else None}
        print(f"  {name}: R@1 {report['recall@1']:.3f}", flush=True)
    for assistant in open_folders.values():
        assistant.close()
    return results


def main() -> None:
    started = time.monotonic()
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    path = out / "results.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    retrieval = measure(out / "judgment")
    escalation = eval_triage.measure(out / "triage")
    results["judgment"] = {"retrieval": retrieval, "escalation": escalation,
                           "measured_at": dt.datetime.now().isoformat(timespec="seconds"),
                           "took_s": time.monotonic() - started}
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(eval_triage.table(escalation))


if __name__ == "__main__":
    main()
