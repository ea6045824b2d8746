"""What every `kbassist` command shares: its options, engine errors as one line, opening the index."""
from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from pathlib import Path

import click

from ..errors import IndexBusy, IndexUnwritable, KbError
from ..knowledge.frontmatter import EARLIEST, LATEST, parse_date

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

folder_arg = click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
index_dir_opt = click.option("--index-dir", type=click.Path(file_okay=False, path_type=Path),
                             help="Where the index lives (default: the per-user data directory).")
embedder_opt = click.option("--embedder", default=None,
                            help="auto (default: by the folder's languages), use-multilingual, minilm, use+minilm, "
                                 "or a local sentence-transformers folder.")
json_opt = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
words_opt = click.option("--lang", "words", type=click.Choice(["en", "zh"]), default="en", show_default=True,
                         help="Language of problems, review reasons and warnings.")
mode_opt = click.option("--mode", type=click.Choice(["hybrid", "keyword", "semantic"]), default="hybrid",
                        show_default=True)
K_RANGE = click.IntRange(1, 1000)  # -k 0 once returned nothing and -k -1 everything, both with exit 0


class DateType(click.ParamType):
    """YYYY-MM-DD, read by the parser front matter dates go through (so the same range)."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        date = parse_date(value)
        if date is None:
            self.fail(f"{value!r} is not a date YYYY-MM-DD between {EARLIEST} and {LATEST}", param, ctx)
        return date


DATE = DateType()


def engine_errors(fn):
    """Turn engine errors into click errors: a message and exit code 1, no traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KbError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def open_assistant(folder: Path, index_dir: Path | None, embedder: str | None = None, quiet: bool = False,
                   warm_model: bool = True, server: str | None = None):
    """An Assistant whose index is up to date and whose model is loaded, so timings are of the search.

    When the index cannot be brought up to date (another process is writing it, the disk is full or
    read-only), a note says why and the answers come from the last complete index. With a team's
    `server`, its index is read as the indexer left it: a reader never writes it."""
    from ..assistant import Assistant

    assistant = Assistant(folder, index_dir, embedder=embedder, lock_wait_s=0, server=server)
    for notice in assistant.notices:
        click.echo(f"note: {notice}", err=True)
    if warm_model:
        assistant.load_model_in_background()  # meanwhile the folder is checked for changes
    if not server:  # a server's index is built and calibrated by its indexer (`kbassist index --server`)
        _bring_up_to_date(assistant, quiet, calibrate=warm_model)
    if warm_model:
        assistant.embedder.embed(["warm-up"])
    return assistant


def _bring_up_to_date(assistant, quiet: bool, calibrate: bool) -> None:
    try:
        run_with_progress(assistant.jobs.build(), quiet)
    except (IndexBusy, IndexUnwritable) as exc:
        click.echo(f"note: {exc}; answering from the last complete index", err=True)
        if isinstance(exc, IndexUnwritable):
            assistant.reload()  # a write that failed half-way: read what the disk holds
    if calibrate:
        try:
            assistant.calibrate()  # the folder's no-answer threshold, measured once and kept with the index
        except (IndexBusy, IndexUnwritable) as exc:
            click.echo(f"note: {exc}; the stored calibration is used", err=True)


def run_with_progress(job, quiet: bool = False):
    """Drive a generator of Progress to its end; a bar on stderr when it takes a while."""
    bar = None
    try:
        while True:
            progress = next(job)
            if quiet or progress.total < 200:
                continue
            if bar is None or bar.label != progress.label:
                if bar is not None:
                    bar.render_finish()
                bar = click.progressbar(length=progress.total, label=progress.label, file=sys.stderr)
            bar.pos = progress.done
            bar.render_progress()
    except StopIteration as stop:
        if bar is not None:
            bar.render_finish()
        return stop.value
