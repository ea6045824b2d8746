"""`kbassist history`: what the private suggestion log keeps, for its owner to see, export or erase.

A thin layer over `assist.history.History` on the per-user log (the same
file the app writes; `KBASSIST_DATA_DIR` moves it). Messages are shown as
stored: masked, and opened with the user's data key. `--export` writes the
user's own copy as JSON, readable only by them; `--clear` erases the log,
vacuuming the file so no old text is left in it.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..assist.history import History, LoggedEvent, default_history_path
from ..atomic import replacing
from ..settings import load_settings
from .common import engine_errors, json_opt
from .output import emit_json, emit_table, plain, shorten


def open_log() -> History:
    settings, problems = load_settings()
    for problem in problems:
        click.echo(f"note: {problem}", err=True)
    return History(default_history_path(), enabled=settings.logging_enabled,
                   retention_days=settings.history_retention_days)


def _flags(event: LoggedEvent) -> str:
    return " ".join(word for word, on in (("escalated", event.escalated), ("no-answer", event.no_answer)) if on)


@click.command("history")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only what was logged from this day (UTC) on.")
@click.option("--export", "export_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the log to FILE as JSON (created readable only by you).")
@click.option("--clear", is_flag=True, help="Erase the whole log.")
@click.option("--yes", is_flag=True, help="Do not ask before --clear.")
@json_opt
@engine_errors
def history_command(since, export_to, clear, yes, as_json):
    """Show what the private suggestion log keeps on this computer, export it, or erase it.

    Every suggestion is counted; the text of a message is kept only when
    nothing answered it, masked, and encrypted with a key in your OS keyring.
    Rows older than the retention period (settings: history_retention_days,
    90 days by default) are deleted.

    \b
    Example:
        kbassist history --since 2026-11-01
        kbassist history --json
        kbassist history --export my-log.json
        kbassist history --clear --yes
    """
    log = open_log()
    try:
        if clear:
            if not yes:
                click.confirm(f"Erase the suggestion log {log.path}?", abort=True)
            log.clear()
            click.echo(f"history cleared ({log.path})")
            return
        entries = log.entries(since.date() if since else None)
        if export_to is not None:
            with replacing(export_to, "w", encoding="utf-8") as out:  # mkstemp: 0600
                json.dump(plain(entries), out, ensure_ascii=False, indent=2)
                out.write("\n")
            click.echo(f"wrote {len(entries)} entries to {export_to} (readable only by you)", err=True)
        elif as_json:
            emit_json(entries)
        else:
            _echo_table(log, entries)
    finally:
        for problem in log.problems:
            click.echo(f"note: {problem}", err=True)
        log.close()


def _echo_table(log: History, entries: list[LoggedEvent]) -> None:
    where = f"key in {'the OS keyring' if log.key_location == 'keyring' else log.key_location}" \
        if log.key_location else "no log yet"
    click.echo(f"{log.path} (messages masked and encrypted, {where})")
    if not entries:
        click.echo("Nothing is kept.")
        return
    emit_table([(e.time.strftime("%Y-%m-%d %H:%M"), e.lang, _flags(e), len(e.copies), shorten(e.text or "", 60))
                for e in entries], ["time (UTC)", "lang", "flags", "copies", "message (masked)"])
