"""Large builds in worker processes (`assistant.jobs`): same index, the caller's process left free."""
from __future__ import annotations

from pathlib import Path

import pytest
from kbfixtures import write_folder

from kbassist.assistant import Assistant
from kbassist.jobs import WorkerStopped
from kbassist.settings import Settings


def _drain(job) -> list:
    return list(job)


def _assistant(tmp_path: Path) -> Assistant:
    folder = write_folder(tmp_path / "kb")
    return Assistant(folder, tmp_path / "index", settings=Settings(embedder="use-multilingual"),
                     wait_for_model=False)


def test_a_worker_builds_the_index_the_app_then_searches(tmp_path):
    with _assistant(tmp_path) as assistant:
        progress = _drain(assistant.jobs.index(bulk_files=1))
        assert progress and progress[-1].done == progress[-1].total
        assert assistant.search("error E21 charging", mode="keyword").hits[0].title.startswith("Reader shows")

        embedded = _drain(assistant.jobs.embed(bulk_chunks=1))
        assert embedded[-1].done == embedded[-1].total == assistant.stats()["chunks"]
        assert assistant.semantic_ready
        assert not assistant.model_loaded  # every vector came from the worker, none was computed here
        assistant.wait_for_model = True
        hits = assistant.search("my money has not come back yet", mode="semantic").hits
        assert hits[0].id.startswith("refunds/refund-time")


def test_a_cancelled_worker_leaves_an_index_that_completes_later(tmp_path):
    folder = write_folder(tmp_path / "kb")
    for i in range(40):
        (folder / f"notes/note-{i:02d}.md").parent.mkdir(exist_ok=True)
        (folder / f"notes/note-{i:02d}.md").write_text(f"# Note {i}\n\nParcel locker code {i} expires.\n",
                                                       encoding="utf-8")
    with Assistant(folder, tmp_path / "index", settings=Settings(embedder="use-multilingual"),
                   wait_for_model=False) as assistant:
        job = assistant.jobs.index(bulk_files=1)
        next(job)
        job.close()  # the worker stops after its batch; nothing is left half-written
        assistant.reload()
        _drain(assistant.jobs.index(bulk_files=10_000))  # the rest, in-process
        assert sum(a.path.startswith("notes/note-") for a in assistant.article_summaries()) == 40
        assert assistant.search("parcel locker code 7", mode="keyword").hits


def test_a_save_during_a_worker_embed_is_embedded_by_the_job_not_by_the_update(tmp_path):
    with _assistant(tmp_path) as assistant:
        assistant.embed_on_update = False  # as the app sets it
        _drain(assistant.jobs.index(bulk_files=1))
        job = assistant.jobs.embed(bulk_chunks=1)
        next(job)
        (assistant.folder / "devices/new-cable.md").write_text(
            "# Which cable charges the reader\n\nUse the USB-C cable from the box.\n", encoding="utf-8")
        assistant.update(["devices/new-cable.md"])  # the watcher's call while the worker embeds
        assert not assistant.model_loaded
        _drain(job)
        assert assistant.semantic_ready


def test_a_review_in_a_worker_matches_the_one_in_process(tmp_path):
    import datetime as dt

    with _assistant(tmp_path) as assistant:
        assistant.update()
        as_of = dt.date(2027, 6, 1)
        here = assistant.review(as_of)
        there = assistant.jobs.review(as_of, bulk_articles=1)
        assert there.items == here.items
        assert there.items  # a year on, the fixtures' review dates are overdue


