"""The engine's one exception base class and the `Problem` record.

User-caused trouble (bad YAML, an unreadable file, a missing folder) is never
raised past the file it concerns: it becomes a `Problem` naming the file and
line, and the rest of the folder goes on being indexed. `KbError` is for
failures that stop the whole call (no such folder, bad arguments).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .wording import Params, describe, params


class KbError(Exception):
    """Base class of every error the engine raises on purpose."""


class FolderNotFound(KbError):
    """The knowledge folder does not exist or is not a directory."""


class IndexClosed(KbError):
    """The Assistant was closed: a late caller (a search for a folder no longer open) gets this."""


class WorkerStopped(KbError):
    """A background job's worker was stopped (`Jobs.stop`) before it answered."""


class IndexBusy(KbError):
    """Another process holds the index writer."""


class IndexUnwritable(KbError):
    """The disk refused a write to the index; the index is as it was."""


class IndexDiskFull(IndexUnwritable):
    """The disk is full (ENOSPC, or SQLite's "database or disk is full")."""


class IndexReadOnly(IndexUnwritable):
    """The index folder cannot be written (a read-only mount, no permission)."""


class IndexDamaged(KbError):
    """The index on disk is not what this version writes (a damaged or planted file): it is rebuilt."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file; `line` is 1-based, 0 when unknown.

    `code` and `params` say what is wrong in a form each front end words in its own language
    (`text(lang)`, `kbassist.wording`); `message` is the English text, for logs and JSON.
    """

    file: str
    line: int
    message: str
    severity: str = "warning"  # "warning" | "error" | "info"
    code: str = ""  # "" for a message from outside the catalog (shown as is)
    params: Params = field(default=Params(), compare=False)  # the facts behind the English text

    @classmethod
    def of(cls, file: str, line: int, code: str, severity: str = "warning", /, **values: Any) -> "Problem":
        """A problem by code; parameters may have any name (positional-only above: `file=` is a parameter)."""
        found = params(**values)
        return cls(file, line, describe(code, found), severity, code, found)

    def text(self, lang: str = "en") -> str:
        return describe(self.code, self.params, lang, self.message) if self.code else self.message

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"
