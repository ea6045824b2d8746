"""User settings: a frozen dataclass with defaults, stored as JSON.

Loading never fails: a missing file gives the defaults; an unreadable one
gives the defaults, is kept beside as `settings.json.bad` and is reported; a
wrong-typed value falls back to that field's default with a warning; unknown
keys are ignored. Saving is atomic (temp file, then `os.replace`).
Window geometry and similar state belong to the app, not here.
"""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from .atomic import replacing
from .errors import Problem
from .privacy.files import private_dir

APP = "kbassist"


def data_dir() -> Path:
    """Per-user data directory; KBASSIST_DATA_DIR overrides it (tests, portable installs)."""
    return Path(os.environ.get("KBASSIST_DATA_DIR") or platformdirs.user_data_dir(APP))


def config_dir() -> Path:
    return Path(os.environ.get("KBASSIST_CONFIG_DIR") or platformdirs.user_config_dir(APP))


def cache_dir() -> Path:
    """Per-user cache (derived data, safe to delete); KBASSIST_CACHE_DIR overrides it."""
    return Path(os.environ.get("KBASSIST_CACHE_DIR") or platformdirs.user_cache_dir(APP))


@dataclass(frozen=True)
class Settings:
    embedder: str = "auto"  # by the folder's languages; or "use-multilingual", "minilm", "use+minilm", a folder
    index_root: str = ""  # empty: <data dir>/indexes
    review_every_days: int = 90
    agent_name: str = ""
    known_values: dict = field(default_factory=dict)  # placeholder name -> value (company, hotline...)
    logging_enabled: bool = True
    history_retention_days: int = 90  # the log's rows older than this are deleted (issue #18)
    always_on_top: bool = False
    ui_language: str = ""  # empty: follow the system locale
    fusion: str = "blend"
    semantic_weight: float = 0.8
    no_answer_confidence: float = 0.53
    server: str = ""  # a team's PostgreSQL (postgresql://...): search its shared index instead of a local one
    share_metrics: bool = False  # with a server: send the Insights events to it (the agent's consent, issue #22)
    # Read articles through links that lead out of the knowledge folder (never written through: issue #17).
    follow_outside_links: bool = False
    # Beside the CRM (issue #20): a global hotkey, an opt-in clipboard watch, paste back, the local API.
    hotkey: str = "Ctrl+Alt+K"  # empty: no global hotkey
    clipboard_watch: bool = False
    paste_back: bool = False  # after a copy, return focus to the window the agent came from (X11)
    api_enabled: bool = False  # the app serves the local API while it runs
    api_port: int = 8765
    api_token: str = ""  # created on first use; every request must carry it
    api_origins: list = field(default_factory=list)  # browser origins allowed to call the API (CORS)

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **changes)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    path = Path(path) if path else settings_path()
    if not path.exists():
        return Settings(), []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("top level is not an object")
    except (OSError, ValueError) as exc:
        bad = path.with_name(path.name + ".bad")
        try:
            os.replace(path, bad)
        except OSError:
            bad = path
        return Settings(), [Problem.of(str(path), 0, "settings_unreadable", error=str(exc), kept=bad.name)]
    problems: list[Problem] = []
    values = {}
    defaults = Settings()
    for f in dataclasses.fields(Settings):
        if f.name not in raw:
            continue
        value, default = raw[f.name], getattr(defaults, f.name)
        expected = type(default)
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if ok:
            values[f.name] = value
        else:
            problems.append(Problem.of(str(path), 0, "setting_wrong_type", name=f.name, type=expected.__name__))
    return Settings(**values), problems


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Atomically, 0600 in a 0700 folder: known values may name people (the agent, customers' companies)."""
    path = Path(path) if path else settings_path()
    private_dir(path.parent)
    with replacing(path, "w", encoding="utf-8") as fh:
        json.dump(dataclasses.asdict(settings), fh, ensure_ascii=False, indent=2)
