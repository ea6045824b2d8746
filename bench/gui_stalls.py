"""Reading GUI-thread stalls: gaps between ticks, and which code the stack samples blame."""
from __future__ import annotations

import statistics
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STALL_MS = 100  # as in gui_probe: a tick this late counts as a stall

def parse_dumps(text: str) -> list[list[dict]]:
    """faulthandler dumps -> per dump, per thread: whether it is the main thread and its innermost frames."""
    out = []
    for block in text.split("Timeout (")[1:]:
        threads = []
        for part in _thread_parts(block):
            header, *frames = part.strip().splitlines()
            frames = [f.strip() for f in frames if f.strip().startswith("File ")]
            threads.append({"header": header[:60], "frames": frames[:6]})
        out.append(threads)
    return out


def _thread_parts(block: str) -> list[str]:
    parts, current = [], []
    for line in block.splitlines():
        if line.startswith(("Thread 0x", "Current thread 0x")):
            if current:
                parts.append("\n".join(current))
            current = [line]
        elif current:
            current.append(line)
    if current:
        parts.append("\n".join(current))
    return parts


def gap_stats(ticks: list[float], start: float | None = None, end: float | None = None) -> dict:
    """Gaps between consecutive ticks that end inside [start, end] (seconds since spawn)."""
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:])
            if (start is None or b >= start) and (end is None or b <= end)]
    if not gaps:
        return {"ticks": 0}
    ordered = sorted(gaps)
    return {"ticks": len(gaps), "max_ms": round(ordered[-1], 1),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 1),
            "median_ms": round(statistics.median(ordered), 1),
            "over_100ms": sum(g > STALL_MS for g in gaps), "over_50ms": sum(g > 50 for g in gaps),
            "seconds": round(ticks[-1] - ticks[0], 1) if start is None else round((end or ticks[-1]) - start, 1)}


def _innermost(stack: str) -> str:
    """The deepest project frame (ui/, kbassist/) in a formatted stack, else the deepest frame."""
    lines = [ln.strip() for ln in stack.splitlines() if ln.strip().startswith("File ")]
    ours = [ln for ln in lines if "/ui/" in ln or "/kbassist/" in ln]
    pick = (ours or lines or ["?"])[-1]
    if ("gui_speed.py" in pick and "in child" in pick) or ("ui/app.py" in pick and "in main" in pick):
        return "app.exec() (Qt C++ / waiting for the GIL)"
    return pick.replace(str(REPO) + "/", "")


def late_frames(rec: dict, start: float | None = None, end: float | None = None) -> list[tuple[str, int]]:
    """Where the main thread was in every sample taken while a tick was over 50 ms late (10 ms apart)."""
    counts: dict[str, int] = {}
    for s in rec["samples"]:
        if (start is None or s["t"] >= start) and (end is None or s["t"] <= end):
            key = _innermost(s["main"])
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])[:6]


_IDLE = ("threading.py", "queue.py", "inotify_c.py", "delayed_queue.py", "gui_speed.py")


def dump_culprits(rec: dict) -> dict:
    """Over every faulthandler dump (a tick 100 ms late): the main thread's innermost frame, and the
    innermost project frame of each other thread that was not waiting."""
    main_hex = f"0x{rec.get('main_thread', 0):016x}"
    mains: dict[str, int] = {}
    others: dict[str, int] = {}
    for dump in rec.get("late_dumps", []):
        for thread in dump:
            frames = thread["frames"]
            if not frames:
                continue
            if main_hex in thread["header"]:
                key = "Qt C++ inside app.exec() (no Python frame above main)" \
                    if "ui/app.py" in frames[0] and "in main" in frames[0] else _short(frames[0])
                mains[key] = mains.get(key, 0) + 1
            elif not any(idle in frames[0] for idle in _IDLE):
                ours = [f for f in frames if "/kbassist/" in f or "/ui/" in f]
                key = " <- ".join(_short(f) for f in (ours or frames)[:2])
                others[key] = others.get(key, 0) + 1
    top = lambda d: sorted(d.items(), key=lambda kv: -kv[1])[:5]  # noqa: E731
    return {"dumps": len(rec.get("late_dumps", [])), "main": top(mains), "others": top(others)}


def _short(frame: str) -> str:
    return frame.replace("File ", "").replace(f'"{REPO}/', "").replace('"', "").replace(", line ", ":")


def culprits(rec: dict, start: float | None = None, end: float | None = None) -> list[dict]:
    """Stalls over 100 ms in the window, each with where the main thread was and what the others did."""
    ticks = rec["ticks"]
    out = []
    for a, b in zip(ticks, ticks[1:]):
        if (b - a) * 1000 <= STALL_MS or (start is not None and b < start) or (end is not None and b > end):
            continue
        during = [s for s in rec["samples"] if abs(s["tick"] - a) < 1e-3]
        mains: dict[str, int] = {}
        others: dict[str, int] = {}
        for s in during:
            mains[_innermost(s["main"])] = mains.get(_innermost(s["main"]), 0) + 1
            for stack in s["others"].values():
                key = _innermost(stack)
                if "stall-sampler" not in stack and "threading.py" not in key:
                    others[key] = others.get(key, 0) + 1
        out.append({"at_s": round(a, 3), "gap_ms": round((b - a) * 1000, 1), "samples": len(during),
                    "main_thread": sorted(mains.items(), key=lambda kv: -kv[1])[:3],
                    "other_threads": sorted(others.items(), key=lambda kv: -kv[1])[:4]})
    return out


# ----------------------------------------------------------------------------- parent