"""What the facade's parts share: they reach the assistant that owns them without keeping it alive."""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from .errors import KbError

if TYPE_CHECKING:
    from .assistant import Assistant


class Part:
    """One area of `Assistant` (the weekly review, Insights), created by it on first use."""

    def __init__(self, assistant: "Assistant"):
        self._assistant = weakref.ref(assistant)  # owned by the assistant: no reference cycle

    @property
    def assistant(self) -> "Assistant":
        assistant = self._assistant()
        if assistant is None:
            raise KbError("the folder is closed")
        return assistant