def test_a_build_killed_mid_write_leaves_an_index_that_opens_and_completes(tmp_path):
    folder = write_folder(tmp_path / "kb")
    for i in range(1000):  # three write batches: the kill lands while the second is written
        path = folder / f"bulk/{i // 100:02d}/note-{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Note {i}\n\nLocker {i} opens with code K{i}X.\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    with Assistant(folder, index_dir, settings=Settings(embedder="use-multilingual")) as assistant:
        job = assistant.jobs.index(bulk_files=1)
        progress = next(job)
        while progress.done == 0:
            progress = next(job)
        assistant.jobs.stop()  # SIGTERM: no clean-up in the worker
        with pytest.raises(WorkerStopped):
            _drain(job)
    with Assistant(folder, index_dir, settings=Settings(embedder="use-multilingual")) as assistant:
        assistant.update()
        assert sum(a.path.startswith("bulk/") for a in assistant.article_summaries()) == 1000
        assert assistant.search("K777X", mode="keyword").hits[0].path == "bulk/07/note-0777.md"


def test_two_workers_share_the_embedding_and_every_chunk_gets_one_vector(tmp_path):
    with _assistant(tmp_path) as assistant:
        _drain(assistant.index(embed=False))
        chunks = assistant.stats()["chunks"]
        progress = _drain(assistant.jobs.embed(bulk_chunks=1, workers=2))
        assert progress[-1].done == chunks and assistant.semantic_ready and not assistant.model_loaded
        assert len(assistant.article_vectors()) == assistant.stats()["articles"]


def test_a_build_reads_and_embeds_side_by_side_into_one_complete_index(tmp_path):
    folder = write_folder(tmp_path / "kb")
    with Assistant(folder, tmp_path / "index", settings=Settings(embedder="auto"), wait_for_model=False) as assistant:
        files = len(assistant.folder_diff().added)
        job = assistant.jobs.build(bulk_files=1, workers=2)
        progress = []
        while True:
            try:
                progress.append(next(job))
            except StopIteration as done:
                change = done.value
                break
        assert len(change.added) == assistant.stats()["articles"] and files >= assistant.stats()["articles"]
        assert {p.label for p in progress} >= {"indexing keywords"}
        stats = assistant.stats()
        assert stats["pending_vectors"] == 0 and stats["embedder"] == "use-multilingual"  # bilingual: USE
        assert not assistant.model_loaded  # the workers embedded everything
        assert len(assistant.article_vectors()) == stats["articles"]
        assistant.wait_for_model = True
        assert assistant.search("my money has not come back yet", mode="semantic").hits[0].id.startswith(
            "refunds/refund-time")


def test_an_embedding_job_waits_for_the_chunks_a_reader_is_still_adding(tmp_path):
    with _assistant(tmp_path) as assistant:
        assistant.embed_on_update = False
        assistant.update()
        late = assistant.folder / "devices/late.md"
        answers = iter(["reading", "reading", "write", "done"])  # the second finds nothing new: it waits

        def more_coming() -> bool:
            answer = next(answers, "done")
            if answer == "write":  # the reader stores another file while the job runs
                late.write_text("# Which cable charges the reader\n\nUse the USB-C cable from the box.\n",
                                encoding="utf-8")
                assistant.update(["devices/late.md"])
            return answer != "done"

        embedded = _drain(assistant.embed_pending(more_coming=more_coming))
        assert next(answers, "all asked") == "all asked"
        assert assistant.stats()["pending_vectors"] == 0
        assert embedded[-1].done == assistant.stats()["chunks"]
        assert assistant.search("which cable charges it", mode="semantic").hits[0].path == "devices/late.md"


def test_auto_is_settled_from_a_sample_before_an_english_folder_is_read(tmp_path):
    folder = tmp_path / "kb"
    folder.mkdir()
    for i in range(30):
        (folder / f"faq-{i:02d}.md").write_text(f"# Question {i}\n\nHow to reset device {i}.\n", encoding="utf-8")
    with Assistant(folder, tmp_path / "index", settings=Settings(embedder="auto"), wait_for_model=False) as assistant:
        assistant.settle_embedder(assistant.folder_diff().added)
        assert assistant.stats()["embedder"] == "use+minilm" and not assistant.model_loaded
    with Assistant(folder, tmp_path / "index", settings=Settings(embedder="auto"), wait_for_model=False) as again:
        assert again.stats()["embedder"] == "use+minilm"  # recorded: the workers and the next start agree
