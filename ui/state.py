"""What the window restores at next launch: geometry, compact mode, recent folders.

State, not settings (STYLE 8): a small JSON beside settings.json in the
config dir, rewritten freely, and a corrupt file only costs the layout.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from kbassist.settings import config_dir

log = logging.getLogger(__name__)
MAX_RECENT = 8


@dataclass
class UiState:
    geometry: str = ""  # QMainWindow.saveGeometry(), base64
    compact_geometry: str = ""
    compact: bool = False
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
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
