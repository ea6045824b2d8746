"""Shared pieces of the GUI tests (imported by tests/test_gui_*.py).

One indexed copy of knowledge/ per test module (real USE embedder), and
per-test data and config dirs so no test touches a real user's settings,
history or running app.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """(folder, index_dir) of a copy of the sample knowledge base, fully indexed once."""
    from kbassist.assistant import Assistant

    root = tmp_path_factory.mktemp("kb")
    folder, index_dir = root / "knowledge", root / "index"
    shutil.copytree(REPO / "knowledge", folder)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KBASSIST_DATA_DIR", str(root / "data"))
        mp.setenv("KBASSIST_CONFIG_DIR", str(root / "config"))
        with Assistant(folder, index_dir) as assistant:
            assistant.update()
    return folder, index_dir


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KBASSIST_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def open_window(qtbot, kb):
    """A factory for main windows on the indexed copy; waits until keyword search works."""
    from ui.app import build_window

    windows = []

    def make(semantic: bool = True):
        window = build_window(str(kb[0]), str(kb[1]))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.agent.assistant is not None, timeout=15000)
        if semantic:
            qtbot.waitUntil(lambda: not window.session.busy, timeout=30000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def ask(qtbot, window, message: str):
    """Put `message` in the box (setText: no key clicks for Chinese), press Enter, wait for the answer."""
    from ui.qt import Qt

    box = window.agent.message
    box.setPlainText(message)
    with qtbot.waitSignal(window.agent.suggestions_did_arrive, timeout=10000,
                          check_params_cb=lambda result: result.message == message) as blocker:
        qtbot.keyClick(box, Qt.Key_Return)
    return blocker.args[0]


@pytest.fixture
def zh_interface(qapp):
    """The app in 简体中文, as a user who chose it: translations installed and the default locale zh_CN."""
    from ui.app import install_translators
    from ui.qt import QLocale

    before = QLocale()
    installed = install_translators(qapp, "zh_CN")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
