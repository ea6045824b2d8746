"""On a real X server: the on-top toggle, the global hotkey from another program, paste back, the clipboard watch.

Another process plays the CRM (a Qt line edit titled "CRM"); xdotool sends keys and moves the focus as
a user would, and xclip sets the clipboard as another program does.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import ask, kb, open_window, private_dirs  # noqa: E402,F401 - fixtures

from ui.qt import QApplication, QMessageBox, Qt  # noqa: E402
from ui.reply_panel import SendWarningsDialog  # noqa: E402

CRM = ("from PySide6.QtWidgets import QApplication, QLineEdit\n"
       "app = QApplication([]); box = QLineEdit(); box.setWindowTitle('CRM'); box.resize(400, 60); box.show()\n"
       "app.exec()\n")


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True, timeout=10).stdout.strip()


def visible_windows(name: str) -> list[str]:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True)
    return found.stdout.split()


@pytest.fixture
def crm(qtbot):
    """Another program's window, focused, as the agent's CRM; its X window id."""
    process = subprocess.Popen([sys.executable, "-c", CRM])
    qtbot.waitUntil(lambda: bool(visible_windows("^CRM$")), timeout=15000)
    window_id = visible_windows("^CRM$")[0]
    xdotool("windowfocus", "--sync", window_id)
    yield window_id
    process.terminate()
    process.wait(10)


def focused_window() -> str:
    return xdotool("getwindowfocus")


def test_always_on_top_keeps_the_real_window_mapped(qtbot, open_window):
    window = open_window(semantic=False)
    qtbot.waitUntil(lambda: bool(visible_windows("^kbassist")), timeout=5000)
    window.on_top_action.trigger()
    qtbot.waitUntil(lambda: bool(visible_windows("^kbassist")), timeout=5000)
    assert window.isVisible()
    window.compact_action.trigger()
    window.on_top_action.trigger()
    qtbot.waitUntil(lambda: bool(visible_windows("^kbassist")), timeout=5000)


def test_the_hotkey_raises_the_window_from_another_program_and_paste_back_returns_there(
        qtbot, open_window, crm, monkeypatch):
    window = open_window()
    window.apply_settings(window.settings.replace(paste_back=True))
    assert window.desk.hotkey is not None, window.desk.hotkey_problem
    assert focused_window() == crm
    xdotool("key", "--clearmodifiers", "ctrl+alt+k")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and window.agent.message.hasFocus(), timeout=5000)
    ask(qtbot, window, "I was charged twice")
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: QMessageBox.Yes)
    qtbot.keyClick(window.agent.message, Qt.Key_Return, Qt.ControlModifier)  # copy
    qtbot.waitUntil(lambda: focused_window() == crm, timeout=5000)
    assert "Hi" in QApplication.clipboard().text()


def test_a_message_copied_in_another_program_gets_its_suggestions(qtbot, open_window):
    window = open_window()
    window.apply_settings(window.settings.replace(clipboard_watch=True))
    with qtbot.waitSignal(window.agent.suggestions_did_arrive, timeout=15000,
                          check_params_cb=lambda r: r.message == "支付宝退款多久到账"):
        owner = subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], stdin=subprocess.PIPE)
        owner.communicate("支付宝退款多久到账".encode(), timeout=10)
    assert window.agent.results.current_suggestion().article_id == "returns/refund-time.zh"
    QApplication.clipboard().setText("")  # take the selection back, so xclip's server exits
