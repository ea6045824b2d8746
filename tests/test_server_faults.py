"""Team mode's faults on a real server: a killed indexer, a restarted server, a second indexer."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg", reason="team mode needs the server extra (psycopg)")

from kbassist import Assistant
from kbassist.errors import IndexBusy
from kbassist.server import search as server_search
from kbassist.server.connection import ServerUnavailable, writer_lock
from kbassist.server.index import configure
from tests.kbfixtures import write_folder
from tests.pgfixtures import pg_server, pg_url  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parent.parent
# An indexer that stops inside its write transaction (chunks written, terms not yet) until it is killed.
PAUSED_INDEXER = textwrap.dedent("""
    import sys, time
    from kbassist import Assistant
    from kbassist.server import writer
    real = writer._put_terms
    def paused(connection, prepared):
        print("writing", flush=True)
        time.sleep(600)
    writer._put_terms = paused
    Assistant(sys.argv[1], server=sys.argv[2], embedder="hash-64").update()
""")


@pytest.fixture(autouse=True)
def no_refresh_delay(monkeypatch):
    monkeypatch.setattr(server_search, "REFRESH_S", 0.0)


@pytest.fixture
def kb(tmp_path):
    return write_folder(tmp_path / "kb")


def test_an_indexer_killed_mid_update_leaves_the_previous_articles_searchable(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as first:
        first.update()
    path = kb / "devices/charging-error.md"
    path.write_text(path.read_text(encoding="utf-8").replace("E21", "E42"), encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", PAUSED_INDEXER, str(kb), pg_url], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout.readline().strip() == "writing"
        with Assistant(kb, server=pg_url) as agent:
            assert agent.search("E42", mode="keyword").hits == ()  # the update in flight is not visible
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        child.kill()
        child.stdout.close()
    with Assistant(kb, server=pg_url) as agent:
        hits = agent.search("E21 will not charge", k=1).hits
        assert hits[0].id == "devices/charging-error" and "E21" in agent.article(hits[0].id).body
        assert agent.search("E42", mode="keyword").hits == ()
    with Assistant(kb, server=pg_url) as again:  # the killed one's lock went with its connection
        assert again.update().updated == ("devices/charging-error",)
        assert [h.id for h in again.search("E42", mode="keyword").hits] == ["devices/charging-error"]


def test_a_server_restart_is_reported_then_searches_reconnect(kb, pg_server, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as agent:
        agent.update()
        assert agent.search("refund").hits
        pg_server.stop()
        with pytest.raises(ServerUnavailable, match="is not answering") as refused:
            agent.search("refund")
        assert "***" in str(refused.value) or "@" not in str(refused.value)  # the password is never shown
        pg_server.start()
        assert agent.search("refund").hits


def test_a_second_indexer_is_refused_naming_the_first(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as second:
        with writer_lock(pg_url, configure):
            with pytest.raises(IndexBusy, match=r"another indexer .*kbassist index on .* pid \d+"):
                second.update()
        assert second.update().added  # once the first is done, the second may write
