"""`kbassist`: the command line, a thin layer over `kbassist.Assistant`.

Every command builds an Assistant, calls one method and prints the result:
a readable table by default, `--json` for programs. Engine errors
(`KbError`) become `Error: ...` with exit code 1; bad usage exits 2 (click).
With no command, the desktop app opens.
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from ..jsonable import search_json
from .common import (
    K_RANGE,
    embedder_opt,
    engine_errors,
    folder_arg,
    index_dir_opt,
    json_opt,
    mode_opt,
    open_assistant,
    run_with_progress,
    words_opt,
)
from .history import history_command
from .insights import insights_command
from .practice import practice_command
from .output import emit_json, emit_table, shorten
from .review import review_command
from .serve import serve_command
from .server import server_dev_command, server_opt, watch_command
from .suggest import suggest_command


@click.group(invoke_without_command=True)
@click.version_option(package_name="kbassist")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """kbassist: suggest knowledge-base articles and replies for customer messages.

    \b
    Example:
        kbassist index knowledge/
        kbassist search knowledge/ "where is my order"
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@cli.command()
@folder_arg
@index_dir_opt
@embedder_opt
@click.option("--rebuild", is_flag=True, help="Rebuild from scratch (the old index stays usable until done).")
@click.option("--wait", "wait_s", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Seconds to wait while another process writes this index, then say which one.")
@server_opt
@json_opt
@words_opt
@engine_errors
def index(folder, index_dir, embedder, rebuild, wait_s, server, as_json, words):
    """Index FOLDER, re-reading only files that changed since last time.

    \b
    Example:
        kbassist index knowledge/ --index-dir index/
        kbassist index knowledge/ --lang zh      # problems worded in Chinese
        kbassist index /srv/kb --server postgresql://kb@db.example/kb
    """
    from ..assistant import Assistant

    assistant = Assistant(folder, index_dir, embedder=embedder, lock_wait_s=wait_s, server=server)
    for notice in assistant.notices:
        click.echo(f"note: {notice}", err=True)
    # The server's indexer embeds in its own workers and commits each article whole (kbassist.server.sync).
    job = assistant.index(rebuild=rebuild) if rebuild or server else assistant.jobs.build()
    change = run_with_progress(job, as_json)
    assistant.save_vector_snapshot()  # the next start reads the vectors from it
    calibrated = assistant.calibrate()
    stats = assistant.stats()
    problems = assistant.problems()
    if as_json:
        emit_json({"added": change.added, "updated": change.updated, "removed": change.removed,
                   "rebuilt": change.rebuilt, "stats": stats, "problems": problems,
                   "calibration": calibrated.as_dict() if calibrated else None})
        return
    click.echo(f"{stats['articles']} articles, {stats['chunks']} chunks "
               f"(+{len(change.added)} ~{len(change.updated)} -{len(change.removed)}) "
               f"{'on ' + stats['server'] if server else 'in ' + stats['index_dir']}")
    for p in problems:
        where = f"{p.file}:{p.line}" if p.line else p.file
        click.echo(f"{p.severity}: {where}: {p.text(words)}", err=True)


@cli.command()
@folder_arg
@click.argument("query")
@click.option("-k", type=K_RANGE, default=5, show_default=True, help="How many articles.")
@mode_opt
@index_dir_opt
@embedder_opt
@click.option("--tag", "tags", multiple=True, help="Only articles with this tag (repeatable).")
@click.option("--product", help="Only articles about this product.")
@click.option("--lang", help="Only articles in this language (en, zh).")
@server_opt
@json_opt
@engine_errors
def search(folder, query, k, mode, index_dir, embedder, tags, product, lang, server, as_json):
    """Search FOLDER for QUERY (Chinese, English or both).

    \b
    Example:
        kbassist search knowledge/ "退款多久到账" --json
    """
    assistant = open_assistant(folder, index_dir, embedder, quiet=as_json, warm_model=mode != "keyword",
                               server=server)
    result = assistant.search(query, k=k, mode=mode, tags=tags, product=product, lang=lang)
    if as_json:
        emit_json(search_json(result))
        return
    if result.corrected:
        click.echo(f"Searched for: {result.corrected}")
    if result.no_answer:
        click.echo("Nothing in the knowledge base answers this confidently.")
    emit_table([(i, shorten(h.title, 40), f"{h.path}:{h.line}", shorten(h.heading, 30), h.lang, f"{h.score:.3f}")
                for i, h in enumerate(result.hits, 1)], ["#", "title", "where", "section", "lang", "score"])
    click.echo(f"({result.mode}, {result.took_ms:.1f} ms)")


@cli.command("eval")
@folder_arg
@click.argument("queries", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-k", type=K_RANGE, default=5, show_default=True, help="Ranks counted (recall@k).")
@mode_opt
@index_dir_opt
@embedder_opt
@click.option("--json/--table", "as_json", default=True, help="JSON (default) or a short table.")
@server_opt
@engine_errors
def evaluate(folder, queries, k, mode, index_dir, embedder, as_json, server):
    """Measure retrieval quality of FOLDER on a JSON Lines query file.

    \b
    Example:
        kbassist eval ../shared/eval/northwind/kb ../shared/eval/northwind/queries-dev.jsonl
    """
    from ..search.evaluate import load_queries, run_queries, summarise

    assistant = open_assistant(folder, index_dir, embedder, quiet=True, warm_model=mode != "keyword", server=server)
    assistant.optimize_in_background()
    assistant.wait_settled()  # the index the app settles into (large folders: partitioned vectors)
    items, problems = load_queries(queries)
    for p in problems:
        click.echo(f"warning: {p}", err=True)

    def run(text: str):
        result = assistant.search(text, k=k, mode=mode)
        return [h.id for h in result.hits], result.no_answer, result.took_ms

    report = summarise(run_queries(items, run, lambda text: assistant.escalation.judge(text).escalate))
    calibrated = assistant.calibration
    report = {"mode": mode, **report, "calibration": calibrated.as_dict() if calibrated else None}
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    emit_table([(key, report[key]) for key in ("queries", "recall@1", "recall@3", "recall@5", "mrr")],
               ["metric", "value"])


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@index_dir_opt
def gui(folder, index_dir):
    """Open the desktop app (on FOLDER, else the last folder or the bundled sample).

    \b
    Example:
        kbassist gui knowledge/ --index-dir index/
    """
    try:
        # Looked up by name: the engine package has no import of the GUI, only this launcher does.
        app = importlib.import_module("ui.app")
    except ImportError as exc:
        raise click.ClickException(f"the desktop app is not installed ({exc}); pip install 'kbassist[gui]'")
    sys.exit(app.main(str(folder) if folder else None, str(index_dir) if index_dir else None))


cli.add_command(history_command)
cli.add_command(insights_command)
cli.add_command(practice_command)
cli.add_command(review_command)
cli.add_command(suggest_command)
cli.add_command(serve_command)
cli.add_command(watch_command)
cli.add_command(server_dev_command)


def main() -> None:
    cli()
