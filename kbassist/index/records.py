"""Articles in the store as JSON: data that can only ever be read back as data.

The store used to hold pickled articles. Reading a pickle can run any code,
and an index folder may sit on a shared or synced drive: a crafted row ran a
shell command on `kbassist search` (issue #17). JSON gives back strings,
numbers, lists and mappings only; `decode` rebuilds the dataclasses field by
field from their annotations and refuses a value of any other shape
(`BadRecord`), which the index treats as corruption and rebuilds.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from typing import Any, Callable, TypeVar

from ..errors import IndexDamaged

T = TypeVar("T")


class BadRecord(IndexDamaged):
    """A stored row that is not what this version writes."""


def encode(record: Any) -> str:
    """A dataclass (nested dataclasses, tuples, dates, JSON-ready mappings) as compact JSON."""
    return json.dumps(_plain(record), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def decode(cls: type[T], text: str | bytes) -> T:
    """The `cls` instance `encode` wrote; BadRecord for anything else."""
    try:
        return _reader(cls)(json.loads(text))
    except BadRecord:
        raise
    except (ValueError, TypeError, RecursionError) as exc:
        raise BadRecord(f"not a stored {cls.__name__}: {exc}") from exc


def _plain(value: Any) -> Any:
    if hasattr(type(value), "__dataclass_fields__"):  # fields at their default are left out: less to store and read
        return {name: _plain(item) for name, default in _defaults(type(value))
                if (item := getattr(value, name)) is not default and item != default}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_REQUIRED = object()


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, default) of each field; a field without a default is always written."""
    out = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            out.append((f.name, f.default))
        elif f.default_factory is not dataclasses.MISSING:
            out.append((f.name, f.default_factory()))
        else:
            out.append((f.name, _REQUIRED))
    return tuple(out)


@functools.cache
def _reader(annotation: Any) -> Callable[[Any], Any]:
    """A function checking and converting a JSON value to `annotation` (a dataclass, str, tuple[X, ...]...)."""
    if dataclasses.is_dataclass(annotation):
        hints = typing.get_type_hints(annotation)
        fields = types.MappingProxyType({f.name: str if hints[f.name] is str else _reader(hints[f.name])
                                         for f in dataclasses.fields(annotation)})
        return functools.partial(_read_dataclass, annotation, fields)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        return functools.partial(_read_optional, _reader(next(a for a in args if a is not type(None))))
    if origin is tuple:
        if args[0] is str:
            return _read_strings
        return functools.partial(_read_tuple, _reader(args[0]))
    if annotation is dt.date:
        return _read_date
    if annotation is int:
        return _read_int
    if origin is dict or annotation is dict:
        return functools.partial(_checked, kind=dict)
    if annotation in (str, bool, float):
        return functools.partial(_checked, kind=annotation)
    raise TypeError(f"no stored form for {annotation!r}")


def _read_dataclass(cls: type, fields: typing.Mapping[str, Callable], value: Any) -> Any:
    """The instance, built as unpickling does (its frozen __init__ took a third of the time)."""
    values = {name: dict(default) if isinstance(default, dict) else default  # never one dict for all
              for name, default in _defaults(cls) if default is not _REQUIRED}
    for name, item in _checked(value, dict).items():
        read = fields.get(name)
        if read is str:
            values[name] = _checked(item, str)
        elif read is None:
            raise BadRecord(f"not a stored {cls.__name__}: no field {name!r}")
        else:
            values[name] = read(item)
    if len(values) != len(fields):
        raise BadRecord(f"not a stored {cls.__name__}: {sorted(set(fields) - set(values))} missing")
    record = object.__new__(cls)
    record.__dict__.update(values)
    return record


def _read_optional(inner: Callable, value: Any) -> Any:
    return None if value is None else inner(value)


def _read_tuple(item: Callable, value: Any) -> tuple:
    return tuple(item(v) for v in _checked(value, list))


def _read_strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRecord("expected a list of text")
    return tuple(value)


def _read_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(_checked(value, str))


def _read_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadRecord(f"expected int, found {type(value).__name__}")
    return value


def _checked(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise BadRecord(f"expected {kind.__name__}, found {type(value).__name__}")
    return value
