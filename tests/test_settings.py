"""Settings survive a missing, corrupt or wrong-typed file."""
from __future__ import annotations

import json

from kbassist.settings import Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path):
    settings, problems = load_settings(tmp_path / "none.json")
    assert settings == Settings() and problems == []


def test_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(agent_name="Mia", known_values={"hotline": "400-100"}), path)
    settings, problems = load_settings(path)
    assert settings.agent_name == "Mia" and settings.known_values == {"hotline": "400-100"} and problems == []


def test_corrupt_file_gives_defaults_and_is_kept_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ this is not json")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert "defaults used" in problems[0].message
    assert (tmp_path / "settings.json.bad").read_text() == "{ this is not json"


def test_wrong_typed_value_falls_back_for_that_field_only(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"agent_name": "Li", "review_every_days": "ninety", "unknown": 1}))
    settings, problems = load_settings(path)
    assert settings.agent_name == "Li" and settings.review_every_days == 90
    assert len(problems) == 1 and "review_every_days" in problems[0].message


def test_a_threshold_stored_on_the_old_confidence_scale_is_not_carried_over(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"no_answer_below": 0.30, "agent_name": "Mia"}))
    settings, problems = load_settings(path)
    assert settings.no_answer_confidence == Settings().no_answer_confidence
    assert settings.agent_name == "Mia" and problems == []
