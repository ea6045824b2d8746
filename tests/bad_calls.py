"""The bad command lines kbassist must answer with one line (issue #17, finding 7).

Shared by tests/test_cli_bad_input.py (in-process) and bench/faults.py (real
processes, counting tracebacks): each call names the exit codes it may end
with. A surrogate in an argument is what Python makes of a byte that is not
UTF-8 on the command line (`$'refund \\xff'`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BadCall:
    name: str
    args: tuple[str, ...]  # {kb}, {index}, {base} are filled in
    codes: tuple[int, ...] = (1, 2)
    stdin: bytes | None = None

    def arguments(self, base: Path) -> tuple[list[str], bytes | None]:
        places = {"kb": str(base / "kb"), "index": str(base / "index"), "base": str(base)}
        return [a.format(**places) for a in self.args], self.stdin


INDEX = ("--index-dir", "{index}", "--embedder", "hash-64")
BAD_CALLS = (
    BadCall("query-with-a-byte-that-is-not-utf8", ("search", "{kb}", "refund \udcff", *INDEX), (0,)),
    BadCall("suggest-with-a-byte-that-is-not-utf8", ("suggest", "{kb}", "refund \udcff", *INDEX, "--no-log"), (0,)),
    BadCall("suggest-stdin-not-utf8", ("suggest", "{kb}", "-", *INDEX, "--no-log"), (0,), b"refund \xff\xfe\n"),
    BadCall("index-dir-is-a-file", ("search", "{kb}", "refund", "--index-dir", "{base}/a-file")),
    BadCall("index-dir-is-dev-null", ("search", "{kb}", "refund", "--index-dir", "/dev/null")),
    BadCall("index-dir-under-a-file", ("index", "{kb}", "--index-dir", "{base}/a-file/index")),
    BadCall("index-dir-in-proc", ("index", "{kb}", "--index-dir", "/proc/nope/index")),
    BadCall("eval-queries-not-utf8", ("eval", "{kb}", "{base}/not-utf8.jsonl", *INDEX), (0, 1)),
    BadCall("eval-queries-odd-json", ("eval", "{kb}", "{base}/odd.jsonl", *INDEX), (0, 1)),
    BadCall("eval-queries-a-folder", ("eval", "{kb}", "{base}", *INDEX)),
    BadCall("suggest-batch-not-utf8", ("suggest", "{kb}", "--batch", "{base}/not-utf8.jsonl", *INDEX, "--no-log"),
            (0, 1)),
    BadCall("review-as-of-year-one", ("review", "{kb}", "--as-of", "0001-01-01", *INDEX)),
    BadCall("review-as-of-year-9999", ("review", "{kb}", "--as-of", "9999-12-31", *INDEX)),
    BadCall("review-as-of-not-a-date", ("review", "{kb}", "--as-of", "2026-02-30", *INDEX)),
    BadCall("review-out-unwritable", ("review", "{kb}", "--out", "/proc/nope/r.html", *INDEX)),
    BadCall("review-out-a-folder", ("review", "{kb}", "--out", "{base}", *INDEX)),
    BadCall("review-snooze-for-ever", ("review", "{kb}", "--snooze", "notes/plain-note", "--days", "999999999999",
                                       *INDEX)),
    BadCall("review-mark-unknown", ("review", "{kb}", "--mark-reviewed", "no/such-article", *INDEX)),
    BadCall("review-mark-date-year-one", ("review", "{kb}", "--mark-reviewed", "notes/plain-note", "--date",
                                          "0001-01-01", *INDEX)),
    BadCall("review-state-dir-dev-null", ("review", "{kb}", "--snooze", "notes/plain-note", "--days", "3",
                                          "--state-dir", "/dev/null", *INDEX)),
    BadCall("embedder-hash-0", ("search", "{kb}", "refund", "--index-dir", "{base}/index-0", "--embedder", "hash-0")),
    BadCall("embedder-hash-letters", ("search", "{kb}", "refund", "--index-dir", "{base}/index-x", "--embedder",
                                      "hash-x")),
    BadCall("embedder-missing-folder", ("search", "{kb}", "refund", "--index-dir", "{base}/index-m", "--embedder",
                                        "{base}/no-model")),
    BadCall("search-k-minus-one", ("search", "{kb}", "refund", "-k", "-1", *INDEX), (2,)),
    BadCall("search-k-zero", ("search", "{kb}", "refund", "-k", "0", *INDEX), (2,)),
    BadCall("search-k-huge", ("search", "{kb}", "refund", "-k", "999999999", *INDEX), (2,)),
    BadCall("suggest-k-zero", ("suggest", "{kb}", "refund", "-k", "0", *INDEX), (2,)),
    BadCall("eval-k-zero", ("eval", "{kb}", "{base}/odd.jsonl", "-k", "0", *INDEX), (2,)),
    BadCall("index-wait-negative", ("index", "{kb}", "--wait", "-1", *INDEX), (2,)),
    BadCall("folder-missing", ("search", "{base}/no-such-folder", "refund", *INDEX)),
    BadCall("folder-is-a-file", ("search", "{base}/a-file", "refund", *INDEX)),
    BadCall("folder-name-not-utf8", ("search", "{base}/kb\udcff", "refund", *INDEX)),
    BadCall("empty-query", ("search", "{kb}", "", *INDEX), (0, 1, 2)),
    BadCall("huge-query", ("search", "{kb}", "refund " * 18_000, *INDEX), (0,)),  # ~126 KB: the most one argument holds
    BadCall("suggest-no-message", ("suggest", "{kb}", *INDEX), (2,)),
    BadCall("unknown-mode", ("search", "{kb}", "refund", "--mode", "psychic", *INDEX), (2,)),
)


def prepare(base: Path, kb: Path) -> None:
    """The files the bad calls point at, and an article with a date of no calendar."""
    (base / "a-file").write_text("not a folder\n", encoding="utf-8")
    (base / "not-utf8.jsonl").write_bytes(b'{"query": "refund \xff card", "expected": []}\n'
                                          b'{"query": "where is my refund", "expected": ["refunds/refund-time"]}\n')
    (base / "odd.jsonl").write_text("\n".join(json.dumps(row) for row in (
        [1, 2], {"query": 5}, {"query": "refund", "expected": "refunds/refund-time"}, {"expected": []}, "text",
        {"query": "refund", "expected": [None, 3]})) + "\n", encoding="utf-8")
    (kb / "odd-date.md").write_text("---\ntitle: Odd date\nexpires: 2026-02-30\nreviewed: 2026-01-01\n---\n"
                                    "# Odd date\n\nA date of no calendar.\n", encoding="utf-8")
