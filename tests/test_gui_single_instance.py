"""Two launches in the same millisecond still make one app (issue #17, finding 9).

Both launches once found no server to ask, both listened, and the second
removed the first's socket: two windows (6 of 20 pairs). Now the first to
take a lock file becomes the instance; the other asks it to show itself,
waiting while it starts to listen. A listen that fails is reported.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parent.parent
LAUNCH = """
import sys, time
from PySide6.QtCore import QCoreApplication, QTimer
import ui.single_instance as single_instance
app = QCoreApplication([])
start, slow = float(sys.argv[1]), float(sys.argv[2])
listen = single_instance.QLocalServer.listen
single_instance.QLocalServer.listen = lambda self, name: time.sleep(slow) or listen(self, name)
while time.time() < start:
    pass  # both launches leave this loop in the same millisecond
server = single_instance.claim_instance()
print("instance" if server is not None else "asked", flush=True)
if server is not None:
    server.show_was_requested.connect(lambda: (print("shown", flush=True), app.quit()))
    QTimer.singleShot(8000, app.quit)
    app.exec()
"""


@pytest.mark.parametrize("slow_listen", [0.0, 1.0])  # 1 s: the first launch takes a while to start listening
def test_two_launches_at_once_make_exactly_one_instance(tmp_path, slow_listen):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for round_ in range(2):
        env["KBASSIST_CONFIG_DIR"] = str(tmp_path / f"config-{round_}")
        start = time.time() + 2
        launches = [subprocess.Popen([sys.executable, "-c", LAUNCH, str(start), str(slow_listen)], env=env,
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    for _ in range(2)]
        outputs = [launch.communicate(timeout=60)[0].split() for launch in launches]
        firsts = sorted(output[0] for output in outputs)
        assert firsts == ["asked", "instance"], outputs
        assert "shown" in next(output for output in outputs if output[0] == "instance")


def test_a_failed_listen_is_reported(tmp_path, monkeypatch, qapp):
    from ui import single_instance

    monkeypatch.setenv("KBASSIST_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(single_instance, "server_name", lambda: "/nonexistent-dir/kbassist-socket")
    server = single_instance.claim_instance()
    assert server is not None and not server.listening and server.error
