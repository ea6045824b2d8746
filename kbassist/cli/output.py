"""Printing engine results at the CLI edge: a table for people, JSON for programs.

Dataclasses become JSON through `kbassist.jsonable.plain` (shared with the
local HTTP API), so every command's `--json` output has the same conventions.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

import click

from ..jsonable import plain


def emit_json(value: Any) -> None:
    click.echo(json.dumps(plain(value), ensure_ascii=False, indent=2))


def emit_table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> None:
    """A fixed-width table; CJK characters count double so columns stay aligned."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    click.echo(line(headers))
    click.echo(line(["-" * w for w in widths]))
    for row in cells:
        click.echo(line(row))


def _width(text: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def shorten(text: str, width: int) -> str:
    return text if _width(text) <= width else text[: max(1, width // 2)] + "…"
