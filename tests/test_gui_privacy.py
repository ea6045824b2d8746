"""The app's side of privacy: the preview reads nothing outside the knowledge folder, and
"Clear history" erases the log after a confirmation."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import private_dirs  # noqa: E402,F401 - fixture

from kbassist.assist.history import History, default_history_path  # noqa: E402
from kbassist.knowledge.model import Article  # noqa: E402
from kbassist.settings import Settings  # noqa: E402
from ui.preview import Preview  # noqa: E402
from ui.qt import QImage, QMessageBox, QTextDocument, QUrl  # noqa: E402
from ui.settings_dialog import ClearHistoryDialog, SettingsDialog  # noqa: E402

RED, GREEN = 0xFFFF0000, 0xFF00FF00


def square(path, colour: int) -> None:
    image = QImage(40, 40, QImage.Format_RGB32)
    image.fill(colour)
    assert image.save(str(path))


def article(body: str, path: str = "guides/setup.md") -> Article:
    return Article(id="guides/setup", path=path, title="Setup", lang="en", body=body)


def colours(preview: Preview) -> set[int]:
    image = preview.grab().toImage()
    return {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def test_preview_shows_images_from_the_folder_and_nothing_from_outside_or_the_network(qtbot, tmp_path):
    folder, outside = tmp_path / "kb", tmp_path / "secret"
    (folder / "guides" / "img").mkdir(parents=True)
    outside.mkdir()
    square(folder / "guides" / "img" / "ok.png", GREEN)
    square(outside / "red.png", RED)
    (folder / "guides" / "img" / "link.png").symlink_to(outside / "red.png")
    body = (f"![abs]({outside / 'red.png'})\n\n![file](file://{outside / 'red.png'})\n\n"
            f'<img src="{outside / "red.png"}">\n\n![up](../../secret/red.png)\n\n![sym](img/link.png)\n\n'
            "![remote](http://192.0.2.1/track.png)\n\n![passwd](file:///etc/passwd)\n\n![ok](img/ok.png)\n")
    preview = Preview()
    qtbot.addWidget(preview)
    preview.resize(500, 900)
    preview.set_folder(folder)
    preview.show()
    preview.show_article(article(body))
    qtbot.waitExposed(preview)
    seen = colours(preview)
    assert RED not in seen, "a file outside the knowledge folder was rendered"
    assert GREEN in seen, "the folder's own image was not rendered"
    for url in (str(outside / "red.png"), "../../secret/red.png", "img/link.png", "http://192.0.2.1/track.png"):
        assert preview.loadResource(QTextDocument.ImageResource, QUrl(url)).size().width() == 1  # blank
    assert preview.loadResource(QTextDocument.StyleSheetResource, QUrl("file:///etc/passwd")) == ""


def test_preview_without_a_folder_reads_no_file(qtbot, tmp_path):
    square(tmp_path / "red.png", RED)
    preview = Preview()
    qtbot.addWidget(preview)
    preview.show_article(article(f'<img src="{tmp_path / "red.png"}">'))
    assert preview.loadResource(QTextDocument.ImageResource, QUrl(str(tmp_path / "red.png"))).width() == 1


def test_clear_history_asks_then_erases_the_log(qtbot, monkeypatch):
    log = History(default_history_path())
    log.record_suggest("en", False, True, "do you ship to mars")
    log.close()
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    monkeypatch.setattr(ClearHistoryDialog, "exec", lambda self: QMessageBox.Cancel)
    dialog.clear_button.click()
    assert History(default_history_path()).stats().suggestions == 1
    asked = []
    monkeypatch.setattr(ClearHistoryDialog, "exec", lambda self: asked.append(self.text()) or QMessageBox.Yes)
    dialog.clear_button.click()
    qtbot.waitUntil(lambda: "cleared" in dialog.logging.text(), timeout=5000)
    assert asked and History(default_history_path()).entries() == []


def test_retention_is_edited_in_the_settings_dialog(qtbot):
    dialog = SettingsDialog(Settings(history_retention_days=30))
    qtbot.addWidget(dialog)
    assert dialog.retention.value() == 30
    dialog.retention.setValue(7)
    assert dialog.result_settings().history_retention_days == 7


def test_sharing_numbers_with_the_team_is_asked_only_with_a_team_server(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.share_metrics.isEnabled() and not dialog.share_metrics.isChecked()
    assert "never message text" in dialog.share_metrics.text()
    dialog.server.setText("postgresql://kb@team-server/kb")
    assert dialog.share_metrics.isEnabled()
    dialog.share_metrics.setChecked(True)
    chosen = dialog.result_settings()
    assert chosen.server == "postgresql://kb@team-server/kb" and chosen.share_metrics
    dialog.server.setText("")  # no server: nothing can be shared, whatever the box said
    assert not dialog.result_settings().share_metrics
