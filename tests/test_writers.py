"""A second process, a full disk, a read-only folder (issue #17, finding 5).

Readers always answer from the last complete index; writers take turns
through a lock file that names its holder, waiting a bounded time or saying
in one line who holds it; no command deletes another's work in progress; a
full or read-only disk gives one line and searches keep working.

The writer here is this test process, paused in the middle of a rebuild or an
update (a generator between two steps); the other process is the real CLI.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.errors import IndexBusy, IndexDiskFull
from tests.faultkit import ROOT, cli, full_disk, read_only_prefix
from tests.kbfixtures import write_folder


@pytest.fixture
def kb(tmp_path):
    kb = write_folder(tmp_path / "kb")
    for i in range(30):
        (kb / f"notes/note-{i:02d}.md").parent.mkdir(exist_ok=True)
        (kb / f"notes/note-{i:02d}.md").write_text(f"# Note {i}\n\nLocker {i} opens with code K{i}X.\n")
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assistant.update()
    return kb


def _paused(job):
    progress = next(job)
    while progress.done == 0:
        progress = next(job)
    return job


def _drain(job):
    for _ in job:
        pass


def test_a_search_during_a_rebuild_answers_and_leaves_the_rebuild_alone(kb, tmp_path):
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as writer:
        job = _paused(writer.index(rebuild=True))
        assert (tmp_path / "index/building").exists()
        search = cli("search", kb, "K7X", "--mode", "keyword", "--index-dir", tmp_path / "index", "--json",
                     "--embedder", "hash-64")
        assert search.returncode == 0, search.stderr
        assert json.loads(search.stdout)["hits"][0]["path"] == "notes/note-07.md"
        assert (tmp_path / "index/building").exists()  # the search did not delete the rebuild in progress
        _drain(job)
        assert writer.search("K7X", mode="keyword").hits[0].path == "notes/note-07.md"


def test_a_second_writer_waits_then_says_in_one_line_who_holds_the_index(kb, tmp_path):
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as writer:
        job = _paused(writer.index(rebuild=True))
        second = cli("index", kb, "--index-dir", tmp_path / "index", "--rebuild", "--wait", "0.5",
                     "--embedder", "hash-64")
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and f"pid {os.getpid()}" in lines[0] and "being written" in lines[0], second.stderr
        _drain(job)
    again = cli("index", kb, "--index-dir", tmp_path / "index", "--rebuild", "--embedder", "hash-64")
    assert again.returncode == 0, again.stderr


def test_a_writer_waits_for_the_other_to_finish(kb, tmp_path):
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as first:
        (kb / "notes/new.md").write_text("# New\n\nwallaby\n")
        job = _paused(first.index())
        waiting = subprocess.Popen([sys.executable, "-m", "kbassist.cli", "index", str(kb), "--index-dir",
                                    str(tmp_path / "index"), "--embedder", "hash-64", "--wait", "60"],
                                   env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _drain(job)
        finally:
            pass
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert "LockError" not in err


def test_a_search_during_an_update_answers_from_the_last_complete_index(kb, tmp_path):
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as writer:
        (kb / "notes/note-03.md").write_text("# Note 3\n\nLocker 3 now opens with code Z3Z.\n")
        (kb / "notes/new.md").write_text("# New\n\nwallaby\n")
        job = _paused(writer.index())
        search = cli("search", kb, "K7X", "--mode", "keyword", "--index-dir", tmp_path / "index", "--embedder",
                     "hash-64")
        assert search.returncode == 0, search.stderr
        assert "note-07.md" in search.stdout
        assert "being written" in search.stderr and "last complete index" in search.stderr
        _drain(job)


def test_an_interrupted_rebuild_is_tidied_by_the_next_writer_only(kb, tmp_path):
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as writer:
        job = _paused(writer.index(rebuild=True))
        job.close()  # cancelled: building/ stays until a writer tidies it
    assert (tmp_path / "index/building").exists()
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as next_writer:
        assert not (tmp_path / "index/building").exists()
        assert next_writer.search("K7X", mode="keyword").hits


def test_the_lock_is_released_when_its_holder_dies(kb, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from kbassist import Assistant\n"
        "from kbassist.embed.embedders import HashEmbedder\n"
        f"a = Assistant({str(kb)!r}, {str(tmp_path / 'index')!r}, embedder=HashEmbedder())\n"
        "with a.writing():\n"
        "    print('holding', flush=True)\n"
        "    time.sleep(600)\n")], env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with Assistant(kb, tmp_path / "index", embedder=HashEmbedder(), lock_wait_s=0.2) as other:
            with pytest.raises(IndexBusy, match=f"pid {holder.pid}"):
                other.update()
            holder.kill()
            holder.wait()
            other.update()  # the dead holder's lock went with it
    finally:
        holder.kill()
        holder.wait()


def test_a_full_disk_gives_one_line_and_the_old_index_keeps_answering(kb, tmp_path, monkeypatch):
    with full_disk(monkeypatch, "sqlite"):
        with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
            with pytest.raises(IndexDiskFull, match="disk is full"):
                assistant.update(rebuild=True)
            assert assistant.search("K7X", mode="keyword").hits[0].path == "notes/note-07.md"
    search = cli("search", kb, "K7X", "--mode", "keyword", "--index-dir", tmp_path / "index", "--embedder",
                 "hash-64")
    assert search.returncode == 0 and "note-07.md" in search.stdout, search.stderr


def test_a_read_only_index_folder_answers_searches_and_refuses_writes_in_one_line(kb, tmp_path):
    index = tmp_path / "index"
    cli("index", kb, "--index-dir", index, "--embedder", "hash-64")  # a snapshot and a settled WAL
    prefix = read_only_prefix(index)
    unchanged = cli("search", kb, "K7X", "--mode", "keyword", "--index-dir", index, "--embedder", "hash-64",
                    prefix=prefix)
    assert unchanged.returncode == 0 and "note-07.md" in unchanged.stdout, unchanged.stderr
    (kb / "notes/new.md").write_text("# New\n\nwallaby\n")
    changed = cli("search", kb, "K7X", "--index-dir", index, "--embedder", "hash-64", prefix=prefix)
    assert changed.returncode == 0 and "note-07.md" in changed.stdout, changed.stderr
    assert "last complete index" in changed.stderr
    index_run = cli("index", kb, "--index-dir", index, "--embedder", "hash-64", prefix=prefix)
    assert index_run.returncode == 1 and len(index_run.stderr.strip().splitlines()) == 1, index_run.stderr
    assert "Traceback" not in index_run.stderr
