"""X11 with python-xlib: a key grabbed for the whole desktop, and the window that had the focus.

Qt can bind a key only while one of its windows has focus. An agent sits in
a CRM, so the hotkey is grabbed on the root window (`XGrabKey`, once per
combination of the lock modifiers, which X counts as modifiers too) and
read on a thread of its own, with its own display connection; a press is
re-emitted as a Qt signal, which Qt queues onto the GUI thread.

Paste back needs the window the agent came from: the window manager's
`_NET_ACTIVE_WINDOW` when there is one (a client message asks it to
activate that window again), else the X input focus itself.
"""
from __future__ import annotations

import logging
import os
import select
import threading

from ..qt import QGuiApplication, QObject, Signal

log = logging.getLogger(__name__)
POLL_S = 0.2


def unavailable_reason() -> str:
    """"" when X11 hotkeys and paste back can work here, else why not (shown in the settings)."""
    platform = QGuiApplication.platformName()
    if platform == "wayland" or (os.environ.get("XDG_SESSION_TYPE") == "wayland" and platform != "xcb"):
        return "wayland"
    if platform != "xcb" or not os.environ.get("DISPLAY"):
        return "no-x11"
    try:
        import Xlib.display  # noqa: F401 - only whether it is installed
    except ImportError:
        return "no-xlib"
    return ""


def _grab_spec(display, keys: str) -> tuple[int, int]:
    """"Ctrl+Alt+K" -> (modifier mask, keycode); ValueError when it names no key."""
    from Xlib import X, XK

    masks = {"ctrl": X.ControlMask, "control": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask,
             "meta": X.Mod4Mask, "super": X.Mod4Mask}
    *mods, key = [part.strip() for part in keys.split("+") if part.strip()] or [""]
    mask = 0
    for mod in mods:
        if mod.lower() not in masks:
            raise ValueError(f"unknown modifier {mod!r}")
        mask |= masks[mod.lower()]
    keysym = XK.string_to_keysym(key.lower() if len(key) == 1 else key)
    keycode = display.keysym_to_keycode(keysym) if keysym else 0
    if not keycode:
        raise ValueError(f"no key {key!r} on this keyboard")
    return mask, keycode


class GlobalHotkey(QObject):
    """Grabs `keys` on the X11 root window while it lives; `hotkey_was_pressed` on each press."""

    hotkey_was_pressed = Signal()

    def __init__(self, keys: str, parent: QObject | None = None):
        """Raises ValueError (a key that does not exist) or OSError (taken by another program, no X)."""
        super().__init__(parent)
        from Xlib import X, display, error

        self._display = display.Display()
        self._root = self._display.screen().root
        self._mask, self._keycode = _grab_spec(self._display, keys)
        caught = error.CatchError(error.BadAccess)
        for locks in (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask):  # Caps Lock, Num Lock
            self._root.grab_key(self._keycode, self._mask | locks, True, X.GrabModeAsync, X.GrabModeAsync,
                                onerror=caught)
        self._display.sync()
        if caught.get_error():
            self._display.close()
            raise OSError(f"{keys} is already taken by another program")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="kbassist-hotkey", daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        from Xlib import X

        while not self._stop.is_set():
            readable, _, _ = select.select([self._display], [], [], POLL_S)
            while readable and self._display.pending_events() and not self._stop.is_set():
                event = self._display.next_event()
                if event.type == X.KeyPress and event.detail == self._keycode:
                    self.hotkey_was_pressed.emit()

    def close(self) -> None:
        """Release the key and the connection (idempotent)."""
        if self._stop.is_set():
            return
        from Xlib import X

        self._stop.set()
        self._thread.join(2 * POLL_S + 1)
        self._root.ungrab_key(self._keycode, X.AnyModifier)
        self._display.close()


class FocusMemory:
    """The X window that had the focus before ours, and a way back to it."""

    def __init__(self):
        from Xlib import display

        self._display = display.Display()
        self._root = self._display.screen().root
        self._active = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self.window_id = 0

    def remember(self) -> int:
        """Note the window that has the focus now (call before raising ours)."""
        prop = self._root.get_full_property(self._active, 0)
        if prop is not None and prop.value and prop.value[0]:
            self.window_id = int(prop.value[0])
        else:  # no window manager keeps _NET_ACTIVE_WINDOW: the input focus is the window
            focus = self._display.get_input_focus().focus
            self.window_id = focus if isinstance(focus, int) else focus.id
        return self.window_id

    def return_focus(self) -> bool:
        """Give the focus back to the remembered window; False when there is none."""
        from Xlib import X, protocol

        if not self.window_id:
            return False
        window = self._display.create_resource_object("window", self.window_id)
        if self._root.get_full_property(self._active, 0) is not None:
            event = protocol.event.ClientMessage(window=window, client_type=self._active,
                                                 data=(32, [2, X.CurrentTime, 0, 0, 0]))  # 2: from a pager/tool
            self._root.send_event(event, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
        else:
            window.set_input_focus(X.RevertToParent, X.CurrentTime)
        self._display.sync()
        return True

    def close(self) -> None:
        self._display.close()
