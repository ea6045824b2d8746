"""`kbassist insights`: the team lead's numbers from the private log on this computer (#21).

The KPIs need only the log; the content gaps need an embedder, and the
nearest article a folder: with FOLDER its index and model are used, without
one the packaged multilingual model clusters the gaps (loaded only when the
log kept gap messages in the last two weeks).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import click

from ..insights import kpis, records_of
from ..insights.export import team_json, to_csv, to_json
from ..insights.gaps import logged_gaps
from ..settings import load_settings, settings_path
from .common import engine_errors, index_dir_opt, open_assistant
from .history import open_log
from .output import emit_json, emit_table, plain
from .server import server_opt

DATE = click.DateTime(["%Y-%m-%d"])


@click.command("insights")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--since", type=DATE, help="Only what was logged from this day (UTC) on.")
@click.option("--as-of", "as_of", type=DATE, help="The last day counted (default today).")
@click.option("--json", "fmt", flag_value="json", help="Print JSON.")
@click.option("--csv", "fmt", flag_value="csv", help="Print the table per day and week as CSV.")
@click.option("--events", "fmt", flag_value="events", help="Print the events one JSON object a line (masked).")
@click.option("--no-gaps", is_flag=True, help="Skip the content gaps (they need the embedder).")
@click.option("--share", is_flag=True, help="Send this computer's numbers to the team server now "
                                            "(needs the share_metrics setting, your consent).")
@index_dir_opt
@server_opt
@engine_errors
def insights_command(folder, since, as_of, fmt, no_gaps, share, index_dir, server):
    """Team KPIs from the private log: messages, copy rate, paste-to-copy time, escalations, gaps, A/B.

    With FOLDER, each content gap names the nearest article of that folder.

    \b
    Example:
        kbassist insights --since 2026-11-01 --json
        kbassist insights knowledge/ --csv > kpis.csv
        kbassist insights --server postgresql://lead@kb-server/kb     # the team's numbers
    """
    since_day = since.date() if since else None
    as_of_day = as_of.date() if as_of else dt.date.today()
    if share:
        _share(server)
        return
    if server:
        _team(server, since_day, as_of_day, fmt)
        return
    log = open_log()
    try:
        if fmt == "events":
            for record in records_of(log.entries(since_day)):
                click.echo(json.dumps(plain(record), ensure_ascii=False))
            return
        report = kpis.report(log.entries(since_day, texts=False), as_of_day, since_day)
        if fmt != "csv" and not no_gaps:
            report = dataclasses.replace(report, gaps=_gaps(log, as_of_day, folder, index_dir))
    finally:
        log.close()
    if fmt == "json":
        emit_json(to_json(report))
    elif fmt == "csv":
        click.echo(to_csv(report), nl=False)
    else:
        _echo_table(to_json(report))


def _share(server: str | None) -> None:
    from ..server.connection import safe_url
    from ..server.events import share_records
    from ..server.index import open_reader

    settings, _ = load_settings()
    url = server or settings.server
    if not url:
        raise click.UsageError("--share needs the team server: --server URL or the `server` setting")
    if not settings.share_metrics:
        raise click.UsageError(f"sharing is off: set share_metrics = true in {settings_path()} "
                               "(or tick it in the app's settings) to agree to send your numbers")
    log, reader = open_log(), open_reader(url)
    try:
        sent = share_records(reader, settings, records_of(log.entries(texts=False)))
    finally:
        log.close()
        reader.close()
    click.echo(f"sent {sent} events to {safe_url(url)} (numbers and article ids; no message text)")


def _team(url: str, since: dt.date | None, as_of: dt.date, fmt: str | None) -> None:
    from ..insights.team import team_report
    from ..server.events import team_records
    from ..server.index import open_reader

    reader = open_reader(url)
    try:
        team = team_report(team_records(reader, since), as_of, since)
    finally:
        reader.close()
    if fmt == "json":
        emit_json(team_json(team))
    elif fmt == "csv":
        click.echo(to_csv(team.report), nl=False)
    elif fmt == "events":
        raise click.UsageError("--events prints this computer's own log; leave out --server")
    else:
        _echo_table(to_json(team.report))
        emit_table([(line.agent, line.total.messages, _share_of(line.total.copy_rate),
                     _share_of(line.total.escalation_rate), line.total.paste_to_copy_median_s or "—")
                    for line in team.agents], ["agent", "messages", "copy rate", "escalation rate",
                                               "paste→copy median s"])


def _gaps(log, as_of: dt.date, folder: Path | None, index_dir: Path | None):
    if folder is not None:
        assistant = open_assistant(folder, index_dir, quiet=True)
        try:
            return assistant.insights.gaps(as_of)
        finally:
            assistant.close()

    from ..embed.embedders import DEFAULT_EMBEDDER, UseEmbedder

    # Called only for texts not embedded before: the model loads only then.
    return logged_gaps(log, as_of, DEFAULT_EMBEDDER, lambda texts: UseEmbedder().embed(texts))


def _share_of(value) -> str:
    return "—" if value is None else f"{value:.0%}"


def _echo_table(data: dict) -> None:
    share = _share_of
    p2c = data["paste_to_copy_s"]
    emit_table([("messages", data["messages"]), ("copy rate", share(data["copy_rate"])),
                ("no-answer rate", share(data["no_answer_rate"])),
                ("escalation rate (line 20%)", share(data["escalation_rate"])),
                ("resolved (target 70%)", share(data["resolved_rate"])),
                ("angry messages", share(data["angry_rate"])),
                ("paste→copy median / p90 (target 300 s)", f"{p2c['median'] or '—'} / {p2c['p90'] or '—'}")],
               ["", "value"])
    for gap in data["gaps"]:
        nearest = gap["nearest"]["id"] if gap["nearest"] else "—"
        click.echo(f"gap: {gap['messages']} (week before {gap['week_before']}) · {' · '.join(gap['examples'])}"
                   f" · nearest {nearest}")
    for comparison in data["variants"]:
        for test in comparison["tests"]:
            click.echo(f"A/B {comparison['article']} “{comparison['reply']}” {test['metric']}: {test['verdict']}")
