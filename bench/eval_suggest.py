"""Does `suggest()` retrieve as well as plain search on the messages it is built for?

`suggest()` searches only the customer's question that `focus()` picks out of
a message. That should help on long, rambling and emotional messages, and
must not hurt them: the issue's target is suggest recall@3 on emotional and
on long queries no more than 0.05 below `Assistant.search()` on the same
text. Each query is measured as typed and pasted inside a made-up chat
(greetings, agent turns), which is where `focus()` earns its keep. Also
prints precision/recall of suggest's escalation verdict.

The index goes to a temp dir and the history log is disabled, so running
this leaves nothing behind.

    .venv/bin/python bench/eval_suggest.py [--folder KB] [--queries QUERIES.jsonl]
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from kbassist.assist.transcript import sentences
from kbassist.assist.triage import escalation_metrics
from kbassist.assistant import Assistant
from kbassist.search.evaluate import EvalQuery, load_queries
from kbassist.settings import Settings

NORTHWIND = Path("/work/shared/eval/northwind")
K = 3
TARGET_GAP = 0.05
LONG_CHARS = 80
LONG_SENTENCES = 3
# Each query is also pasted as an agent would: inside a chat with greetings and agent turns.
CHAT = ("[10:02] Agent Mia: Hello and welcome to the help desk! How can I help you today?\n"
        "[10:03] Customer: hi 👋\n"
        "[10:03] Customer: {query}\n"
        "[10:04] Agent Mia: Thanks for waiting, let me check our records for you.")


def is_long(query: EvalQuery) -> bool:
    return len(query.query) > LONG_CHARS or len(sentences(query.query)) > LONG_SENTENCES


def recall(rows: list[tuple[EvalQuery, list[str]]]) -> float:
    answerable = [(q, ranked) for q, ranked in rows if q.expected]
    if not answerable:
        return 0.0
    return sum(1 for q, ranked in answerable if set(ranked[:K]) & set(q.expected)) / len(answerable)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=NORTHWIND / "kb")
    parser.add_argument("--queries", type=Path, default=NORTHWIND / "queries-dev.jsonl")
    args = parser.parse_args()

    queries, problems = load_queries(args.queries)
    for problem in problems:
        print(f"problem: {problem}")
    with tempfile.TemporaryDirectory(prefix="kbassist-eval-suggest-") as index_dir:
        assistant = Assistant(args.folder, index_dir, settings=Settings(logging_enabled=False))
        assistant.update()
        searched, suggested, chat_searched, chat_suggested, flags = [], [], [], [], []
        for q in queries:
            searched.append((q, [h.id for h in assistant.search(q.query, k=K).hits]))
            result = assistant.suggest(q.query, k=K, log=False)
            suggested.append((q, [s.article_id for s in result.suggestions]))
            if q.escalate is not None:
                flags.append((result.triage.escalate, q.escalate))
            chat = CHAT.format(query=q.query)
            chat_searched.append((q, [h.id for h in assistant.search(chat, k=K).hits]))
            chat_suggested.append((q, [s.article_id for s in assistant.suggest(chat, k=K, log=False).suggestions]))
        assistant.close()

    groups = {
        "all": lambda q: True,
        "emotional": lambda q: q.kind == "emotional",
        "long": is_long,
    }
    print(f"{'subset':<18} {'n':>4} {'search r@3':>11} {'suggest r@3':>12} {'delta':>7}  target")
    for pasted, (plain_rows, our_rows) in (("", (searched, suggested)), (" in chat", (chat_searched, chat_suggested))):
        for name, keep in groups.items():
            plain = [row for row in plain_rows if keep(row[0])]
            ours = [row for row in our_rows if keep(row[0])]
            n = sum(1 for q, _ in plain if q.expected)
            r_plain, r_ours = recall(plain), recall(ours)
            verdict = "ok" if r_ours >= r_plain - TARGET_GAP else "MISSED"
            print(f"{name + pasted:<18} {n:>4} {r_plain:>11.3f} {r_ours:>12.3f} {r_ours - r_plain:>+7.3f}  {verdict}")
    m = escalation_metrics(flags)
    print(f"escalation (suggest's triage) n={len(flags)} precision={m['precision']:.3f} recall={m['recall']:.3f} "
          f"fpr={m['false_positive_rate']:.3f} (tp={m['tp']} fp={m['fp']} fn={m['fn']} tn={m['tn']})")


if __name__ == "__main__":
    main()
