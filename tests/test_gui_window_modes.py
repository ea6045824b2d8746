"""The window stays on screen whatever view the agent picks: on top, compact, from the tray."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import kb, open_window, private_dirs  # noqa: E402,F401 - fixtures

from ui.qt import Qt  # noqa: E402


def on_top(window) -> bool:
    return bool(window.windowFlags() & Qt.WindowStaysOnTopHint)


def test_always_on_top_keeps_the_window_visible_both_ways(qtbot, open_window):
    window = open_window(semantic=False)
    window.on_top_action.trigger()
    assert on_top(window) and window.isVisible()
    window.on_top_action.trigger()
    assert not on_top(window) and window.isVisible()


def test_compact_mode_on_top_stays_visible_and_the_tray_brings_it_back(qtbot, open_window):
    window = open_window(semantic=False)
    window.compact_action.trigger()
    window.on_top_action.trigger()
    assert window.state.compact and on_top(window) and window.isVisible()
    window.compact_action.trigger()
    assert not window.state.compact and on_top(window) and window.isVisible()
    window.showMinimized()
    window.bring_to_front()
    assert window.isVisible() and not window.isMinimized()


def test_on_top_from_the_settings_at_start_shows_the_window(qtbot, open_window):
    window = open_window(semantic=False)
    window.apply_settings(window.settings.replace(always_on_top=True))
    window.close()
    again = open_window(semantic=False)
    assert on_top(again) and again.isVisible()
