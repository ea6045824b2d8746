"""The fault harness: kills at random moments, a full disk at each write site (issue #17, "keep it fixed").

After each fault: a search answers, every article in the index is its old or
its new content, the next index completes and matches the folder, and no
process is left behind. bench/faults.py runs the same rounds by the hundred.
"""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.errors import IndexUnwritable, KbError
from tests.fault_rounds import KINDS, Harness, folder_contents, make_folder, mutate, differences
from tests.faultkit import full_disk

KILLS = 20
MAX_ROUNDS = 80


def test_sigkill_at_random_moments_of_every_kind_of_write_leaves_a_usable_index(tmp_path):
    harness = Harness(tmp_path, seed=17)
    outcomes = []
    try:
        while sum(o.killed for o in outcomes) < KILLS and len(outcomes) < MAX_ROUNDS:
            outcomes.append(harness.round(KINDS[len(outcomes) % len(KINDS)]))
    finally:
        harness.close()
    killed = [o for o in outcomes if o.killed]
    assert len(killed) >= KILLS, Counter(o.kind for o in killed)
    assert set(o.kind for o in killed) == set(KINDS), Counter(o.kind for o in killed)
    bad = [o for o in outcomes if not o.usable or o.torn or o.lost or o.processes_left]
    assert not bad, bad


def test_a_search_of_an_index_with_nothing_in_it_answers_nothing(tmp_path):
    """What a first build killed before its first commit leaves (the harness found this)."""
    (tmp_path / "kb").mkdir()
    with Assistant(tmp_path / "kb", tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assistant.update()
        assert assistant.search("refund", mode="keyword").hits == ()


SITES = ("sqlite", "keyword", "vectors.snapshot", "writer.lock")


@pytest.mark.parametrize("operation", ["update", "rebuild"])
@pytest.mark.parametrize("site", SITES)
def test_a_full_disk_at_any_write_site_leaves_the_index_as_it_was(tmp_path, monkeypatch, site, operation):
    rnd = random.Random(f"{site}-{operation}")
    kb, index = tmp_path / "kb", tmp_path / "index"
    make_folder(kb, 40, rnd)
    with Assistant(kb, index, embedder=HashEmbedder()) as assistant:
        assistant.update()
    old = folder_contents(kb)
    mutate("update", kb, rnd)
    new = folder_contents(kb)
    with full_disk(monkeypatch, site):
        with Assistant(kb, index, embedder=HashEmbedder()) as assistant:
            try:
                assistant.update(rebuild=operation == "rebuild")
                assistant.save_vector_snapshot()  # only a speed-up: a refusal is logged, not raised
            except IndexUnwritable as exc:
                assert "\n" not in str(exc) and "disk is full" in str(exc)
            assert assistant.search("refund card", mode="keyword").hits  # the same process goes on searching
    with Assistant(kb, index, embedder=HashEmbedder()) as reader:  # the next process too
        assert reader.search("refund card", mode="keyword").hits
        assert all(a.body in old.get(a.path, set()) | new.get(a.path, set()) for a in reader.articles())
        reader.update()  # space freed: the next index completes
        assert differences(reader, new) == 0


def test_a_full_disk_while_marking_reviewed_leaves_the_article_as_it_was(tmp_path, monkeypatch):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "a.md").write_text("---\ntitle: A\nreviewed: 2026-01-01\n---\n# A\n\nBody\n", encoding="utf-8")
    with Assistant(kb, tmp_path / "index", embedder=HashEmbedder()) as assistant:
        assistant.update()
        with full_disk(monkeypatch, "a.md"):
            with pytest.raises(KbError, match="a.md") as raised:
                assistant.mark_reviewed("a", dt.date(2026, 12, 1))
        assert "\n" not in str(raised.value)
    assert "reviewed: 2026-01-01" in (kb / "a.md").read_text(encoding="utf-8")
