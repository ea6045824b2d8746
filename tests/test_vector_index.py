"""The vector index past its partitioning threshold: a real faiss IVF built in the background."""
import threading

import numpy as np

from kbassist import Assistant
from kbassist.index import vectors as vector_index
from kbassist.index.vectors import VectorIndex
from tests.kbfixtures import write_folder


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def _clustered(count: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    """Vectors around 40 topics, like chunks of articles about a few dozen products."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(40, dim))
    return _unit(centres[rng.integers(0, 40, count)] + rng.normal(scale=0.3, size=(count, dim)))


def test_large_index_partitions_in_background_and_keeps_every_change(monkeypatch):
    vectors = _clustered(4000)
    index = VectorIndex(32, partition_from=3000)
    index.add(np.arange(4000), vectors, replace=False)
    exhaustive = [index.search(v, 10) for v in vectors[:50]]

    # Hold the partitioning thread after it copied the index, so the changes below are made
    # while the partitioned copy is being built: they must reach it all the same.
    copied, go_on = threading.Event(), threading.Event()
    sample = vector_index._sample

    def held_sample(snapshot):
        copied.set()
        go_on.wait(30)
        return sample(snapshot)

    monkeypatch.setattr(vector_index, "_sample", held_sample)
    index.partition_in_background()
    assert copied.wait(30)
    index.add(np.array([10_000]), _unit(np.ones((1, 32))))
    index.remove([0, 1])
    index.add(np.array([5]), vectors[6:7])  # chunk 5 re-embedded with new text
    assert not index.partitioned and index.search(_unit(np.ones((1, 32)))[0], 1)[0][0] == 10_000
    go_on.set()

    assert index.wait_partitioned(timeout=60)
    assert len(index) == 3999
    assert index.search(_unit(np.ones((1, 32)))[0], 1)[0][0] == 10_000
    found = {i for i, _ in index.search(vectors[0], 50)}
    assert 0 not in found and 1 not in found
    assert {i for i, _ in index.search(vectors[6], 2)} == {5, 6}

    # Probing an eighth of the groups still finds nearly all of the exhaustive top 10.
    overlap = [len({i for i, _ in index.search(v, 10)} & {i for i, _ in before}) / 10
               for v, before in zip(vectors[2:50], exhaustive[2:])]
    assert np.mean(overlap) >= 0.9


def test_small_index_stays_exhaustive():
    index = VectorIndex(32)
    index.add(np.arange(500), _clustered(500), replace=False)
    index.partition_in_background()
    assert not index.wait_partitioned(timeout=1)


def test_search_through_assistant_after_partitioning(monkeypatch, tmp_path, use_embedder):
    """A folder's index past the (lowered) threshold answers as it did before the partitioning."""
    with Assistant(write_folder(tmp_path / "kb"), tmp_path / "index", embedder=use_embedder) as assistant:
        assistant.update()
        query = "how long until my money comes back"
        before = [h.id for h in assistant.search(query, k=3, mode="semantic").hits]
        monkeypatch.setattr(vector_index, "PARTITION_FROM", 10)
        assistant.reload()
        assistant.optimize_in_background()
        assert assistant.wait_settled(timeout=60)
        assert [h.id for h in assistant.search(query, k=3, mode="semantic").hits] == before


def test_a_search_from_any_thread_runs_faiss_on_one_thread():
    """OpenMP's thread count is per thread: a pool thread (the app's search lane, the API) used every core."""
    import faiss

    index = VectorIndex(32)
    index.add(np.arange(500), _clustered(500), replace=False)
    seen = []

    def search() -> None:
        index.search(_clustered(1, seed=3)[0], 5)
        seen.append(faiss.omp_get_max_threads())

    worker = threading.Thread(target=search)
    worker.start()
    worker.join()
    assert seen == [1]
