"""Insights at the edge: the JSON the CLI prints and the CSV table the CLI and the app export.

Both are built here only, so `kbassist insights --csv` and the app's
*Export CSV* write the same table: one row per day, then one per week.
"""
from __future__ import annotations

import csv
import dataclasses
import io

from .model import InsightsReport, Period
from .team import TeamReport

COLUMNS = tuple(f.name for f in dataclasses.fields(Period))


def _round(value):
    return round(value, 4) if isinstance(value, float) else value


def _p(value: float | None) -> float | None:
    """Three significant digits: a p-value of 3e-12 is not 0."""
    return None if value is None else float(f"{value:.3g}")


def period_dict(p: Period) -> dict:
    return {name: _round(getattr(p, name)) for name in COLUMNS} | {"start": p.start.isoformat()}


def to_json(report: InsightsReport) -> dict:
    """The whole report; the totals at the top level (messages, copy_rate, paste_to_copy_s, ...)."""
    t = report.total
    return {
        "since": report.since.isoformat() if report.since else None, "as_of": report.as_of.isoformat(),
        "messages": t.messages, "copy_rate": _round(t.copy_rate), "no_answer_rate": _round(t.no_answer_rate),
        "escalation_rate": _round(t.escalation_rate),
        "corrected_escalation_rate": _round(t.corrected_escalation_rate),
        "resolved_rate": _round(t.resolved_rate), "angry_rate": _round(t.angry_rate),
        "paste_to_copy_s": {"median": _round(t.paste_to_copy_median_s), "p90": _round(t.paste_to_copy_p90_s),
                            "within_target": _round(t.within_target)},
        "targets": dict(report.targets),
        "overrides": dict(report.overrides), "outcomes": dict(report.outcomes),
        "most_used": [{"article": a.article_id, "copies": a.count} for a in report.most_used],
        "most_skipped": [{"article": a.article_id, "skipped": a.count} for a in report.most_skipped],
        "gaps": [{"messages": g.count, "week_before": g.previous, "examples": list(g.examples),
                  "nearest": {"id": g.nearest_id, "title": g.nearest_title} if g.nearest_id else None}
                 for g in report.gaps],
        "variants": [{"article": c.article_id, "reply": c.reply_title,
                      "arms": [dataclasses.asdict(v) for v in c.variants],
                      "tests": [{k: _p(v) if k == "p_value" else _round(v) for k, v in dataclasses.asdict(t).items()}
                                for t in c.tests]}
                     for c in report.variants],
        "days": [period_dict(p) for p in report.days],
        "weeks": [period_dict(p) for p in report.weeks],
    }


def team_json(team: TeamReport) -> dict:
    """The team's report (`to_json`'s shape) with each agent's line under "agents"."""
    return {**to_json(team.report), "agents": [{"agent": line.agent, **period_dict(line.total)}
                                               for line in team.agents]}


def to_csv(report: InsightsReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("period", *COLUMNS))
    for kind, periods in (("day", report.days), ("week", report.weeks)):
        for p in periods:
            row = period_dict(p)
            writer.writerow((kind, *("" if row[c] is None else row[c] for c in COLUMNS)))
    return out.getvalue()
