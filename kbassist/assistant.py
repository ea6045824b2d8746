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
Across processes, one writes an index at a time and the others read the last
complete index meanwhile (`index.home`). With a team's server (`server=`, the
`server` setting) the index is a PostgreSQL database instead (`kbassist.server`):
searched the same way, written only by `kbassist index`/`watch` with `--server`.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generator, Iterable, Sequence

import numpy as np

from .assist import escalation
from .assist.history import History
from .assist.model import SuggestResult
from .assist.triage import Lexicon, load_lexicon
from .embed.embedders import AUTO, Embedder, choose_embedder, embedder_name
from .embed.holder import ModelHolder
from .errors import FolderNotFound, IndexClosed, KbError, Problem
from .index.directory import IndexDir, default_index_dir
from .index.home import IndexHome
from .index.indexer import FolderDiff, diff_folder, embed_pending, parse_file, sync_files
from .index.model import IndexChange, Progress
from .index.store import summary
from .index.vectors import VectorIndex
from .jobs import Jobs
from .judgment import FolderJudgment, Models
from .knowledge.model import Article
from .review.part import EditorialReview
from .search import calibration, spelling
from .search.hybrid import Filters, HybridSearcher, Tuning
from .search.model import SearchResult
from .settings import Settings, data_dir, load_settings
from .textutil import clean

if TYPE_CHECKING:
    from .insights.part import Insights
    from .practice import Drill
    from .review import ReviewReport
    from .server.connection import Reader

LANGUAGE_SAMPLE = 500  # files read to choose the `auto` embedder before a build that embeds while it reads
LOCK_WAIT_S = 30.0  # how long a write waits for another process's to finish before saying who holds the index

log = logging.getLogger(__name__)


