"""Beside the CRM, offscreen: the clipboard watch and the local API as the app runs them.

The global hotkey and paste back need a real X server: tests/x11/ (run under Xvfb by test_x11_desk.py).
"""
from __future__ import annotations

import json
import socket
import urllib.request

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import ask, kb, open_window, private_dirs  # noqa: E402,F401 - fixtures

from ui.qt import QGuiApplication, QMessageBox  # noqa: E402
from ui.reply_panel import SendWarningsDialog  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_copied_customer_message_is_searched_and_the_apps_own_copy_is_not(qtbot, open_window, monkeypatch):
    window = open_window()
    window.apply_settings(window.settings.replace(clipboard_watch=True))
    with qtbot.waitSignal(window.agent.suggestions_did_arrive, timeout=10000,
                          check_params_cb=lambda r: r.message == "支付宝退款多久到账"):
        QGuiApplication.clipboard().setText("支付宝退款多久到账")
    assert window.agent.message.toPlainText() == "支付宝退款多久到账"
    assert window.agent.results.current_suggestion().article_id == "returns/refund-time.zh"
    assert window.session.assistant.history.stats().suggestions == 0  # searched as typing is: not logged
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: QMessageBox.Yes)
    assert window.agent.replies.copy_current()
    assert window.agent.message.toPlainText() == "支付宝退款多久到账"  # its own copy is not a customer message
    window.apply_settings(window.settings.replace(clipboard_watch=False))
    QGuiApplication.clipboard().setText("I was charged twice")
    qtbot.wait(300)
    assert window.agent.message.toPlainText() == "支付宝退款多久到账"


def test_the_app_serves_the_local_api_while_the_option_is_on(qtbot, open_window):
    window = open_window()
    port = free_port()
    window.apply_settings(window.settings.replace(api_enabled=True, api_port=port))
    qtbot.waitUntil(lambda: window.desk.server is not None, timeout=10000)
    token = window.settings.api_token
    assert token and window.session.assistant.settings.api_token == token
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/suggest", data=json.dumps(
        {"message": "I was charged twice", "log": False}).encode(), headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=20) as response:
        assert json.loads(response.read())["suggestions"][0]["article_id"] == "billing/payment-failed"
    window.apply_settings(window.settings.replace(api_enabled=False))
    assert window.desk.server is None
    qtbot.waitUntil(lambda: _refused(port), timeout=10000)


def _refused(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0
