"""Settings: embedder, index location, review interval, agent values, logging, language.

The dialog edits a copy of `kbassist.settings.Settings`; the window saves it
with `save_settings` and applies it. A model folder is checked when chosen
(it must look like a sentence-transformers folder) so a typo shows here,
not later as a failed index. "Clear history" erases the private log at once
(after a confirmation), through the same engine call as `kbassist history --clear`.
"""
from __future__ import annotations

from pathlib import Path

from kbassist.assist.history import History, default_history_path
from kbassist.settings import Settings

from .desk.settings_rows import DeskRows
from .ops import Ops
from .qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

BUILT_IN = ("auto", "use-multilingual", "minilm")
LANGUAGES = ("", "en", "zh_CN")


def looks_like_model(folder: str) -> bool:
    """A sentence-transformers folder has a config and weights."""
    path = Path(folder)
    return (path / "config.json").is_file() and (any(path.glob("*.safetensors")) or any(path.glob("*.bin")))


def parse_values(text: str) -> dict[str, str]:
    """`name = value` per line."""
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs if name.strip()}


class ClearHistoryDialog(QMessageBox):
    """Erasing cannot be undone: ask, with Cancel as the default."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setIcon(QMessageBox.Warning)
        self.setWindowTitle(self.tr("Clear history"))
        self.setText(self.tr("Erase the private log of suggestions on this computer?"))
        self.setInformativeText(self.tr("Every logged suggestion and unanswered message is deleted. "
                                        "This cannot be undone."))
        self.setStandardButtons(QMessageBox.Yes | QMessageBox.Cancel)
        self.button(QMessageBox.Yes).setText(self.tr("Erase"))
        self.setDefaultButton(QMessageBox.Cancel)

    @classmethod
    def confirm(cls, parent: QWidget) -> bool:
        return cls(parent).exec() == QMessageBox.Yes


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, assistant=None, ops: Ops | None = None, parent=None):
        super().__init__(parent)
        self.ops = ops or Ops(self)
        self.setWindowTitle(self.tr("Settings"))
        self.settings, self.assistant = settings, assistant
        self.embedder = QComboBox()
        self.embedder.addItem(self.tr("Automatic (by the folder's languages)"), "auto")
        self.embedder.addItem(self.tr("Built-in multilingual (Chinese + English)"), "use-multilingual")
        self.embedder.addItem(self.tr("Packaged MiniLM (English only)"), "minilm")
        self.embedder.addItem(self.tr("Local model folder…"), "folder")
        self.model_folder = QLineEdit(settings.embedder if settings.embedder not in BUILT_IN else "")
        self.model_note = QLabel()
        self.embedder.setCurrentIndex(BUILT_IN.index(settings.embedder) if settings.embedder in BUILT_IN else len(BUILT_IN))
        self.embedder.activated.connect(self._embedder_chosen)
        self.index_root = QLineEdit(settings.index_root)
        self.index_root.setPlaceholderText(self.tr("default: the per-user data folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._choose_index_root)
        self.review_days = QSpinBox(minimum=1, maximum=3650, value=settings.review_every_days,
                                    suffix=self.tr(" days"))
        self.agent_name = QLineEdit(settings.agent_name)
        self.known = QPlainTextEdit("\n".join(f"{k} = {v}" for k, v in settings.known_values.items()))
        self.known.setPlaceholderText("company = Lumio\nhotline = 400-800-1234")
        self.known.setMaximumHeight(90)
        self.logging = QCheckBox(self.tr("Keep a private local log of suggestions (for content gaps)"),
                                 checked=settings.logging_enabled)
        self.retention = QSpinBox(minimum=1, maximum=3650, value=settings.history_retention_days,
                                  suffix=self.tr(" days"))
        self.clear_button = QPushButton(self.tr("Clear history"))
        self.clear_button.clicked.connect(self._clear_history)
        self.on_top = QCheckBox(self.tr("Always on top"), checked=settings.always_on_top)
        self.server = QLineEdit(settings.server)
        self.server.setPlaceholderText(self.tr("postgresql://… (empty: this computer's own index)"))
        self.share_metrics = QCheckBox(self.tr("Share my numbers with the team (counts and article ids, never "
                                               "message text)"), checked=settings.share_metrics)
        self.server.textChanged.connect(lambda text: self.share_metrics.setEnabled(bool(text.strip())))
        self.share_metrics.setEnabled(bool(settings.server))
        self.language = QComboBox()
        for code, name in zip(LANGUAGES, (self.tr("System"), "English", "简体中文")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language)))
        form = QFormLayout(self)
        form.addRow(self.tr("Embedder"), self.embedder)
        form.addRow(self.tr("Model folder"), self.model_folder)
        form.addRow("", self.model_note)
        form.addRow(self.tr("Index location"), _row(self.index_root, browse))
        form.addRow(self.tr("Default review interval"), self.review_days)
        form.addRow(self.tr("Agent name"), self.agent_name)
        form.addRow(self.tr("Known placeholder values"), self.known)
        form.addRow(self.tr("History"), _row(self.logging, self.clear_button))
        form.addRow(self.tr("Keep history for"), self.retention)
        form.addRow(self.tr("Window"), self.on_top)
        form.addRow(self.tr("Team server"), self.server)
        form.addRow("", self.share_metrics)
        self.desk = DeskRows(settings, self)
        self.desk.add_to(form, _row)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow("", QLabel(self.tr("A language change applies at the next start.")))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._embedder_chosen()

    def _embedder_chosen(self, _index: int = 0) -> None:
        custom = self.embedder.currentData() == "folder"
        self.model_folder.setEnabled(custom)
        if custom and not self.model_folder.text():
            folder = QFileDialog.getExistingDirectory(self, self.tr("Model folder"))
            self.model_folder.setText(folder)
        ok = not custom or looks_like_model(self.model_folder.text())
        self.model_note.setText("" if ok else self.tr("This folder does not look like a sentence-transformers model."))

    def _choose_index_root(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Index location"), self.index_root.text())
        if folder:
            self.index_root.setText(folder)

    def _clear_history(self) -> None:
        if not ClearHistoryDialog.confirm(self):
            return
        log = self.assistant.history if self.assistant else History(default_history_path())
        self.ops.query(self, log.clear).success(lambda _r: self.logging.setText(
            self.tr("History cleared. Keep a private local log of suggestions"))).run_in_background()

    def result_settings(self) -> Settings:
        embedder = self.embedder.currentData()
        if embedder == "folder":
            embedder = self.model_folder.text().strip() or self.settings.embedder
        return self.settings.replace(
            embedder=embedder, index_root=self.index_root.text().strip(),
            review_every_days=self.review_days.value(), agent_name=self.agent_name.text().strip(),
            known_values=parse_values(self.known.toPlainText()), logging_enabled=self.logging.isChecked(),
            history_retention_days=self.retention.value(), server=self.server.text().strip(),
            share_metrics=self.share_metrics.isChecked() and bool(self.server.text().strip()),
            always_on_top=self.on_top.isChecked(), ui_language=self.language.currentData(), **self.desk.values(),
        )


def _row(*widgets: QWidget) -> QWidget:
    host = QWidget()
    layout = QHBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return host
