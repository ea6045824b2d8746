"""Which file keeps an article id that several files claim: decided by the files, not by when they were read.

Two files with the same `id:` flipped their ids on every edit (`b/x.md` <->
`b/x`): whichever was read last lost, so snoozes and mark-reviewed hit the
other article (issue #17). The rule now depends only on the claims:

- the file whose path gives that id (`b/x.md` for `b/x`) keeps it; if none
  does, the file whose path sorts first;
- every other claimant takes the id its path gives, unless some file claims
  that one too, then its path itself, then its path with `~2`, `~3`...

Each update settles the ids the files it writes or removes claim (or
claimed), and re-settles every file that lost a claim, whose better id may
have come free: `settle` says which other files must be written again.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from ..knowledge.articles import path_to_id
from .store import Store


@dataclass(frozen=True)
class Settled:
    ids: dict[str, str]  # path -> the id its article gets, for every path the claims touch
    kept_by: dict[str, str]  # path that lost its claim -> the path that keeps that id


def settle(store: Store, claims: Mapping[str, str], leaving: Iterable[str] = ()) -> Settled:
    """The ids after the files of `claims` (path -> claimed id) are written and those `leaving` removed."""
    changing = set(claims) | set(leaving)
    before = store.files(changing)
    losers = store.outvoted()
    ids = {*claims.values(), *(s.claimed_id for s in before.values() if s.claimed_id),
           *(s.claimed_id for s in losers)}
    claimants = store.claimants(ids)
    for claimed in ids:
        claimants[claimed] = {p for p in claimants.get(claimed, set()) if p not in changing}
    for path, claimed in claims.items():
        claimants.setdefault(claimed, set()).add(path)
    claimed_anywhere = _Claimed(store, dict(claimants), changing)
    settled, kept_by = {}, {}
    for claimed, paths in claimants.items():
        if not paths:
            continue
        keeper = keeper_of(claimed, paths)
        settled[keeper] = claimed
        for path in sorted(paths - {keeper}):
            settled[path] = fallback(path, claimed_anywhere, set(settled.values()))
            kept_by[path] = keeper
    return Settled(settled, kept_by)


def keeper_of(claimed: str, paths: Iterable[str]) -> str:
    ordered = sorted(paths)
    return next((p for p in ordered if path_to_id(p) == claimed), ordered[0])


def fallback(path: str, claimed: "_Claimed", used: set[str]) -> str:
    """The id a file that lost its claim takes: one no file claims and no other loser took."""
    for candidate in (path_to_id(path), path):
        if candidate not in claimed and candidate not in used:
            return candidate
    n = 2
    while f"{path}~{n}" in claimed or f"{path}~{n}" in used:
        n += 1
    return f"{path}~{n}"


class _Claimed:
    """Whether some file claims an id, with the claims being written taking the place of the stored ones."""

    def __init__(self, store: Store, known: dict[str, set[str]], changing: set[str]):
        self.store, self.known, self.changing = store, known, changing

    def __contains__(self, candidate: str) -> bool:
        if candidate not in self.known:
            paths = self.store.claimants([candidate]).get(candidate, set())
            self.known[candidate] = {p for p in paths if p not in self.changing}
        return bool(self.known[candidate])
