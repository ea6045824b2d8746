"""Reading YAML front matter: safe types, dates as text, bounded size, values fit to store as JSON.

One loader for everything that reads front matter (the parser, mark-reviewed),
so a value that one of them accepts the other accepts too. Dates stay text
here: YAML raises on an impossible date such as 2026-02-30 and would lose the
whole front matter; `parse_date` reads them field by field instead.

YAML can describe far more than it spells out: nine nested anchors in 405
bytes under `tags` expanded to billions of values, and indexing ran 134 s to
5.7 GB before dying (issue #17). So a front matter that uses anchors or
could nest deeply is first walked event by event (libyaml's parser keeps its
own stack): more than MAX_DEPTH levels, MAX_ALIASES aliases or MAX_VALUES
values once aliases are expanded, or more than MAX_BYTES of text, and it is
refused as invalid YAML, with the line where the limit was crossed.
"""
from __future__ import annotations

import base64
import datetime as dt
import math
from typing import Any

import yaml


class FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML via libyaml when present (10k front matters: 1.3 s instead of 9.8 s), dates as text."""


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                  lambda loader, node: loader.construct_scalar(node))


MAX_BYTES = 64 * 1024
MAX_DEPTH = 20
MAX_ALIASES = 100
MAX_VALUES = 5000


def load_yaml(text: str) -> Any:
    """The YAML value of a front matter block; yaml.YAMLError when it is not valid YAML or over a limit."""
    if len(text) > MAX_BYTES:
        raise _limit(f"front matter over {MAX_BYTES // 1024} KB", None)
    if _could_explode(text):
        _check_shape(text)
    try:
        return json_ready(yaml.load(text, Loader=FrontMatterLoader))
    except RecursionError:  # a last guard: _check_shape bounds the depth
        raise _limit(f"nested more than {MAX_DEPTH} levels deep", None) from None


def _could_explode(text: str) -> bool:
    """Anchors, or brackets or indentation enough to nest deeply: worth walking before loading."""
    if "&" in text or "*" in text or "- -" in text or "? " in text:
        return True
    if text.count("[") + text.count("{") > MAX_DEPTH:
        return True
    return any(len(line) - len(line.lstrip()) > 2 * MAX_DEPTH for line in text.split("\n"))


def _check_shape(text: str) -> None:
    """Raise (at the line it happens) when the YAML nests too deep, aliases too much or expands too far."""
    sizes: dict[str, int] = {}  # anchor -> values it expands to
    open_sizes: list[list] = [[0, None]]  # per open collection: [values so far, its anchor]
    total = aliases = 0
    for event in yaml.parse(text, Loader=FrontMatterLoader):
        added = 0
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            open_sizes.append([1, event.anchor])
            added = 1
            if len(open_sizes) - 1 > MAX_DEPTH:
                raise _limit(f"nested more than {MAX_DEPTH} levels deep", event)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            size, anchor = open_sizes.pop()
            if anchor is not None:
                sizes[anchor] = size
            open_sizes[-1][0] += size
        elif isinstance(event, yaml.ScalarEvent):
            added = 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            added = sizes.get(event.anchor, 1)
            if aliases > MAX_ALIASES:
                raise _limit(f"more than {MAX_ALIASES} YAML aliases", event)
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            open_sizes[-1][0] += added
        total += added
        if total > MAX_VALUES:
            raise _limit(f"YAML aliases expand it to more than {MAX_VALUES} values", event)


def _limit(reason: str, event) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(problem=reason, problem_mark=getattr(event, "start_mark", None))


def json_ready(value: Any) -> Any:
    """`value` with only JSON's types: keys as text, sets as lists, bytes as base64, NaN as text.

    What an article keeps of its front matter is stored as JSON in the index."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((json_ready(v) for v in value), key=repr)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


# Dates outside these are refused: adding a review interval to 9999-12-31 (or taking a week
# from 0001-01-01) overflowed and stopped the review (issue #17). Intervals are capped to fit.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(9000, 12, 31)
MAX_INTERVAL_DAYS = 100 * 366


def parse_date(value: Any) -> dt.date | None:
    """A date (YYYY-MM-DD) between EARLIEST and LATEST; None when it is not one. The one parser of
    dates for front matter (indexer, mark-reviewed) and the command line."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return None
    return value if EARLIEST <= value <= LATEST else None
