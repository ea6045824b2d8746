"""Start the desktop app: one instance, translated, window first, folder second.

The window is shown before anything heavy is imported or opened: the
Assistant, the index and the model all load in workers afterwards, so the
agent sees the app within a second and keyword results shortly after.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kbassist.settings import Settings, load_settings

from .first_start import ask_agent_name_once
from .gc_policy import collect_on_gui_thread
from .main_window import MainWindow
from .qt import QApplication, QIcon, QLibraryInfo, QLocale, QTimer, QTranslator
from .single_instance import claim_instance
from .state import load_state
from .tray import make_tray
from .wording import wording

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUNDLED = REPO / "knowledge"
BUNDLED_INDEX = REPO / "index"
ICON = HERE / "icons" / "kbassist.svg"
GIL_SLICE_S = 0.0005


def interface_language(settings: Settings) -> str:
    """`zh_CN`, `en` or the system locale's name when the setting is empty."""
    return settings.ui_language or QLocale.system().name()


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our strings and Qt's own dialogs (buttons, file dialog) in `language`, which also becomes
    the default locale: the engine's codes are worded in it (`ui.wording.interface_lang`)."""
    installed = []
    if not language.startswith("zh"):
        return installed
    QLocale.setDefault(QLocale(language))
    for name, folder in (("kbassist_zh_CN", HERE / "i18n"),
                         ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return installed


def choose_folder(folder: str | None, index_dir: str | None, last: str | None) -> tuple[str, str | None]:
    """The given folder, else the last one that still exists, else the bundled sample.

    The bundled sample keeps its index in the repo's `index/` (DESIGN.md).
    """
    target = folder or (last if last and Path(last).is_dir() else str(BUNDLED))
    if index_dir is None and Path(target).resolve() == BUNDLED:
        index_dir = str(BUNDLED_INDEX)
    return target, index_dir


def build_window(folder: str | None, index_dir: str | None) -> MainWindow:
    """The window for a run (shared with the tests): settings, state, and the folder opening after show."""
    collect_on_gui_thread(QApplication.instance())
    # Search and review threads hold the GIL for 5 ms slices by default, and the GUI thread waits
    # for one on every Python slot or paint: typing on 10,000 articles, the worst gap went from
    # 253 ms to 32 ms with 0.5 ms slices (bench/gui_speed.py); the workers lose little.
    sys.setswitchinterval(GIL_SLICE_S)
    settings, problems = load_settings()
    state = load_state()
    window = MainWindow(settings, state, index_dir)
    for problem in problems:
        window.show_error(f"{problem.file}: {wording.problem(problem)}")
    target, target_index = choose_folder(folder, index_dir, state.last_folder)
    window.index_dir = target_index
    QTimer.singleShot(0, lambda: window.open_folder(target, target_index))
    demo = os.environ.get("KBASSIST_DEMO_QUERY")
    if demo:  # screenshots: type a message once the keyword index is ready
        window.session.folder_did_open.connect(lambda _a: (window.agent.message.setPlainText(demo),
                                                           window.agent.search_now()))
    return window


def main(folder: str | None = None, index_dir: str | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kbassist")
    app.setWindowIcon(QIcon(str(ICON)))
    server = claim_instance()
    if server is None:
        log.info("kbassist is already running: brought it to the front")
        return 0
    server.setParent(app)
    install_translators(app, interface_language(load_settings()[0]))
    window = build_window(folder, index_dir)
    server.show_was_requested.connect(window.bring_to_front)
    if not server.listening:
        log.warning("single-instance server not listening (%s): a second launch opens a second window",
                    server.error)
        window.show_error(f"Could not listen for a second launch ({server.error}); it would open another window.")
    window.tray = make_tray(window, app.windowIcon())
    window.show()
    ask_agent_name_once(window)
    code = app.exec()
    window.ops.wait_for_done(10000)  # the closed folder's index is released on a pool thread: let it finish
    return code


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:3] + [None, None])[:2]))
