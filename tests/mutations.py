"""Hostile variants of good articles, for the fuzz tests and bench/faults.py (issue #17).

A mutation is a list of edits (`Edit`) applied to one of a few good articles:
bits flipped, byte ranges deleted or repeated, the file cut short, and
snippets known to have broken parsers inserted anywhere (YAML alias bombs
and deep nesting, NUL bytes, byte order marks, broken UTF-8, long runs of
brackets, braces, backticks or spaces, fences left open). File names get the
same treatment. hypothesis draws edits (tests/test_fuzz_corpus.py); the bench
draws them from a seeded `random.Random` to make ten thousand files.
"""
from __future__ import annotations

import codecs
import random
from dataclasses import dataclass

from tests.kbfixtures import ARTICLES

BASES = tuple(text.encode("utf-8") for text in ARTICLES.values()) + (
    "---\ntitle: 退款多久到账\nlang: zh\nquestions:\n  - 钱怎么还没退回来\n---\n# 退款\n\n## 时间\n\n退回信用卡需要 3 到 10 "
    "个工作日。\n\n```reply title=\"退款\"\n{{name|您好}}，退款已发起。\n```\n".encode("utf-8"),
)
ALIAS_BOMB = ("tags: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"q{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "questions: *i\n")
SNIPPETS = (
    b"\x00", b"\x00" * 64, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, b"\xff\xfe\xfd",
    b"\xed\xa0\x80", b"\xc3", b"\r", b"\r\n" * 50, "\u2028\u202e\ufeff".encode(), "😀𝔘".encode(),
    ALIAS_BOMB.encode(), b"tags: " + b"[" * 3000 + b"]" * 3000 + b"\n", b"- " * 2000 + b"x\n",
    b"---\n", b"...\n", b"```reply title=\"open\n", b"```\n", b"~~~~\n", b"[" * 5000, b"[[" * 3000,
    b"{{" * 3000, b"{{a" + b" " * 5000, b"`" * 4000, b"# " + b" " * 5000 + b"#", b"](" * 3000, b"|" * 3000,
    b"\n" * 3000, b" \t" * 3000, b"id: " + b"x" * 300 + b"\n", b"reviewed: 9999-12-31\n", b"expires: 2026-02-30\n",
    b"review_every: 99999999999999999999y\n", b"status: \xff\n", b"title: !!binary aGVsbG8=\n",
    b"tags: !!set {a, b}\n", b"x: .nan\n", b"? [a, b]\n: c\n", b"<script>alert(1)</script>",
    b"<img src=x onerror=alert(1)>", b"[[other|label]]", b"[x](../../../etc/passwd.md)",
)
OPS = ("flip", "insert", "delete", "repeat", "truncate")


@dataclass(frozen=True)
class Edit:
    op: str
    at: float  # where in the file, 0..1
    arg: int  # the bit, snippet, length or count the edit uses


def apply(raw: bytes, edits: list[Edit]) -> bytes:
    data = bytearray(raw)
    for edit in edits:
        at = min(len(data), int(edit.at * len(data)))
        if edit.op == "flip" and data:
            data[min(at, len(data) - 1)] ^= 1 << (edit.arg % 8)
        elif edit.op == "insert":
            data[at:at] = SNIPPETS[edit.arg % len(SNIPPETS)]
        elif edit.op == "delete":
            del data[at:at + edit.arg % 200]
        elif edit.op == "repeat":
            piece = bytes(data[at:at + 40])
            data[at:at] = piece * (edit.arg % 500)
        elif edit.op == "truncate":
            del data[at:]
    return bytes(data)


def mutated(rnd: random.Random) -> bytes:
    """One hostile article drawn from `rnd`."""
    edits = [Edit(rnd.choice(OPS), rnd.random(), rnd.randrange(10 ** 6)) for _ in range(rnd.randint(1, 6))]
    return apply(rnd.choice(BASES), edits)


NAME_PARTS = (b"article", b"\xff\xfe", b"a\\b", b"x\\", b" space ", "退款".encode(), b"caf\xe9", b"-", b".",
              b"..", b"~", b"#", "\u202e".encode(), b"\t", b"%2F", b"NUL", b"con")


def file_name(rnd: random.Random, number: int) -> bytes:
    """A hostile file name for article `number` (unique by the number, ending in .md)."""
    parts = b"".join(rnd.choice(NAME_PARTS) for _ in range(rnd.randint(1, 3)))
    return parts.replace(b"/", b"_")[:120] + b"-%d.md" % number
