"""Accuracy of `assist.sentiment` on the hand-labelled messages in bench/data/sentiment.

    python -m bench.eval_sentiment [--folder knowledge --index-dir /tmp/ins-index]

Without a folder the lexicon alone judges (as before a model is loaded);
with one, the folder's escalation models too (as in the app once it is ready).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from kbassist.assist.sentiment import LEVELS, sentiment
from kbassist.assist.triage import load_lexicon, triage

DATA = Path(__file__).resolve().parent / "data" / "sentiment" / "labelled.jsonl"


def evaluate(judge) -> dict:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    confusion = {label: {guess: 0 for guess in LEVELS} for label in LEVELS}
    by_lang: dict[str, list[int]] = {}
    for row in rows:
        guess = sentiment(judge(row["text"]))
        confusion[row["label"]][guess] += 1
        by_lang.setdefault(row["lang"], []).append(int(guess == row["label"]))
    right = sum(confusion[label][label] for label in LEVELS)
    return {"messages": len(rows), "accuracy": round(right / len(rows), 3),
            "by_lang": {lang: round(sum(v) / len(v), 3) for lang, v in sorted(by_lang.items())},
            "confusion (label -> guess)": confusion}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder")
    parser.add_argument("--index-dir")
    args = parser.parse_args()
    lexicon, _ = load_lexicon(None)
    report = {"lexicon only": evaluate(lambda text: triage(text, lexicon))}
    if args.folder:
        from kbassist.assistant import Assistant

        with Assistant(args.folder, args.index_dir) as assistant:
            assistant.update()
            assistant.calibrate()
            report["lexicon and models"] = evaluate(assistant.escalation.judge)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
