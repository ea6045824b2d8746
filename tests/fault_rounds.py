"""Kill an index write at a random moment, then check what is left (issue #17, "keep it fixed").

One round: change the folder (or not), start a writer process (a build, an
update after edits, renames or deletes, or vector snapshots), SIGKILL it at a
random moment of its work, then check, as the next user would:

- no process is left behind by the killed one;
- a search answers from the index as the kill left it;
- every article in that index is its old or its new content (none torn);
- the next `index` completes, and then the index equals what a fresh build
  of the folder gives (no article lost or stale).

Writers are forked from a forkserver that has kbassist and jieba's dictionary
loaded, so a round costs its work, not an interpreter start; they use the
deterministic hash embedder (index mechanics, not meaning). Shared by
tests/test_faults.py (a few dozen kills) and bench/faults.py (hundreds).
"""
from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from tests.faultkit import descendants, orphans_of

KINDS = ("build", "rebuild", "update", "rename", "delete", "snapshot")
WORDS = ("refund", "card", "order", "delivery", "reader", "battery", "charge", "cable", "account", "password",
         "locker", "parcel", "warranty", "invoice", "退款", "到账", "快递", "密码")


@dataclass(frozen=True)
class Outcome:
    kind: str
    killed: bool  # False: the work ended before the kill landed
    search_answered: bool
    torn: int  # articles in the index that were neither the old nor the new content
    lost: int  # articles wrong or missing after the next index
    processes_left: int
    error: str = ""

    @property
    def usable(self) -> bool:
        return self.search_answered and not self.error


def write_article(folder: Path, number: int, version: int, rnd: random.Random) -> None:
    path = folder / f"part-{number % 7}" / f"article-{number:04d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 60)))
                       for _ in range(rnd.randint(1, 5)))
    path.write_text(f"---\ntitle: Article {number} v{version}\ntags: [t{number % 5}]\n---\n# Article {number}\n\n"
                    f"## Section\n\n{body}\n\nCode K{number}X version {version}.\n", encoding="utf-8")


def make_folder(folder: Path, count: int, rnd: random.Random) -> None:
    for number in range(count):
        write_article(folder, number, 0, rnd)


def mutate(kind: str, folder: Path, rnd: random.Random) -> None:
    """Change the folder the way `kind` needs before the writer runs."""
    files = sorted(folder.rglob("*.md"))
    chosen = rnd.sample(files, max(1, len(files) // 4))
    for path in chosen:
        if kind == "update":
            number = int(path.stem.split("-")[1])
            write_article(folder, number, rnd.randint(1, 10 ** 6), rnd)
        elif kind == "rename":
            path.rename(path.with_name(f"renamed-{rnd.randint(0, 10 ** 6)}-{path.name}"))
        elif kind == "delete":
            path.unlink()


def _work(kind: str, folder: str, index: str, started) -> None:
    """The writer process: open, say so, do the work (killed somewhere in it)."""
    from kbassist import Assistant
    from kbassist.embed.embedders import HashEmbedder

    assistant = Assistant(folder, index, embedder=HashEmbedder())
    started.send(True)
    if kind == "rebuild":
        assistant.update(rebuild=True)
    elif kind == "snapshot":
        assistant.update()
        snapshot = Path(index) / "current" / "vectors.snapshot"
        for _ in range(10_000):  # nothing but snapshot writes, each whole: the kill lands inside one
            snapshot.unlink(missing_ok=True)
            assistant.save_vector_snapshot()
    else:
        assistant.update()
        assistant.save_vector_snapshot()


class Harness:
    """Runs kill rounds on one folder and index; `close()` ends the forkserver."""

    def __init__(self, root: Path, seed: int, articles: int = 120):
        self.rnd = random.Random(seed)
        self.folder, self.index = root / "kb", root / "index"
        make_folder(self.folder, articles, self.rnd)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["tests.fault_preload"])
        self.durations: dict[str, float] = {}

    def round(self, kind: str) -> Outcome:
        if kind == "build":
            shutil.rmtree(self.index, ignore_errors=True)
        elif kind in ("update", "rename", "delete"):
            mutate(kind, self.folder, self.rnd)
        old = self._stored_contents()
        new = folder_contents(self.folder)
        receiver, sender = self.context.Pipe(duplex=False)
        worker = self.context.Process(target=_work, args=(kind, str(self.folder), str(self.index), sender))
        worker.start()
        sender.close()
        killed, below, started_at = False, [], time.monotonic()
        if _started(receiver):
            started_at = time.monotonic()
            time.sleep(self.rnd.uniform(0, self.durations.get(kind, 0.5)))
            below = descendants(worker.pid)
            killed = worker.is_alive()
            _kill(worker.pid)
        worker.join(30)
        receiver.close()
        if not killed and kind != "snapshot":
            self.durations[kind] = max(0.05, time.monotonic() - started_at)
        return self._check(kind, killed, old, new, len(orphans_of(below)))

    def _stored_contents(self) -> dict[str, set[str]]:
        """path -> the bodies the index may hold for it now (its stored one, if any)."""
        from kbassist import Assistant
        from kbassist.embed.embedders import HashEmbedder

        if not (self.index / "current").exists():
            return {}
        with Assistant(self.folder, self.index, embedder=HashEmbedder()) as assistant:
            return {a.path: {a.body} for a in assistant.articles()}

    def _check(self, kind: str, killed: bool, old: dict, new: dict, left: int) -> Outcome:
        from kbassist import Assistant
        from kbassist.embed.embedders import HashEmbedder

        try:
            with Assistant(self.folder, self.index, embedder=HashEmbedder(), lock_wait_s=10) as assistant:
                answered = bool(assistant.search("refund card", mode="keyword").hits) or not old
                torn = sum(1 for a in assistant.articles()
                           if a.body not in old.get(a.path, set()) | new.get(a.path, set()))
                assistant.update()
                assistant.save_vector_snapshot()
                lost = differences(assistant, new)
            return Outcome(kind, killed, answered, torn, lost, left)
        except Exception as exc:  # noqa: BLE001 - counted: an index left unusable
            return Outcome(kind, killed, False, 0, len(new), left, f"{type(exc).__name__}: {exc}")

    def close(self) -> None:
        from multiprocessing import forkserver

        stop = getattr(forkserver._forkserver, "_stop", None)  # noqa: SLF001 - no public way to end it
        if stop is not None:
            stop()


def folder_contents(folder: Path) -> dict[str, set[str]]:
    """path -> {body} of every article as a fresh parse reads it."""
    from kbassist.knowledge.articles import parse_article

    contents = {}
    for path in folder.rglob("*.md"):
        rel = path.relative_to(folder).as_posix()
        contents[rel] = {parse_article(path.read_text(encoding="utf-8"), rel)[0].body}
    return contents


def differences(assistant, expected: dict[str, set[str]]) -> int:
    """Articles of the folder that the index lacks or holds wrongly, after it was brought up to date."""
    stored = {a.path: a.body for a in assistant.articles()}
    wrong = sum(1 for path, bodies in expected.items() if stored.get(path) not in bodies)
    extra = sum(1 for path in stored if path not in expected)
    unsearchable = 0
    for path in expected:
        number = int(path.rsplit("-", 1)[1].split(".")[0])
        hits = assistant.search(f"K{number}X", mode="keyword", k=3).hits
        unsearchable += not any(h.path == path for h in hits)
    pending = assistant.stats()["pending_vectors"]
    return wrong + extra + unsearchable + (1 if pending else 0)


def _started(receiver) -> bool:
    try:
        return receiver.poll(60) and receiver.recv()
    except EOFError:  # the writer died before it opened the index
        return False


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
