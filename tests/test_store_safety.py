"""An index folder is data: nothing read from it can run code (issue #17, finding 1).

An index may sit on a shared or synced drive. Whoever can write a file
there must not be able to make `kbassist search` run a command: articles
are stored as JSON, whoosh's own pickles are read by an unpickler that
builds only whoosh's classes and plain data, and an index of the pickle
era is rebuilt with a notice before any of its rows is read.
"""
from __future__ import annotations

import io
import os
import pickle
import sqlite3
from pathlib import Path

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.index.store import FORMAT_VERSION
from tests.kbfixtures import write_folder


class _Planted:
    """A pickle that creates a directory when it is loaded: proof that code ran."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return os.mkdir, (self.marker,)


def _index(tmp_path: Path) -> tuple[Path, Path]:
    kb = write_folder(tmp_path / "kb")
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assistant.update()
    return kb, tmp_path / "index" / "current" / "store.sqlite3"


def _plant(store: Path, marker: Path, version: str | None) -> None:
    payload = pickle.dumps(_Planted(marker))
    with sqlite3.connect(store) as db:
        db.execute("UPDATE articles SET summary=?, data=?", (payload, payload))
        if version is not None:
            db.execute("UPDATE meta SET value=? WHERE key='format'", (version,))


def test_a_planted_pickle_in_the_store_never_runs_and_the_index_is_rebuilt(tmp_path):
    kb, store = _index(tmp_path)
    marker = tmp_path / "ran"
    _plant(store, marker, version=None)  # same format number: rows that are not JSON
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assert not marker.exists()
        assert any("rebuilding" in n for n in assistant.notices)
        assistant.update()
        assert assistant.search("E21", mode="keyword").hits[0].id == "devices/charging-error"
        assert assistant.article("refunds/refund-time").title == "When will my refund arrive?"
    assert not marker.exists()


def test_an_index_of_the_pickle_format_rebuilds_with_a_notice_without_reading_a_row(tmp_path):
    kb, store = _index(tmp_path)
    marker = tmp_path / "ran"
    _plant(store, marker, version="5")
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assert any(f"index format 5 is not {FORMAT_VERSION}" in n for n in assistant.notices)
        assistant.update()
        assert assistant.search("E21", mode="keyword").hits
    assert not marker.exists()


def test_a_planted_pickle_in_the_keyword_index_never_runs(tmp_path):
    kb, _ = _index(tmp_path)
    marker = tmp_path / "ran"
    keyword = tmp_path / "index" / "current" / "keyword"
    toc = next(keyword.glob("_MAIN_*.toc"))
    toc.write_bytes(_with_segments_pickle(toc.read_bytes(), pickle.dumps(_Planted(marker))))
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assert any("keyword index unreadable" in n for n in assistant.notices)
        assistant.update()
        assert assistant.search("E21", mode="keyword").hits[0].id == "devices/charging-error"
    assert not marker.exists()


def _with_segments_pickle(toc: bytes, payload: bytes) -> bytes:
    """whoosh's table of contents with `payload` where its pickled list of segments was."""
    from whoosh.filedb.structfile import StructFile

    stream = StructFile(io.BytesIO(toc))
    for _ in range(3):
        stream.read_varint()  # sizes of int, long and float
    stream.read_int(), stream.read_int()  # byte order check, version
    for _ in range(3):
        stream.read_varint()  # release
    stream.skip_string()  # the schema
    stream.read_int(), stream.read_int()  # generation, unused
    return toc[:stream.tell()] + payload


def test_articles_read_back_equal_to_what_was_parsed(tmp_path):
    kb, _ = _index(tmp_path)
    from kbassist.knowledge.articles import parse_article

    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        for stored in assistant.articles():
            parsed, _ = parse_article((kb / stored.path).read_text(encoding="utf-8"), stored.path)
            assert stored == parsed
            assert stored.meta == parsed.meta
