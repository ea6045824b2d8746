"""A real watchdog observer on a temp folder: saves become searchable within about a second."""
from __future__ import annotations

import os
import threading

import pytest

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from tests.kbfixtures import write_folder


@pytest.fixture
def watched(tmp_path):
    kb = write_folder(tmp_path / "kb")
    assistant = Assistant(kb, tmp_path / "index", embedder=HashEmbedder())
    assistant.update()
    changes = []
    arrived = threading.Event()

    def record(change):
        changes.append(change)
        arrived.set()

    assistant.on_index_did_update(record)
    watcher = assistant.watch(debounce_s=0.3)
    yield kb, assistant, changes, arrived
    watcher.stop()
    assistant.close()


def wait_for(arrived: threading.Event, changes: list, predicate, timeout: float = 10.0):
    """Wait on update events (not sleeps) until one satisfies `predicate`."""
    while True:
        assert arrived.wait(timeout), f"no matching index update within {timeout}s; saw {changes}"
        arrived.clear()
        if any(predicate(c) for c in changes):
            return


def test_new_file_becomes_searchable(watched):
    kb, assistant, changes, arrived = watched
    (kb / "new-topic.md").write_text("# Gift wrapping\n\nWe wrap gifts in recycled kraft paper.\n")
    wait_for(arrived, changes, lambda c: "new-topic" in c.added)
    assert assistant.search("kraft paper gift", mode="keyword").hits[0].id == "new-topic"


def test_editor_save_by_rename_is_one_update_of_the_article(watched):
    kb, assistant, changes, arrived = watched
    target = kb / "devices/charging-error.md"
    temp = kb / "devices/.charging-error.md.swp"
    temp.write_text(target.read_text().replace("room temperature", "room temperature (about twenty degrees)"))
    os.replace(temp, target)  # how vim, VS Code and many others save
    wait_for(arrived, changes, lambda c: "devices/charging-error" in c.updated)
    assert assistant.search("twenty degrees", mode="keyword").hits[0].id == "devices/charging-error"
    updates = [c for c in changes if "devices/charging-error" in c.updated]
    assert len(updates) == 1


def test_deleted_file_leaves_the_results(watched):
    kb, assistant, changes, arrived = watched
    (kb / "notes/plain-note.md").unlink()
    wait_for(arrived, changes, lambda c: "notes/plain-note" in c.removed)
    assert all(h.id != "notes/plain-note" for h in assistant.search("ferry islands", mode="keyword").hits)


def test_swap_and_temp_files_are_ignored(watched):
    kb, assistant, changes, arrived = watched
    (kb / ".draft.md.swp").write_text("# not an article")
    (kb / "notes.md~").write_text("# backup")
    (kb / "real.md").write_text("# Real article\n\nplatypus\n")
    wait_for(arrived, changes, lambda c: "real" in c.added)
    assert all(".swp" not in a and "~" not in a for c in changes for a in c.added)
