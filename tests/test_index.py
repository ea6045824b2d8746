"""Index mechanics: incremental updates, reuse of vectors, atomic rebuilds, recovery.

These use the deterministic hash embedder (mechanics, not meaning) wrapped to
count what gets embedded; retrieval quality is tested with the real embedder
in test_search.py.
"""
from __future__ import annotations

import os
import sqlite3
import time

import pytest
from whoosh import index as whoosh_index

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.index import indexer
from kbassist.index.store import Store
from tests.kbfixtures import CountingEmbedder, write_folder


@pytest.fixture
def kb(tmp_path):
    return write_folder(tmp_path / "kb")


def open_kb(kb, tmp_path, embedder=None):
    assistant = Assistant(kb, tmp_path / "index", embedder=embedder or CountingEmbedder())
    assistant.update()
    return assistant


def test_first_index_embeds_every_chunk_and_second_start_embeds_nothing(kb, tmp_path):
    first = open_kb(kb, tmp_path)
    assert len(first.embedder.embedded) == first.stats()["chunks"] > 0
    first.close()
    again = Assistant(kb, tmp_path / "index", embedder=CountingEmbedder())
    change = again.update()
    assert change.empty
    assert again.embedder.embedded == []
    assert again.search("E21", mode="keyword").hits[0].id == "devices/charging-error"


