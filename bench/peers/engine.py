"""kbassist itself as a peer, through the engine facade the app uses.

`kbassist.assistant` is imported when the peer is built, not when this
module is, so the peers above still run while the engine is being written
or is broken; `available()` says whether it can be used. Building runs
`assistant.jobs.build()` (as `kbassist index` does) into `index_dir`, then waits
for the index to settle (a large folder's vectors are partitioned in the
background, as in the app). The time per query is the wall time of
`Assistant.search` in this process, with the model loaded and the index
warm; the engine's own `took_ms` is kept too.
"""
from __future__ import annotations

import importlib
import time
from pathlib import Path

from . import Ranked


def available() -> str | None:
    """None when kbassist's engine can be imported, else why not."""
    try:
        importlib.import_module("kbassist.assistant")
    except Exception as exc:  # any failure to import means "n/a" in the report, with the reason
        return f"{type(exc).__name__}: {exc}"
    return None


class KbassistPeer:
    def __init__(self, index_dir: Path, embedder: str = "use-multilingual", mode: str = "hybrid"):
        self.index_dir, self.embedder, self.mode = Path(index_dir), embedder, mode
        self.name = f"kbassist {mode}" + ("" if mode == "keyword" else f" ({embedder})")
        self.assistant = None

    def open(self, folder: Path):
        """An `Assistant` on the folder with default settings (the user's own settings file is ignored)."""
        from kbassist.assistant import Assistant
        from kbassist.settings import Settings

        self.assistant = Assistant(folder, index_dir=self.index_dir, settings=Settings(), embedder=self.embedder)
        return self.assistant

    def in_mode(self, mode: str) -> "KbassistPeer":
        """The same built index searched in another mode (keyword, semantic, hybrid)."""
        peer = KbassistPeer(self.index_dir, self.embedder, mode)
        peer.assistant = self.assistant
        return peer

    def build(self, folder: Path) -> dict:
        start = time.perf_counter()
        assistant = self.open(folder)
        for _ in assistant.jobs.build():  # as `kbassist index` builds: embedding on every core
            pass
        assistant.save_vector_snapshot()  # as `kbassist index` does
        built = time.perf_counter()
        assistant.calibrate()  # as `kbassist index` does too: the no-answer threshold, the intent classifier
        calibrated = time.perf_counter()
        stats = assistant.stats()
        # Queries are timed on the index the app settles into: past ~100k chunks
        # it partitions the vectors in the background, scanning them all until then.
        assistant.optimize_in_background()
        partitioned = assistant.wait_settled()
        return {"build_s": built - start, "calibrate_s": calibrated - built, "articles": stats["articles"],
                "chunks": stats["chunks"], "partitioned": partitioned, "settle_s": time.perf_counter() - calibrated}

    def search(self, query: str, k: int) -> Ranked:
        start = time.perf_counter()
        try:
            result = self.assistant.search(query, k=k, mode=self.mode)
        except Exception as exc:  # a failing query is recorded, and the run goes on
            return Ranked((), True, (time.perf_counter() - start) * 1000, f"{type(exc).__name__}: {exc}")
        ms = (time.perf_counter() - start) * 1000
        return Ranked(tuple(hit.id for hit in result.hits), result.no_answer, ms)

    def close(self) -> None:
        if self.assistant is not None:
            self.assistant.close()
