"""Worker processes die with their parent (issue #17, finding 6).

After `kill -9` of `kbassist index`, two embedding workers (~180 MB each) and
multiprocessing's resource tracker kept running for minutes. Workers now ask
Linux to kill them when their parent dies, and watch their parent anyway.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil

from tests.faultkit import ROOT, descendants, orphans_of


def test_kill_9_of_an_index_run_leaves_no_worker_or_resource_tracker(tmp_path):
    kb = tmp_path / "kb"
    for i in range(400):  # over BULK_FILES: a reading worker and embedding workers start
        path = kb / f"part-{i // 100}" / f"note-{i:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Note {i}\n\nLocker {i} opens with code K{i}X.\n\nParcel {i} waits.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen([sys.executable, "-m", "kbassist.cli", "index", str(kb), "--index-dir",
                            str(tmp_path / "index"), "--embedder", "hash-64"], env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        children: list[int] = []
        while time.monotonic() < deadline and run.poll() is None:
            children = descendants(run.pid)
            workers = [pid for pid in children if "spawn_main" in " ".join(_cmdline(pid))]
            if len(workers) >= 2:
                break
            time.sleep(0.05)
        assert len(children) >= 3, "the workers never started"  # the resource tracker and two workers at least
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        left = orphans_of(children, timeout=10)
        assert not left, [" ".join(_cmdline(pid)) for pid in left]
    finally:
        for pid in descendants(run.pid) + [run.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _cmdline(pid: int) -> list[str]:
    try:
        return psutil.Process(pid).cmdline()
    except psutil.Error:
        return []
