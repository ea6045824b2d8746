"""Engine results as JSON-ready values: the one shape the CLI's `--json` and the local HTTP API share.

Dataclasses are serialised here and nowhere else (dates as ISO text, tuples
as lists, a code's parameters by name), so `kbassist suggest --json` and
`POST /v1/suggest` answer with the same document.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from .wording import Params

if TYPE_CHECKING:
    from .assist.model import SuggestResult
    from .search.model import SearchResult


def plain(value: Any) -> Any:
    """Dataclasses, tuples and dates turned into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Params):  # a code's parameters: by name
        return {name: plain(v) for name, v in value}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def suggest_json(result: "SuggestResult") -> dict:
    """`kbassist suggest --json`: verdict first, then suggestions with their replies."""
    return {
        "escalate": result.triage.escalate,
        "escalation_reasons": plain(result.triage.reasons),
        "escalation_probability": result.triage.probability,
        "no_answer": result.no_answer,
        "confidence": result.confidence,
        "query": result.query,
        "lang": result.lang,
        "event_id": result.event_id,
        "took_ms": result.took_ms,
        "suggestions": plain(result.suggestions),
    }


def search_json(result: "SearchResult") -> dict:
    """`kbassist search --json`: the hits with where they matched."""
    return {"query": result.query, "mode": result.mode, "took_ms": result.took_ms,
            "no_answer": result.no_answer, "confidence": result.confidence,
            "corrected": result.corrected or None,
            "hits": [{"id": h.id, "title": h.title, "path": h.path, "heading": h.heading, "line": h.line,
                      "score": h.score, "snippet": h.snippet, "lang": h.lang} for h in result.hits]}
