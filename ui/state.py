"""What the window restores at next launch: geometry, compact mode, recent folders, first-start questions.

State, not settings (STYLE 8): a small JSON beside settings.json in the
config dir, rewritten freely, and a corrupt file only costs the layout.
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from kbassist.atomic import replacing
from kbassist.privacy.files import private_dir
from kbassist.settings import config_dir

log = logging.getLogger(__name__)
MAX_RECENT = 8


@dataclass
class UiState:
    geometry: str = ""  # QMainWindow.saveGeometry(), base64
    compact_geometry: str = ""
    compact: bool = False
    agent_name_asked: bool = False  # the first start asked for the agent's name (ui/first_start.py)
    recent_folders: list = field(default_factory=list)

    @property
    def last_folder(self) -> str | None:
        return self.recent_folders[0] if self.recent_folders else None

    def remember_folder(self, folder: str) -> None:
        folders = [f for f in self.recent_folders if f != folder]
        self.recent_folders = [folder, *folders][:MAX_RECENT]


def state_path() -> Path:
    return config_dir() / "ui-state.json"


def load_state() -> UiState:
    try:
        raw = json.loads(state_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return UiState()
    except (OSError, ValueError) as exc:
        log.warning("window state unreadable (%s); starting with defaults", exc)
        return UiState()
    defaults = UiState()
    known = {f.name: raw[f.name] for f in fields(UiState)
             if isinstance(raw, dict) and isinstance(raw.get(f.name), type(getattr(defaults, f.name)))}
    return UiState(**known)


def save_state(state: UiState) -> None:
    """Atomically, 0600 in the private config dir: recent folders say what the user works on."""
    path = state_path()
    private_dir(path.parent)
    with replacing(path, "w", encoding="utf-8") as out:
        json.dump(asdict(state), out, ensure_ascii=False, indent=2)
