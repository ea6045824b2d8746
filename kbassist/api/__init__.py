"""The local HTTP API for CRM macros and browser extensions (`kbassist serve`, or the app's option).

`create_app` builds the FastAPI application over one `Assistant`; `ApiServer`
runs it with uvicorn, on loopback unless the caller explicitly allows
another address. See `app.py` for the endpoints and the protections.
"""
from __future__ import annotations

from .app import MAX_BODY_BYTES, create_app
from .server import ApiServer, check_host, ensure_token

__all__ = ("MAX_BODY_BYTES", "ApiServer", "check_host", "create_app", "ensure_token")