def test_saving_one_section_reembeds_only_that_section(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    assistant.embedder.embedded.clear()
    path = kb / "devices/charging-error.md"
    path.write_text(path.read_text().replace("another USB-C cable", "a different braided USB-C cable"))
    change = assistant.update(["devices/charging-error.md"])
    assert change.updated == ("devices/charging-error",)
    assert len(assistant.embedder.embedded) == 1
    assert "braided" in assistant.embedder.embedded[0]


def test_renamed_file_is_found_under_new_path_without_reembedding(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    assistant.embedder.embedded.clear()
    os.rename(kb / "notes/plain-note.md", kb / "notes/islands.md")
    change = assistant.update()
    assert change.added == ("notes/islands",) and change.removed == ("notes/plain-note",)
    assert assistant.embedder.embedded == []
    assert assistant.search("ferry islands", mode="semantic").hits[0].id == "notes/islands"


def test_deleted_article_disappears_from_both_indexes(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    (kb / "devices/charging-error.md").unlink()
    assistant.update()
    for mode in ("keyword", "semantic"):
        assert "devices/charging-error" not in [h.id for h in assistant.search("E21 charge", mode=mode).hits]


def test_keyword_search_right_after_a_save_drops_removed_words_and_finds_new_ones(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    assert assistant.search("E21", mode="keyword").hits[0].id == "devices/charging-error"  # postings now cached
    path = kb / "devices/charging-error.md"
    path.write_text(path.read_text(encoding="utf-8").replace("E21", "E99"), encoding="utf-8")
    assistant.update(["devices/charging-error.md"])
    assert "devices/charging-error" not in [h.id for h in assistant.search("E21", mode="keyword").hits]
    assert assistant.search("E99", mode="keyword").hits[0].id == "devices/charging-error"
    assert assistant.search("E21 E99", mode="keyword").hits[0].id == "devices/charging-error"


def _keyword_segments(tmp_path) -> tuple[int, int]:
    """(segments, documents) of the keyword index, read with whoosh itself."""
    with whoosh_index.open_dir(str(tmp_path / "index" / "current" / "keyword")).reader() as reader:
        return len(list(reader.leaf_readers())), reader.doc_count()


def test_a_build_in_many_batches_merges_its_keyword_segments_once_and_keeps_no_stale_copy(kb, tmp_path,
                                                                                        monkeypatch):
    monkeypatch.setattr(indexer, "WRITE_BATCH_FILES", 2)  # every fixture folder is then a bulk build
    assistant = open_kb(kb, tmp_path)
    articles = assistant.stats()["articles"]
    assert _keyword_segments(tmp_path) == (1, articles)
    for path in kb.rglob("*.md"):  # every file changes: old documents must go, not pile up
        path.write_text(path.read_text(encoding="utf-8") + "\nquokka\n", encoding="utf-8")
    assistant.update()
    assert _keyword_segments(tmp_path) == (1, articles)
    hits = assistant.search("quokka", mode="keyword", k=50, statuses=("published", "archived")).hits
    assert len(hits) == len({h.id for h in hits}) == articles


def test_touch_without_change_does_not_reindex(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    assistant.embedder.embedded.clear()
    later = time.time() + 5
    os.utime(kb / "devices/charging-error.md", (later, later))
    assert assistant.update().empty
    assert assistant.embedder.embedded == []


def test_broken_article_is_reported_and_the_rest_still_indexes(kb, tmp_path):
    (kb / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken but searchable\n\nzebra crossing\n")
    (kb / "binary.md").write_bytes(b"\x00\x01\x02")
    assistant = open_kb(kb, tmp_path)
    problems = {p.file: p for p in assistant.problems()}
    assert problems["broken.md"].line == 2
    assert "binary" in problems["binary.md"].message
    assert assistant.search("zebra crossing", mode="keyword").hits[0].id == "broken"
    assert assistant.article("refunds/refund-time") is not None


def test_duplicate_ids_are_reported_and_both_articles_kept(kb, tmp_path):
    (kb / "copy.md").write_text("---\nid: refunds/refund-time\n---\n# Copy\n\nunique words walrus\n")
    assistant = open_kb(kb, tmp_path)
    assert any("also claimed by refunds/refund-time.md" in p.message for p in assistant.problems())
    walrus = assistant.search("walrus", mode="keyword").hits[0].id
    refund = assistant.search("credit card working days", mode="keyword").hits[0].id
    assert walrus != refund


def test_a_saved_file_taking_an_indexed_articles_id_gets_its_own(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    (kb / "copy.md").write_text("---\nid: refunds/refund-time\n---\n# Copy\n\nunique words walrus\n")
    assistant.update(["copy.md"])  # as the watcher does: this path only
    assert any("also claimed by refunds/refund-time.md" in p.message for p in assistant.problems())
    assert assistant.search("walrus", mode="keyword").hits[0].id != "refunds/refund-time"
    assert assistant.search("credit card working days", mode="keyword").hits[0].id == "refunds/refund-time"


def test_index_of_another_format_version_is_rebuilt_with_a_notice(kb, tmp_path):
    open_kb(kb, tmp_path).close()
    store = Store(tmp_path / "index/current/store.sqlite3")
    store.set_meta("format", "0")
    store.close()
    assistant = open_kb(kb, tmp_path)
    assert any("format" in n for n in assistant.notices)
    assert assistant.search("E21", mode="keyword").hits


def test_corrupt_index_is_rebuilt_automatically(kb, tmp_path):
    open_kb(kb, tmp_path).close()
    (tmp_path / "index/current/store.sqlite3").write_bytes(b"this is not a database" * 100)
    for extra in ("-wal", "-shm"):
        (tmp_path / f"index/current/store.sqlite3{extra}").unlink(missing_ok=True)
    assistant = open_kb(kb, tmp_path)
    assert any("corrupt" in n for n in assistant.notices)
    assert assistant.search("E21", mode="keyword").hits


def test_rebuild_interrupted_midway_leaves_the_previous_index_in_use(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    job = assistant.index(rebuild=True)
    next(job)  # the rebuild has started writing into building/
    assert (tmp_path / "index/building").exists()
    job.close()  # the user cancels, or the process dies here
    assistant.close()
    reopened = Assistant(kb, tmp_path / "index", embedder=CountingEmbedder())
    assert reopened.search("E21", mode="keyword").hits[0].id == "devices/charging-error"
    assert not (tmp_path / "index/building").exists()
    assert reopened.embedder.embedded == []


def test_completed_rebuild_swaps_in_a_fresh_index(kb, tmp_path):
    assistant = open_kb(kb, tmp_path)
    change = assistant.update(rebuild=True)
    assert change.rebuilt
    assert assistant.search("E21", mode="keyword").hits[0].id == "devices/charging-error"
    with sqlite3.connect(tmp_path / "index/current/store.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM chunks WHERE vector IS NULL").fetchone()[0] == 0


def test_changing_the_embedder_reembeds_everything_once(kb, tmp_path):
    open_kb(kb, tmp_path).close()
    other = HashEmbedder(32)
    assistant = Assistant(kb, tmp_path / "index", embedder=other)
    assert any("embedder changed" in n for n in assistant.notices)
    assistant.update()
    assert assistant.semantic_ready
    assert assistant.search("E21", mode="semantic").hits


def test_keyword_search_works_before_the_semantic_side_is_embedded(kb, tmp_path):
    assistant = Assistant(kb, tmp_path / "index", embedder=CountingEmbedder(), wait_for_model=False)
    job = assistant.index(embed=False)
    for _ in job:
        pass
    assert not assistant.semantic_ready
    result = assistant.search("E21 charge")
    assert result.mode == "keyword" and result.hits[0].id == "devices/charging-error"
    for _ in assistant.embed_pending():
        pass
    assert assistant.semantic_ready
    assert assistant.search("E21 charge").mode == "hybrid"


def _semantic_top(assistant, query):
    return [h.id for h in assistant.search(query, k=5, mode="semantic").hits]


def _spy_sqlite_vector_loads(monkeypatch) -> list[int]:
    """Count full reads of the stored vectors (the slow path a snapshot saves), changing nothing."""
    from kbassist.index import store

    calls: list[int] = []
    original = store._vector_blocks

    def counted(connection, dim, *args, **kwargs):
        calls.append(dim)
        yield from original(connection, dim, *args, **kwargs)

    monkeypatch.setattr(store, "_vector_blocks", counted)
    return calls


def _snapshotted(kb, tmp_path, query: str) -> list[str]:
    """Build the index, write its vector snapshot, close it; the query's semantic top hits."""
    first = open_kb(kb, tmp_path)
    first.save_vector_snapshot()
    expected = _semantic_top(first, query)
    first.close()
    return expected


def test_start_reads_vectors_from_an_exact_snapshot_and_never_from_a_stale_one(kb, tmp_path, monkeypatch):
    query = "the reader shows E21 while charging"
    expected = _snapshotted(kb, tmp_path, query)
    loads = _spy_sqlite_vector_loads(monkeypatch)

    again = open_kb(kb, tmp_path)
    assert loads == [] and _semantic_top(again, query) == expected
    (kb / "devices/kayak.md").write_text("# Kayak paddles\n\nOur kayak paddles float and come in two lengths.\n")
    again.update()  # vectors change: the snapshot no longer matches the store
    again.close()

    third = open_kb(kb, tmp_path)
    assert len(loads) == 1  # read from SQLite
    assert _semantic_top(third, "Our kayak paddles float and come in two lengths.")[0] == "devices/kayak"
    third.save_vector_snapshot()  # as the app does once a folder is open
    assert len(loads) == 2
    third.close()
    fourth = open_kb(kb, tmp_path)
    assert len(loads) == 2 and "devices/kayak" in _semantic_top(fourth, "kayak paddles float")
    fourth.close()


def test_truncated_snapshot_is_ignored_until_rewritten(kb, tmp_path, monkeypatch):
    query = "refund to my credit card"
    expected = _snapshotted(kb, tmp_path, query)
    snapshot = tmp_path / "index" / "current" / "vectors.snapshot"
    snapshot.write_bytes(snapshot.read_bytes()[:-100])
    loads = _spy_sqlite_vector_loads(monkeypatch)

    again = open_kb(kb, tmp_path)
    assert len(loads) == 1 and _semantic_top(again, query) == expected
    again.save_vector_snapshot()
    again.close()
    third = open_kb(kb, tmp_path)
    assert len(loads) == 2 and _semantic_top(third, query) == expected  # the rewritten snapshot
    third.close()


def test_snapshot_of_another_store_is_never_used(kb, tmp_path, monkeypatch):
    """A store deleted by hand is rebuilt with a fresh count of vector changes: the snapshot
    that survived it must not pass for the new store's vectors."""
    _snapshotted(kb, tmp_path, "refund")
    for store_file in (tmp_path / "index" / "current").glob("store.sqlite3*"):
        store_file.unlink()
    rebuilt = open_kb(kb, tmp_path)
    rebuilt.close()
    loads = _spy_sqlite_vector_loads(monkeypatch)
    again = open_kb(kb, tmp_path)
    assert len(loads) == 1  # the old snapshot was not taken for the rebuilt store's
    again.close()


def test_worker_processes_leave_the_vectors_on_disk(kb, tmp_path):
    first = open_kb(kb, tmp_path)
    first.close()
    worker = Assistant(kb, tmp_path / "index", embedder=CountingEmbedder(), with_vectors=False)
    assert worker.stats()["pending_vectors"] == 0 and len(worker._ix.vectors) == 0
    worker.close()
