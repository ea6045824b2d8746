"""Runs tests/x11/ on a real X server (Xvfb): the global hotkey, paste back and the clipboard watch
need one, and the rest of the suite runs offscreen."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("xvfb-run", "xdotool", "xclip")


def test_desk_features_on_a_real_x_server():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing or importlib.util.find_spec("Xlib") is None:
        pytest.skip(f"needs {', '.join(missing) or 'python-xlib'} (Makefile's apt packages, the gui extra)")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    env.pop("DISPLAY", None)
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, "-m", "pytest", "-q",
                          "-p", "no:cacheprovider", "tests/x11"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout, run.stdout[-2000:]
