"""One app per user: a second launch asks the first to come to the front, then exits.

The first instance listens on a QLocalServer named per user and config
dir (so tests with their own config dir never meet a real running app).
Who is first is decided by a lock file taken before listening: two launches
in the same millisecond once both found no server, both listened, and the
second removed the first's socket (6 of 20 pairs, issue #17). The lock is
held for the app's life; the other launch asks the holder to show itself,
waiting while it starts to listen, and takes over only if the holder died.
"""
from __future__ import annotations

import getpass
import hashlib
import logging
import time

from kbassist.settings import config_dir

from .qt import QLocalServer, QLocalSocket, QLockFile, QObject, Signal

RAISE = b"raise\n"
ASK_FOR_S = 5.0  # how long a second launch keeps asking a first one that is still starting
log = logging.getLogger(__name__)


def server_name() -> str:
    digest = hashlib.sha1(f"{getpass.getuser()}:{config_dir()}".encode()).hexdigest()[:12]
    return f"kbassist-{digest}"


def ask_running_instance(timeout_ms: int = 500) -> bool:
    """True when another instance answered and was asked to show itself."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def claim_instance() -> "InstanceServer | None":
    """This launch's server when it is the instance; None when another one is and was asked to show itself.

    A launch that cannot even create the lock file runs unguarded (logged) rather than not at all."""
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(folder / "instance.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long the app has run
    deadline = time.monotonic() + ASK_FOR_S
    while not lock.tryLock(0):
        if lock.error() != QLockFile.LockError.LockFailedError:
            log.warning("single-instance lock %s unusable (%s); not guarding", lock.fileName(), lock.error())
            break
        if ask_running_instance():
            return None
        if time.monotonic() > deadline:
            log.warning("another kbassist holds %s but does not answer; starting anyway", lock.fileName())
            break
        time.sleep(0.05)
    return InstanceServer(lock)


class InstanceServer(QObject):
    """Emits `show_was_requested` when a later launch knocks; holds the instance lock while it lives.

    `listening` False (and `error`): the server could not listen, so a later launch cannot reach it."""

    show_was_requested = Signal()

    def __init__(self, lock: QLockFile | None = None, parent=None):
        super().__init__(parent)
        self._lock = lock
        self.server = QLocalServer(self)
        if lock is None or lock.isLocked():  # the lock says the name is ours: a socket left by a crash goes
            QLocalServer.removeServer(server_name())
        self.listening = self.server.listen(server_name())
        self.error = "" if self.listening else self.server.errorString()
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        socket = self.server.nextPendingConnection()
        socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if RAISE.strip() in bytes(socket.readAll()):
            self.show_was_requested.emit()
        socket.disconnectFromServer()
