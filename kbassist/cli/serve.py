"""`kbassist serve`: the local HTTP API over a knowledge folder, for CRM macros and browser extensions."""
from __future__ import annotations

import click

from ..settings import load_settings
from .common import embedder_opt, engine_errors, folder_arg, index_dir_opt, open_assistant


@click.command("serve")
@folder_arg
@index_dir_opt
@embedder_opt
@click.option("--port", default=None, type=click.IntRange(0, 65535), help="Port (default: the settings', 8765).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--allow-remote", is_flag=True, help="Allow an address other than loopback (on purpose only).")
@engine_errors
def serve_command(folder, index_dir, embedder, port, host, allow_remote):
    """Serve POST /v1/suggest and GET /v1/search for FOLDER on this computer.

    Every request needs the token from the settings (`api_token`, created on
    first use): `Authorization: Bearer TOKEN`. Browser origins allowed to call
    it are the settings' `api_origins`. The OpenAPI description is at
    /openapi.json.

    \b
    Example:
        kbassist serve knowledge/ --port 8765
        curl -H "Authorization: Bearer $TOKEN" -d '{"message": "where is my refund"}' \\
             http://127.0.0.1:8765/v1/suggest
    """
    from ..api import ApiServer, check_host, ensure_token

    check_host(host, allow_remote)  # before the index is opened: a refused address costs nothing
    settings = ensure_token(load_settings()[0])
    assistant = open_assistant(folder, index_dir, embedder, quiet=True)
    server = ApiServer(assistant, token=settings.api_token, host=host, port=settings.api_port if port is None else port,
                       origins=tuple(settings.api_origins), allow_remote=allow_remote)
    click.echo(f"kbassist API for {assistant.folder} on http://{host}:{port or settings.api_port} "
               f"(token: api_token in the settings; Ctrl+C stops)", err=True)
    try:
        server.run()
    finally:
        assistant.close()
