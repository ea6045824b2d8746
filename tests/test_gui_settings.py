"""Settings and window state survive a restart, and a corrupt settings file."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import kb, open_window, private_dirs  # noqa: E402,F401 - fixtures

from kbassist.settings import load_settings, settings_path


def test_settings_and_compact_mode_survive_a_restart(qtbot, open_window):
    window = open_window(semantic=False)
    window.apply_settings(window.settings.replace(agent_name="Ana", known_values={"company": "Lumio"}))
    window.set_compact(True)
    window.close()
    again = open_window(semantic=False)
    assert again.settings.agent_name == "Ana"
    assert again.session.assistant.settings.known_values == {"company": "Lumio"}
    assert again.state.compact and not again.agent.preview.isVisible()


def test_a_corrupt_settings_file_gives_defaults_and_a_visible_warning(qtbot, open_window):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    window = open_window(semantic=False)
    assert window.settings.agent_name == ""
    assert "settings unreadable" in window.error_banner.text()
    assert settings_path().with_name("settings.json.bad").exists()
    window.apply_settings(window.settings.replace(agent_name="Bo"))
    assert load_settings()[0].agent_name == "Bo"
