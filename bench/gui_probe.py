"""The in-process half of bench/gui_speed.py: runs the real app with a probe and a GUI-thread ticker.

Started by `gui_speed.run_child` as `python -m bench.gui_probe CONFIG_JSON` in a fresh
process; writes its measurements to the JSON file named in the config.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from .gui_stalls import parse_dumps

TICK_MS = 10
LATE_MS = 50  # the sampler grabs stacks when a tick is this late
STALL_MS = 100


def child(cfg: dict) -> None:
    """One measurement in this (fresh) process; writes a JSON result to cfg['out']."""
    import threading
    import traceback

    t_exec = time.time()
    t0 = cfg["t_spawn"]
    rec: dict = {"scenario": cfg["scenario"], "label": cfg["label"], "python_start_s": t_exec - t0}
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        if name not in marks:
            marks[name] = time.time() - t0

    import ui.app  # noqa: E402
    from ui.main_window import MainWindow  # noqa: E402
    from ui.qt import QApplication, QEvent, QKeyEvent, QObject, Qt, QThreadPool, QTimer  # noqa: E402
    mark("imports_done")

    app = QApplication(sys.argv[:1])
    ticks: list[float] = []  # perf_counter of each tick
    main_ident = threading.get_ident()
    samples: list[dict] = []
    stop = threading.Event()

    def sampler() -> None:
        """Grab stacks while the GUI thread is late (one sample per 10 ms of lateness)."""
        while not stop.wait(0.01):
            if not ticks:
                continue
            late = time.perf_counter() - ticks[-1]
            if late * 1000 < LATE_MS or len(samples) > 4000:
                continue
            frames = sys._current_frames()
            main = frames.get(main_ident)
            others = {str(tid): "".join(traceback.format_stack(f, limit=6))
                      for tid, f in frames.items() if tid not in (main_ident, threading.get_ident())}
            samples.append({"t": time.perf_counter(), "tick": ticks[-1], "late_ms": late * 1000,
                            "main": "".join(traceback.format_stack(main, limit=12)) if main else "",
                            "others": others})

    ticker = QTimer()
    ticker.setTimerType(Qt.PreciseTimer)
    ticker.setInterval(TICK_MS)
    import faulthandler

    dumps = open(cfg["out"] + ".late.txt", "w+")  # a C watchdog: dumps every thread even while one holds the GIL
    # Opt-in only: faulthandler's watchdog reads other threads' frames without the GIL, and
    # re-armed every tick it crashed the measured process itself (a core dump showed SIGSEGV in
    # faulthandler_thread -> dump_frame, while the app was busy), 3 runs of 3 at 250 ms a key on 10k.
    watchdog = bool(cfg.get("faulthandler") or os.environ.get("KBASSIST_BENCH_FAULTHANDLER"))

    def tick() -> None:
        ticks.append(time.perf_counter())
        if watchdog:
            faulthandler.dump_traceback_later(STALL_MS / 1000, file=dumps)
    ticker.timeout.connect(tick)
    ticker.start()
    threading.Thread(target=sampler, daemon=True, name="stall-sampler").start()

    state: dict = {"window": None, "progress": []}
    perf0 = time.perf_counter() - (time.time() - t0)  # perf_counter at spawn

    def rel(pc: float) -> float:
        return pc - perf0

    def finish(delay_ms: int = 0) -> None:
        def go():
            window = state["window"]
            marks.setdefault("closing", time.time() - t0)
            rec["pool_active_at_close"] = QThreadPool.globalInstance().activeThreadCount()
            with open(cfg["out"] + ".close.txt", "w") as fh:
                faulthandler.dump_traceback(file=fh)
            if window is not None:
                start = time.perf_counter()
                window.close()
                rec["close_s"] = time.perf_counter() - start
            app.quit()
        QTimer.singleShot(delay_ms, go)

    def hook(window: MainWindow) -> None:
        state["window"] = window
        session, agent = window.session, window.agent
        session.folder_did_open.connect(lambda _a: mark("keyword_ready"))
        session.semantic_did_become_ready.connect(lambda: mark("semantic_ready"))
        session.open_did_fail.connect(lambda msg: (rec.setdefault("errors", []).append(msg), finish()))
        session.progress_did_change.connect(
            lambda p: state["progress"].append((round(time.time() - t0, 3), p.done, p.total, p.label)))
        if cfg.get("query"):  # typed before the folder opens: the app answers it once keyword search works
            agent.message.setPlainText(cfg["query"])

            def arrived_any(result) -> None:
                if result.message == cfg["query"] and result.suggestions:
                    mark("first_keyword_result")
            agent.suggestions_did_arrive.connect(arrived_any)
        if cfg["scenario"] == "startup":

            def maybe_finish() -> None:  # both seen: the run is over
                if "first_keyword_result" in marks and "semantic_ready" in marks and not state.get("done"):
                    state["done"] = True
                    finish(300)

            def arrived(result) -> None:
                if result.message == cfg["query"] and result.suggestions:
                    mark("first_keyword_result")
                    rec.setdefault("first_result_top", [s.article_id for s in result.suggestions[:3]])
                    maybe_finish()
            agent.suggestions_did_arrive.connect(arrived)
            session.semantic_did_become_ready.connect(maybe_finish)
        elif cfg["scenario"] == "typing":
            session.semantic_did_become_ready.connect(lambda: QTimer.singleShot(1000, lambda: type_message(window)))
        elif cfg["scenario"] == "build":
            QTimer.singleShot(int(cfg["build_s"] * 1000), lambda: (mark("build_cut"), finish()))

    def type_message(window: MainWindow) -> None:
        box, text = window.agent.message, cfg["typed"]
        box.setFocus()
        arrivals: list[tuple[float, int]] = []
        window.agent.suggestions_did_arrive.connect(
            lambda r: arrivals.append((time.perf_counter(), len(r.message))))
        rec["typing_arrivals"] = arrivals
        rec["typing_start_pc"] = time.perf_counter()
        dumps.write("MARK typing\n")
        dumps.flush()
        step = {"i": 0}
        timer = QTimer(window)
        timer.setTimerType(Qt.PreciseTimer)
        timer.setInterval(cfg["key_ms"])

        def key() -> None:
            i = step["i"]
            if i >= len(text):
                timer.stop()
                rec["typing_end_pc"] = time.perf_counter()
                finish(2000)  # room for the last debounced suggestion
                return
            ch = text[i]
            code = ord(ch.upper()) if ch.isascii() and (ch.isalnum() or ch == " ") else 0
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(box, QKeyEvent(kind, code, Qt.NoModifier, ch))
            step["i"] = i + 1
        timer.timeout.connect(key)
        timer.start()

    class Probe(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            kind = event.type()
            if kind == QEvent.Show and isinstance(obj, MainWindow) and "window_shown" not in marks:
                mark("window_shown")
                rec["window_shown_pc"] = time.perf_counter()
                hook(obj)
            elif kind == QEvent.Paint and "window_shown" in marks and "first_paint" not in marks:
                widget = obj
                while widget is not None and not isinstance(widget, MainWindow):
                    widget = widget.parentWidget() if hasattr(widget, "parentWidget") else None
                if widget is not None:
                    mark("first_paint")
                    QTimer.singleShot(0, lambda: app.removeEventFilter(self))  # no per-event cost later
            return False

    probe = Probe()
    app.installEventFilter(probe)
    QTimer.singleShot(int(cfg["timeout_s"] * 1000), lambda: (rec.setdefault("errors", []).append("timeout"),
                                                             finish()))
    rec["exit_code"] = ui.app.main(cfg["folder"], cfg["index_dir"])
    stop.set()
    faulthandler.cancel_dump_traceback_later()
    dumps.seek(0)
    text = dumps.read()
    rec["late_dumps"] = parse_dumps(text.split("MARK typing\n")[-1])
    close_dump = Path(cfg["out"] + ".close.txt")
    rec["threads_at_close"] = parse_dumps("Timeout (close)!\n" + close_dump.read_text())[0] \
        if close_dump.exists() else []
    rec["marks"] = marks
    rec["main_thread"] = main_ident
    rec["progress"] = state["progress"][:: max(1, len(state["progress"]) // 400)]
    rec["ticks"] = [round(rel(t), 4) for t in ticks]
    rec["samples"] = [dict(s, t=rel(s["t"]), tick=rel(s["tick"])) for s in samples]
    for key in ("window_shown_pc", "typing_start_pc", "typing_end_pc"):
        if key in rec:
            rec[key] = rel(rec[key])
    if "typing_arrivals" in rec:
        rec["typing_arrivals"] = [(rel(t), n) for t, n in rec["typing_arrivals"]]
    Path(cfg["out"]).write_text(json.dumps(rec), encoding="utf-8")


# ----------------------------------------------------------------------------- analysis

if __name__ == "__main__":
    child(json.loads(sys.argv[1]))
