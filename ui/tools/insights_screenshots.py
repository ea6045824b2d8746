"""Screenshots of Insights, content gaps, A/B and practice mode (docs/screenshots/), on a seeded log.

    KBASSIST_DATA_DIR=/tmp/demo KBASSIST_CONFIG_DIR=/tmp/demo/config \\
      xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python ui/tools/insights_screenshots.py zh_CN

The log comes from `python -m bench.insights_log /tmp/demo --events 1400 --days 42 --as-of TODAY`
(with the same KBASSIST_CONFIG_DIR, where its key file is). Each view is shot
with imagemagick's `import -window root` once the engine's answer is drawn.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from ui.app import build_window, install_translators  # noqa: E402
from ui.qt import QApplication, QEventLoop, QTimer  # noqa: E402

OUT = REPO / "docs" / "screenshots"


def wait(signal=None, until=None, timeout_ms: int = 60000) -> None:
    loop = QEventLoop()
    QTimer.singleShot(timeout_ms, loop.quit)
    if signal is not None:
        signal.connect(lambda *_: loop.quit())
        loop.exec()
        return
    poll = QTimer()
    poll.timeout.connect(lambda: until() and loop.quit())
    poll.start(50)
    loop.exec()
    poll.stop()


def settle(ms: int = 700) -> None:
    wait(until=lambda: False, timeout_ms=ms)


def shoot(name: str) -> None:
    settle()
    subprocess.run(["import", "-window", "root", str(OUT / f"{name}.png")], check=True)
    print("wrote", OUT / f"{name}.png")


def open_app(language: str, index_dir: str | None):
    """The app in `language` on the bundled knowledge/, at the screenshots' size, once the folder is open."""
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    window = build_window(str(REPO / "knowledge"), index_dir)
    window.app = app  # kept alive as long as the window
    window.resize(1400, 900)
    window.move(0, 0)
    window.show()
    wait(until=lambda: window.agent.assistant is not None and not window.session.busy, timeout_ms=120000)
    return window


def main(language: str) -> None:
    config = Path(os.environ["KBASSIST_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"ui_language": language, "agent_name": "Tom"}))
    suffix = "zh" if language.startswith("zh") else "en"
    window = open_app(language, os.environ.get("KBASSIST_INDEX", "/tmp/ins-index"))
    tab = window.insights
    window.tabs.setCurrentWidget(tab)
    wait(tab.gaps_did_arrive)
    wait(until=lambda: len(tab.chart_titles()) == 6)
    shoot(f"insights-{suffix}")
    tab.views.setCurrentIndex(1)
    shoot(f"gaps-{suffix}")
    tab.views.setCurrentIndex(2)
    shoot(f"ab-{suffix}")
    practice = window.practice
    window.tabs.setCurrentWidget(practice)
    practice.count.setValue(4)
    practice.start(seed=11 if suffix == "en" else 4)
    wait(practice.drill_did_show)
    drill = practice.drill
    wrong = next(a for a in drill.choices if a not in drill.expected)
    practice.choose(wrong, "", not drill.escalate)  # a wrong answer shows the right one and why
    practice.check()
    shoot(f"practice-{suffix}")
    window.tabs.setCurrentWidget(window.agent)
    window.agent.message.setPlainText("我的退款到底什么时候到账？？？等了两个星期了，太过分了！" if suffix == "zh"
                                      else "Where is my refund??? Two weeks now, this is ridiculous!")
    window.agent.search_now()
    wait(window.agent.suggestions_did_arrive)
    shoot(f"feedback-{suffix}")
    window.close()
    window.ops.wait_for_done(10000)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
