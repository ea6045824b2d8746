"""`Desk`: the main window's ways in from the CRM, applied from the settings and kept in step with them.

- The global hotkey (X11) notes the window the agent was in, then brings ours
  up with the message box focused; where it cannot be grabbed the reason is
  kept for the settings (`hotkey_problem`), and the tray remains.
- The clipboard watch puts a copied customer message in the message box.
- Paste back returns the focus to the noted window after a reply is copied.
- The local API serves the open folder while the option is on; it follows
  the folder (restarted on the one opened) and stops with the window.
  Starting and stopping it run off the GUI thread.
"""
from __future__ import annotations

import logging

from kbassist.api import ApiServer, ensure_token
from kbassist.settings import Settings

from ..qt import QObject, Signal
from .clipboard import ClipboardWatch
from .x11 import FocusMemory, GlobalHotkey, unavailable_reason

log = logging.getLogger(__name__)


class Desk(QObject):
    api_did_change = Signal(str)  # a line for the status bar: serving where, or why not

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.hotkey: GlobalHotkey | None = None
        self.hotkey_keys = ""
        self.hotkey_problem = ""
        self.focus = FocusMemory() if not unavailable_reason() else None
        self.paste_back = False
        self.server: ApiServer | None = None
        self._serving: tuple | None = None  # what the running (or starting) server serves
        self.clipboard = ClipboardWatch(self)
        self.clipboard.text_was_copied.connect(window.agent.show_message)
        window.session.folder_did_open.connect(lambda assistant: self._serve(assistant, self.window.settings))
        window.agent.reply_was_copied.connect(self._reply_was_copied)

    def apply(self, settings: Settings) -> Settings:
        """Follow `settings`; returns them with an API token when the API needed one (saved)."""
        if settings.api_enabled:
            settings = ensure_token(settings)
        self._set_hotkey(settings.hotkey)
        self.clipboard.set_enabled(settings.clipboard_watch)
        self.paste_back = settings.paste_back and self.focus is not None
        self._serve(self.window.session.assistant, settings)
        return settings

    # -- hotkey and paste back ---------------------------------------------------------
    def _set_hotkey(self, keys: str) -> None:
        if keys == self.hotkey_keys and (self.hotkey or self.hotkey_problem):
            return
        if self.hotkey is not None:
            self.hotkey.close()
            self.hotkey = None
        self.hotkey_keys, self.hotkey_problem = keys, ""
        if not keys:
            return
        self.hotkey_problem = unavailable_reason()
        if self.hotkey_problem:
            return
        try:
            self.hotkey = GlobalHotkey(keys, self)
        except (ValueError, OSError) as exc:
            log.warning("global hotkey %s not available: %s", keys, exc)
            self.hotkey_problem = str(exc)
            return
        self.hotkey.hotkey_was_pressed.connect(self.summon)

    def summon(self) -> None:
        """Note where the agent was, then bring the window up with the message box focused."""
        if self.focus is not None:
            self.focus.remember()
        self.window.bring_to_front()
        self.window.focus_message()

    def _reply_was_copied(self, _title: str) -> None:
        if self.paste_back:
            self.focus.return_focus()

    # -- the local API -------------------------------------------------------------------
    def _serve(self, assistant, settings: Settings) -> None:
        wanted = (assistant, settings.api_port, settings.api_token, tuple(settings.api_origins)) \
            if settings.api_enabled and assistant is not None else None
        if wanted == self._serving:
            return
        self._stop_server()
        self._serving = wanted
        if wanted is None:
            return

        def start() -> ApiServer:
            return ApiServer(assistant, token=settings.api_token, port=settings.api_port,
                             origins=tuple(settings.api_origins)).start()

        def started(server: ApiServer) -> None:
            if self._serving is not wanted:  # settings or folder changed while it started
                self.window.ops.query(self, server.stop).run_in_background()
                return
            self.server = server
            self.api_did_change.emit(self.tr("Local API on http://127.0.0.1:%1").replace("%1", str(server.port)))

        def failed(exc: BaseException) -> None:
            self._serving = None
            self.api_did_change.emit(self.tr("Local API not started: %1").replace("%1", str(exc)))

        self.window.ops.query(self, start).success(started).failure(failed).run_in_background()

    def _stop_server(self) -> None:
        server, self.server, self._serving = self.server, None, None
        if server is not None:
            self.window.ops.query(self, server.stop).run_in_background()

    def close(self) -> None:
        """The window closes: release the key, stop serving."""
        self._set_hotkey("")
        self._stop_server()
        if self.focus is not None:
            self.focus.close()
            self.focus = None
