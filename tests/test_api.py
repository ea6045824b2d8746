"""The local HTTP API: the real server on a free loopback port, called over HTTP."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner
from conftest_gui import kb, private_dirs  # noqa: F401 - fixtures

from kbassist.api import ApiServer, ensure_token
from kbassist.assistant import Assistant
from kbassist.cli import cli
from kbassist.errors import KbError
from kbassist.settings import Settings, load_settings

TOKEN = "t0ken-for-tests"
ORIGIN = "https://crm.example.com"


@pytest.fixture(scope="module")
def server(kb):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KBASSIST_DATA_DIR", str(kb[0].parent / "data"))
        assistant = Assistant(kb[0], kb[1])
        running = ApiServer(assistant, token=TOKEN, port=0, origins=(ORIGIN,)).start()
        yield running
        running.stop()
        assistant.close()


def call(server, path: str, body=None, token: str | None = TOKEN, headers=None, method=None, raw: bytes | None = None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read()
        return error.code, dict(error.headers), json.loads(text) if text.startswith(b"{") else text.decode()


def test_suggest_answers_with_the_same_json_as_the_cli(server, kb):
    message = "My Reader 5 shows E21 and won't charge"
    status, _headers, answer = call(server, "/v1/suggest", {"message": message, "log": False})
    assert status == 200
    cli_run = CliRunner().invoke(cli, ["suggest", str(kb[0]), message, "--index-dir", str(kb[1]), "--json",
                                       "--no-log"])
    expected = json.loads(cli_run.output)
    assert set(answer) == set(expected)
    assert [s["article_id"] for s in answer["suggestions"]] == [s["article_id"] for s in expected["suggestions"]]
    assert answer["suggestions"][0]["replies"][0]["filled"] == expected["suggestions"][0]["replies"][0]["filled"]


def test_search_answers_hits(server):
    status, _headers, answer = call(server, "/v1/search?q=%E9%80%80%E6%AC%BE%E5%A4%9A%E4%B9%85%E5%88%B0%E8%B4%A6&k=3")
    assert status == 200 and answer["hits"][0]["id"] == "returns/refund-time.zh" and len(answer["hits"]) <= 3


def test_every_request_needs_the_token(server):
    assert call(server, "/v1/suggest", {"message": "refund"}, token=None)[0] == 401
    assert call(server, "/v1/suggest", {"message": "refund"}, token="wrong")[0] == 401
    assert call(server, "/v1/search?q=refund", token=None)[0] == 401
    assert call(server, "/openapi.json", token=None)[0] == 401
    status, _headers, spec = call(server, "/openapi.json")
    assert status == 200 and {"/v1/suggest", "/v1/search"} <= set(spec["paths"])
    assert "HTTPBearer" in json.dumps(spec["components"]["securitySchemes"])


def test_a_body_over_the_limit_is_refused_with_413(server):
    status, _headers, answer = call(server, "/v1/suggest", raw=b'{"message": "' + b"x" * (1024 * 1024) + b'"}')
    assert status == 413 and "over" in answer["detail"]


def test_cors_answers_only_the_listed_origins(server):
    _s, allowed, _a = call(server, "/v1/search?q=refund", headers={"Origin": ORIGIN})
    _s, other, _a = call(server, "/v1/search?q=refund", headers={"Origin": "https://evil.example"})
    assert allowed.get("access-control-allow-origin") == ORIGIN
    assert "access-control-allow-origin" not in other
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    assert call(server, "/v1/suggest", token=None, headers=preflight, method="OPTIONS")[0] == 400


def test_only_loopback_is_served_unless_asked_and_the_token_is_made_once(kb, tmp_path):
    with pytest.raises(KbError, match="refusing to serve on 0.0.0.0"):
        ApiServer(object(), token=TOKEN, host="0.0.0.0")
    with pytest.raises(KbError):
        ApiServer(object(), token=TOKEN, host="crm.example.com")
    refused = CliRunner().invoke(cli, ["serve", str(kb[0]), "--host", "192.168.1.20"])
    assert refused.exit_code == 1 and "--allow-remote" in refused.output
    made = ensure_token(Settings())
    assert len(made.api_token) >= 32 and load_settings()[0].api_token == made.api_token
    assert ensure_token(made) is made
