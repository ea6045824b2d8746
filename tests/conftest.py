"""Shared fixtures: an isolated user data/config dir for every test, one loaded embedder per run."""
from __future__ import annotations

import os
import sys

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test may read or write the real per-user settings, indexes or history log."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KBASSIST_CONFIG_DIR", str(base / "config"))
    # Derived data only (the escalation exemplars' vectors): shared by the run, computed once.
    monkeypatch.setenv("KBASSIST_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    return base


@pytest.fixture(scope="session")
def use_embedder():
    """The real multilingual embedder, loaded once (about a second)."""
    from kbassist.embed.embedders import UseEmbedder

    return UseEmbedder()



def pytest_unconfigure(config):
    """Empty the clipboard before exit when Qt was used.

    With Qt's offscreen platform (PySide6 6.12), a process that exits while
    the clipboard holds mime data segfaults in Qt's exit handlers, after the
    interpreter has finalised: every test passed, yet the run ended with 139.
    (On a real X11 desktop Qt hands the data to the clipboard manager; no crash.)
    """
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
