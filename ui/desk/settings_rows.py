"""The settings dialog's rows for working beside the CRM: hotkey, clipboard watch, paste back, local API."""
from __future__ import annotations

from kbassist.settings import Settings

from ..qt import (
    QCheckBox,
    QFormLayout,
    QGuiApplication,
    QKeySequence,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)
from .x11 import unavailable_reason


class DeskRows(QObject):
    """Builds the rows from `settings`, adds them to a form, and reads them back."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        reason = unavailable_reason()
        self.hotkey = QKeySequenceEdit(QKeySequence(settings.hotkey))
        self.hotkey.setMaximumSequenceLength(1)
        self.hotkey_note = QLabel(self._why_not(reason), wordWrap=True)
        self.hotkey_note.setVisible(bool(reason))
        self.clipboard = QCheckBox(self.tr("Watch the clipboard: a copied customer message is searched at once "
                                           "(text only; stored only if the log is on)"),
                                   checked=settings.clipboard_watch)
        self.paste_back = QCheckBox(self.tr("After copying a reply, go back to the window I came from"),
                                    checked=settings.paste_back and not reason, enabled=not reason)
        self.api = QCheckBox(self.tr("Serve the local API for CRM macros and browser extensions"),
                             checked=settings.api_enabled)
        self.port = QSpinBox(minimum=1024, maximum=65535, value=settings.api_port)
        self.token = QLineEdit(settings.api_token, readOnly=True)
        self.token.setPlaceholderText(self.tr("created when the API is first turned on"))
        self.copy_token = QPushButton(self.tr("Copy token"))
        self.copy_token.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.token.text()))
        self.origins = QPlainTextEdit("\n".join(settings.api_origins))
        self.origins.setPlaceholderText("https://crm.example.com")
        self.origins.setMaximumHeight(60)

    def _why_not(self, reason: str) -> str:
        if reason == "wayland":
            return self.tr("Wayland does not let an app take a key for the whole desktop. Use the tray icon, or "
                           "make a desktop shortcut that runs kbassist: it brings this window up.")
        if reason == "no-xlib":
            return self.tr("The global hotkey needs python-xlib (pip install python-xlib).")
        return self.tr("No X11 display: the global hotkey and paste back are not available here.")

    def add_to(self, form: QFormLayout, row) -> None:
        """`row(*widgets)` lays several widgets on one line (the dialog's helper)."""
        form.addRow(self.tr("Global hotkey"), self.hotkey)
        form.addRow("", self.hotkey_note)
        form.addRow(self.tr("Clipboard"), self.clipboard)
        form.addRow(self.tr("Paste back"), self.paste_back)
        form.addRow(self.tr("Local API"), row(self.api, self.port))
        form.addRow(self.tr("API token"), row(self.token, self.copy_token))
        form.addRow(self.tr("Allowed browser origins"), self.origins)

    def values(self) -> dict:
        return {
            "hotkey": self.hotkey.keySequence().toString(QKeySequence.PortableText),
            "clipboard_watch": self.clipboard.isChecked(),
            "paste_back": self.paste_back.isChecked(),
            "api_enabled": self.api.isChecked(),
            "api_port": self.port.value(),
            "api_origins": [line.strip() for line in self.origins.toPlainText().splitlines() if line.strip()],
        }
