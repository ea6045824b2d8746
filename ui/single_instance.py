"""One app per user: a second launch asks the first to come to the front, then exits.

The first instance listens on a QLocalServer named per user and config
dir (so tests with their own config dir never meet a real running app).
"""
from __future__ import annotations

import getpass
import hashlib

from kbassist.settings import config_dir

from .qt import QLocalServer, QLocalSocket, QObject, Signal

RAISE = b"raise\n"


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


class InstanceServer(QObject):
    """Emits `show_was_requested` when a later launch knocks."""

    show_was_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.server = QLocalServer(self)
        QLocalServer.removeServer(server_name())  # a stale socket left by a crash
        self.server.listen(server_name())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        socket = self.server.nextPendingConnection()
        socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if RAISE.strip() in bytes(socket.readAll()):
            self.show_was_requested.emit()
        socket.disconnectFromServer()
