"""What the review remembers between runs, per folder: snoozes and past reports.

It lives in the per-user data dir (`<data>/review/<folder hash>/`), never
in the knowledge folder: a snooze is one editor's to-do decision, not a
fact about the article. Past reports are kept by date so the "change since
last week" compares with the latest report *before* today's, and running
the review twice on one day does not erase the week's changes. A corrupt
state file is set aside (`.bad`) and the review starts fresh with a warning.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from ..atomic import replacing
from ..errors import KbError, Problem
from ..privacy.files import private_dir
from ..settings import data_dir
from .model import Changes, ReviewReport

KEEP_REPORTS = 26  # half a year of weekly reviews


def state_dir_for(folder: Path, override: Path | None = None) -> Path:
    """`override` when given, else `<data dir>/review/<hash of the folder's absolute path>`."""
    if override is not None:
        return Path(override)
    digest = hashlib.sha1(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    return data_dir() / "review" / digest


class ReviewState:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.problems: list[Problem] = []

    # -- snoozes ---------------------------------------------------------
    def snoozes(self) -> dict[str, dt.date]:
        return {key: dt.date.fromisoformat(until) for key, until in self._load("snoozes.json").items()}

    def snooze(self, article_id: str, until: dt.date) -> None:
        snoozes = self._load("snoozes.json")
        snoozes[article_id] = until.isoformat()
        self._save("snoozes.json", snoozes)

    # -- past reports ----------------------------------------------------
    def apply(self, report: ReviewReport) -> ReviewReport:
        """Hide snoozed items (kept in `snoozed`) and attach the change since the previous report."""
        snoozes = self.snoozes()
        hidden = tuple(i for i in report.items if snoozes.get(i.id, dt.date.min) > report.as_of)
        shown = tuple(i for i in report.items if i not in hidden)
        return dataclasses.replace(report, items=shown, snoozed=hidden, changes=self._changes(report))

    def apply_and_record(self, report: ReviewReport) -> ReviewReport:
        """`apply`, then `record` the result: what one weekly review run does."""
        report = self.apply(report)
        self.record(report)
        return report

    def record(self, report: ReviewReport) -> None:
        """Remember this report's flagged articles (snoozed ones included) under its date."""
        history = self._load("reports.json")
        history[report.as_of.isoformat()] = _flagged(report)
        kept = dict(sorted(history.items())[-KEEP_REPORTS:])
        self._save("reports.json", kept)

    def _changes(self, report: ReviewReport) -> Changes | None:
        history = self._load("reports.json")
        earlier = sorted(d for d in history if d < report.as_of.isoformat())
        if not earlier:
            return None
        before = history[earlier[-1]]
        now = _flagged(report)
        new = tuple(sorted(k for k, codes in now.items() if not set(codes) <= set(before.get(k, ()))))
        resolved = tuple(sorted(k for k in before if k not in now))
        return Changes(dt.date.fromisoformat(earlier[-1]), new, resolved)

    # -- files -----------------------------------------------------------
    def _load(self, name: str) -> dict:
        path = self.directory / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return data
        except FileNotFoundError:
            return {}
        except (ValueError, UnicodeError) as exc:
            bad = path.with_name(path.name + ".bad")
            os.replace(path, bad)
            self.problems.append(Problem.of(str(path), 0, "review_state_unreadable", error=str(exc), kept=bad.name))
            return {}
        except OSError as exc:
            raise KbError(f"cannot read the review state in {self.directory}: {exc.strerror or exc}") from exc

    def _save(self, name: str, data: dict) -> None:
        try:
            private_dir(self.directory, top=data_dir())
            with replacing(self.directory / name, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=True)
        except OSError as exc:
            raise KbError(f"cannot save the review state in {self.directory}: {exc.strerror or exc}") from exc


def _flagged(report: ReviewReport) -> dict[str, list[str]]:
    return {item.id: sorted(r.code for r in item.reasons) for item in (*report.items, *report.snoozed)}
