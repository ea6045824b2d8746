"""`kbassist review`: the editors' weekly review of a knowledge folder, from the command line.

A thin layer: read the folder, call `kbassist.review`, print or write the
report. Snoozes and past reports live in a per-folder state dir
(`<data dir>/review/<folder hash>/`, `--state-dir` to choose another,
`KBASSIST_DATA_DIR` moves the data dir), never in the folder itself.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from . import review
from .embedders import load_embedder
from .errors import KbError
from .history import History, default_history_path

GAP_WINDOW_DAYS = 7


def _date(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


def _vectors(articles, embedder):
    """Chunk vectors for the duplicate rule; the engine's stored vectors replace this when it runs the review."""
    published = [a for a in articles if a.status == "published" and not a.is_launch]
    return review.article_vectors(published, embedder)


def _gaps(history_path: Path, as_of: dt.date, embedder) -> tuple:
    """Clusters of the last week's unanswered (already masked) messages from the local history log."""
    since = as_of - dt.timedelta(days=GAP_WINDOW_DAYS)
    messages = [m.text for m in History(history_path).no_answer_messages(since)]
    return review.content_gaps(messages, embedder.embed)


def _write(report: review.ReviewReport, as_json: bool, out: Path | None) -> None:
    suffix = out.suffix.lower() if out else ""
    if as_json or suffix == ".json":
        text = json.dumps(review.to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif suffix in (".html", ".htm"):
        text = review.to_html(report)
    else:
        text = review.to_markdown(report)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out} ({len(report.items)} articles need review)", err=True)


def register(cli: click.Group) -> None:
    """Add the `review` command to `cli`."""

    @cli.command("review")
    @click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
    @click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Review as of this date (default: today).")
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
    @click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
                  help="Write the report to a file: .md (Markdown), .html (web page) or .json.")
    @click.option("--mark-reviewed", "mark_id", metavar="ID", help="Set `reviewed:` of article ID, then stop.")
    @click.option("--date", "mark_date", type=click.DateTime(["%Y-%m-%d"]),
                  help="Date for --mark-reviewed (default: today).")
    @click.option("--snooze", "snooze_id", metavar="ID", help="Hide article ID from the queue for --days days.")
    @click.option("--days", type=click.IntRange(min=1), help="How long --snooze hides the article.")
    @click.option("--every", "default_every", type=click.IntRange(min=1), default=90, show_default=True,
                  help="Review interval in days for articles without `review_every`.")
    @click.option("--embedder", default="use-multilingual", show_default=True,
                  help="Embedder for duplicate detection: use-multilingual, minilm, hash, a model folder, "
                       "or 'none' to skip duplicates and content gaps.")
    @click.option("--history", "history_path", type=click.Path(dir_okay=False, path_type=Path),
                  help="History log whose unanswered messages of the last 7 days become content gaps "
                       "(default: the app's log).")
    @click.option("--state-dir", type=click.Path(file_okay=False, path_type=Path),
                  help="Where snoozes and past reports are kept (default: per-user data dir).")
    def review_command(folder: Path, as_of, as_json, out, mark_id, mark_date, snooze_id, days, default_every,
                       embedder, history_path, state_dir) -> None:
        """Weekly review: overdue, expired, launch-hit, broken, duplicate and untranslated articles.

        \b
        Examples:
          kbassist review ./kb --out review.html
          kbassist review ./kb --as-of 2026-11-24 --json
          kbassist review ./kb --mark-reviewed returns/return-policy
          kbassist review ./kb --snooze returns/return-policy --days 14
        """
        when = _date(as_of)
        state = review.ReviewState(review.state_dir_for(folder, state_dir))
        try:
            snapshot = review.load_folder(folder)
            if mark_id or snooze_id:
                _act(folder, snapshot, state, mark_id, _date(mark_date), snooze_id, days, when)
                return
            vectors, gaps = None, ()
            if embedder != "none":
                model = load_embedder(embedder)
                vectors = _vectors(snapshot.articles, model)
                gaps = _gaps(history_path or default_history_path(), when, model)
            report = review.run_review(snapshot.articles, as_of=when, vectors=vectors,
                                       default_every_days=default_every, problems=snapshot.problems,
                                       content_gaps=gaps)
            report = state.apply(report)
            state.record(report)
        except KbError as exc:
            raise click.ClickException(str(exc)) from exc
        for problem in state.problems:
            click.echo(f"warning: {problem}", err=True)
        _write(report, as_json, out)


def _act(folder: Path, snapshot: review.FolderSnapshot, state: review.ReviewState, mark_id: str | None,
         mark_date: dt.date, snooze_id: str | None, days: int | None, as_of: dt.date) -> None:
    """--mark-reviewed / --snooze: change one thing, say what changed."""
    if snooze_id and days is None:
        raise click.UsageError("--snooze needs --days N")
    for key in filter(None, (mark_id, snooze_id)):
        if snapshot.article(key) is None:
            raise click.ClickException(f"no article with id {key!r} in {folder}")
    if mark_id:
        article = snapshot.article(mark_id)
        review.mark_reviewed(folder / article.path, mark_date, snapshot.hashes[article.path])
        click.echo(f"marked {mark_id} reviewed on {mark_date.isoformat()} ({article.path})")
    if snooze_id:
        until = as_of + dt.timedelta(days=days)
        state.snooze(snooze_id, until)
        click.echo(f"snoozed {snooze_id} until {until.isoformat()}")
