"""The API's endpoints and its protections, as one FastAPI application.

- `POST /v1/suggest` answers with the same JSON as `kbassist suggest --json`
  (`kbassist.jsonable.suggest_json`); `GET /v1/search` as `kbassist search --json`.
- Every request carries the token from the settings (`Authorization: Bearer
  <token>`); without it: 401. The OpenAPI description (`/openapi.json`) is
  behind the token too; there is no HTML docs page (it would load scripts
  from a CDN, and the app reaches no network).
- A request body over `MAX_BODY_BYTES` is refused with 413 before it is read
  into memory (a pasted chat is a few kilobytes).
- CORS answers only the origins the user listed; a browser page from any
  other origin cannot read the answers.

Engine calls run on one thread of their own (`app.state.lane`), not on the
server's pool of forty: the `Assistant` serialises searches anyway
(docs/architecture.md, rule 3), so more threads only contend for the
interpreter, and the event loop stays free for the next request meanwhile.
"""
from __future__ import annotations

import asyncio
import secrets
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Literal

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import IndexClosed
from ..jsonable import search_json, suggest_json

MAX_BODY_BYTES = 256 * 1024
MAX_MESSAGE_CHARS = 100_000
DRAIN_FACTOR = 64  # a refused body is read and dropped up to this many times the limit (16 MB)


class SuggestRequest(BaseModel):
    message: str = Field(max_length=MAX_MESSAGE_CHARS, description="The customer's message or a pasted chat.")
    k: int = Field(3, ge=1, le=20, description="How many articles.")
    log: bool = Field(True, description="Record the suggestion in the local history log (as the CLI does).")


class BodyLimit:
    """413 for a body over the limit: by its Content-Length at once, else when the streamed bytes pass it."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _too_large(scope, receive, send, self.limit)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await _too_large(scope, receive, send, self.limit)


class _TooLarge(Exception):
    """A chunked body passed the limit while it was read."""


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    """Answer 413 after reading (and dropping) the rest of the body, up to a bound: a client still
    sending when the connection closes sees a reset instead of the answer."""
    drained, more = 0, True
    while more and drained <= DRAIN_FACTOR * limit:
        message = await receive()
        drained += len(message.get("body", b""))
        more = message.get("more_body", False) and message["type"] == "http.request"
    response = JSONResponse({"detail": f"request body over {limit} bytes"}, status_code=413)
    await response(scope, receive, send)


def create_app(assistant, token: str, origins: tuple[str, ...] = (), max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The application over `assistant`; `token` is required on every request (an empty one refuses all)."""
    bearer = HTTPBearer(auto_error=False, description="The api_token from kbassist's settings.")

    def require_token(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
        given = credentials.credentials if credentials else ""
        if not token or not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid token is required", headers={"WWW-Authenticate": "Bearer"})

    app = FastAPI(title="kbassist local API", version="1", docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(require_token)],
                  description="Suggestions and search over the knowledge folder kbassist has open, for CRM "
                              "macros and browser extensions on this computer.")
    app.state.lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kbassist-api")

    async def on_lane(call: Callable[[], dict]) -> JSONResponse:
        return JSONResponse(await asyncio.get_running_loop().run_in_executor(app.state.lane, call))

    # Answers are already JSON-ready (kbassist.jsonable): sent as they are, not re-encoded and validated
    # field by field (that cost 20 ms+ per suggestion list).
    @app.post("/v1/suggest", summary="Articles and ready replies for a customer message",
              response_description="The same document as `kbassist suggest --json`.")
    async def suggest(request: SuggestRequest) -> JSONResponse:
        return await on_lane(lambda: suggest_json(assistant.suggest(request.message, k=request.k, log=request.log)))

    @app.get("/v1/search", summary="Search the knowledge folder",
             response_description="The same document as `kbassist search --json`.")
    async def search(q: str = Query(max_length=MAX_MESSAGE_CHARS), k: int = Query(5, ge=1, le=50),
                     mode: Literal["hybrid", "keyword", "semantic"] = "hybrid") -> JSONResponse:
        return await on_lane(lambda: search_json(assistant.search(q, k=k, mode=mode)))

    @app.exception_handler(IndexClosed)
    def folder_closed(_request, _exc: IndexClosed) -> JSONResponse:
        return JSONResponse({"detail": "the folder is being closed or reopened: try again"}, status_code=503)

    @app.get("/openapi.json", include_in_schema=False)
    def openapi() -> dict:
        return app.openapi()

    app.add_middleware(BodyLimit, limit=max_body)
    # Outermost: a browser's preflight carries no token, and only listed origins get CORS headers.
    app.add_middleware(CORSMiddleware, allow_origins=list(origins), allow_methods=["GET", "POST"],
                       allow_headers=["Authorization", "Content-Type"])
    return app
