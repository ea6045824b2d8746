"""Two files claiming one id get a stable, reported resolution (issue #17, finding 8).

Two files with the same `id:` flipped their ids on every edit (`b/x.md` <->
`b/x`), so snoozes and mark-reviewed hit the other article. Now the file whose
path gives the id keeps it, else the file whose path sorts first; the other
takes the id its path gives; a Problem names both files. The outcome depends
on the files alone, not on the order they were saved or read in.
"""
from __future__ import annotations

import pytest

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder


def _ids(assistant: Assistant) -> dict[str, str]:
    return {a.path: a.id for a in assistant.article_summaries()}


def _write(folder, rel: str, text: str) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def kb(tmp_path):
    folder = tmp_path / "kb"
    _write(folder, "b/x.md", "# X\n\nthe natural owner\n")  # its path gives the id b/x
    _write(folder, "c.md", "---\nid: b/x\n---\n# C\n\nclaims b/x too\n")
    _write(folder, "a.md", "---\nid: shared\n---\n# A\n\nfirst by path\n")
    _write(folder, "z.md", "---\nid: shared\n---\n# Z\n\nlast by path\n")
    return folder


EXPECTED = {"b/x.md": "b/x", "c.md": "c", "a.md": "shared", "z.md": "z"}


def test_duplicate_ids_resolve_by_the_files_and_stay_put_through_edits(kb, tmp_path):
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assistant.update()
        assert _ids(assistant) == EXPECTED
        problems = [p for p in assistant.problems() if "also claimed" in p.message]
        assert {p.file for p in problems} == {"c.md", "z.md"}
        assert any("b/x.md" in p.message for p in problems if p.file == "c.md")
        for rel in ("c.md", "b/x.md", "z.md", "a.md", "c.md"):  # the watcher's saves, one file at a time
            _write(kb, rel, (kb / rel).read_text(encoding="utf-8") + "\nedited\n")
            assistant.update([rel])
            assert _ids(assistant) == EXPECTED, rel
        assistant.update(rebuild=True)
        assert _ids(assistant) == EXPECTED


def test_the_order_files_arrive_in_does_not_change_who_keeps_an_id(kb, tmp_path):
    later = {rel: (kb / rel).read_text(encoding="utf-8") for rel in ("a.md", "b/x.md")}
    for rel in later:
        (kb / rel).unlink()
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assistant.update()
        assert _ids(assistant) == {"c.md": "b/x", "z.md": "shared"}  # alone, each keeps what it claims
        for rel, text in later.items():
            _write(kb, rel, text)
            assistant.update([rel])
        assert _ids(assistant) == EXPECTED
        (kb / "a.md").unlink()
        assistant.update(["a.md"])
        assert _ids(assistant)["z.md"] == "shared"  # the id is free again: its claimant gets it back
        assert not [p for p in assistant.problems() if p.file == "z.md" and "also claimed" in p.message]


def test_snooze_and_mark_reviewed_keep_hitting_the_same_file(kb, tmp_path):
    import datetime as dt

    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assistant.update()
        _write(kb, "z.md", (kb / "z.md").read_text(encoding="utf-8") + "\nedited\n")
        assistant.update(["z.md"])
        assistant.mark_reviewed("shared", dt.date(2026, 12, 1))
    assert "reviewed: 2026-12-01" in (kb / "a.md").read_text(encoding="utf-8")
    assert "reviewed" not in (kb / "z.md").read_text(encoding="utf-8")
