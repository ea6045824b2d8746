"""Tests that need a real X server (run by tests/test_x11_desk.py under xvfb-run with QT_QPA_PLATFORM=xcb).

In the ordinary offscreen run they are skipped: there is no desktop to grab a key on.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # conftest_gui, beside tests/


HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Skip this folder's tests without a real X server (the hook sees every item of the run: only ours)."""
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
        skip = pytest.mark.skip(reason="needs an X server: run through tests/test_x11_desk.py")
        for item in items:
            if HERE in Path(str(item.path)).resolve().parents:
                item.add_marker(skip)
