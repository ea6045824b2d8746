"""Shared fixtures: an isolated user data/config dir and keyring for every test, no network,
one loaded embedder per run."""
from __future__ import annotations

import ipaddress
import os
import socket
import sys

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test may read or write the real per-user settings, indexes or history log."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KBASSIST_CONFIG_DIR", str(base / "config"))
    # Derived data only (the escalation exemplars' vectors): shared by the run, computed once.
    monkeypatch.setenv("KBASSIST_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    return base


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as one test: the real one is never read or written."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring():
    """Each test gets an empty keyring of its own (tests of the no-keyring path set another)."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def _is_local(family: int, address) -> bool:
    if family not in (socket.AF_INET, socket.AF_INET6):
        return True  # AF_UNIX, socketpair, netlink: never leave the machine
    host = address[0] if isinstance(address, tuple) else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name: reaching it would need a DNS query


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Nothing leaves the machine: a connect (or name lookup) other than loopback or a local
    socket is refused, and fails the test even if the code under test swallowed the error.
    Yields the list of attempts (a test of this fixture empties it)."""
    attempts: list[str] = []
    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, \
        socket.getaddrinfo

    def refuse(what: str):
        attempts.append(what)
        return OSError(f"network access blocked in tests: {what}")

    def connect(sock, address):
        if not _is_local(sock.family, address):
            raise refuse(f"connect {address!r}")
        return real_connect(sock, address)

    def connect_ex(sock, address):
        if not _is_local(sock.family, address):
            raise refuse(f"connect_ex {address!r}")
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in (None, "", "localhost") and not _is_address(name):
            raise socket.gaierror(str(refuse(f"getaddrinfo {host!r}")))  # a DNS query would name the host
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield attempts
    if attempts:
        pytest.fail("the test tried to reach the network: " + "; ".join(attempts), pytrace=False)


@pytest.fixture(scope="session")
def use_embedder():
    """The real multilingual embedder, loaded once (about a second)."""
    from kbassist.embed.embedders import UseEmbedder

    return UseEmbedder()



def pytest_unconfigure(config):
    """Empty the clipboard before exit when Qt was used.

    With Qt's offscreen platform (PySide6 6.12), a process that exits while
    the clipboard holds mime data segfaults in Qt's exit handlers, after the
    interpreter has finalised: every test passed, yet the run ended with 139.
    (On a real X11 desktop Qt hands the data to the clipboard manager; no crash.)
    """
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
