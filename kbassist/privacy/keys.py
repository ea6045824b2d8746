"""The data key: in the OS keyring, created on first use, or in a private key file where no keyring works.

The keyring (macOS Keychain, Windows Credential Locker, the Secret Service
on a Linux desktop) keeps the key off the disk that holds the data, so a
copied data folder cannot be read. Headless Linux and CI have no keyring:
`keyring` then reports its fail or null backend, and the key goes to
`<config dir>/data.key` (0600) with a one-line warning, which is what the
user of such a machine can get. A keyring that raises, or does not answer
within `KEYRING_TIMEOUT_S` (a Secret Service waiting on an unlock prompt
nobody sees), counts as none: the app must start. Once a key file exists it
is the key, so data written under it stays readable when a keyring appears
later.

A lost key (keyring entry deleted, key file removed) is not an error here:
a new key is made, and the store that finds its data sealed with another
key starts afresh and says so (see `assist.history`).
"""
from __future__ import annotations

import base64
import binascii
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..settings import config_dir
from .crypto import KEY_BYTES, new_key
from .files import PRIVATE_FILE, private_dir

SERVICE = "kbassist"
ACCOUNT = "data-key"
KEY_FILE = "data.key"
KEYRING_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class DataKey:
    key: bytes
    where: str  # "keyring", or the key file's path
    warning: str = ""  # set when a key file had to be created


def load_key(config: Path | None = None, timeout_s: float = KEYRING_TIMEOUT_S) -> DataKey:
    """The data key, created on first use (see the module docstring for where it lives)."""
    path = (config or config_dir()) / KEY_FILE
    key = _read_key_file(path)
    if key is not None:
        return DataKey(key, str(path))
    found, why_not = _with_timeout(_key_from_keyring, timeout_s)
    if found is not None:
        return DataKey(found, "keyring")
    key = _write_key_file(path)
    return DataKey(key, str(path), f"no working OS keyring ({why_not}): the data key is in {path}, "
                                   "readable only by you")


def _decode(text: str) -> bytes | None:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def _encode(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def _read_key_file(path: Path) -> bytes | None:
    try:
        return _decode(path.read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError):
        return None


def _write_key_file(path: Path) -> bytes:
    """A new key in a 0600 file; if another process wrote one meanwhile, that one."""
    private_dir(path.parent)
    key = new_key()
    try:
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        existing = _read_key_file(path)
        if existing is not None:
            return existing
        path.unlink()  # unreadable: the data it sealed is lost either way
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(_encode(key) + "\n")
    return key


def _key_from_keyring(given_up: threading.Event) -> bytes:
    """The key in the keyring, stored there first if missing; LookupError when there is no real keyring.

    A call that answers after `load_key` has given up on it (and made a key file) stores nothing."""
    import keyring
    from keyring.backends import chainer, fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)) or (
            isinstance(backend, chainer.ChainerBackend) and not backend.backends):
        raise LookupError(f"{type(backend).__module__}.{type(backend).__name__}")
    stored = backend.get_password(SERVICE, ACCOUNT)
    if stored is None:
        if given_up.is_set():
            raise TimeoutError("answered too late")
        backend.set_password(SERVICE, ACCOUNT, _encode(new_key()))
        stored = backend.get_password(SERVICE, ACCOUNT)  # what a concurrent first start stored wins for both
    key = _decode(stored or "")
    if key is None:
        raise ValueError("the keyring entry is not a key")
    return key


def _with_timeout(call: Callable[[threading.Event], bytes], timeout_s: float) -> tuple[bytes | None, str]:
    """`call(given_up)` on a daemon thread: (result, "") or (None, why it gave none); `given_up` is set
    when the wait is over, so a late answer can tell."""
    outcome: dict[str, object] = {}
    given_up = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = call(given_up)
        except Exception as exc:  # noqa: BLE001 - keyring backends raise anything (D-Bus, OS errors)
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="keyring", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        given_up.set()
        return None, f"the keyring did not answer within {timeout_s:g} s"
    if "error" in outcome:
        error = outcome["error"]
        return None, str(error) if isinstance(error, LookupError) else f"{type(error).__name__}: {error}"
    return outcome.get("value"), ""  # type: ignore[return-value]
