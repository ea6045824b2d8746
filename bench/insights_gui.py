"""How fast the Insights tab opens on a 10,000-event log, and whether the GUI thread stalls meanwhile.

    KBASSIST_DATA_DIR=/tmp/ins10k KBASSIST_CONFIG_DIR=/tmp/ins10k/config \\
      python -m bench.insights_gui [--folder knowledge --index-dir /tmp/ins-index] [--runs 5]

The real window opens the folder and waits until the semantic index is ready;
then, each run, the Insights tab is shown and timed: until its six charts are
on screen (drawn from the numbers read ahead when the folder opened; kept
from the last visit when the numbers did not change),
until the refreshed report has arrived, and until the week's content gaps
are listed. A 10 ms timer on the GUI thread
ticks throughout; a gap between ticks over 100 ms is a stall (as in
bench/gui_probe.py).
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from .gui_stalls import STALL_MS

TIMEOUT_S = 60  # a run still waiting for a signal after this long is recorded as such


def measure(folder: str, index_dir: str, runs: int) -> dict:
    """Drive the real app with timers (its own event loop runs throughout, as for a user)."""
    from ui.app import build_window
    from ui.qt import QApplication, Qt, QTimer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build_window(folder, index_dir)
    window.show()
    tab = window.insights
    ticks: list[float] = []
    results: list[dict] = []
    marks: dict[str, float] = {}
    counted: dict[str, int | None] = {"messages": None}

    def tick() -> None:
        ticks.append(time.perf_counter())

    ticker = QTimer()
    ticker.setTimerType(Qt.PreciseTimer)
    ticker.timeout.connect(tick)
    ticker.start(10)
    for name, signal in (("report", tab.report_did_arrive), ("charts", tab.charts_did_draw),
                         ("gaps", tab.gaps_did_arrive)):
        signal.connect(lambda *_, n=name: marks.setdefault(n, time.perf_counter()) and check())

    def ready() -> None:
        if window.agent.assistant is None or window.session.busy:
            QTimer.singleShot(100, ready)
            return
        next_run()

    def next_run() -> None:
        if len(results) == runs:
            app.quit()
            return
        window.tabs.setCurrentWidget(window.agent)
        QTimer.singleShot(1000, open_tab)

    def open_tab() -> None:
        marks.clear()
        marks["start"] = time.perf_counter()
        window.tabs.setCurrentWidget(tab)
        if tab.charts_on_screen():  # kept from the last visit: the numbers did not change
            marks["charts"] = time.perf_counter()
        QTimer.singleShot(TIMEOUT_S * 1000, lambda run=len(results): give_up(run))

    def give_up(run: int) -> None:
        if len(results) == run and "end" not in marks:  # this run never finished: say what is missing
            marks["end"] = 0.0
            results.append({"missing": sorted({"report", "charts", "gaps"} - marks.keys())})
            next_run()

    def check() -> None:
        if {"report", "charts", "gaps"} <= marks.keys() and "end" not in marks:
            marks["end"] = 0.0
            QTimer.singleShot(300, record)

    def record() -> None:
        counted["messages"] = tab.report.total.messages if tab.report else None  # read here: gone once closed
        start, end = marks["start"], time.perf_counter()
        gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:]) if start <= b <= end]
        results.append({key: round((marks[key] - start) * 1000) for key in ("report", "charts", "gaps")}
                       | {"max_tick_gap_ms": round(max(gaps), 1), "stalls_over_100ms": sum(g > STALL_MS for g in gaps)})
        next_run()

    QTimer.singleShot(100, ready)
    app.exec()
    window.close()
    window.ops.wait_for_done(10000)
    done = [r for r in results if "missing" not in r]
    return {"messages": counted["messages"], "runs": results,
            "worst": {key: max(r[key] for r in done) for key in done[0]} if done else {}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default="knowledge")
    parser.add_argument("--index-dir", default="/tmp/ins-index")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(measure(args.folder, args.index_dir, args.runs), indent=1))


if __name__ == "__main__":
    main()
