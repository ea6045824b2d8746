"""Search engines measured side by side, behind one small interface.

Every peer is built on a folder once (`build(folder) -> stats`) and then
asked queries (`search(query, k) -> Ranked`). A peer never raises on a
query: no results is an empty ranking and a failure is recorded in
`Ranked.error`, so one bad query cannot stop a benchmark run.

- `RipgrepPeer`: no index; `rg` per query, files ranked by match count.
- `RecollPeer`: a Xapian index built by `recollindex`; `recollq` per query.
- `Bm25Peer`: rank-bm25 over whole articles, the floor.
- `KbassistPeer`: kbassist's own engine through `kbassist.assistant.Assistant`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Ranked:
    """A peer's answer: article ids best first, whether it said "no answer", and its cost."""

    ids: tuple[str, ...]
    no_answer: bool
    ms: float
    error: str | None = None


class Peer(Protocol):
    name: str

    def build(self, folder: Path) -> dict: ...

    def search(self, query: str, k: int) -> Ranked: ...


def article_id(path: str | Path, folder: Path) -> str:
    """The id a file gets when it has no `id:` (all of the benchmark folders): its path without .md."""
    rel = Path(path).resolve().relative_to(folder.resolve()).as_posix()
    return rel[: -len(".md")] if rel.endswith(".md") else rel


def unique(ids) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))
