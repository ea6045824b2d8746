"""The app beside the CRM: a global hotkey, an opt-in clipboard watch, paste back, the local API.

`Desk` wires them to the main window; `x11` holds what Qt has no API for
(grabbing a key for the whole desktop, the window that had focus), for X11
only; on Wayland the settings say so and the tray stays the way in.
"""
from __future__ import annotations

from .desk import Desk

__all__ = ("Desk",)
