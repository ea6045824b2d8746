"""kbassist: the Qt-free engine of the knowledge-base and reply assistant.

The CLI (`kbassist.cli`), the desktop app (`ui`) and the tests all go through
one facade, `kbassist.Assistant`, which returns frozen dataclasses.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ("Assistant", "__version__")


def __getattr__(name: str):
    # Lazy, so `import kbassist` stays cheap for the CLI's --help and the tests.
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    raise AttributeError(name)
