"""Whole-or-nothing file writes and the clean-up of what killed writers leave."""
import os
import time

import pytest

from kbassist.atomic import remove_leftovers, replacing


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "vectors.snapshot"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with replacing(target) as out:
            out.write(b"half of the new")
            raise RuntimeError("disk gone")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vectors.snapshot"]


def test_leftovers_of_killed_writers_are_removed_once_old(tmp_path):
    target = tmp_path / "vectors.snapshot"
    old, fresh = tmp_path / ".vectors.snapshot.abc.tmp", tmp_path / ".vectors.snapshot.def.tmp"
    for path in (old, fresh):
        path.write_bytes(b"partial")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    remove_leftovers(target)
    assert not old.exists() and fresh.exists()  # a writer may still be busy with the fresh one
