"""`kbassist suggest`: what the app would show for a customer message, on the command line.

A thin layer over `Assistant.suggest()`: read the message (an argument,
stdin with `-`, or a JSON Lines batch), print the escalation verdict and the
suggestions. `--json` gives one object; `--batch` gives one object a line so
scripts and evaluations can stream through many messages with one index
load. The JSON is `kbassist.jsonable.suggest_json`, as `POST /v1/suggest` answers.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import click

from ..assist.model import Suggestion, SuggestResult
from ..errors import KbError
from ..jsonable import suggest_json
from ..jsonl import NotText, read_jsonl
from .common import (
    K_RANGE,
    embedder_opt,
    engine_errors,
    folder_arg,
    index_dir_opt,
    json_opt,
    open_assistant,
    words_opt,
)
from .output import emit_json
from .server import server_opt

INDENT = "     "


NO_MESSAGE = 'expected a JSON object with "query" or "message", or a string'


def batch_messages(path: Path) -> Iterator[tuple[int, str | None, str]]:
    """(line number, message, "") per non-blank line; (line number, None, why) when the line has none.

    A line is a JSON object with "query" or "message", a JSON string, or, when
    it is not JSON at all, the message text itself; a line that is not UTF-8 is refused.
    """
    for number, row, error in read_jsonl(path, "batch file"):
        if isinstance(error, NotText):
            yield number, None, str(error)
        elif error is not None or isinstance(row, str):  # a line that is not JSON is the message itself
            yield number, row, ""
        elif isinstance(row, dict) and isinstance(row.get("query", row.get("message")), str):
            yield number, row.get("query", row.get("message")), ""
        else:
            yield number, None, NO_MESSAGE


def echo_result(result: SuggestResult, words: str = "en") -> None:
    """The human view: the escalation banner, then each suggestion with its lead reply filled in."""
    if result.empty:
        click.echo("Nothing to suggest: the message has no question in it.")
        return
    if result.triage.escalate:
        reasons = "; ".join(f"{r.code} ({r.evidence})" for r in result.triage.reasons)
        click.secho(f"ESCALATE to a lead: {reasons}", fg="red", bold=True)
    else:
        click.echo("No escalation signs.")
    if result.no_answer:
        click.echo("Nothing in the knowledge base answers this confidently; closest articles, check before use:")
    for number, suggestion in enumerate(result.suggestions, 1):
        _echo_suggestion(number, suggestion, words)


def _echo_suggestion(number: int, s: Suggestion, words: str) -> None:
    where = f"{s.path}:{s.line}" + (f" § {s.heading}" if s.heading else "")
    click.echo(f"\n{number}. {s.title}  [{s.lang}] {s.score:.3f}  ({where})")
    for warning in s.warnings:
        click.echo(f"{INDENT}! {warning.text(words)}")
    if not s.replies:
        click.echo(f"{INDENT}(no reply snippet)")
        return
    reply = s.replies[0]
    source = f", from translation {reply.article_id}" if reply.from_translation else ""
    click.echo(f"{INDENT}Reply \"{reply.title}\" ({reply.lang}{source}):")
    for line in reply.filled.splitlines():
        click.echo(f"{INDENT}  {line}")
    guessed = [f"{p.name}={p.value}" for p in reply.placeholders if p.guessed]
    if guessed:
        click.echo(f"{INDENT}guessed from the message, confirm: {', '.join(guessed)}")
    for warning in reply.warnings:
        if warning not in s.warnings:
            click.echo(f"{INDENT}! {warning.code}: {warning.text(words)}")
    if len(s.replies) > 1:
        click.echo(f"{INDENT}(+{len(s.replies) - 1} more replies: {', '.join(r.title for r in s.replies[1:])})")


@click.command("suggest")
@folder_arg
@click.argument("message", required=False)
@click.option("-k", type=K_RANGE, default=3, show_default=True, help="How many articles.")
@index_dir_opt
@embedder_opt
@json_opt
@click.option("--batch", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="JSON Lines of messages ({\"query\": ...}, {\"message\": ...} or strings); "
                   "prints one JSON result a line.")
@click.option("--no-log", is_flag=True, help="Do not record these messages in the local history log.")
@server_opt
@words_opt
@engine_errors
def suggest_command(folder, message, k, index_dir, embedder, as_json, batch, no_log, server, words):
    """Suggest articles and ready replies for a customer MESSAGE ('-' reads stdin).

    Also says whether the message should go to a lead (anger, threats,
    legal, churn). A pasted chat works: the customer's question is found in it.

    \b
    Example:
        kbassist suggest knowledge/ "我的退款怎么还没到？"
        pbpaste | kbassist suggest knowledge/ - --json
        kbassist suggest knowledge/ --batch messages.jsonl --no-log
    """
    if (message is None) == (batch is None):
        raise click.UsageError("give either MESSAGE (or '-' for stdin) or --batch FILE")
    assistant = open_assistant(folder, index_dir, embedder, quiet=as_json or batch is not None, server=server)
    if batch is not None:
        for number, text, why in batch_messages(batch):
            if text is None:
                row = {"line": number, "error": why}
            else:
                row = {"line": number, **suggest_json(assistant.suggest(text, k=k, log=not no_log))}
            click.echo(json.dumps(row, ensure_ascii=False))
        _share(assistant, no_log)
        return
    text = click.get_binary_stream("stdin").read().decode("utf-8", "replace") if message == "-" else message
    result = assistant.suggest(text, k=k, log=not no_log)
    if as_json:
        emit_json(suggest_json(result))
    else:
        echo_result(result, words)
    for problem in assistant.history.problems:  # a new data key in a file, a log started afresh
        click.echo(f"note: {problem}", err=True)
    _share(assistant, no_log)


def _share(assistant, no_log: bool) -> None:
    """With a team server and the agent's consent, what was just logged goes to it (`Insights.share`)."""
    if no_log or not assistant.server:
        return
    try:
        assistant.insights.share()
    except KbError as exc:  # the server went away: the numbers stay in the local log, sent next time
        click.echo(f"note: the team's numbers were not sent ({exc})", err=True)
