"""Articles as JSON for the server's `jsonb` columns, and back.

Plain data only: a shared server is read by every agent's laptop, so what
is stored there must never be code (no pickle). Dates travel as ISO
strings, tuples as lists; the raw front matter keeps what JSON can say and
turns the rest (a YAML date, say) into text.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

from ..knowledge.model import Article, Link, Placeholder, Reply, Section

DATES = ("reviewed", "expires", "date")


def encode(article: Article) -> str:
    return json.dumps(dataclasses.asdict(article), ensure_ascii=False, default=_plain)


def decode(data: dict) -> Article:
    fields = dict(data)
    for name in DATES:
        fields[name] = dt.date.fromisoformat(fields[name]) if fields.get(name) else None
    for name in ("tags", "affects", "questions"):
        fields[name] = tuple(fields.get(name) or ())
    fields["sections"] = tuple(Section(**{**s, "path": tuple(s["path"])}) for s in fields.get("sections") or ())
    fields["replies"] = tuple(
        Reply(**{**r, "placeholders": tuple(Placeholder(**p) for p in r.get("placeholders") or ())})
        for r in fields.get("replies") or ())
    fields["links"] = tuple(Link(**link) for link in fields.get("links") or ())
    return Article(**fields)


def _plain(value: object) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