class Assistant:
    """Facade over a knowledge folder: index it, keep it fresh, search it."""

    def __init__(self, folder: str | Path, index_dir: str | Path | None = None, *,
                 settings: Settings | None = None, embedder: str | Embedder | None = None,
                 wait_for_model: bool = True, with_vectors: bool = True, lock_wait_s: float = LOCK_WAIT_S,
                 server: str | None = None):
        """`lock_wait_s`: how long a write waits while another process writes this index (then IndexBusy).
        `server`: a team's PostgreSQL URL (default: the `server` setting); its index is searched and
        written instead of a local one (`kbassist.server`), and no local index folder is made."""
        self.folder = Path(folder).expanduser().resolve()
        if not self.folder.is_dir():
            raise FolderNotFound(f"knowledge folder not found: {self.folder}")
        self.notices: list[str] = []
        if settings is None:  # the CLI's case: a broken settings file is said, not silently replaced
            settings, problems = load_settings()
            self.notices.extend(str(p) for p in problems)
        self.settings = settings
        self.index_dir = Path(index_dir) if index_dir else default_index_dir(self.folder, self.settings)
        self.server = server or self.settings.server or None
        # The server serialises its indexers itself (an advisory lock, `server.sync`).
        self._home = None if self.server else IndexHome(self.index_dir, lock_wait_s)
        self.wait_for_model = wait_for_model
        self._with_vectors = with_vectors  # False: a worker process that writes the index, never searches it
        self._models = ModelHolder(embedder or self.settings.embedder)
        self.embedder_setting = self._models.setting  # as asked for, `auto` unresolved: for worker processes
        self.embed_on_update = True  # False: updates do the keyword phase only; the caller embeds (in workers)
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
        self._judgment = FolderJudgment()
        self._ix = self._open_index()

    # -- lifecycle -------------------------------------------------------------
    def _open_index(self) -> IndexDir:
        if self.server:
            from .judgment import ESCALATION_MODEL, INTENT_CLASSIFIER
            from .server.index import ServerIndex

            files = {"escalation_model": ESCALATION_MODEL, "intents_embedder": INTENT_CLASSIFIER}
            ix = ServerIndex(self.server, self._models.required_name, files, self._apply_articles)
        else:
            ix = self._home.open(self._models.required_name, self.notices, self._with_vectors)
        self._articles: dict[str, Article] = {a.id: a for a in ix.take_summaries()}
        self._bind(ix)
        return ix

    @contextlib.contextmanager
    def writing(self, wait_s: float | None = None):
        """This thread as the Assistant's one writer, and this process as the index's (see `index.home`):
        for a caller that must read the index, change a file and re-index it as one step."""
        with self._write_lock, (self._home.writing(wait_s) if self._home else contextlib.nullcontext()):
            yield

    def _bind(self, ix: IndexDir) -> None:
        threshold = self._judgment.threshold(ix, self.settings.no_answer_confidence)
        self.no_answer_threshold = threshold  # suggestions just above it are logged as weak answers (#21)
        tuning = Tuning(self.settings.fusion, self.settings.semantic_weight, 60, threshold)
        self._searcher = HybridSearcher(ix.search_index(), self._articles, self._embed_query, tuning,
                                        self._judgment.classifier(ix))

    @property
    def _outside_links(self) -> bool:
        """Whether articles are read through links that lead out of the folder (a setting, off by default)."""
        return self.settings.follow_outside_links

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
        return self._models.get(self._resolved_spec)

    def _resolved_spec(self) -> str:
        if self.server and self._models.spec == AUTO:  # an agent embeds its queries with the team indexer's model
            self._models.spec = self._ix.store.meta("embedder_spec") or AUTO
        return self._models.resolve(self._ix.store.meta("embedder"),
                                    lambda: [a.lang for a in self._articles.values() if a.searchable])

    def settle_embedder(self, paths: Sequence[str]) -> None:
        """Resolve `auto` before the folder is read, from a sample of `paths`, and record the choice.

        For a build that embeds while it reads (`offload.build`): every worker
        then loads the model recorded here. The sample is every k-th file
        (at most LANGUAGE_SAMPLE), so the same folder always gets the same model.
        """
        if self._models.spec != AUTO or self._ix.store.meta("embedder"):
            return
        ordered = sorted(paths)
        languages = []
        for rel in ordered[::max(1, len(ordered) // LANGUAGE_SAMPLE)]:
            article = parse_file(self.folder, rel, outside_links=self._outside_links).article
            if article is not None and article.searchable:
                languages.append(article.lang)
        self._models.spec = choose_embedder(languages)
        with self.writing():
            self._ix.store.set_meta("embedder", embedder_name(self._models.spec))

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
        if self._models.loaded or (self._models.spec == AUTO and not self._ix.store.meta("embedder")):
            return
        self._resolved_spec()
        self._models.load_in_background(self._resolved_spec)

    @property
    def model_loaded(self) -> bool:
        return self._models.loaded

    def _embed_query(self, text: str) -> np.ndarray | None:
        if not self._models.loaded and not self.wait_for_model:
            return None
        if self._ix.vectors is None or len(self._ix.vectors) == 0:
            return None
        return self._models.query_vector(self.embedder, text)

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
        with self.writing():
            if self.server:
                change = yield from self._index_server(paths, rebuild)
                touched = not change.empty
            elif rebuild:
                change = yield from self._rebuild()
            else:
                if diff is None:
                    only = list(paths) if paths is not None else None
                    diff = diff_folder(self.folder, self._ix.store.files(only), only, self._outside_links)
                if paths is None:
                    self._scan_problems = diff.scan_problems
                change = IndexChange()
                touched = not diff.empty
                if touched:
                    vectors = self._ix.vectors_or_empty() if self._with_vectors else None
                    change = yield from sync_files(self.folder, self._ix.store, self._ix.keyword, vectors, diff,
                                                   self._apply_articles, self._outside_links)
                    self._judgment.count_changes(self._ix, len(change.added) + len(change.updated) + len(change.removed))
                if embed and self.embed_on_update:
                    yield from self._embed_into(self._ix)
        if touched or change.rebuilt:
            for listener in list(self._listeners):
                listener(change)
        return change

    def _index_server(self, paths: Iterable[str] | None, rebuild: bool) -> Generator[Progress, None, IndexChange]:
        """The server's indexer: each article committed whole, with its vectors (`server.sync`); `rebuild`
        reads every file again (vectors of unchanged texts reused: the embedder is the index's)."""

        def choose(diff: FolderDiff) -> tuple[Embedder, str]:
            self.settle_embedder(diff.added + diff.changed)
            return self.embedder, self._resolved_spec()

        change = yield from self._ix.sync(self.folder, list(paths) if paths is not None else None, choose,
                                          self._apply_articles, self._outside_links, reread=rebuild)
        self._judgment.count_changes(self._ix, len(change.added) + len(change.updated) + len(change.removed))
        return change

    @property
    def team_server(self) -> "Reader | None":
        """The team's server connections when there is one (for sharing the Insights events), else None."""
        return self._ix.reader if self.server else None

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
            return diff_folder(self.folder, self._ix.store.files(), None, self._outside_links)

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
        with self.writing():
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
        fresh = self._home.start_rebuild(self._models.required_name, self.notices)
        diff = diff_folder(self.folder, {}, None, self._outside_links)
        change = yield from sync_files(self.folder, fresh.store, fresh.keyword, VectorIndex(1), diff,
                                       lambda new, gone: None, self._outside_links)
        yield from self._embed_into(fresh)
        fresh.close()
        self._ix.close()
        self._home.swap_in_rebuild()
        self._scan_problems = diff.scan_problems
        self._ix = self._open_index()
        return IndexChange(change.added, (), (), change.problems, rebuilt=True, reason="rebuild requested")

    # -- the folder's own judgment (see kbassist.judgment) -------------------------------
    def calibrate(self, force: bool = False) -> calibration.Calibration | None:
        """Measure this folder's no-answer threshold, escalation models and intent classifier when they
        are missing or stale. Needs the semantic index complete; returns the calibration in use (None:
        not possible yet)."""
        with self.writing():
            ix = self._ix
            if not self.semantic_ready or len(ix.vectors or ()) == 0:
                return self._judgment.calibration(ix)
            searchable = [a for a in self._articles.values() if a.searchable]
            meaning = self._meaning_embedder()
            if not force and self._judgment.fresh(ix, len(searchable), meaning):
                return self._judgment.calibration(ix)
            with self._reading():
                whole = [ix.store.article(a.id) or a for a in searchable]
                measured = self._judgment.measure(ix, self._searcher, whole,
                                                  Models(self.embedder, meaning, self._embed_query),
                                                  self.settings.no_answer_confidence)
            self._bind(ix)
            return measured

    @property
    def calibration(self) -> calibration.Calibration | None:
        """The folder's stored no-answer calibration, if it was measured."""
        with self._reading():
            return self._judgment.calibration(self._ix)

    @property
    def escalation(self) -> escalation.Escalation:
        """The escalation judge: the lexicon, with the folder's learned models once they are trained and
        the model is loaded."""
        with self._reading():
            return self._judgment.escalation(self._ix, self.lexicon,
                                              self._meaning_embedder() if self._models.loaded else None)

    def _meaning_embedder(self) -> Embedder:
        return self._models.meaning(self._resolved_spec)

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
            return self._searcher.search(clean(query), k, mode, Filters(tuple(tags), product, lang, tuple(statuses)))

    def suggest(self, message: str, k: int = 3, as_of: dt.date | None = None, *,
                log: bool = True) -> SuggestResult:
        """Escalation verdict and ready replies for a customer message (see `kbassist.suggest`)."""
        from .assist.suggest import suggest

        with self._reading():
            return suggest(self, clean(message), judge=self.escalation.judge, k=k,
                           history=self.history if log else None, as_of=as_of)

    def record_copy(self, event_id: int, article_id: str, reply_title: str) -> None:
        """Log that the agent copied a reply offered by suggestion `event_id`."""
        self.history.record_copy(event_id, article_id, reply_title)

    @functools.cached_property
    def insights(self) -> "Insights":
        """For team leads (#21): record what the agent did after a suggestion, and report the numbers."""
        from .insights.part import Insights

        return Insights(self)

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
                       retention_days=lambda: self.settings.history_retention_days, on_kept=self._embed_kept)

    def _embed_kept(self, event_id: int, text: str) -> None:
        """Cache the vector of a text the log just kept, when the model is loaded anyway: content
        gaps then never load it (`kbassist insights` on a fresh log took 1.5 s, 0.75 s of it loading)."""
        if not self.model_loaded:
            return  # the report embeds it later; loading the model here would stall a suggestion
        try:
            embedder = self.embedder
            self.history.keep_vectors(embedder.name, {event_id: embedder.embed([text])[0]})
        except Exception:  # noqa: BLE001 - a cache miss costs a report time, never a suggestion
            log.warning("kept text of event %s not embedded", event_id, exc_info=True)

    def practice(self, n: int, seed: int = 0) -> tuple["Drill", ...]:
        """`n` practice drills drawn from this folder's own questions (seeded: a set can be replayed)."""
        from .practice import make_drills

        return make_drills(self.articles(), n, seed)

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
        connection of its own: updates and searches meanwhile are not held up. Only a speed-up,
        so it is skipped while another process writes the index."""
        if self._home is None:
            return  # the vectors live on the server
        if self._home.try_writing():
            try:
                self._ix.save_vector_snapshot()
            finally:
                self._home.done_writing()

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
                "embedder": embedder_name(self._models.spec if self._models.spec != AUTO  # `auto`: what it became
                                          else self._ix.store.meta("embedder") or AUTO),
                "index_dir": str(self.index_dir),
                **({"server": self._ix.location} if self.server else {}),
            }
