"""`Assistant`: the one object the CLI, the GUI and the tests talk to.

It owns a knowledge folder and its index directory. Opening it never
rebuilds: the manifest decides which files changed while the app was closed.
Its parts: `jobs` (large builds, embedding and reviews in worker processes)
and the editors' review (`review`, `mark_reviewed`, `snooze`).

Concurrency (docs/architecture.md has the whole contract): any thread may
call any method. Writes (index, update, rebuild, embed, mark reviewed) are
serialised by one lock; searches and suggestions are serialised by another,
beside the writes, against the last committed state. `close()` stops the
jobs, waits for a search in flight, and later calls raise `IndexClosed`.

Index directory layout: `<index_dir>/current/` holds `store.sqlite3` and
`keyword/`. A rebuild is written to `<index_dir>/building/` and swapped in by
renames, so a crash or kill mid-rebuild leaves the previous index in use.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generator, Iterable, Sequence

import numpy as np

from .assist.history import History
from .assist.model import SuggestResult
from .assist.triage import Lexicon, load_lexicon
from .embed.embedders import (
    AUTO,
    AUTO_CHOICES,
    DualEmbedder,
    Embedder,
    HashEmbedder,
    UseEmbedder,
    choose_embedder,
    embedder_name,
    load_embedder,
)
from .errors import FolderNotFound, IndexClosed, Problem
from .index.directory import IndexDir, default_index_dir
from .index.indexer import FolderDiff, diff_folder, embed_pending, parse_file, sync_files
from .index.model import IndexChange, Progress
from .index.store import summary
from .index.vectors import VectorIndex
from .knowledge.model import Article
from .jobs import Jobs
from .review.part import EditorialReview
from .search import spelling
from .assist import escalation, escalation_model
from .search import calibration
from .search.hybrid import Filters, HybridSearcher, Tuning
from .search.model import SearchResult
from .settings import Settings, data_dir, load_settings

if TYPE_CHECKING:
    from .review import ReviewReport

ESCALATION_MODEL = "escalation.npz"  # in the index directory, trained with the no-answer calibration
LANGUAGE_SAMPLE = 500  # files read to choose the `auto` embedder before a build that embeds while it reads


class Assistant:
    """Facade over a knowledge folder: index it, keep it fresh, search it."""

    def __init__(self, folder: str | Path, index_dir: str | Path | None = None, *,
                 settings: Settings | None = None, embedder: str | Embedder | None = None,
                 wait_for_model: bool = True, with_vectors: bool = True):
        self.folder = Path(folder).expanduser().resolve()
        if not self.folder.is_dir():
            raise FolderNotFound(f"knowledge folder not found: {self.folder}")
        self.notices: list[str] = []
        if settings is None:  # the CLI's case: a broken settings file is said, not silently replaced
            settings, problems = load_settings()
            self.notices.extend(str(p) for p in problems)
        self.settings = settings
        self.index_dir = Path(index_dir) if index_dir else default_index_dir(self.folder, self.settings)
        self.wait_for_model = wait_for_model
        self._with_vectors = with_vectors  # False: a worker process that writes the index, never searches it
        if embedder is None or isinstance(embedder, str):
            self._embedder_spec, self._embedder = embedder or self.settings.embedder, None
        else:
            self._embedder_spec, self._embedder = embedder.name, embedder
        self.embedder_setting = self._embedder_spec  # as asked for, `auto` unresolved: for worker processes
        self.embed_on_update = True  # False: updates do the keyword phase only; the caller embeds (in workers)
        self._model_lock = threading.Lock()
        self._use: UseEmbedder | None = None  # the escalation models' own, when the folder's embedder has none
        self._write_lock = threading.RLock()
        # The keyword reader and the SQLite connection are shared: two searches stepping them at once
        # crashed the app at 10,000 articles. A search takes milliseconds, so they queue here.
        self._search_lock = threading.Lock()
        # Reads in flight (a search, a review, an article): close() waits for them, later ones are refused.
        self._gate = threading.Condition()
        self._readers = 0
        self._closing = False
        self._listeners: list[Callable[[IndexChange], None]] = []
        self._scan_problems: list[Problem] = []
        self._closed = False
        self.jobs = Jobs(self)
        self._review = EditorialReview(self)
        self._ix = self._open_index()

    # -- lifecycle -------------------------------------------------------------
    def _open_index(self) -> IndexDir:
        current, building, old = (self.index_dir / n for n in ("current", "building", "old"))
        if not current.exists() and old.exists():
            old.rename(current)  # a swap was interrupted after its first rename
        for leftover in (building, old):
            shutil.rmtree(leftover, ignore_errors=True)
        ix = IndexDir(current, self._required_embedder(), self.notices, self._with_vectors)
        self._articles: dict[str, Article] = {a.id: a for a in ix.store.summaries()}
        self._bind(ix)
        return ix

    def _bind(self, ix: IndexDir) -> None:
        stored = calibration.from_json(ix.store.meta("calibration"))
        threshold = stored.threshold if stored and not stored.default else self.settings.no_answer_confidence
        tuning = Tuning(self.settings.fusion, self.settings.semantic_weight, 60, threshold)
        self._searcher = HybridSearcher(ix.store, ix.keyword, ix.vectors_or_empty(), self._articles,
                                        self._embed_query, tuning)

    def reload(self) -> None:
        """Re-open the index from disk after another process (a background build) wrote it."""
        with self._write_lock:
            self._ix.close()
            self._ix = self._open_index()

    def close(self) -> None:
        """Stop the jobs, wait for the reads and the write in flight, release the index (idempotent)."""
        self.jobs.stop()
        with self._gate:
            self._closing = True
            self._gate.wait_for(lambda: self._readers == 0)
        with self._write_lock, self._search_lock:
            if self._closed:
                return
            self._closed = True
            self._ix.close()
            # The searcher holds a bound method of this object: drop it, so reference counting
            # frees the index and model as soon as the last caller lets go (no cycle left to collect).
            self._searcher = None
        if "history" in self.__dict__:
            self.history.close()

    @contextlib.contextmanager
    def _reading(self):
        """A read of the index: counted so close() waits for it; refused once closing (`IndexClosed`)."""
        with self._gate:
            if self._closing:
                raise IndexClosed(f"the index of {self.folder} is closed")
            self._readers += 1
        try:
            yield
        finally:
            with self._gate:
                self._readers -= 1
                self._gate.notify_all()

    def __enter__(self) -> "Assistant":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- model -----------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        """The embedder, loaded on first use (about a second for the default)."""
        with self._model_lock:
            if self._embedder is None:
                self._embedder = load_embedder(self._resolved_spec())
            return self._embedder

    def _required_embedder(self) -> str | None:
        return None if self._embedder_spec == AUTO else embedder_name(self._embedder_spec)

    def _resolved_spec(self) -> str:
        """`auto` becomes what this index already uses, else the choice for the folder's languages."""
        if self._embedder_spec == AUTO:
            stored = self._ix.store.meta("embedder")
            languages = [a.lang for a in self._articles.values() if a.searchable]
            self._embedder_spec = stored if stored in AUTO_CHOICES else choose_embedder(languages)
        return self._embedder_spec

    def settle_embedder(self, paths: Sequence[str]) -> None:
        """Resolve `auto` before the folder is read, from a sample of `paths`, and record the choice.

        For a build that embeds while it reads (`offload.build`): every worker
        then loads the model recorded here. The sample is every k-th file
        (at most LANGUAGE_SAMPLE), so the same folder always gets the same model.
        """
        if self._embedder_spec != AUTO or self._ix.store.meta("embedder"):
            return
        ordered = sorted(paths)
        languages = []
        for rel in ordered[::max(1, len(ordered) // LANGUAGE_SAMPLE)]:
            article = parse_file(self.folder, rel, {}).article
            if article is not None and article.searchable:
                languages.append(article.lang)
        self._embedder_spec = choose_embedder(languages)
        self._ix.store.set_meta("embedder", embedder_name(self._embedder_spec))

    def warm_up(self) -> None:
        """Load what the first suggestion would otherwise wait for: the model, the spelling
        dictionary and the triage lexicon."""
        self.embedder  # noqa: B018 - loads the model
        spelling.warm_up()
        self.escalation  # noqa: B018 - compiles the triage patterns (~0.3 s) and loads the escalation models

    def load_model_in_background(self) -> None:
        """Start loading the model on a thread, to overlap the index update before a first search.

        Only when the choice of model is settled: `auto` on a folder never indexed
        chooses by the folder's languages, known once the folder is read."""
        if self._embedder is not None or (self._embedder_spec == AUTO and not self._ix.store.meta("embedder")):
            return
        self._resolved_spec()
        threading.Thread(target=self._load_model_quietly, name="model-load", daemon=True).start()

    def _load_model_quietly(self) -> None:
        try:
            self.embedder  # noqa: B018 - loads the model
        except Exception:  # noqa: BLE001 - the search that needs the model loads it again and reports why
            pass

    @property
    def model_loaded(self) -> bool:
        return self._embedder is not None

    def _embed_query(self, text: str) -> np.ndarray | None:
        if self._embedder is None and not self.wait_for_model:
            return None
        if self._ix.vectors is None or len(self._ix.vectors) == 0:
            return None
        embedder = self.embedder
        embed_query = getattr(embedder, "embed_query", None)
        return embed_query(text) if embed_query else embedder.embed([text])[0]

    # -- indexing ----------------------------------------------------------------
    def index(self, rebuild: bool = False, paths: Iterable[str] | None = None,
              embed: bool = True, diff: FolderDiff | None = None) -> Generator[Progress, None, IndexChange]:
        """Bring the index up to date, yielding progress; returns what changed.

        `paths` limits the check to those folder-relative paths (the watcher's
        case). `embed=False` stops after the keyword phase; `embed_pending()`
        finishes the semantic side later. `diff`: a whole-folder comparison
        `folder_diff()` just made, so the folder is not scanned twice.
        """
        touched = False  # files were read: their problems may have changed even when no article did
        with self._write_lock:
            if rebuild:
                change = yield from self._rebuild()
            else:
                if diff is None:
                    only = list(paths) if paths is not None else None
                    diff = diff_folder(self.folder, self._ix.store.files(only), only)
                if paths is None:
                    self._scan_problems = diff.scan_problems
                change = IndexChange()
                touched = not diff.empty
                if touched:
                    vectors = self._ix.vectors_or_empty() if self._with_vectors else None
                    change = yield from sync_files(self.folder, self._ix.store, self._ix.keyword, vectors, diff,
                                                   self._apply_articles)
                    self._count_changes(len(change.added) + len(change.updated) + len(change.removed))
                if embed and self.embed_on_update:
                    yield from self._embed_into(self._ix)
        if touched or change.rebuilt:
            for listener in list(self._listeners):
                listener(change)
        return change

    def update(self, paths: Iterable[str] | None = None, rebuild: bool = False) -> IndexChange:
        """`index()` run to the end, for callers that need no progress."""
        gen = self.index(rebuild=rebuild, paths=paths)
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                return stop.value

    def folder_diff(self) -> FolderDiff:
        """What an `index()` now would read or drop (a scan and a stat per file, no reads)."""
        with self._reading():
            return diff_folder(self.folder, self._ix.store.files(), None)

    def adopt_vectors(self, vector_ids: Iterable[int]) -> None:
        """Load vectors that another process stored into the in-memory index, making them searchable."""
        with self._write_lock:
            dim = None if self._closed else self._ix.store.meta("dim")
            if not dim:
                return
            before = self._ix.vectors
            vectors = self._ix.ensure_vectors(int(dim))
            if vectors is not before:
                self._bind(self._ix)
            ids, matrix = self._ix.store.vectors_of(vector_ids, vectors.dim)
            if len(ids):
                vectors.add(ids, matrix)

    def embed_pending(self, share: tuple[int, int] = (0, 1),
                      more_coming: Callable[[], bool] = lambda: False) -> Generator[Progress, None, int]:
        """Embed the chunks still without a vector (`share` (i, n): only part i of n, for parallel workers;
        `more_coming()`: another process is still adding chunks, wait for them)."""
        with self._write_lock:
            return (yield from self._embed_into(self._ix, share, more_coming))

    def _embed_into(self, ix: IndexDir, share: tuple[int, int] = (0, 1),
                    more_coming: Callable[[], bool] = lambda: False) -> Generator[Progress, None, int]:
        if ix.store.count_pending(share) == 0 and not more_coming():
            return 0
        embedder = self.embedder
        if ix.store.meta("embedder") != embedder.name:  # `auto` was just resolved
            ix.store.set_meta("embedder", embedder.name)
        vectors = ix.ensure_vectors(embedder.dim)
        if ix is self._ix:
            self._bind(ix)
        # A worker (no vectors in memory) only stores them: at 50k articles its copy grew to 150 MB.
        return (yield from embed_pending(ix.store, embedder.embed, vectors if self._with_vectors else None, share,
                                         more_coming))

    def _apply_articles(self, fresh: list[Article], removed: list[str]) -> None:
        for article_id in removed:
            self._articles.pop(article_id, None)
        for article in fresh:
            self._articles[article.id] = summary(article)

    def _rebuild(self) -> Generator[Progress, None, IndexChange]:
        building = self.index_dir / "building"
        shutil.rmtree(building, ignore_errors=True)
        fresh = IndexDir(building, self._required_embedder(), self.notices)
        articles: dict[str, Article] = {}

        def collect(new: list[Article], gone: list[str]) -> None:
            articles.update((a.id, a) for a in new)

        diff = diff_folder(self.folder, {}, None)
        change = yield from sync_files(self.folder, fresh.store, fresh.keyword, VectorIndex(1), diff, collect)
        yield from self._embed_into(fresh)
        fresh.close()
        self._ix.close()
        current, old = self.index_dir / "current", self.index_dir / "old"
        current.rename(old)
        building.rename(current)
        shutil.rmtree(old, ignore_errors=True)
        self._scan_problems = diff.scan_problems
        self._ix = self._open_index()
        return IndexChange(change.added, (), (), change.problems, rebuilt=True, reason="rebuild requested")

    # -- the no-answer threshold, calibrated on the folder ---------------------------
    def calibrate(self, force: bool = False) -> calibration.Calibration | None:
        """Measure this folder's no-answer threshold (see `search.calibration`) when it is missing or
        stale: never measured, another embedder, or a RECALIBRATE_SHARE of the articles changed since.
        Needs the semantic index complete; returns the calibration in use (None: not possible yet)."""
        with self._write_lock:
            store = self._ix.store
            stored = calibration.from_json(store.meta("calibration"))
            if not self.semantic_ready or len(self._ix.vectors or ()) == 0:
                return stored
            changed = int(store.meta("calibration_changes") or 0)
            searchable = [a for a in self._articles.values() if a.searchable]
            fresh = (stored is not None and store.meta("calibration_embedder") == store.meta("embedder")
                     and changed < max(1, calibration.RECALIBRATE_SHARE * len(searchable))
                     and store.meta("escalation_model") == f"{self._exemplars.digest}|{self._meaning_embedder().name}")
            if fresh and not force:
                return stored
            self.embedder  # noqa: B018 - loaded before the probes are embedded
            with self._reading():
                measured = calibration.calibrate(
                    self._searcher, [self._ix.store.article(a.id) or a for a in searchable], self._embed_query,
                    lambda texts: np.asarray(self.embedder.embed(texts)), self.settings.no_answer_confidence)
            store.set_meta("calibration", json.dumps(measured.as_dict()))
            store.set_meta("calibration_embedder", store.meta("embedder") or "")
            store.set_meta("calibration_changes", "0")
            self._train_escalation(searchable)
            self._bind(self._ix)
            return measured

    def _train_escalation(self, searchable: list[Article]) -> None:
        """Train the escalation models on the exemplars and this folder's own questions (calm examples)."""
        use = self._meaning_embedder()
        texts = [t for a in searchable for t in (*a.questions, a.title)]
        model = escalation.train_for_folder(self._exemplars, use.embed, use.name, texts)
        model.save(self._ix.directory / ESCALATION_MODEL)
        self._ix.store.set_meta("escalation_model", f"{self._exemplars.digest}|{use.name}")
        self.__dict__.pop("_escalation_judge", None)  # rebuilt with the new models at the next use

    def _meaning_embedder(self) -> Embedder:
        """The multilingual embedder the escalation models read: the folder's USE, or one of their own."""
        embedder = self.embedder
        if isinstance(embedder, (UseEmbedder, HashEmbedder)):
            return embedder
        if isinstance(embedder, DualEmbedder):
            return embedder.use
        with self._model_lock:
            if self._use is None:
                self._use = UseEmbedder()
            return self._use

    @functools.cached_property
    def _exemplars(self) -> escalation_model.Exemplars:
        return escalation_model.load_exemplars()

    @property
    def escalation(self) -> escalation.Escalation:
        """The escalation judge: the lexicon, with the folder's learned models once they are trained
        and the model is loaded (until then the lexicon alone, not remembered)."""
        judge = self.__dict__.get("_escalation_judge")
        if judge is not None:
            return judge
        with self._reading():
            stored = self._ix.store.meta("escalation_model")
            model = None
            if stored and self._embedder is not None and stored.startswith(self._exemplars.digest + "|"):
                model = escalation_model.EscalationModel.load(self._ix.directory / ESCALATION_MODEL)
        if model is None:
            return escalation.Escalation(self.lexicon)
        use = self._meaning_embedder()
        positive, _ = escalation.exemplar_vectors(self._exemplars, use.embed, use.name)
        judge = escalation.Escalation(self.lexicon, model, use.embed,
                                      escalation.ExemplarIndex.build(self._exemplars, positive))
        self.__dict__["_escalation_judge"] = judge
        return judge

    @property
    def calibration(self) -> calibration.Calibration | None:
        """The folder's stored no-answer calibration, if it was measured."""
        with self._reading():
            return calibration.from_json(self._ix.store.meta("calibration"))

    def _count_changes(self, articles: int) -> None:
        if articles:
            store = self._ix.store
            store.set_meta("calibration_changes", str(int(store.meta("calibration_changes") or 0) + articles))

    def writing(self):
        """The write lock, for a caller that must read the index, change a file and re-index it as one step."""
        return self._write_lock

    def indexed_hash(self, path: str) -> str:
        """The hash of the bytes of `path` (folder-relative) as last indexed, "" when it is not indexed."""
        entry = self._ix.store.files([path]).get(path)
        return entry.hash if entry else ""

    # -- the editors' review ---------------------------------------------------------
    def review(self, as_of: dt.date | None = None, **options) -> "ReviewReport":
        """The weekly review as of `as_of` (default today); see `EditorialReview.review` for the options."""
        with self._reading():
            return self._review.review(as_of, **options)

    def mark_reviewed(self, article_id: str, on: dt.date | None = None) -> IndexChange:
        """Set the article's `reviewed:` to `on` (default today) in its file, then re-index that file."""
        return self._review.mark_reviewed(article_id, on)

    def snooze(self, article_id: str, days: int, state_dir: Path | None = None, *,
               as_of: dt.date | None = None) -> dt.date:
        """Hide the article from the review queue for `days` days; returns until when."""
        return self._review.snooze(article_id, days, state_dir, as_of=as_of)

    # -- events --------------------------------------------------------------------
    def on_index_did_update(self, listener: Callable[[IndexChange], None]) -> Callable[[], None]:
        """Call `listener(change)` after every write; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def watch(self, debounce_s: float = 0.3, on_error: Callable[[Exception], None] | None = None):
        """Start watching the folder; saves are re-indexed within about a second. Call `.stop()` when done."""
        from .index.watcher import FolderWatcher

        watcher = FolderWatcher(self.folder, self.update, debounce_s, on_error)
        watcher.start()
        return watcher

    # -- queries -------------------------------------------------------------------
    def search(self, query: str, k: int = 5, mode: str = "hybrid", *, tags: Iterable[str] = (),
               product: str | None = None, lang: str | None = None,
               statuses: Iterable[str] = ("published",)) -> SearchResult:
        with self._reading(), self._search_lock:
            return self._searcher.search(query, k, mode, Filters(tuple(tags), product, lang, tuple(statuses)))

    def suggest(self, message: str, k: int = 3, as_of: dt.date | None = None, *,
                log: bool = True) -> SuggestResult:
        """Escalation verdict and ready replies for a customer message (see `kbassist.suggest`)."""
        from .assist.suggest import suggest

        with self._reading():
            return suggest(self, message, judge=self.escalation.judge, k=k,
                           history=self.history if log else None, as_of=as_of)

    def record_copy(self, event_id: int, article_id: str, reply_title: str) -> None:
        """Log that the agent copied a reply offered by suggestion `event_id`."""
        self.history.record_copy(event_id, article_id, reply_title)

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        """The triage lexicon (built-in, or the folder's `.kbassist/triage.yml`), read once."""
        lexicon, problems = load_lexicon(self.folder)
        self.notices.extend(str(p) for p in problems)
        return lexicon

    @functools.cached_property
    def history(self) -> History:
        """The private suggestion log in the data directory; nothing new is written when logging is off."""
        return History(data_dir() / "history.sqlite3", enabled=self.settings.logging_enabled,
                       retention_days=lambda: self.settings.history_retention_days)

    def article(self, article_id: str) -> Article | None:
        """The whole article (body, sections, replies), read from the index; None once the folder is closed."""
        if article_id not in self._articles:
            return None
        try:
            with self._reading():
                return self._ix.store.article(article_id)
        except IndexClosed:
            return None  # a late look-up (a preview refreshing as the folder closes) shows nothing

    def articles(self) -> list[Article]:
        """Every whole article, read from the index (the weekly review's input)."""
        with self._reading():
            return sorted(self._ix.store.articles(), key=lambda a: a.path)

    def article_summaries(self) -> list[Article]:
        """Every article's front matter, from memory: for per-message work such as suggestions."""
        return sorted(self._articles.values(), key=lambda a: a.path)

    def problems(self) -> list[Problem]:
        with self._reading():
            return self._scan_problems + self._ix.store.problems()

    def article_vectors(self) -> dict[str, np.ndarray]:
        """Each article's stored chunk vectors (head first): duplicate detection reuses them."""
        with self._reading():
            vectors = self._ix.vectors
            return self._ix.store.article_vectors(vectors.dim) if vectors is not None else {}

    def save_vector_snapshot(self) -> None:
        """After a build: write the vectors where the next start reads them fast (see vector_snapshot).

        A full read of the stored vectors if they changed since the last snapshot, on a
        connection of its own: updates and searches meanwhile are not held up."""
        self._ix.save_vector_snapshot()

    def optimize_in_background(self) -> None:
        """For a long session (the app, an evaluation): partition a large vector index on a
        thread (see vector_index). Searches use the exhaustive index until it is in place."""
        if self._ix.vectors is not None:
            self._ix.vectors.partition_in_background()

    def wait_settled(self, timeout: float | None = None) -> bool:
        """Wait for `optimize_in_background`'s work; True when the vector index is partitioned."""
        vectors = self._ix.vectors
        return vectors is not None and vectors.wait_partitioned(timeout)

    @property
    def semantic_ready(self) -> bool:
        return self._ix.vectors is not None and self._ix.store.count_pending() == 0

    def stats(self) -> dict:
        with self._reading():
            return {
                "articles": len(self._articles),
                "chunks": self._ix.store.count_chunks(),
                "pending_vectors": self._ix.store.count_pending(),
                "embedder": embedder_name(self._embedder_spec if self._embedder_spec != AUTO  # `auto`: what it became
                                          else self._ix.store.meta("embedder") or AUTO),
                "index_dir": str(self.index_dir),
            }
