"""Team mode on the command line: `--server`, `kbassist watch` and `kbassist server-dev`.

`--server URL` (or KBASSIST_SERVER) points a command at a team's PostgreSQL:
`index` and `watch` keep its shared index current, `search`, `eval` and
`suggest` query it (the query is embedded here). Without it, every command
works on the local index as before.
"""
from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import click

from .common import embedder_opt, engine_errors, folder_arg, index_dir_opt, run_with_progress

server_opt = click.option("--server", envvar="KBASSIST_SERVER", default=None, metavar="URL",
                          help="A team's PostgreSQL (postgresql://user:password@host/db; env KBASSIST_SERVER): "
                               "use its shared index instead of a local one.")


def wait_for_stop() -> None:
    """Block until Ctrl-C or SIGTERM. Call `block_stop_signals()` first, before any thread starts."""
    signal.sigwait({signal.SIGINT, signal.SIGTERM})


def block_stop_signals() -> None:
    """Hold Ctrl-C and SIGTERM for `wait_for_stop` (threads started later inherit the mask)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


@click.command("watch")
@folder_arg
@index_dir_opt
@embedder_opt
@server_opt
@engine_errors
def watch_command(folder, index_dir, embedder, server):
    """Keep FOLDER's index current while files are saved, until Ctrl-C.

    With --server, this is the team's one indexer: each saved article is on
    the server, whole, about a second later (a second indexer is refused).

    \b
    Example:
        kbassist watch /srv/kb --server postgresql://kb@db.example/kb
    """
    from ..assistant import Assistant

    block_stop_signals()
    with Assistant(folder, index_dir, embedder=embedder, server=server) as assistant:
        run_with_progress(assistant.index() if server else assistant.jobs.build())
        assistant.calibrate()
        stats = assistant.stats()
        click.echo(f"watching {assistant.folder}: {stats['articles']} articles "
                   f"({stats.get('server') or stats['index_dir']})")
        assistant.on_index_did_update(lambda change: click.echo(
            f"{time.strftime('%H:%M:%S')} +{len(change.added)} ~{len(change.updated)} -{len(change.removed)}"))
        watcher = assistant.watch(on_error=lambda exc: click.echo(f"error: {exc}", err=True))
        try:
            wait_for_stop()
        finally:
            watcher.stop()


@click.command("server-dev")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@engine_errors
def server_dev_command(directory):
    """Run a local PostgreSQL with pgvector in DIRECTORY for trying team mode; prints its URL first, Ctrl-C stops.

    The cluster stays in DIRECTORY: the next run starts it again with the same URL.

    \b
    Example:
        kbassist server-dev ~/kb-server
        kbassist index knowledge/ --server "$(head -1 url.txt)"
    """
    from ..server.devserver import DevServer

    block_stop_signals()
    dev = DevServer(directory)
    url = dev.start()
    click.echo(url)
    sys.stdout.flush()
    click.echo(f"PostgreSQL with pgvector in {dev.directory}; Ctrl-C stops it", err=True)
    try:
        wait_for_stop()
    finally:
        dev.stop()
