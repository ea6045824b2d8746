"""The local index's rules hold on the team's server too: duplicate ids, worded problems, the folder's models.

The same files as tests/test_duplicate_ids.py, indexed on a real PostgreSQL:
which file keeps an id several files claim depends on the files alone
(`index.ids`), a problem keeps its code so each agent words it in its own
language, and the intent classifier the indexer trains reaches the agents.
"""
from __future__ import annotations

import pytest

psycopg = pytest.importorskip("psycopg", reason="team mode needs the server extra (psycopg)")

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.server import search as server_search
from tests.pgfixtures import pg_server, pg_url  # noqa: F401 - fixtures
from tests.test_duplicate_ids import EXPECTED, _ids, _write


@pytest.fixture
def kb(tmp_path):
    folder = tmp_path / "kb"
    _write(folder, "b/x.md", "# X\n\nthe natural owner\n")
    _write(folder, "c.md", "---\nid: b/x\n---\n# C\n\nclaims b/x too\n")
    _write(folder, "a.md", "---\nid: shared\n---\n# A\n\nfirst by path\n")
    _write(folder, "z.md", "---\nid: shared\n---\n# Z\n\nlast by path\n")
    return folder


@pytest.fixture(autouse=True)
def no_refresh_delay(monkeypatch):
    monkeypatch.setattr(server_search, "REFRESH_S", 0.0)


def test_duplicate_ids_resolve_on_the_server_as_locally_and_stay_put(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder=HashEmbedder()) as indexer:
        indexer.update()
        assert _ids(indexer) == EXPECTED
        for rel in ("c.md", "b/x.md", "z.md", "a.md", "c.md"):  # the watcher's saves, one file at a time
            _write(kb, rel, (kb / rel).read_text(encoding="utf-8") + "\nedited\n")
            indexer.update([rel])
            assert _ids(indexer) == EXPECTED, rel
        with Assistant(kb, server=pg_url) as agent:  # what an agent reads from the server
            assert _ids(agent) == EXPECTED
            coded = [p for p in agent.problems() if p.code == "duplicate_id"]
            assert {p.file for p in coded} == {"c.md", "z.md"}
            assert all(p.text("zh") != p.message for p in coded)  # worded in the agent's language


def test_a_freed_id_goes_back_to_its_claimant_on_the_server(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder=HashEmbedder()) as indexer:
        indexer.update()
        (kb / "a.md").unlink()
        change = indexer.update(["a.md"])
        assert _ids(indexer)["z.md"] == "shared"
        assert "z" in change.removed
        assert not [p for p in indexer.problems() if p.file == "z.md" and p.code == "duplicate_id"]


def test_the_intent_classifier_the_indexer_trains_reaches_an_agent(tmp_path, pg_url):
    folder = tmp_path / "intents"
    for n, topic in enumerate(("refund", "password", "shipping")):
        _write(folder, f"{topic}.md", f"---\nquestions:\n  - how do I get my {topic} sorted\n"
                                      f"  - {topic} problem help\n  - question about {topic} {n}\n---\n"
                                      f"# {topic.title()}\n\nAll about {topic}.\n")
    with Assistant(folder, server=pg_url, embedder=HashEmbedder()) as indexer:
        indexer.update()
        indexer.calibrate()
        assert indexer._searcher.intents is not None
    with Assistant(folder, server=pg_url) as agent:
        assert agent._searcher.intents is not None
        assert agent.calibration is not None and agent.calibrate() == agent.calibration


def test_a_version_1_index_is_migrated_and_keeps_its_files(kb, pg_url, monkeypatch):
    from kbassist.server import schema

    with monkeypatch.context() as old:  # a server first written by the previous kbassist (schema 1)
        old.setattr(schema, "SCHEMA_VERSION", 1)
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        Assistant(kb, server=pg_url, embedder=HashEmbedder()).close()
        with psycopg.connect(pg_url, autocommit=True) as connection:
            connection.execute("INSERT INTO kb_files VALUES ('a.md', 'old-hash', 1, 0, 'shared')")
            connection.execute("INSERT INTO kb_problems VALUES ('a.md', 1, 'an old message', 'warning')")
    with Assistant(kb, server=pg_url, embedder=HashEmbedder()) as indexer:
        with psycopg.connect(pg_url) as connection:
            assert connection.execute("SELECT value FROM kb_meta WHERE key = 'schema_version'").fetchone() == (str(schema.SCHEMA_VERSION),)
            assert connection.execute("SELECT claimed_id FROM kb_files").fetchall() == [("shared",)]
        assert [(p.message, p.code) for p in indexer.problems()] == [("an old message", "")]
        indexer.update()
        assert _ids(indexer) == EXPECTED
