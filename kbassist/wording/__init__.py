"""Words for the engine's stable codes (problems, review reasons, pre-send warnings), in English and Chinese.

The engine reports what is wrong as a code with parameters (`Problem.of("file_too_large", size=..,
limit=..)`) and keeps the English text beside it for logs and JSON. A front end shows the code in
its own language with `describe(code, params, lang)`: the app in its interface language, the CLI
in English or by `--lang`. One catalog per language (`en`, `zh`); a code or language the catalog
lacks, or a template whose parameters are missing, falls back to English, then to the given text,
so nothing the engine says is ever lost for want of a translation.

A parameter formatted as `{kind!w}` is itself a word of the catalog (`word.<value>`): "phone"
becomes "phone number" or "电话号码".
"""
from __future__ import annotations

import string
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from . import en, zh

LANGUAGES = ("en", "zh")
_CATALOGS: Mapping[str, Mapping[str, str]] = MappingProxyType({"en": en.TEXTS, "zh": zh.TEXTS})


class Params(tuple):
    """A code's parameters as (name, value) pairs: hashable, so the records that hold them stay frozen."""

    def as_dict(self) -> dict[str, Any]:
        return dict(self)


def params(**values: Any) -> Params:
    return Params(values.items())


def language(name: str | None) -> str:
    """`zh_CN`, `zh-Hans`, `zh` -> `zh`; anything else -> `en`."""
    return "zh" if (name or "").lower().startswith("zh") else "en"


class _Formatter(string.Formatter):
    def __init__(self, catalog: Mapping[str, str]):
        super().__init__()
        self.catalog = catalog

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "w":
            return self.catalog.get(f"word.{value}", en.TEXTS.get(f"word.{value}", str(value)))
        return super().convert_field(value, conversion)


def describe(code: str, values: Iterable[tuple[str, Any]] = (), lang: str = "en", fallback: str | None = None) -> str:
    """The text for `code` (a `launch:<id>`-style code by its part before the colon) in `lang`."""
    key = code.split(":", 1)[0]
    named = dict(values)
    mine = _CATALOGS[language(lang)]
    for catalog in (mine, en.TEXTS) if mine is not en.TEXTS else (mine,):
        template = catalog.get(key)
        if template is None:
            continue
        try:
            return _Formatter(catalog).format(template, **named)
        except (KeyError, IndexError, ValueError):
            continue  # this template wants parameters the caller did not have
    if fallback is not None:
        return fallback
    return code + (" (" + ", ".join(f"{k}={v}" for k, v in named.items()) + ")" if named else "")


def word(name: str, lang: str = "en") -> str | None:
    """A catalog word (`word.<name>`) in `lang`, or None when the catalog has none."""
    return _CATALOGS[language(lang)].get(f"word.{name}") or en.TEXTS.get(f"word.{name}")
