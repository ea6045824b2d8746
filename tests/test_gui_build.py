"""A first build in the app: progress, keyword results first, cancel; the large-build path in a worker process."""
from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import REPO, ask, private_dirs  # noqa: E402,F401 - fixtures

from kbassist import jobs


@pytest.fixture
def fresh_kb(tmp_path):
    """A copy of knowledge/ with no index yet, and a first build that goes to worker processes."""
    folder = tmp_path / "knowledge"
    shutil.copytree(REPO / "knowledge", folder)
    return folder, tmp_path / "index"


def _window(qtbot, fresh_kb, monkeypatch, bulk: int):
    from ui.app import build_window

    monkeypatch.setattr(jobs, "BULK_FILES", bulk)
    monkeypatch.setattr(jobs, "BULK_CHUNKS", bulk)
    window = build_window(str(fresh_kb[0]), str(fresh_kb[1]))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_first_build_in_worker_processes_gives_keyword_then_semantic_results(qtbot, fresh_kb, monkeypatch):
    window = _window(qtbot, fresh_kb, monkeypatch, bulk=1)
    labels = []
    window.session.progress_did_change.connect(lambda p: labels.append(p.label))
    qtbot.waitUntil(lambda: window.agent.assistant is not None, timeout=60000)
    assert "indexing keywords" in labels
    result = ask(qtbot, window, "My Reader 5 shows E21 and won't charge")
    assert result.suggestions[0].article_id == "devices/reader/charging-error"
    qtbot.waitUntil(lambda: not window.session.busy, timeout=120000)
    assistant = window.session.assistant
    assert assistant.semantic_ready and "embedding" in labels
    assert "Semantic" in window.mode_label.text()
    result = ask(qtbot, window, "支付宝退款多久到账")
    assert result.suggestions[0].article_id == "returns/refund-time.zh"
    window.close()


def test_cancelling_the_first_build_stops_it_and_the_folder_opens_again(qtbot, fresh_kb, monkeypatch):
    window = _window(qtbot, fresh_kb, monkeypatch, bulk=1)
    qtbot.waitUntil(lambda: window.cancel_button.isVisible(), timeout=10000)
    with qtbot.waitSignal(window.session.open_was_cancelled, timeout=60000):
        window.cancel_button.click()
    assert "cancelled" in window.mode_label.text()
    window.open_folder(str(fresh_kb[0]), str(fresh_kb[1]))
    qtbot.waitUntil(lambda: window.agent.assistant is not None, timeout=60000)
    assert window.session.assistant.stats()["articles"] >= 40
    window.close()
