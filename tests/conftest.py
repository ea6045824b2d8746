"""Shared fixtures: an isolated user data/config dir for every test, one loaded embedder per run."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test may read or write the real per-user settings, indexes or history log."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KBASSIST_CONFIG_DIR", str(base / "config"))
    return base


@pytest.fixture(scope="session")
def use_embedder():
    """The real multilingual embedder, loaded once (about a second)."""
    from kbassist.embedders import UseEmbedder

    return UseEmbedder()
