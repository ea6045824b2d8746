"""Running the API: uvicorn on loopback, in the foreground (`kbassist serve`) or on a thread (the app).

Only a loopback address is served unless the caller explicitly allows
another (`--allow-remote`): the API answers with the knowledge base and
logs customer questions, so it must not be reachable from the network by
accident. A host name is refused too: resolving it would be a lookup, and
it could name any address.
"""
from __future__ import annotations

import ipaddress
import secrets
import threading

import uvicorn

from ..errors import KbError
from ..settings import Settings, save_settings
from .app import create_app

START_TIMEOUT_S = 10.0


def check_host(host: str, allow_remote: bool = False) -> None:
    """Raise `KbError` unless `host` is a loopback address (or `allow_remote` says otherwise)."""
    if allow_remote or host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise KbError(f"refusing to serve on {host}: the API is for this computer only (127.0.0.1); "
                      "pass --allow-remote to serve other machines on purpose")


def ensure_token(settings: Settings, save: bool = True) -> Settings:
    """The settings with an API token, created (and saved) on first use."""
    if settings.api_token:
        return settings
    settings = settings.replace(api_token=secrets.token_urlsafe(32))
    if save:
        save_settings(settings)
    return settings


class ApiServer:
    """One uvicorn server over an `Assistant`; `port=0` takes a free port (see `.port` once started)."""

    def __init__(self, assistant, *, token: str, host: str = "127.0.0.1", port: int = 8765,
                 origins: tuple[str, ...] = (), allow_remote: bool = False):
        check_host(host, allow_remote)
        self._app = create_app(assistant, token, tuple(origins))
        config = uvicorn.Config(self._app, host=host, port=port, log_level="warning", lifespan="off",
                                access_log=False)
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.servers[0].sockets[0].getsockname()[1]

    def run(self) -> None:
        """Serve in this thread until interrupted (the CLI)."""
        try:
            self._server.run()
        finally:
            self._app.state.lane.shutdown(wait=False)

    def start(self) -> "ApiServer":
        """Serve on a daemon thread; returns once the socket listens (raises `KbError` if it cannot)."""
        self._thread = threading.Thread(target=self._server.run, name="kbassist-api", daemon=True)
        self._thread.start()
        for _ in range(int(START_TIMEOUT_S * 20)):
            if self._server.started:
                return self
            if not self._thread.is_alive():
                break
            self._thread.join(0.05)
        raise KbError("the local API did not start (is the port in use?)")

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(START_TIMEOUT_S)
            self._thread = None
        self._app.state.lane.shutdown(wait=False)
