"""Links never take kbassist out of the folder (issue #17, findings 4 and 9).

`ln -s /etc/passwd kb/passwd.md` once got /etc/passwd indexed and searchable,
and --mark-reviewed on a linked article wrote into a file outside the folder.
Links inside the folder are followed; a link out of it is read only when the
settings allow it (and never written through: test_review_mark.py); broken links and special files
(FIFOs) are reported as skipped, with the reason.
"""
from __future__ import annotations

import os

import pytest

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.settings import Settings
from tests.kbfixtures import write_folder


@pytest.fixture
def kb(tmp_path):
    kb = write_folder(tmp_path / "kb")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nthe launch code is aardvark\n", encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "more.md").write_text("# More\n\nbandicoot\n", encoding="utf-8")
    os.symlink(outside / "secret.md", kb / "passwd.md")
    os.symlink(outside / "folder", kb / "linked-folder")
    os.symlink(kb / "devices/charging-error.md", kb / "alias.md")  # inside the folder: fine
    os.symlink(tmp_path / "nowhere.md", kb / "dangling.md")
    os.mkfifo(kb / "pipe.md")
    return kb


def _open(kb, tmp_path, **settings) -> Assistant:
    assistant = Assistant(kb, tmp_path / "index", embedder=HashEmbedder(), settings=Settings(**settings))
    assistant.update()
    return assistant


def test_links_out_of_the_folder_are_not_read_and_say_why(kb, tmp_path):
    assistant = _open(kb, tmp_path)
    assert not assistant.search("aardvark launch code", mode="keyword").hits
    assert not assistant.search("bandicoot", mode="keyword").hits
    problems = {p.file: p.message for p in assistant.problems()}
    assert "outside the folder" in problems["passwd.md"]
    assert "outside the folder" in problems["linked-folder"]
    assert "broken link" in problems["dangling.md"]
    assert "not a regular file" in problems["pipe.md"]
    assert {h.path for h in assistant.search("E21", mode="keyword", k=10).hits} >= {"alias.md",
                                                                                   "devices/charging-error.md"}


def test_a_setting_allows_reading_through_links_out_of_the_folder(kb, tmp_path):
    assistant = _open(kb, tmp_path, follow_outside_links=True)
    assert assistant.search("aardvark launch code", mode="keyword").hits[0].path == "passwd.md"
    assert assistant.search("bandicoot", mode="keyword").hits[0].path == "linked-folder/more.md"


def test_a_save_seen_by_the_watcher_follows_the_same_rules(kb, tmp_path):
    assistant = _open(kb, tmp_path)
    assistant.update(["passwd.md", "pipe.md", "linked-folder/more.md"])  # as the watcher would
    assert not assistant.search("aardvark launch code", mode="keyword").hits
    assert not assistant.search("bandicoot", mode="keyword").hits
