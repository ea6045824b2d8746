"""Filling a reply by keyboard: focus on the first empty field, text selected, Tab walks, labels readable."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import ask, kb, open_window, private_dirs, zh_interface  # noqa: E402,F401 - fixtures

from ui.first_start import ask_agent_name_once  # noqa: E402
from ui.qt import QApplication, QGuiApplication, QMessageBox, Qt  # noqa: E402
from ui.reply_panel import SendWarningsDialog  # noqa: E402

CHARGED = "Hi, this is Anna Schmidt. I was charged twice for order 12345678"


def focused():
    return QApplication.focusWidget()


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_enter_on_a_result_goes_to_the_first_empty_field_and_tab_walks_the_fields(qtbot, open_window):
    window = open_window()
    active(qtbot, window)
    ask(qtbot, window, CHARGED)
    panel = window.agent.replies
    assert panel.field("customer_name").text() == "Anna Schmidt"  # guessed, so not where typing goes
    window.agent.results.setFocus()
    qtbot.keyClick(window.agent.results, Qt.Key_Return)
    first_empty = next(edit for edit in panel.tab_chain()[:-1] if not edit.text())
    assert focused() is first_empty
    qtbot.keyClicks(first_empty, "EUR 29.99")
    assert first_empty.text() == "EUR 29.99" and panel.field("customer_name").text() == "Anna Schmidt"
    qtbot.keyClick(first_empty, Qt.Key_Tab)
    after = panel.tab_chain()[panel.tab_chain().index(first_empty) + 1]
    assert focused() is after
    if after is not panel.copy_button and after.text():
        assert after.selectedText() == after.text()  # typing replaces a default, never appends to it
    qtbot.keyClick(after, Qt.Key_Backtab)
    assert focused() is first_empty


def test_tab_from_the_message_box_goes_to_the_fields_and_focus_is_drawn(qtbot, open_window):
    window = open_window()
    active(qtbot, window)
    ask(qtbot, window, CHARGED)
    box = window.agent.message
    box.setFocus()
    qtbot.keyClick(box, Qt.Key_Tab)
    assert focused() is window.agent.replies.tab_chain()[0]
    assert ":focus" in window.agent.styleSheet()


def test_fields_are_labelled_readably_and_by_the_article_in_chinese(qtbot, zh_interface, open_window):
    window = open_window()
    ask(qtbot, window, "支付宝退款多久到账")
    panel = window.agent.replies
    labels = {panel.form.labelForField(edit).text(): name for name, edit in panel._fields.items()}
    assert labels.get("退款流水号") == "refund_ref" and labels.get("客户称呼") == "customer_name"
    assert not any("_" in label for label in labels)


def test_a_launch_warning_is_confirmed_once_per_article_per_run(qtbot, open_window, monkeypatch):
    window = open_window()
    ask(qtbot, window, "My Reader 5 shows E21 and won't charge")
    panel = window.agent.replies
    panel.field("customer_name").setText("Mia")
    panel.field("agent_name").setText("Tom")
    asked = []
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: asked.append(self.informativeText())
                        or QMessageBox.Yes)
    assert panel.copy_current() and panel.copy_current()
    assert len(asked) == 1 and "launch" in asked[0].lower()
    panel.field("customer_name").setText("Mia, call 13812345678")
    assert panel.copy_current()  # someone else's number is asked about every time, the launch not again
    assert len(asked) == 2 and "launch" not in asked[1].lower() and "***5678" in asked[1]
    assert QGuiApplication.clipboard().text().startswith("Hi Mia")


def test_the_first_start_asks_the_agent_name_once_and_replies_are_signed_with_it(qtbot, open_window):
    window = open_window()
    dialog = ask_agent_name_once(window)
    dialog.setTextValue("Tom")
    dialog.accept()
    assert window.settings.agent_name == "Tom" and ask_agent_name_once(window) is None
    ask(qtbot, window, "I was charged twice")
    qtbot.waitUntil(lambda: window.agent.replies.field("agent_name") is not None
                    and window.agent.replies.field("agent_name").text() == "Tom", timeout=5000)
    window.close()
    assert ask_agent_name_once(open_window(semantic=False)) is None


def test_two_replies_compose_into_one_message_with_one_greeting_and_sign_off(qtbot, open_window, monkeypatch):
    window = open_window()
    active(qtbot, window)
    panel = window.agent.replies
    ask(qtbot, window, CHARGED)
    panel.field("amount").setText("EUR 29.99")
    qtbot.keyClick(window.agent.message, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    ask(qtbot, window, "how long until my refund arrives on my card")
    qtbot.keyClick(window.agent.message, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert len(panel.compose.parts) == 2
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: QMessageBox.Yes)
    qtbot.keyClick(window.agent.message, Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)
    text = QGuiApplication.clipboard().text()
    assert text.count("Hi ") == 1 and text.count("Best regards") == 1 and "EUR 29.99" in text
    assert text.startswith("Hi Anna Schmidt,") and not panel.compose.parts
