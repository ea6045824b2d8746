"""What index writes report: progress of a long job, and what one write changed."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """Yielded by long jobs: `done` of `total` units, with what is happening."""

    done: int
    total: int
    label: str = ""
    vector_ids: tuple[int, ...] = ()  # vectors this step stored, for another process reading the index


@dataclass(frozen=True)
class IndexChange:
    """What one write to the indexes did; views refresh from it."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    problems: tuple = ()
    rebuilt: bool = False
    reason: str = ""

    @property
    def empty(self) -> bool:
        return not (self.added or self.updated or self.removed)

    def merged(self, later: "IndexChange") -> "IndexChange":
        """This change followed by `later` (a build done in two steps)."""
        return IndexChange(self.added + later.added, self.updated + later.updated, self.removed + later.removed,
                           self.problems + later.problems, self.rebuilt or later.rebuilt, self.reason or later.reason)
