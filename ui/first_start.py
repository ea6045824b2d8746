"""First start: ask the agent's name once, so `{{agent_name}}` is filled in every reply from then on.

Asked once per user (the window state remembers it was asked), whether
answered or dismissed: Settings → Agent name changes it later. The dialog
is window-modal and opened, not executed, so the window keeps loading
the folder behind it.
"""
from __future__ import annotations

from .qt import QInputDialog, QLineEdit
from .state import save_state


def ask_agent_name_once(window) -> QInputDialog | None:
    """Open the question when the settings have no name and it was never asked; the dialog, else None."""
    if window.settings.agent_name or window.state.agent_name_asked:
        return None
    window.state.agent_name_asked = True
    save_state(window.state)
    dialog = QInputDialog(window)
    dialog.setWindowTitle(window.tr("Welcome to kbassist"))
    dialog.setLabelText(window.tr("Your name, as replies should sign it (Settings can change it later):"))
    dialog.setTextEchoMode(QLineEdit.Normal)
    dialog.textValueSelected.connect(lambda name: _remember(window, name))
    dialog.open()
    return dialog


def _remember(window, name: str) -> None:
    if name.strip():
        window.apply_settings(window.settings.replace(agent_name=name.strip()))
