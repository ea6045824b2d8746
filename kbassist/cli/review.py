"""`kbassist review`: the editors' weekly review of a knowledge folder, from the command line.

A thin layer over `Assistant`: open (and bring up to date) the folder's
index, call `review`, `mark_reviewed` or `snooze`, print or write the
report. Duplicates use the vectors the index already stores, content gaps
the unanswered messages of the app's history log (in the data dir;
`KBASSIST_DATA_DIR` moves it). Snoozes and past reports live in a
per-folder state dir (`<data dir>/review/<folder hash>/`, `--state-dir` to
choose another), never in the folder itself.

`--embedder none` indexes the folder without embedding (keyword side only),
under the settings' embedder name so an existing index is not invalidated;
no model is loaded and duplicates and content gaps are skipped.
(`--mark-reviewed` re-indexes the file through the engine, which embeds
whatever chunks are still pending, so there the model may load.)
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from .. import review
from ..atomic import replacing
from ..knowledge.frontmatter import MAX_INTERVAL_DAYS
from .common import (
    DATE,
    engine_errors,
    index_dir_opt,
    open_assistant,
    run_with_progress,
    words_opt,
)


def _date(value: dt.date | None) -> dt.date:
    return value or dt.date.today()


def _open(folder: Path, index_dir: Path | None, embedder: str | None):
    """The folder's Assistant, its index brought up to date (see the module doc for `none`)."""
    if embedder != "none":
        return open_assistant(folder, index_dir, embedder, quiet=True, warm_model=False)
    from ..assistant import Assistant

    assistant = Assistant(folder, index_dir)
    run_with_progress(assistant.index(embed=False), quiet=True)
    return assistant


def _write(report: review.ReviewReport, as_json: bool, out: Path | None, words: str) -> None:
    suffix = out.suffix.lower() if out else ""
    if as_json or suffix == ".json":
        text = json.dumps(review.to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif suffix in (".html", ".htm"):
        text = review.to_html(report, words)
    else:
        text = review.to_markdown(report, words)
    if out is None:
        click.echo(text, nl=False)
    else:
        try:
            with replacing(out, "w", encoding="utf-8") as handle:  # 0600: content gaps quote customers (masked)
                handle.write(text)
        except OSError as exc:
            raise click.ClickException(f"cannot write the report to {out}: {exc.strerror or exc}") from exc
        click.echo(f"wrote {out} ({len(report.items)} articles need review)", err=True)


@click.command("review")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@index_dir_opt
@click.option("--as-of", type=DATE, help="Review as of this date (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to a file: .md (Markdown), .html (web page) or .json.")
@click.option("--mark-reviewed", "mark_id", metavar="ID", help="Set `reviewed:` of article ID, then stop.")
@click.option("--date", "mark_date", type=DATE,
              help="Date for --mark-reviewed (default: today).")
@click.option("--snooze", "snooze_id", metavar="ID", help="Hide article ID from the queue for --days days.")
@click.option("--days", type=click.IntRange(1, MAX_INTERVAL_DAYS), help="How long --snooze hides the article.")
@click.option("--every", "default_every", type=click.IntRange(1, MAX_INTERVAL_DAYS),
              help="Review interval in days for articles without `review_every` (default: settings, 90).")
@click.option("--embedder",
              help="The index's embedder (default: settings): use-multilingual, minilm, hash, a model "
                   "folder, or 'none' to index without embedding and skip duplicates and content gaps.")
@click.option("--state-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where snoozes and past reports are kept (default: per-user data dir).")
@words_opt
@engine_errors
def review_command(folder: Path, index_dir, as_of, as_json, out, mark_id, mark_date, snooze_id, days,
                   default_every, embedder, state_dir, words) -> None:
    """Weekly review: overdue, expired, launch-hit, broken, duplicate and untranslated articles.

    \b
    Examples:
      kbassist review ./kb --out review.html
      kbassist review ./kb --as-of 2026-11-24 --json
      kbassist review ./kb --lang zh             # reasons worded in Chinese
      kbassist review ./kb --mark-reviewed returns/return-policy
      kbassist review ./kb --snooze returns/return-policy --days 14
    """
    if snooze_id and days is None:
        raise click.UsageError("--snooze needs --days N")
    when = _date(as_of)
    with _open(folder, index_dir, embedder) as assistant:
        if default_every:
            assistant.settings = assistant.settings.replace(review_every_days=default_every)
        if mark_id:
            assistant.mark_reviewed(mark_id, _date(mark_date))
            path = assistant.article(mark_id).path
            click.echo(f"marked {mark_id} reviewed on {_date(mark_date).isoformat()} ({path})")
        if snooze_id:
            until = assistant.snooze(snooze_id, days, state_dir, as_of=when)
            click.echo(f"snoozed {snooze_id} until {until.isoformat()}")
        if mark_id or snooze_id:
            return
        seen = len(assistant.notices)
        embedded = embedder != "none"
        report = assistant.review(when, state_dir=state_dir, duplicates=embedded, gaps=embedded)
        for notice in assistant.notices[seen:]:
            click.echo(f"warning: {notice}", err=True)
    _write(report, as_json, out, words)
