"""Team mode from the command line and the shared metrics, on a real server."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg", reason="team mode needs the server extra (psycopg)")
from click.testing import CliRunner

from kbassist.cli import cli
from tests.kbfixtures import write_folder
from tests.pgfixtures import pg_server, pg_url  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def kb(tmp_path):
    return write_folder(tmp_path / "kb")


def test_index_then_search_through_the_server_from_the_command_line(kb, pg_url, monkeypatch):
    runner = CliRunner()
    indexed = runner.invoke(cli, ["index", str(kb), "--server", pg_url, "--embedder", "hash-64", "--json"])
    assert indexed.exit_code == 0, indexed.output
    assert json.loads(indexed.output)["stats"]["server"].endswith(pg_url.rsplit("@", 1)[1])
    monkeypatch.setenv("KBASSIST_SERVER", pg_url)  # the environment names the server as well as --server
    found = runner.invoke(cli, ["search", str(kb), "E21 will not charge", "--json", "--mode", "keyword"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.output)["hits"][0]["id"] == "devices/charging-error"
    assert pg_url.split("@")[0].rsplit(":", 1)[1] not in indexed.output  # the password is never printed


def test_a_server_that_does_not_answer_is_one_line_and_exit_1(kb):
    result = CliRunner().invoke(cli, ["search", str(kb), "refund", "--server",
                                      "postgresql://kb:secret@127.0.0.1:9/kb"])
    assert result.exit_code == 1
    assert "is not answering" in result.output and "secret" not in result.output
    assert "Traceback" not in result.output


def test_server_dev_prints_its_url_first_and_stops_on_sigterm(pg_server):  # skipped where none can start
    folder = Path(tempfile.mkdtemp(prefix="kbassist-dev-"))
    folder.chmod(0o755)
    process = subprocess.Popen([sys.executable, "-m", "kbassist.cli", "server-dev", str(folder / "pg")], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("postgresql://postgres:") and "@127.0.0.1:" in url
        with psycopg.connect(url) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
        process.send_signal(signal.SIGTERM)
        assert process.wait(60) == 0
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(url, connect_timeout=2)
    finally:
        process.kill()
        process.stdout.close()
        subprocess.run(["rm", "-rf", str(folder)], check=False)
