"""A normalised view of customer text for finding personal data, with a way back to the original.

Customers (and their phones' keyboards) write the same number many ways:
full-width digits from a Chinese IME (`１３８１２３４５６７８`), no-break or
zero-width spaces pasted from a web page (`4111\u200b1111…`), a middle dot
or slash between digit groups. Matching each variant with its own pattern
misses the next one; matching one normalised form does not. The view maps
every character through NFKC (and any script's decimal digits to ASCII),
drops invisible format characters, turns every kind of space into a plain
space and every dash into `-`, and puts `-` for the odd punctuation found
between two digit groups. `span()` maps a match in the view back to the
original text, so masking cuts exactly what the customer wrote.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Punctuation that only separates digit groups when it sits between two digits (`138·1234·5678`).
_ODD_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[·•∙・_~|/\\'’*](?=\d)")


@dataclass(frozen=True)
class View:
    """`text` is what patterns run on; `origin[i]` is the index in the original of `text[i]`."""

    text: str
    origin: tuple[int, ...] | None  # None: the view is the original (plain ASCII)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original slice that `text[start:end]` came from."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def _normal(ch: str) -> str:
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    category = unicodedata.category(ch)
    if category == "Cf":  # zero-width spaces and joiners, soft hyphen, BOM, bidi marks
        return ""
    if category == "Zs":
        return " "
    if category == "Pd" or ch == "\u2212":  # every dash, and the minus sign
        return "-"
    return unicodedata.normalize("NFKC", ch)


def view(text: str) -> View:
    """The normalised view of `text` (see the module docstring)."""
    if text.isascii():
        return View(_ODD_DIGIT_SEPARATOR.sub("-", text), None)
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for out in _normal(ch):
            chars.append(out)
            origin.append(index)
    return View(_ODD_DIGIT_SEPARATOR.sub("-", "".join(chars)), tuple(origin))
