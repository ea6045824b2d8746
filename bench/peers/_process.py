"""Running a peer's command line once per query, timed, without ever raising."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path


def run_timed(cmd: list[str], cwd: Path | None = None, ok_codes: tuple[int, ...] = (0,),
              timeout: float = 60) -> tuple[str, float, str | None]:
    """(stdout, wall ms including process start, error or None)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return "", (time.perf_counter() - start) * 1000, f"{cmd[0]}: {exc}"
    ms = (time.perf_counter() - start) * 1000
    if proc.returncode not in ok_codes:
        return proc.stdout, ms, f"{cmd[0]} exit {proc.returncode}: {proc.stderr.strip()[:200]}"
    return proc.stdout, ms, None
