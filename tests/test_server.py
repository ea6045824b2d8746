"""Team mode on a real PostgreSQL: the shared index answers as the local one, and stays current.

Index mechanics use the deterministic hash embedder, as tests/test_index.py does.
"""
from __future__ import annotations

import json

import pytest

psycopg = pytest.importorskip("psycopg", reason="team mode needs the server extra (psycopg)")

from kbassist import Assistant
from kbassist.knowledge.articles import parse_article
from kbassist.server import search as server_search
from kbassist.server.connection import ServerError
from kbassist.server.records import decode, encode
from tests.kbfixtures import ARTICLES, CountingEmbedder, write_folder
from tests.pgfixtures import pg_server, pg_url  # noqa: F401 - fixtures

QUERIES = ("where is my refund", "退款多久到账", "reader error E21 will not charge", "忘记密码", "refnd my order")


@pytest.fixture
def kb(tmp_path):
    return write_folder(tmp_path / "kb")


@pytest.fixture(autouse=True)
def no_refresh_delay(monkeypatch):
    """Agents look for the indexer's commits at every search, so a test never waits for the refresh."""
    monkeypatch.setattr(server_search, "REFRESH_S", 0.0)


def test_articles_survive_the_json_round_trip_whole():
    for path, text in ARTICLES.items():
        article, _ = parse_article(text, path)
        assert decode(json.loads(encode(article))) == article


@pytest.mark.parametrize("mode", ["hybrid", "keyword", "semantic"])
def test_the_server_ranks_as_the_local_index_does(kb, tmp_path, pg_url, mode):
    with Assistant(kb, tmp_path / "local", embedder="hash-64") as local, \
            Assistant(kb, server=pg_url, embedder="hash-64") as server:
        local.update()
        server.update()
        for query in QUERIES:
            here, there = local.search(query, k=3, mode=mode), server.search(query, k=3, mode=mode)
            assert [h.id for h in there.hits] == [h.id for h in here.hits], query
            assert [h.score for h in there.hits] == pytest.approx([h.score for h in here.hits], abs=0.01), query
            assert there.confidence == pytest.approx(here.confidence, abs=0.01)
            assert [h.heading for h in there.hits] == [h.heading for h in here.hits]


def test_an_agent_sees_a_saved_article_and_a_deleted_one_goes(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
        with Assistant(kb, server=pg_url) as agent:
            assert agent.search("zanzibarite", mode="keyword").hits == ()
            path = kb / "devices/charging-error.md"
            path.write_text(path.read_text(encoding="utf-8") + "\nA zanzibarite cable helps.\n", encoding="utf-8")
            change = indexer.update(["devices/charging-error.md"])
            assert change.updated == ("devices/charging-error",)
            assert [h.id for h in agent.search("zanzibarite", mode="keyword").hits] == ["devices/charging-error"]
            (kb / "refunds/refund-time.md").unlink()
            assert indexer.update().removed == ("refunds/refund-time",)
            assert "refunds/refund-time" not in [h.id for h in agent.search("refund credit card", k=10).hits]
            assert agent.article("refunds/refund-time") is None


def test_an_edit_reembeds_only_the_changed_section_and_a_rename_nothing(kb, pg_url):
    embedder = CountingEmbedder()
    with Assistant(kb, server=pg_url, embedder=embedder) as indexer:
        indexer.update()
        path = kb / "devices/charging-error.md"
        path.write_text(path.read_text(encoding="utf-8").replace("room temperature", "room temperature (20 C)"),
                        encoding="utf-8")
        embedder.embedded.clear()
        indexer.update()
        assert len(embedder.embedded) == 1 and "20 C" in embedder.embedded[0]
        embedder.embedded.clear()
        (kb / "refunds/refund-time.md").rename(kb / "refunds/when.md")  # its id is in its front matter
        change = indexer.update()
        assert embedder.embedded == []
        assert [h.path for h in indexer.search("how long does a refund take", k=1).hits] == ["refunds/when.md"]
        assert change.removed == ()  # the article kept its id: agents never saw it gone


def test_an_unchanged_folder_writes_nothing(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
        (kb / "devices/charging-error.md").touch()
        assert indexer.update().empty


def test_a_rebuild_reads_every_file_again_without_embedding_again(kb, pg_url):
    embedder = CountingEmbedder()
    with Assistant(kb, server=pg_url, embedder=embedder) as indexer:
        indexer.update()
        with psycopg.connect(pg_url, autocommit=True) as connection:  # terms a fixed analyser would cut otherwise
            connection.execute("DELETE FROM kb_postings WHERE article_id = 'devices/charging-error'")
        assert "devices/charging-error" not in [h.id for h in indexer.search("E21 charge", mode="keyword").hits]
        embedder.embedded.clear()
        agent = Assistant(kb, server=pg_url)
        change = indexer.update(rebuild=True)
        assert len(change.updated) == len(indexer.articles()) and embedder.embedded == []
        assert indexer.search("E21 charge", mode="keyword").hits[0].id == "devices/charging-error"
        assert agent.search("how long does a refund take", k=1).hits  # agents kept their answers throughout
        agent.close()


def test_chinese_is_searched_by_the_engines_own_terms(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
        hits = indexer.search("退款时间", mode="keyword").hits
        assert hits[0].id == "refunds/refund-time.zh"


def test_an_agent_asking_for_another_embedder_is_refused(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
    with pytest.raises(ServerError, match="embedder hash-64"):
        Assistant(kb, server=pg_url, embedder="hash-32")


def test_a_schema_newer_than_this_kbassist_is_refused(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
    with psycopg.connect(pg_url, autocommit=True) as connection:
        connection.execute("UPDATE kb_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(ServerError, match="schema version 99"):
        Assistant(kb, server=pg_url)


def test_calibration_and_escalation_model_reach_the_agents(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
        measured = indexer.calibrate(force=True)
    with Assistant(kb, server=pg_url) as agent:
        assert agent.calibration == measured
        agent.embedder  # noqa: B018 - the escalation models are used once the model is loaded
        assert agent.escalation.model is not None


def test_a_watching_indexer_puts_a_save_on_the_server_for_agents(kb, pg_url):
    import time

    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer, Assistant(kb, server=pg_url) as agent:
        indexer.update()
        watcher = indexer.watch(debounce_s=0.05)
        try:
            path = kb / "devices/charging-error.md"
            path.write_text(path.read_text(encoding="utf-8") + "\nA quokkacable helps.\n", encoding="utf-8")
            deadline = time.monotonic() + 30
            while not agent.search("quokkacable", mode="keyword").hits and time.monotonic() < deadline:
                time.sleep(0.05)  # polling the agent's view, as an agent would
            assert [h.id for h in agent.search("quokkacable", mode="keyword").hits] == ["devices/charging-error"]
        finally:
            watcher.stop()


def test_an_agents_cached_postings_follow_the_indexers_writes(kb, pg_url):
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer, Assistant(kb, server=pg_url) as agent:
        indexer.update()
        assert [h.id for h in agent.search("cable", mode="keyword").hits] == ["devices/charging-error"]
        charging = kb / "devices/charging-error.md"
        charging.write_text(charging.read_text(encoding="utf-8").replace("cable", "cord"), encoding="utf-8")
        refunds = kb / "refunds/refund-time.md"
        refunds.write_text(refunds.read_text(encoding="utf-8") + "\nNo cable is needed.\n", encoding="utf-8")
        indexer.update()
        assert [h.id for h in agent.search("cable", mode="keyword").hits] == ["refunds/refund-time"]
        assert [h.id for h in agent.search("cord", mode="keyword").hits] == ["devices/charging-error"]
