"""System tray icon with Show and recent folders, when the desktop has a tray."""
from __future__ import annotations

from .qt import QIcon, QMenu, QSystemTrayIcon


def make_tray(window, icon: QIcon) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(icon, window)
    menu = QMenu(window)
    menu.aboutToShow.connect(lambda: _fill(menu, window))
    tray.setContextMenu(menu)
    tray.activated.connect(lambda _reason: window.bring_to_front())
    tray.setToolTip("kbassist")
    tray.show()
    return tray


def _fill(menu: QMenu, window) -> None:
    menu.clear()
    menu.addAction(window.tr("Show"), window.bring_to_front)
    recent = menu.addMenu(window.tr("Recent folders"))
    for folder in window.state.recent_folders:
        recent.addAction(folder, lambda f=folder: (window.bring_to_front(), window.open_folder(f)))
    menu.addSeparator()
    menu.addAction(window.tr("Quit"), window.close)
