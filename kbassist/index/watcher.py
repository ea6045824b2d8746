"""Watching the knowledge folder and re-indexing saves, without Qt.

Editors save in bursts: a temp file is created, renamed over the article,
the old one deleted, sometimes twice. Each event marks its path dirty and
pushes that path's deadline `debounce_s` into the future; a single worker
thread applies the paths whose deadline passed, in one update, so one save
means one re-index. Swap and temp files are ignored; a folder moved or
deleted triggers a full (still incremental) rescan.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..knowledge.folder import is_article_path

log = logging.getLogger(__name__)

FULL_RESCAN = "*"


class FolderWatcher(FileSystemEventHandler):
    def __init__(self, folder: Path, apply: Callable[[Iterable[str] | None], object], debounce_s: float = 0.3,
                 on_error: Callable[[Exception], None] | None = None):
        self.folder = Path(folder)
        self._apply = apply
        self._debounce = debounce_s
        self._on_error = on_error
        self._due: dict[str, float] = {}
        self._cond = threading.Condition()
        self._stopping = False
        self._observer = Observer()
        self._worker = threading.Thread(target=self._run, name="kbassist-watcher", daemon=True)

    def start(self) -> None:
        self._observer.schedule(self, str(self.folder), recursive=True)
        self._observer.start()
        self._worker.start()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._observer.stop()
        self._observer.join(timeout=5)
        self._worker.join(timeout=5)

    # -- watchdog side (observer thread) ----------------------------------------
    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        for raw in filter(None, paths):
            rel = self._relative(os.fsdecode(raw))
            if rel is None:
                continue
            if event.is_directory:
                if event.event_type in ("moved", "deleted", "created"):
                    self._mark(FULL_RESCAN)
            elif is_article_path(rel):
                self._mark(rel)

    def _relative(self, path: str) -> str | None:
        try:
            return Path(path).relative_to(self.folder).as_posix()
        except ValueError:
            return None

    def _mark(self, rel: str) -> None:
        with self._cond:
            self._due[rel] = time.monotonic() + self._debounce
            self._cond.notify()

    # -- worker side ---------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping:
                    now = time.monotonic()
                    ready = [p for p, t in self._due.items() if t <= now]
                    if ready:
                        for p in ready:
                            del self._due[p]
                        break
                    timeout = min(self._due.values()) - now if self._due else None
                    self._cond.wait(timeout)
                if self._stopping:
                    return
            self._apply_safely(None if FULL_RESCAN in ready else ready)

    def _apply_safely(self, paths: list[str] | None) -> None:
        try:
            self._apply(paths)
        except Exception as exc:  # the watcher must outlive one bad update; the error is reported
            log.exception("re-indexing %s failed", paths or "the folder")
            if self._on_error is not None:
                self._on_error(exc)
