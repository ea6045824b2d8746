"""Which half of a frozen set a row belongs to: `tune` (fit numbers on it) or `report` (only measured).

By a hash of the text, so the halves never move when a file is re-read or
reordered, and nobody picks which rows land where. bench/decisions.md says
which numbers were fitted on which half.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def half(text: str) -> str:
    return "tune" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0 else "report"


def rows(path: Path, which: str | None = None) -> list[dict]:
    """The JSON Lines rows of `path`, only those of half `which` when given."""
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in found if which is None or half(r["query"]) == which]
