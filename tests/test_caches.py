"""Per-user caches are read only when they are ours and well formed (issue #17, findings 1 and 2).

The jieba dictionary cache once lived under a fixed name in the shared temp
folder: a 37-byte file planted there by another user broke every `index` and
`search` on the machine. The USE weights cache was a pickle. Both now live in
the per-user cache folder, hold plain data, and are rebuilt from their source
on any doubt: another owner, writable by others, a link, wrong content.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str, data_dir: Path, temp: Path | None = None) -> subprocess.CompletedProcess:
    """`code` in a fresh interpreter (jieba's dictionary is loaded once per process); `temp` stands in
    for the shared temp folder (never plant files in the real one)."""
    env = {**os.environ, "KBASSIST_DATA_DIR": str(data_dir), "KBASSIST_CACHE_DIR": str(data_dir / "cache"),
           "PYTHONPATH": str(ROOT)}
    if temp is not None:
        temp.mkdir(exist_ok=True)
        env["TMPDIR"] = str(temp)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def _make_foreign(path: Path) -> None:
    """Another user's file: chown when we may (root), else writable by everyone: either is not ours."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(path, 54321, 54321)
    else:
        path.chmod(0o666)


PLANT_JIEBA = """
    import marshal, os, sys
    from pathlib import Path
    import jieba
    from kbassist.index import jieba_dict
    path = Path(jieba_dict._cache_path(jieba.dt))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes({content})
    {foreign}
    jieba_dict.load()
    print(" ".join(jieba.lcut("退款多久到账")))
    print(path.parent)
"""


@pytest.mark.parametrize("content", ['marshal.dumps("x") + marshal.dumps(0)', 'b"KBJIEBA1" + b"\\x00" * 29'])
def test_a_jieba_cache_planted_by_another_user_is_not_read(tmp_path, content):
    foreign = ("import tests.test_caches as t; t._make_foreign(path)")
    proc = _run(PLANT_JIEBA.format(content=content, foreign=foreign), tmp_path / "data")
    assert proc.returncode == 0, proc.stderr
    words, folder = proc.stdout.splitlines()
    assert "退款" in words.split()
    assert Path(folder).is_relative_to(tmp_path / "data")  # per user, never the shared temp folder


def test_jiebas_own_cache_in_the_shared_temp_folder_is_never_read(tmp_path):
    """With no cache of ours, jieba builds its dictionary, and it looked first for /tmp/jieba.cache."""
    temp = tmp_path / "shared-tmp"
    temp.mkdir()
    planted = temp / "jieba.cache"
    planted.write_bytes(__import__("marshal").dumps(("x", 0)))
    _make_foreign(planted)
    proc = _run("""
        import jieba
        from kbassist.index import jieba_dict
        jieba_dict.load()
        print(" ".join(jieba.lcut("退款多久到账")))
    """, tmp_path / "data", temp)
    assert proc.returncode == 0, proc.stderr
    assert "退款" in proc.stdout.split()


def test_a_damaged_jieba_cache_of_our_own_is_rebuilt(tmp_path):
    proc = _run(PLANT_JIEBA.format(content='b"KBJIEBA1" + os.urandom(300)', foreign="pass"), tmp_path / "data")
    assert proc.returncode == 0, proc.stderr
    assert "退款" in proc.stdout.split()
    again = _run(PLANT_JIEBA.replace("path.write_bytes({content})", "").format(foreign="pass"),
                 tmp_path / "data")  # the rebuilt cache is read by the next process
    assert again.returncode == 0 and "退款" in again.stdout.split(), again.stderr


class _Planted:
    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return os.mkdir, (self.marker,)


def test_the_use_weights_cache_is_never_unpickled(tmp_path):
    from kbassist.embed import use_cache

    marker = tmp_path / "ran"
    cache = use_cache._cache_path("weights.npz", "use-weights")
    cache.parent.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(_Planted(marker))
    cache.with_suffix(".arrays.pickle").write_bytes(payload)  # where earlier versions kept the small arrays
    import numpy as np

    with open(cache.with_suffix(".arrays.npz"), "wb") as out:  # an object array holds a pickle
        np.savez(out, proj_W=np.array([_Planted(marker)], dtype=object))
    weights = use_cache.load_weights()
    assert not marker.exists()
    assert weights.proj_W.dtype == np.float32 and len(weights.w1) == 3
    again = use_cache.load_weights()  # from the cache just written
    assert np.array_equal(again.proj_W, weights.proj_W) and isinstance(again.eps, float)
    assert not marker.exists()
