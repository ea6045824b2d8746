"""Screenshots of the agent's desk (issue #20) in one language: the empty first screen, fill-in with the
focus drawn, the review queue, compact mode on top of a CRM window. Run under Xvfb, one process per language:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python ui/tools/desk_screenshots.py en
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python ui/tools/desk_screenshots.py zh

The real app on a copy of knowledge/, in throwaway data and config folders; keys go through xdotool and
each picture is `import -window root` (cropped to the window, except the compact one, which shows the
CRM behind it). Writes docs/screenshots/<shot>-<lang>.png.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "screenshots"
MESSAGES = {"en": "Hi, this is Anna Schmidt. I was charged twice for order 12345678",
            "zh": "你好，订单 12345678 被重复扣款了两次，怎么回事？"}
CRM_PAGE = ("<h2>Ticket #48213 — Anna Schmidt</h2><p><b>Customer:</b> Hi, I was charged twice for order "
            "12345678. Can you check?</p><p style='color:gray'>Reply below…</p>") * 3


def main(lang: str) -> None:
    work = Path(tempfile.mkdtemp())
    os.environ.update(KBASSIST_DATA_DIR=str(work / "data"), KBASSIST_CONFIG_DIR=str(work / "config"),
                      QT_QPA_PLATFORM="xcb")
    (work / "config").mkdir()
    (work / "config" / "settings.json").write_text(json.dumps(
        {"ui_language": "zh_CN" if lang == "zh" else "en", "agent_name": "Tom" if lang == "en" else "小李"}))
    shutil.copytree(REPO / "knowledge", work / "knowledge")
    sys.path.insert(0, str(REPO))
    from ui.app import build_window, install_translators
    from ui.qt import QApplication, QTextBrowser

    app = QApplication([])
    install_translators(app, "zh_CN" if lang == "zh" else "en")
    window = build_window(str(work / "knowledge"), str(work / "index"))
    window.state.agent_name_asked = True
    window.setGeometry(30, 30, 1320, 820)
    window.show()

    def wait(condition, timeout: float = 180) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(condition)
            app.processEvents()
            time.sleep(0.02)

    def settle(seconds: float = 0.8) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str, crop: bool = True) -> None:
        settle()
        geometry = window.frameGeometry()
        area = ["-crop", f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}"] if crop else []
        subprocess.run(["import", "-window", "root", *area, "+repage", str(OUT / f"{name}-{lang}.png")], check=True)

    wait(lambda: window.agent.assistant is not None and not window.session.busy)
    agent, assistant = window.agent, window.agent.assistant
    for question, times in (("I was charged twice", 3), ("支付宝退款多久到账", 2), ("My Reader 5 won't charge", 1)):
        result = assistant.suggest(question, log=True)
        for _ in range(times):
            assistant.record_copy(result.event_id, result.suggestions[0].article_id, "reply")
    agent.empty_state.refresh(window.ops, assistant)
    wait(lambda: len(agent.empty_state.used) == 3)
    shot("empty")

    window.activateWindow()
    agent.message.setPlainText(MESSAGES[lang])
    agent.search_now()
    wait(lambda: agent.result is not None and agent.result.message == MESSAGES[lang])
    agent.results.setFocus()
    settle()
    subprocess.run(["xdotool", "key", "Return"], check=True)
    wait(lambda: QApplication.focusWidget() in agent.replies.tab_chain())
    subprocess.run(["xdotool", "type", "--delay", "40", "EUR 29.99" if lang == "en" else "299.00"], check=True)
    shot("fill-in")

    review = window.review
    review.as_of = lambda: dt.date(2026, 11, 24)
    window.tabs.setCurrentWidget(review)
    reports = []
    review.review_did_arrive.connect(reports.append)
    review.refresh_now()
    wait(lambda: bool(reports))
    review.select_article(reports[-1].items[0].id)
    shot("review")

    window.tabs.setCurrentWidget(agent)
    crm = QTextBrowser()
    crm.setWindowTitle("CRM")
    crm.setHtml(CRM_PAGE)
    crm.setGeometry(0, 0, 1400, 900)
    crm.show()
    window.set_compact(True)
    window.set_always_on_top(True)
    window.setGeometry(930, 40, 450, 820)
    window.show()
    window.raise_()
    crm.activateWindow()
    shot("compact-on-top", crop=False)
    window.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
