"""The Agent tab on the real engine: message in, article, banner and reply out."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import ask, kb, open_window, private_dirs  # noqa: E402,F401 - fixtures

from ui.qt import QGuiApplication, QMessageBox, Qt  # noqa: E402
from ui.reply_panel import SendWarningsDialog  # noqa: E402


def top_id(window) -> str | None:
    suggestion = window.agent.results.current_suggestion()
    return suggestion.article_id if suggestion else None


def test_typing_an_english_message_shows_the_charging_article(qtbot, open_window):
    window = open_window()
    window.agent.message.setFocus()
    with qtbot.waitSignal(window.agent.suggestions_did_arrive, timeout=10000):
        qtbot.keyClicks(window.agent.message, "My Reader 5 shows E21 and won't charge")
    qtbot.waitUntil(lambda: top_id(window) == "devices/reader/charging-error", timeout=5000)
    assert "E21" in window.agent.preview.toPlainText()
    assert "Semantic" in window.mode_label.text()


def test_a_chinese_question_shows_the_chinese_refund_article(qtbot, open_window):
    window = open_window()
    result = ask(qtbot, window, "支付宝退款多久到账")
    assert result.suggestions[0].article_id == "returns/refund-time.zh"
    assert top_id(window) == "returns/refund-time.zh"
    assert window.agent.replies.reply.lang == "zh"


def test_an_angry_message_shows_the_escalation_banner_with_reasons(qtbot, open_window):
    window = open_window()
    ask(qtbot, window, "This is ridiculous!!! Refund me NOW or I will sue you, worst service ever")
    assert window.agent.escalation.isVisible()
    assert "legal" in window.agent.escalation.text()
    ask(qtbot, window, "I was charged twice")
    assert not window.agent.escalation.isVisible()


def test_filled_reply_goes_to_the_clipboard_on_ctrl_enter(qtbot, open_window, monkeypatch):
    window = open_window()
    ask(qtbot, window, "My Reader 5 shows E21 and won't charge")
    panel = window.agent.replies
    panel._fields["customer_name"].setText("Mia")
    panel._fields["agent_name"].setText("Tom")
    confirmations = []
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: confirmations.append(1) or QMessageBox.Yes)
    panel._fields["agent_name"].setFocus()
    with qtbot.waitSignal(panel.reply_was_copied, timeout=3000):
        qtbot.keyClick(panel._fields["agent_name"], Qt.Key_Return, Qt.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text().startswith("Hi Mia,")
    assert "Tom, Lumio Support" in mime.text()
    assert "<br>" in mime.html()
    assert len(confirmations) == 1  # the article is affected by a launch: still confirmed once


def test_unfilled_placeholder_blocks_copying_until_confirmed(qtbot, open_window, monkeypatch):
    window = open_window()
    ask(qtbot, window, "I was charged twice")
    panel = window.agent.replies
    assert any(w.code == "unfilled_placeholder" for w in panel.current_warnings())
    QGuiApplication.clipboard().setText("untouched")
    shown = []
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: shown.append(self.informativeText())
                        or QMessageBox.Cancel)
    assert not panel.copy_current()
    assert QGuiApplication.clipboard().text() == "untouched"
    assert "Unfilled placeholder" in shown[0]
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: QMessageBox.Yes)
    assert panel.copy_reply(0)
    assert QGuiApplication.clipboard().text() == panel.filled_text() != "untouched"


def test_escape_clears_and_a_stale_result_is_dropped(qtbot, open_window):
    window = open_window()
    ask(qtbot, window, "I was charged twice")
    old_stamp = window.agent._stamp
    qtbot.keyClick(window.agent.message, Qt.Key_Escape)
    assert window.agent.message.toPlainText() == "" and window.agent.results.count() == 0
    window.agent._did_fetch(old_stamp, window.agent.result or _any_result(window))
    assert window.agent.results.count() == 0


def _any_result(window):
    return window.agent.assistant.suggest("I was charged twice", log=False)


def test_a_new_file_in_the_watched_folder_appears_without_restart(qtbot, open_window, kb):
    window = open_window(semantic=False)
    qtbot.waitUntil(lambda: window.session._watcher is not None, timeout=5000)
    (kb[0] / "devices" / "zebra-case.md").write_text(
        "# Zebra pattern sleeve for the Reader\n\nThe zebra sleeve is sold out until March.\n", encoding="utf-8")
    window.agent.message.setPlainText("zebra sleeve")
    qtbot.waitUntil(lambda: window.agent.result is not None and "devices/zebra-case" in
                    [s.article_id for s in window.agent.result.suggestions], timeout=10000)
    # Updates here only index keywords; the session then embeds the new sections too.
    assistant = window.session.assistant
    qtbot.waitUntil(lambda: not window.session.busy and assistant.semantic_ready, timeout=30000)
    hits = assistant.search("striped animal print cover for the e-reader", mode="semantic", k=5).hits
    assert "devices/zebra-case" in [h.id for h in hits]


def test_a_misspelt_message_says_what_was_searched_for(qtbot, open_window):
    window = open_window()
    result = ask(qtbot, window, "cancle my ordr")
    assert result.corrected
    assert window.agent.searched_for.isVisible()
    assert window.agent.searched_for.text() == f"Searched for: {result.corrected}"
    ask(qtbot, window, "I was charged twice")
    assert not window.agent.searched_for.isVisible()


def test_f1_lists_every_window_shortcut(qtbot, open_window):
    from ui.shortcuts import ShortcutsDialog

    window = open_window(semantic=False)
    dialog = ShortcutsDialog(window)
    keys = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    for action in window.menuBar().findChildren(type(window.compact_action)):
        if not action.shortcut().isEmpty():
            text = action.shortcut().toString()
            assert any(text in listed for listed in keys), text


def test_problems_stay_out_of_the_way_and_a_bad_file_added_live_is_counted(qtbot, open_window, kb):
    window = open_window(semantic=False)
    qtbot.waitUntil(lambda: window.session._watcher is not None, timeout=5000)
    dock = window.problems
    assert not dock.isVisible()
    before = len(dock.problems)
    (kb[0] / "broken-binary.md").write_bytes(b"\x00\x01not text")
    qtbot.waitUntil(lambda: any(p.file == "broken-binary.md" for p in dock.problems), timeout=10000)
    assert not dock.isVisible() and dock.button.isVisible()
    assert str(before + 1) in dock.button.text()
    dock.button.click()
    assert dock.isVisible() and dock.height() < window.height() / 3
    (kb[0] / "broken-binary.md").unlink()
    qtbot.waitUntil(lambda: all(p.file != "broken-binary.md" for p in dock.problems), timeout=10000)


def test_the_first_screen_says_what_to_do_offers_an_example_and_then_the_most_used(qtbot, open_window, monkeypatch):
    window = open_window()
    agent = window.agent
    assert agent.empty_state.isVisible() and not agent.results.isVisible()
    assert "Ctrl+L" in agent.empty_state.toPlainText()
    qtbot.waitUntil(lambda: bool(agent.empty_state.example), timeout=5000)
    example = agent.empty_state.example
    # The refresh when the model became ready (the box still empty) may answer first: wait for the example's.
    with qtbot.waitSignal(agent.suggestions_did_arrive, timeout=10000,
                          check_params_cb=lambda result: result.message == example):
        agent.empty_state.example_was_chosen.emit(example)
    assert agent.results.isVisible() and agent.results.count() and not agent.empty_state.isVisible()
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: QMessageBox.Yes)
    copied = agent.results.current_suggestion()
    assert agent.replies.copy_current()
    qtbot.keyClick(agent.message, Qt.Key_Escape)
    qtbot.waitUntil(lambda: [u.article_id for u in agent.empty_state.used][:1] == [copied.article_id], timeout=10000)
    assert copied.title in agent.empty_state.toPlainText() and agent.empty_state.isVisible()
