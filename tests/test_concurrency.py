"""The concurrency contract of `Assistant` (docs/architecture.md), with real threads and worker processes."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from kbfixtures import write_folder

from kbassist.assistant import Assistant
from kbassist.errors import IndexClosed, WorkerStopped
from kbassist.jobs import Cancel
from kbassist.settings import Settings

HASH = Settings(embedder="hash")
QUERIES = ("refund to my credit card", "退款多久到账", "reader shows E21", "change my delivery address")


@pytest.fixture
def assistant(tmp_path):
    with Assistant(write_folder(tmp_path / "kb"), tmp_path / "index", settings=HASH) as opened:
        opened.update()
        yield opened


def test_searches_from_many_threads_at_once_give_the_answers_of_one_thread(assistant):
    alone = {q: [h.id for h in assistant.search(q).hits] for q in QUERIES}
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda q: (q, [h.id for h in assistant.search(q).hits]), QUERIES * 25))
    assert all(ids == alone[q] for q, ids in together)


def test_a_search_beside_a_write_sees_the_article_before_or_after_never_broken(assistant):
    path = assistant.folder / "refunds/refund-time.md"
    original = path.read_text(encoding="utf-8")
    stop = threading.Event()
    seen: list[str] = []

    def search_loop() -> None:
        while not stop.is_set():
            hits = assistant.search("refund credit card", mode="keyword").hits
            seen.append(hits[0].title if hits else "")

    reader = threading.Thread(target=search_loop)
    reader.start()
    try:
        for n in range(15):
            path.write_text(original.replace("When will my refund arrive?", f"Refund timing, edit {n}", 1),
                            encoding="utf-8")
            assistant.update(["refunds/refund-time.md"])
    finally:
        stop.set()
        reader.join()
    assert seen and all(t == "When will my refund arrive?" or t.startswith("Refund timing, edit") for t in seen)


def test_close_waits_for_a_search_in_flight_and_later_calls_say_the_index_is_closed(tmp_path):
    assistant = Assistant(write_folder(tmp_path / "kb"), tmp_path / "index", settings=HASH)
    assistant.update()
    results: list[object] = []

    def search_many() -> None:
        for _ in range(200):
            try:
                results.append(assistant.search("refund"))
            except IndexClosed as exc:
                results.append(exc)
                return

    threads = [threading.Thread(target=search_many) for _ in range(3)]
    for t in threads:
        t.start()
    assistant.close()
    for t in threads:
        t.join()
    assert all(isinstance(r, IndexClosed) or r.hits for r in results)  # never a half-closed index
    with pytest.raises(IndexClosed):
        assistant.search("refund")
    assistant.close()  # twice is fine


def test_stopping_the_jobs_from_another_thread_ends_a_worker_build_and_refuses_more(tmp_path):
    folder = write_folder(tmp_path / "kb")
    for i in range(400):
        path = folder / f"bulk/note-{i:03d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"# Note {i}\n\nLocker {i} opens with code K{i}X.\n", encoding="utf-8")
    with Assistant(folder, tmp_path / "index", settings=HASH) as assistant:
        job = assistant.jobs.index(bulk_files=1)
        next(job)  # the worker process is running
        workers = assistant.jobs.processes()
        assert workers
        threading.Thread(target=assistant.jobs.stop).start()
        with pytest.raises(WorkerStopped):
            list(job)
        for worker in workers:
            worker.join(10)
            assert not worker.is_alive()
        with pytest.raises(WorkerStopped):
            next(assistant.jobs.index(bulk_files=1))


def test_a_cancel_that_arrives_before_the_assistant_exists_stops_its_jobs_when_bound(assistant):
    cancel = Cancel()
    cancel.stop()  # the window closed while the folder was still opening
    cancel.bind(assistant.jobs)
    with pytest.raises(WorkerStopped):
        next(assistant.jobs.embed(bulk_chunks=1))


def test_close_waits_for_a_review_in_flight_instead_of_closing_the_database_under_it(tmp_path):
    import datetime as dt

    assistant = Assistant(write_folder(tmp_path / "kb"), tmp_path / "index", settings=HASH)
    assistant.update()
    outcome: list[object] = []
    first = threading.Event()

    def review_many() -> None:
        while True:  # until the close refuses the next one
            try:
                outcome.append(assistant.review(dt.date(2027, 1, 1), duplicates=False, gaps=False))
            except IndexClosed as exc:
                outcome.append(exc)
                return
            finally:
                first.set()

    thread = threading.Thread(target=review_many)
    thread.start()
    first.wait(30)
    assistant.close()
    thread.join()
    assert isinstance(outcome[-1], IndexClosed)
    assert all(isinstance(o, IndexClosed) or o.items for o in outcome)
